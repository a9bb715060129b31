// The account pages against a pool of their own, whose schema requires a name (the template's
// NameRequired=true): sign-up with the site's attributes, the profile page with an email change
// that waits for its code and a phone number verified by text, verifying an unverified email,
// and deleting the account.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, PASSWORD, recordCognitoActions, storageEntries, test, uniqueEmail } from './support/fixtures';
import { COGNITO_PORT, LocalCognito } from './support/local-cognito';

// Beside the suite's servers (site ports +1..+14 are the suite's and the pool shapes', Cognito
// ports +1..+4 the pool shapes').
const SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 8090) + 15;
const SITE = `http://127.0.0.1:${SITE_PORT}`;
const CONFIG = `target/e2e/config-profile-${SITE_PORT}.json`;
const SIGN_UP_ATTRIBUTES = [
  { name: 'name', required: true },
  { name: 'custom:company', label: { en: 'Company', ja: '会社名' }, maxLength: 64 },
  { name: 'phone_number' },
];

// The pool texts (a placeholder SNS role: nothing leaves the machine), so it verifies phone
// numbers as well as email addresses.
const SMS_ROLE = 'SmsRoleArn=arn:aws:iam::123456789012:role/cognito-sms';
const pool = new LocalCognito({
  port: COGNITO_PORT + 5,
  configPath: CONFIG,
  params: ['--param', 'NameRequired=true', '--param', SMS_ROLE],
});
let site: ChildProcess | undefined;

test.use({ baseURL: SITE });

test.beforeAll(async () => {
  test.setTimeout(60_000);
  await pool.start();
  site = spawn('node', ['tests/e2e/support/serve.mjs'], {
    env: {
      ...process.env,
      SITE_DIR: process.env.E2E_SITE_DIR ?? 'dist',
      SITE_CONFIG: CONFIG,
      SITE_CONFIG_EXTRA: JSON.stringify({ signUpAttributes: SIGN_UP_ATTRIBUTES }),
      SITE_PORT: String(SITE_PORT),
    },
    stdio: 'ignore',
  });
  await expect
    .poll(() => fetch(`${SITE}/config.json`).then((r) => r.ok, () => false), { timeout: 30_000 })
    .toBe(true);
});

test.afterAll(async () => {
  site?.kill('SIGTERM');
  await pool.stop();
});

const clientId = () => (JSON.parse(readFileSync(CONFIG, 'utf8')) as { clientId: string }).clientId;
const userPoolId = () => (JSON.parse(readFileSync(CONFIG, 'utf8')) as { userPoolId: string }).userPoolId;

async function codeFor(address: string, purpose: 'signUp' | 'attribute'): Promise<string> {
  const response = await fetch(`${pool.url}/_local/codes/${encodeURIComponent(address)}?purpose=${purpose}`);
  expect(response.ok, `a ${purpose} code for ${address}`).toBe(true);
  return ((await response.json()) as { code: string }).code;
}

/** A confirmed user with a name, made through the API as its owner would. */
async function register(email: string, name: string): Promise<void> {
  const attributes = [{ Name: 'name', Value: name }];
  const signedUp = await pool.call('SignUp', { ClientId: clientId(), Username: email, Password: PASSWORD, UserAttributes: attributes });
  expect(signedUp.ok, await signedUp.clone().text()).toBe(true);
  const code = await codeFor(email, 'signUp');
  expect((await pool.call('ConfirmSignUp', { ClientId: clientId(), Username: email, ConfirmationCode: code })).ok).toBe(true);
}

/** What the API says to a password sign-in: the error type, or 'ok'. */
async function apiSignIn(email: string): Promise<string> {
  const response = await pool.call('InitiateAuth', {
    ClientId: clientId(),
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD },
  });
  return response.ok ? 'ok' : ((await response.json()) as { __type: string }).__type;
}

async function attributesOf(email: string): Promise<Record<string, string>> {
  const response = await pool.call('AdminGetUser', { UserPoolId: userPoolId(), Username: email });
  const user = (await response.json()) as { UserAttributes: { Name: string; Value: string }[] };
  return Object.fromEntries(user.UserAttributes.map((a) => [a.Name, a.Value]));
}

async function signInThroughTheForm(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
}

const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

test('sign-up checks the required name and the phone number before sending, then sends the attributes', async ({
  page,
}) => {
  const actions = recordCognitoActions(page);
  const email = uniqueEmail('attrs');
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await expect(page.getByLabel('Company')).toBeVisible();
  await page.getByLabel('Phone number').fill('090-1234-5678');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.locator('#attribute-name-error')).toHaveText('This is required.');
  await expect(page.getByLabel('Full name')).toBeFocused();
  await expect(page.locator('#attribute-phone_number-error')).toHaveText(
    'Enter the number with + and the country code, such as +81 90 1234 5678.',
  );
  expect(actions).not.toContain('SignUp');
  await expectAccessible(page, 'sign-up with attributes');

  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Company').fill('Analytical Engines');
  await page.getByLabel('Phone number').fill('+44 20 7946 0958');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeVisible();
  expect(actions).toContain('SignUp');
  const saved = await attributesOf(email);
  expect([saved.name, saved['custom:company'], saved.phone_number]).toEqual([
    'Ada Lovelace',
    'Analytical Engines',
    '+442079460958',
  ]);
});

test('an email change waits for its code: the old address signs in until then, a wrong code is refused', async ({
  page,
}) => {
  const old = uniqueEmail('old');
  const moved = uniqueEmail('new');
  await register(old, 'Grace Hopper');
  await signInThroughTheForm(page, old);
  await page.getByRole('link', { name: 'Your profile' }).click();
  await expect(page.getByRole('heading', { name: 'Your profile', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue('Grace Hopper');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(old);
  await expect(page.getByTestId('email-status')).toHaveText('Verified');

  await page.getByLabel('Full name').fill('Grace B. Hopper');
  await page.getByLabel('Email', { exact: true }).fill(moved);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your changes are saved.' })).toBeVisible();
  await expect(page.getByText(`Your email changes to ${moved} once you enter the code.`)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'We sent a verification code to' })).toContainText('***');
  await expectAccessible(page, 'profile with a code to enter');
  // Until the code comes back, the old address is the account's.
  expect(await apiSignIn(old)).toBe('ok');
  expect(await apiSignIn(moved)).toBe('UserNotFoundException');
  expect((await attributesOf(old)).name).toBe('Grace B. Hopper');

  const first = await codeFor(moved, 'attribute');
  await page.getByLabel('Verification code').fill(wrong(first));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toHaveText("That code isn't right. Check it and try again.");
  await page.getByRole('button', { name: 'Send the code again' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'We sent a new code.' })).toBeVisible();
  const second = await codeFor(moved, 'attribute');
  await page.getByLabel('Verification code').fill(second);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your email address is verified.' })).toBeVisible();
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(moved);
  expect(await apiSignIn(moved)).toBe('ok');
  expect(await apiSignIn(old)).toBe('UserNotFoundException');
  // The session follows: its tokens were refreshed with the new address in them.
  await page.getByRole('link', { name: 'Back to your account' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(moved);
});

test('a new phone number gets a texted code entered on the profile; until then it is in use, unverified', async ({
  page,
}) => {
  const email = uniqueEmail('phone');
  await register(email, 'Katherine Johnson');
  await signInThroughTheForm(page, email);
  await page.getByRole('link', { name: 'Your profile' }).click();
  await expect(page.getByLabel('Full name')).toHaveValue('Katherine Johnson');
  await page.getByLabel('Phone number').fill('+44 20 7946 0958');
  await page.getByRole('button', { name: 'Save changes' }).click();

  const code = page.getByRole('region', { name: 'Verify your phone number' });
  await expect(code.getByRole('status')).toHaveText('We sent a verification code to +********0958.');
  // This pool doesn't hold phone numbers back until verified: nothing says the old one stays.
  await expect(page.getByText('Your phone number changes to')).toHaveCount(0);
  const before = await attributesOf(email);
  expect([before.phone_number, before.phone_number_verified]).toEqual(['+442079460958', 'false']);
  await expectAccessible(page, 'profile with a texted code to enter');

  await code.getByLabel('Verification code').fill(await codeFor('+442079460958', 'attribute'));
  await code.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your phone number is verified.' })).toBeVisible();
  await expect(code).toBeHidden();
  expect((await attributesOf(email)).phone_number_verified).toBe('true');
  await expect(page.getByLabel('Phone number')).toHaveValue('+442079460958');
});

test('an unverified email is offered verification after sign-in, can be put off, and is verified with a code', async ({
  page,
}) => {
  const email = uniqueEmail('unverified');
  const created = await pool.call('AdminCreateUser', {
    UserPoolId: userPoolId(),
    Username: email,
    TemporaryPassword: 'Temp0rary!pass',
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'false' },
      { Name: 'name', Value: 'Alan Turing' },
    ],
  });
  expect(created.ok, await created.clone().text()).toBe(true);
  const permanent = await pool.call('AdminSetUserPassword', {
    UserPoolId: userPoolId(),
    Username: email,
    Password: PASSWORD,
    Permanent: true,
  });
  expect(permanent.ok).toBe(true);

  await signInThroughTheForm(page, email);
  const offer = page.getByRole('region', { name: 'Verify your email address' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Not now' }).click();
  await expect(offer).toBeHidden();
  await page.reload();
  await expect(page.getByTestId('session-email')).toHaveText(email);
  await expect(offer).toBeHidden();

  // Still on offer from the profile, which shows the address as not verified.
  await page.getByRole('link', { name: 'Your profile' }).click();
  await expect(page.getByTestId('email-status')).toHaveText('Not verified');
  await page.getByRole('button', { name: 'Send a code' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'We sent a verification code to' })).toBeVisible();
  await expectAccessible(page, 'verify email');
  const actions = recordCognitoActions(page);
  await page.getByLabel('Verification code').fill(await codeFor(email, 'attribute'));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your email address is verified.' })).toBeVisible();
  await expect(page.getByTestId('email-status')).toHaveText('Verified');
  expect((await attributesOf(email)).email_verified).toBe('true');
  // The tokens were refreshed in this page, without a new sign-in: with the "not now" note
  // gone, the session page (reached in-app, so the tokens in memory are the ones read) has no
  // offer because its id token now says verified.
  await expect.poll(() => actions.filter((a) => a === 'GetTokensFromRefreshToken').length).toBe(1);
  expect(actions).not.toContain('InitiateAuth');
  await page.evaluate((key) => localStorage.removeItem(key), `leptos-cognito.${clientId()}.verifyEmailOfferDismissed`);
  await page.getByRole('link', { name: 'Back to your account' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
  await expect(offer).toBeHidden();
});

test('deleting the account needs what the user signs in with typed, signs out the other tab, and the user is gone', async ({
  page,
  context,
}) => {
  const email = uniqueEmail('delete');
  await register(email, 'Ada Byron');
  await signInThroughTheForm(page, email);
  const other = await context.newPage();
  await other.goto('/session');
  await expect(other.getByTestId('session-email')).toHaveText(email);
  // The tab in front gets animation frames, which Playwright's clicks wait for.
  await page.bringToFront();

  const actions = recordCognitoActions(page);
  await page.goto('/profile');
  const confirm = page.getByLabel(`To confirm, type what you sign in with (${email})`);
  await confirm.fill('someone-else@example.com');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByText("That isn't what you sign in with.")).toBeVisible();
  // Nothing typed never matches.
  await confirm.fill('');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByText("That isn't what you sign in with.")).toBeVisible();
  await expect(confirm).toBeFocused();
  expect(actions).not.toContain('DeleteUser');

  await confirm.fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account was deleted' })).toBeVisible();
  expect(actions).toContain('DeleteUser');
  await expect(other.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(Object.keys(await storageEntries(page)).filter((key) => key.endsWith('.refreshToken'))).toEqual([]);
  await expectAccessible(page, 'account deleted');

  expect(await apiSignIn(email)).toBe('UserNotFoundException');
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('No account was found for this email address.');
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('sign-up and the profile speak Japanese, the site’s labels included', async ({ page }) => {
    await page.goto('/sign-up');
    await expect(page.getByLabel('会社名')).toBeVisible();
    await page.getByLabel('メールアドレス').fill(uniqueEmail('ja'));
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByLabel('パスワード（確認用）').fill(PASSWORD);
    await page.getByLabel('電話番号').fill('0312345678');
    await page.getByRole('button', { name: 'アカウントを作成する' }).click();
    await expect(page.locator('#attribute-name-error')).toHaveText('入力してください。');
    await expect(page.locator('#attribute-phone_number-error')).toContainText('国番号');

    const email = uniqueEmail('ja-profile');
    await register(email, '山田 花子');
    await page.goto('/sign-in');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'サインイン' }).click();
    await expect(page.getByTestId('session-email')).toHaveText(email);
    await page.getByRole('link', { name: 'プロフィール' }).click();
    await expect(page.getByLabel('氏名')).toHaveValue('山田 花子');
    await page.getByLabel('会社名').fill('株式会社テスト');
    await page.getByRole('button', { name: '変更を保存' }).click();
    await expect(page.getByRole('status').filter({ hasText: '変更を保存しました。' })).toBeVisible();
    expect((await attributesOf(email))['custom:company']).toBe('株式会社テスト');
  });
});
