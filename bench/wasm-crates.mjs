// Which crates the app's wasm bytes belong to. Takes the wasm that cargo built for the release
// site (it still has its name section) or, for the split site, the main wasm as wasm-bindgen left
// it (`*_bg.wasm`, not yet optimised), runs it through wasm-bindgen if not yet and `wasm-opt -Oz -g` (the
// shipped optimisation, but keeping function names), then reads the code section's function
// body sizes and the name section, and sums the bytes per crate (the first path segment of each
// demangled Rust symbol). Prints JSON for bench/bench.mjs.
//
//   node bench/wasm-crates.mjs target/wasm32-unknown-unknown/release/leptos-cognito.wasm target/bench/named > crates.json
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [input, work] = process.argv.slice(2);
if (!input || !work) {
  console.error('usage: node bench/wasm-crates.mjs CARGO_WASM WORK_DIR');
  process.exit(2);
}
mkdirSync(work, { recursive: true });
let bound = input;
if (!input.endsWith('_bg.wasm')) {
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', work, input], { stdio: 'inherit' });
  bound = join(work, readdirSync(work).find((f) => f.endsWith('_bg.wasm')));
}
const named = join(work, 'named-oz.wasm');
execFileSync('wasm-opt', ['-Oz', '-g', bound, '-o', named], { stdio: 'inherit' });
const bytes = readFileSync(named);

// --- a minimal reader of the wasm binary format (sections, LEB128, names)
let pos = 0;
function uleb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return result;
    shift += 7;
  }
}
function name() {
  const length = uleb();
  const text = bytes.toString('utf8', pos, pos + length);
  pos += length;
  return text;
}
if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error(`${named} is not a wasm module`);
pos = 8;
let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
let dataBytes = 0;
let codeBytes = 0;
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = uleb();
  const end = pos + size;
  if (id === 2) {
    // imports: count functions, which come first in the function index space
    const count = uleb();
    for (let i = 0; i < count; i++) {
      name();
      name();
      const kind = bytes[pos++];
      if (kind === 0) {
        uleb();
        importedFunctions += 1;
      } else if (kind === 1) {
        pos += 1; // reftype
        const flags = uleb();
        uleb();
        if (flags & 1) uleb();
      } else if (kind === 2) {
        const flags = uleb();
        uleb();
        if (flags & 1) uleb();
      } else if (kind === 3) {
        pos += 2; // valtype, mutability
      } else {
        uleb(); // tag
        uleb();
      }
    }
  } else if (id === 10) {
    codeBytes = size;
    const count = uleb();
    for (let i = 0; i < count; i++) {
      const bodySize = uleb();
      bodySizes.push(bodySize);
      pos += bodySize;
    }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0) {
    const section = name();
    if (section === 'name') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = uleb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = uleb();
          for (let i = 0; i < count; i++) {
            const index = uleb();
            names.set(index, name());
          }
        }
        pos = subEnd;
      }
    }
  }
  pos = end;
}

// --- crate of a symbol
const escapes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
function unescape(segment) {
  return segment
    .replace(/^_(?=\$)/, '')
    .replace(/\$([A-Z]+|u[0-9a-f]+)\$/g, (_, code) =>
      code.startsWith('u') ? String.fromCharCode(parseInt(code.slice(1), 16)) : escapes[code] ?? '?',
    )
    .replaceAll('..', '::');
}
/** The first segment of a legacy-mangled Rust symbol (`_ZN<len><segment>...E`), unescaped. */
function firstSegment(symbol) {
  const match = symbol.match(/^_?_ZN(\d+)/);
  if (!match) return undefined;
  const start = match[0].length;
  return unescape(symbol.slice(start, start + Number(match[1])));
}
function crateOf(symbol) {
  if (!symbol) return '(no name: wasm-bindgen adapters, merged functions)';
  let head = firstSegment(symbol) ?? symbol;
  if (!firstSegment(symbol)) {
    if (/^(__wbindgen|__wbg_|__externref)/.test(symbol)) return 'wasm-bindgen (generated shims)';
    if (/^(mem(cpy|set|move|cmp)|__[a-z]+[0-9]+$|__(mul|div|mod|udiv|umod|ashl|lshr)|compiler_builtins)/.test(symbol)) {
      return 'compiler_builtins';
    }
    // Demangled already (`core::fmt::write`, `<T as U>::f`)?
    head = symbol;
  }
  // `<Type as Trait>::method` counts for the crate of the type, which is what the monomorphised
  // code serves; a blanket impl (`<T as Trait>`) or an impl on a primitive (`<char as Trait>`) for
  // the crate of the trait; an inherent method of a primitive (`<char>::f`) for core.
  if (head.startsWith('<')) {
    const inner = head.slice(1).replace(/^(&|\*const |\*mut |mut |dyn |\[|\(|\s)+/, '');
    const [, type, trait] = inner.match(/^(.*?)(?: as (.*?))?>(?:::|$)/) ?? [, inner];
    if (type.includes('::')) head = type;
    else if (trait) head = trait.replace(/^(dyn |\s)+/, '');
    else head = 'core';
  }
  const crate = head.split(/::|[<> ,;()[\]]/)[0];
  return crate || '(other)';
}

const perCrate = new Map();
bodySizes.forEach((size, i) => {
  const crate = crateOf(names.get(importedFunctions + i));
  perCrate.set(crate, (perCrate.get(crate) ?? 0) + size);
});
const crates = [...perCrate.entries()].map(([crate, b]) => ({ crate, bytes: b })).sort((a, b) => b.bytes - a.bytes);
const namedBytes = [...perCrate.values()].reduce((s, b) => s + b, 0);
console.log(
  JSON.stringify(
    {
      method:
        'Function body bytes of the release wasm after wasm-bindgen and `wasm-opt -Oz -g` (the shipped ' +
        'optimisation with the name section kept), grouped by the first path segment of each demangled ' +
        'Rust symbol; a trait impl counts for the crate of the type it is implemented for, and code that ' +
        'wasm-opt inlined counts for the function it was inlined into. The brotli column shares the ' +
        "shipped wasm's brotli size out by share of the code section (data segments spread alike).",
      fileBytes: bytes.length,
      codeBytes,
      namedBytes,
      dataBytes,
      functions: bodySizes.length,
      crates,
    },
    null,
    2,
  ),
);
