import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('call activity', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'call-activity-child.bpmn', 'call-activity-parent.bpmn');
  });
  afterAll(() => h.close());

  async function childOf(parentId: string): Promise<string> {
    const [row] = await h.db.dataSource.query(`SELECT id FROM process_instance WHERE parent_instance_id = $1`, [parentId]);
    return row.id;
  }

  it('given a call activity with an in mapping, when reached, then the child starts with only the mapped variables', async () => {
    const { id } = await h.start('inter-agency', { applicantName: 'Nguyễn Văn A', secret: 'x' }, 'H38-001');
    expect(await h.activeIds(id)).toEqual(['callOffice']);
    const child = await h.instance(await childOf(id));
    expect(child.variables).toEqual({ applicant: 'Nguyễn Văn A' });
    expect(child.businessKey).toBe('H38-001');
    expect(child.activeActivityIds).toEqual(['examine']);
  });

  it('given the child completes, then the out mapping comes back and the parent moves on', async () => {
    const { id } = await h.start('inter-agency', { applicantName: 'Trần Thị B' });
    const childId = await childOf(id);
    await h.complete(childId, 'examine', { decisionNumber: '123/QĐ-UBND', internalNote: 'not copied' });
    expect((await h.instance(childId)).state).toBe('completed');
    const parent = await h.instance(id);
    expect(parent.activeActivityIds).toEqual(['returnResult']);
    expect(parent.variables).toEqual({ applicantName: 'Trần Thị B', decisionNumber: '123/QĐ-UBND' });
    const history = await h.engine.instances.history(id);
    expect(history.find((a) => a.activityId === 'callOffice')?.calledInstanceId).toBe(childId);
  });

  it('given a call activity to a key that is not deployed, when deploying, then it is refused with the element id', async () => {
    const error = await h.deploy(here, 'call-activity-parent.bpmn').catch((e) => e);
    expect(error).not.toBeInstanceOf(Error); // parent deploys again fine: the child key is known now
    const fresh = await EngineHarness.create();
    try {
      const refused = await fresh.deploy(here, 'call-activity-parent.bpmn').catch((e) => e);
      expect(refused.details).toEqual([expect.objectContaining({ elementId: 'callOffice', elementType: 'bpmn:CallActivity' })]);
      expect(refused.details[0].message).toMatch(/provincial-office/);
    } finally {
      await fresh.close();
    }
  });
});
