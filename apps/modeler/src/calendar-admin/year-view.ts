import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import type { CalendarDay, CalendarYear } from './calendar-api.js';
import { createMonthGrid } from './month-grid.js';

/** The twelve months of a year with a legend; `onPick` makes days clickable (admins pick a date). */
export function createYearView(calendar: CalendarYear, today: string, onPick?: (date: string) => void): HTMLElement {
  const days = new Map<string, CalendarDay>(calendar.days.map((d) => [d.date, d]));
  const workingWeekdays = new Set(calendar.officeHours.map((o) => o.weekday));
  return h(
    'div',
    { className: 'od-cal-year', 'data-year': String(calendar.year) },
    createLegend(),
    h(
      'div',
      { className: 'od-cal-months' },
      Array.from({ length: 12 }, (_, month) => createMonthGrid({ year: calendar.year, month, days, workingWeekdays, today, onPick })),
    ),
  );
}

function createLegend(): HTMLElement {
  const t = i18n.t;
  const item = (kind: string, label: string) => h('span', { className: 'od-cal-legend-item' }, h('span', { className: `od-cal-swatch od-cal-${kind}` }), t(label));
  return h(
    'div',
    { className: 'od-cal-legend', 'data-testid': 'legend' },
    item('holiday', 'Public holiday'),
    item('day_off', 'Day off (compensatory or announced)'),
    item('working_day', 'Make-up working day'),
    item('weekend', 'Weekend'),
    h('span', { className: 'od-cal-legend-item' }, h('span', { className: 'od-cal-swatch od-cal-working od-cal-override' }), t('Set by an administrator')),
  );
}
