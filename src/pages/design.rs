//! The design page: the ladder as rungs beside its people, roles, rotations and triggers.

use leptos::prelude::*;
use rungs_core::overview::LadderOverview;

use crate::components::ladder_summary::LadderSummary;
use crate::components::people::{People, Roles};
use crate::components::rotations::Rotations;
use crate::components::rung::Rung;
use crate::components::triggers::{Services, Triggers};
use crate::components::validation::ValidationPanel;
use crate::testid;

/// The ladder, read-only.
#[component]
pub fn DesignPage(
    /// The ladder to show.
    overview: LadderOverview,
    /// What validation found.
    report: rungs_core::Report,
    /// Whether the ladder shown is older than the JSON being edited, which does not parse.
    stale: bool,
    /// Whether the ladder was edited since its example was opened.
    edited: bool,
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
        <LadderSummary overview=overview edited=edited />
        {stale
            .then(|| {
                view! {
                    <p class="panel stale" role="status" data-testid=testid::STALE>
                        "The JSON has an error, so this is the last version of the ladder that could be read. Fix the error listed under Validation to see your changes."
                    </p>
                }
            })}
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
