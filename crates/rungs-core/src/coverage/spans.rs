//! Sorted, disjoint span lists: merging and intersecting them (from [`crate::oncall`]),
//! and measuring them.

use crate::oncall::Span;
pub(super) use crate::oncall::{intersect, merge};

/// Whether sorted, merged `spans` cover `t`.
pub(super) fn covers(spans: &[Span], t: i64) -> bool {
    let i = spans.partition_point(|s| s.end <= t);
    spans.get(i).is_some_and(|s| s.start <= t)
}

/// Milliseconds of `[start, end)` inside sorted, merged `spans`.
pub(super) fn overlap(spans: &[Span], start: i64, end: i64) -> i64 {
    let mut i = spans.partition_point(|s| s.end <= start);
    let mut total = 0;
    while let Some(s) = spans.get(i) {
        if s.start >= end {
            break;
        }
        total += s.end.min(end) - s.start.max(start);
        i += 1;
    }
    total
}
