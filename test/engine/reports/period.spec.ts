import { DomainError } from '../../../apps/engine/src/shared/domain-error.js';
import { parsePeriod, periodContaining, type PeriodRule } from '../../../apps/engine/src/reports/period.js';

const local = (s: string) => new Date(`${s}+07:00`);

describe('report periods', () => {
  it('given 2026-Q3, when parsed, then it runs 15/06 to 14/09 inclusive: [15/06 00:00+07, 15/09 00:00+07)', () => {
    const p = parsePeriod({ period: '2026-Q3' });
    expect(p).toEqual({
      kind: 'quarter',
      from: '2026-06-15',
      to: '2026-09-14',
      label: 'Quý III/2026 (15/06/2026 – 14/09/2026)',
      startsAt: local('2026-06-15T00:00:00'),
      endsBefore: local('2026-09-15T00:00:00'),
    });
    expect(p.startsAt.toISOString()).toBe('2026-06-14T17:00:00.000Z');
  });

  it('given the first quarter, when parsed, then it starts on 15 December of the previous year', () => {
    const p = parsePeriod({ period: '2026-q1' });
    expect([p.from, p.to]).toEqual(['2025-12-15', '2026-03-14']);
  });

  it('given a year, when parsed, then it runs 15 December of the year before to 14 December', () => {
    const p = parsePeriod({ period: '2026' });
    expect([p.kind, p.from, p.to, p.label]).toEqual(['year', '2025-12-15', '2026-12-14', 'Năm 2026 (15/12/2025 – 14/12/2026)']);
    expect(p.endsBefore).toEqual(local('2026-12-15T00:00:00'));
  });

  it('given a month written M07 or M7, when parsed, then it runs from the 15th of the month before to the 14th', () => {
    for (const period of ['2026-M07', '2026-M7']) {
      const p = parsePeriod({ period });
      expect([p.kind, p.from, p.to, p.label]).toEqual(['month', '2026-06-15', '2026-07-14', 'Tháng 7/2026 (15/06/2026 – 14/07/2026)']);
    }
    const january = parsePeriod({ period: '2026-M01' });
    expect([january.from, january.to]).toEqual(['2025-12-15', '2026-01-14']);
  });

  it('given explicit from and to dates, when parsed, then both days are inclusive', () => {
    const p = parsePeriod({ from: '2026-07-01', to: '2026-07-31' });
    expect(p).toEqual(expect.objectContaining({ kind: 'custom', from: '2026-07-01', to: '2026-07-31', label: '01/07/2026 – 31/07/2026' }));
    expect(p.startsAt).toEqual(local('2026-07-01T00:00:00'));
    expect(p.endsBefore).toEqual(local('2026-08-01T00:00:00'));
  });

  it('given a configured cut-off on the 1st within the month, when parsed, then periods are calendar quarters', () => {
    const calendarMonths: PeriodRule = { cutOffDay: 1, startsInPreviousMonth: false };
    const p = parsePeriod({ period: '2026-Q3' }, calendarMonths);
    expect([p.from, p.to]).toEqual(['2026-07-01', '2026-09-30']);
    const y = parsePeriod({ period: '2026' }, calendarMonths);
    expect([y.from, y.to]).toEqual(['2026-01-01', '2026-12-31']);
    const custom = parsePeriod({ period: '2026-Q3' }, { cutOffDay: 20, startsInPreviousMonth: true });
    expect([custom.from, custom.to]).toEqual(['2026-06-20', '2026-09-19']);
  });

  it('given no period, when parsed, then it is the quarter whose period contains now, by local date', () => {
    // 14/09 23:30 local is still Q3; 15/09 00:00 local (14/09 17:00 UTC) is Q4 already.
    expect(parsePeriod({}, undefined, local('2026-09-14T23:30:00')).label).toMatch(/^Quý III\/2026/);
    expect(parsePeriod({}, undefined, local('2026-09-15T00:00:00')).label).toMatch(/^Quý IV\/2026/);
    // 15 December belongs to the next year's first quarter.
    expect(parsePeriod({}, undefined, local('2026-12-15T08:00:00')).label).toMatch(/^Quý I\/2027/);
    expect(periodContaining('month', local('2026-07-14T12:00:00')).label).toMatch(/^Tháng 7\/2026/);
    expect(periodContaining('year', local('2026-12-20T12:00:00')).label).toMatch(/^Năm 2027/);
    expect(periodContaining('quarter', local('2026-08-20T12:00:00'), { cutOffDay: 1, startsInPreviousMonth: false }).from).toBe('2026-07-01');
  });

  it.each([
    [{ period: '2026-Q5' }, 'period'],
    [{ period: '2026-M13' }, 'period'],
    [{ period: 'Q3' }, 'period'],
    [{ period: '2026-Q3', from: '2026-01-01', to: '2026-02-01' }, 'period'],
    [{ from: '2026-01-01' }, 'to'],
    [{ to: '2026-01-01' }, 'from'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
    [{ from: '01/07/2026', to: '2026-07-31' }, 'from'],
    [{ from: '2026-07-31', to: '2026-07-01' }, 'to'],
  ])('given the bad query %j, when parsed, then it is bad input naming %s', (query, field) => {
    try {
      parsePeriod(query);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details?.[0]?.field).toBe(field);
    }
  });

  it('given a cut-off day past 28, then the rule is refused', () => {
    expect(() => parsePeriod({ period: '2026' }, { cutOffDay: 31, startsInPreviousMonth: true })).toThrow(RangeError);
  });
});
