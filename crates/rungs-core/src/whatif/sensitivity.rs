//! Sensitivity: which of a ladder's knobs matters most for a scenario. Each knob (a
//! step's wait, a tier's deadline, a person's response time) is halved and then
//! doubled, one at a time; every variation is a study with the baseline's seed and
//! runs (common random numbers), and the [`Tornado`] orders the knobs by how far they
//! swing the headline figure. See docs/simulation.md, "Sensitivity".
//!
//! ```
//! use rungs_core::{parse_ladder, examples, sim, whatif::sensitivity};
//! let ladder = parse_ladder(examples::EXAMPLES[0].json).unwrap();
//! let doc = ladder.scenarios[0].to_document();
//! let study = |l: &rungs_core::Ladder| -> Result<sim::Summary, String> {
//!     let m = sim::SimModel::new(l, &doc).map_err(|r| format!("{:?}", r.diagnostics))?;
//!     Ok(sim::monte_carlo(&m, doc.seed, 20, |_| {}))
//! };
//! let plan = sensitivity::plan(&ladder);
//! let results: Vec<_> = plan.variations().iter().map(|v| study(&v.apply(&ladder))).collect();
//! let tornado = sensitivity::tornado(&plan, &ladder, &study(&ladder).unwrap(), &results);
//! assert_eq!(tornado.rows.len(), plan.knobs.len());
//! assert!(tornado.rows.windows(2).all(|w| w[0].influence >= w[1].influence));
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use crate::sim::{Summary, Timeline};
use crate::validate::FALLBACK_ACK;
use crate::{Duration, Ladder, PersonId, Probability, ResponseModel, TierId, Timelines};

/// The most knobs a plan varies (each twice): a larger ladder's later knobs are left out,
/// with a note, so the work stays bounded at `2 × MAX_KNOBS + 1` studies.
pub const MAX_KNOBS: usize = 200;

/// A tier's timeline that a knob varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Deadline {
    Acknowledge,
    Contain,
    Resolve,
    FirstUpdate,
    UpdateEvery,
}

impl Deadline {
    const ALL: [Deadline; 5] = [
        Deadline::Acknowledge,
        Deadline::Contain,
        Deadline::Resolve,
        Deadline::FirstUpdate,
        Deadline::UpdateEvery,
    ];

    fn field(self, t: &mut Timelines) -> &mut Option<Duration> {
        match self {
            Deadline::Acknowledge => &mut t.acknowledge,
            Deadline::Contain => &mut t.contain,
            Deadline::Resolve => &mut t.resolve,
            Deadline::FirstUpdate => &mut t.first_update,
            Deadline::UpdateEvery => &mut t.update_every,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Deadline::Acknowledge => "acknowledge",
            Deadline::Contain => "contain",
            Deadline::Resolve => "resolve",
            Deadline::FirstUpdate => "first update",
            Deadline::UpdateEvery => "update every",
        }
    }
}

/// One thing a ladder sets that sensitivity varies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Knob {
    /// A step's `escalate_after`.
    StepWait {
        /// The tier.
        tier: TierId,
        /// The step, from 1 as in the ladder's text.
        step: usize,
    },
    /// One of a tier's timelines.
    Timeline {
        /// The tier.
        tier: TierId,
        /// Which.
        timeline: Deadline,
    },
    /// The median of a person's response model (their own, else the ladder's default,
    /// else the fixed 5 minutes the simulator assumes).
    ResponseMedian {
        /// The person.
        person: PersonId,
    },
    /// The 90th percentile of a person's response model.
    ResponseP90 {
        /// The person.
        person: PersonId,
    },
}

impl Knob {
    /// `sev1 step 2 wait`, `sev1 acknowledge`, `ana response median`.
    pub fn label(&self) -> String {
        match self {
            Knob::StepWait { tier, step } => format!("{tier} step {step} wait"),
            Knob::Timeline { tier, timeline } => format!("{tier} {}", timeline.as_str()),
            Knob::ResponseMedian { person } => format!("{person} response median"),
            Knob::ResponseP90 { person } => format!("{person} response p90"),
        }
    }

    /// The knob as a reader names it, by the names `ladder` gives: `SEV1 Critical, step
    /// 2 waits`, `SEV1 Critical, time to acknowledge`, `Ana Lima's response median`.
    pub fn title(&self, l: &Ladder) -> String {
        let tier = |id: &TierId| crate::overview::find_name(&l.tiers, id.as_str());
        let person = |id: &PersonId| crate::overview::find_name(&l.people, id.as_str());
        match self {
            Knob::StepWait { tier: t, step } => format!("{}, step {step} waits", tier(t)),
            Knob::Timeline { tier: t, timeline } => {
                let what = match timeline {
                    Deadline::UpdateEvery => "updates every".to_string(),
                    d => format!("time to {}", d.as_str()),
                };
                format!("{}, {what}", tier(t))
            }
            Knob::ResponseMedian { person: p } => format!("{}'s response median", person(p)),
            Knob::ResponseP90 { person: p } => format!("{}'s response p90", person(p)),
        }
    }

    /// The knob's value in `ladder`; `None` when the ladder has no such knob.
    pub fn value(&self, l: &Ladder) -> Option<Duration> {
        let tier = |id: &TierId| l.tiers.iter().find(|t| t.id == *id);
        let response = |id: &PersonId| {
            let p = l.people.iter().find(|p| p.id == *id)?;
            let default = l.defaults.as_ref().and_then(|d| d.response.as_ref());
            Some(
                p.response
                    .as_ref()
                    .or(default)
                    .map_or((FALLBACK_ACK, FALLBACK_ACK), |r| (r.ack_median, r.ack_p90)),
            )
        };
        match self {
            Knob::StepWait { tier: id, step } => {
                let steps = &tier(id)?.escalation.steps;
                Some(steps.get(step.checked_sub(1)?)?.escalate_after)
            }
            Knob::Timeline { tier: id, timeline } => {
                let mut t = tier(id)?.timelines.clone();
                *timeline.field(&mut t)
            }
            Knob::ResponseMedian { person } => response(person).map(|r| r.0),
            Knob::ResponseP90 { person } => response(person).map(|r| r.1),
        }
    }

    /// Calls `f` on the knob's value in `l` (a person's response model made their own
    /// first) and gives its result; `None` when `l` has no such knob.
    fn slot<T>(&self, l: &mut Ladder, f: impl FnOnce(&mut Duration) -> T) -> Option<T> {
        let tier = |l: &mut Ladder, id: &TierId| l.tiers.iter_mut().position(|t| t.id == *id);
        match self {
            Knob::StepWait { tier: id, step } => {
                let t = tier(l, id)?;
                let s = l.tiers[t].escalation.steps.get_mut(step.checked_sub(1)?)?;
                Some(f(&mut s.escalate_after))
            }
            Knob::Timeline { tier: id, timeline } => {
                let t = tier(l, id)?;
                timeline.field(&mut l.tiers[t].timelines).as_mut().map(f)
            }
            Knob::ResponseMedian { person } | Knob::ResponseP90 { person } => {
                let default = l.defaults.as_ref().and_then(|d| d.response.clone());
                let p = l.people.iter_mut().find(|p| p.id == *person)?;
                let r = p.response.get_or_insert_with(|| {
                    default.unwrap_or(ResponseModel {
                        ack_median: FALLBACK_ACK,
                        ack_p90: FALLBACK_ACK,
                        miss: Probability::default(),
                    })
                });
                Some(match self {
                    Knob::ResponseMedian { .. } => {
                        let out = f(&mut r.ack_median);
                        r.ack_p90 = r.ack_p90.max(r.ack_median);
                        out
                    }
                    _ => {
                        let out = f(&mut r.ack_p90);
                        r.ack_median = r.ack_median.min(r.ack_p90);
                        out
                    }
                })
            }
        }
    }
}

/// Halved or doubled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Half the value (rounded down to the millisecond).
    Halved,
    /// Twice the value.
    Doubled,
}

impl Scale {
    /// `d` halved or doubled.
    pub fn of(self, d: Duration) -> Duration {
        let ms = d.as_millis();
        Duration::from_millis(match self {
            Scale::Halved => ms / 2,
            Scale::Doubled => ms.saturating_mul(2),
        })
    }
}

/// One knob halved or doubled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Variation {
    /// The knob.
    pub knob: Knob,
    /// How.
    pub scale: Scale,
}

impl Variation {
    /// `ladder` with this variation's knob halved or doubled and nothing else changed,
    /// except what keeps a response model valid: a median raised above the 90th
    /// percentile raises it too, a 90th percentile lowered below the median lowers it
    /// too. A ladder without the knob comes back unchanged.
    pub fn apply(&self, ladder: &Ladder) -> Ladder {
        let mut l = ladder.clone();
        self.knob.slot(&mut l, |d| *d = self.scale.of(*d));
        l
    }
}

/// The knobs to vary, in ladder order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The knobs: each step's wait (tier by tier), each timeline a tier sets, then each
    /// person's response median and p90. Knobs whose value is zero are left out
    /// (halving and doubling zero change nothing).
    pub knobs: Vec<Knob>,
    /// The number of knobs the ladder has when it has more than [`MAX_KNOBS`]: the plan
    /// keeps the first [`MAX_KNOBS`].
    pub capped: Option<usize>,
}

impl Plan {
    /// The variations to study, knob by knob: halved, then doubled.
    pub fn variations(&self) -> Vec<Variation> {
        (self.knobs.iter())
            .flat_map(|k| {
                [Scale::Halved, Scale::Doubled].map(|scale| Variation {
                    knob: k.clone(),
                    scale,
                })
            })
            .collect()
    }
}

/// The knobs of `ladder` (a scenario changes none of them), at most [`MAX_KNOBS`].
pub fn plan(ladder: &Ladder) -> Plan {
    let mut knobs = Vec::new();
    for t in &ladder.tiers {
        for (i, _) in t.escalation.steps.iter().enumerate() {
            knobs.push(Knob::StepWait {
                tier: t.id.clone(),
                step: i + 1,
            });
        }
    }
    for t in &ladder.tiers {
        for timeline in Deadline::ALL {
            knobs.push(Knob::Timeline {
                tier: t.id.clone(),
                timeline,
            });
        }
    }
    for p in &ladder.people {
        knobs.push(Knob::ResponseMedian {
            person: p.id.clone(),
        });
        knobs.push(Knob::ResponseP90 {
            person: p.id.clone(),
        });
    }
    knobs.retain(|k| k.value(ladder).is_some_and(|v| !v.is_zero()));
    let capped = (knobs.len() > MAX_KNOBS).then_some(knobs.len());
    knobs.truncate(MAX_KNOBS);
    Plan { knobs, capped }
}

/// What one variation did: its knob's value and each figure's change from the baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Effect {
    /// The knob's value in the variation.
    pub value: Duration,
    /// The headline figure (breaches per detected incident); `None` when the variation
    /// could not be studied.
    pub headline: Option<f64>,
    /// Per figure (`breach_rate.sev1.acknowledge`, `time_to_acknowledge.p90`): its value
    /// minus the baseline's; `None` where either never reached it.
    pub change: BTreeMap<String, Option<f64>>,
    /// Why the variation could not be studied (its ladder has errors).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One knob's bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TornadoRow {
    /// The knob.
    pub knob: Knob,
    /// Its label ([`Knob::label`]).
    pub label: String,
    /// Its value in the ladder.
    pub value: Duration,
    /// Halved.
    pub halved: Effect,
    /// Doubled.
    pub doubled: Effect,
    /// The headline's span over the baseline, halved and doubled: the largest of the
    /// three values minus the smallest.
    pub influence: f64,
}

/// A sensitivity study as a tornado chart: the knobs, most influential first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tornado {
    /// What orders the bars: `breaches per incident`.
    pub headline: &'static str,
    /// The headline figure of the baseline.
    pub baseline: f64,
    /// The baseline's figures: each breach rate and each p90 (seconds).
    pub figures: BTreeMap<String, Option<f64>>,
    /// One row per knob, most influential first.
    pub rows: Vec<TornadoRow>,
    /// Said when the plan was capped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Each breach rate a tier of `ladder` can have (0 when the summary has none) and each
/// figure's p90, seconds.
fn figures(ladder: &Ladder, s: &Summary) -> BTreeMap<String, Option<f64>> {
    let mut out = BTreeMap::new();
    for t in &ladder.tiers {
        for tl in Timeline::ALL {
            let rate = s
                .breach_rate
                .get(t.id.as_str())
                .and_then(|m| m.get(tl.as_str()));
            out.insert(
                format!("breach_rate.{}.{}", t.id, tl.as_str()),
                Some(rate.copied().unwrap_or(0.0)),
            );
        }
    }
    for tl in Timeline::ALL {
        let p90 = s.figures.get(tl.figure_name()).and_then(|f| f.p90);
        out.insert(format!("{}.p90", tl.figure_name()), p90);
    }
    out
}

/// The tornado of a sensitivity study: `results` holds one study per variation of
/// `plan`, in [`Plan::variations`]' order (an error for a variation whose ladder could
/// not be studied), all with `baseline`'s seed and runs.
///
/// Rows are ordered by influence (the headline's span over baseline, halved and
/// doubled), ties by the sum of the p90 figures' spans (seconds), then in plan order.
///
/// # Panics
/// When `results` does not hold two studies per knob of `plan`.
pub fn tornado(
    plan: &Plan,
    ladder: &Ladder,
    baseline: &Summary,
    results: &[Result<Summary, String>],
) -> Tornado {
    assert_eq!(results.len(), 2 * plan.knobs.len(), "two studies per knob");
    let base = figures(ladder, baseline);
    let base_headline = baseline.breaches_per_incident();
    let effect = |v: Variation, r: &Result<Summary, String>| {
        let value = v
            .knob
            .value(ladder)
            .map_or(Duration::ZERO, |d| v.scale.of(d));
        match r {
            Ok(s) => Effect {
                value,
                headline: Some(s.breaches_per_incident()),
                change: (figures(ladder, s).into_iter())
                    .map(|(k, x)| {
                        let b = base.get(&k).copied().flatten();
                        (k, x.zip(b).map(|(x, b)| x - b))
                    })
                    .collect(),
                error: None,
            },
            Err(e) => Effect {
                value,
                headline: None,
                change: BTreeMap::new(),
                error: Some(e.clone()),
            },
        }
    };
    let mut rows: Vec<(f64, TornadoRow)> = (plan.variations().chunks(2))
        .zip(results.chunks(2))
        .map(|(v, r)| {
            let (halved, doubled) = (effect(v[0].clone(), &r[0]), effect(v[1].clone(), &r[1]));
            let heads = [Some(base_headline), halved.headline, doubled.headline];
            let p90_span: f64 = (base.keys().filter(|k| k.ends_with(".p90")))
                .map(|k| span(&[Some(0.0), change(&halved, k), change(&doubled, k)]))
                .sum();
            let row = TornadoRow {
                label: v[0].knob.label(),
                value: v[0].knob.value(ladder).unwrap_or_default(),
                knob: v[0].knob.clone(),
                influence: span(&heads),
                halved,
                doubled,
            };
            (p90_span, row)
        })
        .collect();
    // a stable sort keeps plan order among equals
    rows.sort_by(|(pa, a), (pb, b)| (b.influence.total_cmp(&a.influence)).then(pb.total_cmp(pa)));
    Tornado {
        headline: "breaches per incident",
        baseline: base_headline,
        figures: base,
        rows: rows.into_iter().map(|(_, r)| r).collect(),
        note: plan
            .capped
            .map(|n| format!("The ladder has {n} knobs; the first {MAX_KNOBS} were varied.")),
    }
}

fn change(e: &Effect, key: &str) -> Option<f64> {
    e.change.get(key).copied().flatten()
}

/// The largest of the values minus the smallest (missing values left out).
fn span(values: &[Option<f64>]) -> f64 {
    let v = values.iter().flatten();
    let max = v.clone().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = v.copied().fold(f64::INFINITY, f64::min);
    if max >= min {
        ((max - min) * 10_000.0).round() / 10_000.0
    } else {
        0.0
    }
}

/// The simulator's model of a varied ladder on `scenario`, or why it cannot be studied
/// (its first error): the same for the command line and the browser's workers.
pub fn varied_model(
    ladder: &Ladder,
    scenario: &crate::ScenarioDocument,
) -> Result<crate::sim::SimModel, String> {
    crate::sim::SimModel::new(ladder, scenario).map_err(|report| {
        let first = report.errors().next().map(|d| d.message.clone());
        first.unwrap_or_else(|| "the varied ladder has errors".into())
    })
}

/// One knob's bar, ready to draw: its ends as shares of the chart's half-width either
/// side of the baseline (-1 to 1), and its values as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The knob as the command line labels it ("sev2 step 1 wait", [`Knob::label`]).
    pub key: String,
    /// The knob by name ("SEV2 Major, step 1 waits", [`Knob::title`]).
    pub label: String,
    /// Its value in the ladder ("15m").
    pub value: String,
    /// The left end, -1 to 0.
    pub lo: f64,
    /// The right end, 0 to 1.
    pub hi: f64,
    /// Where the halved ladder's headline lands, -1 to 1 (`None`: it could not be
    /// studied).
    pub halved_at: Option<f64>,
    /// Where the doubled ladder's lands.
    pub doubled_at: Option<f64>,
    /// "halved (7m30s): 0.4120" or "halved (7m30s): could not be studied: why".
    pub halved: String,
    /// The same for doubled.
    pub doubled: String,
    /// The headline's span, "0.1234".
    pub influence: String,
}

impl Tornado {
    /// Every row as a [`Bar`], most influential first, on the scale of the longest; names
    /// from `ladder`.
    pub fn bars(&self, ladder: &Ladder) -> Vec<Bar> {
        let scale = self.scale();
        let at = |h: Option<f64>| {
            h.map(|h| {
                if scale > 0.0 {
                    ((h - self.baseline) / scale).clamp(-1.0, 1.0)
                } else {
                    0.0
                }
            })
        };
        let text = |what: &str, e: &Effect| match (&e.error, e.headline) {
            (Some(why), _) => format!("{what} ({}): could not be studied: {why}", e.value),
            (None, Some(h)) => format!("{what} ({}): {h:.4}", e.value),
            (None, None) => format!("{what} ({}): no figure", e.value),
        };
        self.rows
            .iter()
            .map(|r| {
                let (h, d) = (at(r.halved.headline), at(r.doubled.headline));
                let ends = [h.unwrap_or(0.0), d.unwrap_or(0.0), 0.0];
                Bar {
                    key: r.label.clone(),
                    label: r.knob.title(ladder),
                    value: r.value.to_string(),
                    lo: ends.iter().copied().fold(0.0, f64::min),
                    hi: ends.iter().copied().fold(0.0, f64::max),
                    halved_at: h,
                    doubled_at: d,
                    halved: text("halved", &r.halved),
                    doubled: text("doubled", &r.doubled),
                    influence: format!("{:.4}", r.influence),
                }
            })
            .collect()
    }

    /// The largest distance of a bar's end from the baseline, for a common scale.
    fn scale(&self) -> f64 {
        (self.rows.iter())
            .flat_map(|r| [r.halved.headline, r.doubled.headline])
            .flatten()
            .map(|h| (h - self.baseline).abs())
            .fold(0.0, f64::max)
    }

    /// A row's bar as text, `width` cells (at least 3, made odd) around the baseline's
    /// `│` in the middle: `█` from the lower to the higher of its halved and doubled
    /// headline, on the scale of the chart's longest bar. A row without change is the
    /// `│` alone.
    pub fn bar_text(&self, row: &TornadoRow, width: usize) -> String {
        let half = width.max(3) / 2;
        let scale = self.scale();
        let col = |h: Option<f64>| -> i64 {
            match h {
                Some(h) if scale > 0.0 => {
                    ((h - self.baseline) / scale * half as f64).round() as i64
                }
                _ => 0,
            }
        };
        let (a, b) = (col(row.halved.headline), col(row.doubled.headline));
        let (lo, hi) = (a.min(b).min(0), a.max(b).max(0));
        (-(half as i64)..=half as i64)
            .map(|c| match c {
                0 => '│',
                c if c >= lo && c <= hi => '█',
                _ => ' ',
            })
            .collect()
    }
}
