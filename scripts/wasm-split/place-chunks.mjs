// Trunk post-build step of the split build: copies the chunks the split JS asks for (see
// wasm-bindgen.mjs) into the site, and refuses a site whose wasm has split points but was not
// split (Trunk ran the plain wasm-bindgen: scripts/wasm-split was not first on PATH).
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_DIR, LINK_DIR, SITE_CHUNK_DIR, chunkHref } from './layout.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE;
if (!staging || !profile) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');

for (const name of readdirSync(staging)) {
  if (name.endsWith('.js') && readFileSync(join(staging, name), 'utf8').includes('__wasm_split_placeholder__')) {
    console.error(
      `${name} imports unsplit split points: build with scripts/wasm-split first on PATH ` +
        '(make build, make dev and scripts/test.sh do), or without the `split` feature',
    );
    process.exit(1);
  }
}

const siteLinkDir = join(staging, LINK_DIR);
if (existsSync(siteLinkDir)) {
  const chunks = join(process.env.CARGO_TARGET_DIR ?? 'target', 'wasm-bindgen', profile, CHUNK_DIR);
  mkdirSync(join(staging, SITE_CHUNK_DIR), { recursive: true });
  const prefix = `new URL("${chunkHref('')}`;
  for (const file of readdirSync(siteLinkDir)) {
    const js = readFileSync(join(siteLinkDir, file), 'utf8');
    for (const chunk of js.split(prefix).slice(1).map((rest) => rest.slice(0, rest.indexOf('"')))) {
      copyFileSync(join(chunks, chunk), join(staging, SITE_CHUNK_DIR, chunk));
    }
  }
}
