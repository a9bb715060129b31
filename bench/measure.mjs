// Page measurements for bench.mjs, in one headless Chromium: every page is a new browser context
// (empty cache and storage) with bench/instrument.mjs installed, optionally behind THROTTLE.
import { INSTRUMENT } from './instrument.mjs';
import { sizesOf, sumSizes } from './sizes.mjs';

export const PASSWORD = 'Correct-Horse-9';
// After the session page shows, requests still arriving within this window count as the sign-in's.
export const SETTLE_MS = 300;
// A slow mobile link, set with CDP Network.emulateNetworkConditions on each page before it
// navigates: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip (the throughputs are bytes/s).
export const THROTTLE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

let browser;
let cognitoEndpoint;
/** The browser to open pages in, and the local Cognito whose calls the sign-in rows time. */
export function startMeasuring(chromiumBrowser, endpoint) {
  browser = chromiumBrowser;
  cognitoEndpoint = endpoint;
}

export async function newPage({ throttle = false } = {}) {
  const context = await browser.newContext();
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  }
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
    // Chromium asks every site for /favicon.ico; none of the sites has one.
    if (response.status() >= 400 && path !== '/favicon.ico') problems.push(`HTTP ${response.status()} for ${path}`);
  });
  return { context, page, problems };
}

export async function waitMark(page, name, what, problems = [], timeout = 20_000) {
  try {
    await page.waitForFunction((key) => window.__bench && window.__bench[key] !== null, name, { timeout });
  } catch (error) {
    const seen = problems.length ? `; the page logged: ${problems.join(' | ')}` : '';
    throw new Error(`${what}: no "${name}" mark within ${timeout / 1000} s (${page.url()})${seen}`, { cause: error });
  }
  return page.evaluate((key) => window.__bench[key], name);
}

/** Row 1: every file fetched with a 2xx answer before the form was usable, and its sizes. */
export async function transfer(site) {
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
    files.push({ path: new URL(url).pathname, ...sizesOf(await response.body()) });
  }
  await context.close();
  return { files, ...sumSizes(files) };
}

/** Counts the page's requests for config.json (a preload and the fetch it serves are one). */
function countConfigRequests(page) {
  const counter = { n: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/config.json')) counter.n += 1;
  });
  return counter;
}

const FORM_MARKS = ['visible', 'typeable', 'usable'];

/**
 * Rows 2a-2c and 7: one cold load (new context) of the sign-in route until the form is usable by
 * the app (`until`: the mark to wait for; the floor has no app), with a timeline of what arrived
 * when, and the config.json requests made until SETTLE_MS after.
 */
export async function coldLoad(site, { until = 'usable', throttle = false } = {}) {
  const { context, page, problems } = await newPage({ throttle });
  const config = countConfigRequests(page);
  await page.goto(`${site}/sign-in`, { waitUntil: 'commit' });
  const last = await waitMark(page, until, 'cold load', problems);
  await page.waitForTimeout(SETTLE_MS);
  const marks = await page.evaluate(() => ({ ...window.__bench }));
  const timeline = await page.evaluate((end) => {
    const kinds = {};
    const nav = performance.getEntriesByType('navigation')[0];
    kinds.html = nav.responseEnd;
    for (const e of performance.getEntriesByType('resource')) {
      if (e.startTime > end) continue;
      const path = new URL(e.name).pathname;
      const kind = path.endsWith('.wasm') ? 'wasm' : path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : path.endsWith('config.json') ? 'config' : 'other';
      kinds[kind] = Math.max(kinds[kind] ?? 0, e.responseEnd);
      if (kind === 'config') kinds.configAsked = e.startTime;
    }
    return kinds;
  }, last);
  await context.close();
  const form = Object.fromEntries(FORM_MARKS.map((k) => [k, marks[k] ?? NaN]));
  return { ...form, timeline, configRequests: config.n, problems };
}

/** Fills the sign-in form and clicks "Sign in"; resolves once the session page shows. */
export async function signInFromForm(page, email, problems = [], timeout = 20_000) {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await waitMark(page, 'sessionAt', `sign-in of ${email}`, problems, timeout);
}

/**
 * Rows 4-6 (and T2a-T4b when throttled): sign in once from a cold load; then, on loopback,
 * memory and, if asked, a reload.
 */
export async function signInOnce(site, email, { reload, throttle = false }) {
  const { context, page, problems } = await newPage({ throttle });
  const config = countConfigRequests(page);
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
  const timeout = throttle ? 60_000 : 20_000;
  await page.goto(`${site}/sign-in`, { waitUntil: 'commit' });
  await waitMark(page, 'usable', 'sign-in page', problems, timeout);
  const loadMarks = await page.evaluate(() => ({ ...window.__bench }));
  phase = 'signIn';
  await signInFromForm(page, email, problems, timeout);
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
  const result = {
    ...Object.fromEntries(FORM_MARKS.map((k) => [k, loadMarks[k] ?? NaN])),
    configRequests: config.n,
    signInMs: marks.sessionAt - marks.clickAt,
    signInCalls: calls.filter((c) => c.phase === 'signIn').map((c) => c.call),
    phases,
    problems,
  };
  if (!throttle) {
    phase = 'memory';
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    result.jsHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    result.wasmBytes = await page.evaluate(() => window.__benchWasmBytes());
  }
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
