//! The discrete-event engine: one incident, from the first signal to resolution or the
//! horizon. See docs/simulation.md for the semantics it implements.
//!
//! [`Engine`] holds the model and the people played by humans; everything one run
//! changes is its [`RunState`](state::RunState) (clock, randomness, [event
//! queue](queue), incident), so a new run is a fresh one. The [handlers] give each kind
//! of event its meaning; the [figures] read a run's outcome.

mod figures;
mod handlers;
mod local;
mod queue;
mod random;
mod state;

use std::ops::Deref;

use super::index::{PersonIx, TierIx};
use super::model::SimModel;
use super::time::SimTime;
use super::{EventKind, LogEntry, EVENT_BUDGET};
use queue::Ev;
use state::Entry;
pub(crate) use state::RunState;
pub use state::{Via, WaitingPage};

/// A simulation of one incident, stepped event by event or run to the end. Reusable
/// across runs ([`Engine::reset`]).
///
/// `M` is how the engine holds its model: a borrow (`&SimModel`) when the model outlives
/// the engine, as in a study, or a shared owner (`Rc<SimModel>`, `Arc<SimModel>`) when
/// the engine must stand alone, as in a live drill kept in UI state.
pub struct Engine<M> {
    m: M,
    run: RunState,
    /// Whether each person is played by a human (kept across resets).
    human: Vec<bool>,
    /// Whether runs keep their event log.
    logging: bool,
    /// Per person: the spans in which a page is off-hours or not (kept across resets).
    off_hours: Vec<local::LocalSpans>,
    /// Per rotation: the spans in which its window is open or closed (kept across resets).
    windows: Vec<local::LocalSpans>,
    /// Per rotation: the minutes of the local day at which its windows open or close.
    window_breaks: Vec<Vec<u16>>,
    /// Per rotation: its hand-offs met so far (kept across resets).
    handoffs: Vec<local::Handoffs>,
    /// Events handled since the engine was made (across resets), for throughput reports.
    processed: u64,
}

impl<M: Deref<Target = SimModel> + Clone> Engine<M> {
    /// A fresh engine for `model`, seeded with `seed`; `log` keeps the event log.
    pub fn new(m: M, seed: u64, log: bool) -> Self {
        Engine {
            run: RunState::new(&m, seed, log),
            human: vec![false; m.people.len()],
            logging: log,
            off_hours: vec![Default::default(); m.people.len()],
            windows: vec![Default::default(); m.rotations.len()],
            window_breaks: (m.rotations.iter())
                .map(|r| {
                    let windows = r.window.iter().flat_map(|(w, _)| w);
                    (windows.flat_map(|w| [w.from.minutes(), w.to.minutes()])).collect()
                })
                .collect(),
            handoffs: vec![Default::default(); m.rotations.len()],
            processed: 0,
            m,
        }
    }

    /// Starts over with another seed: a fresh run, in the allocations of the last.
    pub fn reset(&mut self, seed: u64) {
        self.run.restart(&self.m, seed, self.logging);
    }

    /// The current run's state, for the study.
    pub(crate) fn state(&self) -> &RunState {
        &self.run
    }

    // ---- stepping ----------------------------------------------------------------------

    /// The current simulated time.
    pub fn now(&self) -> SimTime {
        self.run.now
    }

    /// Whether the run is over: resolved, or nothing left to happen before the horizon
    /// and no page waiting for a human.
    pub fn is_finished(&self) -> bool {
        self.run.finished || (self.next_time().is_none() && !self.human_waiting())
    }

    fn human_waiting(&self) -> bool {
        PersonIx::all(self.human.len()).any(|p| self.awaiting_human(p))
    }

    /// The time of the next event, if it falls before the horizon and the run goes on.
    pub fn next_time(&self) -> Option<SimTime> {
        self.next_due().map(|(t, _)| t)
    }

    /// [`next_time`](Engine::next_time), with where the event is for the queue's
    /// [`pop_from`](queue::EventQueue::pop_from).
    #[inline]
    fn next_due(&self) -> Option<(SimTime, queue::Next)> {
        if self.run.finished {
            return None;
        }
        self.run.queue.peek().filter(|&(t, _)| t < self.m.horizon)
    }

    /// Processes the next event. Returns false when the run is over, also when it has
    /// just been stopped by the [`EVENT_BUDGET`].
    pub fn step(&mut self) -> bool {
        let Some((_, next)) = self.next_due() else {
            if !self.human_waiting() {
                self.run.finished = true;
            }
            return false;
        };
        if self.run.events >= EVENT_BUDGET {
            // an event is still due before the horizon: the run ends here
            self.run.budget_exhausted = true;
            self.run.finished = true;
            return false;
        }
        let Some((t, ev)) = self.run.queue.pop_from(next) else {
            return false;
        };
        self.run.now = t;
        self.processed += 1;
        self.run.events += 1;
        self.handle(ev);
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
        if !self.run.finished {
            self.run.now = self.run.now.max(t.min(self.m.horizon));
        }
        if self.run.now >= self.m.horizon {
            self.run.finished = true;
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
        self.run.events
    }

    /// Whether the run was stopped by the [`EVENT_BUDGET`] (it is then finished).
    pub fn budget_exhausted(&self) -> bool {
        self.run.budget_exhausted
    }

    // ---- players and facilitator -------------------------------------------------------

    /// Marks people as played by humans: the engine draws nothing for their pages and
    /// waits for [`Engine::acknowledge`].
    pub fn set_human(&mut self, person: PersonIx, human: bool) {
        if let Some(h) = self.human.get_mut(person.0) {
            *h = human;
        }
    }

    /// Whether `person` has a page waiting for a human acknowledgement.
    pub fn awaiting_human(&self, person: PersonIx) -> bool {
        self.human.get(person.0).copied().unwrap_or(false)
            && (self.run.people[person].pending.is_some() || self.run.people[person].pending_comm)
    }

    /// The page waiting for `person`'s acknowledgement, if they are played in the room
    /// and one is.
    pub fn waiting_page(&self, person: PersonIx) -> Option<WaitingPage> {
        if !self.awaiting_human(person) {
            return None;
        }
        self.run.people[person].last_page
    }

    /// A human acknowledges their pending page at the current instant. Returns whether
    /// there was one.
    pub fn acknowledge(&mut self, person: PersonIx) -> bool {
        if self.run.finished || person.0 >= self.run.people.len() {
            return false;
        }
        let state = &self.run.people[person];
        if let Some(gen) = state.pending {
            self.handle(Ev::Ack { person, gen });
            true
        } else if state.pending_comm {
            self.handle(Ev::CommAck { person });
            true
        } else {
            false
        }
    }

    /// The facilitator makes `person` unavailable from now until `until` (or the end).
    pub fn make_unavailable(&mut self, person: PersonIx, until: Option<SimTime>) {
        if person.0 >= self.run.people.len() {
            return;
        }
        let (now, until) = (self.run.now, until.unwrap_or(SimTime::NEVER));
        self.run.unavailable.push((person, now, until));
        let detail = || until_text(until, now);
        self.record(EventKind::Unavailable, None, Some(person), detail);
    }

    /// The facilitator sets a signal to `value` now.
    pub fn set_signal(&mut self, signal: usize, value: f64) {
        if !self.run.finished && signal < self.run.values.len() {
            let signal = signal as u32; // fewer than u32::MAX: checked against values
            self.handle(Ev::Signal { signal, value });
        }
    }

    /// The facilitator promotes the incident one tier. Returns whether it moved.
    pub fn promote(&mut self) -> bool {
        let to = self.tier().and_then(TierIx::next_more_severe);
        self.move_to(to, Entry::Promote)
    }

    /// The facilitator demotes the incident one tier. Returns whether it moved.
    pub fn demote(&mut self) -> bool {
        let tiers = self.m.tiers.len();
        let to = self.tier().and_then(|t| t.next_less_severe(tiers));
        self.move_to(to, Entry::Demote)
    }

    fn move_to(&mut self, to: Option<TierIx>, how: Entry) -> bool {
        match to {
            Some(to) if !self.run.finished => {
                self.enter_tier(to, how);
                true
            }
            _ => false,
        }
    }

    /// The facilitator posts a status update now (the first one counts as the first update).
    pub fn post_update(&mut self) {
        const BY: &str = "posted by the facilitator";
        if !self.first_update(None, BY) {
            if let Some(tier) = self.tier() {
                self.record(EventKind::UpdatePosted, Some(tier), None, || BY.into());
            }
        }
    }

    /// The facilitator adds a note to the timeline.
    pub fn note(&mut self, text: &str) {
        self.record(EventKind::Note, self.tier(), None, || text.to_string());
    }

    /// The event log so far (empty unless logging).
    pub fn log(&self) -> &[LogEntry] {
        self.run.log.as_deref().unwrap_or(&[])
    }

    /// The current tier, if an incident is open.
    pub fn tier(&self) -> Option<TierIx> {
        self.run.tier()
    }

    /// Logs an event, if the log is kept; `detail` is called (and its text made) only then.
    fn record(
        &mut self,
        kind: EventKind,
        tier: Option<TierIx>,
        who: Option<PersonIx>,
        detail: impl FnOnce() -> String,
    ) {
        if let Some(log) = &mut self.run.log {
            log.push(LogEntry {
                t: self.run.now,
                kind,
                tier: tier.map(|t| self.m.tiers[t].id.clone()),
                who: who.map(|p| self.m.people[p].id.clone()),
                detail: detail(),
            });
        }
    }

    fn logging(&self) -> bool {
        self.run.log.is_some()
    }
}

fn until_text(until: SimTime, now: SimTime) -> String {
    if until == SimTime::NEVER {
        "until the end of the run".into()
    } else {
        format!("for {}", until.since(now))
    }
}
