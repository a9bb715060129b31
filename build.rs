//! The split build (feature `split`) keeps the linker's relocations in the app's wasm: splitting
//! it into chunks (scripts/wasm-split) reads them to move each page's code out of the main wasm.

fn main() {
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
