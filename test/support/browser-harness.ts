import type { Page } from 'playwright-core';
import { collectPageErrors, launchBrowser, type LaunchedBrowser } from './browser.js';
import { startTestEngine, type TestEngine, type TestEngineOptions } from './engine-server.js';
import { ensureWebBuilt } from './web-build.js';

/** What the pages of a browser spec talk to: an engine, a static server of dist/web, … */
export interface Served {
  baseUrl: string;
  close(): Promise<void>;
}

export interface BrowserHarnessOptions<S extends Served> {
  /** Starts what the pages talk to, once for the spec file. Default: `startTestEngine(engine)`. */
  serve?: () => Promise<S>;
  /** Options of the default engine. */
  engine?: TestEngineOptions;
  viewport?: { width: number; height: number };
  /** One page for the whole file (a journey told over several tests) instead of a fresh one per test. */
  onePage?: boolean;
  /** Console errors count as page errors too (failed resource loads aside). */
  consoleErrors?: boolean;
  /** Playwright's wait per step: fail in seconds, not in its 30 s per step times every file. */
  stepTimeout?: number;
  /** Confirm dialogs are accepted, as the user who clicked would. */
  acceptDialogs?: boolean;
  /** Cookies and localStorage go after each test: no session is carried into the next one. */
  clearStorage?: boolean;
  /** For beforeAll: starting a server with history or every process deployed takes a while. */
  setupTimeout?: number;
}

export interface BrowserHarness<S extends Served> {
  /** The current test's page (with `onePage`, the file's). A stand-in: use it inside tests and hooks. */
  page: Page;
  /** The file's server (an engine by default). A stand-in: use it inside tests and hooks. */
  server: S;
  /** The Chromium the pages run in. A stand-in: use it inside tests and hooks. */
  browser: LaunchedBrowser;
  /**
   * What went wrong in the harness's pages so far in this test; it must be empty after each test.
   * Read it as `harness.errors` when it is needed mid-test: destructuring takes a copy.
   */
  readonly errors: string[];
  /**
   * Another page, watched for errors and closed after the test: in the same browser (the same
   * session), or in `inBrowser` (from anotherBrowser()).
   */
  newPage(inBrowser?: LaunchedBrowser): Promise<Page>;
  /** A second browser (another person's computer: its own session), closed at the end of the file. */
  anotherBrowser(): Promise<LaunchedBrowser>;
  /**
   * Signs in through the app's form at `at` (default `/`) and waits for the header to name the
   * user; a session the browser holds already is ended first. `at` may name a page (`/calendar/`)
   * or a route (`/#/account`), which is opened afresh if signing out left the app elsewhere.
   */
  signIn(username: string, options?: SignInOptions): Promise<void>;
  /** The first step of signing in only (an account with an authenticator then asks for its code). */
  submitSignIn(username: string, options?: SignInOptions): Promise<void>;
  /** Signs out with the header's button and waits for the sign-in form. */
  signOut(on?: Page): Promise<void>;
  /** Signs in through the modeler's login dialog (the modeler opens without a session). */
  signInToModeler(username: string, password?: string): Promise<void>;
}

export interface SignInOptions {
  at?: string;
  password?: string;
  /** Another page than the harness's (a second browser's, say). */
  on?: Page;
}

/**
 * Everything a browser spec sets up and tears down, in one place: the built web app, the server
 * (an engine on its own database, by default), Chromium, a page per test whose errors fail the
 * test, and signing in. Call it at the top of a `describe`; it registers the hooks.
 *
 *   const { page, server: engine, signIn } = browserHarness({ engine: { processes: true } });
 */
export function browserHarness<S extends Served = TestEngine>(options: BrowserHarnessOptions<S> = {}): BrowserHarness<S> {
  const serve = options.serve ?? (() => startTestEngine(options.engine) as unknown as Promise<S>);
  let server: S | undefined;
  let browser: LaunchedBrowser | undefined;
  let page: Page | undefined;
  const others: LaunchedBrowser[] = [];
  const extraPages: Page[] = [];

  // the errors of every page the harness opened for the current test (with onePage, the first is the file's page)
  let watched: string[][] = [];
  const currentErrors = () => watched.flat();

  async function preparePage(target: Page): Promise<Page> {
    target.setDefaultTimeout(options.stepTimeout ?? 15_000);
    watched.push(collectPageErrors(target, { console: options.consoleErrors }));
    if (options.acceptDialogs) target.on('dialog', (dialog) => void dialog.accept());
    return target;
  }

  beforeAll(async () => {
    await ensureWebBuilt();
    // both at once; whichever started is closed by afterAll even when the other failed
    const [served, launched] = await Promise.allSettled([serve(), launchBrowser({ viewport: options.viewport })]);
    if (served.status === 'fulfilled') server = served.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (served.status === 'rejected') throw served.reason;
    if (launched.status === 'rejected') throw launched.reason;
    if (options.onePage) page = await preparePage(await browser!.newPage());
  }, options.setupTimeout ?? 120_000);

  afterAll(async () => {
    for (const other of others) await other.close();
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    if (!options.onePage) page = await preparePage(await browser!.newPage());
  });

  afterEach(async () => {
    const found = currentErrors();
    for (const list of watched) list.splice(0);
    watched = options.onePage ? watched.slice(0, 1) : [];
    for (const extra of extraPages.splice(0)) await extra.close().catch(() => undefined);
    if (options.clearStorage && page) {
      await page.context().clearCookies();
      await page.evaluate(() => localStorage.clear()).catch(() => undefined);
    }
    if (!options.onePage) await page?.close();
    expect(found).toEqual([]);
  });

  const pageOf = (on?: Page) => on ?? page!;

  async function submitSignIn(username: string, { at = '/', password = 'demo', on }: SignInOptions = {}): Promise<void> {
    const target = pageOf(on);
    await target.goto(`${server!.baseUrl}${at}`);
    await target.waitForSelector('.od-login-form, [data-testid="current-user"]');
    if (await target.locator('[data-testid="current-user"]').count()) {
      await signOut(target);
      // Let the old session's calls (its logout, the bell) answer before signing in as someone
      // else, as a person would: the specs test signing in, not a race with the logout.
      await target.waitForLoadState('networkidle');
    }
    await target.fill('.od-login-form input[name="username"]', username);
    await target.fill('.od-login-form input[name="password"]', password);
    await target.click('.od-login-form button[type="submit"]');
  }

  async function signIn(username: string, signInOptions: SignInOptions = {}): Promise<void> {
    const target = pageOf(signInOptions.on);
    const at = signInOptions.at ?? '/';
    await submitSignIn(username, signInOptions);
    await target.waitForSelector('[data-testid="current-user"]');
    // Signing out of an earlier session leaves the address at `/`: open the route asked for again
    // with the new session. Only the hash differs, so this is a hash change while the inbox the
    // sign-in opened may still be loading; the app keeps that late inbox from painting over it.
    const hash = at.includes('#') ? at.slice(at.indexOf('#')) : '';
    if (hash && (await target.evaluate(() => location.hash)) !== hash) {
      await target.goto(`${server!.baseUrl}${at}`);
      await target.waitForSelector('[data-testid="current-user"]');
    }
  }

  async function signOut(on?: Page): Promise<void> {
    const target = pageOf(on);
    await target.click('[data-action="logout"]');
    await target.waitForSelector('.od-login-form');
  }

  async function signInToModeler(username: string, password = 'demo'): Promise<void> {
    const target = pageOf();
    await target.waitForSelector('[data-action="login"], [data-testid="current-user"]');
    if (await target.locator('[data-testid="current-user"]').count()) return;
    await target.click('[data-action="login"]');
    await target.fill('.od-login-dialog input[name="username"]', username);
    await target.fill('.od-login-dialog input[name="password"]', password);
    await target.click('.od-login-dialog button[type="submit"]');
    await target.waitForSelector('[data-testid="current-user"]');
  }

  return {
    page: standIn('the page', () => page),
    server: standIn('the server', () => server),
    browser: standIn('the browser', () => browser),
    get errors() {
      return currentErrors();
    },
    async newPage(inBrowser = browser!) {
      const extra = await preparePage(await inBrowser.newPage());
      extraPages.push(extra);
      return extra;
    },
    async anotherBrowser() {
      const other = await launchBrowser({ viewport: options.viewport });
      others.push(other);
      return other;
    },
    signIn,
    submitSignIn,
    signOut,
    signInToModeler,
  };
}

/**
 * An object that forwards every use to what `current()` returns at that moment: the hooks make
 * the page and the server after the spec's `describe` body has run, so the spec holds stand-ins.
 */
function standIn<T extends object>(what: string, current: () => T | undefined): T {
  const target = () => {
    const value = current();
    if (!value) throw new Error(`${what} of browserHarness() is there only inside tests and hooks (after its beforeAll)`);
    return value;
  };
  return new Proxy({} as T, {
    get(_, property) {
      const value = target();
      const member = Reflect.get(value, property, value);
      return typeof member === 'function' ? member.bind(value) : member;
    },
    set: (_, property, member) => Reflect.set(target(), property, member),
    has: (_, property) => Reflect.has(target(), property),
  });
}
