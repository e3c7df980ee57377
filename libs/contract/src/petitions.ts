import type { Wire } from './wire.js';

/** A citizen's petition (phản ánh, kiến nghị) as officers see it (GET /api/petitions, /api/petitions/{code}). */
export interface PetitionView {
  code: string;
  channel: string;
  senderName: string;
  senderPhone: string | null;
  senderEmail: string | null;
  subject: string;
  content: string;
  receivedAt: Date;
  dueAt: Date | null;
  status: 'received' | 'processing' | 'transferred' | 'answered';
  kind: string | null;
  transferredTo: string | null;
  answer: string | null;
  answerNumber: string | null;
  finishedAt: Date | null;
  publishedAt: Date | null;
  processInstanceId: string;
}

/** What the public sees of an answered petition (GET /api/public/petitions): no sender's contact, ever. */
export interface PublishedPetitionView {
  code: string;
  subject: string;
  content: string;
  kind: string | null;
  receivedAt: Date;
  answer: string | null;
  answerNumber: string | null;
  publishedAt: Date;
}

/** GET /api/petitions/report: the period's petitions by channel, kind and outcome. */
export interface PetitionReportView {
  from: Date;
  to: Date;
  received: { total: number; online: number; direct: number; postal: number };
  byKind: { phanAnh: number; kienNghi: number; unclassified: number };
  transferred: number;
  answered: { total: number; onTime: number; late: number };
  inProgress: { total: number; withinTime: number; overdue: number };
  published: number;
}

export type Petition = Wire<PetitionView>;
export type PublishedPetition = Wire<PublishedPetitionView>;
export type PetitionReport = Wire<PetitionReportView>;
