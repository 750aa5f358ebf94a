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

/// A ladder `Layers` whose schedule `payments` ("Payments on-call") has three layers, the
/// lowest first:
/// 1. `base`, 24/7 in UTC: ana and ben by weeks from Mon 5 Jan 2026 (week k: ana when k is
///    even, ben when odd);
/// 2. `day`, weekdays 09:00-17:00 Berlin: cy and dee by days handing over at 09:00 Berlin
///    (day k from 5 Jan: cy when k is even, dee when odd);
/// 3. `lead`, Saturdays 10:00-12:00 Berlin: eve; and ana by override from Wed 11 March
///    09:00Z to Thu 12 March 09:00Z, outside its window too.
pub fn three_layers() -> Value {
    let person = |id: &str, name: &str| {
        json!({ "id": id, "name": name, "timezone": "Europe/Berlin",
                "response": { "ack_median": "3m", "ack_p90": "3m" } })
    };
    json!({
        "format": "rungs.ladder/v1",
        "name": "Layers",
        "services": [{ "id": "api", "name": "API" }],
        "people": [person("ana", "Ana"), person("ben", "Ben"), person("cy", "Cy"),
                   person("dee", "Dee"), person("eve", "Eve")],
        "rotations": [
            { "id": "base", "name": "Base 24/7", "members": ["ana", "ben"], "shift": "1w",
              "start": "2026-01-05T00:00:00Z", "timezone": "UTC" },
            { "id": "day", "name": "Weekday day team", "members": ["cy", "dee"], "shift": "1d",
              "start": "2026-01-05T08:00:00Z", "timezone": "Europe/Berlin",
              "window": { "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" } },
            { "id": "lead", "name": "Saturday lead", "members": ["eve"], "shift": "1w",
              "start": "2026-01-05T00:00:00Z", "timezone": "Europe/Berlin",
              "window": { "days": ["sat"], "from": "10:00", "to": "12:00" },
              "overrides": [{ "from": "2026-03-11T09:00:00Z", "to": "2026-03-12T09:00:00Z",
                              "person": "ana" }] }
        ],
        "schedules": [
            { "id": "payments", "name": "Payments on-call", "layers": ["base", "day", "lead"] }
        ],
        "tiers": [
            { "id": "sev1", "name": "SEV1", "rank": 1,
              "timelines": { "acknowledge": "5m", "contain": "1h", "resolve": "4h" },
              "escalation": { "steps": [
                  { "notify": [{ "schedule": "payments" }], "escalate_after": "5m" }] } }
        ],
        "triggers": [
            { "id": "up", "service": "api", "metric": "m", "op": ">=", "threshold": 1.0,
              "for": "0m", "tier": "sev1", "clear_for": "5m" }
        ]
    })
}
