//! Many runs of one scenario (Monte Carlo) and their summary.

use std::collections::BTreeMap;

use super::engine::Engine;
use super::model::{SimModel, Timeline};

/// The seed of run `i` of a study with scenario seed `seed`: `seed + i` (wrapping).
/// Run 0 is therefore the single run with the scenario's own seed.
pub fn run_seed(seed: u64, i: u64) -> u64 {
    seed.wrapping_add(i)
}

/// Statistics of one figure over the runs in which it was reached.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FigureStats {
    /// Median, seconds (nearest rank).
    pub median: Option<f64>,
    /// 90th percentile, seconds (nearest rank).
    pub p90: Option<f64>,
    /// 99th percentile, seconds (nearest rank).
    pub p99: Option<f64>,
    /// Runs in which it was reached.
    pub reached: u32,
    /// Share of detected incidents reaching it within the target of the tier in force at
    /// that moment (an incident whose tier sets no target counts as meeting it).
    pub met_target: Option<f64>,
}

/// The summary of a study, as `rungs simulate --runs N --format json` prints it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Summary {
    /// Runs made.
    pub runs: u32,
    /// The scenario seed the run seeds derive from.
    pub seed: u64,
    /// Runs in which an incident was detected.
    pub incidents: u32,
    /// Per figure.
    pub figures: BTreeMap<String, FigureStats>,
    /// Per tier and timeline: breaches per detected incident.
    pub breach_rate: BTreeMap<String, BTreeMap<String, f64>>,
    /// Per tier: exhausted policies per detected incident.
    pub exhausted_rate: BTreeMap<String, f64>,
    /// Per person: pages per detected incident.
    pub pages_per_person: BTreeMap<String, f64>,
    /// Per person: pages landing 22:00-07:00 in their zone, per detected incident.
    pub off_hours_pages_per_person: BTreeMap<String, f64>,
}

/// Rounds a rate to four decimals, so summaries read well and compare exactly.
fn rate(count: u64, of: u32) -> f64 {
    if of == 0 {
        0.0
    } else {
        (count as f64 / of as f64 * 10_000.0).round() / 10_000.0
    }
}

fn nearest_rank(sorted: &[u64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1] as f64 / 1000.0)
}

/// Runs `runs` incidents with seeds derived from `seed` and summarises them. `progress`
/// is called after each run with the number done (for progress bars; it may be a no-op).
pub fn monte_carlo(
    model: &SimModel,
    seed: u64,
    runs: u32,
    mut progress: impl FnMut(u32),
) -> Summary {
    let n_people = model.people.len();
    let n_tiers = model.tiers.len();
    let mut values: [Vec<u64>; 4] = Default::default();
    let mut met = [0u64; 4];
    let mut breaches = vec![[0u64; 4]; n_tiers];
    let mut exhausted = vec![0u64; n_tiers];
    let mut pages = vec![0u64; n_people];
    let mut off_hours = vec![0u64; n_people];
    let mut incidents = 0u32;
    let mut engine = Engine::new(model, run_seed(seed, 0), false);
    for i in 0..runs {
        if i > 0 {
            engine.reset(run_seed(seed, u64::from(i)));
        }
        engine.run();
        progress(i + 1);
        let Some(times) = engine.outcome() else {
            continue;
        };
        incidents += 1;
        for tl in Timeline::ALL {
            let k = tl as usize;
            if let Some(ms) = times[k] {
                values[k].push(ms);
                let target = engine.tier_at[k].and_then(|t| model.tiers[t].deadlines[k]);
                if target.is_none_or(|d| ms <= d) {
                    met[k] += 1;
                }
            }
        }
        for &(t, tl, _) in &engine.breaches {
            breaches[t][tl as usize] += 1;
        }
        for &t in &engine.exhausted {
            exhausted[t] += 1;
        }
        for (p, tally) in engine.tally.iter().enumerate() {
            pages[p] += u64::from(tally.pages);
            off_hours[p] += u64::from(tally.off_hours);
        }
    }
    let names = [
        "time_to_acknowledge",
        "time_to_contain",
        "time_to_resolve",
        "time_to_first_update",
    ];
    let mut figures = BTreeMap::new();
    for tl in Timeline::ALL {
        let k = tl as usize;
        values[k].sort_unstable();
        let v = &values[k];
        figures.insert(
            names[k].to_string(),
            FigureStats {
                median: nearest_rank(v, 0.5),
                p90: nearest_rank(v, 0.9),
                p99: nearest_rank(v, 0.99),
                reached: v.len() as u32,
                met_target: (incidents > 0).then(|| rate(met[k], incidents)),
            },
        );
    }
    let mut breach_rate = BTreeMap::new();
    let mut exhausted_rate = BTreeMap::new();
    for (t, tier) in model.tiers.iter().enumerate() {
        let per: BTreeMap<String, f64> = Timeline::ALL
            .iter()
            .filter(|tl| breaches[t][**tl as usize] > 0)
            .map(|tl| {
                (
                    tl.as_str().to_string(),
                    rate(breaches[t][*tl as usize], incidents),
                )
            })
            .collect();
        if !per.is_empty() {
            breach_rate.insert(tier.id.to_string(), per);
        }
        if exhausted[t] > 0 {
            exhausted_rate.insert(tier.id.to_string(), rate(exhausted[t], incidents));
        }
    }
    let per_person = |counts: &[u64]| -> BTreeMap<String, f64> {
        model
            .people
            .iter()
            .enumerate()
            .filter(|(p, _)| counts[*p] > 0)
            .map(|(p, person)| (person.id.to_string(), rate(counts[p], incidents)))
            .collect()
    };
    Summary {
        runs,
        seed,
        incidents,
        figures,
        breach_rate,
        exhausted_rate,
        pages_per_person: per_person(&pages),
        off_hours_pages_per_person: per_person(&off_hours),
    }
}
