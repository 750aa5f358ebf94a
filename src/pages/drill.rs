//! The drill page: the scenarios that travel with the ladder.

use leptos::prelude::*;
use rungs_core::overview::LadderOverview;

use crate::testid;

/// Scenarios of the ladder, ready for the drill room.
#[component]
pub fn DrillPage(
    /// The ladder whose scenarios to list.
    overview: LadderOverview,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="drill-h">
            <h1 id="drill-h">"Drill scenarios"</h1>
            <p class="muted">
                {format!(
                    "{} scenario(s) travel with “{}”. Live drills and Monte Carlo studies of them run here once the drill room ships; until then, the same files drive the command line.",
                    overview.scenarios.len(),
                    overview.name,
                )}
            </p>
            <ul class="cards">
                {overview
                    .scenarios
                    .into_iter()
                    .map(|s| {
                        view! {
                            <li class="card" data-testid=testid::SCENARIO data-pointer=s.pointer.clone()>
                                <div class="card-head">
                                    <strong>{s.name}</strong>
                                    <code class="id">{s.id}</code>
                                </div>
                                <p class="muted small">
                                    {format!(
                                        "starts {} · runs up to {} · {} signal(s) · {} inject(s)",
                                        s.start,
                                        s.horizon,
                                        s.signals,
                                        s.injects,
                                    )}
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
