//! The designer's editing helpers: references, rename, remove, fresh ids and entries,
//! reordering and template previews, checked against the example ladders and against
//! what validation says afterwards.

use rungs_core::edit::*;
use rungs_core::*;
use serde_json::Value;

const AT: &str = "2026-02-15T00:00:00Z";

fn at() -> Instant {
    Instant::parse(AT).unwrap()
}

fn example(key: &str) -> Ladder {
    parse_ladder(examples::example(key).unwrap().json).unwrap()
}

fn saas() -> Ladder {
    example("saas")
}

fn all_examples() -> Vec<(&'static str, Ladder)> {
    examples::EXAMPLES
        .iter()
        .map(|e| (e.key, parse_ladder(e.json).unwrap()))
        .collect()
}

fn canonical(l: &Ladder) -> Value {
    serde_json::from_str(&to_canonical_json(l)).unwrap()
}

/// `(code, pointer)` of every finding, in report order.
fn findings(l: &Ladder) -> Vec<(Code, String)> {
    validate_ladder(l, at())
        .diagnostics
        .into_iter()
        .map(|d| (d.code, d.pointer))
        .collect()
}

fn pointers(refs: &[Reference]) -> Vec<String> {
    refs.iter().map(|r| r.pointer.clone()).collect()
}

fn unknown_reference_pointers(l: &Ladder) -> Vec<String> {
    validate_ladder(l, at())
        .with_code(Code::UnknownReference)
        .map(|d| d.pointer.clone())
        .collect()
}

/// An independent oracle: every string leaf of the canonical JSON equal to `id` whose
/// path (indices replaced by `*`) is a reference field of `kind`.
fn oracle(l: &Ladder, kind: Kind, id: &str) -> Vec<String> {
    fn walk(v: &Value, path: String, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    walk(x, format!("{path}/{k}"), out);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, format!("{path}/{i}"), out);
                }
            }
            Value::String(s) => out.push((path, s.clone())),
            _ => {}
        }
    }
    let mut leaves = Vec::new();
    walk(&canonical(l), String::new(), &mut leaves);
    let shape = |p: &str| {
        p.split('/')
            .map(|t| if t.parse::<usize>().is_ok() { "*" } else { t })
            .collect::<Vec<_>>()
            .join("/")
    };
    let is_ref = |s: &str| match kind {
        Kind::Service => {
            s == "/services/*/depends_on/*"
                || s == "/triggers/*/service"
                || s == "/scenarios/*/signals/*/service"
        }
        Kind::Role => {
            s == "/people/*/roles/*"
                || (s.starts_with("/tiers/") || s.starts_with("/playbooks/"))
                    && s.ends_with("/role")
        }
        Kind::Person => {
            s == "/people/*/backup"
                || s == "/rotations/*/members/*"
                || s == "/rotations/*/overrides/*/person"
                || s == "/scenarios/*/injects/*/unavailable"
                || (s.starts_with("/tiers/") || s.starts_with("/playbooks/"))
                    && s.ends_with("/person")
        }
        Kind::Rotation => {
            s == "/schedules/*/layers/*"
                || (s.starts_with("/tiers/") || s.starts_with("/playbooks/"))
                    && s.ends_with("/rotation")
        }
        Kind::Schedule => {
            (s.starts_with("/tiers/") || s.starts_with("/playbooks/")) && s.ends_with("/schedule")
        }
        Kind::Tier => s == "/triggers/*/tier",
        Kind::Playbook => s == "/tiers/*/playbook",
        Kind::Trigger | Kind::Template | Kind::Scenario => false,
    };
    let mut found: Vec<String> = leaves
        .into_iter()
        .filter(|(p, v)| v == id && is_ref(&shape(p)))
        .map(|(p, _)| p)
        .collect();
    found.sort();
    found
}

// ---- Kind and ids -----------------------------------------------------------------

#[test]
fn kinds_name_their_noun_and_collection() {
    let got: Vec<(&str, &str)> = Kind::ALL
        .iter()
        .map(|k| (k.noun(), k.collection()))
        .collect();
    assert_eq!(
        got,
        [
            ("service", "services"),
            ("role", "roles"),
            ("person", "people"),
            ("rotation", "rotations"),
            ("schedule", "schedules"),
            ("tier", "tiers"),
            ("trigger", "triggers"),
            ("playbook", "playbooks"),
            ("template", "templates"),
            ("scenario", "scenarios"),
        ]
    );
    // Every collection key is the JSON key of the collection.
    let doc = canonical(&saas());
    for k in Kind::ALL {
        // (an empty collection is left out of the canonical JSON)
        let items = doc[k.collection()].as_array().map_or(0, Vec::len);
        assert_eq!(items, ids(&saas(), k).len(), "{k:?}");
    }
}

#[test]
fn ids_are_listed_in_document_order() {
    let l = saas();
    assert_eq!(
        ids(&l, Kind::Person),
        ["farah", "emi", "ana", "ben", "chloe", "diego", "grace", "hana", "isabel", "jonas"]
    );
    assert_eq!(
        ids(&l, Kind::Role),
        ["engineer", "ic", "comms", "leadership", "scribe"]
    );
    assert_eq!(ids(&l, Kind::Tier), ["sev1", "sev2", "sev3", "sev4"]);
    assert_eq!(
        ids(&l, Kind::Template),
        ["status-page", "exec-brief", "internal"]
    );
    assert_eq!(ids(&l, Kind::Scenario), ["checkout-3am", "latency-creep"]);
    assert_eq!(ids(&new_ladder("x"), Kind::Person), Vec::<String>::new());
}

// ---- references -----------------------------------------------------------------------

#[test]
fn references_to_a_heavily_used_rotation_are_listed_in_document_order() {
    let l = saas();
    let refs = references(&l, Kind::Rotation, "secondary");
    assert_eq!(
        pointers(&refs),
        [
            "/tiers/0/owners/triage/rotation",
            "/tiers/0/owners/resolution/rotation",
            "/tiers/0/escalation/steps/1/notify/0/rotation",
            "/tiers/1/owners/triage/rotation",
            "/tiers/1/owners/escalation/rotation",
            "/tiers/1/owners/resolution/rotation",
            "/tiers/1/escalation/steps/1/notify/0/rotation",
            "/tiers/2/owners/triage/rotation",
            "/tiers/2/owners/escalation/rotation",
            "/tiers/2/owners/resolution/rotation",
            "/tiers/2/owners/commander/rotation",
            "/tiers/2/escalation/steps/1/notify/0/rotation",
            "/tiers/3/owners/triage/rotation",
            "/tiers/3/owners/resolution/rotation",
            "/playbooks/0/steps/0/owner/rotation",
        ]
    );
    assert_eq!(
        refs[0].what,
        "tier SEV1 Critical (`sev1`) has it as its triage owner"
    );
    assert_eq!(
        refs[2].what,
        "step 2 of tier SEV1 Critical (`sev1`) pages it"
    );
    assert_eq!(
        refs[14].what,
        "step 1 of playbook Major incident (`pb-major`) is assigned to it"
    );
    let doc = canonical(&l);
    for r in &refs {
        assert_eq!(
            doc.pointer(&r.pointer),
            Some(&Value::from("secondary")),
            "{}",
            r.pointer
        );
    }
}

#[test]
fn references_to_a_person_cover_backups_members_and_injects() {
    let l = saas();
    let refs = references(&l, Kind::Person, "ana");
    let got: Vec<(&str, &str)> = refs
        .iter()
        .map(|r| (r.pointer.as_str(), r.what.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("/people/3/backup", "Ben Okafor (`ben`) has them as backup"),
            (
                "/rotations/1/members/0",
                "rotation EMEA primary (`emea-primary`) has them as member 1"
            ),
            (
                "/rotations/3/members/3",
                "rotation Global secondary (`secondary`) has them as member 4"
            ),
            (
                "/scenarios/0/injects/0/unavailable",
                "inject 1 of scenario Checkout errors at 3 a.m. on a Saturday (`checkout-3am`) makes them unavailable"
            ),
        ]
    );
    let doc = canonical(&l);
    for r in &refs {
        assert_eq!(doc.pointer(&r.pointer), Some(&Value::from("ana")));
    }
}

#[test]
fn references_to_roles_services_tiers_and_playbooks() {
    let l = saas();
    let refs = references(&l, Kind::Role, "comms");
    assert_eq!(
        pointers(&refs),
        [
            "/people/6/roles/0",
            "/people/7/roles/0",
            "/tiers/0/owners/communication/role",
            "/tiers/1/owners/communication/role",
            "/tiers/2/owners/communication/role",
            "/playbooks/0/steps/1/owner/role",
        ]
    );
    assert_eq!(refs[0].what, "Grace Kim (`grace`) holds it");

    let refs = references(&l, Kind::Service, "api-gateway");
    assert_eq!(
        pointers(&refs),
        [
            "/services/2/depends_on/0",
            "/services/3/depends_on/0",
            "/services/4/depends_on/0",
            "/triggers/3/service",
            "/scenarios/1/signals/0/service",
        ]
    );
    assert_eq!(refs[0].what, "service Checkout (`checkout`) depends on it");
    assert_eq!(refs[3].what, "trigger `api-latency` watches it");
    assert_eq!(
        refs[4].what,
        "signal 1 of scenario Gateway latency creeps up during the APAC morning (`latency-creep`) measures it"
    );

    let refs = references(&l, Kind::Tier, "sev1");
    assert_eq!(pointers(&refs), ["/triggers/0/tier", "/triggers/1/tier"]);
    assert_eq!(refs[0].what, "trigger `checkout-outage` opens it");

    let refs = references(&l, Kind::Playbook, "pb-degradation");
    assert_eq!(pointers(&refs), ["/tiers/2/playbook", "/tiers/3/playbook"]);
    assert_eq!(refs[0].what, "tier SEV3 Minor (`sev3`) follows it");

    let refs = references(&l, Kind::Role, "leadership");
    assert_eq!(
        refs.last().unwrap().what,
        "step 3 of tier SEV1 Critical (`sev1`) pages it"
    );

    // Unused entries, unknown ids and kinds nothing refers to.
    assert!(references(&l, Kind::Service, "web-app").is_empty());
    assert!(references(&l, Kind::Person, "nobody").is_empty());
    assert!(references(&l, Kind::Template, "internal").is_empty());
    assert!(references(&l, Kind::Trigger, "checkout-outage").is_empty());
    assert!(references(&l, Kind::Scenario, "checkout-3am").is_empty());
}

#[test]
fn references_of_the_right_kind_only() {
    // A person and a role with the same id: each kind sees its own references only.
    let mut l = parse_ladder(
        r#"{
        "format": "rungs.ladder/v1", "name": "Same ids",
        "roles": [{ "id": "ops", "name": "Ops" }],
        "people": [
            { "id": "ops", "name": "Ops person", "timezone": "UTC", "roles": ["ops"] },
            { "id": "bo", "name": "Bo", "timezone": "UTC", "backup": "ops" }
        ],
        "tiers": [{ "id": "sev1", "name": "SEV1", "rank": 1,
            "owners": { "commander": { "person": "ops" }, "triage": { "role": "ops" } },
            "escalation": { "steps": [{ "notify": [{ "role": "ops" }, { "person": "ops" }], "escalate_after": "5m" }] } }]
    }"#,
    )
    .unwrap();
    assert_eq!(
        pointers(&references(&l, Kind::Person, "ops")),
        [
            "/people/1/backup",
            "/tiers/0/owners/commander/person",
            "/tiers/0/escalation/steps/0/notify/1/person",
        ]
    );
    assert_eq!(
        pointers(&references(&l, Kind::Role, "ops")),
        [
            "/people/0/roles/0",
            "/tiers/0/owners/triage/role",
            "/tiers/0/escalation/steps/0/notify/0/role",
        ]
    );
    assert_eq!(
        references(&l, Kind::Person, "ops")[1].what,
        "tier SEV1 (`sev1`) has them as its commander owner"
    );
    // Renaming the role leaves the person (and its references) alone.
    assert_eq!(rename(&mut l, Kind::Role, "ops", "operator"), Ok(3));
    assert_eq!(ids(&l, Kind::Person), ["ops", "bo"]);
    assert_eq!(references(&l, Kind::Person, "ops").len(), 3);
    assert_eq!(references(&l, Kind::Role, "operator").len(), 3);
    assert!(references(&l, Kind::Role, "ops").is_empty());
    assert_eq!(
        l.tiers[0].escalation.steps[0].notify,
        [
            Target::Role(RoleId::new("operator").unwrap()),
            Target::Person(PersonId::new("ops").unwrap())
        ]
    );
}

#[test]
fn references_agree_with_an_independent_walk_of_every_example() {
    for (key, l) in all_examples() {
        let doc = canonical(&l);
        let mut total = 0;
        for kind in Kind::ALL {
            for id in ids(&l, kind) {
                let refs = references(&l, kind, &id);
                let mut got = pointers(&refs);
                for p in &got {
                    assert_eq!(doc.pointer(p), Some(&Value::from(id.as_str())), "{key} {p}");
                }
                got.sort();
                assert_eq!(got, oracle(&l, kind, &id), "{key} {kind:?} {id}");
                total += refs.len();
            }
        }
        assert!(total > 30, "{key} has only {total} references");
    }
}

// ---- rename ---------------------------------------------------------------------------

#[test]
fn renaming_a_person_updates_every_reference_and_keeps_validation_the_same() {
    let mut l = saas();
    let before = findings(&l);
    let old_refs = pointers(&references(&l, Kind::Person, "ana"));
    assert_eq!(rename(&mut l, Kind::Person, "ana", "ana-lima"), Ok(4));
    assert_eq!(ids(&l, Kind::Person)[2], "ana-lima");
    assert_eq!(l.people[2].name, "Ana Lima");
    assert!(references(&l, Kind::Person, "ana").is_empty());
    assert_eq!(
        pointers(&references(&l, Kind::Person, "ana-lima")),
        old_refs
    );
    let after = findings(&l);
    assert_eq!(after.len(), before.len());
    assert_eq!(after, before);
    assert_eq!(unknown_reference_pointers(&l), Vec::<String>::new());
}

#[test]
fn renaming_any_entry_of_any_example_keeps_its_findings() {
    for (key, original) in all_examples() {
        let before = findings(&original);
        for kind in Kind::ALL {
            for id in ids(&original, kind) {
                let mut l = original.clone();
                let refs = pointers(&references(&l, kind, &id));
                let new = format!("renamed-{id}");
                let new = &new[..new.len().min(MAX_ID_LEN)];
                assert_eq!(
                    rename(&mut l, kind, &id, new),
                    Ok(refs.len()),
                    "{key} {kind:?} {id}"
                );
                assert_eq!(pointers(&references(&l, kind, new)), refs);
                assert_eq!(findings(&l), before, "{key} {kind:?} {id}");
                // Renaming back restores the document exactly.
                assert_eq!(rename(&mut l, kind, new, &id), Ok(refs.len()));
                assert_eq!(l, original);
            }
        }
    }
}

#[test]
fn renaming_a_tier_a_service_and_a_playbook_updates_their_references() {
    let mut l = saas();
    assert_eq!(rename(&mut l, Kind::Tier, "sev1", "critical"), Ok(2));
    assert_eq!(l.tiers[0].id.as_str(), "critical");
    assert_eq!(l.triggers[0].tier.as_str(), "critical");
    assert_eq!(l.triggers[1].tier.as_str(), "critical");
    assert_eq!(l.triggers[2].tier.as_str(), "sev2");

    assert_eq!(rename(&mut l, Kind::Service, "checkout", "shop"), Ok(5));
    assert_eq!(l.services[2].id.as_str(), "shop");
    assert_eq!(l.triggers[2].service.as_str(), "shop");
    assert_eq!(l.scenarios[0].signals[1].service.as_str(), "shop");

    assert_eq!(rename(&mut l, Kind::Playbook, "pb-major", "major"), Ok(2));
    assert_eq!(l.tiers[1].playbook.as_ref().unwrap().as_str(), "major");

    // Nothing refers to templates, triggers or scenarios, but they rename.
    assert_eq!(rename(&mut l, Kind::Template, "internal", "slack"), Ok(0));
    assert_eq!(l.templates[2].id.as_str(), "slack");
    assert_eq!(
        rename(&mut l, Kind::Trigger, "api-latency", "slow-api"),
        Ok(0)
    );
    assert_eq!(l.triggers[3].id.as_str(), "slow-api");
    assert_eq!(
        rename(&mut l, Kind::Scenario, "checkout-3am", "night"),
        Ok(0)
    );
    assert_eq!(l.scenarios[0].id.as_str(), "night");
    assert!(validate_ladder(&l, at()).is_valid());
}

#[test]
fn rename_refuses_bad_ids_taken_ids_and_missing_entries() {
    let original = saas();
    let mut l = original.clone();
    assert_eq!(
        rename(&mut l, Kind::Person, "ana", "Ana"),
        Err("id `Ana` must start with a lowercase letter (a-z)".to_string())
    );
    assert_eq!(
        rename(&mut l, Kind::Person, "ana", "ana lima"),
        Err("id `ana lima` contains ' '; only a-z, 0-9, `-` and `_` are allowed".to_string())
    );
    assert_eq!(
        rename(&mut l, Kind::Person, "ana", ""),
        Err("an id may not be empty".to_string())
    );
    assert_eq!(
        rename(&mut l, Kind::Person, "ana", &"a".repeat(65)),
        Err("id is 65 characters long; at most 64 are allowed".to_string())
    );
    assert_eq!(
        rename(&mut l, Kind::Person, "ana", "ben"),
        Err("another person already has the id `ben`".to_string())
    );
    assert_eq!(
        rename(&mut l, Kind::Rotation, "secondary", "emea-primary"),
        Err("another rotation already has the id `emea-primary`".to_string())
    );
    assert_eq!(
        rename(&mut l, Kind::Person, "zed", "zoe"),
        Err("there is no person with the id `zed`".to_string())
    );
    // An id of another kind is not this kind's.
    assert_eq!(
        rename(&mut l, Kind::Person, "checkout", "shop"),
        Err("there is no person with the id `checkout`".to_string())
    );
    assert_eq!(l, original, "a refused rename changes nothing");

    assert_eq!(rename(&mut l, Kind::Person, "ana", "ana"), Ok(0));
    assert_eq!(l, original);
    // An id may be taken by another kind: a person called `checkout` is fine.
    assert_eq!(rename(&mut l, Kind::Person, "ana", "checkout"), Ok(4));
    assert_eq!(l.rotations[1].members[0].as_str(), "checkout");
}

#[test]
fn rename_with_a_duplicate_id_renames_the_first_entry() {
    let mut l = saas();
    let mut copy = l.people[2].clone();
    copy.name = "Second Ana".into();
    l.people.push(copy);
    assert_eq!(rename(&mut l, Kind::Person, "ana", "ana-one"), Ok(4));
    assert_eq!(l.people[2].id.as_str(), "ana-one");
    assert_eq!(l.people[10].id.as_str(), "ana");
    assert!(findings(&l).iter().all(|(c, _)| *c != Code::DuplicateId));
}

// ---- remove ---------------------------------------------------------------------------

#[test]
fn removing_an_entry_leaves_unknown_references_exactly_at_its_references() {
    for (key, original) in all_examples() {
        assert_eq!(unknown_reference_pointers(&original), Vec::<String>::new());
        for kind in Kind::ALL {
            for (i, id) in ids(&original, kind).into_iter().enumerate() {
                let before = references(&original, kind, &id);
                let mut l = original.clone();
                assert!(remove(&mut l, kind, &id), "{key} {kind:?} {id}");
                assert_eq!(ids(&l, kind).len(), ids(&original, kind).len() - 1);
                assert!(!ids(&l, kind).contains(&id));
                // Later entries of the collection moved up by one, so list again.
                let after = references(&l, kind, &id);
                assert_eq!(after.len(), before.len());
                assert_eq!(
                    unknown_reference_pointers(&l),
                    pointers(&after),
                    "{key} {kind:?} {id}"
                );
                if kind != Kind::Person || i == ids(&original, kind).len() - 1 {
                    continue;
                }
                // References outside `people` do not move.
                for (a, b) in before.iter().zip(&after) {
                    if !a.pointer.starts_with("/people/") {
                        assert_eq!(a.pointer, b.pointer);
                    }
                }
            }
        }
    }
}

#[test]
fn removing_a_heavily_used_person_reports_each_reference() {
    let mut l = saas();
    assert!(remove(&mut l, Kind::Person, "farah"));
    assert_eq!(
        unknown_reference_pointers(&l),
        [
            "/people/0/backup",
            "/rotations/0/members/0",
            "/rotations/3/members/2",
            "/rotations/4/members/2",
        ]
    );
    assert!(!remove(&mut l, Kind::Person, "farah"));
    assert!(!remove(&mut l, Kind::Tier, "nope"));
    assert_eq!(l.people.len(), 9);
}

// ---- unique_id ------------------------------------------------------------------------

#[test]
fn unique_id_makes_names_into_ids() {
    let l = new_ladder("Empty");
    let cases = [
        ("Ana María López", Kind::Person, "ana-mar-a-l-pez"),
        ("  --Hello,   World!--  ", Kind::Person, "hello-world"),
        (
            "Payments DB (primary)",
            Kind::Service,
            "payments-db-primary",
        ),
        ("on_call_2", Kind::Rotation, "on_call_2"),
        ("", Kind::Person, "person"),
        ("!!!", Kind::Role, "role"),
        ("123abc", Kind::Person, "person-123abc"),
        ("_x", Kind::Template, "template-_x"),
        ("42", Kind::Service, "service-42"),
        ("ÅSA", Kind::Person, "sa"),
        ("SEV 2", Kind::Tier, "sev-2"),
        ("sev2", Kind::Tier, "sev2"),
    ];
    for (base, kind, want) in cases {
        let got = unique_id(&l, kind, base);
        assert_eq!(got, want, "{base:?}");
        assert_eq!(check_id(&got), Ok(()));
    }
    let long = unique_id(&l, Kind::Person, &"x".repeat(100));
    assert_eq!(long, "x".repeat(64));
    // A cut that ends on a separator drops it.
    let base = format!("{}-tail", "y".repeat(63));
    assert_eq!(unique_id(&l, Kind::Person, &base), "y".repeat(63));
    let digits = unique_id(&l, Kind::Person, &"9".repeat(100));
    assert_eq!(digits, format!("person-{}", "9".repeat(57)));
    assert_eq!(digits.len(), 64);
}

#[test]
fn unique_id_appends_a_number_when_taken() {
    let mut l = saas();
    assert_eq!(unique_id(&l, Kind::Person, "Ana"), "ana-2");
    assert_eq!(unique_id(&l, Kind::Person, "ana"), "ana-2");
    assert_eq!(unique_id(&l, Kind::Tier, "SEV1"), "sev1-2");
    // Another kind's ids do not count.
    assert_eq!(unique_id(&l, Kind::Service, "Ana"), "ana");
    assert_eq!(unique_id(&l, Kind::Person, "checkout"), "checkout");

    let mut p = new_person(&l);
    p.id = PersonId::new("ana-2").unwrap();
    l.people.push(p.clone());
    p.id = PersonId::new("ana-3").unwrap();
    l.people.push(p.clone());
    assert_eq!(unique_id(&l, Kind::Person, "ana"), "ana-4");

    // A long taken id is cut so the suffix fits.
    let long = "z".repeat(64);
    p.id = PersonId::new(long.clone()).unwrap();
    l.people.push(p.clone());
    assert_eq!(
        unique_id(&l, Kind::Person, &long),
        format!("{}-2", "z".repeat(62))
    );
    p.id = PersonId::new(format!("{}-2", "z".repeat(62))).unwrap();
    l.people.push(p);
    let third = unique_id(&l, Kind::Person, &long);
    assert_eq!(third, format!("{}-3", "z".repeat(62)));
    assert_eq!(third.len(), 64);
}

// ---- new entries ----------------------------------------------------------------------

#[test]
fn a_new_ladder_is_one_tier_with_an_empty_step() {
    let l = new_ladder("Payments on-call");
    assert_eq!(
        to_canonical_json(&l),
        r#"{
  "format": "rungs.ladder/v1",
  "name": "Payments on-call",
  "revision": 1,
  "tiers": [
    {
      "id": "sev1",
      "name": "SEV1",
      "rank": 1,
      "timelines": {
        "acknowledge": "15m",
        "resolve": "4h"
      },
      "escalation": {
        "steps": [
          {
            "notify": [],
            "escalate_after": "15m"
          }
        ]
      }
    }
  ]
}
"#
    );
    // It reads back as itself.
    assert_eq!(parse_ladder(&to_canonical_json(&l)).unwrap(), l);
    let report = validate_ladder(&l, at());
    let errors: Vec<(Code, &str, &str)> = report
        .errors()
        .map(|d| (d.code, d.pointer.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        errors,
        [(
            Code::EmptyStep,
            "/tiers/0/escalation/steps/0/notify",
            "SEV1 step 1 notifies nobody."
        )]
    );
    let warnings: Vec<(Code, &str)> = report
        .warnings()
        .map(|d| (d.code, d.pointer.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            (
                Code::UnreachableBeforeDeadline,
                "/tiers/0/timelines/acknowledge"
            ),
            (Code::UnreachableTier, "/tiers/0"),
        ]
    );
}

#[test]
fn new_entries_have_the_documented_defaults() {
    let l = saas();
    let p = new_person(&l);
    assert_eq!(
        (p.id.as_str(), p.name.as_str(), p.timezone.as_str()),
        ("person", "New person", "UTC")
    );
    assert!(p.roles.is_empty() && p.backup.is_none() && p.response.is_none());

    let r = new_role(&l);
    assert_eq!((r.id.as_str(), r.name.as_str()), ("role", "New role"));

    let s = new_service(&l);
    assert_eq!((s.id.as_str(), s.name.as_str()), ("service", "New service"));
    assert_eq!(s.criticality, Criticality::Medium);

    let start = Instant::parse("2026-03-02T09:00:00Z").unwrap();
    let rot = new_rotation(&l, start);
    assert_eq!(rot.id.as_str(), "rotation");
    assert_eq!(rot.shift.to_string(), "1w");
    assert_eq!(rot.shift, rungs_core::Shift::parse("7d").unwrap());
    assert_eq!(rot.start, start);
    assert_eq!(rot.timezone.as_str(), "UTC");
    assert!(rot.members.is_empty() && rot.window.is_none());

    let t = new_tier(&l);
    assert_eq!(
        (t.id.as_str(), t.name.as_str(), t.rank),
        ("sev5", "SEV5", 5)
    );
    assert_eq!(t.timelines.acknowledge, Some(Duration::from_mins(30)));
    assert_eq!(
        t.escalation.steps,
        [Step {
            notify: vec![],
            escalate_after: Duration::from_mins(15)
        }]
    );

    let tr = new_trigger(&l);
    assert_eq!(tr.id.as_str(), "trigger");
    assert_eq!(tr.service.as_str(), "api-gateway");
    assert_eq!(tr.tier.as_str(), "sev4");
    assert_eq!(tr.metric, "error_rate");
    assert_eq!(tr.op, Op::Gt);
    assert_eq!(tr.threshold, 5.0);
    assert_eq!(tr.for_, Duration::from_mins(5));
    assert_eq!(tr.clear_for, Duration::from_mins(5));

    let pb = new_playbook(&l);
    assert_eq!(pb.id.as_str(), "playbook");
    assert_eq!(
        pb.steps,
        [PlaybookStep {
            stage: Stage::Containment,
            text: "Stop the bleeding".into(),
            owner: None
        }]
    );

    let tpl = new_template(&l);
    assert_eq!(tpl.id.as_str(), "template");
    assert_eq!(tpl.audience, Audience::Internal);
    assert_eq!(tpl.channel, "slack");
    for p in ["incident", "tier", "status", "next_update"] {
        assert!(tpl.body.contains(&format!("{{{{{p}}}}}")), "{p}");
    }
}

#[test]
fn new_entries_on_an_empty_ladder_fall_back() {
    let mut l = new_ladder("Empty");
    let tr = new_trigger(&l);
    assert_eq!((tr.service.as_str(), tr.tier.as_str()), ("service", "sev1"));
    let t = new_tier(&l);
    assert_eq!(
        (t.id.as_str(), t.name.as_str(), t.rank),
        ("sev2", "SEV2", 2)
    );
    l.tiers.clear();
    let t = new_tier(&l);
    assert_eq!((t.id.as_str(), t.rank), ("sev1", 1));
    assert_eq!(new_trigger(&l).tier.as_str(), "sev1");
}

#[test]
fn new_tier_id_avoids_a_taken_sev_id() {
    let mut l = new_ladder("x");
    l.tiers[0].id = TierId::new("sev2").unwrap();
    let t = new_tier(&l);
    assert_eq!(
        (t.id.as_str(), t.name.as_str(), t.rank),
        ("sev2-2", "SEV2", 2)
    );
}

#[test]
fn new_trigger_targets_the_least_severe_tier_whatever_the_order() {
    let mut l = saas();
    l.tiers.swap(0, 3);
    assert_eq!(new_trigger(&l).tier.as_str(), "sev4");
}

/// Appends one of each new entry, `times` times.
fn add_everything(l: &mut Ladder, times: usize) {
    let start = Instant::parse("2026-03-02T09:00:00Z").unwrap();
    for _ in 0..times {
        let x = new_person(l);
        l.people.push(x);
        let x = new_role(l);
        l.roles.push(x);
        let x = new_service(l);
        l.services.push(x);
        let x = new_rotation(l, start);
        l.rotations.push(x);
        let x = new_tier(l);
        l.tiers.push(x);
        let x = new_trigger(l);
        l.triggers.push(x);
        let x = new_playbook(l);
        l.playbooks.push(x);
        let x = new_template(l);
        l.templates.push(x);
    }
}

#[test]
fn appending_new_entries_to_every_example_keeps_ids_unique() {
    for (key, original) in all_examples() {
        let mut l = original.clone();
        add_everything(&mut l, 3);
        for kind in Kind::ALL {
            let list = ids(&l, kind);
            let mut unique = list.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), list.len(), "{key} {kind:?}: {list:?}");
            for id in &list {
                assert_eq!(check_id(id), Ok(()));
            }
        }
        assert_eq!(
            ids(&l, Kind::Person)[original.people.len()..],
            ["person", "person-2", "person-3"]
        );
        let n = original.tiers.len() as u32;
        let ranks: Vec<u32> = l.tiers[original.tiers.len()..]
            .iter()
            .map(|t| t.rank)
            .collect();
        assert_eq!(ranks, [n + 1, n + 2, n + 3], "{key}");
        // What is left to do is exactly what the new entries lack: members and someone
        // to page. No duplicate id, rank or unknown reference.
        let mut errors: Vec<(Code, String)> = validate_ladder(&l, at())
            .errors()
            .map(|d| (d.code, d.pointer.clone()))
            .collect();
        errors.sort();
        let rot = original.rotations.len();
        let tier = original.tiers.len();
        let mut want: Vec<(Code, String)> = (0..3)
            .flat_map(|i| {
                [
                    (
                        Code::EmptyRotation,
                        format!("/rotations/{}/members", rot + i),
                    ),
                    (
                        Code::EmptyStep,
                        format!("/tiers/{}/escalation/steps/0/notify", tier + i),
                    ),
                ]
            })
            .collect();
        want.sort();
        assert_eq!(errors, want, "{key}");
    }
}

#[test]
fn a_new_ladder_grows_into_a_valid_one() {
    let mut l = new_ladder("Grown");
    add_everything(&mut l, 1);
    l.people[0].name = "Ana".into();
    l.rotations[0].members.push(l.people[0].id.clone());
    for t in &mut l.tiers {
        t.escalation.steps[0]
            .notify
            .push(Target::Rotation(l.rotations[0].id.clone()));
    }
    // The trigger was made before the service existed; point it there.
    assert_eq!(l.triggers[0].service.as_str(), "service");
    assert_eq!(l.triggers[0].tier.as_str(), "sev2");
    let errors: Vec<_> = validate_ladder(&l, at()).errors().cloned().collect();
    assert_eq!(errors, []);
}

// ---- move_item ------------------------------------------------------------------------

#[test]
fn move_item_reorders_and_clamps() {
    let v = || vec!['a', 'b', 'c', 'd'];
    let moved = |from, to| {
        let mut x = v();
        move_item(&mut x, from, to);
        x.into_iter().collect::<String>()
    };
    assert_eq!(moved(0, 2), "bcad");
    assert_eq!(moved(3, 0), "dabc");
    assert_eq!(moved(1, 1), "abcd");
    assert_eq!(moved(2, 1), "acbd");
    assert_eq!(moved(1, 2), "acbd");
    assert_eq!(moved(0, 99), "bcda");
    assert_eq!(moved(3, 3), "abcd");
    // `from` out of range: nothing happens.
    assert_eq!(moved(4, 0), "abcd");
    let mut empty: Vec<u8> = Vec::new();
    move_item(&mut empty, 0, 0);
    assert!(empty.is_empty());
}

#[test]
fn move_item_reorders_escalation_steps() {
    let mut l = saas();
    let steps = l.tiers[0].escalation.steps.clone();
    move_item(&mut l.tiers[0].escalation.steps, 2, 0);
    assert_eq!(
        l.tiers[0].escalation.steps,
        [steps[2].clone(), steps[0].clone(), steps[1].clone()]
    );
    assert_eq!(
        references(&l, Kind::Role, "leadership")
            .last()
            .unwrap()
            .pointer,
        "/tiers/0/escalation/steps/0/notify/0/role"
    );
}

// ---- preview_template -----------------------------------------------------------------

#[test]
fn preview_fills_placeholders_from_the_ladder() {
    let l = saas();
    assert_eq!(
        preview_template(
            &l,
            "{{incident}} on {{service}} is {{tier}} ({{status}}); IC {{commander}}, next update {{next_update}}."
        ),
        "INC-1042 on API Gateway is SEV1 Critical (Investigating); IC Farah Rahman, next update in 30 minutes."
    );
    assert_eq!(
        preview_template(&l, NEW_TEMPLATE_BODY),
        "[SEV1 Critical] INC-1042: Investigating. Next update in 30 minutes."
    );
    assert_eq!(
        preview_template(&l, &new_template(&l).body),
        "[SEV1 Critical] INC-1042: Investigating. Next update in 30 minutes."
    );
    // Every example template previews with no placeholder left.
    for (key, l) in all_examples() {
        for t in &l.templates {
            let p = preview_template(&l, &t.body);
            assert!(
                !p.contains("{{") && !p.contains("}}"),
                "{key} {}: {p}",
                t.id
            );
        }
    }
}

#[test]
fn preview_leaves_unknown_and_unclosed_placeholders_as_written() {
    let l = saas();
    assert_eq!(
        preview_template(&l, "{{ tier }} {{foo}} {{Tier}} {{}} {{service"),
        "SEV1 Critical {{foo}} {{Tier}} {{}} {{service"
    );
    assert_eq!(preview_template(&l, "no placeholders"), "no placeholders");
    assert_eq!(preview_template(&l, ""), "");
    assert_eq!(preview_template(&l, "{tier} }}{{"), "{tier} }}{{");
    assert_eq!(
        preview_template(&l, "{{{tier}}}"),
        "{{{tier}}}",
        "`{{tier` is not a placeholder name"
    );
    assert_eq!(preview_template(&l, "ünï {{status}}"), "ünï Investigating");
}

#[test]
fn preview_picks_a_commander_and_falls_back() {
    let mut l = saas();
    // Without an `ic` holder, the first person.
    for p in &mut l.people {
        p.roles.retain(|r| r.as_str() != "ic");
    }
    assert_eq!(preview_template(&l, "{{commander}}"), "Farah Rahman");
    // A role named "... Commander" counts, whatever its id.
    l.roles.push(Role {
        id: RoleId::new("lead").unwrap(),
        name: "Incident Commander on duty".into(),
        description: None,
    });
    l.people[4].roles.push(RoleId::new("lead").unwrap());
    assert_eq!(preview_template(&l, "{{commander}}"), "Chloe Martin");
    // "Communications lead" contains "ic" but is not the commander.
    let mut l = saas();
    for p in &mut l.people {
        p.roles.retain(|r| r.as_str() != "ic");
    }
    l.people[0].roles.clear();
    assert_eq!(l.people[7].roles[0].as_str(), "comms");
    assert_eq!(preview_template(&l, "{{commander}}"), "Farah Rahman");
    // An id with `ic` as a word counts.
    l.roles.push(Role {
        id: RoleId::new("ic-secondary").unwrap(),
        name: "Backup".into(),
        description: None,
    });
    l.people[9].roles.push(RoleId::new("ic-secondary").unwrap());
    assert_eq!(preview_template(&l, "{{commander}}"), "Jonas Weber");

    let empty = new_ladder("Empty");
    assert_eq!(
        preview_template(&empty, "{{tier}}|{{service}}|{{commander}}"),
        "SEV1|Checkout|Alex Kim"
    );
    let mut none = new_ladder("None");
    none.tiers.clear();
    assert_eq!(preview_template(&none, "{{tier}}"), "SEV1");
}

#[test]
fn adding_an_entry_of_every_kind_appends_one_with_a_fresh_id_and_a_name() {
    for (key, ladder) in all_examples() {
        for kind in Kind::ALL {
            let mut l = ladder.clone();
            let before = kind.ids(&l).len();
            let i = add(&mut l, kind, at());
            let ids = kind.ids(&l);
            assert_eq!((i, ids.len()), (before, before + 1), "{key}: {kind:?}");
            let fresh = ids[i];
            assert!(
                !kind.ids(&ladder).contains(&fresh),
                "{key}: {kind:?} id {fresh} was taken"
            );
            assert_eq!(
                kind.pointer(i),
                format!("/{}/{i}", kind.collection()),
                "{key}: {kind:?}"
            );
            // a new entry is found and named like every other
            assert!(
                rungs_core::entry::entry_name(&l, kind, i).is_some(),
                "{key}: {kind:?}"
            );
        }
    }
    // a new scenario starts at the instant given
    let mut l = saas();
    let i = add(&mut l, Kind::Scenario, at());
    assert_eq!(l.scenarios[i].start, at());
}

#[test]
fn a_new_entrys_id_follows_its_name_until_the_user_chooses_one() {
    let mut l = saas();
    let i = add(&mut l, Kind::Person, at());
    assert_eq!(l.people[i].id.as_str(), "person");
    // typed letter by letter, the id follows
    let mut old = l.people[i].name.clone();
    for name in ["G", "Gu", "Gus", "Gus Ng"] {
        l.people[i].name = name.into();
        id_follows_name(&mut l, Kind::Person, i, &old, name);
        old = name.into();
    }
    assert_eq!(l.people[i].id.as_str(), "gus-ng");
    // a step that pages them follows too
    l.tiers[0].escalation.steps[0]
        .notify
        .push(Target::Person(PersonId::new("gus-ng").unwrap()));
    l.people[i].name = "Gus Nguyen".into();
    assert_eq!(
        id_follows_name(&mut l, Kind::Person, i, "Gus Ng", "Gus Nguyen").as_deref(),
        Some("gus-nguyen")
    );
    assert!(l.tiers[0].escalation.steps[0]
        .notify
        .contains(&Target::Person(PersonId::new("gus-nguyen").unwrap())));
    // a name another entry's id already has gets a suffix
    l.people[i].name = "Ana".into();
    let before = l
        .people
        .iter()
        .find(|p| p.id.as_str() == "ana")
        .map(|p| p.id.clone());
    assert!(before.is_some(), "the example has ana");
    assert_eq!(
        id_follows_name(&mut l, Kind::Person, i, "Gus Nguyen", "Ana").as_deref(),
        Some("ana-2")
    );
    // an id the user chose stays
    rename(&mut l, Kind::Person, "ana-2", "gus").unwrap();
    l.people[i].name = "Gus Nguyen".into();
    assert_eq!(
        id_follows_name(&mut l, Kind::Person, i, "Ana", "Gus Nguyen"),
        None
    );
    assert_eq!(l.people[i].id.as_str(), "gus");
    // an example's own ids were chosen: renaming Ana Lima keeps `ana`
    let ana = l
        .people
        .iter()
        .position(|p| p.id.as_str() == "ana")
        .unwrap();
    l.people[ana].name = "Ana Lima-Souza".into();
    assert_eq!(
        id_follows_name(&mut l, Kind::Person, ana, "Ana Lima", "Ana Lima-Souza"),
        None
    );
}

/// A daily Berlin rotation of a, b, c from Sunday 1 March 2026, 09:00 local, with the
/// people `people` (ids).
fn daily_berlin(people: &[&str], members: &[&str]) -> Ladder {
    let mut l = new_ladder("Overrides");
    for id in people {
        let mut p = new_person(&l);
        p.id = PersonId::new(*id).unwrap();
        l.people.push(p);
    }
    let mut r = new_rotation(&l, Instant::parse("2026-03-01T08:00:00Z").unwrap());
    r.members = members.iter().map(|m| PersonId::new(*m).unwrap()).collect();
    r.shift = Shift::parse("1d").unwrap();
    r.timezone = TimeZoneName::new("Europe/Berlin").unwrap();
    l.rotations.push(r);
    l
}

fn spell(o: &Override) -> (String, String, &str) {
    (o.from.to_string(), o.to.to_string(), o.person.as_str())
}

#[test]
fn a_new_override_takes_the_next_turn_for_the_member_after_the_scheduled_one() {
    let mut l = daily_berlin(&["a", "b", "c"], &["a", "b", "c"]);
    let now = Instant::parse("2026-03-10T12:00:00Z").unwrap();
    // turn 10 (11 March, 09:00 CET) is b's; c covers it
    let o = new_override(&l, 0, now).unwrap();
    assert_eq!(
        spell(&o),
        (
            "2026-03-11T08:00:00Z".into(),
            "2026-03-12T08:00:00Z".into(),
            "c"
        )
    );
    // after an override running to a hand-off, the next one starts right there
    l.rotations[0].overrides.push(Override {
        from: Instant::parse("2026-03-11T08:00:00Z").unwrap(),
        to: Instant::parse("2026-03-29T07:00:00Z").unwrap(),
        person: PersonId::new("a").unwrap(),
    });
    // 29 March 09:00 is summer time (07:00Z): turn 28, b's again
    let o = new_override(&l, 0, now).unwrap();
    assert_eq!(
        spell(&o),
        (
            "2026-03-29T07:00:00Z".into(),
            "2026-03-30T07:00:00Z".into(),
            "c"
        )
    );
    l.rotations[0].overrides.push(o);
    assert!(
        findings(&l)
            .iter()
            .all(|(c, _)| c.as_str() != "invalid-override"),
        "{:?}",
        findings(&l)
    );
}

#[test]
fn a_new_override_of_a_one_member_rotation_names_someone_else_and_without_members_starts_on_the_hour(
) {
    let l = daily_berlin(&["a", "b"], &["b"]);
    let now = Instant::parse("2026-03-10T12:00:00Z").unwrap();
    assert_eq!(new_override(&l, 0, now).unwrap().person.as_str(), "a");
    let l = daily_berlin(&["a"], &[]);
    let o = new_override(&l, 0, Instant::parse("2026-03-10T12:20:00Z").unwrap()).unwrap();
    assert_eq!(
        spell(&o),
        (
            "2026-03-10T13:00:00Z".into(),
            "2026-03-11T13:00:00Z".into(),
            "a"
        )
    );
    assert_eq!(new_override(&daily_berlin(&[], &[]), 0, now), None);
    assert_eq!(new_override(&l, 5, now), None);
}
