// Processes for bench.mjs: the local Cognito and one static server per (side, flow), all on
// loopback, on free ports the system picks or on BENCH_COGNITO_PORT / BENCH_SITE_PORTS.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const children = [];
export function stopChildren() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

export function startProcess(command, args, env, readyPattern) {
  return new Promise((resolveStart, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(readyPattern);
      if (match) {
        clearTimeout(timer);
        resolveStart({ child, match });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}):\n${output}`));
    });
  });
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

// BENCH_SITE_PORTS=FIRST-LAST: the sites take these in turn (else free ports).
const sitePorts = (() => {
  const range = process.env.BENCH_SITE_PORTS;
  if (!range) return undefined;
  const [first, last] = range.split('-').map(Number);
  if (!Number.isInteger(first) || !Number.isInteger(last) || last < first) {
    throw new Error(`BENCH_SITE_PORTS=${range}: expected FIRST-LAST`);
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
})();

export async function startSite(dir, configPath) {
  let port;
  if (sitePorts) {
    port = sitePorts.shift();
    if (port === undefined) throw new Error(`BENCH_SITE_PORTS=${process.env.BENCH_SITE_PORTS} has too few ports`);
  } else {
    port = await freePort();
  }
  await startProcess(
    'node',
    ['tests/e2e/support/serve.mjs'],
    // Brotli-compressed bodies, as a deployment serves them, for every side alike.
    { SITE_DIR: dir, SITE_CONFIG: configPath, SITE_PORT: String(port), SITE_COMPRESS: 'br' },
    /site on http/,
  );
  return `http://127.0.0.1:${port}`;
}

export async function cognitoCall(endpoint, action, body) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${action}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
