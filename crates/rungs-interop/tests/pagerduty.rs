//! PagerDuty: REST API JSON and Terraform imports, the Terraform export, and the round
//! trip, on the fixtures in tests/fixtures/pagerduty (their sources: README.md there).

use rungs_core::{Instant, Ladder, Target, Weekday, Window};
use rungs_interop::{
    export, import, ImportError, ImportOptions, Imported, Note, NoteSeverity, Provider, SourceFile,
    System,
};

fn fixture(name: &str) -> SourceFile {
    let path = format!(
        "{}/tests/fixtures/pagerduty/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    SourceFile {
        name: name.to_string(),
        text: std::fs::read_to_string(&path).unwrap(),
    }
}

fn run(system: System, names: &[&str]) -> Result<Imported, ImportError> {
    let files: Vec<SourceFile> = names.iter().map(|n| fixture(n)).collect();
    import(system, &files, &ImportOptions::default())
}

fn json_ladder() -> Imported {
    // Policies first: they name users and schedules described in later files.
    run(
        System::PagerDuty,
        &["policies.json", "schedules.json", "users.json", "user.json"],
    )
    .unwrap()
}

fn tf_ladder() -> Imported {
    run(System::Terraform, &["main.tf"]).unwrap()
}

/// The note whose message has `fragment`.
fn note<'a>(notes: &'a [Note], fragment: &str) -> &'a Note {
    notes
        .iter()
        .find(|n| n.message.contains(fragment))
        .unwrap_or_else(|| panic!("no note with {fragment:?} in {notes:#?}"))
}

fn person_name(l: &Ladder, id: &str) -> String {
    l.people
        .iter()
        .find(|p| p.id.as_str() == id)
        .unwrap()
        .name
        .clone()
}

/// A target by kind and name, a person by email when `email` and they have one (a
/// round trip looks people up by email; PagerDuty has their names).
fn target_as(l: &Ladder, t: &Target, email: bool) -> String {
    match t {
        Target::Person(p) => {
            let person = l.people.iter().find(|x| &x.id == p).unwrap();
            let email = person.email.as_deref().filter(|_| email);
            format!("person {}", email.unwrap_or(&person.name))
        }
        Target::Rotation(r) => format!(
            "rotation {}",
            l.rotations.iter().find(|x| &x.id == r).unwrap().name
        ),
        Target::Schedule(s) => format!(
            "schedule {}",
            l.schedules.iter().find(|x| &x.id == s).unwrap().name
        ),
        Target::Role(r) => format!("role {}", r.as_str()),
    }
}

fn steps(l: &Ladder, tier: usize) -> Vec<(String, Vec<String>)> {
    steps_as(l, tier, false)
}

fn steps_as(l: &Ladder, tier: usize, email: bool) -> Vec<(String, Vec<String>)> {
    l.tiers[tier]
        .escalation
        .steps
        .iter()
        .map(|s| {
            (
                s.escalate_after.to_string(),
                s.notify.iter().map(|t| target_as(l, t, email)).collect(),
            )
        })
        .collect()
}

fn rotation<'a>(l: &'a Ladder, name: &str) -> &'a rungs_core::Rotation {
    l.rotations
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| {
            panic!(
                "no rotation {name:?} in {:?}",
                l.rotations.iter().map(|r| &r.name).collect::<Vec<_>>()
            )
        })
}

fn members(l: &Ladder, r: &rungs_core::Rotation) -> Vec<String> {
    r.members
        .iter()
        .map(|m| person_name(l, m.as_str()))
        .collect()
}

fn window(days: &[Weekday], from: &str, to: &str, to_day: Option<Weekday>) -> Window {
    Window {
        days: days.to_vec(),
        from: rungs_core::ClockTime::parse(from).unwrap(),
        to: rungs_core::ClockTime::parse(to).unwrap(),
        to_day,
    }
}

const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

fn no_errors(l: &Ladder) {
    let report = rungs_core::validate_ladder(l, Instant::parse("2026-02-01T00:00:00Z").unwrap());
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == rungs_core::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

// ---- JSON: envelopes, policies, rules, targets ----

#[test]
fn json_policies_become_tiers_with_steps_in_order() {
    let i = json_ladder();
    let l = &i.ladder;
    assert_eq!(
        l.tiers.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        [
            "Engineering Escalation Policy",
            "Database Escalation Policy"
        ]
    );
    assert_eq!(
        l.tiers[0].criteria.as_deref(),
        Some("Customer-facing outage of the web app")
    );
    // num_loops is how often the policy repeats after the first pass: Rungs' repeat.
    assert_eq!(l.tiers[0].escalation.repeat, 2);
    assert_eq!(l.tiers[1].escalation.repeat, 0);
    assert_eq!(
        steps(l, 0),
        [
            (
                "10m".to_string(),
                vec![
                    "person Earline Greenholt".to_string(),
                    "schedule Daily Engineering Rotation".to_string()
                ]
            ),
            // The team rule is left out and its 15 minutes added here.
            (
                "45m".to_string(),
                vec![
                    "person Kurt Hauck".to_string(),
                    "person Dana Whitfield".to_string()
                ]
            ),
        ]
    );
    // A one-layer schedule is a rotation.
    assert_eq!(
        steps(l, 1),
        [(
            "5m".to_string(),
            vec!["rotation Database Primary".to_string()]
        )]
    );
    no_errors(l);
}

#[test]
fn json_notes_on_what_policies_lose() {
    let i = json_ladder();
    let n = note(&i.notes, "round robin");
    assert_eq!(n.severity, NoteSeverity::Warning);
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/escalation_policies/0/escalation_rules/1/escalation_rule_assignment_strategy")
    );
    assert_eq!(n.pointer.as_deref(), Some("/tiers/0"));
    let n = note(&i.notes, "type \"team_reference\"");
    assert_eq!(n.severity, NoteSeverity::Warning);
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/escalation_policies/0/escalation_rules/2/targets/0")
    );
    let n = note(&i.notes, "its 15 minutes added to the step before");
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/escalation_policies/0/escalation_rules/2")
    );
    let n = note(&i.notes, "belongs to team \"Engineering\"");
    assert_eq!(n.severity, NoteSeverity::Info);
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/escalation_policies/0/teams/0")
    );
    let n = note(&i.notes, "used by 1 service(s)");
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/escalation_policies/0/services")
    );
    let n = note(&i.notes, "hand-off notifications \"if_has_services\"");
    assert_eq!(n.severity, NoteSeverity::Info);
    // The users' list says there is another page.
    let n = note(&i.notes, "offset=25");
    assert_eq!(n.severity, NoteSeverity::Warning);
    assert_eq!(n.source.file, "users.json");
    assert_eq!(n.source.pointer.as_deref(), Some("/more"));
}

#[test]
fn json_users_become_people_with_names_emails_and_zones() {
    let l = json_ladder().ladder;
    let p = |name: &str| l.people.iter().find(|p| p.name == name).unwrap().clone();
    let e = p("Earline Greenholt");
    assert_eq!(
        e.email.as_deref(),
        Some("125.greenholt.earline@graham.name")
    );
    assert_eq!(e.timezone.as_str(), "America/Lima");
    // A Rails-style zone name is translated.
    let k = p("Kurt Hauck");
    assert_eq!(k.timezone.as_str(), "Europe/Berlin");
    assert_eq!(k.email.as_deref(), Some("kurt.hauck@example.com"));
    // From the single-user envelope, read after the policy that pages her.
    let d = p("Dana Whitfield");
    assert_eq!(d.timezone.as_str(), "Europe/London");
    assert_eq!(l.people.len(), 3);
}

#[test]
fn json_bare_objects_by_type() {
    let i = run(System::PagerDuty, &["bare-policy.json", "user.json"]).unwrap();
    assert_eq!(i.ladder.name, "Bare Policy");
    assert_eq!(i.ladder.tiers[0].escalation.repeat, 1);
    assert_eq!(
        steps(&i.ladder, 0),
        [("20m".to_string(), vec!["person Dana Whitfield".to_string()])]
    );
}

// ---- JSON: schedules ----

#[test]
fn json_schedule_layers_become_rotations_lowest_first() {
    let i = json_ladder();
    let l = &i.ladder;
    let s = &l.schedules[0];
    assert_eq!(s.name, "Daily Engineering Rotation");
    // The API lists the highest layer first: "Weekday Days" is above "Night Shift".
    let names: Vec<_> = s
        .layers
        .iter()
        .map(|id| {
            l.rotations
                .iter()
                .find(|r| &r.id == id)
                .unwrap()
                .name
                .clone()
        })
        .collect();
    assert_eq!(names, ["Night Shift", "Weekday Days"]);

    let night = rotation(l, "Night Shift");
    assert_eq!(members(l, night), ["Earline Greenholt", "Kurt Hauck"]);
    assert_eq!(night.shift.to_string(), "1d");
    assert_eq!(night.shift.whole_days(), Some(1));
    assert_eq!(night.start, Instant::parse("2026-01-06T01:00:00Z").unwrap());
    // "Eastern Time (US & Canada)" is America/New_York.
    assert_eq!(night.timezone.as_str(), "America/New_York");
    assert_eq!(
        night.window_list().unwrap(),
        [window(&Weekday::ALL, "20:00", "08:00", None)]
    );

    let days = rotation(l, "Weekday Days");
    assert_eq!(members(l, days), ["Dana Whitfield", "Kurt Hauck"]);
    assert_eq!(days.shift.to_string(), "1w");
    // rotation_virtual_start, not the later layer start.
    assert_eq!(days.start, Instant::parse("2026-01-05T14:00:00Z").unwrap());
    // Five weekly restrictions with the same hours are one window.
    assert_eq!(
        days.window_list().unwrap(),
        [window(&WEEKDAYS, "09:00", "17:00", None)]
    );
    // The override goes on the top layer.
    assert_eq!(days.overrides.len(), 1);
    assert_eq!(
        person_name(l, days.overrides[0].person.as_str()),
        "Earline Greenholt"
    );
    assert_eq!(
        days.overrides[0].from,
        Instant::parse("2026-03-02T14:00:00Z").unwrap()
    );

    let db = rotation(l, "Database Primary");
    assert_eq!(db.timezone.as_str(), "Europe/Berlin");
    // 12 hours is not whole days: a fixed-length shift.
    assert_eq!(db.shift.to_string(), "12h");
    assert_eq!(db.shift.whole_days(), None);
    // Friday 18:00 for 63 hours closes Monday 09:00.
    assert_eq!(
        db.window_list().unwrap(),
        [window(
            &[Weekday::Fri],
            "18:00",
            "09:00",
            Some(Weekday::Mon)
        )]
    );
}

#[test]
fn json_schedule_notes() {
    let i = json_ladder();
    let n = note(&i.notes, "Rungs rotations do not end");
    assert_eq!(n.severity, NoteSeverity::Warning);
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/schedules/0/schedule_layers/1/end")
    );
    let n = note(&i.notes, "after its turns began");
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/schedules/0/schedule_layers/0/start")
    );
    let n = note(&i.notes, "final_schedule");
    assert_eq!(n.severity, NoteSeverity::Info);
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/schedules/0/final_schedule")
    );
    let n = note(&i.notes, "put on its top layer");
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/schedules/0/overrides/0")
    );
    assert!(n.pointer.as_deref().unwrap().ends_with("/overrides/0"));
    let n = note(&i.notes, "every 43200 seconds");
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/schedules/1/schedule_layers/0/rotation_turn_length_seconds")
    );
    let n = note(&i.notes, "Eastern Time (US & Canada)");
    assert_eq!(n.severity, NoteSeverity::Info);
}

// ---- JSON: odd and hostile input ----

#[test]
fn json_missing_references_empty_arrays_and_duplicates_are_notes() {
    let i = run(System::PagerDuty, &["odd.json"]).unwrap();
    let l = &i.ladder;
    assert_eq!(l.tiers.len(), 1, "the duplicate policy is read once");
    // The first rule pages nobody; the unknown user is a stand-in; the missing and
    // empty schedules page nobody, so their minutes go to the step before.
    assert_eq!(
        steps(l, 0),
        [("23m".to_string(), vec!["person PNOBODY".to_string()])]
    );
    assert_eq!(l.tiers[0].escalation.repeat, 9);
    let n = note(&i.notes, "the next rules are paged 7 minutes earlier");
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/escalation_policies/0/escalation_rules/0")
    );
    let n = note(&i.notes, "user PNOBODY is not in these files");
    assert_eq!(n.severity, NoteSeverity::Warning);
    note(&i.notes, "schedule PMISSING, which is not in these files");
    note(&i.notes, "\"Empty schedule\" has no layer");
    let n = note(&i.notes, "appears again");
    assert_eq!(n.source.pointer.as_deref(), Some("/escalation_policies/1"));
    let n = note(&i.notes, "at most 9");
    assert_eq!(
        n.source.pointer.as_deref(),
        Some("/escalation_policies/0/num_loops")
    );
    note(&i.notes, "\"Mars/Olympus\" is not one Rungs knows");
}

#[test]
fn json_hostile_input_is_an_error_at_the_pointer() {
    let e = run(System::PagerDuty, &["hostile-type.json"]).unwrap_err();
    assert_eq!(e.file.as_deref(), Some("hostile-type.json"));
    assert_eq!(
        e.pointer.as_deref(),
        Some("/escalation_policies/0/escalation_rules/0/escalation_delay_in_minutes")
    );
    assert!(e.message.contains("expected a whole number"), "{e}");

    let e = run(System::PagerDuty, &["hostile-huge.json"]).unwrap_err();
    assert_eq!(
        e.pointer.as_deref(),
        Some("/escalation_policy/escalation_rules/0/escalation_delay_in_minutes")
    );
    assert!(e.message.contains("at most"), "{e}");

    let e = run(System::PagerDuty, &["hostile-turn.json"]).unwrap_err();
    assert_eq!(
        e.pointer.as_deref(),
        Some("/schedule/schedule_layers/0/rotation_turn_length_seconds")
    );
    assert!(
        e.message
            .contains("turns from a minute to a year (60 to 31536000 seconds; PagerDuty's Terraform provider allows from an hour, 3600)"),
        "{e}"
    );

    let e = run(System::PagerDuty, &["hostile-syntax.json"]).unwrap_err();
    assert_eq!(e.file.as_deref(), Some("hostile-syntax.json"));
    assert!(e.line > 0 && e.column > 0, "{e:?}");

    let e = run(System::PagerDuty, &["empty.json"]).unwrap_err();
    assert!(e.message.contains("no PagerDuty escalation policy"), "{e}");

    // Wrong shapes anywhere never panic.
    for text in [
        "[]",
        "3",
        "{\"escalation_policies\": 3}",
        "{\"escalation_policies\": [3]}",
        "{\"escalation_policies\": [{\"escalation_rules\": [{\"escalation_delay_in_minutes\": -1}]}]}",
        "{\"escalation_policies\": [{\"escalation_rules\": [{\"escalation_delay_in_minutes\": 1, \"targets\": [{}]}]}]}",
        "{\"schedules\": [{\"id\": \"S\", \"schedule_layers\": [{\"rotation_turn_length_seconds\": 3600, \"users\": [{}]}]}]}",
        "{\"schedules\": [{\"id\": \"S\", \"schedule_layers\": [{\"rotation_turn_length_seconds\": 3600, \"rotation_virtual_start\": \"soon\", \"users\": [{\"user\": {\"id\": \"U\"}}]}]}]}",
        "{\"type\": \"user\"}",
    ] {
        let f = SourceFile {
            name: "x.json".into(),
            text: text.into(),
        };
        assert!(import(System::PagerDuty, &[f], &ImportOptions::default()).is_err(), "{text}");
    }
}

// ---- Terraform ----

#[test]
fn terraform_policies_schedules_and_users() {
    let i = tf_ladder();
    let l = &i.ladder;
    assert_eq!(
        l.tiers.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        [
            "Engineering Escalation Policy",
            "Database Escalation Policy"
        ]
    );
    assert_eq!(l.tiers[0].escalation.repeat, 2);
    // The data source schedule's rule pages nobody here: its minutes go before.
    assert_eq!(
        steps(l, 0),
        [
            (
                "10m".to_string(),
                vec![
                    "person Earline Greenholt".to_string(),
                    "schedule Daily Engineering Rotation".to_string()
                ]
            ),
            (
                "45m".to_string(),
                vec![
                    "person Kurt Hauck".to_string(),
                    "person dana.whitfield".to_string()
                ]
            ),
        ]
    );
    // Layers in the configuration's order, lowest first.
    let s = &l.schedules[0];
    let names: Vec<_> = s
        .layers
        .iter()
        .map(|id| {
            l.rotations
                .iter()
                .find(|r| &r.id == id)
                .unwrap()
                .name
                .clone()
        })
        .collect();
    assert_eq!(names, ["Night Shift", "Weekday Days"]);
    let night = rotation(l, "Night Shift");
    assert_eq!(members(l, night), ["Earline Greenholt", "Kurt Hauck"]);
    assert_eq!(night.shift.to_string(), "1d");
    assert_eq!(night.timezone.as_str(), "America/New_York");
    assert_eq!(
        night.window_list().unwrap(),
        [window(&Weekday::ALL, "20:00", "08:00", None)]
    );
    let days = rotation(l, "Weekday Days");
    assert_eq!(members(l, days), ["dana.whitfield", "Kurt Hauck"]);
    assert_eq!(days.start, Instant::parse("2026-01-05T14:00:00Z").unwrap());
    assert_eq!(
        days.window_list().unwrap(),
        [window(
            &[Weekday::Mon, Weekday::Wed],
            "09:00",
            "17:00",
            None
        )]
    );
    let db = rotation(l, "Database Primary");
    assert_eq!(db.shift.to_string(), "12h");
    assert_eq!(
        db.window_list().unwrap(),
        [window(
            &[Weekday::Fri],
            "18:00",
            "09:00",
            Some(Weekday::Mon)
        )]
    );
    let kurt = l.people.iter().find(|p| p.name == "Kurt Hauck").unwrap();
    assert_eq!(kurt.timezone.as_str(), "Europe/Berlin");
    let dana = l
        .people
        .iter()
        .find(|p| p.name == "dana.whitfield")
        .unwrap();
    assert_eq!(dana.email.as_deref(), Some("dana.whitfield@example.com"));
    no_errors(l);
}

#[test]
fn terraform_notes_point_at_lines() {
    let i = tf_ladder();
    let at = |fragment: &str| {
        let n = note(&i.notes, fragment);
        assert_eq!(n.source.file, "main.tf");
        (n.severity, n.source.line.unwrap())
    };
    assert_eq!(at("looks the user up by email"), (NoteSeverity::Info, 28));
    assert_eq!(
        at("Rungs rotations do not end"),
        (NoteSeverity::Warning, 38)
    );
    assert_eq!(at("after its turns began"), (NoteSeverity::Warning, 52));
    assert_eq!(at("round robin"), (NoteSeverity::Warning, 119));
    assert_eq!(at("var.policy_description"), (NoteSeverity::Warning, 101));
    assert_eq!(
        at("\"Legacy Ops\" is a data source"),
        (NoteSeverity::Warning, 95)
    );
    assert_eq!(
        at("data.pagerduty_escalation_policy.shared"),
        (NoteSeverity::Warning, 152)
    );
    assert_eq!(
        at("pagerduty_team.example is not part"),
        (NoteSeverity::Info, 9)
    );
    assert_eq!(at("belongs to a team"), (NoteSeverity::Info, 103));
}

#[test]
fn terraform_odd_input_is_notes() {
    let i = run(System::Terraform, &["odd.tf"]).unwrap();
    assert_eq!(
        steps(&i.ladder, 0),
        [
            (
                "15m".to_string(),
                vec!["person pagerduty_user.ghost".to_string()]
            ),
            // the rule whose delay is a variable without a default keeps its target
            ("30m".to_string(), vec!["person PLITERAL".to_string()])
        ]
    );
    assert_eq!(i.ladder.tiers[0].escalation.repeat, 9);
    let n = note(&i.notes, "var.delay is computed by Terraform");
    assert_eq!(n.source.line, Some(27));
    let n = note(&i.notes, "its targets are kept with a delay of 30 minutes");
    assert_eq!(n.source.line, Some(26));
    note(&i.notes, "user pagerduty_user.ghost is not in these files");
    note(&i.notes, "\"No layers\" has no layer");
}

#[test]
fn terraform_hostile_input_is_an_error_at_the_line() {
    let e = run(System::Terraform, &["hostile-numbers.tf"]).unwrap_err();
    assert_eq!((e.file.as_deref(), e.line), (Some("hostile-numbers.tf"), 5));
    assert!(e.message.contains("-5"), "{e}");
    let e = run(System::Terraform, &["hostile-huge.tf"]).unwrap_err();
    assert_eq!(e.line, 5);
    assert!(e.message.contains("at most"), "{e}");
    let e = run(System::Terraform, &["hostile-syntax.tf"]).unwrap_err();
    assert_eq!(e.file.as_deref(), Some("hostile-syntax.tf"));
    assert!(e.line > 0 && e.column > 0, "{e:?}");
}

// ---- Export and round trip ----

/// Tiers as (name, repeat, steps as (delay, targets)).
type TierView = Vec<(String, u32, Vec<(String, Vec<String>)>)>;

fn strip_roles(l: &Ladder) -> TierView {
    // What PagerDuty can hold: role targets left out, a step with nothing left folded
    // into the step before.
    l.tiers
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut out: Vec<(u64, Vec<String>)> = Vec::new();
            for s in &t.escalation.steps {
                let notify: Vec<String> = s
                    .notify
                    .iter()
                    .filter(|x| !matches!(x, Target::Role(_)))
                    .map(|x| target_as(l, x, true))
                    .collect();
                let mins = s.escalate_after.as_millis() / 60_000;
                match (notify.is_empty(), out.last_mut()) {
                    (true, Some(last)) => last.0 += mins,
                    (true, None) => {}
                    _ => out.push((mins, notify)),
                }
            }
            let _ = i;
            (
                t.name.clone(),
                t.escalation.repeat,
                out.into_iter()
                    .map(|(m, n)| (rungs_core::Duration::from_mins(m).to_string(), n))
                    .collect(),
            )
        })
        .collect()
}

fn tiers_of(l: &Ladder) -> TierView {
    l.tiers
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.clone(), t.escalation.repeat, steps_as(l, i, true)))
        .collect()
}

fn round_trip(original: &Ladder) -> (Imported, rungs_interop::Exported) {
    let exported = export(Provider::PagerDuty, original);
    hcl_edit::parser::parse_body(&exported.text).expect("the export parses");
    let value: serde_json::Value =
        serde_json::from_str(&rungs_core::to_canonical_json(original)).unwrap();
    for n in &exported.notes {
        let p = n.pointer.as_deref().unwrap();
        assert!(value.pointer(p).is_some(), "{p} is not in the ladder");
        assert_eq!(n.source.pointer.as_deref(), Some(p));
    }
    let back = import(
        System::Terraform,
        &[SourceFile {
            name: "export.tf".into(),
            text: exported.text.clone(),
        }],
        &ImportOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}\n{}", exported.text));
    (back, exported)
}

fn same_rotations(original: &Ladder, back: &Ladder) {
    for r in &original.rotations {
        let b = rotation(back, &r.name);
        let by_email = |l: &Ladder, r: &rungs_core::Rotation| -> Vec<String> {
            r.members
                .iter()
                .map(|m| {
                    let p = l.people.iter().find(|p| &p.id == m).unwrap();
                    p.email.clone().unwrap_or_else(|| p.name.clone())
                })
                .collect()
        };
        assert_eq!(by_email(original, r), by_email(back, b), "{}", r.name);
        assert_eq!(r.shift, b.shift, "{}", r.name);
        assert_eq!(r.start, b.start, "{}", r.name);
        assert_eq!(r.timezone.as_str(), b.timezone.as_str(), "{}", r.name);
        assert_eq!(r.window_list(), b.window_list(), "{}", r.name);
    }
}

#[test]
fn saas_example_round_trips_through_terraform() {
    let original = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json).unwrap();
    let (back, exported) = round_trip(&original);
    let text = &exported.text;
    assert!(text.contains("source = \"PagerDuty/pagerduty\""));
    assert!(text.contains("variable \"Farah_Rahman_email\""));
    assert!(text.contains("email = var.Farah_Rahman_email"));
    assert_eq!(tiers_of(&back.ladder), strip_roles(&original));
    same_rotations(&original, &back.ladder);
    // What PagerDuty cannot hold is a note: roles, overrides, missing emails, and the
    // follow-the-sun layers in other time zones than the schedule's.
    let n = note(&exported.notes, "the role \"Engineering leadership\"");
    assert_eq!(n.severity, NoteSeverity::Warning);
    assert_eq!(
        n.pointer.as_deref(),
        Some("/tiers/0/escalation/steps/2/notify/0")
    );
    note(
        &exported.notes,
        "override(s), which the provider's schedule cannot hold",
    );
    note(&exported.notes, "Farah Rahman has no email");
    note(&exported.notes, "its schedule is in Asia/Singapore");
    no_errors(&back.ladder);
}

#[test]
fn fixture_ladder_round_trips_through_terraform() {
    let original = json_ladder().ladder;
    let (back, exported) = round_trip(&original);
    assert_eq!(tiers_of(&back.ladder), tiers_of(&original));
    same_rotations(&original, &back.ladder);
    for p in &original.people {
        let email = p.email.as_deref().unwrap();
        assert!(
            back.ladder
                .people
                .iter()
                .any(|q| q.email.as_deref() == Some(email)),
            "{email}"
        );
    }
    // The layered schedule comes back with the same layers, lowest first.
    let layers = |l: &Ladder| -> Vec<String> {
        l.schedules[0]
            .layers
            .iter()
            .map(|id| {
                l.rotations
                    .iter()
                    .find(|r| &r.id == id)
                    .unwrap()
                    .name
                    .clone()
            })
            .collect()
    };
    assert_eq!(layers(&back.ladder), layers(&original));
    assert!(exported
        .text
        .contains("type              = \"weekly_restriction\""));
    assert!(exported.text.contains("start_day_of_week = 5"));
    assert!(exported.text.contains("duration_seconds  = 226800"));
    assert!(exported.text.contains("num_loops = 2"));
    no_errors(&back.ladder);
}

#[test]
fn export_rounds_delays_and_clamps_loops_with_notes() {
    let mut l = json_ladder().ladder;
    l.tiers[0].escalation.steps[0].escalate_after = rungs_core::Duration::from_secs(90);
    l.tiers[0].escalation.steps[1].escalate_after = rungs_core::Duration::ZERO;
    l.tiers[0].escalation.repeat = 20;
    let e = export(Provider::PagerDuty, &l);
    assert!(e.text.contains("escalation_delay_in_minutes = 2"));
    assert!(e.text.contains("escalation_delay_in_minutes = 1\n"));
    assert!(e.text.contains("num_loops = 9"));
    let n = note(&e.notes, "PagerDuty counts whole minutes");
    assert_eq!(
        n.pointer.as_deref(),
        Some("/tiers/0/escalation/steps/0/escalate_after")
    );
    note(&e.notes, "waits at least a minute");
    let n = note(&e.notes, "loops at most 9");
    assert_eq!(n.pointer.as_deref(), Some("/tiers/0/escalation/repeat"));
    // Names cannot break out of their strings.
    l.tiers[0].name = "Evil\" ${var.x} \n}".into();
    let e = export(Provider::PagerDuty, &l);
    hcl_edit::parser::parse_body(&e.text).unwrap();
    assert!(e.text.contains("$${var.x}"));
}
