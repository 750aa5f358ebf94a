//! Answers read from local time (is a page off-hours, is a rotation's window open),
//! remembered over the spans of time in which they cannot change, so that a study
//! converts to local time once per span instead of once per page.
//!
//! Such an answer depends only on the local date and on where the local time of day
//! falls among a few break points (07:00 and 22:00 for off-hours, a window's opening
//! and closing times). Within one offset period of the zone (between two transitions)
//! local time is the instant plus a fixed offset, so the instants that share the local
//! date and the interval between break points form one span `[start, end)`. The answer
//! is computed at the first instant met in a span, exactly as without the cache, and
//! reused for any later instant in it: the results are the same.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::oncall::Turns;

const DAY_MS: i64 = 86_400_000;
const MINUTE_MS: i64 = 60_000;

/// The spans of time met so far in which an answer holds, for one zone and one set of
/// break points. Disjoint (they are cells of one partition of time) and sorted.
#[derive(Debug, Clone, Default)]
pub(super) struct LocalSpans {
    spans: Vec<(i64, i64, bool)>,
}

impl LocalSpans {
    /// The answer at epoch milliseconds `t`: remembered if a span met before holds `t`,
    /// else `answer(t)`, remembered over `t`'s span in `tz` with `breaks` (minutes of
    /// the local day at which the answer may change; midnight always counts).
    #[inline]
    pub(super) fn get(
        &mut self,
        t: i64,
        tz: &TimeZone,
        breaks: &[u16],
        answer: impl FnOnce() -> bool,
    ) -> bool {
        let i = self.spans.partition_point(|&(_, end, _)| end <= t);
        match self.spans.get(i) {
            Some(&(start, _, a)) if start <= t => a,
            _ => {
                let a = answer();
                if let Some((start, end)) = span_around(tz, t, breaks) {
                    self.spans.insert(i, (start, end, a));
                }
                a
            }
        }
    }
}

/// A rotation's hand-offs met so far ([`Turns::handoff`] of turn `n`, by `n`), sorted by
/// turn, and the last turn found with the span of instants in which `turn_at` finds it
/// by the same steps ([`Turns::turn_span_with`]). A hand-off depends on its turn alone,
/// so a remembered one is the one computed again, and the turn at an instant of the
/// span the one found again.
#[derive(Debug, Clone, Default)]
pub(super) struct Handoffs {
    known: Vec<(i64, Option<i64>)>,
    /// The last turn found and its span `[from, to)`; empty at first.
    last: (i64, (i64, i64)),
}

impl Handoffs {
    /// The hand-off of turn `n`: remembered, else `handoff(n)`, then remembered.
    #[inline]
    fn get(known: &mut Vec<(i64, Option<i64>)>, n: i64, turns: &Turns) -> Option<i64> {
        match known.binary_search_by_key(&n, |&(k, _)| k) {
            Ok(i) => known[i].1,
            Err(i) => {
                let h = turns.handoff(n);
                known.insert(i, (n, h));
                h
            }
        }
    }

    /// [`Turns::turn_at`]`(t)` of `turns`, the rotation's turns.
    #[inline]
    pub(super) fn turn_at(&mut self, turns: &Turns, t: i64) -> Option<i64> {
        let (n, (from, to)) = self.last;
        if from <= t && t < to {
            return Some(n);
        }
        let known = &mut self.known;
        let found = turns.turn_span_with(t, |n| Handoffs::get(known, n, turns))?;
        self.last = found;
        Some(found.0)
    }
}

/// The span `[start, end)` of epoch milliseconds around `t` over which `tz`'s offset,
/// the local date and the interval of the local time of day between `breaks` stay the
/// same. `None` when `t` is beyond the instants jiff represents (then the caller's
/// answer is computed each time).
pub(super) fn span_around(tz: &TimeZone, t: i64, breaks: &[u16]) -> Option<(i64, i64)> {
    let ts = Timestamp::from_millisecond(t).ok()?;
    let offset = i64::from(tz.to_offset(ts).seconds()) * 1000;
    let local = t.checked_add(offset)?;
    let (day, into_day) = (local.div_euclid(DAY_MS) * DAY_MS, local.rem_euclid(DAY_MS));
    let (mut lo, mut hi) = (0, DAY_MS);
    for &b in breaks {
        let b = i64::from(b) * MINUTE_MS;
        if b <= into_day {
            lo = lo.max(b);
        } else {
            hi = hi.min(b);
        }
    }
    let mut start = day + lo - offset;
    let mut end = day + hi - offset;
    // the offset period: from the last transition at or before `t` to the next after it
    let just_after = ts.checked_add(SignedDuration::from_nanos(1)).ok()?;
    if let Some(prev) = tz.preceding(just_after).next() {
        start = start.max(ceil_millis(prev.timestamp()));
    }
    if let Some(next) = tz.following(ts).next() {
        end = end.min(ceil_millis(next.timestamp()));
    }
    start = start.max(Timestamp::MIN.as_millisecond().saturating_add(1));
    end = end.min(Timestamp::MAX.as_millisecond());
    (start <= t && t < end).then_some((start, end))
}

/// The first whole millisecond at or after `ts`.
fn ceil_millis(ts: Timestamp) -> i64 {
    let ms = ts.as_millisecond();
    match Timestamp::from_millisecond(ms) {
        Ok(at) if at < ts => ms + 1,
        _ => ms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn off_hours(tz: &TimeZone, t: i64) -> bool {
        let local = tz.to_datetime(Timestamp::from_millisecond(t).unwrap());
        !(7..22).contains(&local.hour())
    }

    /// Cached answers equal direct ones, minute by minute across DST changes and in
    /// zones with odd offsets, whatever order the instants come in.
    #[test]
    fn cached_answers_are_the_direct_ones() {
        let zones = [
            "Europe/London",
            "America/New_York",
            "Australia/Lord_Howe",
            "Asia/Kathmandu",
            "Pacific/Chatham",
            "UTC",
        ];
        // around the March and autumn changes of 2026, and early 1900 (odd LMT offsets)
        let starts = [1_774_000_000_000_i64, 1_792_000_000_000, -2_208_988_800_000];
        for name in zones {
            let tz = crate::TimeZoneName::new(name).unwrap().tz().clone();
            for &from in &starts {
                let mut cache = LocalSpans::default();
                // back and forth: 3 days forward by 7 min, then backwards by 13 min
                let fwd = (0..3 * 24 * 60 / 7).map(|k| from + k * 7 * MINUTE_MS + 1234);
                let back = (0..3 * 24 * 60 / 13).map(|k| from + 3 * DAY_MS - k * 13 * MINUTE_MS);
                for t in fwd.chain(back) {
                    let got = cache.get(t, &tz, &[420, 1320], || off_hours(&tz, t));
                    assert_eq!(got, off_hours(&tz, t), "{name} at {t}");
                }
                assert!(cache.spans.windows(2).all(|w| w[0].1 <= w[1].0));
            }
        }
    }

    /// Turns found through remembered hand-offs equal those found directly, across DST
    /// changes, back and forth, for shifts of days and of a fixed length.
    #[test]
    fn remembered_hand_offs_find_the_same_turns() {
        use crate::time::Instant;
        for (zone, shift) in [
            ("Europe/Berlin", "1d"),
            ("America/New_York", "1w"),
            ("Australia/Lord_Howe", "3d"),
            ("Europe/Berlin", "12h"),
        ] {
            let tz = crate::TimeZoneName::new(zone).unwrap().tz().clone();
            let start = Instant::parse("2026-03-27T08:00:00Z").unwrap();
            let turns = Turns::new(crate::Shift::parse(shift).unwrap(), start, &tz).unwrap();
            let mut memo = Handoffs::default();
            let from = start.as_millis() - 20 * DAY_MS;
            let fwd = (0..60 * 24 / 5).map(|k| from + k * 5 * 60 * MINUTE_MS + 17);
            let back = (0..60 * 24 / 7).map(|k| from + 60 * DAY_MS - k * 7 * 60 * MINUTE_MS);
            // and each hand-off, a millisecond either side of it
            let edges = (-25..45).flat_map(|n| {
                let h = turns.handoff(n).unwrap();
                [h - 1, h, h + 1]
            });
            for t in fwd.chain(back).chain(edges) {
                let got = memo.turn_at(&turns, t);
                assert_eq!(got, turns.turn_at(t), "{zone} {shift} at {t}");
                let (n, (a, b)) = memo.last;
                assert!(a <= t && t < b && Some(n) == got, "{zone} {shift} at {t}");
                assert!(turns.turn_at(a) == got && turns.turn_at(b - 1) == got);
            }
            assert!(memo.known.windows(2).all(|w| w[0].0 < w[1].0));
        }
    }

    #[test]
    fn spans_stop_at_transitions_and_break_points() {
        let tz = crate::TimeZoneName::new("Europe/London")
            .unwrap()
            .tz()
            .clone();
        // 2026-03-29 00:30Z: GMT, clocks go forward at 01:00Z
        let t = 1_774_744_200_000;
        let (start, end) = span_around(&tz, t, &[420, 1320]).unwrap();
        assert_eq!(start, 1_774_742_400_000); // local midnight
        assert_eq!(end, 1_774_746_000_000); // the transition
        let (start, end) = span_around(&tz, end, &[420, 1320]).unwrap();
        assert_eq!(start, 1_774_746_000_000);
        assert_eq!(end, 1_774_764_000_000); // 07:00 BST = 06:00Z
    }
}
