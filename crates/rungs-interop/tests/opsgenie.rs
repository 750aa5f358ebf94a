//! Opsgenie: the REST API v2 JSON importer, the Terraform importer and the Terraform
//! exporter, rule by rule (fixtures in tests/fixtures/opsgenie, their sources in its
//! README.md).

use rungs_core::{Instant, Ladder, Target};
use rungs_interop::{
    export, import, ImportError, ImportOptions, Imported, Note, NoteSeverity, Provider, SourceFile,
    System,
};

const JSON_FILES: [&str; 5] = [
    "escalations.json",
    "escalation_single.json",
    "users.json",
    "schedule_payments.json",
    "schedules_infra.json",
];

fn fixture(name: &str) -> SourceFile {
    let path = format!(
        "{}/tests/fixtures/opsgenie/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    SourceFile {
        name: name.to_string(),
        text: std::fs::read_to_string(path).unwrap(),
    }
}

fn run(system: System, names: &[&str]) -> Imported {
    let files: Vec<SourceFile> = names.iter().map(|n| fixture(n)).collect();
    import(system, &files, &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn fails(system: System, names: &[&str]) -> ImportError {
    let files: Vec<SourceFile> = names.iter().map(|n| fixture(n)).collect();
    match import(system, &files, &ImportOptions::default()) {
        Ok(i) => panic!("imported: {:?}", i.notes),
        Err(e) => e,
    }
}

fn json() -> Imported {
    run(System::Opsgenie, &JSON_FILES)
}

fn tf() -> Imported {
    run(System::Terraform, &["opsgenie.tf"])
}

/// The note whose message holds `fragment`, checked for severity and source.
fn note<'a>(notes: &'a [Note], severity: NoteSeverity, fragment: &str, at: &str) -> &'a Note {
    let n = notes
        .iter()
        .find(|n| n.message.contains(fragment))
        .unwrap_or_else(|| panic!("no note with {fragment:?} in {notes:#?}"));
    assert_eq!(n.severity, severity, "{n}");
    let place = match (&n.source.pointer, n.source.line) {
        (_, Some(line)) => format!("{}:{line}", n.source.file),
        (Some(p), None) => format!("{} at {p}", n.source.file),
        _ => n.source.file.clone(),
    };
    assert_eq!(place, at, "{n}");
    n
}

fn person_name(l: &Ladder, id: &str) -> String {
    l.people
        .iter()
        .find(|p| p.id.as_str() == id)
        .unwrap()
        .name
        .clone()
}

fn target_name(l: &Ladder, t: &Target) -> String {
    match t {
        Target::Person(p) => format!("person {}", person_name(l, p.as_str())),
        Target::Rotation(r) => format!(
            "rotation {}",
            l.rotations.iter().find(|x| x.id == *r).unwrap().name
        ),
        Target::Schedule(s) => format!(
            "schedule {}",
            l.schedules.iter().find(|x| x.id == *s).unwrap().name
        ),
        Target::Role(r) => format!("role {}", r.as_str()),
    }
}

/// A tier's steps as (target names, wait) and its repeat.
fn steps(l: &Ladder, tier: &str) -> (Vec<(Vec<String>, String)>, u32) {
    let t = l.tiers.iter().find(|t| t.name == tier).unwrap();
    let steps = t
        .escalation
        .steps
        .iter()
        .map(|s| {
            (
                s.notify.iter().map(|x| target_name(l, x)).collect(),
                s.escalate_after.to_string(),
            )
        })
        .collect();
    (steps, t.escalation.repeat)
}

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// A rotation by name: members' names, shift, start, time zone and windows as text.
fn rotation(l: &Ladder, name: &str) -> (Vec<String>, String, String, String, Vec<String>) {
    let r = l.rotations.iter().find(|r| r.name == name).unwrap();
    (
        r.members
            .iter()
            .map(|m| person_name(l, m.as_str()))
            .collect(),
        r.shift.to_string(),
        r.start.to_string(),
        r.timezone.as_str().to_string(),
        r.window_list()
            .unwrap_or(&[])
            .iter()
            .map(|w| {
                let days: Vec<&str> = w.days.iter().map(|d| d.as_str()).collect();
                format!(
                    "{} {}-{}{}",
                    days.join(","),
                    w.from,
                    w.to,
                    w.to_day
                        .map_or(String::new(), |d| format!(" {}", d.as_str()))
                )
            })
            .collect(),
    )
}

fn valid(l: &Ladder) {
    let report = rungs_core::validate_ladder(l, Instant::parse("2026-02-02T00:00:00Z").unwrap());
    let errors: Vec<_> = report.errors().collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// Every note's ladder pointer names a value of the ladder.
fn pointers_resolve(l: &Ladder, notes: &[Note]) {
    let value: serde_json::Value = serde_json::from_str(&rungs_core::to_canonical_json(l)).unwrap();
    for n in notes {
        if let Some(p) = &n.pointer {
            assert!(value.pointer(p).is_some(), "{p} of {n}");
        }
    }
}

// ---- envelopes and people ----

#[test]
fn list_and_single_envelopes_mix_in_any_order() {
    let a = json();
    let mut reversed = JSON_FILES;
    reversed.reverse();
    let b = run(System::Opsgenie, &reversed);
    assert_eq!(a.ladder.tiers.len(), 2);
    // Files in another order give the same people, rotations and steps.
    assert_eq!(
        steps(&a.ladder, "Payments critical"),
        steps(&b.ladder, "Payments critical")
    );
    assert_eq!(
        rotation(&a.ladder, "Weekends"),
        rotation(&b.ladder, "Weekends")
    );
    assert_eq!(
        a.ladder.tiers.iter().map(|t| &t.name).collect::<Vec<_>>(),
        ["Payments critical", "Infra low"]
    );
    valid(&a.ladder);
    valid(&b.ladder);
    pointers_resolve(&a.ladder, &a.notes);
}

#[test]
fn users_become_people_with_email_name_and_time_zone() {
    let i = json();
    let people: Vec<_> = i
        .ladder
        .people
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.email.as_deref().unwrap(),
                p.timezone.as_str(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("Ana Lima", "ana.lima@example.com", "Europe/London"),
            ("Ben Okafor", "ben.okafor@example.com", "Europe/Berlin"),
            (
                "Chloe Martin",
                "chloe.martin@example.com",
                "America/New_York"
            ),
            (
                "Diego Alvarez",
                "diego.alvarez@example.com",
                "America/Chicago"
            ),
        ]
    );
    note(
        &i.notes,
        NoteSeverity::Info,
        "\"Central Time (US & Canada)\" is America/Chicago",
        "users.json at /data/3",
    );
}

#[test]
fn terraform_users_from_resources_and_data_sources() {
    let i = tf();
    let l = &i.ladder;
    let ana = l
        .people
        .iter()
        .find(|p| p.email.as_deref() == Some("ana.lima@example.com"))
        .unwrap();
    // A data source with only the username: named by it, in UTC, with notes.
    assert_eq!(ana.name, "ana.lima@example.com");
    assert_eq!(ana.timezone.as_str(), "UTC");
    note(
        &i.notes,
        NoteSeverity::Info,
        "has no full name here",
        "opsgenie.tf:9",
    );
    note(
        &i.notes,
        NoteSeverity::Info,
        "ana.lima@example.com has no time zone: UTC",
        "opsgenie.tf:9",
    );
    let ben = l.people.iter().find(|p| p.name == "Ben Okafor").unwrap();
    assert_eq!(ben.email.as_deref(), Some("ben.okafor@example.com"));
    assert_eq!(ben.timezone.as_str(), "Europe/Berlin");
    note(
        &i.notes,
        NoteSeverity::Info,
        "opsgenie_team.payments is a team",
        "opsgenie.tf:28",
    );
    valid(l);
    pointers_resolve(l, &i.notes);
}

// ---- escalation rules ----

#[test]
fn rule_delays_count_from_creation_and_become_waits_between_steps() {
    for (i, file, repeat_at, merged_at, team_at) in [
        (
            json(),
            "escalations.json",
            "escalations.json at /data/0/repeat",
            "escalations.json at /data/0/rules/2",
            "escalations.json at /data/0/rules/3/recipient",
        ),
        (
            tf(),
            "opsgenie.tf",
            "opsgenie.tf:176",
            "opsgenie.tf:143",
            "opsgenie.tf:159",
        ),
    ] {
        let (s, repeat) = steps(&i.ladder, "Payments critical");
        // Rules at 0, 5, 5, 15 (team: no step) and 60 minutes; repeat after 10 minutes.
        assert_eq!(
            s,
            [
                (names(&["schedule Payments on-call"]), "5m".to_string()),
                (
                    if file == "opsgenie.tf" {
                        names(&["person ana.lima@example.com", "rotation Infra"])
                    } else {
                        names(&["person Ana Lima", "rotation Infra twelve hours"])
                    },
                    "55m".to_string()
                ),
                (names(&["person Ben Okafor"]), "10m".to_string()),
            ],
            "{file}"
        );
        assert_eq!(repeat, 2, "{file}");
        let t = i
            .ladder
            .tiers
            .iter()
            .find(|t| t.name == "Payments critical")
            .unwrap();
        assert_eq!(
            t.criteria.as_deref(),
            Some("Checkout is down or losing money")
        );
        note(
            &i.notes,
            NoteSeverity::Info,
            "several rules at 5 minutes: they are one step",
            merged_at,
        );
        let n = note(
            &i.notes,
            NoteSeverity::Info,
            "repeats 2 times 10 minutes after its last rule",
            repeat_at,
        );
        assert_eq!(n.pointer.as_deref(), Some("/tiers/0/escalation/repeat"));
        note(
            &i.notes,
            NoteSeverity::Info,
            "resets acknowledgements before it repeats",
            repeat_at,
        );
        let n = note(
            &i.notes,
            NoteSeverity::Warning,
            "; Rungs has no teams: left out",
            team_at,
        );
        assert_eq!(n.pointer.as_deref(), Some("/tiers/0/escalation/steps"));
        note(
            &i.notes,
            NoteSeverity::Warning,
            "notifies nobody Rungs can page at 15 minutes",
            if file == "opsgenie.tf" {
                "opsgenie.tf:116"
            } else {
                "escalations.json at /data/0/rules"
            },
        );
    }
}

#[test]
fn notify_types_next_previous_and_team_kinds_are_noted() {
    let j = json();
    let n = note(
        &j.notes,
        NoteSeverity::Warning,
        "notifies the next on-call user of a schedule",
        "escalations.json at /data/0/rules/2/recipient",
    );
    assert_eq!(n.pointer.as_deref(), Some("/tiers/0/escalation/steps/1"));
    note(
        &j.notes,
        NoteSeverity::Warning,
        "notifies all members of the team",
        "escalations.json at /data/0/rules/3/recipient",
    );
    let t = tf();
    note(
        &t.notes,
        NoteSeverity::Warning,
        "notifies the previous on-call user of a schedule",
        "opsgenie.tf:148",
    );
    note(
        &t.notes,
        NoteSeverity::Warning,
        "notifies the team's admins",
        "opsgenie.tf:159",
    );
    note(
        &t.notes,
        NoteSeverity::Warning,
        "notifies if the alert is not closed",
        "opsgenie.tf:154",
    );
}

#[test]
fn rules_out_of_order_units_condition_and_no_repeat() {
    let i = json();
    let (s, repeat) = steps(&i.ladder, "Infra low");
    // 10 minutes (if-not-closed, schedule) then 30 minutes (no unit: minutes).
    assert_eq!(
        s,
        [
            (names(&["rotation Infra twelve hours"]), "20m".to_string()),
            (names(&["person Chloe Martin"]), "0m".to_string()),
        ]
    );
    assert_eq!(repeat, 0);
    note(
        &i.notes,
        NoteSeverity::Info,
        "lists its rules out of order",
        "escalation_single.json at /data/rules",
    );
    let n = note(
        &i.notes,
        NoteSeverity::Warning,
        "notifies if the alert is not closed",
        "escalation_single.json at /data/rules/1",
    );
    assert_eq!(n.pointer.as_deref(), Some("/tiers/1/escalation/steps/0"));
    note(
        &i.notes,
        NoteSeverity::Warning,
        "first rule waits 10 minutes after the alert is created",
        "escalation_single.json at /data/rules",
    );
    note(
        &i.notes,
        NoteSeverity::Info,
        "does not repeat: after its last rule Opsgenie notifies nobody more",
        "escalation_single.json at /data",
    );
    // The delay of a rule in hours: 1 hour is 60 minutes (Payments critical's last rule).
    let (s, _) = steps(&i.ladder, "Payments critical");
    assert_eq!(s[1].1, "55m");
}

// ---- schedules and rotations ----

#[test]
fn rotations_keep_members_shift_start_zone_and_windows() {
    for i in [json(), tf()] {
        let l = &i.ladder;
        let (members, shift, start, zone, windows) = rotation(l, "Weekday days");
        assert_eq!(members.len(), 2);
        assert_eq!(members[1], "Ben Okafor");
        assert_eq!(
            (shift.as_str(), start.as_str(), zone.as_str()),
            ("1w", "2026-01-05T08:00:00Z", "Europe/Berlin")
        );
        // time-of-day: every day, 09:00 to 17:30 in the schedule's zone.
        assert_eq!(windows, ["mon,tue,wed,thu,fri,sat,sun 09:00-17:30"]);
        let (_, shift, start, _, windows) = rotation(l, "Weekends");
        assert_eq!(
            (shift.as_str(), start.as_str()),
            ("2d", "2026-01-09T17:00:00Z")
        );
        // weekday-and-time-of-day: Friday 18:00 to Monday 08:00 keeps its closing day.
        assert_eq!(windows[0], "fri 18:00-08:00 mon");
    }
    let (members, _, _, _, windows) = rotation(&json().ladder, "Weekends");
    // "none" and the team are left out.
    assert_eq!(members, ["Chloe Martin", "Diego Alvarez"]);
    // Tuesday and Thursday nights (each to the next morning) are one window.
    assert_eq!(windows[1], "tue,thu 22:00-06:00");
    let (members, shift, start, zone, windows) = rotation(&json().ladder, "Infra twelve hours");
    assert_eq!(members, ["Chloe Martin", "Diego Alvarez"]);
    assert_eq!(
        (shift.as_str(), start.as_str(), zone.as_str()),
        ("12h", "2026-01-05T13:00:00Z", "America/New_York")
    );
    assert!(windows.is_empty());
}

#[test]
fn rotation_notes_end_date_gaps_and_teams() {
    let i = json();
    let n = note(
        &i.notes,
        NoteSeverity::Warning,
        "rotation \"Weekends\" ends on 2026-12-31T17:00:00Z",
        "schedule_payments.json at /data/rotations/1/endDate",
    );
    // One-rotation schedules are read first: Infra's rotation is the first.
    assert_eq!(n.pointer.as_deref(), Some("/rotations/2"));
    note(
        &i.notes,
        NoteSeverity::Warning,
        "a turn with nobody on call",
        "schedule_payments.json at /data/rotations/1/participants/1",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "participant of type \"team\"",
        "schedule_payments.json at /data/rotations/1/participants/2",
    );
    let t = tf();
    note(
        &t.notes,
        NoteSeverity::Warning,
        "ends on 2026-12-31",
        "opsgenie.tf:73",
    );
    note(
        &t.notes,
        NoteSeverity::Warning,
        "nobody on call",
        "opsgenie.tf:82",
    );
    note(
        &t.notes,
        NoteSeverity::Info,
        "schedule \"Infra\" has no timezone: America/New_York",
        "opsgenie.tf:100",
    );
    let (_, shift, _, zone, _) = rotation(&t.ladder, "Infra");
    assert_eq!((shift.as_str(), zone.as_str()), ("12h", "America/New_York"));
}

#[test]
fn several_rotations_make_a_layered_schedule_with_a_note() {
    for (i, at) in [
        (json(), "schedule_payments.json at /data"),
        (tf(), "opsgenie.tf:33"),
    ] {
        let l = &i.ladder;
        assert_eq!(l.schedules.len(), 1);
        let s = &l.schedules[0];
        assert_eq!(s.name, "Payments on-call");
        let layers: Vec<_> = s
            .layers
            .iter()
            .map(|id| &l.rotations.iter().find(|r| r.id == *id).unwrap().name)
            .collect();
        assert_eq!(layers, ["Weekday days", "Weekends"]);
        let n = note(
            &i.notes,
            NoteSeverity::Warning,
            "which Opsgenie notifies together",
            at,
        );
        assert_eq!(n.pointer.as_deref(), Some("/schedules/0"));
    }
}

// ---- hostile input ----

#[test]
fn hostile_json_is_an_error_at_the_pointer_never_a_panic() {
    let e = fails(System::Opsgenie, &["hostile_wrong_type.json"]);
    assert_eq!(e.file.as_deref(), Some("hostile_wrong_type.json"));
    assert_eq!(
        e.pointer.as_deref(),
        Some("/data/0/rules/0/delay/timeAmount")
    );
    assert!(e.message.contains("expected a whole number"), "{e}");
    let e = fails(System::Opsgenie, &["hostile_huge_delay.json"]);
    assert_eq!(e.pointer.as_deref(), Some("/data/rules/0/delay"));
    assert!(e.message.contains("more than 30 days"), "{e}");
    let e = fails(System::Opsgenie, &["hostile_syntax.json"]);
    assert_eq!(
        (e.file.as_deref(), e.line > 0),
        (Some("hostile_syntax.json"), true)
    );
    assert!(e.to_string().starts_with("hostile_syntax.json:"), "{e}");
    let e = fails(System::Opsgenie, &["hostile_restriction.json"]);
    assert_eq!(
        e.pointer.as_deref(),
        Some("/data/rotations/0/timeRestriction/restriction")
    );
    assert!(e.message.contains("99:00"), "{e}");
    // Schedules and users only: no policy.
    let e = fails(System::Opsgenie, &["users.json", "schedules_infra.json"]);
    assert!(e.message.contains("no Opsgenie escalation policy"), "{e}");
}

#[test]
fn hostile_references_become_stand_ins_and_notes() {
    let i = run(System::Opsgenie, &["hostile_refs.json"]);
    let l = &i.ladder;
    note(
        &i.notes,
        NoteSeverity::Warning,
        "\"Mars/Olympus_Mons\" is not one Rungs knows",
        "hostile_refs.json at /data/0",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "described twice",
        "hostile_refs.json at /data/1",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "start date (not a date) cannot be read",
        "hostile_refs.json at /data/2/rotations/0/startDate",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "user ghost-user-id is not in these files",
        "hostile_refs.json at /data/3/rules/0/recipient",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "notifies schedule ghost-schedule-id",
        "hostile_refs.json at /data/3/rules/1/recipient",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "a rule without a recipient",
        "hostile_refs.json at /data/3/rules/2",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "recipient of type \"escalation\"",
        "hostile_refs.json at /data/3/rules/3/recipient",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "repeats 1000000000 times: 100 are kept",
        "hostile_refs.json at /data/3/repeat",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "closes the alert after its last repeat",
        "hostile_refs.json at /data/3/repeat",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "\"Nothing at all\" has no rule",
        "hostile_refs.json at /data/4/rules",
    );
    note(
        &i.notes,
        NoteSeverity::Info,
        "not an escalation, a schedule or a user",
        "hostile_refs.json at /data/6",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "is described twice (id e2)",
        "hostile_refs.json at /data/5",
    );
    assert_eq!(l.tiers.len(), 2);
    let (s, repeat) = steps(l, "Dangling");
    // Only the stand-in is paged; the dropped rules' time goes to its wait.
    assert_eq!(s, [(names(&["person ghost-user-id"]), "20m".to_string())]);
    assert_eq!(repeat, 100);
    assert_eq!(l.people.len(), 2);
    assert_eq!(l.people[0].timezone.as_str(), "UTC");
}

#[test]
fn hostile_terraform_is_an_error_at_the_line_never_a_panic() {
    let e = fails(System::Terraform, &["hostile_wrong_type.tf"]);
    assert_eq!(
        (e.file.as_deref(), e.line),
        (Some("hostile_wrong_type.tf"), 7)
    );
    assert!(
        e.message
            .contains("delay is \"five\": expected a whole number"),
        "{e}"
    );
    let e = fails(System::Terraform, &["hostile_huge_delay.tf"]);
    assert_eq!(e.line, 7);
    assert!(e.message.contains("more than 30 days"), "{e}");
    let e = fails(System::Terraform, &["hostile_syntax.tf"]);
    assert_eq!((e.line, e.column > 0), (5, true));
    assert!(e.to_string().starts_with("hostile_syntax.tf:5:"), "{e}");
}

#[test]
fn hostile_terraform_references_become_notes() {
    let i = run(System::Terraform, &["hostile_refs.tf"]);
    note(
        &i.notes,
        NoteSeverity::Warning,
        "start_date is computed by Terraform (var.start)",
        "hostile_refs.tf:13",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "schedule_id (var.schedule_id) names no opsgenie_schedule",
        "hostile_refs.tf:11",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "user opsgenie_user.ghost is not in these files",
        "hostile_refs.tf:16",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "2 recipient blocks",
        "hostile_refs.tf:31",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "delay is computed by Terraform (var.delay)",
        "hostile_refs.tf:50",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "for_each",
        "hostile_refs.tf:29",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "\"Mars/Olympus_Mons\" is not one Rungs knows",
        "hostile_refs.tf:5",
    );
    note(
        &i.notes,
        NoteSeverity::Info,
        "has no length: 1",
        "hostile_refs.tf:10",
    );
    note(
        &i.notes,
        NoteSeverity::Warning,
        "repeats 1000000000 times",
        "hostile_refs.tf:58",
    );
    let r = &i.ladder.rotations[0];
    assert_eq!(r.start.to_string(), "2026-01-05T00:00:00Z");
    assert_eq!(r.shift.to_string(), "1w");
}

// ---- export and round trip ----

/// What a round trip must keep, by name.
#[allow(clippy::type_complexity)]
fn shape(
    l: &Ladder,
) -> (
    Vec<(String, Vec<(Vec<String>, String)>, u32)>,
    Vec<(String, (Vec<String>, String, String, String, Vec<String>))>,
    Vec<(String, Option<String>)>,
) {
    let tiers = l
        .tiers
        .iter()
        .map(|t| {
            let (s, r) = steps(l, &t.name);
            (t.name.clone(), s, r)
        })
        .collect();
    let mut rotations: Vec<_> = l
        .rotations
        .iter()
        .map(|r| (r.name.clone(), rotation(l, &r.name)))
        .collect();
    rotations.sort();
    let people = l
        .people
        .iter()
        .map(|p| (p.name.clone(), p.email.clone()))
        .collect();
    (tiers, rotations, people)
}

fn round_trip(l: &Ladder) -> (Imported, rungs_interop::Exported) {
    let e = export(Provider::Opsgenie, l);
    hcl_edit::parser::parse_body(&e.text).unwrap_or_else(|err| panic!("{err}\n{}", e.text));
    pointers_resolve(l, &e.notes);
    let back = import(
        System::Terraform,
        &[SourceFile {
            name: "opsgenie.tf".into(),
            text: e.text.clone(),
        }],
        &ImportOptions::default(),
    )
    .unwrap_or_else(|err| panic!("{err}\n{}", e.text));
    (back, e)
}

#[test]
fn the_saas_example_round_trips() {
    let mut l = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json).unwrap();
    let (back, e) = round_trip(&l);
    // Roles are paged as the users who hold them: the expected ladder says so too.
    for t in &mut l.tiers {
        for s in &mut t.escalation.steps {
            let mut notify = Vec::new();
            for x in &s.notify {
                match x {
                    Target::Role(role) => notify.extend(
                        l.people
                            .iter()
                            .filter(|p| p.roles.contains(role))
                            .map(|p| Target::Person(p.id.clone())),
                    ),
                    other => notify.push(other.clone()),
                }
            }
            s.notify = notify;
        }
    }
    assert_eq!(shape(&back.ladder), shape(&l));
    assert_eq!(back.ladder.schedules.len(), 1);
    assert_eq!(back.ladder.schedules[0].name, "Follow the sun");
    let layers: Vec<_> = back.ladder.schedules[0]
        .layers
        .iter()
        .map(|id| {
            &back
                .ladder
                .rotations
                .iter()
                .find(|r| r.id == *id)
                .unwrap()
                .name
        })
        .collect();
    assert_eq!(layers, ["APAC primary", "EMEA primary", "Americas primary"]);
    valid(&back.ladder);
    pointers_resolve(&back.ladder, &back.notes);
    // The export's notes: roles, overrides, layered schedule, no email, no repeat.
    let at = |fragment: &str| {
        e.notes
            .iter()
            .find(|n| n.message.contains(fragment))
            .unwrap_or_else(|| panic!("{fragment}: {:#?}", e.notes))
            .pointer
            .clone()
            .unwrap()
    };
    assert_eq!(
        at("pages the role \"Engineering leadership\""),
        "/tiers/0/escalation/steps/2/notify/0"
    );
    assert_eq!(at("has an override"), "/rotations/1/overrides/0");
    assert_eq!(
        at("Opsgenie notifies everyone on call in any of them"),
        "/schedules/0"
    );
    assert_eq!(at("Farah Rahman has no email"), "/people/0");
    assert_eq!(at("SEV3 Minor does not repeat"), "/tiers/2/escalation");
    assert_eq!(
        at("timelines are not part of an Opsgenie escalation"),
        "/tiers/0/timelines"
    );
    assert!(e.text.contains("source = \"opsgenie/opsgenie\""));
    assert!(e.text.contains("# Override of \"EMEA primary\""));
    assert!(e
        .text
        .contains("# Step 3: the role \"Engineering leadership\""));
}

#[test]
fn the_fixture_ladder_round_trips() {
    let first = json();
    let (back, e) = round_trip(&first.ladder);
    assert_eq!(shape(&back.ladder), shape(&first.ladder));
    assert_eq!(back.ladder.schedules.len(), 1);
    valid(&back.ladder);
    // Delays count from creation: 0, 5 and 60 minutes; the repeat waits 10.
    for d in [
        "delay       = 0",
        "delay       = 5",
        "delay       = 60",
        "wait_interval          = 10",
        "count                  = 2",
    ] {
        assert!(e.text.contains(d), "{d}\n{}", e.text);
    }
    assert!(e.text.contains("type = \"weekday-and-time-of-day\""));
    assert!(e.text.contains("start_day  = \"friday\""));
    assert!(e.text.contains("end_day    = \"monday\""));
    assert!(e
        .text
        .contains("type        = \"hourly\"\n  length      = 12"));
    assert!(e
        .text
        .contains("data \"opsgenie_user\" \"ana-lima\" {\n  username  = \"ana.lima@example.com\""));
}

#[test]
fn export_rounds_what_opsgenie_cannot_say_with_notes() {
    let mut l = json().ladder;
    assert_eq!(l.rotations[0].name, "Infra twelve hours");
    l.rotations[0].shift = rungs_core::Shift::parse("90m").unwrap();
    l.tiers[0].escalation.steps[0].escalate_after = rungs_core::Duration::parse("4m30s").unwrap();
    l.rotations[1].window.as_mut().unwrap().from = rungs_core::ClockTime::parse("09:15").unwrap();
    let e = export(Provider::Opsgenie, &l);
    pointers_resolve(&l, &e.notes);
    let n = e
        .notes
        .iter()
        .find(|n| n.message.contains("every 2 hours"))
        .unwrap();
    assert_eq!(n.pointer.as_deref(), Some("/rotations/0/shift"));
    let n = e
        .notes
        .iter()
        .find(|n| n.message.contains("waits 4m30s"))
        .unwrap();
    assert_eq!(
        n.pointer.as_deref(),
        Some("/tiers/0/escalation/steps/0/escalate_after")
    );
    let n = e
        .notes
        .iter()
        .find(|n| n.message.contains("not on the hour or half hour"))
        .unwrap();
    assert_eq!(n.pointer.as_deref(), Some("/rotations/1/window"));
    assert!(e.text.contains("delay       = 5\n"));
}
