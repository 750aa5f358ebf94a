//! Validation: one test per rule, each with the smallest change to a clean ladder that
//! breaks it, asserting the code and the JSON Pointer.

mod common;

use common::{push, with};
use rungs_core::*;
use serde_json::{json, Value};

/// A small ladder that produces no finding at all.
fn base() -> Value {
    json!({
        "format": "rungs.ladder/v1",
        "name": "Base",
        "services": [{ "id": "checkout", "name": "Checkout" }],
        "roles": [{ "id": "ic", "name": "Incident commander" }],
        "people": [
            { "id": "ana", "name": "Ana", "timezone": "Europe/London", "roles": ["ic"], "backup": "ben" },
            { "id": "ben", "name": "Ben", "timezone": "America/New_York", "roles": ["ic"], "backup": "ana" }
        ],
        "rotations": [
            { "id": "primary", "name": "Primary", "members": ["ana", "ben"], "shift": "1w",
              "start": "2026-01-05T00:00:00Z", "timezone": "UTC" }
        ],
        "tiers": [
            { "id": "sev1", "name": "SEV1", "rank": 1,
              "timelines": { "acknowledge": "5m", "contain": "30m", "resolve": "4h" },
              "escalation": { "steps": [
                  { "notify": [{ "rotation": "primary" }], "escalate_after": "5m" },
                  { "notify": [{ "role": "ic" }], "escalate_after": "10m" }
              ] } },
            { "id": "sev2", "name": "SEV2", "rank": 2,
              "timelines": { "acknowledge": "15m", "contain": "1h", "resolve": "8h" },
              "escalation": { "steps": [{ "notify": [{ "rotation": "primary" }], "escalate_after": "15m" }] },
              "on_breach": { "acknowledge": "escalate" } }
        ],
        "triggers": [
            { "id": "errors", "service": "checkout", "metric": "error_rate", "op": ">=", "threshold": 0.05,
              "for": "2m", "tier": "sev2", "clear_for": "10m" }
        ],
        "defaults": { "response": { "ack_median": "3m", "ack_p90": "10m" } }
    })
}

const AT: &str = "2026-02-15T00:00:00Z";

/// Parses and validates, turning a parse error into its diagnostic like the CLI does.
fn check_at(doc: &Value, at: &str) -> Report {
    match parse_ladder(&doc.to_string()) {
        Ok(l) => validate_ladder(&l, Instant::parse(at).unwrap()),
        Err(e) => Report {
            diagnostics: vec![Diagnostic::from_parse_error(&e)],
        },
    }
}

fn check(doc: &Value) -> Report {
    check_at(doc, AT)
}

/// Asserts that `report` has a finding of `code` at `pointer`, and returns it.
fn expect<'a>(report: &'a Report, code: Code, pointer: &str) -> &'a Diagnostic {
    report
        .diagnostics
        .iter()
        .find(|d| d.code == code && d.pointer == pointer)
        .unwrap_or_else(|| panic!("no {code} at {pointer}; got {:#?}", report.diagnostics))
}

/// Like `expect`, and also that it is the only finding.
fn expect_only<'a>(report: &'a Report, code: Code, pointer: &str) -> &'a Diagnostic {
    let d = expect(report, code, pointer);
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    d
}

#[test]
fn the_base_ladder_is_clean() {
    assert_eq!(check(&base()).diagnostics, vec![]);
}

#[test]
fn the_examples_have_no_errors_and_no_warnings_all_year() {
    // Four reference instants spread over the year, so every DST change falls inside
    // one eight-week coverage window.
    for at in [
        "2026-01-10T00:00:00Z",
        "2026-03-01T00:00:00Z",
        "2026-06-20T00:00:00Z",
        "2026-10-01T00:00:00Z",
    ] {
        for ex in examples::EXAMPLES {
            let report =
                validate_ladder(&parse_ladder(ex.json).unwrap(), Instant::parse(at).unwrap());
            assert_eq!(report.diagnostics, vec![], "{} at {at}", ex.key);
        }
    }
}

#[test]
fn every_code_is_kebab_case_and_unique() {
    let mut seen = std::collections::HashSet::new();
    for c in Code::ALL {
        assert!(
            c.as_str()
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch == '-'),
            "{c}"
        );
        assert!(seen.insert(c.as_str()), "{c}");
    }
}

// ---- errors ---------------------------------------------------------------------------

#[test]
fn unknown_references_suggest_the_closest_id() {
    let r = check(&with(
        base(),
        "/tiers/0/escalation/steps/0/notify/0",
        json!({ "rotation": "primry" }),
    ));
    let d = expect_only(
        &r,
        Code::UnknownReference,
        "/tiers/0/escalation/steps/0/notify/0/rotation",
    );
    assert_eq!(
        d.message,
        "SEV1 step 1 pages the rotation “primry”, which does not exist."
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("Did you mean “Primary” (id primary)?")
    );
    assert_eq!(d.severity, Severity::Error);
}

#[test]
fn unknown_references_of_every_kind_are_found() {
    let cases = [
        ("/people/0/backup", json!("bn")),
        ("/people/0/roles/0", json!("icc")),
        ("/rotations/0/members/1", json!("bob")),
        ("/triggers/0/service", json!("checkou")),
        ("/triggers/0/tier", json!("sev3")),
    ];
    for (pointer, value) in cases {
        let r = check(&with(base(), pointer, value));
        expect(&r, Code::UnknownReference, pointer);
    }
    let r = check(&with(
        base(),
        "/tiers/0/owners",
        json!({ "commander": { "person": "zed" } }),
    ));
    let d = expect(
        &r,
        Code::UnknownReference,
        "/tiers/0/owners/commander/person",
    );
    assert!(
        d.hint
            .as_deref()
            .unwrap()
            .starts_with("Use one of the people: Ana (id ana), Ben (id ben)."),
        "{d:?}"
    );
    let r = check(&with(base(), "/tiers/0/playbook", json!("pb")));
    let d = expect_only(&r, Code::UnknownReference, "/tiers/0/playbook");
    assert_eq!(
        d.hint.as_deref(),
        Some("The ladder has no playbooks yet: add one, or remove this reference.")
    );
    let r = check(&push(
        base(),
        "/services",
        json!({ "id": "web", "name": "Web", "depends_on": ["chekout"] }),
    ));
    expect_only(&r, Code::UnknownReference, "/services/1/depends_on/0");
}

#[test]
fn duplicate_ids() {
    let r = check(&with(base(), "/people/1/id", json!("ana")));
    // The finding is at the second entry (its pointer) and names the first by name.
    let d = expect(&r, Code::DuplicateId, "/people/1/id");
    assert_eq!(d.message, "The id “ana” is already used by Ana.");
    let r = check(&push(
        base(),
        "/rotations",
        json!({ "id": "primary", "name": "Backup", "members": ["ben"], "shift": "1w",
        "start": "2026-01-05T00:00:00Z", "timezone": "UTC" }),
    ));
    let d = expect(&r, Code::DuplicateId, "/rotations/1/id");
    assert_eq!(
        d.message,
        "The id “primary” is already used by the rotation “Primary”."
    );
}

#[test]
fn duplicate_and_zero_ranks() {
    let r = check(&with(base(), "/tiers/1/rank", json!(1)));
    expect(&r, Code::DuplicateRank, "/tiers/1/rank");
    let r = check(&with(base(), "/tiers/0/rank", json!(0)));
    expect(&r, Code::InvalidRank, "/tiers/0/rank");
}

#[test]
fn no_tiers() {
    let r = check(&with(base(), "/tiers", json!([])));
    expect(&r, Code::NoTiers, "/tiers");
}

#[test]
fn timelines_out_of_order_inside_a_tier() {
    let r = check(&with(base(), "/tiers/0/timelines/acknowledge", json!("1h")));
    let d = expect(&r, Code::TimelineOrder, "/tiers/0/timelines/acknowledge");
    assert_eq!(
        d.message,
        "SEV1 allows 1h to acknowledge but only 30m to contain."
    );
    let r = check(&with(base(), "/tiers/0/timelines/contain", json!("5h")));
    expect(&r, Code::TimelineOrder, "/tiers/0/timelines/contain");
    let r = check(&with(
        base(),
        "/tiers/0/timelines",
        json!({ "acknowledge": "5h", "resolve": "4h" }),
    ));
    expect(&r, Code::TimelineOrder, "/tiers/0/timelines/acknowledge");
}

#[test]
fn equal_lengths_written_differently_are_in_order() {
    // a duration is a length: 24h is no longer than 1d, 600s no longer than 10m
    let r = check(&with(
        base(),
        "/tiers/0/timelines",
        json!({ "acknowledge": "24h", "contain": "1d", "resolve": "2d" }),
    ));
    assert!(
        r.diagnostics.iter().all(|d| d.code != Code::TimelineOrder),
        "{:?}",
        r.diagnostics
    );
    let r = check(&with(
        base(),
        "/tiers/0/timelines",
        json!({ "acknowledge": "600s", "contain": "10m", "resolve": "1440m" }),
    ));
    assert!(
        r.diagnostics.iter().all(|d| d.code != Code::TimelineOrder),
        "{:?}",
        r.diagnostics
    );
}

#[test]
fn dependency_cycles_name_every_service() {
    let doc = with(
        base(),
        "/services",
        json!([
            { "id": "a", "name": "A", "depends_on": ["b"] },
            { "id": "b", "name": "B", "depends_on": ["c"] },
            { "id": "c", "name": "C", "depends_on": ["a"] },
            { "id": "checkout", "name": "Checkout", "depends_on": ["a"] }
        ]),
    );
    let r = check(&doc);
    let d = expect_only(&r, Code::DependencyCycle, "/services/2/depends_on/0");
    assert_eq!(
        d.message,
        "Services depend on each other in a cycle: A → B → C → A."
    );
    let r = check(&with(base(), "/services/0/depends_on", json!(["checkout"])));
    expect_only(&r, Code::DependencyCycle, "/services/0/depends_on/0");
}

#[test]
fn a_person_who_is_their_own_backup() {
    let r = check(&with(base(), "/people/0/backup", json!("ana")));
    expect_only(&r, Code::BackupCycle, "/people/0/backup");
}

#[test]
fn a_person_s_email_is_one_address_or_nothing() {
    for good in ["ana@example.com", "ana+oncall@sub.example.co.uk", "a@b"] {
        let r = check(&with(base(), "/people/0/email", json!(good)));
        assert!(
            r.diagnostics.iter().all(|d| d.code != Code::InvalidEmail),
            "{good}"
        );
    }
    for bad in [
        "ana",
        "@example.com",
        "ana@",
        "ana @example.com",
        "a@b@c",
        "ana@example.com\nBcc: x@y",
    ] {
        let r = check(&with(base(), "/people/0/email", json!(bad)));
        let d = expect_only(&r, Code::InvalidEmail, "/people/0/email");
        assert!(
            d.message.contains("is not an address"),
            "{bad}: {}",
            d.message
        );
    }
    let long = format!("{}@example.com", "a".repeat(250));
    expect_only(
        &check(&with(base(), "/people/0/email", json!(long))),
        Code::InvalidEmail,
        "/people/0/email",
    );
}

#[test]
fn empty_escalations_steps_and_rotations() {
    let r = check(&with(base(), "/tiers/1/escalation/steps", json!([])));
    expect(&r, Code::EmptyEscalation, "/tiers/1/escalation/steps");
    let r = check(&with(
        base(),
        "/tiers/1/escalation/steps/0/notify",
        json!([]),
    ));
    expect(&r, Code::EmptyStep, "/tiers/1/escalation/steps/0/notify");
    let r = check(&with(base(), "/rotations/0/members", json!([])));
    expect(&r, Code::EmptyRotation, "/rotations/0/members");
}

#[test]
fn unknown_and_unclosed_template_placeholders() {
    let tpl = |body: &str| {
        push(
            base(),
            "/templates",
            json!({ "id": "t", "name": "T", "audience": "internal", "channel": "#inc", "body": body }),
        )
    };
    assert_eq!(
        check(&tpl("{{incident}} on {{ service }}: {{status}}")).diagnostics,
        vec![]
    );
    let r = check(&tpl("{{incident}} on {{servce}}"));
    let d = expect_only(&r, Code::UnknownPlaceholder, "/templates/0/body");
    assert_eq!(d.hint.as_deref(), Some("Did you mean “{{service}}”?"));
    let r = check(&tpl("<b>{{owner}}</b>"));
    assert!(
        expect_only(&r, Code::UnknownPlaceholder, "/templates/0/body")
            .hint
            .as_deref()
            .unwrap()
            .starts_with("Use one of the known placeholders: {{incident}}, ")
    );
    let r = check(&tpl("hello {{incident"));
    expect_only(&r, Code::UnknownPlaceholder, "/templates/0/body");
}

#[test]
fn bad_time_zones_are_refused_at_the_field() {
    let r = check(&with(
        base(),
        "/people/1/timezone",
        json!("America/NewYork"),
    ));
    let d = expect_only(&r, Code::InvalidDocument, "/people/1/timezone");
    assert!(
        d.message.contains("did you mean `America/New_York`"),
        "{}",
        d.message
    );
    assert!(d.line.is_some());
    let r = check(&with(
        base(),
        "/rotations/0/timezone",
        json!("Mars/Olympus"),
    ));
    expect_only(&r, Code::InvalidDocument, "/rotations/0/timezone");
}

#[test]
fn malformed_windows() {
    let r = check(&with(
        base(),
        "/rotations/0/window",
        json!({ "days": [], "from": "09:00", "to": "17:00" }),
    ));
    expect(&r, Code::MalformedWindow, "/rotations/0/window/days");
    let r = check(&with(
        base(),
        "/rotations/0/window",
        json!({ "days": ["mon", "tue", "mon"], "from": "09:00", "to": "17:00" }),
    ));
    expect(&r, Code::MalformedWindow, "/rotations/0/window/days/2");
    let r = check(&with(
        base(),
        "/rotations/0/window",
        json!({ "days": ["mon"], "from": "9am", "to": "17:00" }),
    ));
    expect_only(&r, Code::InvalidDocument, "/rotations/0/window/from");
}

#[test]
fn windows_lists_are_checked_like_one_window() {
    let doc = with(
        base(),
        "/rotations/0/windows",
        json!([
            { "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" },
            { "days": ["fri", "fri"], "from": "18:00", "to": "10:00", "to_day": "mon" }
        ]),
    );
    let r = check(&doc);
    let d = expect(&r, Code::MalformedWindow, "/rotations/0/windows/1/days/1");
    assert!(d.message.starts_with("Window 2 of"), "{}", d.message);
    let r = check(&with(
        doc.clone(),
        "/rotations/0/windows/1/days",
        json!(["fri"]),
    ));
    assert!(
        !r.diagnostics
            .iter()
            .any(|d| d.code == Code::MalformedWindow),
        "{r:?}"
    );
    // a rotation has `window` or `windows`, not both
    let both = with(
        doc,
        "/rotations/0/window",
        json!({ "days": ["sat"], "from": "10:00", "to": "12:00" }),
    );
    let r = check(&both);
    let d = expect(&r, Code::MalformedWindow, "/rotations/0/windows");
    assert!(
        d.message.contains("both a window and a list of windows"),
        "{}",
        d.message
    );
    // `to_day` is a weekday, and nothing else is allowed in a window
    let r = check(&with(
        base(),
        "/rotations/0/windows",
        json!([{ "days": ["fri"], "from": "18:00", "to": "10:00", "to_day": "monday" }]),
    ));
    expect_only(&r, Code::InvalidDocument, "/rotations/0/windows/0/to_day");
    let r = check(&with(
        base(),
        "/rotations/0/windows",
        json!([{ "days": ["fri"], "from": "18:00", "to": "10:00", "until": "mon" }]),
    ));
    expect_only(&r, Code::InvalidDocument, "/rotations/0/windows/0/until");
}

#[test]
fn overrides_need_a_person_an_order_and_no_overlap() {
    let o =
        |from: &str, to: &str, person: &str| json!({ "from": from, "to": to, "person": person });
    let people: Vec<String> = base()["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    let who = &people[0];
    let fine = with(
        base(),
        "/rotations/0/overrides",
        json!([o("2026-08-12T00:00:00Z", "2026-08-19T00:00:00Z", who)]),
    );
    assert!(!check(&fine)
        .diagnostics
        .iter()
        .any(|d| d.code == Code::InvalidOverride || d.code == Code::UnknownReference));
    let r = check(&with(
        fine.clone(),
        "/rotations/0/overrides/0/person",
        json!(format!("{who}x")),
    ));
    let d = expect(
        &r,
        Code::UnknownReference,
        "/rotations/0/overrides/0/person",
    );
    assert!(
        d.hint.as_deref().unwrap_or("").contains("Did you mean"),
        "{d:?}"
    );
    let r = check(&with(
        base(),
        "/rotations/0/overrides",
        json!([o("2026-08-19T00:00:00Z", "2026-08-12T00:00:00Z", who)]),
    ));
    expect(&r, Code::InvalidOverride, "/rotations/0/overrides/0/to");
    let r = check(&with(
        base(),
        "/rotations/0/overrides",
        json!([
            o("2026-08-12T00:00:00Z", "2026-08-19T00:00:00Z", who),
            o("2026-08-19T00:00:00Z", "2026-08-20T00:00:00Z", who),
            o("2026-08-18T00:00:00Z", "2026-08-21T00:00:00Z", who)
        ]),
    ));
    let d = expect(&r, Code::InvalidOverride, "/rotations/0/overrides/2");
    assert!(d.message.contains("overlaps override 1"), "{}", d.message);
}

#[test]
fn zero_and_negative_shifts() {
    let r = check(&with(base(), "/rotations/0/shift", json!("0m")));
    expect(&r, Code::InvalidShift, "/rotations/0/shift");
    let r = check(&with(base(), "/rotations/0/shift", json!("-1w")));
    let d = expect_only(&r, Code::InvalidDocument, "/rotations/0/shift");
    assert!(d.message.contains("negative"), "{}", d.message);
}

#[test]
fn delay_models_need_p90_at_least_the_median() {
    let r = check(&with(
        base(),
        "/people/0/response",
        json!({ "ack_median": "10m", "ack_p90": "5m" }),
    ));
    expect_only(&r, Code::InvalidDelayModel, "/people/0/response");
    let r = check(&with(base(), "/defaults/response/ack_median", json!("0m")));
    expect(&r, Code::InvalidDelayModel, "/defaults/response");
}

// ---- warnings -------------------------------------------------------------------------

fn windowed(doc: Value, rotation: usize, days: Value, from: &str, to: &str, tz: &str) -> Value {
    let doc = with(doc, &format!("/rotations/{rotation}/timezone"), json!(tz));
    with(
        doc,
        &format!("/rotations/{rotation}/window"),
        json!({ "days": days, "from": from, "to": to }),
    )
}

#[test]
fn coverage_gaps_say_when_in_utc_and_in_the_rotation_zone() {
    let doc = windowed(
        base(),
        0,
        json!(["mon", "tue", "wed", "thu", "fri"]),
        "09:00",
        "17:00",
        "Europe/Berlin",
    );
    let r = check(&doc);
    let d = expect(&r, Code::CoverageGap, "/tiers/1/escalation/steps/0/notify");
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.message.starts_with("SEV2 step 1 pages nobody for"),
        "{}",
        d.message
    );
    assert!(
        d.message
            .contains("mon, tue, wed, thu 16:00–08:00 UTC (17:00–09:00 Europe/Berlin)"),
        "{}",
        d.message
    );
    // step 2 of sev1 pages a role, which covers sev1's first-step gaps but not its own step
    expect(&r, Code::CoverageGap, "/tiers/0/escalation/steps/0/notify");
    assert!(r
        .with_code(Code::CoverageGap)
        .all(|d| !d.pointer.contains("steps/1")));
}

#[test]
fn coverage_gaps_that_only_dst_opens_are_caught() {
    // London covers 00:00-12:00 and New York 07:00-19:00 local. In winter that is
    // 00-12 and 12-24 UTC; while the US is on summer time and the UK is not yet
    // (8 to 29 March 2026) New York covers 11-23 UTC and 23:00-24:00 UTC is open.
    let mut doc = push(
        base(),
        "/rotations",
        json!({ "id": "americas", "name": "Americas", "members": ["ben"],
        "shift": "1w", "start": "2026-01-05T00:00:00Z", "timezone": "America/New_York" }),
    );
    doc = with(doc, "/rotations/0/members", json!(["ana"]));
    doc = windowed(
        doc,
        0,
        json!(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
        "00:00",
        "12:00",
        "Europe/London",
    );
    doc = windowed(
        doc,
        1,
        json!(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
        "07:00",
        "19:00",
        "America/New_York",
    );
    doc = with(
        doc,
        "/tiers/1/escalation/steps/0/notify",
        json!([{ "rotation": "primary" }, { "rotation": "americas" }]),
    );
    let r = check_at(&doc, "2026-02-15T00:00:00Z");
    let d = expect(&r, Code::CoverageGap, "/tiers/1/escalation/steps/0/notify");
    assert!(
        d.message
            .contains("pages nobody for 21 h over the next 8 weeks"),
        "{}",
        d.message
    );
    assert!(
        d.message
            .contains("every day 23:00–00:00 UTC (23:00–00:00 Europe/London), 21 times"),
        "{}",
        d.message
    );
    let r = check_at(&doc, "2026-05-01T00:00:00Z");
    assert_eq!(
        r.with_code(Code::CoverageGap)
            .filter(|d| d.pointer.starts_with("/tiers/1"))
            .count(),
        0,
        "{:#?}",
        r.diagnostics
    );
}

#[test]
fn owners_with_gaps_are_reported_at_the_owner() {
    let doc = windowed(base(), 0, json!(["sat", "sun"]), "00:00", "00:00", "UTC");
    let doc = with(
        doc,
        "/tiers/0/owners",
        json!({ "commander": { "rotation": "primary" } }),
    );
    let r = check(&doc);
    let d = expect(&r, Code::CoverageGap, "/tiers/0/owners/commander");
    assert!(
        d.message.contains("mon, tue, wed, thu, fri") || d.message.contains("UTC"),
        "{}",
        d.message
    );
}

#[test]
fn a_step_that_never_reaches_anybody() {
    let doc = push(base(), "/roles", json!({ "id": "sme", "name": "Expert" }));
    let doc = with(
        doc,
        "/tiers/1/escalation/steps/0/notify",
        json!([{ "role": "sme" }]),
    );
    let r = check(&doc);
    let d = expect(&r, Code::CoverageGap, "/tiers/1/escalation/steps/0/notify");
    assert_eq!(d.message, "SEV2 step 1 pages nobody at any hour.");
    expect(&r, Code::EmptyRole, "/roles/1");
    expect(
        &r,
        Code::UnreachableBeforeDeadline,
        "/tiers/1/timelines/acknowledge",
    );
}

#[test]
fn nobody_reachable_before_the_acknowledge_deadline() {
    let doc = push(base(), "/roles", json!({ "id": "sme", "name": "Expert" }));
    let doc = with(
        doc,
        "/tiers/0/escalation/steps/0/notify",
        json!([{ "role": "sme" }]),
    );
    let r = check(&doc);
    let d = expect(
        &r,
        Code::UnreachableBeforeDeadline,
        "/tiers/0/timelines/acknowledge",
    );
    assert_eq!(d.message, "The first step of SEV1 that reaches a person pages at 5m, after the acknowledge deadline of 5m.");
}

#[test]
fn the_same_person_on_consecutive_steps() {
    let doc = with(
        base(),
        "/tiers/0/escalation/steps/0/notify",
        json!([{ "person": "ana" }]),
    );
    let doc = with(
        doc,
        "/tiers/0/escalation/steps/1/notify",
        json!([{ "role": "ic" }, { "person": "ana" }]),
    );
    let r = check(&doc);
    expect_only(
        &r,
        Code::SamePersonConsecutiveSteps,
        "/tiers/0/escalation/steps/1/notify/1/person",
    );
}

#[test]
fn owners_without_backup() {
    let doc = push(
        base(),
        "/people",
        json!({ "id": "cy", "name": "Cy", "timezone": "UTC" }),
    );
    let doc = with(
        doc,
        "/tiers/0/owners",
        json!({ "resolution": { "person": "cy" } }),
    );
    let r = check(&doc);
    let d = expect_only(&r, Code::OwnerWithoutBackup, "/tiers/0/owners/resolution");
    assert_eq!(
        d.message,
        "The resolution owner of SEV1 is Cy alone, with no backup and no rotation behind them."
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("Give Cy a backup, or make the owner a rotation.")
    );
    // A role held by one person without a backup is the same risk.
    let doc = with(base(), "/people/1/roles", json!([]));
    let doc = with(doc, "/people/0/backup", Value::Null);
    let doc = with(
        doc,
        "/tiers/0/owners",
        json!({ "commander": { "role": "ic" } }),
    );
    let doc = {
        let mut d = doc;
        d["people"][0].as_object_mut().unwrap().remove("backup");
        d
    };
    expect(
        &check(&doc),
        Code::OwnerWithoutBackup,
        "/tiers/0/owners/commander",
    );
}

#[test]
fn roles_nobody_holds_and_people_nothing_pages() {
    let r = check(&push(
        base(),
        "/roles",
        json!({ "id": "legal", "name": "Legal" }),
    ));
    expect_only(&r, Code::EmptyRole, "/roles/1");
    let r = check(&push(
        base(),
        "/people",
        json!({ "id": "dee", "name": "Dee", "timezone": "UTC" }),
    ));
    expect_only(&r, Code::UnusedPerson, "/people/2");
}

#[test]
fn tiers_nothing_leads_to() {
    let r = check(&with(base(), "/triggers", json!([])));
    expect_only(&r, Code::UnreachableTier, "/tiers/1");
    let mut doc = base();
    doc["tiers"][1].as_object_mut().unwrap().remove("on_breach");
    expect_only(&check(&doc), Code::UnreachableTier, "/tiers/0");
}

// ---- schedules ------------------------------------------------------------------------

/// `base()` with a weekday day team (09:00-17:00 UTC) layered over the 24/7 primary in
/// the schedule “Main”, which SEV2's step pages. Clean.
fn scheduled() -> Value {
    let doc = push(
        base(),
        "/rotations",
        json!({ "id": "day", "name": "Day team", "members": ["ben", "ana"], "shift": "1d",
                "start": "2026-01-05T09:00:00Z", "timezone": "UTC",
                "window": { "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" } }),
    );
    let doc = push(
        doc,
        "/schedules",
        json!({ "id": "main", "name": "Main", "layers": ["primary", "day"] }),
    );
    with(
        doc,
        "/tiers/1/escalation/steps/0/notify/0",
        json!({ "schedule": "main" }),
    )
}

#[test]
fn a_schedule_over_a_24_7_layer_is_clean() {
    assert_eq!(check(&scheduled()).diagnostics, vec![]);
}

#[test]
fn schedule_references_must_resolve() {
    let r = check(&with(scheduled(), "/schedules/0/layers/1", json!("dya")));
    let d = expect(&r, Code::UnknownReference, "/schedules/0/layers/1");
    assert_eq!(
        d.message,
        "Layer 2 of the schedule “Main” is the rotation “dya”, which does not exist."
    );
    assert_eq!(d.hint.as_deref(), Some("Did you mean “Day team” (id day)?"));
    let r = check(&with(
        scheduled(),
        "/tiers/1/escalation/steps/0/notify/0",
        json!({ "schedule": "mian" }),
    ));
    let d = expect_only(
        &r,
        Code::UnknownReference,
        "/tiers/1/escalation/steps/0/notify/0/schedule",
    );
    assert_eq!(
        d.message,
        "SEV2 step 1 pages the schedule “mian”, which does not exist."
    );
    let r = check(&push(
        scheduled(),
        "/schedules",
        json!({ "id": "main", "name": "Other", "layers": ["day"] }),
    ));
    expect_only(&r, Code::DuplicateId, "/schedules/1/id");
}

#[test]
fn a_schedule_without_layers_or_with_a_rotation_twice() {
    let r = check(&with(scheduled(), "/schedules/0/layers", json!([])));
    let d = expect(&r, Code::EmptySchedule, "/schedules/0/layers");
    assert_eq!(
        d.message,
        "The schedule “Main” has no layers, so it pages nobody."
    );
    // and SEV2 pages nobody
    expect(&r, Code::CoverageGap, "/tiers/1/escalation/steps/0/notify");
    let r = check(&with(
        scheduled(),
        "/schedules/0/layers",
        json!(["primary", "day", "day"]),
    ));
    let d = expect_only(&r, Code::DuplicateLayer, "/schedules/0/layers/2");
    assert_eq!(
        d.message,
        "Layer 3 of the schedule “Main” is the rotation “Day team”, like layer 2."
    );
}

#[test]
fn a_layer_that_is_never_on_top_within_the_coverage_horizon() {
    // the day team under the 24/7 primary never answers
    let r = check(&with(
        scheduled(),
        "/schedules/0/layers",
        json!(["day", "primary"]),
    ));
    let d = expect_only(&r, Code::ShadowedLayer, "/schedules/0/layers/0");
    assert_eq!(
        d.message,
        "Layer 1 of the schedule “Main”, the rotation “Day team”, never answers over the next 8 weeks: a higher layer has someone on call whenever it does."
    );
    // an override of the lower layer's rotation on a weekend does not change that ...
    let weekend =
        json!([{ "from": "2026-02-21T00:00:00Z", "to": "2026-02-22T00:00:00Z", "person": "ana" }]);
    let doc = with(
        scheduled(),
        "/schedules/0/layers",
        json!(["day", "primary"]),
    );
    let r = check(&with(
        doc.clone(),
        "/rotations/1/overrides",
        weekend.clone(),
    ));
    expect_only(&r, Code::ShadowedLayer, "/schedules/0/layers/0");
    // the horizon is the coverage horizon, 8 weeks from the reference instant: an upper
    // layer kept on call by an override to 13 April hides the day team in the 8 weeks
    // from 15 February, not in those from 20 April
    let cover = json!({ "id": "cover", "name": "Cover", "members": ["ana"], "shift": "1w",
        "start": "2026-01-05T00:00:00Z", "timezone": "UTC",
        "window": { "days": ["sun"], "from": "00:00", "to": "00:00" },
        "overrides": [{ "from": "2026-02-01T00:00:00Z", "to": "2026-04-13T00:00:00Z", "person": "ben" }] });
    let doc = push(scheduled(), "/rotations", cover);
    let doc = with(doc, "/schedules/0/layers", json!(["day", "cover"]));
    let r = check(&doc);
    let d = expect_only(&r, Code::ShadowedLayer, "/schedules/0/layers/0");
    assert!(d.message.contains("“Day team”"));
    let r = check_at(&doc, "2026-04-20T00:00:00Z");
    assert!(
        r.with_code(Code::ShadowedLayer).next().is_none(),
        "{:#?}",
        r.diagnostics
    );
}

#[test]
fn a_rotation_that_nothing_pages_through() {
    let r = check(&push(
        scheduled(),
        "/rotations",
        json!({ "id": "spare", "name": "Spare", "members": ["ana"], "shift": "1w",
                "start": "2026-01-05T00:00:00Z", "timezone": "UTC" }),
    ));
    let d = expect_only(&r, Code::UnusedRotation, "/rotations/2");
    assert_eq!(
        d.message,
        "The rotation “Spare” is in no schedule, step or owner, so nothing ever pages through it."
    );
    // a layer of a schedule is a use; so is an owner
    let doc = with(
        scheduled(),
        "/tiers/0/escalation/steps/0/notify/0",
        json!({ "role": "ic" }),
    );
    assert_eq!(check(&doc).diagnostics, vec![]);
    let doc = with(doc, "/schedules/0/layers", json!(["day"]));
    expect(&check(&doc), Code::UnusedRotation, "/rotations/0");
    let doc = with(
        doc,
        "/tiers/0/owners",
        json!({ "triage": { "rotation": "primary" } }),
    );
    let r = check(&doc);
    assert!(
        r.with_code(Code::UnusedRotation).next().is_none(),
        "{:#?}",
        r.diagnostics
    );
}

#[test]
fn coverage_gaps_of_a_schedule_are_the_hours_no_layer_covers() {
    // the day team alone: weekdays 09:00-17:00 UTC, 40 of 168 hours a week
    let doc = with(scheduled(), "/schedules/0/layers", json!(["day"]));
    let r = check(&doc);
    let d = expect(&r, Code::CoverageGap, "/tiers/1/escalation/steps/0/notify");
    assert!(
        d.message
            .starts_with("SEV2 step 1 pages nobody for 1024 h over the next 8 weeks:"),
        "{}",
        d.message
    );
    // an override on a Saturday in the horizon covers 24 of them
    let weekend =
        json!([{ "from": "2026-02-21T00:00:00Z", "to": "2026-02-22T00:00:00Z", "person": "ana" }]);
    let r = check(&with(doc, "/rotations/1/overrides", weekend));
    let d = expect(&r, Code::CoverageGap, "/tiers/1/escalation/steps/0/notify");
    assert!(
        d.message
            .starts_with("SEV2 step 1 pages nobody for 1000 h over the next 8 weeks:"),
        "{}",
        d.message
    );
}

#[test]
fn a_more_severe_tier_allowing_more_time() {
    let r = check(&with(base(), "/tiers/0/timelines/resolve", json!("10h")));
    let d = expect_only(&r, Code::TimelineInversion, "/tiers/0/timelines/resolve");
    assert!(
        d.message
            .contains("SEV1 allows 10h to resolve, more than the less severe SEV2 allows (8h)."),
        "{}",
        d.message
    );
}

#[test]
fn flapping_and_contradictory_triggers() {
    let r = check(&with(base(), "/triggers/0/clear_for", json!("0m")));
    expect_only(&r, Code::FlappingTrigger, "/triggers/0/clear_for");
    let mut doc = base();
    doc["triggers"][0]
        .as_object_mut()
        .unwrap()
        .remove("clear_for");
    expect_only(&check(&doc), Code::FlappingTrigger, "/triggers/0/clear_for");

    let worse_is_milder = push(
        base(),
        "/triggers",
        json!({ "id": "mild", "service": "checkout", "metric": "error_rate",
        "op": ">=", "threshold": 0.5, "for": "2m", "tier": "sev2", "clear_for": "10m" }),
    );
    let worse_is_milder = with(worse_is_milder, "/triggers/0/tier", json!("sev1"));
    let r = check(&worse_is_milder);
    expect_only(&r, Code::ContradictoryTriggers, "/triggers/1/tier");
    let same = push(
        base(),
        "/triggers",
        json!({ "id": "same", "service": "checkout", "metric": "error_rate",
        "op": ">=", "threshold": 0.05, "for": "2m", "tier": "sev1", "clear_for": "10m" }),
    );
    expect_only(
        &check(&same),
        Code::ContradictoryTriggers,
        "/triggers/1/tier",
    );
    let consistent = push(
        base(),
        "/triggers",
        json!({ "id": "worse", "service": "checkout", "metric": "error_rate",
        "op": ">", "threshold": 0.25, "for": "1m", "tier": "sev1", "clear_for": "10m" }),
    );
    assert_eq!(check(&consistent).diagnostics, vec![]);
    let downward = push(
        base(),
        "/triggers",
        json!({ "id": "low", "service": "checkout", "metric": "success",
        "op": "<", "threshold": 0.5, "tier": "sev2", "clear_for": "10m" }),
    );
    let downward = push(
        downward,
        "/triggers",
        json!({ "id": "lower", "service": "checkout", "metric": "success",
        "op": "<", "threshold": 0.9, "tier": "sev1", "clear_for": "10m" }),
    );
    expect_only(
        &check(&downward),
        Code::ContradictoryTriggers,
        "/triggers/2/tier",
    );
}

#[test]
fn first_update_without_a_communication_owner() {
    let r = check(&with(
        base(),
        "/tiers/0/timelines/first_update",
        json!("15m"),
    ));
    expect_only(
        &r,
        Code::NoCommunicationOwner,
        "/tiers/0/owners/communication",
    );
}

#[test]
fn escalating_faster_than_people_respond() {
    let r = check(&with(
        base(),
        "/tiers/0/escalation/steps/0/escalate_after",
        json!("1m"),
    ));
    let d = expect_only(
        &r,
        Code::EscalatesBeforeResponse,
        "/tiers/0/escalation/steps/0/escalate_after",
    );
    assert_eq!(d.message, "SEV1 step 1 escalates after 1m, but the people it pages acknowledge after 3m at the median.");
}

#[test]
fn repeating_policies_that_wait_zero_storm() {
    let doc = with(
        base(),
        "/tiers/0/escalation/steps/0/escalate_after",
        json!("0m"),
    );
    let doc = with(
        doc,
        "/tiers/0/escalation/steps/1/escalate_after",
        json!("0m"),
    );
    let doc = with(doc, "/tiers/0/escalation/repeat", json!(3));
    expect(&check(&doc), Code::PageStorm, "/tiers/0/escalation/repeat");
}

// ---- scenarios ------------------------------------------------------------------------

fn scenario() -> Value {
    json!({
        "format": "rungs.scenario/v1", "name": "S", "start": "2026-03-14T03:00:00Z", "horizon": "2h",
        "signals": [{ "service": "checkout", "metric": "error_rate", "points": [["0m", 0.0], ["5m", 0.2]] }],
        "injects": [{ "at": "10m", "unavailable": "ana", "for": "1h" }, { "at": "20m", "note": "status page down" }],
        "work": { "contain_after_ack": { "median": "20m", "p90": "45m" }, "resolve_after_contain": { "median": "1h", "p90": "3h" } }
    })
}

fn check_scenario(s: &Value) -> Report {
    let ladder = parse_ladder(&base().to_string()).unwrap();
    validate_scenario(&parse_scenario(&s.to_string()).unwrap(), &ladder)
}

#[test]
fn a_clean_scenario() {
    assert_eq!(check_scenario(&scenario()).diagnostics, vec![]);
}

#[test]
fn scenarios_naming_unknown_services_and_people() {
    let r = check_scenario(&with(scenario(), "/signals/0/service", json!("checkot")));
    let d = expect(&r, Code::UnknownReference, "/signals/0/service");
    assert_eq!(
        d.hint.as_deref(),
        Some("Did you mean “Checkout” (id checkout)?")
    );
    let r = check_scenario(&with(scenario(), "/injects/0/unavailable", json!("anna")));
    expect_only(&r, Code::UnknownReference, "/injects/0/unavailable");
}

#[test]
fn scenario_points_out_of_order_and_events_after_the_horizon() {
    let r = check_scenario(&with(
        scenario(),
        "/signals/0/points",
        json!([["5m", 0.0], ["5m", 0.2]]),
    ));
    expect_only(&r, Code::UnorderedPoints, "/signals/0/points/1/0");
    let r = check_scenario(&with(scenario(), "/injects/1/at", json!("3h")));
    expect_only(&r, Code::AfterHorizon, "/injects/1/at");
    // the run covers [0, horizon): an inject exactly at the horizon never happens
    let r = check_scenario(&with(scenario(), "/injects/1/at", json!("2h")));
    expect_only(&r, Code::AfterHorizon, "/injects/1/at");
    let r = check_scenario(&with(scenario(), "/signals/0/metric", json!("errors")));
    expect_only(&r, Code::UnwatchedSignal, "/signals/0/metric");
    let r = check_scenario(&with(
        scenario(),
        "/work/contain_after_ack/p90",
        json!("5m"),
    ));
    expect_only(&r, Code::InvalidDelayModel, "/work/contain_after_ack");
}

#[test]
fn embedded_scenarios_are_checked_with_their_pointer() {
    let mut s = scenario();
    s.as_object_mut().unwrap().remove("format");
    s["id"] = json!("drill");
    s["injects"][0]["unavailable"] = json!("zed");
    let r = check(&push(base(), "/scenarios", s));
    expect_only(
        &r,
        Code::UnknownReference,
        "/scenarios/0/injects/0/unavailable",
    );
}

#[test]
fn a_tier_that_can_page_without_end_within_a_scenario_horizon_is_excessive() {
    // One step that waits 1s, repeated 4294967295 times, in an embedded scenario of 520w.
    let doc = with(
        base(),
        "/tiers/0/escalation",
        json!({ "steps": [{ "notify": [{ "rotation": "primary" }], "escalate_after": "1s" }], "repeat": u32::MAX }),
    );
    let mut s = scenario();
    s.as_object_mut().unwrap().remove("format");
    s["id"] = json!("drill");
    s["horizon"] = json!("520w");
    let r = check(&push(doc.clone(), "/scenarios", s.clone()));
    let excessive = |r: &Report| {
        r.diagnostics
            .iter()
            .filter(|d| d.code == Code::ExcessivePaging)
            .count()
    };
    assert_eq!(excessive(&r), 1, "{:#?}", r.diagnostics);
    let d = expect(&r, Code::ExcessivePaging, "/tiers/0/escalation/repeat");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "SEV1 can page up to 314,496,000 times within the 520w horizon of the scenario “S”: its step repeats every 1s, 4,294,967,295 more times."
    );
    assert!(d.hint.as_deref().unwrap().contains("1,000,000 events"));
    // the longest of several scenarios counts, once per tier
    let mut short = s.clone();
    short["id"] = json!("short");
    short["horizon"] = json!("1h");
    let r = check(&push(
        push(doc.clone(), "/scenarios", short),
        "/scenarios",
        s,
    ));
    assert_eq!(excessive(&r), 1, "{:#?}", r.diagnostics);
    let d = expect(&r, Code::ExcessivePaging, "/tiers/0/escalation/repeat");
    assert!(d.message.contains("the scenario “S”"), "{}", d.message);
    // without a scenario there is no horizon to count in
    assert_eq!(excessive(&check(&doc)), 0);
}

#[test]
fn excessive_paging_counts_each_paged_person_up_to_the_limit() {
    // sev2 pages role ic (ana and ben) every minute: 500 minutes is 1,000 pages, the
    // limit itself; 501 minutes is over it. A standalone scenario's finding points at
    // its own horizon and names the ladder's pointer in the text.
    let doc = with(
        base(),
        "/tiers/1/escalation",
        json!({ "steps": [{ "notify": [{ "role": "ic" }], "escalate_after": "1m" }], "repeat": 100_000 }),
    );
    let ladder = parse_ladder(&doc.to_string()).unwrap();
    let run = |horizon: &str| {
        let s = with(scenario(), "/horizon", json!(horizon));
        validate_scenario(&parse_scenario(&s.to_string()).unwrap(), &ladder)
    };
    assert_eq!(run("500m").diagnostics, vec![]);
    let r = run("501m");
    let d = expect_only(&r, Code::ExcessivePaging, "/horizon");
    assert!(
        d.message == "SEV2 can page up to 1,002 times within the 8h21m horizon of the scenario: its step repeats every 1m, 100,000 more times.",
        "{}",
        d.message
    );
    // the repeat count bounds it as much as the horizon does
    let tier = &ladder.tiers[1];
    assert_eq!(
        validate::max_pages(&ladder, tier, Duration::from_mins(501)),
        1002
    );
    let mut once = tier.clone();
    once.escalation.repeat = 2;
    assert_eq!(
        validate::max_pages(&ladder, &once, Duration::from_mins(501)),
        6
    );
    // a pass that takes no time runs once, as in the simulator (page-storm warns)
    once.escalation.repeat = u32::MAX;
    once.escalation.steps[0].escalate_after = Duration::ZERO;
    assert_eq!(
        validate::max_pages(&ladder, &once, Duration::from_mins(501)),
        2
    );
    // steps after the horizon page nobody
    assert_eq!(
        validate::max_pages(&ladder, &ladder.tiers[0], Duration::from_mins(5)),
        1
    );
    assert_eq!(
        validate::max_pages(&ladder, &ladder.tiers[0], Duration::from_mins(6)),
        3
    );
}

#[test]
fn excessive_paging_without_repeat_points_at_the_steps() {
    let steps: Vec<Value> = (0..1001)
        .map(|_| json!({ "notify": [{ "rotation": "primary" }], "escalate_after": "1s" }))
        .collect();
    let doc = with(base(), "/tiers/1/escalation", json!({ "steps": steps }));
    let mut s = scenario();
    s.as_object_mut().unwrap().remove("format");
    s["id"] = json!("drill");
    s["horizon"] = json!("1d");
    let r = check(&push(doc, "/scenarios", s));
    let d = expect(&r, Code::ExcessivePaging, "/tiers/1/escalation/steps");
    assert!(
        d.message
            .ends_with(": its 1001 steps page that many people."),
        "{}",
        d.message
    );
}

// ---- hostile documents ----------------------------------------------------------------

#[test]
fn hostile_documents_get_clear_errors_not_panics() {
    let huge = format!(
        "{{\"format\":\"rungs.ladder/v1\",\"name\":\"{}\",\"tiers\":[]}}",
        "a".repeat(10 << 20)
    );
    let e = parse_ladder(&huge).unwrap_err();
    assert_eq!(
        Diagnostic::from_parse_error(&e).code,
        Code::DocumentTooLarge
    );

    let nested = format!(
        "{{\"format\":\"rungs.ladder/v1\",\"name\":\"n\",\"tiers\":{}{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let d = Diagnostic::from_parse_error(&parse_ladder(&nested).unwrap_err());
    assert_eq!(
        (d.code, d.pointer.as_str()),
        (Code::InvalidDocument, "/tiers/0/0"),
        "{d:?}"
    );
    let deep = "[".repeat(200_000);
    let d = Diagnostic::from_parse_error(&parse_ladder(&deep).unwrap_err());
    assert!(d.message.contains("recursion limit"), "{}", d.message);

    let r = check(&with(
        base(),
        "/people/0/id",
        json!("<script>alert(1)</script>"),
    ));
    expect_only(&r, Code::InvalidDocument, "/people/0/id");

    let r = check(&with(base(), "/tiers/0/rank", json!(1e300)));
    expect_only(&r, Code::InvalidDocument, "/tiers/0/rank");
    let text = base()
        .to_string()
        .replace("\"threshold\":0.05", "\"threshold\":1e400");
    let d = Diagnostic::from_parse_error(&parse_ladder(&text).unwrap_err());
    assert_eq!(d.code, Code::JsonSyntax, "{d:?}");

    // Names are free text: markup is kept as text and does not upset validation.
    let r = check(&with(
        base(),
        "/people/0/name",
        json!("<img src=x onerror=alert(1)>"),
    ));
    assert!(r.is_valid());

    // Many steps and a huge repeat count validate quickly and without overflow.
    let steps: Vec<Value> = (0..2000)
        .map(|_| json!({ "notify": [{ "rotation": "primary" }], "escalate_after": "1w" }))
        .collect();
    let doc = with(
        base(),
        "/tiers/1/escalation",
        json!({ "steps": steps, "repeat": u32::MAX }),
    );
    assert!(check(&doc).is_valid());
    // and counting their pages within the longest horizon does not overflow
    let l = parse_ladder(&doc.to_string()).unwrap();
    let pages = validate::max_pages(&l, &l.tiers[1], Duration::from_millis(u64::MAX));
    let (week, h) = (604_800_000u128, u128::from(u64::MAX));
    let expected: u128 = (0..2000)
        .map(|k| (h - 1 - k * week) / (2000 * week) + 1)
        .sum();
    assert_eq!(u128::from(pages), expected);
}

#[test]
fn the_large_generated_ladder_is_valid() {
    let ladder = examples::large_ladder(500, 50, 8, 200);
    let text = to_canonical_json(&ladder);
    assert_eq!(parse_ladder(&text).unwrap(), ladder);
    let report = validate_ladder(&ladder, Instant::parse(AT).unwrap());
    assert!(
        report.is_valid(),
        "{:#?}",
        report.errors().collect::<Vec<_>>()
    );
}

// ---- wording --------------------------------------------------------------------------

/// A ladder with one or more of every finding validation makes, each from the smallest
/// change to the clean base ladder (or its scenario).
fn broken_ladders() -> Vec<Value> {
    let tpl = |body: &str| {
        push(
            base(),
            "/templates",
            json!({ "id": "status", "name": "Status update", "audience": "internal", "channel": "#inc", "body": body }),
        )
    };
    let embedded = |s: Value| {
        let mut s = s;
        s.as_object_mut().unwrap().remove("format");
        s["id"] = json!("drill");
        push(base(), "/scenarios", s)
    };
    let zero_waits = with(
        with(
            base(),
            "/tiers/0/escalation/steps/0/escalate_after",
            json!("0m"),
        ),
        "/tiers/0/escalation/steps/1/escalate_after",
        json!("0m"),
    );
    let mut unbreached = base();
    unbreached["tiers"][1]
        .as_object_mut()
        .unwrap()
        .remove("on_breach");
    let lone_owner = with(
        push(
            base(),
            "/people",
            json!({ "id": "cy", "name": "Cy", "timezone": "UTC" }),
        ),
        "/tiers/0/owners",
        json!({ "resolution": { "person": "cy" }, "commander": { "person": "zed" }, "triage": { "role": "nobody" } }),
    );
    let mut excessive = scenario();
    excessive["horizon"] = json!("520w");
    vec![
        with(
            base(),
            "/tiers/0/escalation/steps/0/notify/0",
            json!({ "rotation": "primry" }),
        ),
        with(
            base(),
            "/tiers/0/escalation/steps/0/notify/0",
            json!({ "person": "zzzzzz" }),
        ),
        with(base(), "/people/0/email", json!("ana.example.com")),
        with(base(), "/people/0/backup", json!("bn")),
        with(base(), "/people/0/roles/0", json!("icc")),
        with(base(), "/rotations/0/members/1", json!("bob")),
        with(base(), "/triggers/0/service", json!("checkou")),
        with(base(), "/triggers/0/tier", json!("sev3")),
        with(base(), "/tiers/0/playbook", json!("pb")),
        push(
            base(),
            "/services",
            json!({ "id": "web", "name": "Web", "depends_on": ["chekout"] }),
        ),
        push(
            base(),
            "/playbooks",
            json!({ "id": "pb", "name": "Checkout down", "steps": [{ "stage": "diagnosis", "text": "Look", "owner": { "role": "sme" } }] }),
        ),
        lone_owner,
        with(base(), "/people/1/id", json!("ana")),
        with(base(), "/rotations/0/id", json!("x")),
        push(
            base(),
            "/triggers",
            json!({ "id": "errors", "service": "checkout", "metric": "latency", "op": ">", "threshold": 1, "tier": "sev1", "clear_for": "1m" }),
        ),
        with(base(), "/tiers/1/rank", json!(1)),
        with(base(), "/tiers/0/rank", json!(0)),
        with(base(), "/tiers", json!([])),
        with(base(), "/tiers/0/timelines/acknowledge", json!("1h")),
        with(base(), "/services/0/depends_on", json!(["checkout"])),
        with(base(), "/people/0/backup", json!("ana")),
        with(base(), "/tiers/1/escalation/steps", json!([])),
        with(base(), "/tiers/1/escalation/steps/0/notify", json!([])),
        with(base(), "/rotations/0/members", json!([])),
        with(base(), "/rotations/0/shift", json!("0m")),
        with(scheduled(), "/schedules/0/layers/1", json!("dya")),
        with(scheduled(), "/schedules/0/layers", json!([])),
        with(
            scheduled(),
            "/schedules/0/layers",
            json!(["primary", "day", "day"]),
        ),
        with(
            scheduled(),
            "/schedules/0/layers",
            json!(["day", "primary"]),
        ),
        with(
            scheduled(),
            "/tiers/1/escalation/steps/0/notify/0",
            json!({ "schedule": "mian" }),
        ),
        push(
            base(),
            "/rotations",
            json!({ "id": "spare", "name": "", "members": ["ana"], "shift": "1w",
                    "start": "2026-01-05T00:00:00Z", "timezone": "UTC" }),
        ),
        with(
            base(),
            "/rotations/0/window",
            json!({ "days": [], "from": "09:00", "to": "17:00" }),
        ),
        with(
            base(),
            "/rotations/0/window",
            json!({ "days": ["mon", "tue", "mon"], "from": "09:00", "to": "17:00" }),
        ),
        with(
            base(),
            "/rotations/0/overrides",
            json!([
                { "from": "2026-08-12T00:00:00Z", "to": "2026-08-11T00:00:00Z", "person": base()["people"][0]["id"] },
                { "from": "2026-08-13T00:00:00Z", "to": "2026-08-15T00:00:00Z", "person": base()["people"][0]["id"] },
                { "from": "2026-08-14T00:00:00Z", "to": "2026-08-16T00:00:00Z", "person": "nobodyx" }
            ]),
        ),
        windowed(
            base(),
            0,
            json!(["sat", "sun"]),
            "00:00",
            "00:00",
            "Europe/Berlin",
        ),
        tpl("{{incident}} on {{servce}}"),
        tpl("<b>{{owner}}</b>"),
        tpl("hello {{incident"),
        with(
            base(),
            "/people/0/response",
            json!({ "ack_median": "10m", "ack_p90": "5m" }),
        ),
        with(base(), "/defaults/response/ack_median", json!("0m")),
        push(base(), "/roles", json!({ "id": "legal", "name": "Legal" })),
        push(
            base(),
            "/people",
            json!({ "id": "dee", "name": "", "timezone": "UTC" }),
        ),
        with(base(), "/triggers", json!([])),
        unbreached,
        with(base(), "/tiers/0/timelines/resolve", json!("10h")),
        with(base(), "/tiers/0/timelines/first_update", json!("15m")),
        with(base(), "/triggers/0/clear_for", json!("0m")),
        push(
            with(base(), "/triggers/0/tier", json!("sev1")),
            "/triggers",
            json!({ "id": "mild", "service": "checkout", "metric": "error_rate", "op": ">=", "threshold": 0.5, "tier": "sev2", "clear_for": "10m" }),
        ),
        push(
            base(),
            "/triggers",
            json!({ "id": "same", "service": "checkout", "metric": "error_rate", "op": ">=", "threshold": 0.05, "tier": "sev1", "clear_for": "10m" }),
        ),
        with(
            base(),
            "/tiers/0/escalation/steps/0/escalate_after",
            json!("1m"),
        ),
        with(zero_waits, "/tiers/0/escalation/repeat", json!(3)),
        with(
            with(
                base(),
                "/tiers/0/escalation/steps/0/notify",
                json!([{ "person": "ana" }]),
            ),
            "/tiers/0/escalation/steps/1/notify",
            json!([{ "role": "ic" }, { "person": "ana" }]),
        ),
        with(
            push(base(), "/roles", json!({ "id": "sme", "name": "Expert" })),
            "/tiers/0/escalation/steps/0/notify",
            json!([{ "role": "sme" }]),
        ),
        embedded(with(scenario(), "/injects/0/unavailable", json!("zed"))),
        embedded(with(
            scenario(),
            "/signals/0/points",
            json!([["5m", 0.0], ["5m", 0.2], ["3h", 1.0]]),
        )),
        embedded(with(scenario(), "/work/contain_after_ack/p90", json!("5m"))),
        {
            let mut s = excessive;
            s.as_object_mut().unwrap().remove("format");
            s["id"] = json!("drill");
            push(
                with(
                    base(),
                    "/tiers/0/escalation",
                    json!({ "steps": [{ "notify": [{ "rotation": "primary" }], "escalate_after": "1s" }], "repeat": u32::MAX }),
                ),
                "/scenarios",
                s,
            )
        },
    ]
}

/// Broken standalone scenarios for the base ladder, and the ladder that pages without
/// end within any long horizon.
fn broken_scenarios() -> Vec<(Value, Value)> {
    let endless = with(
        base(),
        "/tiers/1/escalation",
        json!({ "steps": [{ "notify": [{ "role": "ic" }], "escalate_after": "1m" }], "repeat": 100_000 }),
    );
    vec![
        (
            base(),
            with(scenario(), "/signals/0/service", json!("checkot")),
        ),
        (
            base(),
            with(scenario(), "/injects/0/unavailable", json!("anna")),
        ),
        (
            base(),
            with(
                scenario(),
                "/signals/0/points",
                json!([["5m", 0.0], ["5m", 0.2]]),
            ),
        ),
        (base(), with(scenario(), "/injects/1/at", json!("3h"))),
        (
            base(),
            with(scenario(), "/signals/0/metric", json!("errors")),
        ),
        (
            base(),
            with(
                scenario(),
                "/work/resolve_after_contain/median",
                json!("0m"),
            ),
        ),
        (endless, with(scenario(), "/horizon", json!("501m"))),
    ]
}

/// Whether `text` has something that looks like a JSON Pointer: a word that starts
/// with `/`, or a collection's key between slashes.
fn has_pointer(text: &str) -> bool {
    let collections = Kind::ALL.map(|k| format!("/{}/", k.collection()));
    text.split(|c: char| c.is_whitespace() || "(“\"'".contains(c))
        .any(|w| w.starts_with('/'))
        || collections.iter().any(|c| text.contains(c.as_str()))
        || ["/defaults", "/signals", "/injects", "/work", "/horizon"]
            .iter()
            .any(|p| text.contains(p))
}

#[test]
fn every_finding_is_a_sentence_with_names_not_ids_or_pointers() {
    let mut reports = Vec::new();
    for ex in examples::EXAMPLES {
        reports.push(validate_ladder(
            &parse_ladder(ex.json).unwrap(),
            Instant::parse(AT).unwrap(),
        ));
    }
    for doc in broken_ladders() {
        let r = check(&doc);
        assert!(!r.diagnostics.is_empty(), "no finding for {doc}");
        reports.push(r);
    }
    for (ladder, s) in broken_scenarios() {
        let ladder = parse_ladder(&ladder.to_string()).unwrap();
        reports.push(validate_scenario(
            &parse_scenario(&s.to_string()).unwrap(),
            &ladder,
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        seen.insert(d.code);
        println!("{}: {}\n    hint: {:?}", d.code, d.message, d.hint);
        let mut texts = vec![("message", d.message.as_str())];
        texts.extend(d.hint.as_deref().map(|h| ("hint", h)));
        for (what, text) in texts {
            assert!(!text.contains('`'), "a backtick in the {what}: {d:?}");
            assert!(!has_pointer(text), "a pointer in the {what}: {d:?}");
            assert!(
                text.starts_with(|c: char| c.is_uppercase()),
                "the {what} does not start with a capital: {d:?}"
            );
            assert!(
                text.ends_with('.') || (what == "hint" && text.ends_with('?')),
                "the {what} does not end a sentence: {d:?}"
            );
            assert!(
                !text.contains(".."),
                "a double full stop in the {what}: {d:?}"
            );
        }
    }
    // Every code validation can give is worded here; the others come from reading the
    // JSON and are the reader's.
    let read = [
        Code::JsonSyntax,
        Code::InvalidDocument,
        Code::UnsupportedFormat,
        Code::DocumentTooLarge,
    ];
    let missing: Vec<&Code> = Code::ALL
        .iter()
        .filter(|c| !read.contains(c) && !seen.contains(c))
        .collect();
    assert!(missing.is_empty(), "not covered: {missing:?}");
}

#[test]
fn findings_name_entries_by_name_and_fall_back_to_the_id() {
    // A person with a blank name is named by their id.
    let r = check(&push(
        base(),
        "/people",
        json!({ "id": "dee", "name": " ", "timezone": "UTC" }),
    ));
    let d = expect_only(&r, Code::UnusedPerson, "/people/2");
    assert_eq!(
        d.message,
        "Dee is in no rotation, role or step, so nothing ever pages them."
    );
    let r = check(&with(base(), "/people/0/backup", json!("ana")));
    assert_eq!(
        expect_only(&r, Code::BackupCycle, "/people/0/backup").message,
        "Ana is their own backup."
    );
    let r = check(&with(base(), "/people/0/backup", json!("bn")));
    let d = expect_only(&r, Code::UnknownReference, "/people/0/backup");
    assert_eq!(d.message, "Ana's backup “bn” does not exist.");
    assert_eq!(d.hint.as_deref(), Some("Did you mean Ben (id ben)?"));
    let r = check(&push(
        base(),
        "/roles",
        json!({ "id": "comms", "name": "Comms lead" }),
    ));
    assert_eq!(
        expect_only(&r, Code::EmptyRole, "/roles/1").message,
        "Nobody holds the role “Comms lead”."
    );
    let r = check(&with(base(), "/rotations/0/members", json!([])));
    assert_eq!(
        expect(&r, Code::EmptyRotation, "/rotations/0/members").message,
        "The rotation “Primary” has no members."
    );
}
