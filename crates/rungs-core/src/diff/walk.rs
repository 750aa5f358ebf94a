//! The structural walk over two canonical JSON trees: which arrays are matched how, which
//! values are compared whole, and the raw changes in reading order.

use super::align::{self, Event};
use super::names::collection_of;
use super::node::{Node, Seg};
use super::Op;

/// A change before it is worded: where it is in each document and the values.
#[derive(Debug)]
pub(super) struct Raw<'a> {
    pub(super) op: Op,
    /// The path in the old document (for an addition: its parent's).
    pub(super) old_path: Vec<Seg>,
    /// The path in the new document (for a removal: its parent's).
    pub(super) new_path: Vec<Seg>,
    pub(super) old: Option<&'a Node>,
    pub(super) new: Option<&'a Node>,
}

impl Raw<'_> {
    /// The path the change is reported at: in the old document for a removal, else in
    /// the new.
    pub(super) fn path(&self) -> &[Seg] {
        if self.op == Op::Remove {
            &self.old_path
        } else {
            &self.new_path
        }
    }
}

/// The shape of a path for matching: its keys, each index as `#`
/// (`["tiers", "#", "escalation", "steps"]`).
pub(super) fn shape(path: &[Seg]) -> Vec<&str> {
    path.iter()
        .map(|s| match s {
            Seg::Key(k) => k.as_str(),
            Seg::Index(_) => "#",
        })
        .collect()
}

/// How the items of an array are matched.
enum Rule {
    /// Equal items are the same; order means nothing (the targets of a step, a person's
    /// roles, a rotation's windows and overrides, days, dependencies, segments, artifacts).
    Set,
    /// By a key that each item has once (an `id`; a scenario's signal by service and
    /// metric; a signal's point by its offset). Without such keys: [`Rule::Ordered`].
    Key(fn(&Node) -> Option<String>),
    /// By position and content (escalation steps, playbook steps, rotation members,
    /// injects, and any array whose items have no ids).
    Ordered,
}

fn id_key(n: &Node) -> Option<String> {
    n.get("id")?.as_str().map(str::to_owned)
}

fn signal_key(n: &Node) -> Option<String> {
    let field = |k| n.get(k).and_then(Node::as_str);
    Some(format!("{}\u{0}{}", field("service")?, field("metric")?))
}

fn point_key(n: &Node) -> Option<String> {
    n.items().first()?.as_str().map(str::to_owned)
}

fn rule(shape: &[&str]) -> Rule {
    match shape {
        [.., "notify" | "depends_on" | "customer_segments" | "days" | "artifacts"]
        | [.., "windows" | "overrides"]
        | ["people", "#", "roles"] => Rule::Set,
        ["scenarios", "#", "signals"] => Rule::Key(signal_key),
        [.., "points"] => Rule::Key(point_key),
        [.., "members" | "injects"] => Rule::Ordered,
        _ => Rule::Key(id_key),
    }
}

/// Values compared whole, one change for any difference: windows, overrides, a signal's
/// points, injects and targets (`{"person": "ana"}`; any one-field object naming an entry
/// of a collection either ladder has) replaced by targets.
fn atomic(shape: &[&str], a: &Node, b: &Node, collections: &dyn Fn(&str) -> bool) -> bool {
    let target = |n: &Node| match n {
        Node::Object(fields) => match fields.as_slice() {
            [(k, Node::String(_))] => {
                matches!(k.as_str(), "person" | "rotation" | "role")
                    || collections(&collection_of(k))
            }
            _ => false,
        },
        _ => false,
    };
    matches!(
        shape,
        [.., "window"] | [.., "windows" | "overrides" | "points" | "injects", "#"]
    ) || (target(a) && target(b))
}

/// Fields that a canonical document leaves out when empty and that are read field by
/// field: absent is compared as `{}`.
const EMPTY_WHEN_ABSENT: [&str; 3] = ["timelines", "owners", "on_breach"];

static EMPTY_ARRAY: Node = Node::Array(Vec::new());
static EMPTY_OBJECT: Node = Node::Object(Vec::new());

/// The raw changes from `old` to `new`, in reading order.
pub(super) fn walk<'a>(
    old: &'a Node,
    new: &'a Node,
    collections: &dyn Fn(&str) -> bool,
) -> Vec<Raw<'a>> {
    let mut w = Walk {
        out: Vec::new(),
        old_path: Vec::new(),
        new_path: Vec::new(),
        collections,
    };
    w.node(old, new);
    w.out
}

struct Walk<'a, 'c> {
    out: Vec<Raw<'a>>,
    old_path: Vec<Seg>,
    new_path: Vec<Seg>,
    collections: &'c dyn Fn(&str) -> bool,
}

impl<'a> Walk<'a, '_> {
    fn emit(&mut self, op: Op, old: Option<&'a Node>, new: Option<&'a Node>) {
        self.out.push(Raw {
            op,
            old_path: self.old_path.clone(),
            new_path: self.new_path.clone(),
            old,
            new,
        });
    }

    fn node(&mut self, a: &'a Node, b: &'a Node) {
        if a == b {
            return;
        }
        let shape = shape(&self.new_path);
        let whole = atomic(&shape, a, b, self.collections);
        let rule = rule(&shape);
        if whole {
            // One change for the whole value, if it differs by the rules (a window whose
            // days are only reordered does not).
            let mut probe = Walk {
                out: Vec::new(),
                old_path: self.old_path.clone(),
                new_path: self.new_path.clone(),
                collections: self.collections,
            };
            probe.parts(a, b, rule);
            if !probe.out.is_empty() {
                self.emit(Op::Change, Some(a), Some(b));
            }
        } else {
            self.parts(a, b, rule);
        }
    }

    fn parts(&mut self, a: &'a Node, b: &'a Node, rule: Rule) {
        match (a, b) {
            (Node::Object(fa), Node::Object(fb)) => self.object(fa, fb),
            (Node::Array(xa), Node::Array(xb)) => self.array(xa, xb, rule),
            _ => self.emit(Op::Change, Some(a), Some(b)),
        }
    }

    fn child(&mut self, old: Seg, new: Seg, a: &'a Node, b: &'a Node) {
        self.old_path.push(old);
        self.new_path.push(new);
        self.node(a, b);
        self.old_path.pop();
        self.new_path.pop();
    }

    /// A field present on one side only: an addition or removal of the whole value, or
    /// of each item when the value is an array (a collection left out because it is
    /// empty) or one of [`EMPTY_WHEN_ABSENT`].
    fn one_sided(&mut self, key: &str, a: Option<&'a Node>, b: Option<&'a Node>) {
        let present = a.or(b).expect("one side has it");
        let empty = match present {
            Node::Array(_) => Some(&EMPTY_ARRAY),
            Node::Object(_) if EMPTY_WHEN_ABSENT.contains(&key) => Some(&EMPTY_OBJECT),
            _ => None,
        };
        let seg = || Seg::Key(key.to_owned());
        match empty {
            Some(e) => self.child(seg(), seg(), a.unwrap_or(e), b.unwrap_or(e)),
            None => {
                self.old_path.push(seg());
                self.new_path.push(seg());
                match (a, b) {
                    (Some(a), None) => self.emit(Op::Remove, Some(a), None),
                    _ => self.emit(Op::Add, None, b),
                }
                self.old_path.pop();
                self.new_path.pop();
            }
        }
    }

    /// Fields in the new order; a removed field after the nearest field before it in the
    /// old order that is still there.
    fn object(&mut self, fa: &'a [(String, Node)], fb: &'a [(String, Node)]) {
        let in_new = |k: &str| fb.iter().any(|(kb, _)| kb == k);
        let removed_after = |anchor: Option<&str>| {
            let mut last_kept: Option<&str> = None;
            let mut out = Vec::new();
            for (k, v) in fa {
                if in_new(k) {
                    last_kept = Some(k);
                } else if last_kept == anchor {
                    out.push((k.as_str(), v));
                }
            }
            out
        };
        for (k, v) in removed_after(None) {
            self.one_sided(k, Some(v), None);
        }
        for (k, vb) in fb {
            match fa.iter().find(|(ka, _)| ka == k) {
                Some((_, va)) => self.child(Seg::Key(k.clone()), Seg::Key(k.clone()), va, vb),
                None => self.one_sided(k, None, Some(vb)),
            }
            for (k, v) in removed_after(Some(k)) {
                self.one_sided(k, Some(v), None);
            }
        }
    }

    fn array(&mut self, xa: &'a [Node], xb: &'a [Node], rule: Rule) {
        let events = match rule {
            Rule::Set => align::as_set(xa, xb),
            Rule::Key(key) => align::by_key(xa, xb, key).unwrap_or_else(|| align::ordered(xa, xb)),
            Rule::Ordered => align::ordered(xa, xb),
        };
        for e in events {
            match e {
                Event::Kept(i, j) => self.child(Seg::Index(i), Seg::Index(j), &xa[i], &xb[j]),
                Event::Moved(i, j) => {
                    self.old_path.push(Seg::Index(i));
                    self.new_path.push(Seg::Index(j));
                    self.emit(Op::Move, Some(&xa[i]), Some(&xb[j]));
                    self.old_path.pop();
                    self.new_path.pop();
                    self.child(Seg::Index(i), Seg::Index(j), &xa[i], &xb[j]);
                }
                Event::Added(j) => {
                    self.new_path.push(Seg::Index(j));
                    self.emit(Op::Add, None, Some(&xb[j]));
                    self.new_path.pop();
                }
                Event::Removed(i) => {
                    self.old_path.push(Seg::Index(i));
                    self.emit(Op::Remove, Some(&xa[i]), None);
                    self.old_path.pop();
                }
            }
        }
    }
}
