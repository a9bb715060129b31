// The flows around sign-in, each driven through the built app against the local Cognito:
// forgotten password, confirmation codes that are wrong, used or expired, the new password an
// administrator-created user must choose, changing the password, and signing out everywhere.
import {
  expect,
  PASSWORD,
  recordCognitoActions,
  registerConfirmed,
  signIn,
  signUp,
  storageEntries,
  test,
  uniqueEmail,
} from './support/fixtures';
import {
  adminCreateUser,
  codeFor,
  expireCode,
  NEW_PASSWORD,
  refreshWorks,
  signInElsewhere,
  TEMPORARY_PASSWORD,
  wrongCode,
} from './support/accounts';
import type { Page } from '@playwright/test';

/** The challenges the page answers from now on (RespondToAuthChallenge's ChallengeName). */
function recordChallengeAnswers(page: Page): string[] {
  const answers: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['x-amz-target']?.endsWith('.RespondToAuthChallenge')) {
      answers.push(JSON.parse(request.postData() ?? '{}').ChallengeName);
    }
  });
  return answers;
}

/** Fills the reset form (code and the new password twice) and submits it. */
async function resetWith(page: Page, code: string, password = NEW_PASSWORD): Promise<void> {
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Reset password' }).click();
}

async function requestResetCode(page: Page, email: string): Promise<void> {
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
}

test('forgot password: the link carries the address, a wrong code is refused, the right one resets', async ({
  page,
  cognito,
}) => {
  const email = uniqueEmail('forgot');
  await registerConfirmed(page, cognito, email);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(email);

  const actions = recordCognitoActions(page);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('We sent a code to f***@e***.');

  const code = await codeFor(email, 'forgotPassword');
  await resetWith(page, wrongCode(code));
  await expect(page.getByRole('alert')).toHaveText("That code isn't right. Check it and try again.");
  await expect(page.getByLabel('New password')).toHaveValue(NEW_PASSWORD);
  await expect(page.getByLabel('Confirm password')).toHaveValue(NEW_PASSWORD);

  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    'Your password has been reset. Sign in with your new password.',
  );
  await expect(page.getByLabel('Email')).toHaveValue(email);
  expect(actions).toEqual(['ForgotPassword', 'ConfirmForgotPassword', 'ConfirmForgotPassword']);

  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
  await signIn(page, email, NEW_PASSWORD);
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('forgot password: an expired code and a used code are refused; Resend code sends one that works', async ({
  page,
  cognito,
}) => {
  const email = uniqueEmail('stale');
  await registerConfirmed(page, cognito, email);
  await requestResetCode(page, email);

  const expired = await expireCode(email, 'forgotPassword');
  await resetWith(page, expired);
  await expect(page.getByRole('alert')).toHaveText('That code has expired. Ask for a new one.');

  await page.getByRole('button', { name: 'Resend code' }).click();
  await expect(page.getByRole('status')).toContainText('A new code is on its way.');
  await expect(page.getByRole('alert')).toBeHidden();
  const used = await codeFor(email, 'forgotPassword');
  await resetWith(page, used);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // Coming back later with the code that already served.
  await requestResetCode(page, email);
  const fresh = await codeFor(email, 'forgotPassword');
  test.skip(fresh === used, 'the new random code happens to equal the used one');
  await resetWith(page, used, 'Another-Pass-8');
  await expect(page.getByRole('alert')).toHaveText('That code has expired. Ask for a new one.');
  await expect(page.getByLabel('Code')).toHaveValue(used);
});

test('forgot password: an unknown address is named as such and stays typed', async ({ page }) => {
  const email = uniqueEmail('nobody');
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('alert')).toHaveText('No account was found for this email address.');
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page).toHaveURL(/\/forgot-password$/);
});

test('confirm sign-up: an expired code is refused, and a resent one confirms and signs in', async ({ page }) => {
  const email = uniqueEmail('expiredsignup');
  await signUp(page, email);
  await expect(page.getByLabel('Confirmation code')).toBeVisible();
  const expired = await expireCode(email, 'signUp');
  await page.getByLabel('Confirmation code').fill(expired);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('alert')).toHaveText('That code has expired. Ask for a new one.');

  await page.getByRole('button', { name: 'Resend code' }).click();
  await expect(page.getByRole('status')).toContainText('A new code is on its way.');
  await page.getByLabel('Confirmation code').fill(await codeFor(email, 'signUp'));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('confirm after a reload: no password in memory, so the user signs in by hand', async ({ page }) => {
  const email = uniqueEmail('reloaded');
  await signUp(page, email);
  await expect(page.getByLabel('Confirmation code')).toBeVisible();
  await page.reload();
  await page.getByLabel('Email').fill(email);
  const actions = recordCognitoActions(page);
  await page.getByLabel('Confirmation code').fill(await codeFor(email, 'signUp'));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status')).toHaveText('Your account is confirmed. Sign in to continue.');
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  expect(actions).toEqual(['ConfirmSignUp']);
});

test('new password required: an administrator-created user chooses a password and is signed in', async ({
  page,
  cognito,
}) => {
  const email = uniqueEmail('admin');
  await adminCreateUser(cognito, email);
  await page.goto('/sign-in');
  const answers = recordChallengeAnswers(page);
  await signIn(page, email, TEMPORARY_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Set your password' })).toBeVisible();
  await expect(page).toHaveURL(/\/new-password$/);

  await page.getByLabel('New password').fill('inv');
  await page.getByLabel('Confirm password').fill('inv');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');
  expect(answers).not.toContain('NEW_PASSWORD_REQUIRED');

  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByLabel('Confirm password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('session-email')).toHaveText(email);
  expect(answers.filter((name) => name === 'NEW_PASSWORD_REQUIRED')).toHaveLength(1);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, email, TEMPORARY_PASSWORD);
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
  await signIn(page, email, NEW_PASSWORD);
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('new password required: after a reload the step is gone and the page says to sign in again', async ({
  page,
  cognito,
}) => {
  const email = uniqueEmail('adminreload');
  await adminCreateUser(cognito, email);
  await page.goto('/sign-in');
  await signIn(page, email, TEMPORARY_PASSWORD);
  await expect(page.getByRole('heading', { name: 'Set your password' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText('This sign-in step has expired. Please sign in again.');
  const actions = recordCognitoActions(page);
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByLabel('Confirm password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toHaveText('This sign-in step has expired. Please sign in again.');
  expect(actions).toEqual([]);
  await page.getByRole('link', { name: 'Back to sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('change password from the session page, then sign in with the new one', async ({ page, cognito }) => {
  const email = uniqueEmail('change');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);

  await page.getByRole('link', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();
  await page.getByLabel('Current password').fill('Not-The-Password-1');
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByLabel('Confirm password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
  await expect(page.getByLabel('New password')).toHaveValue(NEW_PASSWORD);

  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: "You're signed in" })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'changed' })).toHaveText(
    'Your password has been changed.',
  );

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
  await signIn(page, email, NEW_PASSWORD);
  await expect(page.getByTestId('session-email')).toHaveText(email);
});

test('sign out of all devices ends the session here and on another device', async ({ page, cognito }) => {
  const email = uniqueEmail('everywhere');
  await registerConfirmed(page, cognito, email);
  const otherDevice = await signInElsewhere(cognito, email, PASSWORD);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  expect(await refreshWorks(cognito, otherDevice)).toBe(true);

  const actions = recordCognitoActions(page);
  await page.getByRole('button', { name: 'Sign out of all devices' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText("You're signed out on all your devices.");
  expect(actions).toEqual(['GlobalSignOut']);
  expect(await storageEntries(page)).toEqual({});
  expect(await refreshWorks(cognito, otherDevice)).toBe(false);
});

test('sign out (this device) leaves the other device signed in', async ({ page, cognito }) => {
  const email = uniqueEmail('thisdevice');
  await registerConfirmed(page, cognito, email);
  const otherDevice = await signInElsewhere(cognito, email, PASSWORD);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await refreshWorks(cognito, otherDevice)).toBe(true);
});
