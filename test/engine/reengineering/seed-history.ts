import { randomUUID } from 'node:crypto';
import type { Engine } from '../../../apps/engine/src/engine.js';

/** A local Vietnam time ('2026-03-09T07:30') as an instant. */
export const at = (local: string): Date => new Date(`${local}+07:00`);

export interface TaskSeed {
  elementId: string;
  /** Local times, as at() reads them. */
  from: string;
  to: string | null;
  due?: string | null;
  waitedHours?: number;
  outcome?: 'completed' | 'returned' | 'canceled';
  /** Put the task in a child process instance of the dossier (as a called process would). */
  inChildInstance?: boolean;
}

export interface DossierSeed {
  code: string;
  definitionId: string;
  clockStartedAt: string;
  finishedAt: string | null;
  legalDueAt: string | null;
  policy?: 'restart' | 'pause';
  tasks: TaskSeed[];
}

/**
 * Writes dossiers and their task history straight into the tables at chosen instants, so a spec
 * knows every working hour by hand. Step names and departments come from the deployed model.
 */
export async function seedHistory(engine: Engine, seeds: DossierSeed[]): Promise<void> {
  for (const s of seeds) {
    const definition = await engine.definitions.get(s.definitionId);
    const { steps } = await engine.definitions.steps(s.definitionId);
    const root = randomUUID();
    let child: string | undefined;
    const finished = s.finishedAt ? at(s.finishedAt) : null;
    await engine.db.query(
      `INSERT INTO process_instance (id, definition_id, definition_key, business_key, state, root_instance_id, started_at, ended_at)
       VALUES ($1, $2, $3, $4, $5, $1, $6, $7)`,
      [root, s.definitionId, definition.key, s.code, finished ? 'completed' : 'active', at(s.clockStartedAt), finished],
    );
    await engine.db.query(
      `INSERT INTO dossier (code, instance_id, definition_id, procedure_key, procedure_code, procedure_name, agency_code, applicant_name,
                            channel, received_at, clock_started_at, statutory_days, legal_due_at, due_at, status, supplement_policy,
                            finished_at, returned_at, form_version)
       VALUES ($1, $2, $3, $4, $5, $6, 'SYT', 'Công ty TNHH Hoa Mai', 'direct', $7, $7, $8, $9, $9, $10, $11, $12, $12, '03/2025')`,
      [s.code, root, s.definitionId, definition.key, definition.procedureCode, definition.name, at(s.clockStartedAt), definition.statutoryDays,
        s.legalDueAt ? at(s.legalDueAt) : null, finished ? 10 : 4, s.policy ?? 'restart', finished],
    );
    for (const task of s.tasks) {
      const step = steps.find((x) => x.elementId === task.elementId);
      if (task.inChildInstance && !child) {
        child = randomUUID();
        await engine.db.query(
          `INSERT INTO process_instance (id, definition_id, definition_key, state, parent_instance_id, root_instance_id, started_at)
           VALUES ($1, $2, $3, 'completed', $4, $4, $5)`,
          [child, s.definitionId, definition.key, root, at(task.from)],
        );
      }
      await engine.db.query(
        // A step's history is one activity row carrying its task's fields, in its instance's month.
        `INSERT INTO hist_activity_instance (id, task_id, execution_id, definition_id, activity_type, state, history_month, instance_id, activity_id, activity_name,
                                             department_code, role, started_at, due_at, ended_at, outcome, allowance_days, counted, waited_ms)
         VALUES ($1, $1, $1, $14, 'userTask', CASE WHEN $9::timestamptz IS NULL THEN 'active' ELSE 'completed' END,
                 (SELECT od_history_month(started_at) FROM process_instance WHERE id = $2), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [randomUUID(), task.inChildInstance ? child : root, task.elementId, step?.name ?? null, step?.departmentCode ?? null, step?.role ?? null,
          at(task.from), task.due ? at(task.due) : null, task.to ? at(task.to) : null, task.to ? task.outcome ?? 'completed' : null,
          step?.allowanceDays ?? null, step?.counted ?? true, Math.round((task.waitedHours ?? 0) * 3_600_000), s.definitionId],
      );
    }
  }
}
