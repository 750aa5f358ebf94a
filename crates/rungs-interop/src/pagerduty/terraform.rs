//! The `PagerDuty/pagerduty` provider's resources into the vendor model:
//! `pagerduty_user`, `data "pagerduty_user"`, `pagerduty_schedule` (its `layer` blocks in
//! order, lowest first), `data "pagerduty_schedule"`, `pagerduty_escalation_policy` and
//! `data "pagerduty_escalation_policy"`.

use crate::build::Builder;
use crate::hcl::{Arg, Block, Config, Resource, Value, MAX_WHOLE};
use crate::notes::{ImportError, SourceRef};

use super::{
    build, check_delay, check_turn, Layer, Model, Pending, Policy, Restriction, Rule, RuleTarget,
    Schedule, TargetKind, User,
};

/// The delay a rule gets when its own cannot be read (a variable without a default): the
/// one in PagerDuty's own example policy (the API requires a delay, with no default).
const DEFAULT_DELAY_MINUTES: u64 = 30;

/// Reads the provider's resources, then builds the ladder.
pub(crate) fn import_terraform(b: &mut Builder, config: &Config) -> Result<(), ImportError> {
    let mut m = Model::default();
    for r in config.resources("pagerduty_user") {
        let name = text(b, r, &r.body, "name").unwrap_or_else(|| r.name.clone());
        m.users.push(User {
            key: key_of(r),
            name,
            email: text(b, r, &r.body, "email"),
            time_zone: text(b, r, &r.body, "time_zone"),
            src: r.src(),
            reference_only: false,
        });
    }
    for r in config.data("pagerduty_user") {
        let email = text(b, r, &r.body, "email").filter(|e| !e.trim().is_empty());
        let name = match email.as_deref().and_then(|e| e.split('@').next()) {
            Some(local) if !local.is_empty() => {
                b.notes.info(r.src_attr("email"), format!("{} looks the user up by email: named \"{local}\" after it (PagerDuty has their name), in UTC until their time zone is set", r.address()));
                local.to_string()
            }
            _ => {
                let name = r.name.replace('_', " ");
                b.notes.warn(r.src_attr("email"), format!("{} has no literal email to look the user up by: named \"{name}\" after its Terraform name, in UTC; set their email in Rungs", r.address()));
                name
            }
        };
        m.users.push(User {
            key: key_of(r),
            name,
            email,
            time_zone: Some("UTC".into()),
            src: r.src(),
            reference_only: false,
        });
    }
    for r in config.resources("pagerduty_schedule") {
        m.schedules.push(schedule(b, r)?);
    }
    for r in config.data("pagerduty_schedule") {
        m.schedules.push(Schedule {
            key: key_of(r),
            name: r.body.str("name").unwrap_or(&r.name).to_string(),
            time_zone: None,
            layers: Vec::new(),
            overrides: Vec::new(),
            src: r.src(),
            unknown: true,
            pending: Vec::new(),
        });
    }
    for r in config.resources("pagerduty_escalation_policy") {
        m.policies.push(policy(b, r)?);
    }
    for r in config.data("pagerduty_escalation_policy") {
        b.notes.warn(
            r.src(),
            format!(
                "{} (\"{}\") is a data source: the policy's rules are in PagerDuty, not in these files, so it is not imported; import its JSON instead",
                r.address(),
                r.body.str("name").unwrap_or("?")
            ),
        );
    }
    build(b, m)
}

/// The key a reference to `r` finds it by: its Terraform address.
fn key_of(r: &Resource) -> String {
    r.address()
}

/// What a reference (or a literal id) names: the key of the resource, and its type when
/// it is a reference.
fn ref_key(v: &Value) -> Option<(String, Option<String>)> {
    match v {
        Value::String(s) => Some((s.clone(), None)),
        _ => {
            let (_, kind, _) = v.resource_ref()?;
            Some((v.ref_address()?, Some(kind.to_string())))
        }
    }
}

/// The literal string `key` of `block`; anything Terraform computes is a note and `None`.
fn text(b: &mut Builder, r: &Resource, block: &Block, key: &str) -> Option<String> {
    match block.string_arg(key) {
        Arg::Unset => None,
        Arg::Literal(s) => Some(s),
        Arg::Computed(other) | Arg::Other(other) => {
            b.notes.warn(
                line_of(r, block, key),
                format!(
                    "{}'s {key} = {} is computed by Terraform: left out",
                    r.address(),
                    other.describe()
                ),
            );
            None
        }
    }
}

/// The whole number `key` of `block`: `Ok(None)` when absent or computed by Terraform (a
/// note); an error when it is not a whole number from 0 to 2^53.
fn whole(
    b: &mut Builder,
    r: &Resource,
    block: &Block,
    key: &str,
) -> Result<Option<u64>, ImportError> {
    match block.whole_arg(key, 0..=MAX_WHOLE) {
        Arg::Unset => Ok(None),
        Arg::Literal(n) => Ok(Some(n as u64)),
        Arg::Other(Value::Number(n)) => Err(ImportError::at_source(
            &line_of(r, block, key),
            format!(
                "{}: {key} = {n} is not a whole number from 0 to 9007199254740992",
                r.address()
            ),
        )),
        Arg::Computed(v) => {
            b.notes.warn(
                line_of(r, block, key),
                format!(
                    "{}'s {key} = {} is computed by Terraform: Rungs cannot know it",
                    r.address(),
                    v.describe()
                ),
            );
            Ok(None)
        }
        Arg::Other(other) => Err(ImportError::at_source(
            &line_of(r, block, key),
            format!(
                "{}: {key} = {} is not a number",
                r.address(),
                other.describe()
            ),
        )),
    }
}

fn line_of(r: &Resource, block: &Block, key: &str) -> SourceRef {
    r.src_line(block.line_of(key))
}

fn schedule(b: &mut Builder, r: &Resource) -> Result<Schedule, ImportError> {
    let name = text(b, r, &r.body, "name").unwrap_or_else(|| r.name.clone());
    let mut pending = Vec::new();
    if let Some(a) = r.body.attr("teams") {
        pending.push(Pending::info(
            r.src_line(a.line),
            format!("schedule \"{name}\" belongs to teams: teams are not imported"),
        ));
    }
    let mut layers = Vec::new();
    for (n, l) in r.body.blocks("layer").enumerate() {
        let lname = text(b, r, l, "name");
        let label = format!(
            "layer \"{}\" of schedule \"{name}\"",
            lname.clone().unwrap_or_else(|| format!("Layer {}", n + 1))
        );
        let Some(turn) = whole(b, r, l, "rotation_turn_length_seconds")? else {
            b.notes.warn(
                r.src_line(l.line),
                format!("{label} has no rotation_turn_length_seconds Rungs can read: left out"),
            );
            continue;
        };
        let mut users = Vec::new();
        match l.get("users") {
            Some(Value::Array(items)) => {
                for v in items {
                    match ref_key(v) {
                        Some((key, _)) => users.push((key, line_of(r, l, "users"))),
                        None => {
                            b.notes.warn(
                                line_of(r, l, "users"),
                                format!(
                                    "{label} has the user {}, which Rungs cannot follow: left out",
                                    v.describe()
                                ),
                            );
                        }
                    }
                }
            }
            Some(other) => {
                b.notes.warn(
                    line_of(r, l, "users"),
                    format!(
                        "{label}'s users = {} is computed by Terraform: left out",
                        other.describe()
                    ),
                );
            }
            None => {}
        }
        let mut restrictions = Vec::new();
        for x in l.blocks("restriction") {
            let src = r.src_line(x.line);
            let (Some(kind), Some(start), Some(duration)) = (
                text(b, r, x, "type"),
                text(b, r, x, "start_time_of_day"),
                whole(b, r, x, "duration_seconds")?,
            ) else {
                b.notes.warn(
                    src,
                    format!("{label} has a restriction Rungs cannot read: left out, so the layer covers more"),
                );
                continue;
            };
            restrictions.push(Restriction {
                kind,
                start_time_of_day: start,
                duration_seconds: duration,
                start_day_of_week: whole(b, r, x, "start_day_of_week")?,
                src,
            });
        }
        layers.push(Layer {
            name: lname,
            start: text(b, r, l, "start"),
            end: text(b, r, l, "end").filter(|e| !e.is_empty()),
            virtual_start: text(b, r, l, "rotation_virtual_start"),
            turn_seconds: check_turn(turn, &line_of(r, l, "rotation_turn_length_seconds"), &label)?,
            users,
            restrictions,
            src: r.src_line(l.line),
            src_start: line_of(r, l, "start"),
            src_end: line_of(r, l, "end"),
            src_turn: line_of(r, l, "rotation_turn_length_seconds"),
        });
    }
    Ok(Schedule {
        key: key_of(r),
        name,
        time_zone: text(b, r, &r.body, "time_zone"),
        layers,
        overrides: Vec::new(),
        src: r.src(),
        unknown: false,
        pending,
    })
}

fn policy(b: &mut Builder, r: &Resource) -> Result<Policy, ImportError> {
    let name = text(b, r, &r.body, "name").unwrap_or_else(|| r.name.clone());
    let mut pending = Vec::new();
    if let Some(a) = r.body.attr("teams") {
        pending.push(Pending::info(
            r.src_line(a.line),
            format!("policy \"{name}\" belongs to a team: teams are not imported"),
        ));
    }
    let mut description = text(b, r, &r.body, "description");
    if description.as_deref() == Some("Managed by Terraform") {
        pending.push(Pending::info(r.src_attr("description"), format!("policy \"{name}\"'s description is the provider's placeholder \"Managed by Terraform\": not used as the tier's criteria")));
        description = None;
    }
    let mut rules = Vec::new();
    for (n, rule) in r.body.blocks("rule").enumerate() {
        let label = format!("rule {} of policy \"{name}\"", n + 1);
        let src = r.src_line(rule.line);
        let delay = match whole(b, r, rule, "escalation_delay_in_minutes")? {
            Some(delay) => delay,
            None => {
                b.notes.warn(
                    src.clone(),
                    format!("{label} has no escalation_delay_in_minutes Rungs can read: its targets are kept with a delay of {DEFAULT_DELAY_MINUTES} minutes (PagerDuty requires a delay and has no default); set the step's escalate_after"),
                );
                DEFAULT_DELAY_MINUTES
            }
        };
        let delay = check_delay(
            delay,
            &line_of(r, rule, "escalation_delay_in_minutes"),
            &label,
        )?;
        let mut targets = Vec::new();
        for t in rule.blocks("target") {
            let tsrc = r.src_line(t.line);
            let declared = text(b, r, t, "type").unwrap_or_else(|| "user_reference".into());
            let Some((key, kind)) = t.get("id").and_then(ref_key) else {
                b.notes.warn(
                    tsrc,
                    format!(
                        "{label} has a target whose id Rungs cannot follow ({}): left out",
                        t.get("id").map_or("none".into(), Value::describe)
                    ),
                );
                continue;
            };
            let kind = match (kind.as_deref(), declared.as_str()) {
                (Some("pagerduty_user"), _) => TargetKind::User,
                (Some("pagerduty_schedule"), _) => TargetKind::Schedule,
                (Some(other), _) => TargetKind::Other(other.to_string()),
                (None, "user_reference") => TargetKind::User,
                (None, "schedule_reference") => TargetKind::Schedule,
                (None, other) => TargetKind::Other(other.to_string()),
            };
            targets.push(RuleTarget {
                kind,
                key,
                src: tsrc,
            });
        }
        let strategy = rule
            .blocks("escalation_rule_assignment_strategy")
            .next()
            .and_then(|s| s.str("type").map(|t| (t.to_string(), r.src_line(s.line))));
        rules.push(Rule {
            delay_minutes: delay,
            targets,
            strategy,
            src,
        });
    }
    let loops = whole(b, r, &r.body, "num_loops")?.map(|n| (n, r.src_attr("num_loops")));
    Ok(Policy {
        name,
        description,
        num_loops: loops,
        rules,
        src: r.src(),
        pending,
    })
}
