import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DomainError, ErrorCode } from '../../../../apps/engine/src/shared/domain-error.js';
import { EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('exclusive gateway', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'exclusive-gateway.bpmn', 'exclusive-gateway-no-default.bpmn');
  });
  afterAll(() => h.close());

  it('given a condition that holds, when the gateway is reached, then only that flow is taken', async () => {
    const { id } = await h.start('exclusive');
    await h.complete(id, 'review', { accepted: true, amount: 10 });
    expect(await h.activeIds(id)).toEqual(['fast']);
  });

  it('given no condition holds, when the gateway is reached, then the default flow is taken', async () => {
    const { id } = await h.start('exclusive');
    await h.complete(id, 'review', { accepted: true, amount: 5000 });
    expect(await h.activeIds(id)).toEqual(['standard']);
  });

  it('given conditions are evaluated in order, when the first holds, then later ones are not taken', async () => {
    const { id } = await h.start('exclusive');
    await h.complete(id, 'review', { accepted: false, amount: 1 });
    expect(await h.activeIds(id)).toEqual(['refuse']);
  });

  it('given no condition holds and no default flow, when started, then the command fails and nothing is written', async () => {
    const before = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM process_instance`);
    const error = await h.start('exclusive-strict', { approved: 'maybe' }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.ProcessStuck);
    expect(error.details[0].elementId).toBe('yes');
    const after = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM process_instance`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('given a variable the condition needs is missing, then the gateway reports it instead of routing silently', async () => {
    const error = await h.start('exclusive-strict', {}).catch((e) => e);
    expect(error.code).toBe(ErrorCode.ProcessStuck);
    expect(error.message).toMatch(/not set/);
  });

  it('given a condition is true, when the instance runs through, then it completes with history in order', async () => {
    const { id } = await h.start('exclusive-strict', { approved: true });
    const instance = await h.instance(id);
    expect(instance.state).toBe('completed');
    expect(await h.completedActivities(id)).toEqual(['start', 'decide', 'endYes']);
  });
});
