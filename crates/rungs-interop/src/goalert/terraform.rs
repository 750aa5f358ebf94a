//! Terraform for GoAlert: the community provider `healdropper/goalert`
//! (github.com/healdropper/terraform-provider-goalert, `docs/resources/*.md`,
//! `internal/provider/*_resource.go`). Resources: `goalert_user`, `goalert_rotation`,
//! `goalert_schedule`, `goalert_schedule_rule`, `goalert_user_override`,
//! `goalert_escalation_policy` (with `step` blocks); `data "goalert_user"` too.
//! Everything is keyed by its Terraform address, so `goalert_user.ana.id` finds the
//! user; a literal UUID stays a key of its own.

use crate::build::Builder;
use crate::hcl::{Config, Resource, Value, MAX_WHOLE};
use crate::notes::ImportError;

use super::{Model, PStep, Policy, Rot, Rule, Sched, SchedTarget, StepTarget, User, UserOverride};

/// The key a reference or literal id names: `goalert_user.ana` for
/// `goalert_user.ana.id`, the string itself for a literal.
fn key_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Ref(_) => v.ref_address(),
        _ => None,
    }
}

/// A note for a value Terraform computes.
fn computed(b: &mut Builder, r: &Resource, key: &str, v: &Value, then: &str) {
    b.notes.warn(
        r.src_attr(key),
        format!(
            "{}: {key} = {} is computed by Terraform: {then}",
            r.address(),
            v.describe()
        ),
    );
}

/// The string `key`; computed values are a note and `None`.
fn text(b: &mut Builder, r: &Resource, key: &str) -> Result<Option<String>, ImportError> {
    r.body.string_arg(key).read(
        |v| computed(b, r, key, v, "left out"),
        |v| r.error(key, format!("expected a string, found {}", v.describe())),
    )
}

/// The whole number `key` (0 to 2^53); computed values are a note and `None`.
fn number(b: &mut Builder, r: &Resource, key: &str) -> Result<Option<i64>, ImportError> {
    r.body.whole_arg(key, -MAX_WHOLE..=MAX_WHOLE).read(
        |v| computed(b, r, key, v, "left as if unset"),
        |v| {
            r.error(
                key,
                format!("expected a whole number, found {}", v.describe()),
            )
        },
    )
}

fn unsigned(b: &mut Builder, r: &Resource, key: &str) -> Result<Option<u64>, ImportError> {
    match number(b, r, key)? {
        Some(n) if n < 0 => Err(r.error(key, format!("expected a number from 0 up, found {n}"))),
        n => Ok(n.map(|n| n as u64)),
    }
}

/// The ids of a list attribute (`user_ids = [goalert_user.a.id, "uuid"]`).
fn ids(b: &mut Builder, r: &Resource, key: &str) -> Result<Vec<String>, ImportError> {
    match r.body.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => {
            let mut out = Vec::new();
            for v in items {
                match key_of(v) {
                    Some(k) => out.push(k),
                    None => computed(b, r, key, v, "that entry is left out"),
                }
            }
            Ok(out)
        }
        Some(v @ (Value::Expr(_) | Value::Ref(_))) => {
            computed(b, r, key, v, "left out");
            Ok(Vec::new())
        }
        Some(v) => Err(r.error(
            key,
            format!("expected a list of ids, found {}", v.describe()),
        )),
    }
}

/// The id `key` names (a reference or a literal); computed values are a note.
fn id(b: &mut Builder, r: &Resource, key: &str) -> Option<String> {
    let v = r.body.get(key)?;
    let k = key_of(v);
    if k.is_none() && *v != Value::Null {
        computed(b, r, key, v, "left out");
    }
    k
}

pub(super) fn read(b: &mut Builder, config: &Config) -> Result<Model, ImportError> {
    let mut m = Model::default();
    for (data, kind) in [(false, "goalert_user"), (true, "goalert_user")] {
        let list: Vec<&Resource> = if data {
            config.data(kind).collect()
        } else {
            config.resources(kind).collect()
        };
        for r in list {
            let name = text(b, r, "name")?;
            let email = text(b, r, "email")?;
            let name = match name {
                Some(n) => n,
                None => {
                    let fallback = email.clone().unwrap_or_else(|| r.name.clone());
                    b.notes.info(
                        r.src(),
                        format!(
                            "{} gives no name: the person is named {fallback}",
                            r.address()
                        ),
                    );
                    fallback
                }
            };
            m.add_user(User {
                key: r.address(),
                name,
                email,
                src: r.src(),
            });
        }
    }
    for r in config.resources("goalert_rotation") {
        let users = ids(b, r, "user_ids")?
            .into_iter()
            .map(|k| (k, r.src_attr("user_ids")))
            .collect();
        let rot = Rot {
            key: r.address(),
            name: text(b, r, "name")?.unwrap_or_else(|| r.name.clone()),
            description: text(b, r, "description")?,
            time_zone: text(b, r, "time_zone")?,
            kind: text(b, r, "type")?,
            shift_length: unsigned(b, r, "shift_length")?,
            start: text(b, r, "start_time")?,
            users,
            active_user_index: None,
            src: r.src(),
            src_kind: r.src_attr("type"),
            src_shift: r.src_attr("shift_length"),
            src_start: r.src_attr("start_time"),
            src_active: r.src(),
        };
        m.add_rotation(rot, b);
    }
    for r in config.resources("goalert_schedule") {
        let s = Sched {
            key: r.address(),
            name: text(b, r, "name")?.unwrap_or_else(|| r.name.clone()),
            time_zone: text(b, r, "time_zone")?,
            targets: Vec::new(),
            src: r.src(),
        };
        m.add_schedule(s, b);
    }
    for r in config.resources("goalert_schedule_rule") {
        schedule_rule(b, &mut m, r)?;
    }
    for r in config.resources("goalert_user_override") {
        let o = UserOverride {
            schedule: id(b, r, "schedule_id"),
            add: id(b, r, "add_user_id"),
            remove: id(b, r, "remove_user_id"),
            start: text(b, r, "start_time")?.unwrap_or_default(),
            end: text(b, r, "end_time")?.unwrap_or_default(),
            src: r.src(),
        };
        m.overrides.push(o);
    }
    for r in config.resources("goalert_escalation_policy") {
        policy(b, &mut m, r)?;
    }
    Ok(m)
}

fn schedule_rule(b: &mut Builder, m: &mut Model, r: &Resource) -> Result<(), ImportError> {
    let Some(sched) = id(b, r, "schedule_id") else {
        b.notes.warn(
            r.src(),
            format!("{} names no schedule: left out", r.address()),
        );
        return Ok(());
    };
    let Some(s) = m.schedules.iter_mut().find(|s| s.key == sched) else {
        b.notes.warn(
            r.src(),
            format!(
                "{} is for schedule {sched}, which is not in these files: left out",
                r.address()
            ),
        );
        return Ok(());
    };
    let kind = text(b, r, "target_type")?.unwrap_or_default();
    let Some(target) = id(b, r, "target_id") else {
        b.notes.warn(
            r.src(),
            format!("{} names no target: left out", r.address()),
        );
        return Ok(());
    };
    let days = match r.body.get("weekday_filter") {
        None | Some(Value::Null) => [true; 7],
        Some(Value::Array(a)) if a.len() == 7 && a.iter().all(|v| v.as_bool().is_some()) => {
            let mut d = [false; 7];
            for (x, v) in d.iter_mut().zip(a) {
                *x = v.as_bool().unwrap_or(false);
            }
            d
        }
        Some(v @ (Value::Expr(_) | Value::Ref(_))) => {
            computed(b, r, "weekday_filter", v, "every day is assumed");
            [true; 7]
        }
        Some(v) => {
            return Err(r.error(
                "weekday_filter",
                format!(
                    "expected 7 true/false values, Sunday first, found {}",
                    v.describe()
                ),
            ))
        }
    };
    let rule = Rule {
        start: text(b, r, "start_time")?.unwrap_or_else(|| "00:00".into()),
        end: text(b, r, "end_time")?.unwrap_or_else(|| "00:00".into()),
        days,
        src: r.src(),
    };
    match s
        .targets
        .iter_mut()
        .find(|t| t.key == target && t.kind == kind)
    {
        Some(t) => t.rules.push(rule),
        None => s.targets.push(SchedTarget {
            kind,
            key: target,
            name: None,
            rules: vec![rule],
            src: r.src(),
        }),
    }
    Ok(())
}

fn policy(b: &mut Builder, m: &mut Model, r: &Resource) -> Result<(), ImportError> {
    let mut steps = Vec::new();
    for s in r.body.blocks("step") {
        let mut targets = Vec::new();
        let line = r.src_line(s.line);
        let mut step = r.clone();
        step.body = s.clone();
        for (attr, kind) in [
            ("user_ids", "user"),
            ("rotation_ids", "rotation"),
            ("schedule_ids", "schedule"),
        ] {
            for key in ids(b, &step, attr)? {
                targets.push(StepTarget {
                    kind: kind.into(),
                    key,
                    name: None,
                    src: step.src_attr(attr),
                });
            }
        }
        for w in s.blocks("webhook_action") {
            targets.push(StepTarget {
                kind: "builtin-webhook".into(),
                key: w
                    .str("url")
                    .unwrap_or("a URL Terraform computes")
                    .to_string(),
                name: None,
                src: r.src_line(w.line),
            });
        }
        let multi_ack = match s.get("multi_ack") {
            Some(Value::Bool(v)) => *v,
            _ => false,
        };
        steps.push(PStep {
            delay: unsigned(b, &step, "delay_minutes")?,
            multi_ack,
            targets,
            src: line,
            src_delay: step.src_attr("delay_minutes"),
        });
    }
    let p = Policy {
        key: r.address(),
        name: text(b, r, "name")?.unwrap_or_else(|| r.name.clone()),
        description: text(b, r, "description")?,
        repeat: number(b, r, "repeat")?,
        steps,
        src: r.src(),
        src_repeat: r.src_attr("repeat"),
    };
    m.add_policy(p, b);
    Ok(())
}
