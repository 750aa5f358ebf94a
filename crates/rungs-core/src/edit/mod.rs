//! Pure editing helpers for the designer: find, rename and remove entries with every
//! reference to them, make fresh ids and entries, reorder lists, preview templates.
//!
//! Everything here works on the [`Ladder`] model and never validates: an edit may leave
//! the ladder invalid (a removed person still paged by a step), and the validation panel
//! is what tells the user about it.
//!
//! In `edit/`: `references.rs` ([`references`]: what names an entry), `rename.rs`
//! ([`rename`] with every reference, [`remove`] alone), `new.rs` (fresh ids and entries)
//! and `template.rs` ([`preview_template`]). [`Kind`], the list of collections, lives in
//! the model and is re-exported here.

mod new;
mod references;
mod rename;
mod template;

pub use crate::model::Kind;
pub use new::*;
pub use references::references;
pub use rename::{remove, rename};
pub use template::preview_template;

use crate::model::Ladder;

/// One place in the ladder that refers to an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// JSON Pointer of the value holding the id, exactly where validation reports an
    /// unknown reference, e.g. `/tiers/0/escalation/steps/1/notify/0/person` or
    /// `/people/3/backup`.
    pub pointer: String,
    /// A human sentence fragment, e.g. "step 2 of tier SEV1 (`sev1`) pages them".
    pub what: String,
}

/// "Name (`id`)", or just "`id`" when the name is empty.
fn label(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        format!("`{id}`")
    } else {
        format!("{name} (`{id}`)")
    }
}

/// The ids of the entries of `kind`, in document order.
pub fn ids(ladder: &Ladder, kind: Kind) -> Vec<String> {
    kind.ids(ladder).into_iter().map(String::from).collect()
}

fn exists(ladder: &Ladder, kind: Kind, id: &str) -> bool {
    kind.ids(ladder).contains(&id)
}

/// Moves element `from` to position `to` within a vec (clamps `to`), for reordering
/// steps, members, playbook steps. Does nothing when `from` is out of range.
pub fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) {
    if from >= items.len() {
        return;
    }
    let to = to.min(items.len() - 1);
    let item = items.remove(from);
    items.insert(to, item);
}
