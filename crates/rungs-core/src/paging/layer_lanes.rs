//! A layered schedule's lane on the week's axis: who the schedule pages over time, the
//! highest layer with someone on call answering ([`crate::coverage::schedule_layers`]),
//! each stretch named with its person and layer.

use super::schedule::{Axis, GapView, Lane, SegmentView, MAX_SEGMENTS_PER_LANE};
use super::stretches::rotation_stretches;
use super::Lookup;
use crate::coverage::schedule_layers;
use crate::model::Kind;
use crate::oncall::{self, Span};
use crate::time::Instant;

/// Schedule `s`'s lane over `axis`: a segment per stretch of one person in one layer,
/// and the gaps in which no layer has anyone on call. Bounded like a rotation's lane:
/// [`MAX_SEGMENTS_PER_LANE`] turns per layer stretch.
pub(super) fn schedule_lane(lookup: &Lookup, s: usize, axis: &Axis) -> Lane {
    let ladder = lookup.ladder;
    let schedule = &ladder.schedules[s];
    let mut on: Vec<(Span, usize, usize)> = Vec::new();
    let mut cut = axis.to;
    let layers = schedule_layers(
        ladder,
        s,
        Instant::from_millis(axis.from),
        Instant::from_millis(axis.to),
    );
    for top in layers {
        let Some(&r) = lookup.rotations.get(top.rotation.as_str()) else {
            continue;
        };
        let range = (top.from.as_millis(), top.to.as_millis());
        let walk = rotation_stretches(lookup, r, range, MAX_SEGMENTS_PER_LANE);
        for (span, by) in walk.on {
            match on.last_mut() {
                Some((last, p, l))
                    if *p == by.person && *l == top.layer && last.end == span.start =>
                {
                    last.end = span.end
                }
                _ => on.push((span, by.person, top.layer)),
            }
        }
        if walk.cut < range.1 {
            cut = walk.cut;
            break;
        }
    }
    let layer_name = |layer: usize| {
        let id = &schedule.layers[layer - 1];
        let name = rotation_name(lookup, id.as_str());
        format!("layer {layer}, {name}")
    };
    let segments = on
        .iter()
        .map(|&(span, p, layer)| {
            let person = &ladder.people[p];
            SegmentView {
                person: person.name.clone(),
                person_id: person.id.clone(),
                from: Instant::from_millis(span.start),
                to: Instant::from_millis(span.end),
                start: axis.at(span.start),
                end: axis.at(span.end),
                label: format!(
                    "{}: {} ({}), {}",
                    schedule.name,
                    person.name,
                    layer_name(layer),
                    axis.when(span)
                ),
            }
        })
        .collect();
    let covered: Vec<Span> = on.iter().map(|&(s, _, _)| s).collect();
    let gaps = oncall::gaps(&[covered], axis.from, cut)
        .into_iter()
        .map(|g| GapView {
            from: Instant::from_millis(g.start),
            to: Instant::from_millis(g.end),
            start: axis.at(g.start),
            end: axis.at(g.end),
            label: format!(
                "{}: no layer has anyone on call, {}",
                schedule.name,
                axis.when(g)
            ),
        })
        .collect();
    let top_first: Vec<&str> = (schedule.layers.iter().rev())
        .map(|id| rotation_name(lookup, id.as_str()))
        .collect();
    Lane {
        index: s,
        pointer: Kind::Schedule.pointer(s),
        id: schedule.id.to_string(),
        name: schedule.name.clone(),
        window: Some(format!(
            "schedule, top layer first: {}",
            top_first.join(", ")
        )),
        segments,
        gaps,
        truncated: cut < axis.to,
    }
}

/// The name of rotation `id`, or the id itself when it does not resolve.
fn rotation_name<'a>(lookup: &Lookup<'a>, id: &'a str) -> &'a str {
    (lookup.rotations.get(id)).map_or(id, |&r| lookup.ladder.rotations[r].name.as_str())
}
