//! Schedules: rotations stacked in layers. At an instant a schedule's answer is the
//! person on call in the highest layer that has someone on call, and nobody when no layer
//! has; a layer has someone on call exactly when [`on_call_at`] says its rotation does
//! (an override under way, or the member on turn inside the windows).
//!
//! The instant's answer is [`top_layer_at`]; over a stretch of time, [`on_call_spans`]
//! gives each layer's hours and [`top_layers`] splits the time among the layers. The
//! simulator, the coverage heatmap, the paging lines and validation all read schedules
//! through these.

use super::Turns;
use super::{covered_spans, gaps, intersect, merge, on_call_at, with_overrides, OnCall, Span};
use crate::model::Rotation;

/// The highest of `layers` (rotations, the lowest first) that has someone on call at `t`:
/// its position in `layers` and who is on call there ([`on_call_at`]). `None` when no
/// layer has anyone on call.
pub fn top_layer_at(layers: &[&Rotation], t: i64) -> Option<(usize, OnCall)> {
    (layers.iter().enumerate().rev()).find_map(|(k, rot)| Some((k, on_call_at(rot, t)?)))
}

/// The spans of `[from, to)` in which `rotation` has someone on call by [`on_call_at`],
/// sorted and merged: its windows' spans when it has members and a shift, and its
/// overrides' spans, windows or not.
pub fn on_call_spans(rotation: &Rotation, from: i64, to: i64) -> Vec<Span> {
    let turns = if rotation.members.is_empty() || Turns::of(rotation).is_none() {
        Vec::new()
    } else {
        covered_spans(rotation, from, to)
    };
    let pieces = turns.into_iter().map(|s| (s, ())).collect();
    let all = with_overrides(pieces, rotation, (from, to), |_| Some(()));
    merge(all.into_iter().map(|(s, ())| s).collect())
}

/// The time of `[from, to)` that `layers` cover (each layer's spans sorted and merged,
/// the lowest layer first), split among them: each piece with the highest layer covering
/// it (a position in `layers`), in order of start. Time no layer covers is in no piece.
pub fn top_layers(layers: &[Vec<Span>], from: i64, to: i64) -> Vec<(Span, usize)> {
    let mut taken: Vec<Span> = Vec::new();
    let mut out: Vec<(Span, usize)> = Vec::new();
    for (k, spans) in layers.iter().enumerate().rev() {
        let free = gaps(std::slice::from_ref(&taken), from, to);
        out.extend(intersect(spans, &free).into_iter().map(|s| (s, k)));
        taken = merge(taken.into_iter().chain(spans.iter().copied()).collect());
    }
    out.sort_unstable_by_key(|&(s, _)| s);
    out
}
