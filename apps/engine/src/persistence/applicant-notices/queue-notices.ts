import type { Sql } from '../database.js';
import { noticeText, type NoticeEvent, type NoticeFacts } from '../../applicant-notices/notice-templates.js';

export type NoticeChannelName = 'email' | 'sms' | 'zalo';
export const NOTICE_CHANNELS: readonly NoticeChannelName[] = ['email', 'sms', 'zalo'];

interface DossierContact {
  procedure_name: string | null;
  applicant_name: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  due_at: Date | null;
  notify_channels: NoticeChannelName[];
}

/** The dossier event kinds (dossier_event.kind) that tell the applicant, and which notice each makes. */
function noticeOf(kind: string, data: Record<string, unknown>): NoticeEvent | undefined {
  if (kind === 'received' || kind === 'supplement_requested' || kind === 'apology') return kind;
  // Status 9: only not-counted steps (handing the result back) remain — the result is ready.
  if (kind === 'status' && data.to === 9) return 'result_ready';
  return undefined;
}

/**
 * Queues the notices a dossier event makes, in the event's own transaction: written together or
 * not at all, so an applicant is never told of a step that rolled back, nor left untold of one that
 * committed. One row per channel the applicant agreed to at reception and has an address for.
 */
export async function queueApplicantNotices(sql: Pick<Sql, 'query'>, code: string, at: Date, kind: string, data: unknown): Promise<number> {
  const event = noticeOf(kind, (data ?? {}) as Record<string, unknown>);
  if (!event) return 0;
  const [dossier] = await sql.query<DossierContact>(
    `SELECT procedure_name, applicant_name, applicant_phone, applicant_email, due_at, notify_channels FROM dossier WHERE code = $1`,
    [code],
  );
  if (!dossier || dossier.notify_channels.length === 0) return 0;
  const d = (data ?? {}) as Record<string, unknown>;
  const facts: NoticeFacts = {
    code,
    procedureName: dossier.procedure_name,
    applicantName: dossier.applicant_name,
    dueAt: dossier.due_at,
    missing: Array.isArray(d.missing) ? d.missing.map(String) : undefined,
    note: typeof d.note === 'string' ? d.note : null,
    newDueAt: d.newDueAt ? new Date(String(d.newDueAt)) : null,
    reason: typeof d.reason === 'string' ? d.reason : null,
  };
  const text = noticeText(event, facts);
  let queued = 0;
  for (const channel of dossier.notify_channels) {
    const recipient = channel === 'email' ? dossier.applicant_email : dossier.applicant_phone;
    if (!recipient) continue;
    await sql.query(
      `INSERT INTO applicant_notice (dossier_code, event, channel, recipient, subject, body, data, created_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
      [code, event, channel, recipient, text.subject, channel === 'sms' ? text.sms : text.body, JSON.stringify({ event, code, applicantName: facts.applicantName, dueAt: facts.dueAt, newDueAt: facts.newDueAt }), at],
    );
    queued += 1;
  }
  return queued;
}
