//! The form of a playbook: its steps, each with a stage, an owner and what to do, and its
//! artifacts.

use leptos::prelude::*;
use rungs_core::{Playbook, PlaybookStep, Stage, Target};

use crate::components::designer::forms::common::parts;
use crate::state::doc::use_doc;
use crate::state::lens::Lens;
use crate::widgets::fields::{SelectField, TargetSelect, TextField};
use crate::widgets::reorder::ReorderList;

const STAGES: [(Stage, &str); 5] = [
    (Stage::Containment, "containment"),
    (Stage::Diagnosis, "diagnosis"),
    (Stage::Recovery, "recovery"),
    (Stage::Communication, "communication"),
    (Stage::Postmortem, "postmortem"),
];

/// The form of playbook `i`.
#[component]
pub fn PlaybookForm(
    /// Index of the playbook.
    i: usize,
) -> impl IntoView {
    let lens = Lens::<Playbook>::entry(use_doc(), i);
    let len = lens.value(|x| x.steps.len());
    let steps = lens.clone();
    let row = Callback::new(move |k: usize| {
        view! { <StepRow step=steps.at(&format!("steps/{k}"), move |x| x.steps.get(k), move |x| x.steps.get_mut(k)) /> }.into_any()
    });
    let move_to = lens.setter("steps", |x, (from, to): (usize, usize)| {
        rungs_core::edit::move_item(&mut x.steps, from, to)
    });
    let remove = lens.setter("steps", |x, k: usize| {
        if k < x.steps.len() {
            x.steps.remove(k);
        }
    });
    let add = lens.setter("steps", |x, (): ()| {
        x.steps.push(PlaybookStep {
            stage: Stage::Diagnosis,
            text: "Describe the step".into(),
            owner: None,
        })
    });
    view! {
        <TextField label="Name" field={Lens::<Playbook>::name(use_doc(), i, |x| x.name.clone(), |x, v| x.name = v)} />
        <h3>"Steps"</h3>
        <div data-pointer=lens.pointer("steps")>
            <ReorderList len=len row=row move_to=move_to remove=remove noun="playbook step" />
            <button class="button" on:click=move |_| add.run(())>"Add a step"</button>
        </div>
        <TextField
            label="Artifacts: links, dashboards, documents (one per line)"
            field=lens.field(
                "artifacts",
                |x| x.artifacts.join("\n"),
                |x, v: String| {
                    x.artifacts = parts(v.lines())
                },
            )
            multiline=true
        />
    }
}

/// One step of a playbook: its stage, owner and what to do.
#[component]
fn StepRow(
    /// The step.
    step: Lens<PlaybookStep>,
) -> impl IntoView {
    let stages: Vec<(String, String)> = STAGES
        .iter()
        .map(|(_, s)| (s.to_string(), s.to_string()))
        .collect();
    let stage = step.field(
        "stage",
        |s| {
            STAGES
                .iter()
                .find(|(st, _)| *st == s.stage)
                .map(|(_, n)| n.to_string())
                .unwrap_or_default()
        },
        |s, v: String| {
            if let Some((st, _)) = STAGES.iter().find(|(_, n)| *n == v) {
                s.stage = *st
            }
        },
    );
    view! {
        <div class="field-grid">
            <SelectField label="Stage" field=stage options=stages />
            <TargetSelect
                label="Owner"
                field=step.field("owner", |s| s.owner.clone(), |s, v: Option<Target>| s.owner = v)
                none="Anyone"
            />
        </div>
        <TextField
            label="What to do"
            field=step.field("text", |s| s.text.clone(), |s, v| s.text = v)
            multiline=true
        />
    }
}
