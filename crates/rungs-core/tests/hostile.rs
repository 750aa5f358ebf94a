//! Documents built to make validation slow, deep or huge: each must be checked in bounded
//! work with the right findings. No timing is asserted here (the benchmarks measure);
//! quadratic or recursive work shows up as a slow or crashing test.

use rungs_core::{
    coverage, diagram, examples, overview, parse_ladder, to_canonical_json, validate_ladder, Code,
    Instant, Severity, TimeZoneName,
};
use serde_json::json;

fn at() -> Instant {
    Instant::parse("2026-03-01T00:00:00Z").unwrap()
}

/// A small valid ladder document, as JSON to edit.
fn base() -> serde_json::Value {
    serde_json::to_value(examples::shared_role_ladder(2)).unwrap()
}

#[test]
fn thirty_thousand_people_sharing_one_role_are_valid_and_every_view_builds() {
    let ladder = examples::shared_role_ladder(30_000);
    let report = validate_ladder(&ladder, at());
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);

    let o = overview::LadderOverview::new(&ladder);
    assert_eq!(o.roles[0].holders.len(), 30_000);
    assert_eq!(o.rotations[0].members.len(), 30_000);
    assert_eq!(o.people[29_999].backup.as_deref(), Some("Person 0"));

    let zone = TimeZoneName::new("Europe/London").unwrap();
    let g = coverage::week_grid(&ladder, &zone, at());
    let cell = &g.rows[0].cells[0];
    assert_eq!(cell.first_step, Some(1));
    // The rotation's member on call; the role is in the second step, not reached first.
    assert_eq!(g.reached_count(cell), 1);
    assert!(g.rows[0].cells.iter().all(|c| c.gap_minutes == 0));

    let d = diagram::layout(&ladder);
    assert_eq!(d.rungs.len(), 1);
    assert!(to_canonical_json(&ladder).len() > 1_000_000);
}

#[test]
fn a_role_step_reaching_thirty_thousand_is_one_shared_set() {
    let mut ladder = examples::shared_role_ladder(30_000);
    ladder.tiers[0].escalation.steps.remove(0);
    let zone = TimeZoneName::new("UTC").unwrap();
    let g = coverage::week_grid(&ladder, &zone, at());
    let cells = &g.rows[0].cells;
    assert!(cells.iter().all(|c| c.reached == cells[0].reached));
    assert_eq!(g.reached_count(&cells[0]), 30_000);
    assert_eq!(g.groups.len(), 2, "the empty set and the role's holders");
    assert!(cells[0]
        .label
        .ends_with("step 1 reaches Person 0, Person 1, Person 2 and 29997 more (role On call)"));
}

#[test]
fn a_chain_of_forty_thousand_services_is_checked_without_recursion() {
    let n = 40_000;
    let services: Vec<_> = (0..n)
        .map(|i| {
            let mut s = json!({"id": format!("s{i}"), "name": format!("S{i}")});
            if i + 1 < n {
                s["depends_on"] = json!([format!("s{}", i + 1)]);
            }
            s
        })
        .collect();
    let mut doc = base();
    doc["services"] = json!(services);
    doc["triggers"][0]["service"] = json!("s0");
    let ladder = parse_ladder(&doc.to_string()).unwrap();
    assert!(validate_ladder(&ladder, at()).is_valid());

    // Closing the chain into one cycle: one finding, at the closing edge, elided.
    doc["services"][n - 1]["depends_on"] = json!(["s0"]);
    let ladder = parse_ladder(&doc.to_string()).unwrap();
    let r = validate_ladder(&ladder, at());
    let cycles: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::DependencyCycle)
        .collect();
    assert_eq!(cycles.len(), 1, "{cycles:?}");
    assert_eq!(
        cycles[0].pointer,
        format!("/services/{}/depends_on/0", n - 1)
    );
    assert!(
        cycles[0].message.starts_with(
            "Services depend on each other in a cycle: S0 → S1 → S2 → S3 → S4 → S5 → S6 → S7 → … 39984 more … → S39992"
        ) && cycles[0].message.ends_with("→ S39999 → S0."),
        "{}",
        cycles[0].message
    );
}

#[test]
fn a_megabyte_time_zone_name_is_refused_without_a_suggestion_search() {
    let zone = "a".repeat(1 << 20);
    let mut doc = base();
    doc["people"][0]["timezone"] = json!(zone);
    let e = parse_ladder(&doc.to_string()).unwrap_err();
    assert_eq!(e.pointer, "/people/0/timezone");
    assert!(
        e.message.starts_with("unknown time zone `aaaa"),
        "{}",
        e.message
    );
    assert!(!e.message.contains("did you mean"), "{}", e.message);
    assert!(e.message.len() < 300, "the name is shortened for display");
    // A near miss still gets its suggestion.
    doc["people"][0]["timezone"] = json!("Europe/Londn");
    let e = parse_ladder(&doc.to_string()).unwrap_err();
    assert!(
        e.message.contains("did you mean `Europe/London`"),
        "{}",
        e.message
    );
}

#[test]
fn thousands_of_unknown_references_are_all_reported_and_only_the_first_hundred_get_a_suggestion() {
    let n = 5_000;
    let mut doc = base();
    doc["tiers"][0]["escalation"]["steps"][0]["notify"] = json!((0..n)
        .map(|i| json!({"person": format!("p{}x", i % 2)}))
        .collect::<Vec<_>>());
    let ladder = parse_ladder(&doc.to_string()).unwrap();
    let r = validate_ladder(&ladder, at());
    let unknown: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnknownReference)
        .collect();
    assert_eq!(unknown.len(), n);
    assert!(unknown.iter().all(|d| d.severity == Severity::Error));
    let hinted = unknown
        .iter()
        .filter(|d| {
            d.hint
                .as_deref()
                .is_some_and(|h| h.starts_with("Did you mean"))
        })
        .count();
    assert_eq!(hinted, rungs_core::validate::MAX_SUGGESTIONS);
    assert_eq!(
        unknown[0].hint.as_deref(),
        Some("Did you mean Person 0 (id p0)?")
    );
    assert_eq!(unknown[n - 1].hint, None);

    // A reference far longer than any id: reported, no suggestion searched.
    let mut doc = base();
    doc["people"][0]["backup"] = json!("b".repeat(64));
    doc["people"][1]["roles"] = json!(["r".repeat(64)]);
    let ladder = parse_ladder(&doc.to_string()).unwrap();
    let r = validate_ladder(&ladder, at());
    assert_eq!(
        r.diagnostics
            .iter()
            .filter(|d| d.code == Code::UnknownReference)
            .count(),
        2
    );
}

#[test]
fn many_triggers_on_one_signal_are_compared_in_bounded_work() {
    let n = 20_000;
    let mut doc = base();
    let trigger = doc["triggers"][0].clone();
    doc["triggers"] = json!((0..n)
        .map(|i| {
            let mut t = trigger.clone();
            t["id"] = json!(format!("t{i}"));
            t
        })
        .collect::<Vec<_>>());
    let ladder = parse_ladder(&doc.to_string()).unwrap();
    // The same condition opening the same tier contradicts nothing.
    assert!(validate_ladder(&ladder, at()).diagnostics.is_empty());
}

/// Found while fuzzing: a placeholder of a million characters took seconds in the
/// did-you-mean search. It is reported, quoted short, with no suggestion.
#[test]
fn a_megabyte_template_placeholder_is_reported_without_a_suggestion_search() {
    let mut doc = base();
    let body = format!("{{{{{}}}}}", "y".repeat(1 << 20));
    doc["templates"] =
        json!([{ "id": "t", "name": "t", "audience": "internal", "channel": "c", "body": body }]);
    let ladder = parse_ladder(&doc.to_string()).unwrap();
    let r = validate_ladder(&ladder, at());
    let found: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnknownPlaceholder)
        .collect();
    assert_eq!(found.len(), 1, "{:?}", r.diagnostics);
    let hint = found[0].hint.as_deref().unwrap_or_default();
    assert!(!hint.contains("did you mean"), "{hint}");
    assert!(found[0].message.len() < 1_000, "quoted short");
}
