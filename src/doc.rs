//! The ladder being designed: the one place that holds it, changes it and remembers its
//! history for undo and redo.
//!
//! The ladder itself is the truth; the JSON editor's text follows it. Visual edits change
//! the ladder and rewrite the text; typed JSON replaces the ladder once it parses, and a
//! text that does not parse never replaces the last ladder that did.

use leptos::prelude::*;
use rungs_core::history::History;
use rungs_core::{Diagnostic, Ladder};

/// How many edits undo can go back.
pub const UNDO_LIMIT: usize = 200;

/// Edits of the same field closer together than this are one step of undo.
const COALESCE_MS: f64 = 1000.0;

/// The document and its history. `Copy`, so every component can hold it.
#[derive(Clone, Copy)]
pub struct Doc {
    /// The last ladder that parsed: what every page shows.
    pub ladder: RwSignal<Ladder>,
    /// The JSON text in the editor (may not parse).
    pub source: RwSignal<String>,
    /// Why `source` does not parse, if it does not.
    pub parse_error: RwSignal<Option<Diagnostic>>,
    /// A shared ladder is read-only until the user makes a copy.
    pub readonly: RwSignal<bool>,
    /// Whether undo and redo have anything to do.
    pub can_undo: RwSignal<bool>,
    /// See `can_undo`.
    pub can_redo: RwSignal<bool>,
    history: StoredValue<History<Ladder>>,
    last_edit: StoredValue<Option<(String, f64)>>,
    /// The rewrite of `source` after a visual edit, waiting for a pause in typing.
    text_due: StoredValue<Option<gloo_timers::callback::Timeout>, LocalStorage>,
}

/// How long after a visual edit the JSON text is rewritten, in milliseconds: writing a
/// large ladder's JSON on every keystroke would cost more than the edit itself.
pub const TEXT_DELAY_MS: u32 = 60;

impl Doc {
    /// A document showing `text` (which may not parse; `fallback` is shown then).
    pub fn new(text: String, fallback: Ladder) -> Self {
        let (ladder, error) = match rungs_core::parse_ladder(&text) {
            Ok(l) => (l, None),
            Err(e) => (fallback, Some(Diagnostic::from_parse_error(&e))),
        };
        Doc {
            history: StoredValue::new(History::new(ladder.clone(), UNDO_LIMIT)),
            ladder: RwSignal::new(ladder),
            source: RwSignal::new(text),
            parse_error: RwSignal::new(error),
            readonly: RwSignal::new(false),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            last_edit: StoredValue::new(None),
            text_due: StoredValue::new_local(None),
        }
    }

    /// Opens another ladder: its text, with a fresh history.
    pub fn open(&self, text: String) {
        match rungs_core::parse_ladder(&text) {
            Ok(l) => self.open_parsed(l, text),
            Err(e) => {
                self.parse_error.set(Some(Diagnostic::from_parse_error(&e)));
                self.source.set(text);
                self.settle();
            }
        }
    }

    /// Opens `ladder`, already read from `text`, with a fresh history.
    pub fn open_parsed(&self, ladder: Ladder, text: String) {
        self.history.update_value(|h| h.reset(ladder.clone()));
        self.ladder.set(ladder);
        self.parse_error.set(None);
        self.source.set(text);
        self.settle();
    }

    /// After opening: no rewrite of the text pending, no run of typing to extend, and
    /// the undo and redo buttons as the history says.
    fn settle(&self) {
        if let Some(Some(t)) = self.text_due.try_update_value(|d| d.take()) {
            t.cancel();
        }
        self.last_edit.set_value(None);
        self.sync_flags();
    }

    /// Changes the ladder; one step of undo. `field` names what is edited (a JSON
    /// Pointer): edits of the same field in quick succession (typing) are one step.
    pub fn edit(&self, field: &str, f: impl FnOnce(&mut Ladder)) {
        if self.readonly.get_untracked() {
            return;
        }
        crate::app::timed("edit", || self.edit_untimed(field, f));
    }

    /// Makes the next edit a step of its own, even of the same field within the second:
    /// a new drag or click on a chart is a new thing to undo.
    pub fn begin_step(&self) {
        self.last_edit.set_value(None);
    }

    fn edit_untimed(&self, field: &str, f: impl FnOnce(&mut Ladder)) {
        let mut next = self.ladder.get_untracked();
        f(&mut next);
        let now = js_sys::Date::now();
        let coalesce = self.last_edit.with_value(|l| {
            l.as_ref()
                .is_some_and(|(k, t)| k == field && now - t < COALESCE_MS)
        });
        let changed = self.history.try_update_value(|h| {
            if coalesce {
                h.amend(next.clone())
            } else {
                h.record(next.clone())
            }
        });
        if changed != Some(true) {
            return;
        }
        self.last_edit.set_value(Some((field.to_string(), now)));
        self.show(next);
    }

    /// Reads typed JSON: a text that parses replaces the ladder (one step of undo); one
    /// that does not leaves the ladder as it was and says why.
    pub fn apply_text(&self, text: String) {
        if let Some(Some(t)) = self.text_due.try_update_value(|d| d.take()) {
            t.cancel();
        }
        match rungs_core::parse_ladder(&text) {
            Ok(l) => {
                self.parse_error.set(None);
                self.last_edit.set_value(None);
                if self.history.try_update_value(|h| h.record(l.clone())) == Some(true) {
                    self.ladder.set(l);
                }
            }
            Err(e) => self.parse_error.set(Some(Diagnostic::from_parse_error(&e))),
        }
        self.sync_flags();
    }

    /// Goes back one edit.
    pub fn undo(&self) {
        if self.readonly.get_untracked() {
            return;
        }
        if let Some(Some(l)) = self.history.try_update_value(|h| h.undo().cloned()) {
            self.last_edit.set_value(None);
            self.show(l);
        }
    }

    /// Goes forward one undone edit.
    pub fn redo(&self) {
        if self.readonly.get_untracked() {
            return;
        }
        if let Some(Some(l)) = self.history.try_update_value(|h| h.redo().cloned()) {
            self.last_edit.set_value(None);
            self.show(l);
        }
    }

    /// Shows `l`; the JSON text follows after a pause (see [`TEXT_DELAY_MS`]).
    fn show(&self, l: Ladder) {
        self.parse_error.set(None);
        self.ladder.set(l);
        self.sync_flags();
        let doc = *self;
        self.text_due.update_value(|due| {
            if let Some(t) = due.take() {
                t.cancel();
            }
            *due = Some(gloo_timers::callback::Timeout::new(
                TEXT_DELAY_MS,
                move || doc.sync_text(),
            ));
        });
    }

    /// Rewrites the JSON text now if a visual edit left it behind (before saving).
    pub fn sync_text(&self) {
        let Some(Some(due)) = self.text_due.try_update_value(|d| d.take()) else {
            return;
        };
        due.cancel();
        let text = self
            .ladder
            .with_untracked(|l| crate::app::timed("to-json", || rungs_core::to_canonical_json(l)));
        self.source.set(text);
    }

    fn sync_flags(&self) {
        let (u, r) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        self.can_undo.set(u);
        self.can_redo.set(r);
    }
}

/// The document of the app, from context.
pub fn use_doc() -> Doc {
    expect_context::<Doc>()
}
