//! The design page: the ladder as rungs beside its people, roles, rotations and triggers.

use leptos::prelude::*;
use rungs_core::overview::LadderOverview;

use crate::components::ladder_summary::LadderSummary;
use crate::components::people::{People, Roles};
use crate::components::rotations::Rotations;
use crate::components::rung::Rung;
use crate::components::triggers::{Services, Triggers};
use crate::components::validation::ValidationPanel;

/// The ladder, read-only.
#[component]
pub fn DesignPage(
    /// The ladder to show.
    overview: LadderOverview,
    /// What validation found.
    report: rungs_core::Report,
) -> impl IntoView {
    let LadderOverview {
        rungs,
        people,
        roles,
        rotations,
        triggers,
        services,
        ..
    } = overview.clone();
    view! {
        <LadderSummary overview=overview />
        <div class="layout">
            <section class="ladder-col" aria-labelledby="ladder-h">
                <h2 id="ladder-h" class="ladder-title">
                    "Escalation ladder"
                    <span class="muted small">" most severe at the top"</span>
                </h2>
                <div class="ladder">
                    {rungs.into_iter().map(|r| view! { <Rung rung=r /> }).collect_view()}
                </div>
            </section>
            <aside class="side-col">
                <ValidationPanel report=report />
                <Rotations rotations=rotations />
                <Roles roles=roles />
            </aside>
        </div>
        <Triggers triggers=triggers />
        <div class="layout even">
            <People people=people />
            <Services services=services />
        </div>
    }
}
