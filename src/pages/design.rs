//! The design page: the ladder as rungs beside its validation, rotations, roles, triggers,
//! people and services.
//!
//! Rendered once; every list is a keyed `<For>` over the current overview, keyed by the
//! entry's whole content, so an edit re-renders only the entries it changed.

use leptos::prelude::*;
use rungs_core::overview::LadderOverview;
use rungs_core::Report;

use crate::components::ladder_summary::LadderSummary;
use crate::components::people::{People, Roles};
use crate::components::rotations::Rotations;
use crate::components::rung::Rung;
use crate::components::triggers::{Services, Triggers};
use crate::components::validation::ValidationPanel;
use crate::testid;

/// The ladder as it stands.
#[component]
pub fn DesignPage(
    /// The ladder to show.
    #[prop(into)]
    overview: Signal<LadderOverview>,
    /// What validation found.
    #[prop(into)]
    report: Signal<Report>,
    /// Whether the ladder shown is older than the JSON being edited, which does not parse.
    #[prop(into)]
    stale: Signal<bool>,
    /// Whether the ladder was edited since its example was opened.
    #[prop(into)]
    edited: Signal<bool>,
) -> impl IntoView {
    view! {
        <LadderSummary overview=overview edited=edited />
        <Show when=move || stale.get()>
            <p class="panel stale" role="status" data-testid=testid::STALE>
                "The JSON has an error, so this is the last version of the ladder that could be read. Fix the error listed under Validation to see your changes."
            </p>
        </Show>
        <div class="layout">
            <section class="ladder-col" aria-labelledby="ladder-h">
                <h2 id="ladder-h" class="ladder-title">
                    "Escalation ladder"
                    <span class="muted small">" most severe at the top"</span>
                </h2>
                <div class="ladder">
                    <For
                        each=move || overview.with(|o| o.rungs.clone())
                        key=|r| r.clone()
                        children=|r| view! { <Rung rung=r /> }
                    />
                </div>
            </section>
            <aside class="side-col">
                <ValidationPanel report=report />
                <Rotations rotations=Signal::derive(move || overview.with(|o| o.rotations.clone())) />
                <Roles roles=Signal::derive(move || overview.with(|o| o.roles.clone())) />
            </aside>
        </div>
        <Triggers triggers=Signal::derive(move || overview.with(|o| o.triggers.clone())) />
        <div class="layout even">
            <People people=Signal::derive(move || overview.with(|o| o.people.clone())) />
            <Services services=Signal::derive(move || overview.with(|o| o.services.clone())) />
        </div>
    }
}
