//! The design page: the ladder diagram and coverage beside the inspector and validation,
//! then every part of the ladder in sections, each with Add and Edit.
//!
//! Rendered once; every list is a keyed `<For>` over the current ladder, so an edit
//! re-renders only the entries it changed.

use leptos::prelude::*;
use rungs_core::edit::Kind;
use rungs_core::overview::LadderOverview;
use rungs_core::paging::on_call_now;
use rungs_core::Report;

use crate::components::designer::coverage::Coverage;
use crate::components::designer::diagram::Diagram;
use crate::components::designer::forms::ZoneList;
use crate::components::designer::inspector::Inspector;
use crate::components::designer::ladder_summary::LadderSummary;
use crate::components::designer::people::{People, Roles};
use crate::components::designer::playbooks::{Playbooks, Templates};
use crate::components::designer::rotations::Rotations;
use crate::components::designer::rung::Rung;
use crate::components::designer::schedule::Schedule;
use crate::components::designer::schedules::Schedules;
use crate::components::designer::triggers::{Services, Triggers};
use crate::components::designer::validation::ValidationPanel;
use crate::state::session::Session;
use crate::testid;
use crate::widgets::extra::Extra;
use crate::widgets::fields::{Findings, TargetChoices};

/// The ladder as it stands, and its editors.
#[component]
pub fn DesignPage(
    /// The ladder to show.
    #[prop(into)]
    overview: Signal<LadderOverview>,
    /// What validation found.
    report: Memo<Report>,
    /// Whether the ladder shown is older than the JSON being edited, which does not parse.
    #[prop(into)]
    stale: Signal<bool>,
) -> impl IntoView {
    provide_context(Findings(report));
    let doc = crate::state::doc::use_doc();
    let history = expect_context::<Session>().history;
    provide_context(TargetChoices::new(doc));
    // who each step and owner reaches now, moving on every minute
    let now = crate::platform::clock::ticking_now(60_000);
    let on_call = Memo::new(move |_| doc.ladder.with(|l| on_call_now(l, now.get())));
    view! {
        <ZoneList />
        <LadderSummary overview=overview />
        <Show when=move || history.get()>
            <Extra which="history" />
        </Show>
        <Show when=move || stale.get()>
            <p class="panel stale" role="status" data-testid=testid::STALE>
                "The JSON has an error, so this is the last version of the ladder that could be read. The forms, the diagram and undo wait until the text reads again, so nothing you typed is lost: fix the error listed under Validation, or undo your typing inside the editor."
            </p>
        </Show>
        <div class="layout">
            <div class="ladder-col">
                <Diagram />
                <Coverage />
                <Schedule now=now />
            </div>
            <aside class="side-col">
                <Inspector />
                <ValidationPanel report=report />
            </aside>
        </div>
        <section class="ladder-col" aria-labelledby="ladder-h">
                <div class="section-head">
                    <h2 id="ladder-h" class="ladder-title">
                        "Tiers"
                        <span class="muted small">" most severe first"</span>
                    </h2>
                    <crate::components::designer::section::AddButton kind=Kind::Tier />
                </div>
                <div class="ladder">
                    <For
                        each=move || overview.with(|o| o.rungs.clone())
                        key=|r| r.clone()
                        children=move |r| {
                            let pointer = r.pointer.clone();
                            let now = Signal::derive(move || {
                                on_call.with(|o| o.tiers.iter().find(|t| t.pointer == pointer).cloned())
                            });
                            view! { <Rung rung=r now=now /> }
                        }
                    />
                </div>
        </section>
        <div class="layout even">
            <Rotations rotations=Memo::new(move |_| overview.with(|o| o.rotations.clone())) />
            <Schedules schedules=Memo::new(move |_| overview.with(|o| o.schedules.clone())) />
        </div>
        <Triggers triggers=Memo::new(move |_| overview.with(|o| o.triggers.clone())) />
        <div class="layout even">
            <People people=Memo::new(move |_| overview.with(|o| o.people.clone())) />
            <Roles roles=Memo::new(move |_| overview.with(|o| o.roles.clone())) />
        </div>
        <Services services=Memo::new(move |_| overview.with(|o| o.services.clone())) />
        <div class="layout even">
            <Playbooks />
            <Templates />
        </div>
    }
}
