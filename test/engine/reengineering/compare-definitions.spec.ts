import { compareDefinitions } from '../../../apps/engine/src/reengineering/compare-definitions.js';
import { DomainError, ErrorCode } from '../../../apps/engine/src/shared/domain-error.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';
import { marchHistory } from './march-2026-history.js';
import { seedHistory } from './seed-history.js';

const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';

/** The comparison service on a real database, history seeded by hand (march-2026-history.ts). */
describe('comparing two versions of a procedure', () => {
  let t: TestEngine;
  let v1: string;
  let v2: string;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
    const versions = await t.engine.definitions.list({ key: KEY });
    [v1, v2] = versions.map((d) => d.id);
    await seedHistory(t.engine, marchHistory(v1, v2));
  });
  afterAll(() => t.close());

  it('given 1.001806 v1 and v2, when compared, then the model shows 7 → 6 steps and the reform verdict is met', async () => {
    const result = await compareDefinitions(t.engine, v1, v2);
    expect(result.base).toEqual(expect.objectContaining({ definitionId: v1, key: KEY, version: 1, steps: 7, countedSteps: 6, statutoryDays: 10, longestPathDays: 10, complianceCost: 170000 }));
    expect(result.candidate).toEqual(expect.objectContaining({ definitionId: v2, version: 2, steps: 6, complianceCost: 140000 }));
    expect(result.base.departmentCodes).toEqual(['SYT_MOTCUA', 'SYT_BTXH', 'SYT_LANHDAO', 'SYT_VANTHU']);
    expect(result.base.perStepStatic.map((s) => s.elementId)).toContain('buoc-4-xem-xet');
    expect(result.delta.steps).toEqual({ absolute: -1, percent: -14.29 });
    expect(result.delta.complianceCost).toEqual({ absolute: -30000, percent: -17.65 });
    expect(result.removedSteps.map((s) => s.elementId)).toEqual(['buoc-4-xem-xet']);
    expect(result.verdict).toEqual(expect.objectContaining({ stepsCut: true, costCut10: true, met: true }));
    expect(result.verdict.text).toMatch(/^Đạt yêu cầu cải cách/);
  });

  it('given three finished dossiers, when measured, then days, p90 and late rate are those counted by hand; unfinished and canceled are left out', async () => {
    const { base } = await compareDefinitions(t.engine, v1, v2);
    // A 28 h = 3.5 d, B 38 h − 4 h waiting = 4.25 d, C 86 h = 10.75 d (late).
    expect(base.measured).toEqual(expect.objectContaining({
      dossiers: 3,
      meanDays: 6.167, // 18.5 / 3
      p90Days: 10.75, // nearest rank ⌈0.9 × 3⌉ = 3rd
      lateRate: 0.3333,
      waitingDays: 0.167, // 0.5 / 3
      workingDays: 6.333, // (3.5 + 4.75 + 10.75) / 3
    }));
  });

  it('given the seeded steps, when measured per step, then each step has its samples, mean, p90, waits and late rate in flow order', async () => {
    const { base } = await compareDefinitions(t.engine, v1, v2);
    expect(base.measured.perStep.map((s) => [s.elementId, s.samples, s.meanHours, s.p90Hours, s.waitingHours, s.lateRate])).toEqual([
      ['buoc-1-tiep-nhan', 3, 2.33, 4, 0, 0], // 2, 1, 4 h; C finished at its due instant: on time
      ['buoc-2-phan-cong', 3, 2.33, 3, 0, 0], // 2, 3, 2
      ['buoc-3-tham-dinh', 3, 33.33, 64, 1.33, 0.3333], // 16, 24 − 4 waiting, 64; C late
      ['buoc-4-xem-xet', 3, 6, 12, 0, 0.3333], // 2, 4, 12; C late
      ['buoc-5-phe-duyet', 3, 3.33, 4, 0, 0], // 4, 4, 2 (A's canceled task left out)
      ['buoc-6-van-thu', 3, 2, 2, 0, 0], // C's in a child process instance
      ['buoc-7-tra-ket-qua', 3, 1.33, 2, 0, null], // no due date: not counted
    ]);
    expect(base.measured.perStep[0]).toEqual(expect.objectContaining({ name: 'Tiếp nhận hồ sơ, cấp Giấy tiếp nhận và hẹn trả kết quả', departmentCode: 'SYT_MOTCUA' }));
  });

  it('given one finished v2 dossier, when compared, then the measured deltas are absolute and percent of the base', async () => {
    const { candidate, delta } = await compareDefinitions(t.engine, v1, v2);
    expect(candidate.measured).toEqual(expect.objectContaining({ dossiers: 1, meanDays: 3.25, p90Days: 3.25, lateRate: 0, waitingDays: 0 }));
    expect(delta.measured).toEqual({
      meanDays: { absolute: -2.917, percent: -47.3 },
      p90Days: { absolute: -7.5, percent: -69.77 },
      lateRate: { absolute: -0.3333, percent: -100 },
    });
  });

  it('given v1 history, when replayed against v2, then each dossier loses its step-4 time and C would have been on time', async () => {
    const { whatIf } = await compareDefinitions(t.engine, v1, v2);
    // Step 4 took A 2 h, B 4 h, C 12 h: 3.5 → 3.25, 4.25 → 3.75, 10.75 → 9.25 (≤ 10 days).
    expect(whatIf).toEqual({
      assumption: expect.stringContaining('các bước còn lại'),
      dossiers: 3,
      meanDaysBefore: 6.167,
      meanDaysAfter: 5.417,
      daysSavedMean: 0.75,
      daysSavedTotal: 2.25,
      lateBefore: 1,
      lateAfter: 0,
      wouldHaveBeenOnTime: 1,
    });
  });

  it('given a version without history as the base, when compared, then measured values are null and the what-if is empty', async () => {
    const latest = (await t.engine.definitions.list({ key: 'cap-chung-chi-hanh-nghe-thu-y' })).map((d) => d.id);
    const result = await compareDefinitions(t.engine, latest[0], latest[1]);
    expect(result.base.measured).toEqual({ dossiers: 0, meanDays: null, p90Days: null, lateRate: null, waitingDays: null, workingDays: null, perStep: [] });
    expect(result.delta.measured).toEqual({ meanDays: null, p90Days: null, lateRate: null });
    expect(result.whatIf).toEqual(expect.objectContaining({ dossiers: 0, meanDaysBefore: null, daysSavedTotal: 0, lateBefore: 0 }));
  });

  it('given an inter-agency procedure, when measured, then the called process steps count (9 steps of 1.013814 v1)', async () => {
    const [b, c] = (await t.engine.definitions.list({ key: 'dang-ky-co-so-tro-giup-xa-hoi-ngoai-cong-lap' })).map((d) => d.id);
    const result = await compareDefinitions(t.engine, b, c);
    expect([result.base.steps, result.candidate.steps]).toEqual([9, 8]);
    expect([result.base.statutoryDays, result.candidate.statutoryDays]).toEqual([5, 4.5]);
  });

  it('given an unknown definition id, when compared, then it is NotFound', async () => {
    await expect(compareDefinitions(t.engine, 'nope:1:x', v2)).rejects.toEqual(expect.objectContaining({ code: ErrorCode.NotFound }));
    await expect(compareDefinitions(t.engine, v1, 'nope:1:x')).rejects.toBeInstanceOf(DomainError);
  });
});
