// The page as a site's login page: ?return_to= is followed only to its own origin or an
// allowlisted one, and the session is handed by postMessage only to an allowlisted embedder,
// without the refresh token. The embedding sites are real pages on other origins.
import { EMBEDDER_URL, IMPOSTOR_URL } from '../../playwright.config';
import { expect, registerConfirmed, signIn, test, uniqueEmail } from './support/fixtures';

const OPEN_REDIRECTS = [
  'https://evil.example/',
  '//evil.example/',
  '///evil.example',
  '/\\evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  `${EMBEDDER_URL}.evil.example/`,
  `${EMBEDDER_URL.replace('://', '://user@')}@evil.example/`,
  'https://evil.example/#http://127.0.0.1',
  'https:evil.example',
  `${IMPOSTOR_URL}/`,
];

test('open-redirect attempts are refused with a note; allowlisted and own-origin returns are followed', async ({
  page,
  cognito,
}) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('redirect');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);

  for (const attack of OPEN_REDIRECTS) {
    await page.goto(`/sign-in?return_to=${encodeURIComponent(attack)}`);
    await expect(page, attack).toHaveURL(/\/session$/);
    await expect(page.getByText(`“${attack}”`), attack).toBeVisible();
  }

  await page.goto(`/sign-in?return_to=${encodeURIComponent('/change-password')}`);
  await expect(page).toHaveURL(/\/change-password$/);

  await page.goto(`/sign-in?return_to=${encodeURIComponent(`${EMBEDDER_URL}/welcome?from=login`)}`);
  await expect(page).toHaveURL(`${EMBEDDER_URL}/welcome?from=login`);
});

test('signing in with an allowlisted return address goes back there, with no token in the URL', async ({
  page,
  cognito,
}) => {
  const email = uniqueEmail('return');
  await registerConfirmed(page, cognito, email);
  const target = `${EMBEDDER_URL}/after-login`;
  await page.goto(`/sign-in?return_to=${encodeURIComponent(target)}`);
  await signIn(page, email);
  await expect(page).toHaveURL(target);
  expect(page.url()).not.toMatch(/token|eyJ/i);
});

test('a popup opened by an allowlisted site hands it the session, without the refresh token', async ({
  page,
  cognito,
  baseURL,
}) => {
  const email = uniqueEmail('popup');
  await registerConfirmed(page, cognito, email);
  await page.goto(`${EMBEDDER_URL}/?site=${encodeURIComponent(baseURL!)}`);
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Open sign-in popup' }).click();
  const popup = await popupOpened;
  await signIn(popup, email);
  await expect(popup.getByTestId('session-email')).toHaveText(email);

  await expect(page.getByLabel('Messages received')).toContainText('leptos-cognito:session');
  const received = await page.evaluate(() => (window as unknown as { received: { origin: string; data: Record<string, unknown> }[] }).received);
  const session = received.find((m) => m.data.type === 'leptos-cognito:session')!;
  expect(session.origin).toBe(new URL(baseURL!).origin);
  expect(session.data.email).toBe(email);
  expect(String(session.data.idToken)).toMatch(/^eyJ/);
  expect(String(session.data.accessToken)).toMatch(/^eyJ/);
  expect(Number(session.data.expiresAt)).toBeGreaterThan(Date.now());
  expect(session.data).not.toHaveProperty('refreshToken');

  await popup.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByLabel('Messages received')).toContainText('leptos-cognito:signed-out');
});

test('a framing allowlisted site gets the session from the iframe', async ({ page, cognito, baseURL }) => {
  const email = uniqueEmail('frame');
  await registerConfirmed(page, cognito, email);
  await page.goto(`${EMBEDDER_URL}/?site=${encodeURIComponent(baseURL!)}`);
  await page.getByRole('button', { name: 'Show sign-in frame' }).click();
  const frame = page.frameLocator('iframe[title="Sign in"]');
  await frame.getByLabel('Email').fill(email);
  await frame.getByLabel('Password', { exact: true }).fill('Correct-Horse-9');
  await frame.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Messages received')).toContainText(email);
});

test('sites that are not allowlisted get nothing, even when claiming an allowlisted origin', async ({
  page,
  cognito,
  baseURL,
}) => {
  const email = uniqueEmail('impostor');
  await registerConfirmed(page, cognito, email);
  for (const claim of [IMPOSTOR_URL, EMBEDDER_URL]) {
    await page.goto(`${IMPOSTOR_URL}/?site=${encodeURIComponent(baseURL!)}&claim=${encodeURIComponent(claim)}`);
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Open sign-in popup' }).click();
    const popup = await popupOpened;
    await expect(popup.getByRole('heading', { name: 'Sign in' }).or(popup.getByTestId('session-email'))).toBeVisible();
    if (await popup.getByRole('button', { name: 'Sign in' }).isVisible()) await signIn(popup, email);
    await expect(popup.getByTestId('session-email')).toHaveText(email);
    await popup.waitForTimeout(1_000); // time for a message to arrive, if one were sent
    expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received), claim).toEqual([]);
    await popup.close();
  }
});
