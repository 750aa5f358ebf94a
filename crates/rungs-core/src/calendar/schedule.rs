//! A layered schedule's calendar: whom the schedule pages, as the designer's lane of it
//! shows (`paging::weeks_of`). For each stretch in which a layer is the highest with
//! someone on call ([`schedule_layers`], the coverage computation), that layer's
//! rotation's stretches ([`rotation_stretches`]: turns inside the windows, overrides)
//! cut to it. So the events never overlap, and together they cover exactly the time in
//! which some layer has someone on call; a stretch of one person that changes layers is
//! an event per layer.
//!
//! **Zone.** The calendar is written in the zone of its lowest layer's rotation (the first
//! layer that names a rotation): a schedule whose layers share a zone is written in it,
//! and a 24/7 base under daytime teams, the usual shape, sets the calendar's. UTC when no
//! layer names a rotation. Calendar apps show the events in their own zone either way.

use super::{position, CalendarError, OnCallEvent, OnCallEvents, ScheduleLayer, MAX_TURNS};
use crate::coverage::schedule_layers;
use crate::id::ScheduleId;
use crate::oncall::Span;
use crate::paging::{push_merged, rotation_stretches, Lookup};
use crate::time::{Instant, TimeZoneName};

/// The position of schedule `id` in `schedules`.
pub(super) fn index(lookup: &Lookup, id: &ScheduleId) -> Result<usize, CalendarError> {
    position(&lookup.schedules, id).map_err(|did_you_mean| CalendarError::UnknownSchedule {
        id: id.clone(),
        did_you_mean,
    })
}

/// The zone schedule `s`'s calendar is written in (see the module documentation).
pub(super) fn zone(lookup: &Lookup, s: usize) -> TimeZoneName {
    let lowest = lookup.layers(s).first().map(|&(_, r)| r);
    lowest.map_or_else(TimeZoneName::utc, |r| {
        lookup.ladder.rotations[r].timezone.clone()
    })
}

/// The events of schedule `s` that overlap `[start, end)`, found over `walk` (the range
/// with the look-around), walking at most [`MAX_TURNS`] turns over all its layers.
pub(super) fn events(
    lookup: &Lookup,
    s: usize,
    walk: (i64, i64),
    (start, end): (i64, i64),
) -> OnCallEvents {
    let ladder = lookup.ladder;
    let schedule = &ladder.schedules[s];
    let tops = schedule_layers(
        ladder,
        s,
        Instant::from_millis(walk.0),
        Instant::from_millis(walk.1),
    );
    // (layer, rotation, who) for each stretch, touching ones of one key merged
    let mut on = Vec::new();
    let mut budget = MAX_TURNS;
    let mut truncated = false;
    for top in tops {
        let Some(&r) = lookup.rotations.get(top.rotation.as_str()) else {
            continue;
        };
        let range = (top.from.as_millis(), top.to.as_millis());
        let stretches = rotation_stretches(lookup, r, range, budget);
        budget -= stretches.walked;
        for (span, by) in stretches.on {
            push_merged(&mut on, span, (top.layer, r, by));
        }
        if stretches.cut < range.1 {
            truncated = true;
            break;
        }
    }
    let schedule_name = super::shown(&schedule.name, schedule.id.as_str());
    let events = on
        .into_iter()
        .filter(|(span, _): &(Span, _)| span.end > start && span.start < end)
        .map(|(span, (layer, r, by))| {
            let layer = ScheduleLayer {
                schedule: schedule.id.clone(),
                schedule_name: schedule_name.to_string(),
                layer,
            };
            OnCallEvent::new(ladder, span, r, by, Some(layer))
        })
        .collect();
    OnCallEvents { events, truncated }
}
