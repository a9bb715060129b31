// Measures our sign-in site next to the Amplify UI <Authenticator> peer in one run, in Debian's
// headless Chromium, against one local Cognito on loopback, and prints one table (also written
// as Markdown with the machine and tool versions). bench/run.sh builds everything and calls this.
//
//   node bench/bench.mjs --ours target/dist-bench [--peer bench/amplify/dist] [--srp srp.json]
//                        [--breakdown wasm-crates.json] [--loads 25] [--runs 20] [--throttled-runs 8]
//                        [--out bench/results.md]
//   node bench/bench.mjs --smoke --ours dist      (2 iterations, 1 throttled, ours only; checks
//                                                  every row has a number and the size budget)
//
// Ports: the local Cognito and the static sites listen on free ports the system picks, or on
// BENCH_COGNITO_PORT and the range BENCH_SITE_PORTS=FIRST-LAST (5 ports: 2 per side, 1 floor).
//
// Rows on loopback: 1 first-load transfer, 2a/2b/2c navigation -> sign-in form visible, typeable
// and usable by the app, F the same for a static HTML form (the floor), 3 SRP client math (from
// the bench/srp harness's JSON), 4 sign-in wall time and requests (password and SRP flows),
// 5 reload -> signed-in page and requests, 6 memory after sign-in, 7 config.json requests, S the
// size budget; T2a-T4b and TF the start-up and sign-in rows again under a throttled network (see
// THROTTLE). What the marks mean is defined once, in bench/instrument.mjs, and applies to every
// side alike.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import {
  PASSWORD,
  SETTLE_MS,
  THROTTLE,
  coldLoad,
  newPage,
  signInFromForm,
  signInOnce,
  startMeasuring,
  transfer,
  waitMark,
} from './measure.mjs';
import { cognitoCall, startProcess, startSite, stopChildren } from './processes.mjs';
import { checkBudget, codeFiles, routeChunks, routePaths } from './sizes.mjs';

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
    'throttled-runs': { type: 'string' },
    routes: { type: 'boolean', default: true },
    out: { type: 'string' },
    work: { type: 'string', default: 'target/bench' },
  },
});
const smoke = opts.smoke;
const LOADS = Number(opts.loads ?? (smoke ? 2 : 25));
const RUNS = Number(opts.runs ?? (smoke ? 2 : 20));
// Throttled loads take seconds each; every throttled run is a cold load then a sign-in.
const THROTTLED_RUNS = Number(opts['throttled-runs'] ?? (smoke ? 1 : 8));
const OUT = opts.out ?? (smoke ? join(opts.work, 'results.md') : 'bench/results.md');
const WORK = opts.work;
const KB = 1000;
// The table's rows, all counted as failed when the run stops early.
const ROW_COUNT = 18;

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
  if (row('2c').met === false) {
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
    let text = `- **Row 2c** (${ms(usable)} ms against ≤ 120 ms` +
      (peer ? `; ${(median(peer.loads.map((l) => l.usable)) / usable).toFixed(1)}× Amplify against ≥ 2×` : '') +
      `): the start is one chain of steps, each waiting for the one before. Median load: html arrived at ${ms(html)} ms, the wasm at ${ms(wasm)} ms; ` +
      `the app asked for config.json at ${ms(asked)} ms, had it at ${ms(arrived)} ms and showed the form at ${ms(usable)} ms. ` +
      `Links: ${links.map(([name, v]) => `${name} ${ms(v)} ms`).join(', ')}. The largest is ${largest[0]}.`;
    text += ` The machine's load average was ${loadBefore[0].toFixed(1)}–${loadAfter[0].toFixed(1)} on ${cpus().length} cores during the run, which stretches every figure on both sides.`;
    out.push(text);
  }
  if (row('3').met === false && srp) {
    out.push(
      `- **Row 3** (${ms(srp.ours.median)} ms against ≤ 12 ms; ${(srp.sdk.median / srp.ours.median).toFixed(1)}× the SDK against ≥ 10×): ` +
        `with A = g^a made while the user types (${ms(srp.ahead.median)} ms, off the click path), the click still needs g^x (from a table of powers of g made once per page) ` +
        'and (B − kg^x)^(a+ux), two 3072-bit modular exponentiations, plus SHA-256, HKDF and HMAC; the second exponentiation is most of it.',
    );
  }
  if (row('T2b').met === false) {
    const t = ours.transfer;
    const seconds = (bytes) => (bytes / THROTTLE.downloadThroughput).toFixed(1);
    out.push(
      `- **Row T2b**: at ${THROTTLE.downloadThroughput * 8 / 1e6} Mbit/s the ${kb(t.brotli)} KB (brotli) of row 1 take ${seconds(t.brotli)} s to arrive ` +
        `before any latency; until the wasm has arrived and started, there is no form to type in unless the page paints one itself.`,
    );
  }
  for (const r of missed.filter((m) => !['1', '2c', '3', 'T2b'].includes(m.row))) {
    const amplify = peer && r.peer !== '—' ? `; Amplify ${r.peer}` : '';
    out.push(`- **Row ${r.row}** (${r.figure}): ours ${r.ours}${amplify}; the target is ${r.target}.`);
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
let breakdownGroups;
let breakdownCrates;
let breakdownCode;

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
    ['local-cognito/server.py', '--port', process.env.BENCH_COGNITO_PORT ?? '0', '--write-config', baseConfigPath],
    {},
    /local Cognito ready on (http:\/\/127\.0\.0\.1:\d+\/)/,
  );
  const endpoint = match[1];
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

  // The floor: the static form next to our stylesheet, served the same way with the same headers.
  const floorDir = join(WORK, 'static-floor');
  mkdirSync(floorDir, { recursive: true });
  cpSync('bench/static-floor/index.html', join(floorDir, 'index.html'));
  cpSync('style/main.css', join(floorDir, 'main.css'));
  const floor = { key: 'floor', name: 'static floor', dir: floorDir, site: await startSite(floorDir, configs.password) };

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
  startMeasuring(browser, endpoint);
  const chromiumVersion = browser.version();
  const problems = new Map([...sides, floor].map((s) => [s.key, new Set()]));
  const note = (side, list) => list.forEach((p) => problems.get(side.key).add(p));
  const began = Date.now();
  const log = (text) => process.stdout.write(`${text}\n`);
  const progress = (text) => log(`[${Math.round((Date.now() - began) / 1000)}s] ${text}`);
  const loadBefore = loadavg();

  // Warm the static servers and the local Cognito (not measured).
  for (const side of sides) note(side, (await coldLoad(side.sites.password)).problems);
  note(floor, (await coldLoad(floor.site, { until: 'typeable' })).problems);

  progress(`row 1: first-load transfer`);
  for (const side of sides) side.transfer = await transfer(side.sites.password);

  progress(`rows 2a-2c, F, 7: ${LOADS} cold loads per side`);
  for (const side of [...sides, floor]) side.loads = [];
  for (let i = 0; i < LOADS; i++) {
    for (const side of sides) {
      const load = await coldLoad(side.sites.password);
      side.loads.push(load);
      note(side, load.problems);
    }
    const load = await coldLoad(floor.site, { until: 'typeable' });
    floor.loads.push(load);
    note(floor, load.problems);
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

  // Throttled: every run is a cold load and a sign-in; the form rows take the loads of both flows.
  floor.throttled = [];
  for (const [flow] of Object.entries(flows)) {
    progress(`rows T2a-T4b${flow === 'password' ? ', TF' : ''}: ${THROTTLED_RUNS} throttled runs per side, ${flow} flow`);
    for (const side of sides) side.throttled = side.throttled ?? { password: [], srp: [] };
    for (let i = 0; i < THROTTLED_RUNS; i++) {
      for (const side of sides) {
        const run = await signInOnce(side.sites[flow], side.users[flow], { reload: false, throttle: true });
        side.throttled[flow].push(run);
        note(side, run.problems);
      }
      if (flow === 'password') {
        const load = await coldLoad(floor.site, { until: 'typeable', throttle: true });
        floor.throttled.push(load);
        note(floor, load.problems);
      }
    }
  }

  // Sizes: every wasm/js file of our build, and what each route makes the browser fetch.
  const ourFiles = codeFiles(sides[0].dir);
  let routes;
  if (opts.routes) {
    // The smoke run takes the first route and one that needs a session: enough to keep the code
    // working, in seconds rather than a minute.
    const all = routePaths();
    const paths = smoke ? [all[0], ...all.filter((p) => p.includes('session')).slice(0, 1)] : all;
    progress(`route chunks: ${paths.length} routes of our site, by a link from the sign-in page and by a direct load`);
    const side = sides[0];
    routes = await routeChunks({
      newPage,
      site: side.sites.password,
      dir: side.dir,
      paths,
      signIn: async (page) => {
        await waitMark(page, 'usable', 'route chunks: sign-in page');
        await signInFromForm(page, side.users.password);
      },
    });
  }
  await browser.close();
  progress('measured');
  const loadAfter = loadavg();
  const budget = checkBudget(sides[0].transfer);

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
    Number.isFinite(oursValue) && Number.isFinite(peerValue) && oursValue > 0 ? `${(peerValue / oursValue).toFixed(2)}×` : '—';
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

  rows.push({
    row: 'S',
    figure: 'Size budget: row 1 in bytes, brotli (bench/size-budget.json)',
    ours: `${ours.transfer.brotli} B (budget ${budget.limit} B)`,
    oursValue: ours.transfer.brotli,
    peer: '—',
    ratio: '—',
    target: `≤ ${budget.limit} B`,
    met: !budget.over,
  });

  const spreadCell = (s) => `${ms(s.median)} ms (IQR ${ms(s.q1)}–${ms(s.q3)}, min ${ms(s.min)}, max ${ms(s.max)}, n=${s.n})`;
  const markOf = (loads, key) => spread(loads.map((l) => l[key]));
  const formLoads = (side) => [...side.throttled.password, ...side.throttled.srp];
  const floorOf = (loads) => ({ visible: markOf(loads, 'visible'), typeable: markOf(loads, 'typeable') });
  const floorLoopback = floorOf(floor.loads);
  const floorThrottled = floorOf(floor.throttled);
  const formRow = (id, key, figure, loadsOf, target, met) => {
    const o = markOf(loadsOf(ours), key);
    const p = peer ? markOf(loadsOf(peer), key) : undefined;
    rows.push({
      row: id,
      figure,
      ours: spreadCell(o),
      oursValue: o.median,
      peer: p ? spreadCell(p) : peerMissing,
      ratio: p ? ratio(o.median, p.median) : '—',
      target,
      met: met(o.median, p?.median),
    });
  };
  const withinFloor = (floorMedian) => (o) => o <= 1.2 * floorMedian;
  const fasterThanPeer = (factor) => (o, p) => p === undefined || p / o >= factor;
  formRow('2a', 'visible', 'Navigation → sign-in form visible (median, cold context)', (s) => s.loads,
    `≤ 1.2× the floor (${ms(1.2 * floorLoopback.visible.median)} ms)`, withinFloor(floorLoopback.visible.median));
  formRow('2b', 'typeable', 'Navigation → sign-in form typeable (median, cold context)', (s) => s.loads,
    `≤ 1.2× the floor (${ms(1.2 * floorLoopback.typeable.median)} ms)`, withinFloor(floorLoopback.typeable.median));
  formRow('2c', 'usable', 'Navigation → sign-in form usable by the app (median, cold context)', (s) => s.loads,
    '≤ 120 ms and ≥ 2× faster than Amplify', (o, p) => o <= 120 && fasterThanPeer(2)(o, p));
  const floorCell = (f) => `visible ${spreadCell(f.visible)}; typeable ${ms(f.typeable.median)} ms`;
  rows.push({
    row: 'F',
    figure: 'Reference: static HTML+CSS sign-in form (bench/static-floor), visible / typeable (median, cold context)',
    ours: floorCell(floorLoopback),
    oursValue: floorLoopback.typeable.median,
    peer: '—',
    ratio: '—',
    target: '— (the floor for 2a, 2b)',
    met: undefined,
  });

  const srpOurs = srp?.ours?.median;
  const srpSdk = srp?.sdk?.median;
  rows.push({
    row: '3',
    figure: 'SRP math on the click path, A made before the click (median after warm-up)',
    ours: srp ? `${ms(srpOurs)} ms (n=${srp.runs}); A before the click ${ms(srp.ahead.median)} ms` : 'NaN (SRP harness did not run)',
    oursValue: srpOurs,
    peer: srp ? `${ms(srpSdk)} ms amazon-cognito-identity-js AuthenticationHelper, A + signature` : 'n/a',
    ratio: ratio(srpOurs, srpSdk),
    target: '≤ 12 ms and ≥ 10× the SDK',
    met: srp ? srpOurs <= 12 && srpSdk / srpOurs >= 10 : undefined,
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


  const configOf = (side) => {
    const counts = [...side.loads, ...side.password, ...side.srp, ...formLoads(side)].map((l) => l.configRequests);
    const max = Math.max(...counts);
    const min = Math.min(...counts);
    return { max, text: `${min === max ? max : `${min}–${max}`} req in every load (n=${counts.length})` };
  };
  const co = configOf(ours);
  const cp = peer ? configOf(peer) : undefined;
  rows.push({
    row: '7',
    figure: `config.json requests of a cold load of /sign-in (until ${SETTLE_MS} ms after the form is usable by the app)`,
    ours: co.text,
    oursValue: co.max,
    peer: cp ? cp.text : peerMissing,
    ratio: '—',
    target: '1 request',
    met: co.max === 1,
  });

  const throttledNote = '1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT';
  formRow('T2a', 'visible', `Throttled (${throttledNote}): navigation → sign-in form visible`, formLoads,
    '— (reported)', () => undefined);
  formRow('T2b', 'typeable', 'Throttled: navigation → sign-in form typeable', formLoads,
    '≤ 700 ms and ≥ 3× faster than Amplify', (o, p) => o <= 700 && fasterThanPeer(3)(o, p));
  formRow('T2c', 'usable', 'Throttled: navigation → sign-in form usable by the app', formLoads,
    '— (reported)', () => undefined);
  rows.push({
    row: 'TF',
    figure: 'Throttled reference: static HTML+CSS sign-in form, visible / typeable',
    ours: floorCell(floorThrottled),
    oursValue: floorThrottled.typeable.median,
    peer: '—',
    ratio: '—',
    target: '— (the floor for T2a, T2b)',
    met: undefined,
  });
  for (const [flow, authFlow] of Object.entries(flows)) {
    const of = (side) => {
      const runs = side.throttled[flow];
      return { s: spread(runs.map((r) => r.signInMs)), calls: callsCell(runs.map((r) => r.signInCalls)) };
    };
    const o = of(ours);
    const p = peer ? of(peer) : undefined;
    const cell = (x) => `${ms(x.s.median)} ms (IQR ${ms(x.s.q1)}–${ms(x.s.q3)}, n=${x.s.n}); ${x.calls.text}`;
    rows.push({
      row: flow === 'password' ? 'T4a' : 'T4b',
      figure: `Throttled: sign-in wall time, click → session page, ${authFlow}`,
      ours: cell(o),
      oursValue: o.s.median,
      peer: p ? cell(p) : peerMissing,
      ratio: p ? ratio(o.s.median, p.s.median) : '—',
      target: '≥ 1.5× faster than Amplify',
      met: p ? p.s.median / o.s.median >= 1.5 : undefined,
    });
  }

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
  md.push(smoke ? '# Benchmark smoke run (2 iterations, 1 throttled, no peer)' : '# Benchmark results');
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
    `Iterations: ${LOADS} cold loads per side (rows 2a–2c, F), ${RUNS} sign-ins per side and flow (rows 4–6), ` +
      `${THROTTLED_RUNS} throttled runs per side and flow (T rows), interleaved ours/peer so that machine noise hits both. KB = 1000 bytes; MB = 10^6 bytes. ` +
      `Ratio = Amplify's figure ÷ ours (above 1: ours is smaller or faster).`,
  );
  md.push('');
  md.push(...closingNotes({ rows, sides, ours, peer, srp, flows, loadBefore, loadAfter }));
  md.push('## How each figure is taken');
  md.push('');
  md.push('- Both sites (and the floor) are served by tests/e2e/support/serve.mjs from loopback (no-store, the site\'s CSP on HTML, bodies sent brotli-compressed at quality 11 to browsers that accept it, as a deployment precompresses them), each reading the same `config.json` (pool, client, local endpoint, `authFlow`). Every load is a new browser context (empty cache and storage) in one headless Chromium.');
  md.push("- The peer is bench/amplify: `<Authenticator>` from @aws-amplify/ui-react with `Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId, userPoolEndpoint, loginWith: { email: true } } } })`, where `userPoolEndpoint` (Amplify v6's endpoint override) points it at the local Cognito; the flow comes from `authFlow` through the Authenticator's `services.handleSignIn`. A Vite production build with React 18 (Amplify UI's bundled @xstate/react accepts React up to 18).");
  md.push('- **1**: every response with a 2xx status whose request started before the form was usable (html, js, wasm, css, config.json); each body is compressed with `gzip -9 -n` and `brotli -q 11` (Debian\'s CLIs) and the sizes summed.');
  md.push('- **2a–2c**: `performance.now()` in the page (milliseconds since navigation start), checked on every DOM change, stylesheet load and frame by a script installed before any site script (bench/instrument.mjs). **2a visible**: the input labelled exactly "Email" and the "Sign in" button are both rendered (non-empty box, not hidden) and every linked stylesheet has loaded (until then the page is render-blocked). **2b typeable**: such an input is visible, enabled (not disabled, read-only or inert) and takes focus; a static pre-painted form counts. **2c usable by the app**: such an input and button are rendered and enabled outside any `[data-prepaint]` element, i.e. in the form the app renders. Without a pre-painted form the three coincide.');
  md.push('- **F**: the floor for 2a and 2b: bench/static-floor/index.html, our sign-in page as the app renders it written out as static HTML, with style/main.css beside it and no script, served by the same server with the same headers.');
  md.push('- **3**: the bench/srp harness (its own page in the same Chromium): our wasm (the app\'s release profile) against amazon-cognito-identity-js\'s AuthenticationHelper on the same random server values, warm-up excluded. Ours is timed as the app runs it: A = g^a before the click, and on the click x, g^x (from a table of powers of g made once per page), u, S, the key and the signature; the SDK does all of it on the click.');
  md.push(`- **4**: from the click event's timeStamp on "Sign in" to the first DOM change that shows the session page's \`[data-testid=session-email]\` with text; requests are the Cognito API calls (X-Amz-Target) sent from the click until ${SETTLE_MS} ms after the session page showed (CORS preflights not counted).`);
  md.push(`- **5**: \`page.reload()\` on the session page; from the new document's navigation start to the session e-mail showing; requests as in 4.`);
  md.push(`- **7**: requests for config.json the page made (Playwright request events) from navigation until ${SETTLE_MS} ms after the form was usable by the app, in every cold load and sign-in run; a preload and the fetch it serves are one request.`);
  md.push('- **S**: row 1 in brotli bytes against `signInFirstLoadBrotliBytes` in bench/size-budget.json; `make test` fails above it.');
  md.push(`- **T rows**: the same marks as 2a–2c, F and 4 with CDP \`Network.emulateNetworkConditions\` (download ${THROTTLE.downloadThroughput * 8 / 1e6} Mbit/s, upload ${THROTTLE.uploadThroughput * 8 / 1e3} kbit/s, latency ${THROTTLE.latency} ms) set on each page before it navigates. Each throttled run is a cold load then a sign-in; ${THROTTLED_RUNS} runs per side and flow, and the form rows take the loads of both flows.`);
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

  md.push('## Every wasm and js file of our build');
  md.push('');
  md.push('| file | raw | gzip -9 | brotli -q 11 |');
  md.push('| --- | --- | --- | --- |');
  for (const f of ourFiles) md.push(`| ${f.path} | ${f.raw} | ${f.gzip} | ${f.brotli} |`);
  md.push('');
  if (routes) {
    md.push('## Wasm and js fetched per route (ours)');
    md.push('');
    md.push('For each route of `AuthRoute::path` (src/routes.rs): the .wasm/.js files the browser fetched when the route was entered by a link from the sign-in page (handled by the app\'s router: "same document" yes) and by a direct load of its address, until the network was quiet for 500 ms. Signed out; a route that sends a signed-out visitor elsewhere ("ended at") is measured again signed in, its link followed from the page the sign-in leads to. Sizes in bytes.');
    md.push('');
    md.push('| route | signed in | entered by | ended at | same document | files | raw | gzip -9 | brotli -q 11 |');
    md.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of routes) {
      const files = r.files.map((f) => f.path).join(', ') || '(none)';
      const how = r.how === 'link' ? 'link' : 'direct load';
      md.push(`| ${r.route} | ${r.signedIn ? 'yes' : 'no'} | ${how} | ${r.endedAt} | ${r.how === 'link' ? (r.sameDocument ? 'yes' : 'no') : '—'} | ${files} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
    }
    md.push('');
  }

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
    md.push(`| ${side.name} | ${cells.join(' | ')} | ${ms(median(side.loads.map((l) => l.usable)))} |`);
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
  for (const side of [...sides, floor]) for (const p of problems.get(side.key)) problemLines.push(`- ${side.name}: ${p}`);
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

  // Every row must have a number for ours, and row 1 must be within the size budget (sizes are
  // deterministic; no time is checked against a limit). The smoke run is this check.
  let passed = 0;
  let failed = 0;
  for (const r of rows) {
    if (!Number.isFinite(r.oursValue)) {
      failed += 1;
      log(`FAILED row ${r.row}: ${r.figure}: no number (${r.ours})`);
    } else if (r.row === 'S' && budget.over) {
      failed += 1;
      log(`FAILED row S: ${budget.line}`);
    } else {
      passed += 1;
      log(`ok     row ${r.row}: ${r.figure}`);
    }
  }
  if (rows.length !== ROW_COUNT) throw new Error(`the table has ${rows.length} rows, ROW_COUNT says ${ROW_COUNT}`);
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
    console.log(`${ROW_COUNT} failed, 0 passed`);
    stopChildren();
    process.exit(1);
  });
