//! A study split into blocks of runs: [`blocks`] plans them, a [`Study::block`] runs
//! one, its [`Tally`] is the block's partial result, and tallies [`merge`](Tally::merge)
//! in any order into one that [`summarise`](Tally::summarise)s to the very summary of
//! the sequential study.
//!
//! [`Study::block`]: super::Study::block

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::index::{PerTimeline, TierIx, Timeline};
use super::model::SimModel;
use crate::Duration;

/// Splits runs `0..runs` into at most `jobs` contiguous blocks (`jobs` counts as at least
/// 1), in order, none empty, their lengths differing by at most one (the longer first).
/// No runs give no blocks.
///
/// ```
/// use rungs_core::sim::blocks;
/// assert_eq!(blocks(10, 3), vec![0..4, 4..7, 7..10]);
/// assert_eq!(blocks(2, 5), vec![0..1, 1..2]);
/// assert_eq!(blocks(7, 0), vec![0..7]);
/// assert!(blocks(0, 4).is_empty());
/// ```
pub fn blocks(runs: u32, jobs: u32) -> Vec<Range<u32>> {
    let jobs = jobs.clamp(1, runs.max(1));
    if runs == 0 {
        return Vec::new();
    }
    let (len, longer) = (runs / jobs, runs % jobs);
    let mut start = 0;
    (0..jobs)
        .map(|k| {
            let end = start + len + u32::from(k < longer);
            let block = start..end;
            start = end;
            block
        })
        .collect()
}

/// Why tallies cannot be read, merged or summarised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TallyError {
    /// The text is not a tally's JSON, or its values are out of range.
    Malformed(String),
    /// The tally was made for another ladder or scenario: a count per tier, person or
    /// step does not fit.
    Mismatch(&'static str),
    /// Two tallies count some runs both.
    Overlap {
        /// The first run counted twice.
        run: u32,
    },
    /// The tallies do not count exactly the runs `0..runs` of the study.
    Coverage {
        /// The runs of the study.
        runs: u32,
        /// The blocks of runs counted.
        covered: Vec<Range<u32>>,
    },
}

impl fmt::Display for TallyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TallyError::Malformed(why) => write!(f, "not a study tally: {why}"),
            TallyError::Mismatch(what) => {
                write!(f, "the tally does not fit the ladder and scenario: {what}")
            }
            TallyError::Overlap { run } => write!(f, "run {run} is counted by two tallies"),
            TallyError::Coverage { runs, covered } => {
                let blocks: Vec<String> = covered
                    .iter()
                    .map(|b| format!("{}..{}", b.start, b.end))
                    .collect();
                write!(
                    f,
                    "the tallies count runs [{}], not 0..{runs}",
                    blocks.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for TallyError {}

/// The partial result of a block of a study's runs: all that the summary needs, and
/// nothing that depends on the order of the runs, so tallies of any blocks merge in any
/// order into the tally of their union.
///
/// Get one from [`Study::into_tally`](super::Study::into_tally) (or
/// [`Tally::empty`]), combine with [`merge`](Tally::merge), end with
/// [`summarise`](Tally::summarise). It crosses a thread or Web Worker boundary as
/// compact JSON ([`to_json`](Tally::to_json), [`from_json`](Tally::from_json), or
/// serde): the values of each figure as one array of integers (milliseconds, ascending,
/// each written as its difference from the one before), so 100,000 runs of the
/// examples take about 1.1 MB; or as bytes, the same fields as varints, about 40 % of
/// that ([`to_bytes`](Tally::to_bytes), [`from_bytes`](Tally::from_bytes)), as the
/// browser's study workers send it. A tally read back is checked enough that merging or
/// summarising it never panics: what does not fit is a [`TallyError`].
///
/// ```
/// use rungs_core::{parse_ladder, examples, sim};
/// let ladder = parse_ladder(examples::EXAMPLES[0].json).unwrap();
/// let doc = ladder.scenarios[0].to_document();
/// let model = sim::SimModel::new(&ladder, &doc).unwrap();
/// let (seed, runs) = (42, 100);
/// // each block may run elsewhere (a thread, a Web Worker) and send its tally back
/// let texts: Vec<String> = sim::blocks(runs, 3)
///     .into_iter()
///     .map(|b| sim::Study::block(&model, seed, b).into_tally().to_json())
///     .collect();
/// let mut tally = sim::Tally::empty(&model);
/// for text in texts.iter().rev() {
///     tally.merge(sim::Tally::from_json(text).unwrap()).unwrap();
/// }
/// let summary = tally.summarise(&model, seed, runs).unwrap();
/// assert_eq!(summary, sim::Study::new(&model, seed, runs).finish());
/// // a tally of another ladder, or a block missing, is an error, not a panic
/// assert!(tally.summarise(&model, seed, runs + 1).is_err());
/// assert!(sim::Tally::from_json("{}").is_err());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// The runs counted: sorted, disjoint, non-empty, adjacent blocks joined.
    pub(super) covered: Vec<Range<u32>>,
    pub(super) incidents: u32,
    /// Per timeline: the figure's values, ascending.
    pub(super) values: PerTimeline<Vec<Duration>>,
    pub(super) met: PerTimeline<u64>,
    /// Per timeline and tier: runs whose figure was reached in that tier.
    pub(super) tier_at: PerTimeline<Vec<u64>>,
    pub(super) breaches: Vec<PerTimeline<u64>>,
    pub(super) exhausted: Vec<u64>,
    /// Per tier: incidents that were in it at some moment.
    pub(super) reached: Vec<u32>,
    pub(super) pages: Vec<u64>,
    pub(super) off_hours: Vec<u64>,
    /// Breaches of each tier after each step, sparse: `(tier, slot)`, slot 0 for "after
    /// no step", then `1 + (index of the step among all the ladder's steps)`.
    pub(super) precursors: BTreeMap<(TierIx, usize), u64>,
    /// Runs stopped by the event budget.
    pub(super) budget_exhausted: u32,
    /// The lowest-indexed run stopped by the event budget with a cause, and the cause.
    pub(super) budget_cause: Option<(u32, String)>,
}

/// The lengths that must agree for two tallies to merge.
type Shape = ([usize; 4], [usize; 5]);

impl Tally {
    /// The tally of no runs, for `model`: what merging starts from.
    pub fn empty(model: &SimModel) -> Self {
        let (tiers, people) = (model.tiers.len(), model.people.len());
        Tally {
            covered: Vec::new(),
            incidents: 0,
            values: PerTimeline::default(),
            met: PerTimeline::default(),
            tier_at: PerTimeline::from_fn(|_| vec![0; tiers]),
            breaches: vec![PerTimeline::default(); tiers],
            exhausted: vec![0; tiers],
            reached: vec![0; tiers],
            pages: vec![0; people],
            off_hours: vec![0; people],
            precursors: BTreeMap::new(),
            budget_exhausted: 0,
            budget_cause: None,
        }
    }

    /// The runs counted, in blocks (sorted, adjacent blocks joined).
    pub fn covered(&self) -> &[Range<u32>] {
        &self.covered
    }

    /// The number of runs counted.
    pub fn runs(&self) -> u32 {
        self.covered.iter().map(|b| b.end - b.start).sum()
    }

    /// Runs counted that were stopped by the [`EVENT_BUDGET`](super::EVENT_BUDGET).
    pub fn budget_exhausted_runs(&self) -> u32 {
        self.budget_exhausted
    }

    /// What kept the lowest-indexed run stopped by the event budget busy (as
    /// [`Engine::budget_cause`](super::Engine::budget_cause) says it), the same whatever
    /// the blocks and the order of merging; `None` while no run was.
    pub fn budget_cause(&self) -> Option<&str> {
        self.budget_cause.as_ref().map(|(_, c)| c.as_str())
    }

    fn shape(&self) -> Shape {
        let tl = |tl: Timeline| self.tier_at[tl].len();
        (
            Timeline::ALL.map(tl),
            [
                self.breaches.len(),
                self.exhausted.len(),
                self.reached.len(),
                self.pages.len(),
                self.off_hours.len(),
            ],
        )
    }

    /// Adds the runs of `other`, a tally of other runs of the same study. The result is
    /// the same in any order of merging. Errors (leaving `self` as it was) when the two
    /// count some run both or were made for different ladders or scenarios.
    pub fn merge(&mut self, mut other: Tally) -> Result<(), TallyError> {
        if self.shape() != other.shape() {
            return Err(TallyError::Mismatch(
                "the two tallies count different tiers or people",
            ));
        }
        let covered = union(&self.covered, &other.covered)?;
        self.covered = covered;
        self.incidents = self.incidents.saturating_add(other.incidents);
        for tl in Timeline::ALL {
            let (mine, theirs) = (std::mem::take(&mut self.values[tl]), &mut other.values[tl]);
            self.values[tl] = merge_sorted(mine, std::mem::take(theirs));
            self.met[tl] = self.met[tl].saturating_add(other.met[tl]);
            add(&mut self.tier_at[tl], &other.tier_at[tl]);
        }
        for (mine, theirs) in self.breaches.iter_mut().zip(&other.breaches) {
            for tl in Timeline::ALL {
                mine[tl] = mine[tl].saturating_add(theirs[tl]);
            }
        }
        add(&mut self.exhausted, &other.exhausted);
        for (mine, theirs) in self.reached.iter_mut().zip(&other.reached) {
            *mine = mine.saturating_add(*theirs);
        }
        add(&mut self.pages, &other.pages);
        add(&mut self.off_hours, &other.off_hours);
        for (key, n) in other.precursors {
            let mine = self.precursors.entry(key).or_insert(0);
            *mine = mine.saturating_add(n);
        }
        self.budget_exhausted = self.budget_exhausted.saturating_add(other.budget_exhausted);
        self.budget_cause = match (self.budget_cause.take(), other.budget_cause) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
            (a, b) => a.or(b),
        };
        Ok(())
    }

    /// Checks that the tally fits `model` and counts exactly the runs `0..runs`: then
    /// summarising it cannot fail.
    pub(super) fn check(&self, model: &SimModel, runs: u32) -> Result<(), TallyError> {
        let (tiers, people) = (model.tiers.len(), model.people.len());
        let shape = ([tiers; 4], [tiers, tiers, tiers, people, people]);
        if self.shape() != shape {
            return Err(TallyError::Mismatch("counts per tier or per person"));
        }
        let steps: usize = model.tiers.iter().map(|t| t.steps.len()).sum();
        if self
            .precursors
            .keys()
            .any(|&(t, slot)| t.index() >= tiers || slot > steps)
        {
            return Err(TallyError::Mismatch("a breach follows an unknown step"));
        }
        let whole = (runs > 0).then_some(0..runs);
        if self.covered.as_slice() != whole.as_slice() {
            return Err(TallyError::Coverage {
                runs,
                covered: self.covered.clone(),
            });
        }
        Ok(())
    }

    /// The tally as compact JSON text (see [`Tally`]).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a tally serialises")
    }

    /// A tally from [`to_json`](Tally::to_json)'s text.
    pub fn from_json(text: &str) -> Result<Tally, TallyError> {
        serde_json::from_str(text).map_err(|e| TallyError::Malformed(e.to_string()))
    }

    /// The tally in binary: the fields of its JSON form ([`to_json`](Tally::to_json))
    /// in order, integers as varints (postcard), so a value of a figure usually takes one
    /// byte. About 40 % of the JSON, and two to four times quicker to read: how a study's
    /// workers hand their tallies to the one that merges.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a tally serialises")
    }

    /// A tally from [`to_bytes`](Tally::to_bytes)'s bytes, checked as
    /// [`from_json`](Tally::from_json) checks text; bytes left over are an error too.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tally, TallyError> {
        match postcard::take_from_bytes::<Tally>(bytes) {
            Ok((tally, [])) => Ok(tally),
            Ok((_, rest)) => Err(TallyError::Malformed(format!(
                "{} bytes after the tally",
                rest.len()
            ))),
            Err(e) => Err(TallyError::Malformed(e.to_string())),
        }
    }
}

fn add(mine: &mut [u64], theirs: &[u64]) {
    for (m, t) in mine.iter_mut().zip(theirs) {
        *m = m.saturating_add(*t);
    }
}

/// The values of `a` and `b`, ascending; either is reused when the other is empty, so
/// merging into an empty tally copies nothing.
fn merge_sorted(a: Vec<Duration>, b: Vec<Duration>) -> Vec<Duration> {
    if b.is_empty() {
        return a;
    }
    if a.is_empty() {
        return b;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if b[j] < a[i] {
            out.push(b[j]);
            j += 1;
        } else {
            out.push(a[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The union of two lists of sorted, disjoint, non-empty blocks, adjacent blocks joined;
/// an error when they share a run.
fn union(a: &[Range<u32>], b: &[Range<u32>]) -> Result<Vec<Range<u32>>, TallyError> {
    let mut all: Vec<Range<u32>> = a.iter().chain(b).cloned().collect();
    all.sort_unstable_by_key(|r| r.start);
    let mut out: Vec<Range<u32>> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if r.start < last.end => return Err(TallyError::Overlap { run: r.start }),
            Some(last) if r.start == last.end => last.end = r.end,
            _ => out.push(r),
        }
    }
    Ok(out)
}

/// The JSON form of a [`Tally`]. `M` is the values' form: [`Deltas`] out, `Vec<u64>` in.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire<M> {
    /// Blocks of runs counted, `[start, end]`.
    runs: Vec<[u32; 2]>,
    incidents: u32,
    /// Per timeline: values in milliseconds, ascending, as differences.
    ms: [M; 4],
    met: [u64; 4],
    tier_at: [Vec<u64>; 4],
    breaches: Vec<[u64; 4]>,
    exhausted: Vec<u64>,
    reached: Vec<u32>,
    pages: Vec<u64>,
    off_hours: Vec<u64>,
    /// `[tier, slot, breaches]`.
    precursors: Vec<(usize, usize, u64)>,
    budget_exhausted: u32,
    /// `[run, cause]`.
    budget_cause: Option<(u32, String)>,
}

/// Ascending values written as differences from the one before (the first from 0).
struct Deltas<'a>(&'a [Duration]);

impl Serialize for Deltas<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut prev = 0;
        s.collect_seq(self.0.iter().map(|d| {
            let ms = d.as_millis();
            let delta = ms - prev;
            prev = ms;
            delta
        }))
    }
}

fn array<T, U>(per: &PerTimeline<T>, f: impl Fn(&T) -> U) -> [U; 4] {
    Timeline::ALL.map(|tl| f(&per[tl]))
}

fn per_timeline<T>(a: [T; 4]) -> PerTimeline<T> {
    let mut it = a.into_iter();
    PerTimeline::from_fn(|_| it.next().expect("four timelines"))
}

impl Serialize for Tally {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Wire {
            runs: self.covered.iter().map(|b| [b.start, b.end]).collect(),
            incidents: self.incidents,
            ms: Timeline::ALL.map(|tl| Deltas(&self.values[tl])),
            met: array(&self.met, |n| *n),
            tier_at: array(&self.tier_at, Clone::clone),
            breaches: self.breaches.iter().map(|b| array(b, |n| *n)).collect(),
            exhausted: self.exhausted.clone(),
            reached: self.reached.clone(),
            pages: self.pages.clone(),
            off_hours: self.off_hours.clone(),
            precursors: self
                .precursors
                .iter()
                .map(|(&(t, slot), &n)| (t.index(), slot, n))
                .collect(),
            budget_exhausted: self.budget_exhausted,
            budget_cause: self.budget_cause.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Tally {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = Wire::<Vec<u64>>::deserialize(d)?;
        Tally::try_from(w).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<Wire<Vec<u64>>> for Tally {
    type Error = String;

    fn try_from(w: Wire<Vec<u64>>) -> Result<Self, String> {
        if let Some([start, end]) = w.runs.iter().find(|[start, end]| start >= end) {
            return Err(format!("an empty block of runs, [{start}, {end}]"));
        }
        let blocks: Vec<Range<u32>> = w.runs.iter().map(|&[start, end]| start..end).collect();
        let covered = union(&blocks, &[]).map_err(|e| e.to_string())?;
        let values = w.ms.map(|deltas| {
            let mut at = 0u64;
            deltas
                .into_iter()
                .map(|d| {
                    at = at.checked_add(d)?;
                    Some(Duration::from_millis(at))
                })
                .collect::<Option<Vec<Duration>>>()
        });
        if values.iter().any(Option::is_none) {
            return Err("a value beyond the largest duration".into());
        }
        let mut precursors = BTreeMap::new();
        for (t, slot, n) in w.precursors {
            let count = precursors.entry((TierIx(t), slot)).or_insert(0u64);
            *count = count.saturating_add(n);
        }
        Ok(Tally {
            covered,
            incidents: w.incidents,
            values: per_timeline(values.map(Option::unwrap_or_default)),
            met: per_timeline(w.met),
            tier_at: per_timeline(w.tier_at),
            breaches: w.breaches.into_iter().map(per_timeline).collect(),
            exhausted: w.exhausted,
            reached: w.reached,
            pages: w.pages,
            off_hours: w.off_hours,
            precursors,
            budget_exhausted: w.budget_exhausted,
            budget_cause: w.budget_cause,
        })
    }
}
