//! The escalation steps of a tier: who each pages, and how long before the next.

use leptos::prelude::*;
use rungs_core::edit;
use rungs_core::{Duration, Step, Target, Tier};

use crate::state::doc::use_doc;
use crate::state::lens::{adding_picker, Lens};
use crate::testid;
use crate::widgets::fields::{parse_duration, show_duration, ParsedField, TargetSelect};
use crate::widgets::reorder::ReorderList;

/// The escalation steps of tier `i`: reorderable, each with its targets and delay.
#[component]
pub fn Steps(
    /// Index of the tier.
    i: usize,
) -> impl IntoView {
    let lens = Lens::<Tier>::entry(use_doc(), i);
    let len = lens.value(|t| t.escalation.steps.len());
    let move_to = lens.setter("escalation/steps", |t, (from, to): (usize, usize)| {
        edit::move_item(&mut t.escalation.steps, from, to)
    });
    let remove = lens.setter("escalation/steps", |t, k: usize| {
        if k < t.escalation.steps.len() {
            t.escalation.steps.remove(k);
        }
    });
    let add = lens.setter("escalation/steps", |t, (): ()| {
        let after = t
            .escalation
            .steps
            .last()
            .map_or(Duration::from_mins(15), |s| s.escalate_after);
        t.escalation.steps.push(Step {
            notify: Vec::new(),
            escalate_after: after,
        })
    });
    let steps = lens.clone();
    let row = Callback::new(move |k: usize| {
        let step = steps.at(
            &format!("escalation/steps/{k}"),
            move |t| t.escalation.steps.get(k),
            move |t| t.escalation.steps.get_mut(k),
        );
        view! { <StepRow step=step k=k /> }.into_any()
    });
    view! {
        <div data-pointer=lens.pointer("escalation/steps")>
            <ReorderList len=len row=row move_to=move_to remove=remove noun="step" testid=testid::STEP_ROW />
            <button class="button" data-testid=testid::ADD_STEP on:click=move |_| add.run(())>
                "Add a step"
            </button>
        </div>
    }
}

/// The kind of what `t` names and its name in the ladder.
fn target_label(l: &rungs_core::Ladder, t: &Target) -> (&'static str, String) {
    let name = crate::widgets::fields::target_name(l, t);
    (
        t.key(),
        name.unwrap_or_else(|| format!("{} (missing)", t.id())),
    )
}

/// One step: who it pages and how long before the next.
#[component]
fn StepRow(
    /// The step.
    step: Lens<Step>,
    /// Its index.
    k: usize,
) -> impl IntoView {
    let doc = use_doc();
    let targets = step.value(|s| s.notify.clone());
    let remove_target = {
        let step = step.clone();
        Callback::new(move |t: Target| step.edit("notify", |s| s.notify.retain(|x| *x != t)))
    };
    let add = {
        let step = step.clone();
        adding_picker(step.pointer("notify/-"), move |t: Option<Target>| {
            if let Some(t) = t {
                step.edit("notify", |s| {
                    if !s.notify.contains(&t) {
                        s.notify.push(t.clone())
                    }
                })
            }
        })
    };
    view! {
        <div class="step-edit">
            <span class="step-no">{format!("Step {}", k + 1)}</span>
            <div class="targets" data-pointer=step.pointer("notify")>
                <span class="visually-hidden">"Pages:"</span>
                <For
                    each=move || targets.get()
                    key=|t| t.clone()
                    children=move |t: Target| {
                        let (kind, name) = doc.ladder.with(|l| target_label(l, &t));
                        let label = format!("Stop paging {name}");
                        view! {
                            <span class=format!("pill target {kind}")>
                                <span class="kind">{kind}</span>
                                {name}
                                <button class="pill-x" aria-label=label.clone() title=label on:click=move |_| remove_target.run(t.clone())>
                                    "✕"
                                </button>
                            </span>
                        }
                    }
                />
                <Show when=move || targets.with(Vec::is_empty)>
                    <span class="muted small">"pages nobody yet"</span>
                </Show>
            </div>
            <TargetSelect label="Add to this step" field=add none="Choose who to page…" />
            <ParsedField
                label="Escalate after"
                field=step.required("escalate_after", |s| s.escalate_after, |s, v| s.escalate_after = v)
                parse=parse_duration
                show=show_duration
                placeholder="15m"
            />
        </div>
    }
}
