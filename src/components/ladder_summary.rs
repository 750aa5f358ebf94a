//! The ladder's title card: name, revision, description and what it holds.

use leptos::prelude::*;
use rungs_core::overview::LadderOverview;

use crate::testid;

/// The heading card of a ladder.
#[component]
pub fn LadderSummary(
    /// The ladder to summarise.
    overview: LadderOverview,
    /// Whether it was edited since its example was opened.
    edited: bool,
) -> impl IntoView {
    let stats = [
        (overview.rungs.len(), "tiers"),
        (overview.people.len(), "people"),
        (overview.rotations.len(), "rotations"),
        (overview.triggers.len(), "triggers"),
        (overview.services.len(), "services"),
        (overview.scenarios.len(), "scenarios"),
    ];
    view! {
        <section class="summary panel">
            <div class="summary-title">
                <h1 data-testid=testid::LADDER_NAME>{overview.name}</h1>
                <span class="badge">{format!("revision {}", overview.revision)}</span>
                {if edited {
                    view! { <span class="badge edited" data-testid=testid::EDITED>"edited in this tab"</span> }.into_any()
                } else {
                    view! { <span class="badge muted">"example"</span> }.into_any()
                }}
            </div>
            {overview.description.map(|d| view! { <p class="description">{d}</p> })}
            <ul class="stats">
                {stats
                    .into_iter()
                    .map(|(n, what)| {
                        view! {
                            <li>
                                <strong>{n}</strong>
                                " "
                                {what}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
