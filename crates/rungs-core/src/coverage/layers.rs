//! Which layer of a schedule answers: [`schedule_layers`] over any stretch of time, and
//! [`LayerAnswer`], what a heatmap cell says about each schedule its step pages.

use super::reach::Ctx;
use crate::id::{RotationId, ScheduleId};
use crate::model::Ladder;
use crate::time::Instant;

/// The layer of a schedule that answers in a cell of the heatmap, at the start of the
/// hour.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LayerAnswer {
    /// The schedule.
    pub schedule: ScheduleId,
    /// The layer, 1 the lowest (its position in the schedule's `layers`, from 1).
    pub layer: usize,
    /// The layer's rotation.
    pub rotation: RotationId,
}

/// A stretch of time in which one layer of a schedule is the highest with someone on
/// call.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LayerSpan {
    /// When it begins.
    pub from: Instant,
    /// When it ends (not included).
    pub to: Instant,
    /// The layer on top, 1 the lowest (its position in the schedule's `layers`, from 1).
    pub layer: usize,
    /// The layer's rotation.
    pub rotation: RotationId,
}

/// The stretches of `[from, to)` in which each layer of schedule `schedule` (a position
/// in `ladder.schedules`) answers, in order; time in which no layer has anyone on call is
/// in none of them. The heatmap's computation, exact to the millisecond: a layer has
/// someone on call when its rotation has a known person on call (turns inside the
/// windows, overrides). Empty for a schedule that does not exist.
pub fn schedule_layers(
    ladder: &Ladder,
    schedule: usize,
    from: Instant,
    to: Instant,
) -> Vec<LayerSpan> {
    if schedule >= ladder.schedules.len() {
        return Vec::new();
    }
    let mut ctx = Ctx::new(
        ladder,
        from.as_millis(),
        to.as_millis().max(from.as_millis()),
    );
    let pieces = ctx.ensure_schedule_pieces(schedule);
    (pieces.iter())
        .map(|&(span, j, r)| LayerSpan {
            from: Instant::from_millis(span.start),
            to: Instant::from_millis(span.end),
            layer: j + 1,
            rotation: ladder.rotations[r].id.clone(),
        })
        .collect()
}

impl Ctx<'_> {
    /// The layer answering at `t` for schedule `s`, as a cell says it.
    pub(super) fn layer_answer(&self, s: usize, t: i64) -> Option<LayerAnswer> {
        let (j, r) = self.layer_at(s, t)?;
        Some(LayerAnswer {
            schedule: self.ladder.schedules[s].id.clone(),
            layer: j + 1,
            rotation: self.ladder.rotations[r].id.clone(),
        })
    }
}
