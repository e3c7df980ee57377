import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import type { CalendarDay } from './calendar-api.js';
import { formatIsoDate, isoWeekday } from './local-date.js';

const KIND: Record<string, string> = { holiday: 'Public holiday', day_off: 'Day off', working_day: 'Make-up working day' };
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The year's special days as a list, with their names; overrides removable by an administrator. */
export function createDayList(days: CalendarDay[], onRemove?: (day: CalendarDay) => void): HTMLElement {
  const t = i18n.t;
  return h(
    'section',
    { className: 'od-card od-cal-list' },
    h('h2', {}, t('Holidays, days off and make-up days')),
    h(
      'table',
      { className: 'od-table' },
      h('thead', {}, h('tr', {}, [t('Date'), t('Weekday'), t('Kind'), t('Name'), t('Source'), ''].map((label) => h('th', {}, label)))),
      h(
        'tbody',
        {},
        days.map((day) => {
          const [y, m, d] = day.date.split('-').map(Number);
          return h(
            'tr',
            { 'data-date': day.date, 'data-kind': day.kind, 'data-source': day.source },
            h('td', {}, formatIsoDate(day.date)),
            h('td', {}, t(WEEKDAY_NAMES[isoWeekday(y, m - 1, d)])),
            h('td', {}, h('span', { className: `od-cal-tag od-cal-${day.kind}` }, t(KIND[day.kind] ?? day.kind))),
            h('td', {}, day.name),
            h('td', {}, t(day.source === 'law' ? 'by law' : 'override')),
            h(
              'td',
              {},
              onRemove && day.source === 'override'
                ? h('button', { type: 'button', className: 'od-button', 'data-action': 'remove-override', onclick: () => onRemove(day) }, t('Remove'))
                : null,
            ),
          );
        }),
      ),
    ),
  );
}
