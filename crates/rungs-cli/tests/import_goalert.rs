//! `rungs import goalert` on the GoAlert fixtures of rungs-interop.

mod common;

use common::rungs;

fn fixture(name: &str) -> String {
    common::interop_fixture("goalert", name)
}

#[test]
fn import_goalert_writes_the_ladder_and_json_notes() {
    let files: Vec<String> = [
        "users.json",
        "rotations.json",
        "schedules.json",
        "overrides.json",
        "policies.json",
    ]
    .iter()
    .map(|n| fixture(n))
    .collect();
    let mut args = vec!["import", "goalert"];
    args.extend(files.iter().map(String::as_str));

    let out = rungs(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ladder = rungs_core::parse_ladder(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(ladder.tiers[0].name, "Payments Critical");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("notifies a webhook"), "{stderr}");

    args.extend(["--format", "json"]);
    let out = rungs(&args);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ladder"]["tiers"][0]["escalation"]["repeat"], 2);
    let notes = v["notes"].as_array().unwrap();
    let webhook = notes
        .iter()
        .find(|n| {
            n["message"]
                .as_str()
                .unwrap()
                .contains("notifies a webhook (hooks.example.com)")
        })
        .unwrap();
    assert_eq!(webhook["severity"], "warning");
    assert!(webhook["source"]["file"]
        .as_str()
        .unwrap()
        .ends_with("policies.json"));
    assert_eq!(
        webhook["source"]["pointer"],
        "/data/escalationPolicies/nodes/0/steps/0/targets/2"
    );
    assert_eq!(webhook["pointer"], "/tiers/0/escalation/steps/0/notify");
}

#[test]
fn import_goalert_reports_broken_files_with_place_and_exits_1() {
    let file = fixture("hostile-type.json");
    let out = rungs(&["import", "goalert", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("hostile-type.json at /data/escalationPolicy/steps/0/delayMinutes"),
        "{err}"
    );

    let file = fixture("hostile-syntax.tf");
    let out = rungs(&["import", "terraform", &file]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("hostile-syntax.tf:3:") || err.contains("hostile-syntax.tf:4:"),
        "{err}"
    );
}
