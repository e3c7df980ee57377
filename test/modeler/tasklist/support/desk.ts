import type { Page } from 'playwright-core';
import type { TestEngine } from '../../../support/engine-server.js';

/**
 * Working dossiers in the browser the way officers do — through the pages and the steps' forms —
 * without paying for a typed login at every hand-off: the session the login form would store is
 * put in place directly (the login form itself has its own specs).
 */
export class Desk {
  private readonly sessions = new Map<string, Promise<{ accessToken: string; user: unknown }>>();

  constructor(
    private readonly engine: TestEngine,
    private readonly page: Page,
  ) {}

  session(username: string): Promise<{ accessToken: string; user: unknown }> {
    let session = this.sessions.get(username);
    if (!session) {
      session = this.engine.http
        .post('/api/auth/login')
        .send({ username, password: 'demo' })
        .then((res) => {
          if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
          return res.body;
        });
      this.sessions.set(username, session);
    }
    return session;
  }

  /** After a logout in the page: that session's token is revoked, the next open logs in afresh. */
  forget(username: string): void {
    this.sessions.delete(username);
  }

  async bearer(username: string): Promise<string> {
    return `Bearer ${(await this.session(username)).accessToken}`;
  }

  /** Opens `hash` of the app as `username` (a full page load, so the app starts as that user). */
  async open(username: string, hash: string): Promise<void> {
    const { accessToken, user } = await this.session(username);
    if (!this.page.url().startsWith(this.engine.baseUrl)) await this.page.goto(`${this.engine.baseUrl}/favicon.svg`);
    await this.page.evaluate(([token, u]) => {
      localStorage.setItem('onedoor.token', token as string);
      localStorage.setItem('onedoor.user', JSON.stringify(u));
      // no refresh token: a renewal must never pick up another user's session left by an earlier test
      localStorage.removeItem('onedoor.refresh');
    }, [accessToken, user] as const);
    await this.page.goto(`${this.engine.baseUrl}/?as=${encodeURIComponent(username)}${hash}`);
    await this.page.waitForSelector('[data-testid="current-user"]');
  }

  /** The open step of a dossier at `elementId`, as the engine lists it (any instance of the dossier). */
  async stepId(code: string, elementId: string): Promise<string> {
    const res = await this.engine.http.get(`/api/dossiers/${code}`).set('Authorization', await this.bearer('admin'));
    const step = (res.body.currentSteps as { id: string; elementId: string }[]).find((s) => s.elementId === elementId);
    if (!step) throw new Error(`${code} is not at ${elementId}: ${JSON.stringify(res.body.currentSteps)}`);
    return step.id;
  }

  /** Opens the step's page as `username` and waits for its form. */
  async openStep(username: string, code: string, elementId: string): Promise<void> {
    await this.open(username, `#/task/${await this.stepId(code, elementId)}`);
    await this.page.waitForSelector(`.od-task-view[data-element-id="${elementId}"] .od-step-form`);
  }

  /**
   * Fills the step's form — `fields` by variable name (selects by value, inputs by text), the
   * opinion — and finishes it with the decision `choice` or "complete the step".
   */
  async finish(fields: Record<string, string> = {}, options: { opinion?: string; choice?: string } = {}): Promise<void> {
    for (const [name, value] of Object.entries(fields)) {
      const control = this.page.locator(`.od-step-form [name="${name}"]`);
      if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
      else await control.fill(value);
    }
    if (options.opinion) await this.page.fill('.od-step-form textarea[name="opinion"]', options.opinion);
    await this.page.click(options.choice !== undefined ? `.od-step-form .od-choice[data-choice="${options.choice}"]` : '.od-step-form [data-action="confirm-complete"]');
    await this.page.waitForSelector('.od-flash[data-kind="success"]');
  }

  /** Works one step start to finish as `username`. */
  async work(username: string, code: string, elementId: string, fields: Record<string, string> = {}, options: { opinion?: string; choice?: string } = {}): Promise<void> {
    await this.openStep(username, code, elementId);
    await this.finish(fields, options);
  }

  /** Receives a dossier at `desk` through the reception page, every listed document handed in. */
  async receive(desk: string, procedureKey: string, applicant: { name: string; idNumber?: string; phone?: string; notify?: ('sms' | 'zalo' | 'email')[] }): Promise<string> {
    await this.open(desk, '#/receive');
    await this.page.waitForSelector(`select[name="procedureKey"] option[value="${procedureKey}"]`, { state: 'attached' });
    await this.page.selectOption('select[name="procedureKey"]', procedureKey);
    await this.page.fill('input[name="name"]', applicant.name);
    if (applicant.idNumber) await this.page.fill('input[name="idNumber"]', applicant.idNumber);
    if (applicant.phone) await this.page.fill('input[name="phone"]', applicant.phone);
    for (const channel of applicant.notify ?? []) await this.page.check(`[data-testid="notify"] input[value="${channel}"]`);
    for (const box of await this.page.locator('[data-testid="components"] input[name="components"]').all()) await box.check();
    await this.page.click('[data-action="confirm-receive"]');
    const code = await this.page.locator('.od-receipt-card [data-field="code"]').textContent();
    if (!code) throw new Error('no dossier code on the receipt');
    return code.trim();
  }

  async dossier(code: string): Promise<{ status: number; currentSteps: { elementId: string; assignee: string | null }[]; steps: { elementId: string; outcome: string | null; opinion: string | null; assignee: string | null }[]; events: { kind: string; data: Record<string, unknown> }[] }> {
    return (await this.engine.http.get(`/api/dossiers/${code}`).set('Authorization', await this.bearer('admin'))).body;
  }
}
