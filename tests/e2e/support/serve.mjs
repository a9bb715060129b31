// Serves the built site (dist/) the way a static host would, plus the config.json the local
// Cognito wrote for this run. Unknown paths without a file extension get index.html, as a
// single-page app host is configured to do. Pages carry the strict Content-Security-Policy.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { cspFor } from '../../../scripts/csp.mjs';

const root = process.env.SITE_DIR ?? 'dist';
const configPath = process.env.SITE_CONFIG;
const port = Number(process.env.SITE_PORT ?? 8090);
// Fields a deployment adds to the local Cognito's config (e.g. allowedRedirectOrigins).
const configExtra = JSON.parse(process.env.SITE_CONFIG_EXTRA ?? '{}');
// SITE_COMPRESS=br: bodies go out brotli-compressed (quality 11, as a deployment precompresses
// them) to browsers that accept it, so a throttled benchmark moves the bytes a real host would.
// Each file is compressed once, on its first request, and kept while its contents stay the same.
const compress = process.env.SITE_COMPRESS === 'br';
const compressed = new Map();
function brotli(file, body) {
  const kept = compressed.get(file);
  if (kept && kept.body.equals(body)) return kept.br;
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  compressed.set(file, { body: Buffer.from(body), br });
  return br;
}

/** The config the site serves; null until the local Cognito has written it. */
async function siteConfig() {
  const text = await readFile(configPath, 'utf8').catch(() => null);
  return text === null ? null : { ...JSON.parse(text), ...configExtra };
}
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const isConfig = path === '/config.json' && configPath;
  const file = isConfig ? configPath : join(root, extname(path) ? path : 'index.html');
  try {
    const config = configPath ? await siteConfig() : null;
    if (isConfig && !config) throw new Error('no config yet');
    let body = isConfig ? JSON.stringify(config) : await readFile(file);
    const headers = {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    if (compress && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = brotli(file, Buffer.from(body));
      headers['content-encoding'] = 'br';
      headers.vary = 'accept-encoding';
    }
    if (extname(file) === '.html' && config) {
      // The strict policy a deployment should send (see scripts/csp.mjs and the README).
      headers['content-security-policy'] = cspFor(config);
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`site on http://127.0.0.1:${port}/`));
