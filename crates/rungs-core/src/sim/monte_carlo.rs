//! Many runs of one scenario (Monte Carlo) and their summary.

use std::collections::BTreeMap;
use std::ops::Range;

use super::engine::Engine;
use super::index::{PerTimeline, TierIx, Timeline};
use super::model::{SimModel, SimTarget, SimTier};
use super::tally::{Tally, TallyError};
use crate::Duration;

/// The seed of run `i` of a study with scenario seed `seed`: `seed + i` (wrapping).
/// Run 0 is therefore the single run with the scenario's own seed.
pub fn run_seed(seed: u64, i: u64) -> u64 {
    seed.wrapping_add(i)
}

/// Statistics of one figure over the runs in which it was reached.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
    /// Its distribution, with the target to mark.
    pub histogram: Histogram,
}

/// Number of bins of every [`Histogram`].
pub const HISTOGRAM_BINS: usize = 20;

/// The distribution of one figure over the runs in which it was reached.
///
/// The range runs from 0 to `HISTOGRAM_BINS * bin_width`, where `bin_width` is the
/// smallest whole number of seconds that makes the range exceed both the figure's p99
/// and the target: `bin_width = floor(max(p99, target) / 20) + 1` in whole seconds (1 s
/// when neither exists). Bin `i` counts values in `[i * bin_width, (i + 1) * bin_width)`;
/// values beyond the range (above the p99) are counted in `over`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Histogram {
    /// Width of every bin, seconds (a whole number).
    pub bin_width: f64,
    /// Runs per bin, `HISTOGRAM_BINS` of them.
    pub counts: Vec<u32>,
    /// Runs beyond the last bin.
    pub over: u32,
    /// The target to mark, seconds: that of `target_tier`; `None` when it sets none.
    pub target: Option<f64>,
    /// The tier most often in force at the figure's moment (ties: the more severe);
    /// `None` when the figure was never reached.
    pub target_tier: Option<String>,
}

/// The escalation step that most often was the last to page before a tier's breaches.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Precursor {
    /// The step's tier; `None` (with `step`) when no step had paged anyone yet.
    pub tier: Option<String>,
    /// The step's number, from 1 as in the ladder's text.
    pub step: Option<u32>,
    /// The step's targets, as `person ana`, `rotation primary`, `role comms`.
    pub targets: Vec<String>,
    /// Breaches of the tier it preceded.
    pub breaches: u32,
    /// Share of the tier's breaches (all timelines) it preceded, four decimals.
    pub share: f64,
}

/// The summary of a study, as `rungs simulate --runs N --format json` prints it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
    /// Per tier with breaches: the escalation step paged last before most of them.
    pub breach_precursor: BTreeMap<String, Precursor>,
    /// Per tier: detected incidents that were in it at some moment (tiers never
    /// reached are left out), the denominator a reader needs beside `breach_rate`.
    #[serde(default)]
    pub tier_reached: BTreeMap<String, u32>,
    /// Per tier and timeline: the breaches behind `breach_rate`.
    #[serde(default)]
    pub breach_count: BTreeMap<String, BTreeMap<String, u32>>,
    /// Runs stopped by the per-run [`EVENT_BUDGET`](super::EVENT_BUDGET) (their
    /// figures are counted like those of any other run).
    #[serde(default)]
    pub budget_exhausted_runs: u32,
}

impl Summary {
    /// Breaches of every tier and timeline per detected incident, to four decimals (0
    /// without incidents): the sensitivity study's headline and the drill log's figure.
    pub fn breaches_per_incident(&self) -> f64 {
        let breaches: u64 = (self.breach_count.values())
            .flat_map(|m| m.values())
            .map(|&n| u64::from(n))
            .sum();
        rate(breaches, self.incidents)
    }
}

/// Rounds a rate to four decimals, so summaries read well and compare exactly.
fn rate(count: u64, of: u32) -> f64 {
    if of == 0 {
        0.0
    } else {
        (count as f64 / of as f64 * 10_000.0).round() / 10_000.0
    }
}

/// The index in a sorted list of `len` values of its nearest-rank `p` percentile;
/// `None` for an empty list.
fn nearest_rank_index(len: usize, p: f64) -> Option<usize> {
    (len > 0).then(|| ((p * len as f64).ceil() as usize).clamp(1, len) - 1)
}

/// The percentiles of every figure: median, 90th and 99th.
const PERCENTILES: [f64; 3] = [0.5, 0.9, 0.99];

/// A figure's [`PERCENTILES`] (nearest rank); `None` when it was never reached.
type Ranks = [Option<Duration>; 3];

/// The [`PERCENTILES`] of sorted values.
fn ranks_of_sorted(sorted: &[Duration]) -> Ranks {
    PERCENTILES.map(|p| nearest_rank_index(sorted.len(), p).map(|k| sorted[k]))
}

/// The [`PERCENTILES`] of `values` in any order, the same as [`ranks_of_sorted`] gives
/// once they are sorted: each is the `k`-th smallest value, picked by selection
/// (`select_nth_unstable`, which reorders `values`) instead of a full sort. The 99th is
/// picked first; the smaller ranks then lie among the values before it.
fn ranks_of(values: &mut [Duration]) -> Ranks {
    let mut ranks = [None; 3];
    let mut rest = values.len();
    for i in (0..PERCENTILES.len()).rev() {
        let Some(k) = nearest_rank_index(values.len(), PERCENTILES[i]) else {
            break;
        };
        // k <= rest: the values before `rest` are the `rest` smallest
        let v = if k < rest {
            *values[..rest].select_nth_unstable(k).1
        } else {
            values[k]
        };
        ranks[i] = Some(v);
        rest = k;
    }
    ranks
}

/// Runs `runs` incidents with seeds derived from `seed` and summarises them. `progress`
/// is called after each run with the number done (for progress bars; it may be a no-op).
pub fn monte_carlo(
    model: &SimModel,
    seed: u64,
    runs: u32,
    mut progress: impl FnMut(u32),
) -> Summary {
    let mut study = Study::new(model, seed, runs);
    while !study.is_finished() {
        progress(study.run(1));
    }
    study.finish()
}

/// A study that can be run a few incidents at a time (so a browser can show progress
/// and stay responsive); the summary is the same however it is cut up.
///
/// A study may also be one block `a..b` of a larger one ([`Study::block`], its runs
/// those of the larger study with the same indexes and seeds): its
/// [`into_tally`](Study::into_tally) merges with the other blocks' into the larger
/// study's summary, byte for byte (see [`Tally`]).
///
/// ```
/// use rungs_core::{parse_ladder, examples, sim};
/// let ladder = parse_ladder(examples::EXAMPLES[0].json).unwrap();
/// let doc = ladder.scenarios[0].to_document();
/// let model = sim::SimModel::new(&ladder, &doc).unwrap();
/// let mut study = sim::Study::new(&model, 42, 100);
/// assert_eq!(study.run(30), 30);
/// assert_eq!(study.run(500), 100); // never more than `runs`
/// assert!(study.is_finished());
/// assert_eq!(study.finish(), sim::monte_carlo(&model, 42, 100, |_| {}));
/// // runs 60..100 alone, in slices, as a part of the same study
/// let mut block = sim::Study::block(&model, 42, 60..100);
/// assert_eq!((block.runs(), block.run(25), block.run(25)), (40, 25, 40));
/// assert_eq!(block.into_tally().covered(), &[60..100]);
/// ```
pub struct Study<'m> {
    model: &'m SimModel,
    engine: Engine<&'m SimModel>,
    seed: u64,
    /// The index of the block's first run in the whole study.
    first: u32,
    runs: u32,
    done: u32,
    /// Index of each tier's step 0 among all steps, for the precursors' slots.
    step_base: Vec<usize>,
    /// The runs made so far (`covered` is filled in by `into_tally`).
    tally: Tally,
}

/// Index of each tier's step 0 among all the ladder's steps.
fn step_base(model: &SimModel) -> Vec<usize> {
    let mut total = 0;
    model
        .tiers
        .iter()
        .map(|t| {
            let base = total;
            total += t.steps.len();
            base
        })
        .collect()
}

impl<'m> Study<'m> {
    /// A study of `runs` incidents, run `i` with seed [`run_seed`]`(seed, i)`.
    pub fn new(model: &'m SimModel, seed: u64, runs: u32) -> Self {
        Study::block(model, seed, 0..runs)
    }

    /// The runs `block` (run `i` with seed [`run_seed`]`(seed, i)`) of a study: a part
    /// of it to run apart, then [`merge`](Tally::merge) its [`into_tally`](Study::into_tally)
    /// with the other parts'. [`done`](Study::done), [`runs`](Study::runs) and
    /// [`run`](Study::run) count the block's runs only. An empty or reversed range
    /// makes no runs.
    pub fn block(model: &'m SimModel, seed: u64, block: Range<u32>) -> Self {
        Study {
            model,
            engine: Engine::new(model, run_seed(seed, u64::from(block.start)), false),
            seed,
            first: block.start,
            runs: block.end.saturating_sub(block.start),
            done: 0,
            step_base: step_base(model),
            tally: Tally::empty(model),
        }
    }

    /// Runs made so far.
    pub fn done(&self) -> u32 {
        self.done
    }

    /// Runs the study will make.
    pub fn runs(&self) -> u32 {
        self.runs
    }

    /// The indexes of the study's runs in the whole study: `0..runs` unless it is a
    /// [`block`](Study::block).
    pub fn range(&self) -> Range<u32> {
        self.first..self.first + self.runs
    }

    /// Runs made so far that were stopped by the [`EVENT_BUDGET`](super::EVENT_BUDGET).
    pub fn budget_exhausted_runs(&self) -> u32 {
        self.tally.budget_exhausted
    }

    /// What kept the first run stopped by the event budget busy, as
    /// [`Engine::budget_cause`] says it; `None` while no run was.
    pub fn budget_cause(&self) -> Option<&str> {
        self.tally.budget_cause()
    }

    /// Whether every run is made.
    pub fn is_finished(&self) -> bool {
        self.done >= self.runs
    }

    /// Makes up to `n` more runs; returns the number made so far.
    pub fn run(&mut self, n: u32) -> u32 {
        self.run_observed(n, |_, _| {})
    }

    /// [`run`](Study::run), showing `each` every run just made (its index in the whole
    /// study and the engine at its end) after it is counted: how a comparison keeps
    /// per-run outcomes beside the tally without running anything twice.
    pub fn run_observed(
        &mut self,
        n: u32,
        mut each: impl FnMut(u32, &Engine<&'m SimModel>),
    ) -> u32 {
        let until = self.done.saturating_add(n).min(self.runs);
        while self.done < until {
            let index = self.first + self.done;
            if self.done > 0 {
                self.engine.reset(run_seed(self.seed, u64::from(index)));
            }
            self.engine.run();
            self.done += 1;
            self.record(index);
            each(index, &self.engine);
        }
        self.done
    }

    /// Adds the run just made, run `index` of the whole study, to the tally.
    fn record(&mut self, index: u32) {
        let model = self.model;
        let engine = &self.engine;
        let tally = &mut self.tally;
        if engine.budget_exhausted() {
            tally.budget_exhausted += 1;
            if tally.budget_cause.is_none() {
                tally.budget_cause = engine.budget_cause().map(|c| (index, c));
            }
        }
        let Some(times) = engine.outcome() else {
            return;
        };
        tally.incidents += 1;
        let run = engine.state();
        for (tl, d) in times.iter() {
            let Some(d) = *d else { continue };
            tally.values[tl].push(d);
            let tier = run.tier_at[tl];
            if let Some(t) = tier {
                tally.tier_at[tl][t] += 1;
            }
            let target = tier.and_then(|t| model.tiers[t].deadlines[tl]);
            if target.is_none_or(|target| d <= target) {
                tally.met[tl] += 1;
            }
        }
        for b in &run.breaches {
            tally.breaches[b.tier][b.timeline] += 1;
            let slot = b.after_step.map_or(0, |(bt, s)| 1 + self.step_base[bt] + s);
            *tally.precursors.entry((b.tier, slot)).or_insert(0) += 1;
        }
        for &t in &run.entered {
            tally.reached[t.index()] += 1;
        }
        for &t in &run.exhausted {
            tally.exhausted[t] += 1;
        }
        for (p, person) in run.people.iter().enumerate() {
            tally.pages[p] += u64::from(person.tally.pages);
            tally.off_hours[p] += u64::from(person.tally.off_hours);
        }
    }

    /// Makes the remaining runs and gives their [`Tally`], to merge with those of the
    /// study's other blocks.
    pub fn into_tally(self) -> Tally {
        let mut tally = self.close();
        for tl in Timeline::ALL {
            tally.values[tl].sort_unstable();
        }
        tally
    }

    /// Makes the remaining runs and gives their tally, its values in the order of the
    /// runs.
    fn close(mut self) -> Tally {
        self.run(u32::MAX);
        let mut tally = self.tally;
        tally
            .covered
            .extend((self.done > 0).then_some(self.first..self.first + self.done));
        tally
    }

    /// Makes the remaining runs and summarises the study: the summary of its tally
    /// (for a [`block`](Study::block), of the block's runs alone). The percentiles are
    /// picked from the unsorted values ([`ranks_of`]); nothing else in the summary
    /// depends on their order.
    pub fn finish(self) -> Summary {
        let (model, seed) = (self.model, self.seed);
        let mut tally = self.close();
        let ranks = PerTimeline::from_fn(|tl| ranks_of(&mut tally.values[tl]));
        summary(&tally, &ranks, model, seed)
    }
}

impl Tally {
    /// The summary of a study of `runs` runs with scenario seed `seed` on `model`, from
    /// the merged tally of all its blocks: byte for byte the summary of the sequential
    /// [`Study::finish`], however the runs were split. An error when the tally does not
    /// fit `model` or does not count exactly the runs `0..runs`.
    pub fn summarise(&self, model: &SimModel, seed: u64, runs: u32) -> Result<Summary, TallyError> {
        self.check(model, runs)?;
        let ranks = PerTimeline::from_fn(|tl| ranks_of_sorted(&self.values[tl]));
        Ok(summary(self, &ranks, model, seed))
    }
}

/// The summary of the runs `tally` counts; `tally` fits `model` (it was made on it or
/// has passed [`Tally::check`]). `ranks` are the percentiles of its values, which may be
/// in any order.
fn summary(tally: &Tally, ranks: &PerTimeline<Ranks>, model: &SimModel, seed: u64) -> Summary {
    let incidents = tally.incidents;
    let mut figures = BTreeMap::new();
    for tl in Timeline::ALL {
        let v = &tally.values[tl];
        // the tier most often in force (max_by_key keeps the last maximum: reverse)
        let target_tier = TierIx::all(model.tiers.len())
            .rev()
            .filter(|&t| tally.tier_at[tl][t] > 0)
            .max_by_key(|&t| tally.tier_at[tl][t]);
        let target = target_tier.and_then(|t| model.tiers[t].deadlines[tl]);
        let [median, p90, p99] = ranks[tl];
        let tier = target_tier.map(|t| &model.tiers[t]);
        figures.insert(
            tl.figure_name().to_string(),
            FigureStats {
                median: median.map(Duration::as_secs_f64),
                p90: p90.map(Duration::as_secs_f64),
                p99: p99.map(Duration::as_secs_f64),
                reached: v.len() as u32,
                met_target: (incidents > 0).then(|| rate(tally.met[tl], incidents)),
                histogram: histogram(v, p99, target, tier),
            },
        );
    }
    let mut breach_rate = BTreeMap::new();
    let mut exhausted_rate = BTreeMap::new();
    let mut breach_precursor = BTreeMap::new();
    let mut tier_reached = BTreeMap::new();
    let mut breach_count = BTreeMap::new();
    let step_base = step_base(model);
    for (t, tier) in TierIx::all(model.tiers.len()).zip(&model.tiers) {
        if tally.reached[t.index()] > 0 {
            tier_reached.insert(tier.id.to_string(), tally.reached[t.index()]);
        }
        let counts: BTreeMap<String, u32> = tally.breaches[t]
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(tl, n)| (tl.as_str().to_string(), *n as u32))
            .collect();
        if !counts.is_empty() {
            breach_count.insert(tier.id.to_string(), counts);
        }
        let per: BTreeMap<String, f64> = tally.breaches[t]
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(tl, n)| (tl.as_str().to_string(), rate(*n, incidents)))
            .collect();
        if !per.is_empty() {
            breach_rate.insert(tier.id.to_string(), per);
        }
        if tally.exhausted[t] > 0 {
            exhausted_rate.insert(tier.id.to_string(), rate(tally.exhausted[t], incidents));
        }
        if let Some(p) = precursor(tally, model, &step_base, t) {
            breach_precursor.insert(tier.id.to_string(), p);
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
        runs: tally.runs(),
        seed,
        incidents,
        figures,
        breach_rate,
        exhausted_rate,
        pages_per_person: per_person(&tally.pages),
        off_hours_pages_per_person: per_person(&tally.off_hours),
        breach_precursor,
        tier_reached,
        breach_count,
        budget_exhausted_runs: tally.budget_exhausted,
    }
}

/// The step most often paged last before tier `t`'s breaches (ties: the first in
/// the ladder's order, "no step" first of all); `None` without breaches.
fn precursor(tally: &Tally, m: &SimModel, step_base: &[usize], t: TierIx) -> Option<Precursor> {
    let counts = tally.precursors.range((t, 0)..=(t, usize::MAX));
    let (mut total, mut best) = (0u64, None::<(usize, u64)>);
    for (&(_, slot), &n) in counts {
        total = total.saturating_add(n);
        // slots come in ladder order, so a tie keeps the first
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((slot, n));
        }
    }
    let (slot, n) = best?;
    let (tier, step) = if slot == 0 {
        (None, None)
    } else {
        let flat = slot - 1;
        let tier = TierIx(step_base.partition_point(|&b| b <= flat) - 1);
        (Some(tier), Some(flat - step_base[tier.index()]))
    };
    let targets = match (tier, step) {
        (Some(t), Some(s)) => m.tiers[t].steps[s]
            .targets
            .iter()
            .map(|target| match *target {
                SimTarget::Person(p) => format!("person {}", m.people[p].id),
                SimTarget::Rotation(r) => format!("rotation {}", m.rotations[r].id),
                SimTarget::Schedule(s) => format!("schedule {}", m.schedules[s].id),
                SimTarget::Role(r) => format!("role {}", m.role_ids[r]),
            })
            .collect(),
        _ => Vec::new(),
    };
    Some(Precursor {
        tier: tier.map(|t| m.tiers[t].id.to_string()),
        step: step.map(|s| s as u32 + 1),
        targets,
        breaches: n as u32,
        share: rate(n, total as u32),
    })
}

/// Round bin widths, seconds, smallest first; beyond them, whole weeks.
const ROUND_WIDTHS: [u64; 31] = [
    1, 2, 5, 10, 15, 20, 30, 45, // seconds
    60, 90, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700, // minutes
    3600, 5400, 7200, 10_800, 14_400, 21_600, 28_800, 43_200, // hours
    86_400, 172_800, 259_200, 604_800, // days
];

/// The smallest round bin width, milliseconds, whose `HISTOGRAM_BINS` bins reach past
/// `top` milliseconds.
fn round_bin_width(top: u64) -> u64 {
    const WEEK: u64 = 604_800;
    let bins = HISTOGRAM_BINS as u64;
    let width = ROUND_WIDTHS
        .into_iter()
        .find(|w| w * 1000 * bins > top)
        .unwrap_or_else(|| (top / (WEEK * 1000 * bins) + 1) * WEEK);
    width * 1000
}

/// The histogram of `values` (in any order: it counts them) whose 99th percentile is
/// `p99`.
fn histogram(
    values: &[Duration],
    p99: Option<Duration>,
    target: Option<Duration>,
    tier: Option<&SimTier>,
) -> Histogram {
    let top = p99
        .unwrap_or_default()
        .max(target.unwrap_or_default())
        .as_millis();
    let width = round_bin_width(top);
    let mut counts = vec![0u32; HISTOGRAM_BINS];
    let mut over = 0;
    for &v in values {
        match counts.get_mut((v.as_millis() / width) as usize) {
            Some(c) => *c += 1,
            None => over += 1,
        }
    }
    Histogram {
        bin_width: (width / 1000) as f64,
        counts,
        over,
        target: target.map(Duration::as_secs_f64),
        target_tier: tier.map(|t| t.id.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Percentiles picked by selection are those read from the sorted values, for every
    /// length up to 300 and for values with many ties.
    #[test]
    fn selected_ranks_are_the_sorted_ones() {
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..300 {
            for spread in [3, 1_000, u64::MAX >> 20] {
                let mut values: Vec<Duration> = (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        Duration::from_millis(x % spread)
                    })
                    .collect();
                let mut sorted = values.clone();
                sorted.sort_unstable();
                assert_eq!(ranks_of(&mut values), ranks_of_sorted(&sorted), "{len}");
            }
        }
    }
}
