//! Who a rotation has on call over a stretch of time, person by person: the one walk over
//! turns, windows and overrides that the week's schedule ([`super::schedule_week`]) and
//! the on-call calendars ([`crate::calendar`]) share, so both show the same shifts.

use super::shifts::{turn_at, turn_span};
use super::Lookup;
use crate::oncall::{self, Span};

/// Who is on call during one stretch of a rotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OnCallBy {
    /// Position of the person in `people`.
    pub(crate) person: usize,
    /// The override that puts them on call (a position in the rotation's `overrides`),
    /// or `None` for the member on turn.
    pub(crate) by_override: Option<usize>,
}

/// A rotation's stretches over `[from, to)`, in order, and how far the walk got.
pub(crate) struct Stretches {
    /// When somebody in `people` is on call: each turn's member inside the windows, cut
    /// around the overrides, and each override's person; touching stretches with the same
    /// [`OnCallBy`] are one (so an override stays its own stretch and splits a shift).
    pub(crate) on: Vec<(Span, OnCallBy)>,
    /// Where the walk stopped: `to`, unless more than the turns allowed fell in the range.
    pub(crate) cut: i64,
    /// How many turns were walked.
    pub(crate) walked: usize,
}

/// When in `[from, to)` rotation `i` has a known person on call, walking at most
/// `max_turns` turns (window by window); see [`Stretches`].
pub(crate) fn rotation_stretches(
    lookup: &Lookup,
    i: usize,
    (from, to): (i64, i64),
    max_turns: usize,
) -> Stretches {
    let rot = &lookup.ladder.rotations[i];
    let (on, cut, walked) = turn_spans(lookup, i, (from, to), max_turns);
    let pieces = on
        .into_iter()
        .map(|(span, person)| {
            let by = OnCallBy {
                person,
                by_override: None,
            };
            (span, by)
        })
        .collect();
    // overrides replace the member on turn, inside the windows or not
    let person = |j: usize| {
        let person = lookup.person(rot.overrides[j].person.as_str())?;
        Some(OnCallBy {
            person,
            by_override: Some(j),
        })
    };
    let mut merged = Vec::new();
    for (span, by) in oncall::with_overrides(pieces, rot, (from, cut), person) {
        push_merged(&mut merged, span, by);
    }
    Stretches {
        on: merged,
        cut,
        walked,
    }
}

/// When in `[from, to)` rotation `i`'s members on turn are on call inside its windows
/// (with their positions in `people`), as [`rotation_stretches`] without the overrides;
/// where the walk stopped, and how many turns it walked.
fn turn_spans(
    lookup: &Lookup,
    i: usize,
    (from, to): (i64, i64),
    max_turns: usize,
) -> (Vec<(Span, usize)>, i64, usize) {
    let rot = &lookup.ladder.rotations[i];
    let open = oncall::covered_spans(rot, from, to);
    let mut on: Vec<(Span, usize)> = Vec::new();
    let mut walked = 0;
    for window in open {
        let Some(mut turn) = turn_at(rot, window.start) else {
            break;
        };
        while let Some((shift, member)) = turn_span(rot, turn) {
            if shift.start >= window.end {
                break;
            }
            let span = Span {
                start: shift.start.max(window.start),
                end: shift.end.min(window.end),
            };
            if walked == max_turns {
                return (on, span.start, walked);
            }
            walked += 1;
            if let Some(p) = lookup.person(rot.members[member].as_str()) {
                push_merged(&mut on, span, p);
            }
            turn += 1;
        }
    }
    (on, to, walked)
}

/// Appends `span` of `who`, extending the last stretch when it is the same `who`'s and
/// touches it.
pub(crate) fn push_merged<K: PartialEq>(on: &mut Vec<(Span, K)>, span: Span, who: K) {
    match on.last_mut() {
        Some((last, k)) if *k == who && last.end == span.start => last.end = span.end,
        _ => on.push((span, who)),
    }
}

/// Who a layered schedule pages over a range: see [`schedule_stretches`].
pub(crate) struct LayerStretches {
    /// For each stretch in which a layer is the highest with someone on call, that layer's
    /// rotation's stretches cut to it, in order: the span, the layer (its position in the
    /// schedule's `layers`, from 0), the rotation (its position in `rotations`) and who.
    pub(crate) on: Vec<(Span, usize, usize, OnCallBy)>,
    /// Where the walk stopped: `to`, unless the turns allowed ran out before.
    pub(crate) cut: i64,
}

/// Who schedule `s` pages over `[from, to)`, layer by layer: each layer's rotation walked
/// once ([`rotation_stretches`], at most `max_turns` turns over all layers), the time split
/// among the layers on top ([`oncall::top_layers`], as the coverage computation splits
/// it), and each layer's stretches cut to its time on top. The week's schedule and the
/// schedule's calendar both read a schedule through this.
pub(crate) fn schedule_stretches(
    lookup: &Lookup,
    s: usize,
    (from, to): (i64, i64),
    max_turns: usize,
) -> LayerStretches {
    let layers = lookup.layers(s);
    let mut cut = to;
    let mut walked = 0;
    let mut walks = Vec::with_capacity(layers.len());
    for &(_, r) in &layers {
        let walk = rotation_stretches(lookup, r, (from, to), max_turns - walked);
        walked += walk.walked;
        cut = cut.min(walk.cut);
        walks.push(walk.on);
    }
    let spans: Vec<Vec<Span>> = (walks.iter())
        .map(|on| oncall::merge(on.iter().map(|&(span, _)| span).collect()))
        .collect();
    let mut on = Vec::new();
    for (top, k) in oncall::top_layers(&spans, from, cut) {
        let (j, r) = layers[k];
        let stretches = &walks[k];
        let first = stretches.partition_point(|(span, _)| span.end <= top.start);
        for &(span, by) in stretches[first..]
            .iter()
            .take_while(|(span, _)| span.start < top.end)
        {
            let piece = Span {
                start: span.start.max(top.start),
                end: span.end.min(top.end),
            };
            if !piece.is_empty() {
                on.push((piece, j, r, by));
            }
        }
    }
    LayerStretches { on, cut }
}
