//! `rungs calendar` as a script uses it: the core's calendar on standard output or in a
//! file, and the usage errors.

mod common;

use std::process::Output;

use common::{examples_dir, rungs, temp_file};

fn example(name: &str) -> String {
    examples_dir().join(name).to_str().unwrap().to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `ics` without its `DTSTAMP` lines (the command stamps the events with the clock).
fn unstamped(ics: &str) -> String {
    ics.split_inclusive("\r\n")
        .filter(|l| !l.starts_with("DTSTAMP:"))
        .collect()
}

/// What the core writes for `source` of the SaaS example.
fn core_calendar(source: rungs_core::calendar::CalendarSource, from: &str, weeks: u32) -> String {
    core_calendar_of(&example("saas.json"), source, from, weeks)
}

/// What the core writes for `source` of the ladder in file `path`.
fn core_calendar_of(
    path: &str,
    source: rungs_core::calendar::CalendarSource,
    from: &str,
    weeks: u32,
) -> String {
    let ladder = rungs_core::parse_ladder(&std::fs::read_to_string(path).unwrap()).unwrap();
    let from = rungs_core::Instant::parse(from).unwrap();
    let cal = rungs_core::calendar::calendar(&ladder, &source, from, weeks, from).unwrap();
    unstamped(&cal.ics)
}

#[test]
fn a_rotations_calendar_goes_to_standard_output_as_the_core_writes_it() {
    let out = rungs(&[
        "calendar",
        &example("saas.json"),
        "--rotation",
        "emea-primary",
        "--from",
        "2026-03-23T10:00:00+01:00",
        "--weeks",
        "2",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ics = String::from_utf8(out.stdout).unwrap();
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("\r\nTZID:Europe/London\r\n"));
    // a daily window of 07:00-16:00 London time, open at 09:00 on Monday 23 March and on
    // Monday 6 April two weeks later: 15 windows, each whole
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 15);
    assert!(ics.contains("DTSTART;TZID=Europe/London:20260323T070000\r\n"));
    assert!(ics.contains("DTEND;TZID=Europe/London:20260406T160000\r\n"));
    let source = rungs_core::calendar::CalendarSource::Rotation(
        rungs_core::RotationId::new("emea-primary").unwrap(),
    );
    assert_eq!(
        unstamped(&ics),
        core_calendar(source, "2026-03-23T09:00:00Z", 2)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_persons_calendar_goes_to_the_file_named_by_o() {
    let path = temp_file("ana.ics", "");
    let out = rungs(&[
        "calendar",
        &example("saas.json"),
        "--person",
        "ana",
        "--from",
        "2026-03-23T00:00:00Z",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let ics = std::fs::read_to_string(&path).unwrap();
    let source =
        rungs_core::calendar::CalendarSource::Person(rungs_core::PersonId::new("ana").unwrap());
    assert_eq!(
        unstamped(&ics),
        core_calendar(source, "2026-03-23T00:00:00Z", 4)
    );
    let said = stderr(&out);
    assert!(
        said.contains("On call: Ana") && said.contains("in 4 weeks from 2026-03-23T00:00:00Z"),
        "{said}"
    );
}

/// The SaaS example with a schedule `follow-the-sun`: the global secondary under the
/// EMEA and Americas primaries, written to file `name` (one per test: they run at once).
fn with_a_schedule(name: &str) -> String {
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example("saas.json")).unwrap()).unwrap();
    doc["schedules"] = serde_json::json!([
        { "id": "follow-the-sun", "name": "Follow the sun",
          "layers": ["secondary", "emea-primary", "amer-primary"] }
    ]);
    let path = temp_file(name, &doc.to_string());
    path.to_str().unwrap().to_string()
}

#[test]
fn a_schedules_calendar_names_the_layer_of_each_shift() {
    let ladder = with_a_schedule("follow-the-sun.json");
    let from = "2026-03-23T00:00:00Z";
    let out = rungs(&[
        "calendar",
        &ladder,
        "--schedule",
        "follow-the-sun",
        "--from",
        from,
        "--weeks",
        "1",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ics = String::from_utf8(out.stdout).unwrap();
    let source = rungs_core::calendar::CalendarSource::Schedule(
        rungs_core::ScheduleId::new("follow-the-sun").unwrap(),
    );
    assert_eq!(unstamped(&ics), core_calendar_of(&ladder, source, from, 1));
    assert!(ics.contains("X-WR-CALNAME:On call: Follow the sun (Nimbus Cloud Platform)\r\n"));
    // Monday 23 March 07:00-14:00 UTC: the EMEA window (07:00-16:00 London) until the
    // Americas one opens at 10:00 New York, an hour earlier in UTC since 8 March
    assert!(ics
        .contains("UID:20260323T070000Z-schedule.follow-the-sun@nimbus-cloud-platform.rungs\r\n"));
    assert!(ics.contains("DTSTART;TZID=UTC:20260323T070000\r\nDTEND;TZID=UTC:20260323T140000\r\n"));
    assert!(
        ics.contains("SUMMARY:On call: Follow the sun\\, layer 2 EMEA primary (Ben Okafor)\r\n")
    );
}

#[test]
fn without_from_the_calendar_starts_now_to_the_minute() {
    let before = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let out = rungs(&[
        "calendar",
        &example("saas.json"),
        "--rotation",
        "secondary",
        "--weeks",
        "1",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ics = String::from_utf8(out.stdout).unwrap();
    // a weekly rotation around the clock in UTC: the week under way now and the next
    let starts: Vec<i64> = (ics.split("\r\n"))
        .filter_map(|l| l.strip_prefix("DTSTART;TZID=UTC:"))
        .map(|s| {
            let (d, t) = s.split_once('T').unwrap();
            let rfc = format!(
                "{}-{}-{}T{}:{}:{}Z",
                &d[..4],
                &d[4..6],
                &d[6..],
                &t[..2],
                &t[2..4],
                &t[4..]
            );
            rungs_core::Instant::parse(&rfc).unwrap().as_millis() / 1000
        })
        .collect();
    assert!(!starts.is_empty() && starts.len() <= 2, "{starts:?}");
    assert!(starts[0] <= before, "{starts:?} from {before}");
    if let Some(next) = starts.get(1) {
        assert!(*next > before - 60 && *next < before + 8 * 86_400);
    }
}

#[test]
fn usage_errors_exit_2_and_say_what_to_give() {
    let saas = example("saas.json");
    let cases: [(&[&str], &str); 7] = [
        (&[], "required arguments were not provided"),
        (&["--rotation", "secondry"], "did you mean `secondary`?"),
        (&["--person", "zed"], "its people are `farah`"),
        (
            &["--rotation", "Primary"],
            "must start with a lowercase letter",
        ),
        (&["--schedule", "Sun"], "must start with a lowercase letter"),
        (
            &["--rotation", "secondary", "--weeks", "105"],
            "105 is not in 1..=104",
        ),
        (
            &["--rotation", "secondary", "--from", "tomorrow"],
            "invalid instant",
        ),
    ];
    for (args, says) in cases {
        let mut all = vec!["calendar", saas.as_str()];
        all.extend_from_slice(args);
        let out = rungs(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    let startup = example("startup.json");
    let out = rungs(&["calendar", &startup, "--schedule", "follow-the-sun"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the ladder has no schedule `follow-the-sun`; it has no schedules"),
        "{}",
        stderr(&out)
    );
    let scheduled = with_a_schedule("unknown-schedule.json");
    let out = rungs(&["calendar", &scheduled, "--schedule", "follow-the-son"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("did you mean `follow-the-sun`?"));
    let out = rungs(&["calendar", &scheduled, "--schedule", "payments"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("its schedules are `follow-the-sun`"));
    assert!(out.stdout.is_empty());
    let out = rungs(&["calendar", "/no/such/ladder.json", "--rotation", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read /no/such/ladder.json"));
}

#[test]
fn a_ladder_that_does_not_parse_or_has_errors_exits_1() {
    let bad = temp_file(
        "bad.json",
        "{ \"format\": \"rungs.ladder/v1\", \"name\": \"x\" }",
    );
    let out = rungs(&["calendar", bad.to_str().unwrap(), "--rotation", "x"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("missing field `tiers`"),
        "{}",
        stderr(&out)
    );
    // an override naming nobody: an error, so no calendar
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example("saas.json")).unwrap()).unwrap();
    doc["rotations"][3]["overrides"] = serde_json::json!([
        { "from": "2026-03-24T00:00:00Z", "to": "2026-03-25T00:00:00Z", "person": "nobody" }
    ]);
    let invalid = temp_file("invalid.json", &doc.to_string());
    let out = rungs(&[
        "calendar",
        invalid.to_str().unwrap(),
        "--rotation",
        "secondary",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/rotations/3/overrides/0"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}
