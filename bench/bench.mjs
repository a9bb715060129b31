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
import { cpSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
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
import { readBreakdown, writeReport } from './report.mjs';
import { checkBudget, codeFiles, routeChunks, routePaths } from './sizes.mjs';
import { KB, kb, median, mostCommon, ms, mb, spread } from './stats.mjs';

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

  const breakdown = readBreakdown(opts.breakdown);

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

  const written = writeReport({
    out: OUT, smoke, table, rows, sides, ours, peer, peerDir, floor, problems, srp, flows, breakdown, ourFiles, routes,
    loadBefore, loadAfter, chromiumVersion, iterations: { LOADS, RUNS, THROTTLED_RUNS },
  });
  log('');
  log(`written to ${written}`);

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
