import type { Timeliness } from '@onedoor/working-calendar';

/** What the form renderers print, loaded by DocumentQueries. Plain data: renderers stay pure. */

export interface Agency {
  code: string;
  name: string;
}

/** A department and a person in it, as a control-sheet party. */
export interface Party {
  departmentCode: string | null;
  departmentName: string | null;
  person: string | null;
}

export interface DossierFacts {
  code: string;
  procedureCode: string | null;
  procedureName: string | null;
  agency: Agency;
  applicant: { name: string; phone: string | null; email: string | null };
  channel: 'direct' | 'online' | 'postal';
  receivedAt: Date;
  /** Full name of the officer who received it, when known. */
  receivedBy: string | null;
  statutoryDays: number | null;
  /** The original appointment; `dueAt` moves with each apology. */
  legalDueAt: Date | null;
  dueAt: Date | null;
  status: number;
  finishedAt: Date | null;
  returnedAt: Date | null;
  formVersion: string;
}

export interface DossierEvent {
  seq: number;
  at: Date;
  kind: string;
  actor: string | null;
  data: Record<string, unknown>;
}

/** A document handed in, from the instance's `documents` variable. */
export interface ReceivedDocument {
  name: string;
  copies: string | null;
}

/** One row of the control sheet: the dossier handed from one party to the next. */
export interface HandOff {
  stepName: string | null;
  from: Party;
  to: Party;
  at: Date;
  allowanceDays: number | null;
  dueAt: Date | null;
  endedAt: Date | null;
  outcome: 'completed' | 'canceled' | 'returned' | null;
  result: Timeliness | null;
  /** The officer's opinion (completed) or the reason (returned). */
  opinion: string | null;
  /** Supplements requested at this step (form 02). */
  supplementRequests: { at: Date; missing: string[] }[];
}

export interface DossierDocument {
  dossier: DossierFacts;
  events: DossierEvent[];
  documents: ReceivedDocument[];
  handOffs: HandOff[];
  /** Agencies other than the dossier's own that handled a step (inter-agency procedures). */
  coordinatingAgencies: Agency[];
  /** When the document is printed: an open step past its due time shows as overdue. */
  printedAt: Date;
  /** Where applicants reach this server (the receipt's QR code opens its lookup page); none: no QR code. */
  publicBaseUrl?: string;
}

export interface TrackingBookEntry {
  code: string;
  applicantName: string;
  procedureName: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  returnedAt: Date | null;
  status: number;
  /** Timeliness of a finished dossier against its original (legal) due date. */
  result: Timeliness | null;
  apologyCount: number;
}

export interface TrackingBook {
  agency: Agency;
  /** Local dates, inclusive. */
  from: string;
  to: string;
  entries: TrackingBookEntry[];
  /** The form set of the period's latest dossier (the set in force then), or the current one. */
  formVersion: string;
  printedAt: Date;
}
