import Holidays from 'date-holidays';
import { vietnamHolidays, type CalendarDay } from '@onedoor/working-calendar';

/** date → kind, the part of a row that working-time arithmetic depends on. */
function kinds(days: CalendarDay[]): Record<string, string> {
  return Object.fromEntries(days.map((day) => [day.date, day.kind]));
}

describe('vietnamHolidays', () => {
  it('given 2026, when seeded, then lists the law days and Hùng Kings’ Sunday is compensated on Monday 27 Apr', () => {
    // Lunar new year Tue 17 Feb 2026: Tết = Mon 16 (last day of the lunar year) … Fri 20 Feb,
    // all weekdays, so no compensatory day. Hùng Kings 10/3 lunar = Sun 26 Apr → Mon 27 Apr.
    // 30/4 Thu, 1/5 Fri. 2/9 is a Wednesday → adjacent day 1/9 (Tuesday).
    expect(kinds(vietnamHolidays(2026))).toEqual({
      '2026-01-01': 'holiday',
      '2026-02-16': 'holiday',
      '2026-02-17': 'holiday',
      '2026-02-18': 'holiday',
      '2026-02-19': 'holiday',
      '2026-02-20': 'holiday',
      '2026-04-26': 'holiday',
      '2026-04-27': 'day_off',
      '2026-04-30': 'holiday',
      '2026-05-01': 'holiday',
      '2026-09-01': 'holiday',
      '2026-09-02': 'holiday',
    });
  });

  it('given 2027, when seeded, then Tết’s weekend days are compensated on Wed 10 and Thu 11 Feb and 1/5 on Mon 3 May', () => {
    // Lunar new year Sat 6 Feb 2027: Tết = Fri 5 … Tue 9 Feb; Sat 6 and Sun 7 fall on the weekly
    // rest days → the next working days, Wed 10 and Thu 11. Hùng Kings = Fri 16 Apr.
    // 30/4 Fri; 1/5 Sat → Mon 3 May. 2/9 Thursday → adjacent day Fri 3/9 (long weekend).
    expect(kinds(vietnamHolidays(2027))).toEqual({
      '2027-01-01': 'holiday',
      '2027-02-05': 'holiday',
      '2027-02-06': 'holiday',
      '2027-02-07': 'holiday',
      '2027-02-08': 'holiday',
      '2027-02-09': 'holiday',
      '2027-02-10': 'day_off',
      '2027-02-11': 'day_off',
      '2027-04-16': 'holiday',
      '2027-04-30': 'holiday',
      '2027-05-01': 'holiday',
      '2027-05-03': 'day_off',
      '2027-09-02': 'holiday',
      '2027-09-03': 'holiday',
    });
  });

  it('given any year, when seeded, then every row is a law row with a name, sorted by date', () => {
    const days = vietnamHolidays(2027);
    expect(days.every((day) => day.source === 'law' && day.name.length > 0)).toBe(true);
    expect(days.map((day) => day.date)).toEqual([...days.map((day) => day.date)].sort());
    expect(days.find((day) => day.date === '2027-02-10')?.name).toBe('Nghỉ bù Tết Nguyên Đán (mùng 1)');
  });

  it.each([
    // Announced by the government for civil servants (Labour Code 2019 in force since 2021).
    [2021, ['2021-09-02', '2021-09-03']], // Thu → Fri 3/9
    [2022, ['2022-09-01', '2022-09-02']], // Fri → Thu 1/9
    [2023, ['2023-09-01', '2023-09-02', '2023-09-04']], // Sat → Fri 1/9, Mon 4/9 compensates 2/9
    [2024, ['2024-09-02', '2024-09-03']], // Mon → Tue 3/9
    [2025, ['2025-09-01', '2025-09-02']], // Tue → Mon 1/9
  ])('given %i, when seeded, then the National Day days match the announced ones', (year, expected) => {
    const september = vietnamHolidays(year).filter((day) => day.date.slice(5, 7) === '09');
    expect(september.map((day) => day.date)).toEqual(expected);
  });

  it('given 1 January 2028 on a Saturday, when seeded, then Monday 3 January is the compensatory day', () => {
    expect(kinds(vietnamHolidays(2028))['2028-01-03']).toBe('day_off');
  });

  it('given 2007, a year where the Vietnamese and Chinese lunar new years differ, when seeded, then Tết starts 17 Feb', () => {
    // Vietnam (UTC+7) celebrated Tết Đinh Hợi on 17 Feb 2007, China on 18 Feb.
    const tet = vietnamHolidays(2007).filter((day) => day.name.startsWith('Tết Nguyên Đán'));
    expect(tet.map((day) => day.date)).toEqual([
      '2007-02-16',
      '2007-02-17',
      '2007-02-18',
      '2007-02-19',
      '2007-02-20',
    ]);
  });

  it('given 2026, 2027 and 2030, when seeded, then Tết is exactly the 5-day span of date-holidays’ VN data', () => {
    const source = new Holidays('VN');
    for (const year of [2026, 2027, 2030]) {
      const span = source.getHolidays(year).find((h) => h.rule === '1 day before vietnamese 1-0-1 P5D');
      const tet = vietnamHolidays(year).filter((day) => day.name.startsWith('Tết Nguyên Đán'));
      expect(span).toBeDefined();
      expect(tet).toHaveLength(5);
      expect(new Date(`${tet[0].date}T00:00:00+07:00`)).toEqual(span?.start);
      expect(new Date(`${tet[4].date}T00:00:00+07:00`).getTime() + 86_400_000).toBe(span?.end.getTime());
    }
  });

  it('given a year outside the supported range, when seeded, then it throws', () => {
    expect(() => vietnamHolidays(1900)).toThrow(RangeError);
    expect(() => vietnamHolidays(2026.5)).toThrow(RangeError);
  });
});
