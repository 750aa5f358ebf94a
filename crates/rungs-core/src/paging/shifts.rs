//! A rotation's coming hand-offs: [`upcoming_shifts`], and the turn arithmetic the week's
//! schedule shares.

use super::Lookup;
use crate::id::PersonId;
use crate::model::{Ladder, Rotation};
use crate::oncall::{format_local, Span, Turns};
use crate::time::Instant;

/// At most this many shifts are listed by one call of [`upcoming_shifts`].
pub const MAX_UPCOMING_SHIFTS: usize = 50;

/// One turn of a rotation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ShiftView {
    /// Display name of the member on turn (the id when it is not in `people`).
    pub person: String,
    /// The member's id.
    pub person_id: PersonId,
    /// Whether the member is in `people`; a turn of an unknown person pages nobody.
    pub known: bool,
    /// When the turn begins (a hand-off).
    pub from: Instant,
    /// When it ends (the next hand-off).
    pub to: Instant,
    /// The turn in the rotation's zone: `"Mon 16 Mar 09:00 – Mon 23 Mar 09:00
    /// Europe/Berlin"`.
    pub label: String,
}

/// The turn number at `t` (before `start` too, as the coverage reads it; see
/// [`Turns`]); `None` without members or with a zero shift.
pub(super) fn turn_at(rot: &Rotation, t: i64) -> Option<i64> {
    if rot.members.is_empty() {
        return None;
    }
    Turns::of(rot)?.turn_at(t)
}

/// Turn number `turn` of `rot`: its span and the position of its member in `members`.
/// `None` when its start or end does not fit in epoch milliseconds.
pub(super) fn turn_span(rot: &Rotation, turn: i64) -> Option<(Span, usize)> {
    let turns = Turns::of(rot)?;
    let start = turns.handoff(turn)?;
    let end = turns.handoff(turn.checked_add(1)?)?;
    let member = Turns::member(turn, rot.members.len().max(1))?;
    Some((Span { start, end }, member))
}

/// The next `count` turns (at most [`MAX_UPCOMING_SHIFTS`]) of rotation `rotation` (a
/// position in `ladder.rotations`) from `from`, the one under way at `from` first, each
/// whole from hand-off to hand-off. A shift is the rotation's turn: a `window` does not
/// clip it (outside its window the member on turn is not paged; see
/// [`super::schedule_week`] for the hours actually covered). Empty for a rotation that
/// does not exist, has no members or a zero shift.
pub fn upcoming_shifts(
    ladder: &Ladder,
    rotation: usize,
    from: Instant,
    count: usize,
) -> Vec<ShiftView> {
    let Some(rot) = ladder.rotations.get(rotation) else {
        return Vec::new();
    };
    let Some(first) = turn_at(rot, from.as_millis()) else {
        return Vec::new();
    };
    let lookup = Lookup::new(ladder);
    let tz = rot.timezone.tz();
    (0..count.min(MAX_UPCOMING_SHIFTS) as i64)
        .map_while(|k| turn_span(rot, first.checked_add(k)?))
        .map(|(span, member)| {
            let id = &rot.members[member];
            ShiftView {
                person: lookup.person_name(id.as_str()).to_string(),
                person_id: id.clone(),
                known: lookup.person(id.as_str()).is_some(),
                from: Instant::from_millis(span.start),
                to: Instant::from_millis(span.end),
                label: format!(
                    "{} – {} {}",
                    format_local(tz, span.start),
                    format_local(tz, span.end),
                    rot.timezone
                ),
            }
        })
        .collect()
}
