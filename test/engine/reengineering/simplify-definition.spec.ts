import type { Actor } from '../../../apps/engine/src/commands/command.js';
import { simplifyDefinition } from '../../../apps/engine/src/reengineering/simplify-definition.js';
import { ErrorCode } from '../../../apps/engine/src/shared/domain-error.js';
import { startTestEngine, type TestEngine } from '../../support/engine-server.js';
import { workToCompletion } from './work-to-completion.js';

const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';
const DESIGNER: Actor = { username: 'thietke', roles: ['officer', 'designer'] };

/** The simplify service on a real database; the HTTP route is in reengineering.e2e.spec.ts. */
describe('simplifying a deployed procedure', () => {
  let t: TestEngine;
  let v1: string;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
    v1 = (await t.engine.definitions.list({ key: KEY }))[0].id;
  });
  afterAll(() => t.close());

  it('given 1.001806 v1 with step 4 flagged, when simplified, then version 3 lacks step 4 and runs end to end in 6 steps', async () => {
    const result = await simplifyDefinition(t.engine, v1, undefined, DESIGNER);
    expect(result).toEqual({
      definition: { id: expect.stringMatching(new RegExp(`^${KEY}:3:`)), key: KEY, version: 3 },
      removed: ['buoc-4-xem-xet'],
      removedGateways: [],
      reconnected: [{ flowId: 'f-buoc-3-tham-dinh-buoc-4-xem-xet', from: 'buoc-3-tham-dinh', to: 'buoc-5-phe-duyet' }],
      warnings: [],
    });
    const [row] = await t.engine.db.query<{ resource_name: string; deployed_by: string; source: string }>(
      `SELECT p.resource_name, d.deployed_by, d.source FROM process_definition p JOIN deployment d ON d.id = p.deployment_id WHERE p.id = $1`,
      [result.definition.id],
    );
    expect(row).toEqual({ resource_name: `${KEY}.simplified.bpmn`, deployed_by: 'thietke', source: `simplify:${v1}` });
    const { steps } = await t.engine.definitions.steps(result.definition.id);
    expect(steps.map((s) => s.elementId)).toEqual(['buoc-1-tiep-nhan', 'buoc-2-phan-cong', 'buoc-3-tham-dinh', 'buoc-5-phe-duyet', 'buoc-6-van-thu', 'buoc-7-tra-ket-qua']);

    const run = await workToCompletion(t, KEY);
    expect(run.instance).toEqual(expect.objectContaining({ definitionId: result.definition.id, state: 'completed' }));
    expect(run.done).toEqual(steps.map((s) => s.elementId));
  });

  it('given the same request again, when simplified, then the identical version is reused with a warning', async () => {
    const again = await simplifyDefinition(t.engine, v1, undefined, DESIGNER);
    expect(again.definition.version).toBe(3);
    expect(again.warnings).toEqual([expect.stringMatching(/identical to version 3/)]);
  });

  it('given an end event to remove, when simplified, then it is refused as bad input naming the element', async () => {
    await expect(simplifyDefinition(t.engine, v1, ['ket-thuc', 'khong-co'], DESIGNER)).rejects.toEqual(
      expect.objectContaining({
        code: ErrorCode.BadInput,
        details: [
          { elementId: 'ket-thuc', elementType: 'bpmn:EndEvent', message: expect.any(String) },
          { elementId: 'khong-co', elementType: 'unknown', message: expect.any(String) },
        ],
      }),
    );
  });

  it('given a version with nothing flagged and no ids, when simplified, then it is refused instead of deploying a copy', async () => {
    const v2 = (await t.engine.definitions.list({ key: KEY }))[1].id;
    await expect(simplifyDefinition(t.engine, v2, undefined, DESIGNER)).rejects.toEqual(
      expect.objectContaining({ code: ErrorCode.BadInput, details: [expect.objectContaining({ field: 'removeElementIds' })] }),
    );
  });

  it('given an unknown definition id, when simplified, then it is NotFound', async () => {
    await expect(simplifyDefinition(t.engine, 'nope:1:x', undefined, DESIGNER)).rejects.toEqual(expect.objectContaining({ code: ErrorCode.NotFound }));
  });
});
