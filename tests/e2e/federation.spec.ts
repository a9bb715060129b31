// Sign-in through the pool domain (config.json's oauth) against the local Cognito's OAuth
// endpoints and its local identity provider: the whole redirect round trip with PKCE and state,
// the same session as every other sign-in, and each way the round trip can go wrong.
import type { Page, Request } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, test, uniqueEmail } from './support/fixtures';
import { EMBEDDER_URL, FEDERATION_URL } from '../../playwright.config';

test.use({ baseURL: FEDERATION_URL });

const ROUND_TRIPS = /^leptos-cognito\.[^.]+\.oauth\./;

/** Clicks a provider's button and waits for the local identity provider's page. */
async function atProvider(page: Page, button: string, provider = 'Google'): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expect(page).toHaveURL(new RegExp(`/local-idp/${provider}\\?`));
  await expect(page.getByText('Local identity provider')).toBeVisible();
}

async function consent(page: Page, email: string): Promise<void> {
  await page.getByLabel(/^Email at/).fill(email);
  await page.getByRole('button', { name: 'Allow' }).click();
}

/** Signs out of a session that began at the pool domain. The app shows its sign-in page at once,
 * then leaves for the pool domain's /logout, which sends the browser back to a new page load:
 * waiting for that load keeps the next step from racing the trip. */
async function signOutThroughPoolDomain(page: Page): Promise<void> {
  // /logout sends the browser back to signOutPath ("/"), which the app itself never opens.
  const backFromLogout = page.waitForURL(`${FEDERATION_URL}/`);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await backFromLogout;
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** The round trips this tab still keeps (nothing once one has ended). */
function keptRoundTrips(page: Page): Promise<string[]> {
  return page.evaluate(
    (pattern) => Object.keys(sessionStorage).filter((key) => new RegExp(pattern).test(key)),
    ROUND_TRIPS.source,
  );
}

/** Runs in the callback page before the app: `change` rewrites the kept round trip. */
async function onCallback(page: Page, change: 'replay' | 'wrongVerifier'): Promise<void> {
  await page.addInitScript(
    ({ change, pattern }) => {
      if (location.pathname !== '/oauth2/callback') return;
      const backup = 'test.copy.';
      for (const key of Object.keys(sessionStorage).filter((k) => new RegExp(pattern).test(k))) {
        const record = JSON.parse(sessionStorage.getItem(key)!);
        if (change === 'wrongVerifier') record.verifier = 'a'.repeat(43);
        sessionStorage.setItem(key, JSON.stringify(record));
        sessionStorage.setItem(backup + key, JSON.stringify(record));
      }
      // A second visit of the same callback finds the record again, as a copied tab would.
      for (const key of Object.keys(sessionStorage).filter((k) => k.startsWith(backup))) {
        const original = key.slice(backup.length);
        if (sessionStorage.getItem(original) === null) sessionStorage.setItem(original, sessionStorage.getItem(key)!);
      }
    },
    { change, pattern: ROUND_TRIPS.source },
  );
}

test('provider buttons come in the brands\' order with their names, accessible in both languages and schemes', async ({
  page,
}) => {
  await page.goto('/sign-in');
  const buttons = page.locator('.federated > button');
  await expect(buttons).toHaveText([
    'Continue with Apple',
    'Continue with Google',
    'Continue with Facebook',
    'Login with Amazon',
    'Continue with Example Corp',
    'Sign in with your work account',
  ]);
  await page.getByRole('button', { name: 'Sign in with your work account' }).click();
  await expect(page.locator('#work-email')).toBeVisible();
  await expectAccessible(page, 'sign-in with providers');
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(buttons).toHaveText([
    'Appleで続ける',
    'Google で続行',
    'Facebook で続ける',
    'Amazon でログイン',
    'Example Corp で続ける',
    '職場のアカウントでサインイン',
  ]);
});

test('the round trip signs in with a stored refresh token that refreshes, honours return_to, and sign-out ends the hosted session', async ({
  page,
  cognito,
  clientId,
}) => {
  const email = uniqueEmail('google');
  const returnTo = `${FEDERATION_URL}/session?from=federation`;
  await page.goto(`/sign-in?return_to=${encodeURIComponent(returnTo)}`);
  const authorize = page.waitForRequest((request) => request.url().includes('/oauth2/authorize?'));
  await atProvider(page, 'Continue with Google');
  // return_to stays in the tab: the pool domain sees only the random state.
  const sent = new URL((await authorize).url()).searchParams;
  expect([...sent.values()].join(' ')).not.toContain('federation');
  expect(sent.get('code_challenge_method')).toBe('S256');
  expect(sent.get('identity_provider')).toBe('Google');
  const refreshes = (await cognito.stats()).calls['GetTokensFromRefreshToken'] ?? 0;
  await consent(page, email);
  // return_to is a page load: the session comes back from the stored refresh token.
  await expect(page).toHaveURL(returnTo);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  expect((await cognito.stats()).calls['GetTokensFromRefreshToken']).toBeGreaterThan(refreshes);
  const stored = await page.evaluate((key) => localStorage.getItem(key), `leptos-cognito.${clientId}.refreshToken`);
  expect(stored).toContain('"token"');
  expect(await keptRoundTrips(page)).toEqual([]);

  await signOutThroughPoolDomain(page);
  // The pool domain's session ended too: the provider is asked again.
  await atProvider(page, 'Continue with Google');
});

test('a popup opened by an allowlisted site gets the session after the round trip', async ({ page }) => {
  await page.goto(`${EMBEDDER_URL}/?site=${encodeURIComponent(FEDERATION_URL)}`);
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Open sign-in popup' }).click();
  const popup = await popupOpened;
  const email = uniqueEmail('popup');
  await atProvider(popup, 'Continue with Google');
  await consent(popup, email);
  await expect(popup.getByTestId('session-email')).toHaveText(email);
  // embed_origin came back from the tab's storage, not the URL, and still names the embedder.
  await expect(page.getByLabel('Messages received')).toContainText(email);
});

test('cancelling at the provider comes back to the sign-in page with a clear message', async ({ page }) => {
  await page.goto('/sign-in');
  await atProvider(page, 'Continue with Google');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('alert')).toContainText('Sign-in was cancelled');
  expect(await keptRoundTrips(page)).toEqual([]);
});

test('a provider the pool refuses is reported as a setup problem', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Continue with Apple' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('alert')).toContainText("isn't set up correctly (invalid_request)");
});

test('a tampered state is refused, and so is a callback this tab did not start', async ({ page, context }) => {
  await page.goto('/sign-in');
  await atProvider(page, 'Continue with Google');
  await page.goto('/oauth2/callback?code=forged&state=tampered');
  await expect(page.getByRole('alert')).toContainText("didn't start on this page");
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The refused callback ends the round trip it interrupted: no verifier lingers.
  expect(await keptRoundTrips(page)).toEqual([]);

  const other = await context.newPage();
  await other.goto(`${FEDERATION_URL}/oauth2/callback?code=forged&state=unknown`);
  await expect(other.getByRole('alert')).toContainText('started in another tab or window');
  // A crafted link's error text is not the app's to show.
  await other.goto(`${FEDERATION_URL}/oauth2/callback?error=Call+0800+555+to+unlock`);
  await expect(other.getByRole('alert')).toContainText('started in another tab or window');
  await expect(other.getByRole('alert')).not.toContainText('0800');
});

test('the authorization code leaves the address before the exchange and is sent to nobody as a Referer', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await atProvider(page, 'Continue with Google');
  const seen: { url: string; referer: Promise<string | undefined>; address?: string }[] = [];
  const record = (request: Request) => {
    if (!seen.length && !request.url().includes('/oauth2/callback?')) return;
    const token = request.url().includes('/oauth2/token');
    seen.push({
      url: request.url(),
      referer: request.allHeaders().then((headers) => headers['referer']),
      // What the address bar said when the exchange went out.
      address: token ? page.url() : undefined,
    });
  };
  page.on('request', record);
  await consent(page, uniqueEmail('referer'));
  await expect(page.getByRole('heading', { name: "You're signed in" })).toBeVisible();
  // Requests after this one (the idle prefetch) would still be reading their headers when the
  // page closes, failing whichever test runs next.
  page.off('request', record);
  const urls = seen.map((request) => new URL(request.url).pathname);
  expect(urls).toContain('/config.json');
  expect(urls.some((path) => path.endsWith('.wasm') || path.endsWith('.js'))).toBe(true);
  const exchange = seen.find((request) => request.url.includes('/oauth2/token'));
  expect(exchange?.address).toMatch(/\/oauth2\/callback$/);
  for (const request of seen) expect((await request.referer) ?? '', request.url).not.toContain('code=');
});

test('a replayed code is refused by the pool and said so', async ({ page }) => {
  await onCallback(page, 'replay');
  await page.goto('/sign-in');
  await atProvider(page, 'Continue with Google');
  const callback = page.waitForRequest((request) => request.url().includes('/oauth2/callback?'));
  await consent(page, uniqueEmail('replay'));
  const callbackUrl = (await callback).url();
  await expect(page.getByRole('heading', { name: "You're signed in" })).toBeVisible();
  await signOutThroughPoolDomain(page);
  await page.goto(callbackUrl);
  await expect(page.getByRole('alert')).toContainText('its code was already used, has expired');
});

test('a wrong verifier is refused by the pool (invalid_grant) and nobody is signed in', async ({ page, clientId }) => {
  await onCallback(page, 'wrongVerifier');
  await page.goto('/sign-in');
  await atProvider(page, 'Continue with Google');
  await consent(page, uniqueEmail('verifier'));
  await expect(page.getByRole('alert')).toContainText('its code was already used, has expired');
  const stored = await page.evaluate((key) => localStorage.getItem(key), `leptos-cognito.${clientId}.refreshToken`);
  expect(stored).toBeNull();
  expect(await keptRoundTrips(page)).toEqual([]);
});

test('a work email picks the company provider by its domain', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in with your work account' }).click();
  const field = page.locator('#work-email');
  await field.fill('not-an-address');
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.locator('.work-account')).toContainText('Enter a valid email address');
  const email = uniqueEmail('dana').replace(/@.*/, '@example-corp.com');
  await field.fill(email);
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page).toHaveURL(/\/local-idp\/ExampleCorp\?/);
  await consent(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
});
