//! Matching the items of an old and a new array, in the three ways the diff knows:
//! by a key (an `id`), as a set, and as an ordered list (equal items paired, the longest
//! run of them in order kept). Each gives [`Event`]s in reading order: the new array's order, with each
//! removed item where it stood relative to the items that stay.

use std::collections::HashMap;

use super::node::Node;

/// The most item comparisons the diff makes to match the items of one ordered list
/// (old items times new items, after the common start and end are set aside) or of a
/// set; beyond it items are paired by position. It bounds the work on hostile input
/// (4 MiB of steps).
pub const MAX_CELLS: usize = 1 << 20;

/// Up to this many matched items, the run kept in order is chosen among the longest for
/// the most items left in place (a quadratic search); beyond, any longest run.
const FIXED_POINT_PAIRS: usize = 1024;

/// One item's fate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Event {
    /// Old item `.0` is new item `.1`, in the same relative order (its content may differ).
    Kept(usize, usize),
    /// Old item `.0` is new item `.1`, moved among the items kept.
    Moved(usize, usize),
    /// New item `.0` is new.
    Added(usize),
    /// Old item `.0` is gone.
    Removed(usize),
}

/// Matches items whose `key`s are equal. `None` when an item has no key or a key repeats
/// on either side (the array is then matched as an ordered list). An item is moved when
/// it is not on the longest run of kept items in the same order.
pub(super) fn by_key(
    old: &[Node],
    new: &[Node],
    key: impl Fn(&Node) -> Option<String>,
) -> Option<Vec<Event>> {
    let index = |items: &[Node]| -> Option<HashMap<String, usize>> {
        let mut map = HashMap::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if map.insert(key(item)?, i).is_some() {
                return None;
            }
        }
        Some(map)
    };
    let old_ix = index(old)?;
    let new_ix = index(new)?;
    // Kept pairs in new order.
    let pairs: Vec<(usize, usize)> = new
        .iter()
        .enumerate()
        .filter_map(|(j, item)| Some((*old_ix.get(&key(item)?)?, j)))
        .collect();
    let mut events = kept_or_moved(&pairs);
    events.extend(
        (0..new.len())
            .filter(|j| key(&new[*j]).is_some_and(|k| !old_ix.contains_key(&k)))
            .map(Event::Added),
    );
    events.extend(
        (0..old.len())
            .filter(|i| key(&old[*i]).is_some_and(|k| !new_ix.contains_key(&k)))
            .map(Event::Removed),
    );
    Some(reading_order(events))
}

/// Matches equal items, whatever their order: what is left is added or removed.
pub(super) fn as_set(old: &[Node], new: &[Node]) -> Vec<Event> {
    if old.len().saturating_mul(new.len()) > MAX_CELLS {
        return by_position(old, new, 0, 0, old.len(), new.len());
    }
    let mut used = vec![false; old.len()];
    let mut events = Vec::new();
    for (j, item) in new.iter().enumerate() {
        match (0..old.len()).find(|&i| !used[i] && old[i] == *item) {
            Some(i) => {
                used[i] = true;
                events.push(Event::Kept(i, j));
            }
            None => events.push(Event::Added(j)),
        }
    }
    events.extend((0..old.len()).filter(|&i| !used[i]).map(Event::Removed));
    reading_order(events)
}

/// Matches an ordered list: equal items are paired (in order, when an item repeats);
/// those on the longest run in the same order are kept, the others moved; between two
/// kept items, what is left of old and new is paired in order when both are objects or
/// arrays (the same step, edited), and added or removed otherwise (a scalar is compared
/// whole).
pub(super) fn ordered(old: &[Node], new: &[Node]) -> Vec<Event> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (oe, ne) = (old.len() - suffix, new.len() - suffix);
    let mut events: Vec<Event> = (0..prefix).map(|k| Event::Kept(k, k)).collect();
    events.extend((0..suffix).map(|k| Event::Kept(oe + k, ne + k)));
    if (oe - prefix).saturating_mul(ne - prefix) > MAX_CELLS {
        events.extend(by_position(old, new, prefix, prefix, oe, ne));
        return reading_order(events);
    }
    let mut old_left = vec![true; old.len()];
    let mut new_left = vec![true; new.len()];
    for e in &events {
        if let Event::Kept(i, j) = *e {
            old_left[i] = false;
            new_left[j] = false;
        }
    }
    let mut pairs = Vec::new();
    for j in prefix..ne {
        if let Some(i) = (prefix..oe).find(|&i| old_left[i] && old[i] == new[j]) {
            old_left[i] = false;
            new_left[j] = false;
            pairs.push((i, j));
        }
    }
    let middle = kept_or_moved(&pairs);
    // Between consecutive kept pairs, pair what is left in order.
    let mut bounds: Vec<(usize, usize)> = (0..prefix).map(|k| (k, k)).collect();
    bounds.extend(middle.iter().filter_map(|e| match *e {
        Event::Kept(i, j) => Some((i, j)),
        _ => None,
    }));
    bounds.extend((0..suffix).map(|k| (oe + k, ne + k)));
    bounds.push((old.len(), new.len()));
    events.extend(middle);
    let (mut lo_i, mut lo_j) = (0, 0);
    for (hi_i, hi_j) in bounds {
        let olds: Vec<usize> = (lo_i..hi_i).filter(|&i| old_left[i]).collect();
        let news: Vec<usize> = (lo_j..hi_j).filter(|&j| new_left[j]).collect();
        for (&i, &j) in olds.iter().zip(&news) {
            if !old[i].is_scalar() && !new[j].is_scalar() {
                old_left[i] = false;
                new_left[j] = false;
                events.push(Event::Kept(i, j));
            }
        }
        (lo_i, lo_j) = (hi_i + 1, hi_j + 1);
    }
    events.extend((0..new.len()).filter(|&j| new_left[j]).map(Event::Added));
    events.extend((0..old.len()).filter(|&i| old_left[i]).map(Event::Removed));
    reading_order(events)
}

/// Matched pairs `(old, new)`, in new order: those on a longest run in the same order
/// kept, the others moved.
fn kept_or_moved(pairs: &[(usize, usize)]) -> Vec<Event> {
    let in_order = longest_increasing(pairs);
    pairs
        .iter()
        .zip(in_order)
        .map(|(&(i, j), kept)| {
            if kept {
                Event::Kept(i, j)
            } else {
                Event::Moved(i, j)
            }
        })
        .collect()
}

/// Items `from..to` of each side paired by position; the longer side's rest added or
/// removed.
fn by_position(
    old: &[Node],
    new: &[Node],
    i0: usize,
    j0: usize,
    i1: usize,
    j1: usize,
) -> Vec<Event> {
    let n = (i1 - i0).min(j1 - j0);
    let mut events: Vec<Event> = (0..n).map(|k| Event::Kept(i0 + k, j0 + k)).collect();
    events.extend((j0 + n..j1.min(new.len())).map(Event::Added));
    events.extend((i0 + n..i1.min(old.len())).map(Event::Removed));
    events
}

/// Which pairs `(old, new)` (in new order, distinct old indices) are on one longest run
/// of increasing old indices. Among the longest, up to [`FIXED_POINT_PAIRS`] pairs the
/// one with the most items at their old position is taken: reversing three steps moves
/// the first and the last, not the middle one.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<bool> {
    let n = pairs.len();
    let mut prev = vec![usize::MAX; n];
    let end = if n <= FIXED_POINT_PAIRS {
        // best[k]: (length, items in place) of the best run ending at k.
        let mut best = vec![(0usize, 0usize); n];
        for k in 0..n {
            let here = usize::from(pairs[k].0 == pairs[k].1);
            best[k] = (1, here);
            for m in 0..k {
                let candidate = (best[m].0 + 1, best[m].1 + here);
                if pairs[m].0 < pairs[k].0 && candidate > best[k] {
                    best[k] = candidate;
                    prev[k] = m;
                }
            }
        }
        (0..n).max_by_key(|&k| best[k])
    } else {
        // tails[l]: the pair ending the run of length l + 1 with the smallest old index.
        let mut tails: Vec<usize> = Vec::new();
        for k in 0..n {
            let pos = tails.partition_point(|&t| pairs[t].0 < pairs[k].0);
            if pos > 0 {
                prev[k] = tails[pos - 1];
            }
            if pos == tails.len() {
                tails.push(k);
            } else {
                tails[pos] = k;
            }
        }
        tails.last().copied()
    };
    let mut on = vec![false; n];
    let mut k = end.unwrap_or(usize::MAX);
    while k != usize::MAX {
        on[k] = true;
        k = prev[k];
    }
    on
}

/// `events` in reading order: by new position, each removed item just after the new
/// position of the nearest kept item before it in the old array (first when none).
fn reading_order(events: Vec<Event>) -> Vec<Event> {
    let mut by_old: Vec<(usize, usize)> = events
        .iter()
        .filter_map(|e| match *e {
            Event::Kept(i, j) | Event::Moved(i, j) => Some((i, j)),
            _ => None,
        })
        .collect();
    by_old.sort_unstable();
    let slot = |e: &Event| match *e {
        Event::Kept(_, j) | Event::Moved(_, j) | Event::Added(j) => 2 * j + 1,
        Event::Removed(i) => match by_old.partition_point(|&(oi, _)| oi < i) {
            0 => 0,
            k => 2 * by_old[k - 1].1 + 2,
        },
    };
    let mut keyed: Vec<(usize, Event)> = events.iter().map(|e| (slot(e), *e)).collect();
    // Stable: removed items with the same slot stay in old order.
    keyed.sort_by_key(|(s, _)| *s);
    keyed.into_iter().map(|(_, e)| e).collect()
}
