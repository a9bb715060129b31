// Remembered devices through the real app against the local Cognito, which checks device SRP
// for real: a trusted browser skips the authenticator code, another browser is asked for it,
// the devices page lists both, and forgetting this browser brings the code back.
import { expect, PASSWORD, recordCognitoActions, registerConfirmed, signIn, test, uniqueEmail } from './support/fixtures';
import { setDeviceTracking, setPoolMfa, turnOnFactorsElsewhere } from './support/mfa';
import { totpCode } from './support/totp';
import { expectAccessible } from './support/axe';

test.afterEach(async ({ cognito }) => {
  await cognito.start();
  await setPoolMfa(cognito, 'OFF');
  await setDeviceTracking(cognito, 'OFF');
});

const STEP_MS = 30_000;

/** Codes of an authenticator app, each from a later time step than the last one used, as
 * Cognito takes them (the step either side of now at most): waits for the clock when the next
 * step is still too far ahead. */
function authenticator(secret: string): () => Promise<string> {
  let last = Math.floor(Date.now() / STEP_MS);
  return async () => {
    const step = last + 1;
    const wait = (step - 1) * STEP_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 200));
    last = step;
    return totpCode(secret, step * STEP_MS + 1_000);
  };
}

test('a trusted browser skips the authenticator code; another browser is asked; forgetting this one brings the code back', async ({
  page,
  browser,
  cognito,
}) => {
  // Up to two authenticator steps may have to pass.
  test.setTimeout(120_000);
  await setDeviceTracking(cognito, 'USER_OPT_IN');
  await setPoolMfa(cognito, 'OPTIONAL', ['SOFTWARE_TOKEN_MFA']);
  const email = uniqueEmail('device');
  await registerConfirmed(page, cognito, email);
  const code = authenticator((await turnOnFactorsElsewhere(cognito, email, PASSWORD, ['SOFTWARE_TOKEN_MFA']))!);

  await signIn(page, email);
  await page.getByLabel('Authenticator code').fill(await code());
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
  await expect(page.getByRole('heading', { name: 'Trust this browser?' })).toBeVisible();
  await expectAccessible(page, '/session asking to trust this browser');
  await page.getByRole('button', { name: 'Trust this browser' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'This browser is trusted.' })).toBeVisible();

  // The next sign-in here: the password, then the browser proves itself; no code.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  const actions = recordCognitoActions(page);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  await expect(page.getByRole('heading', { name: 'Trust this browser?' })).toHaveCount(0);
  expect(actions.filter((action) => action === 'RespondToAuthChallenge')).toHaveLength(3);

  // Another browser (a fresh context) is a new device: asked for the code, and not trusted.
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(new URL('/sign-in', page.url()).href);
  await signIn(elsewhere, email);
  await elsewhere.getByLabel('Authenticator code').fill(await code());
  await elsewhere.getByRole('button', { name: 'Verify' }).click();
  await expect(elsewhere.getByTestId('session-email')).toHaveText(email);
  await elsewhere.getByRole('button', { name: "Don't trust" }).click();
  await expect(elsewhere.getByRole('heading', { name: 'Trust this browser?' })).toHaveCount(0);
  await other.close();

  await page.getByRole('link', { name: 'Your devices' }).click();
  const devices = page.locator('.factors > li');
  await expect(devices).toHaveCount(2);
  const here = devices.filter({ hasText: 'This browser' });
  await expect(here).toContainText('Chrome on Linux');
  await expect(here).toContainText('Remembered');
  await expect(devices.filter({ hasNotText: 'This browser' })).toContainText('Not remembered');
  await expectAccessible(page, '/devices');

  await here.getByRole('button', { name: /^Forget / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Device forgotten.' })).toBeVisible();
  await expect(devices).toHaveCount(1);
  const stored = await page.evaluate(() => Object.keys(localStorage));
  expect(stored.some((key) => key.includes('.device.'))).toBe(false);

  await page.getByRole('link', { name: 'Back to your account' }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, email);
  await expect(page.getByRole('heading', { name: 'Enter your authenticator code' })).toBeVisible();
});

test('a reload of a remembered browser refreshes with its device key', async ({ page, cognito }) => {
  await setDeviceTracking(cognito, 'ALWAYS');
  const email = uniqueEmail('device-refresh');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  // Always remembered: no question, and the device is registered in the background.
  await expect(page.getByRole('heading', { name: 'Trust this browser?' })).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.endsWith('.sessionDevice')).length))
    .toBe(1);
  const refreshes: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['x-amz-target']?.endsWith('GetTokensFromRefreshToken')) {
      refreshes.push(request.postData() ?? '');
    }
  });
  await page.reload();
  await expect(page.getByTestId('session-email')).toHaveText(email);
  expect(refreshes).toHaveLength(1);
  expect(JSON.parse(refreshes[0]).DeviceKey).toMatch(/^ap-northeast-1_/);
});
