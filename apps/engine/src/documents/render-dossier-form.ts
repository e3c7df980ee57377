import { badInput } from '../shared/domain-error.js';
import type { DossierDocument } from './document-data.js';
import type { FormKey } from './form-set.js';
import { renderApologyLetter } from './forms/apology-letter.js';
import { renderControlSheet } from './forms/control-sheet.js';
import { renderReceiptSlip } from './forms/receipt-slip.js';
import { renderRefusalNotice } from './forms/refusal-notice.js';
import { renderStopNotice } from './forms/stop-notice.js';
import { renderSupplementRequest } from './forms/supplement-request.js';

type DossierFormRenderer = (data: DossierDocument, formVersion: string) => string;

const RENDERERS: Record<Exclude<FormKey, '07'>, DossierFormRenderer> = {
  '01': renderReceiptSlip,
  '02': renderSupplementRequest,
  '03': renderRefusalNotice,
  '04': renderApologyLetter,
  '05': renderStopNotice,
  '06': renderControlSheet,
};

/** Forms 01–06 are about one dossier and print with the form set it was received under. */
export function renderDossierForm(form: FormKey, data: DossierDocument): string {
  if (form === '07') throw badInput('form 07 is the agency tracking book, not a dossier form', [{ field: 'form', message: 'use /api/documents/tracking-book' }]);
  return RENDERERS[form](data, data.dossier.formVersion);
}
