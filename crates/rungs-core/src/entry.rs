//! Entries of a ladder as the designer names them, and what deleting one means: which
//! places refer to it (they are left dangling, so validation reports them) and the
//! question put to the user before it goes.

use crate::edit::{self, Kind, Reference};
use crate::Ladder;

/// How many referring places the delete question lists before "and N more".
pub const LISTED_REFERENCES: usize = 8;

/// The display name of entry `i` of `kind` (a trigger's id, since triggers have no
/// name); `None` when there is no such entry.
pub fn entry_name(l: &Ladder, kind: Kind, i: usize) -> Option<String> {
    Some(match kind {
        Kind::Tier => l.tiers.get(i)?.name.clone(),
        Kind::Person => l.people.get(i)?.name.clone(),
        Kind::Role => l.roles.get(i)?.name.clone(),
        Kind::Rotation => l.rotations.get(i)?.name.clone(),
        Kind::Schedule => l.schedules.get(i)?.name.clone(),
        Kind::Trigger => l.triggers.get(i)?.id.to_string(),
        Kind::Service => l.services.get(i)?.name.clone(),
        Kind::Playbook => l.playbooks.get(i)?.name.clone(),
        Kind::Template => l.templates.get(i)?.name.clone(),
        Kind::Scenario => l.scenarios.get(i)?.name.clone(),
    })
}

/// Deleting one entry: what goes, and what is left referring to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deletion {
    /// The kind of entry.
    pub kind: Kind,
    /// Its id.
    pub id: String,
    /// Its display name ([`entry_name`]).
    pub name: String,
    /// Every place that refers to it and will show errors once it is gone.
    pub references: Vec<Reference>,
}

/// What deleting entry `i` of `kind` would do; `None` when there is no such entry.
pub fn deletion(l: &Ladder, kind: Kind, i: usize) -> Option<Deletion> {
    let id = edit::ids(l, kind).get(i)?.clone();
    let name = entry_name(l, kind, i)?;
    let references = edit::references(l, kind, &id);
    Some(Deletion {
        kind,
        id,
        name,
        references,
    })
}

impl Deletion {
    /// The question asked before deleting: the entry, and when anything refers to it,
    /// how many places (the first [`LISTED_REFERENCES`] listed) and that undo brings it
    /// back.
    pub fn question(&self) -> String {
        let (noun, name, refs) = (self.kind.noun(), &self.name, &self.references);
        if refs.is_empty() {
            return format!("Delete the {noun} “{name}”?");
        }
        let mut lines: Vec<String> = refs
            .iter()
            .take(LISTED_REFERENCES)
            .map(|r| format!("• {}", r.what))
            .collect();
        if refs.len() > LISTED_REFERENCES {
            lines.push(format!("• and {} more", refs.len() - LISTED_REFERENCES));
        }
        let one = refs.len() == 1;
        format!(
            "Delete the {noun} “{name}”? {} place{} refer{} to it and will show errors until you change them:\n{}\n\nUndo (Ctrl+Z) brings it back.",
            refs.len(),
            if one { "" } else { "s" },
            if one { "s" } else { "" },
            lines.join("\n")
        )
    }

    /// Deletes the entry from `l` (the first with its id), leaving the references
    /// dangling; returns whether it was there.
    pub fn apply(&self, l: &mut Ladder) -> bool {
        edit::remove(l, self.kind, &self.id)
    }
}
