// wasm-bindgen as Trunk sees it (the `wasm-bindgen` beside this file runs it; make and
// scripts/test.sh put this folder first on PATH), so that Trunk
// builds the site split into chunks. Given a wasm with split points (the `split` feature), it
//   1. splits it with wasm-split-cli: a main wasm, one chunk per page plus shared chunks, and the
//      JS that fetches them;
//   2. runs the real wasm-bindgen on the main wasm, keeping the function table exported (chunks
//      add their functions to it);
//   3. optimises the chunks like Trunk does the main wasm (release builds), names each by its
//      content hash, and puts the fetching JS into wasm-bindgen's snippets folder, which Trunk
//      copies, preloads and gives an integrity hash. The chunks wait beside the output until
//      place-chunks.mjs (a Trunk post-build hook) copies them into the site.
// Any other wasm, and `--version`, go straight to the real wasm-bindgen.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHUNK_DIR, LINK_DIR, chunkHref } from './layout.mjs';

const PLACEHOLDER = '__wasm_split_placeholder__';
const here = dirname(realpathSync(fileURLToPath(import.meta.url)));
const real = realWasmBindgen();
const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const input = args.findLast((arg) => !arg.startsWith('-'));
const outDir = option('out-dir');
const outName = option('out-name');

if (!input || !outDir || !outName) process.exit(run(real, args, { check: false }));
// What an earlier split left must not reach a build that isn't split.
rmSync(join(outDir, LINK_DIR), { recursive: true, force: true });
rmSync(join(outDir, CHUNK_DIR), { recursive: true, force: true });
try {
  rmdirSync(dirname(join(outDir, LINK_DIR))); // snippets/, if nothing else is in it
} catch {
  // wasm-bindgen's own snippets are there, or nothing is
}
if (!hasSplitPoints(readFileSync(input))) process.exit(run(real, args, { check: false }));

const work = join(outDir, 'wasm-split-work');
rmSync(work, { recursive: true, force: true });
run('wasm-split-cli', [input, work, '--target', 'web', '--out-name', outName]);
run(real, [...args.filter((arg) => arg !== input), '--keep-lld-exports', join(work, `${outName}.wasm`)]);

const release = basename(outDir) === 'release';
const chunkNames = readdirSync(work).filter((name) => name.endsWith('.wasm') && name !== `${outName}.wasm`);
if (release) await optimise(chunkNames.map((name) => join(work, name)));
mkdirSync(join(outDir, CHUNK_DIR), { recursive: true });
let link = readFileSync(join(work, '__wasm_split.js'), 'utf8');
for (const name of chunkNames) {
  const bytes = readFileSync(join(work, name));
  const hashed = `${name.slice(0, -'.wasm'.length)}-${hash(bytes)}.wasm`;
  renameSync(join(work, name), join(outDir, CHUNK_DIR, hashed));
  link = replaceOnce(link, `new URL("./${name}", import.meta.url)`, `new URL("${chunkHref(hashed)}", import.meta.url)`);
}
// The fetching JS imports the main JS for its instance; Trunk renames that file after this step,
// so the main JS hands its `initSync` over instead.
link = replaceOnce(
  link,
  `import { initSync } from "./${outName}.js";`,
  'let initSync;\nexport function __wasm_split_set_main(main) {\n    initSync = main;\n}',
);
const linkName = `split-${hash(link)}.js`;
mkdirSync(join(outDir, LINK_DIR), { recursive: true });
writeFileSync(join(outDir, LINK_DIR, linkName), link);

const mainJsPath = join(outDir, `${outName}.js`);
const linkPath = `./${LINK_DIR}/${linkName}`;
let mainJs = readFileSync(mainJsPath, 'utf8');
// Only the import statements: the wasm's imports keep the module name the split gave them.
if (!mainJs.includes('from "./__wasm_split.js"')) fail('wasm-bindgen wrote no import of the split JS');
mainJs = mainJs.replaceAll('from "./__wasm_split.js"', `from ${JSON.stringify(linkPath)}`);
mainJs += `\nimport { __wasm_split_set_main } from ${JSON.stringify(linkPath)};\n__wasm_split_set_main(initSync);\n`;
writeFileSync(mainJsPath, mainJs);
rmSync(work, { recursive: true, force: true });

/** The next wasm-bindgen on PATH after this one. */
function realWasmBindgen() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'wasm-bindgen');
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    if (dirname(realpathSync(candidate)) !== here) return candidate;
  }
  fail('no wasm-bindgen on PATH besides this one');
}

/** Whether the wasm imports from the split points' placeholder module (its import section). */
function hasSplitPoints(wasm) {
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at++];
    const [size, next] = leb128(wasm, at);
    if (id === 2) return wasm.subarray(next, next + size).includes(PLACEHOLDER);
    at = next + size;
  }
  return false;
}

function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** wasm-opt -Oz on each chunk, two at a time (the main wasm is Trunk's to optimise). */
async function optimise(paths) {
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      const code = await new Promise((resolve) => {
        const child = spawn('wasm-opt', ['-Oz', path, '-o', path], { stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('error', () => resolve(-1));
        child.on('exit', resolve);
      });
      if (code !== 0) fail(`wasm-opt failed on ${path}`);
    }
  };
  await Promise.all([worker(), worker()]);
}

function hash(data) {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

function replaceOnce(text, from, to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) fail(`expected exactly one ${from} in the split JS`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function run(command, commandArgs, { check = true } = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.error) fail(`${command}: ${result.error.message}`);
  if (check && result.status !== 0) fail(`${command} exited with ${result.status}`);
  return result.status ?? 1;
}

function fail(message) {
  console.error(`wasm-split: ${message}`);
  process.exit(1);
}
