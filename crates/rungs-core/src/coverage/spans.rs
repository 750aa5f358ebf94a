//! Sorted, disjoint span lists: merging, intersecting and measuring them.

use crate::oncall::Span;

/// Merges sorted-or-not spans into a sorted list of disjoint, non-touching spans.
pub(super) fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| !s.is_empty());
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(prev) if s.start <= prev.end => prev.end = prev.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// The intersection of two sorted, merged span lists.
pub(super) fn intersect(a: &[Span], b: &[Span]) -> Vec<Span> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let s = Span {
            start: a[i].start.max(b[j].start),
            end: a[i].end.min(b[j].end),
        };
        if !s.is_empty() {
            out.push(s);
        }
        if a[i].end < b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

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
