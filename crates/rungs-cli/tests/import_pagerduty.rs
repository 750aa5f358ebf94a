//! `rungs import pagerduty` on the interop crate's fixtures, as a user runs it.

mod common;

use common::rungs;

fn fixture(name: &str) -> String {
    common::interop_fixture("pagerduty", name)
}

#[test]
fn imports_pagerduty_json_with_notes_as_json() {
    let files = ["policies.json", "schedules.json", "users.json", "user.json"].map(fixture);
    let mut args = vec!["import", "pagerduty"];
    args.extend(files.iter().map(String::as_str));
    let plain = rungs(&args);
    assert!(
        plain.status.success(),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );
    let ladder = rungs_core::parse_ladder(&String::from_utf8(plain.stdout).unwrap()).unwrap();
    assert_eq!(ladder.tiers[0].name, "Engineering Escalation Policy");
    assert!(String::from_utf8_lossy(&plain.stderr).contains("round robin"));

    args.extend(["--format", "json"]);
    let out = rungs(&args);
    assert_eq!(out.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["ladder"]["format"], "rungs.ladder/v1");
    assert_eq!(
        doc["ladder"]["tiers"][1]["name"],
        "Database Escalation Policy"
    );
    let notes = doc["notes"].as_array().unwrap();
    let round_robin = notes
        .iter()
        .find(|n| n["message"].as_str().unwrap().contains("round robin"))
        .unwrap();
    assert_eq!(round_robin["severity"], "warning");
    assert!(round_robin["source"]["file"]
        .as_str()
        .unwrap()
        .ends_with("policies.json"));
    assert_eq!(
        round_robin["source"]["pointer"],
        "/escalation_policies/0/escalation_rules/1/escalation_rule_assignment_strategy"
    );
    let more = notes
        .iter()
        .find(|n| n["message"].as_str().unwrap().contains("offset=25"))
        .unwrap();
    assert_eq!(more["source"]["pointer"], "/more");
}

#[test]
fn broken_files_exit_1_with_the_place() {
    let syntax = fixture("hostile-syntax.json");
    let out = rungs(&["import", "pagerduty", &syntax]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{syntax}:4:3")), "{err}");
    assert!(out.stdout.is_empty());

    let typed = fixture("hostile-type.json");
    let out = rungs(&["import", "pagerduty", &typed]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{typed} at /escalation_policies/0/escalation_rules/0/escalation_delay_in_minutes"
        )),
        "{err}"
    );

    let tf = fixture("hostile-numbers.tf");
    let out = rungs(&["import", "terraform", &tf]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("{tf}:5")));
}
