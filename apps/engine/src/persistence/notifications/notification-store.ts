import type { Sql } from '../database.js';

/** In-app notifications: escalations, deadline warnings, hand-backs (the bell of the task list). */
export interface NotificationRow {
  id: string;
  createdAt: Date;
  departmentCode: string | null;
  role: string | null;
  recipient: string | null;
  kind: string;
  message: string;
  dossierCode: string | null;
  taskId: string | null;
  instanceId: string | null;
}

export const notificationStore = {
  /** One notification; a repeat of the same one (same id) is ignored. */
  async insert(sql: Pick<Sql, 'execute'>, n: NotificationRow): Promise<void> {
    await sql.execute(
      `INSERT INTO notification (id, created_at, department_code, recipient_role, recipient, kind, message, dossier_code, task_id, instance_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [n.id, n.createdAt, n.departmentCode, n.role, n.recipient, n.kind, n.message, n.dossierCode, n.taskId, n.instanceId],
    );
  },

  /** Tells the agency's leaders a dossier is a working day from its due time. */
  async insertApologyDue(sql: Pick<Sql, 'execute'>, params: [id: string, createdAt: Date, agencyCode: string, message: string, dossierCode: string, instanceId: string]): Promise<void> {
    await sql.execute(
      `INSERT INTO notification (id, created_at, department_code, recipient_role, kind, message, dossier_code, instance_id)
         VALUES ($1, $2, $3, 'leader', 'apology-due', $4, $5, $6)`,
      params,
    );
  },

  /** What one user sees: their department's (and its parent's), their own, for their roles; admins see all. */
  list(sql: Pick<Sql, 'query'>, reader: { all: boolean; departmentCode: string | null; username: string; roles: string[] }) {
    return sql.query(
      `SELECT id, created_at AS "createdAt", kind, message, department_code AS "departmentCode", dossier_code AS "dossierCode",
              task_id AS "taskId", read_at AS "readAt"
       FROM notification
       WHERE ($1 OR department_code = $2 OR department_code = (SELECT parent_code FROM department WHERE code = $2)
              OR recipient = $3)
         AND (recipient_role IS NULL OR recipient_role = ANY($4::text[]) OR $1)
       ORDER BY created_at DESC LIMIT 200`,
      [reader.all, reader.departmentCode, reader.username, reader.roles],
    );
  },

  async markRead(sql: Pick<Sql, 'query'>, id: string): Promise<void> {
    await sql.query(`UPDATE notification SET read_at = now() WHERE id = $1 AND read_at IS NULL`, [id]);
  },
};
