//! Grafana OnCall: HTTP API v1 JSON and the OnCall resources of the `grafana/grafana`
//! Terraform provider.
//!
//! Both importers read their input into the small vendor model below ([`Model`]: users,
//! escalation chains, escalation policies, schedules and on-call shifts, each with where
//! it came from), and [`build`] makes the ladder from it once:
//! - a chain is a tier; its policies sorted by `position` are read in turn: notify
//!   policies gather targets, a `wait` closes the step (its duration is the step's
//!   `escalate_after`), `repeat_escalation` is `repeat` = 5 (OnCall's
//!   `EscalationPolicy.MAX_TIMES_REPEAT`), the rest are notes;
//! - a web or calendar schedule's `rolling_users` and `recurrent_event` shifts are
//!   rotations (layers by `level`, higher wins, so lowest first), `single_event` shifts
//!   overrides of its top layer; a schedule of one rotation is paged as that rotation.
//!
//! `json.rs` reads the API JSON, `terraform.rs` the provider's resources, `export.rs`
//! writes a ladder back as Terraform, `shifts.rs` turns an on-call shift into a rotation.

mod export;
mod json;
mod shifts;
mod terraform;

use std::collections::{HashMap, HashSet};

use rungs_core::{Duration, Escalation, Step, Target};

use crate::build::Builder;
use crate::notes::{ImportError, SourceRef};

pub(crate) use export::export;
pub(crate) use json::import_json;
pub(crate) use terraform::import_terraform;

/// How many times OnCall repeats a chain with a `repeat_escalation` step
/// (`EscalationPolicy.MAX_TIMES_REPEAT` in grafana/oncall's
/// engine/apps/alerts/models/escalation_policy.py).
pub(crate) const MAX_TIMES_REPEAT: u32 = 5;

/// The longest wait or shift accepted, in seconds (a year): anything longer is surely a
/// mistake, and Rungs durations stay sane.
pub(crate) const MAX_SECONDS: u64 = 366 * 24 * 3600;

/// Where an object and its fields came from: a JSON Pointer or a Terraform line each.
#[derive(Debug, Clone, Default)]
pub(crate) struct Loc {
    pub base: SourceRef,
    pub fields: Vec<(String, SourceRef)>,
}

impl Loc {
    /// Where field `key` is (the object itself when it is absent).
    pub fn at(&self, key: &str) -> SourceRef {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map_or_else(|| self.base.clone(), |(_, s)| s.clone())
    }
}

/// An OnCall user (`/api/v1/users/`, `data "grafana_oncall_user"`).
#[derive(Debug, Clone, Default)]
pub(crate) struct User {
    pub key: String,
    pub username: Option<String>,
    pub name: Option<String>,
    pub email: Option<String>,
    pub timezone: Option<String>,
    pub loc: Loc,
}

/// An escalation chain.
#[derive(Debug, Clone, Default)]
pub(crate) struct Chain {
    pub key: String,
    pub name: String,
    pub loc: Loc,
}

/// An escalation policy: one step of a chain.
#[derive(Debug, Clone, Default)]
pub(crate) struct Policy {
    pub chain: String,
    pub position: Option<u64>,
    pub kind: String,
    pub duration: Option<u64>,
    pub persons: Vec<String>,
    pub persons_next: Vec<String>,
    pub schedule: Option<String>,
    pub group: Option<String>,
    pub team: Option<String>,
    pub action: Option<String>,
    pub time_from: Option<String>,
    pub time_to: Option<String>,
    pub num_alerts: Option<u64>,
    pub num_minutes: Option<u64>,
    pub important: bool,
    pub loc: Loc,
}

/// A schedule.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sched {
    pub key: String,
    pub name: String,
    pub kind: String,
    pub time_zone: Option<String>,
    pub shifts: Vec<String>,
    pub ical_primary: Option<String>,
    pub ical_overrides: Option<String>,
    pub loc: Loc,
}

/// An on-call shift.
#[derive(Debug, Clone, Default)]
pub(crate) struct OnCallShift {
    pub key: String,
    pub name: String,
    pub kind: String,
    pub start: Option<String>,
    pub duration: Option<u64>,
    pub frequency: Option<String>,
    pub interval: Option<u64>,
    pub week_start: Option<String>,
    pub by_day: Vec<String>,
    pub by_month: Vec<String>,
    pub by_monthday: Vec<String>,
    pub rolling_users: Vec<Vec<String>>,
    pub users: Vec<String>,
    pub level: i64,
    pub start_index: Option<u64>,
    pub time_zone: Option<String>,
    pub until: Option<String>,
    /// The schedule the API says the shift belongs to (`schedule`), if any.
    pub schedule: Option<String>,
    pub loc: Loc,
}

/// Everything read, in source order.
#[derive(Debug, Default)]
pub(crate) struct Model {
    pub users: Vec<User>,
    pub chains: Vec<Chain>,
    pub policies: Vec<Policy>,
    pub schedules: Vec<Sched>,
    pub shifts: Vec<OnCallShift>,
}

/// A duration in seconds, refused beyond [`MAX_SECONDS`].
pub(crate) fn seconds(n: u64, src: &SourceRef, what: &str) -> Result<Duration, ImportError> {
    if n > MAX_SECONDS {
        return Err(ImportError::at_source(
            src,
            format!("{what} is {n} seconds, more than a year: not a duration OnCall would use"),
        ));
    }
    Ok(Duration::from_secs(n))
}

/// Builds the ladder from everything read.
pub(crate) fn build(b: &mut Builder, m: &Model) -> Result<(), ImportError> {
    for u in &m.users {
        let name = u.name.as_deref().or(u.username.as_deref()).unwrap_or("");
        b.person(
            &u.key,
            name,
            u.email.as_deref(),
            u.timezone.as_deref(),
            &u.loc.at("timezone"),
        );
    }
    let targets = shifts::schedules(b, m)?;
    let mut seen = HashSet::new();
    for c in &m.chains {
        if !seen.insert(c.key.as_str()) {
            continue;
        }
        chain(b, m, c, &targets)?;
    }
    let chains: HashSet<&str> = m.chains.iter().map(|c| c.key.as_str()).collect();
    for p in m
        .policies
        .iter()
        .filter(|p| !chains.contains(p.chain.as_str()))
    {
        b.notes.warn(
            p.loc.at("escalation_chain_id"),
            format!(
                "this {} step belongs to escalation chain {}, which is not in these files: left out; add the chains' file",
                p.kind, p.chain
            ),
        );
    }
    Ok(())
}

fn chain(
    b: &mut Builder,
    m: &Model,
    c: &Chain,
    targets: &HashMap<String, Option<Target>>,
) -> Result<(), ImportError> {
    let mut policies: Vec<&Policy> = m.policies.iter().filter(|p| p.chain == c.key).collect();
    policies.sort_by_key(|p| p.position.unwrap_or(u64::MAX));
    let tier = b.ladder().tiers.len();
    let name = c.name.trim();
    let name = if name.is_empty() {
        "Imported chain"
    } else {
        name
    };
    let mut steps: Vec<Step> = Vec::new();
    let mut current: Vec<Target> = Vec::new();
    // `current`'s targets, to skip repeats without scanning it (quadratic on big steps)
    let mut seen: HashSet<Target> = HashSet::new();
    let mut repeat = 0;
    let mut stopped: Option<(usize, SourceRef)> = None;
    for (i, p) in policies.iter().enumerate() {
        let at = format!("/tiers/{tier}/escalation/steps/{}", steps.len());
        let n = i + 1;
        let src = p.loc.at("type");
        let add = |t: Target, current: &mut Vec<Target>, seen: &mut HashSet<Target>| {
            if seen.insert(t.clone()) {
                current.push(t);
            }
        };
        let notify = matches!(
            p.kind.as_str(),
            "notify_persons"
                | "notify_person_next_each_time"
                | "notify_on_call_from_schedule"
                | "notify_user_group"
                | "notify_team_members"
        );
        if notify && p.important {
            b.notes
                .info(
                    p.loc.at("important"),
                    format!("step {n} of {name} is marked important (the users' important notification rules): Rungs pages everyone the same way"),
                )
                .at(at.clone());
        }
        match p.kind.as_str() {
            "wait" => {
                let wait = match p.duration {
                    Some(d) => seconds(
                        d,
                        &p.loc.at("duration"),
                        &format!("the wait of step {n} of {name}"),
                    )?,
                    None => {
                        b.notes
                            .warn(p.loc.at("duration"), format!("step {n} of {name} waits without a duration Rungs can read: 5 minutes, change it if that is wrong"))
                            .at(at.clone());
                        Duration::from_mins(5)
                    }
                };
                if !current.is_empty() {
                    seen.clear();
                    steps.push(Step {
                        notify: std::mem::take(&mut current),
                        escalate_after: wait,
                    });
                } else if let Some(last) = steps.last_mut() {
                    last.escalate_after = Duration::from_millis(
                        last.escalate_after
                            .as_millis()
                            .saturating_add(wait.as_millis()),
                    );
                    let last_at = format!("/tiers/{tier}/escalation/steps/{}", steps.len() - 1);
                    b.notes
                        .info(src, format!("step {n} of {name} is a second wait in a row: added to the wait before it"))
                        .at(last_at);
                } else {
                    b.notes
                        .warn(src, format!("{name} starts by waiting {wait} before paging anyone: Rungs pages the first step at once, so that wait is left out"))
                        .at(at);
                }
            }
            "notify_persons" => {
                for key in &p.persons {
                    let id = b.person_or_stand_in(key, &p.loc.at("persons_to_notify"));
                    add(Target::Person(id), &mut current, &mut seen);
                }
                if p.persons.is_empty() {
                    b.notes
                        .warn(src, format!("step {n} of {name} notifies nobody: left out"));
                }
            }
            "notify_person_next_each_time" => {
                for key in &p.persons_next {
                    let id =
                        b.person_or_stand_in(key, &p.loc.at("persons_to_notify_next_each_time"));
                    add(Target::Person(id), &mut current, &mut seen);
                }
                b.notes
                    .warn(src, format!("step {n} of {name} notifies the next of {} people each time (round robin): Rungs pages all of them at this step", p.persons_next.len()))
                    .at(at);
            }
            "notify_on_call_from_schedule" => {
                let key = p.schedule.as_deref().unwrap_or("");
                match targets.get(key) {
                    Some(Some(t)) => add(t.clone(), &mut current, &mut seen),
                    Some(None) => {
                        b.notes.warn(src, format!("step {n} of {name} notifies the on-call of a schedule Rungs could not read (see its note): left out")).at(at);
                    }
                    None => {
                        b.notes.warn(
                            p.loc.at("notify_on_call_from_schedule"),
                            format!("step {n} of {name} notifies the on-call of schedule {key}, which is not in these files: left out; add the schedules' and shifts' files"),
                        ).at(at);
                    }
                }
            }
            "notify_user_group" => {
                b.notes.warn(src, format!("step {n} of {name} notifies the Slack user group {}, whose members Rungs cannot know: left out", p.group.as_deref().unwrap_or("(none)"))).at(at);
            }
            "notify_team_members" => {
                b.notes.warn(src, format!("step {n} of {name} notifies the members of team {}, whom Rungs cannot know: left out; add a role or rotation for them", p.team.as_deref().unwrap_or("(none)"))).at(at);
            }
            "trigger_webhook" | "trigger_action" => {
                b.notes.warn(src, format!("step {n} of {name} triggers the webhook {}, which Rungs cannot page: left out", p.action.as_deref().unwrap_or("(none)"))).at(at);
            }
            "notify_whole_channel" => {
                b.notes.warn(src, format!("step {n} of {name} notifies a whole Slack channel, which Rungs cannot page: left out")).at(at);
            }
            "declare_incident" => {
                b.notes
                    .warn(
                        src,
                        format!("step {n} of {name} declares an incident in Grafana IRM: left out"),
                    )
                    .at(at);
            }
            "notify_if_time_from_to" => {
                b.notes.warn(src, format!(
                    "step {n} of {name} continues only between {} and {} UTC: Rungs has no such condition, so the steps after it always run (nearest: give those steps a rotation whose window covers those hours)",
                    p.time_from.as_deref().unwrap_or("?"), p.time_to.as_deref().unwrap_or("?")
                )).at(at);
            }
            "notify_if_num_alerts_in_window" => {
                b.notes.warn(src, format!(
                    "step {n} of {name} continues only after {} alerts in {} minutes: Rungs has no such condition, so the steps after it always run",
                    p.num_alerts.map_or("?".into(), |x| x.to_string()), p.num_minutes.map_or("?".into(), |x| x.to_string())
                )).at(at);
            }
            "repeat_escalation" => {
                repeat = MAX_TIMES_REPEAT;
                b.notes
                    .info(src.clone(), format!("{name} repeats from its first step: OnCall repeats a chain {MAX_TIMES_REPEAT} times at most, so repeat is {MAX_TIMES_REPEAT}"))
                    .at(format!("/tiers/{tier}/escalation/repeat"));
                stopped = Some((i, src));
                break;
            }
            "resolve" => {
                b.notes.warn(src.clone(), format!("step {n} of {name} resolves the alert group: Rungs never resolves on its own, so the chain simply ends there")).at(at);
                stopped = Some((i, src));
                break;
            }
            other => {
                b.notes.warn(src, format!("step {n} of {name} is of a kind Rungs does not know (\"{}\"): left out", rungs_core::text::truncate_for_display(other, 40))).at(at);
            }
        }
    }
    if let Some((stop, src)) = stopped.filter(|(stop, _)| stop + 1 < policies.len()) {
        b.notes.warn(
            src,
            format!(
                "{} step(s) of {name} come after step {} and never run in OnCall: left out",
                policies.len() - stop - 1,
                stop + 1
            ),
        );
    }
    if !current.is_empty() {
        let at = format!("/tiers/{tier}/escalation/steps/{}", steps.len());
        steps.push(Step {
            notify: current,
            escalate_after: Duration::ZERO,
        });
        let what = if repeat > 0 {
            "OnCall starts again at once"
        } else {
            "OnCall stops there"
        };
        b.notes
            .info(
                c.loc.base.clone(),
                format!("the last step of {name} has no wait after it ({what}): its escalate_after is 0m"),
            )
            .at(format!("{at}/escalate_after"));
    }
    if steps.is_empty() {
        b.notes
            .warn(
                c.loc.base.clone(),
                format!("{name} pages nobody Rungs can page: its tier has no steps"),
            )
            .at(format!("/tiers/{tier}/escalation/steps"));
    }
    b.tier(name, None, Escalation { steps, repeat }, &c.loc.base);
    Ok(())
}
