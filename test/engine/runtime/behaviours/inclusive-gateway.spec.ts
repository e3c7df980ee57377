import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('inclusive gateway', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'inclusive-gateway.bpmn');
  });
  afterAll(() => h.close());

  it('given two conditions hold, when forking, then exactly those two branches start', async () => {
    const { id } = await h.start('inclusive', { needsFireCheck: true, needsHealthCheck: true });
    expect(await h.activeIds(id)).toEqual(['fire', 'health']);
  });

  it('given no condition holds, when forking, then the default branch starts alone', async () => {
    const { id } = await h.start('inclusive', { needsFireCheck: false, needsHealthCheck: false });
    expect(await h.activeIds(id)).toEqual(['archive']);
  });

  it('given two branches were taken, when one finishes, then the join waits only for the other', async () => {
    const { id } = await h.start('inclusive', { needsFireCheck: true, needsHealthCheck: true });
    await h.complete(id, 'fire');
    expect(await h.activeIds(id)).toEqual(['health', 'join']);
    await h.complete(id, 'health');
    expect(await h.activeIds(id)).toEqual(['sign']);
  });

  it('given one branch was taken, when it finishes, then the join fires at once without waiting for untaken branches', async () => {
    const { id } = await h.start('inclusive', { needsFireCheck: false, needsHealthCheck: true });
    await h.complete(id, 'health');
    expect(await h.activeIds(id)).toEqual(['sign']);
  });
});
