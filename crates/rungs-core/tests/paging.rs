//! Who is on call (`rungs_core::paging`): who a step pages at an instant, owners now,
//! coming hand-offs and the week's schedule, checked against the shipped SaaS example.

mod common;

use rungs_core::coverage::week_grid;
use rungs_core::paging::*;
use rungs_core::*;
use serde_json::{json, Value};

/// Coming hand-offs, readable instants and the week's schedule.
#[path = "paging/schedule.rs"]
mod schedule;

pub(crate) fn saas_json() -> Value {
    serde_json::from_str(examples::example("saas").unwrap().json).unwrap()
}

pub(crate) fn ladder(doc: Value) -> Ladder {
    parse_ladder(&doc.to_string()).unwrap()
}

pub(crate) fn saas() -> Ladder {
    ladder(saas_json())
}

pub(crate) fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

pub(crate) fn zone(name: &str) -> TimeZoneName {
    TimeZoneName::new(name).unwrap()
}

/// 2026-03-14T03:00:00Z, a Saturday: the example's "checkout errors at 3 a.m.".
pub(crate) const THREE_AM: &str = "2026-03-14T03:00:00Z";

fn names(t: &TargetReach) -> Vec<&str> {
    t.people.iter().map(|(_, n)| n.as_str()).collect()
}

// --- who_is_paged ---

#[test]
fn step_one_of_the_most_severe_tier_reaches_apac_only_at_3am_utc() {
    let l = saas();
    assert_eq!(l.tiers[0].rank, 1);
    let step = who_is_paged(&l, 0, 0, at(THREE_AM));
    assert_eq!((step.tier.as_str(), step.step), ("SEV1 Critical", 1));
    let t = &step.targets;
    assert_eq!(t.len(), 3);
    // 11:00 in Singapore, week 9 since 5 Jan: the second member's turn.
    assert_eq!(
        (t[0].target.as_str(), t[0].kind),
        ("APAC primary", "rotation")
    );
    assert_eq!(names(&t[0]), ["Emi Sato"]);
    assert_eq!(t[0].people[0].0.as_str(), "emi");
    assert_eq!((t[0].note.as_deref(), t[0].reason), (None, None));
    // 03:00 in London and 23:00 (Friday) in New York: both windows are closed.
    assert_eq!(t[1].target, "EMEA primary");
    assert!(t[1].people.is_empty());
    assert_eq!(t[1].reason, Some(Unreached::OutsideHours));
    assert_eq!(
        t[1].note.as_deref(),
        Some("outside its hours (every day 07:00–16:00 Europe/London)")
    );
    assert_eq!(t[2].target, "Americas primary");
    assert!(t[2].people.is_empty());
    assert_eq!(
        t[2].note.as_deref(),
        Some("outside its hours (every day 10:00–19:00 America/New_York)")
    );
    assert_eq!(
        step.sentence(at(THREE_AM), &zone("UTC")),
        "Sat 14 Mar, 03:00 UTC: Emi Sato via APAC primary; \
         EMEA primary and Americas primary are outside their hours"
    );
    assert_eq!(step.people(), vec![PersonId::new("emi").unwrap()]);
}

#[test]
fn later_steps_reach_the_secondary_the_commander_and_every_holder_of_a_role() {
    let l = saas();
    let two = who_is_paged(&l, 0, 1, at(THREE_AM));
    assert_eq!(
        two.summary(),
        "Ana Lima via Global secondary; Ben Okafor via Incident command"
    );
    let three = who_is_paged(&l, 0, 2, at(THREE_AM));
    assert_eq!(three.targets[0].kind, "role");
    assert_eq!(three.targets[0].target, "Engineering leadership");
    assert_eq!(names(&three.targets[0]), ["Isabel Fischer", "Jonas Weber"]);
    assert_eq!(
        three.sentence(at(THREE_AM), &zone("Europe/Berlin")),
        "Sat 14 Mar, 04:00 CET: Isabel Fischer and Jonas Weber via Engineering leadership"
    );
    let ids: Vec<String> = three.people().iter().map(|p| p.to_string()).collect();
    assert_eq!(ids, ["isabel", "jonas"]);
}

#[test]
fn people_are_listed_once_though_several_targets_reach_them() {
    let doc = common::with(
        saas_json(),
        "/tiers/0/escalation/steps/2/notify",
        json!([{"role": "ic"}, {"person": "ben"}, {"rotation": "incident-command"}]),
    );
    let step = who_is_paged(&ladder(doc), 0, 2, at(THREE_AM));
    let ids: Vec<String> = step.people().iter().map(|p| p.to_string()).collect();
    assert_eq!(ids, ["farah", "ben", "diego"]);
    assert_eq!(
        step.summary(),
        "Farah Rahman, Ben Okafor and Diego Alvarez via Incident commander; Ben Okafor; \
         Ben Okafor via Incident command"
    );
}

#[test]
fn unknown_references_empty_roles_and_empty_rotations_reach_nobody() {
    let mut doc = common::push(saas_json(), "/roles", json!({"id": "sme", "name": "SME"}));
    doc = common::push(
        doc,
        "/rotations",
        json!({"id": "empty", "name": "Nobody yet", "members": [], "shift": "1d",
               "start": "2026-01-05T00:00:00Z", "timezone": "UTC"}),
    );
    doc = common::with(
        doc,
        "/tiers/0/escalation/steps/0/notify",
        json!([{"rotation": "nope"}, {"role": "sme"}, {"rotation": "empty"},
               {"person": "ghost"}]),
    );
    let step = who_is_paged(&ladder(doc), 0, 0, at(THREE_AM));
    let t = &step.targets;
    assert!(t.iter().all(|t| t.people.is_empty()));
    assert_eq!((t[0].target.as_str(), t[0].kind), ("nope", "rotation"));
    assert_eq!(t[0].reason, Some(Unreached::Unknown));
    assert_eq!(t[0].note.as_deref(), Some("unknown rotation"));
    assert_eq!(t[1].note.as_deref(), Some("no one holds this role"));
    assert_eq!(t[2].note.as_deref(), Some("nobody on shift"));
    assert_eq!(t[3].note.as_deref(), Some("unknown person"));
    let sentence = step.sentence(at(THREE_AM), &zone("UTC"));
    assert_eq!(
        sentence,
        "Sat 14 Mar, 03:00 UTC: nobody is reached; 2 unknown targets reach nobody; \
         no one holds SME; Nobody yet has nobody on shift"
    );
    assert!(!sentence.contains("nope") && !sentence.contains("ghost"));
    assert!(step.people().is_empty());
}

#[test]
fn a_member_missing_from_people_leaves_the_shift_empty() {
    let doc = common::with(saas_json(), "/rotations/0/members/1", json!("someone"));
    let step = who_is_paged(&ladder(doc), 0, 0, at(THREE_AM));
    assert_eq!(step.targets[0].reason, Some(Unreached::NobodyOnShift));
    assert_eq!(
        step.summary(),
        "nobody is reached; APAC primary has nobody on shift; \
         EMEA primary and Americas primary are outside their hours"
    );
}

#[test]
fn a_tier_or_step_that_does_not_exist_pages_nobody() {
    let l = saas();
    assert!(who_is_paged(&l, 0, 9, at(THREE_AM)).targets.is_empty());
    let none = who_is_paged(&l, 99, 0, at(THREE_AM));
    assert!(none.targets.is_empty());
    assert_eq!(none.summary(), "this step pages nobody");
}

#[test]
fn windows_are_read_in_the_rotations_zone_across_dst() {
    let doc = common::with(
        saas_json(),
        "/rotations/1",
        json!({"id": "emea-primary", "name": "Berlin office", "members": ["hana"],
               "shift": "1w", "start": "2026-01-05T00:00:00Z", "timezone": "Europe/Berlin",
               "window": {"days": ["mon", "tue", "wed", "thu", "fri"],
                          "from": "09:00", "to": "17:00"}}),
    );
    let l = ladder(doc);
    let reached = |t: &str| !who_is_paged(&l, 0, 0, at(t)).targets[1].people.is_empty();
    // Friday 27 March is winter time (UTC+1); Monday 30 March summer time (UTC+2).
    assert!(!reached("2026-03-27T07:30:00Z"), "08:30 CET");
    assert!(reached("2026-03-27T08:30:00Z"), "09:30 CET");
    assert!(reached("2026-03-27T15:30:00Z"), "16:30 CET");
    assert!(reached("2026-03-30T07:30:00Z"), "09:30 CEST");
    assert!(!reached("2026-03-30T15:30:00Z"), "17:30 CEST");
    assert!(!reached("2026-03-28T10:00:00Z"), "Saturday");
    let closed = who_is_paged(&l, 0, 0, at("2026-03-30T15:30:00Z"));
    assert_eq!(
        closed.targets[1].note.as_deref(),
        Some("outside its hours (mon–fri 09:00–17:00 Europe/Berlin)")
    );
}

#[test]
fn who_is_paged_agrees_with_the_coverage_heatmap() {
    let l = saas();
    let utc = zone("UTC");
    let grid = week_grid(&l, &utc, at(THREE_AM));
    // The week of Monday 9 March, in UTC: cell k starts k hours after its midnight.
    let monday = at("2026-03-09T00:00:00Z").as_millis();
    for (row, tier) in grid.rows.iter().zip(0..) {
        for (k, cell) in row.cells.iter().enumerate() {
            let t = Instant::from_millis(monday + k as i64 * 3_600_000);
            let steps = l.tiers[tier].escalation.steps.len();
            let first = (0..steps)
                .map(|s| who_is_paged(&l, tier, s, t))
                .find(|s| !s.people().is_empty());
            assert_eq!(
                first.as_ref().map(|s| s.step),
                cell.first_step,
                "{}",
                cell.label
            );
            let mut ours: Vec<String> = first
                .iter()
                .flat_map(|s| s.targets.iter().flat_map(|t| t.people.iter()))
                .map(|(_, n)| n.clone())
                .collect();
            ours.sort();
            ours.dedup();
            let theirs: Vec<&str> = grid.reached(cell).collect();
            assert_eq!(ours, theirs, "{}", cell.label);
        }
    }
}

// --- on_call_now ---

#[test]
fn on_call_now_lists_every_tier_step_and_owner() {
    let now = on_call_now(&saas(), at(THREE_AM));
    assert_eq!(now.at, at(THREE_AM));
    let ranks: Vec<u32> = now.tiers.iter().map(|t| t.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4]);
    let sev1 = &now.tiers[0];
    assert_eq!((sev1.index, sev1.pointer.as_str()), (0, "/tiers/0"));
    assert_eq!(sev1.steps.len(), 3);
    assert_eq!(
        sev1.steps[0].line,
        "Emi Sato via APAC primary; EMEA primary and Americas primary are outside their hours"
    );
    let owners: Vec<(&str, &str)> = sev1
        .owners
        .iter()
        .map(|o| (o.duty, o.line.as_str()))
        .collect();
    assert_eq!(
        owners,
        [
            (
                "detection",
                "Farah Rahman, Emi Sato, Ana Lima and 3 more via On-call engineer"
            ),
            ("triage", "Ana Lima via Global secondary"),
            ("escalation", "Ben Okafor via Incident command"),
            ("resolution", "Ana Lima via Global secondary"),
            (
                "communication",
                "Grace Kim and Hana Novak via Communications lead"
            ),
            ("commander", "Ben Okafor via Incident command"),
        ]
    );
    assert_eq!(now.tiers[3].owners.len(), 3, "sev4 sets three duties");
}
