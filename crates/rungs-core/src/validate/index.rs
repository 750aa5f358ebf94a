//! The index of one collection for references to name: id to position, display names,
//! repeats, and the "did you mean" suggestions for a reference that does not resolve.

use super::*;
use crate::overview::Named;

/// An index of one collection: id to position of its first occurrence, and each entry's
/// display name for the findings to speak in.
pub(super) struct Index<'a> {
    /// The collection indexed.
    pub(super) kind: Kind,
    pub(super) pos: HashMap<&'a str, usize>,
    pub(super) ids: Vec<&'a str>,
    /// The display name of each entry, by position: its `name`, or its id when the name
    /// is blank (and for triggers, which have no name).
    pub(super) names: Vec<&'a str>,
    /// Each repeated id: its position and the position of its first occurrence.
    pub(super) repeats: Vec<(usize, usize)>,
    /// How many more suggestions this validation may search for (shared by every index).
    pub(super) suggestions: Rc<Cell<usize>>,
}

/// Takes one suggestion from `budget`; false once [`MAX_SUGGESTIONS`] have been given.
pub(super) fn take_suggestion(budget: &Cell<usize>) -> bool {
    let left = budget.get();
    budget.set(left.saturating_sub(1));
    left > 0
}

/// The display name of `x`: its name, or its id when the name is blank.
pub(super) fn name_or_id<T: Named>(x: &T) -> &str {
    if x.name().trim().is_empty() {
        x.id()
    } else {
        x.name()
    }
}

/// The display names of the entries of `kind`, in document order (see [`Index::names`]).
fn display_names(kind: Kind, l: &Ladder) -> Vec<&str> {
    fn of<T: Named>(items: &[T]) -> Vec<&str> {
        items.iter().map(name_or_id).collect()
    }
    match kind {
        Kind::Service => of(&l.services),
        Kind::Role => of(&l.roles),
        Kind::Person => of(&l.people),
        Kind::Rotation => of(&l.rotations),
        Kind::Schedule => of(&l.schedules),
        Kind::Tier => of(&l.tiers),
        Kind::Trigger => l.triggers.iter().map(|t| t.id.as_str()).collect(),
        Kind::Playbook => of(&l.playbooks),
        Kind::Template => of(&l.templates),
        Kind::Scenario => of(&l.scenarios),
    }
}

/// A reference that does not resolve, as a message names it: `the rotation “primry”`
/// (the id as written, quoted so it can be found).
pub(super) struct Missing<'s> {
    kind: Kind,
    id: &'s str,
}

impl Missing<'_> {
    /// The id as written, quoted: `“primry”`.
    pub(super) fn id(&self) -> String {
        quoted(self.id)
    }

    /// `the rotation “primry”, which does not exist` (`who` for a person).
    pub(super) fn does_not_exist(&self) -> String {
        let which = if self.kind == Kind::Person {
            "who"
        } else {
            "which"
        };
        format!("{self}, {which} does not exist")
    }
}

impl std::fmt::Display for Missing<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the {} {}", self.kind.noun(), self.id())
    }
}

impl<'a> Index<'a> {
    /// Indexes the collection `kind` of `ladder`.
    pub(super) fn new(kind: Kind, ladder: &'a Ladder, suggestions: &Rc<Cell<usize>>) -> Self {
        let ids = kind.ids(ladder);
        let mut pos = HashMap::with_capacity(ids.len());
        let mut repeats = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let first = *pos.entry(*id).or_insert(i);
            if first != i {
                repeats.push((i, first));
            }
        }
        Index {
            kind,
            pos,
            ids,
            names: display_names(kind, ladder),
            repeats,
            suggestions: Rc::clone(suggestions),
        }
    }

    pub(super) fn get(&self, id: &str) -> Option<usize> {
        self.pos.get(id).copied()
    }

    /// The display name of entry `i`, shown as its kind is: a person or a tier bare
    /// (`Ana Lima`, `SEV1 Critical`), anything else in quotes (`“Primary”`).
    pub(super) fn name(&self, i: usize) -> String {
        shown(self.kind, self.names[i])
    }

    /// Entry `i` with its noun: `Ana Lima`, `SEV1 Critical`, `the rotation “Primary”`.
    pub(super) fn entry(&self, i: usize) -> String {
        entry(self.kind, self.names[i])
    }

    /// The display name of the entry `id` names, or the id itself (as [`Index::name`]
    /// shows it) when it does not resolve: that is already reported.
    pub(super) fn name_of(&self, id: &str) -> String {
        match self.get(id) {
            Some(i) => self.name(i),
            None => shown(self.kind, id),
        }
    }

    /// Entry `i` as a suggestion: its name and, when that differs, the id to type:
    /// `“Primary” (id primary)`, `Ana Lima (id ana)`, `“checkout”`.
    fn suggestion(&self, i: usize) -> String {
        let (name, id) = (self.names[i], self.ids[i]);
        if name == id {
            quoted(id)
        } else {
            format!("{} (id {id})", self.name(i))
        }
    }

    /// Checks that `id` names an entry; reports it otherwise, with a suggestion for the
    /// first [`MAX_SUGGESTIONS`] findings. The pointer and the message (who names it,
    /// given the missing entry) are only built for a finding, not for each of the
    /// references that resolve.
    pub(super) fn resolve(
        &self,
        out: &mut Vec<Diagnostic>,
        id: &str,
        pointer: impl FnOnce() -> String,
        message: impl FnOnce(&Missing) -> String,
    ) -> Option<usize> {
        if let Some(i) = self.get(id) {
            return Some(i);
        }
        let missing = Missing {
            kind: self.kind,
            id,
        };
        let d = Diagnostic::new(Code::UnknownReference, pointer(), message(&missing));
        if !take_suggestion(&self.suggestions) {
            out.push(d);
            return None;
        }
        let coll = self.kind.collection();
        out.push(match closest(id, self.ids.iter().copied()) {
            Some(best) => {
                let i = self.get(best).expect("a suggestion is one of the ids");
                d.hint(format!("Did you mean {}?", self.suggestion(i)))
            }
            None if self.ids.is_empty() => d.hint(format!(
                "The ladder has no {coll} yet: add one, or remove this reference."
            )),
            None => {
                const LISTED: usize = 8;
                let known: Vec<String> = (0..self.ids.len().min(LISTED))
                    .map(|i| self.suggestion(i))
                    .collect();
                let more = match self.ids.len().saturating_sub(LISTED) {
                    0 => String::new(),
                    n => format!(" and {} more", crate::text::group_thousands(n as u64)),
                };
                d.hint(format!(
                    "Use one of the {coll}: {}{more}.",
                    known.join(", ")
                ))
            }
        });
        None
    }
}
