//! Escalation policies to tiers: `delayMinutes` is the wait before the next step (after
//! the last, before starting over), `repeat` how many times the steps start over
//! (`engine/escalationmanager/db.go`), both as in Rungs; targets Rungs cannot page are
//! notes.

use std::collections::HashSet;

use rungs_core::{Duration, Escalation, Step, Target};

use super::{checked, person_ref, Policy, MAX_GOALERT_NUMBER, MAX_REPEAT};
use crate::build::Builder;
use crate::notes::ImportError;

pub(super) fn policy(
    b: &mut Builder,
    zones: &[(String, String)],
    p: &Policy,
) -> Result<(), ImportError> {
    let who = format!("Policy {}", p.name);
    let t = b.ladder().tiers.len();
    let at = format!("/tiers/{t}/escalation");
    let repeat = match p.repeat {
        None => 0,
        Some(-1) => {
            b.notes
                .warn(p.src_repeat.clone(), format!("{who} repeats until someone acknowledges (repeat -1): Rungs repeats it 1000 times"))
                .at(format!("{at}/repeat"));
            1000
        }
        Some(n) if !(0..=MAX_REPEAT).contains(&n) => {
            return Err(ImportError::at_source(
                &p.src_repeat,
                format!(
                "{who} repeats {n} times; GoAlert allows 0 to 5 (Rungs reads up to {MAX_REPEAT})"
            ),
            ))
        }
        Some(n) => {
            if n > 5 {
                b.notes
                    .warn(
                        p.src_repeat.clone(),
                        format!("{who} repeats {n} times, more than the 5 GoAlert allows: kept"),
                    )
                    .at(format!("{at}/repeat"));
            }
            n as u32
        }
    };
    if p.steps.is_empty() {
        b.notes
            .warn(
                p.src.clone(),
                format!("{who} has no steps: its tier pages nobody"),
            )
            .at(format!("{at}/steps"));
    }
    let mut steps = Vec::new();
    for (j, s) in p.steps.iter().enumerate() {
        let sat = format!("{at}/steps/{j}");
        let step = j + 1;
        let delay = match s.delay {
            None => {
                b.notes
                    .warn(
                        s.src_delay.clone(),
                        format!("{who}, step {step} has no delay: 0 minutes"),
                    )
                    .at(format!("{sat}/escalate_after"));
                0
            }
            Some(d) => checked(
                d,
                MAX_GOALERT_NUMBER,
                &s.src_delay,
                &format!("{who}, step {step}'s delay in minutes"),
            )?,
        };
        if s.multi_ack {
            b.notes.warn(s.src.clone(), format!("{who}, step {step} waits for each person to acknowledge (multi-ack); in Rungs the first acknowledgement stops the policy")).at(sat.clone());
        }
        let mut notify: Vec<Target> = Vec::new();
        // `notify`'s targets, to find repeats without scanning it (quadratic on big steps)
        let mut seen: HashSet<Target> = HashSet::new();
        for t in &s.targets {
            let label = t.name.as_deref().unwrap_or(&t.key);
            let target = match t.kind.as_str() {
                "user" | "builtin-user" => Some(Target::Person(person_ref(
                    b,
                    zones,
                    &t.key,
                    t.name.as_deref(),
                    &t.src,
                ))),
                "rotation" | "builtin-rotation" => b.rotation_id(&t.key).map(Target::Rotation),
                "schedule" | "builtin-schedule" => b.schedule_id(&t.key).map(Target::Schedule),
                other => {
                    b.notes.warn(t.src.clone(), format!("{who}, step {step} notifies {} ({}), which Rungs cannot page: left out", kind_label(other), rungs_core::text::truncate_for_display(label, 60))).at(format!("{sat}/notify"));
                    continue;
                }
            };
            match target {
                Some(target) if seen.insert(target.clone()) => notify.push(target),
                Some(_) => {
                    b.notes
                        .info(
                            t.src.clone(),
                            format!("{who}, step {step} names {label} twice: paged once"),
                        )
                        .at(format!("{sat}/notify"));
                }
                None => {
                    b.notes.warn(t.src.clone(), format!("{who}, step {step} notifies {} {label}, which is not in these files: left out; add its file to import it", t.kind.trim_start_matches("builtin-"))).at(format!("{sat}/notify"));
                }
            }
        }
        if notify.is_empty() && !s.targets.is_empty() {
            b.notes
                .warn(
                    s.src.clone(),
                    format!("{who}, step {step} has nobody Rungs can page"),
                )
                .at(format!("{sat}/notify"));
        }
        steps.push(Step {
            notify,
            escalate_after: Duration::from_mins(delay),
        });
    }
    b.tier(
        &p.name,
        p.description.as_deref(),
        Escalation { steps, repeat },
        &p.src,
    );
    Ok(())
}

/// "a webhook" for `chanWebhook`, and so on.
fn kind_label(kind: &str) -> String {
    match kind {
        "chanWebhook" | "builtin-webhook" => "a webhook".into(),
        "slackChannel" | "builtin-slack-channel" => "a Slack channel".into(),
        "slackUserGroup" | "builtin-slack-usergroup" => "a Slack user group".into(),
        "heartbeatMonitor" => "a heartbeat monitor".into(),
        "notificationChannel" => "a notification channel".into(),
        "escalationPolicy" => "another escalation policy".into(),
        other => format!(
            "a target of type \"{}\"",
            rungs_core::text::truncate_for_display(other, 40)
        ),
    }
}
