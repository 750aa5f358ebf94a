//! Coming hand-offs (`upcoming_shifts`), readable instants and the week's schedule.

use rungs_core::paging::*;
use rungs_core::*;
use serde_json::json;

use super::{at, common, ladder, saas, saas_json, zone, THREE_AM};

// --- upcoming_shifts ---

#[test]
fn upcoming_shifts_start_with_the_turn_under_way() {
    let l = saas();
    let shifts = upcoming_shifts(&l, 0, at(THREE_AM), 3);
    let got: Vec<(&str, String, String)> = shifts
        .iter()
        .map(|s| (s.person.as_str(), s.from.to_string(), s.to.to_string()))
        .collect();
    let want = [
        ("Emi Sato", "2026-03-08T23:00:00Z", "2026-03-15T23:00:00Z"),
        (
            "Farah Rahman",
            "2026-03-15T23:00:00Z",
            "2026-03-22T23:00:00Z",
        ),
        ("Emi Sato", "2026-03-22T23:00:00Z", "2026-03-29T23:00:00Z"),
    ];
    let want: Vec<(&str, String, String)> = want
        .iter()
        .map(|(p, f, t)| (*p, f.to_string(), t.to_string()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(shifts[1].person_id.as_str(), "farah");
    assert!(shifts[1].known);
    assert_eq!(
        shifts[1].label,
        "Mon 16 Mar 07:00 – Mon 23 Mar 07:00 Asia/Singapore"
    );
    // A hand-off instant itself begins the new turn.
    let at_handoff = upcoming_shifts(&l, 0, at("2026-03-15T23:00:00Z"), 1);
    assert_eq!(at_handoff[0].person, "Farah Rahman");
}

#[test]
fn upcoming_shifts_are_bounded_and_empty_for_what_has_no_turns() {
    let l = saas();
    assert_eq!(
        upcoming_shifts(&l, 3, at(THREE_AM), 1_000).len(),
        MAX_UPCOMING_SHIFTS
    );
    assert!(upcoming_shifts(&l, 99, at(THREE_AM), 3).is_empty());
    let doc = common::with(saas_json(), "/rotations/0/members", json!([]));
    assert!(upcoming_shifts(&ladder(doc), 0, at(THREE_AM), 3).is_empty());
}

// --- readable_instant ---

#[test]
fn instants_read_with_the_zones_abbreviation_or_offset() {
    let cases = [
        (THREE_AM, "UTC", "Sat 14 Mar, 03:00 UTC"),
        (THREE_AM, "Europe/Berlin", "Sat 14 Mar, 04:00 CET"),
        (THREE_AM, "America/New_York", "Fri 13 Mar, 23:00 EDT"),
        // Zones whose abbreviation is a number read as an offset from UTC.
        (THREE_AM, "Asia/Singapore", "Sat 14 Mar, 11:00 UTC+8"),
        (THREE_AM, "Asia/Kathmandu", "Sat 14 Mar, 08:45 UTC+5:45"),
        (THREE_AM, "America/Sao_Paulo", "Sat 14 Mar, 00:00 UTC-3"),
        (
            "2026-03-30T07:00:00Z",
            "Europe/Berlin",
            "Mon 30 Mar, 09:00 CEST",
        ),
    ];
    for (t, z, want) in cases {
        assert_eq!(readable_instant(at(t), &zone(z)), want, "{t} in {z}");
    }
}

// --- schedule_week ---

#[test]
fn the_week_shows_a_windowed_rotations_shifts_and_its_gaps() {
    let l = saas();
    let week = schedule_week(&l, at(THREE_AM), &zone("UTC"));
    assert_eq!(week.now, 0.0);
    assert_eq!(week.now_label, "Sat 14 Mar, 03:00 UTC");
    assert_eq!(week.label, "Sat 14 Mar, 03:00 UTC – Sat 21 Mar, 03:00 UTC");
    assert_eq!(week.lanes.len(), l.rotations.len() + l.schedules.len());
    // Midnights from Sunday 15 to Saturday 21 March, the first 21 hours in.
    assert_eq!(week.days.len(), 7);
    assert_eq!(week.days[0].label, "Sun 15 Mar");
    assert!((week.days[0].at - 21.0 / 168.0).abs() < 1e-12);

    // APAC primary: 07:00–16:00 Singapore is 23:00–08:00 UTC; Farah takes over on
    // Monday at 07:00 in Singapore (Sunday 23:00 UTC), as the window opens.
    let apac = &week.lanes[0];
    assert_eq!(
        apac.window.as_deref(),
        Some("every day 07:00–16:00 Asia/Singapore")
    );
    assert!(!apac.truncated);
    let who: Vec<&str> = apac.segments.iter().map(|s| s.person.as_str()).collect();
    assert_eq!(
        who,
        [
            "Emi Sato",
            "Emi Sato",
            "Farah Rahman",
            "Farah Rahman",
            "Farah Rahman",
            "Farah Rahman",
            "Farah Rahman",
            "Farah Rahman"
        ]
    );
    assert_eq!(apac.segments[0].start, 0.0);
    assert_eq!(
        apac.segments[0].label,
        "APAC primary: Emi Sato, Sat 14 Mar 03:00–08:00 UTC"
    );
    assert_eq!(apac.segments[1].to, at("2026-03-15T08:00:00Z"));
    assert_eq!(apac.segments[2].from, at("2026-03-15T23:00:00Z"));
    assert_eq!(apac.segments[7].end, 1.0);
    assert_eq!(apac.gaps.len(), 7);
    let gap = &apac.gaps[0];
    assert_eq!(
        (gap.from, gap.to),
        (at("2026-03-14T08:00:00Z"), at("2026-03-14T23:00:00Z"))
    );
    assert!((gap.start - 5.0 / 168.0).abs() < 1e-12);
    assert!((gap.end - 20.0 / 168.0).abs() < 1e-12);
    assert_eq!(
        gap.label,
        "APAC primary: nobody on call, Sat 14 Mar 08:00–23:00 UTC"
    );

    // Global secondary has no window: one hand-off, Thursday 00:00 UTC, and no gap.
    let secondary = &week.lanes[3];
    let who: Vec<&str> = secondary
        .segments
        .iter()
        .map(|s| s.person.as_str())
        .collect();
    assert_eq!(who, ["Ana Lima", "Chloe Martin"]);
    assert_eq!(secondary.segments[1].from, at("2026-03-19T00:00:00Z"));
    assert!(secondary.gaps.is_empty());
}

#[test]
fn the_week_of_tiny_shifts_stops_at_its_bound() {
    let doc = common::with(saas_json(), "/rotations/3/shift", json!("1m"));
    let week = schedule_week(&ladder(doc), at(THREE_AM), &zone("UTC"));
    let lane = &week.lanes[3];
    assert!(lane.truncated);
    assert!(lane.segments.len() <= MAX_SEGMENTS_PER_LANE);
    let last = lane.segments.last().unwrap();
    assert_eq!(last.to.as_millis() - last.from.as_millis(), 60_000);
}

#[test]
fn the_week_of_an_empty_rotation_is_one_gap() {
    let doc = common::with(saas_json(), "/rotations/0/members", json!([]));
    let week = schedule_week(&ladder(doc), at(THREE_AM), &zone("UTC"));
    let lane = &week.lanes[0];
    assert!(lane.segments.is_empty());
    assert_eq!(lane.gaps.len(), 1);
    assert_eq!((lane.gaps[0].start, lane.gaps[0].end), (0.0, 1.0));
}

#[test]
fn the_ends_of_time_neither_panic_nor_loop() {
    let l = saas();
    let utc = zone("UTC");
    for t in [
        Instant::from_millis(i64::MIN),
        Instant::from_millis(i64::MAX),
    ] {
        let now = on_call_now(&l, t);
        assert_eq!(now.tiers.len(), 4);
        assert!(upcoming_shifts(&l, 0, t, 50).len() <= MAX_UPCOMING_SHIFTS);
        let week = schedule_week(&l, t, &utc);
        assert!(week
            .lanes
            .iter()
            .all(|lane| lane.segments.len() <= MAX_SEGMENTS_PER_LANE));
        assert!(!readable_instant(t, &utc).is_empty());
    }
}

// --- weeks_of ---

#[test]
fn a_rotations_weeks_are_lanes_of_their_own_with_its_overrides() {
    let mut l = saas();
    // someone else covers Emi's week from Wednesday to Friday
    l.rotations[0].overrides.push(Override {
        from: at("2026-03-11T00:00:00Z"),
        to: at("2026-03-13T00:00:00Z"),
        person: l
            .people
            .iter()
            .find(|p| p.id.as_str() != "emi")
            .unwrap()
            .id
            .clone(),
    });
    let cover = l.rotations[0].overrides[0].person.clone();
    let utc = zone("UTC");
    let weeks = weeks_of(
        &l,
        LanesOf::Rotation(0),
        at("2026-03-09T00:00:00Z"),
        3,
        &utc,
    );
    assert_eq!(weeks.len(), 3);
    assert_eq!(weeks[0].name, "Mon 9 Mar");
    assert_eq!(weeks[2].name, "Mon 23 Mar");
    // each week is on its own axis, and the week of the override shows it where it is
    let first = &weeks[0];
    let covered = first
        .segments
        .iter()
        .find(|s| s.person_id == cover)
        .expect("the override");
    assert_eq!(
        (covered.from.to_string(), covered.to.to_string()),
        ("2026-03-11T00:00:00Z".into(), "2026-03-13T00:00:00Z".into())
    );
    assert!((covered.start - 2.0 / 7.0).abs() < 1e-9 && (covered.end - 4.0 / 7.0).abs() < 1e-9);
    // every week agrees with that week's schedule
    for (k, lane) in weeks.iter().enumerate() {
        let week = schedule_week(
            &l,
            Instant::from_millis(
                at("2026-03-09T00:00:00Z").as_millis() + k as i64 * 7 * 86_400_000,
            ),
            &utc,
        );
        assert_eq!(lane.segments, week.lanes[0].segments, "week {k}");
        assert_eq!(lane.gaps, week.lanes[0].gaps, "week {k}");
    }
    assert!(weeks_of(
        &l,
        LanesOf::Rotation(9),
        at("2026-03-09T00:00:00Z"),
        3,
        &utc
    )
    .is_empty());
    assert_eq!(
        weeks_of(
            &l,
            LanesOf::Rotation(0),
            at("2026-03-09T00:00:00Z"),
            99,
            &utc
        )
        .len(),
        12
    );
}
