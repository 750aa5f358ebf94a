//! The event queue: what is scheduled, and in which order it comes due.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::super::index::{PersonIx, Timeline};
use super::super::time::SimTime;

/// What is scheduled. A closed set; the `u8` order of each kind breaks ties at one
/// instant in the order the semantics prescribe.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Ev {
    Signal { signal: usize, value: f64 },
    Inject { index: usize },
    TriggerFire { trigger: usize, gen: u32 },
    TriggerClear { trigger: usize, gen: u32 },
    Ack { person: PersonIx, gen: u32 },
    CommAck { person: PersonIx },
    Contained,
    Resolved,
    Breach { timeline: Timeline, gen: u32 },
    Step { gen: u32, step: usize, pass: u32 },
    UpdateDue,
}

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

/// The events still to come, earliest first.
#[derive(Debug, Clone)]
pub(super) struct EventQueue {
    heap: BinaryHeap<Reverse<Queued>>,
    seq: u64,
}

impl Default for EventQueue {
    #[inline]
    fn default() -> Self {
        EventQueue {
            heap: BinaryHeap::with_capacity(64),
            seq: 0,
        }
    }
}

impl EventQueue {
    /// This queue emptied, keeping its allocation.
    #[inline]
    pub(super) fn cleared(mut self) -> Self {
        self.heap.clear();
        self.seq = 0;
        self
    }

    /// Schedules `ev` at `t`.
    #[inline]
    pub(super) fn push(&mut self, t: SimTime, ev: Ev) {
        self.seq += 1;
        let key = (u64::from(ev.order()) << 56) | self.seq;
        self.heap.push(Reverse(Queued { t, key, ev }));
    }

    /// When the next event is due.
    #[inline]
    pub(super) fn next_time(&self) -> Option<SimTime> {
        self.heap.peek().map(|Reverse(q)| q.t)
    }

    /// The next event and its time.
    #[inline]
    pub(super) fn pop(&mut self) -> Option<(SimTime, Ev)> {
        self.heap.pop().map(|Reverse(q)| (q.t, q.ev))
    }
}
