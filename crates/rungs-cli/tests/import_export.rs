//! `rungs import` options and `rungs export` as a user runs them: --rank, --name, -o,
//! --format json's notes and errors, usage errors, and each provider's export read back.

mod common;

use common::{examples_dir, interop_fixture, rungs, temp_file};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn tier_names(ladder_json: &str) -> Vec<String> {
    let ladder = rungs_core::parse_ladder(ladder_json).unwrap();
    ladder.tiers.iter().map(|t| t.name.clone()).collect()
}

#[test]
fn rank_orders_the_tiers_and_warns_about_a_name_that_matches_none() {
    let main = interop_fixture("pagerduty", "main.tf");
    let out = rungs(&[
        "import",
        "terraform",
        &main,
        "--rank",
        "database escalation policy,Nope",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        tier_names(&text(&out.stdout)),
        [
            "Database Escalation Policy",
            "Engineering Escalation Policy"
        ]
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("warning: --rank: no imported tier is named \"Nope\": the tiers are"),
        "{err}"
    );
}

#[test]
fn name_names_the_ladder() {
    let main = interop_fixture("pagerduty", "main.tf");
    let out = rungs(&["import", "terraform", &main, "--name", "Paging, imported"]);
    assert_eq!(out.status.code(), Some(0));
    let ladder = rungs_core::parse_ladder(&text(&out.stdout)).unwrap();
    assert_eq!(ladder.name, "Paging, imported");
}

#[test]
fn output_writes_the_file_and_nothing_on_standard_output() {
    let main = interop_fixture("pagerduty", "main.tf");
    let path = temp_file("imported-o.json", "");
    let out = rungs(&["import", "terraform", &main, "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("imported from Terraform: 2 tiers"));
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(tier_names(&written).len(), 2);

    // a failed import leaves OUT alone
    let bad = interop_fixture("pagerduty", "hostile-syntax.json");
    let out = rungs(&["import", "pagerduty", &bad, "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
}

#[test]
fn json_notes_always_carry_a_ladder_pointer_and_errors_are_an_object() {
    let main = interop_fixture("pagerduty", "main.tf");
    let out = rungs(&["import", "terraform", &main, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = doc["notes"].as_array().unwrap();
    assert!(
        notes.iter().all(|n| n.get("pointer").is_some()),
        "{notes:#?}"
    );
    assert!(notes.iter().any(|n| n["pointer"].is_null()));
    assert!(notes.iter().any(|n| n["pointer"].is_string()));

    let bad = interop_fixture("opsgenie", "hostile_syntax.json");
    let out = rungs(&["import", "opsgenie", &bad, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &doc["error"];
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(5), Some(17))
    );
    assert!(e["file"].as_str().unwrap().ends_with("hostile_syntax.json"));
    assert!(e["message"].as_str().unwrap().contains("ends too early"));
}

#[test]
fn usage_errors_exit_2() {
    let main = interop_fixture("pagerduty", "main.tf");
    for args in [
        vec!["import", "servicenow", main.as_str()],
        vec!["import", "terraform"],
        vec!["import", "terraform", "/no/such/file.tf"],
        vec!["export", "terraform-servicenow", main.as_str()],
    ] {
        let out = rungs(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn each_provider_exports_hcl_that_imports_back_with_the_same_tiers() {
    let ladder = examples_dir().join("saas.json");
    let ladder = ladder.to_str().unwrap();
    let names = tier_names(&std::fs::read_to_string(ladder).unwrap());
    for provider in [
        "terraform-pagerduty",
        "terraform-opsgenie",
        "terraform-grafana",
    ] {
        let out = rungs(&["export", provider, ladder]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{provider}: {}",
            text(&out.stderr)
        );
        let tf = temp_file(&format!("{provider}.tf"), &text(&out.stdout));
        let back = rungs(&["import", "terraform", tf.to_str().unwrap()]);
        assert_eq!(
            back.status.code(),
            Some(0),
            "{provider}: {}",
            text(&back.stderr)
        );
        assert_eq!(tier_names(&text(&back.stdout)), names, "{provider}");
    }
}

#[test]
fn export_of_a_broken_ladder_exits_1() {
    let broken = temp_file(
        "broken-ladder.json",
        "{\"format\": \"rungs.ladder/v1\", \"tiers\": [",
    );
    let out = rungs(&["export", "terraform-pagerduty", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
}
