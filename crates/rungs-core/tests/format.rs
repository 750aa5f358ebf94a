//! The ladder and scenario formats: what is read, what is refused, and how errors read.

use rungs_core::*;

fn minimal() -> serde_json::Value {
    serde_json::json!({
        "format": "rungs.ladder/v1",
        "name": "Minimal",
        "tiers": [{
            "id": "sev1", "name": "SEV1", "rank": 1,
            "escalation": { "steps": [{ "notify": [{ "person": "ana" }], "escalate_after": "5m" }] }
        }]
    })
}

fn parse_value(v: &serde_json::Value) -> Result<Ladder, ParseError> {
    parse_ladder(&serde_json::to_string_pretty(v).unwrap())
}

#[test]
fn optional_fields_take_their_defaults() {
    let l = parse_value(&minimal()).unwrap();
    assert_eq!(l.revision, 1);
    assert!(l.services.is_empty() && l.people.is_empty() && l.scenarios.is_empty());
    assert_eq!(l.tiers[0].escalation.repeat, 0);
    assert_eq!(l.tiers[0].timelines, Timelines::default());
    assert_eq!(
        l.tiers[0].escalation.steps[0].notify,
        vec![Target::Person(PersonId::new("ana").unwrap())]
    );
}

#[test]
fn every_example_parses_and_has_scenarios() {
    for ex in examples::EXAMPLES {
        let l = parse_ladder(ex.json).unwrap_or_else(|e| panic!("{}: {e}", ex.key));
        assert!(!l.scenarios.is_empty(), "{} has no scenario", ex.key);
        assert!(l.tiers.len() >= 3, "{}", ex.key);
    }
}

#[test]
fn examples_match_the_issue() {
    let saas = parse_ladder(examples::example("saas").unwrap().json).unwrap();
    assert_eq!(saas.tiers.len(), 4);
    let zones: std::collections::BTreeSet<_> = saas
        .rotations
        .iter()
        .filter(|r| r.window.is_some())
        .map(|r| r.timezone.as_str())
        .collect();
    assert!(
        zones.len() >= 3,
        "follow-the-sun across three zones: {zones:?}"
    );
    for metric in ["error_rate", "latency_p99_ms", "revenue_at_risk_per_hour"] {
        assert!(saas.triggers.iter().any(|t| t.metric == metric), "{metric}");
    }
    let startup = parse_ladder(examples::example("startup").unwrap().json).unwrap();
    assert_eq!((startup.tiers.len(), startup.rotations.len()), (3, 1));
    assert_eq!(
        startup.rotations[0].shift,
        rungs_core::Shift::parse("1w").unwrap()
    );
    let fintech = parse_ladder(examples::example("fintech").unwrap().json).unwrap();
    for role in ["security", "legal"] {
        assert!(fintech.roles.iter().any(|r| r.id.as_str() == role));
    }
    assert!(fintech.tiers.iter().all(|t| t.timelines.contain.is_some()));
    assert!(fintech
        .tiers
        .iter()
        .any(|t| t.on_breach.acknowledge == Some(BreachAction::Escalate)));
}

#[test]
fn canonical_json_round_trips_and_is_stable() {
    for ex in examples::EXAMPLES {
        let l = parse_ladder(ex.json).unwrap();
        let once = to_canonical_json(&l);
        let again = parse_ladder(&once).unwrap();
        assert_eq!(again, l, "{}", ex.key);
        assert_eq!(to_canonical_json(&again), once, "{}", ex.key);
    }
}

#[test]
fn rotation_shifts_round_trip_through_canonical_json_as_written() {
    let l = parse_ladder(examples::EXAMPLES[0].json).unwrap();
    assert!(!l.rotations.is_empty());
    for (written, canonical, days) in [
        ("24h", "24h", None),
        ("1d", "1d", Some(1)),
        ("1440m", "24h", None),
        ("1d12h", "1d12h", None),
        ("2w", "2w", Some(14)),
    ] {
        let mut v: serde_json::Value = serde_json::from_str(&to_canonical_json(&l)).unwrap();
        v["rotations"][0]["shift"] = written.into();
        let once = parse_ladder(&v.to_string()).unwrap();
        assert_eq!(once.rotations[0].shift.whole_days(), days, "{written}");
        let text = to_canonical_json(&once);
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["rotations"][0]["shift"], canonical, "{written}");
        let again = parse_ladder(&text).unwrap();
        assert_eq!(again, once, "{written}");
        assert_eq!(to_canonical_json(&again), text, "{written}");
    }
}

#[test]
fn unknown_field_names_the_place_and_suggests_the_right_name() {
    let mut v = minimal();
    let step = &mut v["tiers"][0]["escalation"]["steps"][0];
    let after = step
        .as_object_mut()
        .unwrap()
        .remove("escalate_after")
        .unwrap();
    step["escalate_afer"] = after;
    let e = parse_value(&v).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::Shape);
    assert_eq!(
        e.message,
        "unknown field `escalate_afer`, did you mean `escalate_after`?"
    );
    assert_eq!(e.pointer, "/tiers/0/escalation/steps/0/escalate_afer");
    assert!(e.line > 1 && e.column > 0, "{e:?}");
    assert!(e
        .to_string()
        .starts_with(&format!("line {}, column {}", e.line, e.column)));
}

#[test]
fn unknown_field_far_from_any_name_lists_the_choices() {
    let mut v = minimal();
    v["colour"] = "red".into();
    let e = parse_value(&v).unwrap_err();
    assert!(
        e.message
            .starts_with("unknown field `colour`; expected one of `format`, `name`"),
        "{}",
        e.message
    );
}

#[test]
fn bad_duration_names_the_field_and_shows_the_value() {
    let mut v = minimal();
    v["tiers"][0]["escalation"]["steps"][0]["escalate_after"] = "5 minutes".into();
    let e = parse_value(&v).unwrap_err();
    assert_eq!(e.pointer, "/tiers/0/escalation/steps/0/escalate_after");
    assert!(
        e.message.contains("invalid duration `5 minutes`"),
        "{}",
        e.message
    );
    assert!(e
        .to_string()
        .contains("/tiers/0/escalation/steps/0/escalate_after"));
}

#[test]
fn wrong_format_versions_are_refused_with_what_this_build_reads() {
    let mut v = minimal();
    v["format"] = "rungs.ladder/v2".into();
    let e = parse_value(&v).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::Format);
    assert_eq!(e.pointer, "/format");
    assert_eq!(
        e.message,
        "unsupported format \"rungs.ladder/v2\": this build reads \"rungs.ladder/v1\" only"
    );

    v["format"] = "rungs.scenario/v1".into();
    assert!(parse_value(&v)
        .unwrap_err()
        .message
        .contains("is a \"rungs.scenario/v1\" document"));

    v.as_object_mut().unwrap().remove("format");
    let e = parse_value(&v).unwrap_err();
    assert_eq!(
        e.message,
        "missing field `format`: this build reads \"rungs.ladder/v1\""
    );

    v["format"] = 1.into();
    assert!(parse_value(&v)
        .unwrap_err()
        .message
        .contains("found a number"));
}

#[test]
fn wrong_types_and_values_point_at_the_value() {
    let cases: Vec<(&str, serde_json::Value, &str, &str)> = vec![
        (
            "/tiers/0/rank",
            "one".into(),
            "/tiers/0/rank",
            "invalid type: string \"one\", expected u32",
        ),
        (
            "/tiers/0/id",
            "SEV 1".into(),
            "/tiers/0/id",
            "must start with a lowercase letter",
        ),
        (
            "/tiers/0/rank",
            (-1).into(),
            "/tiers/0/rank",
            "invalid value: integer `-1`, expected u32",
        ),
        (
            "/tiers/0/rank",
            serde_json::json!(1e300),
            "/tiers/0/rank",
            "expected u32",
        ),
    ];
    for (at, value, pointer, needle) in cases {
        let mut v = minimal();
        *v.pointer_mut(at).unwrap() = value;
        let e = parse_value(&v).unwrap_err();
        assert_eq!(e.pointer, pointer, "{e}");
        assert!(e.message.contains(needle), "{at}: {}", e.message);
    }
}

#[test]
fn a_target_is_exactly_one_kind_of_recipient() {
    let mut v = minimal();
    v["tiers"][0]["escalation"]["steps"][0]["notify"][0] = serde_json::json!({ "persn": "ana" });
    let e = parse_value(&v).unwrap_err();
    assert_eq!(e.message, "unknown value `persn`, did you mean `person`?");
    assert_eq!(e.pointer, "/tiers/0/escalation/steps/0/notify/0");
}

#[test]
fn time_zones_and_windows_are_checked() {
    let mut v = minimal();
    v["people"] = serde_json::json!([{ "id": "ana", "name": "Ana", "timezone": "Europe/Berln" }]);
    let e = parse_value(&v).unwrap_err();
    assert_eq!(e.pointer, "/people/0/timezone");
    assert!(
        e.message.contains("did you mean `Europe/Berlin`"),
        "{}",
        e.message
    );

    v["people"][0]["timezone"] = "Europe/Berlin".into();
    v["rotations"] = serde_json::json!([{ "id": "r", "name": "R", "members": ["ana"], "shift": "1w",
        "start": "2026-01-05T00:00:00Z", "timezone": "UTC",
        "window": { "days": ["mon", "fri"], "from": "09:00", "to": "25:00" } }]);
    let e = parse_value(&v).unwrap_err();
    assert_eq!(e.pointer, "/rotations/0/window/to");
    v["rotations"][0]["window"]["to"] = "17:00".into();
    v["rotations"][0]["window"]["days"][1] = "friday".into();
    let e = parse_value(&v).unwrap_err();
    assert_eq!(e.pointer, "/rotations/0/window/days/1");
    assert!(
        e.message.contains("`friday`") && e.message.contains("`fri`"),
        "{}",
        e.message
    );
    v["rotations"][0]["window"]["days"][1] = "fri".into();
    v["rotations"][0]["start"] = "2026-01-05 00:00".into();
    assert_eq!(parse_value(&v).unwrap_err().pointer, "/rotations/0/start");
}

#[test]
fn probabilities_must_lie_between_zero_and_one() {
    let mut v = minimal();
    v["defaults"] =
        serde_json::json!({ "response": { "ack_median": "3m", "ack_p90": "10m", "miss": 1.5 } });
    let e = parse_value(&v).unwrap_err();
    assert_eq!(e.pointer, "/defaults/response/miss");
    assert!(
        e.message.contains("1.5 is not a probability"),
        "{}",
        e.message
    );
}

#[test]
fn syntax_errors_give_line_and_column() {
    let e = parse_ladder("{\n  \"format\": \"rungs.ladder/v1\",\n  \"name\": oops\n}").unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::Syntax);
    assert_eq!((e.line, e.column), (3, 11));
    let e = parse_ladder("{\"format\": \"rungs.ladder/v1\", \"name\": \"x\"").unwrap_err();
    assert!(e.message.contains("cut short"), "{}", e.message);
    assert!(parse_ladder("").is_err());
    assert!(parse_ladder("[]").is_err());
    let trailing = format!("{} x", serde_json::to_string(&minimal()).unwrap());
    assert_eq!(
        parse_ladder(&trailing).unwrap_err().kind,
        ParseErrorKind::Syntax
    );
}

#[test]
fn hostile_documents_get_clear_errors() {
    let huge = format!(
        "{{\"format\": \"rungs.ladder/v1\", \"name\": \"{}\"}}",
        "x".repeat(10 << 20)
    );
    let e = parse_ladder(&huge).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::TooLarge);
    assert!(e.message.contains("10.0 MB"), "{}", e.message);

    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = parse_ladder(&deep).unwrap_err();
    assert!(e.message.contains("recursion limit"), "{}", e.message);

    let mut v = minimal();
    v["tiers"][0]["id"] = "<img src=x onerror=alert(1)>".into();
    let e = parse_value(&v).unwrap_err();
    assert_eq!(e.pointer, "/tiers/0/id");

    let mut v = minimal();
    v["name"] = "<script>alert('x')</script>".into();
    assert_eq!(parse_value(&v).unwrap().name, "<script>alert('x')</script>");
}

#[test]
fn pointers_escape_slash_and_tilde() {
    let mut v = minimal();
    v["a/b~c"] = 1.into();
    let e = parse_value(&v).unwrap_err();
    assert_eq!(e.pointer, "/a~1b~0c");
}

#[test]
fn scenarios_read_standalone_and_embedded() {
    let doc = serde_json::json!({
        "format": "rungs.scenario/v1",
        "name": "Checkout errors at 3 a.m.",
        "start": "2026-03-14T03:00:00Z",
        "signals": [{ "service": "checkout", "metric": "error_rate", "points": [["0m", 0.01], ["5m", 0.08]] }],
        "injects": [{ "at": "10m", "unavailable": "ana", "for": "2h" }, { "at": "25m", "note": "Processor down" }],
        "work": { "contain_after_ack": { "median": "20m", "p90": "45m" },
                  "resolve_after_contain": { "median": "1h", "p90": "3h" } }
    });
    let s = parse_scenario(&doc.to_string()).unwrap();
    assert_eq!(s.horizon, Duration::from_mins(24 * 60));
    assert_eq!(s.seed, 0);
    assert_eq!(s.injects[1].at(), Duration::from_mins(25));
    assert!(
        matches!(&s.injects[0], Inject::Unavailable(u) if u.for_ == Some(Duration::from_mins(120)))
    );
    let embedded = s.clone().into_embedded(ScenarioId::new("night").unwrap());
    assert_eq!(embedded.to_document(), s);

    let mut bad = doc.clone();
    bad["injects"][0] = serde_json::json!({ "at": "10m", "unavailable": "ana", "note": "both" });
    let e = parse_scenario(&bad.to_string()).unwrap_err();
    assert_eq!(e.pointer, "/injects/0");
    assert!(
        e.message.contains("an inject must be either"),
        "{}",
        e.message
    );

    let mut bad = doc.clone();
    bad.as_object_mut().unwrap().remove("work");
    assert_eq!(
        parse_scenario(&bad.to_string()).unwrap_err().message,
        "missing field `work`"
    );

    // a ladder is not a scenario
    let e = parse_scenario(examples::EXAMPLES[0].json).unwrap_err();
    assert_eq!(e.kind, ParseErrorKind::Format);
}
