//! Chooses the catalogue the build embeds: `data/catalogue.json`, the site's offer, or the
//! file named by `COSENS_CATALOGUE` (the test suite builds the app on
//! `tests/fixtures/catalogue.json`, so that a site owner's price change breaks no test but
//! the one that checks the shipped file). Copied to `$OUT_DIR/catalogue.json`.

use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=COSENS_CATALOGUE");
    let source = env::var_os("COSENS_CATALOGUE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("data/catalogue.json"));
    println!("cargo:rerun-if-changed={}", source.display());
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let text = fs::read_to_string(&source)
        .unwrap_or_else(|e| panic!("cannot read the catalogue {}: {e}", source.display()));
    fs::write(out.join("catalogue.json"), text).expect("OUT_DIR is writable");
}
