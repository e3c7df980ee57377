import { i18n } from '../shared/i18n.js';
import { createPageHeader } from '../shared/page-header.js';

/** The bar on top of the comparison, linking the other manager pages. */
export function createCompareHeader(onLogout: () => void): { element: HTMLElement; refresh(): void } {
  const t = i18n.t;
  return createPageHeader(t('Before and after simplification'), [{ href: '/modeler/', label: t('Procedure designer') }, { href: '/reports/', label: t('Reports') }], onLogout);
}
