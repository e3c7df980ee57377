import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DAY, EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('event-based gateway and intermediate timer', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'event-based-gateway.bpmn');
  });
  afterAll(() => h.close());

  it('given the message comes first, then its branch runs and the timer is disarmed', async () => {
    const { id } = await h.start('event-gateway', {}, 'EG-1');
    expect(await h.activeIds(id)).toEqual(['race']);
    await h.correlate('tra-loi', { businessKey: 'EG-1' });
    expect(await h.activeIds(id)).toEqual(['process']);
    const jobs = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM job WHERE instance_id = $1`, [id]);
    expect(jobs[0].n).toBe(0);
  });

  it('given the timer comes first, then its branch runs and the message subscription is gone', async () => {
    const { id } = await h.start('event-gateway', {}, 'EG-2');
    await h.advance(6 * DAY);
    expect(await h.activeIds(id)).toEqual(['chase']);
    const subs = await h.db.dataSource.query(`SELECT count(*)::int AS n FROM event_subscription WHERE instance_id = $1`, [id]);
    expect(subs[0].n).toBe(0);
    expect(await h.completedActivities(id)).toEqual(['start', 'race', 'timeout']);
  });
});
