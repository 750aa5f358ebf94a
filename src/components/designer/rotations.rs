//! On-call rotations: members in turn order, shift, zone and covered hours.

use leptos::prelude::*;

use crate::widgets::more::{ShowMore, NAMES_SHOWN, ROWS_SHOWN};
use rungs_core::overview::RotationView;

use crate::components::designer::section::{EditButton, SectionHead};
use crate::testid;
use rungs_core::edit::Kind;

/// The rotations of a ladder.
#[component]
pub fn Rotations(
    /// Rotations in document order.
    #[prop(into)]
    rotations: Signal<Vec<RotationView>>,
) -> impl IntoView {
    let shown = RwSignal::new(ROWS_SHOWN);
    view! {
        <section class="panel" aria-labelledby="rotations-h">
            <SectionHead id="rotations-h" title="Rotations" kind=Kind::Rotation />
            <ul class="cards">
                <For
                    each=move || {
                        let n = shown.get();
                        rotations.with(|r| r.iter().take(n).cloned().collect::<Vec<_>>())
                    }
                    key=|r| r.clone()
                    children=rotation_card
                />
            </ul>
            <ShowMore total=Signal::derive(move || rotations.with(Vec::len)) shown=shown noun="rotations" />
        </section>
    }
}

fn rotation_card(r: RotationView) -> impl IntoView {
    let hours = r.window.unwrap_or_else(|| "around the clock".to_string());
    view! {
        <li class="card" data-testid=testid::ROTATION data-pointer=r.pointer.clone()>
            <div class="card-head">
                <strong data-testid=testid::ROTATION_NAME>{r.name.clone()}</strong>
                <code class="id">{r.id}</code>
                <EditButton pointer=r.pointer.clone() name=r.name />
            </div>
            <p class="muted small">{format!("{} shifts · {} · {}", r.shift, hours, r.timezone)}</p>
            <ol class="members" aria-label="Members in turn order">
                {r.members.iter().take(NAMES_SHOWN).map(|m| view! { <li>{m.clone()}</li> }).collect_view()}
            </ol>
            {(r.members.len() > NAMES_SHOWN)
                .then(|| {
                    view! {
                        <p class="muted small">
                            {format!(
                                "and {} more in turn",
                                rungs_core::text::group_thousands((r.members.len() - NAMES_SHOWN) as u64),
                            )}
                        </p>
                    }
                })}
        </li>
    }
}
