import type { AppNotification } from '@onedoor/contract';
import type { ApiClient } from '../api-client.js';
import { ApiError } from '../api-error.js';
import { formatDateTime } from '../date-time.js';
import { h } from '../dom.js';
import { i18n } from '../i18n.js';
import { notificationLink } from './notification-link.js';

const POLL_MS = 60_000;

/**
 * Escalations and requests for the user (a step overdue or returned, an apology letter due, a
 * supplement asked for), with their time in dd/mm/yyyy HH:mm and a link to what they ask for.
 * Polled once a minute: deadlines are counted in working hours, a minute is never the difference.
 */
export function createNotificationBell({ api, onExpired }: { api: ApiClient; onExpired(): void }): { element: HTMLElement; stop(): void } {
  const t = i18n.t;
  const count = h('span', { className: 'od-bell-count', hidden: true });
  const list = h('div', { className: 'od-bell-panel', hidden: true, role: 'dialog', 'aria-label': t('Notifications') });
  const button = h(
    'button',
    { type: 'button', className: 'od-button od-bell', 'data-action': 'notifications', title: t('Notifications'), 'aria-expanded': 'false' },
    bellIcon(),
    h('span', { className: 'od-visually-hidden' }, t('Notifications')),
    count,
  );
  let items: AppNotification[] = [];

  const render = () => {
    const unread = items.filter((n) => !n.readAt).length;
    count.hidden = unread === 0;
    count.textContent = String(unread);
    list.replaceChildren(
      h('h2', {}, t('Notifications')),
      items.length
        ? h(
            'ul',
            {},
            items.slice(0, 30).map((n) => {
              const target = notificationLink(n);
              return h(
                'li',
                { className: n.readAt ? 'od-read' : 'od-unread', 'data-notification-id': n.id, 'data-kind': n.kind },
                h('div', { className: 'od-bell-time' }, formatDateTime(n.createdAt), ' · ', kindLabel(n.kind)),
                h('div', {}, n.message),
                target ? h('a', { href: target.href, 'data-action': 'follow-notification', onclick: () => void markRead(n) }, target.label) : null,
              );
            }),
          )
        : h('p', { className: 'od-muted' }, t('No notifications.')),
    );
  };

  const markRead = async (n: AppNotification) => {
    close();
    if (n.readAt) return;
    n.readAt = new Date().toISOString();
    render();
    await api.post(`/api/notifications/${encodeURIComponent(n.id)}/read`).catch(() => undefined);
  };

  const refresh = async () => {
    try {
      items = await api.get<AppNotification[]>('/api/notifications');
      render();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onExpired();
    }
  };

  const close = () => {
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  button.addEventListener('click', () => {
    list.hidden = !list.hidden;
    button.setAttribute('aria-expanded', String(!list.hidden));
    if (!list.hidden) void refresh();
  });
  const closeOutside = (event: Event) => {
    if (!wrapper.contains(event.target as Node)) close();
  };
  document.addEventListener('click', closeOutside);

  const wrapper = h('div', { className: 'od-bell-wrapper' }, button, list);
  void refresh();
  const timer = window.setInterval(() => void refresh(), POLL_MS);
  return {
    element: wrapper,
    stop: () => {
      window.clearInterval(timer);
      document.removeEventListener('click', closeOutside);
    },
  };
}

/** Drawn, not an emoji: office PCs and headless browsers often lack an emoji font. */
function bellIcon(): HTMLElement {
  const icon = h('span', { className: 'od-bell-icon', 'aria-hidden': 'true' });
  icon.innerHTML =
    '<svg viewBox="0 0 24 24" width="16" height="16" fill="currentColor"><path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/></svg>';
  return icon;
}

function kindLabel(kind: string): string {
  const t = i18n.t;
  const labels: Record<string, string> = {
    'task-overdue': 'Step overdue',
    'apology-due': 'Apology letter due',
    'task-returned': 'Dossier returned',
    'supplement-requested': 'Supplement requested',
  };
  return labels[kind] ? t(labels[kind]) : kind;
}
