//! Opsgenie escalation rules to a tier's steps: delays from the alert's creation to
//! waits between steps, recipients to targets, the repeat.

use std::collections::HashSet;

use rungs_core::{Duration, Escalation, Step, Target};

use crate::build::Builder;
use crate::notes::ImportError;

use super::{Esc, People, Rule, MAX_DELAY_MINS, MAX_REPEAT};

pub(super) fn escalation(
    b: &mut Builder,
    people: &People,
    schedules: &[(Vec<String>, Target)],
    e: &Esc,
    tier: usize,
) -> Result<Escalation, ImportError> {
    let at = format!("/tiers/{tier}/escalation");
    let mut rules: Vec<&Rule> = e.rules.iter().collect();
    rules.sort_by_key(|r| r.delay);
    if e.rules.windows(2).any(|w| w[0].delay > w[1].delay) {
        b.notes
            .info(
                e.src_rules.clone(),
                format!("escalation \"{}\" lists its rules out of order: they are in the order of their delays", e.name),
            )
            .at(format!("{at}/steps"));
    }
    let first_note = b.notes.0.len();
    // (delay, targets)
    let mut steps: Vec<(u64, Vec<Target>)> = Vec::new();
    // (step, target) for every target in `steps`, to skip repeats without scanning
    let mut seen: HashSet<(usize, Target)> = HashSet::new();
    for r in rules {
        let k = match steps.last() {
            Some((d, _)) if *d == r.delay => {
                b.notes
                    .info(
                        r.src.clone(),
                        format!(
                            "escalation \"{}\" has several rules at {} minutes: they are one step",
                            e.name, r.delay
                        ),
                    )
                    .at(format!("{at}/steps/{}", steps.len() - 1));
                steps.len() - 1
            }
            _ => {
                steps.push((r.delay, Vec::new()));
                steps.len() - 1
            }
        };
        let step_at = format!("{at}/steps/{k}");
        if r.condition.as_deref() == Some("if-not-closed") {
            b.notes
                .warn(
                    r.src.clone(),
                    format!("escalation \"{}\" has a rule that notifies if the alert is not closed; Rungs escalates until someone acknowledges", e.name),
                )
                .at(step_at.clone());
        } else if let Some(c) = r.condition.as_deref().filter(|c| *c != "if-not-acked") {
            b.notes
                .warn(r.src.clone(), format!("escalation \"{}\" has a rule with the condition \"{}\", which Opsgenie does not define: read as if-not-acked", e.name, rungs_core::text::truncate_for_display(c, 30)))
                .at(step_at.clone());
        }
        if let Some(t) = target(b, people, schedules, e, r, &step_at) {
            if seen.insert((k, t.clone())) {
                steps[k].1.push(t);
            }
        }
    }
    // Rules whose recipients Rungs cannot page leave no step: the step before waits on.
    let mut new_index = Vec::new();
    let mut kept = Vec::new();
    for (d, notify) in steps {
        if notify.is_empty() {
            new_index.push(None);
            b.notes
                .warn(
                    e.src_rules.clone(),
                    format!("escalation \"{}\" notifies nobody Rungs can page at {d} minutes: no step there, the step before waits until the next rule", e.name),
                )
                .at(format!("{at}/steps"));
        } else {
            new_index.push(Some(kept.len()));
            kept.push((d, notify));
        }
    }
    let steps = kept;
    let prefix = format!("{at}/steps/");
    for n in &mut b.notes.0[first_note..] {
        let Some(p) = n.pointer.as_deref() else {
            continue;
        };
        let Some(k) = p
            .strip_prefix(&prefix)
            .and_then(|k| k.parse::<usize>().ok())
        else {
            continue;
        };
        n.pointer = Some(match new_index.get(k).copied().flatten() {
            Some(j) => format!("{prefix}{j}"),
            None => format!("{at}/steps"),
        });
    }
    if let Some((first, _)) = steps.first().filter(|(d, _)| *d > 0) {
        b.notes
            .warn(
                e.src_rules.clone(),
                format!("escalation \"{}\"'s first rule waits {first} minutes after the alert is created; Rungs pages the first step as soon as the tier starts", e.name),
            )
            .at(format!("{at}/steps/0"));
    }
    // After the last step: the rules Rungs could not page still take their time before
    // the repeat's wait, and a repeat starts with the first rule's delay again.
    let last_rule = e.rules.iter().map(|r| r.delay).max().unwrap_or(0);
    let tail = last_rule.saturating_sub(steps.last().map_or(0, |s| s.0));
    let (repeat, last_wait) = repeat(b, e, &at, steps.first().map_or(0, |s| s.0), tail)?;
    let n = steps.len();
    let delays: Vec<u64> = steps.iter().map(|s| s.0).collect();
    let steps: Vec<Step> = steps
        .into_iter()
        .enumerate()
        .map(|(k, (d, notify))| Step {
            notify,
            escalate_after: Duration::from_mins(if k + 1 < n {
                delays[k + 1] - d
            } else {
                last_wait
            }),
        })
        .collect();
    if steps.is_empty() {
        b.notes
            .warn(
                e.src_rules.clone(),
                format!(
                    "escalation \"{}\" has no rule Rungs can page: its tier pages nobody",
                    e.name
                ),
            )
            .at(format!("{at}/steps"));
    }
    Ok(Escalation { steps, repeat })
}

/// The tier's `repeat` and its last step's wait.
fn repeat(
    b: &mut Builder,
    e: &Esc,
    at: &str,
    first: u64,
    tail: u64,
) -> Result<(u32, u64), ImportError> {
    let Some(r) = &e.repeat else {
        if !e.rules.is_empty() {
            b.notes
                .info(
                    e.src.clone(),
                    format!("escalation \"{}\" does not repeat: after its last rule Opsgenie notifies nobody more, so the last step waits {tail} minutes (until its last rule) before the tier counts as exhausted", e.name),
                )
                .at(format!("{at}/steps"));
        }
        return Ok((0, tail));
    };
    let wait = r.wait.unwrap_or(0);
    if wait > MAX_DELAY_MINS {
        return Err(ImportError::at_source(
            &r.src,
            format!("escalation \"{}\" repeats after {wait} minutes: more than 30 days, which no escalation waits", e.name),
        ));
    }
    let mut count = r.count.unwrap_or(0);
    if count > MAX_REPEAT {
        b.notes
            .warn(
                r.src.clone(),
                format!(
                    "escalation \"{}\" repeats {count} times: {MAX_REPEAT} are kept",
                    e.name
                ),
            )
            .at(format!("{at}/repeat"));
        count = MAX_REPEAT;
    }
    if count > 0 {
        b.notes
            .info(
                r.src.clone(),
                format!("escalation \"{}\" repeats {count} times {wait} minutes after its last rule: the last step waits {} minutes (the wait, plus the first rule's delay, plus the time of rules after the last step that Rungs cannot page) before the steps start again", e.name, wait + first + tail),
            )
            .at(format!("{at}/repeat"));
    }
    let repeat_at = if count > 0 {
        format!("{at}/repeat")
    } else {
        at.to_string()
    };
    if r.reset_recipient_states == Some(true) {
        b.notes
            .info(r.src.clone(), format!("escalation \"{}\" resets acknowledgements before it repeats; Rungs stops a tier's repeats at the first acknowledgement", e.name))
            .at(repeat_at.clone());
    }
    if r.close_alert_after_all == Some(true) {
        b.notes
            .warn(r.src.clone(), format!("escalation \"{}\" closes the alert after its last repeat; Rungs leaves the incident open", e.name))
            .at(repeat_at);
    }
    Ok((count as u32, wait + first + tail))
}

fn target(
    b: &mut Builder,
    people: &People,
    schedules: &[(Vec<String>, Target)],
    e: &Esc,
    r: &Rule,
    at: &str,
) -> Option<Target> {
    let Some(p) = &r.recipient else {
        b.notes
            .warn(
                r.src.clone(),
                format!(
                    "escalation \"{}\" has a rule without a recipient: left out",
                    e.name
                ),
            )
            .at(at.to_string());
        return None;
    };
    let notify = r.notify_type.as_deref().unwrap_or("default");
    match p.kind.as_str() {
        "user" => {
            if notify != "default" {
                b.notes
                    .warn(p.src.clone(), format!("escalation \"{}\" notifies a user with the type \"{notify}\", which only means something for schedules and teams: the user is paged", e.name))
                    .at(at.to_string());
            }
            people.find(b, p).map(Target::Person)
        }
        "schedule" => {
            let found = schedules
                .iter()
                .find(|(keys, _)| p.keys.iter().any(|k| keys.contains(k)))
                .map(|(_, t)| t.clone());
            let Some(t) = found else {
                b.notes
                    .warn(p.src.clone(), format!("escalation \"{}\" notifies schedule {}, which is not in these files or has no rotation: left out; add the schedules' file", e.name, p.keys.first().map_or("(no id)", String::as_str)))
                    .at(at.to_string());
                return None;
            };
            match notify {
                "default" => {}
                "next" | "previous" => {
                    b.notes
                        .warn(p.src.clone(), format!("escalation \"{}\" notifies the {notify} on-call user of a schedule; Rungs pages whoever is on call now", e.name))
                        .at(at.to_string());
                }
                other => {
                    b.notes
                        .warn(p.src.clone(), format!("escalation \"{}\" notifies a schedule with the type \"{}\", which Opsgenie defines for teams: the schedule's on-call user is paged", e.name, rungs_core::text::truncate_for_display(other, 20)))
                        .at(at.to_string());
                }
            }
            Some(t)
        }
        "team" => {
            let how = match notify {
                "users" => "the team's users",
                "admins" => "the team's admins",
                "random" => "a random member of the team",
                "all" => "all members of the team",
                _ => "the team (through its routing rules)",
            };
            b.notes
                .warn(p.src.clone(), format!("escalation \"{}\" notifies {how}; Rungs has no teams: left out; page a rotation, a schedule or a role instead", e.name))
                .at(at.to_string());
            None
        }
        other => {
            b.notes
                .warn(p.src.clone(), format!("escalation \"{}\" notifies a recipient of type \"{}\", which Rungs cannot page: left out", e.name, rungs_core::text::truncate_for_display(other, 30)))
                .at(at.to_string());
            None
        }
    }
}
