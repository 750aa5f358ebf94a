//! The designer's edit operations on an example ladder, in an order the fuzzer picks:
//! rename, remove, references, reorder, new entries, fresh ids, template previews, and
//! hand edits of a name or a dependency. After every operation the ladder still
//! serialises, its canonical JSON reads back as the same ladder and is a fixed point, and
//! renames and removals leave the references they promise. Validation of the edited
//! ladder does not panic.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rungs_core::edit::{self, Kind};
use rungs_core::*;

#[derive(Debug, Arbitrary)]
enum Op {
    Rename {
        kind: u8,
        which: u8,
        new: Name,
    },
    Remove {
        kind: u8,
        which: u8,
    },
    References {
        kind: u8,
        id: Name,
    },
    MoveTier {
        from: u8,
        to: u8,
    },
    MoveStep {
        tier: u8,
        from: u8,
        to: u8,
    },
    MoveMember {
        rotation: u8,
        from: u8,
        to: u8,
    },
    MovePlaybookStep {
        playbook: u8,
        from: u8,
        to: u8,
    },
    New {
        kind: u8,
    },
    UniqueId {
        kind: u8,
        base: String,
    },
    Preview {
        body: String,
    },
    /// A dependency on another service (possibly itself or making a cycle).
    Depend {
        service: u8,
        on: u8,
    },
    /// A name the user types, stored as is.
    SetName {
        which: u8,
        name: String,
    },
}

/// An id to try: one of the ladder's own (by index), or free text.
#[derive(Debug, Arbitrary)]
enum Name {
    Existing { kind: u8, which: u8 },
    Text(String),
}

#[derive(Debug, Arbitrary)]
struct Input {
    example: u8,
    ops: Vec<Op>,
}

fn kind(k: u8) -> Kind {
    Kind::ALL[usize::from(k) % Kind::ALL.len()]
}

fn pick(ids: &[String], which: u8) -> Option<String> {
    (!ids.is_empty()).then(|| ids[usize::from(which) % ids.len()].clone())
}

fn name(ladder: &Ladder, n: &Name) -> String {
    match n {
        Name::Existing { kind: k, which } => {
            pick(&edit::ids(ladder, kind(*k)), *which).unwrap_or_default()
        }
        Name::Text(s) => s.clone(),
    }
}

fn at<T>(items: &mut [T], i: u8) -> Option<&mut T> {
    let n = items.len();
    (n > 0).then(|| &mut items[usize::from(i) % n])
}

fuzz_target!(init: rungs_fuzz::catch_stack_overflows(), |input: Input| {
    let ex = &examples::EXAMPLES[usize::from(input.example) % examples::EXAMPLES.len()];
    let mut ladder = parse_ladder(ex.json).expect("examples parse");
    let reference = Instant::parse("2026-03-14T03:00:00Z").unwrap();
    for op in input.ops.iter().take(64) {
        apply(&mut ladder, op, reference);
        let json = to_canonical_json(&ladder);
        let again = parse_ladder(&json)
            .unwrap_or_else(|e| panic!("after {op:?}, canonical JSON does not parse: {e}\n{json}"));
        assert_eq!(
            again, ladder,
            "after {op:?}, canonical JSON reads back differently"
        );
        assert_eq!(
            to_canonical_json(&again),
            json,
            "after {op:?}, not a fixed point"
        );
    }
    let _ = validate_ladder(&ladder, reference);
});

fn apply(ladder: &mut Ladder, op: &Op, reference: Instant) {
    match op {
        Op::Rename {
            kind: k,
            which,
            new,
        } => {
            let k = kind(*k);
            let Some(old) = pick(&edit::ids(ladder, k), *which) else {
                return;
            };
            let new = name(ladder, new);
            let before = edit::references(ladder, k, &old).len();
            if let Ok(n) = edit::rename(ladder, k, &old, &new) {
                if old != new {
                    assert_eq!(
                        n, before,
                        "rename {old} -> {new} updated {n} of {before} references"
                    );
                    assert!(edit::ids(ladder, k).contains(&new));
                    if !edit::ids(ladder, k).contains(&old) {
                        assert!(edit::references(ladder, k, &old).is_empty());
                    }
                }
            }
        }
        Op::Remove { kind: k, which } => {
            let k = kind(*k);
            let Some(id) = pick(&edit::ids(ladder, k), *which) else {
                assert!(!edit::remove(ladder, k, "nothing-here"));
                return;
            };
            let count = edit::ids(ladder, k).len();
            assert!(edit::remove(ladder, k, &id));
            assert_eq!(edit::ids(ladder, k).len(), count - 1);
        }
        Op::References { kind: k, id } => {
            let id = name(ladder, id);
            for r in edit::references(ladder, kind(*k), &id) {
                assert!(r.pointer.starts_with('/'), "{r:?}");
            }
        }
        Op::MoveTier { from, to } => {
            edit::move_item(&mut ladder.tiers, usize::from(*from), usize::from(*to))
        }
        Op::MoveStep { tier, from, to } => {
            if let Some(t) = at(&mut ladder.tiers, *tier) {
                let n = t.escalation.steps.len();
                edit::move_item(
                    &mut t.escalation.steps,
                    usize::from(*from),
                    usize::from(*to),
                );
                assert_eq!(t.escalation.steps.len(), n);
            }
        }
        Op::MoveMember { rotation, from, to } => {
            if let Some(r) = at(&mut ladder.rotations, *rotation) {
                edit::move_item(&mut r.members, usize::from(*from), usize::from(*to));
            }
        }
        Op::MovePlaybookStep { playbook, from, to } => {
            if let Some(p) = at(&mut ladder.playbooks, *playbook) {
                edit::move_item(&mut p.steps, usize::from(*from), usize::from(*to));
            }
        }
        Op::New { kind: k } => {
            let k = kind(*k);
            let count = edit::ids(ladder, k).len();
            match k {
                Kind::Service => ladder.services.push(edit::new_service(ladder)),
                Kind::Role => ladder.roles.push(edit::new_role(ladder)),
                Kind::Person => ladder.people.push(edit::new_person(ladder)),
                Kind::Rotation => ladder.rotations.push(edit::new_rotation(ladder, reference)),
                Kind::Schedule => ladder.schedules.push(edit::new_schedule(ladder)),
                Kind::Tier => ladder.tiers.push(edit::new_tier(ladder)),
                Kind::Trigger => ladder.triggers.push(edit::new_trigger(ladder)),
                Kind::Playbook => ladder.playbooks.push(edit::new_playbook(ladder)),
                Kind::Template => ladder.templates.push(edit::new_template(ladder)),
                Kind::Scenario => return,
            }
            let ids = edit::ids(ladder, k);
            assert_eq!(ids.len(), count + 1);
            let new = ids.last().unwrap();
            assert_eq!(
                ids.iter().filter(|i| *i == new).count(),
                1,
                "new {k:?} reuses the id {new}"
            );
        }
        Op::UniqueId { kind: k, base } => {
            let k = kind(*k);
            let id = edit::unique_id(ladder, k, base);
            check_id(&id).unwrap_or_else(|e| panic!("unique_id({base:?}) = {id:?}: {e}"));
            assert!(
                !edit::ids(ladder, k).contains(&id),
                "unique_id({base:?}) = {id:?} is taken"
            );
        }
        Op::Preview { body } => {
            let _ = edit::preview_template(ladder, body);
        }
        Op::Depend { service, on } => {
            let Some(on) = pick(&edit::ids(ladder, Kind::Service), *on) else {
                return;
            };
            if let Some(s) = at(&mut ladder.services, *service) {
                s.depends_on.push(ServiceId::new(on).unwrap());
            }
        }
        Op::SetName { which, name } => {
            if let Some(p) = at(&mut ladder.people, *which) {
                p.name = name.clone();
            }
        }
    }
}
