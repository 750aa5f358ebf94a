//! Grafana OnCall HTTP API v1 JSON: list envelopes (`{"count", "next", "previous",
//! "results": [...]}`), bare arrays and single objects of escalation chains, escalation
//! policies, schedules, on-call shifts and users, in any files in any order.

use std::collections::HashSet;

use serde_json::Value;

use super::{build, Chain, Loc, Model, OnCallShift, Policy, Sched, User};
use crate::build::Builder;
use crate::json::{expected, parse, Item};
use crate::notes::ImportError;
use crate::SourceFile;

pub(crate) fn import_json(b: &mut Builder, files: &[SourceFile]) -> Result<(), ImportError> {
    let docs: Vec<(&SourceFile, Value)> = files
        .iter()
        .map(|f| parse(f).map(|v| (f, v)))
        .collect::<Result<_, _>>()?;
    let mut m = Model::default();
    let mut seen: HashSet<(&'static str, String)> = HashSet::new();
    for (f, v) in &docs {
        let root = Item::root(&f.name, v);
        let items = match (v, root.get("results")) {
            (Value::Array(_), _) => root.elements(),
            (Value::Object(_), Some(r)) if r.value.is_array() => r.elements(),
            (Value::Object(_), Some(r)) => return Err(r.error(expected("an array", r.value))),
            (Value::Object(_), None) => vec![root],
            _ => return Err(root.error(expected("an object or an array", v))),
        };
        for item in items {
            object(b, &mut m, &mut seen, &item)?;
        }
    }
    build(b, &m)
}

fn loc(item: &Item) -> Loc {
    Loc {
        base: item.src(),
        fields: item
            .members()
            .iter()
            .map(|(k, v)| (k.to_string(), v.src()))
            .collect(),
    }
}

fn strings(item: &Item, key: &str) -> Result<Vec<String>, ImportError> {
    item.opt_array(key)?
        .iter()
        .map(|e| match &e.value {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(n.to_string()),
            other => Err(e.error(expected("a string", other))),
        })
        .collect()
}

fn id(item: &Item) -> Result<String, ImportError> {
    match item.get("id") {
        Some(v) => match v.value {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(n.to_string()),
            other => Err(v.error(expected("a string", other))),
        },
        None => Err(item.error("\"id\" is missing: expected the object's id")),
    }
}

fn object(
    b: &mut Builder,
    m: &mut Model,
    seen: &mut HashSet<(&'static str, String)>,
    item: &Item,
) -> Result<(), ImportError> {
    if !item.value.is_object() {
        return Err(item.error(expected("an object", item.value)));
    }
    let has = |k: &str| item.get(k).is_some();
    let kind = item.opt_str("type")?.unwrap_or("");
    let what: &'static str = if has("escalation_chain_id") {
        "escalation policy"
    } else if matches!(kind, "rolling_users" | "recurrent_event" | "single_event")
        || has("rolling_users")
    {
        "on-call shift"
    } else if matches!(kind, "ical" | "calendar" | "web")
        || has("on_call_now")
        || has("ical_url_primary")
        || has("shifts")
    {
        "schedule"
    } else if has("username") || has("email") {
        "user"
    } else if has("id") && has("name") && !has("type") {
        "escalation chain"
    } else {
        b.notes.info(item.src(), "this object is not an escalation chain, escalation policy, schedule, on-call shift or user: not imported");
        return Ok(());
    };
    let key = id(item)?;
    if !seen.insert((what, key.clone())) {
        b.notes.warn(
            item.src(),
            format!("{what} {key} appears twice: the first is kept"),
        );
        return Ok(());
    }
    let loc = loc(item);
    match what {
        "escalation policy" => m.policies.push(Policy {
            chain: item.req_str("escalation_chain_id")?.to_string(),
            position: item.opt_u64("position")?,
            kind: item.req_str("type")?.to_string(),
            duration: item.opt_u64("duration")?,
            persons: strings(item, "persons_to_notify")?,
            persons_next: strings(item, "persons_to_notify_next_each_time")?,
            schedule: item
                .opt_str("notify_on_call_from_schedule")?
                .map(str::to_string),
            group: item.opt_str("group_to_notify")?.map(str::to_string),
            team: match item.opt_str("notify_to_team_members")? {
                Some(t) => Some(t.to_string()),
                None => item.opt_str("team_to_notify")?.map(str::to_string),
            },
            action: item.opt_str("action_to_trigger")?.map(str::to_string),
            time_from: item.opt_str("notify_if_time_from")?.map(str::to_string),
            time_to: item.opt_str("notify_if_time_to")?.map(str::to_string),
            num_alerts: item.opt_u64("num_alerts_in_window")?,
            num_minutes: item.opt_u64("num_minutes_in_window")?,
            important: item.opt_bool("important")?.unwrap_or(false),
            loc,
        }),
        "on-call shift" => {
            let mut rolling = Vec::new();
            for group in item.opt_array("rolling_users")? {
                if !group.value.is_array() {
                    return Err(group.error(expected("a list of user ids", group.value)));
                }
                let ids = group
                    .elements()
                    .iter()
                    .map(|e| {
                        e.value
                            .as_str()
                            .map(str::to_string)
                            .ok_or_else(|| e.error(expected("a user id", e.value)))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                rolling.push(ids);
            }
            let level = match item.get("level") {
                None => 0,
                Some(v) => v
                    .value
                    .as_i64()
                    .ok_or_else(|| v.error(expected("a whole number", v.value)))?,
            };
            m.shifts.push(OnCallShift {
                key,
                name: item
                    .opt_str("name")?
                    .unwrap_or("Imported shift")
                    .to_string(),
                kind: item.req_str("type")?.to_string(),
                start: item.opt_str("start")?.map(str::to_string),
                duration: item.opt_u64("duration")?,
                frequency: item.opt_str("frequency")?.map(str::to_string),
                interval: item.opt_u64("interval")?,
                week_start: item.opt_str("week_start")?.map(str::to_string),
                by_day: strings(item, "by_day")?,
                by_month: strings(item, "by_month")?,
                by_monthday: strings(item, "by_monthday")?,
                rolling_users: rolling,
                users: strings(item, "users")?,
                level,
                start_index: item.opt_u64("start_rotation_from_user_index")?,
                time_zone: item.opt_str("time_zone")?.map(str::to_string),
                until: item.opt_str("until")?.map(str::to_string),
                schedule: item.opt_str("schedule")?.map(str::to_string),
                loc,
            });
        }
        "schedule" => {
            if let Some(now) = item.get("on_call_now") {
                b.notes.info(now.src(), format!("schedule {} lists who is on call now: Rungs works that out from the shifts", item.opt_str("name")?.unwrap_or(&key)));
            }
            m.schedules.push(Sched {
                name: item.opt_str("name")?.unwrap_or(&key).to_string(),
                key,
                kind: item.opt_str("type")?.unwrap_or("calendar").to_string(),
                time_zone: item.opt_str("time_zone")?.map(str::to_string),
                shifts: strings(item, "shifts")?,
                ical_primary: item.opt_str("ical_url_primary")?.map(str::to_string),
                ical_overrides: item.opt_str("ical_url_overrides")?.map(str::to_string),
                loc,
            });
        }
        "user" => m.users.push(User {
            key,
            username: item.opt_str("username")?.map(str::to_string),
            name: item.opt_str("name")?.map(str::to_string),
            email: item.opt_str("email")?.map(str::to_string),
            timezone: item.opt_str("timezone")?.map(str::to_string),
            loc,
        }),
        _ => m.chains.push(Chain {
            name: item.req_str("name")?.to_string(),
            key,
            loc,
        }),
    }
    Ok(())
}
