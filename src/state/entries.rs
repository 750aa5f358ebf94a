//! Deleting an entry of the ladder after asking (the core says what it means, see
//! [`rungs_core::entry`]), and entries' display names.

use leptos::prelude::*;
use rungs_core::edit::Kind;
pub use rungs_core::entry::entry_name;

use crate::platform::dom::confirm;
use crate::state::doc::Doc;
use crate::state::lens::ptr;

/// Asks before deleting entry `i` of `kind`, listing what refers to it; deletes it.
/// Whether it was deleted.
pub fn delete_entry(doc: Doc, kind: Kind, i: usize) -> bool {
    let Some(deletion) = doc
        .ladder
        .with_untracked(|l| rungs_core::entry::deletion(l, kind, i))
    else {
        return false;
    };
    if !confirm(&deletion.question()) {
        return false;
    }
    doc.edit(&ptr(kind, i, ""), |l| {
        deletion.apply(l);
    });
    true
}
