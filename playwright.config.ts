import { defineConfig } from '@playwright/test';

const sitePort = Number(process.env.E2E_SITE_PORT ?? 8090);
// Two other origins that use the sign-in page as their login: one allowlisted in config.json,
// one not (an impostor).
const embedderPort = sitePort + 4;
const impostorPort = sitePort + 5;
export const EMBEDDER_URL = `http://127.0.0.1:${embedderPort}`;
export const IMPOSTOR_URL = `http://127.0.0.1:${impostorPort}`;
// The example host app (examples/host), which uses the crate as a library, on an origin of its own.
const exampleHostPort = sitePort + 6;
export const EXAMPLE_HOST_URL = `http://127.0.0.1:${exampleHostPort}`;
// The same site as a brand configures it: its name, logo and theme in config.json.
const brandedPort = sitePort + 7;
export const BRANDED_URL = `http://127.0.0.1:${brandedPort}`;
// The same site with choice-based sign-in (USER_AUTH): passkeys, emailed codes or the password.
// Served under the name localhost, the pool's passkey relying party; 127.0.0.1 on the same port
// is a site passkeys refuse.
const passwordlessPort = sitePort + 8;
export const PASSWORDLESS_URL = `http://localhost:${passwordlessPort}`;
export const PASSWORDLESS_ON_WRONG_SITE_URL = `http://127.0.0.1:${passwordlessPort}`;
// The same site signing in through the pool domain (config.json's oauth): the local Cognito's
// OAuth endpoints and its local identity provider stand in for Google and a company's provider.
const federationPort = sitePort + 10;
export const FEDERATION_URL = `http://127.0.0.1:${federationPort}`;
export const FEDERATION_OAUTH = {
  domain: `http://127.0.0.1:${Number(process.env.E2E_COGNITO_PORT ?? 9230)}`,
  // Listed out of order: the page shows them in the order the brands ask for.
  providers: ['LoginWithAmazon', { name: 'ExampleCorp', label: 'Example Corp' }, 'Google', 'Facebook', 'SignInWithApple'],
  emailDomainSignIn: true,
};
export const BRANDING = {
  title: 'Acme Store',
  logoUrl: '/logo.svg',
  logoAlt: 'Acme',
  theme: { accent: '#e4007f', radius: '2px' },
};

// Debian's Chromium, headless, with the flags this sandbox needs (no GPU, no network beyond loopback).
const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TOKEN_TIMER_SPECS = ['**/session.spec.ts', '**/faults.spec.ts'];

export default defineConfig({
  testDir: 'tests/e2e',
  // One worker: the tests share one local Cognito, and one of them stops it on purpose.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // The session and fault suites mostly wait for short-lived tokens to expire; as a project of
  // their own they can run beside the rest (`--project`), each run with its own local Cognito.
  projects: [
    { name: 'main', testIgnore: TOKEN_TIMER_SPECS },
    { name: 'token-timers', testMatch: TOKEN_TIMER_SPECS },
  ],
  use: {
    baseURL: `http://127.0.0.1:${sitePort}`,
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumFlags },
    trace: 'off',
  },
  webServer: [
    {
      command: 'node tests/e2e/support/serve.mjs',
      url: `http://127.0.0.1:${sitePort}/index.html`,
      env: {
        SITE_DIR: process.env.E2E_SITE_DIR ?? 'dist',
        SITE_CONFIG: process.env.E2E_CONFIG ?? 'target/e2e/config.json',
        // What a site that embeds the page adds to the local Cognito's config.
        SITE_CONFIG_EXTRA: JSON.stringify({ allowedRedirectOrigins: [EMBEDDER_URL] }),
        SITE_PORT: String(sitePort),
      },
      reuseExistingServer: false,
    },
    ...[embedderPort, impostorPort].map((port) => ({
      command: 'node tests/e2e/support/serve.mjs',
      url: `http://127.0.0.1:${port}/index.html`,
      env: { SITE_DIR: 'tests/e2e/embedder', SITE_PORT: String(port) },
      reuseExistingServer: false,
    })),
    {
      command: 'node tests/e2e/support/serve.mjs',
      url: `${BRANDED_URL}/index.html`,
      env: {
        SITE_DIR: process.env.E2E_SITE_DIR ?? 'dist',
        SITE_CONFIG: process.env.E2E_CONFIG ?? 'target/e2e/config.json',
        SITE_CONFIG_EXTRA: JSON.stringify(BRANDING),
        SITE_PORT: String(brandedPort),
      },
      reuseExistingServer: false,
    },
    {
      command: 'node tests/e2e/support/serve.mjs',
      url: `${PASSWORDLESS_ON_WRONG_SITE_URL}/index.html`,
      env: {
        SITE_DIR: process.env.E2E_SITE_DIR ?? 'dist',
        SITE_CONFIG: process.env.E2E_CONFIG ?? 'target/e2e/config.json',
        SITE_CONFIG_EXTRA: JSON.stringify({ authFlow: 'USER_AUTH' }),
        SITE_PORT: String(passwordlessPort),
      },
      reuseExistingServer: false,
    },
    {
      command: 'node tests/e2e/support/serve.mjs',
      url: `${FEDERATION_URL}/index.html`,
      env: {
        SITE_DIR: process.env.E2E_SITE_DIR ?? 'dist',
        SITE_CONFIG: process.env.E2E_CONFIG ?? 'target/e2e/config.json',
        SITE_CONFIG_EXTRA: JSON.stringify({ oauth: FEDERATION_OAUTH, allowedRedirectOrigins: [EMBEDDER_URL] }),
        SITE_PORT: String(federationPort),
      },
      reuseExistingServer: false,
    },
    {
      command: 'node tests/e2e/support/serve.mjs',
      // Ready once listening: a run without the example's build still serves the site.
      port: exampleHostPort,
      env: {
        SITE_DIR: process.env.E2E_EXAMPLE_HOST_DIR ?? 'target/dist-example-host',
        SITE_CONFIG: process.env.E2E_CONFIG ?? 'target/e2e/config.json',
        SITE_PORT: String(exampleHostPort),
      },
      reuseExistingServer: false,
    },
  ],
});
