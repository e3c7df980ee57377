import type { Database } from '../../persistence/database.js';

/** One task of a dossier's history, in any process of its tree (called processes included). */
export interface TaskOccurrence {
  elementId: string;
  name: string | null;
  departmentCode: string | null;
  createdAt: Date;
  endedAt: Date | null;
  dueAt: Date | null;
  /** Working time the task was suspended waiting for the applicant (supplement). */
  waitedMs: number;
  outcome: string | null;
}

export interface FinishedDossier {
  code: string;
  clockStartedAt: Date;
  finishedAt: Date;
  legalDueAt: Date | null;
  supplementPolicy: 'restart' | 'pause';
  tasks: TaskOccurrence[];
}

interface Row {
  code: string;
  clock_started_at: Date;
  finished_at: Date;
  legal_due_at: Date | null;
  supplement_policy: string;
  element_id: string | null;
  name: string | null;
  department_code: string | null;
  created_at: Date | null;
  ended_at: Date | null;
  due_at: Date | null;
  waited_ms: string | null;
  outcome: string | null;
}

/**
 * The finished dossiers of one definition with every task of their process trees, in one query.
 * Everything is brought into memory and measured in TypeScript (the working calendar lives
 * there): fine for tens of thousands of task rows per definition; beyond that, measure per
 * period or keep per-task working time in history when the task ends.
 */
export async function finishedDossiers(db: Database, definitionId: string): Promise<FinishedDossier[]> {
  const rows = await db.query<Row>(
    `SELECT d.code, d.clock_started_at, d.finished_at, d.legal_due_at, d.supplement_policy,
            h.element_id, h.name, h.department_code, h.created_at, h.ended_at, h.due_at, h.waited_ms, h.outcome
     FROM dossier d
     LEFT JOIN process_instance p ON p.root_instance_id = d.instance_id
     LEFT JOIN hist_task_instance h ON h.instance_id = p.id AND h.history_month = od_history_month(p.started_at)
     WHERE d.definition_id = $1 AND d.finished_at IS NOT NULL
     ORDER BY d.code, h.created_at, h.id`,
    [definitionId],
  );
  const byCode = new Map<string, FinishedDossier>();
  for (const r of rows) {
    let dossier = byCode.get(r.code);
    if (!dossier) {
      dossier = {
        code: r.code,
        clockStartedAt: r.clock_started_at,
        finishedAt: r.finished_at,
        legalDueAt: r.legal_due_at,
        supplementPolicy: r.supplement_policy === 'pause' ? 'pause' : 'restart',
        tasks: [],
      };
      byCode.set(r.code, dossier);
    }
    // A process instance without tasks yet comes back as a row of nulls from the outer join.
    if (r.element_id === null || r.created_at === null) continue;
    dossier.tasks.push({
      elementId: r.element_id,
      name: r.name,
      departmentCode: r.department_code,
      createdAt: r.created_at,
      endedAt: r.ended_at,
      dueAt: r.due_at,
      waitedMs: Number(r.waited_ms ?? 0),
      outcome: r.outcome,
    });
  }
  return [...byCode.values()];
}
