// Accessibility and comfort: an axe-core scan of every page (both languages, light and dark,
// with errors showing) finds nothing serious or critical; sign-up and sign-in work by keyboard
// alone with visible focus; focus moves to each new page's heading; inputs carry labels and
// autocomplete hints; passwords can be shown; pending buttons are busy; a 320 px phone fits.
import type { Page } from '@playwright/test';
import {
  expect,
  PASSWORD,
  recordCognitoActions,
  registerConfirmed,
  signIn,
  test,
  uniqueEmail,
} from './support/fixtures';
import { adminCreateUser, codeFor, TEMPORARY_PASSWORD } from './support/accounts';
import { expectAccessible, seriousViolations } from './support/axe';

test('axe finds nothing serious on the signed-out pages, also with their errors showing', async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of ['/sign-in', '/sign-up', '/confirm', '/forgot-password', '/reset-password', '/nowhere']) {
    await page.goto(path);
    await expectAccessible(page, path);
  }
  // Errors on show: invalid fields, their messages, the unmet rules, and an alert.
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password', { exact: true }).fill('inv');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, '/sign-up with errors');

  await page.goto('/sign-in');
  await signIn(page, uniqueEmail('axe-nobody'));
  await expect(page.getByRole('alert')).toBeVisible();
  await expectAccessible(page, '/sign-in with an alert');
});

test('axe finds nothing serious on the new-password, session and change-password pages', async ({
  page,
  cognito,
}) => {
  test.setTimeout(120_000);
  const admin = uniqueEmail('axe-admin');
  await adminCreateUser(cognito, admin);
  await page.goto('/sign-in');
  await signIn(page, admin, TEMPORARY_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Set your password' })).toBeVisible();
  await expectAccessible(page, '/new-password');

  const email = uniqueEmail('axe-user');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  await expectAccessible(page, '/session');
  await page.getByRole('link', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();
  await page.getByRole('button', { name: 'Change password' }).click();
  await expectAccessible(page, '/change-password with errors');
});

test('fault injection: axe finds nothing serious on the page shown for a broken config.json', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: "This sign-in page isn't set up yet" })).toBeVisible();
  await expectAccessible(page, 'config error');
});

/** Presses Tab until `target` is focused (at most `limit` times); fails otherwise. */
async function tabTo(page: Page, target: ReturnType<Page['getByLabel']>, limit = 6): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('sign-up, confirmation and sign-in work by keyboard alone, with visible focus', async ({ page }) => {
  const email = uniqueEmail('keyboard');
  await page.goto('/sign-up');
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeFocused();

  const emailField = page.getByLabel('Email');
  await page.keyboard.press('Tab');
  await expect(emailField).toBeFocused();
  await expect(emailField).toHaveCSS('outline-style', 'solid');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  await page.keyboard.type(PASSWORD);
  // The show/hide toggle comes next and works with the keyboard too.
  await page.keyboard.press('Tab');
  const toggle = page.getByRole('button', { name: 'Show password' }).first();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
  await tabTo(page, page.getByLabel('Confirm password'));
  await page.keyboard.type(PASSWORD);
  const create = page.getByRole('button', { name: 'Create account' });
  await tabTo(page, create);
  await expect(create).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Confirmation code')).toBeFocused();
  await page.keyboard.type(await codeFor(email, 'signUp'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: "You're signed in" })).toBeFocused();

  const signOut = page.getByRole('button', { name: 'Sign out', exact: true });
  await tabTo(page, signOut, 12);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByLabel('Email')).toHaveValue(email); // carried over from the sign-up
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('focus moves to the heading of each new page, which also names the tab', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeFocused();
  await expect(page).toHaveTitle('Create an account');
  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused();
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeFocused();
  await expect(page).toHaveTitle('Reset your password');
});

test('every input has its label, autocomplete hint and input mode', async ({ page }) => {
  const expectations: [string, string, string, string | null][] = [
    ['/sign-in', 'Email', 'username', null],
    ['/sign-in', 'Password', 'current-password', null],
    ['/sign-up', 'Password', 'new-password', null],
    ['/sign-up', 'Confirm password', 'new-password', null],
    ['/confirm', 'Confirmation code', 'one-time-code', 'numeric'],
    ['/reset-password', 'Code', 'one-time-code', 'numeric'],
    ['/reset-password', 'New password', 'new-password', null],
    ['/new-password', 'New password', 'new-password', null],
  ];
  for (const [path, label, autocomplete, inputmode] of expectations) {
    await page.goto(path);
    const input = page.getByLabel(label, { exact: true });
    await expect(input, `${path} ${label}`).toHaveAttribute('autocomplete', autocomplete);
    if (inputmode) await expect(input, `${path} ${label}`).toHaveAttribute('inputmode', inputmode);
  }
  await page.goto('/sign-up');
  await expect(page.getByLabel('Email')).toHaveAttribute('type', 'email');
});

test('a password can be shown and hidden again', async ({ page }) => {
  await page.goto('/sign-in');
  const password = page.getByLabel('Password', { exact: true });
  await password.fill('Secret-pass-1');
  const toggle = page.getByRole('button', { name: 'Show password' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(password).toHaveAttribute('type', 'password');
  await expect(password).toHaveValue('Secret-pass-1');
});

test('errors are announced: the alert is assertive, the status polite', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, uniqueEmail('announce'));
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('No account was found for this email address.');
  await expect(alert).toHaveAttribute('aria-live', 'assertive');
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(uniqueEmail('announce2'));
  await expect(page.getByRole('alert')).toBeHidden();
});

test('while Cognito is slow to answer, the button is busy and cannot be pressed twice', async ({ page, cognito }) => {
  const email = uniqueEmail('slow');
  await registerConfirmed(page, cognito, email);
  // The local Cognito holds back its answers to sign-in attempts for 8 s: time enough, on a busy
  // machine, for the checks below to run while the answer is still out.
  await cognito.settings({ delaySeconds: 8, delayActions: ['InitiateAuth'] });
  const attempts = recordCognitoActions(page);
  await signIn(page, email);
  const button = page.getByRole('button', { name: 'Sign in' });
  await expect(button).toHaveAttribute('aria-busy', 'true');
  await expect(button).toBeDisabled();
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByTestId('session-email')).toHaveText(email, { timeout: 20_000 });
  // SRP sign-in is two requests (InitiateAuth, then the proof): one attempt, not two.
  expect(attempts.filter((action) => action === 'InitiateAuth')).toHaveLength(1);
});

test('on a 320 px wide phone nothing overflows and every control fits', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/sign-in', '/sign-up', '/reset-password']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    for (const control of await page.getByRole('textbox').all()) {
      const box = await control.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 320, path).toBe(true);
      expect(box!.width, path).toBeGreaterThan(150);
    }
  }
  await page.getByRole('button', { name: '日本語' }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('axe finds nothing serious while a restore is retried, nor in a sign-out the server did not hear', async ({
  page,
  cognito,
}) => {
  test.setTimeout(90_000);
  const email = uniqueEmail('axe-faults');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);
  await expect(page.getByRole('heading', { name: "You're signed in" })).toBeVisible();

  await cognito.settings({ outageSeconds: 60 });
  await page.reload();
  const retrying = page.getByRole('status').filter({ hasText: /Couldn't restore|復元できません/ });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const language of ['English', '日本語']) {
      await page.getByRole('button', { name: language }).click();
      await expect(retrying).toBeVisible();
      expect(await seriousViolations(page), `restore retrying, ${language}, ${scheme}`).toEqual([]);
    }
  }
  await page.getByRole('button', { name: 'English' }).click();

  await cognito.settings({ outageSeconds: 0 });
  await expect(page.getByRole('heading', { name: "You're signed in" })).toBeVisible({ timeout: 30_000 });
  await cognito.settings({ outageSeconds: 60 });
  await page.getByRole('button', { name: 'Sign out of all devices' }).click();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expectAccessible(page, '/sign-in after a sign-out of all devices the server did not hear');
});
