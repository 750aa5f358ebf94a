//! The simulator against hand-computed runs: fixed delays (median = p90), `miss` 0 or 1,
//! and exact event order and figures.

mod common;

use common::with as set;
use rungs_core::sim::{self, SimModel, Timeline};
use rungs_core::*;
use serde_json::{json, Value};

/// ana and ben share a daily rotation (ana on day 0, ben on day 1); cy is the escalation
/// of last resort. Everyone acknowledges after a fixed delay.
fn ladder() -> Value {
    json!({
        "format": "rungs.ladder/v1",
        "name": "Sim",
        "services": [{ "id": "svc", "name": "Service" }],
        "roles": [{ "id": "ic", "name": "IC" }],
        "people": [
            { "id": "ana", "name": "Ana", "timezone": "UTC", "roles": ["ic"], "backup": "ben",
              "response": { "ack_median": "2m", "ack_p90": "2m" } },
            { "id": "ben", "name": "Ben", "timezone": "UTC", "roles": ["ic"], "backup": "ana",
              "response": { "ack_median": "3m", "ack_p90": "3m" } },
            { "id": "cy", "name": "Cy", "timezone": "UTC", "backup": "ana",
              "response": { "ack_median": "4m", "ack_p90": "4m" } }
        ],
        "rotations": [
            { "id": "primary", "name": "Primary", "members": ["ana", "ben"], "shift": "1d",
              "start": "2026-01-05T00:00:00Z", "timezone": "UTC" }
        ],
        "tiers": [
            { "id": "sev1", "name": "SEV1", "rank": 1,
              "timelines": { "acknowledge": "5m", "contain": "30m", "resolve": "2h" },
              "escalation": { "steps": [
                  { "notify": [{ "rotation": "primary" }], "escalate_after": "5m" },
                  { "notify": [{ "person": "cy" }], "escalate_after": "5m" }
              ] } },
            { "id": "sev2", "name": "SEV2", "rank": 2,
              "timelines": { "acknowledge": "10m", "contain": "1h", "resolve": "4h" },
              "escalation": { "steps": [{ "notify": [{ "rotation": "primary" }], "escalate_after": "10m" }] },
              "on_breach": { "acknowledge": "escalate" } }
        ],
        "triggers": [
            { "id": "severe", "service": "svc", "metric": "error_rate", "op": ">=", "threshold": 0.5,
              "for": "1m", "tier": "sev1", "clear_for": "5m" },
            { "id": "errors", "service": "svc", "metric": "error_rate", "op": ">=", "threshold": 0.05,
              "for": "2m", "tier": "sev2", "clear_for": "5m" }
        ]
    })
}

fn scenario(points: Value) -> Value {
    json!({
        "format": "rungs.scenario/v1", "name": "S", "start": "2026-01-05T00:00:00Z", "horizon": "6h",
        "signals": [{ "service": "svc", "metric": "error_rate", "points": points }],
        "work": { "contain_after_ack": { "median": "20m", "p90": "20m" },
                  "resolve_after_contain": { "median": "1h", "p90": "1h" } }
    })
}

fn model(ladder: &Value, scenario: &Value) -> SimModel {
    let l = parse_ladder(&ladder.to_string()).unwrap();
    let s = parse_scenario(&scenario.to_string()).unwrap();
    SimModel::new(&l, &s).unwrap_or_else(|r| panic!("{:#?}", r.diagnostics))
}

/// The log without signal entries, one line per event.
fn lines(run: &sim::Run) -> Vec<String> {
    run.events
        .iter()
        .filter(|e| e.kind != sim::EventKind::Signal)
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn a_trigger_opens_the_incident_after_its_hold_time() {
    let run = sim::run_once(
        &model(&ladder(), &scenario(json!([["0m", 0.0], ["10m", 0.1]]))),
        0,
    );
    assert_eq!(
        lines(&run),
        [
            "+00:12:00 sev2 trigger fired (errors)",
            "+00:12:00 sev2 opened",
            "+00:12:00 sev2 paged ana (primary, step 1)",
            "+00:14:00 sev2 acknowledged ana (stops the escalation)",
            "+00:34:00 sev2 contained",
            "+01:34:00 sev2 resolved",
        ]
    );
    let f = &run.figures;
    assert_eq!(f.detected_at, Some(sim::SimTime(720000)));
    assert_eq!(f.time_to_acknowledge, Some(Duration::from_secs(120)));
    assert_eq!(f.time_to_contain, Some(Duration::from_secs(1320)));
    assert_eq!(f.time_to_resolve, Some(Duration::from_secs(4920)));
    assert_eq!(f.time_to_first_update, None);
    assert_eq!((f.pages_sent, f.people_paged, f.updates_missed), (1, 1, 0));
    assert_eq!(
        (f.max_tier.as_deref(), f.final_tier.as_deref()),
        (Some("sev2"), Some("sev2"))
    );
    assert!(f.breaches.is_empty() && f.exhausted.is_empty());
}

#[test]
fn no_incident_before_the_first_point_or_below_the_threshold() {
    let run = sim::run_once(&model(&ladder(), &scenario(json!([["10m", 0.01]]))), 0);
    assert_eq!(run.figures.detected_at, None);
    assert_eq!(run.figures.time_to_acknowledge, None);
    assert!(lines(&run).is_empty());
    // A condition that holds for less than `for` never fires.
    let run = sim::run_once(
        &model(&ladder(), &scenario(json!([["10m", 0.1], ["11m", 0.0]]))),
        0,
    );
    assert_eq!(run.figures.detected_at, None);
}

#[test]
fn a_second_trigger_promotes_and_a_past_deadline_is_breached_on_entry() {
    let l = set(ladder(), "/tiers/0/timelines/first_update", json!("8m"));
    let l = set(
        l,
        "/tiers/0/owners",
        json!({ "communication": { "person": "cy" } }),
    );
    let run = sim::run_once(
        &model(
            &l,
            &scenario(json!([["0m", 0.0], ["10m", 0.1], ["20m", 0.6]])),
        ),
        0,
    );
    assert_eq!(
        lines(&run),
        [
            "+00:12:00 sev2 trigger fired (errors)",
            "+00:12:00 sev2 opened",
            "+00:12:00 sev2 paged ana (primary, step 1)",
            "+00:14:00 sev2 acknowledged ana (stops the escalation)",
            "+00:21:00 sev1 trigger fired (severe)",
            "+00:21:00 sev1 promoted (from sev2)",
            // first update was due at 12m + 8m = 20m, already past on entry
            "+00:21:00 sev1 breach (first_update missed)",
            "+00:21:00 sev1 paged ana (primary, step 1)",
            "+00:23:00 sev1 acknowledged ana (stops the escalation)",
            "+00:34:00 sev1 contained",
            "+01:34:00 sev1 resolved",
        ]
    );
    assert_eq!(run.figures.max_tier.as_deref(), Some("sev1"));
    assert_eq!(
        run.figures.time_to_acknowledge,
        Some(Duration::from_secs(120)),
        "the first acknowledgement counts"
    );
    assert_eq!(run.figures.breaches.len(), 1);
    assert_eq!(
        (run.figures.breaches[0].timeline, run.figures.breaches[0].at),
        (Timeline::FirstUpdate, sim::SimTime(1_260_000))
    );
}

#[test]
fn an_acknowledge_breach_escalates_and_an_unavailable_responder_never_answers() {
    let mut s = scenario(json!([["10m", 0.1]]));
    s["injects"] = json!([{ "at": "0m", "unavailable": "ana", "for": "1h" }]);
    let run = sim::run_once(&model(&ladder(), &s), 0);
    assert_eq!(
        lines(&run),
        [
            "+00:00:00 unavailable ana (for 1h)",
            "+00:12:00 sev2 trigger fired (errors)",
            "+00:12:00 sev2 opened",
            "+00:12:00 sev2 paged ana (primary, step 1; unavailable: will not answer)",
            "+00:22:00 sev2 breach (acknowledge missed; escalating)",
            "+00:22:00 sev1 escalated (from sev2)",
            "+00:22:00 sev1 paged ana (primary, step 1; unavailable: will not answer)",
            // the breach (kind 4) comes before the step due at the same instant (kind 5)
            "+00:27:00 sev1 breach (acknowledge missed)",
            "+00:27:00 sev1 paged cy (step 2)",
            "+00:31:00 sev1 acknowledged cy (stops the escalation)",
            // contain is due 30m after detection (12m), whatever the tier's history
            "+00:42:00 sev1 breach (contain missed)",
            "+00:51:00 sev1 contained",
            "+01:51:00 sev1 resolved",
        ]
    );
    let f = &run.figures;
    assert_eq!(f.time_to_acknowledge, Some(Duration::from_secs(1140)));
    assert_eq!(f.pages_sent, 3);
    assert_eq!(f.people_paged, 2);
    let b: Vec<_> = f
        .breaches
        .iter()
        .map(|b| (b.tier.as_str(), b.timeline, b.at.as_secs_f64()))
        .collect();
    assert_eq!(
        b,
        [
            ("sev2", Timeline::Acknowledge, 1320.0),
            ("sev1", Timeline::Acknowledge, 1620.0),
            ("sev1", Timeline::Contain, 2520.0)
        ]
    );
}

#[test]
fn a_policy_repeats_and_then_is_exhausted() {
    let l = set(
        ladder(),
        "/tiers/1/escalation",
        json!({ "steps": [{ "notify": [{ "person": "cy" }], "escalate_after": "5m" }], "repeat": 1 }),
    );
    let l = set(l, "/tiers/1/on_breach", json!({}));
    let mut s = scenario(json!([["0m", 0.1]]));
    s["injects"] = json!([{ "at": "0m", "unavailable": "cy" }]);
    s["horizon"] = json!("30m");
    let run = sim::run_once(&model(&l, &s), 0);
    assert_eq!(
        lines(&run),
        [
            "+00:00:00 unavailable cy (until the end of the run)",
            "+00:02:00 sev2 trigger fired (errors)",
            "+00:02:00 sev2 opened",
            "+00:02:00 sev2 paged cy (step 1; unavailable: will not answer)",
            "+00:07:00 sev2 paged cy (step 1; unavailable: will not answer)",
            "+00:12:00 sev2 breach (acknowledge missed)",
            "+00:12:00 sev2 policy exhausted",
        ]
    );
    assert_eq!(run.figures.pages_sent, 2);
    assert_eq!(run.figures.exhausted, ["sev2"]);
    assert_eq!(run.figures.time_to_acknowledge, None);
    assert_eq!(
        run.figures.time_to_resolve, None,
        "the run ends at the horizon"
    );
}

#[test]
fn the_rotation_hands_over_during_an_incident() {
    // ana never answers; the second step pages the rotation again after midnight,
    // when ben's shift has begun.
    let l = set(ladder(), "/people/0/response/miss", json!(1.0));
    let l = set(
        l,
        "/tiers/1/escalation/steps",
        json!([
            { "notify": [{ "rotation": "primary" }], "escalate_after": "5m" },
            { "notify": [{ "rotation": "primary" }], "escalate_after": "5m" }
        ]),
    );
    let l = set(l, "/tiers/1/on_breach", json!({}));
    let s = set(
        scenario(json!([["23h56m", 0.1]])),
        "/horizon",
        json!("1d6h"),
    );
    let run = sim::run_once(&model(&l, &s), 0);
    assert_eq!(
        lines(&run)[..5],
        [
            "+23:58:00 sev2 trigger fired (errors)",
            "+23:58:00 sev2 opened",
            "+23:58:00 sev2 paged ana (primary, step 1; missed)",
            "+24:03:00 sev2 paged ben (primary, step 2)",
            "+24:06:00 sev2 acknowledged ben (stops the escalation)",
        ]
    );
}

#[test]
fn a_window_gap_makes_an_empty_page_and_a_role_pages_every_holder_in_order() {
    let l = set(
        ladder(),
        "/rotations/0/window",
        json!({ "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" }),
    );
    let l = set(
        l,
        "/tiers/1/escalation/steps",
        json!([
            { "notify": [{ "rotation": "primary" }], "escalate_after": "10m" },
            { "notify": [{ "role": "ic" }], "escalate_after": "10m" }
        ]),
    );
    let run = sim::run_once(&model(&l, &scenario(json!([["3h", 0.1]]))), 0);
    assert_eq!(
        lines(&run)[..6],
        [
            "+03:02:00 sev2 trigger fired (errors)",
            "+03:02:00 sev2 opened",
            "+03:02:00 sev2 empty page (primary has nobody on call, step 1)",
            "+03:12:00 sev2 breach (acknowledge missed; escalating)",
            "+03:12:00 sev1 escalated (from sev2)",
            "+03:12:00 sev1 empty page (primary has nobody on call, step 1)",
        ]
    );
    assert_eq!(
        lines(&run)[6..9],
        [
            "+03:17:00 sev1 breach (acknowledge missed)",
            "+03:17:00 sev1 paged cy (step 2)",
            "+03:21:00 sev1 acknowledged cy (stops the escalation)",
        ]
    );
    // the role step of sev2 never ran: the escalation cancelled sev2's pending steps
    assert!(!lines(&run)
        .iter()
        .any(|l| l.contains("step 2") && l.contains("sev2")));

    let l = set(
        ladder(),
        "/tiers/1/escalation/steps/0/notify",
        json!([{ "role": "ic" }]),
    );
    let run = sim::run_once(&model(&l, &scenario(json!([["0m", 0.1]]))), 0);
    assert_eq!(
        lines(&run)[2..5],
        [
            "+00:02:00 sev2 paged ana (step 1)",
            "+00:02:00 sev2 paged ben (step 1)",
            "+00:04:00 sev2 acknowledged ana (stops the escalation)",
        ]
    );
    assert_eq!(run.figures.people_paged, 2);
}

#[test]
fn demotion_after_clear_for_keeps_an_acknowledged_incident_quiet() {
    let run = sim::run_once(
        &model(&ladder(), &scenario(json!([["10m", 0.6], ["30m", 0.1]]))),
        0,
    );
    assert_eq!(
        lines(&run),
        [
            "+00:11:00 sev1 trigger fired (severe)",
            "+00:11:00 sev1 opened",
            "+00:11:00 sev1 paged ana (primary, step 1)",
            "+00:12:00 sev2 trigger fired (errors)",
            "+00:13:00 sev1 acknowledged ana (stops the escalation)",
            "+00:33:00 sev1 contained",
            "+00:35:00 sev1 trigger cleared (severe)",
            "+00:35:00 sev2 demoted (from sev1)",
            "+01:33:00 sev2 resolved",
        ]
    );
    assert_eq!(run.figures.max_tier.as_deref(), Some("sev1"));
    assert_eq!(run.figures.final_tier.as_deref(), Some("sev2"));
}

#[test]
fn a_late_first_update_is_a_breach_and_updates_follow_the_cadence() {
    let l = set(
        ladder(),
        "/tiers/1/timelines",
        json!({ "acknowledge": "10m", "contain": "1h", "resolve": "4h", "first_update": "5m", "update_every": "30m" }),
    );
    let l = set(
        l,
        "/tiers/1/owners",
        json!({ "communication": { "person": "cy" } }),
    );
    let mut s = scenario(json!([["0m", 0.1]]));
    s["injects"] = json!([{ "at": "1h", "unavailable": "cy", "for": "10m" }]);
    let run = sim::run_once(&model(&l, &s), 0);
    assert_eq!(
        lines(&run),
        [
            "+00:02:00 sev2 trigger fired (errors)",
            "+00:02:00 sev2 opened",
            "+00:02:00 sev2 paged ana (primary, step 1)",
            "+00:04:00 sev2 acknowledged ana (stops the escalation)",
            "+00:04:00 sev2 paged cy (communication owner)",
            "+00:07:00 sev2 breach (first_update missed)",
            "+00:08:00 sev2 first update cy",
            "+00:24:00 sev2 contained",
            "+00:38:00 sev2 update posted cy",
            "+01:00:00 sev2 unavailable cy (for 10m)",
            "+01:08:00 sev2 update missed cy",
            "+01:24:00 sev2 resolved",
        ]
    );
    assert_eq!(
        run.figures.time_to_first_update,
        Some(Duration::from_secs(360))
    );
    assert_eq!(run.figures.updates_missed, 1);
    assert_eq!(run.figures.pages_sent, 2);
}

#[test]
fn an_acknowledgement_exactly_at_the_deadline_is_on_time_and_stops_the_next_step() {
    let l = set(
        ladder(),
        "/people/0/response",
        json!({ "ack_median": "5m", "ack_p90": "5m" }),
    );
    let run = sim::run_once(&model(&l, &scenario(json!([["0m", 0.9]]))), 0);
    assert_eq!(
        lines(&run)[..5],
        [
            "+00:01:00 sev1 trigger fired (severe)",
            "+00:01:00 sev1 opened",
            "+00:01:00 sev1 paged ana (primary, step 1)",
            "+00:02:00 sev2 trigger fired (errors)",
            "+00:06:00 sev1 acknowledged ana (stops the escalation)",
        ]
    );
    assert!(run.figures.breaches.is_empty());
    assert_eq!(run.figures.pages_sent, 1, "cy's step at 6m never ran");
}

#[test]
fn nobody_is_paged_twice_while_an_acknowledgement_is_pending_in_the_tier() {
    let l = set(
        ladder(),
        "/people/0/response",
        json!({ "ack_median": "20m", "ack_p90": "20m" }),
    );
    let l = set(
        l,
        "/tiers/1/escalation/steps",
        json!([
            { "notify": [{ "person": "ana" }], "escalate_after": "5m" },
            { "notify": [{ "person": "ana" }, { "person": "ben" }], "escalate_after": "5m" }
        ]),
    );
    let run = sim::run_once(&model(&l, &scenario(json!([["0m", 0.1]]))), 0);
    assert_eq!(
        lines(&run)[2..5],
        [
            "+00:02:00 sev2 paged ana (step 1)",
            "+00:07:00 sev2 paged ben (step 2)",
            "+00:10:00 sev2 acknowledged ben (stops the escalation)",
        ]
    );
}

#[test]
fn same_seed_same_run_and_different_seeds_differ() {
    let ladder = parse_ladder(examples::EXAMPLES[0].json).unwrap();
    let s = ladder.scenarios[0].to_document();
    let m = SimModel::new(&ladder, &s).unwrap();
    let a = sim::run_once(&m, 42);
    assert_eq!(a, sim::run_once(&m, 42));
    assert_ne!(a.events, sim::run_once(&m, 43).events);
    assert_eq!(
        serde_json::to_string(&a.figures).unwrap(),
        serde_json::to_string(&sim::run_once(&m, 42).figures).unwrap()
    );
}

#[test]
fn invalid_inputs_are_refused_with_the_validation_errors() {
    let l = parse_ladder(&ladder().to_string()).unwrap();
    let mut s = scenario(json!([["0m", 0.1]]));
    s["injects"] = json!([{ "at": "0m", "unavailable": "zed" }]);
    let err = SimModel::new(&l, &parse_scenario(&s.to_string()).unwrap()).unwrap_err();
    assert_eq!(err.diagnostics.len(), 1);
    assert_eq!(err.diagnostics[0].code, Code::UnknownReference);
    assert_eq!(err.diagnostics[0].pointer, "/injects/0/unavailable");
}

#[test]
fn enormous_durations_end_the_run_without_overflow() {
    let l = set(
        ladder(),
        "/people/0/response",
        json!({ "ack_median": "1000000w", "ack_p90": "3000000w" }),
    );
    let l = set(
        l,
        "/tiers/1/escalation/steps/0/escalate_after",
        json!("1000000000w"),
    );
    let mut s = scenario(json!([["0m", 0.1]]));
    s["horizon"] = json!("1000000000w");
    s["work"]["contain_after_ack"] = json!({ "median": "1000000000w", "p90": "1000000000w" });
    let m = model(&l, &s);
    for seed in 0..20 {
        let run = sim::run_once(&m, seed);
        assert!(run.figures.detected_at.is_some());
        assert!(run.events.windows(2).all(|w| w[0].t <= w[1].t));
    }
    let mut e = sim::Engine::new(&m, 0, true);
    e.advance_to(sim::SimTime(60_000));
    e.make_unavailable(m.person("ana").unwrap(), Some(sim::SimTime(0))); // an end before now is not a panic
    e.run();
}

#[test]
fn an_acknowledgement_after_the_policy_ran_out_still_meets_the_deadline() {
    // sev2 pages cy once and runs out after 1m; cy answers at 4m, inside the 10m deadline.
    let l = set(
        ladder(),
        "/tiers/1/escalation/steps",
        json!([{ "notify": [{ "person": "cy" }], "escalate_after": "1m" }]),
    );
    let run = sim::run_once(&model(&l, &scenario(json!([["0m", 0.1]]))), 0);
    assert_eq!(
        lines(&run)[..5],
        [
            "+00:02:00 sev2 trigger fired (errors)",
            "+00:02:00 sev2 opened",
            "+00:02:00 sev2 paged cy (step 1)",
            "+00:03:00 sev2 policy exhausted",
            "+00:06:00 sev2 acknowledged cy",
        ]
    );
    assert!(
        run.figures.breaches.is_empty(),
        "{:?}",
        run.figures.breaches
    );
    assert_eq!(run.figures.max_tier.as_deref(), Some("sev2"));
}

#[test]
fn a_repeating_policy_that_takes_no_time_runs_out_after_one_pass() {
    let l = set(
        ladder(),
        "/tiers/1/escalation",
        json!({ "steps": [{ "notify": [{ "person": "cy" }], "escalate_after": "0m" }], "repeat": u32::MAX }),
    );
    let l = set(l, "/people/2/response/miss", json!(1.0));
    let run = sim::run_once(&model(&l, &scenario(json!([["0m", 0.1]]))), 0);
    let sev2_pages = lines(&run)
        .iter()
        .filter(|l| l.contains("sev2 paged"))
        .count();
    assert_eq!(sev2_pages, 1);
    assert_eq!(run.figures.exhausted, ["sev2"]);
}

#[test]
fn a_study_reports_the_step_paged_last_before_the_breaches_and_histograms() {
    // The run of `an_acknowledge_breach_escalates_...`, identical every time (fixed
    // delays): sev2's acknowledge breach follows sev2's step 1; sev1's acknowledge breach
    // comes before sev1's step 2 at the same instant, so it follows sev1's step 1, and
    // sev1's contain breach follows sev1's step 2.
    let mut s = scenario(json!([["10m", 0.1]]));
    s["injects"] = json!([{ "at": "0m", "unavailable": "ana", "for": "1h" }]);
    let summary = sim::monte_carlo(&model(&ladder(), &s), 0, 10, |_| {});
    let p = serde_json::to_value(&summary.breach_precursor).unwrap();
    assert_eq!(
        p,
        json!({
            "sev2": { "tier": "sev2", "step": 1, "targets": ["rotation primary"],
                      "breaches": 10, "share": 1.0 },
            // a tie between sev1's steps 1 and 2 goes to the first
            "sev1": { "tier": "sev1", "step": 1, "targets": ["rotation primary"],
                      "breaches": 10, "share": 0.5 }
        })
    );
    // both tiers were reached in every run; the counts behind the rates
    assert_eq!(
        serde_json::to_value(&summary.tier_reached).unwrap(),
        json!({ "sev1": 10, "sev2": 10 })
    );
    assert_eq!(
        serde_json::to_value(&summary.breach_count).unwrap(),
        json!({ "sev1": { "acknowledge": 10, "contain": 10 }, "sev2": { "acknowledge": 10 } })
    );
    // acknowledged after 1140 s, in sev1 (target 5m); range max(1140, 300): 20 bins of
    // the smallest round width past 1140 / 20 = 57 s, one minute, so 1140 s falls in bin 19
    let h = &summary.figures["time_to_acknowledge"].histogram;
    assert_eq!(h.bin_width, 60.0);
    assert_eq!(h.counts.len(), sim::HISTOGRAM_BINS);
    assert_eq!(h.counts[19], 10);
    assert_eq!(h.counts.iter().sum::<u32>(), 10);
    assert_eq!(h.over, 0);
    assert_eq!(h.target, Some(300.0));
    assert_eq!(h.target_tier.as_deref(), Some("sev1"));
}

#[test]
fn a_breach_before_any_page_has_no_step_before_it() {
    // An acknowledge deadline of 0m is breached on entry, before step 1 pages (kind 4 < 5).
    let l = set(ladder(), "/tiers/1/timelines/acknowledge", json!("0m"));
    let l = set(l, "/tiers/1/on_breach", json!({}));
    let s = scenario(json!([["0m", 0.1]]));
    let summary = sim::monte_carlo(&model(&l, &s), 0, 3, |_| {});
    let p = &summary.breach_precursor["sev2"];
    assert_eq!((p.tier.as_deref(), p.step), (None, None));
    assert!(p.targets.is_empty());
    assert_eq!(p.breaches, 3);
}

/// The hostile ladder of the event budget: every tier has one step that waits 1s and
/// repeats 4294967295 times, nobody ever answers, and the scenario runs for 520 weeks.
fn pages_without_end() -> (Value, Value) {
    let mut l = ladder();
    for t in 0..2 {
        l = set(
            l,
            &format!("/tiers/{t}/escalation"),
            json!({ "steps": [{ "notify": [{ "rotation": "primary" }], "escalate_after": "1s" }], "repeat": u32::MAX }),
        );
    }
    for p in 0..3 {
        l = set(l, &format!("/people/{p}/response/miss"), json!(1.0));
    }
    let mut s = scenario(json!([["0m", 0.1]]));
    s["horizon"] = json!("520w");
    (l, s)
}

#[test]
fn a_ladder_that_pages_without_end_stops_at_the_event_budget() {
    let (l, s) = pages_without_end();
    let m = model(&l, &s);
    let mut e = sim::Engine::new(&m, 0, true);
    e.run();
    assert!(e.is_finished());
    assert!(e.budget_exhausted());
    assert_eq!(e.run_events(), sim::EVENT_BUDGET);
    assert!(e.events_processed() <= sim::EVENT_BUDGET);
    let f = e.figures();
    assert!(f.budget_exhausted);
    assert!(f.time_to_acknowledge.is_none());
    // at most one log entry per event and one per person paged by it
    assert!(
        e.log().len() as u64 <= 2 * sim::EVENT_BUDGET,
        "{}",
        e.log().len()
    );
    // sev2's acknowledge breach escalated to sev1, whose step kept paging
    assert_eq!(
        e.budget_cause().as_deref(),
        Some("the ladder pages without end: step 1 of tier sev1 repeats every 1s (repeat 4294967295)")
    );
    // nothing moves any more: not a step, not the clock
    let now = e.now();
    assert!(!e.step());
    e.advance_to(sim::SimTime(now.0 + 3_600_000));
    assert_eq!(e.now(), now);
    assert_eq!(e.run_events(), sim::EVENT_BUDGET);
    // the figures do not depend on the log
    let mut quiet = sim::Engine::new(&m, 0, false);
    quiet.run();
    assert_eq!(quiet.figures(), f);
    assert!(quiet.log().is_empty());
    assert_eq!(
        serde_json::to_value(&f).unwrap()["budget_exhausted"],
        json!(true)
    );
}

#[test]
fn a_live_drill_stops_at_the_event_budget_while_its_clock_advances() {
    let (l, s) = pages_without_end();
    let m = model(&l, &s);
    let mut e = sim::Engine::new(&m, 0, false);
    let mut t = 0;
    while !e.is_finished() {
        t += 7 * 86_400_000; // a week at a time, as a fast clock would
        e.advance_to(sim::SimTime(t));
    }
    assert!(e.budget_exhausted());
    assert_eq!(e.run_events(), sim::EVENT_BUDGET);
    assert!(e.now().0 < t, "the clock stays at the last event");
    // the facilitator's actions after the end do not restart it
    e.set_signal(0, 0.0);
    assert!(!e.promote());
    assert_eq!(e.run_events(), sim::EVENT_BUDGET);
}

#[test]
fn updates_due_without_end_stop_at_the_event_budget_and_say_so() {
    let l = set(
        ladder(),
        "/tiers/1/timelines",
        json!({ "acknowledge": "10m", "contain": "1h", "resolve": "4h", "first_update": "5m", "update_every": "1s" }),
    );
    let l = set(
        l,
        "/tiers/1/owners",
        json!({ "communication": { "person": "cy" } }),
    );
    let mut s = scenario(json!([["0m", 0.1]]));
    s["horizon"] = json!("520w");
    s["work"]["contain_after_ack"] = json!({ "median": "100w", "p90": "100w" });
    let m = model(&l, &s);
    let mut e = sim::Engine::new(&m, 0, false);
    e.run();
    assert!(e.figures().budget_exhausted);
    assert_eq!(
        e.budget_cause().as_deref(),
        Some("status updates fall due without end: tier sev2 expects one every 1s (update_every)")
    );
}

#[test]
fn a_study_counts_the_runs_stopped_by_the_event_budget() {
    let (l, s) = pages_without_end();
    let m = model(&l, &s);
    let mut study = sim::Study::new(&m, 0, 2);
    study.run(2);
    assert_eq!(study.budget_exhausted_runs(), 2);
    assert!(study
        .budget_cause()
        .is_some_and(|c| c.contains("step 1 of tier sev1")));
    let summary = study.finish();
    assert_eq!(summary.budget_exhausted_runs, 2);
    assert_eq!(
        serde_json::to_value(&summary).unwrap()["budget_exhausted_runs"],
        json!(2)
    );
    // an ordinary study has none
    let summary = sim::monte_carlo(
        &model(&ladder(), &scenario(json!([["0m", 0.1]]))),
        0,
        20,
        |_| {},
    );
    assert_eq!(summary.budget_exhausted_runs, 0);
}

#[test]
fn an_ordinary_run_is_not_stopped_by_the_budget() {
    let run = sim::run_once(&model(&ladder(), &scenario(json!([["0m", 0.1]]))), 0);
    assert!(!run.figures.budget_exhausted);
    assert_eq!(
        serde_json::to_value(&run.figures).unwrap()["budget_exhausted"],
        json!(false)
    );
}

/// The first three lines of a run whose sev2 trigger fires at +00:12:00.
fn first_page(l: &Value, start: &str) -> Vec<String> {
    let s = set(scenario(json!([["10m", 0.1]])), "/start", json!(start));
    lines(&sim::run_once(&model(l, &s), 0))[..3].to_vec()
}

#[test]
fn a_page_inside_an_override_goes_to_the_overrides_person() {
    // cy, who is not a member, covers primary from 00:10 to 00:20 on Mon 5 January
    let l = set(
        ladder(),
        "/rotations/0/overrides",
        json!([{ "from": "2026-01-05T00:10:00Z", "to": "2026-01-05T00:20:00Z", "person": "cy" }]),
    );
    assert_eq!(
        first_page(&l, "2026-01-05T00:00:00Z"),
        [
            "+00:12:00 sev2 trigger fired (errors)",
            "+00:12:00 sev2 opened",
            "+00:12:00 sev2 paged cy (primary, step 1)",
        ]
    );
    // an override is half-open: one that ends at the page leaves it to ana's turn
    let l = set(
        l,
        "/rotations/0/overrides/0/to",
        json!("2026-01-05T00:12:00Z"),
    );
    assert_eq!(
        first_page(&l, "2026-01-05T00:00:00Z")[2],
        "+00:12:00 sev2 paged ana (primary, step 1)"
    );
    // also outside the rotation's window: Sat 10 January, window on weekdays only
    let l = set(
        ladder(),
        "/rotations/0/window",
        json!({ "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" }),
    );
    let l = set(
        l,
        "/rotations/0/overrides",
        json!([{ "from": "2026-01-09T17:00:00Z", "to": "2026-01-12T09:00:00Z", "person": "ben" }]),
    );
    assert_eq!(
        first_page(&l, "2026-01-10T00:00:00Z")[2],
        "+00:12:00 sev2 paged ben (primary, step 1)"
    );
}

#[test]
fn a_window_from_friday_evening_to_monday_morning_covers_sunday_and_not_wednesday() {
    let l = set(
        ladder(),
        "/rotations/0/windows",
        json!([{ "days": ["fri"], "from": "18:00", "to": "10:00", "to_day": "mon" }]),
    );
    // Sun 11 January 00:12 UTC: turn 6 of the daily rotation from Mon 5 January, ana's
    assert_eq!(
        first_page(&l, "2026-01-11T00:00:00Z")[2],
        "+00:12:00 sev2 paged ana (primary, step 1)"
    );
    // Mon 12 January 09:50, before the window closes at 10:00: turn 7, ben's
    assert_eq!(
        first_page(&l, "2026-01-12T09:38:00Z")[2],
        "+00:12:00 sev2 paged ben (primary, step 1)"
    );
    // Wed 14 January 12:00: the window is shut, the step pages nobody (an empty page)
    // and the escalation goes on: sev2's acknowledgement breach escalates to sev1,
    // whose first step is empty too and whose second pages cy
    let s = set(
        scenario(json!([["10m", 0.1]])),
        "/start",
        json!("2026-01-14T11:48:00Z"),
    );
    let run = sim::run_once(&model(&l, &s), 0);
    assert_eq!(
        lines(&run)[..8],
        [
            "+00:12:00 sev2 trigger fired (errors)",
            "+00:12:00 sev2 opened",
            "+00:12:00 sev2 empty page (primary has nobody on call, step 1)",
            "+00:22:00 sev2 breach (acknowledge missed; escalating)",
            "+00:22:00 sev1 escalated (from sev2)",
            "+00:22:00 sev1 empty page (primary has nobody on call, step 1)",
            "+00:27:00 sev1 breach (acknowledge missed)",
            "+00:27:00 sev1 paged cy (step 2)",
        ]
    );
}

#[test]
fn a_daily_berlin_rotation_hands_over_at_local_time_after_the_spring_change() {
    // Hand-offs at 09:00 Berlin time: start Mon 5 January 08:00Z = 09:00 CET (UTC+1).
    // Clocks go forward on Sun 29 March; Mon 30 March 09:30 CEST (UTC+2) is 07:30Z.
    // 30 March is 84 days after 5 January (26 + 28 + 30), and 09:30 is past that day's
    // 09:00 hand-off: turn 84, members[84 mod 2] = ana. (A fixed 24-hour shift would
    // give floor((84 days - 30 min) / 1 day) = turn 83: ben, whose turn would run to
    // 10:00 CEST.)
    let l = set(ladder(), "/rotations/0/timezone", json!("Europe/Berlin"));
    let l = set(l, "/rotations/0/start", json!("2026-01-05T08:00:00Z"));
    assert_eq!(
        first_page(&l, "2026-03-30T07:18:00Z")[2],
        "+00:12:00 sev2 paged ana (primary, step 1)"
    );
    // and at 08:59 CEST (06:59Z) the day before's turn 83 is still on: ben
    assert_eq!(
        first_page(&l, "2026-03-30T06:47:00Z")[2],
        "+00:12:00 sev2 paged ben (primary, step 1)"
    );
    // written as 24h the shift is a fixed length: 09:30 CEST is still turn 83, ben's
    let l = set(l, "/rotations/0/shift", json!("24h"));
    assert_eq!(
        first_page(&l, "2026-03-30T07:18:00Z")[2],
        "+00:12:00 sev2 paged ben (primary, step 1)"
    );
}
