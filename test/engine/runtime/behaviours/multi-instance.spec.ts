import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DAY, EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const departments = ['SO_TC', 'SO_XD', 'SO_TNMT'];

describe('multi-instance and loops', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'multi-instance.bpmn');
  });
  afterAll(() => h.close());

  const tasksAt = async (id: string, elementId: string) => (await h.openTasks(id)).filter((t) => t.elementId === elementId);

  async function completeFor(id: string, department: string, variables: Record<string, unknown> = {}) {
    const task = (await h.openTasks(id)).find((t) => t.departmentCode === department);
    if (!task) throw new Error(`no open task for ${department}`);
    await h.engine.execute(new (await import('../../../../apps/engine/src/commands/complete-task.js')).CompleteTask(task.id, variables), { username: 'system', roles: ['system'] });
  }

  describe('given a parallel consultation over a list of departments (od:department="= donVi")', () => {
    it('when it starts, then each department of the list gets its own task, with its own due date and history row', async () => {
      const { id } = await h.start('consultation', { donViPhoiHop: departments, quorum: null });
      const tasks = await tasksAt(id, 'xin-y-kien');
      expect(tasks.map((t) => t.departmentCode).sort()).toEqual([...departments].sort());
      expect(new Set(tasks.map((t) => t.dueAt?.toString())).size).toBe(1);
      expect(tasks.every((t) => t.dueAt !== null && t.role === 'specialist')).toBe(true);
      const history = (await h.engine.instances.history(id)).filter((a) => a.activityId === 'xin-y-kien');
      expect(history.map((a) => a.departmentCode).sort()).toEqual([...departments].sort());
    });

    it('when some departments answered, then the step still waits for the others; when all did, the flow goes on', async () => {
      const { id } = await h.start('consultation', { donViPhoiHop: departments, quorum: null });
      await completeFor(id, 'SO_TC');
      await completeFor(id, 'SO_XD');
      expect(await h.activeIds(id)).toEqual(['xin-y-kien']);
      expect((await tasksAt(id, 'xin-y-kien')).map((t) => t.departmentCode)).toEqual(['SO_TNMT']);
      await completeFor(id, 'SO_TNMT');
      expect(await h.activeIds(id)).toEqual(['tong-hop']);
      const instance = await h.instance(id);
      expect(instance.variables).not.toHaveProperty('donVi');
      expect(instance.variables).not.toHaveProperty('nrOfInstances');
    });

    it('when the completion condition holds early (a quorum of 2), then the remaining task is cancelled and the flow goes on', async () => {
      const { id } = await h.start('consultation', { donViPhoiHop: departments, quorum: 2 });
      await completeFor(id, 'SO_XD');
      await completeFor(id, 'SO_TNMT');
      expect(await h.activeIds(id)).toEqual(['tong-hop']);
      const history = (await h.engine.instances.history(id)).filter((a) => a.activityId === 'xin-y-kien');
      expect(history.map((a) => [a.departmentCode, a.state]).sort()).toEqual([['SO_TC', 'canceled'], ['SO_TNMT', 'completed'], ['SO_XD', 'completed']]);
    });

    it('when the interrupting boundary timer on the step fires, then every open instance is cancelled', async () => {
      const { id } = await h.start('consultation', { donViPhoiHop: departments, quorum: null });
      await completeFor(id, 'SO_TC');
      await h.advance(11 * DAY);
      expect(await h.activeIds(id)).toEqual(['tong-hop']);
      expect(await tasksAt(id, 'xin-y-kien')).toEqual([]);
      const canceled = (await h.engine.instances.history(id)).filter((a) => a.activityId === 'xin-y-kien' && a.state === 'canceled');
      expect(canceled).toHaveLength(2);
    });

    it('when the list is empty, then the step is passed at once', async () => {
      const { id } = await h.start('consultation', { donViPhoiHop: [], quorum: null });
      expect(await h.activeIds(id)).toEqual(['tong-hop']);
    });

    it('when the collection is not a list, then the start is refused with the element named', async () => {
      await expect(h.start('consultation', { donViPhoiHop: 'SO_TC', quorum: null })).rejects.toMatchObject({
        details: [expect.objectContaining({ elementId: 'xin-y-kien', message: expect.stringMatching(/not a list/) })],
      });
    });

    it('when an item is not a department code, then the step stops with the element named (no task lands nowhere)', async () => {
      await expect(h.start('consultation', { donViPhoiHop: [42], quorum: null })).rejects.toMatchObject({
        details: [expect.objectContaining({ elementId: 'xin-y-kien', message: expect.stringMatching(/not a department code/) })],
      });
    });
  });

  describe('given a sequential multi-instance in the Zeebe dialect with an output collection', () => {
    it('then departments are asked one after the other, and their opinions are gathered in order', async () => {
      const { id } = await h.start('sequential-opinions', { donViPhoiHop: departments });
      for (const [i, department] of departments.entries()) {
        const open = await tasksAt(id, 'gop-y');
        expect(open.map((t) => t.departmentCode)).toEqual([department]);
        await completeFor(id, department, { yKien: `ý kiến ${i + 1}` });
      }
      expect(await h.activeIds(id)).toEqual(['s-check']);
      expect((await h.instance(id)).variables.yKienCacDonVi).toEqual(['ý kiến 1', 'ý kiến 2', 'ý kiến 3']);
    });
  });

  describe('given a sub-process with loopCardinality', () => {
    it('then as many sub-process instances run, each with its own inner task, and the flow goes on after the last', async () => {
      const { id } = await h.start('inspections', { soDoan: 2 });
      const inner = await tasksAt(id, 'bien-ban');
      expect(inner).toHaveLength(2);
      await h.complete(id, 'bien-ban');
      expect(await h.activeIds(id)).toEqual(['bien-ban', 'kiem-tra']);
      await h.complete(id, 'bien-ban');
      expect((await h.instance(id)).state).toBe('completed');
      const runs = (await h.engine.instances.history(id)).filter((a) => a.activityId === 'kiem-tra');
      expect(runs.map((a) => a.state)).toEqual(['completed', 'completed']);
    });
  });

  describe('given a multi-instance call activity', () => {
    it('then one called instance runs per department, each seeing its own item, and the caller goes on when all ended', async () => {
      const { id } = await h.start('consult-by-call', { donViPhoiHop: ['SO_TC', 'SO_XD'] });
      const children: { id: string }[] = await h.db.dataSource.query(`SELECT id FROM process_instance WHERE parent_instance_id = $1 ORDER BY started_at`, [id]);
      expect(children).toHaveLength(2);
      const departments = (await Promise.all(children.map((c) => h.openTasks(c.id)))).flat().map((t) => t.departmentCode).sort();
      expect(departments).toEqual(['SO_TC', 'SO_XD']);
      await h.complete(children[0].id, 'o-answer', { yKien: 'đồng ý' });
      expect((await h.instance(id)).state).toBe('active');
      await h.complete(children[1].id, 'o-answer');
      expect((await h.instance(id)).state).toBe('completed');
    });
  });

  describe('given an instance of a consultation', () => {
    it('when its department tries to return the dossier, then it is refused: an answer has no previous step', async () => {
      const { id } = await h.start('consultation', { donViPhoiHop: departments, quorum: null });
      const [task] = await tasksAt(id, 'xin-y-kien');
      const { ReturnTask } = await import('../../../../apps/engine/src/commands/return-task.js');
      await expect(h.engine.execute(new ReturnTask(task.id, 'thiếu hồ sơ'), { username: 'system', roles: ['system'] })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await tasksAt(id, 'xin-y-kien')).toHaveLength(3);
    });
  });

  describe('given a standard loop', () => {
    it('then the step repeats while its loop condition holds, and stops when it no longer does', async () => {
      const { id } = await h.start('until-complete', {});
      await h.complete(id, 'hoan-thien', { complete: false });
      expect(await h.activeIds(id)).toEqual(['hoan-thien']);
      await h.complete(id, 'hoan-thien', { complete: true });
      expect((await h.instance(id)).state).toBe('completed');
      const runs = (await h.engine.instances.history(id)).filter((a) => a.activityId === 'hoan-thien');
      expect(runs).toHaveLength(2);
    });
  });
});
