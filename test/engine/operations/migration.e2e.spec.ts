import { SYSTEM_ACTOR } from '../../../apps/engine/src/commands/command.js';
import { CompleteTask } from '../../../apps/engine/src/commands/complete-task.js';
import { StartInstance } from '../../../apps/engine/src/commands/start-instance.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';

/** The procedures of processes/ that have a simplified v2 beside their v1. */
const PROCEDURES = [
  'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat',
  'xac-nhan-qua-trinh-thuc-hanh-cong-tac-xa-hoi',
  'dang-ky-co-so-tro-giup-xa-hoi-ngoai-cong-lap',
  'cap-gcn-co-so-du-dieu-kien-attp-nong-lam-thuy-san',
  'cap-chung-chi-hanh-nghe-thu-y',
];

/**
 * Issue #20: instances waiting at every step of a procedure's v1 — the steps v2 removed among
 * them — are migrated onto v2 by a batch the job executor runs, then worked to the end on v2.
 */
describe('migrating running instances onto the simplified version', () => {
  let t: TestEngine;
  let admin: string;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  /** Open tasks of an instance and of the instances it called. */
  const openTasks = (rootId: string) =>
    t.engine.db.query<{ id: string; element_id: string; definition_id: string; due_at: Date | null }>(
      `SELECT t.id, t.element_id, t.definition_id, t.due_at FROM task t JOIN process_instance p ON p.id = t.instance_id WHERE p.root_instance_id = $1 ORDER BY t.created_at, t.id`,
      [rootId],
    );
  const state = async (id: string) => (await t.engine.db.query<{ state: string; definition_id: string }>(`SELECT state, definition_id FROM process_instance WHERE id = $1`, [id]))[0];

  /** Completes the first open step as its officer would on the main path: the first choice of a decision, required fields filled. */
  async function step(rootId: string): Promise<string | undefined> {
    const [task] = await openTasks(rootId);
    if (!task) return undefined;
    const form = (await t.http.get(`/api/tasks/${task.id}/form`).set('Authorization', admin)).body as {
      fields: { variable: string; type: string; required: boolean; options?: { value: unknown }[] }[];
      decision: { variable: string; choices: { value: unknown }[] } | null;
    };
    const variables: Record<string, unknown> = {};
    for (const f of form.fields ?? []) if (f.required) variables[f.variable] = f.options?.[0]?.value ?? (f.type === 'number' ? 1 : f.type === 'boolean' ? true : 'x');
    if (form.decision?.choices.length) variables[form.decision.variable] = form.decision.choices[0].value;
    await t.engine.execute(new CompleteTask(task.id, variables), SYSTEM_ACTOR);
    return task.element_id;
  }

  /** Every step the main path of a version goes through, in order. */
  async function mainPath(definitionId: string): Promise<string[]> {
    const { id } = await t.engine.execute(new StartInstance({ definitionId }, 'PROBE'), SYSTEM_ACTOR);
    const path: string[] = [];
    for (let i = 0; i < 30; i++) {
      const done = await step(id);
      if (!done) break;
      path.push(done);
    }
    expect((await state(id)).state).toBe('completed');
    return path;
  }

  it.each(PROCEDURES)('given instances of %s v1 waiting at each step, when migrated onto v2, then each moves (removed steps to their successor) keeping its due date, and completes on v2', async (key) => {
    const [v1, v2] = (await t.engine.definitions.list({ key })).sort((a, b) => a.version - b.version).slice(0, 2);
    const v1Path = await mainPath(v1.id);

    // Given: one instance waiting at each step of v1's main path.
    const waiting: { id: string; at: string; dueAt: Date | null }[] = [];
    for (let at = 0; at < v1Path.length; at++) {
      const { id } = await t.engine.execute(new StartInstance({ definitionId: v1.id }, `${key}-${at}`), SYSTEM_ACTOR);
      for (let i = 0; i < at; i++) await step(id);
      const [open] = await openTasks(id);
      expect(open.element_id).toBe(v1Path[at]);
      waiting.push({ id, at: open.element_id, dueAt: open.due_at });
    }

    // The plan: kept steps map to themselves; every removed step to a step v2 has.
    const plan = await t.http.post('/api/migrations/plan').set('Authorization', admin).send({ sourceDefinitionId: v1.id, targetDefinitionId: v2.id });
    expect(plan.status).toBe(200);
    const v2Nodes = new Set((await t.engine.definitions.steps(v2.id)).steps.map((s: { elementId: string }) => s.elementId));
    const removed = v1Path.filter((s) => !v2Nodes.has(s));
    const byStep = new Map(plan.body.instructions.map((i: { sourceActivityId: string }) => [i.sourceActivityId, i]));
    for (const s of v1Path) {
      const instruction = byStep.get(s) as { targetActivityId: string; kind: string } | undefined;
      if (!instruction) continue; // steps of a called process: the call activity carries the token
      expect(instruction.kind).toBe(removed.includes(s) ? 'successor' : 'same');
      expect(instruction.targetActivityId).toBeTruthy();
    }
    expect(plan.body.instructions.filter((i: { kind: string }) => i.kind === 'successor').length).toBeGreaterThanOrEqual(1);

    // The preview counts every waiting instance as movable.
    const ids = waiting.map((w) => w.id);
    const preview = await t.http.post('/api/migrations/preview').set('Authorization', admin).send({ plan: plan.body, instanceIds: ids });
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual(expect.objectContaining({ total: ids.length, migratable: ids.length, refused: 0 }));

    // When: the batch runs on the job executor.
    const started = await t.http.post('/api/migrations').set('Authorization', admin).send({ plan: plan.body, instanceIds: ids, reason: 'Áp dụng quy trình đã đơn giản hoá' });
    expect(started.status).toBe(202);
    expect(started.body.total).toBe(ids.length);
    for (let round = 0; round < 20 && (await t.engine.jobs.pollOnce()) > 0; round++);
    const batch = await t.http.get(`/api/migrations/${started.body.id}`).set('Authorization', admin);
    expect(batch.body).toEqual(expect.objectContaining({ total: ids.length, moved: ids.length, refused: 0, pending: 0 }));

    // Then: each instance is on v2, at its step or the successor of a removed one, due when it was due.
    for (const w of waiting) {
      expect((await state(w.id)).definition_id).toBe(v2.id);
      const [open] = await openTasks(w.id);
      const expected = (byStep.get(w.at) as { targetActivityId: string } | undefined)?.targetActivityId ?? w.at;
      if (byStep.has(w.at)) expect(open.element_id).toBe(expected);
      if (byStep.has(w.at)) expect(open.due_at?.getTime() ?? null).toBe(w.dueAt?.getTime() ?? null);
      const [audit] = await t.engine.db.query<{ operation: string; details: { targetDefinitionId: string; reason: string } }>(`SELECT operation, details FROM user_operation WHERE instance_id = $1 AND operation = 'migrate'`, [w.id]);
      expect(audit.details).toEqual(expect.objectContaining({ targetDefinitionId: v2.id, reason: 'Áp dụng quy trình đã đơn giản hoá' }));
      // ... and runs to the end on v2, never through a removed step.
      const rest: string[] = [];
      for (let i = 0; i < 30; i++) {
        const done = await step(w.id);
        if (!done) break;
        rest.push(done);
      }
      expect((await state(w.id)).state).toBe('completed');
      expect(rest.filter((s) => removed.includes(s))).toEqual([]);
    }
  });

  it('given a completed instance in the selection, then the batch refuses it with the reason and moves the others', async () => {
    const key = PROCEDURES[0];
    const [v1, v2] = (await t.engine.definitions.list({ key })).sort((a, b) => a.version - b.version).slice(0, 2);
    const running = await t.engine.execute(new StartInstance({ definitionId: v1.id }, 'KEEP-1'), SYSTEM_ACTOR);
    const finished = await t.engine.execute(new StartInstance({ definitionId: v1.id }, 'DONE-1'), SYSTEM_ACTOR);
    const plan = (await t.http.post('/api/migrations/plan').set('Authorization', admin).send({ sourceDefinitionId: v1.id, targetDefinitionId: v2.id })).body;
    const started = await t.http.post('/api/migrations').set('Authorization', admin).send({ plan, instanceIds: [running.id, finished.id], reason: 'Thử' });
    for (let i = 0; i < 30 && (await step(finished.id)); i++);
    for (let round = 0; round < 20 && (await t.engine.jobs.pollOnce()) > 0; round++);
    const batch = (await t.http.get(`/api/migrations/${started.body.id}`).set('Authorization', admin)).body;
    expect(batch).toEqual(expect.objectContaining({ moved: 1, refused: 1 }));
    expect(batch.items.find((i: { instanceId: string }) => i.instanceId === finished.id).reason).toBe('the instance is completed');
  });

  it('given a batch on two nodes, one of which took jobs and crashed, then every instance is migrated exactly once', async () => {
    const key = PROCEDURES[4];
    const [v1, v2] = (await t.engine.definitions.list({ key })).sort((a, b) => a.version - b.version).slice(0, 2);
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) ids.push((await t.engine.execute(new StartInstance({ definitionId: v1.id }, `TWO-NODES-${n}`), SYSTEM_ACTOR)).id);
    const plan = (await t.http.post('/api/migrations/plan').set('Authorization', admin).send({ sourceDefinitionId: v1.id, targetDefinitionId: v2.id })).body;
    const started = await t.http.post('/api/migrations').set('Authorization', admin).send({ plan, query: { businessKey: 'TWO-NODES-' }, reason: 'Hai máy chủ' });
    expect(started.body.total).toBe(12);
    // A node that took four of the jobs and died: their locks have run out.
    await t.engine.db.query(
      `UPDATE job SET lock_owner = 'crashed-node', lock_expires_at = now() - interval '1 second'
       WHERE id IN (SELECT id FROM job WHERE type = 'migrate-instance' AND instance_id = ANY($1::uuid[]) LIMIT 4)`,
      [ids],
    );
    const other = await startTestEngine({ sameDatabaseAs: t });
    try {
      for (let round = 0; round < 20; round++) {
        const [a, b] = await Promise.all([t.engine.jobs.pollOnce(), other.engine.jobs.pollOnce()]);
        if (a + b === 0) break;
      }
    } finally {
      await other.close();
    }
    const batch = (await t.http.get(`/api/migrations/${started.body.id}`).set('Authorization', admin)).body;
    expect(batch).toEqual(expect.objectContaining({ total: 12, moved: 12, refused: 0, pending: 0 }));
    const [{ n }] = await t.engine.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM user_operation WHERE operation = 'migrate' AND instance_id = ANY($1::uuid[])`, [ids]);
    expect(n).toBe(12);
    const versions = await t.engine.db.query<{ definition_id: string }>(`SELECT DISTINCT definition_id FROM process_instance WHERE id = ANY($1::uuid[])`, [ids]);
    expect(versions).toEqual([{ definition_id: v2.id }]);
  });

  it('given a plan sending a user task to a gateway, then it is refused with the field', async () => {
    const key = PROCEDURES[0];
    const [v1, v2] = (await t.engine.definitions.list({ key })).sort((a, b) => a.version - b.version).slice(0, 2);
    const plan = (await t.http.post('/api/migrations/plan').set('Authorization', admin).send({ sourceDefinitionId: v1.id })).body;
    expect(plan.targetDefinitionId).toBe(v2.id);
    plan.instructions[0].targetActivityId = 'khong-co-buoc-nay';
    const res = await t.http.post('/api/migrations/preview').set('Authorization', admin).send({ plan });
    expect(res.status).toBe(400);
    expect(res.body.details[0].field).toBe('plan.instructions[0].targetActivityId');
  });
});
