// Second factors, through the real app against the local Cognito: authenticator setup at first
// sign-in on a pool that requires MFA (the QR code read back from the page), codes from the app
// and by email, a choice between factors, an expired challenge session, and the security page.
import type { Page } from '@playwright/test';
import { BRANDED_URL } from '../../playwright.config';
import { expectAccessible } from './support/axe';
import { expect, PASSWORD, registerConfirmed, signIn, test, uniqueEmail } from './support/fixtures';
import {
  expireChallengeSessions,
  mfaCodeFor,
  setPoolMfa,
  turnOnFactorsElsewhere,
} from './support/mfa';
import { readQrCode, totpCode } from './support/totp';

// Each test sets the shared pool's MFA as it needs and puts it back.
test.afterEach(async ({ cognito }) => {
  await cognito.start();
  await setPoolMfa(cognito, 'OFF');
});

const STEP_MS = 30_000;

/** Reads the authenticator setup screen: the otpauth URI in its QR code, checked against the
 * setup key shown beside it; returns the secret. */
async function scanSetupScreen(page: Page, issuer: string, email: string): Promise<string> {
  const uri = new URL(await readQrCode(page.getByRole('img', { name: /QR code/ })));
  expect(uri.protocol).toBe('otpauth:');
  expect(uri.host).toBe('totp');
  expect(decodeURIComponent(uri.pathname)).toBe(`/${issuer}:${email}`);
  expect(uri.searchParams.get('issuer')).toBe(issuer);
  const secret = uri.searchParams.get('secret') ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const shown = (await page.locator('.setup-key code').textContent()) ?? '';
  expect(shown.replace(/\s/g, '')).toBe(secret);
  await expect(page.getByRole('link', { name: 'Open in your authenticator app' })).toHaveAttribute(
    'href',
    uri.href,
  );
  return secret;
}

test('a pool that requires MFA has the user link an authenticator app at first sign-in; the next sign-in asks for its code', async ({
  page,
  cognito,
}) => {
  await setPoolMfa(cognito, 'ON', ['SOFTWARE_TOKEN_MFA']);
  const email = uniqueEmail('totp-setup');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);

  await expect(page.getByRole('heading', { name: 'Set up your authenticator app' })).toBeVisible();
  const secret = await scanSetupScreen(page, '127.0.0.1', email);
  await expectAccessible(page, '/set-up-authenticator');

  const code = totpCode(secret);
  const wrong = code === '000000' ? '111111' : '000000';
  await page.getByLabel('Authenticator code').fill(wrong);
  await page.getByRole('button', { name: 'Verify and turn on' }).click();
  await expect(page.getByRole('alert')).toHaveText("That code isn't right. Check it and try again.");
  await expect(page.getByLabel('Authenticator code')).toHaveValue(wrong);

  await page.getByLabel('Authenticator code').fill(code);
  await page.getByLabel('Name for this authenticator (optional)').fill('Work phone');
  await page.getByRole('button', { name: 'Verify and turn on' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, email);
  await expect(page.getByRole('heading', { name: 'Enter your authenticator code' })).toBeVisible();
  // The code just used is spent: the app's next one.
  await page.getByLabel('Authenticator code').fill(totpCode(secret, Date.now() + STEP_MS));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('a wrong authenticator code is named and kept; full-width digits count', async ({ page, cognito }) => {
  await setPoolMfa(cognito, 'OPTIONAL', ['SOFTWARE_TOKEN_MFA']);
  const email = uniqueEmail('totp-wrong');
  await registerConfirmed(page, cognito, email);
  const secret = (await turnOnFactorsElsewhere(cognito, email, PASSWORD, ['SOFTWARE_TOKEN_MFA']))!;
  await signIn(page, email);
  await expect(page.getByRole('heading', { name: 'Enter your authenticator code' })).toBeVisible();
  const field = page.getByLabel('Authenticator code');
  await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(field).toHaveAttribute('inputmode', 'numeric');

  await field.fill('12345');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('The code is the 6 digits your authenticator app shows now.')).toBeVisible();

  const next = totpCode(secret, Date.now() + STEP_MS);
  const wrong = next === '000000' ? '111111' : '000000';
  await field.fill(wrong);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toHaveText("That code isn't right. Check it and try again.");
  await expect(field).toHaveValue(wrong);
  await expectAccessible(page, '/verify-sign-in with an alert');

  // As a Japanese IME types it: full-width digits, with a space in the middle.
  const fullWidth = [...next].map((d) => String.fromCharCode(d.charCodeAt(0) - 0x30 + 0xff10)).join('');
  await field.fill(`${fullWidth.slice(0, 3)} ${fullWidth.slice(3)}`);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('an expired challenge session starts the sign-in again, saying why, with the email kept', async ({
  page,
  cognito,
}) => {
  await setPoolMfa(cognito, 'OPTIONAL', ['SOFTWARE_TOKEN_MFA']);
  const email = uniqueEmail('totp-expired');
  await registerConfirmed(page, cognito, email);
  const secret = (await turnOnFactorsElsewhere(cognito, email, PASSWORD, ['SOFTWARE_TOKEN_MFA']))!;
  await signIn(page, email);
  await expect(page.getByRole('heading', { name: 'Enter your authenticator code' })).toBeVisible();

  await expireChallengeSessions();
  await page.getByLabel('Authenticator code').fill(totpCode(secret, Date.now() + STEP_MS));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('status')).toHaveText('This sign-in step has expired. Please sign in again.');
  await expect(page.getByLabel('Email')).toHaveValue(email);
});

test('email codes: set up at first sign-in on a pool that requires MFA, then asked for by email', async ({
  page,
  cognito,
}) => {
  await setPoolMfa(cognito, 'ON', ['EMAIL_OTP']);
  const email = uniqueEmail('email-mfa');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);

  await expect(page.getByRole('heading', { name: 'Add two-step verification' })).toBeVisible();
  await expectAccessible(page, '/choose-verification');
  await expect(page.getByRole('radio', { name: 'Email code' })).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(page.getByText(/We sent a code to .*\*\*\*/)).toBeVisible();
  await expectAccessible(page, '/verify-sign-in by email');
  await expect(page.getByLabel('Code')).toHaveAttribute('autocomplete', 'one-time-code');
  await page.getByLabel('Code').fill(await mfaCodeFor(email));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, email);
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.getByLabel('Code').fill(await mfaCodeFor(email));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('with two factors and none preferred, the user chooses one for this sign-in', async ({ page, cognito }) => {
  await setPoolMfa(cognito, 'OPTIONAL', ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);
  const email = uniqueEmail('select-mfa');
  await registerConfirmed(page, cognito, email);
  await turnOnFactorsElsewhere(cognito, email, PASSWORD, ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);
  await signIn(page, email);

  await expect(page.getByRole('heading', { name: "How do you want to verify it's you?" })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Authenticator app' })).toBeVisible();
  await page.getByRole('radio', { name: 'Email code' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.getByLabel('Code').fill(await mfaCodeFor(email));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('the security page links an authenticator app and turns it off again on a pool where MFA is optional', async ({
  page,
  cognito,
}) => {
  test.setTimeout(60_000);
  await setPoolMfa(cognito, 'OPTIONAL', ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);
  const email = uniqueEmail('security');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);

  await page.getByRole('link', { name: 'Sign-in security' }).click();
  await expect(page.getByRole('heading', { name: 'Sign-in security', level: 1 })).toBeVisible();
  const app = page.locator('.factors > li').filter({ hasText: 'Authenticator app' });
  await expect(app).toContainText('Off');
  await expectAccessible(page, '/security');
  await app.getByRole('button', { name: 'Set up authenticator app' }).click();
  const secret = await scanSetupScreen(page, '127.0.0.1', email);
  await expectAccessible(page, '/security linking an app');
  await page.getByLabel('Authenticator code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Verify and turn on' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Two-step verification updated.' })).toBeVisible();
  await expect(app).toContainText('On');
  await expect(app).toContainText('Preferred');

  // The next sign-in asks for the app's code.
  await page.getByRole('link', { name: 'Back to your account' }).click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, email);
  await expect(page.getByRole('heading', { name: 'Enter your authenticator code' })).toBeVisible();
  await page.getByLabel('Authenticator code').fill(totpCode(secret, Date.now() + STEP_MS));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);

  await page.goto('/security');
  await app.getByRole('button', { name: 'Turn off authenticator app' }).click();
  await expect(app).toContainText('Off');
  await page.goto('/session');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('the setup screens in Japanese, with the site title as the issuer', async ({ page, cognito }) => {
  await setPoolMfa(cognito, 'ON', ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);
  const email = uniqueEmail('totp-ja');
  await registerConfirmed(page, cognito, email);
  await page.goto(`${BRANDED_URL}/sign-in?lang=ja`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'サインイン' }).click();

  await expect(page.getByRole('heading', { name: '2段階認証を設定してください' })).toBeVisible();
  await page.getByRole('radio', { name: '認証アプリ' }).check();
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.getByRole('heading', { name: '認証アプリの設定' })).toBeVisible();
  const uri = new URL(await readQrCode(page.getByRole('img', { name: 'このアカウントを認証アプリに追加する QR コード' })));
  expect(uri.searchParams.get('issuer')).toBe('Acme Store');
  expect(decodeURIComponent(uri.pathname)).toBe(`/Acme Store:${email}`);
  await expect(page.getByRole('button', { name: 'セットアップキーをコピー' })).toBeVisible();
  await page.getByLabel('認証アプリのコード').fill(totpCode(uri.searchParams.get('secret')!));
  await page.getByRole('button', { name: '確認して有効にする' }).click();
  await expect(page.getByRole('heading', { name: 'サインインしています' })).toBeVisible();
});
