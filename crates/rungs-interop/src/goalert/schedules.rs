//! GoAlert schedules to layered Rungs schedules, and user overrides to rotation
//! overrides.
//!
//! A GoAlert schedule's rules make every target they cover on call at once
//! (`schedule/rule/rule.go`); a Rungs schedule pages the highest layer with someone on
//! call. Each target becomes a layer: a rotation the rules cover around the clock is
//! that rotation; one covered part of the week is a copy of it with those hours as
//! windows; a user is a one-person rotation with the rules' hours. Round-the-clock layers
//! go lowest, so the narrower ones take over while they are on call.

use rungs_core::time::{ClockTime, Instant, Weekday};
use rungs_core::{Override, Rotation, RotationId, Shift, Window};

use super::{instant, person_ref, Model, Rule, Sched, SchedTarget, UserOverride};
use crate::build::Builder;
use crate::notes::{ImportError, SourceRef};

/// When a schedule target is on call.
enum Coverage {
    Never,
    Always,
    Windows(Vec<Window>),
}

pub(super) fn build(
    b: &mut Builder,
    m: &Model,
    zones: &[(String, String)],
) -> Result<(), ImportError> {
    for s in &m.schedules {
        schedule(b, zones, s)?;
    }
    for o in &m.overrides {
        user_override(b, m, zones, o)?;
    }
    Ok(())
}

fn schedule(b: &mut Builder, zones: &[(String, String)], s: &Sched) -> Result<(), ImportError> {
    let who = format!("Schedule {}", s.name);
    let timezone = b.timezone(s.time_zone.as_deref(), &s.src, &who);
    let mut always: Vec<RotationId> = Vec::new();
    let mut windowed: Vec<RotationId> = Vec::new();
    for t in &s.targets {
        let label = t.name.clone().unwrap_or_else(|| t.key.clone());
        let (base, label) = match t.kind.as_str() {
            "rotation" => match b.rotation_id(&t.key) {
                Some(id) => {
                    let rot = b.ladder().rotations.iter().find(|r| r.id == id).cloned();
                    let name = rot.as_ref().map_or(label, |r| r.name.clone());
                    (rot, name)
                }
                None => {
                    b.notes.warn(t.src.clone(), format!("{who} covers rotation {label}, which is not in these files: left out; add its file to import it"));
                    continue;
                }
            },
            "user" => {
                let person = person_ref(b, zones, &t.key, t.name.as_deref(), &t.src);
                let name = b
                    .ladder()
                    .people
                    .iter()
                    .find(|p| p.id == person)
                    .map_or(label, |p| p.name.clone());
                let one = Rotation {
                    id: RotationId::new("r").expect("valid id"),
                    name: format!("{} - {name}", s.name),
                    members: vec![person],
                    shift: Shift::parse("1w").expect("valid shift"),
                    start: Instant::parse("2024-01-01T00:00:00Z").expect("valid instant"),
                    timezone: timezone.clone(),
                    window: None,
                    windows: Vec::new(),
                    overrides: Vec::new(),
                };
                (Some(one), name)
            }
            other => {
                b.notes.warn(t.src.clone(), format!("{who} covers a target of type \"{}\" ({label}); only users and rotations can be on call: left out", rungs_core::text::truncate_for_display(other, 30)));
                continue;
            }
        };
        let Some(mut rot) = base else { continue };
        let coverage = coverage(b, &who, &label, t)?;
        let user = t.kind == "user";
        let windows = match coverage {
            Coverage::Never => continue,
            Coverage::Always if !user => {
                always.push(rot.id.clone());
                continue;
            }
            Coverage::Always => Vec::new(),
            Coverage::Windows(w) => w,
        };
        let at = format!("/rotations/{}", b.ladder().rotations.len());
        if user {
            b.notes.info(t.src.clone(), format!("{who} puts {label} on call directly: a one-person rotation \"{}\" holds those hours", rot.name)).at(at);
        } else {
            rot.name = format!("{} - {}", s.name, rot.name);
            rot.overrides.clear();
            b.notes.info(t.src.clone(), format!("{who} covers rotation {label} only at some hours: a copy of it, \"{}\", has those hours as windows", rot.name)).at(at);
        }
        (rot.window, rot.windows) = crate::rotation::window_fields(windows);
        let id = b.rotation(&format!("{}#{}:{}", s.key, t.kind, t.key), rot);
        if windows_empty(b, &id) {
            always.push(id);
        } else {
            windowed.push(id);
        }
    }
    let mut layers: Vec<RotationId> = Vec::new();
    for id in always.into_iter().chain(windowed) {
        if !layers.contains(&id) {
            layers.push(id);
        }
    }
    let at = format!("/schedules/{}/layers", b.ladder().schedules.len());
    if layers.is_empty() {
        b.notes
            .warn(
                s.src.clone(),
                format!("{who} has no rule Rungs can use: it pages nobody"),
            )
            .at(at.clone());
    } else if layers.len() > 1 {
        b.notes.warn(s.src.clone(), format!("{who} puts everyone its rules cover on call at once; a Rungs schedule pages one person, from the highest layer with someone on call: round-the-clock targets are the lowest layers, the others above them in the order read")).at(at);
    }
    b.schedule(&s.key, &s.name, layers);
    Ok(())
}

fn windows_empty(b: &Builder, id: &RotationId) -> bool {
    b.ladder()
        .rotations
        .iter()
        .find(|r| &r.id == id)
        .is_some_and(|r| r.window_list().is_none())
}

/// Day `i` of GoAlert's weekday filter, which is Sunday first (the core's
/// [`Weekday::ALL`] is Monday first).
fn sunday_first(i: usize) -> Weekday {
    Weekday::ALL[(i + 6) % 7]
}

fn clock(s: &str, src: &SourceRef, what: &str) -> Result<ClockTime, ImportError> {
    ClockTime::parse(s).map_err(|_| {
        ImportError::at_source(
            src,
            format!(
                "{what} \"{}\" is not a time of day such as 09:00",
                rungs_core::text::truncate_for_display(s, 20)
            ),
        )
    })
}

/// The rules as windows: start to end on each day the filter keeps (end before start:
/// overnight; start equal to end: 24 hours from start, the whole day from 00:00).
fn coverage(
    b: &mut Builder,
    who: &str,
    label: &str,
    t: &SchedTarget,
) -> Result<Coverage, ImportError> {
    if t.rules.is_empty() {
        b.notes.warn(
            t.src.clone(),
            format!("{who} has no rule for {label}: never on call, left out"),
        );
        return Ok(Coverage::Never);
    }
    let mut windows = Vec::new();
    for r in &t.rules {
        let Rule {
            start, end, days, ..
        } = r;
        let from = clock(
            start,
            &r.src,
            &format!("{who}'s rule for {label} starts at"),
        )?;
        let to = clock(end, &r.src, &format!("{who}'s rule for {label} ends at"))?;
        let days: Vec<Weekday> = days
            .iter()
            .enumerate()
            .filter(|(_, on)| **on)
            .map(|(i, _)| sunday_first(i))
            .collect();
        if days.is_empty() {
            b.notes.info(
                r.src.clone(),
                format!("{who}'s rule for {label} is on no weekday: never active, left out"),
            );
            continue;
        }
        if from == to && days.len() == 7 {
            return Ok(Coverage::Always);
        }
        if from == to && from.minutes() != 0 {
            for d in days {
                let next = Weekday::ALL[(d as usize + 1) % 7];
                windows.push(Window {
                    days: vec![d],
                    from,
                    to,
                    to_day: Some(next),
                });
            }
        } else {
            windows.push(Window {
                days,
                from,
                to,
                to_day: None,
            });
        }
    }
    if windows.is_empty() {
        b.notes.warn(
            t.src.clone(),
            format!("{who}'s rules for {label} are never active: left out"),
        );
        return Ok(Coverage::Never);
    }
    Ok(Coverage::Windows(windows))
}

fn person_name(b: &Builder, key: &str) -> String {
    b.person_id(key)
        .and_then(|id| b.ladder().people.iter().find(|p| p.id == id))
        .map_or_else(|| key.to_string(), |p| p.name.clone())
}

fn user_override(
    b: &mut Builder,
    m: &Model,
    zones: &[(String, String)],
    o: &UserOverride,
) -> Result<(), ImportError> {
    let sched_key = match (&o.schedule, m.schedules.as_slice()) {
        (Some(k), _) => k.clone(),
        (None, [only]) => {
            b.notes.info(
                o.src.clone(),
                format!(
                    "this override names no schedule: taken as one of Schedule {}, the only schedule in these files",
                    only.name
                ),
            );
            only.key.clone()
        }
        (None, _) => {
            b.notes.warn(o.src.clone(), "this override names no schedule and these files hold several (or none): left out; query it with its target");
            return Ok(());
        }
    };
    let Some(sid) = b.schedule_id(&sched_key) else {
        b.notes.warn(
            o.src.clone(),
            format!(
                "this override is for schedule {sched_key}, which is not in these files: left out"
            ),
        );
        return Ok(());
    };
    let sched = b
        .ladder()
        .schedules
        .iter()
        .find(|s| s.id == sid)
        .cloned()
        .expect("just found");
    let who = format!("Schedule {}", sched.name);
    let from = instant(Some(&o.start), &o.src, "the override's start")?;
    let to = instant(Some(&o.end), &o.src, "the override's end")?;
    if to <= from {
        b.notes.warn(
            o.src.clone(),
            format!("an override of {who} ends before it starts: left out"),
        );
        return Ok(());
    }
    let (add, remove) = match (&o.add, &o.remove) {
        (Some(a), Some(r)) => (a, r),
        (Some(a), None) => {
            let name = person_name(b, a);
            b.notes.warn(o.src.clone(), format!("{who}: an override adds {name} from {from} to {to} alongside whoever is on call; a Rungs schedule pages one person: left out"));
            return Ok(());
        }
        (None, Some(r)) => {
            let name = person_name(b, r);
            b.notes.warn(o.src.clone(), format!("{who}: an override takes {name} off call from {from} to {to}; Rungs cannot leave a rotation's turn empty: left out"));
            return Ok(());
        }
        (None, None) => {
            b.notes.warn(
                o.src.clone(),
                format!("an override of {who} neither adds nor removes anyone: left out"),
            );
            return Ok(());
        }
    };
    let removed = b.person_id(remove);
    let person = person_ref(b, zones, add, None, &o.src);
    let (add_name, remove_name) = (person_name(b, add), person_name(b, remove));
    let mut placed = Vec::new();
    let mut overlap = false;
    for layer in &sched.layers {
        let Some(i) = b.ladder().rotations.iter().position(|r| &r.id == layer) else {
            continue;
        };
        let rot = &mut b.ladder_mut().rotations[i];
        if !removed.as_ref().is_some_and(|p| rot.members.contains(p)) {
            continue;
        }
        if rot.overrides.iter().any(|x| x.from < to && from < x.to) {
            overlap = true;
            continue;
        }
        rot.overrides.push(Override {
            from,
            to,
            person: person.clone(),
        });
        placed.push(format!(
            "/rotations/{i}/overrides/{}",
            rot.overrides.len() - 1
        ));
    }
    if let Some(first) = placed.first() {
        b.notes.warn(o.src.clone(), format!("{who}: {add_name} replaces {remove_name} from {from} to {to}; in Rungs {add_name} is on call for each layer {remove_name} is a member of, for the whole time, whoever's turn it is")).at(first.clone());
    } else if overlap {
        b.notes.warn(o.src.clone(), format!("{who}: an override ({add_name} for {remove_name} from {from} to {to}) overlaps an earlier one of the same rotation: left out"));
    } else {
        b.notes.warn(
            o.src.clone(),
            format!(
                "{who}: an override replaces {remove_name}, who is in none of its layers: left out"
            ),
        );
    }
    Ok(())
}
