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
const code = match[1].trim() + '\n';
// Serve the loader from where Trunk serves the wasm glue (the public URL).
const glue = code.match(/from '([^']*\/)[^'/]+\.js'/);
if (!glue) throw new Error('unexpected loader: no import of the wasm glue');
const name = `loader-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
writeFileSync(indexPath, html.replace(inline, `<script type="module" src="${glue[1]}${name}"></script>`));
