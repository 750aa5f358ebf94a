//! Opsgenie REST API v2 JSON: the responses of the escalation, schedule (with its
//! `rotations`) and user APIs, saved as they come (`{"data": [...]}`, `{"data": {...}}`,
//! with `took`, `requestId`, `totalCount` or `paging` beside them), read into the
//! [`Model`] in any mix of files and any order.

use crate::build::Builder;
use crate::json::{parse, Item};
use crate::notes::ImportError;
use crate::SourceFile;

use super::{
    build, delay_minutes, Esc, Model, Participant, Repeat, Restriction, Rot, Rule, Sched, Span,
    User,
};

pub(crate) fn import_json(b: &mut Builder, files: &[SourceFile]) -> Result<(), ImportError> {
    let values = files
        .iter()
        .map(|f| parse(f).map(|v| (f.name.as_str(), v)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut m = Model::default();
    for (file, value) in &values {
        let root = Item::root(file, value);
        let data = match root.get("data") {
            Some(d) if root.value.is_object() => d,
            _ => root,
        };
        let items = if data.value.is_array() {
            data.elements()
        } else if data.value.is_object() {
            vec![data]
        } else {
            return Err(data.error(crate::json::expected(
                "an Opsgenie API response (an object, or {\"data\": [...]})",
                data.value,
            )));
        };
        for item in items {
            read_item(b, &mut m, &item)?;
        }
    }
    build(b, &m)
}

fn read_item(b: &mut Builder, m: &mut Model, x: &Item) -> Result<(), ImportError> {
    if !x.value.is_object() {
        return Err(x.error(crate::json::expected(
            "an escalation, a schedule or a user",
            x.value,
        )));
    }
    if x.get("rules").is_some() {
        m.escalations.push(escalation(x)?);
    } else if x.get("username").is_some() {
        m.users.push(User {
            key: x
                .opt_str("id")?
                .unwrap_or(x.req_str("username")?)
                .to_string(),
            username: x.opt_str("username")?.map(str::to_string),
            full_name: x.opt_str("fullName")?.map(str::to_string),
            timezone: x.opt_str("timeZone")?.map(str::to_string),
            src: x.src(),
        });
    } else if x.get("rotations").is_some() || x.get("timezone").is_some() {
        let name = x.req_str("name")?;
        if x.get("rotations").is_none() {
            b.notes.warn(
                x.src(),
                format!("schedule \"{name}\" comes without its rotations: get it with GET /v2/schedules/{{id}} (or list with expand=rotation) to import who is on call"),
            );
        }
        let rotations = x
            .opt_array("rotations")?
            .iter()
            .map(rotation)
            .collect::<Result<Vec<_>, _>>()?;
        m.schedules.push(Sched {
            key: x.opt_str("id")?.unwrap_or(name).to_string(),
            name: name.to_string(),
            timezone: x.opt_str("timezone")?.map(str::to_string),
            rotations,
            src: x.src(),
        });
    } else {
        b.notes.info(
            x.src(),
            "this object is not an escalation, a schedule or a user: not imported",
        );
    }
    Ok(())
}

fn escalation(x: &Item) -> Result<Esc, ImportError> {
    let name = x.req_str("name")?;
    let mut rules = Vec::new();
    for r in x.opt_array("rules")? {
        let (amount, unit, src) = match r.get("delay") {
            None => (0, None, r.src_at("delay")),
            Some(d) if d.value.is_object() => (
                d.opt_u64("timeAmount")?.unwrap_or(0),
                d.opt_str("timeUnit")?,
                d.src(),
            ),
            // The v1 API and some exports write the delay as a number of minutes.
            Some(d) => (r.opt_u64("delay")?.unwrap_or(0), None, d.src()),
        };
        let delay = delay_minutes(amount, unit, &format!("escalation \"{name}\"'s rule delay"))
            .map_err(|msg| crate::notes::ImportError::at_source(&src, msg))?;
        rules.push(Rule {
            condition: r.opt_str("condition")?.map(str::to_string),
            notify_type: r.opt_str("notifyType")?.map(str::to_string),
            delay,
            recipient: r.get("recipient").map(|p| participant(&p)).transpose()?,
            src: r.src(),
        });
    }
    let repeat = match x.get("repeat") {
        None => None,
        Some(r) if !r.value.is_object() => {
            return Err(r.error(crate::json::expected("an object", r.value)))
        }
        Some(r) => Some(Repeat {
            wait: r.opt_u64("waitInterval")?,
            count: r.opt_u64("count")?,
            reset_recipient_states: r.opt_bool("resetRecipientStates")?,
            close_alert_after_all: r.opt_bool("closeAlertAfterAll")?,
            src: r.src(),
        }),
    };
    Ok(Esc {
        key: x.opt_str("id")?.unwrap_or(name).to_string(),
        name: name.to_string(),
        description: x.opt_str("description")?.map(str::to_string),
        rules,
        repeat,
        src: x.src(),
        src_rules: x.src_at("rules"),
    })
}

/// A participant or recipient: `{"type", "id"?, "username"?, "name"?}`.
fn participant(p: &Item) -> Result<Participant, ImportError> {
    if !p.value.is_object() {
        return Err(p.error(crate::json::expected("an object", p.value)));
    }
    let mut keys = Vec::new();
    for k in ["id", "username", "name"] {
        if let Some(v) = p.opt_str(k)? {
            keys.push(v.to_string());
        }
    }
    Ok(Participant {
        kind: p.req_str("type")?.to_string(),
        keys,
        src: p.src(),
    })
}

fn rotation(r: &Item) -> Result<Rot, ImportError> {
    if !r.value.is_object() {
        return Err(r.error(crate::json::expected("a rotation object", r.value)));
    }
    let participants = r
        .opt_array("participants")?
        .iter()
        .map(participant)
        .collect::<Result<Vec<_>, _>>()?;
    let restriction = match r.get("timeRestriction") {
        None => None,
        Some(t) if !t.value.is_object() => {
            return Err(t.error(crate::json::expected("an object", t.value)))
        }
        Some(t) => {
            let mut spans = Vec::new();
            if let Some(one) = t.get("restriction") {
                spans.push(span(&one)?);
            }
            for s in t.opt_array("restrictions")? {
                spans.push(span(&s)?);
            }
            Some(Restriction {
                kind: t.req_str("type")?.to_string(),
                spans,
                src: t.src(),
            })
        }
    };
    Ok(Rot {
        name: r.opt_str("name")?.map(str::to_string),
        kind: r.opt_str("type")?.map(str::to_string),
        length: r.opt_u64("length")?,
        start: r.opt_str("startDate")?.map(str::to_string),
        end: r.opt_str("endDate")?.map(str::to_string),
        participants,
        restriction,
        src: r.src(),
        src_start: r.src_at("startDate"),
        src_end: r.src_at("endDate"),
    })
}

fn span(s: &Item) -> Result<Span, ImportError> {
    if !s.value.is_object() {
        return Err(s.error(crate::json::expected("an object", s.value)));
    }
    let n = |k: &str| s.opt_u64(k).map(|v| v.unwrap_or(0));
    Ok(Span {
        start_day: s.opt_str("startDay")?.map(str::to_string),
        end_day: s.opt_str("endDay")?.map(str::to_string),
        start: (n("startHour")?, n("startMin")?),
        end: (n("endHour")?, n("endMin")?),
        src: s.src(),
    })
}
