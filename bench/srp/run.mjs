// Measures the client-side SRP math in headless Chromium: our wasm (the app's release profile
// and opt-level 3) next to amazon-cognito-identity-js in the same page and the same run, plus
// the two bignum crates that were candidates. Prints medians in milliseconds and a JSON line.
//
//   bench/srp/build.sh && node bench/srp/run.mjs [runs]      (default 25 runs)
//
// Uses Debian's Chromium (/usr/bin/chromium) through Playwright; nothing is downloaded.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const here = fileURLToPath(new URL('.', import.meta.url));
const sdkDir = join(here, '../../node_modules/amazon-cognito-identity-js/dist');
const runs = Number(process.argv[2] ?? 25);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const file = path.startsWith('/sdk/') ? join(sdkDir, path.slice(5)) : join(here, path === '/' ? 'bench.html' : path);
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.benchReady === true);
  const result = await page.evaluate((n) => window.runBench(n), runs);
  console.log(`SRP client math, ${runs} runs each, ${result.userAgent}`);
  const rows = Object.entries(result.summary);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [name, s] of rows) {
    console.log(`${name.padEnd(width)}  median ${s.median.toFixed(1).padStart(7)} ms  (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)})`);
  }
  const sdk = result.summary['sdk amazon-cognito-identity-js (A + signature)'].median;
  const ours = result.summary['ours pkg-z (A + signature)'].median;
  const click = result.summary['ours pkg-z (click path)'].median;
  console.log(`ratio SDK / ours (app profile): ${(sdk / ours).toFixed(1)}x`);
  console.log(`ratio SDK (whole) / ours on the click path (A made before): ${(sdk / click).toFixed(1)}x`);
  console.log(JSON.stringify({ runs, summary: result.summary }));
} finally {
  await browser.close();
  server.close();
}
