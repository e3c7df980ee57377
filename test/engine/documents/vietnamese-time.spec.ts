import { vietnameseTime } from '../../../apps/engine/src/documents/vietnamese-time.js';
import { reportingPeriod } from '../../../apps/engine/src/documents/reporting-period.js';

describe('dates and times as Vietnamese documents write them', () => {
  it('given an instant, then it is written in Asia/Ho_Chi_Minh with hours, minutes and the date in words', () => {
    expect(vietnameseTime.dateTime(new Date('2027-04-09T09:05:00Z'))).toBe('16 giờ 05 phút, ngày 09 tháng 4 năm 2027');
  });

  it('given an instant late in the UTC evening, then it is already the next day in Vietnam', () => {
    expect(vietnameseTime.dateTime(new Date('2027-04-08T17:30:00Z'))).toBe('00 giờ 30 phút, ngày 09 tháng 4 năm 2027');
    expect(vietnameseTime.shortDateTime(new Date('2027-12-31T17:00:00Z'))).toBe('00:00 01/01/2028');
  });

  it('given days below 10 and the months 1 and 2, then they take a leading zero (Decree 30/2020)', () => {
    expect(vietnameseTime.date(new Date('2027-02-03T03:00:00Z'))).toBe('ngày 03 tháng 02 năm 2027');
    expect(vietnameseTime.date(new Date('2027-01-15T03:00:00Z'))).toBe('ngày 15 tháng 01 năm 2027');
    expect(vietnameseTime.date(new Date('2027-11-25T03:00:00Z'))).toBe('ngày 25 tháng 11 năm 2027');
  });

  it('given fractional working days, then they take a decimal comma', () => {
    expect(vietnameseTime.days(0.5)).toBe('0,5');
    expect(vietnameseTime.days(10)).toBe('10');
  });

  it('given no dates, when a register period is asked for, then it is the current month in Vietnam', () => {
    expect(reportingPeriod(undefined, undefined, new Date('2027-04-30T18:00:00Z'))).toEqual({ from: '2027-05-01', to: '2027-05-31' });
    expect(reportingPeriod('2028-02-10', undefined, new Date())).toEqual({ from: '2028-02-10', to: '2028-02-29' });
    expect(reportingPeriod(undefined, '2027-02-14', new Date())).toEqual({ from: '2027-02-01', to: '2027-02-14' });
  });

  it('given impossible or reversed dates, when a register period is asked for, then it is bad input', () => {
    expect(() => reportingPeriod('2027-02-30', '2027-03-01', new Date())).toThrow(/not a date/);
    expect(() => reportingPeriod('2027-03-02', '2027-03-01', new Date())).toThrow(/after/);
    expect(() => reportingPeriod('2026-01-01', '2027-03-01', new Date())).toThrow(/at most/);
  });
});
