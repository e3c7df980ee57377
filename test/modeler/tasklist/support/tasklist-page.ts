import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { TestEngine } from '../../../support/engine-server.js';

export const PROCEDURE_1_001806 = 'cong-nhan-co-so-su-dung-lao-dong-khuyet-tat';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Clicks an inbox tab and waits until its list has loaded. */
export async function openTab(page: Page, tab: 'mine' | 'candidate' | 'overdue'): Promise<void> {
  await page.click(`.od-tab[data-tab="${tab}"]`);
  await page.waitForSelector(`.od-inbox-body[data-loaded][data-filter="${tab}"]`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(path.join(repoRoot, 'test-results'), { recursive: true });
  await page.screenshot({ path: path.join(repoRoot, 'test-results', name), fullPage: true });
}

/** A dossier received over HTTP at a one-stop desk (by default the Department of Health's). */
export async function receiveDossier(engine: TestEngine, applicant: string, procedureKey = PROCEDURE_1_001806, desk = 'motcua.syt'): Promise<{ code: string; processInstanceId: string }> {
  const res = await engine.http
    .post('/api/dossiers')
    .set('Authorization', await engine.login(desk))
    .send({ procedureKey, applicant: { name: applicant }, channel: 'direct' });
  if (res.status !== 201) throw new Error(`receive failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The open task of a dossier's instance at one step, as `username` sees it. */
export async function openTaskAt(engine: TestEngine, username: string, processInstanceId: string, elementId: string): Promise<{ id: string; assignee: string | null }> {
  const res = await engine.http.get(`/api/tasks?processInstanceId=${processInstanceId}`).set('Authorization', await engine.login(username));
  const task = res.body.find((t: { elementId: string }) => t.elementId === elementId);
  if (!task) throw new Error(`no open ${elementId} for ${username}: ${JSON.stringify(res.body)}`);
  return task;
}

/** Completes the open task at `elementId` over HTTP as `username`. */
export async function completeOverHttp(engine: TestEngine, username: string, processInstanceId: string, elementId: string): Promise<void> {
  const task = await openTaskAt(engine, username, processInstanceId, elementId);
  const res = await engine.http.post(`/api/tasks/${task.id}/complete`).set('Authorization', await engine.login(username)).send({});
  if (res.status !== 204) throw new Error(`complete ${elementId} failed: ${res.status} ${JSON.stringify(res.body)}`);
}
