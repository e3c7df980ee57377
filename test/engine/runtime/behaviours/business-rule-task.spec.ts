import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('business rule tasks on DMN decision tables', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
  });
  afterAll(() => h.close());

  it('given a BPMN deployed without the DMN it evaluates, then the deployment is refused naming the task', async () => {
    await expect(h.deploy(here, 'business-rule-task.bpmn')).rejects.toMatchObject({
      details: [expect.objectContaining({ elementId: 'tinh-phi', message: expect.stringMatching(/decision "le-phi".*neither deployed/) }), expect.objectContaining({ elementId: 'chon-tuyen' })],
    });
  });

  it('given the BPMN and the DMN deployed together, then the fee and the route are decided by the tables and the step lands in the decided department', async () => {
    const deployed = await h.deploy(here, 'business-rule-task.bpmn', 'business-rule-task.dmn');
    expect(deployed.decisionDefinitions.map((d) => d.key)).toContain('le-phi');
    const { id } = await h.start('fees-and-routing', { loaiHoSo: 'moi', soTrang: 12, giaTri: 2e9 });
    const variables = (await h.instance(id)).variables;
    expect(variables.lePhi).toBe(54000);
    expect(variables.tuyen).toEqual({ phong: 'LANH_DAO', ngay: 5 });
    expect((await h.openTasks(id)).map((t) => [t.elementId, t.departmentCode])).toEqual([['xu-ly', 'LANH_DAO']]);
    // redeploying the same DMN makes no new version
    const again = await h.deploy(here, 'business-rule-task.dmn');
    expect(again.decisionDefinitions.every((d) => !d.isNew)).toBe(true);
  });

  it('given two rules match a UNIQUE table, then the start stops with the task named', async () => {
    await expect(h.start('fees-and-routing', { loaiHoSo: 'trung', soTrang: 1, giaTri: 1 })).rejects.toMatchObject({
      details: [expect.objectContaining({ elementId: 'tinh-phi', message: expect.stringMatching(/UNIQUE/) })],
    });
  });
});
