//! The event queue: what is scheduled, and in which order it comes due.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::super::index::{PersonIx, Timeline};
use super::super::time::SimTime;

/// What is scheduled. A closed set; the `u8` order of each kind breaks ties at one
/// instant in the order the semantics prescribe. Indexes that fit are `u32`, to keep an
/// event (and the heap's moves) at 16 bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Ev {
    Signal { signal: u32, value: f64 },
    Inject { index: usize },
    TriggerFire { trigger: usize, gen: u32 },
    TriggerClear { trigger: usize, gen: u32 },
    Ack { person: PersonIx, gen: u32 },
    CommAck { person: PersonIx },
    Contained,
    Resolved,
    Breach { timeline: Timeline, gen: u32 },
    Step { gen: u32, step: u32, pass: u32 },
    UpdateDue,
}

const _: () = assert!(std::mem::size_of::<Ev>() == 16);

impl Ev {
    #[inline]
    fn order(&self) -> u8 {
        match self {
            Ev::Signal { .. } | Ev::Inject { .. } => 0,
            Ev::TriggerFire { .. } | Ev::TriggerClear { .. } => 1,
            Ev::Ack { .. } | Ev::CommAck { .. } => 2,
            Ev::Contained | Ev::Resolved => 3,
            Ev::Breach { .. } => 4,
            Ev::Step { .. } => 5,
            Ev::UpdateDue => 6,
        }
    }
}

/// A scheduled event. Ordered by `(t, key)` where `key` packs the kind's order in its top
/// byte and the scheduling sequence below it: ties at one instant go by kind, then FIFO.
#[derive(Debug, Clone, Copy)]
struct Queued {
    t: SimTime,
    key: u64,
    ev: Ev,
}

impl PartialEq for Queued {
    #[inline]
    fn eq(&self, o: &Self) -> bool {
        (self.t, self.key) == (o.t, o.key)
    }
}
impl Eq for Queued {}
impl PartialOrd for Queued {
    #[inline]
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Queued {
    #[inline]
    fn cmp(&self, o: &Self) -> Ordering {
        (self.t, self.key).cmp(&(o.t, o.key))
    }
}

/// Where the next event is: among the fixed ones (`true`) or in the heap.
#[derive(Debug, Clone, Copy)]
pub(super) struct Next(bool);

/// The events still to come, earliest first: the scenario's own (its signal changes and
/// injects, the same in every run, sorted once) and those the run schedules (a heap).
#[derive(Debug, Clone, Default)]
pub(super) struct EventQueue {
    heap: BinaryHeap<Reverse<Queued>>,
    seq: u64,
    /// The scenario's events, sorted, with the keys they get when scheduled first.
    fixed: Vec<Queued>,
    /// How many of `fixed` have come due.
    next_fixed: usize,
}

impl EventQueue {
    /// A queue holding `fixed`, scheduled in that order at the start of every run.
    pub(super) fn new(fixed: impl IntoIterator<Item = (SimTime, Ev)>) -> Self {
        let mut q = EventQueue {
            heap: BinaryHeap::with_capacity(64),
            ..Default::default()
        };
        for (t, ev) in fixed {
            let key = q.next_key(&ev);
            q.fixed.push(Queued { t, key, ev });
        }
        q.fixed.sort_unstable();
        q
    }

    /// This queue as at the start of a run: the fixed events only, its allocation kept.
    #[inline]
    pub(super) fn restart(&mut self) {
        self.heap.clear();
        self.seq = self.fixed.len() as u64;
        self.next_fixed = 0;
    }

    #[inline]
    fn next_key(&mut self, ev: &Ev) -> u64 {
        self.seq += 1;
        (u64::from(ev.order()) << 56) | self.seq
    }

    /// Schedules `ev` at `t`.
    #[inline]
    pub(super) fn push(&mut self, t: SimTime, ev: Ev) {
        let key = self.next_key(&ev);
        self.heap.push(Reverse(Queued { t, key, ev }));
    }

    /// Whether the next event is the next fixed one (rather than the heap's first).
    #[inline]
    fn fixed_first(&self) -> Option<bool> {
        match (self.fixed.get(self.next_fixed), self.heap.peek()) {
            (Some(f), Some(Reverse(h))) => Some(f < h),
            (Some(_), None) => Some(true),
            (None, Some(_)) => Some(false),
            (None, None) => None,
        }
    }

    /// When the next event is due, and where it is (for [`pop_from`](Self::pop_from)).
    #[inline]
    pub(super) fn peek(&self) -> Option<(SimTime, Next)> {
        match self.fixed_first()? {
            true => Some((self.fixed[self.next_fixed].t, Next(true))),
            false => self.heap.peek().map(|Reverse(q)| (q.t, Next(false))),
        }
    }

    /// The next event and its time, `next` being where [`peek`](Self::peek) found it
    /// with the queue unchanged since.
    #[inline]
    pub(super) fn pop_from(&mut self, next: Next) -> Option<(SimTime, Ev)> {
        if next.0 {
            let q = self.fixed[self.next_fixed];
            self.next_fixed += 1;
            Some((q.t, q.ev))
        } else {
            self.heap.pop().map(|Reverse(q)| (q.t, q.ev))
        }
    }
}
