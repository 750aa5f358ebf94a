//! When a rotation hands over. A shift written in whole days or weeks hands over at the
//! local wall-clock time of `start` in the rotation's zone on each hand-off date; any
//! other shift has a fixed length. Every consumer (coverage, the paging views, the
//! simulator) asks [`Turns`], so they all agree on who is on turn.

use jiff::civil::{DateTime, Time};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{SignedDuration, Timestamp};

use crate::model::Rotation;
use crate::time::Instant;
use crate::Shift;

/// A rotation's hand-offs, compiled once: turn `n` runs from [`Turns::handoff`]`(n)` to
/// `handoff(n + 1)`; turn 0 begins at `start`, and turns before it count backwards.
#[derive(Debug, Clone)]
pub struct Turns {
    start: i64,
    shift: i64,
    local: Option<LocalDays>,
}

/// Hand-offs every `days` days at the local time of `start`.
#[derive(Debug, Clone)]
struct LocalDays {
    tz: TimeZone,
    start: DateTime,
    days: i64,
}

impl Turns {
    /// The turns of a shift starting at `start`, read in `tz` when the shift is whole
    /// days or weeks ([`Shift::whole_days`]). `None` for a zero shift.
    pub fn new(shift: Shift, start: Instant, tz: &TimeZone) -> Option<Turns> {
        let ms = i64::try_from(shift.length().as_millis())
            .ok()
            .filter(|&s| s > 0)?;
        let start_ms = start.as_millis();
        let local = shift.whole_days().and_then(|days| {
            let ts = Timestamp::from_millisecond(start_ms).ok()?;
            Some(LocalDays {
                tz: tz.clone(),
                start: tz.to_datetime(ts),
                days: i64::try_from(days).ok()?,
            })
        });
        Some(Turns {
            start: start_ms,
            shift: ms,
            local,
        })
    }

    /// The turns of `rotation` (its shift, start and zone).
    pub fn of(rotation: &Rotation) -> Option<Turns> {
        Turns::new(rotation.shift, rotation.start, rotation.timezone.tz())
    }

    /// Whether hand-offs follow local time (a shift of whole days or weeks).
    pub fn is_local(&self) -> bool {
        self.local.is_some()
    }

    /// When turn `n` begins, in epoch milliseconds: `start + n * shift` for a fixed
    /// shift; for whole days, `start`'s local time on the date `n * days` days from
    /// `start`'s local date (a time a DST change skips is the first instant after the
    /// gap; one it repeats, the earlier). `None` beyond the representable instants.
    pub fn handoff(&self, n: i64) -> Option<i64> {
        match &self.local {
            None => self.start.checked_add(n.checked_mul(self.shift)?),
            Some(_) if n == 0 => Some(self.start),
            Some(l) => {
                // the date so many days on, counted on UTC's calendar (no DST there);
                // cheaper in the wasm than jiff's calendar spans
                let days = n.checked_mul(l.days)?;
                let utc = TimeZone::UTC;
                let midnight = utc.to_timestamp(l.start.date().to_datetime(Time::midnight()));
                let later = midnight
                    .ok()?
                    .checked_add(SignedDuration::from_hours(days.checked_mul(24)?))
                    .ok()?;
                let date = utc.to_datetime(later).date();
                first_instant_at(&l.tz, date.to_datetime(l.start.time()))
            }
        }
    }

    /// The turn under way at `t` (before `start` too): the `n` with
    /// `handoff(n) <= t < handoff(n + 1)`. `None` beyond the representable instants.
    pub fn turn_at(&self, t: i64) -> Option<i64> {
        self.turn_span_with(t, |n| self.handoff(n)).map(|(n, _)| n)
    }

    /// [`turn_at`](Turns::turn_at), asking `handoff` for the hand-offs it needs (the
    /// same answer when `handoff(n)` is [`Turns::handoff`]`(n)`, however it is obtained:
    /// the simulator remembers them across runs), with the instants `[from, to)` around
    /// `t` at which it takes the same steps and so finds the same turn: those in the cell
    /// of the fixed grid it starts from and on the same side as `t` of every hand-off it
    /// compares with. (Hand-offs do not go backwards, so the span is the turn's or a part
    /// of it; it is found without assuming so.)
    #[inline]
    pub fn turn_span_with(
        &self,
        t: i64,
        mut handoff: impl FnMut(i64) -> Option<i64>,
    ) -> Option<(i64, (i64, i64))> {
        let mut n = t.saturating_sub(self.start).div_euclid(self.shift);
        // the grid cell, or `t` alone where its bounds overflow
        let cell = |k: i64| self.start.checked_add(k.checked_mul(self.shift)?);
        let (mut from, mut to) = match (t.checked_sub(self.start), cell(n), cell(n + 1)) {
            (Some(_), Some(a), Some(b)) => (a, b),
            _ => (t, t.saturating_add(1)),
        };
        if self.local.is_none() {
            return Some((n, (from, to)));
        }
        // Local hand-offs stray from the fixed grid by the zone's offset changes only
        // (hours), so this moves a step or two.
        loop {
            let h = handoff(n)?;
            if h <= t {
                from = from.max(h);
                break;
            }
            to = to.min(h);
            n -= 1;
        }
        while let Some(h) = handoff(n + 1) {
            if h > t {
                to = to.min(h);
                break;
            }
            from = from.max(h);
            n += 1;
        }
        Some((n, (from, to)))
    }

    /// The position in a list of `members` members of whoever has turn `turn`.
    pub fn member(turn: i64, members: usize) -> Option<usize> {
        (members > 0).then(|| turn.rem_euclid(members as i64) as usize)
    }
}

/// The instant a local wall-clock time `dt` names in `tz`, in epoch milliseconds: a time
/// skipped by a DST change is the first instant after the gap (the change itself), a
/// time that occurs twice is the earlier. jiff's "compatible" choice agrees in a fold but
/// not in a gap (it moves the time forward by the gap's length), hence the gap case.
pub fn first_instant_at(tz: &TimeZone, dt: DateTime) -> Option<i64> {
    let ambiguous = tz.to_ambiguous_timestamp(dt);
    match ambiguous.offset() {
        AmbiguousOffset::Gap { before, .. } => {
            // read with the offset before the gap, `dt` lands after the change
            let past = before.to_timestamp(dt).ok()?;
            let change = tz
                .preceding(past.checked_add(SignedDuration::from_nanos(1)).ok()?)
                .next()?;
            Some(change.timestamp().as_millisecond())
        }
        _ => ambiguous.compatible().ok().map(|ts| ts.as_millisecond()),
    }
}
