// Choice-based sign-in (USER_AUTH) through the real app against the local Cognito, which checks
// every passkey for real: passwordless sign-up, a passkey added from the offer and used to sign
// in, a cancelled prompt, passkeys listed and deleted, a site the passkey doesn't belong to,
// emailed codes, the password proven by SRP, and the screens in Japanese.
import type { Page } from '@playwright/test';
import { PASSWORDLESS_ON_WRONG_SITE_URL, PASSWORDLESS_URL } from '../../playwright.config';
import { codeFor } from './support/accounts';
import { expectAccessible } from './support/axe';
import { expect, PASSWORD, recordCognitoActions, registerConfirmed, test, uniqueEmail } from './support/fixtures';
import { COGNITO_URL } from './support/local-cognito';
import { VirtualAuthenticator } from './support/webauthn';

/** The latest one-time sign-in code the local Cognito "emailed". */
async function signInCodeFor(email: string): Promise<string> {
  const response = await fetch(`${COGNITO_URL}/_local/codes/${encodeURIComponent(email)}?purpose=otp`);
  if (!response.ok) throw new Error(`no sign-in code for ${email}: HTTP ${response.status}`);
  return ((await response.json()) as { code: string }).code;
}

/** Signs up without a password and confirms, which signs the new user in. */
async function signUpWithoutPassword(page: Page, email: string): Promise<void> {
  await page.goto(`${PASSWORDLESS_URL}/sign-up`);
  await page.getByLabel('Create account without a password').check();
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeVisible();
  await page.getByLabel('Confirmation code').fill(await codeFor(email, 'signUp'));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
}

/** A passwordless account with a passkey on `authenticator`, added from the offer after sign-up. */
async function accountWithPasskey(page: Page, authenticator: VirtualAuthenticator, tag: string): Promise<string> {
  const email = uniqueEmail(tag);
  await signUpWithoutPassword(page, email);
  await expect(page.getByRole('heading', { name: 'Sign in faster next time' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Passkey added.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in faster next time' })).toHaveCount(0);
  expect(await authenticator.passkeyCount()).toBe(1);
  return email;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
}

async function startSignIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('sign up without a password, add a passkey from the offer, and sign in with it, twice without typing a password', async ({
  page,
}) => {
  const authenticator = await VirtualAuthenticator.add(page);
  const email = await accountWithPasskey(page, authenticator, 'passkey');
  await signOut(page);

  const actions = recordCognitoActions(page);
  await startSignIn(page, email);
  await expect(page.getByRole('heading', { name: 'How do you want to sign in?' })).toBeVisible();
  // No password on this account: only what it can use is offered.
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
  // Named, chose the passkey, answered with it: no password anywhere.
  expect(actions.slice(0, 3)).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);

  // The device remembers the passkey: the next sign-in goes straight to it.
  await signOut(page);
  actions.length = 0;
  await startSignIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  expect(actions.filter((action) => action === 'RespondToAuthChallenge')).toHaveLength(1);
});

test('a cancelled passkey prompt says so, and an emailed code signs in instead', async ({ page }) => {
  const authenticator = await VirtualAuthenticator.add(page);
  const email = await accountWithPasskey(page, authenticator, 'passkey-cancel');
  await signOut(page);
  await authenticator.userVerifies(false);

  await startSignIn(page, email);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Passkey sign-in was cancelled or timed out. Try again or choose another way to sign in.',
  );
  await expectAccessible(page, '/passkey after a cancel');
  await page.getByRole('button', { name: 'Choose another way to sign in' }).click();
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.getByLabel('Code').fill(await signInCodeFor(email));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('a second passkey is listed; a deleted one no longer signs in', async ({ page }) => {
  test.setTimeout(60_000);
  const first = await VirtualAuthenticator.add(page);
  const email = await accountWithPasskey(page, first, 'passkey-list');

  await page.getByRole('link', { name: 'Sign-in security' }).click();
  const passkeys = page.locator('section', { has: page.getByRole('heading', { name: 'Passkeys' }) }).locator('li');
  await expect(passkeys).toHaveCount(1);
  await expect(passkeys.first()).toContainText('Built into a device');

  // Another device: its own authenticator, its own passkey.
  await first.remove();
  const second = await VirtualAuthenticator.add(page);
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Passkey added.' })).toBeVisible();
  await expect(passkeys).toHaveCount(2);
  expect(await second.passkeyCount()).toBe(1);
  await expectAccessible(page, '/security with passkeys');

  await passkeys.last().getByRole('button', { name: /^Delete / }).click();
  await expect(page.getByRole('alert').filter({ hasText: "You won't be able to sign in with it any more." })).toBeVisible();
  await passkeys.last().getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Passkey deleted.' })).toBeVisible();
  await expect(passkeys).toHaveCount(1);

  await page.getByRole('link', { name: 'Back to your account' }).click();
  await signOut(page);
  await startSignIn(page, email);
  // This device's passkey for the account is the deleted one.
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('alert')).toContainText('Passkey sign-in was cancelled or timed out.');
  await expect(page.getByTestId('session-email')).toHaveCount(0);
});

test('a passkey is refused on a site whose address is not its relying party', async ({ page }) => {
  const authenticator = await VirtualAuthenticator.add(page);
  const email = await accountWithPasskey(page, authenticator, 'passkey-site');
  await page.goto(`${PASSWORDLESS_ON_WRONG_SITE_URL}/sign-in`);
  await startSignIn(page, email);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    "Passkeys for this site can't be used from this page's address. Contact the site's administrator.",
  );
});

test('an emailed code signs in; a wrong one is refused and a new one can be sent', async ({ page, cognito }) => {
  const email = uniqueEmail('email-otp');
  await registerConfirmed(page, cognito, email);
  await page.goto(`${PASSWORDLESS_URL}/sign-in`);
  await startSignIn(page, email);
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const first = await signInCodeFor(email);
  const wrong = first === '00000000' ? '11111111' : '00000000';
  await page.getByLabel('Code').fill(wrong);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toHaveText("That code isn't right. Check it and try again.");

  await page.getByRole('button', { name: 'Resend code' }).click();
  await expect.poll(() => signInCodeFor(email)).not.toBe(first);
  await page.getByLabel('Code').fill(await signInCodeFor(email));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('the password inside USER_AUTH is proven by SRP, never sent', async ({ page, cognito }) => {
  const email = uniqueEmail('user-auth-srp');
  await registerConfirmed(page, cognito, email);
  await page.goto(`${PASSWORDLESS_URL}/sign-in`);
  const bodies: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['x-amz-target']) bodies.push(request.postData() ?? '');
  });
  await startSignIn(page, email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in with password' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
  expect(bodies.some((body) => body.includes('"PASSWORD_SRP"') && body.includes('SRP_A'))).toBe(true);
  expect(bodies.some((body) => body.includes('PASSWORD_CLAIM_SIGNATURE'))).toBe(true);
  expect(bodies.join('\n')).not.toContain(PASSWORD);
});

test('the passwordless screens in Japanese, and accessible', async ({ page }) => {
  test.setTimeout(90_000);
  const authenticator = await VirtualAuthenticator.add(page);
  const email = uniqueEmail('passkey-ja');
  await page.goto(`${PASSWORDLESS_URL}/sign-up?lang=ja`);
  await expect(page.getByLabel('パスワードなしでアカウントを作成')).toBeVisible();
  await expectAccessible(page, '/sign-up with passwordless');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByLabel('パスワードなしでアカウントを作成').check();
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: 'アカウントを作成する' }).click();
  // The code exists once the sign-up is done, which the confirm page shows.
  await expect(page.getByLabel('確認コード')).toBeVisible();
  await page.getByLabel('確認コード').fill(await codeFor(email, 'signUp'));
  await page.getByRole('button', { name: '確認する' }).click();
  await expect(page.getByRole('heading', { name: '次回はもっと簡単にサインイン' })).toBeVisible();
  await expectAccessible(page, '/session with the passkey offer');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByRole('button', { name: 'パスキーを追加' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'パスキーを追加しました。' })).toBeVisible();
  expect(await authenticator.passkeyCount()).toBe(1);

  await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByRole('button', { name: '次へ' }).click();
  await expect(page.getByRole('heading', { name: 'サインイン方法を選んでください' })).toBeVisible();
  await expectAccessible(page, '/choose-sign-in');
  await page.getByRole('button', { name: '日本語' }).click();
  await page.getByRole('button', { name: 'パスキーでサインイン' }).click();
  await expect(page.getByRole('heading', { name: 'サインインしています' })).toBeVisible();
});
