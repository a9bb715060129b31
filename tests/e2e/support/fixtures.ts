// The test fixture: one local Cognito per worker, fresh settings per test, and helpers that act
// as a user would (by role and label).
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CONFIG_PATH, LocalCognito } from './local-cognito';

export const PASSWORD = 'Correct-Horse-9';

type Fixtures = { cognito: LocalCognito; clientId: string };

export const test = base.extend<{ freshSettings: void }, Fixtures>({
  cognito: [
    async ({}, use) => {
      const cognito = new LocalCognito();
      await cognito.start();
      await use(cognito);
      await cognito.stop();
    },
    { scope: 'worker' },
  ],
  clientId: [
    async ({ cognito }, use) => {
      void cognito; // the config exists once the server has started
      await use(JSON.parse(readFileSync(CONFIG_PATH, 'utf8')).clientId as string);
    },
    { scope: 'worker' },
  ],
  freshSettings: [
    async ({ cognito }, use) => {
      await cognito.start(); // a test may have stopped it
      await cognito.settings({ autoConfirm: false, tokenLifetimeSeconds: 3600, outageSeconds: 0 });
      await use();
    },
    { auto: true },
  ],
});

export { expect };

let counter = 0;
/** An address no other test uses. */
export function uniqueEmail(tag: string): string {
  counter += 1;
  return `${tag}-${Date.now().toString(36)}-${process.pid}-${counter}@example.com`;
}

/** The Cognito action of a request the app sent, if it was one. */
export function cognitoAction(request: Request): string | undefined {
  return request.headers()['x-amz-target']?.replace('AWSCognitoIdentityProviderService.', '');
}

/** Records every Cognito action the page sends from now on. */
export function recordCognitoActions(page: Page): string[] {
  const actions: string[] = [];
  page.on('request', (request) => {
    const action = cognitoAction(request);
    if (action) actions.push(action);
  });
  return actions;
}

export async function signUp(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs up and confirms through the UI; leaves the page on the sign-in form. */
export async function registerConfirmed(page: Page, cognito: LocalCognito, email: string): Promise<void> {
  await signUp(page, email);
  await expect(page.getByLabel('Confirmation code')).toBeVisible();
  await page.getByLabel('Confirmation code').fill(await cognito.codeFor(email));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** Every localStorage key and value of the page's origin. */
export async function storageEntries(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => ({ ...localStorage }));
}
