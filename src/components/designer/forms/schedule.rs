//! The form of a layered schedule: its name, its layers (rotations, reordered by
//! dragging), and who it pages over the next weeks.

use leptos::prelude::*;
use rungs_core::edit;
use rungs_core::paging::LanesOf;
use rungs_core::{RotationId, Schedule};

use crate::components::designer::calendar_download::CalendarDownload;
use crate::components::designer::schedule::CalendarStrip;
use crate::state::doc::use_doc;
use crate::state::lens::{adding_picker, derive, Lens};
use crate::testid;
use crate::widgets::fields::{SelectField, TextField};
use crate::widgets::reorder::ReorderList;

/// The form of schedule `i`.
#[component]
pub fn ScheduleForm(
    /// Index of the schedule.
    i: usize,
) -> impl IntoView {
    view! {
        <TextField label="Name" field={Lens::<Schedule>::name(use_doc(), i, |x| x.name.clone(), |x, v| x.name = v)} />
        <h3>"Layers"</h3>
        <p class="muted small">
            "At any time the schedule pages whoever is on call in the highest layer that has someone on call: a weekday day team above a 24/7 base covers for the base during its hours. The last layer is the highest; drag to reorder."
        </p>
        <Layers i=i />
        <CalendarStrip of=LanesOf::Schedule(i) />
        <CalendarDownload kind=rungs_core::edit::Kind::Schedule i=i />
    }
}

/// The layers of schedule `i`, reorderable, and a picker that adds a rotation on top.
#[component]
fn Layers(
    /// Index of the schedule.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let lens = Lens::<Schedule>::entry(doc, i);
    let len = lens.value(|s| s.layers.len());
    let layer_label = move |k: usize| {
        doc.ladder.with(|l| {
            let s = l.schedules.get(i)?;
            let id = s.layers.get(k)?;
            let place = match k {
                0 if s.layers.len() > 1 => " (lowest)",
                _ if k + 1 == s.layers.len() && k > 0 => " (highest)",
                _ => "",
            };
            let what = match l.rotations.iter().find(|r| r.id == *id) {
                Some(r) => {
                    let hours = r.window_list().map_or_else(
                        || "around the clock".to_string(),
                        rungs_core::overview::describe_windows,
                    );
                    format!("{} · {hours} {}", r.name, r.timezone)
                }
                None => format!("{id} (not among the rotations)"),
            };
            Some(format!("Layer {}{place}: {what}", k + 1))
        })
    };
    let row = Callback::new(move |k: usize| {
        view! { <span>{move || layer_label(k).unwrap_or_default()}</span> }.into_any()
    });
    let move_to = lens.setter("layers", |s, (from, to): (usize, usize)| {
        edit::move_item(&mut s.layers, from, to)
    });
    let remove = lens.setter("layers", |s, k: usize| {
        if k < s.layers.len() {
            s.layers.remove(k);
        }
    });
    let add_layer = lens.setter("layers", |s, v: Option<RotationId>| {
        if let Some(id) = v {
            if !s.layers.contains(&id) {
                s.layers.push(id)
            }
        }
    });
    let add = adding_picker(lens.pointer("layers/-"), move |v: String| {
        add_layer.run(RotationId::new(v).ok())
    });
    // the rotations not yet a layer of it
    let rotations = derive(doc, move |l| {
        let taken = l
            .schedules
            .get(i)
            .map(|s| s.layers.clone())
            .unwrap_or_default();
        let mut list = vec![(
            String::new(),
            "Add a rotation as the highest layer…".to_string(),
        )];
        list.extend(
            (l.rotations.iter())
                .filter(|r| !taken.contains(&r.id))
                .map(|r| (r.id.to_string(), r.name.clone())),
        );
        list
    });
    view! {
        <div data-pointer=lens.pointer("layers")>
            <ReorderList len=len row=row move_to=move_to remove=remove noun="layer" testid=testid::LAYER_ROW />
        </div>
        <SelectField label="Add a layer" field=add options=rotations />
    }
}
