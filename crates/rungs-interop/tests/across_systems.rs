//! What the systems' imports share, and rules each system's own tests do not reach:
//! Terraform files of several providers in the order given, `--rank`, modules, `count` and
//! `dynamic` blocks as notes, variables read as their defaults, syntax errors with a line
//! and a column, references to nothing or to the policy itself, and Opsgenie's `users`
//! and `random` notify types (fixtures in tests/fixtures; their sources: the README.md in
//! each folder).

use rungs_interop::{
    import, ImportError, ImportOptions, Imported, Note, NoteSeverity, SourceFile, System,
};

fn fixture(path: &str) -> SourceFile {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    SourceFile {
        name: path.to_string(),
        text: std::fs::read_to_string(&full).unwrap(),
    }
}

fn run(system: System, paths: &[&str], options: &ImportOptions) -> Result<Imported, ImportError> {
    let files: Vec<SourceFile> = paths.iter().map(|p| fixture(p)).collect();
    import(system, &files, options)
}

fn tiers(i: &Imported) -> Vec<&str> {
    i.ladder.tiers.iter().map(|t| t.name.as_str()).collect()
}

/// The note whose message has `fragment`.
fn note<'a>(i: &'a Imported, fragment: &str) -> &'a Note {
    i.notes
        .iter()
        .find(|n| n.message.contains(fragment))
        .unwrap_or_else(|| panic!("no note with {fragment:?} in {:#?}", i.notes))
}

const MIXED: [&str; 4] = [
    "goalert/goalert.tf",
    "grafana/oncall.tf",
    "opsgenie/opsgenie.tf",
    "pagerduty/main.tf",
];

#[test]
fn mixed_provider_tiers_follow_the_files_in_the_order_given() {
    let given = run(System::Terraform, &MIXED, &ImportOptions::default()).unwrap();
    let names = tiers(&given);
    assert_eq!(
        names,
        [
            "Production High Priority",
            "Critical",
            "Payments critical",
            "Engineering Escalation Policy",
            "Database Escalation Policy",
        ]
    );
    let mut reversed = MIXED;
    reversed.reverse();
    let back = run(System::Terraform, &reversed, &ImportOptions::default()).unwrap();
    assert_eq!(
        tiers(&back),
        [
            "Engineering Escalation Policy",
            "Database Escalation Policy",
            "Payments critical",
            "Critical",
            "Production High Priority",
        ]
    );
    let ranks: Vec<u32> = back.ladder.tiers.iter().map(|t| t.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 4, 5]);
    // a note about a tier points at that tier's new place
    let file_of = |tier: &str| match tier {
        "Production High Priority" => "goalert/goalert.tf",
        "Critical" => "grafana/oncall.tf",
        "Payments critical" => "opsgenie/opsgenie.tf",
        _ => "pagerduty/main.tf",
    };
    let mut checked = 0;
    for i in [&given, &back] {
        for n in &i.notes {
            let Some(rest) = n.pointer.as_deref().and_then(|p| p.strip_prefix("/tiers/")) else {
                continue;
            };
            let index: usize = rest.split('/').next().unwrap().parse().unwrap();
            let tier = &i.ladder.tiers[index].name;
            assert_eq!(n.source.file, file_of(tier), "{n:?} points at {tier}");
            checked += 1;
        }
    }
    assert!(checked > 2, "no note points into a tier");
}

#[test]
fn a_rank_naming_no_tier_is_a_warning_listing_the_tiers() {
    let options = ImportOptions {
        name: None,
        rank: vec!["Database Escalation Policy".into(), "Nonexistent".into()],
    };
    let i = run(System::Terraform, &["pagerduty/main.tf"], &options).unwrap();
    assert_eq!(
        tiers(&i),
        [
            "Database Escalation Policy",
            "Engineering Escalation Policy"
        ]
    );
    let n = note(&i, "no imported tier is named \"Nonexistent\"");
    assert_eq!(n.severity, NoteSeverity::Warning);
    assert!(
        n.message
            .contains("\"Engineering Escalation Policy\", \"Database Escalation Policy\""),
        "{}",
        n.message
    );
    let all_found = ImportOptions {
        name: None,
        rank: vec!["database escalation policy".into()],
    };
    let i = run(System::Terraform, &["pagerduty/main.tf"], &all_found).unwrap();
    assert!(i
        .notes
        .iter()
        .all(|n| !n.message.contains("no imported tier")));
}

#[test]
fn json_that_ends_too_early_is_an_error_with_a_line_and_a_column() {
    for (system, path, line, column) in [
        (System::Opsgenie, "opsgenie/hostile_syntax.json", 5, 17),
        (System::GoAlert, "goalert/hostile-syntax.json", 6, 17),
    ] {
        let e = run(system, &[path], &ImportOptions::default()).unwrap_err();
        assert_eq!((e.line, e.column), (line, column), "{e}");
        assert!(e.message.contains("ends too early"), "{e}");
        assert!(
            e.to_string()
                .starts_with(&format!("{path}:{line}:{column}: ")),
            "{e}"
        );
    }
}

/// (severity, line) of the note with `fragment`.
fn at(i: &Imported, fragment: &str) -> (NoteSeverity, Option<u32>) {
    let n = note(i, fragment);
    (n.severity, n.source.line)
}

#[test]
fn modules_dynamic_blocks_and_count_are_notes_and_variables_use_their_defaults() {
    let options = ImportOptions::default();
    let i = run(
        System::Terraform,
        &["pagerduty/meta.tf", "pagerduty/variables.tf"],
        &options,
    )
    .unwrap();
    assert_eq!(
        at(&i, "module \"oncall\" is not read"),
        (NoteSeverity::Warning, Some(1))
    );
    assert_eq!(
        at(&i, "pagerduty_user.crew has count = var.team_size"),
        (NoteSeverity::Warning, Some(13))
    );
    assert_eq!(
        at(&i, "has a dynamic \"rule\" block"),
        (NoteSeverity::Warning, Some(38))
    );
    // the variable declared in another file: its default, with a warning at the use
    assert_eq!(
        at(&i, "escalation_delay_in_minutes = var.second_delay is set when Terraform runs: the variable's default, 20, is used (declared at pagerduty/variables.tf:3)"),
        (NoteSeverity::Warning, Some(31))
    );
    assert_eq!(
        at(&i, "time_zone = var.time_zone is set when Terraform runs"),
        (NoteSeverity::Warning, Some(9))
    );
    let ana = i
        .ladder
        .people
        .iter()
        .find(|p| p.name == "Ana Lima")
        .unwrap();
    assert_eq!(ana.timezone.as_str(), "Europe/Lisbon");
    let steps = &i.ladder.tiers[0].escalation.steps;
    let delays: Vec<String> = steps.iter().map(|s| s.escalate_after.to_string()).collect();
    assert_eq!(delays, ["10m", "20m"]);
    assert_eq!(steps[1].notify.len(), 1);

    // without the variables' file: the default delay, the targets kept
    let i = run(System::Terraform, &["pagerduty/meta.tf"], &options).unwrap();
    let steps = &i.ladder.tiers[0].escalation.steps;
    assert_eq!(steps[1].escalate_after.to_string(), "30m");
    assert_eq!(steps[1].notify.len(), 1);
    assert_eq!(
        at(&i, "its targets are kept with a delay of 30 minutes"),
        (NoteSeverity::Warning, Some(30))
    );
}

#[test]
fn opsgenie_delays_from_variables_use_their_defaults_too() {
    let tf = r#"
variable "later" {
  default = 15
}

resource "opsgenie_user" "ana" {
  username  = "ana@example.com"
  full_name = "Ana"
  timezone  = "UTC"
}

resource "opsgenie_escalation" "esc" {
  name = "Esc"
  rules {
    condition   = "if-not-acked"
    notify_type = "default"
    delay       = 0
    recipient {
      type = "user"
      id   = opsgenie_user.ana.id
    }
  }
  rules {
    condition   = "if-not-acked"
    notify_type = "default"
    delay       = var.later
    recipient {
      type = "user"
      id   = opsgenie_user.ana.id
    }
  }
}
"#;
    let file = SourceFile {
        name: "esc.tf".into(),
        text: tf.into(),
    };
    let i = import(System::Terraform, &[file], &ImportOptions::default()).unwrap();
    let steps = &i.ladder.tiers[0].escalation.steps;
    assert_eq!(steps[0].escalate_after.to_string(), "15m");
    assert_eq!(
        at(
            &i,
            "delay = var.later is set when Terraform runs: the variable's default, 15"
        ),
        (NoteSeverity::Warning, Some(26))
    );
}

#[test]
fn pagerduty_references_to_nothing_and_to_the_policy_itself_are_notes() {
    let options = ImportOptions::default();
    for (system, path) in [
        (System::PagerDuty, "pagerduty/hostile-refs.json"),
        (System::Terraform, "pagerduty/hostile-refs.tf"),
    ] {
        let i = run(system, &[path], &options).unwrap_or_else(|e| panic!("{path}: {e}"));
        let tier = &i.ladder.tiers[0];
        assert_eq!(tier.name, "Loop");
        // the missing schedule's rule is left out; the policy itself is not a target
        assert_eq!(tier.escalation.steps.len(), 1, "{path}: {:#?}", i.notes);
        assert_eq!(tier.escalation.steps[0].notify.len(), 1, "{path}");
        let warnings: Vec<&str> = i
            .notes
            .iter()
            .filter(|n| n.severity == NoteSeverity::Warning)
            .map(|n| n.message.as_str())
            .collect();
        assert!(
            warnings.iter().any(|m| m.contains("escalation_policy")),
            "{path}: {warnings:#?}"
        );
        assert!(
            warnings
                .iter()
                .any(|m| m.to_lowercase().contains("schedule")),
            "{path}: {warnings:#?}"
        );
    }
}

#[test]
fn opsgenie_users_and_random_notify_types_are_warnings() {
    let i = run(
        System::Opsgenie,
        &[
            "opsgenie/notify_types.json",
            "opsgenie/users.json",
            "opsgenie/schedule_payments.json",
        ],
        &ImportOptions::default(),
    )
    .unwrap();
    let steps = &i.ladder.tiers[0].escalation.steps;
    // the team rules leave no step: the first waits on until the schedule's rule
    let delays: Vec<String> = steps.iter().map(|s| s.escalate_after.to_string()).collect();
    assert_eq!(delays, ["15m", "0m"], "{:#?}", i.notes);
    for (fragment, pointer) in [
        ("notifies the team's users; Rungs has no teams: left out", "/data/rules/1/recipient"),
        ("notifies a random member of the team; Rungs has no teams: left out", "/data/rules/2/recipient"),
        ("notifies a schedule with the type \"random\", which Opsgenie defines for teams: the schedule's on-call user is paged", "/data/rules/3/recipient"),
    ] {
        let n = note(&i, fragment);
        assert_eq!(n.severity, NoteSeverity::Warning);
        assert_eq!(n.source.pointer.as_deref(), Some(pointer), "{fragment}");
    }
    assert_eq!(steps[1].notify.len(), 1);
}
