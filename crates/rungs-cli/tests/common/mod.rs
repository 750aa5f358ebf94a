//! Helpers shared by the command line's tests: run the binary, find the examples, write
//! a file to read.
#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs `rungs` with `args`.
pub fn rungs(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .output()
        .unwrap()
}

/// The shipped example ladders.
pub fn examples_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/examples")
}

/// Writes `text` to a file `name` in this test process's temporary folder.
pub fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rungs-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    // written whole under another name, then renamed: tests running at once may write
    // the same file, and one must never read it while another has just truncated it
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let part = dir.join(format!(".{name}.{n}.part"));
    std::fs::write(&part, text).unwrap();
    std::fs::rename(&part, &path).unwrap();
    path
}

/// The path of rungs-interop's fixture `name` for `system` (`pagerduty`, `goalert`, ...).
pub fn interop_fixture(system: &str, name: &str) -> String {
    format!(
        "{}/../rungs-interop/tests/fixtures/{system}/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}
