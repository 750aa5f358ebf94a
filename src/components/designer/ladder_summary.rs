//! The ladder's title card: name, revision, description and what it holds.

use leptos::prelude::*;
use rungs_core::overview::LadderOverview;

use crate::testid;

/// The heading card of a ladder.
#[component]
pub fn LadderSummary(
    /// The ladder to summarise.
    #[prop(into)]
    overview: Signal<LadderOverview>,
) -> impl IntoView {
    let session = expect_context::<crate::state::session::Session>();
    let stats = move || {
        overview.with(|o| {
            [
                (o.rungs.len(), "tier", "tiers"),
                (o.people.len(), "person", "people"),
                (o.rotations.len(), "rotation", "rotations"),
                (o.triggers.len(), "trigger", "triggers"),
                (o.services.len(), "service", "services"),
                (o.scenarios.len(), "scenario", "scenarios"),
            ]
        })
    };
    view! {
        <section class="summary panel">
            <div class="summary-title">
                <h1 data-testid=testid::LADDER_NAME>{move || overview.with(|o| o.name.clone())}</h1>
                <span class="badge">{move || format!("revision {}", overview.with(|o| o.revision))}</span>
                <crate::components::designer::section::EditButton pointer="/" name="the ladder's details" />
                <button
                    class="button small"
                    data-testid=testid::HISTORY_OPEN
                    aria-expanded=move || session.history.get().to_string()
                    on:click=move |_| session.history.update(|h| *h = !*h)
                >
                    "History"
                </button>
            </div>
            {move || {
                overview
                    .with(|o| o.description.clone())
                    .map(|d| view! { <p class="description">{d}</p> })
            }}
            <ul class="stats">
                {move || {
                    stats()
                        .into_iter()
                        .map(|(n, one, many)| {
                            let what = if n == 1 { one } else { many };
                            view! {
                                <li>
                                    <strong>{n}</strong>
                                    " "
                                    {what}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}
