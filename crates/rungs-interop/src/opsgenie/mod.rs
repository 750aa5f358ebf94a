//! Opsgenie: REST API v2 JSON and the `opsgenie/opsgenie` Terraform provider.
//!
//! Both importers read their input into the small vendor model below ([`Model`]); one
//! function, [`build`], turns it into the ladder, so JSON and Terraform follow the same
//! rules and give the same notes. `export.rs` writes a ladder back for the provider.
//!
//! Semantics followed (docs.opsgenie.com escalation-api, schedule-api,
//! schedule-rotation-api; the provider's `resource_opsgenie_escalation.go` and
//! `resource_opsgenie_schedule_rotation.go`):
//! - a rule's `delay` counts from the alert's creation, not from the previous rule;
//! - `repeat.waitInterval` is the wait after the last rule before the rules run again;
//! - a schedule's rotations are all on call at once (every on-call participant of the
//!   schedule is notified); a rotation's time restriction is in the schedule's zone.

mod export;
mod json;
mod rotations;
mod rules;
mod terraform;

use std::collections::{HashMap, HashSet};

use rungs_core::{PersonId, RotationId, Target};

use crate::build::Builder;
use crate::notes::{ImportError, SourceRef};

pub(crate) use export::export;
pub(crate) use json::import_json;
pub(crate) use rotations::{full_day, next_day};
use rotations::{rotation, same_rotation};
use rules::escalation;
pub(crate) use terraform::import_terraform;

/// The longest rule delay or repeat wait accepted: 30 days, in minutes.
const MAX_DELAY_MINS: u64 = 30 * 24 * 60;
/// The longest rotation accepted: a year, in hours.
const MAX_SHIFT_HOURS: u64 = 366 * 24;
/// The most repeats kept (Opsgenie's own limit is far lower).
const MAX_REPEAT: u64 = 100;
/// Where a rotation whose start cannot be read starts.
const FALLBACK_START: &str = "2026-01-05T00:00:00Z";

/// What both importers read: users, schedules with their rotations, escalations.
#[derive(Debug, Default)]
pub(crate) struct Model {
    pub users: Vec<User>,
    pub schedules: Vec<Sched>,
    pub escalations: Vec<Esc>,
}

/// An Opsgenie user.
#[derive(Debug)]
pub(crate) struct User {
    /// The id (JSON) or the Terraform address.
    pub key: String,
    /// The username, which Opsgenie defines as the user's email.
    pub username: Option<String>,
    pub full_name: Option<String>,
    pub timezone: Option<String>,
    pub src: SourceRef,
}

/// A schedule and its rotations.
#[derive(Debug)]
pub(crate) struct Sched {
    pub key: String,
    pub name: String,
    pub timezone: Option<String>,
    pub rotations: Vec<Rot>,
    pub src: SourceRef,
}

/// A schedule rotation.
#[derive(Debug)]
pub(crate) struct Rot {
    pub name: Option<String>,
    /// `hourly`, `daily` or `weekly`.
    pub kind: Option<String>,
    pub length: Option<u64>,
    /// Start as written (`None`: missing or computed by Terraform).
    pub start: Option<String>,
    pub end: Option<String>,
    pub participants: Vec<Participant>,
    pub restriction: Option<Restriction>,
    pub src: SourceRef,
    pub src_start: SourceRef,
    pub src_end: SourceRef,
}

/// A rotation's participant or a rule's recipient: its type and the key of what it names
/// (a user's id or username, a schedule's id or name, a Terraform address).
#[derive(Debug, Clone)]
pub(crate) struct Participant {
    pub kind: String,
    pub keys: Vec<String>,
    pub src: SourceRef,
}

/// A rotation's time restriction.
#[derive(Debug)]
pub(crate) struct Restriction {
    /// `time-of-day` or `weekday-and-time-of-day`.
    pub kind: String,
    pub spans: Vec<Span>,
    pub src: SourceRef,
}

/// One restriction: days (for `weekday-and-time-of-day`) and times.
#[derive(Debug)]
pub(crate) struct Span {
    pub start_day: Option<String>,
    pub end_day: Option<String>,
    pub start: (u64, u64),
    pub end: (u64, u64),
    pub src: SourceRef,
}

/// An escalation.
#[derive(Debug)]
pub(crate) struct Esc {
    /// The id (JSON) or the Terraform address.
    pub key: String,
    pub name: String,
    pub description: Option<String>,
    pub rules: Vec<Rule>,
    pub repeat: Option<Repeat>,
    pub src: SourceRef,
    pub src_rules: SourceRef,
}

/// An escalation rule.
#[derive(Debug)]
pub(crate) struct Rule {
    pub condition: Option<String>,
    pub notify_type: Option<String>,
    /// Minutes from the alert's creation.
    pub delay: u64,
    pub recipient: Option<Participant>,
    pub src: SourceRef,
}

/// An escalation's repeat.
#[derive(Debug)]
pub(crate) struct Repeat {
    pub wait: Option<u64>,
    pub count: Option<u64>,
    pub reset_recipient_states: Option<bool>,
    pub close_alert_after_all: Option<bool>,
    pub src: SourceRef,
}

/// Minutes for `amount` of `unit` (default minutes), checked against [`MAX_DELAY_MINS`].
pub(crate) fn delay_minutes(amount: u64, unit: Option<&str>, what: &str) -> Result<u64, String> {
    let per = match unit.unwrap_or("minutes") {
        "minutes" => 1,
        "hours" => 60,
        "days" => 24 * 60,
        "weeks" => 7 * 24 * 60,
        other => {
            return Err(format!(
                "{what} has the time unit \"{}\": expected minutes, hours or days",
                rungs_core::text::truncate_for_display(other, 30)
            ))
        }
    };
    match amount.checked_mul(per) {
        Some(m) if m <= MAX_DELAY_MINS => Ok(m),
        _ => Err(format!(
            "{what} is {amount} {}: more than 30 days, which no escalation waits",
            unit.unwrap_or("minutes")
        )),
    }
}

/// Builds the ladder from what was read: people, rotations and schedules, then one tier
/// per escalation.
pub(crate) fn build(b: &mut Builder, m: &Model) -> Result<(), ImportError> {
    let mut usernames: HashMap<String, String> = HashMap::new();
    for u in &m.users {
        let email = u.username.as_deref().filter(|e| e.contains('@'));
        if let Some(name) = u.username.as_deref().filter(|e| !e.contains('@')) {
            b.notes.info(
                u.src.clone(),
                format!(
                    "user {name}'s username is not an email address: imported without an email"
                ),
            );
        }
        let name = u
            .full_name
            .as_deref()
            .or(u.username.as_deref())
            .unwrap_or(&u.key);
        if u.full_name.is_none() {
            b.notes.info(
                u.src.clone(),
                format!("user {name} has no full name here: named by the username"),
            );
        }
        if b.person_id(&u.key).is_some() {
            b.notes.warn(
                u.src.clone(),
                format!("user {name} is described twice: the first description is kept"),
            );
            continue;
        }
        b.person(&u.key, name, email, u.timezone.as_deref(), &u.src);
        if let Some(un) = &u.username {
            usernames
                .entry(un.to_ascii_lowercase())
                .or_insert_with(|| u.key.clone());
        }
    }
    let people = People { usernames };
    // Schedules: a one-rotation schedule is that rotation; more rotations make layers.
    // One-rotation schedules first, so a layer that repeats one of them (as the export
    // writes a layered schedule) is found as that rotation.
    let mut schedule_targets: Vec<(Vec<String>, Target)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut order: Vec<&Sched> = m.schedules.iter().collect();
    order.sort_by_key(|s| s.rotations.len() > 1);
    for s in order {
        if seen.contains(s.key.as_str()) {
            b.notes.warn(
                s.src.clone(),
                format!(
                    "schedule \"{}\" is described twice: the first description is kept",
                    s.name
                ),
            );
            continue;
        }
        seen.insert(&s.key);
        let zone = b.timezone(
            s.timezone.as_deref(),
            &s.src,
            &format!("schedule \"{}\"", s.name),
        );
        let mut layers: Vec<RotationId> = Vec::new();
        for (i, r) in s.rotations.iter().enumerate() {
            let rot = rotation(b, &people, s, i, r, zone.clone())?;
            let layered = s.rotations.len() > 1;
            let same = b
                .ladder()
                .rotations
                .iter()
                .find(|x| same_rotation(x, &rot, layered))
                .map(|x| (x.id.clone(), x.timezone.clone()));
            let id = match same {
                Some((id, tz)) => {
                    if tz != rot.timezone {
                        b.notes.info(
                            r.src.clone(),
                            format!(
                                "rotation \"{}\" of schedule \"{}\" is the schedule of that name, in {}: it is that rotation, in its own time zone",
                                rot.name,
                                s.name,
                                tz.as_str()
                            ),
                        );
                    }
                    id
                }
                None => b.rotation(&format!("{}#{i}", s.key), rot),
            };
            if !layers.contains(&id) {
                layers.push(id);
            }
        }
        let target = match layers.as_slice() {
            [] => {
                b.notes.warn(
                    s.src.clone(),
                    format!(
                        "schedule \"{}\" has no rotation: rules that notify it are left out",
                        s.name
                    ),
                );
                None
            }
            [one] => Some(Target::Rotation(one.clone())),
            _ => {
                let n = b.ladder().schedules.len();
                b.notes
                    .warn(
                        s.src.clone(),
                        format!(
                            "schedule \"{}\" has {} rotations, which Opsgenie notifies together when several are on call; Rungs pages only the highest layer with someone on call (the last rotation listed)",
                            s.name,
                            layers.len()
                        ),
                    )
                    .at(format!("/schedules/{n}"));
                Some(Target::Schedule(b.schedule(&s.key, &s.name, layers)))
            }
        };
        if let Some(t) = target {
            schedule_targets.push((vec![s.key.clone(), s.name.clone()], t));
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for e in &m.escalations {
        if seen.contains(e.key.as_str()) {
            b.notes.warn(
                e.src.clone(),
                format!(
                    "escalation \"{}\" is described twice (id {}): the first description is kept",
                    e.name, e.key
                ),
            );
            continue;
        }
        seen.insert(&e.key);
        let tier = b.ladder().tiers.len();
        let escalation = escalation(b, &people, &schedule_targets, e, tier)?;
        b.tier(&e.name, e.description.as_deref(), escalation, &e.src);
    }
    Ok(())
}

/// Usernames (lowercased) to user keys: the first user with each.
pub(crate) struct People {
    usernames: HashMap<String, String>,
}

impl People {
    /// The person a participant names: by key (id or address), then by username; a
    /// stand-in when none is described.
    pub(crate) fn find(&self, b: &mut Builder, p: &Participant) -> Option<PersonId> {
        for k in &p.keys {
            if let Some(id) = b.person_id(k) {
                return Some(id);
            }
            let lower = k.to_ascii_lowercase();
            if let Some(key) = self.usernames.get(&lower) {
                return b.person_id(key);
            }
        }
        let key = p.keys.first()?;
        Some(b.person_or_stand_in(key, &p.src))
    }
}
