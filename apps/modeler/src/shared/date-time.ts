import { i18n } from './i18n.js';

/**
 * Dates as the agencies write them (dd/MM/yyyy HH:mm), always in Vietnam's time zone: the
 * appointment on a receipt must not move when an officer's laptop is set to another zone.
 */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(dateTimeParts.formatToParts(date).map((part) => [part.type, part.value]));
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : '';
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : '';
}

/** "Thứ Năm, 10/12/2026 lúc 17:00": how the appointment is read out to the applicant. */
export function formatAppointment(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  const weekday = new Intl.DateTimeFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: TIME_ZONE, weekday: 'long' }).format(date);
  const p = parts(date);
  if (!p) return '';
  const capitalised = weekday.charAt(0).toUpperCase() + weekday.slice(1);
  return i18n.t('{weekday}, {date} at {time}', { weekday: capitalised, date: `${p.day}/${p.month}/${p.year}`, time: `${p.hour}:${p.minute}` });
}
