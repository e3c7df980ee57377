import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import type { CalendarDay } from './calendar-api.js';
import { daysInMonth, isoDate, isoWeekday } from './local-date.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface MonthGridOptions {
  year: number;
  month: number;
  days: Map<string, CalendarDay>;
  /** ISO weekdays with office hours (ordinarily 1–5). */
  workingWeekdays: Set<number>;
  today: string;
  onPick?(date: string): void;
}

/** One month, weeks starting on Monday as Vietnamese calendars do; every special day coloured and named. */
export function createMonthGrid({ year, month, days, workingWeekdays, today, onPick }: MonthGridOptions): HTMLElement {
  const t = i18n.t;
  const cells: HTMLElement[] = [];
  for (let blank = 1; blank < isoWeekday(year, month, 1); blank++) cells.push(h('span', { className: 'od-cal-blank' }));
  for (let day = 1; day <= daysInMonth(year, month); day++) {
    const date = isoDate(year, month, day);
    const special = days.get(date);
    const weekday = isoWeekday(year, month, day);
    const kind = special?.kind ?? (workingWeekdays.has(weekday) ? 'working' : 'weekend');
    const title = special ? `${special.name} (${t(special.source === 'law' ? 'by law' : 'override')})` : undefined;
    cells.push(
      h(
        onPick ? 'button' : 'span',
        {
          type: onPick ? 'button' : undefined,
          className: `od-cal-day od-cal-${kind}${special?.source === 'override' ? ' od-cal-override' : ''}${date === today ? ' od-cal-today' : ''}`,
          'data-date': date,
          'data-kind': kind,
          title,
          'aria-label': title ? `${day}: ${title}` : String(day),
          onclick: onPick ? () => onPick(date) : undefined,
        },
        String(day),
      ),
    );
  }
  return h(
    'section',
    { className: 'od-cal-month', 'data-month': String(month + 1) },
    h('h3', {}, t(MONTHS[month])),
    h('div', { className: 'od-cal-grid' }, WEEKDAYS.map((w) => h('span', { className: 'od-cal-weekday' }, t(w))), cells),
  );
}
