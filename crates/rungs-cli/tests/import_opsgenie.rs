//! `rungs import opsgenie` and `rungs import terraform` with the Opsgenie fixtures.

mod common;

use common::rungs;

fn fixture(name: &str) -> String {
    common::interop_fixture("opsgenie", name)
}

#[test]
fn a_good_import_exits_0_with_the_ladder_and_json_notes() {
    let files: Vec<String> = [
        "escalations.json",
        "escalation_single.json",
        "users.json",
        "schedule_payments.json",
        "schedules_infra.json",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    let mut args = vec!["import", "opsgenie"];
    args.extend(files.iter().map(String::as_str));
    let out = rungs(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ladder = rungs_core::parse_ladder(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(ladder.tiers[0].name, "Payments critical");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("imported from Opsgenie: 2 tiers"), "{err}");

    args.extend(["--format", "json"]);
    let out = rungs(&args);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ladder"]["tiers"][1]["name"], "Infra low");
    let notes = v["notes"].as_array().unwrap();
    let end = notes
        .iter()
        .find(|n| {
            n["message"]
                .as_str()
                .unwrap()
                .contains("ends on 2026-12-31")
        })
        .unwrap();
    assert_eq!(end["severity"], "warning");
    assert!(end["source"]["file"]
        .as_str()
        .unwrap()
        .ends_with("schedule_payments.json"));
    assert_eq!(end["source"]["pointer"], "/data/rotations/1/endDate");
    assert_eq!(end["pointer"], "/rotations/2");

    let tf = fixture("opsgenie.tf");
    let out = rungs(&["import", "terraform", &tf, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let none = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["message"].as_str().unwrap().contains("nobody on call"))
        .unwrap();
    assert_eq!(none["source"]["line"], 82);
}

#[test]
fn a_broken_file_exits_1_and_says_where() {
    let bad = fixture("hostile_syntax.json");
    let out = rungs(&["import", "opsgenie", &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("hostile_syntax.json:5:17: "), "{err}");

    let typed = fixture("hostile_wrong_type.json");
    let out = rungs(&["import", "opsgenie", &typed]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("hostile_wrong_type.json at /data/0/rules/0/delay/timeAmount"),
        "{err}"
    );

    let tf = fixture("hostile_wrong_type.tf");
    let out = rungs(&["import", "terraform", &tf]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("hostile_wrong_type.tf:7"), "{err}");
}
