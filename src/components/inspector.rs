//! The inspector: the form of whatever is selected in the designer (the ladder itself, a
//! tier, a person, ...). Every change is an edit of the document, so the diagram,
//! validation, autosave and undo follow it at once.

use leptos::prelude::*;
use rungs_core::edit::{self, Kind};
use rungs_core::Ladder;

use crate::app::confirm;
use crate::components::entity_forms::{
    PersonForm, PlaybookForm, RoleForm, RotationForm, ServiceForm, TemplateForm, TriggerForm,
};
use crate::components::fields::{
    parse_duration, show_duration, NumberField, NumberKind, ParsedField, TextField,
};
use crate::components::tier_form::TierForm;
use crate::doc::{use_doc, Doc};
use crate::testid;

/// What the inspector edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sel {
    /// The ladder's own fields (name, revision, description, defaults).
    Ladder,
    /// Entry `usize` of a collection.
    Item(Kind, usize),
}

impl Sel {
    /// The entry a JSON Pointer is inside, if any (`/people/3/backup` is person 3).
    pub fn from_pointer(pointer: &str) -> Option<Sel> {
        let mut parts = pointer.trim_start_matches('/').split('/');
        let collection = parts.next().unwrap_or_default();
        let Some(kind) = KINDS.iter().find(|k| k.collection() == collection) else {
            return Some(Sel::Ladder);
        };
        match parts.next().and_then(|i| i.parse().ok()) {
            Some(i) => Some(Sel::Item(*kind, i)),
            None => Some(Sel::Ladder),
        }
    }
}

/// Every kind of entry the designer edits.
pub const KINDS: [Kind; 9] = [
    Kind::Tier,
    Kind::Person,
    Kind::Role,
    Kind::Rotation,
    Kind::Trigger,
    Kind::Service,
    Kind::Playbook,
    Kind::Template,
    Kind::Scenario,
];

/// The selection, in context.
#[derive(Clone, Copy)]
pub struct Selected(pub RwSignal<Option<Sel>>);

/// The selection from context.
pub fn use_selected() -> RwSignal<Option<Sel>> {
    expect_context::<Selected>().0
}

/// Selects `sel` and brings its form into view, focusing its first field.
pub fn select(selected: RwSignal<Option<Sel>>, sel: Sel) {
    selected.set(Some(sel));
    request_animation_frame(|| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Ok(Some(el)) = document.query_selector("#inspector input, #inspector select") {
            use wasm_bindgen::JsCast;
            if let Some(p) = document.get_element_by_id("inspector") {
                p.scroll_into_view();
            }
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// The display name of entry `i` of `kind`.
pub fn entry_name(l: &Ladder, kind: Kind, i: usize) -> Option<String> {
    Some(match kind {
        Kind::Tier => l.tiers.get(i)?.name.clone(),
        Kind::Person => l.people.get(i)?.name.clone(),
        Kind::Role => l.roles.get(i)?.name.clone(),
        Kind::Rotation => l.rotations.get(i)?.name.clone(),
        Kind::Trigger => l.triggers.get(i)?.id.to_string(),
        Kind::Service => l.services.get(i)?.name.clone(),
        Kind::Playbook => l.playbooks.get(i)?.name.clone(),
        Kind::Template => l.templates.get(i)?.name.clone(),
        Kind::Scenario => l.scenarios.get(i)?.name.clone(),
    })
}

/// The JSON Pointer of a field of entry `i` of `kind` (`field` may be empty).
pub fn ptr(kind: Kind, i: usize, field: &str) -> String {
    if field.is_empty() {
        format!("/{}/{i}", kind.collection())
    } else {
        format!("/{}/{i}/{field}", kind.collection())
    }
}

/// A value of the ladder as a signal (the default when the entry is gone). Memoized: a
/// field re-renders only when its own value changes, not on every edit of the ladder.
pub fn get<T>(doc: Doc, f: impl Fn(&Ladder) -> Option<T> + Send + Sync + 'static) -> Signal<T>
where
    T: Default + Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| doc.ladder.with(|l| f(l).unwrap_or_default())).into()
}

/// Something computed from the ladder, memoized like [`get`].
pub fn derive<T>(doc: Doc, f: impl Fn(&Ladder) -> T + Send + Sync + 'static) -> Signal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| doc.ladder.with(|l| f(l))).into()
}

/// A setter that edits the ladder at `pointer` (one undo step per run of typing).
pub fn put<T: 'static>(
    doc: Doc,
    pointer: String,
    f: impl Fn(&mut Ladder, T) + Send + Sync + 'static,
) -> Callback<T> {
    Callback::new(move |v: T| doc.edit(&pointer, |l| f(l, v)))
}

/// Asks before deleting entry `i` of `kind`, listing what refers to it; deletes it.
pub fn delete_entry(doc: Doc, kind: Kind, i: usize) -> bool {
    let Some((id, name)) = doc
        .ladder
        .with_untracked(|l| Some((edit::ids(l, kind).get(i)?.clone(), entry_name(l, kind, i)?)))
    else {
        return false;
    };
    let refs = doc
        .ladder
        .with_untracked(|l| edit::references(l, kind, &id));
    let question = if refs.is_empty() {
        format!("Delete the {} “{name}”?", kind.noun())
    } else {
        let mut lines: Vec<String> = refs
            .iter()
            .take(8)
            .map(|r| format!("• {}", r.what))
            .collect();
        if refs.len() > 8 {
            lines.push(format!("• and {} more", refs.len() - 8));
        }
        format!(
            "Delete the {} “{name}”? {} place{} refer{} to it and will show errors until you change them:\n{}\n\nUndo (Ctrl+Z) brings it back.",
            kind.noun(),
            refs.len(),
            if refs.len() == 1 { "" } else { "s" },
            if refs.len() == 1 { "s" } else { "" },
            lines.join("\n")
        )
    };
    if !confirm(&question) {
        return false;
    }
    doc.edit(&ptr(kind, i, ""), |l| {
        edit::remove(l, kind, &id);
    });
    true
}

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
    let value = get(doc, move |l| Some(edit::ids(l, kind).get(i).cloned()));
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
    view! {
        <ParsedField
            label="Id"
            pointer=pointer
            value=value
            parse=parse_id
            show=show_id
            set=set
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
                    <IdField kind=kind i=i />
                    {form}
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
        <section class="panel inspector" id="inspector" aria-labelledby="inspector-h" data-testid=testid::INSPECTOR>
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
    let doc = use_doc();
    let response = |l: &Ladder| l.defaults.as_ref().and_then(|d| d.response.clone());
    view! {
        <TextField
            label="Name"
            pointer="/name"
            value=get(doc, |l| Some(l.name.clone()))
            set=put(doc, "/name".into(), |l, v: String| l.name = v)
        />
        <NumberField
            label="Revision"
            pointer="/revision"
            kind=NumberKind::Count
            value=get(doc, |l| Some(Some(f64::from(l.revision))))
            set=put(doc, "/revision".into(), |l, v: Option<f64>| l.revision = v.unwrap_or(1.0) as u32)
        />
        <TextField
            label="Description"
            pointer="/description"
            multiline=true
            value=get(doc, |l| l.description.clone())
            set=put(doc, "/description".into(), |l, v: String| l.description = (!v.is_empty()).then_some(v))
        />
        <h3>"Default response model"</h3>
        <p class="field-help">"How fast people answer pages unless they have their own model; the simulator uses it."</p>
        <div class="field-grid">
            <ParsedField
                label="Median time to acknowledge"
                pointer="/defaults/response/ack_median"
                value=get(doc, move |l| Some(response(l).map(|r| r.ack_median)))
                parse=parse_duration
                show=show_duration
                optional=true
                placeholder="5m"
                set=put(doc, "/defaults/response/ack_median".into(), move |l, v: Option<rungs_core::Duration>| {
                    set_default_response(l, v, |r| &mut r.ack_median)
                })
            />
            <ParsedField
                label="90th percentile"
                pointer="/defaults/response/ack_p90"
                value=get(doc, move |l| Some(response(l).map(|r| r.ack_p90)))
                parse=parse_duration
                show=show_duration
                optional=true
                placeholder="15m"
                set=put(doc, "/defaults/response/ack_p90".into(), move |l, v: Option<rungs_core::Duration>| {
                    set_default_response(l, v, |r| &mut r.ack_p90)
                })
            />
        </div>
    }
}

/// Which duration of a response model a field edits.
pub type ResponseField = fn(&mut rungs_core::ResponseModel) -> &mut rungs_core::Duration;

/// Sets one duration of a response model (person's or default): the first one set makes
/// the model, with both durations equal to it; emptying one removes the model.
pub fn set_response(
    slot: &mut Option<rungs_core::ResponseModel>,
    v: Option<rungs_core::Duration>,
    field: ResponseField,
) {
    match v {
        None => *slot = None,
        Some(d) => {
            let r = slot.get_or_insert(rungs_core::ResponseModel {
                ack_median: d,
                ack_p90: d,
                miss: Default::default(),
            });
            *field(r) = d;
        }
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
