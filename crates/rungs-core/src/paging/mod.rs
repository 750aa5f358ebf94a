//! Who is on call: who a step of a tier's escalation pages at an instant, who owns each
//! duty now, a rotation's next hand-offs and a week of shifts, with every id resolved to
//! a display name. Pure: the instant is always a parameter, never read from a clock.
//!
//! Who a target reaches follows the format exactly as [`crate::coverage`] does: a person
//! always; a rotation its on-call member (`members[floor((t - start) / shift) mod n]`),
//! only inside its window read in the rotation's zone; a schedule the on-call member of
//! its highest layer that has one ([`crate::oncall::top_layer_at`]); a role every holder. References
//! that do not resolve, rotations without members and roles nobody holds reach nobody, and
//! so does a rotation during the turn of a member who is not in `people`. Windows are the
//! spans of [`oncall::window_spans`], so the heatmap, these lines and the schedule agree
//! to the millisecond, across DST changes too.
//!
//! Here: [`readable_instant`] (from [`crate::time`]), the one way a date is shown to people. `lookup`: the
//! ladder's indexes; `reach`: [`who_is_paged`] and its sentence; `now`: [`on_call_now`];
//! `shifts`: [`upcoming_shifts`]; `schedule`: [`schedule_week`], [`weeks_of`] (a rotation's or a schedule's lanes);
//! `stretches`: who a rotation has on call over a range, person by person, shared by the
//! schedule and the on-call calendars ([`crate::calendar`]).

mod lookup;
mod now;
mod reach;
mod schedule;
mod shifts;
mod stretches;

pub(crate) use lookup::Lookup;
pub use now::{on_call_now, OnCallNow, OwnerNow, StepNow, TierNow};
pub use reach::{who_is_paged, StepReach, TargetReach, Unreached};
pub use schedule::{
    schedule_week, weeks_of, DayMark, GapView, Lane, LanesOf, ScheduleView, SegmentView,
    MAX_SEGMENTS_PER_LANE,
};
pub use shifts::{upcoming_shifts, ShiftView, MAX_UPCOMING_SHIFTS};
pub(crate) use stretches::{push_merged, rotation_stretches, schedule_stretches, OnCallBy};

use crate::oncall;
pub(crate) use crate::text::join_names;
pub use crate::time::readable_instant;

/// Whether `rotation`'s windows (if any) cover `t`, by the spans of
/// [`oncall::covered_spans`], as the coverage heatmap reads it.
fn window_covers(rotation: &crate::model::Rotation, t: i64) -> bool {
    !oncall::covered_spans(rotation, t, t.saturating_add(1)).is_empty()
}
