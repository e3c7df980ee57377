import type { Page } from 'playwright-core';

/**
 * Signs in through the form of `/` (the first step only: an account with an authenticator then
 * shows the code step). A session left in the browser by an earlier test is ended first.
 */
export async function signIn(page: Page, baseUrl: string, username: string, password = 'demo', hash = ''): Promise<void> {
  await page.goto(`${baseUrl}/${hash}`);
  await page.waitForSelector('.od-login-form, [data-testid="current-user"]');
  if (await page.locator('[data-testid="current-user"]').count()) {
    await page.click('[data-action="logout"]');
    await page.waitForSelector('.od-login-form');
    // Let the old session's calls (its logout, the bell) answer before signing in as someone
    // else, as a person would: the specs test signing in, not a race with the logout.
    await page.waitForLoadState('networkidle');
  }
  await page.fill('.od-login-form input[name="username"]', username);
  await page.fill('.od-login-form input[name="password"]', password);
  await page.click('.od-login-form button[type="submit"]');
}

/** Signs in and waits for the app's header to name the user. */
export async function signedIn(page: Page, baseUrl: string, username: string, password = 'demo', hash = ''): Promise<void> {
  await signIn(page, baseUrl, username, password, hash);
  await page.waitForSelector('[data-testid="current-user"]');
  // Logging out of an earlier session leaves the address at `/`: open the page asked for afresh,
  // with the new session (a full load, not a hash change racing the app's own navigation).
  if (hash && (await page.evaluate(() => location.hash)) !== hash) {
    await page.goto(`${baseUrl}/${hash}`);
    await page.waitForSelector('[data-testid="current-user"]');
  }
}
