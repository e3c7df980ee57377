import { currentPeriod, defaultSelection, periodQuery, selectionFromQuery } from '../../../apps/modeler/src/reports/period-picker.js';

describe('report period picker', () => {
  it('given the 15th–14th rule, when today is before or from the 15th, then the period named is this month or the next', () => {
    expect(currentPeriod(new Date(2026, 5, 14))).toEqual({ year: 2026, month: 6 });
    expect(currentPeriod(new Date(2026, 5, 15))).toEqual({ year: 2026, month: 7 });
    // 15 December already belongs to next year's first period
    expect(currentPeriod(new Date(2026, 11, 15))).toEqual({ year: 2027, month: 1 });
    expect(defaultSelection(new Date(2026, 8, 14))).toMatchObject({ kind: 'quarter', year: 2026, part: 3 });
    expect(defaultSelection(new Date(2026, 8, 15))).toMatchObject({ kind: 'quarter', year: 2026, part: 4 });
  });

  it('given each kind of period, then the API query names it, and the page address reads back the same choice', () => {
    const base = defaultSelection(new Date(2026, 6, 1));
    const cases = [
      [{ ...base, kind: 'quarter', year: 2026, part: 3 }, { period: '2026-Q3' }],
      [{ ...base, kind: 'month', year: 2026, part: 7 }, { period: '2026-M07' }],
      [{ ...base, kind: 'year', year: 2026 }, { period: '2026' }],
      [{ ...base, kind: 'custom', from: '2026-07-01', to: '2026-07-31' }, { from: '2026-07-01', to: '2026-07-31' }],
    ] as const;
    for (const [selection, query] of cases) {
      expect(periodQuery(selection)).toEqual(query);
      const readBack = selectionFromQuery(new URLSearchParams(query), base);
      expect(periodQuery(readBack)).toEqual(query);
    }
    expect(selectionFromQuery(new URLSearchParams('period=rubbish'), base)).toEqual(base);
  });
});
