//! Tests of `layers.rs` on spans written by hand.

use super::*;

fn s(start: i64, end: i64) -> Span {
    Span { start, end }
}

#[test]
fn the_highest_covering_layer_takes_each_piece_of_time() {
    // base 0..100, a day team 20..40 and 60..80, a top layer 30..65
    let layers = vec![vec![s(0, 100)], vec![s(20, 40), s(60, 80)], vec![s(30, 65)]];
    assert_eq!(
        top_layers(&layers, 0, 100),
        vec![
            (s(0, 20), 0),
            (s(20, 30), 1),
            (s(30, 65), 2),
            (s(65, 80), 1),
            (s(80, 100), 0)
        ]
    );
    // without a base, the time nobody covers is in no piece; the bounds clip
    assert_eq!(
        top_layers(&layers[1..], 25, 70),
        vec![(s(25, 30), 0), (s(30, 65), 1), (s(65, 70), 0)]
    );
    assert_eq!(top_layers(&[], 0, 10), vec![]);
}

#[test]
fn merge_and_intersect_keep_spans_sorted_and_disjoint() {
    assert_eq!(
        merge(vec![s(5, 7), s(0, 2), s(2, 3), s(9, 9)]),
        vec![s(0, 3), s(5, 7)]
    );
    assert_eq!(
        intersect(&[s(0, 10), s(20, 30)], &[s(5, 25)]),
        vec![s(5, 10), s(20, 25)]
    );
}
