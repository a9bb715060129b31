// The benchmark's report: bench/results.md (or the smoke run's copy), written from one run's
// figures, with the machine and tool versions, what dominates each missed target, how each figure
// is taken, and the tables behind the main one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { SETTLE_MS, THROTTLE } from './measure.mjs';
import { kb, median, ms } from './stats.mjs';

/** "Targets missed, and what dominates": written from this run's figures. */
function closingNotes({ rows, ours, peer, srp, flows, loadBefore, loadAfter, breakdown }) {
  const out = ['## Targets missed, and what dominates', ''];
  const row = (id) => rows.find((r) => r.row === id);
  const missed = rows.filter((r) => r.met === false);
  if (missed.length === 0) out.push('Every target with a verdict is met in this run.', '');

  if (row('1').met === false) {
    const t = ours.transfer;
    const wasm = t.files.find((f) => f.path.endsWith('.wasm'));
    let text = `- **Row 1** (${kb(t.brotli)} KB brotli against ≤ 120 KB): the wasm is ${kb(wasm?.brotli)} KB of it` +
      ` (${((wasm?.brotli / t.brotli) * 100).toFixed(0)} %), the JS glue ${kb(t.files.filter((f) => f.path.endsWith('.js')).reduce((a, f) => a + f.brotli, 0))} KB, the rest under 3 KB.`;
    if (breakdown) {
      const parts = breakdown.groups.slice(0, 6).map(([g, bytes]) => `${g.replace(/ \(.*\)$/, '')} ≈ ${kb((bytes / breakdown.codeBytes) * (wasm?.brotli ?? NaN))} KB`);
      const top = breakdown.crates.slice(0, 6).map((c) => `${c.crate} ${kb((c.bytes / breakdown.codeBytes) * (wasm?.brotli ?? NaN))}`);
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

/** bench/wasm-crates.mjs's JSON with the crates summed into the groups above, largest first. */
export function readBreakdown(path) {
  if (!path || !existsSync(path)) return undefined;
  const b = JSON.parse(readFileSync(path, 'utf8'));
  const groups = new Map();
  for (const c of b.crates) groups.set(crateGroup(c.crate), (groups.get(crateGroup(c.crate)) ?? 0) + c.bytes);
  return { ...b, groups: [...groups.entries()].sort((x, y) => y[1] - x[1]) };
}

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

/** Writes the report to `out` and returns its path. */
export function writeReport({
  out, smoke, table, rows, sides, ours, peer, peerDir, floor, problems, srp, flows, breakdown, ourFiles, routes,
  loadBefore, loadAfter, chromiumVersion, iterations: { LOADS, RUNS, THROTTLED_RUNS },
}) {
  const OUT = out;
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
  md.push(...closingNotes({ rows, ours, peer, srp, flows, loadBefore, loadAfter, breakdown }));
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

  if (breakdown) {
    const b = breakdown;
    const wasmFile = ours.transfer.files.find((f) => f.path.endsWith('.wasm'));
    // The shipped wasm's brotli bytes, shared out by each part's share of the code section.
    const brotliOf = (bytes) => (wasmFile ? kb((bytes / b.codeBytes) * wasmFile.brotli) : '—');
    md.push('## What the wasm is made of');
    md.push('');
    md.push(b.method);
    md.push('');
    md.push(`Code section ${b.codeBytes} bytes in ${b.functions} functions; data segments (strings, tables) ${b.dataBytes} bytes.`);
    md.push('');
    md.push('| part | crates | code bytes | share of code | ≈ brotli KB |');
    md.push('| --- | --- | --- | --- | --- |');
    for (const [group, bytes] of b.groups) {
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
  return OUT;
}
