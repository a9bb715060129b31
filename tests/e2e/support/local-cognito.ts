// Starts and stops the local Cognito (local-cognito/server.py) for the tests, and reads what a
// real user would get by email (the confirmation code) from its local-only endpoint.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export const COGNITO_PORT = Number(process.env.E2E_COGNITO_PORT ?? 9230);
export const COGNITO_URL = `http://127.0.0.1:${COGNITO_PORT}`;
export const CONFIG_PATH = process.env.E2E_CONFIG ?? 'target/e2e/config.json';
/** The app client's refresh token rotation, as deploy/cognito-pool.yaml's parameter names it
 * (the template's default, ENABLED, unless the run asks for DISABLED). */
/** The site that signs in through the pool domain (playwright.config.ts), whose callback and
 * sign-out addresses the app client lists. */
const FEDERATION_SITE = `http://127.0.0.1:${Number(process.env.E2E_SITE_PORT ?? 8090) + 10}`;
export const ROTATION = process.env.E2E_REFRESH_TOKEN_ROTATION === 'DISABLED' ? 'DISABLED' : 'ENABLED';

/** Where a server listens and writes its config, and the template parameters it adds. */
type ServerOptions = { port: number; configPath: string; params: string[] };

export class LocalCognito {
  private process: ChildProcess | undefined;
  readonly url: string;

  /** The suite's server, or (for a spec with a pool of its own) one on another port. */
  constructor(private readonly options: ServerOptions = { port: COGNITO_PORT, configPath: CONFIG_PATH, params: [] }) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  async start(): Promise<void> {
    if (this.process) return;
    const child = spawn(
      'local-cognito/.venv/bin/python',
      [
        'local-cognito/server.py',
        '--port',
        String(this.options.port),
        '--write-config',
        this.options.configPath,
        ...this.options.params,
        '--param',
        `RefreshTokenRotation=${ROTATION}`,
        // Email MFA needs the pool's email sent through Amazon SES (the template's rule); the local
        // pool sends nothing, so a placeholder identity will do.
        '--param',
        'SesSourceArn=arn:aws:ses:ap-northeast-1:123456789012:identity/example.com',
        // Choice-based sign-in for the site that uses it (USER_AUTH): passwords, emailed codes,
        // and passkeys for the site's name localhost.
        '--param',
        'AllowedFirstAuthFactors=PASSWORD,EMAIL_OTP,WEB_AUTHN',
        '--param',
        'WebAuthnRelyingPartyId=localhost',
        // The pool domain (this server locally), Google, and a company's provider for the
        // addresses of example-corp.com, for the site that signs in through them.
        ...federationParams(FEDERATION_SITE),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.process = child;
    let output = '';
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    // Keep the server's complaints (e.g. "address in use") for the error below.
    child.stderr!.on('data', (chunk: string) => (output += chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`local Cognito did not start:\n${output}`)), 30_000);
      child.stdout!.on('data', (chunk: string) => {
        output += chunk;
        if (output.includes('local Cognito ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`local Cognito exited (${code}):\n${output}`));
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = undefined;
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }

  /** The confirmation code the server issued to this address (it is emailed in real Cognito). */
  async codeFor(email: string): Promise<string> {
    const response = await fetch(`${this.url}/_local/codes/${encodeURIComponent(email)}`);
    if (!response.ok) throw new Error(`no code for ${email}: HTTP ${response.status}`);
    return ((await response.json()) as { code: string }).code;
  }

  /** Calls per action and expired-token rejections, as the server counted them. */
  async stats(): Promise<{ calls: Record<string, number>; expiredAccessTokens: number }> {
    const response = await fetch(`${this.url}/_local/stats`);
    if (!response.ok) throw new Error(`stats: HTTP ${response.status}`);
    return response.json() as Promise<{ calls: Record<string, number>; expiredAccessTokens: number }>;
  }

  /** Changes the server's behaviour: `delaySeconds` holds back the answers to `delayActions`
   * (every action when absent), `outageSeconds` answers 503 for that long. */
  async settings(values: {
    autoConfirm?: boolean;
    tokenLifetimeSeconds?: number;
    outageSeconds?: number;
    delaySeconds?: number;
    delayActions?: string[];
  }): Promise<void> {
    const response = await fetch(`${this.url}/_local/settings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(values),
    });
    if (!response.ok) throw new Error(`settings refused: HTTP ${response.status}`);
  }

  /** Calls the Cognito API directly, as a second device or an administrator would. */
  async call(action: string, body: unknown): Promise<Response> {
    return fetch(`${this.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify(body),
    });
  }
}

/** The template parameters of a pool domain with Google and a company provider, whose app client
 * sends users back to `site`. */
export function federationParams(site: string): string[] {
  return [
    'DomainPrefix=local',
    `CallbackURLs=${site}/oauth2/callback`,
    `LogoutURLs=${site}/`,
    'GoogleClientId=local-google',
    'GoogleClientSecret=local',
    'CompanyProviderName=ExampleCorp',
    'CompanyOidcIssuer=https://idp.example-corp.com',
    'CompanyOidcClientId=local',
    'CompanyOidcClientSecret=local',
    'CompanyEmailDomains=example-corp.com',
  ].flatMap((param) => ['--param', param]);
}
