//! Golden files: the figures of fixed runs, checked in and reviewed. The browser test in
//! tests/web.rs compares against the same files, proving the simulator gives
//! byte-identical results natively and in wasm.

use rungs_core::sim;
use rungs_core::*;

#[test]
fn saas_figures_match_the_golden_file() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/saas.figures.json");
    let generated = sim::fingerprint(&parse_ladder(examples::EXAMPLES[0].json).unwrap()).unwrap();
    if std::env::var_os("RUNGS_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "the simulator's results changed; if that is intended, review the diff of {} after \
         `RUNGS_BLESS=1 cargo test -p rungs-core --test golden`",
        path.display()
    );
}
