//! The index of one collection for references to name: id to position, repeats, and the
//! "did you mean" suggestions for a reference that does not resolve.

use super::*;

/// An index of one collection: id to position of its first occurrence.
pub(super) struct Index<'a> {
    /// The collection indexed.
    pub(super) kind: Kind,
    pub(super) pos: HashMap<&'a str, usize>,
    pub(super) ids: Vec<&'a str>,
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
            repeats,
            suggestions: Rc::clone(suggestions),
        }
    }

    pub(super) fn get(&self, id: &str) -> Option<usize> {
        self.pos.get(id).copied()
    }

    /// Checks that `id` names an entry; reports it otherwise, with a suggestion for the
    /// first [`MAX_SUGGESTIONS`] findings. The pointer and the context (who names it) are
    /// only built for a finding, not for each of the references that resolve.
    pub(super) fn resolve(
        &self,
        out: &mut Vec<Diagnostic>,
        id: &str,
        pointer: impl FnOnce() -> String,
        context: impl FnOnce() -> String,
    ) -> Option<usize> {
        if let Some(i) = self.get(id) {
            return Some(i);
        }
        let d = Diagnostic::new(
            Code::UnknownReference,
            pointer(),
            format!(
                "{} names {} `{id}`, which does not exist",
                context(),
                self.kind.noun()
            ),
        );
        if !take_suggestion(&self.suggestions) {
            out.push(d);
            return None;
        }
        out.push(match closest(id, self.ids.iter().copied()) {
            Some(best) => d.hint(format!("did you mean `{best}`?")),
            None if self.ids.is_empty() => {
                d.hint(format!("the ladder has no {} yet", self.kind.collection()))
            }
            None => d.hint(format!(
                "known {}: {}",
                self.kind.collection(),
                self.ids
                    .iter()
                    .take(8)
                    .map(|i| format!("`{i}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        });
        None
    }
}
