//! Who is on call when: rotation turns and windows, and the coverage they give; and
//! schedules, rotations in layers (`layers.rs`).
//!
//! Time here is milliseconds since the Unix epoch (`i64`). Windows are read in the
//! rotation's IANA zone, so a window of 09:00-17:00 stays 09:00-17:00 local across DST;
//! so are hand-offs of shifts of whole days or weeks ([`Turns`]).

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::model::{Rotation, Window};
use crate::time::Weekday;

mod layers;
#[cfg(test)]
mod layers_tests;
mod turns;
#[cfg(test)]
mod turns_tests;
#[cfg(test)]
mod windows_tests;

pub use layers::{on_call_spans, top_layer_at, top_layers};
pub use turns::{first_instant_at, Turns};

const DAY_MS: i64 = 86_400_000;

/// A half-open span of time `[start, end)` in epoch milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    /// First covered millisecond.
    pub start: i64,
    /// First millisecond no longer covered.
    pub end: i64,
}

impl Span {
    /// Length in milliseconds.
    pub fn len(self) -> i64 {
        self.end - self.start
    }

    /// Whether it covers nothing.
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

/// Who a rotation puts on call at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnCall {
    /// The member on turn (an index into `members`), inside the windows.
    Member(usize),
    /// The person of an override (an index into `overrides`), windows or not.
    Override(usize),
}

impl OnCall {
    /// The id of the person on call.
    pub fn person(self, rotation: &Rotation) -> &crate::id::PersonId {
        match self {
            OnCall::Member(k) => &rotation.members[k],
            OnCall::Override(j) => &rotation.overrides[j].person,
        }
    }
}

/// The override of `overrides` under way at `t` (an index), given each as `(from, to)`
/// in epoch milliseconds; the first when (invalidly) several are.
pub fn override_at(overrides: impl IntoIterator<Item = (i64, i64)>, t: i64) -> Option<usize> {
    overrides
        .into_iter()
        .position(|(from, to)| from <= t && t < to)
}

fn override_spans(rotation: &Rotation) -> impl Iterator<Item = (i64, i64)> + '_ {
    (rotation.overrides.iter()).map(|o| (o.from.as_millis(), o.to.as_millis()))
}

/// Who `rotation` puts on call at `t`: the person of an override under way, else the
/// member on turn when its windows (by [`covered_spans`]) cover `t`. The simulator asks
/// the same questions in the same order ([`override_at`], its windows, [`Turns`]).
pub fn on_call_at(rotation: &Rotation, t: i64) -> Option<OnCall> {
    if let Some(j) = override_at(override_spans(rotation), t) {
        return Some(OnCall::Override(j));
    }
    if covered_spans(rotation, t, t.saturating_add(1)).is_empty() {
        return None;
    }
    rotation_member_at(rotation, t).map(OnCall::Member)
}

/// `pieces` (spans of `[from, to)` with what is on call in each, in order) with the
/// rotation's overrides laid over them: each override's span is cut out of the pieces
/// and, where `person` gives a value for the override (an index into `overrides`),
/// added with it. The result is in order of start.
pub fn with_overrides<T>(
    pieces: Vec<(Span, T)>,
    rotation: &Rotation,
    (from, to): (i64, i64),
    person: impl Fn(usize) -> Option<T>,
) -> Vec<(Span, T)>
where
    T: Clone,
{
    if rotation.overrides.is_empty() {
        return pieces;
    }
    let cuts: Vec<Span> = override_spans(rotation)
        .map(|(a, b)| Span {
            start: a.max(from),
            end: b.min(to),
        })
        .collect();
    let mut out: Vec<(Span, T)> = Vec::new();
    for (span, what) in pieces {
        let mut rest = vec![span];
        for cut in cuts.iter().filter(|c| !c.is_empty()) {
            rest = rest
                .into_iter()
                .flat_map(|s| {
                    [
                        Span {
                            start: s.start,
                            end: s.end.min(cut.start),
                        },
                        Span {
                            start: s.start.max(cut.end),
                            end: s.end,
                        },
                    ]
                })
                .filter(|s| !s.is_empty())
                .collect();
        }
        out.extend(rest.into_iter().map(|s| (s, what.clone())));
    }
    for (j, cut) in cuts.into_iter().enumerate() {
        if let (false, Some(what)) = (cut.is_empty(), person(j)) {
            out.push((cut, what));
        }
    }
    out.sort_by_key(|(s, _)| *s);
    out
}

/// The member of `rotation` on turn at `t` (an index into `members`), ignoring its
/// window; `None` for a rotation without members or with a zero shift. See [`Turns`]
/// for when hand-offs fall.
pub fn rotation_member_at(rotation: &Rotation, t: i64) -> Option<usize> {
    let turn = Turns::of(rotation)?.turn_at(t)?;
    Turns::member(turn, rotation.members.len())
}

fn weekday_of(date: Date) -> Weekday {
    Weekday::ALL[date.weekday().to_monday_zero_offset() as usize]
}

fn local_to_ms(tz: &TimeZone, dt: DateTime) -> i64 {
    // The hand-offs' rule: in a DST gap the wall time does not exist and the window
    // opens (or closes) at the change itself, as a wall clock reads it; in an overlap it
    // takes the earlier instant.
    first_instant_at(tz, dt).unwrap_or(0)
}

/// The local wall-clock times at which the window opened on `day` opens and closes.
///
/// Without `to_day` it closes at `to` the same day, or the next day when `to` is earlier
/// than `from`; `from` equal to `to` covers the whole day, midnight to midnight. With
/// `to_day` it closes at the first `to` on a `to_day` after it opens (up to a week on).
fn window_bounds(window: &Window, day: Date) -> (DateTime, DateTime) {
    let at = |d: Date, t: crate::time::ClockTime| {
        d.at((t.minutes() / 60) as i8, (t.minutes() % 60) as i8, 0, 0)
    };
    let next = |d: Date| d.tomorrow().unwrap_or(d);
    match window.to_day {
        Some(to_day) => {
            let open = at(day, window.from);
            let mut close_day = day;
            while weekday_of(close_day) != to_day || at(close_day, window.to) <= open {
                close_day = next(close_day);
                if close_day == Date::MAX {
                    break;
                }
            }
            (open, at(close_day, window.to))
        }
        None if window.from == window.to => (day.at(0, 0, 0, 0), next(day).at(0, 0, 0, 0)),
        None if window.to < window.from => (at(day, window.from), at(next(day), window.to)),
        None => (at(day, window.from), at(day, window.to)),
    }
}

/// How many days before a date a window opened may still be open on it.
fn days_back(window: &Window) -> i64 {
    if window.to_day.is_some() {
        7
    } else {
        1
    }
}

/// The spans a window covers that overlap `[from, to)`, in order and merged: on each
/// listed day it opens at `from` local time and closes as [`Window`] says.
pub fn window_spans(window: &Window, tz: &TimeZone, from: i64, to: i64) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    if to <= from || window.days.is_empty() {
        return spans;
    }
    let ts = |ms: i64| jiff::Timestamp::from_millisecond(ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    // Start early: a window opened on an earlier day may still be open at `from`.
    let mut day = tz.to_datetime(ts(from)).date();
    for _ in 0..days_back(window) {
        day = day.yesterday().unwrap_or(Date::MIN);
    }
    let last = tz.to_datetime(ts(to)).date();
    while day <= last {
        if window.days.contains(&weekday_of(day)) {
            let (open, close) = window_bounds(window, day);
            let span = Span {
                start: local_to_ms(tz, open).max(from),
                end: local_to_ms(tz, close).min(to),
            };
            if !span.is_empty() {
                push_merged(&mut spans, span);
            }
        }
        match day.tomorrow() {
            Ok(d) => day = d,
            Err(_) => break,
        }
    }
    spans
}

/// Whether the window covers instant `t`: one conversion to local wall-clock time, then
/// the rule of [`window_spans`] read backwards (a window opened today or on a day before
/// that is still open). Agrees with `window_spans` except inside the hour a DST change
/// skips or repeats, where wall-clock time is what counts.
pub fn in_window(window: &Window, tz: &TimeZone, t: i64) -> bool {
    let ts = jiff::Timestamp::from_millisecond(t).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let local = tz.to_datetime(ts);
    let mut day = local.date();
    for _ in 0..=days_back(window) {
        if window.days.contains(&weekday_of(day)) {
            let (open, close) = window_bounds(window, day);
            if open <= local && local < close {
                return true;
            }
        }
        match day.yesterday() {
            Ok(d) => day = d,
            Err(_) => break,
        }
    }
    false
}

/// Whether any of `windows` covers `t` ([`in_window`]).
pub fn in_windows(windows: &[Window], tz: &TimeZone, t: i64) -> bool {
    windows.iter().any(|w| in_window(w, tz, t))
}

/// Appends `span` to `spans` (in order of start), joined to the last one when they touch
/// or overlap.
fn push_merged(spans: &mut Vec<Span>, span: Span) {
    match spans.last_mut() {
        Some(prev) if span.start <= prev.end => prev.end = prev.end.max(span.end),
        _ => spans.push(span),
    }
}

/// Spans in any order as a sorted list of disjoint, non-touching spans (empty ones
/// dropped).
pub fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| !s.is_empty());
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        push_merged(&mut out, s);
    }
    out
}

/// The intersection of two sorted, merged span lists.
pub fn intersect(a: &[Span], b: &[Span]) -> Vec<Span> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let s = Span {
            start: a[i].start.max(b[j].start),
            end: a[i].end.min(b[j].end),
        };
        if !s.is_empty() {
            out.push(s);
        }
        if a[i].end < b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The spans of `[from, to)` in which `rotation`'s windows are open, in order and
/// merged: all of it for a rotation without windows.
pub fn covered_spans(rotation: &Rotation, from: i64, to: i64) -> Vec<Span> {
    match rotation.window_list() {
        None if from < to => vec![Span {
            start: from,
            end: to,
        }],
        None => Vec::new(),
        Some(windows) => {
            let tz = rotation.timezone.tz();
            merge(
                windows
                    .iter()
                    .flat_map(|w| window_spans(w, tz, from, to))
                    .collect(),
            )
        }
    }
}

/// The spans of `[from, to)` that none of `covered` reaches. Each input list must be
/// sorted and merged.
pub fn gaps(covered: &[Vec<Span>], from: i64, to: i64) -> Vec<Span> {
    let mut all: Vec<Span> = covered.iter().flatten().copied().collect();
    all.sort();
    let mut gaps = Vec::new();
    let mut cursor = from;
    for s in all {
        if s.start > cursor {
            gaps.push(Span {
                start: cursor,
                end: s.start.min(to),
            });
        }
        cursor = cursor.max(s.end);
        if cursor >= to {
            break;
        }
    }
    if cursor < to {
        gaps.push(Span {
            start: cursor,
            end: to,
        });
    }
    gaps.retain(|g| !g.is_empty());
    gaps
}

/// Eight weeks, the horizon of coverage checks.
pub const COVERAGE_HORIZON_MS: i64 = 8 * 7 * DAY_MS;

/// Formats epoch milliseconds as `"Sun 29 Mar 23:00"` in `tz`.
pub fn format_local(tz: &TimeZone, ms: i64) -> String {
    let ts = jiff::Timestamp::from_millisecond(ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    crate::time::civil_text::day_hm(tz.to_datetime(ts))
}

/// Formats a span as `"Sun 29 Mar 23:00–00:00"` in `tz` (the end as time only when it
/// falls on the same or the next day).
pub fn format_span(tz: &TimeZone, span: Span) -> String {
    let ts = |ms: i64| jiff::Timestamp::from_millisecond(ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let end = tz.to_datetime(ts(span.end));
    let start = tz.to_datetime(ts(span.start));
    if span.len() <= DAY_MS && end.date() <= start.date().tomorrow().unwrap_or(start.date()) {
        format!(
            "{}–{}",
            format_local(tz, span.start),
            crate::time::civil_text::hm(end)
        )
    } else {
        format!(
            "{} – {}",
            format_local(tz, span.start),
            format_local(tz, span.end)
        )
    }
}

/// Describes gaps as weekly patterns: `"every day 04:00–07:00 UTC (12:00–15:00
/// Asia/Singapore)"`, `"sun 23:00–00:00 UTC (19:00–20:00 America/New_York), 4 times"`.
/// Gaps that recur at the same times on several days are one pattern; at most three
/// patterns are spelled out, the longest in total first.
pub fn summarize_gaps(gaps: &[Span], zone: Option<&crate::TimeZoneName>) -> String {
    let utc = TimeZone::UTC;
    let zone = zone.filter(|z| z.as_str() != "UTC");
    let ts = |ms: i64| jiff::Timestamp::from_millisecond(ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let hm = |tz: &TimeZone, ms: i64| crate::time::civil_text::hm(tz.to_datetime(ts(ms)));
    struct Pattern {
        utc: String,
        local: Option<String>,
        days: Vec<Weekday>,
        times: usize,
        total: i64,
    }
    let mut patterns: Vec<Pattern> = Vec::new();
    for g in gaps {
        let (utc_text, local) = if g.len() > DAY_MS {
            (format_span(&utc, *g), None)
        } else {
            (
                format!("{}–{}", hm(&utc, g.start), hm(&utc, g.end)),
                Some(zone.map(|z| format!("{}–{} {z}", hm(z.tz(), g.start), hm(z.tz(), g.end)))),
            )
        };
        let local = local.flatten();
        let day = weekday_of(utc.to_datetime(ts(g.start)).date());
        match patterns
            .iter_mut()
            .find(|p| p.utc == utc_text && p.local == local && g.len() <= DAY_MS)
        {
            Some(p) => {
                if !p.days.contains(&day) {
                    p.days.push(day);
                }
                p.times += 1;
                p.total += g.len();
            }
            None => patterns.push(Pattern {
                utc: utc_text,
                local,
                days: vec![day],
                times: 1,
                total: g.len(),
            }),
        }
    }
    patterns.sort_by_key(|p| std::cmp::Reverse(p.total));
    let weeks = (COVERAGE_HORIZON_MS / (7 * DAY_MS)) as usize;
    let mut parts: Vec<String> = patterns
        .iter()
        .take(3)
        .map(|p| {
            let mut days = p.days.clone();
            days.sort();
            let day_text = if days.len() == 7 {
                "every day".to_string()
            } else {
                days.iter()
                    .map(|d| d.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let local = p
                .local
                .as_ref()
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            let freq = if p.times >= days.len() * weeks {
                String::new()
            } else {
                format!(", {} times", p.times)
            };
            if p.total > DAY_MS && p.times == 1 {
                format!("{} UTC", p.utc)
            } else {
                format!("{day_text} {} UTC{local}{freq}", p.utc)
            }
        })
        .collect();
    if patterns.len() > 3 {
        parts.push(format!(
            "and {} more",
            crate::text::count(patterns.len() - 3, "pattern", "patterns")
        ));
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{ClockTime, Instant};
    use crate::Shift;

    fn ms(s: &str) -> i64 {
        Instant::parse(s).unwrap().as_millis()
    }

    fn window(days: &[Weekday], from: &str, to: &str) -> Window {
        Window {
            days: days.to_vec(),
            from: ClockTime::parse(from).unwrap(),
            to: ClockTime::parse(to).unwrap(),
            to_day: None,
        }
    }

    #[test]
    fn turns_follow_the_formula_also_before_start() {
        let start = Instant::parse("2026-01-05T00:00:00Z").unwrap();
        let t0 = start.as_millis();
        let at = |shift: &str, t: i64| {
            let turns = Turns::new(Shift::parse(shift).unwrap(), start, &TimeZone::UTC)?;
            Turns::member(turns.turn_at(t)?, 3)
        };
        for week in ["1w", "168h"] {
            assert_eq!(at(week, t0), Some(0));
            assert_eq!(at(week, t0 + 7 * DAY_MS - 1), Some(0));
            assert_eq!(at(week, t0 + 7 * DAY_MS), Some(1));
            assert_eq!(at(week, t0 + 21 * DAY_MS), Some(0));
            assert_eq!(at(week, t0 - 1), Some(2));
        }
        assert_eq!(at("0m", t0), None);
        assert_eq!(Turns::member(5, 0), None);
    }

    #[test]
    fn windows_stay_on_local_time_across_dst() {
        let tz = crate::TimeZoneName::new("Europe/Berlin")
            .unwrap()
            .tz()
            .clone();
        let w = window(&Weekday::ALL, "09:00", "17:00");
        // 2026-03-27 (Fri) is winter time (UTC+1), 2026-03-30 (Mon) summer time (UTC+2).
        let spans = window_spans(
            &w,
            &tz,
            ms("2026-03-27T00:00:00Z"),
            ms("2026-03-31T00:00:00Z"),
        );
        assert_eq!(spans.len(), 4);
        assert_eq!(
            spans[0],
            Span {
                start: ms("2026-03-27T08:00:00Z"),
                end: ms("2026-03-27T16:00:00Z")
            }
        );
        assert_eq!(
            spans[3],
            Span {
                start: ms("2026-03-30T07:00:00Z"),
                end: ms("2026-03-30T15:00:00Z")
            }
        );
        assert!(in_window(&w, &tz, ms("2026-03-30T07:00:00Z")));
        assert!(!in_window(&w, &tz, ms("2026-03-30T15:00:00Z")));
        assert!(!in_window(&w, &tz, ms("2026-03-27T07:59:59Z")));
    }

    #[test]
    fn windows_that_wrap_past_midnight_belong_to_their_opening_day() {
        let tz = TimeZone::UTC;
        let w = window(&[Weekday::Fri], "22:00", "06:00");
        // 2026-01-09 is a Friday.
        assert!(in_window(&w, &tz, ms("2026-01-09T23:00:00Z")));
        assert!(in_window(&w, &tz, ms("2026-01-10T05:59:00Z")));
        assert!(!in_window(&w, &tz, ms("2026-01-10T06:00:00Z")));
        assert!(
            !in_window(&w, &tz, ms("2026-01-09T05:00:00Z")),
            "Thursday night is not covered"
        );
        let tuesday = window(&[Weekday::Tue], "08:00", "08:00");
        // 2026-01-06 is a Tuesday: `from` equal to `to` is the whole day
        assert!(in_window(&tuesday, &tz, ms("2026-01-06T00:00:00Z")));
        assert!(in_window(&tuesday, &tz, ms("2026-01-06T23:59:00Z")));
        assert!(!in_window(&tuesday, &tz, ms("2026-01-07T07:00:00Z")));
        let full = window(&[Weekday::Sat], "00:00", "00:00");
        assert!(in_window(&full, &tz, ms("2026-01-10T00:00:00Z")));
        assert!(in_window(&full, &tz, ms("2026-01-10T23:59:59Z")));
        assert!(!in_window(&full, &tz, ms("2026-01-11T00:00:00Z")));
    }

    #[test]
    fn in_window_agrees_with_window_spans() {
        let cases = [
            (
                "Europe/Berlin",
                window(
                    &[Weekday::Mon, Weekday::Wed, Weekday::Sun],
                    "09:00",
                    "17:00",
                ),
            ),
            (
                "America/New_York",
                window(&[Weekday::Fri, Weekday::Sat], "22:00", "06:00"),
            ),
            ("Asia/Tokyo", window(&[Weekday::Tue], "08:00", "08:00")),
            ("UTC", window(&Weekday::ALL, "00:00", "00:00")),
        ];
        for (zone, w) in cases {
            super::windows_tests::spans_agree_with_in_window(zone, &w, "2026-03-01T00:00:00Z");
        }
    }

    #[test]
    fn gaps_are_the_complement_of_the_union() {
        let s = |a, b| Span { start: a, end: b };
        assert_eq!(
            gaps(&[vec![s(0, 10)], vec![s(5, 20)]], 0, 30),
            vec![s(20, 30)]
        );
        assert_eq!(gaps(&[vec![s(10, 20)]], 0, 30), vec![s(0, 10), s(20, 30)]);
        assert_eq!(gaps(&[], 0, 30), vec![s(0, 30)]);
        assert_eq!(gaps(&[vec![s(0, 40)]], 0, 30), vec![]);
    }

    #[test]
    fn spans_print_in_the_zone() {
        let tz = crate::TimeZoneName::new("America/New_York")
            .unwrap()
            .tz()
            .clone();
        let span = Span {
            start: ms("2026-03-15T03:00:00Z"),
            end: ms("2026-03-15T04:00:00Z"),
        };
        assert_eq!(format_span(&tz, span), "Sat 14 Mar 23:00–00:00");
        assert_eq!(format_span(&TimeZone::UTC, span), "Sun 15 Mar 03:00–04:00");
    }
}
