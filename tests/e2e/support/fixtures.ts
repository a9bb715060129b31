// The test fixture: one local Cognito per worker, fresh settings per test, and helpers that act
// as a user would (by role and label).
import { test as base, expect, type Page, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CONFIG_PATH, LocalCognito } from './local-cognito';

export const PASSWORD = 'Correct-Horse-9';

type Fixtures = { cognito: LocalCognito; clientId: string };

export const test = base.extend<{ freshSettings: void; cspViolations: string[] }, Fixtures>({
  // Every page runs under the site's strict Content-Security-Policy; any violation fails the test.
  cspViolations: async ({}, use) => {
    const violations: string[] = [];
    await use(violations);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
  context: async ({ context, cspViolations: violations }, use) => {
    await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
      violations.push(text);
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
        report(`${event.effectiveDirective} blocked ${event.blockedURI} on ${document.location.pathname}`);
      });
    });
    await use(context);
  },
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
      await cognito.settings({ autoConfirm: false, tokenLifetimeSeconds: 3600, outageSeconds: 0, delaySeconds: 0 });
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

/**
 * Registers a confirmed account as its owner would (SignUp, then ConfirmSignUp with the emailed
 * code), straight against the local Cognito; leaves the page on the sign-in form. (Confirming in
 * the UI right after signing up there signs the user in, which these tests don't want.)
 */
export async function registerConfirmed(
  page: Page,
  cognito: LocalCognito,
  email: string,
  password = PASSWORD,
): Promise<void> {
  const { clientId } = JSON.parse(readFileSync(CONFIG_PATH, 'utf8')) as { clientId: string };
  const signedUp = await cognito.call('SignUp', { ClientId: clientId, Username: email, Password: password });
  if (!signedUp.ok) throw new Error(`SignUp for ${email}: ${await signedUp.text()}`);
  const code = await cognito.codeFor(email);
  const confirmed = await cognito.call('ConfirmSignUp', { ClientId: clientId, Username: email, ConfirmationCode: code });
  if (!confirmed.ok) throw new Error(`ConfirmSignUp for ${email}: ${await confirmed.text()}`);
  await page.goto('/sign-in');
  // The sign-in page, in whichever language the browser asks for.
  await expect(page.getByRole('textbox').first()).toBeVisible();
}

/** A new confirmed account, signed in through the form; returns its email. */
export async function signedIn(page: Page, cognito: LocalCognito, tag: string): Promise<string> {
  const email = uniqueEmail(tag);
  await registerConfirmed(page, cognito, email);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  return email;
}

/** Every localStorage key and value of the page's origin. */
export async function storageEntries(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => ({ ...localStorage }));
}
