//! The Add and Edit buttons of the designer's sections.

use leptos::prelude::*;
use rungs_core::edit::{self, Kind};

use crate::platform::clock::now;
use crate::state::doc::use_doc;
use crate::state::selection::{select, use_selected, Sel};
use crate::testid;

/// "Add a …": appends a new entry and opens it in the inspector.
#[component]
pub fn AddButton(
    /// What to add.
    kind: Kind,
) -> impl IntoView {
    let doc = use_doc();
    let selected = use_selected();
    let on_click = move |_| {
        let mut index = 0;
        doc.edit(&format!("/{}/-", kind.collection()), |l| {
            index = edit::add(l, kind, now());
            // people and rotations start in the zone of whoever adds them
            if let Some(zone) = crate::platform::clock::browser_zone() {
                match kind {
                    Kind::Person => l.people[index].timezone = zone,
                    Kind::Rotation => l.rotations[index].timezone = zone,
                    _ => {}
                }
            }
        });
        select(selected, Sel::Item(kind, index));
    };
    // what must exist before an entry of this kind makes sense
    let missing = move || {
        doc.ladder.with(|l| match kind {
            Kind::Trigger if l.services.is_empty() => {
                Some("Add a service first: a trigger watches one of its metrics.")
            }
            Kind::Trigger if l.tiers.is_empty() => Some("Add a tier first: a trigger opens one."),
            Kind::Schedule if l.rotations.is_empty() => {
                Some("Add a rotation first: a schedule stacks rotations in layers.")
            }
            _ => None,
        })
    };
    view! {
        <Show when=move || !doc.locked()>
            <button
                class="button add"
                data-testid=testid::ADD
                data-kind=kind.collection()
                disabled=move || missing().is_some()
                title=move || missing().unwrap_or_default()
                on:click=on_click
            >
                {format!("+ Add {}", kind.noun())}
            </button>
            {move || missing().map(|m| view! { <span class="muted small add-hint">{m}</span> })}
        </Show>
    }
}

/// "Edit": opens the entry at `pointer` in the inspector. (Shown without the designer's
/// context, e.g. in a component test, it does nothing.)
#[component]
pub fn EditButton(
    /// JSON Pointer of the entry.
    #[prop(into)]
    pointer: String,
    /// What the entry is called, for screen readers.
    #[prop(into)]
    name: String,
) -> impl IntoView {
    let readonly = use_context::<crate::state::doc::Doc>().map(|d| d.readonly);
    let selected = use_context::<crate::state::selection::Selected>();
    let sel = Sel::from_pointer(&pointer);
    view! {
        <button
            class="button small edit"
            data-testid=testid::EDIT
            aria-label=format!("Edit {name}")
            on:click=move |_| {
                if let (Some(selected), Some(s)) = (selected, sel) {
                    select(selected.0, s)
                }
            }
        >
            {move || if readonly.is_some_and(|r| r.get()) { "View" } else { "Edit" }}
        </button>
    }
}

/// A section heading with its Add button.
#[component]
pub fn SectionHead(
    /// Element id of the heading.
    #[prop(into)]
    id: String,
    /// The heading.
    title: &'static str,
    /// What the section lists.
    kind: Kind,
) -> impl IntoView {
    let doc = use_doc();
    let empty = move || doc.ladder.with(|l| kind.len(l) == 0);
    view! {
        <div class="section-head">
            <h2 id=id>{title}</h2>
            <AddButton kind=kind />
        </div>
        <Show when=empty>
            <p class="muted small empty-note" data-testid=testid::EMPTY_NOTE data-kind=kind.collection()>
                {kind.when_empty()}
            </p>
        </Show>
    }
}
