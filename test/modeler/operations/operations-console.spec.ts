import { SYSTEM_ACTOR } from '../../../apps/engine/src/commands/command.js';
import { CompleteTask } from '../../../apps/engine/src/commands/complete-task.js';
import { StartInstance } from '../../../apps/engine/src/commands/start-instance.js';
import { screenshotPath } from '../compare/engine-with-history.js';
import { browserHarness } from '../../support/browser-harness.js';

const KEY = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';

/**
 * Issue #20 in the browser: an administrator finds a dossier by its code, sees its token on the
 * diagram, retries its incident, and migrates the procedure's running dossiers onto v2.
 */
describe('the operations console page', () => {
  const { page, server: engine, signIn } = browserHarness({
    engine: { processes: true, jobs: true },
    viewport: { width: 1440, height: 1000 },
    consoleErrors: true,
    clearStorage: true,
    setupTimeout: 240_000,
  });
  let portalDown = true;
  let portalCalls = 0;

  beforeAll(async () => {
    // A job that calls the national portal: failing while the portal is down.
    engine.engine.jobHandlers.set('portal-probe', async (ctx, job) => {
      if (portalDown) throw new Error('Cổng dịch vụ công quốc gia không phản hồi');
      portalCalls += 1;
      (await ctx.runtime.load(job.instance_id!))!.jobs.delete(job.id);
    });
  });

  async function until<T>(probe: () => Promise<T | undefined | false>, what: string): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const value = await probe();
      if (value) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('given a dossier whose portal job failed, when the admin finds it by code, then its token is on the diagram, and a retry runs the job once', async () => {
    const reception = await engine.login('motcua.syt');
    const received = await engine.http.post('/api/dossiers').set('Authorization', reception).send({ procedureKey: KEY, applicant: { name: 'Công ty Hoa Sen' }, channel: 'direct' });
    const { code, processInstanceId } = received.body as { code: string; processInstanceId: string };
    await engine.engine.db.query(
      `INSERT INTO job (id, type, instance_id, element_id, definition_id, due_at, retries, payload, created_at)
       SELECT gen_random_uuid(), 'portal-probe', id, 'buoc-1-tiep-nhan', definition_id, now(), 1, '{}', now() FROM process_instance WHERE id = $1`,
      [processInstanceId],
    );
    await engine.engine.db.query(`UPDATE process_instance SET revision = revision + 1 WHERE id = $1`, [processInstanceId]);
    await until(async () => (await engine.engine.db.query(`SELECT 1 FROM incident WHERE instance_id = $1 AND resolved_at IS NULL`, [processInstanceId])).length > 0, 'the incident');

    // when: the admin searches by the dossier code
    await signIn('admin', { at: '/operations/' });
    await page.waitForSelector('[data-testid="search-code"]');
    expect(await page.textContent('.od-page-title')).toBe('Vận hành quy trình');
    await page.fill('[data-testid="search-code"]', code);
    await page.click('[data-testid="search-submit"]');
    await page.click(`[data-testid="instance-link"][data-business-key="${code}"]`);

    // then: the token sits on the desk step of the diagram, and the incident is listed
    const badge = await page.waitForSelector('[data-testid="token-badge"][data-element-id="buoc-1-tiep-nhan"]');
    expect(await badge.getAttribute('data-count')).toBe('1');
    expect(await page.textContent('[data-testid="instance-title"]')).toContain(code);
    await page.waitForSelector('[data-testid="incident"]');
    expect(await page.textContent('[data-testid="incident"]')).toContain('Cổng dịch vụ công quốc gia không phản hồi');
    await page.screenshot({ path: await screenshotPath('operations-instance.png') });

    // when: the portal is back and the admin retries, saying why
    portalDown = false;
    await page.click('[data-action="retry-incident"]');
    await page.fill('[data-testid="reason"]', 'Cổng đã hoạt động trở lại');
    await page.click('[data-testid="confirm-reason"]');

    // then: the job ran once, the incident is gone, and the audit log shows the retry with its reason
    await page.waitForFunction(() => !document.querySelector('[data-testid="incident"]'));
    await until(async () => portalCalls === 1, 'the retried job');
    await page.waitForFunction(() => document.querySelector('[data-testid="audit"]')?.textContent?.includes('Cổng đã hoạt động trở lại'));
    await new Promise((r) => setTimeout(r, 500));
    expect(portalCalls).toBe(1);
  });

  it('given dossiers running on v1 (one at the step v2 removed), when the admin plans, previews and runs their migration, then all move to v2 and the removed step maps to its successor', async () => {
    const versions = (await engine.engine.definitions.list({ key: KEY })).sort((a, b) => a.version - b.version);
    const [v1, v2] = versions;
    const waitingAt = ['buoc-2-phan-cong', 'buoc-4-xem-xet', 'buoc-6-van-thu'];
    const ids: string[] = [];
    for (const [n, stepId] of waitingAt.entries()) {
      const { id } = await engine.engine.execute(new StartInstance({ definitionId: v1.id }, `V1-DOSSIER-${n}`), SYSTEM_ACTOR);
      for (let i = 0; i < 10; i++) {
        const [task] = await engine.engine.db.query<{ id: string; element_id: string }>(`SELECT id, element_id FROM task WHERE instance_id = $1`, [id]);
        if (task.element_id === stepId) break;
        await engine.engine.execute(new CompleteTask(task.id, {}), SYSTEM_ACTOR);
      }
      ids.push(id);
    }

    await signIn('admin', { at: `/operations/#procedure?key=${KEY}` });
    // the heat-map paints v2 (latest); the dashboard offers to migrate v1's running dossiers
    await page.waitForSelector('[data-testid="heat-diagram"] .djs-element');
    await page.click(`[data-action="migrate"][data-definition-id="${v1.id}"]`);
    await page.waitForSelector('[data-testid="migration-target"]');
    expect(await page.inputValue('[data-testid="migration-target"]')).toBe(v2.id);
    await page.click('[data-action="propose-plan"]');
    await page.waitForSelector('[data-testid="plan-target"][data-source="buoc-4-xem-xet"]');
    expect(await page.inputValue('[data-testid="plan-target"][data-source="buoc-4-xem-xet"]')).toBe('buoc-5-phe-duyet');
    expect(await page.inputValue('[data-testid="plan-target"][data-source="buoc-2-phan-cong"]')).toBe('buoc-2-phan-cong');

    await page.click('[data-action="preview"]');
    const counts = await page.waitForSelector('[data-testid="preview-counts"]');
    expect(await counts.getAttribute('data-migratable')).toBe(String(ids.length));

    await page.click('[data-action="run-migration"]');
    await page.fill('[data-testid="reason"]', 'Áp dụng quy trình đã cắt giảm bước 4');
    await page.click('[data-testid="confirm-reason"]');
    await page.waitForSelector('[data-testid="batch-counts"][data-pending="0"]', { timeout: 30_000 });
    expect(await page.getAttribute('[data-testid="batch-counts"]', 'data-moved')).toBe(String(ids.length));
    await page.screenshot({ path: await screenshotPath('operations-migration.png') });

    const rows = await engine.engine.db.query<{ definition_id: string; element_id: string }>(
      `SELECT p.definition_id, t.element_id FROM process_instance p JOIN task t ON t.instance_id = p.id WHERE p.id = ANY($1::uuid[]) ORDER BY p.business_key`,
      [ids],
    );
    expect(rows).toEqual([
      { definition_id: v2.id, element_id: 'buoc-2-phan-cong' },
      { definition_id: v2.id, element_id: 'buoc-5-phe-duyet' },
      { definition_id: v2.id, element_id: 'buoc-6-van-thu' },
    ]);
  });
});
