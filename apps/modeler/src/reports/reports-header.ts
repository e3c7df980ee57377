import { i18n } from '../shared/i18n.js';
import { createPageHeader } from '../shared/page-header.js';

/** The bar on top of the reports, linking the other manager pages. */
export function createReportsHeader(onLogout: () => void): { element: HTMLElement; refresh(): void } {
  const t = i18n.t;
  return createPageHeader(t('Reports on administrative procedures'), [{ href: '/modeler/', label: t('Procedure designer') }, { href: '/compare/', label: t('Before and after simplification') }], onLogout);
}
