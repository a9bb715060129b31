# Tool versions, pinned in one place (moto's pin lives in local-cognito/requirements.txt).
# WASM_BINDGEN_VERSION must equal the wasm-bindgen in Cargo.lock and Trunk.toml's [tools].
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
# The wasm splitter the site's build runs (scripts/wasm-split); it reads what wasm_split_macros writes.
WASM_SPLIT_VERSION=0.2.4
