import { classifyTimeliness, WorkingCalendar } from '@onedoor/working-calendar';

const at = (local: string): Date => new Date(`${local}+07:00`);

describe('classifyTimeliness', () => {
  // Due at a closing time, the usual shape of a due instant: Monday 26 Apr 2027 17:00.
  const dueAt = at('2027-04-26T17:00:00');

  it('given a finish on a working day before the due day, when classified, then it is early', () => {
    expect(classifyTimeliness(at('2027-04-23T16:59:00'), dueAt)).toBe('early');
  });

  it('given a finish on a non-working day before the due day, when classified, then it is early', () => {
    expect(classifyTimeliness(at('2027-04-25T10:00:00'), dueAt)).toBe('early');
  });

  it('given a finish at the last instant of the day before the due day, when classified, then it is early', () => {
    expect(classifyTimeliness(at('2027-04-25T23:59:59.999'), dueAt)).toBe('early');
  });

  it('given a finish at local midnight starting the due day, when classified, then it is on time', () => {
    // Midnight +07 is 17:00 UTC of the previous day: the local day decides, not the UTC one.
    expect(classifyTimeliness(at('2027-04-26T00:00:00'), dueAt)).toBe('on_time');
  });

  it('given a finish on the due day exactly at the due instant, when classified, then it is on time', () => {
    expect(classifyTimeliness(at('2027-04-26T17:00:00'), dueAt)).toBe('on_time');
  });

  it('given a finish one millisecond after the due instant, when classified, then it is late', () => {
    expect(classifyTimeliness(at('2027-04-26T17:00:00.001'), dueAt)).toBe('late');
  });

  it('given a finish on a later day, when classified, then it is late', () => {
    expect(classifyTimeliness(at('2027-04-27T07:30:00'), dueAt)).toBe('late');
  });

  it('given a due instant in the morning, when finished the afternoon before, then it is early; the same morning, on time', () => {
    const morningDue = at('2027-04-26T10:00:00');
    expect(classifyTimeliness(at('2027-04-23T16:00:00'), morningDue)).toBe('early');
    expect(classifyTimeliness(at('2027-04-26T09:59:00'), morningDue)).toBe('on_time');
    expect(classifyTimeliness(at('2027-04-26T10:01:00'), morningDue)).toBe('late');
  });

  it('given a calendar, when classify is called on it, then it is the same definition', () => {
    const calendar = WorkingCalendar.vietnam();
    expect(calendar.classify(at('2027-04-25T10:00:00'), dueAt)).toBe('early');
    expect(calendar.classify(at('2027-04-26T17:00:00'), dueAt)).toBe('on_time');
    expect(calendar.classify(at('2027-04-26T17:00:01'), dueAt)).toBe('late');
  });

  it('given an invalid date, when classified, then it throws', () => {
    expect(() => classifyTimeliness(new Date(Number.NaN), dueAt)).toThrow(RangeError);
  });
});
