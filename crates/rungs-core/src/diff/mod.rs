//! A diff people can read: what changed from one ladder to another, each change with
//! its JSON Pointer and a sentence that names things by their names ("SEV2 Major step 1
//! waits 15m instead of 5m.", "Gus joins (people).").
//!
//! Both ladders are compared as their canonical JSON (what `rungs fmt` writes), so
//! durations and instants compare by value: `"600s"` is `"10m"`, an instant with an
//! offset is the same instant in UTC. A rotation's `shift` of `"24h"` is not `"1d"`: one
//! has a fixed length, the other hands over at the same local time (docs/format.md).
//!
//! How arrays are matched:
//! - **By id**: every array of objects that each have an `id`, unique on both sides
//!   (every collection, also ones this build does not know, such as `schedules`).
//!   Inserting a person is one addition; an entry out of its old order relative to the
//!   others (not on the longest run of entries kept in order) is a move; its fields are
//!   then compared.
//! - **As a set** (order means nothing; an item is added or removed): a step's targets, a
//!   person's roles, a rotation's `windows` and `overrides`, a window's days, a
//!   service's dependencies and customer segments, a playbook's artifacts.
//! - **By key**: a scenario's signals by service and metric, a signal's points by offset.
//! - **In order** (escalation steps, playbook steps, rotation members, injects, and any
//!   array whose items have no ids or repeat one): equal items are paired; the longest
//!   run of them still in order is kept (among the longest, the one leaving most items
//!   where they were), the others are moved; between two kept items, what is left is
//!   paired in order when both are objects (the same step, edited: one change per
//!   field), else added and removed (a member is compared whole). A step both moved and
//!   edited reads as one removed and one added.
//!
//! Some values are compared whole, one change for any difference: a target, a window,
//! an override, an inject, a signal's point. Anything without a phrase of its own (a
//! field the format gains later) gets a plain sentence built from its path.
//!
//! The changes come in reading order, grouped for the page: the ladder's own fields,
//! then each collection, each tier its own group, in the order of the new ladder
//! ([`DiffView`]).

mod align;
mod names;
mod node;
mod phrase;
mod walk;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Ladder;
pub use align::MAX_CELLS;
pub use names::SHOWN_TEXT;
use node::{pointer, Node, Seg};

/// What happened to a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// It is new: `path` is in the new ladder, `new` is the value.
    Add,
    /// It is gone: `path` is in the old ladder, `old` is the value.
    Remove,
    /// It differs: `path` is in the new ladder, `old` and `new` are the values.
    Change,
    /// An item of an ordered list moved: `path` is where it is in the new ladder, `old`
    /// the pointer where it was in the old one, `new` its value.
    Move,
}

impl Op {
    /// The text marker shown with the colour, so colour is never the only cue: `+`
    /// added, `-` removed, `~` changed, `>` moved.
    pub fn marker(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Remove => "-",
            Op::Change => "~",
            Op::Move => ">",
        }
    }

    /// The operation as JSON writes it: `add`, `remove`, `change`, `move`.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Add => "add",
            Op::Remove => "remove",
            Op::Change => "change",
            Op::Move => "move",
        }
    }
}

/// One change, as `rungs diff --format json` prints it (docs/diff.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// What happened.
    pub op: Op,
    /// JSON Pointer of the value: in the new ladder, in the old one for a removal.
    pub path: String,
    /// The old value (for a move: the pointer where the item was).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    /// The new value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
    /// The change as a sentence, naming things by their names.
    pub summary: String,
}

/// Changes that belong together on the page: the ladder's own fields, one collection,
/// or one tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The heading: `Ladder`, `People`, `Tier SEV2 Major`, `Schedules`.
    pub title: String,
    /// What the group covers: `""` (the ladder's fields), `/people`, `/tiers/1` (in the
    /// new ladder, or the old for a tier that was removed).
    pub pointer: String,
    /// Its changes, in reading order.
    pub changes: Vec<Change>,
}

/// The differences of two ladders, grouped for reading (serialisable, so a worker can
/// compute it and the page draw it).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DiffView {
    /// The groups, in the order of the new ladder.
    pub groups: Vec<Group>,
}

impl DiffView {
    /// Whether the ladders are the same.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Every change, in reading order.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.groups.iter().flat_map(|g| &g.changes)
    }

    /// How many changes have `op`.
    pub fn count(&self, op: Op) -> usize {
        self.changes().filter(|c| c.op == op).count()
    }

    /// The count in words: `3 changes: 1 added, 2 changed` (`No changes` when empty).
    pub fn tally(&self) -> String {
        let total = self.changes().count();
        if total == 0 {
            return "No changes".into();
        }
        let parts: Vec<String> = [
            (Op::Add, "added"),
            (Op::Remove, "removed"),
            (Op::Change, "changed"),
            (Op::Move, "moved"),
        ]
        .into_iter()
        .filter_map(|(op, word)| {
            let n = self.count(op);
            (n > 0).then(|| format!("{n} {word}"))
        })
        .collect();
        format!(
            "{}: {}",
            crate::text::count(total, "change", "changes"),
            parts.join(", ")
        )
    }
}

/// Every change from `old` to `new`, in reading order (the groups of [`diff_view`]
/// one after the other).
///
/// ```
/// let old = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[1].json).unwrap();
/// let mut new = old.clone();
/// new.tiers[0].escalation.steps[0].escalate_after = "15m".parse().unwrap();
/// let changes = rungs_core::diff::diff(&old, &new);
/// assert_eq!(changes.len(), 1);
/// assert_eq!(changes[0].summary, "P1 Site down step 1 waits 15m instead of 10m.");
/// assert_eq!(changes[0].path, "/tiers/0/escalation/steps/0/escalate_after");
/// ```
pub fn diff(old: &Ladder, new: &Ladder) -> Vec<Change> {
    diff_view(old, new)
        .groups
        .into_iter()
        .flat_map(|g| g.changes)
        .collect()
}

/// The changes from `old` to `new`, grouped for reading.
pub fn diff_view(old: &Ladder, new: &Ladder) -> DiffView {
    let (a, b) = (Node::of(old), Node::of(new));
    diff_nodes(&a, &b)
}

/// The same over two canonical JSON trees.
fn diff_nodes(a: &Node, b: &Node) -> DiffView {
    let names = names::Names::new(a, b);
    let raws = walk::walk(a, b, &|c| names.has_collection(c));
    let mut view = DiffView::default();
    let mut keys: Vec<String> = Vec::new();
    for raw in &raws {
        let ctx = phrase::Ctx::of(raw, &names, a, b);
        let change = Change {
            op: raw.op,
            path: pointer(raw.path()),
            old: match raw.op {
                Op::Move => Some(Value::String(pointer(&raw.old_path))),
                _ => raw.old.map(Node::to_value),
            },
            new: raw.new.map(Node::to_value),
            summary: phrase::summary(&ctx),
        };
        let (key, title, at) = group_of(raw, a, b);
        match keys.iter().position(|k| *k == key) {
            Some(i) => view.groups[i].changes.push(change),
            None => {
                keys.push(key);
                view.groups.push(Group {
                    title,
                    pointer: at,
                    changes: vec![change],
                });
            }
        }
    }
    view
}

/// The group of a change: its key, title and pointer.
fn group_of(raw: &walk::Raw, old: &Node, new: &Node) -> (String, String, String) {
    let path = raw.path();
    let Some(Seg::Key(top)) = path.first() else {
        return ("".into(), "Ladder".into(), "".into());
    };
    let whole = |doc: &Node| doc.get(top).is_some_and(|v| !v.is_scalar());
    if !whole(old) && !whole(new) {
        return ("".into(), "Ladder".into(), "".into());
    }
    if top == "tiers" {
        // A tier that is still there is found in the new ladder, also for a removal
        // inside it (whose new path is its parent's).
        let (doc, p) = match raw.new_path.get(1) {
            Some(Seg::Index(_)) => (new, &raw.new_path[..2]),
            _ => (old, raw.old_path.get(..2).unwrap_or(&raw.old_path[..])),
        };
        if let (Some(tier), [_, Seg::Index(_)]) = (doc.at(p), p) {
            let id = tier.get("id").and_then(Node::as_str).unwrap_or("");
            return (
                format!("/tiers/{id}"),
                format!("Tier {}", names::display_name(tier)),
                pointer(p),
            );
        }
    }
    let title = names::capital(&top.replace('_', " "));
    (format!("/{top}"), title, pointer(&path[..1]))
}

#[cfg(test)]
mod tests;
