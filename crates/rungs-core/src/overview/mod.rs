//! A read-only view model of a ladder: what the app shows on its overview, with every id
//! resolved to a display name. Building it here keeps the app a thin renderer and lets
//! the wording be tested natively.
//!
//! Here: the view types, [`LadderOverview::new`] (one step per collection) and the text of
//! triggers and windows. `rungs`: the tiers as rungs, shared with the diagram; `names`:
//! display names by id.

mod names;
mod rungs;

pub(crate) use names::LadderNames;
pub use names::{find_name, target_name, Named, Names};
pub(crate) use rungs::rung_views;

use foldhash::{HashMap, HashMapExt};

use crate::model::*;

/// The whole ladder as the overview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LadderOverview {
    /// Ladder name.
    pub name: String,
    /// Revision number.
    pub revision: u32,
    /// Description, if any.
    pub description: Option<String>,
    /// Rungs, most severe (rank 1) first, i.e. top to bottom.
    pub rungs: Vec<RungView>,
    /// People, in document order.
    pub people: Vec<PersonView>,
    /// Roles with their holders.
    pub roles: Vec<RoleView>,
    /// Rotations.
    pub rotations: Vec<RotationView>,
    /// Schedules.
    pub schedules: Vec<ScheduleView>,
    /// Triggers.
    pub triggers: Vec<TriggerView>,
    /// Services.
    pub services: Vec<ServiceView>,
    /// Scenarios.
    pub scenarios: Vec<ScenarioView>,
}

/// One tier, drawn as a rung.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RungView {
    /// JSON Pointer of the entry (`/tiers/i`), where diagnostics point.
    pub pointer: String,
    /// Tier id.
    pub id: String,
    /// Tier name.
    pub name: String,
    /// Rank (1 = most severe).
    pub rank: u32,
    /// Severity class 1-4 for colouring: 1 for the most severe tier, 4 for the fourth
    /// and any below it.
    pub severity: u8,
    /// Criteria text.
    pub criteria: Option<String>,
    /// `(field, duration)` for each timeline that is set, in the format's order
    /// (`acknowledge`, `contain`, `resolve`, `first_update`, `update_every`).
    pub timelines: Vec<(&'static str, String)>,
    /// `(duty, who)` for each owner that is set.
    pub owners: Vec<(&'static str, TargetView)>,
    /// Escalation steps in order.
    pub steps: Vec<StepView>,
    /// Extra passes over the steps.
    pub repeat: u32,
    /// Timelines whose breach escalates, with the tier escalated to (if any).
    pub escalates_on: Vec<&'static str>,
    /// Name of the tier a breach escalates to (the next more severe one).
    pub escalates_to: Option<String>,
    /// Playbook name.
    pub playbook: Option<String>,
    /// Names of the triggers that open or promote to this tier.
    pub triggers: Vec<String>,
}

/// One escalation step.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StepView {
    /// JSON Pointer of the entry (`/tiers/i/escalation/steps/k`), where diagnostics point.
    pub pointer: String,
    /// 1-based number, as people count steps.
    pub number: usize,
    /// Who is paged.
    pub targets: Vec<TargetView>,
    /// Wait before the next step, canonical form.
    pub escalate_after: String,
}

/// A target with its display name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TargetView {
    /// `person`, `rotation`, `schedule` or `role`.
    pub kind: &'static str,
    /// The referenced id.
    pub id: String,
    /// Display name (the id itself when it does not resolve).
    pub label: String,
}

/// A person.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonView {
    /// JSON Pointer of the entry (`/people/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Time zone.
    pub timezone: String,
    /// Role names.
    pub roles: Vec<String>,
    /// Backup's name.
    pub backup: Option<String>,
}

/// A role and who holds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RoleView {
    /// JSON Pointer of the entry (`/roles/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Names of its holders.
    pub holders: Vec<String>,
}

/// A rotation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RotationView {
    /// JSON Pointer of the entry (`/rotations/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Member names in turn order.
    pub members: Vec<String>,
    /// Shift length.
    pub shift: String,
    /// Time zone.
    pub timezone: String,
    /// Window as text (`"mon–fri 09:00–17:00"`), or `None` for around the clock.
    pub window: Option<String>,
}

/// A schedule: rotations in layers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ScheduleView {
    /// JSON Pointer of the entry (`/schedules/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The layers' rotation names, the lowest layer first.
    pub layers: Vec<String>,
}

/// A trigger.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TriggerView {
    /// JSON Pointer of the entry (`/triggers/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Service name.
    pub service: String,
    /// The condition, e.g. `error_rate >= 0.05 for 2m`.
    pub condition: String,
    /// Tier name.
    pub tier: String,
    /// Clear delay.
    pub clear_for: String,
}

/// A service.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ServiceView {
    /// JSON Pointer of the entry (`/services/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Criticality.
    pub criticality: &'static str,
    /// Names of the services it depends on.
    pub depends_on: Vec<String>,
}

/// A scenario.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ScenarioView {
    /// JSON Pointer of the entry (`/scenarios/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Start instant, as people read it, in UTC: `Sat 14 Mar, 03:00 UTC`.
    pub start: String,
    /// Horizon.
    pub horizon: String,
    /// Number of signals and injects.
    pub signals: usize,
    /// Number of injects.
    pub injects: usize,
}

impl LadderOverview {
    /// Builds the overview of `ladder`. References that do not resolve show their id.
    pub fn new(ladder: &Ladder) -> Self {
        let names = LadderNames::new(ladder);
        LadderOverview {
            name: ladder.name.clone(),
            revision: ladder.revision,
            description: ladder.description.clone(),
            rungs: rung_views(ladder, &names),
            people: person_views(ladder, &names),
            roles: role_views(ladder),
            rotations: rotation_views(ladder, &names),
            schedules: (ladder.schedules.iter().enumerate())
                .map(|(i, s)| ScheduleView {
                    pointer: Kind::Schedule.pointer(i),
                    id: s.id.to_string(),
                    name: s.name.clone(),
                    layers: (s.layers.iter())
                        .map(|r| names.rotations.get(r.as_str()))
                        .collect(),
                })
                .collect(),
            triggers: trigger_views(ladder, &names),
            services: service_views(ladder, &names),
            scenarios: scenario_views(ladder),
        }
    }
}

fn person_views(ladder: &Ladder, names: &LadderNames) -> Vec<PersonView> {
    ladder
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| PersonView {
            pointer: Kind::Person.pointer(i),
            id: p.id.to_string(),
            name: p.name.clone(),
            timezone: p.timezone.as_str().to_string(),
            roles: p
                .roles
                .iter()
                .map(|r| names.roles.get(r.as_str()))
                .collect(),
            backup: p.backup.as_ref().map(|b| names.people.get(b.as_str())),
        })
        .collect()
}

/// Holders of each role id, in the order of `people`, each person once per role. Only
/// ids of roles are kept, and names are cloned once, for the role views.
fn role_holders(ladder: &Ladder) -> HashMap<&str, Vec<&str>> {
    let mut holders: HashMap<&str, Vec<&str>> = HashMap::with_capacity(ladder.roles.len());
    for r in &ladder.roles {
        holders.entry(r.id.as_str()).or_default();
    }
    for p in &ladder.people {
        let mut add = |r: &str| {
            if let Some(h) = holders.get_mut(r) {
                h.push(p.name.as_str());
            }
        };
        // Each role once per person, even if listed twice: a short list is checked
        // in place, a long one sorted (so a hostile list costs no quadratic work).
        if p.roles.len() <= 8 {
            for (k, r) in p.roles.iter().enumerate() {
                if !p.roles[..k].contains(r) {
                    add(r.as_str());
                }
            }
        } else {
            let mut held: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
            held.sort_unstable();
            held.dedup();
            held.into_iter().for_each(add);
        }
    }
    holders
}

fn role_views(ladder: &Ladder) -> Vec<RoleView> {
    let holders = role_holders(ladder);
    ladder
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| RoleView {
            pointer: Kind::Role.pointer(i),
            id: r.id.to_string(),
            name: r.name.clone(),
            description: r.description.clone(),
            holders: holders
                .get(r.id.as_str())
                .map(|h| h.iter().map(|n| n.to_string()).collect())
                .unwrap_or_default(),
        })
        .collect()
}

fn rotation_views(ladder: &Ladder, names: &LadderNames) -> Vec<RotationView> {
    ladder
        .rotations
        .iter()
        .enumerate()
        .map(|(i, r)| RotationView {
            pointer: Kind::Rotation.pointer(i),
            id: r.id.to_string(),
            name: r.name.clone(),
            members: r
                .members
                .iter()
                .map(|m| names.people.get(m.as_str()))
                .collect(),
            shift: r.shift.to_string(),
            timezone: r.timezone.to_string(),
            window: r.window_list().map(describe_windows),
        })
        .collect()
}

fn trigger_views(ladder: &Ladder, names: &LadderNames) -> Vec<TriggerView> {
    ladder
        .triggers
        .iter()
        .enumerate()
        .map(|(i, t)| TriggerView {
            pointer: Kind::Trigger.pointer(i),
            id: t.id.to_string(),
            service: names.services.get(t.service.as_str()),
            condition: trigger_condition(t),
            tier: names.tiers.get(t.tier.as_str()),
            clear_for: t.clear_for.to_string(),
        })
        .collect()
}

fn service_views(ladder: &Ladder, names: &LadderNames) -> Vec<ServiceView> {
    ladder
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| ServiceView {
            pointer: Kind::Service.pointer(i),
            id: s.id.to_string(),
            name: s.name.clone(),
            criticality: match s.criticality {
                Criticality::Critical => "critical",
                Criticality::High => "high",
                Criticality::Medium => "medium",
                Criticality::Low => "low",
            },
            depends_on: s
                .depends_on
                .iter()
                .map(|d| names.services.get(d.as_str()))
                .collect(),
        })
        .collect()
}

fn scenario_views(ladder: &Ladder) -> Vec<ScenarioView> {
    let utc = crate::time::TimeZoneName::utc();
    ladder
        .scenarios
        .iter()
        .enumerate()
        .map(|(i, s)| ScenarioView {
            pointer: Kind::Scenario.pointer(i),
            id: s.id.to_string(),
            name: s.name.clone(),
            start: crate::time::readable_instant(s.start, &utc),
            horizon: s.horizon.to_string(),
            signals: s.signals.len(),
            injects: s.injects.len(),
        })
        .collect()
}

/// A trigger's condition as text: `error_rate >= 0.05 for 2m` (no `for` when it is zero).
pub(crate) fn trigger_condition(t: &Trigger) -> String {
    if t.for_.is_zero() {
        format!("{} {} {}", t.metric, t.op.as_str(), t.threshold)
    } else {
        format!(
            "{} {} {} for {}",
            t.metric,
            t.op.as_str(),
            t.threshold,
            t.for_
        )
    }
}

/// A window as text: `"every day 07:00–16:00"`, `"mon–fri 09:00–17:00"`, `"sat, sun all day"`.
pub fn describe_windows(windows: &[Window]) -> String {
    windows
        .iter()
        .map(describe_window)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Describes one window: `"mon–fri 09:00–17:00"`, `"fri 18:00 – mon 10:00"`.
pub fn describe_window(w: &Window) -> String {
    use crate::Weekday;
    let mut days: Vec<Weekday> = w.days.clone();
    days.sort();
    days.dedup();
    let day_text = if days.len() == 7 {
        "every day".to_string()
    } else if days.len() >= 3 && days.windows(2).all(|p| p[1] as usize == p[0] as usize + 1) {
        format!("{}–{}", days[0].as_str(), days[days.len() - 1].as_str())
    } else {
        days.iter()
            .map(|d| d.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(to_day) = w.to_day {
        format!("{day_text} {} – {} {}", w.from, to_day.as_str(), w.to)
    } else if w.from == w.to {
        format!("{day_text} all day")
    } else {
        format!("{day_text} {}–{}", w.from, w.to)
    }
}

#[cfg(test)]
mod tests;
