import type { PetitionReportView, PetitionView, PublishedPetitionView } from '@onedoor/contract';
import type { Database } from '../../persistence/database.js';
import { notFound } from '../../shared/domain-error.js';

const COLUMNS = `code, channel, sender_name AS "senderName", sender_phone AS "senderPhone", sender_email AS "senderEmail",
  subject, content, received_at AS "receivedAt", due_at AS "dueAt", status, kind, transferred_to AS "transferredTo",
  answer, answer_number AS "answerNumber", finished_at AS "finishedAt", published_at AS "publishedAt", instance_id AS "processInstanceId"`;

/** Read side of petitions: the officers' list, the public list of answers, the report. */
export class PetitionQueries {
  constructor(private readonly db: Database) {}

  async list(filter: { status?: string; limit: number; offset: number }): Promise<{ items: PetitionView[]; total: number }> {
    const params: unknown[] = [];
    const where = filter.status ? (params.push(filter.status), `WHERE status = $${params.length}`) : '';
    const [{ total }] = await this.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM petition ${where}`, params);
    const items = await this.db.query<PetitionView>(
      `SELECT ${COLUMNS} FROM petition ${where} ORDER BY received_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }

  async get(code: string): Promise<PetitionView> {
    const [row] = await this.db.query<PetitionView>(`SELECT ${COLUMNS} FROM petition WHERE code = $1`, [code]);
    if (!row) throw notFound('Petition', code);
    return row;
  }

  published(limit: number, offset: number): Promise<PublishedPetitionView[]> {
    return this.db.query<PublishedPetitionView>(
      `SELECT code, subject, content, kind, received_at AS "receivedAt", answer, answer_number AS "answerNumber", published_at AS "publishedAt"
         FROM petition WHERE published_at IS NOT NULL ORDER BY published_at DESC, id DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
  }

  /**
   * Petitions received in [from, to): how they came, what they were, and how each ended — answered
   * by its due date or after it, transferred, or still open within its time or overdue at `now`.
   */
  async report(from: Date, to: Date, now: Date): Promise<PetitionReportView> {
    const [r] = await this.db.query<Record<string, number>>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE channel = 'online')::int AS online,
              count(*) FILTER (WHERE channel = 'direct')::int AS direct,
              count(*) FILTER (WHERE channel = 'postal')::int AS postal,
              count(*) FILTER (WHERE kind = 'phan-anh')::int AS "phanAnh",
              count(*) FILTER (WHERE kind = 'kien-nghi')::int AS "kienNghi",
              count(*) FILTER (WHERE kind IS NULL)::int AS unclassified,
              count(*) FILTER (WHERE status = 'transferred')::int AS transferred,
              count(*) FILTER (WHERE status = 'answered')::int AS answered,
              count(*) FILTER (WHERE status = 'answered' AND (due_at IS NULL OR finished_at <= due_at))::int AS "onTime",
              count(*) FILTER (WHERE status = 'answered' AND finished_at > due_at)::int AS late,
              count(*) FILTER (WHERE status IN ('received', 'processing'))::int AS open,
              count(*) FILTER (WHERE status IN ('received', 'processing') AND due_at < $3)::int AS overdue,
              count(*) FILTER (WHERE published_at IS NOT NULL)::int AS published
         FROM petition WHERE received_at >= $1 AND received_at < $2`,
      [from, to, now],
    );
    return {
      from,
      to,
      received: { total: r.total, online: r.online, direct: r.direct, postal: r.postal },
      byKind: { phanAnh: r.phanAnh, kienNghi: r.kienNghi, unclassified: r.unclassified },
      transferred: r.transferred,
      answered: { total: r.answered, onTime: r.onTime, late: r.late },
      inProgress: { total: r.open, withinTime: r.open - r.overdue, overdue: r.overdue },
      published: r.published,
    };
  }
}
