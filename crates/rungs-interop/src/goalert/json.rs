//! GoAlert GraphQL responses (`graphql2/schema.graphql`): `{"data": {...}}` holding any
//! of `escalationPolicy`/`escalationPolicies { nodes }`, `rotation`/`rotations`,
//! `schedule`/`schedules`, `user`/`users`, `userOverride`/`userOverrides`, in any
//! number of files; `{"errors": [...]}` stops the import with GoAlert's message.

use serde_json::Value;

use super::{Model, PStep, Policy, Rot, Rule, Sched, SchedTarget, StepTarget, User, UserOverride};
use crate::build::Builder;
use crate::json::{expected, Item};
use crate::notes::ImportError;
use crate::SourceFile;

pub(super) fn read(b: &mut Builder, file: &SourceFile, m: &mut Model) -> Result<(), ImportError> {
    let value = crate::json::parse(file)?;
    let root = Item::root(&file.name, &value);
    if !value.is_object() {
        return Err(root.error(expected(
            "a GraphQL response (an object with \"data\")",
            &value,
        )));
    }
    if let Some(first) = root.opt_array("errors")?.first() {
        let message = match first.value {
            Value::String(s) => s.as_str(),
            _ => first.opt_str("message")?.unwrap_or("(no message)"),
        };
        return Err(first.error(format!(
            "GoAlert answered with an error: \"{}\"",
            rungs_core::text::truncate_for_display(message, 200)
        )));
    }
    let Some(data) = root.get("data") else {
        return Err(
            root.error("this is not a GoAlert GraphQL response: expected an object with \"data\"")
        );
    };
    object(&data)?;
    for (key, item) in data.members() {
        match key {
            "escalationPolicy" => policy(b, m, &item)?,
            "escalationPolicies" => each(b, &item, |b, n| policy(b, m, n))?,
            "rotation" => rotation(b, m, &item)?,
            "rotations" => each(b, &item, |b, n| rotation(b, m, n))?,
            "schedule" => schedule(b, m, &item)?,
            "schedules" => each(b, &item, |b, n| schedule(b, m, n))?,
            "user" => user(m, &item).map(|_| ())?,
            "users" => each(b, &item, |_, n| user(m, n).map(|_| ()))?,
            "userOverride" => user_override(m, &item)?,
            "userOverrides" => each(b, &item, |_, n| user_override(m, n))?,
            other => {
                b.notes.info(
                    item.src(),
                    format!(
                        "\"{}\" is not part of an escalation policy: not imported",
                        rungs_core::text::truncate_for_display(other, 40)
                    ),
                );
            }
        }
    }
    Ok(())
}

fn object(item: &Item) -> Result<(), ImportError> {
    if item.value.is_object() {
        Ok(())
    } else {
        Err(item.error(expected("an object", item.value)))
    }
}

/// Each node of a connection `{ nodes: [...], pageInfo }`; a note when more pages exist.
fn each<'a>(
    b: &mut Builder,
    item: &Item<'a>,
    mut f: impl FnMut(&mut Builder, &Item<'a>) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    if !item.value.is_object() {
        return Err(item.error(expected("an object with \"nodes\"", item.value)));
    }
    if let Some(page) = item.get("pageInfo") {
        if page.opt_bool("hasNextPage")? == Some(true) {
            b.notes.warn(
                page.src(),
                "GoAlert has more of these on a next page: only this page is imported; query with a larger \"first\" or add the next page's file",
            );
        }
    }
    for n in item.opt_array("nodes")? {
        f(b, &n)?;
    }
    Ok(())
}

fn opt_i64(item: &Item, key: &str) -> Result<Option<i64>, ImportError> {
    match item.get(key) {
        None => Ok(None),
        Some(v) => match v.value.as_i64() {
            Some(n) => Ok(Some(n)),
            None => Err(v.error(expected("a whole number", v.value))),
        },
    }
}

fn user(m: &mut Model, item: &Item) -> Result<String, ImportError> {
    object(item)?;
    let key = item.req_str("id")?.to_string();
    m.add_user(User {
        key: key.clone(),
        name: item.opt_str("name")?.unwrap_or("").to_string(),
        email: item.opt_str("email")?.map(str::to_string),
        src: item.src(),
    });
    Ok(key)
}

fn rotation(b: &mut Builder, m: &mut Model, item: &Item) -> Result<(), ImportError> {
    object(item)?;
    let mut users = Vec::new();
    let ids = item.opt_array("userIDs")?;
    if ids.is_empty() {
        for u in item.opt_array("users")? {
            let key = user(m, &u)?;
            users.push((key, u.src()));
        }
    } else {
        for u in item.opt_array("users")? {
            user(m, &u)?;
        }
        for id in ids {
            let key = id
                .value
                .as_str()
                .ok_or_else(|| id.error(expected("a user id (a string)", id.value)))?;
            users.push((key.to_string(), id.src()));
        }
    }
    let rot = Rot {
        key: item.req_str("id")?.to_string(),
        name: item.req_str("name")?.to_string(),
        description: item.opt_str("description")?.map(str::to_string),
        time_zone: item.opt_str("timeZone")?.map(str::to_string),
        kind: item.opt_str("type")?.map(str::to_string),
        shift_length: item.opt_u64("shiftLength")?,
        start: item.opt_str("start")?.map(str::to_string),
        users,
        active_user_index: opt_i64(item, "activeUserIndex")?,
        src: item.src(),
        src_kind: item.src_at("type"),
        src_shift: item.src_at("shiftLength"),
        src_start: item.src_at("start"),
        src_active: item.src_at("activeUserIndex"),
    };
    m.add_rotation(rot, b);
    Ok(())
}

/// `{ id, type, name }`.
fn target(item: &Item) -> Result<(String, String, Option<String>), ImportError> {
    object(item)?;
    Ok((
        item.req_str("type")?.to_string(),
        item.req_str("id")?.to_string(),
        item.opt_str("name")?.map(str::to_string),
    ))
}

fn schedule(b: &mut Builder, m: &mut Model, item: &Item) -> Result<(), ImportError> {
    object(item)?;
    let name = item.req_str("name")?.to_string();
    let mut targets = Vec::new();
    for t in item.opt_array("targets")? {
        object(&t)?;
        let tgt = t
            .get("target")
            .ok_or_else(|| t.error("\"target\" is missing: expected { id, type }"))?;
        let (kind, key, tname) = target(&tgt)?;
        let mut rules = Vec::new();
        for r in t.opt_array("rules")? {
            object(&r)?;
            rules.push(Rule {
                start: r.req_str("start")?.to_string(),
                end: r.req_str("end")?.to_string(),
                days: weekdays(&r)?,
                src: r.src(),
            });
        }
        targets.push(SchedTarget {
            kind,
            key,
            name: tname,
            rules,
            src: t.src(),
        });
    }
    let who = format!("Schedule {name}");
    for (key, what, warn) in [
        (
            "shifts",
            "its computed shifts (Rungs works them out from the rules)",
            false,
        ),
        (
            "temporarySchedules",
            "its temporary schedules, which Rungs cannot express",
            true,
        ),
        (
            "onCallNotificationRules",
            "its on-call notification rules",
            false,
        ),
    ] {
        if !item.opt_array(key)?.is_empty() {
            let msg = format!("{who}: {what}: not imported");
            if warn {
                b.notes.warn(item.src_at(key), msg);
            } else {
                b.notes.info(item.src_at(key), msg);
            }
        }
    }
    let s = Sched {
        key: item.req_str("id")?.to_string(),
        name,
        time_zone: item.opt_str("timeZone")?.map(str::to_string),
        targets,
        src: item.src(),
    };
    m.add_schedule(s, b);
    Ok(())
}

/// `weekdayFilter`: seven booleans, Sunday first.
fn weekdays(rule: &Item) -> Result<[bool; 7], ImportError> {
    let Some(f) = rule.get("weekdayFilter") else {
        return Err(
            rule.error("\"weekdayFilter\" is missing: expected 7 true/false values, Sunday first")
        );
    };
    let list = f.value.as_array().filter(|a| a.len() == 7);
    let mut days = [false; 7];
    match list {
        Some(a) => {
            for (d, v) in days.iter_mut().zip(a) {
                *d = v.as_bool().ok_or_else(|| {
                    f.error(expected("7 true/false values, Sunday first", f.value))
                })?;
            }
            Ok(days)
        }
        None => Err(f.error(format!(
            "{} (7 true/false values, Sunday first)",
            expected("a weekday filter", f.value)
        ))),
    }
}

fn user_override(m: &mut Model, item: &Item) -> Result<(), ImportError> {
    object(item)?;
    let mut side = |id: &str, obj: &str| -> Result<Option<String>, ImportError> {
        if let Some(o) = item.get(obj) {
            return user(m, &o).map(Some);
        }
        Ok(item
            .opt_str(id)?
            .filter(|s| !s.is_empty())
            .map(str::to_string))
    };
    let add = side("addUserID", "addUser")?;
    let remove = side("removeUserID", "removeUser")?;
    let schedule = match item.get("target") {
        Some(t) => {
            let (kind, key, _) = target(&t)?;
            if kind != "schedule" {
                return Err(t.error(format!(
                    "an override's target is a {}: expected a schedule",
                    rungs_core::text::truncate_for_display(&kind, 30)
                )));
            }
            Some(key)
        }
        None => None,
    };
    m.overrides.push(UserOverride {
        schedule,
        add,
        remove,
        start: item.req_str("start")?.to_string(),
        end: item.req_str("end")?.to_string(),
        src: item.src(),
    });
    Ok(())
}

fn policy(b: &mut Builder, m: &mut Model, item: &Item) -> Result<(), ImportError> {
    object(item)?;
    let mut steps = Vec::new();
    for s in item.opt_array("steps")? {
        object(&s)?;
        let mut targets = Vec::new();
        let listed = s.opt_array("targets")?;
        for t in &listed {
            let (kind, key, name) = target(t)?;
            targets.push(StepTarget {
                kind,
                key,
                name,
                src: t.src(),
            });
        }
        if listed.is_empty() {
            for a in s.opt_array("actions")? {
                targets.push(action(&a)?);
            }
        }
        steps.push(PStep {
            delay: s.opt_u64("delayMinutes")?,
            multi_ack: s.opt_bool("multiAck")?.unwrap_or(false),
            targets,
            src: s.src(),
            src_delay: s.src_at("delayMinutes"),
        });
    }
    let p = Policy {
        key: item.req_str("id")?.to_string(),
        name: item.req_str("name")?.to_string(),
        description: item.opt_str("description")?.map(str::to_string),
        repeat: opt_i64(item, "repeat")?,
        steps,
        src: item.src(),
        src_repeat: item.src_at("repeat"),
    };
    m.add_policy(p, b);
    Ok(())
}

/// A step's destination (`actions`): `{ type: "builtin-user", args: { user_id } }` and
/// so on; the display text names it.
fn action(a: &Item) -> Result<StepTarget, ImportError> {
    object(a)?;
    let kind = a.req_str("type")?.to_string();
    let args = a.get("args");
    let arg = |k: &str| -> Result<Option<String>, ImportError> {
        match &args {
            Some(x) => Ok(x.opt_str(k)?.map(str::to_string)),
            None => Ok(None),
        }
    };
    let key = match kind.as_str() {
        "builtin-user" => arg("user_id")?,
        "builtin-rotation" => arg("rotation_id")?,
        "builtin-schedule" => arg("schedule_id")?,
        _ => None,
    };
    let name = match a.get("displayInfo") {
        Some(d) => d.opt_str("text")?.map(str::to_string),
        None => None,
    };
    let key = match key {
        Some(k) => k,
        None if kind.starts_with("builtin-user")
            || kind == "builtin-rotation"
            || kind == "builtin-schedule" =>
        {
            return Err(a.error(format!("a {kind} action has no id in \"args\"")))
        }
        None => name.clone().unwrap_or_default(),
    };
    Ok(StepTarget {
        kind,
        key,
        name,
        src: a.src(),
    })
}
