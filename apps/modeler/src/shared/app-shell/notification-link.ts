import { i18n } from '../i18n.js';

export interface NotificationLinkSource {
  kind: string;
  taskId: string | null;
  dossierCode: string | null;
}

/**
 * Where a notification leads: to the action it asks for, from any page of the app. A returned or
 * overdue step opens the step; an apology letter due opens the dossier on its apology form; a
 * supplement request opens the dossier, where the desk records the supplement.
 */
export function notificationLink(n: NotificationLinkSource): { href: string; label: string } | null {
  const t = i18n.t;
  if (n.kind === 'apology-due' && n.dossierCode) return { href: `/#/dossier/${encodeURIComponent(n.dossierCode)}?action=apology`, label: t('Write the apology letter') };
  if (n.taskId) return { href: `/#/task/${encodeURIComponent(n.taskId)}`, label: t('Open the task') };
  if (n.dossierCode) return { href: `/#/dossier/${encodeURIComponent(n.dossierCode)}`, label: t('Open the dossier') };
  return null;
}
