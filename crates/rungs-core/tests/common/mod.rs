//! Helpers shared by the integration tests: edit a JSON document at a JSON Pointer.
#![allow(dead_code)]

use serde_json::{json, Value};

/// Sets the value at `pointer`, creating the last key of an object if it is missing.
pub fn with(mut doc: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match doc
        .pointer_mut(parent)
        .unwrap_or_else(|| panic!("no {parent}"))
    {
        Value::Object(map) => {
            map.insert(key.to_string(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
        other => panic!("{parent} is {other}"),
    }
    doc
}

/// Appends to the array at `pointer`, creating it if it is missing.
pub fn push(doc: Value, pointer: &str, value: Value) -> Value {
    let mut doc = match doc.pointer(pointer) {
        Some(_) => doc,
        None => with(doc, pointer, json!([])),
    };
    doc.pointer_mut(pointer)
        .unwrap()
        .as_array_mut()
        .unwrap()
        .push(value);
    doc
}

/// Checks that every change of a diff points at a value that is there: in the old
/// ladder's canonical JSON for a removal, in the new one's otherwise, and that a move's
/// `old` pointer is in the old one. Returns the first that is not.
pub fn diff_pointers_resolve(
    old: &rungs_core::Ladder,
    new: &rungs_core::Ladder,
    changes: &[rungs_core::diff::Change],
) -> Result<(), String> {
    use rungs_core::diff::Op;
    let canonical = |l| serde_json::from_str::<Value>(&rungs_core::to_canonical_json(l)).unwrap();
    let (a, b) = (canonical(old), canonical(new));
    for c in changes {
        let (doc, value) = match c.op {
            Op::Remove => (&a, &c.old),
            _ => (&b, &c.new),
        };
        match doc.pointer(&c.path) {
            Some(v) if Some(v) == value.as_ref() => {}
            found => return Err(format!("{c:?}: found {found:?}")),
        }
        if c.op == Op::Move {
            let from = c.old.as_ref().and_then(Value::as_str).unwrap_or("");
            if a.pointer(from).is_none() {
                return Err(format!("{c:?}: no {from} in the old ladder"));
            }
        }
    }
    Ok(())
}
