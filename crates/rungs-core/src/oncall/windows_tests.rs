//! Several windows and windows that run over several days.

use jiff::tz::TimeZone;

use super::*;
use crate::time::{ClockTime, Instant};

fn ms(s: &str) -> i64 {
    Instant::parse(s).unwrap().as_millis()
}

fn window(days: &[Weekday], from: &str, to: &str, to_day: Option<Weekday>) -> Window {
    Window {
        days: days.to_vec(),
        from: ClockTime::parse(from).unwrap(),
        to: ClockTime::parse(to).unwrap(),
        to_day,
    }
}

fn rotation(windows: Vec<Window>, zone: &str) -> Rotation {
    let doc = serde_json::json!({
        "id": "r", "name": "R", "members": ["a"], "shift": "1w",
        "start": "2026-01-05T00:00:00Z", "timezone": zone
    });
    let mut r: Rotation = serde_json::from_value(doc).unwrap();
    r.windows = windows;
    r
}

#[test]
fn a_weekend_window_is_one_entry() {
    // Friday 18:00 to Monday 10:00 in Berlin; 2026-03-27 is a Friday, and clocks go
    // forward on Sunday the 29th, so it closes at 10:00 CEST = 08:00Z.
    let tz = crate::TimeZoneName::new("Europe/Berlin")
        .unwrap()
        .tz()
        .clone();
    let w = window(&[Weekday::Fri], "18:00", "10:00", Some(Weekday::Mon));
    let spans = window_spans(
        &w,
        &tz,
        ms("2026-03-23T00:00:00Z"),
        ms("2026-04-06T00:00:00Z"),
    );
    assert_eq!(
        spans,
        vec![
            // the weekend before, still open on Monday the 23rd until 10:00 CET
            Span {
                start: ms("2026-03-23T00:00:00Z"),
                end: ms("2026-03-23T09:00:00Z")
            },
            Span {
                start: ms("2026-03-27T17:00:00Z"),
                end: ms("2026-03-30T08:00:00Z")
            },
            Span {
                start: ms("2026-04-03T16:00:00Z"),
                end: ms("2026-04-06T00:00:00Z")
            },
        ]
    );
    // Spans that begin inside it start at the asked instant
    let inside = window_spans(
        &w,
        &tz,
        ms("2026-03-29T12:00:00Z"),
        ms("2026-03-31T00:00:00Z"),
    );
    assert_eq!(
        inside,
        vec![Span {
            start: ms("2026-03-29T12:00:00Z"),
            end: ms("2026-03-30T08:00:00Z")
        }]
    );
    assert!(in_window(&w, &tz, ms("2026-03-28T12:00:00Z")));
    assert!(in_window(&w, &tz, ms("2026-03-30T07:59:59Z")));
    assert!(!in_window(&w, &tz, ms("2026-03-30T08:00:00Z")));
    assert!(!in_window(&w, &tz, ms("2026-03-27T16:59:59Z")));
}

#[test]
fn to_day_on_the_opening_day() {
    let tz = TimeZone::UTC;
    // closes later the same day: like a plain window
    let same = window(&[Weekday::Mon], "09:00", "17:00", Some(Weekday::Mon));
    assert!(in_window(&same, &tz, ms("2026-01-05T16:59:00Z")));
    assert!(!in_window(&same, &tz, ms("2026-01-05T17:00:00Z")));
    // closes at a time not after the opening: the next week's Monday
    let week = window(&[Weekday::Mon], "17:00", "09:00", Some(Weekday::Mon));
    assert!(in_window(&week, &tz, ms("2026-01-10T12:00:00Z")));
    assert!(in_window(&week, &tz, ms("2026-01-12T08:59:00Z")));
    assert!(!in_window(&week, &tz, ms("2026-01-12T09:00:00Z")));
    assert!(in_window(&week, &tz, ms("2026-01-12T17:00:00Z")));
}

#[test]
fn several_windows_cover_when_any_covers() {
    // weekdays 09:00-17:00 and Saturday 10:00-12:00 in New York (EST, -5)
    let r = rotation(
        vec![
            window(&Weekday::ALL[..5], "09:00", "17:00", None),
            window(&[Weekday::Sat], "10:00", "12:00", None),
            window(&[Weekday::Fri], "16:00", "18:00", None),
        ],
        "America/New_York",
    );
    // Friday 9 January 2026 to Sunday
    let spans = covered_spans(&r, ms("2026-01-09T00:00:00Z"), ms("2026-01-11T00:00:00Z"));
    assert_eq!(
        spans,
        vec![
            Span {
                start: ms("2026-01-09T14:00:00Z"),
                end: ms("2026-01-09T23:00:00Z")
            },
            Span {
                start: ms("2026-01-10T15:00:00Z"),
                end: ms("2026-01-10T17:00:00Z")
            },
        ]
    );
    let tz = r.timezone.tz();
    let windows = r.window_list().unwrap();
    assert!(in_windows(windows, tz, ms("2026-01-10T16:00:00Z")));
    assert!(!in_windows(windows, tz, ms("2026-01-10T17:00:00Z")));
    // without windows, everything
    let always = rotation(Vec::new(), "UTC");
    assert_eq!(
        covered_spans(&always, 0, 10),
        vec![Span { start: 0, end: 10 }]
    );
}

#[test]
fn in_window_agrees_with_window_spans_for_multi_day_windows() {
    let cases = [
        (
            "Europe/Berlin",
            window(&[Weekday::Fri], "18:00", "10:00", Some(Weekday::Mon)),
        ),
        (
            "America/New_York",
            window(
                &[Weekday::Sat, Weekday::Tue],
                "22:00",
                "06:00",
                Some(Weekday::Sun),
            ),
        ),
        (
            "Australia/Lord_Howe",
            window(&[Weekday::Wed], "08:00", "08:00", Some(Weekday::Wed)),
        ),
    ];
    for (zone, w) in cases {
        for from in ["2026-03-01T00:00:00Z", "2026-09-20T00:00:00Z"] {
            spans_agree_with_in_window(zone, &w, from);
        }
    }
}

/// `window_spans` and `in_window` agree every 7 minutes over six weeks from `from` (a
/// DST change falls in them for the zones tested).
pub(super) fn spans_agree_with_in_window(zone: &str, w: &Window, from: &str) {
    let tz = crate::TimeZoneName::new(zone).unwrap().tz().clone();
    let from = ms(from);
    let to = from + 42 * DAY_MS;
    let spans = window_spans(w, &tz, from, to);
    let mut t = from;
    while t < to {
        let by_spans = spans.iter().any(|s| s.start <= t && t < s.end);
        assert_eq!(
            in_window(w, &tz, t),
            by_spans,
            "{zone} at {}",
            format_local(&tz, t)
        );
        t += 7 * 60_000;
    }
}

#[test]
fn an_override_across_a_hand_off_replaces_both_members() {
    // Daily shift at 09:00 Berlin (CET: 08:00Z) between a and b; c covers from
    // 2026-03-10 12:00Z to 2026-03-11 12:00Z, across the hand-off at 08:00Z on the 11th,
    // and outside the weekday window too.
    let doc = serde_json::json!({
        "id": "r", "name": "R", "members": ["a", "b"], "shift": "1d",
        "start": "2026-03-09T08:00:00Z", "timezone": "Europe/Berlin",
        "window": { "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" },
        "overrides": [{ "from": "2026-03-10T12:00:00Z", "to": "2026-03-11T12:00:00Z", "person": "c" }]
    });
    let r: Rotation = serde_json::from_value(doc).unwrap();
    let who = |s: &str| on_call_at(&r, ms(s)).map(|w| w.person(&r).to_string());
    assert_eq!(who("2026-03-10T09:00:00Z").as_deref(), Some("b"));
    assert_eq!(who("2026-03-10T12:00:00Z").as_deref(), Some("c"));
    assert_eq!(
        who("2026-03-10T22:00:00Z").as_deref(),
        Some("c"),
        "outside the window"
    );
    assert_eq!(
        who("2026-03-11T09:00:00Z").as_deref(),
        Some("c"),
        "after the hand-off"
    );
    assert_eq!(who("2026-03-11T12:00:00Z").as_deref(), Some("a"));
    assert_eq!(who("2026-03-11T20:00:00Z"), None);
    // laid over the pieces of the turns, the override cuts and replaces them
    let pieces = vec![
        (
            Span {
                start: ms("2026-03-10T08:00:00Z"),
                end: ms("2026-03-10T16:00:00Z"),
            },
            "b",
        ),
        (
            Span {
                start: ms("2026-03-11T08:00:00Z"),
                end: ms("2026-03-11T16:00:00Z"),
            },
            "a",
        ),
    ];
    let range = (ms("2026-03-10T00:00:00Z"), ms("2026-03-12T00:00:00Z"));
    let laid = with_overrides(pieces, &r, range, |_| Some("c"));
    let expected = [
        ("2026-03-10T08:00:00Z", "2026-03-10T12:00:00Z", "b"),
        ("2026-03-10T12:00:00Z", "2026-03-11T12:00:00Z", "c"),
        ("2026-03-11T12:00:00Z", "2026-03-11T16:00:00Z", "a"),
    ];
    let expected: Vec<(Span, &str)> = expected
        .iter()
        .map(|&(a, b, p)| {
            (
                Span {
                    start: ms(a),
                    end: ms(b),
                },
                p,
            )
        })
        .collect();
    assert_eq!(laid, expected);
}

#[test]
fn a_window_that_opens_or_closes_in_a_changed_hour_follows_the_hand_off_rule() {
    let tz = crate::TimeZoneName::new("Europe/Berlin")
        .unwrap()
        .tz()
        .clone();
    // Sunday 29 March 2026: 02:30 does not exist in Berlin (02:00 CET jumps to 03:00
    // CEST), so a window from 02:30 opens at the first instant after the gap, 03:00 CEST
    // (01:00Z), and closes at 04:00 CEST (02:00Z)
    let w = window(&[Weekday::Sun], "02:30", "04:00", None);
    one_span(
        &w,
        &tz,
        ("2026-03-29T00:00:00Z", "2026-03-30T00:00:00Z"),
        ("2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"),
    );
    // Sunday 25 October 2026: 02:30 happens twice (CEST, then CET); a window to 02:30
    // closes at the earlier, 00:30Z, and one from 02:30 opens at the earlier too
    let w = window(&[Weekday::Sun], "00:00", "02:30", None);
    one_span(
        &w,
        &tz,
        ("2026-10-24T12:00:00Z", "2026-10-26T00:00:00Z"),
        ("2026-10-24T22:00:00Z", "2026-10-25T00:30:00Z"),
    );
    let w = window(&[Weekday::Sun], "02:30", "05:00", None);
    one_span(
        &w,
        &tz,
        ("2026-10-24T12:00:00Z", "2026-10-26T00:00:00Z"),
        ("2026-10-25T00:30:00Z", "2026-10-25T04:00:00Z"),
    );
    // and the simulator's wall-clock reading agrees with these spans around the gap
    for (from, to) in [("02:30", "04:00"), ("00:00", "02:30"), ("02:30", "02:45")] {
        let w = window(&[Weekday::Sun], from, to, None);
        spans_agree_with_in_window("Europe/Berlin", &w, "2026-03-01T00:00:00Z");
    }
    // the same in a zone whose change is 30 minutes: Lord Howe goes from +10:30 to +11
    // at 02:00 on Sunday 4 October 2026, so 02:15 is skipped and a window from 02:15
    // opens at 02:30 (+11), 15:30Z on the 3rd
    let tz = crate::TimeZoneName::new("Australia/Lord_Howe")
        .unwrap()
        .tz()
        .clone();
    let w = window(&[Weekday::Sun], "02:15", "03:00", None);
    one_span(
        &w,
        &tz,
        ("2026-10-03T00:00:00Z", "2026-10-05T00:00:00Z"),
        ("2026-10-03T15:30:00Z", "2026-10-03T16:00:00Z"),
    );
}

/// Asserts that over `range` window `w` covers exactly the one span `want` (UTC instants).
fn one_span(w: &Window, tz: &TimeZone, range: (&str, &str), want: (&str, &str)) {
    let spans = window_spans(w, tz, ms(range.0), ms(range.1));
    let want = Span {
        start: ms(want.0),
        end: ms(want.1),
    };
    assert_eq!(spans, vec![want], "{w:?}");
}
