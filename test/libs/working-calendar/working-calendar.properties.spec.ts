import fc from 'fast-check';
import { DEFAULT_OFFICE_HOURS, WorkingCalendar } from '@onedoor/working-calendar';

/**
 * Laws of working-time arithmetic, checked on random instants over 2026–2028 and amounts up
 * to 30 working days, for the default calendar and for an agency with unusual hours.
 */
const DAY = 8 * 3_600_000;
const instant = fc
  .integer({ min: Date.parse('2025-12-20T00:00:00+07:00'), max: Date.parse('2028-12-31T00:00:00+07:00') })
  .map((ms) => new Date(ms));
const amount = fc.oneof(
  fc.integer({ min: 0, max: 30 * DAY }),
  // Multiples of a quarter day hit closing times exactly, the delicate case.
  fc.integer({ min: 0, max: 120 }).map((quarters) => (quarters * DAY) / 4),
);
// Instants on the minute grid land on openings and closings often.
const gridInstant = fc
  .integer({ min: 0, max: 3 * 366 * 24 * 60 })
  .map((minutes) => new Date(Date.parse('2026-01-01T00:00:00+07:00') + minutes * 60_000));
const anyInstant = fc.oneof(instant, gridInstant);

const calendars: Array<[string, WorkingCalendar]> = [
  [
    'the default calendar with a swap',
    WorkingCalendar.vietnam({
      years: [2026, 2027],
      overrides: [
        { date: '2027-05-04', kind: 'day_off' },
        { date: '2027-05-08', kind: 'working_day' },
      ],
    }),
  ],
  [
    'a Saturday-morning desk with split afternoons',
    WorkingCalendar.vietnam({
      officeHours: [
        ...DEFAULT_OFFICE_HOURS.filter((hours) => hours.weekday !== 3),
        { weekday: 3, from: '08:00', to: '10:00' },
        { weekday: 3, from: '10:30', to: '11:30' },
        { weekday: 3, from: '14:00', to: '17:00' },
        { weekday: 6, from: '07:30', to: '11:30' },
      ],
    }),
  ],
];

describe.each(calendars)('WorkingCalendar laws — %s', (_name, calendar) => {
  it('given any start and amount, when adding then measuring from the next opening, then the amount comes back', () => {
    fc.assert(
      fc.property(anyInstant, amount, (from, ms) => {
        const end = calendar.addWorkingTime(from, ms);
        expect(calendar.workingTimeBetween(calendar.nextOpening(from), end)).toBe(ms);
      }),
    );
  });

  it('given any start and amount, when adding, then the result is working time or exactly a closing instant', () => {
    fc.assert(
      fc.property(anyInstant, amount, (from, ms) => {
        const end = calendar.addWorkingTime(from, ms);
        const closing = !calendar.isWorkingTime(end) && calendar.isWorkingTime(new Date(end.getTime() - 1));
        expect(calendar.isWorkingTime(end) || closing).toBe(true);
        expect(end.getTime()).toBeGreaterThanOrEqual(from.getTime());
      }),
    );
  });

  it('given two starts, when adding the same amount, then the earlier start never ends later', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, amount, (a, b, ms) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(calendar.addWorkingTime(early, ms).getTime()).toBeLessThanOrEqual(
          calendar.addWorkingTime(late, ms).getTime(),
        );
      }),
    );
  });

  it('given two amounts, when adding them to the same start, then the smaller never ends later', () => {
    fc.assert(
      fc.property(anyInstant, amount, amount, (from, x, y) => {
        const [small, large] = x <= y ? [x, y] : [y, x];
        expect(calendar.addWorkingTime(from, small).getTime()).toBeLessThanOrEqual(
          calendar.addWorkingTime(from, large).getTime(),
        );
      }),
    );
  });

  it('given three ordered instants, when measuring, then working time is additive', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, anyInstant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime());
        expect(calendar.workingTimeBetween(a, b) + calendar.workingTimeBetween(b, c)).toBe(
          calendar.workingTimeBetween(a, c),
        );
      }),
    );
  });

  it('given a dossier, when computing its due instant, then finishing at that instant is on time', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 120 }), (receivedAt, quarters) => {
        const dueAt = calendar.dossierDueAt(receivedAt, quarters / 4);
        expect(dueAt.getTime()).toBeGreaterThanOrEqual(receivedAt.getTime());
        expect(calendar.classify(dueAt, dueAt)).toBe('on_time');
        expect(calendar.classify(new Date(dueAt.getTime() + 1), dueAt)).toBe('late');
      }),
    );
  });
});
