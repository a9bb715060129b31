// Measures our sign-in site next to the Amplify UI <Authenticator> peer in one run, in Debian's
// headless Chromium, against one local Cognito on loopback, and prints one table (also written
// as Markdown with the machine and tool versions). bench/run.sh builds everything and calls this.
//
//   node bench/bench.mjs --ours target/dist-bench [--peer bench/amplify/dist] [--srp srp.json]
//                        [--breakdown wasm-crates.json] [--loads 25] [--runs 20] [--out bench/results.md]
//   node bench/bench.mjs --smoke --ours dist      (2 iterations, ours only; checks every row has a number)
//
// Rows: 1 first-load transfer, 2 navigation -> sign-in form usable, 3 SRP client math (from the
// bench/srp harness's JSON), 4 sign-in wall time and requests (password and SRP flows), 5 reload
// -> signed-in page and requests, 6 memory after sign-in. What "usable" and the other marks mean
// is defined once, in INSTRUMENT below, and applies to both sides alike.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { values: opts } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    ours: { type: 'string', default: 'target/dist-bench' },
    peer: { type: 'string' },
    'peer-note': { type: 'string' },
    srp: { type: 'string' },
    breakdown: { type: 'string' },
    loads: { type: 'string' },
    runs: { type: 'string' },
    out: { type: 'string' },
    work: { type: 'string', default: 'target/bench' },
  },
});
const smoke = opts.smoke;
const LOADS = Number(opts.loads ?? (smoke ? 2 : 25));
const RUNS = Number(opts.runs ?? (smoke ? 2 : 20));
const OUT = opts.out ?? (smoke ? join(opts.work, 'results.md') : 'bench/results.md');
const WORK = opts.work;
const PASSWORD = 'Correct-Horse-9';
// After the session page shows, requests still arriving within this window count as the sign-in's.
const SETTLE_MS = 300;
const KB = 1000;

const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// ---------------------------------------------------------------------------------------------
// In-page instrumentation, installed in every page before any of the site's scripts run.
//
// usable    performance.now() (ms since navigation start) at the first DOM change after which the
//           input labelled exactly "Email" and the button "Sign in" are both in the document,
//           rendered (non-empty box, not display:none / visibility:hidden) and enabled (not
//           disabled, input not read-only). Checked on every DOM mutation batch.
// clickAt   the timeStamp of the click event on the "Sign in" button (same clock).
// sessionAt performance.now() at the first DOM change after which [data-testid=session-email]
//           is rendered with text. Reset by the click, so it is the session page after sign-in.
// wasmBytes the byteLength of every WebAssembly.Memory that the page's modules export.
const INSTRUMENT = () => {
  const marks = { usable: null, clickAt: null, sessionAt: null, dateFormatting: [] };
  const memories = [];
  // Time spent formatting dates for people (the first call in a context starts ICU).
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    const original = Date.prototype[name];
    Date.prototype[name] = function (...args) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        marks.dateFormatting.push([started, performance.now() - started]);
      }
    };
  }
  window.__bench = marks;
  window.__benchWasmBytes = () => memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
  const keep = (instance) => {
    for (const value of Object.values(instance?.exports ?? {})) {
      if (value instanceof WebAssembly.Memory && !memories.includes(value)) memories.push(value);
    }
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) {
    WebAssembly.instantiateStreaming = async function (...args) {
      const result = await streaming.apply(this, args);
      keep(result.instance);
      return result;
    };
  }
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    const result = await instantiate.apply(this, args);
    keep(result instanceof WebAssembly.Instance ? result : result.instance);
    return result;
  };
  const rendered = (el) => {
    if (!el || !el.isConnected) return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const emailInput = () => {
    for (const label of document.getElementsByTagName('label')) {
      if (label.textContent.trim() === 'Email' && label.control) return label.control;
    }
    return null;
  };
  const signInButton = () => {
    for (const button of document.getElementsByTagName('button')) {
      if (button.textContent.trim() === 'Sign in') return button;
    }
    return null;
  };
  const check = () => {
    const now = performance.now();
    if (marks.usable === null) {
      const input = emailInput();
      const button = signInButton();
      if (input && button && !input.disabled && !input.readOnly && !button.disabled && rendered(input) && rendered(button)) {
        marks.usable = now;
      }
    }
    if (marks.sessionAt === null) {
      const session = document.querySelector('[data-testid="session-email"]');
      if (session && session.textContent.trim() !== '' && rendered(session)) marks.sessionAt = now;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button && button.textContent.trim() === 'Sign in') {
        marks.clickAt = event.timeStamp;
        marks.sessionAt = null;
      }
    },
    true,
  );
};

// ---------------------------------------------------------------------------------------------
// Processes: the local Cognito and one static server per (side, flow), all on loopback.
const children = [];
function stopChildren() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function startProcess(command, args, env, readyPattern) {
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

async function startSite(dir, configPath) {
  const port = await freePort();
  await startProcess(
    'node',
    ['tests/e2e/support/serve.mjs'],
    { SITE_DIR: dir, SITE_CONFIG: configPath, SITE_PORT: String(port) },
    /site on http/,
  );
  return `http://127.0.0.1:${port}`;
}

async function cognitoCall(endpoint, action, body) {
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

// ---------------------------------------------------------------------------------------------
// Statistics and formatting.
function quantile(values, q) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
const median = (values) => quantile(values, 0.5);
function spread(values) {
  const finite = values.filter(Number.isFinite);
  return {
    median: median(finite),
    q1: quantile(finite, 0.25),
    q3: quantile(finite, 0.75),
    min: Math.min(...finite),
    max: Math.max(...finite),
    n: finite.length,
  };
}
const ms = (v) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : 'NaN');
const kb = (bytes) => (Number.isFinite(bytes) ? (bytes / KB).toFixed(1) : 'NaN');
const mb = (bytes) => (Number.isFinite(bytes) ? (bytes / 1e6).toFixed(2) : 'NaN');
function mostCommon(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** "Targets missed, and what dominates": written from this run's figures. */
function closingNotes({ rows, sides, ours, peer, srp, flows, loadBefore, loadAfter }) {
  const out = ['## Targets missed, and what dominates', ''];
  const row = (id) => rows.find((r) => r.row === id);
  const missed = rows.filter((r) => r.met === false);
  if (missed.length === 0) out.push('Every target with a verdict is met in this run.', '');

  if (row('1').met === false) {
    const t = ours.transfer;
    const wasm = t.files.find((f) => f.path.endsWith('.wasm'));
    let text = `- **Row 1** (${kb(t.brotli)} KB brotli against ≤ 120 KB): the wasm is ${kb(wasm?.brotli)} KB of it` +
      ` (${((wasm?.brotli / t.brotli) * 100).toFixed(0)} %), the JS glue ${kb(t.files.filter((f) => f.path.endsWith('.js')).reduce((a, f) => a + f.brotli, 0))} KB, the rest under 3 KB.`;
    if (breakdownGroups) {
      const parts = breakdownGroups.slice(0, 6).map(([g, bytes]) => `${g.replace(/ \(.*\)$/, '')} ≈ ${kb((bytes / breakdownCode) * (wasm?.brotli ?? NaN))} KB`);
      const top = breakdownCrates.slice(0, 6).map((c) => `${c.crate} ${kb((c.bytes / breakdownCode) * (wasm?.brotli ?? NaN))}`);
      text += ` By part of the wasm code: ${parts.join(', ')}. Largest crates (KB): ${top.join(', ')}. The framework and the standard library together are most of it; our own two crates are the third part.`;
    } else {
      text += ' (No per-crate breakdown in this run.)';
    }
    if (peer) text += ` For scale, Amplify's build is ${kb(peer.transfer.brotli)} KB brotli.`;
    out.push(text);
  }
  if (row('2').met === false) {
    const m = (side, key) => median(side.loads.map((l) => l.timeline[key]).filter((x) => x !== undefined));
    const wasm = m(ours, 'wasm');
    const asked = m(ours, 'configAsked');
    const arrived = m(ours, 'config');
    const usable = median(ours.loads.map((l) => l.usable));
    const html = m(ours, 'html');
    const links = [
      ['downloading html, js and wasm', wasm],
      ['compiling, instantiating and starting the wasm until it asks for config.json', asked - wasm],
      ['fetching config.json', arrived - asked],
      ['the first render after the config', usable - arrived],
    ];
    const largest = [...links].sort((a, b) => b[1] - a[1])[0];
    let text = `- **Row 2** (${ms(usable)} ms against ≤ 150 ms` +
      (peer ? `; ${(median(peer.loads.map((l) => l.usable)) / usable).toFixed(1)}× Amplify against ≥ 3×` : '') +
      `): the start is one chain of steps, each waiting for the one before. Median load: html arrived at ${ms(html)} ms, the wasm at ${ms(wasm)} ms; ` +
      `the app asked for config.json at ${ms(asked)} ms, had it at ${ms(arrived)} ms and showed the form at ${ms(usable)} ms. ` +
      `Links: ${links.map(([name, v]) => `${name} ${ms(v)} ms`).join(', ')}. The largest is ${largest[0]}.`;
    text += ` The machine's load average was ${loadBefore[0].toFixed(1)}–${loadAfter[0].toFixed(1)} on ${cpus().length} cores during the run, which stretches every figure on both sides.`;
    out.push(text);
  }
  if (row('3').met === false && srp) {
    let text = `- **Row 3** (${ms(srp.ours.median)} ms against ≤ 30 ms; ${(srp.sdk.median / srp.ours.median).toFixed(1)}× the SDK against ≥ 10×):`;
    const lines = srp.text.split('\n');
    const reference = lines.find((l) => /BigInt/i.test(l));
    text += ' the client does three 3072-bit modular exponentiations (A = g^a; g^x and (B − kg^x)^(a+ux) for the key) plus SHA-256, HKDF and HMAC.';
    const referenceMs = Number(reference?.match(/median\s+([\d.]+)/)?.[1]);
    if (Number.isFinite(referenceMs)) {
      text += ` The harness times those three exponentiations alone with the browser's BigInt at ${ms(referenceMs)} ms` +
        (referenceMs >= 0.5 * srp.ours.median ? ', so the exponentiations, not the hashing, are the cost.' : '.');
    }
    out.push(text);
  }
  for (const id of ['4a', '4b', '5']) {
    const r = row(id);
    if (r.met === false) out.push(`- **Row ${id}**: ${r.ours} against the target of ${r.target}.`);
  }
  const phaseNotes = [];
  for (const [flow, authFlow] of Object.entries(flows)) {
    const runs = ours[flow];
    const med = (key) => median(runs.map((r) => r.phases[key]));
    const client = med('before') + med('between') + med('after');
    phaseNotes.push(
      `${authFlow} ${ms(median(runs.map((r) => r.signInMs)))} ms = ${ms(med('network'))} in requests + ${ms(client)} in the page ` +
        `(${ms(med('before'))} before the first request, ${ms(med('between'))} between, ${ms(med('after'))} after the last response)`,
    );
  }
  const dates = median(ours.password.map((r) => r.phases.dates));
  const after = median(ours.password.map((r) => r.phases.after));
  let dateNote = '';
  if (dates > 0.25 * after) {
    dateNote = ` Of the ${ms(after)} ms after the password flow's last response, ${ms(dates)} ms are spent in Date.toLocale*String` +
      ' (the session page writes the expiry time that way; the first such call in a new context starts ICU).';
  }
  out.push(`- Sign-in (no time target): ours ${phaseNotes.join('; ')}.${dateNote} The local Cognito checks SRP in Python, which is most of the SRP requests' time on both sides.`);
  out.push('');
  return out;
}

/** A coarse grouping of crates for the size breakdown. */
function crateGroup(crate) {
  if (/^leptos_cognito/.test(crate) || crate === 'main') return 'this app (leptos_cognito, leptos_cognito_core)';
  if (/^(reactive_graph|tachys|leptos|leptos_.*|send_wrapper|either_of|any_spawner|throw_error|oco_ref|or_poisoned|next_tuple|guardian|slotmap|reactive_stores|routing_utils|server_fn|hydration_context|const_str_slice_concat|drain_filter_polyfill)$/.test(crate)) {
    return 'Leptos (framework, router, reactivity, rendering)';
  }
  if (/^(core|alloc|std|__rustc|dlmalloc|compiler_builtins|hashbrown|indexmap|rustc_demangle|panic_abort)$/.test(crate)) return 'Rust standard library and allocator';
  if (/^(serde|serde_core|serde_json|ryu|zmij|itoa|memchr|base64)$/.test(crate)) return 'serialisation (serde, serde_json, base64)';
  if (/^(dashu.*|num_.*|sha2|hmac|hkdf|digest|block_buffer|crypto_common|generic_array|cpufeatures|subtle|static_assertions)$/.test(crate)) {
    return 'SRP math (bignum, SHA-256, HMAC, HKDF)';
  }
  if (/^(js_sys|web_sys|wasm_bindgen.*|gloo.*|console_error_panic_hook)$/.test(crate) || crate.startsWith('wasm-bindgen') || crate.startsWith('(no name') || crate.startsWith('intounderlying') || crate === 'wasm_streams') {
    return 'browser bindings (wasm-bindgen, js-sys, web-sys, gloo)';
  }
  if (/^(futures.*|event_listener.*|pin_project.*|async_.*|concurrent_queue|parking|slab|pin_utils)$/.test(crate)) return 'async runtime pieces (futures, event-listener)';
  return 'other';
}

// ---------------------------------------------------------------------------------------------
// Measurements.
let browser;
let cognitoEndpoint;
let breakdownGroups;
let breakdownCrates;
let breakdownCode;

async function newPage() {
  const context = await browser.newContext();
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Failed loads are reported with their address by the response listener below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    // Chromium asks every site for /favicon.ico; neither site has one.
    if (response.status() >= 400 && path !== '/favicon.ico') problems.push(`HTTP ${response.status()} for ${path}`);
  });
  return { context, page, problems };
}

async function waitMark(page, name, what, problems = []) {
  try {
    await page.waitForFunction((key) => window.__bench && window.__bench[key] !== null, name, { timeout: 20_000 });
  } catch (error) {
    const seen = problems.length ? `; the page logged: ${problems.join(' | ')}` : '';
    throw new Error(`${what}: no "${name}" mark within 20 s (${page.url()})${seen}`, { cause: error });
  }
  return page.evaluate((key) => window.__bench[key], name);
}

function compressedSize(program, args, body) {
  const result = spawnSync(program, args, { input: body, maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr}`);
  return result.stdout.length;
}

/** Row 1: every file fetched with a 2xx answer before the form was usable, and its sizes. */
async function transfer(site) {
  const { context, page } = await newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(`${site}/sign-in`);
  const usable = await waitMark(page, 'usable', 'transfer');
  const { started, origin } = await page.evaluate(() => ({
    started: Object.fromEntries(
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => [e.name, e.startTime]),
    ),
    origin: performance.timeOrigin,
  }));
  const files = [];
  for (const response of responses) {
    const url = response.url();
    if (!url.startsWith(site) || response.status() < 200 || response.status() > 299) continue;
    // Resource Timing lists a file once it has arrived; one still arriving (a page's code fetched
    // in the background) is placed by when its request was sent.
    if ((started[url] ?? response.request().timing().startTime - origin) > usable) continue;
    const body = await response.body();
    files.push({
      path: new URL(url).pathname,
      raw: body.length,
      gzip: compressedSize('gzip', ['-9', '-c', '-n'], body),
      brotli: compressedSize('brotli', ['-q', '11', '-c'], body),
    });
  }
  await context.close();
  const sum = (key) => files.reduce((s, f) => s + f[key], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/** Row 2: one cold load (new context) to the usable form, with a timeline of what arrived when. */
async function coldLoad(site) {
  const { context, page, problems } = await newPage();
  await page.goto(`${site}/sign-in`, { waitUntil: 'commit' });
  const usable = await waitMark(page, 'usable', 'cold load', problems);
  const timeline = await page.evaluate((until) => {
    const kinds = {};
    const nav = performance.getEntriesByType('navigation')[0];
    kinds.html = nav.responseEnd;
    for (const e of performance.getEntriesByType('resource')) {
      if (e.startTime > until) continue;
      const path = new URL(e.name).pathname;
      const kind = path.endsWith('.wasm') ? 'wasm' : path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : path.endsWith('config.json') ? 'config' : 'other';
      kinds[kind] = Math.max(kinds[kind] ?? 0, e.responseEnd);
      if (kind === 'config') kinds.configAsked = e.startTime;
    }
    return kinds;
  }, usable);
  await context.close();
  return { usable, timeline, problems };
}

/** Rows 4-6: sign in once from a cold load; then memory and, if asked, a reload. */
async function signInOnce(site, email, { reload }) {
  const { context, page, problems } = await newPage();
  let phase = 'load';
  const calls = [];
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target'];
    if (!target) return;
    let flow;
    try {
      flow = JSON.parse(request.postData() ?? '{}').AuthFlow;
    } catch {
      flow = undefined;
    }
    const action = target.split('.').pop();
    calls.push({ phase, call: flow ? `${action}:${flow}` : action });
  });
  await page.goto(`${site}/sign-in`);
  await waitMark(page, 'usable', 'sign-in page', problems);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  phase = 'signIn';
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitMark(page, 'sessionAt', `sign-in of ${email}`, problems);
  await page.waitForTimeout(SETTLE_MS);
  const marks = await page.evaluate(() => ({ ...window.__bench }));
  // Where the time went: before the first Cognito request, waiting on requests, after the last.
  const phases = await page.evaluate(
    ({ endpoint, clickAt, sessionAt }) => {
      const calls = performance
        .getEntriesByType('resource')
        .filter((e) => e.name.startsWith(endpoint) && e.startTime >= clickAt && e.startTime <= sessionAt);
      const dates = window.__bench.dateFormatting
        .filter(([at]) => at >= clickAt && at <= sessionAt)
        .reduce((sum, [, took]) => sum + took, 0);
      if (calls.length === 0) return { before: sessionAt - clickAt, network: 0, between: 0, after: 0, dates };
      const network = calls.reduce((sum, e) => sum + (e.responseEnd - e.startTime), 0);
      const first = calls[0].startTime;
      const last = Math.max(...calls.map((e) => e.responseEnd));
      return { before: first - clickAt, network, between: Math.max(0, last - first - network), after: sessionAt - last, dates };
    },
    { endpoint: cognitoEndpoint, clickAt: marks.clickAt, sessionAt: marks.sessionAt },
  );
  phase = 'memory';
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasmBytes = await page.evaluate(() => window.__benchWasmBytes());
  const result = {
    signInMs: marks.sessionAt - marks.clickAt,
    signInCalls: calls.filter((c) => c.phase === 'signIn').map((c) => c.call),
    phases,
    jsHeap: heap.usedSize,
    wasmBytes,
    problems,
  };
  if (reload) {
    phase = 'reload';
    await page.reload({ waitUntil: 'commit' });
    result.reloadMs = await waitMark(page, 'sessionAt', `reload of ${email}`, problems);
    await page.waitForTimeout(SETTLE_MS);
    result.reloadCalls = calls.filter((c) => c.phase === 'reload').map((c) => c.call);
  }
  await context.close();
  return result;
}

// ---------------------------------------------------------------------------------------------
function toolVersion(command, args, pattern = /.*/) {
  try {
    const out = execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    return (out.match(pattern) ?? [out])[0].split('\n')[0];
  } catch {
    return 'not found';
  }
}

function packageVersion(dir, name) {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  if (!existsSync(join(opts.ours, 'index.html'))) throw new Error(`no built site in ${opts.ours}`);
  const peerDir = opts.peer && existsSync(join(opts.peer, 'index.html')) ? opts.peer : undefined;
  const peerMissing = smoke ? 'skipped (smoke)' : opts['peer-note'] ?? 'n/a (peer not built)';

  // The local Cognito on a free port, with users that exist and are confirmed.
  const baseConfigPath = join(WORK, 'cognito-config.json');
  const { match } = await startProcess(
    'local-cognito/.venv/bin/python',
    ['local-cognito/server.py', '--port', '0', '--write-config', baseConfigPath],
    {},
    /local Cognito ready on (http:\/\/127\.0\.0\.1:\d+\/)/,
  );
  const endpoint = match[1];
  cognitoEndpoint = endpoint;
  const base = JSON.parse(readFileSync(baseConfigPath, 'utf8'));
  const flows = { password: 'USER_PASSWORD_AUTH', srp: 'USER_SRP_AUTH' };
  const configs = {};
  for (const [flow, authFlow] of Object.entries(flows)) {
    configs[flow] = join(WORK, `config-${flow}.json`);
    writeFileSync(configs[flow], JSON.stringify({ ...base, authFlow }, null, 2));
  }
  await fetch(`${endpoint}_local/settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ autoConfirm: true, tokenLifetimeSeconds: 3600, outageSeconds: 0 }),
  });

  const sides = [{ key: 'ours', name: 'ours', dir: opts.ours }];
  if (peerDir) sides.push({ key: 'peer', name: 'Amplify', dir: peerDir });
  for (const side of sides) {
    side.sites = {};
    side.users = {};
    for (const flow of Object.keys(flows)) {
      side.sites[flow] = await startSite(side.dir, configs[flow]);
      side.users[flow] = `bench-${side.key}-${flow}-${Date.now().toString(36)}@example.com`;
      await cognitoCall(endpoint, 'SignUp', {
        ClientId: base.clientId,
        Username: side.users[flow],
        Password: PASSWORD,
        UserAttributes: [{ Name: 'email', Value: side.users[flow] }],
      });
    }
  }

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
  const chromiumVersion = browser.version();
  const problems = new Map(sides.map((s) => [s.key, new Set()]));
  const note = (side, list) => list.forEach((p) => problems.get(side.key).add(p));
  const began = Date.now();
  const log = (text) => process.stdout.write(`${text}\n`);
  const progress = (text) => log(`[${Math.round((Date.now() - began) / 1000)}s] ${text}`);
  const loadBefore = loadavg();

  // Warm the static servers and the local Cognito (not measured).
  for (const side of sides) note(side, (await coldLoad(side.sites.password)).problems);

  progress(`row 1: first-load transfer`);
  for (const side of sides) side.transfer = await transfer(side.sites.password);

  progress(`row 2: ${LOADS} cold loads per side`);
  for (const side of sides) side.loads = [];
  for (let i = 0; i < LOADS; i++) {
    for (const side of sides) {
      const load = await coldLoad(side.sites.password);
      side.loads.push(load);
      note(side, load.problems);
    }
  }

  for (const [flow] of Object.entries(flows)) {
    progress(`row 4${flow === 'password' ? ', 5, 6' : ''}: ${RUNS} sign-ins per side, ${flow} flow`);
    for (const side of sides) side[flow] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const side of sides) {
        const run = await signInOnce(side.sites[flow], side.users[flow], { reload: flow === 'password' });
        side[flow].push(run);
        note(side, run.problems);
      }
    }
  }
  await browser.close();
  progress('measured');
  const loadAfter = loadavg();

  // Row 3 comes from the bench/srp harness (run by bench/run.sh before this script).
  let srp;
  if (opts.srp && existsSync(opts.srp)) srp = JSON.parse(readFileSync(opts.srp, 'utf8'));

  if (opts.breakdown && existsSync(opts.breakdown)) {
    const b = JSON.parse(readFileSync(opts.breakdown, 'utf8'));
    const groups = new Map();
    for (const c of b.crates) groups.set(crateGroup(c.crate), (groups.get(crateGroup(c.crate)) ?? 0) + c.bytes);
    breakdownGroups = [...groups.entries()].sort((x, y) => y[1] - x[1]);
    breakdownCrates = b.crates;
    breakdownCode = b.codeBytes;
  }

  // ------------------------------------------------------------------ the table
  const ours = sides[0];
  const peer = sides[1];
  const rows = [];
  const ratio = (oursValue, peerValue) =>
    Number.isFinite(oursValue) && Number.isFinite(peerValue) && oursValue > 0 ? `${(peerValue / oursValue).toFixed(1)}×` : '—';
  const verdict = (met) => (met === undefined ? '—' : met ? '**met**' : '**missed**');

  const sizeCell = (t) => `${kb(t.brotli)} KB br (${kb(t.raw)} raw / ${kb(t.gzip)} gz, ${t.files.length} files)`;
  rows.push({
    row: '1',
    figure: 'First-load transfer, brotli -q 11 (raw / gzip -9)',
    ours: sizeCell(ours.transfer),
    oursValue: ours.transfer.brotli,
    peer: peer ? sizeCell(peer.transfer) : peerMissing,
    ratio: peer ? ratio(ours.transfer.brotli, peer.transfer.brotli) : '—',
    target: '≤ 120 KB brotli',
    met: ours.transfer.brotli <= 120 * KB,
  });

  const usableOf = (side) => spread(side.loads.map((l) => l.usable));
  const u = usableOf(ours);
  const up = peer ? usableOf(peer) : undefined;
  const spreadCell = (s) => `${ms(s.median)} ms (IQR ${ms(s.q1)}–${ms(s.q3)}, min ${ms(s.min)}, max ${ms(s.max)}, n=${s.n})`;
  rows.push({
    row: '2',
    figure: 'Navigation → sign-in form usable (median, cold context)',
    ours: spreadCell(u),
    oursValue: u.median,
    peer: up ? spreadCell(up) : peerMissing,
    ratio: up ? ratio(u.median, up.median) : '—',
    target: '≤ 150 ms and ≥ 3× faster than Amplify',
    met: u.median <= 150 && (!up || up.median / u.median >= 3),
  });

  const srpOurs = srp?.ours?.median;
  const srpSdk = srp?.sdk?.median;
  rows.push({
    row: '3',
    figure: 'SRP client math, A + signature (median after warm-up)',
    ours: srp ? `${ms(srpOurs)} ms (n=${srp.runs})` : 'NaN (SRP harness did not run)',
    oursValue: srpOurs,
    peer: srp ? `${ms(srpSdk)} ms amazon-cognito-identity-js AuthenticationHelper` : 'n/a',
    ratio: ratio(srpOurs, srpSdk),
    target: '≤ 30 ms and ≥ 10× the SDK',
    met: srp ? srpOurs <= 30 && srpSdk / srpOurs >= 10 : undefined,
  });

  const callsCell = (calls) => {
    const counts = calls.map((c) => c.length);
    const typical = mostCommon(calls.map((c) => c.join(', ')));
    return { n: median(counts), text: `${median(counts)} req (${typical || 'none'})` };
  };
  for (const [flow, authFlow] of Object.entries(flows)) {
    const wanted = flow === 'password' ? 1 : 2;
    const of = (side) => {
      const runs = side[flow];
      const s = spread(runs.map((r) => r.signInMs));
      const calls = callsCell(runs.map((r) => r.signInCalls));
      const usedFlow = runs.every((r) => r.signInCalls.some((c) => c.endsWith(`:${authFlow}`)));
      return { s, calls, usedFlow };
    };
    const o = of(ours);
    const p = peer ? of(peer) : undefined;
    const cell = (x) =>
      x.usedFlow
        ? `${ms(x.s.median)} ms (IQR ${ms(x.s.q1)}–${ms(x.s.q3)}, n=${x.s.n}); ${x.calls.text}`
        : `n/a: this build did not send ${authFlow} (sent ${x.calls.text})`;
    rows.push({
      row: flow === 'password' ? '4a' : '4b',
      figure: `Sign-in wall time, click → session page, ${authFlow}`,
      ours: cell(o),
      oursValue: o.usedFlow ? o.s.median + o.calls.n : NaN,
      peer: p ? cell(p) : peerMissing,
      ratio: p && o.usedFlow && p.usedFlow ? ratio(o.s.median, p.s.median) : '—',
      target: `${wanted} request${wanted > 1 ? 's' : ''}`,
      met: o.usedFlow ? o.calls.n <= wanted : undefined,
    });
  }

  const reloadOf = (side) => ({
    s: spread(side.password.map((r) => r.reloadMs)),
    calls: callsCell(side.password.map((r) => r.reloadCalls)),
  });
  const ro = reloadOf(ours);
  const rp = peer ? reloadOf(peer) : undefined;
  const reloadCell = (x) => `${ms(x.s.median)} ms (IQR ${ms(x.s.q1)}–${ms(x.s.q3)}, n=${x.s.n}); ${x.calls.text}`;
  rows.push({
    row: '5',
    figure: 'Reload → signed-in page (median, from navigation start)',
    ours: reloadCell(ro),
    oursValue: ro.s.median + ro.calls.n,
    peer: rp ? reloadCell(rp) : peerMissing,
    ratio: rp ? ratio(ro.s.median, rp.s.median) : '—',
    target: '1 request',
    met: ro.calls.n <= 1,
  });

  const memoryOf = (side) => {
    const heap = median(side.password.map((r) => r.jsHeap));
    const wasm = median(side.password.map((r) => r.wasmBytes));
    return { heap, wasm, total: heap + wasm };
  };
  const mo = memoryOf(ours);
  const mp = peer ? memoryOf(peer) : undefined;
  const memoryCell = (m) => `${mb(m.total)} MB (JS heap ${mb(m.heap)} + wasm ${mb(m.wasm)})`;
  rows.push({
    row: '6',
    figure: 'Memory after sign-in: JS heap used after GC + wasm memory (median)',
    ours: memoryCell(mo),
    oursValue: mo.total,
    peer: mp ? memoryCell(mp) : peerMissing,
    ratio: mp ? ratio(mo.total, mp.total) : '—',
    target: '— (reported)',
    met: undefined,
  });

  // ------------------------------------------------------------------ output
  const header = ['#', 'figure', 'ours', 'Amplify <Authenticator>', 'ratio (Amplify ÷ ours)', 'target', 'verdict'];
  const line = (cells) => `| ${cells.map((c) => String(c).replaceAll('|', '\\|')).join(' | ')} |`;
  const table = [
    line(header),
    line(header.map(() => '---')),
    ...rows.map((r) => line([r.row, r.figure, r.ours, r.peer, r.ratio, r.target, verdict(r.met)])),
  ].join('\n');
  log('');
  log(table);

  const machine = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: toolVersion('nproc', []),
    cpu: cpus()[0]?.model ?? '?',
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  };
  const tools = {
    rustc: toolVersion('rustc', ['--version']),
    trunk: toolVersion('trunk', ['--version']),
    'wasm-bindgen': toolVersion('wasm-bindgen', ['--version']),
    'wasm-opt': toolVersion('wasm-opt', ['--version']),
    chromium: `${toolVersion('chromium', ['--version'], /Chromium [\d.]+/)} (Playwright reports ${chromiumVersion})`,
    node: process.version,
    playwright: packageVersion('.', '@playwright/test'),
    'amazon-cognito-identity-js': packageVersion('.', 'amazon-cognito-identity-js'),
  };
  if (peerDir) {
    const amplify = dirname(peerDir);
    for (const name of ['aws-amplify', '@aws-amplify/ui-react', 'react', 'react-dom', 'vite']) {
      tools[name] = packageVersion(amplify, name);
    }
  }

  const md = [];
  md.push(smoke ? '# Benchmark smoke run (2 iterations, no peer)' : '# Benchmark results');
  md.push('');
  md.push(`Produced by \`make bench\` (bench/run.sh → bench/bench.mjs) on ${machine.date}.`);
  md.push('');
  md.push(
    `Machine: ${machine.nproc} cores, ${machine.cpu}, ${machine.memory} memory; load average (1 min) ` +
      `${loadBefore[0].toFixed(2)} when measuring began, ${loadAfter[0].toFixed(2)} when it ended ` +
      `(other work on the machine slows both sides; the ratios are the figures to compare).`,
  );
  md.push('');
  md.push('Tools: ' + Object.entries(tools).map(([k, v]) => `${k} ${v.replace(new RegExp(`^${k}\\s*`, 'i'), '')}`).join('; ') + '.');
  md.push('');
  md.push(table);
  md.push('');
  md.push(
    `Iterations: ${LOADS} cold loads per side (row 2), ${RUNS} sign-ins per side and flow (rows 4–6), ` +
      `interleaved ours/peer so that machine noise hits both. KB = 1000 bytes; MB = 10^6 bytes. ` +
      `Ratio = Amplify's figure ÷ ours (above 1: ours is smaller or faster).`,
  );
  md.push('');
  md.push(...closingNotes({ rows, sides, ours, peer, srp, flows, loadBefore, loadAfter }));
  md.push('## How each figure is taken');
  md.push('');
  md.push('- Both sites are served by tests/e2e/support/serve.mjs from loopback (no-store, the site\'s CSP on HTML), each reading the same `config.json` (pool, client, local endpoint, `authFlow`). Every load is a new browser context (empty cache and storage) in one headless Chromium.');
  md.push("- The peer is bench/amplify: `<Authenticator>` from @aws-amplify/ui-react with `Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint, loginWith: { email: true } } } })`, where `userPoolEndpoint` (Amplify v6's endpoint override) points it at the local Cognito; the flow comes from `authFlow` through the Authenticator's `services.handleSignIn`. A Vite production build with React 18 (Amplify UI's bundled @xstate/react accepts React up to 18).");
  md.push('- **1**: every response with a 2xx status whose request started before the form was usable (html, js, wasm, css, config.json); each body is compressed with `gzip -9 -n` and `brotli -q 11` (Debian\'s CLIs) and the sizes summed.');
  md.push('- **2**: `performance.now()` in the page (milliseconds since navigation start) at the first DOM change after which the input labelled exactly "Email" and the "Sign in" button are both rendered (non-empty box, not hidden) and enabled. Checked by a MutationObserver installed before any site script.');
  md.push('- **3**: the bench/srp harness (its own page in the same Chromium): our wasm (the app\'s release profile) against amazon-cognito-identity-js\'s AuthenticationHelper on the same random server values, warm-up excluded.');
  md.push(`- **4**: from the click event's timeStamp on "Sign in" to the first DOM change that shows the session page's \`[data-testid=session-email]\` with text; requests are the Cognito API calls (X-Amz-Target) sent from the click until ${SETTLE_MS} ms after the session page showed (CORS preflights not counted).`);
  md.push(`- **5**: \`page.reload()\` on the session page; from the new document's navigation start to the session e-mail showing; requests as in 4.`);
  md.push('- **6**: after sign-in (password flow): CDP `HeapProfiler.collectGarbage` then `Runtime.getHeapUsage().usedSize`, plus the byteLength of every `WebAssembly.Memory` the page\'s modules export (captured by wrapping `WebAssembly.instantiate*`). `performance.measureUserAgentSpecificMemory` needs cross-origin isolation, which neither site has.');
  md.push('');

  md.push('## First-load files');
  md.push('');
  md.push('| side | file | raw | gzip -9 | brotli -q 11 |');
  md.push('| --- | --- | --- | --- | --- |');
  for (const side of sides) {
    for (const f of side.transfer.files) md.push(`| ${side.name} | ${f.path} | ${f.raw} | ${f.gzip} | ${f.brotli} |`);
    md.push(`| ${side.name} | **total** | ${side.transfer.raw} | ${side.transfer.gzip} | ${side.transfer.brotli} |`);
  }
  md.push('');

  md.push('## Start-up timeline (median ms since navigation start, cold loads)');
  md.push('');
  md.push('When each kind of file had fully arrived (Resource Timing `responseEnd`, last file of the kind), when config.json was asked for (the app has started), and the form usable.');
  md.push('');
  const kinds = ['html', 'css', 'js', 'wasm', 'configAsked', 'config'];
  md.push(`| side | ${kinds.map((k) => (k === 'configAsked' ? 'config.json asked' : k === 'config' ? 'config.json arrived' : `${k} arrived`)).join(' | ')} | usable |`);
  md.push(`| --- | ${kinds.map(() => '---').join(' | ')} | --- |`);
  for (const side of sides) {
    const cells = kinds.map((k) => {
      const v = median(side.loads.map((l) => l.timeline[k]).filter((x) => x !== undefined));
      return Number.isFinite(v) ? ms(v) : '—';
    });
    md.push(`| ${side.name} | ${cells.join(' | ')} | ${ms(usableOf(side).median)} |`);
  }
  md.push('');

  md.push('## Sign-in timeline (median ms from the click)');
  md.push('');
  md.push('Split by the Resource Timing entries of the Cognito calls: the page\'s own work before the first request (for SRP: computing A), time spent in requests (network and the local Cognito, preflights included), the page\'s work between requests (for SRP: the signature), and after the last response until the session page shows. The last column is the time spent inside Date.prototype.toLocale*String calls during the sign-in (timed by a wrapper; the first call in a new context starts the browser\'s ICU).');
  md.push('');
  md.push('| side | flow | before first request | in requests | between requests | after last response | total | of which in Date.toLocale*String |');
  md.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const side of sides) {
    for (const [flow, authFlow] of Object.entries(flows)) {
      const runs = side[flow];
      const m = (key) => ms(median(runs.map((r) => r.phases[key])));
      md.push(`| ${side.name} | ${authFlow} | ${m('before')} | ${m('network')} | ${m('between')} | ${m('after')} | ${ms(median(runs.map((r) => r.signInMs)))} | ${m('dates')} |`);
    }
  }
  md.push('');

  if (srp) {
    md.push('## SRP harness output');
    md.push('');
    md.push('```');
    md.push(srp.text.trim().split('\n').filter((l) => !l.startsWith('{')).join('\n'));
    md.push('```');
    md.push('');
  }

  if (opts.breakdown && existsSync(opts.breakdown)) {
    const b = JSON.parse(readFileSync(opts.breakdown, 'utf8'));
    const wasmFile = ours.transfer.files.find((f) => f.path.endsWith('.wasm'));
    // The shipped wasm's brotli bytes, shared out by each part's share of the code section.
    const brotliOf = (bytes) => (wasmFile ? kb((bytes / b.codeBytes) * wasmFile.brotli) : '—');
    const groups = new Map();
    for (const c of b.crates) {
      const group = crateGroup(c.crate);
      groups.set(group, (groups.get(group) ?? 0) + c.bytes);
    }
    md.push('## What the wasm is made of');
    md.push('');
    md.push(b.method);
    md.push('');
    md.push(`Code section ${b.codeBytes} bytes in ${b.functions} functions; data segments (strings, tables) ${b.dataBytes} bytes.`);
    md.push('');
    md.push('| part | crates | code bytes | share of code | ≈ brotli KB |');
    md.push('| --- | --- | --- | --- | --- |');
    for (const [group, bytes] of [...groups.entries()].sort((x, y) => y[1] - x[1])) {
      const members = b.crates.filter((c) => crateGroup(c.crate) === group).map((c) => c.crate);
      const shown = members.slice(0, 6).join(', ') + (members.length > 6 ? `, … (${members.length})` : '');
      md.push(`| ${group} | ${shown} | ${bytes} | ${((bytes / b.codeBytes) * 100).toFixed(1)} % | ${brotliOf(bytes)} |`);
    }
    md.push('');
    md.push('| crate (top 25) | code bytes | share of code | ≈ brotli KB |');
    md.push('| --- | --- | --- | --- |');
    for (const c of b.crates.slice(0, 25)) {
      md.push(`| ${c.crate} | ${c.bytes} | ${((c.bytes / b.codeBytes) * 100).toFixed(1)} % | ${brotliOf(c.bytes)} |`);
    }
    md.push('');
  }

  const problemLines = [];
  for (const side of sides) for (const p of problems.get(side.key)) problemLines.push(`- ${side.name}: ${p}`);
  if (problemLines.length) {
    md.push('## Errors the pages logged during the run');
    md.push('');
    md.push(...problemLines.slice(0, 30));
    md.push('');
  }

  const notesFile = 'bench/notes.md';
  if (!smoke && existsSync(notesFile)) {
    md.push(readFileSync(notesFile, 'utf8').trim());
    md.push('');
  }

  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, md.join('\n'));
  log('');
  log(`written to ${OUT}`);

  // Every row must have a number for ours; the smoke run is this check.
  let passed = 0;
  let failed = 0;
  for (const r of rows) {
    if (Number.isFinite(r.oursValue)) {
      passed += 1;
      log(`ok     row ${r.row}: ${r.figure}`);
    } else {
      failed += 1;
      log(`FAILED row ${r.row}: ${r.figure}: no number (${r.ours})`);
    }
  }
  log(failed ? `${failed} failed, ${passed} passed` : `${passed} passed`);
  return failed === 0;
}

main()
  .then((ok) => {
    stopChildren();
    process.exit(ok ? 0 : 1);
  })
  .catch((error) => {
    console.error(error);
    console.log('bench did not finish: every row counts as failed');
    console.log('7 failed, 0 passed');
    stopChildren();
    process.exit(1);
  });
