import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../../apps/engine/src/commands/command.js';
import { CompleteTask } from '../../../apps/engine/src/commands/complete-task.js';
import { StartInstance } from '../../../apps/engine/src/commands/start-instance.js';
import { Engine } from '../../../apps/engine/src/engine.js';
import { ErrorCode } from '../../../apps/engine/src/shared/domain-error.js';
import { EngineHarness } from '../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const minh: Actor = { username: 'minh', departmentCode: 'MC', roles: ['officer'] };
const lan: Actor = { username: 'lan', departmentCode: 'MC', roles: ['officer'] };

/**
 * Task completions on one node committed in groups (commit-groups.ts), one slot so that the
 * completions sent at once queue and go out together: the rules of a completion do not change.
 */
describe('task completions committed in groups', () => {
  let h: EngineHarness;
  let grouped: Engine;
  let other: Engine;

  beforeAll(async () => {
    h = await EngineHarness.create();
    grouped = new Engine({ dataSource: await h.db.connectAnother(), clock: h.clock, nodeId: 'grouped', commitSlots: 1 });
    other = new Engine({ dataSource: await h.db.connectAnother(), clock: h.clock, nodeId: 'other' });
    await h.deploy(here, 'three-steps.bpmn');
  });
  afterAll(async () => {
    await grouped.jobs.stop();
    await other.jobs.stop();
    await h.close();
  });

  const completions = async (instanceId: string) =>
    (await h.db.dataSource.query(`SELECT element_id, count(*)::int AS n FROM hist_task_instance WHERE instance_id = $1 AND outcome = 'completed' GROUP BY 1 ORDER BY 1`, [instanceId])) as { element_id: string; n: number }[];

  it('given six instances this node holds and one of them moved on by another node, when their tasks are completed at once, then that one alone answers 409 and the five others move on, each step once', async () => {
    const opened: string[] = [];
    const instances: string[] = [];
    for (let i = 0; i < 6; i++) {
      const started = await grouped.execute(new StartInstance({ key: 'three-steps' }), minh);
      instances.push(started.id);
      // Completing the first step leaves the instance's rows in this node's cache: the next
      // completion is one batch, so it may be grouped.
      const { openedTaskIds } = await grouped.execute(new CompleteTask(started.openedTaskIds[0]), minh);
      opened.push(openedTaskIds[0]);
    }
    await other.execute(new CompleteTask(opened[2]), lan);

    const outcomes = await Promise.allSettled(opened.map((taskId) => grouped.execute(new CompleteTask(taskId), minh)));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(outcomes[2]).toMatchObject({ reason: { code: ErrorCode.Conflict } });
    for (const id of instances) {
      expect(await completions(id)).toEqual([
        { element_id: 'appraise', n: 1 },
        { element_id: 'receive', n: 1 },
      ]);
    }
  });
});
