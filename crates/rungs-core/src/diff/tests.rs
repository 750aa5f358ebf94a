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
