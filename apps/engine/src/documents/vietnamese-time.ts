import { VIETNAM_UTC_OFFSET_MS } from '@onedoor/working-calendar';

/**
 * Dates and times as Vietnamese administrative documents write them, always in Asia/Ho_Chi_Minh
 * (UTC+7 all year, so offset arithmetic is exact — the same choice as the working calendar).
 * Decree 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero
 * ("ngày 09 tháng 4", "ngày 15 tháng 02"), so a "1" can't be turned into "11" by hand.
 */
export const vietnameseTime = {
  /** "ngày 09 tháng 4 năm 2027" */
  date(instant: Date): string {
    const p = parts(instant);
    return `ngày ${pad(p.day)} tháng ${p.month <= 2 ? pad(p.month) : p.month} năm ${p.year}`;
  },

  /** "16 giờ 05 phút, ngày 09 tháng 4 năm 2027" */
  dateTime(instant: Date): string {
    const p = parts(instant);
    return `${pad(p.hour)} giờ ${pad(p.minute)} phút, ${vietnameseTime.date(instant)}`;
  },

  /** "09/04/2027" for table cells. */
  shortDate(instant: Date): string {
    const p = parts(instant);
    return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
  },

  /** "16:05 09/04/2027" for table cells. */
  shortDateTime(instant: Date): string {
    const p = parts(instant);
    return `${pad(p.hour)}:${pad(p.minute)} ${vietnameseTime.shortDate(instant)}`;
  },

  /** "09/04/2027 16:05": the one date-time format of the app's pages and messages. */
  dayTime(instant: Date): string {
    const p = parts(instant);
    return `${vietnameseTime.shortDate(instant)} ${pad(p.hour)}:${pad(p.minute)}`;
  },

  /** "YYYY-MM-DD" → "09/04/2027" (a local date, no time zone involved). */
  localDate(date: string): string {
    const [y, m, d] = date.split('-');
    return `${d}/${m}/${y}`;
  },

  /** Working days with a decimal comma: 0.5 → "0,5". */
  days(value: number): string {
    return String(value).replace('.', ',');
  },
};

function parts(instant: Date) {
  const local = new Date(instant.getTime() + VIETNAM_UTC_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

const pad = (n: number) => String(n).padStart(2, '0');
