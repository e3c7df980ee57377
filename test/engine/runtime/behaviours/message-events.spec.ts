import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DomainError, ErrorCode } from '../../../../apps/engine/src/shared/domain-error.js';
import { EngineHarness } from '../../support/engine-harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('message events', () => {
  let h: EngineHarness;
  beforeAll(async () => {
    h = await EngineHarness.create();
    await h.deploy(here, 'message-events.bpmn');
  });
  afterAll(() => h.close());

  it('given two dossiers wait for the same message, when it is correlated by business key, then only that dossier moves', async () => {
    const a = await h.start('messages', {}, 'DOSSIER-A');
    const b = await h.start('messages', {}, 'DOSSIER-B');
    const result = await h.correlate('da-nop-phi', { businessKey: 'DOSSIER-B', variables: { fee: 50000 } });
    expect(result).toEqual({ processInstanceId: b.id, started: false });
    expect(await h.activeIds(a.id)).toEqual(['waitFee']);
    expect(await h.activeIds(b.id)).toEqual(['waitReply']);
    expect((await h.instance(b.id)).variables).toEqual({ fee: 50000 });
  });

  it('given an intermediate message catch, when correlated by instance id, then the token passes on', async () => {
    const { id } = await h.start('messages', {}, 'DOSSIER-C');
    await h.correlate('da-nop-phi', { processInstanceId: id });
    await h.correlate('ket-qua-lien-thong', { processInstanceId: id, variables: { approved: true } });
    expect(await h.activeIds(id)).toEqual(['decide']);
  });

  it('given a message boundary event on a task, when the message arrives, then the task is interrupted', async () => {
    const { id } = await h.start('messages', {}, 'DOSSIER-D');
    await h.correlate('da-nop-phi', { businessKey: 'DOSSIER-D' });
    await h.correlate('ket-qua-lien-thong', { businessKey: 'DOSSIER-D' });
    await h.correlate('rut-ho-so', { businessKey: 'DOSSIER-D' });
    const instance = await h.instance(id);
    expect(instance.state).toBe('completed');
    expect(await h.completedActivities(id)).toContain('endWithdrawn');
    expect(await h.openTasks(id)).toEqual([]);
  });

  it('given nobody waits for a message, when it is sent, then it is a not-found error', async () => {
    const error = await h.correlate('ket-qua-lien-thong', { businessKey: 'NO-SUCH' }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.NotFound);
  });

  it('given a message start event, when its message arrives with no waiting instance, then a new instance starts', async () => {
    const result = await h.correlate('ho-so-truc-tuyen', { businessKey: 'ONLINE-1', variables: { channel: 'online' } });
    expect(result.started).toBe(true);
    const instance = await h.instance(result.processInstanceId);
    expect(instance.businessKey).toBe('ONLINE-1');
    expect(instance.activeActivityIds).toEqual(['waitFee']);
  });
});
