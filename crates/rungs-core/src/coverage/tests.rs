use super::*;

fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

fn zone(z: &str) -> TimeZoneName {
    TimeZoneName::new(z).unwrap()
}

fn saas() -> Ladder {
    crate::parse_ladder(crate::examples::EXAMPLES[0].json).unwrap()
}

/// A ladder with one rotation `primary` (`members`, `shift`, London `window`) and one
/// tier whose steps notify `steps` (JSON targets).
fn ladder(members: &str, shift: &str, window: &str, steps: &[&str]) -> Ladder {
    let steps: Vec<String> = steps
        .iter()
        .map(|t| format!(r#"{{"notify": [{t}], "escalate_after": "15m"}}"#))
        .collect();
    let json = format!(
        r#"{{
          "format": "rungs.ladder/v1", "name": "Office",
          "roles": [{{"id": "ic", "name": "Incident commander"}}],
          "people": [
            {{"id": "ana", "name": "Ana Lima", "timezone": "Europe/London"}},
            {{"id": "ben", "name": "Ben Okafor", "timezone": "Europe/London", "roles": ["ic"]}}
          ],
          "rotations": [{{"id": "primary", "name": "Primary", "members": [{members}],
            "shift": "{shift}", "start": "2026-01-05T00:00:00Z", "timezone": "Europe/London"
            {window}}}],
          "tiers": [{{"id": "sev1", "name": "SEV1", "rank": 1,
            "escalation": {{"steps": [{}]}}}}]
        }}"#,
        steps.join(",")
    );
    crate::parse_ladder(&json).unwrap()
}

fn office() -> Ladder {
    ladder(
        r#""ana""#,
        "1w",
        r#", "window": {"days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:30", "to": "17:00"}"#,
        &[r#"{"rotation": "primary"}"#],
    )
}

fn night() -> Ladder {
    ladder(
        r#""ana""#,
        "1w",
        r#", "window": {"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "22:00", "to": "02:00"}"#,
        &[r#"{"rotation": "primary"}"#],
    )
}

fn names<'g>(g: &'g WeekGrid, c: &Cell) -> Vec<&'g str> {
    g.reached(c).collect()
}

fn total_gap(row: &GridRow) -> u32 {
    row.cells.iter().map(|c| u32::from(c.gap_minutes)).sum()
}

#[test]
fn follow_the_sun_reaches_whoever_is_awake() {
    let l = saas();
    let g = week_grid(&l, &zone("UTC"), at("2026-03-04T12:00:00Z"));
    assert_eq!(g.zone, "UTC");
    assert_eq!(g.week_label, "Mon 2 Mar 2026");
    assert_eq!(g.days, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    let tiers: Vec<_> = g.rows.iter().map(|r| r.tier.as_str()).collect();
    assert_eq!(tiers, ["sev1", "sev2", "sev3", "sev4"]);
    assert_eq!(g.rows[0].pointer, "/tiers/0/escalation");
    assert_eq!(g.rows[0].tier_name, "SEV1 Critical");
    let sev1 = &g.rows[0];
    assert_eq!(sev1.cells.len(), 168);
    // In winter the three primaries cover the day between them.
    assert!(sev1
        .cells
        .iter()
        .all(|c| c.first_step == Some(1) && c.gap_minutes == 0));
    let mon9 = &sev1.cells[9];
    assert_eq!(names(&g, mon9), ["Ana Lima"]);
    // ... but only one of step 1's three rotations answers at a time, and the cell says so
    assert_eq!(mon9.silent, 2);
    assert_eq!(
        mon9.label,
        "Mon 09:00–10:00 UTC: step 1 reaches Ana Lima (rotation EMEA primary); only 1 of its 3 \
         targets answers: APAC primary and Americas primary reach nobody"
    );
    // 07:00 UTC: London opens while Singapore is still on until 08:00 UTC.
    assert_eq!(names(&g, &sev1.cells[7]), ["Ana Lima", "Farah Rahman"]);
    // 20:00 UTC is 15:00 in New York.
    assert_eq!(names(&g, &sev1.cells[20]), ["Chloe Martin"]);

    // The same week seen from Tokyo: Tuesday 09:00 JST is Tuesday 00:00 UTC.
    let tokyo = week_grid(&l, &zone("Asia/Tokyo"), at("2026-03-04T12:00:00Z"));
    assert_eq!(tokyo.week_label, "Mon 2 Mar 2026");
    assert_eq!(
        tokyo.rows[0].cells[24 + 9].label,
        "Tue 09:00–10:00 Asia/Tokyo: step 1 reaches Farah Rahman (rotation APAC primary); only 1 \
         of its 3 targets answers: EMEA primary and Americas primary reach nobody"
    );
    // From New York, Monday noon is 17:00 UTC: only the Americas are on.
    let ny = week_grid(&l, &zone("America/New_York"), at("2026-03-04T12:00:00Z"));
    assert_eq!(names(&ny, &ny.rows[0].cells[12]), ["Chloe Martin"]);
    // SEV2 pages the same primaries first.
    assert_eq!(ny.rows[1].cells[12].first_step, Some(1));
}

#[test]
fn business_hours_leave_nights_and_weekends_uncovered() {
    let l = office();
    let g = week_grid(&l, &zone("Europe/London"), at("2026-01-14T12:00:00Z"));
    assert_eq!(g.week_label, "Mon 12 Jan 2026");
    let row = &g.rows[0];
    let c = |i: usize| &row.cells[i];
    assert_eq!(
        (c(3).first_step, c(3).gap_minutes, c(3).label.as_str()),
        (None, 60, "Mon 03:00–04:00 Europe/London: nobody is reached")
    );
    // The window opens at 09:30: half of the hour is a gap.
    assert_eq!(
        (c(9).first_step, c(9).gap_minutes, c(9).label.as_str()),
        (
            None,
            30,
            "Mon 09:00–10:00 Europe/London: nobody is reached for 30 min"
        )
    );
    assert_eq!(
        c(10),
        &Cell {
            first_step: Some(1),
            reached: c(10).reached,
            gap_minutes: 0,
            silent: 0,
            layers: vec![],
            label: "Mon 10:00–11:00 Europe/London: step 1 reaches Ana Lima (rotation Primary)"
                .into(),
        }
    );
    assert_eq!(names(&g, c(10)), ["Ana Lima"]);
    assert_eq!((c(16).first_step, c(16).gap_minutes), (Some(1), 0));
    assert_eq!((c(17).first_step, c(17).gap_minutes), (None, 60));
    assert_eq!(
        (c(5 * 24 + 10).first_step, c(5 * 24 + 10).gap_minutes),
        (None, 60)
    );
    // 7.5 covered hours on each of five days.
    assert_eq!(total_gap(row), 168 * 60 - 5 * 450);

    // From Kolkata (UTC+5:30) the window is 15:00–22:30.
    let k = week_grid(&l, &zone("Asia/Kolkata"), at("2026-01-14T12:00:00Z"));
    let row = &k.rows[0];
    assert_eq!(
        (row.cells[14].first_step, row.cells[14].gap_minutes),
        (None, 60)
    );
    assert_eq!(
        (row.cells[15].first_step, row.cells[15].gap_minutes),
        (Some(1), 0)
    );
    assert_eq!(
        row.cells[22].label,
        "Mon 22:00–23:00 Asia/Kolkata: step 1 reaches Ana Lima (rotation Primary); nobody is reached for 30 min"
    );
    assert_eq!(row.cells[22].gap_minutes, 30);
    assert_eq!(total_gap(row), 168 * 60 - 5 * 450);
}

#[test]
fn gaps_agree_with_oncall_gaps_over_the_week() {
    let l = office();
    let w = l.rotations[0].window.as_ref().unwrap();
    let tz = zone("Europe/London");
    let from = at("2026-01-12T00:00:00Z").as_millis();
    let to = from + 7 * 24 * HOUR_MS;
    let spans = oncall::window_spans(w, tz.tz(), from, to);
    let gap_ms: i64 = oncall::gaps(&[spans], from, to)
        .iter()
        .map(|g| g.len())
        .sum();
    let g = week_grid(&l, &tz, at("2026-01-12T00:00:00Z"));
    assert_eq!(i64::from(total_gap(&g.rows[0])) * MINUTE_MS, gap_ms);
}

#[test]
fn spring_forward_skips_an_hour_in_london() {
    let l = night();
    // Sunday 29 March 2026: 01:00 GMT becomes 02:00 BST.
    let g = week_grid(&l, &zone("Europe/London"), at("2026-03-25T12:00:00Z"));
    assert_eq!(g.week_label, "Mon 23 Mar 2026");
    let row = &g.rows[0];
    let sun = 6 * 24;
    assert_eq!(row.cells[sun].first_step, Some(1));
    assert_eq!(names(&g, &row.cells[sun]), ["Ana Lima"]);
    assert_eq!(
        row.cells[sun + 1],
        Cell {
            first_step: None,
            reached: 0,
            gap_minutes: 0,
            silent: 0,
            layers: vec![],
            label:
                "Sun 01:00–02:00 Europe/London: this hour does not exist (the clocks go forward)"
                    .into(),
        }
    );
    // The window closes at 02:00 local, which now comes right after 00:59 GMT.
    assert_eq!(
        (
            row.cells[sun + 2].first_step,
            row.cells[sun + 2].gap_minutes
        ),
        (None, 60)
    );
    assert_eq!(row.cells[sun - 1].first_step, Some(1));
    assert_eq!(row.cells[sun + 22].first_step, Some(1));
    // Four covered hours a day, three on the 23-hour Sunday.
    assert_eq!(total_gap(row), (6 * 20 + 20) * 60);
}

#[test]
fn fall_back_shows_the_first_of_the_repeated_hours() {
    let l = night();
    // Sunday 25 October 2026: 02:00 BST becomes 01:00 GMT.
    let g = week_grid(&l, &zone("Europe/London"), at("2026-10-22T12:00:00Z"));
    assert_eq!(g.week_label, "Mon 19 Oct 2026");
    let row = &g.rows[0];
    let sun = 6 * 24;
    assert_eq!(
        row.cells[sun + 1].label,
        "Sun 01:00–02:00 Europe/London (first of two): step 1 reaches Ana Lima (rotation Primary)"
    );
    assert_eq!(row.cells[sun + 1].gap_minutes, 0);
    assert_eq!(
        (
            row.cells[sun + 2].first_step,
            row.cells[sun + 2].gap_minutes
        ),
        (None, 60)
    );
}

#[test]
fn unknown_references_reach_nobody() {
    // Step 1 pages a person who does not exist; step 2 a daily rotation of Ana and a
    // member who does not exist; step 3 a role nobody declared.
    let l = ladder(
        r#""ana", "ghost""#,
        "1d",
        "",
        &[
            r#"{"person": "ghost"}"#,
            r#"{"rotation": "primary"}"#,
            r#"{"role": "nobody"}"#,
        ],
    );
    let g = week_grid(&l, &zone("UTC"), at("2026-01-12T00:00:00Z"));
    let row = &g.rows[0];
    // Monday 12 January is turn 7: the missing member's day.
    assert_eq!(
        (row.cells[10].first_step, row.cells[10].gap_minutes),
        (None, 60)
    );
    assert_eq!(
        row.cells[24 + 10].label,
        "Tue 10:00–11:00 UTC: step 2 reaches Ana Lima (rotation Primary)"
    );
    assert_eq!(total_gap(row), 4 * 24 * 60);
}

#[test]
fn roles_reach_all_holders() {
    let l = ladder(
        r#""ana""#,
        "1w",
        "",
        &[r#"{"role": "ic"}, {"person": "ana"}"#],
    );
    let g = week_grid(&l, &zone("UTC"), at("2026-01-12T00:00:00Z"));
    let c = &g.rows[0].cells[0];
    assert_eq!(names(&g, c), ["Ana Lima", "Ben Okafor"]);
    assert_eq!(g.reached_count(c), 2);
    assert_eq!(
        c.label,
        "Mon 00:00–01:00 UTC: step 1 reaches Ben Okafor (role Incident commander), Ana Lima"
    );
    assert_eq!(total_gap(&g.rows[0]), 0);
}

#[test]
fn large_ladder_grid_has_every_tier() {
    let l = crate::examples::large_ladder(500, 50, 8, 200);
    let g = week_grid(&l, &zone("Europe/Berlin"), at("2026-03-01T00:00:00Z"));
    assert_eq!(g.rows.len(), 8);
    assert!(g.rows.iter().all(|r| r.cells.len() == 168));
}
