//! The matching of arrays, item by item.

use super::align::{self, Event};
use super::node::Node;

fn s(items: &[&str]) -> Vec<Node> {
    items.iter().map(|x| Node::String(x.to_string())).collect()
}

#[test]
fn ordered_keeps_the_longest_common_run_and_moves_the_rest() {
    let events = align::ordered(&s(&["a", "b", "c"]), &s(&["c", "a", "b"]));
    assert_eq!(
        events,
        vec![Event::Moved(2, 0), Event::Kept(0, 1), Event::Kept(1, 2)]
    );
}

#[test]
fn ordered_scalars_that_differ_are_removed_and_added() {
    let events = align::ordered(&s(&["a", "b", "c"]), &s(&["a", "x", "c"]));
    assert_eq!(
        events,
        vec![
            Event::Kept(0, 0),
            Event::Removed(1),
            Event::Added(1),
            Event::Kept(2, 2)
        ]
    );
}

#[test]
fn removed_items_stand_where_they_stood() {
    let events = align::ordered(&s(&["a", "b", "c", "d"]), &s(&["a", "d"]));
    assert_eq!(
        events,
        vec![
            Event::Kept(0, 0),
            Event::Removed(1),
            Event::Removed(2),
            Event::Kept(3, 1)
        ]
    );
}

#[test]
fn by_key_refuses_repeated_keys() {
    let key = |n: &Node| n.as_str().map(str::to_owned);
    assert!(align::by_key(&s(&["a", "a"]), &s(&["a"]), key).is_none());
    let events = align::by_key(&s(&["a", "b", "c"]), &s(&["b", "c", "a", "d"]), key).unwrap();
    assert_eq!(
        events,
        vec![
            Event::Kept(1, 0),
            Event::Kept(2, 1),
            Event::Moved(0, 2),
            Event::Added(3)
        ]
    );
}

#[test]
fn sets_ignore_order() {
    let events = align::as_set(&s(&["a", "b"]), &s(&["b", "a", "c"]));
    assert_eq!(
        events
            .iter()
            .filter(|e| matches!(e, Event::Added(2)))
            .count(),
        1
    );
    assert_eq!(events.len(), 3);
    assert!(!events
        .iter()
        .any(|e| matches!(e, Event::Moved(..) | Event::Removed(_))));
}

#[test]
fn huge_arrays_are_paired_by_position() {
    let n = 2_000;
    let old: Vec<Node> = (0..n).map(|i| Node::String(format!("o{i}"))).collect();
    let new: Vec<Node> = (0..n).map(|i| Node::String(format!("n{i}"))).collect();
    let events = align::ordered(&old, &new);
    assert_eq!(events.len(), n);
    assert!(events
        .iter()
        .all(|e| matches!(e, Event::Kept(i, j) if i == j)));
}

// --- Collections this build does not know ---------------------------------------------

fn view(old: &str, new: &str) -> super::DiffView {
    let (a, b): (Node, Node) = (
        serde_json::from_str(old).unwrap(),
        serde_json::from_str(new).unwrap(),
    );
    super::diff_nodes(&a, &b)
}

const BASE: &str = r#"{"format": "rungs.ladder/v1", "name": "x",
  "rotations": [{"id": "day", "name": "Day"}, {"id": "night", "name": "Night"}],
  "schedules": [{"id": "nights", "name": "Nights", "layers": [{"rotation": "day"}]}],
  "tiers": [{"id": "sev1", "name": "SEV1", "escalation": {"steps": [
    {"notify": [{"rotation": "day"}], "escalate_after": "5m"}]}}]}"#;

#[test]
fn unknown_collections_are_matched_by_id_with_plain_sentences() {
    let new = BASE
        .replace(
            r#"[{"rotation": "day"}]}]"#,
            r#"[{"rotation": "night"}]}, {"id": "weekends", "name": "Weekends", "layers": []}]"#,
        )
        .replace(
            r#"[{"rotation": "day"}], "escalate"#,
            r#"[{"rotation": "day"}, {"schedule": "weekends"}], "escalate"#,
        );
    let v = view(BASE, &new);
    let lines: Vec<(&str, &str, &str)> = v
        .changes()
        .map(|c| (c.op.as_str(), c.path.as_str(), c.summary.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (
                "change",
                "/schedules/0/layers/0",
                "In the schedule “Nights”, layer 1 is the rotation “Night” instead of the rotation “Day”."
            ),
            ("add", "/schedules/1", "The schedule “Weekends” is added (schedules)."),
            (
                "add",
                "/tiers/0/escalation/steps/0/notify/1",
                "SEV1 step 1 also pages the schedule “Weekends”."
            ),
        ]
    );
    let titles: Vec<&str> = v.groups.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(titles, ["Schedules", "Tier SEV1"]);
}

#[test]
fn unknown_fields_get_a_sentence_from_their_path() {
    let new = BASE.replace(
        r#""layers": [{"rotation": "day"}]"#,
        r#""layers": [{"rotation": "day", "hand_off": "09:00"}]"#,
    );
    let v = view(BASE, &new);
    let c: Vec<&str> = v.changes().map(|c| c.summary.as_str()).collect();
    assert_eq!(
        c,
        ["In the schedule “Nights”, layer 1 hand off is added: 09:00."]
    );
}
