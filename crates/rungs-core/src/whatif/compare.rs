//! The paired comparison of two ladders' studies of one scenario: each figure's old and
//! new value, the difference, its 95 % confidence interval by paired bootstrap, and a
//! verdict. The method is documented in docs/simulation.md, "Comparing two ladders".

use chacha20::rand_core::{Rng, SeedableRng};
use chacha20::ChaCha8Rng;
use serde::Serialize;

use super::outcomes::{Outcomes, OutcomesError};
use crate::sim::{SimModel, Timeline};

/// Bootstrap resamples per comparison. With 1,000 the interval's ends are the 25th and
/// 975th of the sorted resampled differences, steady to well under the figures' own
/// rounding; the work is linear in it (each resample draws one run index per run and
/// walks each figure's runs once), about 1,000 × runs × (figures + 1) steps.
pub const RESAMPLES: u32 = 1_000;

/// What a difference says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Lower with the new ladder: the whole interval lies below 0.
    Better,
    /// Higher with the new ladder: the whole interval lies above 0.
    Worse,
    /// The interval contains 0, or there is nothing to compare.
    NoClearDifference,
}

/// What a row measures. Lower is better for every measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Breaches of one tier's deadline per detected incident.
    BreachRate,
    /// The 90th percentile (nearest rank) of a figure's time, seconds.
    P90,
    /// The median (nearest rank) of a figure's time, seconds.
    Median,
}

impl Measure {
    /// Whether a [`Verdict::Worse`] of this measure counts as a regression.
    pub fn gates(self) -> bool {
        matches!(self, Measure::BreachRate | Measure::P90)
    }
}

/// One figure of the two studies, side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// The figure as the summary keys it: `breach_rate.sev1.acknowledge`,
    /// `time_to_acknowledge.p90`.
    pub figure: String,
    /// What it measures.
    pub measure: Measure,
    /// The tier of a breach rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
    /// The timeline breached, or measured.
    pub timeline: Timeline,
    /// The old ladder's value (a share to four decimals, or seconds); `None` when it
    /// has no such tier or never reached the figure.
    pub old: Option<f64>,
    /// The new ladder's value.
    pub new: Option<f64>,
    /// `new - old`, when both exist.
    pub difference: Option<f64>,
    /// The 95 % confidence interval of the difference, `[low, high]`.
    pub ci95: Option<[f64; 2]>,
    /// Better, worse, or no clear difference.
    pub verdict: Verdict,
}

/// Two studies compared figure by figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Runs of each study.
    pub runs: u32,
    /// The scenario seed both studies' run seeds derive from; it also seeds the
    /// bootstrap.
    pub seed: u64,
    /// Bootstrap resamples.
    pub resamples: u32,
    /// The figures: breach rates (tier by tier, the old ladder's order, then tiers only
    /// the new one has), then per timeline its p90 and median.
    pub differences: Vec<Difference>,
}

impl Comparison {
    /// Whether the new ladder is clearly worse on a breach rate or a p90 time: what
    /// `--fail-on-regression` fails on.
    pub fn regression(&self) -> bool {
        self.differences
            .iter()
            .any(|d| d.measure.gates() && d.verdict == Verdict::Worse)
    }
}

/// One ladder's joined outcomes, indexed for resampling.
struct Side<'a> {
    outcomes: &'a Outcomes,
    /// Runs with an incident.
    detected: Vec<u32>,
    /// Per timeline: `(milliseconds, run)` of the runs reaching it, ascending.
    sorted: [Vec<(u64, u32)>; 4],
}

impl<'a> Side<'a> {
    fn new(outcomes: &'a Outcomes) -> Self {
        let detected = (outcomes.detected().iter().enumerate())
            .filter(|(_, d)| **d)
            .map(|(i, _)| i as u32)
            .collect();
        let sorted = Timeline::ALL.map(|tl| {
            let mut v: Vec<(u64, u32)> = (outcomes.times(tl).iter().enumerate())
                .filter_map(|(i, t)| Some(((*t)?, i as u32)))
                .collect();
            v.sort_unstable();
            v
        });
        Side {
            outcomes,
            detected,
            sorted,
        }
    }

    /// A measure's value under `weights` (how often each run was drawn); `den` is the
    /// weight of the detected runs.
    fn value(&self, row: &Row, tier: usize, weights: &Weights, den: u64) -> Option<f64> {
        match row.measure {
            Measure::BreachRate => {
                let num = weights.sum(self.outcomes.breached(tier, row.timeline));
                Some(if den == 0 {
                    0.0
                } else {
                    num as f64 / den as f64
                })
            }
            Measure::P90 => quantile(&self.sorted[row.timeline as usize], weights, 0.9),
            Measure::Median => quantile(&self.sorted[row.timeline as usize], weights, 0.5),
        }
    }
}

/// How often each run is in a resample; `None` for the original sample (each once).
struct Weights(Option<Vec<u32>>);

impl Weights {
    fn of(&self, run: u32) -> u64 {
        self.0.as_ref().map_or(1, |w| u64::from(w[run as usize]))
    }

    fn sum(&self, runs: &[u32]) -> u64 {
        match &self.0 {
            None => runs.len() as u64,
            Some(w) => runs.iter().map(|&r| u64::from(w[r as usize])).sum(),
        }
    }
}

/// The nearest-rank `p` quantile, seconds, of the values drawn `weights` times each.
fn quantile(sorted: &[(u64, u32)], weights: &Weights, p: f64) -> Option<f64> {
    let total: u64 = sorted.iter().map(|&(_, r)| weights.of(r)).sum();
    if total == 0 {
        return None;
    }
    let rank = ((p * total as f64).ceil() as u64).clamp(1, total);
    let mut seen = 0;
    for &(ms, r) in sorted {
        seen += weights.of(r);
        if seen >= rank {
            return Some(ms as f64 / 1000.0);
        }
    }
    None
}

/// A row to compute: the measure, and the tier's index in each ladder (breach rates).
struct Row {
    measure: Measure,
    timeline: Timeline,
    tier: Option<String>,
    old: Option<usize>,
    new: Option<usize>,
}

/// The rows of two ladders: a breach rate for each timeline that either ladder's tier
/// sets a deadline for, then each timeline's p90 and median.
fn rows(old: &SimModel, new: &SimModel) -> Vec<Row> {
    let mut ids: Vec<&crate::TierId> = old.tiers.iter().map(|t| &t.id).collect();
    ids.extend(
        new.tiers
            .iter()
            .map(|t| &t.id)
            .filter(|id| !old.tiers.iter().any(|t| &t.id == *id)),
    );
    let mut out = Vec::new();
    for id in ids {
        let find = |m: &SimModel| m.tiers.iter().position(|t| &t.id == id);
        let (o, n) = (find(old), find(new));
        for tl in Timeline::ALL {
            let sets = |m: &SimModel, ix: Option<usize>| {
                ix.is_some_and(|i| m.tiers[i].deadlines[tl].is_some())
            };
            if sets(old, o) || sets(new, n) {
                out.push(Row {
                    measure: Measure::BreachRate,
                    timeline: tl,
                    tier: Some(id.to_string()),
                    old: o,
                    new: n,
                });
            }
        }
    }
    for tl in Timeline::ALL {
        for measure in [Measure::P90, Measure::Median] {
            out.push(Row {
                measure,
                timeline: tl,
                tier: None,
                old: Some(0),
                new: Some(0),
            });
        }
    }
    out
}

/// An index below `n` (> 0), uniform, from one or more 32-bit draws (Lemire's method):
/// the same on every platform, unlike a draw of a `usize`.
fn below(rng: &mut ChaCha8Rng, n: u32) -> u32 {
    let mut m = u64::from(rng.next_u32()) * u64::from(n);
    if (m as u32) < n {
        let threshold = n.wrapping_neg() % n;
        while (m as u32) < threshold {
            m = u64::from(rng.next_u32()) * u64::from(n);
        }
    }
    (m >> 32) as u32
}

/// Rounds a share to four decimals, as summaries do.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The nearest-rank `p` quantile of ascending `sorted`.
fn rank(sorted: &[f64], p: f64) -> f64 {
    let r = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[r - 1]
}

/// Compares the new ladder's study with the old one's, both of the same scenario with
/// the same run seeds, from their joined outcomes ([`Outcomes::join`]) of the runs
/// `0..runs`. Deterministic: the bootstrap's generator is ChaCha8 seeded with `seed`.
pub fn compare(
    old_model: &SimModel,
    old: &Outcomes,
    new_model: &SimModel,
    new: &Outcomes,
    seed: u64,
) -> Result<Comparison, OutcomesError> {
    let runs = old.runs().end;
    if old.runs() != (0..runs) || new.runs() != (0..runs) {
        return Err(OutcomesError::Coverage {
            runs,
            covered: format!("{:?} and {:?}", old.runs(), new.runs()),
        });
    }
    let rows = rows(old_model, new_model);
    let sides = [Side::new(old), Side::new(new)];
    let value = |side: usize, row: &Row, w: &Weights, den: u64| {
        let tier = if side == 0 { row.old } else { row.new };
        tier.and_then(|t| sides[side].value(row, t, w, den))
    };
    let dens = |w: &Weights| [w.sum(&sides[0].detected), w.sum(&sides[1].detected)];
    let original = Weights(None);
    let den = dens(&original);
    let points: Vec<[Option<f64>; 2]> = (rows.iter())
        .map(|r| {
            [
                value(0, r, &original, den[0]),
                value(1, r, &original, den[1]),
            ]
        })
        .collect();
    let mut diffs: Vec<Vec<f64>> = vec![Vec::new(); rows.len()];
    if runs > 0 {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut weights = Weights(Some(vec![0; runs as usize]));
        for _ in 0..RESAMPLES {
            let w = weights.0.as_mut().expect("a resample");
            w.fill(0);
            for _ in 0..runs {
                w[below(&mut rng, runs) as usize] += 1;
            }
            let den = dens(&weights);
            for (row, d) in rows.iter().zip(&mut diffs) {
                if let (Some(o), Some(n)) = (
                    value(0, row, &weights, den[0]),
                    value(1, row, &weights, den[1]),
                ) {
                    d.push(n - o);
                }
            }
        }
    }
    let differences = (rows.into_iter().zip(points).zip(diffs))
        .map(|((row, [o, n]), mut d)| {
            d.sort_unstable_by(f64::total_cmp);
            let difference = o.zip(n).map(|(o, n)| n - o);
            let ci =
                (difference.is_some() && !d.is_empty()).then(|| [rank(&d, 0.025), rank(&d, 0.975)]);
            let verdict = match ci {
                Some([low, _]) if low > 0.0 => Verdict::Worse,
                Some([_, high]) if high < 0.0 => Verdict::Better,
                _ => Verdict::NoClearDifference,
            };
            let shown = |x: f64| {
                if row.measure == Measure::BreachRate {
                    round4(x)
                } else {
                    x
                }
            };
            Difference {
                figure: match &row.tier {
                    Some(t) => format!("breach_rate.{t}.{}", row.timeline.as_str()),
                    None => format!(
                        "{}.{}",
                        row.timeline.figure_name(),
                        if row.measure == Measure::P90 {
                            "p90"
                        } else {
                            "median"
                        }
                    ),
                },
                measure: row.measure,
                tier: row.tier,
                timeline: row.timeline,
                old: o.map(shown),
                new: n.map(shown),
                difference: difference.map(shown),
                ci95: ci.map(|c| c.map(shown)),
                verdict,
            }
        })
        .collect();
    Ok(Comparison {
        runs,
        seed,
        resamples: RESAMPLES,
        differences,
    })
}
