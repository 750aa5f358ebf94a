//! `rungs import grafana-oncall` and `rungs import terraform` on the Grafana OnCall
//! fixtures of rungs-interop.

mod common;

use common::rungs;

fn fixture(name: &str) -> String {
    common::interop_fixture("grafana", name)
}

#[test]
fn a_good_import_prints_the_ladder_and_its_notes_as_json() {
    let files: Vec<String> = [
        "users.json",
        "chains.json",
        "policies.json",
        "schedules.json",
        "shifts.json",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    let mut args = vec!["import", "grafana-oncall"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--format", "json"]);
    let out = rungs(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ladder"]["tiers"][0]["name"], "Critical");
    assert_eq!(v["ladder"]["tiers"][0]["escalation"]["repeat"], 5);
    let notes = v["notes"].as_array().unwrap();
    let ical = notes
        .iter()
        .find(|n| {
            n["message"]
                .as_str()
                .unwrap()
                .contains("is an iCal schedule")
        })
        .unwrap();
    assert_eq!(ical["severity"], "warning");
    assert_eq!(
        ical["source"]["file"].as_str().unwrap(),
        fixture("schedules.json")
    );
    assert_eq!(ical["source"]["pointer"], "/results/2/type");

    let out = rungs(&["import", "terraform", &fixture("oncall.tf")]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ladder = rungs_core::parse_ladder(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(ladder.tiers[0].name, "Critical");
}

#[test]
fn a_broken_file_exits_1_with_where() {
    let out = rungs(&["import", "grafana-oncall", &fixture("hostile_syntax.json")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("hostile_syntax.json:5:"), "{err}");
    assert!(out.stdout.is_empty());

    let out = rungs(&["import", "grafana-oncall", &fixture("hostile_types.json")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("hostile_types.json at /results/0/duration"),
        "{err}"
    );
}
