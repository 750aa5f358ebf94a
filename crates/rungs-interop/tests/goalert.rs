//! GoAlert import: GraphQL JSON and Terraform (`healdropper/goalert`), one test per
//! mapping rule, the notes they leave, hostile input. Fixtures: tests/fixtures/goalert
//! (README.md there says where each shape comes from).

use rungs_core::time::{ClockTime, Instant, Weekday};
use rungs_core::{Duration, Ladder, Severity, Shift, Target};
use rungs_interop::{
    import, ImportError, ImportOptions, Imported, Note, NoteSeverity, SourceFile, System,
};

fn fixture(name: &str) -> SourceFile {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/goalert")
        .join(name);
    SourceFile {
        name: name.to_string(),
        text: std::fs::read_to_string(path).unwrap(),
    }
}

const ALL_JSON: [&str; 5] = [
    "users.json",
    "rotations.json",
    "schedules.json",
    "overrides.json",
    "policies.json",
];

fn json(names: &[&str]) -> Result<Imported, ImportError> {
    let files: Vec<_> = names.iter().map(|n| fixture(n)).collect();
    import(System::GoAlert, &files, &ImportOptions::default())
}

fn tf(names: &[&str]) -> Result<Imported, ImportError> {
    let files: Vec<_> = names.iter().map(|n| fixture(n)).collect();
    import(System::Terraform, &files, &ImportOptions::default())
}

/// The one note whose message contains `fragment`.
fn note<'a>(imported: &'a Imported, fragment: &str) -> &'a Note {
    let found: Vec<_> = imported
        .notes
        .iter()
        .filter(|n| n.message.contains(fragment))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{fragment:?} in {:#?}",
        imported
            .notes
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
    );
    found[0]
}

fn at(n: &Note, severity: NoteSeverity, file: &str, pointer: &str, ladder: Option<&str>) {
    assert_eq!(n.severity, severity, "{n}");
    assert_eq!(n.source.file, file, "{n}");
    assert_eq!(n.source.pointer.as_deref(), Some(pointer), "{n}");
    assert_eq!(n.pointer.as_deref(), ladder, "{n}");
}

fn at_line(n: &Note, severity: NoteSeverity, line: u32, ladder: Option<&str>) {
    assert_eq!(n.severity, severity, "{n}");
    assert_eq!(n.source.file, "goalert.tf", "{n}");
    assert_eq!(n.source.line, Some(line), "{n}");
    assert_eq!(n.pointer.as_deref(), ladder, "{n}");
}

fn rotation<'a>(l: &'a Ladder, id: &str) -> &'a rungs_core::Rotation {
    l.rotations
        .iter()
        .find(|r| r.id.as_str() == id)
        .unwrap_or_else(|| panic!("no rotation {id}"))
}

fn person(id: &str) -> Target {
    Target::Person(rungs_core::PersonId::new(id).unwrap())
}
fn rot(id: &str) -> Target {
    Target::Rotation(rungs_core::RotationId::new(id).unwrap())
}
fn sched(id: &str) -> Target {
    Target::Schedule(rungs_core::ScheduleId::new(id).unwrap())
}
fn clock(s: &str) -> ClockTime {
    ClockTime::parse(s).unwrap()
}
fn instant(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

fn no_validation_errors(l: &Ladder) {
    let report = rungs_core::validate_ladder(l, instant("2026-10-01T00:00:00Z"));
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.pointer, d.message))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

// --- escalation policies -------------------------------------------------------------

#[test]
fn policy_becomes_a_tier_with_delays_targets_and_repeat() {
    let i = json(&ALL_JSON).unwrap();
    let l = &i.ladder;
    assert_eq!(l.tiers.len(), 2);
    let t = &l.tiers[0];
    assert_eq!((t.name.as_str(), t.rank), ("Payments Critical", 1));
    assert_eq!(t.criteria.as_deref(), Some("Card payments are failing"));
    // repeat: the times the steps start over (loop_count < repeat), as in Rungs.
    assert_eq!(t.escalation.repeat, 2);
    let s = &t.escalation.steps;
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].escalate_after, Duration::from_mins(5));
    assert_eq!(
        s[0].notify,
        vec![rot("payments-primary"), person("ana-lima")]
    );
    assert_eq!(s[1].escalate_after, Duration::from_mins(15));
    assert_eq!(s[1].notify, vec![sched("payments")]);
    assert_eq!(l.tiers[1].escalation.repeat, 0);
}

#[test]
fn unsupported_step_targets_are_notes_and_left_out() {
    let i = json(&ALL_JSON).unwrap();
    at(
        note(&i, "notifies a webhook (hooks.example.com)"),
        NoteSeverity::Warning,
        "policies.json",
        "/data/escalationPolicies/nodes/0/steps/0/targets/2",
        Some("/tiers/0/escalation/steps/0/notify"),
    );
    at(
        note(&i, "notifies a Slack channel (#payments-oncall)"),
        NoteSeverity::Warning,
        "policies.json",
        "/data/escalationPolicies/nodes/0/steps/1/targets/1",
        Some("/tiers/0/escalation/steps/1/notify"),
    );
}

#[test]
fn step_actions_are_read_like_targets_and_multi_ack_is_a_note() {
    let i = json(&ALL_JSON).unwrap();
    let t = &i.ladder.tiers[1];
    assert_eq!(t.name, "Platform");
    assert_eq!(
        t.escalation.steps[0].escalate_after,
        Duration::from_mins(10)
    );
    assert_eq!(
        t.escalation.steps[0].notify,
        vec![rot("night-desk"), person("finn-cole")]
    );
    at(
        note(&i, "step 1 waits for each person to acknowledge"),
        NoteSeverity::Warning,
        "policies.json",
        "/data/escalationPolicies/nodes/1/steps/0",
        Some("/tiers/1/escalation/steps/0"),
    );
    at(
        note(&i, "notifies a webhook (events.example.com)"),
        NoteSeverity::Warning,
        "policies.json",
        "/data/escalationPolicies/nodes/1/steps/0/actions/2",
        Some("/tiers/1/escalation/steps/0/notify"),
    );
    // A user known only by a target's name: added by it, without email.
    let finn = i
        .ladder
        .people
        .iter()
        .find(|p| p.name == "Finn Cole")
        .unwrap();
    assert_eq!(finn.email, None);
    at(
        note(&i, "user Finn Cole"),
        NoteSeverity::Warning,
        "policies.json",
        "/data/escalationPolicies/nodes/1/steps/0/actions/1",
        None,
    );
}

// --- rotations -----------------------------------------------------------------------

#[test]
fn rotations_get_shift_from_type_and_length_start_zone_and_members() {
    let i = json(&ALL_JSON).unwrap();
    let l = &i.ladder;
    let weekly = rotation(l, "payments-primary");
    assert_eq!(weekly.shift, Shift::parse("1w").unwrap());
    assert_eq!(weekly.shift.whole_days(), Some(7));
    assert_eq!(weekly.start, instant("2026-10-05T13:00:00Z"));
    assert_eq!(weekly.timezone.as_str(), "America/New_York");
    let members: Vec<_> = weekly.members.iter().map(|p| p.as_str()).collect();
    assert_eq!(members, ["ana-lima", "ben-okafor"]);

    let daily = rotation(l, "payments-secondary");
    assert_eq!(daily.shift, Shift::parse("2d").unwrap());
    assert_eq!(daily.timezone.as_str(), "Europe/Berlin");
    let members: Vec<_> = daily.members.iter().map(|p| p.as_str()).collect();
    assert_eq!(members, ["cy-park", "eve-stone"], "users[] inline");

    let hourly = rotation(l, "night-desk");
    assert_eq!(hourly.shift, Shift::parse("12h").unwrap());
    assert_eq!(hourly.shift.whole_days(), None, "hourly is a fixed length");

    let monthly = rotation(l, "managers");
    assert_eq!(monthly.shift, Shift::parse("30d").unwrap());
    at(
        note(&i, "Rotation Managers hands over every 1 month(s)"),
        NoteSeverity::Warning,
        "rotations.json",
        "/data/rotations/nodes/3/type",
        Some("/rotations/3/shift"),
    );
}

#[test]
fn active_user_index_and_description_are_notes() {
    let i = json(&ALL_JSON).unwrap();
    at(
        note(
            &i,
            "GoAlert says ben-okafor is on call now (activeUserIndex 1)",
        ),
        NoteSeverity::Warning,
        "rotations.json",
        "/data/rotations/nodes/0/activeUserIndex",
        Some("/rotations/0/members"),
    );
    at(
        note(&i, "description \"Weekly primary on-call\""),
        NoteSeverity::Info,
        "rotations.json",
        "/data/rotations/nodes/0",
        Some("/rotations/0"),
    );
}

// --- schedules -----------------------------------------------------------------------

#[test]
fn schedule_targets_become_layers_round_the_clock_lowest() {
    let i = json(&ALL_JSON).unwrap();
    let l = &i.ladder;
    let s = &l.schedules[0];
    assert_eq!(s.name, "Payments");
    let layers: Vec<_> = s.layers.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        layers,
        [
            "payments-primary",
            "payments---payments-secondary",
            "payments---cy-park"
        ]
    );
    at(
        note(&i, "puts everyone its rules cover on call at once"),
        NoteSeverity::Warning,
        "schedules.json",
        "/data/schedule",
        Some("/schedules/0/layers"),
    );
}

#[test]
fn rotation_rules_become_windows_on_a_copy_overnight_wraps() {
    let i = json(&ALL_JSON).unwrap();
    let copy = rotation(&i.ladder, "payments---payments-secondary");
    assert_eq!(copy.name, "Payments - Payments Secondary");
    assert_eq!(copy.shift, Shift::parse("2d").unwrap());
    assert_eq!(copy.windows.len(), 2);
    let w = &copy.windows[0];
    assert_eq!(
        w.days,
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri
        ]
    );
    assert_eq!(
        (w.from, w.to, w.to_day),
        (clock("09:00"), clock("17:00"), None)
    );
    // 22:00 to 06:00 on Saturday and Sunday (filter is Sunday first): overnight.
    let w = &copy.windows[1];
    assert_eq!(w.days, [Weekday::Sun, Weekday::Sat]);
    assert_eq!(
        (w.from, w.to, w.to_day),
        (clock("22:00"), clock("06:00"), None)
    );
    at(
        note(&i, "covers rotation Payments Secondary only at some hours"),
        NoteSeverity::Info,
        "schedules.json",
        "/data/schedule/targets/1",
        Some("/rotations/4"),
    );
    // The always-on rule keeps the rotation itself, without windows.
    assert!(rotation(&i.ladder, "payments-primary")
        .window_list()
        .is_none());
}

#[test]
fn user_rules_become_a_one_person_rotation_and_24_hours_from_start_uses_to_day() {
    let i = json(&ALL_JSON).unwrap();
    let one = rotation(&i.ladder, "payments---cy-park");
    let members: Vec<_> = one.members.iter().map(|p| p.as_str()).collect();
    assert_eq!(members, ["cy-park"]);
    assert_eq!(
        one.timezone.as_str(),
        "America/New_York",
        "the schedule's zone"
    );
    let w = one.window.as_ref().unwrap();
    assert_eq!(w.days, [Weekday::Mon]);
    assert_eq!(
        (w.from, w.to, w.to_day),
        (clock("09:00"), clock("09:00"), Some(Weekday::Tue))
    );
    at(
        note(&i, "puts Cy Park on call directly"),
        NoteSeverity::Info,
        "schedules.json",
        "/data/schedule/targets/2",
        Some("/rotations/5"),
    );
    at(
        note(&i, "is on no weekday"),
        NoteSeverity::Info,
        "schedules.json",
        "/data/schedule/targets/2/rules/1",
        None,
    );
}

#[test]
fn shifts_and_temporary_schedules_are_notes() {
    let i = json(&ALL_JSON).unwrap();
    at(
        note(&i, "its computed shifts"),
        NoteSeverity::Info,
        "schedules.json",
        "/data/schedule/shifts",
        None,
    );
    at(
        note(&i, "its temporary schedules"),
        NoteSeverity::Warning,
        "schedules.json",
        "/data/schedule/temporarySchedules",
        None,
    );
}

#[test]
fn replace_override_becomes_a_rotation_override_add_and_remove_are_notes() {
    let i = json(&ALL_JSON).unwrap();
    let o = &rotation(&i.ladder, "payments-primary").overrides;
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].from, instant("2026-10-12T13:00:00Z"));
    assert_eq!(o[0].to, instant("2026-10-19T13:00:00Z"));
    assert_eq!(o[0].person.as_str(), "dee-ruiz");
    at(
        note(&i, "Dee Ruiz replaces Ben Okafor"),
        NoteSeverity::Warning,
        "overrides.json",
        "/data/userOverrides/nodes/0",
        Some("/rotations/0/overrides/0"),
    );
    at(
        note(&i, "an override adds Ana Lima"),
        NoteSeverity::Warning,
        "overrides.json",
        "/data/userOverrides/nodes/1",
        None,
    );
    at(
        note(&i, "an override takes Ana Lima off call"),
        NoteSeverity::Warning,
        "overrides.json",
        "/data/userOverrides/nodes/2",
        None,
    );
}

// --- users ---------------------------------------------------------------------------

#[test]
fn users_become_people_with_emails_and_the_first_rotations_zone() {
    let i = json(&ALL_JSON).unwrap();
    let p = |id: &str| {
        i.ladder
            .people
            .iter()
            .find(|p| p.id.as_str() == id)
            .unwrap()
    };
    let ana = p("ana-lima");
    assert_eq!(
        (
            ana.name.as_str(),
            ana.email.as_deref(),
            ana.timezone.as_str()
        ),
        ("Ana Lima", Some("ana@example.com"), "America/New_York")
    );
    assert_eq!(p("cy-park").timezone.as_str(), "Europe/Berlin");
    assert_eq!(
        p("dee-ruiz").timezone.as_str(),
        "UTC",
        "Night Desk is in UTC"
    );
    // Read inline from a rotation's users[].
    assert_eq!(p("eve-stone").email.as_deref(), Some("eve@example.com"));
    at(
        note(&i, "GoAlert users have no time zone"),
        NoteSeverity::Info,
        "users.json",
        "/data/users/nodes/0",
        None,
    );
}

#[test]
fn files_in_any_order_give_the_same_ladder() {
    let mut reversed = ALL_JSON;
    reversed.reverse();
    let a = json(&ALL_JSON).unwrap();
    let b = json(&reversed).unwrap();
    assert_eq!(
        rungs_core::to_canonical_json(&a.ladder),
        rungs_core::to_canonical_json(&b.ladder)
    );
}

#[test]
fn normal_fixtures_validate_without_errors() {
    no_validation_errors(&json(&ALL_JSON).unwrap().ladder);
    no_validation_errors(&tf(&["goalert.tf"]).unwrap().ladder);
}

// --- edge cases that still import ----------------------------------------------------

#[test]
fn edge_cases_are_notes_not_errors() {
    let i = json(&["edge.json"]).unwrap();
    let names: Vec<_> = i.ladder.tiers.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Edge", "Empty"], "the duplicate id is read once");
    at(
        note(
            &i,
            "was already read at edge.json at /data/escalationPolicies/nodes/0",
        ),
        NoteSeverity::Info,
        "edge.json",
        "/data/escalationPolicy",
        None,
    );
    let edge = &i.ladder.tiers[0];
    assert_eq!(edge.escalation.repeat, 1000);
    note(&i, "repeats until someone acknowledges (repeat -1)");
    // Missing delay: 0 with a note; missing rotation and a policy target (a cycle): left out.
    assert_eq!(edge.escalation.steps[0].escalate_after, Duration::ZERO);
    note(&i, "step 1 has no delay");
    at(
        note(
            &i,
            "notifies rotation Gone Rotation, which is not in these files",
        ),
        NoteSeverity::Warning,
        "edge.json",
        "/data/escalationPolicies/nodes/0/steps/0/targets/0",
        Some("/tiers/0/escalation/steps/0/notify"),
    );
    note(&i, "notifies another escalation policy (Edge)");
    note(&i, "notifies a heartbeat monitor (nightly-batch)");
    // A user the files do not describe, without a name: a stand-in, once.
    let stand_in = i
        .ladder
        .people
        .iter()
        .find(|p| p.name == "00000000-0000-4000-8000-0000000000ff")
        .unwrap();
    assert_eq!(stand_in.timezone.as_str(), "UTC");
    assert_eq!(
        edge.escalation.steps[0].notify,
        vec![Target::Person(stand_in.id.clone())]
    );
    assert_eq!(i.ladder.people.len(), 1);
    note(
        &i,
        "user 00000000-0000-4000-8000-0000000000ff is not in these files",
    );
    note(&i, "covers a target of type \"schedule\" (Loop)");
    note(&i, "Schedule Loop has no rule Rungs can use");
    note(&i, "Schedule Loop's time zone \"Mars/Olympus\"");
    note(&i, "Rotation Nobody has no users");
    note(&i, "Rotation Nobody has no shift length");
    note(&i, "position 7, which is not in the list");
    note(&i, "ends before it starts");
    note(&i, "names no schedule and these files hold several");
    note(&i, "Policy Empty has no steps");
    note(&i, "\"services\" is not part of an escalation policy");
    at(
        note(&i, "more of these on a next page"),
        NoteSeverity::Warning,
        "edge.json",
        "/data/escalationPolicies/pageInfo",
        None,
    );
}

// --- hostile JSON --------------------------------------------------------------------

fn json_error(name: &str) -> ImportError {
    json(&[name]).expect_err(name)
}

#[test]
fn graphql_errors_stop_the_import_quoting_the_message() {
    let e = json_error("errors.json");
    assert_eq!(e.file.as_deref(), Some("errors.json"));
    assert_eq!(e.pointer.as_deref(), Some("/errors/0"));
    assert!(e.message.contains("\"access denied: unauthorized\""), "{e}");
}

#[test]
fn hostile_json_is_an_error_at_the_pointer() {
    for (file, pointer, fragment) in [
        (
            "hostile-type.json",
            "/data/escalationPolicy/steps/0/delayMinutes",
            "expected a whole number",
        ),
        (
            "hostile-huge.json",
            "/data/escalationPolicy/steps/0/delayMinutes",
            "is 1000000000000; GoAlert allows at most 9000",
        ),
        (
            "hostile-weekday.json",
            "/data/schedule/targets/0/rules/0/weekdayFilter",
            "7 true/false values, Sunday first",
        ),
        (
            "hostile-shape.json",
            "/data/escalationPolicies",
            "expected an object with \"nodes\"",
        ),
        (
            "hostile-rotation.json",
            "/data/rotation/type",
            "has type \"yearly\"",
        ),
    ] {
        let e = json_error(file);
        assert_eq!(e.file.as_deref(), Some(file));
        assert_eq!(e.pointer.as_deref(), Some(pointer), "{e}");
        assert!(e.message.contains(fragment), "{e}");
    }
}

#[test]
fn broken_json_is_an_error_with_line_and_column() {
    let e = json_error("hostile-syntax.json");
    assert_eq!(e.file.as_deref(), Some("hostile-syntax.json"));
    assert!(e.line >= 6, "{e:?}");
    assert!(e.message.contains("ends too early"), "{e}");
    let deep = SourceFile {
        name: "deep.json".into(),
        text: format!("{{\"data\": {}{}}}", "[".repeat(5000), "]".repeat(5000)),
    };
    assert!(import(System::GoAlert, &[deep], &ImportOptions::default()).is_err());
}

#[test]
fn a_response_without_data_or_policies_is_an_error() {
    let only_users = json(&["users.json"]).unwrap_err();
    assert!(
        only_users.message.contains("no GoAlert escalation policy"),
        "{only_users}"
    );
    let empty = SourceFile {
        name: "empty.json".into(),
        text: "{}".into(),
    };
    let e = import(System::GoAlert, &[empty], &ImportOptions::default()).unwrap_err();
    assert!(
        e.message.contains("expected an object with \"data\""),
        "{e}"
    );
}

/// Every value of every fixture replaced by each hostile value in turn: an import or an
/// error, never a panic.
#[test]
fn any_value_replaced_never_panics() {
    fn pointers(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, x) in o {
                    pointers(x, format!("{at}/{k}"), out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    pointers(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }
    let hostile = [
        serde_json::json!(null),
        serde_json::json!(-1),
        serde_json::json!(1e300),
        serde_json::json!(18446744073709551615u64),
        serde_json::json!("x"),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!(true),
    ];
    let mut runs = 0;
    for name in ALL_JSON.iter().chain(&["edge.json"]) {
        let original: serde_json::Value = serde_json::from_str(&fixture(name).text).unwrap();
        let mut all = Vec::new();
        pointers(&original, String::new(), &mut all);
        for p in all.iter().filter(|p| !p.is_empty()) {
            for h in &hostile {
                let mut doc = original.clone();
                *doc.pointer_mut(p).unwrap() = h.clone();
                let mut files: Vec<_> = ALL_JSON.iter().map(|n| fixture(n)).collect();
                files.retain(|f| f.name != *name);
                files.push(SourceFile {
                    name: name.to_string(),
                    text: doc.to_string(),
                });
                let _ = import(System::GoAlert, &files, &ImportOptions::default());
                runs += 1;
            }
        }
    }
    assert!(runs > 1000, "{runs}");
}

// --- Terraform -----------------------------------------------------------------------

#[test]
fn terraform_policy_steps_and_targets() {
    let i = tf(&["goalert.tf"]).unwrap();
    let l = &i.ladder;
    assert_eq!(l.name, "Production High Priority");
    let t = &l.tiers[0];
    assert_eq!(t.escalation.repeat, 3);
    assert_eq!(
        t.criteria.as_deref(),
        Some("Escalates critical alerts to on-call destinations")
    );
    let s = &t.escalation.steps;
    assert_eq!(s[0].escalate_after, Duration::from_mins(5));
    assert_eq!(
        s[0].notify,
        vec![
            person("alex-sre"),
            rot("primary-sre-on-call"),
            sched("engineering-on-call")
        ]
    );
    assert_eq!(s[1].escalate_after, Duration::from_mins(10));
    assert_eq!(s[1].notify, vec![rot("secondary-sre")]);
    at_line(
        note(&i, "notifies a webhook (https://events.example.com/alerts)"),
        NoteSeverity::Warning,
        90,
        Some("/tiers/0/escalation/steps/0/notify"),
    );
    at_line(
        note(&i, "waits for each person to acknowledge"),
        NoteSeverity::Warning,
        84,
        Some("/tiers/0/escalation/steps/0"),
    );
    at_line(
        note(
            &i,
            "rotation_ids = var.extra_rotation_id is computed by Terraform",
        ),
        NoteSeverity::Warning,
        97,
        None,
    );
    at_line(
        note(
            &i,
            "goalert_service.payments is not part of an escalation policy",
        ),
        NoteSeverity::Info,
        101,
        None,
    );
}

#[test]
fn terraform_users_rotations_rules_and_overrides() {
    let i = tf(&["goalert.tf"]).unwrap();
    let l = &i.ladder;
    let people: Vec<_> = l
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.email.as_deref(), p.timezone.as_str()))
        .collect();
    assert_eq!(
        people,
        [
            ("Alex SRE", Some("alex@example.com"), "Europe/Madrid"),
            ("Sam SRE", Some("sam@example.com"), "Europe/Madrid"),
            (
                "jane@example.com",
                Some("jane@example.com"),
                "Europe/Madrid"
            ),
        ]
    );
    at_line(
        note(&i, "data.goalert_user.lead gives no name"),
        NoteSeverity::Info,
        23,
        None,
    );
    let primary = rotation(l, "primary-sre-on-call");
    assert_eq!(primary.shift, Shift::parse("1w").unwrap());
    assert_eq!(primary.start, instant("2026-10-01T09:00:00Z"));
    assert_eq!(primary.timezone.as_str(), "Europe/Madrid");
    let secondary = rotation(l, "secondary-sre");
    assert_eq!(secondary.shift, Shift::parse("1d").unwrap());
    at_line(
        note(&i, "Rotation Secondary SRE has no shift length: 1"),
        NoteSeverity::Info,
        40,
        Some("/rotations/1/shift"),
    );
    let layers: Vec<_> = l.schedules[0].layers.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        layers,
        ["primary-sre-on-call", "engineering-on-call---secondary-sre"]
    );
    let w = rotation(l, "engineering-on-call---secondary-sre")
        .window
        .clone()
        .unwrap();
    assert_eq!(w.days.len(), 5);
    assert_eq!((w.from, w.to), (clock("09:00"), clock("17:00")));
    let o = &primary.overrides;
    assert_eq!(o.len(), 1);
    assert_eq!(o[0].person.as_str(), "jane-example-com");
    assert_eq!(o[0].from, instant("2026-10-05T00:00:00Z"));
    at_line(
        note(&i, "jane@example.com replaces Alex SRE"),
        NoteSeverity::Warning,
        71,
        Some("/rotations/0/overrides/0"),
    );
}

#[test]
fn hostile_terraform_is_an_error_with_the_line() {
    let e = tf(&["hostile-type.tf"]).unwrap_err();
    assert_eq!((e.file.as_deref(), e.line), (Some("hostile-type.tf"), 5));
    assert!(e.message.contains("expected a whole number"), "{e}");
    let e = tf(&["hostile-huge.tf"]).unwrap_err();
    assert_eq!((e.file.as_deref(), e.line), (Some("hostile-huge.tf"), 6));
    assert!(e.message.contains("GoAlert allows at most 9000"), "{e}");
    let e = tf(&["hostile-syntax.tf"]).unwrap_err();
    assert_eq!(e.file.as_deref(), Some("hostile-syntax.tf"));
    assert!(e.line >= 3 && e.column > 0, "{e:?}");
}
