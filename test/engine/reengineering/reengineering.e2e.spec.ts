import { startTestEngine, type TestEngine } from '../../support/engine-server.js';
import { marchHistory } from './march-2026-history.js';
import { seedHistory } from './seed-history.js';
import { workToCompletion } from './work-to-completion.js';

const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';

/** Issue #7 over HTTP: simplify a definition into a new version, compare two versions. */
describe('re-engineering over HTTP', () => {
  let t: TestEngine;
  let admin: string;
  let v1: string;
  let v2: string;

  beforeAll(async () => {
    t = await startTestEngine({ processes: true });
    admin = await t.login('admin');
    [v1, v2] = (await t.engine.definitions.list({ key: KEY })).map((d) => d.id);
  });
  afterAll(() => t.close());

  describe('POST /api/process-definitions/{id}/simplify', () => {
    it('given 1.001806 v1, when a designer simplifies it, then version 3 lacks the flagged step and runs end to end', async () => {
      const res = await t.http.post(`/api/process-definitions/${v1}/simplify`).set('Authorization', await t.login('thietke')).send({});
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        definition: { id: expect.any(String), key: KEY, version: 3 },
        removed: ['buoc-4-xem-xet'],
        removedGateways: [],
        reconnected: [{ flowId: 'f-buoc-3-tham-dinh-buoc-4-xem-xet', from: 'buoc-3-tham-dinh', to: 'buoc-5-phe-duyet' }],
        warnings: [],
      });
      const v3 = res.body.definition.id;
      const steps = await t.http.get(`/api/process-definitions/${v3}/steps`).set('Authorization', admin);
      expect(steps.body.steps.map((s: { elementId: string }) => s.elementId)).not.toContain('buoc-4-xem-xet');
      expect(steps.body.steps).toHaveLength(6);
      const latest = await t.http.get(`/api/process-definitions?key=${KEY}&latest=true`).set('Authorization', admin);
      expect(latest.body.map((d: { id: string }) => d.id)).toEqual([v3]);

      const run = await workToCompletion(t, KEY);
      expect(run.instance).toEqual(expect.objectContaining({ definitionId: v3, state: 'completed' }));
      expect(run.done).toEqual(['buoc-1-tiep-nhan', 'buoc-2-phan-cong', 'buoc-3-tham-dinh', 'buoc-5-phe-duyet', 'buoc-6-van-thu', 'buoc-7-tra-ket-qua']);
    });

    it('given the same request again, when simplified, then version 3 is reused (201, a warning, no version 4)', async () => {
      const res = await t.http.post(`/api/process-definitions/${v1}/simplify`).set('Authorization', admin).send({ removeElementIds: ['buoc-4-xem-xet'] });
      expect(res.status).toBe(201);
      expect(res.body.definition.version).toBe(3);
      expect(res.body.warnings).toEqual([expect.stringMatching(/identical to version 3/)]);
    });

    it('given steps that cannot go, when simplified, then 400 with one detail per element and nothing deployed', async () => {
      const res = await t.http.post(`/api/process-definitions/${v1}/simplify`).set('Authorization', admin).send({ removeElementIds: ['bat-dau', 'buoc-4-xem-xet'] });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ elementId: 'bat-dau', elementType: 'bpmn:StartEvent', message: expect.any(String) }]);
      const versions = await t.http.get(`/api/process-definitions?key=${KEY}`).set('Authorization', admin);
      expect(versions.body.map((d: { version: number }) => d.version)).toEqual([1, 2, 3]);
    });

    it('given an unknown id, a bad body or the wrong caller, then 404, 400, 403 and 401', async () => {
      expect((await t.http.post('/api/process-definitions/nope:1:x/simplify').set('Authorization', admin).send({})).status).toBe(404);
      const extra = await t.http.post(`/api/process-definitions/${v1}/simplify`).set('Authorization', admin).send({ removeElementIds: 'buoc-4-xem-xet' });
      expect(extra.status).toBe(400);
      expect(extra.body.details[0].field).toBe('removeElementIds');
      expect((await t.http.post(`/api/process-definitions/${v1}/simplify`).set('Authorization', await t.login('quanly')).send({})).status).toBe(403);
      expect((await t.http.post(`/api/process-definitions/${v1}/simplify`).send({})).status).toBe(401);
    });
  });

  describe('GET /api/comparisons', () => {
    beforeAll(() => seedHistory(t.engine, marchHistory(v1, v2)));

    it('given 1.001806 v1 and v2 with seeded history, when a manager compares them, then steps, verdict, measured history and what-if', async () => {
      const res = await t.http.get(`/api/comparisons?base=${encodeURIComponent(v1)}&candidate=${encodeURIComponent(v2)}`).set('Authorization', await t.login('quanly'));
      expect(res.status).toBe(200);
      expect(res.body.base).toEqual(expect.objectContaining({ definitionId: v1, key: KEY, version: 1, steps: 7, statutoryDays: 10, complianceCost: 170000 }));
      expect(res.body.candidate).toEqual(expect.objectContaining({ definitionId: v2, version: 2, steps: 6, complianceCost: 140000 }));
      expect(res.body.verdict).toEqual(expect.objectContaining({ stepsCut: true, costCut10: true, met: true }));
      expect(res.body.delta.steps).toEqual({ absolute: -1, percent: -14.29 });
      expect(res.body.base.measured).toEqual(expect.objectContaining({ dossiers: 3, meanDays: 6.167, p90Days: 10.75, lateRate: 0.3333, waitingDays: 0.167, workingDays: 6.333 }));
      expect(res.body.base.measured.perStep.find((s: { elementId: string }) => s.elementId === 'buoc-3-tham-dinh')).toEqual({
        elementId: 'buoc-3-tham-dinh',
        name: 'Thẩm định hồ sơ, dự thảo Quyết định công nhận',
        departmentCode: 'SYT_BTXH',
        samples: 3,
        meanHours: 33.33,
        p90Hours: 64,
        waitingHours: 1.33,
        lateRate: 0.3333,
      });
      expect(res.body.delta.measured.meanDays).toEqual({ absolute: -2.917, percent: -47.3 });
      expect(res.body.whatIf).toEqual(expect.objectContaining({ dossiers: 3, meanDaysBefore: 6.167, meanDaysAfter: 5.417, daysSavedTotal: 2.25, lateBefore: 1, lateAfter: 0, wouldHaveBeenOnTime: 1 }));
    });

    it('given a missing parameter, an unknown id or a designer, then 400, 404 and 403', async () => {
      const missing = await t.http.get(`/api/comparisons?base=${encodeURIComponent(v1)}`).set('Authorization', admin);
      expect(missing.status).toBe(400);
      expect(missing.body.details[0].field).toBe('candidate');
      expect((await t.http.get(`/api/comparisons?base=nope:1:x&candidate=${encodeURIComponent(v2)}`).set('Authorization', admin)).status).toBe(404);
      expect((await t.http.get(`/api/comparisons?base=${encodeURIComponent(v1)}&candidate=${encodeURIComponent(v2)}`).set('Authorization', await t.login('thietke'))).status).toBe(403);
    });
  });
});
