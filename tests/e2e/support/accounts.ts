// Accounts made the way their owners or an administrator would make them, straight against the
// local Cognito, and the reset codes a real user would find in their mailbox.
import { readFileSync } from 'node:fs';
import { COGNITO_URL, CONFIG_PATH, type LocalCognito } from './local-cognito';

export const TEMPORARY_PASSWORD = 'Temp0rary!pass';
export const NEW_PASSWORD = 'Brand-New-Pass-7';

function pool(): { clientId: string; userPoolId: string } {
  return JSON.parse(readFileSync(CONFIG_PATH, 'utf8')) as { clientId: string; userPoolId: string };
}

/** An account an administrator created with a temporary password (status FORCE_CHANGE_PASSWORD). */
export async function adminCreateUser(cognito: LocalCognito, email: string): Promise<void> {
  const response = await cognito.call('AdminCreateUser', {
    UserPoolId: pool().userPoolId,
    Username: email,
    TemporaryPassword: TEMPORARY_PASSWORD,
    UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
    MessageAction: 'SUPPRESS',
  });
  if (!response.ok) throw new Error(`AdminCreateUser ${email}: ${await response.text()}`);
}

/** The latest code the local Cognito "emailed" for a purpose. */
export async function codeFor(email: string, purpose: 'signUp' | 'forgotPassword'): Promise<string> {
  const response = await fetch(`${COGNITO_URL}/_local/codes/${encodeURIComponent(email)}?purpose=${purpose}`);
  if (!response.ok) throw new Error(`no ${purpose} code for ${email}: HTTP ${response.status}`);
  return ((await response.json()) as { code: string }).code;
}

/** Lets the current code run out of time, as if the user came back too late. */
export async function expireCode(email: string, purpose: 'signUp' | 'forgotPassword'): Promise<string> {
  const response = await fetch(
    `${COGNITO_URL}/_local/codes/${encodeURIComponent(email)}/expire?purpose=${purpose}`,
    // The local API takes POSTs only as JSON, which no web page can send it without CORS.
    { method: 'POST', headers: { 'content-type': 'application/json' } },
  );
  if (!response.ok) throw new Error(`no ${purpose} code to expire for ${email}: HTTP ${response.status}`);
  return ((await response.json()) as { expired: string }).expired;
}

/** Signs in from another device (straight against Cognito); returns that device's refresh token. */
export async function signInElsewhere(cognito: LocalCognito, email: string, password: string): Promise<string> {
  const response = await cognito.call('InitiateAuth', {
    ClientId: pool().clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  if (!response.ok) throw new Error(`sign-in elsewhere: ${await response.text()}`);
  const body = (await response.json()) as { AuthenticationResult: { RefreshToken: string } };
  return body.AuthenticationResult.RefreshToken;
}

/** Whether another device's refresh token still works. */
export async function refreshWorks(cognito: LocalCognito, refreshToken: string): Promise<boolean> {
  const response = await cognito.call('GetTokensFromRefreshToken', {
    ClientId: pool().clientId,
    RefreshToken: refreshToken,
  });
  return response.ok;
}

/** A code that differs from `code`. */
export function wrongCode(code: string): string {
  return code === '000000' ? '111111' : '000000';
}
