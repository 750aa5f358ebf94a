//! The drill room's state for the session, kept by the page: the scenario chosen and the
//! drill log outlive a visit to another page, and belong to the library entry they were
//! used with. The live drill's and the study's own state is the extras module's
//! [`crate::state::live_room::LiveRoom`].

use leptos::prelude::*;
use rungs_core::drill::{remember, LogRecord, LOG_KEPT};
use rungs_core::versions::Why;

use crate::platform::library;
use crate::state::doc::Doc;
use crate::state::session::Session;

/// The drill room's state, kept for the session (made by the app, in context), so that
/// leaving the drill room and coming back finds the scenario chosen and the drill log as
/// they were. It belongs to the library entry it was used with.
#[derive(Clone, Copy)]
pub struct DrillRoom {
    /// The library entry the state belongs to.
    entry: StoredValue<Option<String>>,
    /// The scenario chosen in the drill room.
    pub chosen: RwSignal<Option<String>>,
    /// The ladder's drill log: its finished drills and studies, newest first (kept in the
    /// library).
    pub records: RwSignal<Vec<LogRecord>>,
    /// What became of the last record kept, when there is something to say.
    pub log_note: RwSignal<Option<String>>,
}

impl DrillRoom {
    /// An empty drill room.
    pub fn new() -> Self {
        DrillRoom {
            entry: StoredValue::new(None),
            chosen: RwSignal::new(None),
            records: RwSignal::new(Vec::new()),
            log_note: RwSignal::new(None),
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
            room.chosen.set(None);
            room.records.set(
                room.entry
                    .get_value()
                    .map(|id| library::drill_log(&id))
                    .unwrap_or_default(),
            );
            room.log_note.set(None);
        }
        room
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
