//! One simulated incident on a ladder the fuzzer shapes.
//!
//! Input that starts with `{` is read as a ladder document and its first scenario is run;
//! anything else picks an example ladder and one of its scenarios and rewrites their
//! numbers (response and work models, repeats, step waits, deadlines, trigger hold times,
//! signal curves, injects, horizon, seed) from the fuzzer's bytes, which reaches far more
//! of the simulator than random JSON does.
//!
//! What bounds a run: the horizon is cut to at most one day, a tier repeats its policy at
//! most 3 times, and every step wait and update cadence is at least a minute, so a run
//! processes at most a few thousand timed events besides the signal points and injects of
//! the (size-limited) input.
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use rungs_core::model::Probability;
use rungs_core::sim::{self, SimModel};
use rungs_core::*;

const MAX_HORIZON: Duration = Duration::from_mins(24 * 60);
const MIN_WAIT: Duration = Duration::from_mins(1);
const MAX_REPEAT: u32 = 3;

fuzz_target!(init: rungs_fuzz::catch_stack_overflows(), |data: &[u8]| {
    let (mut ladder, mut scenario) = if data.first() == Some(&b'{') {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let Ok(ladder) = parse_ladder(text) else {
            return;
        };
        let Some(s) = ladder.scenarios.first() else {
            return;
        };
        let s = s.to_document();
        (ladder, s)
    } else {
        let mut u = Unstructured::new(data);
        match mutated(&mut u) {
            Ok(pair) => pair,
            Err(_) => return,
        }
    };
    bound(&mut ladder, &mut scenario);
    let Ok(model) = SimModel::new(&ladder, &scenario) else {
        return;
    };
    let run = sim::run_once(&model, scenario.seed);
    for w in run.events.windows(2) {
        assert!(w[0].t <= w[1].t, "time went back: {} then {}", w[0], w[1]);
    }
    let f = &run.figures;
    if let (Some(a), Some(c)) = (f.time_to_acknowledge, f.time_to_contain) {
        assert!(a <= c, "ack {a} after contain {c}");
    }
    if let (Some(c), Some(r)) = (f.time_to_contain, f.time_to_resolve) {
        assert!(c <= r, "contain {c} after resolve {r}");
    }
});

/// Applies the bounds of the module documentation.
fn bound(ladder: &mut Ladder, s: &mut ScenarioDocument) {
    s.horizon = s.horizon.min(MAX_HORIZON);
    for t in &mut ladder.tiers {
        t.escalation.repeat = t.escalation.repeat.min(MAX_REPEAT);
        for step in &mut t.escalation.steps {
            step.escalate_after = step.escalate_after.max(MIN_WAIT);
        }
        if let Some(every) = &mut t.timelines.update_every {
            *every = (*every).max(MIN_WAIT);
        }
    }
}

fn mins(u: &mut Unstructured, max: u16) -> Result<Duration> {
    Ok(Duration::from_mins(u64::from(u.int_in_range(0..=max)?)))
}

fn secs(u: &mut Unstructured, max: u32) -> Result<Duration> {
    Ok(Duration::from_secs(u64::from(u.int_in_range(0..=max)?)))
}

/// A median and a p90 at least as long (usually).
fn delay(u: &mut Unstructured) -> Result<(Duration, Duration)> {
    let median = secs(u, 4 * 3600)?;
    let p90 = if u.ratio(1, 16)? {
        secs(u, 4 * 3600)?
    } else {
        Duration::from_millis(median.as_millis() + secs(u, 4 * 3600)?.as_millis())
    };
    Ok((median, p90))
}

fn maybe<T>(
    u: &mut Unstructured,
    f: impl FnOnce(&mut Unstructured) -> Result<T>,
) -> Result<Option<T>> {
    Ok(if u.arbitrary()? { Some(f(u)?) } else { None })
}

fn mutated(u: &mut Unstructured) -> Result<(Ladder, ScenarioDocument)> {
    let ex = u.choose(&examples::EXAMPLES)?;
    let mut ladder = parse_ladder(ex.json).expect("examples parse");
    let mut s = u.choose(&ladder.scenarios)?.to_document();

    s.horizon = mins(u, 24 * 60)?;
    s.seed = u.arbitrary()?;
    let (median, p90) = delay(u)?;
    s.work.contain_after_ack = DelayModel { median, p90 };
    let (median, p90) = delay(u)?;
    s.work.resolve_after_contain = DelayModel { median, p90 };

    if u.arbitrary()? {
        let (ack_median, ack_p90) = delay(u)?;
        let miss = Probability::new(f64::from(u.int_in_range(0..=100u8)?) / 100.0).unwrap();
        ladder.defaults = Some(Defaults {
            response: Some(ResponseModel {
                ack_median,
                ack_p90,
                miss,
            }),
        });
    }
    for p in &mut ladder.people {
        if u.ratio(1, 4)? {
            let (ack_median, ack_p90) = delay(u)?;
            let miss = Probability::new(f64::from(u.int_in_range(0..=100u8)?) / 100.0).unwrap();
            p.response = Some(ResponseModel {
                ack_median,
                ack_p90,
                miss,
            });
        }
    }
    for t in &mut ladder.tiers {
        if !u.arbitrary::<bool>()? {
            continue;
        }
        t.escalation.repeat = u.int_in_range(0..=MAX_REPEAT)?;
        for step in &mut t.escalation.steps {
            step.escalate_after = mins(u, 120)?;
        }
        let steps = t.escalation.steps.len();
        if steps > 1 {
            let from = u.choose_index(steps)?;
            let to = u.choose_index(steps)?;
            edit::move_item(&mut t.escalation.steps, from, to);
        }
        let tl = &mut t.timelines;
        tl.acknowledge = maybe(u, |u| mins(u, 240))?;
        tl.contain = maybe(u, |u| mins(u, 24 * 60))?;
        tl.resolve = maybe(u, |u| mins(u, 24 * 60))?;
        if t.owners.communication.is_some() {
            tl.first_update = maybe(u, |u| mins(u, 240))?;
            tl.update_every = maybe(u, |u| mins(u, 240))?;
        }
        let action = |u: &mut Unstructured| -> Result<BreachAction> {
            Ok(if u.arbitrary()? {
                BreachAction::Escalate
            } else {
                BreachAction::Record
            })
        };
        t.on_breach = OnBreach {
            acknowledge: maybe(u, action)?,
            contain: maybe(u, action)?,
            resolve: maybe(u, action)?,
            first_update: maybe(u, action)?,
        };
    }
    for tr in &mut ladder.triggers {
        if u.arbitrary()? {
            tr.for_ = secs(u, 3600)?;
            tr.clear_for = secs(u, 3600)?;
        }
    }
    // Signal curves: points every few minutes, values around each metric's thresholds.
    for sig in &mut s.signals {
        if !u.arbitrary::<bool>()? {
            continue;
        }
        let thresholds: Vec<f64> = ladder
            .triggers
            .iter()
            .filter(|t| t.service == sig.service && t.metric == sig.metric)
            .map(|t| t.threshold)
            .collect();
        let n = u.int_in_range(0..=40u8)?;
        let mut at = 0u64;
        sig.points.clear();
        for _ in 0..n {
            at += u64::from(u.int_in_range(0..=3600u32)?);
            let value = match thresholds.as_slice() {
                [] => f64::from(u.int_in_range(0..=1000u16)?) / 100.0,
                ts => {
                    let base = *u.choose(ts)?;
                    base * f64::from(u.int_in_range(0..=300u16)?) / 100.0
                }
            };
            sig.points.push(SignalPoint(Duration::from_secs(at), value));
        }
    }
    // A few responders become unavailable.
    let n = u.int_in_range(0..=4u8)?;
    for _ in 0..n {
        if ladder.people.is_empty() {
            break;
        }
        let p = u.choose(&ladder.people)?.id.clone();
        s.injects
            .push(Inject::Unavailable(model::UnavailableInject {
                at: mins(u, 24 * 60)?,
                unavailable: p,
                for_: maybe(u, |u| mins(u, 24 * 60))?,
            }));
    }
    s.injects.sort_by_key(Inject::at);
    Ok((ladder, s))
}
