//! A layered schedule's calendar: whom the schedule pages, as the designer's lane of it
//! shows (`paging::weeks_of`), through the same walk (`paging::schedule_stretches`): for
//! each stretch in which a layer is the highest with someone on call, that layer's
//! rotation's stretches (turns inside the windows, overrides) cut to it. So the events never overlap, and together they cover exactly the time in
//! which some layer has someone on call; a stretch of one person that changes layers is
//! an event per layer.
//!
//! **Zone.** The calendar is written in the zone of its lowest layer's rotation (the first
//! layer that names a rotation): a schedule whose layers share a zone is written in it,
//! and a 24/7 base under daytime teams, the usual shape, sets the calendar's. UTC when no
//! layer names a rotation. Calendar apps show the events in their own zone either way.

use super::{position, CalendarError, OnCallEvent, OnCallEvents, ScheduleLayer, MAX_TURNS};
use crate::id::ScheduleId;
use crate::oncall::Span;
use crate::paging::{push_merged, schedule_stretches, Lookup};
use crate::time::TimeZoneName;

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
    let walked = schedule_stretches(lookup, s, walk, MAX_TURNS);
    // (layer from 1, rotation, who) for each stretch, touching ones of one key merged
    let mut on = Vec::new();
    for (span, j, r, by) in walked.on {
        push_merged(&mut on, span, (j + 1, r, by));
    }
    let truncated = walked.cut < walk.1;
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
