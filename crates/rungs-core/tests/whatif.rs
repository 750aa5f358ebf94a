//! "What if" (docs/simulation.md, "Comparing two ladders" and "Sensitivity"): paired
//! comparisons of two ladders' studies, and the sensitivity plan and tornado.

use rungs_core::sim::{self, SimModel, Summary};
use rungs_core::whatif::sensitivity::{self, Deadline, Knob, Scale};
use rungs_core::whatif::{self, Measure, Outcomes, Verdict};
use rungs_core::*;
use serde_json::{json, Value};

/// ana answers slowly and sometimes not at all; ben, paged second, after a minute.
fn ladder(first_wait: &str) -> Value {
    json!({
        "format": "rungs.ladder/v1",
        "name": "What if",
        "services": [{ "id": "svc", "name": "Service" }],
        "people": [
            { "id": "ana", "name": "Ana", "timezone": "UTC",
              "response": { "ack_median": "4m", "ack_p90": "12m", "miss": 0.3 } },
            { "id": "ben", "name": "Ben", "timezone": "UTC",
              "response": { "ack_median": "1m", "ack_p90": "1m" } }
        ],
        "tiers": [
            { "id": "sev1", "name": "SEV1", "rank": 1,
              "timelines": { "acknowledge": "10m", "resolve": "2h" },
              "escalation": { "steps": [
                  { "notify": [{ "person": "ana" }], "escalate_after": first_wait },
                  { "notify": [{ "person": "ben" }], "escalate_after": "10m" }
              ] } }
        ],
        "triggers": [
            { "id": "errors", "service": "svc", "metric": "error_rate", "op": ">=",
              "threshold": 0.5, "tier": "sev1" }
        ]
    })
}

fn scenario() -> ScenarioDocument {
    parse_scenario(
        &json!({
            "format": "rungs.scenario/v1", "name": "S", "start": "2026-01-05T12:00:00Z",
            "horizon": "6h", "seed": 11,
            "signals": [{ "service": "svc", "metric": "error_rate",
                          "points": [["0m", 0.0], ["5m", 0.9]] }],
            "work": { "contain_after_ack": { "median": "10m", "p90": "30m" },
                      "resolve_after_contain": { "median": "30m", "p90": "1h" } }
        })
        .to_string(),
    )
    .unwrap()
}

fn parse(v: &Value) -> Ladder {
    parse_ladder(&v.to_string()).unwrap()
}

fn model(l: &Ladder, s: &ScenarioDocument) -> SimModel {
    SimModel::new(l, s).unwrap_or_else(|r| panic!("{:#?}", r.diagnostics))
}

/// The joined outcomes of `runs` runs cut into `jobs` blocks, joined last block first.
fn outcomes(m: &SimModel, seed: u64, runs: u32, jobs: u32) -> Outcomes {
    let blocks: Vec<Outcomes> = sim::blocks(runs, jobs)
        .into_iter()
        .rev()
        .map(|b| Outcomes::block(m, seed, b).1)
        .collect();
    Outcomes::join(m, blocks, runs).unwrap()
}

#[test]
fn a_ladder_against_itself_differs_in_nothing() {
    let s = scenario();
    for l in [
        parse(&ladder("5m")),
        parse_ladder(examples::EXAMPLES[1].json).unwrap(),
    ] {
        let s = if l.scenarios.is_empty() {
            s.clone()
        } else {
            l.scenarios[0].to_document()
        };
        let m = model(&l, &s);
        let o = outcomes(&m, s.seed, 300, 1);
        let c = whatif::compare(&m, &o, &m, &o, s.seed).unwrap();
        assert!(c.differences.len() >= 8, "{c:#?}");
        for d in &c.differences {
            assert_eq!(d.verdict, Verdict::NoClearDifference, "{d:?}");
            assert_eq!(d.old, d.new, "{d:?}");
            if d.old.is_some() {
                assert_eq!(d.difference, Some(0.0), "{d:?}");
                assert_eq!(d.ci95, Some([0.0, 0.0]), "{d:?}");
            }
        }
        assert!(!c.regression());
    }
}

#[test]
fn a_longer_first_wait_is_clearly_worse_on_the_acknowledge_breach_rate() {
    let s = scenario();
    let (old_l, new_l) = (parse(&ladder("5m")), parse(&ladder("15m")));
    let (old_m, new_m) = (model(&old_l, &s), model(&new_l, &s));
    let runs = 400;
    let c = whatif::compare(
        &old_m,
        &outcomes(&old_m, s.seed, runs, 1),
        &new_m,
        &outcomes(&new_m, s.seed, runs, 1),
        s.seed,
    )
    .unwrap();
    let ack = c
        .differences
        .iter()
        .find(|d| d.figure == "breach_rate.sev1.acknowledge")
        .unwrap();
    assert_eq!(ack.measure, Measure::BreachRate);
    let [low, high] = ack.ci95.unwrap();
    assert!(
        0.0 < low && low <= ack.difference.unwrap() && ack.difference.unwrap() <= high,
        "{ack:?}"
    );
    assert_eq!(ack.verdict, Verdict::Worse);
    assert!(c.regression());
    // the rows show it without colour, and the values agree with the studies' summaries
    let rows = whatif::comparison_rows(&c);
    let row = rows
        .iter()
        .find(|r| r.label == "sev1 acknowledge breach rate")
        .unwrap();
    assert_eq!(row.marker, "▲ worse");
    assert!(
        row.difference.starts_with('+') && row.difference.ends_with(" pp"),
        "{row:?}"
    );
    let old = sim::monte_carlo(&old_m, s.seed, runs, |_| {});
    let new = sim::monte_carlo(&new_m, s.seed, runs, |_| {});
    // a rate the summary leaves out is 0: the old ladder never breaches (ben by 6m)
    let rate = |m: &Summary| {
        let r = m.breach_rate.get("sev1").and_then(|r| r.get("acknowledge"));
        r.copied().unwrap_or(0.0)
    };
    assert_eq!(rate(&old), 0.0);
    assert_eq!((ack.old, ack.new), (Some(rate(&old)), Some(rate(&new))));
    let p90 = c
        .differences
        .iter()
        .find(|d| d.figure == "time_to_acknowledge.p90")
        .unwrap();
    assert_eq!(p90.old, old.figures["time_to_acknowledge"].p90);
    assert_eq!(p90.new, new.figures["time_to_acknowledge"].p90);
    // the swap is clearly better
    let back = whatif::compare(
        &new_m,
        &outcomes(&new_m, s.seed, runs, 1),
        &old_m,
        &outcomes(&old_m, s.seed, runs, 1),
        s.seed,
    )
    .unwrap();
    let ack = back
        .differences
        .iter()
        .find(|d| d.figure == "breach_rate.sev1.acknowledge")
        .unwrap();
    assert_eq!(ack.verdict, Verdict::Better);
    assert!(!back.regression());
}

#[test]
fn the_same_seed_gives_the_same_comparison_however_the_runs_are_cut() {
    let s = scenario();
    let (a, b) = (parse(&ladder("5m")), parse(&ladder("8m")));
    let (ma, mb) = (model(&a, &s), model(&b, &s));
    let whole = (outcomes(&ma, 5, 250, 1), outcomes(&mb, 5, 250, 1));
    for jobs in [2, 3, 7] {
        assert_eq!(outcomes(&ma, 5, 250, jobs), whole.0, "{jobs} blocks");
    }
    let c1 = whatif::compare(&ma, &whole.0, &mb, &whole.1, 5).unwrap();
    let c2 = whatif::compare(
        &ma,
        &outcomes(&ma, 5, 250, 4),
        &mb,
        &outcomes(&mb, 5, 250, 3),
        5,
    )
    .unwrap();
    assert_eq!(c1, c2);
    // a block's tally is the study's, and its outcomes travel as JSON
    let (tally, out) = Outcomes::block(&ma, 5, 0..250);
    assert_eq!(
        tally.summarise(&ma, 5, 250).unwrap(),
        sim::monte_carlo(&ma, 5, 250, |_| {})
    );
    let text = serde_json::to_string(&out).unwrap();
    assert_eq!(serde_json::from_str::<Outcomes>(&text).unwrap(), out);
    // another seed, another bootstrap and other runs
    let c3 = whatif::compare(
        &ma,
        &outcomes(&ma, 6, 250, 1),
        &mb,
        &outcomes(&mb, 6, 250, 1),
        6,
    )
    .unwrap();
    assert_ne!(c1, c3);
}

#[test]
fn outcomes_that_miss_or_repeat_runs_or_fit_another_ladder_are_refused() {
    let s = scenario();
    let m = model(&parse(&ladder("5m")), &s);
    let block = |r: std::ops::Range<u32>| Outcomes::block(&m, 1, r).1;
    assert!(Outcomes::join(&m, vec![block(0..10), block(11..20)], 20).is_err());
    assert!(Outcomes::join(&m, vec![block(0..10), block(5..20)], 20).is_err());
    assert!(Outcomes::join(&m, vec![block(0..10)], 20).is_err());
    let other = parse_ladder(examples::EXAMPLES[1].json).unwrap();
    let om = model(&other, &other.scenarios[0].to_document());
    let foreign = Outcomes::block(&om, 1, 10..20).1;
    assert!(Outcomes::join(&m, vec![block(0..10), foreign], 20).is_err());
    assert!(Outcomes::join(&m, vec![block(10..20), block(0..10)], 20).is_ok());
}

#[test]
fn the_plan_lists_every_wait_timeline_and_response_time() {
    let l = parse(&ladder("5m"));
    let plan = sensitivity::plan(&l);
    let labels: Vec<String> = plan.knobs.iter().map(Knob::label).collect();
    assert_eq!(
        labels,
        [
            "sev1 step 1 wait",
            "sev1 step 2 wait",
            "sev1 acknowledge",
            "sev1 resolve",
            "ana response median",
            "ana response p90",
            "ben response median",
            "ben response p90",
        ]
    );
    assert_eq!(plan.capped, None);
    assert_eq!(plan.variations().len(), 16);
    assert_eq!(plan.variations()[1].scale, Scale::Doubled);
}

#[test]
fn a_variation_changes_its_knob_and_nothing_else() {
    let l = parse(&ladder("5m"));
    let plan = sensitivity::plan(&l);
    for v in plan.variations() {
        let varied = v.apply(&l);
        let was = v.knob.value(&l).unwrap();
        assert_eq!(v.knob.value(&varied), Some(v.scale.of(was)), "{v:?}");
        for k in &plan.knobs {
            // a response model stays valid: its other quantile follows only when crossed
            let same_person = matches!(
                (k, &v.knob),
                (Knob::ResponseMedian { person: a } | Knob::ResponseP90 { person: a },
                 Knob::ResponseMedian { person: b } | Knob::ResponseP90 { person: b }) if a == b
            );
            if *k != v.knob && !same_person {
                assert_eq!(k.value(&varied), k.value(&l), "{v:?} changed {k:?}");
            }
        }
        let mut restored = varied.clone();
        match &v.knob {
            Knob::StepWait { step, .. } => {
                restored.tiers[0].escalation.steps[step - 1].escalate_after = was
            }
            Knob::Timeline {
                timeline: Deadline::Acknowledge,
                ..
            } => restored.tiers[0].timelines.acknowledge = Some(was),
            Knob::Timeline {
                timeline: Deadline::Resolve,
                ..
            } => restored.tiers[0].timelines.resolve = Some(was),
            _ => continue,
        }
        assert_eq!(restored, l, "{v:?}");
    }
    // ben's fixed model: a halved p90 takes the median down with it
    let v = sensitivity::Variation {
        knob: Knob::ResponseP90 {
            person: PersonId::try_from("ben".to_string()).unwrap(),
        },
        scale: Scale::Halved,
    };
    let r = v.apply(&l).people[1].response.clone().unwrap();
    assert_eq!(
        (r.ack_median, r.ack_p90),
        (Duration::from_secs(30), Duration::from_secs(30))
    );
}

#[test]
fn the_tornado_puts_the_most_influential_knob_first() {
    // ana never answers: ben acknowledges at step 1's wait + 1m, against a 10m deadline
    let mut v = ladder("8m");
    v["people"][0]["response"] = json!({ "ack_median": "4m", "ack_p90": "4m", "miss": 1.0 });
    let l = parse(&v);
    let s = scenario();
    let study = |l: &Ladder| -> Result<Summary, String> {
        let m = SimModel::new(l, &s).map_err(|r| format!("{:?}", r.diagnostics))?;
        Ok(sim::monte_carlo(&m, s.seed, 50, |_| {}))
    };
    let plan = sensitivity::plan(&l);
    let results: Vec<_> = plan
        .variations()
        .iter()
        .map(|v| study(&v.apply(&l)))
        .collect();
    let t = sensitivity::tornado(&plan, &l, &study(&l).unwrap(), &results);
    assert!(t.rows.windows(2).all(|w| w[0].influence >= w[1].influence));
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    // both swing the acknowledge breach rate from 0 to 1 (the wait doubled: 17m; the
    // deadline halved: 5m); the wait also moves the times, so it comes first
    assert_eq!(
        &labels[..2],
        ["sev1 step 1 wait", "sev1 acknowledge"],
        "{t:#?}"
    );
    assert_eq!((t.rows[0].influence, t.rows[1].influence), (1.0, 1.0));
    assert_eq!(
        t.rows[0].doubled.change["breach_rate.sev1.acknowledge"],
        Some(1.0)
    );
    assert_eq!(
        t.rows[0].halved.change["breach_rate.sev1.acknowledge"],
        Some(0.0)
    );
    assert_eq!(t.rows[0].doubled.value, Duration::from_mins(16));
    // ana's response times change nothing: she never answers
    let ana = t
        .rows
        .iter()
        .find(|r| r.label == "ana response median")
        .unwrap();
    assert_eq!(ana.influence, 0.0);
    // the bars as the app draws them: the longest reaches the edge, on the side its
    // headline moved; a knob that changes nothing is a bar of no length at the baseline
    let bars = t.bars(&l);
    assert_eq!(bars.len(), t.rows.len());
    let wait = &bars[0];
    assert_eq!(wait.key, "sev1 step 1 wait");
    assert_eq!(wait.label, format!("{}, step 1 waits", l.tiers[0].name));
    assert_eq!(wait.value, "8m");
    assert_eq!((wait.lo, wait.hi), (0.0, 1.0));
    assert_eq!(wait.doubled_at, Some(1.0));
    assert_eq!(wait.halved, "halved (4m): 0.0000");
    assert_eq!(wait.doubled, "doubled (16m): 1.0000");
    assert_eq!(wait.influence, "1.0000");
    let still = bars
        .iter()
        .find(|b| b.key == "ana response median")
        .unwrap();
    assert_eq!(
        still.label,
        format!("{}'s response median", l.people[0].name)
    );
    assert_eq!((still.lo, still.hi), (0.0, 0.0));
    assert_eq!(
        t.bar_text(ana, 21),
        format!("{}│{}", " ".repeat(10), " ".repeat(10))
    );
    assert_eq!(
        t.bar_text(&t.rows[0], 21),
        format!("{}│{}", " ".repeat(10), "█".repeat(10))
    );
    assert_eq!(
        t.bar_text(&t.rows[1], 21),
        format!("{}│{}", " ".repeat(10), "█".repeat(10))
    );
}
