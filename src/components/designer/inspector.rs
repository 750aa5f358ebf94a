//! The inspector: the form of whatever is selected in the designer (the ladder itself, a
//! tier, a person, ...). Every change is an edit of the document, so the diagram,
//! validation, autosave and undo follow it at once.

use leptos::prelude::*;
use rungs_core::edit::{self, Kind};
use rungs_core::Ladder;

use crate::components::designer::forms::{
    PersonForm, PlaybookForm, RoleForm, RotationForm, ScheduleForm, ServiceForm, TemplateForm,
    TierForm, TriggerForm,
};
use crate::state::doc::use_doc;
use crate::state::entries::{delete_entry, entry_name};
use crate::state::lens::{derive, ptr, set_response, Field, Lens, ResponseField};
use crate::state::selection::{use_selected, Sel, INSPECTOR_ID};
use crate::testid;
use crate::widgets::fields::{
    parse_duration, show_duration, NumberField, NumberKind, ParsedField, TextField,
};

/// The id field of an entry: renaming it renames every reference too.
#[component]
pub fn IdField(
    /// Which kind of entry.
    kind: Kind,
    /// Its index.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let problem = RwSignal::new(None::<String>);
    let value = derive(doc, move |l| edit::ids(l, kind).get(i).cloned());
    fn parse_id(s: &str) -> Result<String, String> {
        rungs_core::check_id(s)
            .map(|_| s.to_string())
            .map_err(|e| e.to_string())
    }
    #[allow(clippy::ptr_arg)] // the field's value type is String
    fn show_id(s: &String) -> String {
        s.clone()
    }
    let pointer = ptr(kind, i, "id");
    let set = {
        let pointer = pointer.clone();
        Callback::new(move |new: Option<String>| {
            let (Some(new), Some(old)) = (new, value.get_untracked()) else {
                return;
            };
            let mut result = Ok(0);
            doc.edit(&pointer, |l| result = edit::rename(l, kind, &old, &new));
            problem.set(match result {
                Ok(0) | Ok(1) => None,
                Ok(n) => Some(format!("renamed, with the {} references to it", n)),
                Err(e) => Some(e),
            });
        })
    };
    let field = Field {
        pointer,
        value,
        set,
    };
    view! {
        <ParsedField
            label="Id"
            field=field
            parse=parse_id
            show=show_id
            on_leave=true
            help="a-z, 0-9, - and _; renaming updates every reference"
        />
        {move || problem.get().map(|p| view! { <p class="field-msg" role="status">{p}</p> })}
    }
}

/// The inspector panel.
#[component]
pub fn Inspector() -> impl IntoView {
    let doc = use_doc();
    let selected = use_selected();
    // A selection whose entry no longer exists (deleted, undone) closes.
    Effect::new(move |_| {
        if let Some(Sel::Item(kind, i)) = selected.get() {
            if doc.ladder.with(|l| entry_name(l, kind, i).is_none()) {
                selected.set(None);
            }
        }
    });
    let title = move || match selected.get() {
        None => "Nothing selected".to_string(),
        Some(Sel::Ladder) => "Ladder details".to_string(),
        Some(Sel::Item(kind, i)) => {
            let name = doc
                .ladder
                .with(|l| entry_name(l, kind, i))
                .unwrap_or_default();
            let noun = kind.noun();
            let mut noun = noun.to_string();
            if let Some(c) = noun.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            format!("{noun}: {name}")
        }
    };
    let body = move || {
        let readonly = doc.locked();
        let form = match selected.get() {
            None => view! {
                <p class="muted">
                    "Choose Edit on a tier, person, rotation or any entry below (or click a rung of the diagram) to change it here. Add new entries with the Add buttons. Every change is validated at once, saved in this browser and can be undone with Ctrl+Z."
                </p>
            }
            .into_any(),
            Some(Sel::Ladder) => view! { <LadderForm /> }.into_any(),
            Some(Sel::Item(kind, i)) => {
                let form = match kind {
                    Kind::Tier => view! { <TierForm i=i /> }.into_any(),
                    Kind::Person => view! { <PersonForm i=i /> }.into_any(),
                    Kind::Role => view! { <RoleForm i=i /> }.into_any(),
                    Kind::Rotation => view! { <RotationForm i=i /> }.into_any(),
                    Kind::Schedule => view! { <ScheduleForm i=i /> }.into_any(),
                    Kind::Trigger => view! { <TriggerForm i=i /> }.into_any(),
                    Kind::Service => view! { <ServiceForm i=i /> }.into_any(),
                    Kind::Playbook => view! { <PlaybookForm i=i /> }.into_any(),
                    Kind::Template => view! { <TemplateForm i=i /> }.into_any(),
                    Kind::Scenario => view! {
                        <p class="muted">"Scenarios are edited in the drill room."</p>
                    }
                    .into_any(),
                };
                view! {
                    {form}
                    // the id is derived from the name when the entry is made; it is
                    // there to change, not to start with
                    <details class="advanced">
                        <summary>"Advanced: id"</summary>
                        <IdField kind=kind i=i />
                    </details>
                    <p class="inspector-foot">
                        <button
                            class="button danger"
                            on:click=move |_| {
                                if delete_entry(doc, kind, i) {
                                    selected.set(None);
                                }
                            }
                        >
                            {format!("Delete this {}", kind.noun())}
                        </button>
                    </p>
                }
                .into_any()
            }
        };
        view! { <fieldset class="inspector-body" disabled=readonly>{form}</fieldset> }
    };
    view! {
        <section
            class="panel inspector"
            class:drawer=move || selected.with(Option::is_some)
            id=INSPECTOR_ID
            aria-labelledby="inspector-h"
            data-testid=testid::INSPECTOR
        >
            <div class="inspector-head">
                <h2 id="inspector-h">{title}</h2>
                <Show when=move || selected.with(Option::is_some)>
                    <button class="button icon" aria-label="Close the editor" title="Close" on:click=move |_| selected.set(None)>
                        "✕"
                    </button>
                </Show>
            </div>
            {body}
        </section>
    }
}

/// The ladder's own fields.
#[component]
fn LadderForm() -> impl IntoView {
    let ladder = Lens::ladder(use_doc());
    let response = |l: &Ladder| l.defaults.as_ref().and_then(|d| d.response.clone());
    view! {
        <TextField label="Name" field=ladder.field("name", |l| l.name.clone(), |l, v| l.name = v) />
        <NumberField
            label="Revision"
            field=ladder.field("revision", |l| Some(f64::from(l.revision)), |l, v: Option<f64>| l.revision = v.unwrap_or(1.0) as u32)
            kind=NumberKind::Count
        />
        <TextField
            label="Description"
            field=ladder.field(
                "description",
                |l| l.description.clone().unwrap_or_default(),
                |l, v: String| l.description = (!v.is_empty()).then_some(v),
            )
            multiline=true
        />
        <h3>"Default response model"</h3>
        <p class="field-help">"How fast people answer pages unless they have their own model; the simulator uses it."</p>
        <div class="field-grid">
            <ParsedField
                label="Median time to acknowledge"
                field=ladder.field(
                    "defaults/response/ack_median",
                    move |l| response(l).map(|r| r.ack_median),
                    |l, v| set_default_response(l, v, |r| &mut r.ack_median),
                )
                parse=parse_duration
                show=show_duration
                optional=true
                placeholder="5m"
            />
            <ParsedField
                label="90th percentile"
                field=ladder.field(
                    "defaults/response/ack_p90",
                    move |l| response(l).map(|r| r.ack_p90),
                    |l, v| set_default_response(l, v, |r| &mut r.ack_p90),
                )
                parse=parse_duration
                show=show_duration
                optional=true
                placeholder="15m"
            />
        </div>
    }
}

/// Sets a duration of the default response model; emptying it removes the defaults.
fn set_default_response(l: &mut Ladder, v: Option<rungs_core::Duration>, field: ResponseField) {
    let defaults = l.defaults.get_or_insert_with(Default::default);
    set_response(&mut defaults.response, v, field);
    if defaults.response.is_none() {
        l.defaults = None;
    }
}
