// Every sign-in identifier a pool can have: one pool per shape, each a local Cognito from the
// template with other parameters and the site served with the config.json it wrote.
import type { Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { expect, PASSWORD, test } from './support/fixtures';
import { PoolShape } from './support/pool-shapes';

const SMS_ROLE = 'SmsRoleArn=arn:aws:iam::123456789012:role/cognito-sms';
const aliases = new PoolShape('aliases', 0, ['UsernameAttributes=', 'AliasAttributes=email']);
const phones = new PoolShape('phones', 1, ['UsernameAttributes=phone_number', SMS_ROLE]);
const caseSensitive = new PoolShape('case', 2, ['UsernameAttributes=', 'AliasAttributes=email', 'UsernameCaseSensitive=true']);
const hiding = new PoolShape('hiding', 3, ['PreventUserExistenceErrors=ENABLED']);
const shapes = [aliases, phones, caseSensitive, hiding];

test.beforeAll(async () => {
  // Four servers at once, beside the other suites: more than a test's time on a busy machine.
  test.setTimeout(90_000);
  await Promise.all(shapes.map((shape) => shape.start()));
});

test.afterAll(async () => {
  await Promise.all(shapes.map((shape) => shape.stop()));
});

let counter = 0;
function unique(tag: string): string {
  counter += 1;
  return `${tag}_${Date.now().toString(36)}${process.pid}${counter}`;
}

/** A Japanese mobile number no other test uses, as dialled at home and in E.164. */
function mobileNumber(): { national: string; e164: string } {
  const digits = String((Date.now() * 7 + process.pid * 13 + counter++) % 1e8).padStart(8, '0');
  return { national: `090-${digits.slice(0, 4)}-${digits.slice(4)}`, e164: `+8190${digits}` };
}

async function signOut(page: Page, name = 'Sign out'): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('button', { name: name === 'Sign out' ? 'Sign in' : 'サインイン' })).toBeVisible();
}

test.describe('a username with the email as an alias', () => {
  test('signs up with a username and email, confirms the emailed code, then signs in with either', async ({ page }) => {
    const username = unique('Taro');
    const email = `${username.toLowerCase()}@example.com`;
    await page.goto(`${aliases.siteUrl}/sign-up`);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await expectAccessible(page, 'sign-up with a username');
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page.getByRole('status')).toContainText('We sent a code to');
    await page.getByLabel('Confirmation code').fill(await aliases.codeFor(email));
    await page.getByRole('button', { name: 'Confirm' }).click();
    // Signed in: "signed in as" shows the email claim.
    await expect(page.getByTestId('session-email')).toHaveText(email);
    expect(await aliases.attributesOf(username)).toMatchObject({ email, email_verified: 'true' });
    await signOut(page);

    const identifier = page.getByLabel('Username or email');
    await expect(identifier).toHaveAttribute('autocomplete', 'username');
    await expect(identifier).toHaveAttribute('type', 'text');
    await expectAccessible(page, 'sign-in with a username or email');
    // A case-insensitive pool: any capitalisation of the username or the email.
    await identifier.fill(username.toUpperCase());
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('session-email')).toHaveText(email);
    await signOut(page);
    await identifier.fill(email.toUpperCase());
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('session-email')).toHaveText(email);
  });

  test('a taken username and an email another account verified each have their message', async ({ page }) => {
    const owner = unique('owner');
    const email = `${owner.toLowerCase()}@example.com`;
    await aliases.registerConfirmed(owner, PASSWORD, { email }, email);

    const fillSignUp = async (username: string) => {
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByLabel('Confirm password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
    };
    await page.goto(`${aliases.siteUrl}/sign-up`);
    await fillSignUp(owner);
    await expect(page.getByRole('alert')).toHaveText('This username is taken. Choose another one.');
    // A username in the form of an email is refused before anything is sent.
    await page.getByLabel('Username').fill(email);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText("Your username can't be an email address.")).toBeVisible();

    await fillSignUp(unique('second'));
    // The code is read once the pool has sent it.
    await expect(page.getByRole('status')).toContainText('We sent a code to');
    await page.getByLabel('Confirmation code').fill(await aliases.codeFor(email));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'An account with this email address already exists. Sign in to that account instead.',
    );
  });

  test('the pre-painted form hands what was typed to the app, which labels it for the pool', async ({ page }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const slow = { offline: false, latency: 0, uploadThroughput: -1 };
    await cdp.send('Network.emulateNetworkConditions', { ...slow, downloadThroughput: 40_000 });
    await page.goto(`${aliases.siteUrl}/sign-in`, { waitUntil: 'commit' });
    const prepainted = page.locator('form[data-prepaint]');
    await expect(prepainted).toBeVisible();
    await prepainted.getByLabel('Email').fill('early_typist');
    await expect(page.locator('form:not([data-prepaint])')).toHaveCount(0);

    await cdp.send('Network.emulateNetworkConditions', { ...slow, downloadThroughput: -1 });
    await expect(prepainted).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByLabel('Username or email')).toHaveValue('early_typist');
  });
});

test.describe('the phone number as the username, in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('signs up with a national number, confirms the texted code, and signs in with the national number', async ({
    page,
  }) => {
    const { national, e164 } = mobileNumber();
    await page.goto(`${phones.siteUrl}/sign-up`);
    await expect(page.getByLabel('国または地域')).toHaveValue('JP');
    const number = page.getByLabel('電話番号');
    await expect(number).toHaveAttribute('type', 'tel');
    await expect(number).toHaveAttribute('inputmode', 'tel');
    await number.fill('090-1234');
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByLabel('パスワード（確認用）').fill(PASSWORD);
    await page.getByRole('button', { name: 'アカウントを作成する' }).click();
    await expect(page.getByText('選んだ国の電話番号（日本なら 090-1234-5678 など）')).toBeVisible();
    await number.fill(national);
    await page.getByRole('button', { name: 'アカウントを作成する' }).click();

    await expect(page.getByRole('status')).toHaveText(
      // Cognito's mask: the + and the last four digits.
      `+${'*'.repeat(e164.length - 5)}${e164.slice(-4)} に SMS でコードを送りました。下に入力してください。`,
    );
    await expectAccessible(page, 'confirming a texted code');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByLabel('確認コード').fill(await phones.codeFor(e164));
    await page.getByRole('button', { name: '確認する' }).click();
    await expect(page.getByTestId('session-email')).toHaveText(e164);
    // Signed up with the number alone, as the phone_number attribute, verified by the code.
    const attributes = await phones.attributesOf(e164);
    expect(attributes).toMatchObject({ phone_number: e164, phone_number_verified: 'true' });
    expect(attributes).not.toHaveProperty('email');
    await signOut(page, 'サインアウト');

    await page.getByLabel('電話番号').fill(national.replaceAll('-', ' '));
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'サインイン' }).click();
    await expect(page.getByTestId('session-email')).toHaveText(e164);
  });

  test('a number another account signed up with is taken', async ({ page }) => {
    const { national, e164 } = mobileNumber();
    await phones.registerConfirmed(e164, PASSWORD, { phone_number: e164 }, e164);
    await page.goto(`${phones.siteUrl}/sign-up`);
    await page.getByLabel('電話番号').fill(national);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByLabel('パスワード（確認用）').fill(PASSWORD);
    await page.getByRole('button', { name: 'アカウントを作成する' }).click();
    await expect(page.getByRole('alert')).toHaveText('この電話番号はすでに登録されています。');
  });

  test('a user without an email saves the profile and confirms deleting the account with the number', async ({
    page,
  }) => {
    const { national, e164 } = mobileNumber();
    await phones.registerConfirmed(e164, PASSWORD, { phone_number: e164 }, e164);
    await page.goto(`${phones.siteUrl}/sign-in`);
    await page.getByLabel('電話番号').fill(national);
    await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'サインイン' }).click();
    await expect(page.getByTestId('session-email')).toHaveText(e164);

    await page.goto(`${phones.siteUrl}/profile`);
    await expect(page.getByRole('heading', { name: 'プロフィール', level: 1 })).toBeVisible();
    // No address, and the pool takes none: no email field to block the save.
    await expect(page.getByLabel('メールアドレス')).toHaveCount(0);
    await page.getByRole('button', { name: '変更を保存' }).click();
    await expect(page.getByRole('status').filter({ hasText: '変更を保存しました。' })).toBeVisible();
    // Loaded and saved: still no email field, and no offer to verify an address the user hasn't got.
    await expect(page.getByRole('textbox', { name: 'メールアドレス' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'メールアドレスの確認' })).toHaveCount(0);

    // Nothing typed is no match, even with no email to compare with.
    const confirm = page.getByLabel(`確認のため、サインインに使うもの（${e164}）を入力してください`);
    await page.getByRole('button', { name: 'アカウントを削除' }).click();
    await expect(page.getByText('サインインに使うものと一致しません。')).toBeVisible();
    await expect(confirm).toBeFocused();
    await confirm.fill(e164);
    await page.getByRole('button', { name: 'アカウントを削除' }).click();
    await expect(page.getByRole('heading', { name: 'アカウントを削除しました' })).toBeVisible();
  });
});

test('a case-sensitive pool signs in a mixed-case username only as typed', async ({ page }) => {
  const username = unique('MiXed');
  const email = `${username.toLowerCase()}@example.com`;
  await caseSensitive.registerConfirmed(username, PASSWORD, { email }, email);
  await page.goto(`${caseSensitive.siteUrl}/sign-in`);
  const identifier = page.getByLabel('Username or email');
  await identifier.fill(username.toLowerCase());
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('No account was found for this username or email.');
  // Nothing was lower-cased for this pool: the text stays as typed.
  await identifier.fill(username);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('a pool that hides unknown users: a plain refusal, and a reset that pretends to send', async ({ page }) => {
  const nobody = `${unique('nobody')}@example.com`;
  await page.goto(`${hiding.siteUrl}/sign-in`);
  await page.getByLabel('Email').fill(nobody);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');

  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByLabel('Email')).toHaveValue(nobody);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('We sent a code to n***@e***');
});
