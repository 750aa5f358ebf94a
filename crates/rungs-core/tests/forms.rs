//! Scenario creation and the texts of the scenario and study forms.

use rungs_core::edit::{self, Kind};
use rungs_core::scenario::{new_scenario, parse_points, show_points};
use rungs_core::study::{parse_runs, parse_seed, percent};
use rungs_core::time::{parse_picker, picker_value};
use rungs_core::TimeZoneName;
use rungs_core::*;

fn saas() -> Ladder {
    parse_ladder(examples::EXAMPLES[0].json).unwrap()
}

#[test]
fn a_new_scenario_has_the_defaults_of_a_first_drill() {
    let l = saas();
    let start = Instant::parse("2026-05-01T09:30:00Z").unwrap();
    let s = new_scenario(&l, start);
    assert_eq!(s.id.as_str(), "scenario");
    assert_eq!(s.name, "New scenario");
    assert_eq!(s.start, start);
    assert_eq!(s.horizon, Duration::from_mins(480));
    assert_eq!(s.seed, 1);
    assert!(s.injects.is_empty());
    let t = &l.triggers[0];
    assert_eq!(s.signals.len(), 1);
    assert_eq!(s.signals[0].service, t.service);
    assert_eq!(s.signals[0].metric, t.metric);
    assert_eq!(
        s.signals[0].points,
        [
            SignalPoint(Duration::default(), 0.0),
            SignalPoint(Duration::from_mins(5), t.threshold * 2.0)
        ]
    );
    assert_eq!(s.work.contain_after_ack.median, Duration::from_mins(20));
    assert_eq!(s.work.contain_after_ack.p90, Duration::from_mins(60));
    assert_eq!(s.work.resolve_after_contain.median, Duration::from_mins(60));
    assert_eq!(s.work.resolve_after_contain.p90, Duration::from_mins(180));

    // a second one takes the next free id, and the ladder with both still validates
    let mut l2 = l.clone();
    l2.scenarios.push(s);
    let s2 = new_scenario(&l2, start);
    assert_eq!(s2.id.as_str(), "scenario-2");
    l2.scenarios.push(s2);
    assert!(validate_ladder(&l2, start).is_valid());
}

#[test]
fn a_new_scenario_of_a_ladder_without_triggers_has_no_signals() {
    let l = edit::new_ladder("Empty");
    let s = new_scenario(&l, Instant::parse("2026-01-01T00:00:00Z").unwrap());
    assert!(s.signals.is_empty());
    assert_eq!(
        edit::unique_id(&l, Kind::Scenario, "scenario"),
        s.id.as_str()
    );
}

#[test]
fn the_start_reads_as_the_picker_gives_it_and_shows_back() {
    let utc = TimeZoneName::utc();
    let parse_start = |s: &str| parse_picker(s, &utc);
    let show_start = |t: &Instant| picker_value(*t, &utc);
    let minute = parse_start("2026-03-14T03:00").unwrap();
    assert_eq!(minute, Instant::parse("2026-03-14T03:00:00Z").unwrap());
    assert_eq!(show_start(&minute), "2026-03-14T03:00");
    let second = parse_start("2026-03-14T03:00:07").unwrap();
    assert_eq!(show_start(&second), "2026-03-14T03:00:07");
    let rfc = parse_start("2026-03-14T05:00:00+02:00").unwrap();
    assert_eq!(rfc, minute);
    assert!(parse_start("").is_err());
    assert!(parse_start("yesterday").is_err());
    assert!(parse_start("2026-13-14T03:00").is_err());
    // in Tokyo's zone the same picker value is nine hours earlier
    let tokyo = TimeZoneName::new("Asia/Tokyo").unwrap();
    assert_eq!(
        parse_picker("2026-03-14T12:00", &tokyo).unwrap(),
        Instant::parse("2026-03-14T03:00:00Z").unwrap()
    );
}

#[test]
fn points_read_as_offset_value_pairs() {
    let p = parse_points("0m=0.01, 5m=0.08 ,, 3h=0 ,").unwrap();
    assert_eq!(
        p,
        [
            SignalPoint(Duration::default(), 0.01),
            SignalPoint(Duration::from_mins(5), 0.08),
            SignalPoint(Duration::from_mins(180), 0.0),
        ]
    );
    assert_eq!(show_points(&p), "0m=0.01, 5m=0.08, 3h=0");
    assert_eq!(parse_points(&show_points(&p)).unwrap(), p);
    assert_eq!(parse_points("").unwrap(), []);
    assert_eq!(show_points(&Vec::new()), "");
}

#[test]
fn points_that_do_not_read_say_why() {
    assert_eq!(
        parse_points("5m=1, 7m").unwrap_err(),
        "`7m` is not `offset=value`, e.g. `5m=0.3`"
    );
    assert_eq!(
        parse_points("5m=lots").unwrap_err(),
        "`lots` is not a number"
    );
    assert_eq!(
        parse_points("5m= inf ").unwrap_err(),
        "`inf` is not a number"
    );
    assert_eq!(parse_points("5m=NaN").unwrap_err(), "`NaN` is not a number");
    let bad_offset = parse_points("soon=1").unwrap_err();
    assert_eq!(
        bad_offset,
        "soon".parse::<Duration>().unwrap_err().to_string()
    );
}

#[test]
fn runs_are_a_whole_number_from_100_to_100_000() {
    let good = [
        ("1000", 1000),
        ("100,000", 100_000),
        ("10 000", 10_000),
        ("10\u{a0}000", 10_000),
        ("2_500", 2_500),
        ("100", 100),
    ];
    for (text, n) in good {
        assert_eq!(parse_runs(text), Ok(n), "{text}");
    }
    let refusal = Err("Choose a whole number of runs from 100 to 100,000.".to_string());
    for bad in ["99", "100001", "", "many", "1e3", "-500", "1000.5"] {
        assert_eq!(parse_runs(bad), refusal, "{bad}");
    }
}

#[test]
fn the_seed_is_empty_or_a_whole_number() {
    assert_eq!(parse_seed(""), Ok(None));
    assert_eq!(parse_seed("  "), Ok(None));
    assert_eq!(parse_seed(" 42 "), Ok(Some(42)));
    assert_eq!(parse_seed("0"), Ok(Some(0)));
    let refusal =
        Err("The seed is a whole number from 0 (or empty for the scenario's).".to_string());
    assert_eq!(parse_seed("-1"), refusal);
    assert_eq!(parse_seed("4.2"), refusal);
}

#[test]
fn rates_read_as_percentages_to_one_decimal() {
    let cases = [
        (0.0, "0.0%"),
        (0.125, "12.5%"),
        (1.0, "100.0%"),
        (0.9996, "100.0%"),
    ];
    for (rate, text) in cases {
        assert_eq!(percent(rate), text, "{rate}");
    }
}
