import { h } from '../../shared/dom.js';
import { i18n } from '../../shared/i18n.js';
import { printHref } from '../shell/router.js';

/** The legal forms of a dossier (Circular 03/2025 numbering), as English source strings. */
export const DOSSIER_FORMS: { form: string; label: string }[] = [
  { form: '01', label: 'Receipt and appointment slip' },
  { form: '02', label: 'Request to supplement the dossier' },
  { form: '03', label: 'Refusal notice' },
  { form: '04', label: 'Apology and new appointment' },
  { form: '05', label: 'Notice that processing stops' },
  { form: '06', label: 'Control sheet' },
];

/**
 * Forms 01–07 to print at any time. Each link is the app's own print address (it asks for a
 * login when the session is gone, and a copied link works the same); the form opens in a new
 * tab laid out for A4, printed with Ctrl+P. Form 07 is the agency's register for the month the
 * dossier was received in.
 */
export function createDocumentList(code: string, agencyCode: string | undefined, receivedAt: string): HTMLElement {
  const t = i18n.t;
  const month = monthOf(receivedAt);
  return h(
    'section',
    { className: 'od-card od-documents', 'data-testid': 'documents' },
    h('h2', {}, t('Documents to print')),
    h(
      'ul',
      { className: 'od-document-list' },
      DOSSIER_FORMS.map(({ form, label }) =>
        h('li', {}, h('a', { href: printHref(code, form), target: '_blank', rel: 'noopener', 'data-form': form }, h('span', { className: 'od-form-number' }, t('Form {number}', { number: form })), ' ', t(label))),
      ),
      agencyCode
        ? h(
            'li',
            {},
            h('a', { href: printHref(agencyCode, '07', month), target: '_blank', rel: 'noopener', 'data-form': '07' }, h('span', { className: 'od-form-number' }, t('Form {number}', { number: '07' })), ' ', t('Tracking book of the month')),
          )
        : null,
    ),
  );
}

/** First and last local day of the month of an instant (Vietnam time), for form 07. */
function monthOf(instant: string): { from: string; to: string } {
  const local = new Date(new Date(instant).getTime() + 7 * 3600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const mm = String(m + 1).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}
