import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('embedded sub-process and error events', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'sub-process-error.bpmn');
  });
  afterAll(() => h.close());

  it('given a sub-process, when entered, then its inner start runs and the inner task waits', async () => {
    const { id } = await h.start('sub-process', { missing: null });
    expect(await h.activeIds(id)).toEqual(['check', 'review']);
  });

  it('given the inner flow ends normally, then the sub-process completes and the flow continues after it', async () => {
    const { id } = await h.start('sub-process', { missing: null });
    await h.complete(id, 'check');
    expect(await h.activeIds(id)).toEqual(['sign']);
    const history = await h.engine.instances.history(id);
    expect(history.find((a) => a.activityId === 'review')?.state).toBe('completed');
  });

  it('given an error end event inside, when reached, then the error boundary on the sub-process catches it', async () => {
    const { id } = await h.start('sub-process', { missing: null });
    await h.complete(id, 'check', { missing: ['bản sao CCCD'] });
    expect(await h.activeIds(id)).toEqual(['supplement']);
    const history = await h.engine.instances.history(id);
    expect(history.find((a) => a.activityId === 'review')?.state).toBe('canceled');
    expect(history.find((a) => a.activityId === 'onIncomplete')?.state).toBe('completed');
  });
});
