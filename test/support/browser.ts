import { access, mkdtemp, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The flags that work on these machines: headless, no sandbox (root), no GPU. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Stops a browser spec with one sentence naming the Debian package when Chromium is missing
 * (issue #19: `npm test` on a fresh machine says what to install, not a Playwright stack trace).
 */
export async function ensureChromium(executable = CHROMIUM_PATH): Promise<void> {
  try {
    await access(executable, constants.X_OK);
  } catch {
    const error = new Error(`The browser specs need Chromium at ${executable}: install the Debian package \`chromium\` (apt-get install -y chromium, as .ci/run does) and run npm test again.`);
    error.stack = error.message; // the sentence is the whole story
    throw error;
  }
}

/**
 * Debian's Chromium driven by playwright-core, with a fresh profile in a temp folder
 * (a persistent context is how Playwright takes a user-data-dir). Fails loudly when Chromium
 * is missing: `npx playwright install` cannot download browsers here.
 */
export async function launchBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<LaunchedBrowser> {
  await ensureChromium();
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'onedoor-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: 'vi-VN',
  });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Records what went wrong in a page — uncaught errors and, with `console: true`, console errors
 * other than failed resource loads — for an `expect(errors).toEqual([])` at the end of a spec.
 */
export function collectPageErrors(page: Page, options: { console?: boolean } = {}): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (options.console) {
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
    });
  }
  return errors;
}
