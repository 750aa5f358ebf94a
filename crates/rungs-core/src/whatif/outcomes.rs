//! Per-run outcomes of a block of a study's runs: what paired statistics need and a
//! [`Tally`] forgets (which run reached what).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::sim::{Engine, PerTimeline, SimModel, Study, Tally, Timeline};

/// The outcomes of runs `first..first + len` of one ladder's study of a scenario, run
/// by run: whether an incident was detected, each figure's time, and which runs
/// breached each tier's deadlines.
///
/// Collected block by block ([`Outcomes::block`], or [`Outcomes::record`] after each
/// run of a [`Study::run_observed`]) and put together with [`Outcomes::join`], in any
/// order of the blocks: the statistics of a comparison are a pure function of the
/// joined outcomes, so they do not depend on how the runs were split. Serialisable, to
/// cross a thread or Web Worker boundary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    /// The index of the first run in the whole study.
    first: u32,
    /// Per run: whether an incident was detected.
    detected: Vec<bool>,
    /// Per timeline, per run: milliseconds from detection to the figure's moment;
    /// `None` where it never came (or nothing was detected).
    times: [Vec<Option<u64>>; 4],
    /// Per tier (the model's order, the most severe first), per timeline: the indexes
    /// (in the whole study) of the runs that breached it, ascending.
    breached: Vec<[Vec<u32>; 4]>,
}

/// Why blocks of outcomes cannot be joined.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutcomesError {
    /// A block was made for another ladder (another number of tiers) or is malformed.
    #[error("outcomes that do not fit the ladder: {0}")]
    Mismatch(&'static str),
    /// The blocks do not cover exactly the runs `0..runs`, each once.
    #[error("the blocks of outcomes cover runs [{covered}], not 0..{runs}")]
    Coverage {
        /// The runs of the study.
        runs: u32,
        /// The blocks given, as `a..b`.
        covered: String,
    },
}

impl Outcomes {
    /// No runs yet, for `model`, the first to come being run `first` of the study.
    pub fn new(model: &SimModel, first: u32) -> Self {
        Outcomes {
            first,
            detected: Vec::new(),
            times: Default::default(),
            breached: vec![Default::default(); model.tiers.len()],
        }
    }

    /// The runs `block` of the study of `model` with scenario seed `seed`, run once:
    /// their [`Tally`] (for the study's summary) and their outcomes.
    pub fn block(model: &SimModel, seed: u64, block: Range<u32>) -> (Tally, Outcomes) {
        let mut study = Study::block(model, seed, block.clone());
        let mut out = Outcomes::new(model, block.start);
        study.run_observed(u32::MAX, |index, engine| out.record(index, engine));
        (study.into_tally(), out)
    }

    /// Adds run `index`, just made by `engine`: it must be the run after the last one
    /// recorded (runs are recorded in order, from `first`).
    pub fn record(&mut self, index: u32, engine: &Engine<&SimModel>) {
        debug_assert_eq!(index, self.first + self.detected.len() as u32);
        let outcome = engine.outcome();
        self.detected.push(outcome.is_some());
        let times = outcome.unwrap_or_else(|| PerTimeline::from_fn(|_| None));
        for (tl, d) in times.iter() {
            self.times[tl as usize].push(d.map(|d| d.as_millis()));
        }
        for b in &engine.state().breaches {
            let runs = &mut self.breached[b.tier.index()][b.timeline as usize];
            // each (tier, timeline) breaches at most once per run
            if runs.last() != Some(&index) {
                runs.push(index);
            }
        }
    }

    /// The runs recorded, as indexes in the whole study.
    pub fn runs(&self) -> Range<u32> {
        self.first..self.first + self.detected.len() as u32
    }

    /// The outcomes of runs `0..runs` from blocks given in any order, checked against
    /// `model`: an error when a block was made for another ladder, or the blocks
    /// overlap or leave runs out.
    pub fn join(
        model: &SimModel,
        mut blocks: Vec<Outcomes>,
        runs: u32,
    ) -> Result<Outcomes, OutcomesError> {
        blocks.retain(|b| !b.detected.is_empty());
        blocks.sort_by_key(|b| b.first);
        let mut next = 0;
        for b in &blocks {
            b.check(model)?;
            if b.first != next {
                next = u32::MAX;
                break;
            }
            next = b.runs().end;
        }
        if next != runs {
            let covered: Vec<String> = blocks
                .iter()
                .map(|b| format!("{}..{}", b.runs().start, b.runs().end))
                .collect();
            return Err(OutcomesError::Coverage {
                runs,
                covered: covered.join(", "),
            });
        }
        let mut all = Outcomes::new(model, 0);
        for b in blocks {
            all.detected.extend(b.detected);
            for (mine, theirs) in all.times.iter_mut().zip(b.times) {
                mine.extend(theirs);
            }
            for (mine, theirs) in all.breached.iter_mut().zip(b.breached) {
                for (m, t) in mine.iter_mut().zip(theirs) {
                    m.extend(t);
                }
            }
        }
        Ok(all)
    }

    /// Checks that the block fits `model` and is consistent, so that statistics over it
    /// cannot index out of bounds.
    fn check(&self, model: &SimModel) -> Result<(), OutcomesError> {
        if self.breached.len() != model.tiers.len() {
            return Err(OutcomesError::Mismatch("another number of tiers"));
        }
        let n = self.detected.len();
        if self.times.iter().any(|t| t.len() != n) {
            return Err(OutcomesError::Mismatch(
                "figures for another number of runs",
            ));
        }
        if self.first.checked_add(n as u32).is_none() {
            return Err(OutcomesError::Mismatch("runs beyond the largest index"));
        }
        let runs = self.runs();
        let sorted_inside =
            |v: &Vec<u32>| v.windows(2).all(|w| w[0] < w[1]) && v.iter().all(|i| runs.contains(i));
        if !self.breached.iter().flatten().all(sorted_inside) {
            return Err(OutcomesError::Mismatch(
                "a breach of a run outside the block",
            ));
        }
        Ok(())
    }

    /// Per run: whether an incident was detected.
    pub(super) fn detected(&self) -> &[bool] {
        &self.detected
    }

    /// Per run: milliseconds to the figure measuring `tl`, `None` where never reached.
    pub(super) fn times(&self, tl: Timeline) -> &[Option<u64>] {
        &self.times[tl as usize]
    }

    /// The runs (indexes from the block's first) that breached `tl` in tier `tier`.
    pub(super) fn breached(&self, tier: usize, tl: Timeline) -> &[u32] {
        &self.breached[tier][tl as usize]
    }
}
