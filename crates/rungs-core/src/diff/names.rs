//! How the diff's sentences name things: entries by their display names (taken from the
//! new ladder, else the old), references to them, and values as a reviewer reads them.

use std::collections::HashMap;

use super::node::Node;
use crate::model::Kind;
use crate::text::truncate_for_display;

/// The longest quoted text a sentence shows before cutting it with `…`.
pub const SHOWN_TEXT: usize = 60;

/// Every id'd entry of both ladders, by collection and id, with its display name.
pub(super) struct Names<'a> {
    by_collection: HashMap<&'a str, HashMap<&'a str, &'a str>>,
}

/// The display name of an entry: its `name` when not blank, else its id.
pub(super) fn display_name(entry: &Node) -> &str {
    match entry.get("name").and_then(Node::as_str) {
        Some(n) if !n.trim().is_empty() => n,
        _ => entry.get("id").and_then(Node::as_str).unwrap_or("?"),
    }
}

/// The singular noun of a collection: `people` is `person`, known kinds by their noun,
/// others without their plural `s` (`schedules`: `schedule`).
pub(super) fn noun(collection: &str) -> String {
    if let Some(kind) = Kind::from_collection(collection) {
        return kind.noun().to_string();
    }
    match collection.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => collection
            .strip_suffix('s')
            .unwrap_or(collection)
            .to_string(),
    }
}

/// The collection a referring field names: `person`, `backup`, `members` and
/// `unavailable` name people, `depends_on` services, a collection's own key itself,
/// otherwise the noun's plural (`schedule`: `schedules`).
pub(super) fn collection_of(key: &str) -> String {
    match key {
        "person" | "backup" | "members" | "unavailable" => "people".into(),
        "depends_on" => "services".into(),
        k if Kind::from_collection(k).is_some() => k.into(),
        k if k.ends_with('y') => format!("{}ies", &k[..k.len() - 1]),
        k => format!("{k}s"),
    }
}

/// Whether entries of `collection` are named bare (people and tiers, as validation's
/// findings name them) rather than as `the rotation “Primary”`.
fn bare(collection: &str) -> bool {
    matches!(collection, "people" | "tiers")
}

/// `name` as a sentence names an entry of `collection`: bare for people and tiers,
/// else quoted after its noun.
pub(super) fn refer_as(collection: &str, name: &str) -> String {
    let name = truncate_for_display(name, SHOWN_TEXT);
    if bare(collection) {
        name
    } else {
        format!("the {} “{name}”", noun(collection))
    }
}

/// `name` alone, as a rename shows it: bare for people and tiers, else quoted.
pub(super) fn name_as(collection: &str, name: &str) -> String {
    let name = truncate_for_display(name, SHOWN_TEXT);
    if bare(collection) {
        name
    } else {
        format!("“{name}”")
    }
}

/// `s` with its first letter capital.
pub(super) fn capital(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Text quoted and cut to [`SHOWN_TEXT`].
pub(super) fn quote(s: &str) -> String {
    format!("“{}”", truncate_for_display(s, SHOWN_TEXT))
}

impl<'a> Names<'a> {
    /// The entries of every top-level array of objects with ids in `new`, then those of
    /// `old` that `new` does not have.
    pub(super) fn new(old: &'a Node, new: &'a Node) -> Names<'a> {
        let mut by_collection: HashMap<&str, HashMap<&str, &str>> = HashMap::new();
        for doc in [new, old] {
            let Node::Object(fields) = doc else { continue };
            for (key, value) in fields {
                for entry in value.items() {
                    if let Some(id) = entry.get("id").and_then(Node::as_str) {
                        by_collection
                            .entry(key.as_str())
                            .or_default()
                            .entry(id)
                            .or_insert_with(|| display_name(entry));
                    }
                }
            }
        }
        Names { by_collection }
    }

    /// Whether either ladder has a collection with that key.
    pub(super) fn has_collection(&self, collection: &str) -> bool {
        self.by_collection.contains_key(collection)
    }

    /// How a sentence names the entry `id` of `collection`: `Ana`, `SEV1 Critical`, `the
    /// rotation “Primary”`; an id that names nothing is shown as written.
    pub(super) fn refer(&self, collection: &str, id: &str) -> String {
        let name = self
            .by_collection
            .get(collection)
            .and_then(|ids| ids.get(id))
            .copied()
            .unwrap_or(id);
        refer_as(collection, name)
    }

    /// A target (`{"person": "ana"}`, `{"rotation": …}`, `{"role": …}`, or any
    /// one-field object naming an entry, like `{"schedule": …}`) as a reference.
    pub(super) fn target(&self, node: &Node) -> Option<String> {
        let (key, id) = self.target_parts(node)?;
        Some(self.refer(&collection_of(key), id))
    }

    /// The field and id of a target.
    pub(super) fn target_parts<'n>(&self, node: &'n Node) -> Option<(&'n str, &'n str)> {
        let Node::Object(fields) = node else {
            return None;
        };
        let [(key, Node::String(id))] = fields.as_slice() else {
            return None;
        };
        let known = matches!(key.as_str(), "person" | "rotation" | "role");
        (known || self.has_collection(&collection_of(key))).then_some((key, id))
    }

    /// Several targets: `Ana and the role “IC”`.
    pub(super) fn targets(&self, nodes: &[Node]) -> String {
        let names: Vec<String> = nodes.iter().map(|t| self.value(None, t)).collect();
        if names.is_empty() {
            "nobody".into()
        } else {
            crate::text::join_names(&names)
        }
    }

    /// A value as a sentence shows it, `field` being the key it is held under (or the
    /// key of the array it is an item of): references by name, durations, instants and
    /// clock times bare, other text quoted, numbers plain, targets and windows in words.
    pub(super) fn value(&self, field: Option<&str>, node: &Node) -> String {
        match node {
            Node::Null => "nothing".into(),
            Node::Bool(b) => if *b { "yes" } else { "no" }.into(),
            Node::Number(n) => number(n),
            Node::String(s) => {
                if let Some(collection) = field.map(collection_of) {
                    if self.has_collection(&collection) {
                        return self.refer(&collection, s);
                    }
                }
                let bare = s.parse::<crate::Duration>().is_ok()
                    || crate::Instant::parse(s).is_ok()
                    || crate::ClockTime::parse(s).is_ok();
                if bare {
                    s.clone()
                } else {
                    quote(s)
                }
            }
            Node::Object(_) if self.target(node).is_some() => self.target(node).unwrap(),
            Node::Object(_) if node.get("days").is_some() => window(node),
            _ => truncate_for_display(&node.to_value().to_string(), SHOWN_TEXT),
        }
    }
}

/// A number as people write it: `900`, `0.05`.
pub(super) fn number(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
        _ => n.to_string(),
    }
}

/// A window in words: `mon, tue, wed 09:00–17:00`, `fri 18:00 – mon 10:00`.
pub(super) fn window(w: &Node) -> String {
    let days: Vec<&str> = w
        .get("days")
        .map_or(&[][..], Node::items)
        .iter()
        .filter_map(Node::as_str)
        .collect();
    let days = if days.is_empty() {
        "no day".to_string()
    } else {
        days.join(", ")
    };
    let s = |k| w.get(k).and_then(Node::as_str).unwrap_or("?");
    match w.get("to_day").and_then(Node::as_str) {
        Some(to_day) => format!("{days} {} – {to_day} {}", s("from"), s("to")),
        None => format!("{days} {}–{}", s("from"), s("to")),
    }
}
