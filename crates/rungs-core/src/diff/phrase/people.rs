//! Sentences for services, roles, people (time zones, roles, backups, response models),
//! rotations (members, shift, start, time zone, windows, overrides) and the default
//! response model.

use super::{Ctx, Node, Op};
use crate::time::{Instant, TimeZoneName};

pub(super) fn phrase(c: &Ctx) -> Option<String> {
    match c.shape[0] {
        "people" => person(c),
        "rotations" => rotation(c),
        "services" => service(c),
        "defaults" => defaults(c),
        _ => None,
    }
}

fn service(c: &Ctx) -> Option<String> {
    let s = c.subject();
    match c.shape.as_slice() {
        ["services", "#", "criticality"] => c.three(
            |n, o| {
                format!(
                    "{s} is {} instead of {} (criticality)",
                    unquote(&n),
                    unquote(&o)
                )
            },
            |n| format!("{s} is {}", unquote(&n)),
            |_| format!("{s} is of medium criticality (the default)"),
        ),
        ["services", "#", "team"] => c.three(
            |n, o| format!("{s} belongs to the team {n} instead of {o}"),
            |n| format!("{s} belongs to the team {n}"),
            |o| format!("{s} no longer names a team (was {o})"),
        ),
        ["services", "#", "depends_on", "#"] => c.three(
            |n, o| format!("{s} depends on {n} instead of {o}"),
            |n| format!("{s} now depends on {n}"),
            |o| format!("{s} no longer depends on {o}"),
        ),
        ["services", "#", "customer_segments", "#"] => c.three(
            |n, o| format!("{s} serves {n} instead of {o}"),
            |n| format!("{s} now serves {n}"),
            |o| format!("{s} no longer serves {o}"),
        ),
        ["services", "#", "revenue_per_hour"] => c.three(
            |n, o| format!("{s} brings in {n} per hour instead of {o}"),
            |n| format!("{s} brings in {n} per hour"),
            |o| format!("{s} no longer says what it brings in (was {o} per hour)"),
        ),
        _ => None,
    }
}

fn person(c: &Ctx) -> Option<String> {
    let p = c.subject();
    match c.shape.as_slice() {
        ["people", "#", "timezone"] => c.three(
            |n, o| format!("{p} is in {} instead of {}", unquote(&n), unquote(&o)),
            |n| format!("{p} is in {}", unquote(&n)),
            |_| format!("{p} has no time zone"),
        ),
        ["people", "#", "roles", "#"] => c.three(
            |n, o| format!("{p} holds {n} instead of {o}"),
            |n| format!("{p} now holds {n}"),
            |o| format!("{p} no longer holds {o}"),
        ),
        ["people", "#", "backup"] => c.three(
            |n, o| format!("{p}'s backup is {n} instead of {o}"),
            |n| format!("{p}'s backup is now {n}"),
            |o| format!("{p} no longer has a backup (was {o})"),
        ),
        ["people", "#", "response"] => Some(match c.raw.op {
            Op::Add => format!(
                "{p} gets a response model of their own: {}",
                model(c.raw.new?)
            ),
            Op::Remove => format!(
                "{p} uses the default response model again (was {})",
                model(c.raw.old?)
            ),
            _ => return None,
        }),
        ["people", "#", "response", field] => response(c, &p, false, field),
        _ => None,
    }
}

fn defaults(c: &Ctx) -> Option<String> {
    const WHO: &str = "By default, people";
    match c.shape.as_slice() {
        ["defaults", "response", field] => response(c, WHO, true, field),
        ["defaults", "response"] | ["defaults"] => {
            let node = c.node()?;
            let node = node.get("response").unwrap_or(node);
            Some(match c.raw.op {
                Op::Add => format!("The ladder gets a default response model: {}", model(node)),
                Op::Remove => format!(
                    "The ladder's default response model is removed (was {})",
                    model(node)
                ),
                _ => return None,
            })
        }
        _ => None,
    }
}

/// A response model in words: `acknowledging in 4m (median), 12m (90th percentile),
/// missing 10% of pages`.
fn model(n: &Node) -> String {
    let s = |k| n.get(k).and_then(Node::as_str).unwrap_or("?");
    format!(
        "acknowledging in {} (median), {} (90th percentile), missing {} of pages",
        s("ack_median"),
        s("ack_p90"),
        percent(n.get("miss"))
    )
}

fn percent(n: Option<&Node>) -> String {
    match n {
        Some(Node::Number(x)) => {
            let p = x.as_f64().unwrap_or(0.0) * 100.0;
            format!("{}%", (p * 100.0).round() / 100.0)
        }
        _ => "0%".into(),
    }
}

/// A field of a response model: `Maya acknowledges in 5m (median) instead of 4m`.
fn response(c: &Ctx, who: &str, plural: bool, field: &str) -> Option<String> {
    let s = if plural { "" } else { "s" };
    let (verb, after) = match field {
        "ack_median" => (format!("acknowledge{s} in"), " (median)"),
        "ack_p90" => (format!("acknowledge{s} within"), " (90th percentile)"),
        "miss" => {
            let (n, o) = (percent(c.raw.new), percent(c.raw.old));
            return Some(format!(
                "{who} miss{} {n} of pages instead of {o}",
                if plural { "" } else { "es" }
            ));
        }
        _ => return None,
    };
    c.three(
        |n, o| format!("{who} {verb} {n}{after} instead of {o}"),
        |n| format!("{who} {verb} {n}{after}"),
        |o| format!("{who} no longer {verb} {o}{after}"),
    )
}

fn rotation(c: &Ctx) -> Option<String> {
    let r = c.subject();
    match c.shape.as_slice() {
        ["rotations", "#", "members", "#"] => {
            let who = c.value();
            Some(match c.raw.op {
                Op::Add => format!("{who} joins {r} (turn {})", c.n(3)),
                Op::Remove => format!("{who} leaves {r}"),
                Op::Move => format!(
                    "{who} moves from turn {} to turn {} in {r}",
                    c.old_n(3),
                    c.n(3)
                ),
                Op::Change => format!("{r} turn {} is {} instead of {}", c.n(3), c.now(), c.was()),
            })
        }
        ["rotations", "#", "shift"] => c.three(
            |n, o| format!("{r} hands over every {n} instead of every {o}"),
            |n| format!("{r} hands over every {n}"),
            |o| format!("{r} has no shift (was {o})"),
        ),
        ["rotations", "#", "start"] if c.raw.op == Op::Change => start(c, &r),
        ["rotations", "#", "timezone"] => c.three(
            |n, o| {
                format!(
                    "{r} keeps the time of {} instead of {}",
                    unquote(&n),
                    unquote(&o)
                )
            },
            |n| format!("{r} keeps the time of {}", unquote(&n)),
            |_| format!("{r} has no time zone"),
        ),
        ["rotations", "#", "window"] => c.three(
            |n, o| format!("{r} covers {n} instead of {o}"),
            |n| format!("{r} now covers only {n}"),
            |o| format!("{r} no longer has a window (was {o})"),
        ),
        ["rotations", "#", "windows", "#"] => c.three(
            |n, o| format!("{r} covers {n} instead of {o}"),
            |n| format!("{r} also covers {n}"),
            |o| format!("{r} no longer covers {o}"),
        ),
        ["rotations", "#", "overrides", "#"] => {
            let o = c.node()?;
            let zone = c
                .up(2)
                .and_then(|e| e.get("timezone"))
                .and_then(Node::as_str);
            let at = |k| when(o.get(k).and_then(Node::as_str), zone);
            let who = c.names.value(Some("person"), o.get("person")?);
            let span = format!("from {} to {}", at("from"), at("to"));
            Some(match c.raw.op {
                Op::Remove => format!("{who} no longer covers {r} {span}"),
                _ => format!("{who} covers {r} {span}"),
            })
        }
        _ => None,
    }
}

/// A changed start: `hands over at 09:00 instead of 08:00 (Europe/Berlin)` when only
/// the local time moved, else both starts on the rotation's local clock.
fn start(c: &Ctx, r: &str) -> Option<String> {
    let zone = c.up(2)?.get("timezone")?.as_str()?;
    let tz = TimeZoneName::new(zone).ok()?;
    let local = |n: Option<&Node>| -> Option<jiff::civil::DateTime> {
        let at = Instant::parse(n?.as_str()?).ok()?;
        Some(tz.tz().to_datetime(at.timestamp()))
    };
    let (new, old) = (local(c.raw.new)?, local(c.raw.old)?);
    if new.date() == old.date() {
        Some(format!(
            "{r} hands over at {} instead of {} ({zone} time)",
            new.strftime("%H:%M"),
            old.strftime("%H:%M")
        ))
    } else {
        let f = "%a %-d %b %Y, %H:%M";
        Some(format!(
            "{r} starts its first turn on {} instead of {} ({zone} time)",
            new.strftime(f),
            old.strftime(f)
        ))
    }
}

/// An instant on the rotation's clock: `Sat 14 Mar, 04:00 CET`.
fn when(at: Option<&str>, zone: Option<&str>) -> String {
    let (Some(at), Some(zone)) = (at, zone) else {
        return at.unwrap_or("?").to_string();
    };
    match (Instant::parse(at), TimeZoneName::new(zone)) {
        (Ok(at), Ok(zone)) => crate::time::readable_instant(at, &zone),
        _ => at.to_string(),
    }
}

/// A value shown without its quotes (a time zone or a criticality reads better bare).
fn unquote(s: &str) -> String {
    s.trim_start_matches('“').trim_end_matches('”').to_string()
}
