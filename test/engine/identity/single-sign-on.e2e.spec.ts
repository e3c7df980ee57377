import type { TestEngine } from '../../support/engine-server.js';
import { startEngineWithSingleSignOn, type TestIdentityProvider } from '../../support/identity-provider.js';

/** A browser's cookie jar and redirects, enough to walk the provider's own pages over HTTP. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async go(url: string, init: RequestInit = {}): Promise<{ status: number; location?: string; text: string }> {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair.split('=');
      this.cookies.set(name.trim(), value);
    }
    const location = response.headers.get('location') ?? undefined;
    return { status: response.status, location: location ? new URL(location, url).toString() : undefined, text: await response.text() };
  }

  /** Follows redirects until one leaves for `stopAt` (not followed) or a page answers. */
  async follow(url: string, stopAt?: string, init?: RequestInit): Promise<{ url: string; text: string; stoppedAt?: string }> {
    let answer = await this.go(url, init);
    let current = url;
    for (let hops = 0; answer.location && hops < 20; hops++) {
      if (stopAt && answer.location.startsWith(stopAt)) return { url: current, text: answer.text, stoppedAt: answer.location };
      current = answer.location;
      answer = await this.go(current);
    }
    return { url: current, text: answer.text };
  }

  /** Submits the page's one form with the given fields (and its hidden ones). */
  submit(page: { url: string; text: string }, fields: Record<string, string>, stopAt?: string) {
    const action = new URL(/<form[^>]*action="([^"]+)"/.exec(page.text)![1].replace(/&amp;/g, '&'), page.url).toString();
    const hidden = Object.fromEntries([...page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    return this.follow(action, stopAt, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...hidden, ...fields }).toString() });
  }
}

/**
 * Issue #25: officers sign in with their agency's account. A real OpenID Connect provider runs
 * beside the engine; the engine sends the browser there (authorization code with PKCE), takes
 * it back, keeps the local account in line with the provider's claims, and opens a session.
 */
describe('single sign-on through the agency’s identity provider', () => {
  let t: TestEngine;
  let idp: TestIdentityProvider;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ engine: t, idp, close } = await startEngineWithSingleSignOn({
      label: 'Đăng nhập bằng tài khoản Sở Y tế',
      people: {
        'nguyen.thi.hoa': { preferred_username: 'nguyen.thi.hoa', name: 'Nguyễn Thị Hoa', department: 'SYT_BTXH', roles: ['officer', 'specialist'] },
        'la.ca': { preferred_username: 'la.ca', name: 'Lạ Cà', department: 'PHONG_KHONG_CO' },
        'motcua.syt': { preferred_username: 'motcua.syt', name: 'Trùng tên' },
      },
    }));
  });
  afterAll(() => close());

  /** The whole round: engine → provider's login and consent pages → engine callback; returns where the app is sent. */
  async function signOn(login: string, returnTo = '/'): Promise<URL> {
    const browser = new Browser();
    const callback = `${t.baseUrl}/api/auth/oidc/callback`;
    const loginPage = await browser.follow(`${t.baseUrl}/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(loginPage.url.startsWith(idp.issuer)).toBe(true);
    let page = await browser.submit(loginPage, { login, password: 'any' }, callback);
    if (!page.stoppedAt) page = await browser.submit(page, {}, callback); // consent
    const back = await browser.go(page.stoppedAt!);
    expect(back.status).toBe(302);
    return new URL(back.location!);
  }

  it('given single sign-on configured, then the sign-in page is told to offer it, with its label', async () => {
    expect((await t.http.get('/api/auth/oidc')).body).toEqual({ enabled: true, label: 'Đăng nhập bằng tài khoản Sở Y tế' });
  });

  it('given an officer known to the provider, then the round trip ends in a session whose department and roles come from the provider’s claims', async () => {
    const landing = await signOn('nguyen.thi.hoa', '/#/tasks');
    expect(landing.pathname).toBe('/');
    expect(landing.searchParams.get('ssoError')).toBeNull();
    const ticket = landing.searchParams.get('sso')!;
    expect(ticket).toBeTruthy();
    const session = await t.http.post('/api/auth/oidc/ticket').send({ ticket });
    expect(session.status).toBe(200);
    expect(session.body.user).toEqual(expect.objectContaining({ username: 'nguyen.thi.hoa', fullName: 'Nguyễn Thị Hoa', departmentCode: 'SYT_BTXH', roles: ['officer', 'specialist'] }));
    const inbox = await t.http.get('/api/tasks').set('Authorization', `Bearer ${session.body.accessToken}`);
    expect(inbox.status).toBe(200);
    // The ticket works once.
    expect((await t.http.post('/api/auth/oidc/ticket').send({ ticket })).status).toBe(401);
    // The account has no password here: the password sign-in can't open it.
    expect((await t.http.post('/api/auth/login').send({ username: 'nguyen.thi.hoa', password: 'thu-doan-mat-khau' })).status).toBe(401);
  });

  it('given the provider names a department OneDoor does not know, then the app is told why and no session opens', async () => {
    const landing = await signOn('la.ca');
    expect(landing.searchParams.get('sso')).toBeNull();
    expect(landing.searchParams.get('ssoError')).toMatch(/PHONG_KHONG_CO/);
  });

  it('given the provider’s username is taken by a local account, then single sign-on does not take it over', async () => {
    const landing = await signOn('motcua.syt');
    expect(landing.searchParams.get('ssoError')).toMatch(/local account/);
  });

  it('given a callback with a state the engine never issued (a forged or replayed answer), then it is refused', async () => {
    const forged = await t.http.get('/api/auth/oidc/callback?code=abc&state=khong-phai-cua-toi');
    expect(forged.status).toBe(302);
    expect(forged.headers.location).toMatch(/ssoError=/);
  });

  it('given local accounts, then they still sign in with their password beside single sign-on', async () => {
    expect((await t.http.post('/api/auth/login').send({ username: 'motcua.syt', password: 'demo' })).status).toBe(200);
  });
});
