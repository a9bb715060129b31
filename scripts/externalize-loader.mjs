// Trunk post-build step: moves the inline module script that Trunk writes into index.html (it
// loads the wasm) into a file of its own, so the site runs under a Content-Security-Policy with
// `script-src 'self'` and no 'unsafe-inline' or per-build hash.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error('no inline module script in index.html');
// config.json is requested before the wasm glue is imported, so it downloads alongside the wasm
// instead of after the wasm has started; the app takes the request over (src/config_loader.rs,
// which asks with the same URL and cache mode when there is none). The glue's static import
// becomes a dynamic one, which a module body can come before.
const glueImport = /^import init, \* as bindings from '(([^']*\/)[^'/]+\.js)';$/m;
const glue = match[1].match(glueImport);
if (!glue) throw new Error('unexpected loader: no static import of the wasm glue');
const configRequest = [
  "window.leptosCognitoConfig = fetch(new URL('config.json', document.baseURI), { cache: 'no-cache' });",
  '// Read once the wasm runs; until then a failure is not an unhandled rejection.',
  'window.leptosCognitoConfig.catch(() => {});',
  `const bindings = await import('${glue[1]}');`,
  'const init = bindings.default;',
].join('\n');
const code = match[1].trim().replace(glueImport, configRequest) + '\n';
// Serve the loader from where Trunk serves the wasm glue (the public URL).
const name = `loader-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(indexPath, html.replace(inline, `<script type="module" src="${glue[2]}${name}"></script>`));
