//! One tier drawn as a rung of the ladder.

use leptos::prelude::*;
use rungs_core::overview::{RungView, StepView};
use rungs_core::paging::TierNow;

use crate::components::designer::section::EditButton;
use crate::components::designer::target::TargetPill;
use crate::testid;

/// A tier: its rank, criteria, timelines, escalation chain, owners and breach rules.
#[component]
pub fn Rung(
    /// The tier to draw.
    rung: RungView,
    /// Who its steps and owners reach now (nothing said without it).
    #[prop(optional, into)]
    now: Signal<Option<TierNow>>,
) -> impl IntoView {
    let RungView {
        pointer,
        id,
        name,
        rank,
        severity,
        criteria,
        timelines,
        owners,
        steps,
        repeat,
        escalates_on,
        escalates_to,
        playbook,
        triggers,
    } = rung;
    let name_for_edit = name.clone();
    let heading_id = format!("rung-{id}");
    let labelled_by = heading_id.clone();
    view! {
        <article
            class=format!("rung sev-{severity}")
            data-testid=testid::RUNG
            data-pointer=pointer.clone()
            aria-labelledby=labelled_by
        >
            <header class="rung-head">
                <span class="rank" title="Rank (1 is the most severe)">{rank}</span>
                <div>
                    <h3 id=heading_id data-testid=testid::RUNG_NAME>{name}</h3>
                    {criteria.map(|c| view! { <p class="criteria">{c}</p> })}
                </div>
                <code class="id">{id}</code>
                <EditButton pointer=pointer.clone() name=name_for_edit />
            </header>
            <ul class="timelines" aria-label="Timelines">
                {timelines
                    .into_iter()
                    .map(|(field, value)| {
                        view! {
                            <li class="chip" data-pointer=format!("{pointer}/timelines/{field}")>
                                <span class="chip-label">{field.replace('_', " ")}</span>
                                <span class="chip-value">{value}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <Chain steps=steps repeat=repeat now=now />
            <dl class="owners">
                {owners
                    .into_iter()
                    .map(|(duty, who)| {
                        view! {
                            <div class="owner" data-pointer=format!("{pointer}/owners/{duty}")>
                                <dt>{duty}</dt>
                                <dd>
                                    <TargetPill target=who />
                                    <OnCallNow line=Signal::derive({
                                        let duty = duty.to_string();
                                        move || now.with(|n| n.as_ref().and_then(|n| n.owners.iter().find(|o| o.duty == duty).map(|o| o.line.clone())))
                                    }) />
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            <footer class="rung-foot">
                {(!triggers.is_empty())
                    .then(|| {
                        view! {
                            <span class="meta">
                                "Opened by " <strong>{triggers.join(", ")}</strong>
                            </span>
                        }
                    })}
                {(!escalates_on.is_empty())
                    .then(|| {
                        let to = escalates_to
                            .map(|t| format!(" escalates to {t}"))
                            .unwrap_or_else(|| " is recorded (nothing above)".to_string());
                        view! {
                            <span class="meta breach">
                                "Missed " <strong>{escalates_on.join(", ")}</strong> {to}
                            </span>
                        }
                    })}
                {playbook
                    .map(|p| {
                        view! {
                            <span class="meta">"Playbook " <strong>{p}</strong></span>
                        }
                    })}
            </footer>
        </article>
    }
}

/// A tier's escalation chain: its steps in order, each with its targets and when it
/// escalates, and whether the chain repeats.
#[component]
fn Chain(
    /// The steps.
    steps: Vec<StepView>,
    /// How many more times the whole chain runs after the last step.
    repeat: u32,
    /// Who the tier's steps reach now.
    now: Signal<Option<TierNow>>,
) -> impl IntoView {
    let last_step = steps.len();
    view! {
        <ol class="chain" aria-label="Escalation chain">
            {steps
                .into_iter()
                .map(|s| {
                    let after = if s.number < last_step {
                        format!("after {}", s.escalate_after)
                    } else if repeat > 0 {
                        format!("after {}, back to step 1", s.escalate_after)
                    } else {
                        format!("after {}, exhausted", s.escalate_after)
                    };
                    view! {
                        <li class="step" data-testid=testid::STEP data-pointer=s.pointer>
                            <span class="step-no">{format!("Step {}", s.number)}</span>
                            <div class="step-targets">
                                {s
                                    .targets
                                    .into_iter()
                                    .map(|t| view! { <TargetPill target=t /> })
                                    .collect_view()}
                            </div>
                            <span class="step-after">{after}</span>
                            <OnCallNow line=Signal::derive({
                                let k = s.number - 1;
                                move || now.with(|n| n.as_ref().and_then(|n| n.steps.get(k)).map(|s| s.line.clone()))
                            }) />
                        </li>
                    }
                })
                .collect_view()}
            {(repeat > 0)
                .then(|| {
                    view! {
                        <li class="repeat">
                            {format!(
                                "↻ the whole chain repeats {repeat} more time{}",
                                if repeat == 1 { "" } else { "s" },
                            )}
                        </li>
                    }
                })}
        </ol>
    }
}

/// "On call now: …" under a step or an owner: who it reaches at this minute.
#[component]
fn OnCallNow(
    /// The line, when known.
    line: Signal<Option<String>>,
) -> impl IntoView {
    // most edits leave the line as it is: the span is then left alone
    let line = Memo::new(move |_| line.get());
    move || {
        line.get().map(|l| {
            view! {
                <span class="on-call-now" data-testid=testid::ON_CALL_NOW>
                    <span class="on-call-label">"On call now: "</span>
                    {l}
                </span>
            }
        })
    }
}
