//! Which library entry is open, and keeping it saved: autosave, switching entries, and
//! agreeing with other tabs of the same browser.
//!
//! The rules, each relied on by the browser tests:
//! - An edit is saved [`AUTOSAVE_MS`] after it, and at once when the page is hidden
//!   (`visibilitychange`) or closed (`pagehide`). Only an entry with unsaved edits is
//!   written, so an untouched tab never writes its copy over anything.
//! - Every switch of entry (Open, New ladder, import, Make a copy, a delete) saves the
//!   open entry first, so no edit and no pending timer of one entry reaches another.
//! - A save names the revision the tab last read (see [`crate::platform::library::save`]). When
//!   another tab saved or deleted the entry since, this tab's text is kept as a new
//!   entry, a conflict copy, which opens; the message says so. Nothing is overwritten.
//! - Another tab's save reaches this one through the `storage` event: a tab without
//!   unsaved edits shows the newer version; one with unsaved edits saves them as a
//!   conflict copy at once. A delete in another tab holds here too.

use leptos::prelude::*;
use rungs_core::Ladder;

use rungs_core::versions::{Added, Why};

use crate::platform::library::{self, SaveError};
use crate::state::doc::Doc;

/// The top-level sections of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// The start page: the local library and templates.
    Library,
    /// Design and read the ladder.
    Design,
    /// Run drills against it.
    Drill,
    /// Export and share it.
    Share,
}

impl Page {
    /// Every page, in the order of the tabs.
    pub const ALL: [Page; 4] = [Page::Library, Page::Design, Page::Drill, Page::Share];

    /// A short name that stays the same across releases (the viewer module hands the
    /// page asked for to the app by it).
    pub fn key(self) -> &'static str {
        match self {
            Page::Library => "library",
            Page::Design => "design",
            Page::Drill => "drill",
            Page::Share => "share",
        }
    }

    /// The page of a [`key`](Page::key).
    pub fn from_key(key: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// How long the library waits after an edit before saving, in milliseconds.
pub const AUTOSAVE_MS: u32 = 250;

/// What the app holds besides the document: which library entry is open and what went
/// wrong with storage, files and links. In context, for the pages.
#[derive(Clone, Copy)]
pub struct Session {
    /// The library entry being edited (`None` for a shared ladder not yet copied, or
    /// when storage refused it).
    pub entry: RwSignal<Option<String>>,
    /// The page on show.
    pub page: RwSignal<Page>,
    /// Why the last save failed, if it did.
    pub storage_error: RwSignal<Option<String>>,
    /// Why the last import failed, if it did.
    pub import_error: RwSignal<Option<String>>,
    /// What another tab did to the open ladder and how this tab kept the user's work.
    pub notice: RwSignal<Option<String>>,
    /// Notified whenever the library's index changes, so lists re-read it.
    pub library_version: Trigger,
    /// Whether the History panel is open on the Design page.
    pub history: RwSignal<bool>,
    /// Other tools' documents dropped on the page, waiting for the Ladders page's import
    /// panel to take them.
    pub dropped: RwSignal<Option<Vec<crate::platform::on_demand::File>>>,
    /// The revision of the open entry this tab last read or wrote.
    base: StoredValue<u64>,
    /// The open entry's text as last read or written: the document is unsaved when
    /// its text differs.
    saved: StoredValue<String>,
    /// The save waiting for a pause in editing.
    pending: crate::platform::timer::Debounce,
}

impl Session {
    /// A session with `entry` open at revision `rev`, holding `text`.
    pub fn new(entry: Option<(String, u64)>, text: &str) -> Self {
        let (entry, rev) = match entry {
            Some((id, rev)) => (Some(id), rev),
            None => (None, 0),
        };
        Session {
            entry: RwSignal::new(entry),
            page: RwSignal::new(Page::Design),
            storage_error: RwSignal::new(None),
            import_error: RwSignal::new(None),
            notice: RwSignal::new(None),
            library_version: Trigger::new(),
            history: RwSignal::new(false),
            dropped: RwSignal::new(None),
            base: StoredValue::new(rev),
            saved: StoredValue::new(text.to_string()),
            pending: crate::platform::timer::Debounce::new(),
        }
    }

    /// Saves the open entry, then keeps its text as a version (`rungs_core::versions`):
    /// what was added and pruned, or why not. `None` without an open entry (a shared
    /// ladder not yet copied has no history).
    pub fn keep_version(&self, doc: Doc, why: Why, note: &str) -> Option<Result<Added, String>> {
        self.flush(doc);
        let id = self.entry.get_untracked()?;
        let text = doc.source.get_untracked();
        Some(library::add_version(&id, &text, why, note))
    }

    /// Marks `id` at `rev`, holding `text`, as the entry open.
    fn adopt(&self, id: Option<String>, rev: u64, text: &str) {
        if let Some(id) = &id {
            library::set_current(id);
        }
        self.base.set_value(rev);
        self.saved.set_value(text.to_string());
        self.entry.set(id);
    }

    /// Whether the document holds edits not yet saved to the open entry.
    fn dirty(&self, doc: Doc) -> bool {
        doc.source
            .with_untracked(|text| self.saved.with_value(|saved| saved != text))
    }

    /// Saves the open entry now if it has unsaved edits (the pending save, typed text
    /// waiting to be read and a visual edit's text included). With no entry (storage
    /// refused one before), edits are saved as a new entry when storage takes them now.
    /// Returns whether the work is safe: saved, or nothing to save.
    pub fn flush(&self, doc: Doc) -> bool {
        self.pending.cancel();
        doc.flush();
        if doc.readonly.get_untracked() || !self.dirty(doc) {
            return true;
        }
        match self.entry.get_untracked() {
            Some(id) => {
                let name = self.name_for(doc, Some(&id));
                self.save_open(doc, &id, &name);
            }
            None => {
                let name = self.name_for(doc, None);
                let text = doc.source.get_untracked();
                if let Ok(id) = library::create(&name, &text) {
                    self.adopt(Some(id), 1, &text);
                    self.storage_error.set(None);
                }
            }
        }
        self.library_version.notify();
        !self.dirty(doc)
    }

    /// Saves, then asks before leaving work that could not be saved; whether to go on
    /// with a switch of entry.
    fn flush_or_ask(&self, doc: Doc) -> bool {
        self.flush(doc)
            || crate::platform::dom::confirm(
                "Your latest edits could not be saved in this browser (see the message at the top). Open the other ladder anyway and lose them? Choose Cancel to stay and export or copy them first.",
            )
    }

    /// Saves the document's text as the open entry `id`, named `name`, over the
    /// revision this tab last read; a newer save or a delete by another tab makes it a
    /// conflict copy instead.
    fn save_open(&self, doc: Doc, id: &str, name: &str) {
        let text = doc.source.get_untracked();
        match library::save(id, name, &text, self.base.get_value()) {
            Ok(rev) => {
                self.base.set_value(rev);
                self.saved.set_value(text);
                self.storage_error.set(None);
            }
            Err(SaveError::Refused(e)) => self.storage_error.set(Some(e)),
            Err(SaveError::Stale(newer)) => self.keep_as_conflict_copy(doc, name, newer),
        }
    }

    /// The name an entry is saved under: its ladder's, or, while its text does not
    /// parse, the one the library has for it (which a rename may have changed).
    fn name_for(&self, doc: Doc, id: Option<&str>) -> String {
        if doc.parse_error.with_untracked(Option::is_none) {
            doc.ladder.with_untracked(|l| l.name.clone())
        } else {
            id.and_then(library::entry)
                .map_or_else(|| "Ladder with errors".to_string(), |e| e.name)
        }
    }

    /// Another tab saved (`Some`) or deleted (`None`) the open entry while this one
    /// had edits: they become a new entry, which stays open, and the user is told.
    fn keep_as_conflict_copy(&self, doc: Doc, name: &str, newer: Option<u64>) {
        // the edits go into the original's history too, when it still exists (best
        // effort: the copy below is what keeps them safe)
        if let (Some(id), Some(_)) = (self.entry.get_untracked(), newer) {
            let _ = library::add_version(&id, &doc.source.get_untracked(), Why::BeforeConflict, "");
        }
        let copy_name = format!("{name} (conflict copy)");
        // The copy carries its own name, so the two are told apart everywhere: one step
        // of undo, like a rename (refused, and the text kept as typed, when it does not
        // parse).
        doc.edit("/name", |l| l.name = copy_name.clone());
        doc.flush();
        let text = doc.source.get_untracked();
        match library::create(&copy_name, &text) {
            Ok(id) => {
                self.adopt(Some(id), 1, &text);
                self.storage_error.set(None);
                self.notice.set(Some(match newer {
                    Some(_) => format!(
                        "“{name}” was changed in another tab while you edited it here. Your edits are kept as “{copy_name}”, open now; the other tab's version is still “{name}” in your library."
                    ),
                    None => format!(
                        "“{name}” was deleted in another tab while you edited it here. Your edits are kept as “{copy_name}”, open now."
                    ),
                }));
            }
            Err(e) => {
                self.entry.set(None);
                self.storage_error.set(Some(e));
            }
        }
    }

    /// Renames a library entry. The open one is renamed by an edit (one step of undo),
    /// or, while its text does not parse, in the library only, its text kept as typed.
    pub fn rename_entry(&self, doc: Doc, id: &str, name: String) {
        if self.entry.get_untracked().as_deref() == Some(id) {
            if !doc.locked_untracked() {
                doc.edit("/name", |l| l.name = name);
                return;
            }
            // a save that turned into a conflict copy renames the copy, which is open
            self.flush(doc);
            if let Some(open) = self.entry.get_untracked() {
                self.save_open(doc, &open, &name);
            }
        } else if let (Some(entry), Some(text)) = (library::entry(id), library::text(id)) {
            let result = library::save(id, &name, &library::renamed(&text, &name), entry.rev);
            self.storage_error.set(match result {
                Ok(_) => None,
                Err(SaveError::Refused(e)) => Some(e),
                Err(SaveError::Stale(_)) => Some(
                    "another tab changed that ladder at the same moment; rename it again".into(),
                ),
            });
        }
        self.library_version.notify();
    }

    /// Imports a ladder file: one that reads as a ladder opens as a new library entry;
    /// one that does not changes nothing and says why in [`Session::import_error`].
    /// Whether it opened.
    pub async fn import(&self, doc: Doc, file: web_sys::File) -> bool {
        let name = file.name();
        let opened = crate::platform::files::read_text(file, rungs_core::MAX_DOCUMENT_BYTES)
            .await
            .and_then(|text| self.open_file(doc, &name, text));
        let ok = opened.is_ok();
        self.import_error.set(opened.err());
        ok
    }

    /// Opens file `name`, read as `text`, as a new library entry when it reads as a
    /// ladder; else why not.
    fn open_file(&self, doc: Doc, name: &str, text: String) -> Result<(), String> {
        let ladder = rungs_core::parse_ladder(&text).map_err(|e| format!("{name}: {e}"))?;
        self.open_new(doc, Some(ladder), text);
        Ok(())
    }

    /// Files dropped on the page: each Rungs ladder (as
    /// `rungs_core::parse::is_ladder_document` tells them apart) opens as a new entry,
    /// and other tools' documents go to the import panel on the Ladders page, which picks
    /// their system. A file that cannot be read, or a ladder that does not parse, says
    /// why in [`Session::import_error`]. Whether any ladder opened.
    pub async fn drop_files(&self, doc: Doc, files: Vec<web_sys::File>) -> bool {
        let mut opened = false;
        let mut foreign = Vec::new();
        let mut problems = Vec::new();
        for file in files {
            let name = file.name();
            match crate::platform::files::read_text(file, rungs_core::MAX_DOCUMENT_BYTES).await {
                Err(e) => problems.push(e),
                Ok(text) if rungs_core::parse::is_ladder_document(&name, &text) => {
                    match self.open_file(doc, &name, text) {
                        Ok(()) => opened = true,
                        Err(e) => problems.push(e),
                    }
                }
                Ok(text) => foreign.push(crate::platform::on_demand::File { name, text }),
            }
        }
        self.import_error
            .set((!problems.is_empty()).then(|| problems.join(" ")));
        if !foreign.is_empty() {
            self.dropped.set(Some(foreign));
            self.page.set(Page::Library);
        }
        opened
    }

    /// Opens `text` as a new library entry and shows it in the designer. `ladder` is
    /// what it reads as, `None` when it does not parse (it opens with its errors).
    ///
    /// A ladder file exported with its drill log brings the log along: the records go
    /// to the new entry's drill log, and the entry keeps the ladder without them.
    pub fn open_new(&self, doc: Doc, mut ladder: Option<Ladder>, mut text: String) {
        if !self.flush_or_ask(doc) {
            return;
        }
        let log = ladder
            .as_mut()
            .map(|l| std::mem::take(&mut l.drill_log))
            .unwrap_or_default();
        if let (false, Some(l)) = (log.is_empty(), &ladder) {
            text = rungs_core::to_canonical_json(l);
        }
        let name = ladder
            .as_ref()
            .map_or("Ladder with errors", |l| l.name.as_str());
        match library::create(name, &text) {
            Ok(id) => {
                self.storage_error.set(None);
                if !log.is_empty() {
                    if let Err(e) = library::merge_drill_log(&id, log) {
                        self.storage_error
                            .set(Some(format!("Its drill log could not be kept: {e}")));
                    }
                }
                self.adopt(Some(id), 1, &text);
            }
            Err(e) => {
                // Still open it; the banner says it lives in this tab only.
                self.adopt(None, 0, &text);
                self.storage_error.set(Some(e));
            }
        }
        self.notice.set(None);
        self.library_version.notify();
        doc.readonly.set(false);
        forget_link();
        match ladder {
            Some(l) => doc.open_parsed(l, text),
            None => doc.open(text),
        }
        self.page.set(Page::Design);
    }

    /// Opens a library entry in the designer.
    pub fn open_entry(&self, doc: Doc, id: &str) {
        if !self.flush_or_ask(doc) {
            return;
        }
        let (Some(entry), Some(text)) = (library::entry(id), library::text(id)) else {
            self.storage_error.set(Some(
                "that ladder is no longer in this browser's storage".into(),
            ));
            self.library_version.notify();
            return;
        };
        self.adopt(Some(entry.id), entry.rev, &text);
        self.notice.set(None);
        doc.readonly.set(false);
        forget_link();
        doc.open(text);
        self.page.set(Page::Design);
    }

    /// After the open entry left the library (deleted here or in another tab): opens
    /// the most recent entry left, or a new blank ladder when none is, on the Ladders
    /// page.
    pub fn open_next(&self, doc: Doc) {
        // the entry is gone: nothing of it is left to save
        self.adopt(None, 0, &doc.source.get_untracked());
        match library::entries().first() {
            Some(next) => self.open_entry(doc, &next.id.clone()),
            None => {
                let blank = rungs_core::edit::new_ladder("Untitled ladder");
                let text = rungs_core::to_canonical_json(&blank);
                self.open_new(doc, Some(blank), text);
            }
        }
        self.page.set(Page::Library);
    }

    /// Another tab changed the library: re-read the lists, and follow what happened to
    /// the open entry.
    fn library_changed(&self, doc: Doc) {
        self.library_version.notify();
        let Some(id) = self.entry.get_untracked() else {
            return;
        };
        if doc.readonly.get_untracked() {
            return;
        }
        let theirs = library::entry(&id);
        if theirs.as_ref().map(|e| e.rev) == Some(self.base.get_value()) {
            return;
        }
        doc.flush();
        if self.dirty(doc) {
            // our edits become a conflict copy; theirs stay as they are
            self.flush(doc);
            return;
        }
        match theirs.zip(library::text(&id)) {
            Some((entry, text)) => {
                self.adopt(Some(entry.id), entry.rev, &text);
                doc.open(text);
                self.notice.set(Some(
                    "This ladder was changed in another tab; you are seeing the version saved there."
                        .to_string(),
                ));
            }
            None => {
                let name = doc.ladder.with_untracked(|l| l.name.clone());
                self.open_next(doc);
                self.notice
                    .set(Some(format!("“{name}” was deleted in another tab.")));
            }
        }
    }
}

/// Drops the share link from the address bar, so a reload opens the library's ladder.
pub fn forget_link() {
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_default();
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// Autosave and the other tabs: the open entry is saved after a short pause, and at
/// once when the page is hidden or closed; saves of other tabs are followed.
pub fn keep_saved(doc: Doc, session: Session) {
    let pending = session.pending;
    Effect::new(move |first: Option<()>| {
        doc.source.track();
        session.entry.track();
        if first.is_none() {
            return;
        }
        pending.restart(AUTOSAVE_MS, move || {
            session.flush(doc);
        });
    });
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| {
        session.flush(doc);
    });
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            session.flush(doc);
        }
    });
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(library::INDEX) || ev.key().is_none() {
            session.library_changed(doc);
        }
    });
    on_cleanup(move || {
        on_hide.remove();
        visibility.remove();
        storage.remove();
    });
}
