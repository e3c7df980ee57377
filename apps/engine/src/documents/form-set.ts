import type { Timeliness } from '@onedoor/working-calendar';

/**
 * The forms are addressed by their Circular 03/2025 number (docs/domain.md), which is also the `{form}`
 * of the HTTP path; each form set maps that key to its own circular's numbering and wording.
 */
export const FORM_KEYS = ['01', '02', '03', '04', '05', '06', '07'] as const;
export type FormKey = (typeof FORM_KEYS)[number];

export const isFormKey = (value: string): value is FormKey => (FORM_KEYS as readonly string[]).includes(value);

export interface FormSpec<Labels> {
  /** The number the circular gives the form ("Mẫu số 02"); null when that circular has no such form. */
  legalNumber: string | null;
  title: string;
  /** Suffix of the number line, "Số: <dossier code>/<suffix>". */
  numberSuffix: string;
  labels: Labels;
}

export interface CommonLabels {
  nationLine: string;
  mottoLine: string;
  number: string;
  dossierCode: string;
  applicant: string;
  procedure: string;
  phone: string;
  email: string;
  addressee: string;
  signHint: string;
  sealHint: string;
  workingDays: string;
  channel: Record<'direct' | 'online' | 'postal', string>;
  timeliness: Record<Timeliness, string>;
  /** Placeholder printed where the data has no value yet (the paper form's dotted line). */
  blank: string;
}

export interface ReceiptLabels {
  receivedFrom: string;
  documents: string;
  documentName: string;
  copies: string;
  statutoryTime: string;
  channel: string;
  receivedAt: string;
  appointment: string;
  applicantSign: string;
  receiverSign: string;
}

export interface SupplementLabels {
  intro: string;
  request: string;
  note: string;
  closing: string;
  signer: string;
}

export interface RefusalLabels {
  intro: string;
  refusal: string;
  reason: string;
  closing: string;
  signer: string;
}

export interface ApologyLabels {
  intro: string;
  receivedAt: string;
  previousDue: string;
  reason: string;
  apology: string;
  newDue: string;
  closing: string;
  signer: string;
}

export interface StopLabels {
  intro: string;
  receivedAt: string;
  stoppedAt: string;
  reason: string;
  closing: string;
  signer: string;
}

export interface ControlSheetLabels {
  copyNote: string;
  receivedAt: string;
  appointment: string;
  leadAgency: string;
  coordinatingAgencies: string;
  ordinal: string;
  step: string;
  from: string;
  to: string;
  at: string;
  allowance: string;
  result: string;
  note: string;
  applicantParty: string;
  inProgress: string;
  inProgressOverdue: string;
  completed: string;
  returned: string;
  canceled: string;
  /** Before the officer's opinion on a completed step, the reason of a return, a supplement request. */
  opinion: string;
  reason: string;
  supplementRequested: string;
  none: string;
  handOverSign: string;
  receiveSign: string;
}

export interface TrackingBookLabels {
  period: string;
  periodTo: string;
  ordinal: string;
  received: string;
  due: string;
  returned: string;
  result: string;
  note: string;
  apologies: string;
  none: string;
  total: string;
}

/** One circular's forms: titles, legal references and field labels. Data, not code: the law changes. */
export interface FormSet {
  version: string;
  /** "Ban hành kèm theo Thông tư số …" printed under the form number. */
  legalBasis: string;
  /** Name of the one-stop desk in that circular's vocabulary. */
  deskName: string;
  common: CommonLabels;
  forms: {
    '01': FormSpec<ReceiptLabels>;
    '02': FormSpec<SupplementLabels>;
    '03': FormSpec<RefusalLabels>;
    '04': FormSpec<ApologyLabels>;
    '05': FormSpec<StopLabels>;
    '06': FormSpec<ControlSheetLabels>;
    '07': FormSpec<TrackingBookLabels>;
  };
}
