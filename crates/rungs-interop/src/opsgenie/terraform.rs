//! Terraform files of the `opsgenie/opsgenie` provider: `opsgenie_user` (resource and
//! data source), `opsgenie_schedule`, `opsgenie_schedule_rotation`, `opsgenie_escalation`
//! and `opsgenie_team`, read into the [`Model`] (argument names as in the provider's
//! `resource_opsgenie_*.go` schemas).

use crate::build::Builder;
use crate::hcl::{Block, Config, Resource, Value, MAX_WHOLE};
use crate::notes::{ImportError, SourceRef};

use super::{
    build, delay_minutes, Esc, Model, Participant, Repeat, Restriction, Rot, Rule, Sched, Span,
    User,
};

/// The provider's default schedule time zone (`resource_opsgenie_schedule.go`).
const PROVIDER_DEFAULT_ZONE: &str = "America/New_York";

pub(crate) fn import_terraform(b: &mut Builder, config: &Config) -> Result<(), ImportError> {
    let mut m = Model::default();
    let users: Vec<&Resource> = config
        .data("opsgenie_user")
        .chain(config.resources("opsgenie_user"))
        .collect();
    for r in users {
        let src = r.src();
        m.users.push(User {
            key: r.address(),
            username: string(b, r, &r.body, "username")?,
            full_name: string(b, r, &r.body, "full_name")?,
            timezone: string(b, r, &r.body, "timezone")?,
            src,
        });
    }
    for r in config.resources("opsgenie_schedule") {
        let name = string(b, r, &r.body, "name")?.unwrap_or_else(|| r.name.clone());
        let timezone = match string(b, r, &r.body, "timezone")? {
            Some(z) => Some(z),
            None if r.body.attr("timezone").is_none() => {
                b.notes.info(
                    r.src(),
                    format!("schedule \"{name}\" has no timezone: {PROVIDER_DEFAULT_ZONE}, the provider's default"),
                );
                Some(PROVIDER_DEFAULT_ZONE.to_string())
            }
            None => None,
        };
        m.schedules.push(Sched {
            key: r.address(),
            name,
            timezone,
            rotations: Vec::new(),
            src: r.src(),
        });
    }
    for r in config.resources("opsgenie_schedule_rotation") {
        let rot = rotation(b, config, r)?;
        let parent = match r.body.get("schedule_id").map(reference) {
            Some(v @ Value::Ref(_)) => config
                .lookup(&v)
                .map(Resource::address)
                .filter(|a| m.schedules.iter().any(|s| s.key == *a)),
            _ => None,
        };
        match parent.and_then(|a| m.schedules.iter_mut().find(|s| s.key == a)) {
            Some(s) => s.rotations.push(rot),
            None => {
                let shown = r
                    .body
                    .get("schedule_id")
                    .map_or("missing".to_string(), Value::describe);
                b.notes.warn(
                    r.src_attr("schedule_id"),
                    format!(
                        "{}'s schedule_id ({shown}) names no opsgenie_schedule in these files: the rotation is imported on its own, in UTC",
                        r.address()
                    ),
                );
                m.schedules.push(Sched {
                    key: r.address(),
                    name: rot.name.clone().unwrap_or_else(|| r.name.clone()),
                    timezone: Some("UTC".into()),
                    rotations: vec![rot],
                    src: r.src(),
                });
            }
        }
    }
    for r in config.resources("opsgenie_team") {
        b.notes.info(
            r.src(),
            format!(
                "{} is a team; Rungs has no teams, so rules that notify it are left out",
                r.address()
            ),
        );
    }
    for r in config.resources("opsgenie_escalation") {
        m.escalations.push(escalation(b, config, r)?);
    }
    build(b, &m)
}

/// A reference, also written in the provider docs' older style `"${opsgenie_user.x.id}"`.
fn reference(v: &Value) -> Value {
    if let Value::Expr(text) = v {
        let inner = text
            .strip_prefix("\"${")
            .and_then(|t| t.strip_suffix("}\""))
            .map(str::trim);
        if let Some(inner) = inner {
            let names: Vec<String> = inner.split('.').map(str::to_string).collect();
            let plain = |n: &String| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            };
            if names.len() >= 2 && names.iter().all(plain) {
                return Value::Ref(names);
            }
        }
    }
    v.clone()
}

/// A literal string argument; a computed one is a warning and `None`.
fn string(
    b: &mut Builder,
    r: &Resource,
    block: &Block,
    key: &str,
) -> Result<Option<String>, ImportError> {
    block.string_arg(key).read(
        |v| computed(b, r, block, key, v),
        |v| expected(r, block, key, v, "a string"),
    )
}

/// A literal whole number argument (0 to 2^53); computed is a warning and `None`.
fn number(
    b: &mut Builder,
    r: &Resource,
    block: &Block,
    key: &str,
) -> Result<Option<u64>, ImportError> {
    let n = block.whole_arg(key, 0..=MAX_WHOLE).read(
        |v| computed(b, r, block, key, v),
        |v| {
            expected(
                r,
                block,
                key,
                v,
                "a whole number from 0 to 9007199254740992",
            )
        },
    )?;
    Ok(n.map(|n| n as u64))
}

fn boolean(r: &Resource, block: &Block, key: &str) -> Result<Option<bool>, ImportError> {
    match block.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(v)) => Ok(Some(*v)),
        Some(other) => Err(expected(r, block, key, other, "true or false")),
    }
}

/// The warning for an argument Terraform computes.
fn computed(b: &mut Builder, r: &Resource, block: &Block, key: &str, v: &Value) {
    b.notes.warn(
        r.src_line(block.line_of(key)),
        format!(
            "{}'s {key} is computed by Terraform ({}): left out",
            r.address(),
            v.describe()
        ),
    );
}

/// The error for an argument that is a literal of another kind.
fn expected(r: &Resource, block: &Block, key: &str, v: &Value, what: &str) -> ImportError {
    ImportError::at_source(
        &r.src_line(block.line_of(key)),
        format!(
            "{}: {key} is {}: expected {what}",
            r.address(),
            v.describe()
        ),
    )
}

/// A `participant` or `recipient` block: its type and what its `id` names.
fn participant(
    b: &mut Builder,
    config: &Config,
    r: &Resource,
    block: &Block,
) -> Result<Participant, ImportError> {
    let kind = string(b, r, block, "type")?.unwrap_or_else(|| "none".into());
    let keys = match block.get("id").map(reference) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(v @ Value::Ref(_)) => vec![config.follow(&v).unwrap_or_else(|| v.describe())],
        Some(other) => {
            b.notes.warn(
                SourceRef::line(&r.file, block.line),
                format!(
                    "{}'s {} id is computed by Terraform ({}): kept under that text",
                    r.address(),
                    block.kind,
                    other.describe()
                ),
            );
            vec![other.describe()]
        }
    };
    Ok(Participant {
        kind,
        keys,
        src: SourceRef::line(&r.file, block.line),
    })
}

fn rotation(b: &mut Builder, config: &Config, r: &Resource) -> Result<Rot, ImportError> {
    let mut participants = Vec::new();
    for p in r.body.blocks("participant") {
        participants.push(participant(b, config, r, p)?);
    }
    let restriction = match r.body.blocks("time_restriction").next() {
        None => None,
        Some(t) => {
            let mut spans = Vec::new();
            for s in t.blocks("restriction").chain(t.blocks("restrictions")) {
                let n = |b: &mut Builder, k: &str| number(b, r, s, k).map(|v| v.unwrap_or(0));
                spans.push(Span {
                    start_day: string(b, r, s, "start_day")?,
                    end_day: string(b, r, s, "end_day")?,
                    start: (n(b, "start_hour")?, n(b, "start_min")?),
                    end: (n(b, "end_hour")?, n(b, "end_min")?),
                    src: SourceRef::line(&r.file, s.line),
                });
            }
            Some(Restriction {
                kind: string(b, r, t, "type")?.unwrap_or_default(),
                spans,
                src: SourceRef::line(&r.file, t.line),
            })
        }
    };
    Ok(Rot {
        name: string(b, r, &r.body, "name")?,
        kind: string(b, r, &r.body, "type")?,
        length: number(b, r, &r.body, "length")?,
        start: string(b, r, &r.body, "start_date")?,
        end: string(b, r, &r.body, "end_date")?,
        participants,
        restriction,
        src: r.src(),
        src_start: r.src_attr("start_date"),
        src_end: r.src_attr("end_date"),
    })
}

fn escalation(b: &mut Builder, config: &Config, r: &Resource) -> Result<Esc, ImportError> {
    let name = string(b, r, &r.body, "name")?.unwrap_or_else(|| r.name.clone());
    let mut rules = Vec::new();
    for rule in r.body.blocks("rules") {
        let src = SourceRef::line(&r.file, rule.line);
        let amount = number(b, r, rule, "delay")?.unwrap_or(0);
        let delay = delay_minutes(amount, None, &format!("escalation \"{name}\"'s rule delay"))
            .map_err(|msg| ImportError::at_source(&r.src_line(rule.line_of("delay")), msg))?;
        let recipients: Vec<&Block> = rule.blocks("recipient").collect();
        if recipients.len() > 1 {
            b.notes.warn(
                src.clone(),
                format!("escalation \"{name}\" has a rule with {} recipient blocks; the provider sends only the last one, so only it is imported", recipients.len()),
            );
        }
        let recipient = match recipients.last() {
            Some(p) => Some(participant(b, config, r, p)?),
            None => None,
        };
        rules.push(Rule {
            condition: string(b, r, rule, "condition")?,
            notify_type: string(b, r, rule, "notify_type")?,
            delay,
            recipient,
            src,
        });
    }
    let repeat = match r.body.blocks("repeat").next() {
        None => None,
        Some(x) => Some(Repeat {
            wait: number(b, r, x, "wait_interval")?,
            count: number(b, r, x, "count")?,
            reset_recipient_states: boolean(r, x, "reset_recipient_states")?,
            close_alert_after_all: boolean(r, x, "close_alert_after_all")?,
            src: SourceRef::line(&r.file, x.line),
        }),
    };
    Ok(Esc {
        key: r.address(),
        name,
        description: string(b, r, &r.body, "description")?,
        rules,
        repeat,
        src: r.src(),
        src_rules: r.src(),
    })
}
