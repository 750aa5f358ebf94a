//! The drill room's state for the session: the live drill and the study outlive a visit
//! to another page, and belong to the library entry they were started on.

use std::collections::BTreeSet;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use leptos::prelude::*;

use rungs_core::sim::{Engine, SimModel};

/// The state of a drill in progress. The engine shares ownership of its model, so a
/// drill that ends or is replaced frees both.
pub(crate) struct Drill {
    pub(crate) model: Rc<SimModel>,
    pub(crate) engine: Engine<Rc<SimModel>>,
    pub(crate) scenario: String,
    pub(crate) humans: Vec<String>,
}

/// The drill room's state, kept for the session (made by the app, in context), so that
/// leaving the drill room and coming back finds the drill as it was: its engine, the
/// players, the speed and a note being typed. A drill running when its page is left is
/// paused, and says so on return. It belongs to the library entry it was started on.
#[derive(Clone, Copy)]
pub struct DrillRoom {
    pub(crate) drill: StoredValue<Option<Drill>, LocalStorage>,
    pub(crate) clock: StoredValue<Option<Interval>, LocalStorage>,
    /// Notified after every change to the engine, which is not reactive itself.
    pub(crate) tick: Trigger,
    pub(crate) speed: RwSignal<u32>,
    pub(crate) running: RwSignal<bool>,
    pub(crate) humans: RwSignal<BTreeSet<String>>,
    pub(crate) note: RwSignal<String>,
    /// The drill was running when its page was left, and is paused.
    pub(crate) paused_away: RwSignal<bool>,
    /// The library entry the state belongs to.
    pub(crate) entry: StoredValue<Option<String>>,
    /// The scenario chosen in the drill room.
    pub chosen: RwSignal<Option<String>>,
    /// The Monte Carlo study's inputs and last result.
    pub study: crate::state::study_room::StudyRoom,
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
            study: crate::state::study_room::StudyRoom::new(),
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
}

impl Default for DrillRoom {
    fn default() -> Self {
        Self::new()
    }
}
