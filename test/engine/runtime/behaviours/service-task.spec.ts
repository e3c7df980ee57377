import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { BpmnError, type ServiceHandler } from '../../../../apps/engine/src/runtime/ports.js';
import { EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const taxLookup: ServiceHandler = ({ variables }) => {
  if (variables.taxCode === 'bad') throw new BpmnError('MA_SO_THUE_SAI');
  return { companyName: `Công ty ${variables.taxCode}` };
};

describe('service task', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create({ handlers: new Map([['tax-lookup', taxLookup]]) });
    await h.deploy(here, 'service-task.bpmn');
  });
  afterAll(() => h.close());

  it('given a named handler, when reached, then it runs in the command and its output becomes variables', async () => {
    const { id } = await h.start('service', { taxCode: '0101' });
    const instance = await h.instance(id);
    expect(instance.state).toBe('completed');
    expect(instance.variables.companyName).toBe('Công ty 0101');
  });

  it('given the handler raises a BPMN error, then the error boundary on the task catches it', async () => {
    const { id } = await h.start('service', { taxCode: 'bad' });
    expect(await h.activeIds(id)).toEqual(['fix']);
  });
});
