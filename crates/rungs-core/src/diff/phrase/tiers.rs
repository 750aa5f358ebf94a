//! Sentences for tiers (timelines, owners, escalation steps and their targets, repeat,
//! breach actions, playbook) and triggers.

use super::{Ctx, Node, Op};
use crate::text::count;

pub(super) fn phrase(c: &Ctx) -> Option<String> {
    if c.shape[0] == "triggers" {
        return trigger(c);
    }
    let t = c.subject();
    match c.shape.as_slice() {
        ["tiers", "#", "rank"] => c.three(
            |n, o| format!("{t} is rank {n} instead of {o}"),
            |n| format!("{t} is rank {n}"),
            |o| format!("{t} has no rank (was {o})"),
        ),
        ["tiers", "#", "criteria"] => c.three(
            |n, _| format!("{t}'s criteria now read {n}"),
            |n| format!("{t} gets criteria: {n}"),
            |_| format!("{t} no longer has criteria"),
        ),
        ["tiers", "#", "timelines", which] => timeline(c, &t, which),
        ["tiers", "#", "owners", duty] => {
            let duty = match *duty {
                "commander" => "commander".to_string(),
                d => format!("{d} owner"),
            };
            c.three(
                |n, o| format!("{t}'s {duty} is {n} instead of {o}"),
                |n| format!("{t}'s {duty} is now {n}"),
                |o| format!("{t} no longer names a {duty} (was {o})"),
            )
        }
        ["tiers", "#", "escalation", "steps", "#"] => step(c, &t),
        ["tiers", "#", "escalation", "steps", "#", "escalate_after"] => {
            let k = c.n(4);
            c.three(
                |n, o| format!("{t} step {k} waits {n} instead of {o}"),
                |n| format!("{t} step {k} waits {n}"),
                |o| format!("{t} step {k} no longer waits (was {o})"),
            )
        }
        ["tiers", "#", "escalation", "steps", "#", "notify", "#"] => {
            let k = c.n(4);
            c.three(
                |n, o| format!("{t} step {k} pages {n} instead of {o}"),
                |n| format!("{t} step {k} also pages {n}"),
                |o| format!("{t} step {k} no longer pages {o}"),
            )
        }
        ["tiers", "#", "escalation", "repeat"] => {
            let times = |s: String| count(s.parse().unwrap_or(0), "time", "times");
            c.three(
                |n, o| {
                    format!(
                        "{t} repeats its escalation {} instead of {}",
                        times(n),
                        times(o)
                    )
                },
                |n| format!("{t} now repeats its escalation {}", times(n)),
                |o| format!("{t} no longer repeats its escalation (was {})", times(o)),
            )
        }
        ["tiers", "#", "on_breach", which] => breach(c, &t, &which.replace('_', " ")),
        ["tiers", "#", "playbook"] => c.three(
            |n, o| format!("{t} follows {n} instead of {o}"),
            |n| format!("{t} now follows {n}"),
            |o| format!("{t} no longer follows {o}"),
        ),
        _ => None,
    }
}

fn timeline(c: &Ctx, t: &str, which: &str) -> Option<String> {
    let (verb, noun) = match which {
        "acknowledge" => ("be acknowledged within", "an acknowledge deadline"),
        "contain" => ("be contained within", "a containment deadline"),
        "resolve" => ("be resolved within", "a resolution deadline"),
        "first_update" => ("send its first update within", "a first-update deadline"),
        "update_every" => ("send an update every", "an update cadence"),
        _ => return None,
    };
    c.three(
        |n, o| format!("{t} must {verb} {n} instead of {o}"),
        |n| format!("{t} must now {verb} {n}"),
        |o| format!("{t} no longer has {noun} (was {o})"),
    )
}

/// A step added, removed or moved.
fn step(c: &Ctx, t: &str) -> Option<String> {
    let node = c.node()?;
    let pages = c
        .names
        .targets(node.get("notify").map_or(&[][..], Node::items));
    let wait = node
        .get("escalate_after")
        .and_then(Node::as_str)
        .unwrap_or("?");
    let k = c.n(4);
    Some(match c.raw.op {
        Op::Add => format!("{t} step {k} is new: it pages {pages}, then waits {wait}"),
        Op::Remove => format!("{t} step {k} is removed (it paged {pages}, then waited {wait})"),
        Op::Move => format!("{t} step {} is now step {k} (it pages {pages})", c.old_n(4)),
        Op::Change => return None,
    })
}

/// A breach action: `escalate`, or `record` (also when absent, the default).
fn breach(c: &Ctx, t: &str, which: &str) -> Option<String> {
    let escalates = |n: Option<&Node>| n.and_then(Node::as_str) == Some("escalate");
    let (was, is) = (escalates(c.raw.old), escalates(c.raw.new));
    let escalate = format!("{t} escalates to the next tier when the {which} deadline is missed");
    let record = format!("{t} only records a missed {which} deadline");
    Some(match (was, is, c.raw.op) {
        (false, true, Op::Change) => format!("{escalate}, instead of recording it"),
        (true, false, Op::Change) => format!("{record}, instead of escalating"),
        (_, true, _) => escalate,
        (true, false, _) => format!("{record} (the default), instead of escalating"),
        (false, false, Op::Add) => format!("{record} (as by default, now written out)"),
        (false, false, _) => format!("{record} (the default, no longer written out)"),
    })
}

fn trigger(c: &Ctx) -> Option<String> {
    let t = c.subject();
    let condition = |entry: Option<&Node>| -> Option<String> {
        let entry = entry?;
        let s = |k| entry.get(k).and_then(Node::as_str);
        let threshold = match entry.get("threshold")? {
            Node::Number(n) => super::super::names::number(n),
            _ => return None,
        };
        Some(format!("{} {} {threshold}", s("metric")?, s("op")?))
    };
    match c.shape.as_slice() {
        ["triggers", "#", "op" | "threshold" | "metric"] if c.raw.op == Op::Change => {
            Some(format!(
                "{t} fires when {} instead of {}",
                condition(c.up(2))?,
                condition(c.old_up(2))?
            ))
        }
        ["triggers", "#", "service"] => c.three(
            |n, o| format!("{t} watches {n} instead of {o}"),
            |n| format!("{t} watches {n}"),
            |o| format!("{t} no longer watches {o}"),
        ),
        ["triggers", "#", "for"] => c.three(
            |n, o| format!("{t} fires after its condition holds for {n} instead of {o}"),
            |n| format!("{t} fires after its condition holds for {n}"),
            |o| format!("{t} no longer waits {o} before it fires"),
        ),
        ["triggers", "#", "tier"] => c.three(
            |n, o| format!("{t} opens {n} instead of {o}"),
            |n| format!("{t} opens {n}"),
            |o| format!("{t} no longer opens {o}"),
        ),
        ["triggers", "#", "clear_for"] => c.three(
            |n, o| format!("{t} clears after {n} without its condition instead of {o}"),
            |n| format!("{t} clears after {n} without its condition"),
            |o| format!("{t} no longer waits {o} to clear"),
        ),
        _ => None,
    }
}
