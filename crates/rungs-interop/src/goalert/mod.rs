//! GoAlert: GraphQL JSON (`json.rs`) and the community Terraform provider
//! `healdropper/goalert` (`terraform.rs`). Both read into the small vendor model below;
//! [`build`] (with `schedules.rs` for schedule rules and overrides, `policies.rs` for
//! tiers) makes the ladder, so the mapping is written once. GoAlert has no exporter.
//!
//! Semantics followed (target/goalert): a step's `delayMinutes` is the wait before the
//! next step (after the last one, before starting over), `repeat` is how many times the
//! steps start over (`engine/escalationmanager/db.go`: `loop_count < ep.repeat`), so both
//! map one to one. A rotation hands over every `shiftLength` hours, days or weeks at
//! wall-clock time (`schedule/rotation/rotation.go`); monthly rotations follow the
//! calendar, which Rungs cannot. Schedule rules make every target they cover on call at
//! once (`schedule/rule/rule.go`).

mod json;
mod policies;
mod schedules;
mod terraform;

use std::collections::HashMap;

use rungs_core::time::Instant;
use rungs_core::{Duration, PersonId, Shift};

use crate::build::Builder;
use crate::hcl::Config;
use crate::notes::{ImportError, SourceRef};
use crate::SourceFile;

/// GoAlert's own limit for a step's delay and a rotation's shift length
/// (`escalation/step.go`, `schedule/rotation/rotation.go`: `validate.Range(.., 1, 9000)`).
const MAX_GOALERT_NUMBER: u64 = 9000;
/// GoAlert allows at most 5 repeats (`escalation/policy.go`); more is kept up to this.
const MAX_REPEAT: i64 = 1000;

/// A user as the source describes it.
#[derive(Debug, Clone)]
pub(crate) struct User {
    pub key: String,
    pub name: String,
    pub email: Option<String>,
    pub src: SourceRef,
}

/// A rotation as the source describes it; values checked in [`build`].
#[derive(Debug, Clone)]
pub(crate) struct Rot {
    pub key: String,
    pub name: String,
    pub description: Option<String>,
    pub time_zone: Option<String>,
    pub kind: Option<String>,
    pub shift_length: Option<u64>,
    pub start: Option<String>,
    pub users: Vec<(String, SourceRef)>,
    pub active_user_index: Option<i64>,
    pub src: SourceRef,
    pub src_kind: SourceRef,
    pub src_shift: SourceRef,
    pub src_start: SourceRef,
    pub src_active: SourceRef,
}

/// One rule of a schedule target: clock times and the weekdays, Sunday first.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub start: String,
    pub end: String,
    pub days: [bool; 7],
    pub src: SourceRef,
}

/// A user or rotation a schedule's rules cover.
#[derive(Debug, Clone)]
pub(crate) struct SchedTarget {
    pub kind: String,
    pub key: String,
    pub name: Option<String>,
    pub rules: Vec<Rule>,
    pub src: SourceRef,
}

/// A schedule as the source describes it.
#[derive(Debug, Clone)]
pub(crate) struct Sched {
    pub key: String,
    pub name: String,
    pub time_zone: Option<String>,
    pub targets: Vec<SchedTarget>,
    pub src: SourceRef,
}

/// A user override: `add` alone adds, `remove` alone removes, both replace.
#[derive(Debug, Clone)]
pub(crate) struct UserOverride {
    pub schedule: Option<String>,
    pub add: Option<String>,
    pub remove: Option<String>,
    pub start: String,
    pub end: String,
    pub src: SourceRef,
}

/// Who or what a step notifies.
#[derive(Debug, Clone)]
pub(crate) struct StepTarget {
    /// GraphQL target type (`user`, `rotation`, `schedule`, `chanWebhook`, ...) or
    /// destination type (`builtin-user`, `builtin-webhook`, ...).
    pub kind: String,
    pub key: String,
    pub name: Option<String>,
    pub src: SourceRef,
}

/// One escalation step.
#[derive(Debug, Clone)]
pub(crate) struct PStep {
    pub delay: Option<u64>,
    pub multi_ack: bool,
    pub targets: Vec<StepTarget>,
    pub src: SourceRef,
    pub src_delay: SourceRef,
}

/// An escalation policy.
#[derive(Debug, Clone)]
pub(crate) struct Policy {
    pub key: String,
    pub name: String,
    pub description: Option<String>,
    pub repeat: Option<i64>,
    pub steps: Vec<PStep>,
    pub src: SourceRef,
    pub src_repeat: SourceRef,
}

/// Everything read, in source order, before any of it is built.
#[derive(Debug, Default)]
pub(crate) struct Model {
    pub users: Vec<User>,
    pub rotations: Vec<Rot>,
    pub schedules: Vec<Sched>,
    pub overrides: Vec<UserOverride>,
    pub policies: Vec<Policy>,
    /// Where each key is in its list, to find repeats without scanning the list
    /// (quadratic for big exports).
    user_at: HashMap<String, usize>,
    rotation_at: HashMap<String, usize>,
    schedule_at: HashMap<String, usize>,
    policy_at: HashMap<String, usize>,
}

impl Model {
    /// Adds unless an item with the same key was read before (then a note: the first is
    /// kept).
    fn add<T>(
        list: &mut Vec<T>,
        at: &mut HashMap<String, usize>,
        item: T,
        key: impl Fn(&T) -> (&str, &str, &SourceRef),
        b: &mut Builder,
    ) {
        let (k, name, src) = key(&item);
        if let Some(&first) = at.get(k) {
            let first_src = key(&list[first]).2.to_string();
            b.notes.info(
                src.clone(),
                format!("{name} ({k}) was already read at {first_src}: the first is kept"),
            );
            return;
        }
        at.insert(k.to_string(), list.len());
        list.push(item);
    }

    /// Users come in lists and inline (a rotation's `users`, an override's `addUser`):
    /// the same user read again fills in what was missing.
    pub fn add_user(&mut self, u: User) {
        match self.user_at.get(&u.key).map(|&i| &mut self.users[i]) {
            Some(x) => {
                if x.email.is_none() {
                    x.email = u.email;
                }
                if x.name.trim().is_empty() {
                    x.name = u.name;
                }
            }
            None => {
                self.user_at.insert(u.key.clone(), self.users.len());
                self.users.push(u);
            }
        }
    }
    pub fn add_rotation(&mut self, r: Rot, b: &mut Builder) {
        Self::add(
            &mut self.rotations,
            &mut self.rotation_at,
            r,
            |x| (&x.key, &x.name, &x.src),
            b,
        );
    }
    pub fn add_schedule(&mut self, s: Sched, b: &mut Builder) {
        Self::add(
            &mut self.schedules,
            &mut self.schedule_at,
            s,
            |x| (&x.key, &x.name, &x.src),
            b,
        );
    }
    pub fn add_policy(&mut self, p: Policy, b: &mut Builder) {
        Self::add(
            &mut self.policies,
            &mut self.policy_at,
            p,
            |x| (&x.key, &x.name, &x.src),
            b,
        );
    }
}

pub(crate) fn import_json(b: &mut Builder, files: &[SourceFile]) -> Result<(), ImportError> {
    let mut model = Model::default();
    for f in files {
        json::read(b, f, &mut model)?;
    }
    build(b, &model)
}

pub(crate) fn import_terraform(b: &mut Builder, config: &Config) -> Result<(), ImportError> {
    let model = terraform::read(b, config)?;
    build(b, &model)
}

/// The ladder from the model: people, rotations, schedules (with overrides), then one
/// tier per policy.
fn build(b: &mut Builder, m: &Model) -> Result<(), ImportError> {
    let zones = person_zones(m);
    if let Some(first) = m.users.first() {
        b.notes.info(
            first.src.clone(),
            "GoAlert users have no time zone: each person gets the time zone of the first rotation (else schedule) they are on, or UTC",
        );
    }
    // Users come from lists and inline in any file order: added by name, then id, so the
    // ladder does not depend on the order of the files.
    let mut users: Vec<&User> = m.users.iter().collect();
    users.sort_by(|a, b| (&a.name, &a.key).cmp(&(&b.name, &b.key)));
    for u in users {
        let zone = zone_of(&zones, &u.key);
        b.person(&u.key, &u.name, u.email.as_deref(), Some(zone), &u.src);
    }
    for r in &m.rotations {
        rotation(b, m, &zones, r)?;
    }
    schedules::build(b, m, &zones)?;
    for p in &m.policies {
        policies::policy(b, &zones, p)?;
    }
    Ok(())
}

/// Each user's zone: the first rotation listing them, else the first schedule covering
/// them directly.
fn person_zones(m: &Model) -> Vec<(String, String)> {
    let mut zones: Vec<(String, String)> = Vec::new();
    let mut set = |key: &str, zone: Option<&String>| {
        if let Some(z) = zone {
            if !zones.iter().any(|(k, _)| k == key) {
                zones.push((key.to_string(), z.clone()));
            }
        }
    };
    for r in &m.rotations {
        for (u, _) in &r.users {
            set(u, r.time_zone.as_ref());
        }
    }
    for s in &m.schedules {
        for t in s.targets.iter().filter(|t| t.kind == "user") {
            set(&t.key, s.time_zone.as_ref());
        }
    }
    zones
}

fn zone_of<'a>(zones: &'a [(String, String)], key: &str) -> &'a str {
    zones
        .iter()
        .find(|(k, _)| k == key)
        .map_or("UTC", |(_, z)| z.as_str())
}

/// The person under `key`; a user the files only name (a target's `name`) is added with
/// that name, one they do not describe at all is a stand-in.
pub(crate) fn person_ref(
    b: &mut Builder,
    zones: &[(String, String)],
    key: &str,
    name: Option<&str>,
    src: &SourceRef,
) -> PersonId {
    if let Some(id) = b.person_id(key) {
        return id;
    }
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => {
            b.notes.warn(
                src.clone(),
                format!("user {name} ({key}) is not in these files: added by name, with no email; add the users' file to import their emails"),
            );
            b.person(key, name, None, Some(zone_of(zones, key)), src)
        }
        None => b.person_or_stand_in(key, src),
    }
}

/// A whole number from the source checked against GoAlert's own limit.
fn checked(n: u64, max: u64, src: &SourceRef, what: &str) -> Result<u64, ImportError> {
    if n > max {
        return Err(ImportError::at_source(
            src,
            format!("{what} is {n}; GoAlert allows at most {max}"),
        ));
    }
    Ok(n)
}

fn rotation(
    b: &mut Builder,
    m: &Model,
    zones: &[(String, String)],
    r: &Rot,
) -> Result<(), ImportError> {
    let who = format!("Rotation {}", r.name);
    let i = b.ladder().rotations.len();
    let at = format!("/rotations/{i}");
    let mut members = Vec::new();
    for (key, src) in &r.users {
        let name = m
            .users
            .iter()
            .find(|u| &u.key == key)
            .map(|u| u.name.as_str());
        members.push(person_ref(b, zones, key, name, src));
    }
    if members.is_empty() {
        b.notes
            .warn(
                r.src.clone(),
                format!("{who} has no users: nobody is on call from it"),
            )
            .at(format!("{at}/members"));
    }
    let length = match r.shift_length {
        None | Some(0) => {
            b.notes
                .info(
                    r.src_shift.clone(),
                    format!("{who} has no shift length: 1, as GoAlert defaults it"),
                )
                .at(format!("{at}/shift"));
            1
        }
        Some(n) => checked(
            n,
            MAX_GOALERT_NUMBER,
            &r.src_shift,
            &format!("{who}'s shift length"),
        )?,
    };
    const HOUR: u64 = 3_600_000;
    const DAY: u64 = 24 * HOUR;
    let shift = match r.kind.as_deref() {
        Some("hourly") => Shift::fixed(Duration::from_millis(length * HOUR)),
        Some("daily") => Shift::new(Duration::from_millis(length * DAY)),
        Some("weekly") => Shift::new(Duration::from_millis(length * 7 * DAY)),
        Some("monthly") => {
            b.notes
                .warn(
                    r.src_kind.clone(),
                    format!("{who} hands over every {length} month(s) on the same day of the month, which Rungs cannot: shifts of {} days instead", length * 30),
                )
                .at(format!("{at}/shift"));
            Shift::new(Duration::from_millis(length * 30 * DAY))
        }
        other => {
            return Err(ImportError::at_source(
                &r.src_kind,
                format!(
                    "{who} has type {}: expected hourly, daily, weekly or monthly",
                    other.map_or("(none)".to_string(), |t| format!(
                        "\"{}\"",
                        rungs_core::text::truncate_for_display(t, 30)
                    ))
                ),
            ))
        }
    };
    let start = instant(r.start.as_deref(), &r.src_start, &format!("{who}'s start"))?;
    let timezone = b.timezone(r.time_zone.as_deref(), &r.src, &who);
    if let Some(d) = r.description.as_deref().filter(|d| !d.trim().is_empty()) {
        b.notes
            .info(
                r.src.clone(),
                format!(
                    "{who}'s description \"{}\" has no place in a Rungs rotation: left out",
                    rungs_core::text::truncate_for_display(d, 60)
                ),
            )
            .at(at.clone());
    }
    match r.active_user_index {
        None | Some(0) => {}
        Some(n) => {
            let who_now = usize::try_from(n)
                .ok()
                .and_then(|n| members.get(n))
                .map_or_else(
                    || format!("position {n}, which is not in the list"),
                    |p| p.as_str().to_string(),
                );
            b.notes
                .warn(
                    r.src_active.clone(),
                    format!("{who}: GoAlert says {who_now} is on call now (activeUserIndex {n}); Rungs counts turns from the start with the first user, so check who is on call today and reorder the members or move the start"),
                )
                .at(format!("{at}/members"));
        }
    }
    b.rotation(
        &r.key,
        crate::rotation::imported(r.name.clone(), members, shift, start, timezone, Vec::new()),
    );
    Ok(())
}

/// An RFC 3339 instant from the source.
pub(crate) fn instant(
    s: Option<&str>,
    src: &SourceRef,
    what: &str,
) -> Result<Instant, ImportError> {
    let s = s.ok_or_else(|| ImportError::at_source(src, format!("{what} is missing")))?;
    Instant::parse(s).map_err(|_| {
        ImportError::at_source(
            src,
            format!(
                "{what} \"{}\" is not a date and time such as 2026-10-01T09:00:00Z",
                rungs_core::text::truncate_for_display(s, 40)
            ),
        )
    })
}
