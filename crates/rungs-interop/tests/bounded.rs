//! Hostile inputs that once took too long (found by the `import` fuzz target and by
//! inputs built from what it found): each imports with the right result. Timings are
//! not asserted here (they belong in docs/performance.md, "Bounded work"); a test that
//! became slow again would show as a slow test run.

use rungs_interop::{export, import, ImportOptions, Imported, Provider, SourceFile, System};

fn file(name: &str, text: String) -> SourceFile {
    SourceFile {
        name: name.to_string(),
        text,
    }
}

/// Imports `files`, which must import.
fn imported(system: System, files: &[SourceFile]) -> Imported {
    import(system, files, &ImportOptions::default()).expect("imports")
}

/// Thousands of users with the same name: every id made from it was looked for in the
/// whole ladder once per suffix tried (cubic; 3,000 users took over two minutes).
#[test]
fn many_people_with_one_name_get_ids_quickly() {
    const N: usize = 3000;
    let users: Vec<String> = (0..N)
        .map(|i| format!(r#"{{"id":"U{i}","type":"user","name":"a","email":"u{i}@x.test","time_zone":"UTC"}}"#))
        .collect();
    let targets: Vec<String> = (0..N)
        .map(|i| format!(r#"{{"id":"U{i}","type":"user_reference"}}"#))
        .collect();
    let users = format!(r#"{{"users":[{}]}}"#, users.join(","));
    let policy = format!(
        r#"{{"id":"P","type":"escalation_policy","name":"p","num_loops":1,"escalation_rules":[{{"id":"R","escalation_delay_in_minutes":5,"targets":[{}]}}]}}"#,
        targets.join(",")
    );
    let imported = imported(
        System::PagerDuty,
        &[file("users.json", users), file("policy.json", policy)],
    );
    let ids: Vec<&str> = imported
        .ladder
        .people
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids.len(), N);
    assert_eq!(ids[..3], ["a", "a-2", "a-3"]);
    assert_eq!(ids[N - 1], format!("a-{N}"));

    // Every export is as quick: the PagerDuty one labels people by name, `a`, `a_2`, ...
    // (it tried every suffix from 2 for each person); the Opsgenie one skipped repeated
    // recipients of the step by scanning those written.
    for provider in Provider::ALL {
        assert!(
            !export(provider, &imported.ladder).text.is_empty(),
            "{provider:?}"
        );
    }
    let exported = export(Provider::PagerDuty, &imported.ladder);
    assert!(exported
        .text
        .contains(&format!("data \"pagerduty_user\" \"a_{N}\"")));
}

/// A Terraform configuration with thousands of users, each named by reference from a
/// policy: every reference was looked for among all the blocks (quadratic).
#[test]
fn many_terraform_references_are_followed_quickly() {
    const N: usize = 5000;
    let mut tf = String::new();
    for i in 0..N {
        tf.push_str(&format!(
            "resource \"pagerduty_user\" \"u{i}\" {{\n  name  = \"User {i}\"\n  email = \"u{i}@x.test\"\n}}\n"
        ));
    }
    tf.push_str("resource \"pagerduty_escalation_policy\" \"p\" {\n  name = \"p\"\n  rule {\n    escalation_delay_in_minutes = 5\n");
    for i in 0..N {
        tf.push_str(&format!(
            "    target {{\n      type = \"user_reference\"\n      id   = pagerduty_user.u{i}.id\n    }}\n"
        ));
    }
    tf.push_str("  }\n}\n");
    let imported = imported(System::Terraform, &[file("main.tf", tf)]);
    assert_eq!(imported.ladder.people.len(), N);
    assert_eq!(imported.ladder.tiers[0].escalation.steps[0].notify.len(), N);
}

/// Opsgenie: thousands of users, and an escalation whose rules name them by username
/// only (no id): each username was looked for among all users, and each repeated
/// escalation id among those read (quadratic).
#[test]
fn many_opsgenie_recipients_by_username_are_found_quickly() {
    const N: usize = 3000;
    let users: Vec<String> = (0..N)
        .map(|i| {
            format!(
                r#"{{"id":"U{i}","username":"u{i}@x.test","fullName":"User {i}","timeZone":"UTC"}}"#
            )
        })
        .collect();
    let rules: Vec<String> = (0..N)
        .map(|i| format!(r#"{{"condition":"if-not-acked","notifyType":"default","delay":{{"timeAmount":5}},"recipient":{{"type":"user","username":"U{i}@X.TEST"}}}}"#))
        .collect();
    let users = format!(r#"{{"data":[{}]}}"#, users.join(","));
    let escalation = format!(
        r#"{{"data":{{"id":"E","name":"e","rules":[{}]}}}}"#,
        rules.join(",")
    );
    let imported = imported(
        System::Opsgenie,
        &[
            file("users.json", users),
            file("escalation.json", escalation),
        ],
    );
    assert_eq!(imported.ladder.people.len(), N);
    assert_eq!(imported.ladder.tiers[0].escalation.steps[0].notify.len(), N);
}

/// GoAlert: thousands of users and policies, each read twice: every repeat was looked
/// for among all read before (quadratic); the first of each is kept.
#[test]
fn many_goalert_users_and_policies_are_read_quickly() {
    const N: usize = 2000;
    let users: Vec<String> = (0..N)
        .map(|i| format!(r#"{{"id":"U{i}","name":"User {i}","email":"u{i}@x.test"}}"#))
        .collect();
    let policies: Vec<String> = (0..N)
        .map(|i| format!(r#"{{"id":"P{i}","name":"Policy {i}","repeat":0,"steps":[{{"id":"S{i}","delayMinutes":5,"targets":[{{"id":"U{i}","type":"user","name":"User {i}"}}]}}]}}"#))
        .collect();
    let users = format!(
        r#"{{"data":{{"users":{{"nodes":[{}]}}}}}}"#,
        users.join(",")
    );
    let policies = format!(
        r#"{{"data":{{"escalationPolicies":{{"nodes":[{}]}}}}}}"#,
        policies.join(",")
    );
    let files = [
        file("users.json", users.clone()),
        file("users-again.json", users),
        file("policies.json", policies.clone()),
        file("policies-again.json", policies),
    ];
    let imported = imported(System::GoAlert, &files);
    assert_eq!(imported.ladder.people.len(), N);
    assert_eq!(imported.ladder.tiers.len(), N);
    assert!(imported
        .notes
        .iter()
        .any(|n| n.message.contains("(P0) was already read at")));
}
