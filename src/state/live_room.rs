//! The drill room's state kept by the extras module (`src/bin/rungs-extras.rs`), which
//! draws the live drill and the study: the drill (the core's [`DrillSession`]), its
//! clock, the players, the speed and a note being typed, and the study's inputs and last
//! result ([`StudyRoom`]). It outlives the panels: leaving the drill room and coming back
//! finds the drill as it was (paused if it was running, and it says so) and the study's
//! last result, as long as the same library entry is open.
//!
//! The clock is an interval that moves simulated time on by the speed chosen (the core
//! never reads a clock). What the page keeps for the drill room (the scenario chosen and
//! the drill log) is [`crate::state::drill_room::DrillRoom`].

use std::cell::RefCell;
use std::collections::BTreeSet;

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use rungs_core::drill::DrillSession;
use rungs_core::Ladder;

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

/// The live drill's and the study's state, one per library entry at a time
/// ([`LiveRoom::for_entry`]).
#[derive(Clone, Copy)]
pub struct LiveRoom {
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
    /// The drill on show was logged already.
    recorded: StoredValue<bool>,
    /// The Monte Carlo study's inputs and last result.
    pub study: StudyRoom,
}

/// The rooms of the library entries drilled in this visit, each with the owner its
/// signals belong to (a root, so that unmounting a panel never disposes them). A room is
/// never dropped while the module lives, so a panel still showing one never reads a
/// disposed signal.
type Rooms = Vec<(Option<String>, Owner, LiveRoom)>;

thread_local! {
    static ROOMS: RefCell<Rooms> = const { RefCell::new(Vec::new()) };
}

impl LiveRoom {
    /// An empty room.
    fn new() -> Self {
        LiveRoom {
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
            recorded: StoredValue::new(false),
            study: StudyRoom::new(),
        }
    }

    /// The room of library entry `entry` (`None`: a shared ladder not yet copied), made
    /// the first time; a drill running in another entry's room is paused, and says so
    /// when that entry is drilled again. Call it outside any reactive owner, so the room
    /// outlives the panel.
    pub fn for_entry(entry: Option<String>) -> Self {
        debug_assert!(
            Owner::current().is_none(),
            "a room must not belong to a panel"
        );
        ROOMS.with(|rooms| {
            let mut rooms = rooms.borrow_mut();
            for (e, _, room) in rooms.iter() {
                if *e != entry {
                    room.leave();
                }
            }
            if let Some((_, _, room)) = rooms.iter().find(|(e, _, _)| *e == entry) {
                return *room;
            }
            let owner = Owner::new();
            let room = owner.with(LiveRoom::new);
            rooms.push((entry, owner, room));
            room
        })
    }

    /// `f` of the drill (the default before a drill starts), read so that a view
    /// re-renders whenever the drill changes.
    pub fn watch<T: Default>(&self, f: impl FnOnce(&DrillSession) -> T) -> T {
        self.tick.track();
        self.drill
            .with_value(|d| d.as_ref().map(f).unwrap_or_default())
    }

    /// [`LiveRoom::watch`] with the ladder too (for names); also re-renders when the
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
    /// [`LiveRoom::while_waiting`] says while a page waits for someone in the room.
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
    /// ([`LiveRoom::effective_speed`]), until it is over.
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

    /// Whether the drill on show is finished and not yet logged; it counts as logged from
    /// now on (a drill joins the drill log once).
    pub fn claim_record(&self) -> bool {
        if self.recorded.get_value() || !self.peek(DrillSession::is_finished).unwrap_or(false) {
            return false;
        }
        self.recorded.set_value(true);
        true
    }

    /// Pauses a running drill as its page is left; it says so on return.
    pub fn leave(&self) {
        if self.running.get_untracked() {
            self.paused_away.set(true);
        }
        self.stop_clock();
    }
}
