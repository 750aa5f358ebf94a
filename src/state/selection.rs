//! What is selected in the designer: the entry the inspector edits.

use leptos::prelude::*;
use rungs_core::edit::Kind;

/// The id of the inspector panel, which shows the selection's form.
pub const INSPECTOR_ID: &str = "inspector";

/// What the inspector edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sel {
    /// The ladder's own fields (name, revision, description, defaults).
    Ladder,
    /// Entry `usize` of a collection.
    Item(Kind, usize),
}

impl Sel {
    /// The entry a JSON Pointer is inside, if any (`/people/3/backup` is person 3).
    pub fn from_pointer(pointer: &str) -> Option<Sel> {
        let mut parts = pointer.trim_start_matches('/').split('/');
        let collection = parts.next().unwrap_or_default();
        let Some(kind) = Kind::from_collection(collection) else {
            return Some(Sel::Ladder);
        };
        match parts.next().and_then(|i| i.parse().ok()) {
            Some(i) => Some(Sel::Item(kind, i)),
            None => Some(Sel::Ladder),
        }
    }
}

/// The selection, in context.
#[derive(Clone, Copy)]
pub struct Selected(pub RwSignal<Option<Sel>>);

/// The selection from context.
pub fn use_selected() -> RwSignal<Option<Sel>> {
    expect_context::<Selected>().0
}

/// Selects `sel` and brings its form into view, focusing its first field.
pub fn select(selected: RwSignal<Option<Sel>>, sel: Sel) {
    selected.set(Some(sel));
    crate::platform::dom::reveal_and_focus(INSPECTOR_ID, "input, select");
}
