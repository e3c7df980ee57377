import { metricCsv } from '../../../apps/modeler/src/compare/metric-csv.js';
import { formatMetric, formatMetricDelta } from '../../../apps/modeler/src/compare/metric-format.js';
import { deltaOf, metricRows, trend } from '../../../apps/modeler/src/compare/metric-rows.js';
import { viCompare } from '../../../apps/modeler/src/compare/vi-compare.js';
import { i18n } from '../../../apps/modeler/src/shared/i18n.js';
import { comparisonFixture } from './comparison-fixture.js';

i18n.register(viCompare);

describe('comparison metric rows', () => {
  it('given a comparison, when the rows are built, then the model comes first, the history second, with the engine’s deltas', () => {
    const rows = metricRows(comparisonFixture());

    expect(rows.map((row) => `${row.group}:${row.id}`)).toEqual([
      'model:steps', 'model:countedSteps', 'model:handoffs', 'model:departments', 'model:statutoryDays', 'model:longestPathDays', 'model:complianceCost',
      'measured:dossiers', 'measured:meanDays', 'measured:p90Days', 'measured:lateRate', 'measured:waitingDays', 'measured:workingDays',
    ]);
    const steps = rows.find((row) => row.id === 'steps')!;
    expect(steps).toMatchObject({ base: 7, candidate: 6, delta: { absolute: -1, percent: -14.29 } });
    // no engine delta for counted steps: computed the engine's way
    expect(rows.find((row) => row.id === 'countedSteps')!.delta).toEqual({ absolute: -1, percent: -16.67 });
  });

  it('given fewer steps, a higher cost and no data, then the trend is improved, worse and none', () => {
    const [steps] = metricRows(comparisonFixture());
    expect(trend(steps)).toBe('improved');
    expect(trend({ ...steps, delta: { absolute: 1000, percent: 1 }, better: 'lower' })).toBe('worse');
    expect(trend({ ...steps, delta: null })).toBeNull();
    expect(deltaOf(null, 3)).toBeNull();
    expect(deltaOf(0, 2)).toEqual({ absolute: 2, percent: null });
  });

  it('given Vietnamese, then money, days and rates read the Vietnamese way', () => {
    expect(formatMetric('money', 170000)).toBe('170.000 đồng');
    expect(formatMetric('days', 8.5)).toBe('8,5 ngày');
    expect(formatMetric('rate', 0.25)).toBe('25%');
    expect(formatMetricDelta('money', -30000)).toBe('−30.000 đồng');
    expect(formatMetricDelta('rate', -0.25)).toBe('−25 điểm %');
    expect(formatMetric('days', null)).toBe('—');
  });

  it('given a comparison, when exported, then the CSV starts with a BOM and has machine numbers with units', () => {
    const csv = metricCsv(comparisonFixture());

    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Chỉ tiêu,Đơn vị,Trước (phiên bản 1),Sau (phiên bản 2),Chênh lệch,Chênh lệch (%)');
    expect(lines[1]).toBe('Số bước,bước,7,6,-1,-14.29');
    expect(lines).toContain('Chi phí tuân thủ,đồng,170000,140000,-30000,-17.65');
    expect(lines).toContain('Tỷ lệ hồ sơ trễ hạn,%,25,0,-25,-100');
    expect(lines).toHaveLength(14);
  });
});
