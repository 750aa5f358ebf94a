//! Entries of the ladder's collections by kind and index: their display names, and
//! deleting one after asking.

use leptos::prelude::*;
use rungs_core::edit::{self, Kind};
use rungs_core::Ladder;

use crate::platform::dom::confirm;
use crate::state::doc::Doc;
use crate::state::lens::ptr;

/// The display name of entry `i` of `kind`.
pub fn entry_name(l: &Ladder, kind: Kind, i: usize) -> Option<String> {
    Some(match kind {
        Kind::Tier => l.tiers.get(i)?.name.clone(),
        Kind::Person => l.people.get(i)?.name.clone(),
        Kind::Role => l.roles.get(i)?.name.clone(),
        Kind::Rotation => l.rotations.get(i)?.name.clone(),
        Kind::Trigger => l.triggers.get(i)?.id.to_string(),
        Kind::Service => l.services.get(i)?.name.clone(),
        Kind::Playbook => l.playbooks.get(i)?.name.clone(),
        Kind::Template => l.templates.get(i)?.name.clone(),
        Kind::Scenario => l.scenarios.get(i)?.name.clone(),
    })
}

/// Asks before deleting entry `i` of `kind`, listing what refers to it; deletes it.
pub fn delete_entry(doc: Doc, kind: Kind, i: usize) -> bool {
    let Some((id, name)) = doc
        .ladder
        .with_untracked(|l| Some((edit::ids(l, kind).get(i)?.clone(), entry_name(l, kind, i)?)))
    else {
        return false;
    };
    let refs = doc
        .ladder
        .with_untracked(|l| edit::references(l, kind, &id));
    let question = if refs.is_empty() {
        format!("Delete the {} “{name}”?", kind.noun())
    } else {
        let mut lines: Vec<String> = refs
            .iter()
            .take(8)
            .map(|r| format!("• {}", r.what))
            .collect();
        if refs.len() > 8 {
            lines.push(format!("• and {} more", refs.len() - 8));
        }
        format!(
            "Delete the {} “{name}”? {} place{} refer{} to it and will show errors until you change them:\n{}\n\nUndo (Ctrl+Z) brings it back.",
            kind.noun(),
            refs.len(),
            if refs.len() == 1 { "" } else { "s" },
            if refs.len() == 1 { "s" } else { "" },
            lines.join("\n")
        )
    };
    if !confirm(&question) {
        return false;
    }
    doc.edit(&ptr(kind, i, ""), |l| {
        edit::remove(l, kind, &id);
    });
    true
}
