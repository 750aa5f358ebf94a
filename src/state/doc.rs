//! The ladder being designed: the one place that holds it, changes it and remembers its
//! history for undo and redo.
//!
//! The ladder itself is the truth; the JSON editor's text follows it. Visual edits change
//! the ladder and rewrite the text; typed JSON replaces the ladder once it parses, and a
//! text that does not parse never replaces the last ladder that did.
//!
//! Typed text is never thrown away: while the text does not parse, visual edits, undo
//! and redo are refused ([`Doc::locked`]), because they would rewrite the text from the
//! ladder. An entry whose text has never parsed has no ladder of its own
//! ([`Doc::broken`]): the pages show a JSON-only mode instead of another ladder. The
//! history belongs to the entry open and is reset whenever another opens.

use leptos::prelude::*;
use rungs_core::history::History;
use rungs_core::{Diagnostic, Ladder, Report};

use crate::platform::clock::{now, timed};
use crate::platform::timer::Debounce;

/// How many edits undo can go back.
pub const UNDO_LIMIT: usize = 200;

/// How much ladder JSON the undo history may hold, in bytes: a large ladder keeps fewer
/// steps (at least 8 of the largest ladder Rungs reads).
pub const UNDO_BYTES: usize = 32 * 1024 * 1024;

/// How long typing in the JSON editor must pause before the text is read again, in
/// milliseconds.
pub const TYPING_DEBOUNCE_MS: u32 = 150;

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
    /// The entry open has no ladder that parsed yet: `ladder` is a placeholder, and the
    /// pages show the JSON-only mode.
    pub broken: RwSignal<bool>,
    /// Whether undo and redo have anything to do.
    pub can_undo: RwSignal<bool>,
    /// See `can_undo`.
    pub can_redo: RwSignal<bool>,
    /// See [`Doc::locked`]: a memo, so that its readers hear of the lock coming or going
    /// only (the parse error is set again with each keystroke of broken JSON, and the
    /// inspector draws its whole form again when the lock changes).
    locked: Memo<bool>,
    history: StoredValue<History<Ladder>>,
    last_edit: StoredValue<Option<(String, f64)>>,
    /// The rewrite of `source` after a visual edit, waiting for a pause in typing.
    text_due: Debounce,
    /// Typed text waiting for a pause in typing to be read, and its timer.
    typed_due: Debounce,
}

/// How long after a visual edit the JSON text is rewritten, in milliseconds: writing a
/// large ladder's JSON on every keystroke would cost more than the edit itself.
pub const TEXT_DELAY_MS: u32 = 60;

impl Doc {
    /// An empty document; [`Doc::open`] or [`Doc::open_parsed`] gives it its text.
    /// `placeholder` stands in for the ladder until then (never shown as an entry's).
    pub fn new(placeholder: Ladder) -> Self {
        let readonly = RwSignal::new(false);
        let parse_error = RwSignal::new(None::<Diagnostic>);
        Doc {
            history: StoredValue::new(
                History::new(placeholder.clone(), UNDO_LIMIT).with_max_weight(UNDO_BYTES),
            ),
            ladder: RwSignal::new(placeholder),
            source: RwSignal::new(String::new()),
            parse_error,
            readonly,
            locked: Memo::new(move |_| readonly.get() || parse_error.with(Option::is_some)),
            broken: RwSignal::new(false),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            last_edit: StoredValue::new(None),
            text_due: Debounce::new(),
            typed_due: Debounce::new(),
        }
    }

    /// Whether visual edits, undo and redo are refused: the ladder is read-only, or the
    /// JSON text does not parse (an edit would rewrite it from the ladder and lose what
    /// was typed). Tracked.
    pub fn locked(&self) -> bool {
        self.locked.get()
    }

    /// [`Doc::locked`], untracked.
    pub fn locked_untracked(&self) -> bool {
        self.readonly.get_untracked() || self.parse_error.with_untracked(Option::is_some)
    }

    /// Opens another entry's text with a fresh history. A text that does not parse
    /// opens [`broken`](Doc::broken): its errors show and the forms keep nothing of
    /// the ladder open before.
    pub fn open(&self, text: String) {
        match rungs_core::parse_ladder(&text) {
            Ok(l) => self.open_parsed(l, text),
            Err(e) => {
                self.cancel_timers();
                let placeholder = rungs_core::edit::new_ladder("Ladder with errors");
                self.history.update_value(|h| h.reset(placeholder.clone()));
                self.broken.set(true);
                self.ladder.set(placeholder);
                self.parse_error.set(Some(Diagnostic::from_parse_error(&e)));
                self.source.set(text);
                self.settle();
            }
        }
    }

    /// Opens `ladder`, already read from `text`, with a fresh history.
    pub fn open_parsed(&self, ladder: Ladder, text: String) {
        self.cancel_timers();
        self.begin_history(ladder, text.len());
        self.clear_parse_error();
        self.source.set(text);
        self.settle();
    }

    /// Shows `ladder`, whose JSON is `weight` bytes, as the entry's own, with a history
    /// that starts from it.
    fn begin_history(&self, ladder: Ladder, weight: usize) {
        self.history.update_value(|h| {
            h.reset(ladder.clone());
            h.set_weight(weight);
        });
        self.broken.set(false);
        self.ladder.set(ladder);
    }

    /// Drops the timers of the text open before (a rewrite or a read pending), so none
    /// acts on the text opened next. Call [`Doc::flush`] first to keep what they hold.
    fn cancel_timers(&self) {
        self.text_due.cancel();
        self.typed_due.cancel();
    }

    /// After opening: no run of typing to extend, and the undo and redo buttons as the
    /// history says.
    fn settle(&self) {
        self.last_edit.set_value(None);
        self.sync_flags();
    }

    /// Takes text typed in the JSON editor: it shows at once and is read after a
    /// pause in typing (see [`TYPING_DEBOUNCE_MS`]).
    pub fn type_text(&self, text: String) {
        // typing wins over a visual edit's rewrite still waiting: the edit stays a step
        // of undo, the typed text is kept
        self.text_due.cancel();
        self.source.set(text);
        let doc = *self;
        self.typed_due
            .restart(TYPING_DEBOUNCE_MS, move || doc.read_typed());
    }

    /// Reads the typed text now if it waits for a pause.
    fn read_typed(&self) {
        if self.typed_due.cancel() {
            let text = self.source.get_untracked();
            self.apply_text(text);
        }
    }

    /// Brings the text and the ladder up to date now: reads typed text that waits for a
    /// pause and writes the text of a visual edit that waits. Before saving, and before
    /// another entry opens.
    pub fn flush(&self) {
        self.read_typed();
        self.sync_text();
    }

    /// Changes the ladder; one step of undo. `field` names what is edited (a JSON
    /// Pointer): edits of the same field in quick succession (typing) are one step.
    /// Refused while [`locked`](Doc::locked).
    pub fn edit(&self, field: &str, f: impl FnOnce(&mut Ladder)) {
        let mut f = Some(f);
        self.edit_erased(field, &mut |l| {
            if let Some(f) = f.take() {
                f(l)
            }
        });
    }

    /// [`Doc::edit`] with the change behind `dyn`: the dozens of edits of the forms share
    /// one copy of this code instead of one each.
    fn edit_erased(&self, field: &str, f: &mut dyn FnMut(&mut Ladder)) {
        // typed text first: the edit builds on it, or is refused if it does not parse
        self.read_typed();
        if self.locked_untracked() {
            return;
        }
        crate::platform::clock::timed("edit", || self.edit_untimed(field, f));
    }

    /// Makes the next edit a step of its own, even of the same field within the second:
    /// a new drag or click on a chart is a new thing to undo.
    pub fn begin_step(&self) {
        self.last_edit.set_value(None);
    }

    fn edit_untimed(&self, field: &str, f: &mut dyn FnMut(&mut Ladder)) {
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

    /// Reads typed JSON: a text that parses replaces the ladder (one step of undo; the
    /// first ladder of a broken entry starts its history); one that does not leaves the
    /// ladder as it was and says why.
    pub fn apply_text(&self, text: String) {
        self.text_due.cancel();
        match rungs_core::parse_ladder(&text) {
            Ok(l) => {
                self.clear_parse_error();
                self.last_edit.set_value(None);
                let weight = text.len();
                if self.broken.get_untracked() {
                    self.begin_history(l, weight);
                } else if self.history.try_update_value(|h| {
                    let recorded = h.record(l.clone());
                    h.set_weight(weight);
                    recorded
                }) == Some(true)
                {
                    self.ladder.set(l);
                }
            }
            Err(e) => self.parse_error.set(Some(Diagnostic::from_parse_error(&e))),
        }
        self.sync_flags();
    }

    /// Goes back one edit (refused while [`locked`](Doc::locked)).
    pub fn undo(&self) {
        self.read_typed();
        if self.locked_untracked() {
            return;
        }
        if let Some(Some(l)) = self.history.try_update_value(|h| h.undo().cloned()) {
            self.last_edit.set_value(None);
            self.show(l);
        }
    }

    /// Goes forward one undone edit (refused while [`locked`](Doc::locked)).
    pub fn redo(&self) {
        self.read_typed();
        if self.locked_untracked() {
            return;
        }
        if let Some(Some(l)) = self.history.try_update_value(|h| h.redo().cloned()) {
            self.last_edit.set_value(None);
            self.show(l);
        }
    }

    /// Forgets the text's parse error, if there is one. (Setting a signal tells every
    /// reader even when the value stays the same: the inspector, which reads
    /// [`locked`](Doc::locked), drew its whole form again on every keystroke.)
    fn clear_parse_error(&self) {
        if self.parse_error.with_untracked(Option::is_some) {
            self.parse_error.set(None);
        }
    }

    /// Shows `l`; the JSON text follows after a pause (see [`TEXT_DELAY_MS`]).
    fn show(&self, l: Ladder) {
        self.clear_parse_error();
        self.ladder.set(l);
        self.sync_flags();
        let doc = *self;
        self.text_due
            .restart(TEXT_DELAY_MS, move || doc.sync_text());
    }

    /// Rewrites the JSON text now if a visual edit left it behind (before saving).
    pub fn sync_text(&self) {
        if !self.text_due.cancel() {
            return;
        }
        let text = self.ladder.with_untracked(|l| {
            crate::platform::clock::timed("to-json", || rungs_core::to_canonical_json(l))
        });
        let weight = text.len();
        self.history.update_value(|h| h.set_weight(weight));
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

/// Validates `ladder` as of now (measured as `rungs:validate`).
pub fn validate_timed(ladder: &rungs_core::Ladder) -> Report {
    timed("validate", || rungs_core::validate_ladder(ladder, now()))
}
