import type { Sql } from '../database.js';

/** Petitions (phản ánh, kiến nghị): the row beside each petition's process instance. */
export const petitionStore = {
  async nextId(sql: Pick<Sql, 'query'>): Promise<string> {
    const [{ id }] = await sql.query<{ id: string }>(`SELECT nextval('petition_id_seq')::text AS id`);
    return id;
  },

  async insert(sql: Pick<Sql, 'execute'>, params: unknown[]): Promise<void> {
    await sql.execute(
      `INSERT INTO petition (id, code, instance_id, channel, sender_name, sender_phone, sender_email, sender_address, subject, content, received_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      params,
    );
  },

  /**
   * The petition follows its instance: status, classification, answer; `ended` stamps its end and
   * `published` its publication once (the first time only).
   */
  async follow(sql: Pick<Sql, 'execute'>, params: [instanceId: string, status: string, kind: string | null, transferredTo: string | null, answer: string | null, answerNumber: string | null, ended: boolean, at: Date, published: boolean]): Promise<void> {
    await sql.execute(
      `UPDATE petition SET status = $2, kind = coalesce($3, kind), transferred_to = coalesce($4, transferred_to),
                answer = coalesce($5, answer), answer_number = coalesce($6, answer_number),
                finished_at = CASE WHEN $7 THEN coalesce(finished_at, $8) ELSE finished_at END,
                published_at = CASE WHEN $9 THEN coalesce(published_at, $8) ELSE published_at END
          WHERE instance_id = $1`,
      params,
    );
  },
};
