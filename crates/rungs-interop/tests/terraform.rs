//! What every system's import shares: Terraform files of several providers in the order
//! given, `--rank`, Terraform's meta-arguments and modules as notes, variables with a
//! default, and syntax errors with a line and a column (fixtures in tests/fixtures; their
//! sources: the README.md in each folder).

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
