//! [`rename`] an entry with every reference to it, or [`remove`] it alone.

use crate::id::*;
use crate::model::*;

use super::exists;

/// Sets `$slot` (an id field) to `$new` if it holds `$old`, counting in `$n`.
macro_rules! swap_id {
    ($slot:expr, $ty:ty, $old:expr, $new:expr, $n:expr) => {
        if $slot.as_str() == $old {
            *$slot = <$ty>::new($new).expect("the new id was checked");
            $n += 1;
        }
    };
}

/// Points a target at `new` if it names `old` of `kind`.
fn swap_target(t: &mut Target, kind: Kind, old: &str, new: &str) -> usize {
    let mut n = 0;
    match t {
        Target::Person(id) if kind == Kind::Person => swap_id!(id, PersonId, old, new, n),
        Target::Rotation(id) if kind == Kind::Rotation => swap_id!(id, RotationId, old, new, n),
        Target::Schedule(id) if kind == Kind::Schedule => swap_id!(id, ScheduleId, old, new, n),
        Target::Role(id) if kind == Kind::Role => swap_id!(id, RoleId, old, new, n),
        _ => {}
    }
    n
}

/// Points every reference to `old` of `kind` at `new`; the same places [`references`]
/// lists.
fn rename_references(ladder: &mut Ladder, kind: Kind, old: &str, new: &str) -> usize {
    let mut n = 0;
    match kind {
        Kind::Service => n += rename_service_references(ladder, old, new),
        Kind::Person | Kind::Role | Kind::Rotation | Kind::Schedule => {
            n += rename_target_references(ladder, kind, old, new);
        }
        Kind::Tier => {
            for t in &mut ladder.triggers {
                swap_id!(&mut t.tier, TierId, old, new, n);
            }
        }
        Kind::Playbook => {
            for t in &mut ladder.tiers {
                if let Some(p) = &mut t.playbook {
                    swap_id!(p, PlaybookId, old, new, n);
                }
            }
        }
        Kind::Trigger | Kind::Template | Kind::Scenario => {}
    }
    n
}

/// Points services' dependencies, triggers and scenario signals at service `new`.
fn rename_service_references(ladder: &mut Ladder, old: &str, new: &str) -> usize {
    let mut n = 0;
    for s in &mut ladder.services {
        for d in &mut s.depends_on {
            swap_id!(d, ServiceId, old, new, n);
        }
    }
    for t in &mut ladder.triggers {
        swap_id!(&mut t.service, ServiceId, old, new, n);
    }
    for sc in &mut ladder.scenarios {
        for sig in &mut sc.signals {
            swap_id!(&mut sig.service, ServiceId, old, new, n);
        }
    }
    n
}

/// Points every reference to person, role, rotation or schedule `old` at `new`: people's
/// roles and backups, rotation members and overrides, schedule layers, unavailable
/// injects, and targets in owners and steps.
fn rename_target_references(ladder: &mut Ladder, kind: Kind, old: &str, new: &str) -> usize {
    let mut n = 0;
    for p in &mut ladder.people {
        if kind == Kind::Role {
            for r in &mut p.roles {
                swap_id!(r, RoleId, old, new, n);
            }
        }
        if kind == Kind::Person {
            if let Some(b) = &mut p.backup {
                swap_id!(b, PersonId, old, new, n);
            }
        }
    }
    if kind == Kind::Person {
        for r in &mut ladder.rotations {
            for m in &mut r.members {
                swap_id!(m, PersonId, old, new, n);
            }
            for o in &mut r.overrides {
                swap_id!(&mut o.person, PersonId, old, new, n);
            }
        }
        for sc in &mut ladder.scenarios {
            for inj in &mut sc.injects {
                if let Inject::Unavailable(u) = inj {
                    swap_id!(&mut u.unavailable, PersonId, old, new, n);
                }
            }
        }
    }
    if kind == Kind::Rotation {
        for layer in ladder.schedules.iter_mut().flat_map(|s| &mut s.layers) {
            swap_id!(layer, RotationId, old, new, n);
        }
    }
    for t in &mut ladder.tiers {
        let o = &mut t.owners;
        for who in [
            &mut o.detection,
            &mut o.triage,
            &mut o.escalation,
            &mut o.resolution,
            &mut o.communication,
            &mut o.commander,
        ]
        .into_iter()
        .flatten()
        {
            n += swap_target(who, kind, old, new);
        }
        for s in &mut t.escalation.steps {
            for who in &mut s.notify {
                n += swap_target(who, kind, old, new);
            }
        }
    }
    for pb in &mut ladder.playbooks {
        for s in &mut pb.steps {
            if let Some(o) = &mut s.owner {
                n += swap_target(o, kind, old, new);
            }
        }
    }
    n
}

/// Renames the entry and every reference to it. Errors (as a user-facing String) when
/// `new` is not a valid id (use the IdError message), when another entry of that kind
/// already has `new`, or when `old` does not exist. Returns how many references were
/// updated. Renaming to the same id is Ok(0).
///
/// If several entries share `old` (a duplicate id), only the first is renamed: it is the
/// one references resolve to.
pub fn rename(ladder: &mut Ladder, kind: Kind, old: &str, new: &str) -> Result<usize, String> {
    let noun = kind.noun();
    if !exists(ladder, kind, old) {
        return Err(format!("there is no {noun} with the id `{old}`"));
    }
    if old == new {
        return Ok(0);
    }
    check_id(new).map_err(|e| e.to_string())?;
    if exists(ladder, kind, new) {
        return Err(format!("another {noun} already has the id `{new}`"));
    }
    let renamed = kind.rename_first(ladder, old, new);
    debug_assert!(renamed);
    Ok(rename_references(ladder, kind, old, new))
}

/// Removes the entry only (references are left dangling so validation reports them).
/// Returns whether it existed. With duplicate ids, removes the first.
pub fn remove(ladder: &mut Ladder, kind: Kind, id: &str) -> bool {
    kind.remove_first(ladder, id)
}
