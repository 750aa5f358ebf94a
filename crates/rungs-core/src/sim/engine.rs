//! The discrete-event engine: one incident, from the first signal to resolution or the
//! horizon. See docs/simulation.md for the semantics it implements.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::ops::Deref;

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use super::model::{Delay, SimModel, SimTarget, Timeline};
use super::{Breach, EventKind, Figures, LogEntry, SimTime, EVENT_BUDGET};

/// What is scheduled. A closed set; the `u8` order of each kind breaks ties at one
/// instant in the order the semantics prescribe.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ev {
    Signal { signal: usize, value: f64 },
    Inject { index: usize },
    TriggerFire { trigger: usize, gen: u32 },
    TriggerClear { trigger: usize, gen: u32 },
    Ack { person: usize, gen: u32 },
    CommAck { person: usize },
    Contained,
    Resolved,
    Breach { timeline: Timeline, gen: u32 },
    Step { gen: u32, step: usize, pass: u32 },
    UpdateDue,
}

impl Ev {
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
    t: u64,
    key: u64,
    ev: Ev,
}

impl PartialEq for Queued {
    fn eq(&self, o: &Self) -> bool {
        (self.t, self.key) == (o.t, o.key)
    }
}
impl Eq for Queued {}
impl PartialOrd for Queued {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Queued {
    fn cmp(&self, o: &Self) -> Ordering {
        (self.t, self.key).cmp(&(o.t, o.key))
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct TriggerState {
    holding: bool,
    firing: bool,
    gen: u32,
}

/// How an incident came to a tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    Open,
    Promote,
    Escalate,
    Demote,
}

#[derive(Debug, Clone, Default)]
struct Incident {
    detected: u64,
    tier: usize,
    first_ack: Option<u64>,
    contained: Option<u64>,
    resolved: Option<u64>,
    first_update: Option<u64>,
    poster: Option<usize>,
    /// Generation of the running escalation policy; bumped on every tier entry.
    policy_gen: u32,
    policy_running: bool,
    /// Whether a policy started on entering the current tier (not after a demotion of an
    /// acknowledged incident); its acknowledge deadline stands even once it runs out.
    policy_started: bool,
    policy_acked: bool,
    /// Generation of the tier's deadlines; bumped on every tier entry.
    deadline_gen: u32,
    max_tier: usize,
}

/// Per-person, per-run statistics for Monte Carlo.
#[derive(Debug, Clone, Default)]
pub(crate) struct PersonTally {
    pub pages: u32,
    pub off_hours: u32,
}

/// The engine's state. Reusable across runs (`reset`), so Monte Carlo allocates once.
///
/// `M` is how the engine holds its model: a borrow (`&SimModel`) when the model outlives
/// the engine, as in a study, or a shared owner (`Rc<SimModel>`, `Arc<SimModel>`) when
/// the engine must stand alone, as in a live drill kept in UI state.
pub struct Engine<M> {
    m: M,
    rng: ChaCha8Rng,
    queue: BinaryHeap<Reverse<Queued>>,
    seq: u64,
    now: u64,
    triggers: Vec<TriggerState>,
    values: Vec<Option<f64>>,
    unavailable: Vec<Vec<(u64, u64)>>,
    /// The policy generation in which each person has an acknowledgement pending.
    pending: Vec<Option<u32>>,
    pending_comm: Vec<bool>,
    human: Vec<bool>,
    incident: Option<Incident>,
    pub(crate) tally: Vec<PersonTally>,
    paged: Vec<bool>,
    pages_sent: u32,
    updates_missed: u32,
    /// (tier, timeline, when) of each breach, in order.
    pub(crate) breaches: Vec<(usize, Timeline, u64)>,
    /// For each breach (same order), the escalation step paged last before it:
    /// `(tier, step)`, `None` when no step had paged anyone yet.
    pub(crate) breach_precursors: Vec<Option<(usize, usize)>>,
    /// The escalation step that paged last in this run: `(tier, step)`.
    last_step: Option<(usize, usize)>,
    pub(crate) exhausted: Vec<usize>,
    /// Tier in force at each figure's moment, for met-target statistics.
    pub(crate) tier_at: [Option<usize>; 4],
    log: Option<Vec<LogEntry>>,
    /// When the running policy started.
    policy_start: u64,
    /// Events handled since the engine was made (across resets), for throughput reports.
    processed: u64,
    /// Events handled in this run, against the [`EVENT_BUDGET`].
    run_events: u64,
    /// Escalation steps and due updates handled in this run: what can keep a run busy
    /// without end, for [`Engine::budget_cause`].
    step_events: u64,
    update_events: u64,
    /// Whether this run was stopped by the [`EVENT_BUDGET`].
    budget_exhausted: bool,
    finished: bool,
}

impl<M: Deref<Target = SimModel> + Clone> Engine<M> {
    /// A fresh engine for `model`, seeded with `seed`; `log` keeps the event log.
    pub fn new(m: M, seed: u64, log: bool) -> Self {
        let n = m.people.len();
        let (triggers, signals) = (m.triggers.len(), m.signals.len());
        let mut e = Engine {
            m,
            rng: ChaCha8Rng::seed_from_u64(seed),
            queue: BinaryHeap::with_capacity(64),
            seq: 0,
            now: 0,
            triggers: vec![TriggerState::default(); triggers],
            values: vec![None; signals],
            unavailable: vec![Vec::new(); n],
            pending: vec![None; n],
            pending_comm: vec![false; n],
            human: vec![false; n],
            incident: None,
            tally: vec![PersonTally::default(); n],
            paged: vec![false; n],
            pages_sent: 0,
            updates_missed: 0,
            breaches: Vec::new(),
            breach_precursors: Vec::new(),
            last_step: None,
            exhausted: Vec::new(),
            tier_at: [None; 4],
            log: log.then(Vec::new),
            policy_start: 0,
            processed: 0,
            run_events: 0,
            step_events: 0,
            update_events: 0,
            budget_exhausted: false,
            finished: false,
        };
        e.schedule_scenario();
        e
    }

    /// Starts over with another seed, keeping the allocations.
    pub fn reset(&mut self, seed: u64) {
        self.rng = ChaCha8Rng::seed_from_u64(seed);
        self.queue.clear();
        self.seq = 0;
        self.now = 0;
        self.triggers
            .iter_mut()
            .for_each(|t| *t = TriggerState::default());
        self.values.iter_mut().for_each(|v| *v = None);
        self.unavailable.iter_mut().for_each(Vec::clear);
        self.pending.iter_mut().for_each(|p| *p = None);
        self.pending_comm.iter_mut().for_each(|p| *p = false);
        self.incident = None;
        self.tally
            .iter_mut()
            .for_each(|t| *t = PersonTally::default());
        self.paged.iter_mut().for_each(|p| *p = false);
        self.pages_sent = 0;
        self.updates_missed = 0;
        self.breaches.clear();
        self.breach_precursors.clear();
        self.last_step = None;
        self.exhausted.clear();
        self.tier_at = [None; 4];
        if let Some(l) = &mut self.log {
            l.clear();
        }
        self.policy_start = 0;
        self.run_events = 0;
        self.step_events = 0;
        self.update_events = 0;
        self.budget_exhausted = false;
        self.finished = false;
        self.schedule_scenario();
    }

    fn schedule_scenario(&mut self) {
        let m = self.m.clone();
        let m = &*m;
        for c in &m.changes {
            self.push(
                c.at,
                Ev::Signal {
                    signal: c.signal,
                    value: c.value,
                },
            );
        }
        for (index, inj) in m.injects.iter().enumerate() {
            match inj {
                super::model::SimInject::Unavailable { at, until, person } => {
                    self.unavailable[*person].push((*at, *until));
                    self.push(*at, Ev::Inject { index });
                }
                super::model::SimInject::Note { at, .. } => self.push(*at, Ev::Inject { index }),
            }
        }
    }

    fn push(&mut self, t: u64, ev: Ev) {
        self.seq += 1;
        let key = (u64::from(ev.order()) << 56) | self.seq;
        self.queue.push(Reverse(Queued { t, key, ev }));
    }

    // ---- public stepping API -----------------------------------------------------------

    /// The current simulated time.
    pub fn now(&self) -> SimTime {
        SimTime(self.now)
    }

    /// Whether the run is over: resolved, or nothing left to happen before the horizon
    /// and no page waiting for a human.
    pub fn is_finished(&self) -> bool {
        self.finished || (self.next_time().is_none() && !self.human_waiting())
    }

    fn human_waiting(&self) -> bool {
        (0..self.human.len()).any(|p| self.awaiting_human(p))
    }

    /// The time of the next event, if it falls before the horizon and the run goes on.
    pub fn next_time(&self) -> Option<SimTime> {
        if self.finished {
            return None;
        }
        self.queue
            .peek()
            .map(|Reverse(q)| q.t)
            .filter(|&t| t < self.m.horizon_ms)
            .map(SimTime)
    }

    /// Processes the next event. Returns false when the run is over, also when it has
    /// just been stopped by the [`EVENT_BUDGET`].
    pub fn step(&mut self) -> bool {
        if self.next_time().is_none() {
            if !self.human_waiting() {
                self.finish();
            }
            return false;
        }
        if self.run_events >= EVENT_BUDGET {
            // an event is still due before the horizon: the run ends here
            self.budget_exhausted = true;
            self.finish();
            return false;
        }
        let Some(Reverse(q)) = self.queue.pop() else {
            return false;
        };
        self.now = q.t;
        self.processed += 1;
        self.run_events += 1;
        self.handle(q.ev);
        true
    }

    /// Processes every event up to and including `t`, then sets the clock to `t`
    /// (never past the horizon). A run stopped by the [`EVENT_BUDGET`] on the way keeps
    /// the clock at its last event.
    pub fn advance_to(&mut self, t: SimTime) {
        while self.next_time().is_some_and(|n| n <= t) {
            if !self.step() {
                break;
            }
        }
        if !self.finished {
            self.now = self.now.max(t.0.min(self.m.horizon_ms));
        }
        if self.now >= self.m.horizon_ms {
            self.finish();
        }
    }

    /// Runs to the end.
    pub fn run(&mut self) {
        while self.step() {}
    }

    /// Events handled since this engine was made, across resets.
    pub fn events_processed(&self) -> u64 {
        self.processed
    }

    /// Events handled in the current run (since `new` or the last `reset`); never more
    /// than [`EVENT_BUDGET`].
    pub fn run_events(&self) -> u64 {
        self.run_events
    }

    /// Whether the run was stopped by the [`EVENT_BUDGET`] (it is then finished).
    pub fn budget_exhausted(&self) -> bool {
        self.budget_exhausted
    }

    /// For a run stopped by the [`EVENT_BUDGET`], what kept it busy, as a phrase for a
    /// reader: `the ladder pages without end: step 1 of tier sev1 repeats every 1s
    /// (repeat 4294967295)`, or the tier whose `update_every` falls due too often.
    /// `None` when the budget was not reached. Computed from counters the engine keeps
    /// anyway, so it costs nothing per event.
    pub fn budget_cause(&self) -> Option<String> {
        if !self.budget_exhausted {
            return None;
        }
        let m = &*self.m;
        let dur = |ms: u64| crate::Duration::from_millis(ms);
        let updates = self
            .incident
            .as_ref()
            .and_then(|i| Some((i.tier, m.tiers[i.tier].update_every_ms?)));
        if let Some((t, every)) = updates.filter(|_| self.update_events > self.step_events) {
            return Some(format!(
                "status updates fall due without end: tier {} expects one every {} (update_every)",
                m.tiers[t].id,
                dur(every)
            ));
        }
        let Some((t, step)) = self.last_step else {
            return Some(format!(
                "the scenario schedules more than {} events before its horizon",
                crate::text::group_thousands(EVENT_BUDGET)
            ));
        };
        let tier = &m.tiers[t];
        Some(if tier.steps.len() == 1 {
            format!(
                "the ladder pages without end: step 1 of tier {} repeats every {} (repeat {})",
                tier.id,
                dur(tier.cycle_ms),
                tier.repeat
            )
        } else {
            format!(
                "the ladder pages without end: the {} steps of tier {} repeat every {} (repeat {}); step {} paged last",
                tier.steps.len(),
                tier.id,
                dur(tier.cycle_ms),
                tier.repeat,
                step + 1
            )
        })
    }

    /// Marks people as played by humans: the engine draws nothing for their pages and
    /// waits for [`Engine::acknowledge`].
    pub fn set_human(&mut self, person: usize, human: bool) {
        if let Some(h) = self.human.get_mut(person) {
            *h = human;
        }
    }

    /// Whether `person` has a page waiting for a human acknowledgement.
    pub fn awaiting_human(&self, person: usize) -> bool {
        self.human.get(person).copied().unwrap_or(false)
            && (self.pending[person].is_some() || self.pending_comm[person])
    }

    /// A human acknowledges their pending page at the current instant. Returns whether
    /// there was one.
    pub fn acknowledge(&mut self, person: usize) -> bool {
        if self.finished || person >= self.pending.len() {
            return false;
        }
        if let Some(gen) = self.pending[person] {
            self.handle(Ev::Ack { person, gen });
            true
        } else if self.pending_comm[person] {
            self.handle(Ev::CommAck { person });
            true
        } else {
            false
        }
    }

    /// The facilitator makes `person` unavailable from now until `until` (or the end).
    pub fn make_unavailable(&mut self, person: usize, until: Option<SimTime>) {
        if person >= self.unavailable.len() {
            return;
        }
        let until = until.map_or(u64::MAX, |u| u.0);
        self.unavailable[person].push((self.now, until));
        self.record(
            EventKind::Unavailable,
            None,
            Some(person),
            until_text(until, self.now),
        );
    }

    /// The facilitator sets a signal to `value` now.
    pub fn set_signal(&mut self, signal: usize, value: f64) {
        if !self.finished && signal < self.values.len() {
            self.handle(Ev::Signal { signal, value });
        }
    }

    /// The facilitator promotes the incident one tier. Returns whether it moved.
    pub fn promote(&mut self) -> bool {
        match &self.incident {
            Some(i) if i.tier > 0 && !self.finished => {
                let to = i.tier - 1;
                self.enter_tier(to, Entry::Promote);
                true
            }
            _ => false,
        }
    }

    /// The facilitator demotes the incident one tier. Returns whether it moved.
    pub fn demote(&mut self) -> bool {
        match &self.incident {
            Some(i) if i.tier + 1 < self.m.tiers.len() && !self.finished => {
                let to = i.tier + 1;
                self.enter_tier(to, Entry::Demote);
                true
            }
            _ => false,
        }
    }

    /// The facilitator posts a status update now (the first one counts as the first update).
    pub fn post_update(&mut self) {
        let Some(inc) = &mut self.incident else {
            return;
        };
        if inc.first_update.is_none() {
            inc.first_update = Some(self.now);
            let tier = inc.tier;
            self.tier_at[Timeline::FirstUpdate as usize] = Some(tier);
            self.record(
                EventKind::FirstUpdate,
                Some(tier),
                None,
                "posted by the facilitator".into(),
            );
            self.schedule_next_update();
        } else {
            let tier = inc.tier;
            self.record(
                EventKind::UpdatePosted,
                Some(tier),
                None,
                "posted by the facilitator".into(),
            );
        }
    }

    /// The facilitator adds a note to the timeline.
    pub fn note(&mut self, text: &str) {
        self.record(
            EventKind::Note,
            self.incident.as_ref().map(|i| i.tier),
            None,
            text.to_string(),
        );
    }

    /// The event log so far (empty unless logging).
    pub fn log(&self) -> &[LogEntry] {
        self.log.as_deref().unwrap_or(&[])
    }

    /// The current tier index, if an incident is open.
    pub fn tier(&self) -> Option<usize> {
        self.incident.as_ref().map(|i| i.tier)
    }

    /// The figures of the run so far.
    pub fn figures(&self) -> Figures {
        let m = self.m.clone();
        let m = &*m;
        let secs = |ms: u64| ms as f64 / 1000.0;
        let inc = self.incident.as_ref();
        let since = |t: Option<u64>| inc.and_then(|i| t.map(|t| secs(t - i.detected)));
        Figures {
            detected_at: inc.map(|i| secs(i.detected)),
            time_to_acknowledge: since(inc.and_then(|i| i.first_ack)),
            time_to_contain: since(inc.and_then(|i| i.contained)),
            time_to_resolve: since(inc.and_then(|i| i.resolved)),
            time_to_first_update: since(inc.and_then(|i| i.first_update)),
            pages_sent: self.pages_sent,
            people_paged: self.paged.iter().filter(|p| **p).count() as u32,
            updates_missed: self.updates_missed,
            max_tier: inc.map(|i| m.tiers[i.max_tier].id.to_string()),
            final_tier: inc.map(|i| m.tiers[i.tier].id.to_string()),
            breaches: self
                .breaches
                .iter()
                .map(|&(tier, timeline, at)| Breach {
                    tier: m.tiers[tier].id.to_string(),
                    timeline,
                    at: secs(at),
                })
                .collect(),
            exhausted: self
                .exhausted
                .iter()
                .map(|&t| m.tiers[t].id.to_string())
                .collect(),
            budget_exhausted: self.budget_exhausted,
        }
    }

    /// Whether an incident was detected, and the milliseconds from detection to each of
    /// acknowledge, contain, resolve and first update (in [`Timeline`] order).
    pub(crate) fn outcome(&self) -> Option<[Option<u64>; 4]> {
        self.incident.as_ref().map(|i| {
            let since = |t: Option<u64>| t.map(|t| t - i.detected);
            [
                since(i.first_ack),
                since(i.contained),
                since(i.resolved),
                since(i.first_update),
            ]
        })
    }

    /// Deadlines of the current tier that are still open: `(timeline, due)`.
    pub fn open_deadlines(&self) -> Vec<(Timeline, SimTime)> {
        let Some(inc) = &self.incident else {
            return Vec::new();
        };
        let tier = &self.m.tiers[inc.tier];
        let mut out = Vec::new();
        for tl in Timeline::ALL {
            let Some(d) = tier.deadlines[tl as usize] else {
                continue;
            };
            let (done, from) = match tl {
                Timeline::Acknowledge => {
                    (inc.policy_acked || !inc.policy_started, self.policy_start)
                }
                Timeline::Contain => (inc.contained.is_some(), inc.detected),
                Timeline::Resolve => (inc.resolved.is_some(), inc.detected),
                Timeline::FirstUpdate => (inc.first_update.is_some(), inc.detected),
            };
            if !done {
                out.push((tl, SimTime(from.saturating_add(d))));
            }
        }
        out
    }

    // ---- the semantics -----------------------------------------------------------------

    fn finish(&mut self) {
        self.finished = true;
    }

    fn record(&mut self, kind: EventKind, tier: Option<usize>, who: Option<usize>, detail: String) {
        if let Some(log) = &mut self.log {
            log.push(LogEntry {
                t: SimTime(self.now),
                kind,
                tier: tier.map(|t| self.m.tiers[t].id.to_string()),
                who: who.map(|p| self.m.people[p].id.to_string()),
                detail,
            });
        }
    }

    fn logging(&self) -> bool {
        self.log.is_some()
    }

    fn uniform(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A standard normal draw (Box-Muller with portable libm functions, so the same seed
    /// gives the same number natively and in wasm).
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.uniform(); // (0, 1]
        let u2 = self.uniform();
        libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(2.0 * std::f64::consts::PI * u2)
    }

    fn draw(&mut self, d: Delay) -> u64 {
        match d {
            Delay::Fixed(ms) => ms,
            Delay::LogNormal { mu, sigma } => {
                let z = self.normal();
                let ms = libm::round(libm::exp(mu + sigma * z));
                if ms.is_finite() && ms < 1e15 {
                    ms as u64
                } else {
                    1_000_000_000_000_000
                }
            }
        }
    }

    fn is_unavailable(&self, p: usize, t: u64) -> bool {
        self.unavailable[p].iter().any(|&(a, b)| a <= t && t < b)
    }

    fn handle(&mut self, ev: Ev) {
        let m = self.m.clone();
        let m = &*m;
        match ev {
            Ev::Signal { signal, value } => {
                self.values[signal] = Some(value);
                if self.logging() {
                    let s = &m.signals[signal];
                    let detail = format!("{} {} = {value}", s.service, s.metric);
                    self.record(EventKind::Signal, None, None, detail);
                }
                for k in 0..m.signals[signal].triggers.len() {
                    let ti = m.signals[signal].triggers[k];
                    let tr = &m.triggers[ti];
                    let cond = tr.op.holds(value, tr.threshold);
                    let st = &mut self.triggers[ti];
                    if cond && !st.holding {
                        st.holding = true;
                        st.gen += 1;
                        let gen = st.gen;
                        if !st.firing {
                            self.push(
                                self.now.saturating_add(tr.for_ms),
                                Ev::TriggerFire { trigger: ti, gen },
                            );
                        }
                    } else if !cond && st.holding {
                        st.holding = false;
                        st.gen += 1;
                        let gen = st.gen;
                        if st.firing {
                            self.push(
                                self.now.saturating_add(tr.clear_ms),
                                Ev::TriggerClear { trigger: ti, gen },
                            );
                        }
                    }
                }
            }
            Ev::Inject { index } => match &m.injects[index] {
                super::model::SimInject::Unavailable { until, person, .. } => {
                    let detail = until_text(*until, self.now);
                    self.record(EventKind::Unavailable, self.tier(), Some(*person), detail);
                }
                super::model::SimInject::Note { text, .. } => {
                    let text = text.clone();
                    self.record(EventKind::Note, self.tier(), None, text);
                }
            },
            Ev::TriggerFire { trigger, gen } => {
                if self.triggers[trigger].gen != gen {
                    return;
                }
                self.triggers[trigger].firing = true;
                let tier = m.triggers[trigger].tier;
                if self.logging() {
                    self.record(
                        EventKind::TriggerFired,
                        Some(tier),
                        None,
                        m.triggers[trigger].id.to_string(),
                    );
                }
                match &self.incident {
                    None => {
                        self.incident = Some(Incident {
                            detected: self.now,
                            tier,
                            max_tier: tier,
                            ..Incident::default()
                        });
                        self.enter_tier(tier, Entry::Open);
                    }
                    Some(i) if tier < i.tier => self.enter_tier(tier, Entry::Promote),
                    Some(_) => {}
                }
            }
            Ev::TriggerClear { trigger, gen } => {
                if self.triggers[trigger].gen != gen {
                    return;
                }
                self.triggers[trigger].firing = false;
                if self.logging() {
                    let tier = m.triggers[trigger].tier;
                    self.record(
                        EventKind::TriggerCleared,
                        Some(tier),
                        None,
                        m.triggers[trigger].id.to_string(),
                    );
                }
                let most_severe = (0..m.triggers.len())
                    .filter(|&t| self.triggers[t].firing)
                    .map(|t| m.triggers[t].tier)
                    .min();
                if let (Some(inc), Some(to)) = (&self.incident, most_severe) {
                    if to > inc.tier {
                        self.enter_tier(to, Entry::Demote);
                    }
                }
            }
            Ev::Ack { person, gen } => {
                if self.pending[person] == Some(gen) {
                    self.pending[person] = None;
                }
                if self.is_unavailable(person, self.now) {
                    self.record(
                        EventKind::AckLost,
                        self.tier(),
                        Some(person),
                        "unavailable when the acknowledgement was due".into(),
                    );
                    return;
                }
                let Some(inc) = &mut self.incident else {
                    return;
                };
                let tier = inc.tier;
                let first = inc.first_ack.is_none();
                if first {
                    inc.first_ack = Some(self.now);
                }
                // Anyone the current policy paged answers it, even after it ran out.
                let answers_policy =
                    inc.policy_started && gen == inc.policy_gen && !inc.policy_acked;
                let stops_policy = answers_policy && inc.policy_running;
                if answers_policy {
                    inc.policy_acked = true;
                }
                let detail = if stops_policy {
                    "stops the escalation"
                } else {
                    ""
                };
                self.record(EventKind::Ack, Some(tier), Some(person), detail.into());
                if first {
                    self.tier_at[Timeline::Acknowledge as usize] = Some(tier);
                    let d = self.draw(m.contain);
                    self.push(self.now.saturating_add(d), Ev::Contained);
                    if let Some(target) = m.tiers[tier].communication {
                        self.page_target(target, tier, None, Why::Communication);
                    }
                }
            }
            Ev::CommAck { person } => {
                self.pending_comm[person] = false;
                if self.is_unavailable(person, self.now) {
                    return;
                }
                let Some(inc) = &mut self.incident else {
                    return;
                };
                if inc.first_update.is_none() {
                    inc.first_update = Some(self.now);
                    inc.poster = Some(person);
                    let tier = inc.tier;
                    self.tier_at[Timeline::FirstUpdate as usize] = Some(tier);
                    self.record(
                        EventKind::FirstUpdate,
                        Some(tier),
                        Some(person),
                        String::new(),
                    );
                    self.schedule_next_update();
                }
            }
            Ev::Contained => {
                let Some(inc) = &mut self.incident else {
                    return;
                };
                inc.contained = Some(self.now);
                let tier = inc.tier;
                self.tier_at[Timeline::Contain as usize] = Some(tier);
                self.record(EventKind::Contained, Some(tier), None, String::new());
                let d = self.draw(m.resolve);
                self.push(self.now.saturating_add(d), Ev::Resolved);
            }
            Ev::Resolved => {
                let Some(inc) = &mut self.incident else {
                    return;
                };
                inc.resolved = Some(self.now);
                let tier = inc.tier;
                self.tier_at[Timeline::Resolve as usize] = Some(tier);
                self.record(EventKind::Resolved, Some(tier), None, String::new());
                self.finished = true;
            }
            Ev::Breach { timeline, gen } => {
                let Some(inc) = &self.incident else { return };
                if gen != inc.deadline_gen {
                    return;
                }
                let met = match timeline {
                    Timeline::Acknowledge => inc.policy_acked,
                    Timeline::Contain => inc.contained.is_some(),
                    Timeline::Resolve => inc.resolved.is_some(),
                    Timeline::FirstUpdate => inc.first_update.is_some(),
                };
                let tier = inc.tier;
                if met
                    || self
                        .breaches
                        .iter()
                        .any(|&(t, tl, _)| t == tier && tl == timeline)
                {
                    return;
                }
                let escalate = m.tiers[tier].escalate_on[timeline as usize] && tier > 0;
                self.breaches.push((tier, timeline, self.now));
                self.breach_precursors.push(self.last_step);
                let detail = if escalate {
                    format!("{} missed; escalating", timeline.as_str())
                } else {
                    format!("{} missed", timeline.as_str())
                };
                self.record(EventKind::Breach, Some(tier), None, detail);
                if escalate {
                    self.enter_tier(tier - 1, Entry::Escalate);
                }
            }
            Ev::Step { gen, step, pass } => {
                let Some(inc) = &self.incident else { return };
                if gen != inc.policy_gen || !inc.policy_running || inc.policy_acked {
                    return;
                }
                let tier = inc.tier;
                self.step_events += 1;
                let steps = &m.tiers[tier].steps;
                if step >= steps.len() {
                    if !self.exhausted.contains(&tier) {
                        self.exhausted.push(tier);
                    }
                    if let Some(inc) = &mut self.incident {
                        inc.policy_running = false;
                    }
                    self.record(EventKind::Exhausted, Some(tier), None, String::new());
                    return;
                }
                for k in 0..steps[step].targets.len() {
                    let target = steps[step].targets[k];
                    self.page_target(target, tier, Some(gen), Why::Step(step));
                }
                self.last_step = Some((tier, step));
                let after = steps[step].after_ms;
                let next = if step + 1 < steps.len() {
                    Ev::Step {
                        gen,
                        step: step + 1,
                        pass,
                    }
                } else if pass < m.tiers[tier].repeat && m.tiers[tier].cycle_ms > 0 {
                    // (a pass that takes no time would repeat at the same instant, paging
                    // nobody new: such a policy runs out after its first pass)
                    Ev::Step {
                        gen,
                        step: 0,
                        pass: pass + 1,
                    }
                } else {
                    Ev::Step {
                        gen,
                        step: steps.len(),
                        pass,
                    }
                };
                self.push(self.now.saturating_add(after), next);
            }
            Ev::UpdateDue => {
                let Some(inc) = &self.incident else { return };
                let tier = inc.tier;
                self.update_events += 1;
                match inc.poster {
                    Some(p) if self.is_unavailable(p, self.now) => {
                        self.updates_missed += 1;
                        self.record(EventKind::UpdateMissed, Some(tier), Some(p), String::new());
                    }
                    poster => {
                        self.record(EventKind::UpdatePosted, Some(tier), poster, String::new())
                    }
                }
                self.schedule_next_update();
            }
        }
    }

    fn schedule_next_update(&mut self) {
        if let Some(inc) = &self.incident {
            if let Some(every) = self.m.tiers[inc.tier].update_every_ms {
                self.push(self.now.saturating_add(every), Ev::UpdateDue);
            }
        }
    }

    fn enter_tier(&mut self, to: usize, how: Entry) {
        let m = self.m.clone();
        let m = &*m;
        let now = self.now;
        let Some(inc) = &mut self.incident else {
            return;
        };
        let from = inc.tier;
        inc.tier = to;
        inc.max_tier = inc.max_tier.min(to);
        inc.deadline_gen += 1;
        inc.policy_gen += 1;
        let start_policy = how != Entry::Demote || inc.first_ack.is_none();
        inc.policy_running = start_policy;
        inc.policy_started = start_policy;
        inc.policy_acked = false;
        let (gen, dgen, detected) = (inc.policy_gen, inc.deadline_gen, inc.detected);
        let achieved = [
            false,
            inc.contained.is_some(),
            inc.resolved.is_some(),
            inc.first_update.is_some(),
        ];
        if self.logging() {
            let (kind, detail) = match how {
                Entry::Open => (EventKind::Opened, String::new()),
                Entry::Promote => (EventKind::Promoted, format!("from {}", m.tiers[from].id)),
                Entry::Escalate => (EventKind::Escalated, format!("from {}", m.tiers[from].id)),
                Entry::Demote => (EventKind::Demoted, format!("from {}", m.tiers[from].id)),
            };
            self.record(kind, Some(to), None, detail);
        }
        let tier = &m.tiers[to];
        if start_policy {
            self.policy_start = now;
            self.push(
                now,
                Ev::Step {
                    gen,
                    step: 0,
                    pass: 0,
                },
            );
            if let Some(d) = tier.deadlines[Timeline::Acknowledge as usize] {
                self.push(
                    now.saturating_add(d),
                    Ev::Breach {
                        timeline: Timeline::Acknowledge,
                        gen: dgen,
                    },
                );
            }
        }
        for tl in [Timeline::Contain, Timeline::Resolve, Timeline::FirstUpdate] {
            if let Some(d) = tier.deadlines[tl as usize] {
                if !achieved[tl as usize] {
                    self.push(
                        detected.saturating_add(d).max(now),
                        Ev::Breach {
                            timeline: tl,
                            gen: dgen,
                        },
                    );
                }
            }
        }
    }

    /// Pages a target. `gen` is the policy generation for escalation pages, `None` for
    /// the communication page.
    fn page_target(&mut self, target: SimTarget, tier: usize, gen: Option<u32>, why: Why) {
        let m = self.m.clone();
        let m = &*m;
        match target {
            SimTarget::Person(p) => self.page_person(p, tier, gen, why, None),
            SimTarget::Role(r) => {
                for k in 0..m.role_holders[r].len() {
                    self.page_person(m.role_holders[r][k], tier, gen, why, None);
                }
            }
            SimTarget::Rotation(r) => {
                let rot = &m.rotations[r];
                let t = m.start_ms.saturating_add(self.now as i64);
                let in_window = rot
                    .window
                    .as_ref()
                    .is_none_or(|(w, tz)| crate::oncall::in_window(w, tz, t));
                let member =
                    crate::oncall::member_on_call(rot.members.len(), rot.shift_ms, rot.start_ms, t);
                match (in_window, member) {
                    (true, Some(k)) => self.page_person(rot.members[k], tier, gen, why, Some(r)),
                    _ => {
                        if self.logging() {
                            let detail = format!("{} has nobody on call, {why}", rot.id);
                            self.record(EventKind::EmptyPage, Some(tier), None, detail);
                        }
                    }
                }
            }
        }
    }

    fn page_person(
        &mut self,
        p: usize,
        tier: usize,
        gen: Option<u32>,
        why: Why,
        via: Option<usize>,
    ) {
        let m = self.m.clone();
        let m = &*m;
        if let Some(g) = gen {
            if self.pending[p] == Some(g) {
                return; // already waiting for this person's acknowledgement in this tier
            }
        }
        self.pages_sent += 1;
        self.paged[p] = true;
        self.tally[p].pages += 1;
        let t = m.start_ms.saturating_add(self.now as i64);
        let ts = jiff::Timestamp::from_millisecond(t).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let hour = m.people[p].tz.to_datetime(ts).hour();
        if !(7..22).contains(&hour) {
            self.tally[p].off_hours += 1;
        }
        let unavailable = self.is_unavailable(p, self.now);
        let outcome = if self.human[p] {
            match gen {
                Some(g) => self.pending[p] = Some(g),
                None => self.pending_comm[p] = true,
            }
            "waiting for the player"
        } else if unavailable {
            "unavailable: will not answer"
        } else if m.people[p].miss > 0.0 && self.uniform() < m.people[p].miss {
            "missed"
        } else {
            let d = self.draw(m.people[p].ack);
            match gen {
                Some(g) => {
                    self.pending[p] = Some(g);
                    self.push(self.now.saturating_add(d), Ev::Ack { person: p, gen: g });
                }
                None => {
                    self.pending_comm[p] = true;
                    self.push(self.now.saturating_add(d), Ev::CommAck { person: p });
                }
            }
            ""
        };
        if self.logging() {
            let via = via
                .map(|r| format!("{}, ", m.rotations[r].id))
                .unwrap_or_default();
            let detail = if outcome.is_empty() {
                format!("{via}{why}")
            } else {
                format!("{via}{why}; {outcome}")
            };
            self.record(EventKind::Page, Some(tier), Some(p), detail);
        }
    }
}

/// Why a page goes out; turned into text only when the log is kept.
#[derive(Debug, Clone, Copy)]
enum Why {
    /// Escalation step (0-based).
    Step(usize),
    /// The communication owner at the first acknowledgement.
    Communication,
}

impl std::fmt::Display for Why {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Why::Step(k) => write!(f, "step {}", k + 1),
            Why::Communication => f.write_str("communication owner"),
        }
    }
}

fn until_text(until: u64, now: u64) -> String {
    if until == u64::MAX {
        "until the end of the run".into()
    } else {
        format!(
            "for {}",
            crate::Duration::from_millis(until.saturating_sub(now))
        )
    }
}
