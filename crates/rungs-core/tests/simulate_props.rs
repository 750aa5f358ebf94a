//! Properties of the simulator over many random inputs, a statistical check of the
//! response model, the live-drill stepping API, and Monte Carlo summaries.

use proptest::prelude::*;
use rungs_core::sim::{self, EventKind, SimModel, SimTime};
use rungs_core::*;

fn saas() -> (Ladder, ScenarioDocument) {
    let ladder = parse_ladder(examples::EXAMPLES[0].json).unwrap();
    let s = ladder.scenarios[0].to_document();
    (ladder, s)
}

/// The SaaS example with a random response model, work model and error-rate curve.
fn random_inputs(median_s: u64, spread: u64, miss: f64, points: Vec<(u64, f64)>) -> SimModel {
    let (mut ladder, mut s) = saas();
    ladder.defaults = Some(Defaults {
        response: Some(ResponseModel {
            ack_median: Duration::from_secs(median_s),
            ack_p90: Duration::from_secs(median_s * spread),
            miss: model::Probability::new(miss).unwrap(),
        }),
    });
    let mut t = 0;
    s.signals[0].points = points
        .into_iter()
        .map(|(dt, v)| {
            t += dt;
            SignalPoint(Duration::from_secs(t), v)
        })
        .collect();
    SimModel::new(&ladder, &s).unwrap()
}

fn check_invariants(run: &sim::Run) -> Result<(), TestCaseError> {
    let f = &run.figures;
    if let (Some(a), Some(c)) = (f.time_to_acknowledge, f.time_to_contain) {
        prop_assert!(a <= c, "ack {a} after contain {c}");
    }
    if let (Some(c), Some(r)) = (f.time_to_contain, f.time_to_resolve) {
        prop_assert!(c <= r, "contain {c} after resolve {r}");
    }
    prop_assert!(f.time_to_contain.is_none() || f.time_to_acknowledge.is_some());
    for w in run.events.windows(2) {
        prop_assert!(w[0].t <= w[1].t, "time went back: {} then {}", w[0], w[1]);
    }
    // Nobody is paged by the escalation while their acknowledgement is pending in the
    // same tier entry.
    let mut pending: std::collections::HashSet<String> = Default::default();
    for e in &run.events {
        match e.kind {
            EventKind::Opened | EventKind::Promoted | EventKind::Escalated | EventKind::Demoted => {
                pending.clear()
            }
            EventKind::Page if !e.detail.contains("communication owner") => {
                let who = e.who.as_deref().unwrap().to_string();
                prop_assert!(
                    !pending.contains(&who),
                    "{who} paged again while pending: {e}"
                );
                if !e.detail.contains(';') {
                    pending.insert(who);
                }
            }
            EventKind::Ack | EventKind::AckLost => {
                pending.remove(e.who.as_deref().unwrap());
            }
            _ => {}
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn runs_keep_their_invariants_and_are_deterministic(
        seed in any::<u64>(),
        median_s in 10u64..900,
        spread in 1u64..6,
        miss in 0.0f64..0.6,
        points in proptest::collection::vec((1u64..3600, 0.0f64..0.6), 1..8),
    ) {
        let m = random_inputs(median_s, spread, miss, points);
        let run = sim::run_once(&m, seed);
        check_invariants(&run)?;
        prop_assert_eq!(&run, &sim::run_once(&m, seed));
    }

    #[test]
    fn every_run_ends_within_its_event_budget(
        seed in any::<u64>(),
        median_s in 10u64..900,
        spread in 1u64..6,
        miss in 0.0f64..0.6,
        points in proptest::collection::vec((1u64..3600, 0.0f64..0.6), 1..8),
    ) {
        let m = random_inputs(median_s, spread, miss, points);
        let mut e = sim::Engine::new(&m, seed, false);
        e.run();
        prop_assert!(e.is_finished());
        prop_assert!(e.events_processed() <= sim::EVENT_BUDGET);
        prop_assert_eq!(e.run_events(), e.events_processed());
        // these ladders page a bounded number of times: none comes near the budget
        prop_assert!(!e.figures().budget_exhausted);
        prop_assert!(e.budget_cause().is_none());
    }
}

#[test]
fn log_normal_acknowledgements_match_their_median_and_p90() {
    // One responder, no escalation: the time to acknowledge is the drawn delay.
    let ladder = parse_ladder(
        &serde_json::json!({
            "format": "rungs.ladder/v1", "name": "One",
            "services": [{ "id": "svc", "name": "S" }],
            "people": [{ "id": "ana", "name": "Ana", "timezone": "UTC",
                         "response": { "ack_median": "3m", "ack_p90": "10m" } }],
            "tiers": [{ "id": "sev1", "name": "SEV1", "rank": 1,
                        "escalation": { "steps": [{ "notify": [{ "person": "ana" }], "escalate_after": "1w" }] } }],
            "triggers": [{ "id": "t", "service": "svc", "metric": "m", "op": ">", "threshold": 0, "tier": "sev1", "clear_for": "1h" }]
        })
        .to_string(),
    )
    .unwrap();
    let s = parse_scenario(
        &serde_json::json!({
            "format": "rungs.scenario/v1", "name": "S", "start": "2026-01-05T00:00:00Z", "horizon": "1d",
            "signals": [{ "service": "svc", "metric": "m", "points": [["0m", 1]] }],
            "work": { "contain_after_ack": { "median": "1m", "p90": "1m" }, "resolve_after_contain": { "median": "1m", "p90": "1m" } }
        })
        .to_string(),
    )
    .unwrap();
    let m = SimModel::new(&ladder, &s).unwrap();
    let summary = sim::monte_carlo(&m, 7, 20_000, |_| {});
    let tta = &summary.figures["time_to_acknowledge"];
    assert_eq!(tta.reached, 20_000);
    let (median, p90) = (tta.median.unwrap(), tta.p90.unwrap());
    assert!(
        (median / 180.0 - 1.0).abs() < 0.02,
        "median {median}s, expected 180s"
    );
    assert!(
        (p90 / 600.0 - 1.0).abs() < 0.02,
        "p90 {p90}s, expected 600s"
    );
}

#[test]
fn a_live_drill_waits_for_a_human_and_steps_by_event() {
    let (ladder, s) = saas();
    let m = SimModel::new(&ladder, &s).unwrap();
    let emi = m.person("emi").unwrap();
    let mut drill = sim::Engine::new(&m, s.seed, true);
    drill.set_human(emi, true);
    // emi is APAC primary at 03:00 UTC; the incident opens at 7m and pages her.
    drill.advance_to(SimTime(7 * 60_000));
    assert_eq!(drill.tier().map(|t| m.tiers[t].id.as_str()), Some("sev2"));
    assert!(drill.awaiting_human(emi));
    // Nothing is drawn for her: two minutes later she still has not acknowledged.
    drill.advance_to(SimTime(9 * 60_000));
    assert!(drill.figures().time_to_acknowledge.is_none());
    assert!(drill
        .open_deadlines()
        .iter()
        .any(|(tl, due)| *tl == sim::Timeline::Acknowledge && *due == SimTime(22 * 60_000)));
    assert!(drill.acknowledge(emi));
    assert_eq!(
        drill.figures().time_to_acknowledge,
        Some(Duration::from_secs(120))
    );
    assert!(!drill.awaiting_human(emi));
    assert!(!drill.acknowledge(emi), "nothing left to acknowledge");
    // The facilitator acts at the current instant.
    drill.note("Payments team joins the bridge");
    assert!(drill.promote());
    assert_eq!(drill.tier().map(|t| m.tiers[t].id.as_str()), Some("sev1"));
    let before = drill.now();
    assert!(drill.step());
    assert!(drill.now() >= before);
    let last = drill
        .log()
        .iter()
        .rev()
        .find(|e| e.kind == EventKind::Note)
        .unwrap();
    assert_eq!(last.detail, "Payments team joins the bridge");
    drill.run();
    assert!(drill.is_finished());
    assert!(drill.figures().time_to_resolve.is_some());
}

#[test]
fn facilitator_injects_change_the_run() {
    let (ladder, mut s) = saas();
    s.signals.clear();
    s.injects.clear();
    let m = SimModel::new(&ladder, &s).unwrap();
    let checkout_errors = m
        .signals
        .iter()
        .position(|x| x.service.as_str() == "checkout" && x.metric == "error_rate")
        .unwrap();
    let mut drill = sim::Engine::new(&m, 1, true);
    drill.advance_to(SimTime(60_000));
    assert_eq!(drill.tier(), None, "no signal, no incident");
    drill.set_signal(checkout_errors, 0.4);
    drill.advance_to(SimTime(2 * 60_000));
    assert_eq!(drill.tier().map(|t| m.tiers[t].id.as_str()), Some("sev1"));
    assert!(drill.demote());
    assert_eq!(drill.tier().map(|t| m.tiers[t].id.as_str()), Some("sev2"));
    let farah = m.person("farah").unwrap();
    drill.make_unavailable(farah, None);
    drill.post_update();
    // detected at 2m (0.4 held for the 1m of `checkout-outage`), posted at once
    assert_eq!(drill.figures().detected_at, Some(SimTime(120_000)));
    assert_eq!(drill.figures().time_to_first_update, Some(Duration::ZERO));
}

#[test]
fn monte_carlo_run_zero_is_the_single_run_and_summaries_are_reproducible() {
    let (ladder, s) = saas();
    let m = SimModel::new(&ladder, &s).unwrap();
    let one = sim::monte_carlo(&m, s.seed, 1, |_| {});
    let single = sim::run_once(&m, s.seed).figures;
    assert_eq!(
        one.figures["time_to_acknowledge"].median,
        single.time_to_acknowledge.map(|d| d.as_secs_f64())
    );
    let mut progress = 0;
    let a = sim::monte_carlo(&m, s.seed, 500, |n| progress = n);
    assert_eq!(progress, 500);
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        serde_json::to_string(&sim::monte_carlo(&m, s.seed, 500, |_| {})).unwrap()
    );
    assert_eq!(a.runs, 500);
    assert_eq!(a.incidents, 500);
    let tta = &a.figures["time_to_acknowledge"];
    assert!(tta.median <= tta.p90 && tta.p90 <= tta.p99);
    assert!(a
        .breach_rate
        .values()
        .flat_map(|m| m.values())
        .all(|r| (0.0..=1.0).contains(r)));
    assert!(a.pages_per_person.contains_key("emi"));
}

#[test]
fn a_drill_is_not_over_while_a_page_waits_for_its_player() {
    let (ladder, mut s) = saas();
    s.horizon = Duration::from_mins(20);
    s.injects.clear();
    let m = SimModel::new(&ladder, &s).unwrap();
    let emi = m.person("emi").unwrap();
    let mut drill = sim::Engine::new(&m, s.seed, true);
    drill.set_human(emi, true);
    drill.advance_to(SimTime(7 * 60_000));
    assert!(drill.awaiting_human(emi));
    assert!(!drill.is_finished());
    let nobody = sim::PersonIx::all(m.people.len() + 1).last().unwrap();
    assert!(
        !drill.awaiting_human(nobody),
        "an unknown person is not a panic"
    );
    drill.make_unavailable(nobody, None);
    drill.set_signal(usize::MAX, 1.0);
}

#[test]
fn a_study_run_in_chunks_equals_the_study_in_one_go() {
    let (ladder, s) = saas();
    for scenario in &ladder.scenarios {
        let doc = scenario.to_document();
        let m = SimModel::new(&ladder, &doc).unwrap();
        let whole = serde_json::to_string(&sim::monte_carlo(&m, doc.seed, 1500, |_| {})).unwrap();
        for chunk in [1, 7, 1000] {
            let mut study = sim::Study::new(&m, doc.seed, 1500);
            let mut last = 0;
            while !study.is_finished() {
                let done = study.run(chunk);
                assert_eq!(done, (last + chunk).min(1500));
                last = done;
            }
            let chunked = serde_json::to_string(&study.finish()).unwrap();
            assert_eq!(
                chunked, whole,
                "chunks of {chunk}, scenario {}",
                scenario.id
            );
        }
    }
    let _ = s;
}

#[test]
fn histograms_count_every_reached_figure_and_cover_the_p99_and_target() {
    let (ladder, s) = saas();
    let m = SimModel::new(&ladder, &s).unwrap();
    let summary = sim::monte_carlo(&m, s.seed, 2000, |_| {});
    for (name, f) in &summary.figures {
        let h = &f.histogram;
        assert_eq!(h.counts.len(), sim::HISTOGRAM_BINS, "{name}");
        assert_eq!(h.counts.iter().sum::<u32>() + h.over, f.reached, "{name}");
        let range = h.bin_width * sim::HISTOGRAM_BINS as f64;
        assert!(range > f.p99.unwrap_or(0.0) && range > h.target.unwrap_or(0.0));
        assert_eq!(h.bin_width.fract(), 0.0);
        // a round width: seconds, minutes, hours, days or weeks a reader can name
        let w = h.bin_width as u64;
        let round = [1, 2, 5, 10, 15, 20, 30, 45]
            .iter()
            .flat_map(|&k| [k, k * 60])
            .chain([90, 3600, 5400, 7200, 10_800, 14_400, 21_600, 28_800, 43_200])
            .chain([86_400, 172_800, 259_200])
            .any(|r| r == w)
            || w % 604_800 == 0;
        assert!(round, "{name}: bin width {w} s");
        // the width is the smallest such: half the range would not cover the p99 and target
        assert!(range / 2.0 <= f.p99.unwrap_or(0.0).max(h.target.unwrap_or(0.0)) || w == 1);
        // at most 1% of the runs lie beyond the p99
        assert!(f64::from(h.over) <= 0.01 * f64::from(f.reached), "{name}");
    }
    // the counts behind the rates: every rate is its count over the detected incidents,
    // and every breached tier was reached
    for (tier, per) in &summary.breach_count {
        let reached = summary.tier_reached[tier];
        for (tl, &n) in per {
            assert!(n <= reached, "{tier} {tl}");
            let rate = (f64::from(n) / f64::from(summary.incidents) * 1e4).round() / 1e4;
            assert_eq!(summary.breach_rate[tier][tl], rate, "{tier} {tl}");
        }
    }
    assert_eq!(
        summary.breach_count.keys().collect::<Vec<_>>(),
        summary.breach_rate.keys().collect::<Vec<_>>()
    );
    assert!(summary
        .tier_reached
        .values()
        .all(|&n| n <= summary.incidents));
    // every breached tier names the step before most of its breaches
    assert_eq!(
        summary.breach_precursor.keys().collect::<Vec<_>>(),
        summary.breach_rate.keys().collect::<Vec<_>>()
    );
}
