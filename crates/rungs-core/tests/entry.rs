//! Entry names and what deleting an entry means.

use rungs_core::edit::Kind;
use rungs_core::entry::{deletion, entry_name, LISTED_REFERENCES};
use rungs_core::*;

fn saas() -> Ladder {
    parse_ladder(examples::EXAMPLES[0].json).unwrap()
}

#[test]
fn entries_are_named_by_their_name_and_triggers_by_their_id() {
    let l = saas();
    assert_eq!(entry_name(&l, Kind::Person, 2).as_deref(), Some("Ana Lima"));
    assert_eq!(entry_name(&l, Kind::Tier, 1).as_deref(), Some("SEV2 Major"));
    assert_eq!(
        entry_name(&l, Kind::Trigger, 0),
        Some(l.triggers[0].id.to_string())
    );
    assert_eq!(
        entry_name(&l, Kind::Scenario, 0).as_deref(),
        Some("Checkout errors at 3 a.m. on a Saturday")
    );
    for kind in Kind::ALL {
        assert_eq!(entry_name(&l, kind, 10_000), None, "{kind:?}");
    }
    assert!(deletion(&l, Kind::Person, 10_000).is_none());
}

#[test]
fn deleting_an_entry_nothing_refers_to_asks_plainly() {
    let l = saas();
    let d = deletion(&l, Kind::Scenario, 1).unwrap();
    assert!(d.references.is_empty());
    assert_eq!(
        d.question(),
        "Delete the scenario “Gateway latency creeps up during the APAC morning”?"
    );
    let mut after = l.clone();
    assert!(d.apply(&mut after));
    assert_eq!(after.scenarios.len(), l.scenarios.len() - 1);
    assert!(!d.apply(&mut after));
}

#[test]
fn deleting_a_referred_entry_lists_what_will_dangle() {
    let l = saas();
    let i = l
        .people
        .iter()
        .position(|p| p.id.as_str() == "ana")
        .unwrap();
    let d = deletion(&l, Kind::Person, i).unwrap();
    assert_eq!(d.id, "ana");
    assert_eq!(d.name, "Ana Lima");
    assert_eq!(d.references, edit::references(&l, Kind::Person, "ana"));
    let n = d.references.len();
    assert!(n >= 2, "{n}");
    let mut lines: Vec<String> = d
        .references
        .iter()
        .take(LISTED_REFERENCES)
        .map(|r| format!("• {}", r.what))
        .collect();
    if n > LISTED_REFERENCES {
        lines.push(format!("• and {} more", n - LISTED_REFERENCES));
    }
    assert_eq!(
        d.question(),
        format!(
            "Delete the person “Ana Lima”? {n} places refer to it and will show errors until you change them:\n{}\n\nUndo (Ctrl+Z) brings it back.",
            lines.join("\n")
        )
    );
    // the entry goes; what referred to it stays, and validation reports it
    let mut after = l.clone();
    assert!(d.apply(&mut after));
    assert!(after.people.iter().all(|p| p.id.as_str() != "ana"));
    assert_eq!(edit::references(&after, Kind::Person, "ana").len(), n);
    assert!(!validate_ladder(&after, Instant::parse("2026-01-01T00:00:00Z").unwrap()).is_valid());
}

#[test]
fn one_reference_is_one_place_and_many_are_cut_at_eight() {
    let mut l = edit::new_ladder("Small");
    let role = edit::new_role(&l);
    l.roles.push(role.clone());
    let person = |l: &Ladder, n: usize| {
        let mut p = edit::new_person(l);
        p.name = format!("P{n}");
        p.roles = vec![role.id.clone()];
        p
    };
    let p = person(&l, 0);
    l.people.push(p);
    let one = deletion(&l, Kind::Role, 0).unwrap();
    assert_eq!(one.references.len(), 1);
    let q = one.question();
    assert!(
        q.starts_with(&format!(
            "Delete the role “{}”? 1 place refers to it and will show errors until you change them:\n• ",
            role.name
        )),
        "{q}"
    );
    assert!(q.ends_with("\n\nUndo (Ctrl+Z) brings it back."), "{q}");
    for n in 1..11 {
        let p = person(&l, n);
        l.people.push(p);
    }
    let many = deletion(&l, Kind::Role, 0).unwrap();
    assert_eq!(many.references.len(), 11);
    let q = many.question();
    assert!(q.contains("? 11 places refer to it and"), "{q}");
    assert_eq!(q.matches("\n• ").count(), 9, "{q}");
    assert!(q.contains("\n• and 3 more\n\nUndo"), "{q}");
}
