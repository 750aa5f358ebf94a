//! PagerDuty: REST API v2 JSON and the `PagerDuty/pagerduty` Terraform provider.
//!
//! Both importers read their input into the small vendor model below ([`Model`]: users,
//! schedules with their layers lowest first, policies with their rules), with a source
//! place for everything a note may need; [`build`] then makes the ladder from it once.
//! `json.rs` reads the API's JSON, `terraform.rs` the provider's resources, `export.rs`
//! writes a ladder back as the provider's resources. docs/import.md has the rules.

mod export;
pub(crate) mod json;
mod schedules;
mod terraform;

use std::collections::HashSet;

use rungs_core::{Duration, Escalation, Step, Target};

use schedules::schedule;

use crate::build::Builder;
use crate::notes::{ImportError, SourceRef};

pub(crate) use export::export;
pub(crate) use json::import_json;
pub(crate) use terraform::import_terraform;

/// The longest escalation delay accepted, in minutes (a year): more is not a policy.
const MAX_DELAY_MINUTES: u64 = 366 * 24 * 60;
/// The provider's range for a layer's turn (`validation.IntBetween(3600, 365*24*3600)`);
/// the importer accepts from one minute, and at most this.
const MAX_TURN_SECONDS: u64 = 365 * 24 * 3600;
/// The most loops PagerDuty allows (`num_loops`: `validation.IntBetween(0, 9)`).
const MAX_LOOPS: u64 = 9;
const WEEK_MINUTES: u64 = 7 * 24 * 60;
const DAY_MINUTES: u64 = 24 * 60;

/// A note to give once the ladder place is known.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    pub warn: bool,
    pub src: SourceRef,
    pub message: String,
}

impl Pending {
    pub fn info(src: SourceRef, message: impl Into<String>) -> Pending {
        Pending {
            warn: false,
            src,
            message: message.into(),
        }
    }

    pub fn warn(src: SourceRef, message: impl Into<String>) -> Pending {
        Pending {
            warn: true,
            src,
            message: message.into(),
        }
    }
}

/// A PagerDuty user (or what a reference or a data source tells of one).
#[derive(Debug, Clone)]
pub(crate) struct User {
    /// The id (JSON) or Terraform address.
    pub key: String,
    pub name: String,
    pub email: Option<String>,
    pub time_zone: Option<String>,
    pub src: SourceRef,
    /// Only a reference's `summary` is known: a warning.
    pub reference_only: bool,
}

/// A layer's restriction, as PagerDuty has it.
#[derive(Debug, Clone)]
pub(crate) struct Restriction {
    pub kind: String,
    /// `HH:MM:SS`.
    pub start_time_of_day: String,
    pub duration_seconds: u64,
    pub start_day_of_week: Option<u64>,
    pub src: SourceRef,
}

/// A schedule layer.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layer {
    pub name: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub virtual_start: Option<String>,
    pub turn_seconds: u64,
    /// User keys in turn order, each with where it is.
    pub users: Vec<(String, SourceRef)>,
    pub restrictions: Vec<Restriction>,
    pub src: SourceRef,
    pub src_start: SourceRef,
    pub src_end: SourceRef,
    pub src_turn: SourceRef,
}

/// A schedule override.
#[derive(Debug, Clone)]
pub(crate) struct ScheduleOverride {
    pub start: String,
    pub end: String,
    pub user: String,
    pub src: SourceRef,
}

/// A schedule: layers lowest first.
#[derive(Debug, Clone)]
pub(crate) struct Schedule {
    pub key: String,
    pub name: String,
    pub time_zone: Option<String>,
    pub layers: Vec<Layer>,
    pub overrides: Vec<ScheduleOverride>,
    pub src: SourceRef,
    /// A data source by name: its layers are not known.
    pub unknown: bool,
    pub pending: Vec<Pending>,
}

/// What a rule's target names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TargetKind {
    User,
    Schedule,
    Other(String),
}

#[derive(Debug, Clone)]
pub(crate) struct RuleTarget {
    pub kind: TargetKind,
    pub key: String,
    pub src: SourceRef,
}

#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub delay_minutes: u64,
    pub targets: Vec<RuleTarget>,
    /// `escalation_rule_assignment_strategy.type`.
    pub strategy: Option<(String, SourceRef)>,
    pub src: SourceRef,
}

#[derive(Debug, Clone)]
pub(crate) struct Policy {
    pub name: String,
    pub description: Option<String>,
    pub num_loops: Option<(u64, SourceRef)>,
    pub rules: Vec<Rule>,
    pub src: SourceRef,
    pub pending: Vec<Pending>,
}

/// Everything read, before the ladder is built.
#[derive(Debug, Default)]
pub(crate) struct Model {
    pub users: Vec<User>,
    pub schedules: Vec<Schedule>,
    pub policies: Vec<Policy>,
}

/// A delay in minutes checked against [`MAX_DELAY_MINUTES`].
pub(crate) fn check_delay(minutes: u64, src: &SourceRef, rule: &str) -> Result<u64, ImportError> {
    if minutes > MAX_DELAY_MINUTES {
        return Err(ImportError::at_source(
            src,
            format!("{rule} waits {minutes} minutes before escalating; at most {MAX_DELAY_MINUTES} (a year) is imported"),
        ));
    }
    Ok(minutes)
}

/// A turn length in seconds checked: from 60 s to a year (lenient below the provider's
/// hour: what the API returns is read as given).
pub(crate) fn check_turn(seconds: u64, src: &SourceRef, layer: &str) -> Result<u64, ImportError> {
    if !(60..=MAX_TURN_SECONDS).contains(&seconds) {
        return Err(ImportError::at_source(
            src,
            format!("{layer} has turns of {seconds} seconds; Rungs reads turns from a minute to a year (60 to {MAX_TURN_SECONDS} seconds; PagerDuty's Terraform provider allows from an hour, 3600)"),
        ));
    }
    Ok(seconds)
}

/// Builds the ladder from the model: people, then schedules (rotations and layered
/// schedules), then one tier per policy.
pub(crate) fn build(b: &mut Builder, m: Model) -> Result<(), ImportError> {
    for u in &m.users {
        if b.person_id(&u.key).is_some() {
            continue;
        }
        let id = b.person(
            &u.key,
            &u.name,
            u.email.as_deref(),
            u.time_zone.as_deref(),
            &u.src,
        );
        if u.reference_only {
            let i = person_index(b, &id);
            b.notes
                .warn(
                    u.src.clone(),
                    format!(
                        "user {} ({}) is only named by a reference here: add the users' file to import their email and time zone",
                        u.name, u.key
                    ),
                )
                .at(format!("/people/{i}"));
        }
    }
    let mut targets: Vec<(String, Option<Target>)> = Vec::new();
    for s in &m.schedules {
        let t = schedule(b, s)?;
        targets.push((s.key.clone(), t));
    }
    for p in &m.policies {
        policy(b, p, &targets)?;
    }
    Ok(())
}

fn person_index(b: &Builder, id: &rungs_core::PersonId) -> usize {
    b.ladder()
        .people
        .iter()
        .position(|p| &p.id == id)
        .unwrap_or(0)
}

fn emit(b: &mut Builder, pending: &[Pending], at: &str) {
    for p in pending {
        let note = if p.warn {
            b.notes.warn(p.src.clone(), p.message.clone())
        } else {
            b.notes.info(p.src.clone(), p.message.clone())
        };
        note.at(at.to_string());
    }
}

/// A policy as the next tier.
fn policy(
    b: &mut Builder,
    p: &Policy,
    schedules: &[(String, Option<Target>)],
) -> Result<(), ImportError> {
    let t = b.ladder().tiers.len();
    let mut steps: Vec<Step> = Vec::new();
    let mut pending = p.pending.clone();
    for (n, rule) in p.rules.iter().enumerate() {
        let label = format!("rule {} of policy \"{}\"", n + 1, p.name);
        let mut notify: Vec<Target> = Vec::new();
        // `notify`'s targets, to skip repeats without scanning it (quadratic on big rules)
        let mut seen: HashSet<Target> = HashSet::new();
        for target in &rule.targets {
            let found = match &target.kind {
                TargetKind::User => Some(Target::Person(
                    b.person_or_stand_in(&target.key, &target.src),
                )),
                TargetKind::Schedule => match schedules.iter().find(|(k, _)| k == &target.key) {
                    Some((_, found)) => found.clone(),
                    None => {
                        pending.push(Pending::warn(target.src.clone(), format!("{label} pages schedule {}, which is not in these files: left out; import the schedule too", target.key)));
                        None
                    }
                },
                TargetKind::Other(kind) => {
                    pending.push(Pending::warn(target.src.clone(), format!("{label} pages a target of type \"{}\", which Rungs cannot page: left out", rungs_core::text::truncate_for_display(kind, 40))));
                    None
                }
            };
            if let Some(found) = found {
                if seen.insert(found.clone()) {
                    notify.push(found);
                }
            }
        }
        if let Some((strategy, src)) = &rule.strategy {
            if strategy == "round_robin" {
                pending.push(Pending::warn(src.clone(), format!("{label} assigns its targets round robin (one at a time); Rungs pages every target of a step, so all of them are paged")));
            } else if strategy != "assign_to_everyone" {
                pending.push(Pending::warn(
                    src.clone(),
                    format!(
                        "{label} has the assignment strategy \"{}\": every target is paged",
                        rungs_core::text::truncate_for_display(strategy, 40)
                    ),
                ));
            }
        }
        if notify.is_empty() {
            match steps.last_mut() {
                Some(last) => {
                    last.escalate_after = Duration::from_mins(
                        last.escalate_after.as_millis() / 60_000 + rule.delay_minutes,
                    );
                    pending.push(Pending::warn(rule.src.clone(), format!("{label} pages nobody Rungs can page: left out, its {} minutes added to the step before", rule.delay_minutes)));
                }
                None => {
                    pending.push(Pending::warn(rule.src.clone(), format!("{label} pages nobody Rungs can page: left out, so the next rules are paged {} minutes earlier", rule.delay_minutes)));
                }
            }
            continue;
        }
        steps.push(Step {
            notify,
            escalate_after: Duration::from_mins(rule.delay_minutes),
        });
    }
    if p.rules.is_empty() {
        pending.push(Pending::warn(
            p.src.clone(),
            format!("policy \"{}\" has no rules: its tier pages nobody", p.name),
        ));
    }
    let repeat = match &p.num_loops {
        None => 0,
        Some((n, src)) if *n > MAX_LOOPS => {
            pending.push(Pending::warn(
                src.clone(),
                format!(
                    "policy \"{}\" loops {n} times; PagerDuty allows at most {MAX_LOOPS}: {MAX_LOOPS}",
                    p.name
                ),
            ));
            MAX_LOOPS as u32
        }
        Some((n, _)) => *n as u32,
    };
    b.tier(
        &p.name,
        p.description.as_deref(),
        Escalation { steps, repeat },
        &p.src,
    );
    emit(b, &pending, &format!("/tiers/{t}"));
    Ok(())
}
