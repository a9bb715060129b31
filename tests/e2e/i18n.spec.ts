// Japanese and English: the language comes from ?lang=, then an earlier choice, then the
// browser; a switcher on every page changes it and the choice persists; <html lang> and the tab
// title follow. The key scenarios run in Japanese against the real local Cognito.
import type { Page } from '@playwright/test';
import { expect, PASSWORD, recordCognitoActions, registerConfirmed, signIn, test, uniqueEmail } from './support/fixtures';
import { codeFor, wrongCode } from './support/accounts';

async function htmlLang(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('lang'));
}

test.describe('in a browser that prefers Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('the page is written in Japanese and says so', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();
    await expect(page.getByLabel('メールアドレス')).toHaveAttribute('autocomplete', 'username');
    await expect(page.getByLabel('パスワード', { exact: true })).toHaveAttribute('autocomplete', 'current-password');
    await expect(page.getByRole('button', { name: 'サインイン' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'アカウントを作成' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'パスワードをお忘れですか？' })).toBeVisible();
    expect(await htmlLang(page)).toBe('ja');
    await expect(page).toHaveTitle('サインイン');
    await expect(page.getByRole('navigation', { name: '表示言語' }).getByRole('button', { name: '日本語' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('?lang=en wins over the browser, and the choice is kept for the next visit', async ({ page }) => {
    await page.goto('/sign-in?lang=en');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await htmlLang(page)).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('leptos-cognito.lang'))).toBe('en');
    await page.goto('/sign-up');
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  });

  test('sign-up, a wrong code, the right one, and the signed-in page, all in Japanese', async ({ page }) => {
    const email = uniqueEmail('nihongo');
    await page.goto('/sign-up');
    await page.getByLabel('メールアドレス').fill(email);
    const password = page.getByLabel('パスワード', { exact: true });
    await password.fill('inv');
    await expect(page.getByRole('list', { name: 'パスワードの条件' }).getByRole('listitem')).toHaveText([
      'パスワードは8文字以上にしてください',
      '英大文字（A〜Z）を含めてください',
      '数字（0〜9）を含めてください',
      '記号（! @ # など）を含めてください',
    ]);
    await password.fill(PASSWORD);
    await page.getByLabel('パスワード（確認用）').fill('Correct-Horse-8');
    await page.getByRole('button', { name: 'アカウントを作成する' }).click();
    await expect(page.getByText('パスワードが一致しません。')).toBeVisible();

    await page.getByLabel('パスワード（確認用）').fill(PASSWORD);
    await page.getByRole('button', { name: 'アカウントを作成する' }).click();
    await expect(page.getByRole('heading', { name: 'メールアドレスの確認' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('宛てに確認コードを送信しました。');

    const code = await codeFor(email, 'signUp');
    await page.getByLabel('確認コード').fill(wrongCode(code));
    await page.getByRole('button', { name: '確認する' }).click();
    await expect(page.getByRole('alert')).toHaveText('確認コードが正しくありません。もう一度ご確認ください。');
    await page.getByLabel('確認コード').fill(code);
    await page.getByRole('button', { name: '確認する' }).click();
    await expect(page.getByRole('heading', { name: 'サインインしています' })).toBeVisible();
    await expect(page.getByTestId('session-email')).toHaveText(email);
    await expect(page.getByRole('button', { name: 'すべての端末からサインアウト' })).toBeVisible();
    await page.getByRole('button', { name: 'サインアウト', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();
  });

  test('a wrong password and an unknown address are explained in Japanese', async ({ page, cognito }) => {
    const email = uniqueEmail('machigai');
    await registerConfirmed(page, cognito, email);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード', { exact: true }).fill('Not-The-Password-1');
    await page.getByRole('button', { name: 'サインイン' }).click();
    await expect(page.getByRole('alert')).toHaveText('メールアドレスまたはパスワードが正しくありません。');
    await expect(page.getByLabel('パスワード', { exact: true })).toHaveValue('Not-The-Password-1');

    await page.getByRole('link', { name: 'パスワードをお忘れですか？' }).click();
    await expect(page.getByRole('heading', { name: 'パスワードの再設定' })).toBeVisible();
    await page.getByLabel('メールアドレス').fill(uniqueEmail('inai'));
    await page.getByRole('button', { name: 'コードを送信' }).click();
    await expect(page.getByRole('alert')).toHaveText('このメールアドレスのアカウントは見つかりませんでした。');
  });

  test('required fields are named in Japanese, and nothing is sent', async ({ page }) => {
    const actions = recordCognitoActions(page);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'サインイン' }).click();
    await expect(page.getByText('メールアドレスを入力してください。')).toBeVisible();
    await expect(page.getByText('パスワードを入力してください。')).toBeVisible();
    await expect(page.getByLabel('メールアドレス')).toBeFocused();
    expect(actions).toEqual([]);
  });

  test('a password reset in Japanese, with an expired code first', async ({ page, cognito }) => {
    const email = uniqueEmail('saisettei');
    await registerConfirmed(page, cognito, email);
    await page.goto('/forgot-password');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByRole('button', { name: 'コードを送信' }).click();
    await expect(page.getByRole('heading', { name: '新しいパスワードの設定' })).toBeVisible();
    const code = await codeFor(email, 'forgotPassword');
    await page.getByLabel('確認コード').fill(wrongCode(code));
    await page.getByLabel('新しいパスワード').fill('Brand-New-Pass-7');
    await page.getByLabel('パスワード（確認用）').fill('Brand-New-Pass-7');
    await page.getByRole('button', { name: 'パスワードを再設定' }).click();
    await expect(page.getByRole('alert')).toHaveText('確認コードが正しくありません。もう一度ご確認ください。');
    await page.getByLabel('確認コード').fill(code);
    await page.getByRole('button', { name: 'パスワードを再設定' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'パスワードを再設定しました。新しいパスワードでサインインしてください。',
    );
    await signInJa(page, email, 'Brand-New-Pass-7');
    await expect(page.getByTestId('session-email')).toHaveText(email);
  });
});

async function signInJa(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'サインイン' }).click();
}

test.describe('in a browser that prefers English', () => {
  test.use({ locale: 'en-US' });

  test('the switcher is on every page, rewords it at once, and the choice survives a reload', async ({ page }) => {
    await page.goto('/sign-in');
    expect(await htmlLang(page)).toBe('en');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address.')).toBeVisible();

    await page.getByRole('button', { name: '日本語' }).click();
    await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();
    // A message already shown follows the language too.
    await expect(page.getByText('メールアドレスを入力してください。')).toBeVisible();
    expect(await htmlLang(page)).toBe('ja');
    await expect(page).toHaveTitle('サインイン');

    await page.reload();
    await expect(page.getByRole('heading', { name: 'サインイン' })).toBeVisible();
    for (const path of ['/sign-up', '/confirm', '/forgot-password', '/reset-password', '/new-password', '/nowhere']) {
      await page.goto(path);
      const japanese = page.getByRole('navigation', { name: '表示言語' }).getByRole('button', { name: '日本語' });
      await expect(japanese, path).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
    }
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('leptos-cognito.lang'))).toBe('en');
  });

  test('the signed-in page switches language too, dates included', async ({ page, cognito }) => {
    const email = uniqueEmail('switch');
    await registerConfirmed(page, cognito, email);
    await signIn(page, email);
    await expect(page.getByRole('heading', { name: "You're signed in" })).toBeVisible();
    await page.getByRole('button', { name: '日本語' }).click();
    await expect(page.getByRole('heading', { name: 'サインインしています' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'パスワードの変更' })).toBeVisible();
    // ja-JP writes the year first (2026/11/26 9:30:00); en-GB writes it third.
    await expect(page.locator('time')).toHaveText(/^\d{4}\/\d{1,2}\/\d{1,2} /);
  });
});
