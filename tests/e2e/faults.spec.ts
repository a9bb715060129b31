// The session through faults, each made by the local Cognito's own switches (delays, outages,
// rotation's grace period) or, where only the browser can fail, injected there and named so:
// nobody is signed out by a fault, no expired access token reaches the server, and a sign-out
// stays a sign-out. The figures in the README's Reliability table come from these tests.
import type { Page, Request } from '@playwright/test';
import { refreshWorks, signInElsewhere } from './support/accounts';
import {
  cognitoAction,
  expect,
  PASSWORD,
  registerConfirmed,
  signIn,
  storageEntries,
  test,
  uniqueEmail,
} from './support/fixtures';
import { ROTATION, type LocalCognito } from './support/local-cognito';

const REFRESH = 'GetTokensFromRefreshToken';
const STORAGE_KEY = /^leptos-cognito\..*\.refreshToken$/;

async function signedIn(page: Page, cognito: LocalCognito, tag: string): Promise<string> {
  const email = uniqueEmail(tag);
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  return email;
}

async function openTab(page: Page, email: string): Promise<Page> {
  const tab = await page.context().newPage();
  await tab.goto('/session');
  await expect(tab.getByTestId('session-email')).toHaveText(email);
  return tab;
}

/** Records when each tab sends a refresh (test-process time, ms). */
function recordRefreshes(tabs: Page[]): number[] {
  const sent: number[] = [];
  for (const tab of tabs) {
    tab.on('request', (request: Request) => {
      if (cognitoAction(request) === REFRESH) sent.push(Date.now());
    });
  }
  return sent;
}

/** Asks the server, through the page's access_token(), whether the session is good. */
async function verify(tab: Page): Promise<void> {
  await tab.getByRole('button', { name: 'Check session' }).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Session verified by the server' })).toBeVisible();
}

function storedToken(entries: Record<string, string>): string | undefined {
  const key = Object.keys(entries).find((k) => STORAGE_KEY.test(k));
  return key === undefined ? undefined : (JSON.parse(entries[key]) as { token: string }).token;
}

for (const count of [2, 3]) {
  test(`${count} tabs for 60 s make one refresh per cycle, never two at once (rotation ${ROTATION})`, async ({
    page,
    cognito,
  }) => {
    test.setTimeout(150_000);
    await cognito.settings({ tokenLifetimeSeconds: 20 });
    const email = await signedIn(page, cognito, `tabs-${count}`);
    const tabs = [page];
    while (tabs.length < count) tabs.push(await openTab(page, email));
    const sent = recordRefreshes(tabs);
    const before = await cognito.stats();

    // Each tab calls GetUser through access_token() in turn for 60 s, in real time.
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      for (const tab of tabs) await verify(tab);
      await page.waitForTimeout(1_000);
    }

    const after = await cognito.stats();
    // 20 s tokens are refreshed 15 s after they arrive: 60 s hold four cycles at most.
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.length).toBeLessThanOrEqual(4);
    const gaps = sent.slice(1).map((at, i) => at - sent[i]);
    const timeline = `refreshes at ${sent.map((at) => at - started).join(', ')} ms`;
    expect(Math.min(...gaps), timeline).toBeGreaterThan(10_000);
    expect(after.expiredAccessTokens - before.expiredAccessTokens).toBe(0);
    for (const tab of tabs) await expect(tab.getByTestId('session-email')).toHaveText(email);
  });
}

test('a hung refresh is abandoned at its deadline, frees the other tabs, and recovers', async ({ page, cognito }) => {
  test.setTimeout(120_000);
  await cognito.settings({ tokenLifetimeSeconds: 20 });
  const email = await signedIn(page, cognito, 'hung');
  const other = await openTab(page, email);
  const before = await cognito.stats();
  await cognito.settings({ delaySeconds: 40, delayActions: [REFRESH] });

  // The refresh due at 15 s gets no answer; after the 10 s deadline both tabs say they retry.
  for (const tab of [page, other]) {
    await expect(tab.getByRole('status').filter({ hasText: 'retrying' })).toBeVisible({ timeout: 40_000 });
    await expect(tab.getByTestId('session-email')).toHaveText(email);
  }
  await cognito.settings({ delaySeconds: 0 });
  for (const tab of [page, other]) {
    await expect(tab.getByRole('status').filter({ hasText: 'retrying' })).toBeHidden({ timeout: 30_000 });
    await verify(tab);
  }
  const after = await cognito.stats();
  expect(after.expiredAccessTokens - before.expiredAccessTokens).toBe(0);
});

test('an outage during restore keeps the stored session and signs in without a reload', async ({ page, cognito }) => {
  test.setTimeout(60_000);
  const email = await signedIn(page, cognito, 'restore-outage');
  const stored = storedToken(await storageEntries(page));
  let loads = 0;
  page.on('load', () => (loads += 1));
  await cognito.settings({ outageSeconds: 8 });

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: "Couldn't restore your session" })).toBeVisible();
  expect(storedToken(await storageEntries(page))).toBe(stored);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeHidden();

  // The server comes back: a retry restores the session, on the page already loaded.
  await expect(page.getByTestId('session-email')).toHaveText(email, { timeout: 30_000 });
  expect(loads).toBe(1);
  await verify(page);
});

test('signing out while the tab\'s own refresh is in flight stays signed out', async ({ page, cognito }) => {
  test.setTimeout(60_000);
  await cognito.settings({ tokenLifetimeSeconds: 20 });
  await signedIn(page, cognito, 'out-in-flight');
  const announced: string[] = [];
  await page.exposeBinding('__heard', (_source, text: string) => announced.push(text));
  await page.evaluate(() => {
    // What other tabs and an embedder would hear from this one.
    const channels = new BroadcastChannel(
      Object.keys(localStorage).find((k) => k.endsWith('.refreshToken'))!.replace(/\.refreshToken$/, ''),
    );
    const heard = (window as unknown as { __heard: (text: string) => void }).__heard;
    channels.onmessage = (event) => heard(String(event.data));
  });
  // Answers come 4 s late, so the refresh is answered (with tokens) before the sign-out's
  // revocation is.
  await cognito.settings({ delaySeconds: 4, delayActions: [REFRESH, 'RevokeToken'] });
  const refresh = await page.waitForRequest((request) => cognitoAction(request) === REFRESH, {
    timeout: 30_000,
  });

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The refresh's answer lands after the sign-out and must change nothing.
  expect((await refresh.response())?.status()).toBe(200);
  await page.waitForTimeout(1_000);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await storageEntries(page)).toEqual({});
  expect(announced.map((text) => JSON.parse(text).type)).toEqual(['signedOut']);
  const later = await page.context().newPage();
  await later.goto('/session');
  await expect(later.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('signing out of all devices during an outage says so, and its retry signs them out', async ({ page, cognito }) => {
  const email = await signedIn(page, cognito, 'global-outage');
  const elsewhere = await signInElsewhere(cognito, email, PASSWORD);
  await cognito.settings({ outageSeconds: 60 });

  await page.getByRole('button', { name: 'Sign out of all devices' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'other devices may still be signed in' })).toBeVisible();
  expect(await storageEntries(page)).toEqual({});
  await expect(page.getByRole('status').filter({ hasText: 'signed out on all your devices' })).toBeHidden();

  await cognito.settings({ outageSeconds: 0 });
  expect(await refreshWorks(cognito, elsewhere)).toBe(true); // true to its word: nothing was revoked
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('status').filter({ hasText: "You're signed out on all your devices." })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'other devices' })).toBeHidden();
  expect(await refreshWorks(cognito, elsewhere)).toBe(false);
});

test.describe('with refresh token rotation', () => {
  test.skip(ROTATION !== 'ENABLED', 'the app client does not rotate refresh tokens');

  test('a refresh token another party rotated ends the session once its grace period is over', async ({
    page,
    cognito,
    clientId,
  }) => {
    test.setTimeout(60_000);
    await cognito.settings({ tokenLifetimeSeconds: 20 });
    await signedIn(page, cognito, 'reuse');
    const stolen = storedToken(await storageEntries(page));
    const rotated = await cognito.call(REFRESH, { ClientId: clientId, RefreshToken: stolen });
    expect(rotated.ok).toBe(true);

    // The page's refresh at 15 s presents the token that was rotated away from it.
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible();
    expect(await storageEntries(page)).toEqual({});
  });

  test('fault injection: a tab whose storage writes fail keeps its newer token and is not signed out', async ({
    page,
    cognito,
  }) => {
    test.setTimeout(90_000);
    await cognito.settings({ tokenLifetimeSeconds: 20 });
    const email = await signedIn(page, cognito, 'stale-stored');
    const first = storedToken(await storageEntries(page));
    // From now on this tab cannot store anything (quota, private mode).
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const before = await cognito.stats();

    // Two refreshes (at 15 s and 30 s): the second must use the rotated token held in memory,
    // not the stored one that rotation invalidated.
    await page.waitForTimeout(45_000);
    await expect(page.getByTestId('session-email')).toHaveText(email);
    await verify(page);
    expect(storedToken(await storageEntries(page))).toBe(first);
    const after = await cognito.stats();
    expect((after.calls[REFRESH] ?? 0) - (before.calls[REFRESH] ?? 0)).toBeGreaterThanOrEqual(2);
    expect(after.expiredAccessTokens - before.expiredAccessTokens).toBe(0);
  });
});

test('a wall clock stepped back or forward ten minutes neither stops refreshing nor hands out an expired token', async ({
  page,
  cognito,
}) => {
  test.setTimeout(120_000);
  // The page's clocks are Playwright's from the start: they run in real time until stepped.
  await page.clock.install();
  await cognito.settings({ tokenLifetimeSeconds: 20 });
  const email = await signedIn(page, cognito, 'clock');
  const sent = recordRefreshes([page]);
  const before = await cognito.stats();
  const pageNow = () => page.evaluate(() => Date.now());

  // Back ten minutes: by the wall clock no time passes for ten minutes, yet 20 s tokens must
  // still be refreshed every 15 s.
  await page.clock.setSystemTime((await pageNow()) - 10 * 60_000);
  let started = Date.now();
  while (Date.now() - started < 35_000) {
    await verify(page);
    await page.waitForTimeout(1_000);
  }
  expect(sent.length).toBeGreaterThanOrEqual(2);

  // Forward twenty minutes (ten past the real time): by the wall clock the tokens look long
  // expired, so the next use refreshes first; early, never late.
  const beforeJump = sent.length;
  await page.clock.setSystemTime((await pageNow()) + 20 * 60_000);
  await verify(page);
  expect(sent.length).toBeGreaterThan(beforeJump);
  started = Date.now();
  while (Date.now() - started < 20_000) {
    await verify(page);
    await page.waitForTimeout(1_000);
  }

  const after = await cognito.stats();
  expect(after.expiredAccessTokens - before.expiredAccessTokens).toBe(0);
  await expect(page.getByTestId('session-email')).toHaveText(email);
});
