// SRP sign-in (USER_SRP_AUTH, the default flow) against the local Cognito, which verifies the
// proof for real; and the AWS SDK's own SRP client against the same server.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import * as cognitoSdk from 'amazon-cognito-identity-js';
import { expect, PASSWORD, registerConfirmed, signIn, test, uniqueEmail } from './support/fixtures';
import { COGNITO_URL, CONFIG_PATH } from './support/local-cognito';

const { AuthenticationDetails, CognitoUser, CognitoUserPool } = cognitoSdk;

type Sent = { action: string; body: string };

/** Every Cognito request the page sends from now on, with its body as sent. */
function recordBodies(page: Page): Sent[] {
  const sent: Sent[] = [];
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target'];
    if (target) sent.push({ action: target.split('.').pop()!, body: request.postData() ?? '' });
  });
  return sent;
}

test('SRP sign-in signs in and no request carries the password', async ({ page, cognito }) => {
  const email = uniqueEmail('srp');
  await registerConfirmed(page, cognito, email);
  const sent = recordBodies(page);
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);

  expect(sent.map((s) => s.action).slice(0, 2)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  const initiate = JSON.parse(sent[0].body);
  expect(initiate.AuthFlow).toBe('USER_SRP_AUTH');
  expect(Object.keys(initiate.AuthParameters).sort()).toEqual(['SRP_A', 'USERNAME']);
  expect(initiate.AuthParameters.SRP_A).toMatch(/^[0-9a-f]{700,768}$/);
  const answer = JSON.parse(sent[1].body);
  expect(answer.ChallengeName).toBe('PASSWORD_VERIFIER');
  expect(Object.keys(answer.ChallengeResponses).sort()).toEqual([
    'PASSWORD_CLAIM_SECRET_BLOCK',
    'PASSWORD_CLAIM_SIGNATURE',
    'TIMESTAMP',
    'USERNAME',
  ]);
  expect(answer.ChallengeResponses.TIMESTAMP).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} [1-9]\d? \d\d:\d\d:\d\d UTC \d{4}$/);
  for (const { action, body } of sent) {
    expect(body, action).not.toContain(PASSWORD);
    expect(body, action).not.toContain(encodeURIComponent(PASSWORD));
    expect(body, action).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  }
});

test('a wrong password is refused over SRP and nothing is signed in', async ({ page, cognito }) => {
  const email = uniqueEmail('srp-wrong');
  await registerConfirmed(page, cognito, email);
  const sent = recordBodies(page);
  await signIn(page, email, 'Not-The-Password-1');
  await expect(page.getByRole('alert')).toHaveText('Incorrect email or password.');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('Not-The-Password-1');
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(sent.map((s) => s.action)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  expect(JSON.parse(sent[0].body).AuthFlow).toBe('USER_SRP_AUTH');
  for (const { body } of sent) expect(body).not.toContain('Not-The-Password-1');
});

test('the sign-in button shows its pending state before the first request goes out', async ({ page, cognito }) => {
  const email = uniqueEmail('srp-pending');
  await registerConfirmed(page, cognito, email);
  // Record when the button turns busy and when each Cognito fetch starts, on one clock.
  await page.evaluate(() => {
    const w = window as unknown as { busyAt?: number };
    new MutationObserver((records) => {
      for (const record of records) {
        const el = record.target as Element;
        if (w.busyAt === undefined && el.getAttribute('aria-busy') === 'true') w.busyAt = performance.now();
      }
    }).observe(document.body, { attributes: true, attributeFilter: ['aria-busy'], subtree: true });
  });
  await signIn(page, email);
  await expect(page.getByTestId('session-email')).toHaveText(email);
  const { busyAt, firstFetch } = await page.evaluate((url) => {
    const fetches = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.startsWith(url))
      .map((entry) => entry.startTime);
    return { busyAt: (window as unknown as { busyAt?: number }).busyAt, firstFetch: Math.min(...fetches) };
  }, COGNITO_URL);
  expect(busyAt).toBeDefined();
  expect(busyAt!).toBeLessThanOrEqual(firstFetch);
});

test("amazon-cognito-identity-js's authenticateUser signs in against the local Cognito", async ({ page, cognito }) => {
  const email = uniqueEmail('srp-sdk');
  await registerConfirmed(page, cognito, email);
  const { userPoolId, clientId } = JSON.parse(readFileSync(CONFIG_PATH, 'utf8'));
  const pool = new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId, endpoint: `${COGNITO_URL}/` });

  const authenticate = (password: string) =>
    new Promise<{ ok: true; session: any } | { ok: false; error: any }>((resolve) => {
      const user = new CognitoUser({ Username: email, Pool: pool });
      user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
        onSuccess: (session: any) => resolve({ ok: true, session }),
        onFailure: (error: any) => resolve({ ok: false, error }),
      });
    });

  const good = await authenticate(PASSWORD);
  expect(good.ok, JSON.stringify(good)).toBe(true);
  if (good.ok) {
    expect(good.session.getIdToken().decodePayload().email).toBe(email);
    expect(good.session.getRefreshToken().getToken()).toBeTruthy();
  }
  const bad = await authenticate('Not-The-Password-1');
  expect(bad.ok).toBe(false);
  if (!bad.ok) {
    expect(bad.error.code).toBe('NotAuthorizedException');
    expect(bad.error.message).toBe('Incorrect username or password.');
  }
});
