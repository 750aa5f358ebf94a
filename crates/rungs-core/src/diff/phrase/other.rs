//! Sentences for playbooks (steps, owners, artifacts), templates and scenarios (start,
//! horizon, seed, work, signals and their points, injects).

use super::{text_of, Ctx, Node, Op};

pub(super) fn phrase(c: &Ctx) -> Option<String> {
    match c.shape[0] {
        "playbooks" => playbook(c),
        "templates" => template(c),
        "scenarios" => scenario(c),
        _ => None,
    }
}

fn playbook(c: &Ctx) -> Option<String> {
    let p = c.subject();
    match c.shape.as_slice() {
        ["playbooks", "#", "steps", "#"] => {
            let step = c.node()?;
            let what = format!(
                "({}) {}",
                step.get("stage").and_then(Node::as_str).unwrap_or("?"),
                text_of(step.get("text"))
            );
            let k = c.n(3);
            Some(match c.raw.op {
                Op::Add => format!("{p} gets a new step {k}: {what}"),
                Op::Remove => format!("{p} step {k} is removed: {what}"),
                Op::Move => format!("{p} step {} is now step {k}: {what}", c.old_n(3)),
                Op::Change => return None,
            })
        }
        ["playbooks", "#", "steps", "#", "text"] => c.three(
            |n, o| format!("{p} step {} reads {n} instead of {o}", c.n(3)),
            |n| format!("{p} step {} reads {n}", c.n(3)),
            |_| format!("{p} step {} has no text", c.n(3)),
        ),
        ["playbooks", "#", "steps", "#", "stage"] => c.three(
            |n, o| format!("{p} step {} is part of {n} instead of {o}", c.n(3)),
            |n| format!("{p} step {} is part of {n}", c.n(3)),
            |_| format!("{p} step {} has no stage", c.n(3)),
        ),
        ["playbooks", "#", "steps", "#", "owner"] => c.three(
            |n, o| format!("{p} step {} is owned by {n} instead of {o}", c.n(3)),
            |n| format!("{p} step {} is now owned by {n}", c.n(3)),
            |o| format!("{p} step {} is no longer owned by {o}", c.n(3)),
        ),
        ["playbooks", "#", "artifacts", "#"] => c.three(
            |n, o| format!("{p} lists {n} instead of {o}"),
            |n| format!("{p} now lists {n}"),
            |o| format!("{p} no longer lists {o}"),
        ),
        _ => None,
    }
}

fn template(c: &Ctx) -> Option<String> {
    let t = c.subject();
    match c.shape.as_slice() {
        ["templates", "#", "audience"] => c.three(
            |n, o| format!("{t} is for {n} readers instead of {o}"),
            |n| format!("{t} is for {n} readers"),
            |_| format!("{t} has no audience"),
        ),
        ["templates", "#", "channel"] => c.three(
            |n, o| format!("{t} is posted to {n} instead of {o}"),
            |n| format!("{t} is posted to {n}"),
            |_| format!("{t} has no channel"),
        ),
        ["templates", "#", "body"] => c.three(
            |n, _| format!("{t} now reads {n}"),
            |n| format!("{t} reads {n}"),
            |_| format!("{t} has no text"),
        ),
        _ => None,
    }
}

fn scenario(c: &Ctx) -> Option<String> {
    let s = c.subject();
    match c.shape.as_slice() {
        ["scenarios", "#", "start"] => c.three(
            |n, o| format!("{s} starts at {n} instead of {o}"),
            |n| format!("{s} starts at {n}"),
            |_| format!("{s} has no start"),
        ),
        ["scenarios", "#", "horizon"] => c.three(
            |n, o| format!("{s} runs for at most {n} instead of {o}"),
            |n| format!("{s} runs for at most {n}"),
            |_| format!("{s} runs for at most 1d (the default)"),
        ),
        ["scenarios", "#", "seed"] => c.three(
            |n, o| format!("{s} uses the seed {n} instead of {o}"),
            |n| format!("{s} uses the seed {n} instead of 0"),
            |o| format!("{s} uses the seed 0 instead of {o}"),
        ),
        ["scenarios", "#", "work", phase, stat @ ("median" | "p90")] => {
            let what = match *phase {
                "contain_after_ack" => "containing takes",
                "resolve_after_contain" => "resolving after containment takes",
                _ => return None,
            };
            let stat = if *stat == "median" {
                "median"
            } else {
                "90th percentile"
            };
            c.three(
                |n, o| format!("In {s}, {what} {n} ({stat}) instead of {o}"),
                |n| format!("In {s}, {what} {n} ({stat})"),
                |o| format!("In {s}, {what} no longer {o} ({stat})"),
            )
        }
        ["scenarios", "#", "signals", "#"] => {
            let what = signal(c, c.node()?)?;
            Some(match c.raw.op {
                Op::Add => format!("{s} gets a signal for {what}"),
                Op::Remove => format!("{s} no longer has the signal for {what}"),
                _ => return None,
            })
        }
        ["scenarios", "#", "signals", "#", "points", "#"] => {
            let what = signal(c, c.up(4)?)?;
            let point = |n: Option<&Node>| -> Option<(String, String)> {
                let [at, v] = n?.items() else { return None };
                Some((at.as_str()?.to_string(), c.names.value(None, v)))
            };
            let (at, v) = point(c.node())?;
            Some(match c.raw.op {
                Op::Add => format!("In {s}, {what} is {v} from {at}"),
                Op::Remove => format!("In {s}, {what} no longer changes to {v} at {at}"),
                Op::Change => format!(
                    "In {s}, {what} is {v} from {at} instead of {}",
                    point(c.raw.old)?.1
                ),
                Op::Move => return None,
            })
        }
        ["scenarios", "#", "injects", "#"] => {
            let k = c.n(3);
            Some(match c.raw.op {
                Op::Add => format!("{s} gets a new inject {k}: {}", inject(c, c.raw.new?)),
                Op::Remove => format!("{s} loses inject {k}: {}", inject(c, c.raw.old?)),
                Op::Change => format!(
                    "In {s}, inject {k} is now: {} (was: {})",
                    inject(c, c.raw.new?),
                    inject(c, c.raw.old?)
                ),
                Op::Move => format!(
                    "In {s}, inject {} is now inject {k}: {}",
                    c.old_n(3),
                    inject(c, c.raw.new?)
                ),
            })
        }
        _ => None,
    }
}

/// A signal in words: `error_rate of the service “Checkout”`.
fn signal(c: &Ctx, n: &Node) -> Option<String> {
    let service = c.names.value(Some("service"), n.get("service")?);
    Some(format!("{} of {service}", n.get("metric")?.as_str()?))
}

/// An inject in words: `at 10m, Ana is unavailable for 2h`, `at 25m, the note “…”`.
fn inject(c: &Ctx, n: &Node) -> String {
    let at = n.get("at").and_then(Node::as_str).unwrap_or("?");
    if let Some(note) = n.get("note") {
        return format!("at {at}, the note {}", text_of(Some(note)));
    }
    let who = n
        .get("unavailable")
        .map_or_else(|| "?".into(), |p| c.names.value(Some("unavailable"), p));
    match n.get("for").and_then(Node::as_str) {
        Some(d) => format!("at {at}, {who} is unavailable for {d}"),
        None => format!("at {at}, {who} is unavailable to the end"),
    }
}
