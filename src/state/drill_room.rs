//! The drill room's state for the session: the live drill and the study outlive a visit
//! to another page, and belong to the library entry they were started on.
//!
//! The drill itself is the core's [`DrillSession`]; this module keeps it, tells views
//! when it changed, and keeps its clock: an interval that moves simulated time on by
//! the speed chosen (the core never reads a clock).

use std::collections::BTreeSet;

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use rungs_core::drill::{remember, DrillSession, LogRecord, LOG_KEPT};
use rungs_core::versions::Why;
use rungs_core::Ladder;

use crate::platform::clock::now_ms;
use crate::platform::library;
use crate::state::doc::Doc;
use crate::state::session::Session;
use crate::state::study_room::StudyRoom;

/// How often the drill's clock ticks, in real milliseconds.
pub const TICK_MS: u32 = 100;

/// What the clock does while a page waits for someone in the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhileWaiting {
    /// Runs at 1× (real time), so the card can be answered before its step escalates.
    SlowDown,
    /// Stops until the page is acknowledged.
    Pause,
    /// Keeps the speed chosen.
    KeepSpeed,
}

impl WhileWaiting {
    /// Every choice, with its label, as the drill room offers them.
    pub const ALL: [(WhileWaiting, &'static str, &'static str); 3] = [
        (WhileWaiting::SlowDown, "slow", "slow to 1×"),
        (WhileWaiting::Pause, "pause", "pause"),
        (WhileWaiting::KeepSpeed, "keep", "keep the speed"),
    ];

    /// The choice of the select's `value`.
    pub fn from_value(v: &str) -> WhileWaiting {
        Self::ALL
            .iter()
            .find(|(_, value, _)| *value == v)
            .map_or(WhileWaiting::SlowDown, |(w, _, _)| *w)
    }

    /// Simulated seconds per real second at `speed` while a page waits.
    pub fn speed(self, speed: u32) -> u32 {
        match self {
            WhileWaiting::SlowDown => 1,
            WhileWaiting::Pause => 0,
            WhileWaiting::KeepSpeed => speed,
        }
    }
}

/// The drill room's state, kept for the session (made by the app, in context), so that
/// leaving the drill room and coming back finds the drill as it was: its session, the
/// players, the speed and a note being typed. A drill running when its page is left is
/// paused, and says so on return. It belongs to the library entry it was started on.
#[derive(Clone, Copy)]
pub struct DrillRoom {
    drill: StoredValue<Option<DrillSession>, LocalStorage>,
    clock: StoredValue<Option<Interval>, LocalStorage>,
    /// Notified after every change to the drill, which is not reactive itself.
    tick: Trigger,
    /// Simulated seconds per real second.
    pub speed: RwSignal<u32>,
    /// The clock is running.
    pub running: RwSignal<bool>,
    /// What the clock does while a page waits for someone in the room.
    pub while_waiting: RwSignal<WhileWaiting>,
    /// The ids of the people played in the room.
    pub humans: RwSignal<BTreeSet<String>>,
    /// The scenario whose first-paged people were last ticked as players.
    pub preticked_for: RwSignal<Option<String>>,
    /// The facilitator's note being typed.
    pub note: RwSignal<String>,
    /// The drill was running when its page was left, and is paused.
    pub paused_away: RwSignal<bool>,
    /// The library entry the state belongs to.
    entry: StoredValue<Option<String>>,
    /// The scenario chosen in the drill room.
    pub chosen: RwSignal<Option<String>>,
    /// The Monte Carlo study's inputs and last result.
    pub study: StudyRoom,
    /// The ladder's drill log: its finished drills and studies, newest first (kept in the
    /// library).
    pub records: RwSignal<Vec<LogRecord>>,
    /// What became of the last record kept, when there is something to say.
    pub log_note: RwSignal<Option<String>>,
    /// The drill on show was logged already.
    recorded: StoredValue<bool>,
}

impl DrillRoom {
    /// An empty drill room.
    pub fn new() -> Self {
        DrillRoom {
            drill: StoredValue::new_local(None),
            clock: StoredValue::new_local(None),
            tick: Trigger::new(),
            speed: RwSignal::new(60),
            running: RwSignal::new(false),
            while_waiting: RwSignal::new(WhileWaiting::SlowDown),
            humans: RwSignal::new(BTreeSet::new()),
            preticked_for: RwSignal::new(None),
            note: RwSignal::new(String::new()),
            paused_away: RwSignal::new(false),
            entry: StoredValue::new(None),
            chosen: RwSignal::new(None),
            study: StudyRoom::new(),
            records: RwSignal::new(Vec::new()),
            log_note: RwSignal::new(None),
            recorded: StoredValue::new(false),
        }
    }

    /// The room of the app (a fresh one outside it, as in a component test), emptied
    /// when another library entry is open than the one it was last used with.
    pub fn current() -> Self {
        let room = use_context::<DrillRoom>().unwrap_or_default();
        let open =
            use_context::<crate::state::session::Session>().and_then(|s| s.entry.get_untracked());
        if room.entry.get_value() != open {
            room.entry.set_value(open);
            room.drill.set_value(None);
            room.humans.set(BTreeSet::new());
            room.preticked_for.set(None);
            room.note.set(String::new());
            room.paused_away.set(false);
            room.chosen.set(None);
            room.study.clear();
            room.records.set(
                room.entry
                    .get_value()
                    .map(|id| library::drill_log(&id))
                    .unwrap_or_default(),
            );
            room.log_note.set(None);
            room.tick.notify();
        }
        room
    }

    /// `f` of the drill (the default before a drill starts), read so that a view
    /// re-renders whenever the drill changes.
    pub fn watch<T: Default>(&self, f: impl FnOnce(&DrillSession) -> T) -> T {
        self.tick.track();
        self.drill
            .with_value(|d| d.as_ref().map(f).unwrap_or_default())
    }

    /// [`DrillRoom::watch`] with the ladder too (for names); also re-renders when the
    /// ladder changes.
    pub fn read<T: Default>(
        &self,
        ladder: Signal<Ladder>,
        f: impl FnOnce(&Ladder, &DrillSession) -> T,
    ) -> T {
        ladder.with(|l| self.watch(|d| f(l, d)))
    }

    /// `f` of the drill without tracking (for event handlers); `None` before a start.
    pub fn peek<T>(&self, f: impl FnOnce(&DrillSession) -> T) -> Option<T> {
        self.drill.with_value(|d| d.as_ref().map(f))
    }

    /// Changes the drill (nothing before a start) and tells the views.
    pub fn act(&self, f: impl FnOnce(&mut DrillSession)) {
        self.drill.update_value(|d| {
            if let Some(d) = d {
                f(d)
            }
        });
        self.tick.notify();
    }

    /// Whether a drill was started (and not discarded).
    pub fn started(&self) -> bool {
        self.tick.track();
        self.drill.with_value(Option::is_some)
    }

    /// Whether the drill is over.
    pub fn finished(&self) -> bool {
        self.watch(DrillSession::is_finished)
    }

    /// Replaces the drill with `session` (or none) and stops the clock.
    pub fn set(&self, session: Option<DrillSession>) {
        self.recorded.set_value(false);
        self.stop_clock();
        self.paused_away.set(false);
        self.drill.set_value(session);
        self.tick.notify();
    }

    /// Stops the clock.
    pub fn stop_clock(&self) {
        self.clock.update_value(|c| {
            if let Some(i) = c.take() {
                i.cancel();
            }
        });
        self.running.set(false);
    }

    /// Simulated seconds per real second now: the speed chosen, or what
    /// [`DrillRoom::while_waiting`] says while a page waits for someone in the room.
    pub fn effective_speed(&self) -> u32 {
        let speed = self.speed.get_untracked();
        let waiting = self.peek(|d| !d.awaiting().is_empty()).unwrap_or(false);
        if waiting {
            self.while_waiting.get_untracked().speed(speed)
        } else {
            speed
        }
    }

    /// Runs the clock: every [`TICK_MS`] the drill moves on by that times the speed
    /// ([`DrillRoom::effective_speed`]), until it is over.
    pub fn run_clock(&self) {
        self.stop_clock();
        self.paused_away.set(false);
        self.running.set(true);
        let room = *self;
        let interval = Interval::new(TICK_MS, move || {
            let ms = u64::from(TICK_MS) * u64::from(room.effective_speed());
            if ms == 0 {
                return;
            }
            let mut over = false;
            room.act(|d| over = d.advance_by(ms));
            if over {
                room.stop_clock();
            }
        });
        self.clock.set_value(Some(interval));
    }

    /// Logs the drill on show once it is finished (once per drill), with the version of
    /// the ladder it ran on (see [`DrillRoom::log`]).
    pub fn keep_finished(&self, l: &Ladder, session: Session, doc: Doc) {
        if self.recorded.get_value() || !self.peek(DrillSession::is_finished).unwrap_or(false) {
            return;
        }
        self.recorded.set_value(true);
        let (version, pruned) = drilled_version(session, doc);
        if let Some(record) = self.peek(|d| d.record(l, now_ms(), version)) {
            self.log(record, pruned);
        }
    }

    /// Adds `record` to this ladder's drill log. A shared ladder not yet copied keeps it
    /// for the session only; storage that refuses says so (a drill's debrief stays
    /// downloadable meanwhile). `pruned` says which versions went to make room.
    pub fn log(&self, record: LogRecord, pruned: Option<String>) {
        let what = record.kind.label().to_lowercase();
        let note = match self.entry.get_value() {
            None => Some(format!(
                "This {what} is kept for this visit only: make a copy of the shared ladder to keep its drill log."
            )),
            Some(id) => match library::add_to_drill_log(&id, record.clone()) {
                Ok(0) => None,
                Ok(_) => Some(format!(
                    "Kept with the {LOG_KEPT} most recent drills and studies; the oldest was let go."
                )),
                Err(e) => Some(format!(
                    "This {what} could not be kept in this browser ({e}); download what you need from it now."
                )),
            },
        };
        let note = match (note, pruned) {
            (Some(a), Some(b)) => Some(format!("{a} {b}")),
            (a, b) => a.or(b),
        };
        self.log_note.set(note);
        self.records.update(|list| {
            remember(list, record);
        });
    }

    /// Forgets the record that finished at `finished_at`.
    pub fn forget(&self, finished_at: f64) {
        if let Some(id) = self.entry.get_value() {
            if let Err(e) = library::delete_from_drill_log(&id, finished_at) {
                self.log_note
                    .set(Some(format!("That drill could not be removed: {e}")));
                return;
            }
        }
        self.records
            .update(|list| list.retain(|d| d.finished_at != finished_at));
    }

    /// Pauses a running drill as its page is left; it says so on return.
    pub fn leave(&self) {
        if self.running.get_untracked() {
            self.paused_away.set(true);
        }
        self.stop_clock();
    }
}

/// The number of the version that holds the open ladder's text as a drill or study
/// runs on it (kept now, as an automatic version, unless the newest one holds it), and
/// what the page must say about versions pruned to make room. `None` for a ladder that
/// is not in the library.
pub fn drilled_version(session: Session, doc: Doc) -> (Option<u32>, Option<String>) {
    match session.keep_version(doc, Why::Drilled, "") {
        Some(Ok(added)) => (added.holds, added.message()),
        _ => (None, None),
    }
}

impl Default for DrillRoom {
    fn default() -> Self {
        Self::new()
    }
}
