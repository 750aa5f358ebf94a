//! The sentence of each change. Hand-written phrases for the edits people make
//! (`tiers.rs`: tiers and triggers; `people.rs`: services, roles, people, rotations and the
//! default response; `other.rs`: playbooks, templates and scenarios), then, for anything
//! else (a field added to the format later, a collection such as `schedules`), a plain
//! sentence built from the path: `In the schedule “Nights”, layer 2 rotation is …`.

mod other;
mod people;
mod tiers;

use super::names::{capital, display_name, name_as, noun, quote, refer_as, Names};
use super::node::{Node, Seg};
use super::walk::{shape, Raw};
use super::Op;

/// What a phrase needs: the change, both documents and the names.
pub(super) struct Ctx<'a> {
    pub(super) raw: &'a Raw<'a>,
    pub(super) names: &'a Names<'a>,
    pub(super) old_doc: &'a Node,
    pub(super) new_doc: &'a Node,
    /// The shape of the reported path (`["tiers", "#", "rank"]`).
    pub(super) shape: Vec<&'a str>,
}

impl<'a> Ctx<'a> {
    /// The context of `raw`.
    pub(super) fn of(raw: &'a Raw<'a>, names: &'a Names<'a>, old: &'a Node, new: &'a Node) -> Self {
        Ctx {
            raw,
            names,
            old_doc: old,
            new_doc: new,
            shape: shape(raw.path()),
        }
    }

    /// The document the reported path is in.
    fn doc(&self) -> &'a Node {
        if self.raw.op == Op::Remove {
            self.old_doc
        } else {
            self.new_doc
        }
    }

    /// The index at position `k` of the reported path, counted from 1.
    fn n(&self, k: usize) -> usize {
        index(self.raw.path(), k).map_or(0, |i| i + 1)
    }

    /// The index at position `k` of the old path, counted from 1 (a move's origin).
    fn old_n(&self, k: usize) -> usize {
        index(&self.raw.old_path, k).map_or(0, |i| i + 1)
    }

    /// The node at the first `len` steps of the reported path.
    fn up(&self, len: usize) -> Option<&'a Node> {
        self.doc().at(self.raw.path().get(..len)?)
    }

    /// The same in the old document (for the old side of a change).
    fn old_up(&self, len: usize) -> Option<&'a Node> {
        self.old_doc.at(self.raw.old_path.get(..len)?)
    }

    /// The entry the change is in (`/people/3`), if the path is inside one.
    fn entry(&self) -> Option<&'a Node> {
        matches!(self.raw.path().get(1), Some(Seg::Index(_))).then(|| self.up(2))?
    }

    /// How the sentence names the entry: `Ana`, `SEV1 Critical`, `the rotation “Primary”`.
    fn subject(&self) -> String {
        let entry = self.entry().map_or("?", display_name);
        refer_as(self.shape[0], entry)
    }

    /// The last key of the path (for an array item, the array's).
    fn field(&self) -> Option<&'a str> {
        self.shape.iter().rev().find(|k| **k != "#").copied()
    }

    /// The old value in words.
    fn was(&self) -> String {
        self.raw
            .old
            .map_or_else(String::new, |v| self.names.value(self.field(), v))
    }

    /// The new value in words.
    fn now(&self) -> String {
        self.raw
            .new
            .map_or_else(String::new, |v| self.names.value(self.field(), v))
    }

    /// The value that is there: the new one, or the old for a removal.
    fn value(&self) -> String {
        if self.raw.op == Op::Remove {
            self.was()
        } else {
            self.now()
        }
    }

    /// The value node that is there: the new one, or the old for a removal.
    fn node(&self) -> Option<&'a Node> {
        self.raw.new.or(self.raw.old)
    }

    /// `change`, `add` or `remove`, as the operation is (a move gets the fallback).
    fn three(
        &self,
        change: impl FnOnce(String, String) -> String,
        add: impl FnOnce(String) -> String,
        remove: impl FnOnce(String) -> String,
    ) -> Option<String> {
        Some(match self.raw.op {
            Op::Change => change(self.now(), self.was()),
            Op::Add => add(self.now()),
            Op::Remove => remove(self.was()),
            Op::Move => return None,
        })
    }
}

fn index(path: &[Seg], k: usize) -> Option<usize> {
    match path.get(k)? {
        Seg::Index(i) => Some(*i),
        Seg::Key(_) => None,
    }
}

/// The sentence of a change: capital letter, full stop.
pub(super) fn summary(c: &Ctx) -> String {
    let s = written(c).unwrap_or_else(|| generic(c));
    let mut s = capital(&s);
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

fn written(c: &Ctx) -> Option<String> {
    let specific = match *c.shape.first()? {
        "tiers" | "triggers" => tiers::phrase(c),
        "people" | "rotations" | "services" | "roles" | "defaults" => people::phrase(c),
        "playbooks" | "templates" | "scenarios" => other::phrase(c),
        _ => ladder(c),
    };
    specific.or_else(|| entries(c))
}

/// The ladder's own fields.
fn ladder(c: &Ctx) -> Option<String> {
    match c.shape.as_slice() {
        ["name"] => Some(format!(
            "The ladder is now called {} (was {})",
            c.now(),
            c.was()
        )),
        ["revision"] => c.three(
            |n, o| format!("The revision is {n} instead of {o}"),
            |n| format!("The revision is {n}"),
            |o| format!("The revision {o} is removed"),
        ),
        ["description"] => c.three(
            |n, _| format!("The ladder's description is now {n}"),
            |n| format!("The ladder gets a description: {n}"),
            |_| "The ladder's description is removed".into(),
        ),
        _ => None,
    }
}

/// Entries added, removed, moved or renamed, in any collection with ids.
fn entries(c: &Ctx) -> Option<String> {
    let collection = *c.shape.first()?;
    let person = collection == "people";
    match (c.shape.as_slice(), c.raw.op) {
        ([_, "#"], op) => {
            let who = refer_as(collection, display_name(c.node()?));
            Some(match op {
                Op::Add if person => format!("{who} joins (people)"),
                Op::Remove if person => format!("{who} leaves (people)"),
                Op::Add => format!("{who} is added ({collection})"),
                Op::Remove => format!("{who} is removed ({collection})"),
                Op::Move => format!(
                    "{who} moves from position {} to {} ({collection})",
                    c.old_n(1),
                    c.n(1)
                ),
                Op::Change => return None,
            })
        }
        ([_, "#", "name"], Op::Change) => {
            let was = c.old_up(2).map_or("?", display_name);
            let now = c.raw.new?.as_str()?;
            Some(format!(
                "{} is now called {}",
                refer_as(collection, was),
                name_as(collection, now)
            ))
        }
        _ => None,
    }
}

/// A plain sentence from the path, for what has no phrase of its own.
fn generic(c: &Ctx) -> String {
    let path = c.raw.path();
    let in_entry = c.entry().is_some();
    let (subject, rest) = if in_entry {
        (c.subject(), &path[2..])
    } else {
        ("the ladder".to_string(), path)
    };
    let field = words(rest);
    let skip = if in_entry { 2 } else { 0 };
    let old_field = words(c.raw.old_path.get(skip..).unwrap_or(&[]));
    if field.is_empty() {
        return match c.raw.op {
            Op::Change => format!("{subject} is {} instead of {}", c.now(), c.was()),
            Op::Add => format!("{subject} is added: {}", c.now()),
            Op::Remove => format!("{subject} is removed (was {})", c.was()),
            Op::Move => format!("{subject} moves"),
        };
    }
    match c.raw.op {
        Op::Change => format!(
            "In {subject}, {field} is {} instead of {}",
            c.now(),
            c.was()
        ),
        Op::Add => format!("In {subject}, {field} is added: {}", c.now()),
        Op::Remove => format!("In {subject}, {field} is removed (was {})", c.was()),
        Op::Move => format!("In {subject}, {old_field} is now {field}"),
    }
}

/// A path as words: `layers/1/rotation` is `layer 2 rotation`.
fn words(path: &[Seg]) -> String {
    let mut out: Vec<String> = Vec::new();
    for seg in path {
        match seg {
            Seg::Key(k) => out.push(k.replace('_', " ")),
            Seg::Index(i) => match out.pop() {
                Some(list) => out.push(format!(
                    "{} {}",
                    noun(&list.replace(' ', "_")).replace('_', " "),
                    i + 1
                )),
                None => out.push(format!("item {}", i + 1)),
            },
        }
    }
    out.join(" ")
}

/// Text of a free-text field, quoted and cut.
fn text_of(n: Option<&Node>) -> String {
    n.and_then(Node::as_str).map_or_else(String::new, quote)
}
