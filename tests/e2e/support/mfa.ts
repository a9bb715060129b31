// Second factors as a pool administrator and the user's other devices would handle them,
// straight against the local Cognito: the pool's MFA setting, factors turned on by the API, and
// the codes a real user would find in their mailbox.
import { readFileSync } from 'node:fs';
import { COGNITO_URL, CONFIG_PATH, type LocalCognito } from './local-cognito';
import { totpCode } from './totp';

export type Factor = 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

function pool(): { clientId: string; userPoolId: string } {
  return JSON.parse(readFileSync(CONFIG_PATH, 'utf8')) as { clientId: string; userPoolId: string };
}

async function ok(response: Response, what: string): Promise<unknown> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** Sets the pool's MFA as an administrator does (SetUserPoolMfaConfig); the local Cognito
 * writes the site's config.json to match, as a deployment would. */
export async function setPoolMfa(
  cognito: LocalCognito,
  mode: 'OFF' | 'OPTIONAL' | 'ON',
  factors: Factor[] = [],
): Promise<void> {
  const body: Record<string, unknown> = { UserPoolId: pool().userPoolId, MfaConfiguration: mode };
  if (mode !== 'OFF') {
    body.SoftwareTokenMfaConfiguration = { Enabled: factors.includes('SOFTWARE_TOKEN_MFA') };
    if (factors.includes('EMAIL_OTP')) body.EmailMfaConfiguration = {};
  }
  await ok(await cognito.call('SetUserPoolMfaConfig', body), 'SetUserPoolMfaConfig');
}

/** The latest MFA code the local Cognito "sent" to an address. */
export async function mfaCodeFor(address: string): Promise<string> {
  const response = await fetch(`${COGNITO_URL}/_local/codes/${encodeURIComponent(address)}?purpose=mfa`);
  return ((await ok(response, `MFA code for ${address}`)) as { code: string }).code;
}

/** Ends every open challenge session, as if the user had waited past its few minutes. */
export async function expireChallengeSessions(): Promise<void> {
  const response = await fetch(`${COGNITO_URL}/_local/sessions/expire`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  await ok(response, 'expire sessions');
}

/** Turns factors on for a confirmed account from another device, through the API, with no
 * preferred one; returns the authenticator secret when it linked one. */
export async function turnOnFactorsElsewhere(
  cognito: LocalCognito,
  email: string,
  password: string,
  factors: Factor[],
): Promise<string | undefined> {
  const signedIn = (await ok(
    await cognito.call('InitiateAuth', {
      ClientId: pool().clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
    'sign-in elsewhere',
  )) as { AuthenticationResult: { AccessToken: string } };
  const access = signedIn.AuthenticationResult.AccessToken;
  let secret: string | undefined;
  const body: Record<string, unknown> = { AccessToken: access };
  if (factors.includes('SOFTWARE_TOKEN_MFA')) {
    const linked = (await ok(
      await cognito.call('AssociateSoftwareToken', { AccessToken: access }),
      'AssociateSoftwareToken',
    )) as { SecretCode: string };
    secret = linked.SecretCode;
    await ok(
      await cognito.call('VerifySoftwareToken', { AccessToken: access, UserCode: totpCode(secret) }),
      'VerifySoftwareToken',
    );
    body.SoftwareTokenMfaSettings = { Enabled: true, PreferredMfa: false };
  }
  if (factors.includes('EMAIL_OTP')) body.EmailMfaSettings = { Enabled: true, PreferredMfa: false };
  await ok(await cognito.call('SetUserMFAPreference', body), 'SetUserMFAPreference');
  return secret;
}

/** Turns the pool's device tracking on (`ALWAYS`, `USER_OPT_IN`) or off, as an administrator
 * does with UpdateUserPool: which resets what the request leaves out, so the pool's other
 * settings are sent back as DescribeUserPool gives them. */
export async function setDeviceTracking(
  cognito: LocalCognito,
  mode: 'OFF' | 'ALWAYS' | 'USER_OPT_IN',
): Promise<void> {
  const { userPoolId } = pool();
  const described = (await ok(
    await cognito.call('DescribeUserPool', { UserPoolId: userPoolId }),
    'DescribeUserPool',
  )) as { UserPool: Record<string, unknown> };
  const kept = [
    'Policies',
    'LambdaConfig',
    'AutoVerifiedAttributes',
    'VerificationMessageTemplate',
    'EmailConfiguration',
    'AdminCreateUserConfig',
    'AccountRecoverySetting',
    'UserPoolTier',
  ];
  const body: Record<string, unknown> = { UserPoolId: userPoolId };
  for (const key of kept) {
    if (described.UserPool[key] !== undefined) body[key] = described.UserPool[key];
  }
  if (mode !== 'OFF') {
    body.DeviceConfiguration = {
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: mode === 'USER_OPT_IN',
    };
  }
  await ok(await cognito.call('UpdateUserPool', body), 'UpdateUserPool');
}
