//! Layered schedules: each a stack of rotations, the highest layer with someone on call
//! answering.

use leptos::prelude::*;
use rungs_core::edit::Kind;
use rungs_core::overview::ScheduleView;

use crate::components::designer::section::{EditButton, SectionHead};
use crate::testid;

/// The schedules of a ladder.
#[component]
pub fn Schedules(
    /// Schedules in document order.
    #[prop(into)]
    schedules: Signal<Vec<ScheduleView>>,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="schedules-h" data-testid=testid::SCHEDULES>
            <SectionHead id="schedules-h" title="Schedules" kind=Kind::Schedule />
            <ul class="cards">
                <For each=move || schedules.get() key=|s| s.clone() children=schedule_card />
            </ul>
        </section>
    }
}

fn schedule_card(s: ScheduleView) -> impl IntoView {
    let count = rungs_core::text::count(s.layers.len(), "layer", "layers");
    view! {
        <li class="card" data-testid=testid::SCHEDULE_CARD data-pointer=s.pointer.clone()>
            <div class="card-head">
                <strong>{s.name.clone()}</strong>
                <code class="id">{s.id}</code>
                <EditButton pointer=s.pointer.clone() name=s.name />
            </div>
            <p class="muted small">{format!("{count}; the highest with someone on call answers")}</p>
            <ol class="members" aria-label="Layers, the highest first">
                {s.layers.iter().rev().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}
            </ol>
        </li>
    }
}
