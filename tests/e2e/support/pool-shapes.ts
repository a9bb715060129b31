// User pools of other sign-in shapes than the main one (a username with aliases, the phone
// number as the username, case-sensitive usernames, a client that hides unknown users): each a
// local Cognito of its own, started from deploy/'s template with other parameters, and the built
// site served with the config.json that server wrote.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

const SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 8090);
const COGNITO_PORT = Number(process.env.E2E_COGNITO_PORT ?? 9230);
// Beside the main run's ports: sites from the main site's +11 (+10 is the federation site's),
// servers from the main one's +1.
const SITE_BASE = Number(process.env.E2E_SHAPES_SITE_PORT ?? SITE_PORT + 11);
const COGNITO_BASE = Number(process.env.E2E_SHAPES_COGNITO_PORT ?? COGNITO_PORT + 1);

/** Starts `command` and waits for `ready` in what it prints. */
async function startProcess(command: string, args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}):\n${output}`));
    });
  });
  return child;
}

export class PoolShape {
  private processes: ChildProcess[] = [];
  readonly cognitoUrl: string;
  readonly siteUrl: string;
  private readonly configPath: string;

  /** `index` picks this shape's ports; `params` override the template's parameters. */
  constructor(
    private readonly name: string,
    index: number,
    private readonly params: string[],
  ) {
    this.cognitoUrl = `http://127.0.0.1:${COGNITO_BASE + index}`;
    this.siteUrl = `http://127.0.0.1:${SITE_BASE + index}`;
    this.configPath = `target/e2e/shape-${name}-${SITE_BASE + index}.json`;
  }

  async start(): Promise<void> {
    const port = new URL(this.cognitoUrl).port;
    const args = ['local-cognito/server.py', '--port', port, '--write-config', this.configPath];
    for (const param of this.params) args.push('--param', param);
    this.processes.push(await startProcess('local-cognito/.venv/bin/python', args, {}, 'local Cognito ready'));
    const site = {
      SITE_DIR: process.env.E2E_SITE_DIR ?? 'dist',
      SITE_CONFIG: this.configPath,
      SITE_PORT: new URL(this.siteUrl).port,
    };
    this.processes.push(await startProcess('node', ['tests/e2e/support/serve.mjs'], site, 'site on'));
  }

  async stop(): Promise<void> {
    for (const child of this.processes.splice(0)) {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
  }

  private get config(): { clientId: string; userPoolId: string } {
    return JSON.parse(readFileSync(this.configPath, 'utf8')) as { clientId: string; userPoolId: string };
  }

  get clientId(): string {
    return this.config.clientId;
  }

  /** The user's attributes, as an administrator sees them. */
  async attributesOf(username: string): Promise<Record<string, string>> {
    const user = await this.send('AdminGetUser', { UserPoolId: this.config.userPoolId, Username: username });
    const list = user.UserAttributes as { Name: string; Value: string }[];
    return Object.fromEntries(list.map(({ Name, Value }) => [Name, Value]));
  }

  /** The latest code this pool sent to an email address or phone number. */
  async codeFor(address: string, purpose: 'signUp' | 'forgotPassword' = 'signUp'): Promise<string> {
    const response = await fetch(`${this.cognitoUrl}/_local/codes/${encodeURIComponent(address)}?purpose=${purpose}`);
    if (!response.ok) throw new Error(`${this.name}: no ${purpose} code for ${address}: HTTP ${response.status}`);
    return ((await response.json()) as { code: string }).code;
  }

  /** Calls an action of the app client (its ClientId added). */
  async call(action: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.send(action, { ClientId: this.clientId, ...body });
  }

  private async send(action: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.cognitoUrl}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${this.name}: ${action}: ${JSON.stringify(answer)}`);
    return answer;
  }

  /** A confirmed account, made as its owner would: SignUp, then ConfirmSignUp with the code
   * sent to `codeTo` (which verifies that address). */
  async registerConfirmed(
    username: string,
    password: string,
    attributes: Record<string, string>,
    codeTo: string,
  ): Promise<void> {
    const UserAttributes = Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
    await this.call('SignUp', { Username: username, Password: password, UserAttributes });
    await this.call('ConfirmSignUp', { Username: username, ConfirmationCode: await this.codeFor(codeTo) });
  }
}
