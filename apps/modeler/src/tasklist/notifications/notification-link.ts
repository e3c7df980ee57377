import { i18n } from '../../shared/i18n.js';
import type { AppNotification } from '../api/tasklist-types.js';
import { routeHash } from '../shell/router.js';

/**
 * Where a notification leads: to the action it asks for. A returned or overdue step opens the
 * step; an apology letter due opens the dossier on its apology form; a supplement request opens
 * the dossier, where the desk records the supplement.
 */
export function notificationLink(n: AppNotification): { href: string; label: string } | null {
  const t = i18n.t;
  if (n.kind === 'apology-due' && n.dossierCode) return { href: routeHash({ view: 'dossier', code: n.dossierCode, action: 'apology' }), label: t('Write the apology letter') };
  if (n.taskId) return { href: routeHash({ view: 'task', taskId: n.taskId }), label: t('Open the task') };
  if (n.dossierCode) return { href: routeHash({ view: 'dossier', code: n.dossierCode }), label: t('Open the dossier') };
  return null;
}
