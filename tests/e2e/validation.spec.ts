// Validation before any request: the pool's password rules named live as the user types (every
// unmet rule at once), matching confirmation, required fields, the e-mail normalised, Cognito's
// length limits, codes as six digits however they are typed; invalid fields flagged and
// described; the first invalid field focused; and no request sent.
import type { Locator, Page } from '@playwright/test';
import {
  cognitoAction,
  expect,
  PASSWORD,
  recordCognitoActions,
  registerConfirmed,
  signIn,
  signUp,
  test,
  uniqueEmail,
} from './support/fixtures';

const RULES = {
  length: 'Password must have at least 8 characters',
  lower: 'Password must have lower case letters',
  upper: 'Password must have upper case letters',
  digit: 'Password must have numbers',
  symbol: 'Password must have special characters',
};

function unmetRules(page: Page): Locator {
  return page.getByRole('list', { name: 'Password requirements' }).getByRole('listitem');
}

/** The text of the element(s) an input's aria-describedby points at. */
async function description(input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`)
      .join(' | '),
  );
}

test('each password rule is named as the user types, every unmet one at once', async ({ page }) => {
  await page.goto('/sign-up');
  const password = page.getByLabel('Password', { exact: true });

  await password.fill('inv');
  await expect(unmetRules(page)).toHaveText([RULES.length, RULES.upper, RULES.digit, RULES.symbol]);
  await password.fill('INV');
  await expect(unmetRules(page)).toHaveText([RULES.length, RULES.lower, RULES.digit, RULES.symbol]);
  await password.fill('invalid-pass');
  await expect(unmetRules(page)).toHaveText([RULES.upper, RULES.digit]);
  await password.fill('12345678');
  await expect(unmetRules(page)).toHaveText([RULES.lower, RULES.upper, RULES.symbol]);
  await password.fill('Invalid-pass-1');
  await expect(unmetRules(page)).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Password requirements' })).toBeHidden();
});

test('a weak password is refused before any request, flagged, described and focused', async ({ page }) => {
  const actions = recordCognitoActions(page);
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(uniqueEmail('weak'));
  const password = page.getByLabel('Password', { exact: true });
  await password.fill('inv');
  await page.getByLabel('Confirm password').fill('inv');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toBeFocused();
  expect(await description(password)).toBe(
    [
      "This password doesn't meet the requirements yet.",
      [RULES.length, RULES.upper, RULES.digit, RULES.symbol].join(''),
    ].join(' | '),
  );
  await expect(page.getByLabel('Email')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveValue('inv');
  expect(actions).toEqual([]);

  // Fixing it clears the flag as the user types.
  await password.fill('Invalid-pass-1');
  await expect(password).not.toHaveAttribute('aria-invalid', 'true');
});

test('a mismatched confirmation is named and nothing is sent', async ({ page }) => {
  const actions = recordCognitoActions(page);
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(uniqueEmail('mismatch'));
  await page.getByLabel('Password', { exact: true }).fill('Correct-Horse-9');
  const confirmation = page.getByLabel('Confirm password');
  await confirmation.fill('Correct-Horse-8');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(confirmation).toHaveAttribute('aria-invalid', 'true');
  await expect(confirmation).toBeFocused();
  expect(await description(confirmation)).toBe('Your passwords must match.');
  expect(actions).toEqual([]);
  await confirmation.fill('Correct-Horse-9');
  await expect(confirmation).not.toHaveAttribute('aria-invalid', 'true');
});

test('required fields are named, the first one focused, and nothing is sent', async ({ page }) => {
  const actions = recordCognitoActions(page);
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password', { exact: true });
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  expect(await description(email)).toBe('Enter your email address.');
  expect(await description(password)).toBe('Enter your password.');

  await email.fill('someone@example.com');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(password).toBeFocused();
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  expect(actions).toEqual([]);
});

test('every form refuses an empty submit without a request', async ({ page }) => {
  const actions = recordCognitoActions(page);
  const forms: [string, string, string][] = [
    ['/sign-in', 'Sign in', 'Email'],
    ['/sign-up', 'Create account', 'Email'],
    ['/confirm', 'Confirm', 'Email'],
    ['/forgot-password', 'Send code', 'Email'],
    ['/reset-password', 'Reset password', 'Email'],
    ['/new-password', 'Change password', 'New password'],
  ];
  for (const [path, button, first] of forms) {
    await page.goto(path);
    await page.getByRole('button', { name: button, exact: true }).click();
    const field = page.getByLabel(first, { exact: true });
    await expect(field, path).toBeFocused();
    await expect(field, path).toHaveAttribute('aria-invalid', 'true');
  }
  expect(actions).toEqual([]);
});

test('the change-password form checks all three fields before any request', async ({ page, cognito }) => {
  const email = uniqueEmail('changecheck');
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);
  await page.getByRole('link', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();
  const actions = recordCognitoActions(page);
  await page.getByLabel('New password').fill('INV');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('Current password')).toBeFocused();
  await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Confirm password')).toHaveAttribute('aria-invalid', 'true');
  await expect(unmetRules(page)).toHaveText([RULES.length, RULES.lower, RULES.digit, RULES.symbol]);
  expect(actions).toEqual([]);
});

test('the reset form checks code, rules and confirmation before any request', async ({ page }) => {
  const actions = recordCognitoActions(page);
  await page.goto('/reset-password');
  await page.getByLabel('Email').fill('someone@example.com');
  await page.getByLabel('New password').fill('inv');
  await page.getByLabel('Confirm password').fill('other');
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByLabel('Code')).toBeFocused();
  expect(await description(page.getByLabel('Code'))).toBe('Enter the code from the message.');
  await expect(unmetRules(page)).toHaveText([RULES.length, RULES.upper, RULES.digit, RULES.symbol]);
  expect(await description(page.getByLabel('Confirm password'))).toBe('Your passwords must match.');
  expect(actions).toEqual([]);
});

test('the address is trimmed and lower-cased before it is sent, and shown that way', async ({ page }) => {
  const bodies: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['x-amz-target']?.endsWith('.ForgotPassword')) bodies.push(request.postData() ?? '');
  });
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill('  Mixed.Case@Example.COM ');
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('alert')).toHaveText('No account was found for this email address.');
  expect(bodies.map((body) => JSON.parse(body).Username)).toEqual(['mixed.case@example.com']);
  await expect(page.getByLabel('Email')).toHaveValue('mixed.case@example.com');
});

test('a malformed address is named and nothing is sent', async ({ page }) => {
  const actions = recordCognitoActions(page);
  await page.goto('/forgot-password');
  const email = page.getByLabel('Email');
  await email.fill('taro@example');
  await page.getByRole('button', { name: 'Send code' }).click();
  expect(await description(email)).toBe('Enter a valid email address, like name@example.com.');
  await expect(email).toHaveValue('taro@example');
  expect(actions).toEqual([]);
});

/** `digits` as a Japanese IME enters them: full-width, U+FF10 to U+FF19. */
function fullWidth(digits: string): string {
  return [...digits].map((digit) => String.fromCharCode(digit.charCodeAt(0) - 0x30 + 0xff10)).join('');
}

test('a code typed in full-width digits confirms the account, sent as ASCII digits', async ({ page, cognito }) => {
  const email = uniqueEmail('fullwidth');
  const sentCodes: string[] = [];
  page.on('request', (request) => {
    if (cognitoAction(request) === 'ConfirmSignUp') {
      sentCodes.push(JSON.parse(request.postData() ?? '{}').ConfirmationCode);
    }
  });
  await signUp(page, email);
  await expect(page.getByRole('heading', { name: 'Confirm your account' })).toBeVisible();
  const code = await cognito.codeFor(email);
  // As an IME leaves it, with an ideographic space in the middle.
  await page.getByLabel('Confirmation code').fill(`${fullWidth(code.slice(0, 3))}\u3000${fullWidth(code.slice(3))}`);
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page).toHaveURL(/\/session$/);
  expect(sentCodes).toEqual([code]);
});

test('a code that is not six digits is named on both code pages, kept as typed, and not sent', async ({ page }) => {
  const actions = recordCognitoActions(page);
  const message = 'The code is 6 digits. Enter it as it appears in the message.';
  await page.goto('/confirm');
  await page.getByLabel('Email').fill('someone@example.com');
  const confirmCode = page.getByLabel('Confirmation code');
  await confirmCode.fill('12345');
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(confirmCode).toBeFocused();
  await expect(confirmCode).toHaveAttribute('aria-invalid', 'true');
  expect(await description(confirmCode)).toBe(message);
  await expect(confirmCode).toHaveValue('12345');

  await page.goto('/reset-password');
  await page.getByLabel('Email').fill('someone@example.com');
  const resetCode = page.getByLabel('Code');
  await resetCode.fill('12345a');
  await page.getByLabel('New password').fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(resetCode).toBeFocused();
  await expect(resetCode).toHaveAttribute('aria-invalid', 'true');
  expect(await description(resetCode)).toBe(message);
  await expect(resetCode).toHaveValue('12345a');
  expect(actions).toEqual([]);
});

test('an over-long address or password is named before any request and kept as typed', async ({ page }) => {
  const actions = recordCognitoActions(page);
  // Cognito takes usernames (here the address) up to 128 characters and passwords up to 256.
  const longEmail = `${'a'.repeat(117)}@example.com`;
  const longPassword = PASSWORD.padEnd(257, 'x');
  await page.goto('/sign-in');
  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password', { exact: true });
  await email.fill(longEmail);
  await password.fill(longPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(email).toBeFocused();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  expect(await description(email)).toBe('Email addresses can have at most 128 characters.');
  expect(await description(password)).toBe('Passwords can have at most 256 characters.');
  await expect(email).toHaveValue(longEmail);
  await expect(password).toHaveValue(longPassword);

  // A new password: no rule is unmet, only the length.
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(uniqueEmail('long'));
  const newPassword = page.getByLabel('Password', { exact: true });
  await newPassword.fill(longPassword);
  await page.getByLabel('Confirm password').fill(longPassword);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(newPassword).toBeFocused();
  expect(await description(newPassword)).toBe('Passwords can have at most 256 characters.');
  await expect(newPassword).toHaveValue(longPassword);
  expect(actions).toEqual([]);

  // One character fewer each, and the sign-in goes out.
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(longEmail.slice(1));
  await page.getByLabel('Password', { exact: true }).fill(longPassword.slice(1));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => actions[0]).toBe('InitiateAuth');
});

test.describe('in a browser that prefers Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('five full-width digits are named in Japanese, kept as typed, and not sent', async ({ page }) => {
    const actions = recordCognitoActions(page);
    await page.goto('/confirm');
    await page.getByLabel('メールアドレス').fill('someone@example.com');
    const code = page.getByLabel('確認コード');
    await code.fill(fullWidth('12345'));
    await page.getByRole('button', { name: '確認する', exact: true }).click();
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(await description(code)).toBe('確認コードはメールに記載された6桁の数字で入力してください。');
    await expect(code).toHaveValue('１２３４５');
    expect(actions).toEqual([]);
  });
});
