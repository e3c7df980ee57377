import '../shared/base.css';
import './calendar-admin.css';

import { ApiClient } from '../shared/api-client.js';
import { authSession, type SessionUser } from '../shared/auth-session.js';
import { h } from '../shared/dom.js';
import { i18n } from '../shared/i18n.js';
import { createLoginForm } from '../shared/login-form.js';
import { viUi } from '../shared/vi-ui.js';
import { describeApiError } from '../tasklist/format/api-message.js';
import { viTasklist } from '../tasklist/i18n/vi-tasklist.js';
import { createAppHeader } from '../shared/app-shell/app-header.js';
import { viShell } from '../shared/app-shell/vi-shell.js';
import { createAddCalculator } from './add-calculator.js';
import { CalendarApi, type CalendarDay } from './calendar-api.js';
import { createDayList } from './day-list.js';
import { formatIsoDate, todayInVietnam } from './local-date.js';
import { createOverrideForm } from './override-form.js';
import { viCalendar } from './vi-calendar.js';
import { createYearView } from './year-view.js';

/**
 * `/calendar/` (issue #4): the working calendar of a year as the engine counts it. Everyone
 * reads it; administrators add the yearly announced days off and make-up working days.
 */
i18n.register(viUi);
i18n.register(viShell);
i18n.register(viTasklist);
i18n.register(viCalendar);
document.documentElement.lang = i18n.language;
document.title = i18n.t('Working calendar — OneDoor');

const http = new ApiClient();
const calendarApi = new CalendarApi(http);
const root = document.getElementById('app')!;
const today = todayInVietnam();

start();

function start(): void {
  const user = authSession.user;
  if (user && authSession.token) void showCalendar(user, selectedYear());
  else showLogin();
}

function showLogin(notice?: string): void {
  const t = i18n.t;
  root.replaceChildren(
    createAppHeader({ api: http, currentPath: '/calendar/', onLogout: () => showLogin() }).element,
    h(
      'div',
      { className: 'od-cal-login' },
      h('h1', { className: 'od-page-title' }, t('Working calendar')),
      notice ? h('p', { className: 'od-form-error', role: 'alert' }, notice) : null,
      createLoginForm({ api: http, onSuccess: (user) => void showCalendar(user, selectedYear()) }),
    ),
  );
}

async function showCalendar(user: SessionUser, year: number, message = ''): Promise<void> {
  const t = i18n.t;
  const isAdmin = user.roles.includes('admin');
  const main = h('main', { className: 'od-cal-main', 'aria-busy': 'true' }, h('p', { className: 'od-muted' }, t('Loading…')));
  const flash = h('p', { className: 'od-cal-flash', role: 'status', 'aria-live': 'polite' }, message);
  root.replaceChildren(
    createAppHeader({ api: http, currentPath: '/calendar/', onLogout: () => { authSession.clear(); showLogin(); }, onExpired: () => { authSession.clear(); showLogin(t('Your session has ended. Please log in again.')); } }).element,
    main,
  );

  let calendar;
  try {
    calendar = await calendarApi.year(year);
  } catch (error) {
    if (isExpired(error)) return;
    main.replaceChildren(h('p', { className: 'od-form-error', role: 'alert' }, describeApiError(error)));
    return;
  }

  const reload = (done: string) => void showCalendar(user, year, done);
  const overrideForm = isAdmin
    ? createOverrideForm(year, async (override) => {
        try {
          await calendarApi.addOverride(override);
          reload(t('Added {date}: {name}.', { date: formatIsoDate(override.date), name: override.name }));
        } catch (error) {
          if (!isExpired(error)) overrideForm!.showError(describeApiError(error));
        }
      })
    : undefined;
  const remove = async (day: CalendarDay) => {
    if (!confirm(t('Remove “{name}” ({date})?', { name: day.name, date: formatIsoDate(day.date) }))) return;
    try {
      await calendarApi.removeOverride(day.date);
      reload(t('Removed {date}.', { date: formatIsoDate(day.date) }));
    } catch (error) {
      if (!isExpired(error)) setFlash(describeApiError(error));
    }
  };
  const setFlash = (message: string) => (flash.textContent = message);

  main.removeAttribute('aria-busy');
  main.replaceChildren(
    h(
      'div',
      { className: 'od-cal-title' },
      h('a', { className: 'od-button', href: `?year=${year - 1}`, 'data-action': 'previous-year', 'aria-label': t('Previous year') }, '‹'),
      h('h1', {}, t('Working calendar {year}', { year })),
      h('a', { className: 'od-button', href: `?year=${year + 1}`, 'data-action': 'next-year', 'aria-label': t('Next year') }, '›'),
      h('span', { className: 'od-muted' }, officeHoursText(calendar.officeHours)),
    ),
    flash,
    h(
      'div',
      { className: 'od-cal-layout' },
      createYearView(calendar, today, overrideForm?.pick),
      h(
        'aside',
        { className: 'od-cal-side' },
        overrideForm?.element ?? h('p', { className: 'od-card od-muted', 'data-testid': 'read-only-note' }, t('Only an administrator can change the calendar.')),
        createAddCalculator((from, days) => calendarApi.addWorkingDays(from, days), `${today}T08:00`),
      ),
    ),
    createDayList(calendar.days, isAdmin ? remove : undefined),
  );
}

function selectedYear(): number {
  const year = Number(new URLSearchParams(location.search).get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : Number(today.slice(0, 4));
}

function isExpired(error: unknown): boolean {
  if ((error as { status?: number })?.status !== 401) return false;
  authSession.clear();
  showLogin(i18n.t('Your session has ended. Please log in again.'));
  return true;
}

/** "Thứ 2–6: 07:30–11:30, 13:00–17:00" from the engine's office hours. */
function officeHoursText(hours: { weekday: number; from: string; to: string }[]): string {
  const byDay = new Map<number, string>();
  for (const slot of hours) byDay.set(slot.weekday, [byDay.get(slot.weekday), `${slot.from}–${slot.to}`].filter(Boolean).join(', '));
  const patterns = new Map<string, number[]>();
  for (const [day, text] of byDay) patterns.set(text, [...(patterns.get(text) ?? []), day]);
  return [...patterns]
    .map(([text, days]) => `${i18n.t('Office hours')} ${days.map((d) => i18n.t(['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d])).join(' ')}: ${text}`)
    .join(' · ');
}
