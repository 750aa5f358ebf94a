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
