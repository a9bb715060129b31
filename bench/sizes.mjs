// Sizes for bench.mjs: what each route of the app makes the browser fetch (wasm and js, as a
// client-side navigation from the sign-in page and as a direct load), every .wasm/.js file the
// build holds, and the first-load budget of bench/size-budget.json. Sizes are of the bytes served:
// raw, `gzip -9 -n` and `brotli -q 11` (Debian's CLIs), all deterministic.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

function compressedSize(program, args, body) {
  const result = spawnSync(program, args, { input: body, maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr}`);
  return result.stdout.length;
}

// brotli -q 11 takes seconds on a large wasm, and the same file is asked for many times.
const sizeCache = new Map();
/** { raw, gzip, brotli } of a body. */
export function sizesOf(body) {
  const key = createHash('sha256').update(body).digest('hex');
  if (!sizeCache.has(key)) {
    sizeCache.set(key, {
      raw: body.length,
      gzip: compressedSize('gzip', ['-9', '-c', '-n'], body),
      brotli: compressedSize('brotli', ['-q', '11', '-c'], body),
    });
  }
  return sizeCache.get(key);
}

export const sumSizes = (files) => ({
  raw: files.reduce((s, f) => s + f.raw, 0),
  gzip: files.reduce((s, f) => s + f.gzip, 0),
  brotli: files.reduce((s, f) => s + f.brotli, 0),
});

const isCode = (path) => path.endsWith('.wasm') || path.endsWith('.js');

/** Every route path of the app, in the order `AuthRoute::path` lists them. */
export function routePaths(routesFile = 'src/routes.rs') {
  const source = readFileSync(routesFile, 'utf8');
  const body = source.match(/pub const fn path\(self\) -> &'static str \{([\s\S]*?)\n {4}\}/)?.[1];
  const paths = [...(body ?? '').matchAll(/=> "([^"]+)"/g)].map((m) => m[1]);
  if (paths.length === 0) throw new Error(`no routes found in ${routesFile} (AuthRoute::path)`);
  return paths;
}

/** Every .wasm and .js file under the built site, with its sizes, largest (brotli) first. */
export function codeFiles(dir) {
  const files = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (isCode(entry.name)) files.push({ path: `/${relative(dir, path)}`, ...sizesOf(readFileSync(path)) });
    }
  };
  walk(dir);
  return files.sort((a, b) => b.brotli - a.brotli);
}

/** Follows a page's requests; `idle()` resolves once none has been in flight for quietMs. */
function followNetwork(page, site) {
  const inflight = new Set();
  let lastChange = Date.now();
  const code = [];
  page.on('request', (request) => {
    inflight.add(request);
    lastChange = Date.now();
  });
  const done = (request) => {
    inflight.delete(request);
    lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith(site) || response.status() < 200 || response.status() > 299) return;
    const path = new URL(url).pathname;
    if (isCode(path)) code.push(path);
  });
  return {
    code,
    async idle(quietMs = 500, timeoutMs = 15_000) {
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        if (inflight.size === 0 && Date.now() - lastChange >= quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`${page.url()}: the network did not settle within ${timeoutMs / 1000} s`);
    },
  };
}

/** A click on a link to `path`, as a person following a link would, handled by the app's router. */
async function navigateInPage(page, path) {
  await page.evaluate((to) => {
    window.__benchSameDocument = true;
    const link = document.createElement('a');
    link.href = to;
    link.textContent = to;
    document.body.append(link);
    link.click();
    link.remove();
  }, path);
}

const filesOf = (dir, paths) => [...new Set(paths)].sort().map((path) => ({ path, ...sizesOf(readFileSync(join(dir, path))) }));

/**
 * For each route: the wasm/js files fetched when it is entered from the sign-in page by a link
 * (client-side navigation) and by a direct load, signed out; a route that sends a signed-out
 * visitor elsewhere is measured again signed in (`signIn(page)` signs in from the sign-in page).
 */
export async function routeChunks({ newPage, site, dir, paths, signIn }) {
  const rows = [];
  const measure = async (path, signedIn) => {
    const entries = {};
    {
      const { context, page } = await newPage();
      const net = followNetwork(page, site);
      await page.goto(`${site}/sign-in`);
      await net.idle();
      if (signedIn) {
        await signIn(page);
        await net.idle();
      }
      const before = net.code.length;
      await navigateInPage(page, path);
      await net.idle();
      const sameDocument = await page.evaluate(() => window.__benchSameDocument === true);
      entries.link = { files: filesOf(dir, net.code.slice(before)), endedAt: new URL(page.url()).pathname, sameDocument };
      if (signedIn) {
        // The same signed-in context, now loading the route's address afresh.
        const at = net.code.length;
        await page.goto(`${site}${path}`);
        await net.idle();
        entries.load = { files: filesOf(dir, net.code.slice(at)), endedAt: new URL(page.url()).pathname, sameDocument: false };
      }
      await context.close();
    }
    if (!signedIn) {
      const { context, page } = await newPage();
      const net = followNetwork(page, site);
      await page.goto(`${site}${path}`);
      await net.idle();
      entries.load = { files: filesOf(dir, net.code), endedAt: new URL(page.url()).pathname, sameDocument: false };
      await context.close();
    }
    for (const [how, e] of Object.entries(entries)) rows.push({ route: path, signedIn, how, ...e, ...sumSizes(e.files) });
    return entries;
  };
  for (const path of paths) {
    const signedOut = await measure(path, false);
    if (Object.values(signedOut).some((e) => e.endedAt !== path)) await measure(path, true);
  }
  return rows;
}

/**
 * The sign-in route's first-load brotli total against the committed budget: the failure line
 * names the size, the budget and the biggest files, or null when within it.
 */
export function checkBudget(transfer, budgetFile = 'bench/size-budget.json') {
  const budget = JSON.parse(readFileSync(budgetFile, 'utf8'));
  const limit = budget.signInFirstLoadBrotliBytes;
  if (!Number.isInteger(limit)) throw new Error(`${budgetFile}: signInFirstLoadBrotliBytes is not a whole number`);
  const over = transfer.brotli > limit;
  const biggest = [...transfer.files].sort((a, b) => b.brotli - a.brotli).slice(0, 3);
  const line =
    `sign-in first load ${transfer.brotli} bytes brotli, budget ${limit} (${budgetFile})` +
    (over ? `: over by ${transfer.brotli - limit}; biggest files: ${biggest.map((f) => `${f.path} ${f.brotli}`).join(', ')}` : '');
  return { limit, over, line };
}
