//! The `rungs` binary as a CI pipeline uses it.

use std::process::{Command, Output};

fn rungs(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .output()
        .unwrap()
}

fn examples_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/examples")
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rungs-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn schema_prints_the_checked_in_schemas() {
    for (kind, file) in [
        ("ladder", "ladder.v1.schema.json"),
        ("scenario", "scenario.v1.schema.json"),
    ] {
        let out = rungs(&["schema", kind]);
        assert!(out.status.success());
        let on_disk = std::fs::read_to_string(examples_dir().join("../schema").join(file)).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), on_disk, "{kind}");
    }
}

#[test]
fn fmt_prints_canonical_json_that_formats_to_itself() {
    let out = rungs(&["fmt", examples_dir().join("saas.json").to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let once = String::from_utf8(out.stdout).unwrap();
    assert!(once.starts_with(
        "{\n  \"format\": \"rungs.ladder/v1\",\n  \"name\": \"Nimbus Cloud Platform\""
    ));
    let path = temp_file("once.json", &once);
    let twice = rungs(&["fmt", path.to_str().unwrap()]);
    assert_eq!(String::from_utf8(twice.stdout).unwrap(), once);
}

#[test]
fn fmt_reads_scenarios_too() {
    let ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json).unwrap();
    let doc = rungs_core::to_canonical_json(&ladder.scenarios[0].to_document());
    let path = temp_file("scenario.json", &doc);
    let out = rungs(&["fmt", path.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), doc);
}

#[test]
fn fmt_reports_parse_errors_with_line_and_column_and_exits_1() {
    let path = temp_file(
        "bad.json",
        "{\n  \"format\": \"rungs.ladder/v1\",\n  \"name\": \"x\",\n  \"tires\": []\n}\n",
    );
    let out = rungs(&["fmt", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 4, column 9"), "{err}");
    assert!(
        err.contains("unknown field `tires`, did you mean `tiers`?"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn unreadable_files_and_bad_usage_exit_2() {
    let out = rungs(&["fmt", "/nonexistent/ladder.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/ladder.json"));
    assert_eq!(rungs(&["schema", "tier"]).status.code(), Some(2));
    assert_eq!(rungs(&["frobnicate"]).status.code(), Some(2));
    assert!(rungs(&["--help"]).status.success());
}

#[test]
fn fmt_write_rewrites_in_place() {
    let path = temp_file("inplace.json", rungs_core::examples::EXAMPLES[1].json);
    assert!(rungs(&["fmt", "--write", path.to_str().unwrap()])
        .status
        .success());
    let text = std::fs::read_to_string(&path).unwrap();
    let ladder = rungs_core::parse_ladder(&text).unwrap();
    assert_eq!(text, rungs_core::to_canonical_json(&ladder));
}
