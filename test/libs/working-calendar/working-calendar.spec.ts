import {
  DEFAULT_OFFICE_HOURS,
  WorkingCalendar,
  type OfficeHours,
} from '@onedoor/working-calendar';

/** A local (Vietnam, UTC+7) wall-clock time as an instant. */
const at = (local: string): Date => new Date(`${local}+07:00`);
const HOUR = 3_600_000;

describe('WorkingCalendar', () => {
  const calendar = WorkingCalendar.vietnam({ years: [2026, 2027] });

  describe('dossierDueAt — facts checked by hand', () => {
    it('given 10 days received Friday 9 Apr 2027 16:00, before Hùng Kings’ day, then due Monday 26 Apr 17:00', () => {
      // 16:00 is after the 15:00 cut-off → the clock starts Monday 12 Apr 07:30.
      // Working days: 12, 13, 14, 15 Apr (4); Fri 16 Apr is Hùng Kings’ day (10/3 lunar);
      // 19–23 Apr (9); Mon 26 Apr (10). Ten whole days from an opening end at the 10th
      // day's closing time, 17:00 — not the next morning.
      expect(calendar.dossierDueAt(at('2027-04-09T16:00:00'), 10)).toEqual(at('2027-04-26T17:00:00'));
    });

    it('given 5 days received Wednesday 3 Feb 2027 14:00, before Tết, then due Wednesday 17 Feb 14:00', () => {
      // Wed 3 Feb 14:00–17:00 = 3 h; Thu 4 Feb 8 h (11 h). Tết Fri 5 – Tue 9 Feb, its weekend
      // days compensated Wed 10 and Thu 11 Feb. Fri 12 (19 h), Mon 15 (27 h), Tue 16 (35 h);
      // Wed 17 needs 5 h: 07:30–11:30 (4 h) + 13:00–14:00 (1 h) → 14:00.
      expect(calendar.dossierDueAt(at('2027-02-03T14:00:00'), 5)).toEqual(at('2027-02-17T14:00:00'));
    });

    it('given 4.5 days received Thursday 29 Apr 2027 10:00 and a swap of Tue 4 May for Sat 8 May, then due Saturday 8 May 15:30', () => {
      // The government-style swap: day off Tue 4 May, made up on Sat 8 May (Monday's hours).
      const swapped = WorkingCalendar.vietnam({
        years: [2027],
        overrides: [
          { date: '2027-05-04', kind: 'day_off', name: 'Hoán đổi: nghỉ thứ Ba 4/5' },
          { date: '2027-05-08', kind: 'working_day', name: 'Làm bù cho thứ Ba 4/5' },
        ],
      });
      // 4.5 days = 36 h. Thu 29 Apr 10:00–11:30 + 13:00–17:00 = 5.5 h. Fri 30/4 and Sat 1/5
      // are holidays, Mon 3 May compensates 1/5 (a Saturday), Tue 4 May is off (override).
      // Wed 5 (13.5 h), Thu 6 (21.5 h), Fri 7 (29.5 h); make-up Sat 8 needs 6.5 h:
      // 07:30–11:30 (4 h) + 13:00–15:30 (2.5 h) → Saturday 8 May 15:30.
      expect(swapped.dossierDueAt(at('2027-04-29T10:00:00'), 4.5)).toEqual(at('2027-05-08T15:30:00'));
      // Without the swap Tue 4 May is worked instead, and 36 h run out on Friday 7 May 15:30.
      expect(calendar.dossierDueAt(at('2027-04-29T10:00:00'), 4.5)).toEqual(at('2027-05-07T15:30:00'));
    });

    it('given Monday 11 Jan 2027 11:00 plus 0.25 day, then the 2 hours skip the lunch break and end at 14:30', () => {
      // 11:00–11:30 (0.5 h), lunch 11:30–13:00 is not working time, 13:00–14:30 (1.5 h).
      expect(calendar.addWorkingDays(at('2027-01-11T11:00:00'), 0.25)).toEqual(at('2027-01-11T14:30:00'));
    });

    it('given 0.25-day steps from Monday 07:30, then each step ends at a closing time when it reaches one', () => {
      // 07:30 → 09:30 → 11:30 (morning closes: the result is 11:30, not 13:00) → 15:00
      // (11:30 is not working time, so the step starts at 13:00) → 17:00 → Tue 09:30.
      const steps = [at('2027-01-11T07:30:00')];
      for (let i = 0; i < 5; i += 1) steps.push(calendar.addWorkingDays(steps[i], 0.25));
      expect(steps.slice(1)).toEqual([
        at('2027-01-11T09:30:00'),
        at('2027-01-11T11:30:00'),
        at('2027-01-11T15:00:00'),
        at('2027-01-11T17:00:00'),
        at('2027-01-12T09:30:00'),
      ]);
    });

    it('given 0.5 day from Monday 07:30, then the result is Monday 11:30, the closing time', () => {
      expect(calendar.addWorkingDays(at('2027-01-11T07:30:00'), 0.5)).toEqual(at('2027-01-11T11:30:00'));
    });

    it('given 1 day received at exactly 15:00, then the clock starts at 15:00 and the dossier is due the next day 15:00', () => {
      // Mon 11 Jan 2027 15:00–17:00 (2 h) + Tue 07:30–11:30 (4 h) + 13:00–15:00 (2 h).
      expect(calendar.dossierDueAt(at('2027-01-11T15:00:00'), 1)).toEqual(at('2027-01-12T15:00:00'));
    });

    it('given 1 day received at 15:00:01, then the clock starts the next working day at 07:30 and the dossier is due at 17:00', () => {
      expect(calendar.dossierDueAt(at('2027-01-11T15:00:01'), 1)).toEqual(at('2027-01-12T17:00:00'));
    });
  });

  describe('dossierDueAt — where the clock starts', () => {
    it('given a dossier received on Saturday, then the clock starts Monday 07:30', () => {
      expect(calendar.dossierDueAt(at('2027-01-09T09:00:00'), 1)).toEqual(at('2027-01-11T17:00:00'));
    });

    it('given a dossier received before opening on a working day, then the clock starts at that day’s opening', () => {
      expect(calendar.dossierDueAt(at('2027-01-11T06:45:00'), 1)).toEqual(at('2027-01-11T17:00:00'));
    });

    it('given a dossier received during the lunch break, then the clock starts at 13:00 the same day', () => {
      expect(calendar.dossierDueAt(at('2027-01-11T12:10:00'), 0.5)).toEqual(at('2027-01-11T17:00:00'));
    });

    it('given a cut-off of 16:30, then a dossier received at 16:00 starts at once', () => {
      expect(calendar.dossierDueAt(at('2027-01-11T16:00:00'), 0.125, '16:30')).toEqual(at('2027-01-11T17:00:00'));
    });

    it('given an agency whose afternoon opens after the cut-off, then a dossier received at lunch starts the next day', () => {
      const late: OfficeHours[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
        { weekday, from: '07:30', to: '11:30' },
        { weekday, from: '15:30', to: '19:30' },
      ]);
      const agency = new WorkingCalendar({ officeHours: late, days: [] });
      expect(agency.dossierDueAt(at('2027-01-11T12:00:00'), 0.5)).toEqual(at('2027-01-12T11:30:00'));
    });

    it('given 0 days, then the due instant is the start of the clock', () => {
      expect(calendar.dossierDueAt(at('2027-01-11T16:00:00'), 0)).toEqual(at('2027-01-12T07:30:00'));
    });
  });

  describe('working time', () => {
    it('given the office hours, then openings are working time and closings are not', () => {
      expect(calendar.isWorkingTime(at('2027-01-11T07:30:00'))).toBe(true);
      expect(calendar.isWorkingTime(at('2027-01-11T07:29:59.999'))).toBe(false);
      expect(calendar.isWorkingTime(at('2027-01-11T11:29:59.999'))).toBe(true);
      expect(calendar.isWorkingTime(at('2027-01-11T11:30:00'))).toBe(false);
      expect(calendar.isWorkingTime(at('2027-01-11T12:00:00'))).toBe(false);
      expect(calendar.isWorkingTime(at('2027-01-11T13:00:00'))).toBe(true);
      expect(calendar.isWorkingTime(at('2027-01-11T17:00:00'))).toBe(false);
    });

    it('given weekends, holidays and compensatory days, then they are not working time', () => {
      expect(calendar.isWorkingTime(at('2027-01-09T09:00:00'))).toBe(false); // Saturday
      expect(calendar.isWorkingTime(at('2027-04-16T09:00:00'))).toBe(false); // Hùng Kings
      expect(calendar.isWorkingTime(at('2026-04-27T09:00:00'))).toBe(false); // compensates Sun 26 Apr
      expect(calendar.isWorkingDay('2027-02-11')).toBe(false);
      expect(calendar.isWorkingDay('2027-02-12')).toBe(true);
    });

    it('given an instant in working time, then nextOpening is the instant itself', () => {
      expect(calendar.nextOpening(at('2027-01-11T10:17:42.5'))).toEqual(at('2027-01-11T10:17:42.5'));
    });

    it('given a closing instant, then nextOpening is the following opening', () => {
      expect(calendar.nextOpening(at('2027-01-11T11:30:00'))).toEqual(at('2027-01-11T13:00:00'));
      expect(calendar.nextOpening(at('2027-01-08T17:00:00'))).toEqual(at('2027-01-11T07:30:00'));
    });

    it('given the eve of Tết 2027, then nextOpening is Friday 12 Feb 07:30', () => {
      expect(calendar.nextOpening(at('2027-02-04T17:00:00'))).toEqual(at('2027-02-12T07:30:00'));
    });

    it('given 0 to add, then addWorkingTime returns the instant in working time, else the next opening', () => {
      expect(calendar.addWorkingTime(at('2027-01-11T10:00:00'), 0)).toEqual(at('2027-01-11T10:00:00'));
      expect(calendar.addWorkingTime(at('2027-01-11T11:30:00'), 0)).toEqual(at('2027-01-11T13:00:00'));
      expect(calendar.addWorkingTime(at('2027-01-09T10:00:00'), 0)).toEqual(at('2027-01-11T07:30:00'));
    });

    it('given a start outside office hours, then the time is counted from the next opening', () => {
      expect(calendar.addWorkingTime(at('2027-01-08T18:00:00'), HOUR)).toEqual(at('2027-01-11T08:30:00'));
    });

    it('given Friday 16:00 to Monday 08:30, then the working time between is 2 hours', () => {
      expect(calendar.workingTimeBetween(at('2027-01-08T16:00:00'), at('2027-01-11T08:30:00'))).toBe(2 * HOUR);
    });

    it('given b before or equal to a, then the working time between is 0', () => {
      expect(calendar.workingTimeBetween(at('2027-01-11T10:00:00'), at('2027-01-11T09:00:00'))).toBe(0);
      expect(calendar.workingTimeBetween(at('2027-01-11T10:00:00'), at('2027-01-11T10:00:00'))).toBe(0);
    });

    it('given Monday to Monday, then the working days between are 5; across Tết week, 1', () => {
      expect(calendar.workingDaysBetween(at('2027-01-11T00:00:00'), at('2027-01-18T00:00:00'))).toBe(5);
      expect(calendar.workingDaysBetween(at('2027-02-08T00:00:00'), at('2027-02-15T00:00:00'))).toBe(1);
      expect(calendar.workingDaysBetween(at('2027-01-11T07:30:00'), at('2027-01-11T09:30:00'))).toBe(0.25);
    });

    it('given an amount in days that is not whole milliseconds, then it is rounded to the millisecond', () => {
      // 1/7 day = 8 h / 7 = 4,114,285.71… ms → 4,114,286 ms.
      const start = at('2027-01-11T07:30:00');
      expect(calendar.addWorkingDays(start, 1 / 7)).toEqual(new Date(start.getTime() + 4_114_286));
    });
  });

  describe('configuration', () => {
    it('given a make-up working Saturday, then it uses Monday’s office hours', () => {
      const makeUp = WorkingCalendar.vietnam({
        overrides: [{ date: '2027-05-08', kind: 'working_day', name: 'Làm bù' }],
      });
      expect(makeUp.isWorkingTime(at('2027-05-08T07:30:00'))).toBe(true);
      expect(makeUp.isWorkingTime(at('2027-05-08T12:00:00'))).toBe(false);
      expect(makeUp.nextOpening(at('2027-05-08T12:00:00'))).toEqual(at('2027-05-08T13:00:00'));
    });

    it('given an agency open on Saturday mornings, then Saturday morning is working time and a make-up Saturday keeps those hours', () => {
      const saturdayDesk = WorkingCalendar.vietnam({
        officeHours: [...DEFAULT_OFFICE_HOURS, { weekday: 6, from: '07:30', to: '11:30' }],
        overrides: [{ date: '2027-05-08', kind: 'working_day' }],
      });
      expect(saturdayDesk.isWorkingTime(at('2027-01-09T09:00:00'))).toBe(true);
      // Saturday 10:00–11:30 (1.5 h), then Monday 07:30–08:00 (0.5 h).
      expect(saturdayDesk.dossierDueAt(at('2027-01-09T10:00:00'), 0.25)).toEqual(at('2027-01-11T08:00:00'));
      expect(saturdayDesk.isWorkingTime(at('2027-05-08T14:00:00'))).toBe(false);
      expect(saturdayDesk.isWorkingTime(at('2027-01-10T09:00:00'))).toBe(false); // Sunday
    });

    it('given an override working_day on a law holiday, then that day is worked', () => {
      const cancelled = WorkingCalendar.vietnam({
        overrides: [{ date: '2027-02-11', kind: 'working_day', name: 'Đi làm' }],
      });
      expect(cancelled.isWorkingTime(at('2027-02-11T09:00:00'))).toBe(true);
      expect(calendar.isWorkingTime(at('2027-02-11T09:00:00'))).toBe(false);
    });

    it('given a year not loaded, then its law holidays are computed on first use', () => {
      // Tết 2030: lunar new year Sat 2 Feb 2030 → Fri 1 … Tue 5 Feb, compensated Wed 6, Thu 7.
      expect(calendar.nextOpening(at('2030-01-31T17:00:00'))).toEqual(at('2030-02-08T07:30:00'));
      expect(calendar.describeYear(2030).days.some((day) => day.date === '2030-02-06')).toBe(true);
    });

    it('given law rows for a year in the config, then those rows are the law for that year', () => {
      const fromTable = new WorkingCalendar({
        days: [{ date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch', source: 'law' }],
      });
      expect(fromTable.isWorkingTime(at('2027-01-01T09:00:00'))).toBe(false);
      expect(fromTable.isWorkingTime(at('2027-04-16T09:00:00'))).toBe(true); // not in the table
      expect(fromTable.isWorkingTime(at('2026-04-27T09:00:00'))).toBe(false); // 2026 computed
    });

    it('given overrides, when describing the year, then rows are sorted, overrides replace law rows and are marked', () => {
      const described = WorkingCalendar.vietnam({
        years: [2027],
        overrides: [
          { date: '2027-05-08', kind: 'working_day', name: 'Làm bù' },
          { date: '2027-02-11', kind: 'working_day', name: 'Đi làm' },
          { date: '2027-02-12', kind: 'day_off', name: 'Nghỉ thêm' },
        ],
      }).describeYear(2027);
      expect(described.year).toBe(2027);
      expect(described.officeHours).toEqual(DEFAULT_OFFICE_HOURS);
      expect(described.days.map((day) => day.date)).toEqual([...described.days.map((day) => day.date)].sort());
      expect(described.days.filter((day) => day.date === '2027-02-11')).toEqual([
        { date: '2027-02-11', kind: 'working_day', name: 'Đi làm', source: 'override' },
      ]);
      expect(described.days.find((day) => day.date === '2027-02-12')?.source).toBe('override');
      expect(described.days.find((day) => day.date === '2027-02-10')?.source).toBe('law');
    });

    it('given 7-hour working days, then one day of allowance is 7 working hours', () => {
      const shorter = new WorkingCalendar({ hoursPerDay: 7 });
      expect(shorter.addWorkingDays(at('2027-01-11T07:30:00'), 1)).toEqual(at('2027-01-11T16:00:00'));
      expect(shorter.workingDaysBetween(at('2027-01-11T07:30:00'), at('2027-01-11T17:00:00'))).toBe(8 / 7);
    });

    it('given touching office-hour intervals, then the junction is not a closing time', () => {
      const continuous = new WorkingCalendar({
        officeHours: [
          { weekday: 1, from: '07:30', to: '11:30' },
          { weekday: 1, from: '11:30', to: '15:30' },
        ],
      });
      expect(continuous.addWorkingTime(at('2027-01-11T07:30:00'), 4 * HOUR)).toEqual(at('2027-01-11T11:30:00'));
      expect(continuous.isWorkingTime(at('2027-01-11T11:30:00'))).toBe(true);
    });

    it('given invalid input, then it throws a RangeError', () => {
      expect(() => new WorkingCalendar({ officeHours: [{ weekday: 7, from: '07:30', to: '11:30' }] })).toThrow(RangeError);
      expect(() => new WorkingCalendar({ officeHours: [{ weekday: 1, from: '11:30', to: '07:30' }] })).toThrow(RangeError);
      expect(() => new WorkingCalendar({ officeHours: [{ weekday: 1, from: '7:30', to: '11:30' }] })).toThrow(RangeError);
      expect(() => new WorkingCalendar({ hoursPerDay: 0 })).toThrow(RangeError);
      expect(() => WorkingCalendar.vietnam({ overrides: [{ date: '2027-02-30', kind: 'day_off' }] })).toThrow(RangeError);
      expect(() => calendar.addWorkingDays(at('2027-01-11T07:30:00'), -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingTime(at('2027-01-11T07:30:00'), Number.NaN)).toThrow(RangeError);
      expect(() => calendar.nextOpening(new Date(Number.NaN))).toThrow(RangeError);
      expect(() => calendar.dossierDueAt(at('2027-01-11T07:30:00'), 1, '3pm')).toThrow(RangeError);
    });

    it('given no office hours at all, then adding time throws instead of looping forever', () => {
      const closed = new WorkingCalendar({ officeHours: [] });
      expect(() => closed.addWorkingDays(at('2027-01-11T07:30:00'), 1)).toThrow(RangeError);
    });
  });
});
