import { compareMetrics, procedureMetrics, type StaticMetrics, type StepMetrics } from '@onedoor/reengineering';
import { procedureFile } from './diagram-integrity.js';

const step = (elementId: string, intermediate: boolean): StepMetrics => ({
  elementId, allowanceDays: 1, counted: true, complianceCost: 0, intermediate,
});

/** A small procedure: reception, one intermediate step per extra id, the return of the result. */
function metrics(middle: string[], complianceCost: number, statutoryDays: number | null = 5): StaticMetrics {
  const perStep = [step('receive', false), ...middle.map((id) => step(id, true)), step('give-back', false)];
  return {
    processKey: 'p', steps: perStep.length, countedSteps: perStep.length, handoffs: 2, departments: 2,
    departmentCodes: ['A', 'B'], statutoryDays, longestPathDays: middle.length + 2, complianceCost, perStep,
  };
}

describe('compareMetrics', () => {
  it('given 1.001806 v1 and v2, when compared, then one intermediate step and 17.6% of the cost are cut: the target is met', async () => {
    const base = await procedureMetrics(procedureFile('1.001806.v1.bpmn'));
    const candidate = await procedureMetrics(procedureFile('1.001806.v2.bpmn'));

    const { delta, removedSteps, addedSteps, verdict } = compareMetrics(base, candidate);

    expect(delta.steps).toEqual({ absolute: -1, percent: -14.29 });
    expect(delta.complianceCost).toEqual({ absolute: -30000, percent: -17.65 });
    expect(delta.handoffs).toEqual({ absolute: 0, percent: 0 });
    expect(delta.statutoryDays).toEqual({ absolute: 0, percent: 0 });
    expect(removedSteps.map((s) => s.elementId)).toEqual(['buoc-4-xem-xet']);
    expect(addedSteps).toEqual([]);
    expect(verdict).toEqual({
      stepsCut: true,
      costCut10: true,
      met: true,
      text:
        'Đạt yêu cầu cải cách theo Quyết định 468/QĐ-TTg: cắt giảm 1 bước trung gian (7 → 6 bước); ' +
        'giảm 17,6% chi phí tuân thủ (170.000 → 140.000 đồng). Thời hạn giải quyết giữ nguyên 10 ngày làm việc.',
    });
  });

  it('given a version compared with itself, when compared, then nothing is cut and the target is not met', async () => {
    const m = await procedureMetrics(procedureFile('9.000102.v1.bpmn'));
    const { verdict } = compareMetrics(m, m);
    expect(verdict).toMatchObject({ stepsCut: false, costCut10: false, met: false });
    expect(verdict.text).toBe(
      'Chưa đạt yêu cầu cải cách theo Quyết định 468/QĐ-TTg: chưa cắt giảm bước trung gian nào (7 → 7 bước); ' +
        'chi phí tuân thủ không giảm (200.000 → 200.000 đồng). Thời hạn giải quyết giữ nguyên 5 ngày làm việc.',
    );
  });

  it('given exactly 10% less compliance cost, when compared, then the cost target is met', () => {
    const { verdict } = compareMetrics(metrics(['review', 'sign'], 200000), metrics(['sign'], 180000));
    expect(verdict).toMatchObject({ stepsCut: true, costCut10: true, met: true });
  });

  it('given a 5% cost cut, when compared, then the verdict says it falls short of 10%', () => {
    const { verdict } = compareMetrics(metrics(['review', 'sign'], 200000, 5), metrics(['sign'], 190000, 4.5));
    expect(verdict).toMatchObject({ stepsCut: true, costCut10: false, met: false });
    expect(verdict.text).toBe(
      'Chưa đạt yêu cầu cải cách theo Quyết định 468/QĐ-TTg: cắt giảm 1 bước trung gian (4 → 3 bước); ' +
        'chi phí tuân thủ chỉ giảm 5% (200.000 → 190.000 đồng), chưa đủ mức tối thiểu 10%. Thời hạn giải quyết: 5 → 4,5 ngày làm việc.',
    );
  });

  it('given only the return of the result dropped, when compared, then no intermediate step counts as cut', () => {
    const base = metrics(['sign'], 100000);
    const candidate = { ...metrics(['sign'], 50000), steps: 2, perStep: base.perStep.slice(0, 2) };
    const { removedSteps, verdict } = compareMetrics(base, candidate);
    expect(removedSteps.map((s) => s.elementId)).toEqual(['give-back']);
    expect(verdict).toMatchObject({ stepsCut: false, costCut10: true, met: false });
  });

  it('given a step replaced by a new one, when compared, then it shows as removed and added and the count did not drop', () => {
    const { removedSteps, addedSteps, verdict } = compareMetrics(metrics(['review'], 100000), metrics(['check'], 80000));
    expect([removedSteps.map((s) => s.elementId), addedSteps.map((s) => s.elementId)]).toEqual([['review'], ['check']]);
    expect(verdict.stepsCut).toBe(false);
  });

  it('given a version without a statutory time, when compared, then the statutory delta is null and percentages of zero bases are null', () => {
    const { delta } = compareMetrics(metrics([], 0, null), metrics([], 50000, 5));
    expect(delta.statutoryDays).toBeNull();
    expect(delta.complianceCost).toEqual({ absolute: 50000, percent: null });
  });
});
