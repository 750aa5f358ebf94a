//! Dealing a study's runs to workers as they come free, so that they finish together:
//! what the browser's study workers are told to do next (`Dealer`), and the blocks it
//! hands out (`handout`). The dealer decides only who runs which runs and who merges;
//! the tallies themselves merge the same in any order (see [`Tally`](super::Tally)), so
//! the summary is byte for byte the one of a single run of the study.

use std::collections::VecDeque;
use std::ops::Range;

/// The fewest runs a dealt block has (unless fewer are left): a few milliseconds of a
/// worker's time, well over the round trip of the messages that deal it.
pub const LEAST_BLOCK: u32 = 1_000;

/// The blocks of a study of `runs` runs dealt to `workers` workers, in the order they
/// are handed out: each takes a share of the runs not yet handed out (half of them split
/// evenly across the workers), never fewer than a sixteenth of an even share nor than
/// [`LEAST_BLOCK`] (the last takes what is left), so the blocks shrink towards the end and the workers finish within a
/// small block of each other, while a study is cut into no more than about fourteen
/// blocks per worker. The blocks cover `0..runs` once, in order; a study too small to
/// share is one block.
///
/// ```
/// use rungs_core::sim::handout;
/// assert_eq!(handout(10_000, 1), vec![0..5_000, 5_000..7_500, 7_500..8_750, 8_750..10_000]);
/// let blocks = handout(100_000, 2);
/// assert_eq!((blocks[0].clone(), blocks[1].clone()), (0..25_000, 25_000..43_750));
/// assert_eq!(blocks.last().unwrap().end, 100_000);
/// assert!(blocks.len() <= 2 * 14);
/// assert_eq!(handout(800, 4), vec![0..800]);
/// assert!(handout(0, 4).is_empty());
/// ```
pub fn handout(runs: u32, workers: u32) -> Vec<Range<u32>> {
    let workers = workers.clamp(1, runs.max(1));
    let least = (runs / workers / 16).max(LEAST_BLOCK);
    let mut blocks = Vec::new();
    let mut start = 0;
    while start < runs {
        let left = runs - start;
        let mut len = left.div_ceil(2 * workers).max(least).min(left);
        if left - len < least {
            // what would be left is too small to deal on its own
            len = left;
        }
        blocks.push(start..start + len);
        start += len;
    }
    blocks
}

/// What a worker is to do next, as the [`Dealer`] decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deal {
    /// Run these runs of the study and add them to the tally it keeps.
    Run(Range<u32>),
    /// No runs are left: send the tally it keeps, for the worker that merges.
    Hand,
    /// Merge the tallies handed in by these workers (in the order given) with the one
    /// it keeps, and summarise the study.
    Merge(Vec<usize>),
    /// Nothing for now.
    Wait,
}

/// Where one worker is in a study.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Phase {
    /// Running a block: its length, and the runs of it made so far.
    Running { len: u32, done: u32 },
    /// Asked for its tally, not yet in.
    Handing,
    /// Its tally is in.
    Handed,
    /// It finished last and merges once the others' tallies are in.
    Merging,
}

/// Deals a study's runs ([`handout`]) to workers one block at a time, as each finishes
/// the last, then has every worker but the last to finish hand in its tally and the last
/// merge them with its own (so the biggest tally is never sent). It also counts the runs
/// made across the workers, for a progress bar.
///
/// ```
/// use rungs_core::sim::{Deal, Dealer};
/// let (mut dealer, first) = Dealer::new(10_000, 2);
/// assert_eq!(first, vec![0..2_500, 2_500..4_375]);
/// assert_eq!(dealer.progress(0, 1_000), 1_000);
/// assert_eq!(dealer.ran(0), Deal::Run(4_375..5_782)); // worker 0 is free first
/// assert_eq!(dealer.made(), 2_500);
/// # let mut last = Deal::Wait;
/// # while let Deal::Run(_) = { last = dealer.ran(1); last.clone() } {}
/// # assert_eq!(last, Deal::Hand);
/// # assert_eq!(dealer.handed(1), Deal::Wait);
/// # while let Deal::Run(_) = { last = dealer.ran(0); last.clone() } {}
/// # assert_eq!(last, Deal::Merge(vec![1]));
/// # assert_eq!(dealer.made(), 10_000);
/// ```
#[derive(Debug, Clone)]
pub struct Dealer {
    left: VecDeque<Range<u32>>,
    workers: Vec<Phase>,
    /// Runs of finished blocks, across the workers.
    finished: u32,
    /// The workers whose tallies are in, in the order they came.
    handed_in: Vec<usize>,
}

impl Dealer {
    /// A dealer for a study of `runs` runs across up to `workers` workers, and the first
    /// block of each: as many workers take part as there are blocks in this list (fewer
    /// than `workers` when the study has too few runs to give each a block of
    /// [`LEAST_BLOCK`] runs).
    pub fn new(runs: u32, workers: u32) -> (Dealer, Vec<Range<u32>>) {
        let mut left: VecDeque<_> = handout(runs, workers).into();
        let n = (workers.max(1) as usize).min(left.len());
        let first: Vec<_> = left.drain(..n).collect();
        let dealer = Dealer {
            left,
            workers: first
                .iter()
                .map(|b| Phase::Running {
                    len: b.end - b.start,
                    done: 0,
                })
                .collect(),
            finished: 0,
            handed_in: Vec::new(),
        };
        (dealer, first)
    }

    /// Worker `k` has made `done` runs of its block; returns the runs made in all.
    pub fn progress(&mut self, k: usize, done: u32) -> u32 {
        if let Some(Phase::Running { len, done: d }) = self.workers.get_mut(k) {
            *d = done.min(*len);
        }
        self.made()
    }

    /// The runs made so far across the workers.
    pub fn made(&self) -> u32 {
        let running: u32 = self
            .workers
            .iter()
            .map(|p| match p {
                Phase::Running { done, .. } => *done,
                _ => 0,
            })
            .sum();
        self.finished + running
    }

    /// Worker `k` has run its block: what it does next. A worker that was not running
    /// a block is told to wait.
    pub fn ran(&mut self, k: usize) -> Deal {
        let Some(Phase::Running { len, .. }) = self.workers.get(k).cloned() else {
            return Deal::Wait;
        };
        self.finished += len;
        if let Some(block) = self.left.pop_front() {
            self.workers[k] = Phase::Running {
                len: block.end - block.start,
                done: 0,
            };
            return Deal::Run(block);
        }
        let running = |p: &Phase| matches!(p, Phase::Running { .. });
        let others_running = self
            .workers
            .iter()
            .enumerate()
            .any(|(j, p)| j != k && running(p));
        if others_running {
            self.workers[k] = Phase::Handing;
            Deal::Hand
        } else {
            self.workers[k] = Phase::Merging;
            self.merge_when_all_in()
        }
    }

    /// Worker `k`'s tally is in: the deal for the worker that merges once it was the
    /// last awaited ([`Deal::Merge`]; [`merger`](Dealer::merger) says which), else
    /// [`Deal::Wait`].
    pub fn handed(&mut self, k: usize) -> Deal {
        if self.workers.get(k) != Some(&Phase::Handing) {
            return Deal::Wait;
        }
        self.workers[k] = Phase::Handed;
        self.handed_in.push(k);
        self.merge_when_all_in()
    }

    /// The worker that merges, once one finished last.
    pub fn merger(&self) -> Option<usize> {
        self.workers.iter().position(|p| *p == Phase::Merging)
    }

    fn merge_when_all_in(&self) -> Deal {
        let all_in = self
            .workers
            .iter()
            .all(|p| matches!(p, Phase::Handed | Phase::Merging));
        if all_in && self.merger().is_some() {
            Deal::Merge(self.handed_in.clone())
        } else {
            Deal::Wait
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blocks_cover_the_study_once_and_shrink_towards_the_end() {
        for runs in [1, 2, 7, 100, 999, 1000, 2001, 12_345, 100_000] {
            for workers in 1..=8 {
                let blocks = handout(runs, workers);
                let mut at = 0;
                for b in &blocks {
                    assert_eq!(b.start, at, "{runs} runs, {workers} workers");
                    assert!(b.end > b.start);
                    at = b.end;
                }
                assert_eq!(at, runs);
                let lens: Vec<u32> = blocks.iter().map(|b| b.end - b.start).collect();
                let (last, rest) = lens.split_last().unwrap();
                assert!(
                    rest.windows(2).all(|w| w[1] <= w[0]),
                    "{runs} runs, {workers} workers: {lens:?}"
                );
                assert!(*last < 2 * LEAST_BLOCK.max(runs / workers / 16) || rest.is_empty());
                assert!(blocks.len() <= 14 * workers as usize + 1, "{lens:?}");
                // no block is smaller than it must be: the last may hold what is left
                assert!(lens.iter().all(|&n| n >= LEAST_BLOCK.min(runs)), "{lens:?}");
                // every worker gets a first block when the study has enough runs
                let shares = (runs / LEAST_BLOCK).clamp(1, workers);
                assert!(
                    blocks.len() >= shares as usize,
                    "{runs} runs, {workers}: {lens:?}"
                );
            }
        }
    }

    /// Picks the busy worker that finishes next.
    type Order<'a> = dyn FnMut(&[bool]) -> usize + 'a;

    /// Deals a study to workers finishing in the order `order` picks, checking the
    /// deals; returns the merger, the tallies it merges and the runs each worker made.
    fn play(
        runs: u32,
        workers: u32,
        mut order: impl FnMut(&[bool]) -> usize,
    ) -> (usize, Vec<usize>, Vec<Vec<Range<u32>>>) {
        let (mut dealer, first) = Dealer::new(runs, workers);
        let n = first.len();
        let mut ran: Vec<Vec<Range<u32>>> = first.iter().map(|b| vec![b.clone()]).collect();
        let mut busy = vec![true; n];
        let mut handing = Vec::new();
        let mut merge = None;
        while merge.is_none() {
            // a worker finishes its block, or a handed tally comes in
            if busy.iter().any(|b| *b) {
                let k = order(&busy);
                assert!(busy[k]);
                let made = dealer.made();
                match dealer.ran(k) {
                    Deal::Run(b) => {
                        assert!(dealer.made() >= made);
                        ran[k].push(b)
                    }
                    Deal::Hand => {
                        busy[k] = false;
                        handing.push(k);
                    }
                    Deal::Merge(from) => {
                        busy[k] = false;
                        merge = Some((k, from));
                    }
                    Deal::Wait => {
                        busy[k] = false;
                        assert_eq!(dealer.merger(), Some(k));
                    }
                }
            } else {
                let k = handing.remove(0);
                if let Deal::Merge(from) = dealer.handed(k) {
                    merge = Some((dealer.merger().unwrap(), from));
                }
            }
        }
        assert_eq!(dealer.made(), runs);
        let (k, from) = merge.unwrap();
        (k, from, ran)
    }

    #[test]
    fn every_run_is_dealt_once_and_the_last_to_finish_merges_the_others() {
        for (runs, workers) in [(100, 2), (5000, 3), (100_000, 2), (100_000, 8), (3, 8)] {
            // round robin, always the lowest, always the highest
            let mut turn = 0;
            let orders: [&mut Order<'_>; 3] = [
                &mut |busy: &[bool]| loop {
                    turn = (turn + 1) % busy.len();
                    if busy[turn] {
                        break turn;
                    }
                },
                &mut |busy: &[bool]| busy.iter().position(|b| *b).unwrap(),
                &mut |busy: &[bool]| busy.iter().rposition(|b| *b).unwrap(),
            ];
            for order in orders {
                let (k, mut from, ran) = play(runs, workers, order);
                let mut all: Vec<Range<u32>> = ran.iter().flatten().cloned().collect();
                all.sort_by_key(|b| b.start);
                assert_eq!(all, handout(runs, workers));
                // the merger merges every other worker's tally, once
                from.push(k);
                from.sort_unstable();
                assert_eq!(from, (0..ran.len()).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn a_worker_late_with_its_tally_holds_the_merge_back() {
        let (mut dealer, first) = Dealer::new(20_000, 2);
        // worker 1 runs every block left while worker 0 runs its first
        while let Deal::Run(_) = dealer.ran(1) {}
        assert_eq!(dealer.made(), 20_000 - (first[0].end - first[0].start));
        // worker 0 finishes last: it merges, once worker 1's tally is in
        assert_eq!(dealer.ran(0), Deal::Wait);
        assert_eq!(dealer.merger(), Some(0));
        assert_eq!(dealer.handed(1), Deal::Merge(vec![1]));
        // repeated or stray reports change nothing
        assert_eq!(dealer.handed(1), Deal::Wait);
        assert_eq!(dealer.ran(0), Deal::Wait);
        assert_eq!(dealer.ran(5), Deal::Wait);
        assert_eq!(dealer.progress(0, 99), 20_000);
    }

    #[test]
    fn one_worker_merges_its_own_tally_alone() {
        let (mut dealer, first) = Dealer::new(10_000, 1);
        assert_eq!(first, vec![0..5_000]);
        let mut deals = Vec::new();
        loop {
            match dealer.ran(0) {
                Deal::Run(b) => deals.push(b),
                other => {
                    assert_eq!(other, Deal::Merge(vec![]));
                    break;
                }
            }
        }
        assert_eq!(deals.last().unwrap().end, 10_000);
    }
}
