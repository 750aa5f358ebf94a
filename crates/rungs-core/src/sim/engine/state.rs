//! The state of one run: clock, randomness, queue and everything the incident changes.
//! A new run is a fresh [`RunState`].

use super::super::index::{PerTimeline, PersonIx, TierIx, Timeline};
use super::super::model::{SimInject, SimModel};
use super::super::time::SimTime;
use super::super::LogEntry;
use super::queue::{Ev, EventQueue};
use super::random::Random;

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct TriggerState {
    pub holding: bool,
    pub firing: bool,
    pub gen: u32,
}

/// How an incident came to a tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    Open,
    Promote,
    Escalate,
    Demote,
}

#[derive(Debug, Clone)]
pub(super) struct Incident {
    pub detected: SimTime,
    pub tier: TierIx,
    pub first_ack: Option<SimTime>,
    pub contained: Option<SimTime>,
    pub resolved: Option<SimTime>,
    pub first_update: Option<SimTime>,
    pub poster: Option<PersonIx>,
    /// Generation of the running escalation policy; bumped on every tier entry.
    pub policy_gen: u32,
    pub policy_running: bool,
    /// Whether a policy started on entering the current tier (not after a demotion of an
    /// acknowledged incident); its acknowledge deadline stands even once it runs out.
    pub policy_started: bool,
    pub policy_acked: bool,
    /// When the running policy started.
    pub policy_start: SimTime,
    /// Generation of the tier's deadlines; bumped on every tier entry.
    pub deadline_gen: u32,
    pub max_tier: TierIx,
}

impl Incident {
    /// An incident detected now in `tier`, before it enters it.
    pub fn detected(now: SimTime, tier: TierIx) -> Self {
        Incident {
            detected: now,
            tier,
            first_ack: None,
            contained: None,
            resolved: None,
            first_update: None,
            poster: None,
            policy_gen: 0,
            policy_running: false,
            policy_started: false,
            policy_acked: false,
            policy_start: SimTime::START,
            deadline_gen: 0,
            max_tier: tier,
        }
    }

    /// When each timeline was achieved; `None` while it is not.
    #[inline]
    pub fn achieved(&self, tl: Timeline) -> Option<SimTime> {
        match tl {
            Timeline::Acknowledge => self.first_ack,
            Timeline::Contain => self.contained,
            Timeline::Resolve => self.resolved,
            Timeline::FirstUpdate => self.first_update,
        }
    }
}

/// Per-person, per-run statistics for Monte Carlo.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PersonTally {
    pub pages: u32,
    pub off_hours: u32,
}

/// A person during a run.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PersonState {
    /// The policy generation in which they have an acknowledgement pending.
    pub pending: Option<u32>,
    pub pending_comm: bool,
    pub paged: bool,
    pub tally: PersonTally,
    /// A player's last page: what paged them and when (kept for players only).
    pub last_page: Option<WaitingPage>,
}

/// A breach: which tier missed which deadline when, and the escalation step paged last
/// before it (`None` when no step had paged anyone yet).
#[derive(Debug, Clone, Copy)]
pub(crate) struct BreachRecord {
    pub tier: TierIx,
    pub timeline: Timeline,
    pub at: SimTime,
    pub after_step: Option<(TierIx, usize)>,
}

/// Everything one run changes.
#[derive(Debug)]
pub(crate) struct RunState {
    pub(super) now: SimTime,
    pub(super) rng: Random,
    pub(super) queue: EventQueue,
    pub(super) triggers: Vec<TriggerState>,
    pub(super) values: Vec<Option<f64>>,
    pub(crate) people: Vec<PersonState>,
    /// Who is unavailable over `[from, until)`.
    pub(super) unavailable: Vec<(PersonIx, SimTime, SimTime)>,
    pub(super) incident: Option<Incident>,
    pub(super) pages_sent: u32,
    pub(super) updates_missed: u32,
    pub(crate) breaches: Vec<BreachRecord>,
    /// The escalation step that paged last in this run: `(tier, step)`.
    pub(super) last_step: Option<(TierIx, usize)>,
    pub(crate) exhausted: Vec<TierIx>,
    /// Tiers the incident has been in, in the order first entered.
    pub(crate) entered: Vec<TierIx>,
    /// Tier in force at each figure's moment, for met-target statistics.
    pub(crate) tier_at: PerTimeline<Option<TierIx>>,
    pub(super) log: Option<Vec<LogEntry>>,
    /// Events handled in this run, against the [`EVENT_BUDGET`](super::super::EVENT_BUDGET).
    pub(super) events: u64,
    /// Escalation steps and due updates handled: what can keep a run busy without end.
    pub(super) step_events: u64,
    pub(super) update_events: u64,
    /// Whether this run was stopped by the event budget.
    pub(super) budget_exhausted: bool,
    pub(super) finished: bool,
}

/// `v` emptied, then `n` copies of `x`, in its allocation.
#[inline]
fn refill<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    v.clear();
    v.resize(n, x);
}

impl RunState {
    /// A run of `m` seeded with `seed`, with the scenario's events scheduled.
    pub(super) fn new(m: &SimModel, seed: u64, log: bool) -> Self {
        let changes = (m.changes.iter()).map(|c| {
            let (signal, value) = (c.signal as u32, c.value);
            (c.at, Ev::Signal { signal, value })
        });
        let injects = m.injects.iter().enumerate().map(|(index, inj)| {
            let at = match *inj {
                SimInject::Unavailable { at, .. } | SimInject::Note { at, .. } => at,
            };
            (at, Ev::Inject { index })
        });
        let mut s = RunState {
            now: SimTime::START,
            rng: Random::new(seed),
            queue: EventQueue::new(changes.chain(injects)),
            triggers: Vec::new(),
            values: Vec::new(),
            people: Vec::new(),
            unavailable: Vec::new(),
            incident: None,
            pages_sent: 0,
            updates_missed: 0,
            breaches: Vec::new(),
            last_step: None,
            exhausted: Vec::new(),
            entered: Vec::new(),
            tier_at: PerTimeline::default(),
            log: None,
            events: 0,
            step_events: 0,
            update_events: 0,
            budget_exhausted: false,
            finished: false,
        };
        s.restart(m, seed, log);
        s
    }

    /// Starts this state over as a fresh run of the same `m` (the one it was made for)
    /// seeded with `seed`, in its own allocations.
    pub(super) fn restart(&mut self, m: &SimModel, seed: u64, log: bool) {
        self.now = SimTime::START;
        self.rng = Random::new(seed);
        self.queue.restart();
        refill(
            &mut self.triggers,
            m.triggers.len(),
            TriggerState::default(),
        );
        refill(&mut self.values, m.signals.len(), None);
        refill(&mut self.people, m.people.len(), PersonState::default());
        self.unavailable.clear();
        for inj in &m.injects {
            if let SimInject::Unavailable { at, until, person } = *inj {
                self.unavailable.push((person, at, until));
            }
        }
        self.incident = None;
        self.pages_sent = 0;
        self.updates_missed = 0;
        self.breaches.clear();
        self.last_step = None;
        self.exhausted.clear();
        self.entered.clear();
        self.tier_at = PerTimeline::default();
        match (&mut self.log, log) {
            (Some(entries), true) => entries.clear(),
            (entries, log) => *entries = log.then(Vec::new),
        }
        self.events = 0;
        self.step_events = 0;
        self.update_events = 0;
        self.budget_exhausted = false;
        self.finished = false;
    }

    /// Schedules `ev` at `d` from now.
    #[inline]
    pub(super) fn push_after(&mut self, d: crate::Duration, ev: Ev) {
        self.queue.push(self.now.plus(d), ev);
    }

    #[inline]
    pub(super) fn is_unavailable(&self, p: PersonIx, t: SimTime) -> bool {
        (self.unavailable.iter()).any(|&(q, from, until)| q == p && from <= t && t < until)
    }

    #[inline]
    pub(super) fn tier(&self) -> Option<TierIx> {
        self.incident.as_ref().map(|i| i.tier)
    }
}

/// What a page went through on its way to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A rotation (an index into the model's rotations).
    Rotation(usize),
    /// A schedule (an index into the model's schedules) and the rotation of the layer
    /// that answered.
    Schedule {
        /// The schedule.
        schedule: usize,
        /// The answering layer's rotation.
        rotation: usize,
    },
}

/// A page waiting for a person played in the room: which tier and step (or the
/// communication owner's page) sent it, through which rotation or schedule, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitingPage {
    /// The tier whose policy paged.
    pub tier: TierIx,
    /// The escalation step (0-based); `None` for the communication owner's page.
    pub step: Option<usize>,
    /// The rotation or schedule the page went through, if any.
    pub via: Option<Via>,
    /// When it was sent.
    pub at: SimTime,
}
