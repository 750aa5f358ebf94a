//! A rotation's overrides: someone on call instead of the scheduled member for a while
//! (a vacation, a swap), each with date-time pickers on the rotation's wall clock.

use leptos::prelude::*;
use rungs_core::edit::{self, Kind};
use rungs_core::{Override, PersonId, Rotation, TimeZoneName};

use crate::components::designer::forms::common::choices;
use crate::state::doc::use_doc;
use crate::state::lens::{derive, Lens};
use crate::testid;
use crate::widgets::fields::SelectField;
use crate::widgets::instant::InstantField;

/// The overrides of rotation `i`, and a button that proposes a new one
/// ([`edit::new_override`]).
#[component]
pub fn Overrides(
    /// Index of the rotation.
    i: usize,
    /// The rotation's zone, whose wall clock the pickers show.
    zone: Signal<TimeZoneName>,
) -> impl IntoView {
    let doc = use_doc();
    let lens = Lens::<Rotation>::entry(doc, i);
    let len = lens.value(|r| r.overrides.len());
    let can_add = derive(doc, move |l| {
        edit::new_override(l, i, crate::platform::clock::now()).is_some()
    });
    let at = lens.pointer("overrides/-");
    let add = Callback::new(move |(): ()| {
        doc.edit(&at, |l| {
            if let Some(o) = edit::new_override(l, i, crate::platform::clock::now()) {
                if let Some(r) = l.rotations.get_mut(i) {
                    r.overrides.push(o);
                }
            }
        })
    });
    let remove = lens.setter("overrides", |r, k: usize| {
        if k < r.overrides.len() {
            r.overrides.remove(k);
        }
    });
    let rows = lens.clone();
    view! {
        <div class="field overrides" data-pointer=lens.pointer("overrides") data-testid=testid::OVERRIDES>
            <h3>"Overrides"</h3>
            <p class="muted small">
                "Someone covers instead of the scheduled member: a vacation, a swap. An override holds also outside the windows; two of one rotation may not overlap."
            </p>
            {move || {
                (0..len.get())
                    .map(|k| {
                        let o = rows.at(
                            &format!("overrides/{k}"),
                            move |r: &Rotation| r.overrides.get(k),
                            move |r| r.overrides.get_mut(k),
                        );
                        view! { <OverrideRow o=o k=k zone=zone remove=remove /> }
                    })
                    .collect_view()
            }}
            <button
                class="button"
                data-testid=testid::ADD_OVERRIDE
                disabled=move || !can_add.get()
                title=move || (!can_add.get()).then_some("Add people first: an override names who covers.")
                on:click=move |_| add.run(())
            >
                "Add an override"
            </button>
        </div>
    }
}

/// One override: who, from when, to when.
#[component]
fn OverrideRow(
    /// The override.
    o: Lens<Override>,
    /// Its index.
    k: usize,
    /// The rotation's zone, whose wall clock the pickers show.
    zone: Signal<TimeZoneName>,
    /// Removes override `k`.
    remove: Callback<usize>,
) -> impl IntoView {
    let doc = use_doc();
    let people = derive(doc, move |l| {
        choices(l, Kind::Person, Some("Choose who covers…"))
    });
    let person = o.field(
        "person",
        |x| x.person.as_str().to_string(),
        |x, v: String| {
            if let Ok(id) = PersonId::new(v) {
                x.person = id
            }
        },
    );
    let label = format!("Remove override {}", k + 1);
    view! {
        <fieldset class="override-row" data-testid=testid::OVERRIDE_ROW data-pointer=o.pointer("")>
            <legend>{format!("Override {}", k + 1)}</legend>
            <SelectField label="Who covers" field=person options=people />
            <div class="field-grid">
                <InstantField label="From" field=o.required("from", |x| x.from, |x, v| x.from = v) zone=zone />
                <InstantField label="To (not included)" field=o.required("to", |x| x.to, |x, v| x.to = v) zone=zone />
            </div>
            <button class="button small" aria-label=label.clone() title=label on:click=move |_| remove.run(k)>
                "Remove this override"
            </button>
        </fieldset>
    }
}
