import { buildAnnexTable, durationText, stepTime } from '../../../apps/engine/src/procedure-annex/annex-table.js';
import { buildComparisonAnnex } from '../../../apps/engine/src/procedure-annex/comparison-annex.js';
import type { StepView } from '../../../apps/engine/src/queries/definition-queries.js';

const step = (elementId: string, allowanceDays: number | null, extra: Partial<StepView> = {}): StepView => ({
  elementId,
  name: `Bước ${elementId}`,
  type: 'userTask',
  departmentCode: 'PHONG',
  role: 'specialist',
  allowanceDays,
  counted: allowanceDays !== null,
  proposedForRemoval: false,
  removalReason: null,
  legalBasis: null,
  complianceCost: null,
  ...extra,
});

const table = (version: number, steps: StepView[]) =>
  buildAnnexTable({
    definition: { id: `p:${version}`, key: 'p', version, name: 'Thủ tục thử', procedureCode: '1.000001', statutoryDays: 3 },
    steps,
    departmentNames: new Map([['PHONG', 'Phòng Chuyên môn'], ['A', 'Sở A'], ['B', 'Sở B']]),
    agencyName: 'Sở Thử',
  });

describe('the annex table', () => {
  it('given allowances under a day, prints them in working hours, and a day or more in days with a decimal comma', () => {
    expect(durationText(0.25)).toBe('2 giờ làm việc');
    expect(durationText(0.5)).toBe('4 giờ làm việc');
    expect(durationText(1)).toBe('1 ngày làm việc');
    expect(durationText(1.75)).toBe('1,75 ngày làm việc');
    expect(stepTime(null, false)).toBe('Không tính vào thời gian giải quyết');
    expect(stepTime(null, true)).toBe('Chưa quy định');
  });

  it('given steps in flow order, numbers them, names units and roles, and totals only the counted steps', () => {
    const annex = table(1, [
      step('a', 0.5, { role: 'reception', legalBasis: 'Điều 5 Nghị định 118/2025/NĐ-CP' }),
      step('b', 2, { legalBasis: 'Điều 5 Nghị định 118/2025/NĐ-CP' }),
      step('c', null, { role: 'reception', legalBasis: 'Điều 6' }),
    ]);
    expect(annex.rows.map((r) => [r.number, r.unit, r.role, r.time])).toEqual([
      [1, 'Phòng Chuyên môn', 'Công chức tiếp nhận và trả kết quả', '4 giờ làm việc'],
      [2, 'Phòng Chuyên môn', 'Chuyên viên', '2 ngày làm việc'],
      [3, 'Phòng Chuyên môn', 'Công chức tiếp nhận và trả kết quả', 'Không tính vào thời gian giải quyết'],
    ]);
    expect(annex.totalDays).toBe(2.5);
    expect(annex.totalText).toBe('Tổng thời gian: 2,5 ngày làm việc');
    expect(annex.legalBases).toEqual(['Điều 5 Nghị định 118/2025/NĐ-CP', 'Điều 6']);
  });

  it('given a consultation listing its departments, the unit names each of them', () => {
    const annex = table(1, [step('xin-y-kien', 3, { departmentCode: null, multiInstance: true, departmentCodes: ['A', 'B'] })]);
    expect(annex.rows[0].unit).toBe('Sở A; Sở B');
  });
});

describe('the comparison annex', () => {
  it('given a step cut, one shortened and one added, says so row by row and sums the saving', () => {
    const before = table(1, [step('a', 1), step('b', 2), step('c', 3)]);
    const after = table(2, [step('a', 1), step('new', 0.5), step('c', 2)]);
    const annex = buildComparisonAnnex(before, after);
    expect(annex.rows.map((r) => [r.elementId, r.before, r.after, r.change, r.changeText])).toEqual([
      ['a', 1, 1, 'unchanged', 'Giữ nguyên'],
      ['new', null, 2, 'added', 'Bổ sung bước'],
      ['b', 2, null, 'cut', 'Cắt giảm bước'],
      ['c', 3, 3, 'shortened', 'Giảm 1 ngày làm việc'],
    ]);
    expect(annex.stepsCut).toBe(1);
    expect(annex.daysSaved).toBe(2.5);
    expect(annex.percentSaved).toBe(41.7);
    expect(annex.summary).toBe('Số bước: 3 → 3 (cắt giảm 1); thời gian: 6 ngày làm việc → 3,5 ngày làm việc (giảm 2,5 ngày làm việc, 41,7%)');
  });
});
