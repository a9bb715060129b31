// Validation before any request: the pool's password rules named live as the user types (every
// unmet rule at once), matching confirmation, required fields, the e-mail normalised; invalid
// fields flagged and described; the first invalid field focused; and no request sent.
import type { Locator, Page } from '@playwright/test';
import { expect, recordCognitoActions, registerConfirmed, signIn, test, uniqueEmail } from './support/fixtures';

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
