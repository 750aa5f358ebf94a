//! The drill room's state for the session: the live drill and the study outlive a visit
//! to another page, and belong to the library entry they were started on.
//!
//! The drill itself is the core's [`DrillSession`]; this module keeps it, tells views
//! when it changed, and keeps its clock: an interval that moves simulated time on by
//! the speed chosen (the core never reads a clock).

use std::collections::BTreeSet;

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use rungs_core::drill::DrillSession;
use rungs_core::Ladder;

use crate::state::study_room::StudyRoom;

/// How often the drill's clock ticks, in real milliseconds.
pub const TICK_MS: u32 = 100;

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
    /// The ids of the people played in the room.
    pub humans: RwSignal<BTreeSet<String>>,
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
            humans: RwSignal::new(BTreeSet::new()),
            note: RwSignal::new(String::new()),
            paused_away: RwSignal::new(false),
            entry: StoredValue::new(None),
            chosen: RwSignal::new(None),
            study: StudyRoom::new(),
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
            room.note.set(String::new());
            room.paused_away.set(false);
            room.chosen.set(None);
            room.study.clear();
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

    /// Runs the clock: every [`TICK_MS`] the drill moves on by that times the speed,
    /// until it is over.
    pub fn run_clock(&self) {
        self.stop_clock();
        self.paused_away.set(false);
        self.running.set(true);
        let room = *self;
        let interval = Interval::new(TICK_MS, move || {
            let ms = u64::from(TICK_MS) * u64::from(room.speed.get_untracked());
            let mut over = false;
            room.act(|d| over = d.advance_by(ms));
            if over {
                room.stop_clock();
            }
        });
        self.clock.set_value(Some(interval));
    }

    /// Pauses a running drill as its page is left; it says so on return.
    pub fn leave(&self) {
        if self.running.get_untracked() {
            self.paused_away.set(true);
        }
        self.stop_clock();
    }
}

impl Default for DrillRoom {
    fn default() -> Self {
        Self::new()
    }
}
