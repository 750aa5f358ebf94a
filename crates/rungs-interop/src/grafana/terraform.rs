//! The OnCall resources of the `grafana/grafana` Terraform provider:
//! `grafana_oncall_escalation_chain`, `grafana_oncall_escalation`,
//! `grafana_oncall_schedule`, `grafana_oncall_on_call_shift` and
//! `data "grafana_oncall_user"` (looked up by `username`). References such as
//! `grafana_oncall_escalation_chain.default.id` are followed by address.

use super::{build, Chain, Loc, Model, OnCallShift, Policy, Sched, User};
use crate::build::Builder;
use crate::hcl::{Arg, Config, Resource, Value, MAX_WHOLE};
use crate::notes::ImportError;

const META: [&str; 6] = [
    "provider",
    "depends_on",
    "lifecycle",
    "count",
    "for_each",
    "id",
];

pub(crate) fn import_terraform(b: &mut Builder, config: &Config) -> Result<(), ImportError> {
    let mut m = Model::default();
    for r in config.data("grafana_oncall_user") {
        known(b, r, &["username"]);
        let username = text(b, r, "username");
        let email = username.clone().filter(|u| u.contains('@'));
        if email.is_some() {
            b.notes.info(
                r.src_attr("username"),
                format!(
                    "{}: the username is an email address, kept as the person's email",
                    r.address()
                ),
            );
        }
        m.users.push(User {
            key: r.address(),
            name: username.clone().or_else(|| Some(r.name.clone())),
            username,
            email,
            timezone: None,
            loc: loc(r),
        });
    }
    for r in config.resources("grafana_oncall_escalation_chain") {
        known(b, r, &["name"]);
        m.chains.push(Chain {
            key: r.address(),
            name: text(b, r, "name").unwrap_or_else(|| r.name.clone()),
            loc: loc(r),
        });
    }
    for r in config.resources("grafana_oncall_escalation") {
        known(
            b,
            r,
            &[
                "escalation_chain_id",
                "position",
                "type",
                "duration",
                "persons_to_notify",
                "persons_to_notify_next_each_time",
                "notify_on_call_from_schedule",
                "group_to_notify",
                "notify_to_team_members",
                "action_to_trigger",
                "notify_if_time_from",
                "notify_if_time_to",
                "num_alerts_in_window",
                "num_minutes_in_window",
                "important",
                "severity",
            ],
        );
        let Some(chain) = reference(b, config, r, "escalation_chain_id") else {
            b.notes.warn(
                r.src(),
                format!(
                    "{}: no escalation chain Rungs can follow: left out",
                    r.address()
                ),
            );
            continue;
        };
        m.policies.push(Policy {
            chain,
            position: number(b, r, "position")?.map(|n| n.max(0) as u64),
            kind: text(b, r, "type").unwrap_or_default(),
            duration: unsigned(b, r, "duration")?,
            persons: references(b, config, r, "persons_to_notify"),
            persons_next: references(b, config, r, "persons_to_notify_next_each_time"),
            schedule: reference(b, config, r, "notify_on_call_from_schedule"),
            group: text(b, r, "group_to_notify"),
            team: text(b, r, "notify_to_team_members"),
            action: text(b, r, "action_to_trigger"),
            time_from: text(b, r, "notify_if_time_from"),
            time_to: text(b, r, "notify_if_time_to"),
            num_alerts: unsigned(b, r, "num_alerts_in_window")?,
            num_minutes: unsigned(b, r, "num_minutes_in_window")?,
            important: r
                .body
                .get("important")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            loc: loc(r),
        });
    }
    for r in config.resources("grafana_oncall_schedule") {
        known(
            b,
            r,
            &[
                "name",
                "type",
                "time_zone",
                "shifts",
                "ical_url_primary",
                "ical_url_overrides",
            ],
        );
        m.schedules.push(Sched {
            key: r.address(),
            name: text(b, r, "name").unwrap_or_else(|| r.name.clone()),
            kind: text(b, r, "type").unwrap_or_else(|| "calendar".into()),
            time_zone: text(b, r, "time_zone"),
            shifts: references(b, config, r, "shifts"),
            ical_primary: text(b, r, "ical_url_primary"),
            ical_overrides: text(b, r, "ical_url_overrides"),
            loc: loc(r),
        });
    }
    for r in config.resources("grafana_oncall_on_call_shift") {
        known(
            b,
            r,
            &[
                "name",
                "type",
                "start",
                "duration",
                "frequency",
                "interval",
                "week_start",
                "by_day",
                "by_month",
                "by_monthday",
                "users",
                "rolling_users",
                "level",
                "time_zone",
                "start_rotation_from_user_index",
                "until",
            ],
        );
        let mut rolling = Vec::new();
        match r.body.get("rolling_users") {
            None | Some(Value::Null) => {}
            Some(Value::Array(groups)) => {
                for g in groups {
                    match g {
                        Value::Array(ids) => rolling.push(
                            ids.iter()
                                .filter_map(|v| resolve(b, config, r, "rolling_users", v))
                                .collect(),
                        ),
                        other => {
                            rolling.push(
                                resolve(b, config, r, "rolling_users", other)
                                    .into_iter()
                                    .collect(),
                            );
                        }
                    }
                }
            }
            Some(other) => computed(b, r, "rolling_users", other),
        }
        m.shifts.push(OnCallShift {
            key: r.address(),
            name: text(b, r, "name").unwrap_or_else(|| r.name.clone()),
            kind: text(b, r, "type").unwrap_or_default(),
            start: text(b, r, "start"),
            duration: unsigned(b, r, "duration")?,
            frequency: text(b, r, "frequency"),
            interval: unsigned(b, r, "interval")?,
            week_start: text(b, r, "week_start"),
            by_day: list_text(b, r, "by_day"),
            by_month: list_text(b, r, "by_month"),
            by_monthday: list_text(b, r, "by_monthday"),
            rolling_users: rolling,
            users: references(b, config, r, "users"),
            level: number(b, r, "level")?.unwrap_or(0),
            start_index: unsigned(b, r, "start_rotation_from_user_index")?,
            time_zone: text(b, r, "time_zone"),
            until: text(b, r, "until"),
            schedule: None,
            loc: loc(r),
        });
    }
    build(b, &m)
}

fn loc(r: &Resource) -> Loc {
    Loc {
        base: r.src(),
        fields: r
            .body
            .attrs
            .iter()
            .map(|a| (a.key.clone(), r.src_line(a.line)))
            .collect(),
    }
}

/// A note for each attribute and block Rungs does not read.
fn known(b: &mut Builder, r: &Resource, keys: &[&str]) {
    for a in r
        .body
        .attrs
        .iter()
        .filter(|a| !keys.contains(&a.key.as_str()) && !META.contains(&a.key.as_str()))
    {
        b.notes.info(
            r.src_line(a.line),
            format!(
                "{}: {} is not part of an escalation ladder: left out",
                r.address(),
                a.key
            ),
        );
    }
    for blk in r
        .body
        .blocks
        .iter()
        .filter(|x| x.kind != "dynamic" && x.kind != "lifecycle")
    {
        b.notes.info(
            r.src_line(blk.line),
            format!(
                "{}: the {} block is not part of an escalation ladder: left out",
                r.address(),
                blk.kind
            ),
        );
    }
}

fn computed(b: &mut Builder, r: &Resource, key: &str, v: &Value) {
    b.notes.warn(
        r.src_attr(key),
        format!(
            "{}: {key} = {} is computed by Terraform, which Rungs cannot do: left out",
            r.address(),
            v.describe()
        ),
    );
}

fn text(b: &mut Builder, r: &Resource, key: &str) -> Option<String> {
    match r.body.get(key)? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(x) => Some(x.to_string()),
        other => {
            computed(b, r, key, other);
            None
        }
    }
}

fn list_text(b: &mut Builder, r: &Resource, key: &str) -> Vec<String> {
    match r.body.get(key) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                other => {
                    computed(b, r, key, other);
                    None
                }
            })
            .collect(),
        Some(other) => {
            computed(b, r, key, other);
            Vec::new()
        }
    }
}

/// A whole number: a literal, or a product or sum of literals (`60 * 60 * 12`).
fn number(b: &mut Builder, r: &Resource, key: &str) -> Result<Option<i64>, ImportError> {
    let too_big = || {
        r.error(
            key,
            format!("{key} is not a whole number from -2^53 to 2^53"),
        )
    };
    match r.body.whole_arg(key, -MAX_WHOLE..=MAX_WHOLE) {
        Arg::Unset => Ok(None),
        Arg::Literal(n) => Ok(Some(n)),
        Arg::Other(Value::Number(_)) => Err(too_big()),
        Arg::Computed(v @ Value::Expr(e)) => match arithmetic(e) {
            Some(Some(n)) if n.unsigned_abs() <= MAX_WHOLE as u64 => Ok(Some(n)),
            Some(_) => Err(too_big()),
            None => {
                computed(b, r, key, v);
                Ok(None)
            }
        },
        Arg::Computed(v) => {
            computed(b, r, key, v);
            Ok(None)
        }
        Arg::Other(other) => Err(r.error(
            key,
            format!("{key} is {}: expected a number", other.describe()),
        )),
    }
}

fn unsigned(b: &mut Builder, r: &Resource, key: &str) -> Result<Option<u64>, ImportError> {
    match number(b, r, key)? {
        Some(n) if n < 0 => {
            Err(r.error(key, format!("{key} is {n}: expected a number not below 0")))
        }
        n => Ok(n.map(|n| n as u64)),
    }
}

/// `a * b + c` of whole literals: `None` when it is something else, `Some(None)` on
/// overflow.
fn arithmetic(e: &str) -> Option<Option<i64>> {
    let mut sum: Option<i64> = Some(0);
    for term in e.split('+') {
        let mut product: Option<i64> = Some(1);
        for factor in term.split('*') {
            let f: i64 = factor.trim().parse().ok()?;
            product = product.and_then(|p| p.checked_mul(f));
        }
        sum = sum.and_then(|s| product.and_then(|p| s.checked_add(p)));
    }
    Some(sum)
}

/// The key of what `v` names: a resource's address, or a literal id.
fn resolve(b: &mut Builder, config: &Config, r: &Resource, key: &str, v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Ref(_) if v.resource_ref().is_some() => config.follow(v),
        Value::Null => None,
        other => {
            computed(b, r, key, other);
            None
        }
    }
}

fn reference(b: &mut Builder, config: &Config, r: &Resource, key: &str) -> Option<String> {
    resolve(b, config, r, key, r.body.get(key)?)
}

fn references(b: &mut Builder, config: &Config, r: &Resource, key: &str) -> Vec<String> {
    match r.body.get(key) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| resolve(b, config, r, key, v))
            .collect(),
        Some(other) => {
            computed(b, r, key, other);
            Vec::new()
        }
    }
}
