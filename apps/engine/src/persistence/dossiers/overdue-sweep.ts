import type { Clock } from '../../commands/command.js';
import type { Database } from '../database.js';
import { vietnameseTime } from '../../documents/vietnamese-time.js';
import type { Notifier } from '../../dossiers/notifier.js';

/**
 * Escalates overdue steps to their department's leader. One set-based sweep per poll of the job
 * executor instead of a job per task: a task costs no extra row when it is created, and any number
 * of engine nodes can sweep at once — `FOR UPDATE SKIP LOCKED` hands each overdue task to one of
 * them, and the flag plus the unique (kind, task) notification make the escalation happen once.
 */
export function overdueTaskSweep(db: Database, clock: Clock, notifier: Notifier, newId: () => string): () => Promise<number> {
  return () =>
    db.transaction(async (sql) => {
      const now = clock.now();
      const due = await sql.query<{ id: string; name: string | null; department_code: string | null; due_at: Date; business_key: string | null; instance_id: string }>(
        `WITH due AS (
           SELECT id FROM task WHERE due_at < $1 AND NOT overdue_notified AND NOT suspended
           ORDER BY due_at LIMIT 200 FOR UPDATE SKIP LOCKED)
         UPDATE task t SET overdue_notified = true FROM due WHERE t.id = due.id
         RETURNING t.id, t.name, t.department_code, t.due_at, t.business_key, t.instance_id`,
        [now],
      );
      const sent: { task: (typeof due)[number]; message: string }[] = [];
      for (const task of due) {
        const message = `Bước "${task.name ?? task.id}"${task.business_key ? ` của hồ sơ ${task.business_key}` : ''} đã quá hạn xử lý (hạn ${vietnameseTime.dayTime(task.due_at)}).`;
        await sql.execute(
          `INSERT INTO notification (id, created_at, department_code, recipient_role, recipient, kind, message, dossier_code, task_id, instance_id)
           VALUES ($1, $2, $3, 'leader', NULL, 'task-overdue', $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [newId(), now, task.department_code, message, task.business_key, task.id, task.instance_id],
        );
        await sql.execute(
          `INSERT INTO user_operation (at, username, operation, entity_type, entity_id, instance_id, details) VALUES ($1, 'system', 'escalate', 'task', $2, $3, $4)`,
          [now, task.id, task.instance_id, JSON.stringify({ department: task.department_code })],
        );
        sent.push({ task, message });
      }
      for (const { task, message } of sent) {
        notifier.afterCommit(undefined, { kind: 'task-overdue', departmentCode: task.department_code, role: 'leader', message, taskId: task.id, dossierCode: task.business_key });
      }
      return due.length;
    });
}
