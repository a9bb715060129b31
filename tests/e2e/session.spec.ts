// The session keeps itself fresh: silent refresh before expiry (real time, short-lived tokens
// from the local Cognito), one refresh per cycle across tabs, recovery through an outage,
// cross-tab sign-in and sign-out, and the end of a session revoked elsewhere.
import {
  expect,
  PASSWORD,
  recordCognitoActions,
  registerConfirmed,
  signedIn,
  signIn,
  test,
  uniqueEmail,
} from './support/fixtures';
import type { LocalCognito } from './support/local-cognito';

type Stats = { calls: Record<string, number>; expiredAccessTokens: number };

async function stats(cognito: LocalCognito): Promise<Stats> {
  return cognito.stats();
}

function delta(before: Stats, after: Stats, key: string): number {
  return (after.calls[key] ?? 0) - (before.calls[key] ?? 0);
}

const REFRESH = 'GetTokensFromRefreshToken';

test('with 20-second tokens an open tab refreshes on time and never sends an expired token', async ({
  page,
  cognito,
}) => {
  test.setTimeout(150_000);
  await cognito.settings({ tokenLifetimeSeconds: 20 });
  await signedIn(page, cognito, 'fresh');
  const before = await stats(cognito);

  // Call GetUser through the app's access_token() every second for 75 s, in real time.
  const check = page.getByRole('button', { name: 'Check session' });
  const verified = page.getByRole('status').filter({ hasText: 'Session verified by the server' });
  let failures = 0;
  let checks = 0;
  const started = Date.now();
  while (Date.now() - started < 75_000) {
    await check.click();
    await expect(check).toBeEnabled();
    checks += 1;
    if (!(await verified.isVisible())) failures += 1;
    await page.waitForTimeout(1_000);
  }

  const after = await stats(cognito);
  expect(failures).toBe(0);
  expect(after.expiredAccessTokens - before.expiredAccessTokens).toBe(0);
  // Every check reached the server (none was answered from memory), and they were close enough
  // together to land in every token's lifetime, on a busy machine too.
  expect(delta(before, after, 'GetUser')).toBeGreaterThanOrEqual(checks);
  expect(checks).toBeGreaterThanOrEqual(30);
  expect(delta(before, after, REFRESH)).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('session-email')).toBeVisible();
});

test('three open tabs refresh once per cycle in total, not once each', async ({ page, context, cognito }) => {
  test.setTimeout(120_000);
  await cognito.settings({ tokenLifetimeSeconds: 20 });
  const email = await signedIn(page, cognito, 'tabs');
  const others = [await context.newPage(), await context.newPage()];
  for (const other of others) {
    await other.goto('/session');
    await expect(other.getByTestId('session-email')).toHaveText(email);
  }

  const before = await stats(cognito);
  // 20 s tokens refresh 15 s after they arrive: 40 s spans two or three cycles.
  await page.waitForTimeout(40_000);
  const after = await stats(cognito);
  const refreshes = delta(before, after, REFRESH);
  expect(refreshes).toBeGreaterThanOrEqual(2);
  expect(refreshes).toBeLessThanOrEqual(3);
  for (const tab of [page, ...others]) {
    await expect(tab.getByTestId('session-email')).toHaveText(email);
  }
  expect(after.expiredAccessTokens).toBe(before.expiredAccessTokens);
});

test('an outage through the refresh window keeps the user signed in and the session recovers', async ({
  page,
  cognito,
}) => {
  test.setTimeout(120_000);
  await cognito.settings({ tokenLifetimeSeconds: 20 });
  const email = await signedIn(page, cognito, 'outage');
  const lastRefreshed = await page.getByTestId('last-refreshed').textContent();

  await cognito.settings({ outageSeconds: 25 });
  // The refresh at 15 s fails; the page says it is retrying and keeps the user signed in.
  await expect(page.getByRole('status').filter({ hasText: 'retrying' })).toBeVisible({ timeout: 25_000 });
  await expect(page.getByTestId('session-email')).toHaveText(email);

  // Once the server is back, a retry succeeds on its own.
  await expect(page.getByTestId('last-refreshed')).not.toHaveText(lastRefreshed ?? '', { timeout: 45_000 });
  await expect(page.getByRole('status').filter({ hasText: 'retrying' })).toBeHidden();
  await expect(page.getByTestId('session-email')).toHaveText(email);
  await page.getByRole('button', { name: 'Check session' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Session verified by the server' })).toBeVisible();
});

test('a refresh token revoked elsewhere (GlobalSignOut) ends the session with a message', async ({
  page,
  cognito,
  clientId,
}) => {
  test.setTimeout(60_000);
  await cognito.settings({ tokenLifetimeSeconds: 10 });
  const email = await signedIn(page, cognito, 'revoked');

  // The same user signs in on another device and signs out everywhere.
  const signInReply = await cognito.call('InitiateAuth', {
    ClientId: clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD },
  });
  const { AuthenticationResult } = (await signInReply.json()) as { AuthenticationResult: { AccessToken: string } };
  expect((await cognito.call('GlobalSignOut', { AccessToken: AuthenticationResult.AccessToken })).status).toBe(200);

  // The next refresh (5 s before the 10 s tokens expire) is refused: the page signs out.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('.refreshToken')))).toEqual([]);
});

test('signing out in one tab signs out the others within a second', async ({ page, context, cognito }) => {
  const email = await signedIn(page, cognito, 'tab-out');
  const other = await context.newPage();
  await other.goto('/session');
  await expect(other.getByTestId('session-email')).toHaveText(email);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(other.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 1_000 });
});

test('signing in in one tab signs in the others', async ({ page, context, cognito }) => {
  const email = uniqueEmail('tab-in');
  await registerConfirmed(page, cognito, email);
  const other = await context.newPage();
  await other.goto('/sign-in');
  await expect(other.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const otherActions = recordCognitoActions(other);

  await signIn(page, email);
  await expect(other.getByTestId('session-email')).toHaveText(email, { timeout: 2_000 });
  expect(otherActions).toEqual([]); // it took the tokens from the first tab
});

test('a reload after the access token expired restores the session with one refresh', async ({ page, cognito }) => {
  await cognito.settings({ tokenLifetimeSeconds: 5 });
  const email = await signedIn(page, cognito, 'expired-reload');
  await page.goto('about:blank'); // no page, no timers: the tokens simply expire
  await page.waitForTimeout(6_000);

  const actions = recordCognitoActions(page);
  await page.goto('/session');
  await expect(page.getByTestId('session-email')).toHaveText(email);
  expect(actions).toEqual(['GetTokensFromRefreshToken']);
  await page.getByRole('button', { name: 'Check session' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Session verified by the server' })).toBeVisible();
});

test('fault injection: with localStorage refusing writes the session works in memory and says so', async ({
  page,
  cognito,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const email = await signedIn(page, cognito, 'no-storage');
  await expect(page.getByText("This session won't survive a reload")).toBeVisible();
  await page.getByRole('button', { name: 'Check session' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Session verified by the server' })).toBeVisible();
  await expect(page.getByTestId('session-email')).toHaveText(email);
});
