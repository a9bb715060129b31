// Where the split build's files go, shared by wasm-bindgen.mjs and place-chunks.mjs.

/** The fetching JS, in wasm-bindgen's output folder: Trunk copies `snippets/` into the site. */
export const LINK_DIR = 'snippets/wasm-split';
/** The chunks, in wasm-bindgen's output folder until place-chunks.mjs copies them into the site. */
export const CHUNK_DIR = 'wasm-split-chunks';
/** The chunks' folder in the site. */
export const SITE_CHUNK_DIR = 'chunks';

/** A chunk's address, as the fetching JS (in LINK_DIR of the site) asks for it. */
export function chunkHref(name) {
  return `../../${SITE_CHUNK_DIR}/${name}`;
}
