// The Content-Security-Policy that scripts/csp.mjs derives from config.json: allowedRedirectOrigins
// reach frame-ancestors only as origins, spelled as the app spells them (origin-cases.json is
// shared with core/src/config.rs's tests), and a bad one stops the script with the field named.
//
//   node --test tests/csp/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, cspFor, normalizeOrigin } from '../../scripts/csp.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const script = join(here, '../../scripts/csp.mjs');
const cases = JSON.parse(readFileSync(join(here, 'origin-cases.json'), 'utf8'));
const POOL = { region: 'ap-northeast-1', userPoolId: 'ap-northeast-1_AbC123', clientId: 'abc123def' };

/** The directives of a policy, by name. */
function directives(policy) {
  return Object.fromEntries(
    policy.split('; ').map((directive) => {
      const [name, ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );
}

/** Runs the script as `make dist` does, on a config written to a temporary file. */
function runScript(config) {
  const path = join(mkdtempSync(join(tmpdir(), 'csp-')), 'config.json');
  writeFileSync(path, JSON.stringify(config));
  return spawnSync(process.execPath, [script, path], { encoding: 'utf8' });
}

test('every origin case is read as the app reads it', () => {
  assert.ok(cases.length > 30);
  for (const { entry, becomes } of cases) {
    assert.equal(normalizeOrigin(entry), becomes, JSON.stringify(entry));
  }
});

test('frame-ancestors lists the page itself and each allowed origin, normalised', () => {
  const policy = cspFor({
    ...POOL,
    allowedRedirectOrigins: ['https://App.example.com/', 'http://localhost:3000', 'https://shop.example.com:443'],
  });
  assert.deepEqual(directives(policy)['frame-ancestors'], [
    "'self'",
    'https://app.example.com',
    'http://localhost:3000',
    'https://shop.example.com',
  ]);
  assert.deepEqual(directives(cspFor(POOL))['frame-ancestors'], ["'self'"]);
  assert.deepEqual(directives(cspFor({ ...POOL, allowedRedirectOrigins: null }))['frame-ancestors'], ["'self'"]);
});

test('the rest of the policy: own scripts and styles, Cognito for connections, a base on the site', () => {
  const policy = directives(cspFor({ ...POOL, endpoint: 'http://127.0.0.1:9229/' }));
  assert.deepEqual(policy['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(policy['style-src'], ["'self'"]);
  assert.deepEqual(policy['connect-src'], ["'self'", 'http://127.0.0.1:9229']);
  assert.deepEqual(policy['base-uri'], ["'self'"]);
  assert.deepEqual(directives(cspFor(POOL))['connect-src'], [
    "'self'",
    'https://cognito-idp.ap-northeast-1.amazonaws.com',
  ]);
});

test('an entry that is not an origin is refused, naming the field and the entry', () => {
  for (const { entry } of cases.filter((c) => c.becomes === null)) {
    assert.throws(
      () => cspFor({ ...POOL, allowedRedirectOrigins: ['https://good.example', entry] }),
      (error) =>
        error instanceof ConfigError &&
        error.message.startsWith('config.json field "allowedRedirectOrigins" is invalid: ') &&
        error.message.includes(JSON.stringify(entry)),
      JSON.stringify(entry),
    );
  }
  for (const notAList of ['https://app.example.com', { a: 1 }, 7]) {
    assert.throws(
      () => cspFor({ ...POOL, allowedRedirectOrigins: notAList }),
      /config.json field "allowedRedirectOrigins" is invalid: expected a list of origins/,
    );
  }
});

test('the script prints the header, or fails with status 1 and the field on stderr', () => {
  const good = runScript({ ...POOL, allowedRedirectOrigins: ['https://app.example.com'] });
  assert.equal(good.status, 0, good.stderr);
  assert.equal(good.stdout.trim(), cspFor({ ...POOL, allowedRedirectOrigins: ['https://app.example.com'] }));

  const bad = runScript({ ...POOL, allowedRedirectOrigins: ["https://app.example.com; script-src 'unsafe-inline'"] });
  assert.equal(bad.status, 1);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /config.json field "allowedRedirectOrigins" is invalid/);
  assert.match(bad.stderr, /script-src 'unsafe-inline'/);
});

test('the pool domain of oauth may be fetched (the code exchange), once even when it is the endpoint', () => {
  const domain = 'https://example.auth.ap-northeast-1.amazoncognito.com';
  const connect = directives(cspFor({ ...POOL, oauth: { domain: `${domain}/` } }))['connect-src'];
  assert.deepEqual(connect, ["'self'", 'https://cognito-idp.ap-northeast-1.amazonaws.com', domain]);
  const local = { ...POOL, endpoint: 'http://127.0.0.1:9229/', oauth: { domain: 'http://127.0.0.1:9229' } };
  assert.deepEqual(directives(cspFor(local))['connect-src'], ["'self'", 'http://127.0.0.1:9229']);
  assert.deepEqual(directives(cspFor(POOL))['connect-src'], ["'self'", 'https://cognito-idp.ap-northeast-1.amazonaws.com']);
  assert.throws(() => cspFor({ ...POOL, oauth: { domain: "https://x.example 'unsafe-inline'" } }), ConfigError);
});
