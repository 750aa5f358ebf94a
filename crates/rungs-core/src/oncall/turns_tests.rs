//! Hand-offs across the DST changes of 2026, each expected instant computed by hand from
//! the zone's rules (noted beside it).

use super::Turns;
use crate::time::Instant;
use crate::Shift;

fn ms(s: &str) -> i64 {
    Instant::parse(s).unwrap().as_millis()
}

/// Turns of `shift` from `start` in `zone`.
fn turns(zone: &str, shift: &str, start: &str) -> Turns {
    let tz = crate::TimeZoneName::new(zone).unwrap().tz().clone();
    Turns::new(
        Shift::parse(shift).unwrap(),
        Instant::parse(start).unwrap(),
        &tz,
    )
    .unwrap()
}

/// Checks hand-offs `first..` against `expected`, and that `turn_at` finds each turn at
/// its hand-off and not a millisecond before.
fn check(turns: &Turns, first: i64, expected: &[&str]) {
    for (k, want) in expected.iter().enumerate() {
        let n = first + k as i64;
        let at = turns.handoff(n).unwrap();
        assert_eq!(at, ms(want), "hand-off {n}: want {want}");
        assert_eq!(turns.turn_at(at), Some(n), "turn at {want}");
        assert_eq!(
            turns.turn_at(at - 1),
            Some(n - 1),
            "turn just before {want}"
        );
    }
}

#[test]
fn berlin_daily_keeps_nine_o_clock_across_both_changes() {
    // Clocks go forward on Sun 29 March 2026 (CET +1 to CEST +2) and back on Sun 25
    // October (CEST to CET). 09:00 CET is 08:00Z, 09:00 CEST 07:00Z.
    let t = turns("Europe/Berlin", "1d", "2026-03-27T08:00:00Z");
    check(
        &t,
        -1,
        &[
            "2026-03-26T08:00:00Z",
            "2026-03-27T08:00:00Z",
            "2026-03-28T08:00:00Z",
            "2026-03-29T07:00:00Z",
            "2026-03-30T07:00:00Z",
        ],
    );
    let t = turns("Europe/Berlin", "1d", "2026-10-24T07:00:00Z");
    check(&t, 0, &["2026-10-24T07:00:00Z", "2026-10-25T08:00:00Z"]);
    // 24h is a fixed length: it hands over at 10:00 CEST after the change
    let fixed = turns("Europe/Berlin", "24h", "2026-03-28T08:00:00Z");
    assert!(!fixed.is_local());
    assert_eq!(fixed.handoff(1), Some(ms("2026-03-29T08:00:00Z")));
}

#[test]
fn berlin_weekly_counts_backwards_from_start_across_a_change() {
    // Monday 30 March 09:00 CEST = 07:00Z; the Mondays before are CET (08:00Z).
    let t = turns("Europe/Berlin", "1w", "2026-03-30T07:00:00Z");
    check(
        &t,
        -2,
        &[
            "2026-03-16T08:00:00Z",
            "2026-03-23T08:00:00Z",
            "2026-03-30T07:00:00Z",
            "2026-04-06T07:00:00Z",
        ],
    );
    // Monday 19 October 09:00 CEST = 07:00Z; 26 October is CET again.
    let t = turns("Europe/Berlin", "1w", "2026-10-19T07:00:00Z");
    check(
        &t,
        -1,
        &[
            "2026-10-12T07:00:00Z",
            "2026-10-19T07:00:00Z",
            "2026-10-26T08:00:00Z",
        ],
    );
}

#[test]
fn new_york_hands_over_at_nine_across_march_and_november() {
    // Sun 8 March 2026: EST (-5) to EDT (-4); Sun 1 November: back to EST.
    let t = turns("America/New_York", "1d", "2026-03-07T14:00:00Z");
    check(
        &t,
        0,
        &[
            "2026-03-07T14:00:00Z",
            "2026-03-08T13:00:00Z",
            "2026-03-09T13:00:00Z",
        ],
    );
    let t = turns("America/New_York", "1w", "2026-10-26T13:00:00Z");
    check(&t, 0, &["2026-10-26T13:00:00Z", "2026-11-02T14:00:00Z"]);
}

#[test]
fn a_hand_off_on_a_skipped_time_is_the_first_instant_after_the_gap() {
    // New York skips 02:00-03:00 on 8 March: 02:30 EST on the 7th is 07:30Z; on the 8th
    // 02:30 does not exist and the hand-off is 03:00 EDT = 07:00Z (the change itself,
    // not 03:30); on the 9th 02:30 EDT = 06:30Z.
    let t = turns("America/New_York", "1d", "2026-03-07T07:30:00Z");
    check(
        &t,
        0,
        &[
            "2026-03-07T07:30:00Z",
            "2026-03-08T07:00:00Z",
            "2026-03-09T06:30:00Z",
        ],
    );
}

#[test]
fn a_hand_off_on_a_repeated_time_is_the_earlier() {
    // New York repeats 01:00-02:00 on 1 November: 01:30 is 05:30Z (EDT) and 06:30Z
    // (EST); the hand-off is the earlier. That day's turn lasts 25 hours.
    let t = turns("America/New_York", "1d", "2026-10-31T05:30:00Z");
    check(
        &t,
        0,
        &[
            "2026-10-31T05:30:00Z",
            "2026-11-01T05:30:00Z",
            "2026-11-02T06:30:00Z",
        ],
    );
}

#[test]
fn sydney_changes_the_other_way() {
    // Sun 5 April 2026: AEDT (+11) to AEST (+10); Sun 4 October: back to AEDT.
    let t = turns("Australia/Sydney", "1w", "2026-03-29T22:00:00Z");
    check(&t, 0, &["2026-03-29T22:00:00Z", "2026-04-05T23:00:00Z"]);
    let t = turns("Australia/Sydney", "1d", "2026-10-02T23:00:00Z");
    check(
        &t,
        0,
        &[
            "2026-10-02T23:00:00Z",
            "2026-10-03T22:00:00Z",
            "2026-10-04T22:00:00Z",
        ],
    );
}

#[test]
fn lord_howe_changes_by_half_an_hour() {
    // Lord Howe is +10:30 in winter and +11 in summer; clocks go from 02:00 to 02:30 on
    // Sun 4 October 2026 (15:30Z on the 3rd) and from 02:00 back to 01:30 on Sun 5 April.
    let t = turns("Australia/Lord_Howe", "1d", "2026-10-02T22:30:00Z");
    check(&t, 0, &["2026-10-02T22:30:00Z", "2026-10-03T22:00:00Z"]);
    let t = turns("Australia/Lord_Howe", "1d", "2026-04-03T22:00:00Z");
    check(&t, 0, &["2026-04-03T22:00:00Z", "2026-04-04T22:30:00Z"]);
    // 02:15 on 4 October does not exist: the hand-off is the change, 02:30 +11.
    let t = turns("Australia/Lord_Howe", "1d", "2026-10-02T15:45:00Z");
    check(&t, 0, &["2026-10-02T15:45:00Z", "2026-10-03T15:30:00Z"]);
}

#[test]
fn several_days_and_weeks_count_in_dates() {
    // 2w from Mon 16 March 09:00 CET: Mon 30 March 09:00 CEST, and before it 2 March.
    let t = turns("Europe/Berlin", "2w", "2026-03-16T08:00:00Z");
    check(
        &t,
        -1,
        &[
            "2026-03-02T08:00:00Z",
            "2026-03-16T08:00:00Z",
            "2026-03-30T07:00:00Z",
        ],
    );
    // 1w1d (8 days) is whole days too
    let t = turns("Europe/Berlin", "1w1d", "2026-03-27T08:00:00Z");
    check(&t, 0, &["2026-03-27T08:00:00Z", "2026-04-04T07:00:00Z"]);
    // 1d12h is not: fixed 36 hours
    let t = turns("Europe/Berlin", "1d12h", "2026-03-28T08:00:00Z");
    assert_eq!(t.handoff(1), Some(ms("2026-03-29T20:00:00Z")));
}

#[test]
fn one_day_and_24h_are_equally_long_but_hand_over_differently() {
    // Clocks go forward on Sun 8 March 2026 in New York: 09:00 EST is 14:00Z, 09:00 EDT
    // 13:00Z. As durations the two are one length; as shifts, 1d keeps 09:00 local and
    // 24h keeps 14:00Z, 10:00 EDT after the change.
    let rotation = |shift: &str| -> crate::model::Rotation {
        serde_json::from_value(serde_json::json!({
            "id": "r", "name": "R", "members": ["a", "b"], "shift": shift,
            "start": "2026-03-07T14:00:00Z", "timezone": "America/New_York"
        }))
        .unwrap()
    };
    let (day, hours) = (rotation("1d"), rotation("24h"));
    assert_eq!(day.shift.length(), hours.shift.length());
    assert_ne!(day.shift, hours.shift);
    let (day, hours) = (Turns::of(&day).unwrap(), Turns::of(&hours).unwrap());
    assert!(day.is_local() && !hours.is_local());
    check(
        &day,
        0,
        &[
            "2026-03-07T14:00:00Z",
            "2026-03-08T13:00:00Z",
            "2026-03-09T13:00:00Z",
        ],
    );
    check(
        &hours,
        0,
        &[
            "2026-03-07T14:00:00Z",
            "2026-03-08T14:00:00Z",
            "2026-03-09T14:00:00Z",
        ],
    );
}
