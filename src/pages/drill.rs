//! The drill room: choose one of the scenarios that travel with the ladder, then run it
//! live with people in the room playing some responders.

use leptos::prelude::*;
use rungs_core::overview::LadderOverview;

use crate::components::live_drill::LiveDrill;
use crate::doc::use_doc;
use crate::testid;

/// The drill room.
#[component]
pub fn DrillPage(
    /// The ladder's overview (its scenarios, described).
    #[prop(into)]
    overview: Signal<LadderOverview>,
) -> impl IntoView {
    let doc = use_doc();
    let chosen =
        RwSignal::new(overview.with_untracked(|o| o.scenarios.first().map(|s| s.id.clone())));
    view! {
        <section class="panel" aria-labelledby="drill-h">
            <h1 id="drill-h">"Drill room"</h1>
            <p class="muted">
                {move || {
                    overview
                        .with(|o| {
                            format!(
                                "{} scenario(s) travel with “{}”. Choose one, mark who in the room plays which responder, and run the incident on an accelerated clock.",
                                o.scenarios.len(),
                                o.name,
                            )
                        })
                }}
            </p>
            <fieldset class="scenario-pick">
                <legend class="visually-hidden">"Scenario"</legend>
                <ul class="cards">
                    <For
                        each=move || overview.with(|o| o.scenarios.clone())
                        key=|s| s.clone()
                        children=move |s| {
                            let id = s.id.clone();
                            let for_id = format!("scenario-{}", s.id);
                            let label_for = for_id.clone();
                            let checked = {
                                let id = id.clone();
                                move || chosen.get().as_deref() == Some(id.as_str())
                            };
                            view! {
                                <li class="card" data-testid=testid::SCENARIO data-pointer=s.pointer.clone()>
                                    <label class="card-head" for=label_for>
                                        <input
                                            type="radio"
                                            name="scenario"
                                            id=for_id
                                            data-testid=testid::SCENARIO_PICK
                                            value=id.clone()
                                            prop:checked=checked
                                            on:change=move |_| chosen.set(Some(id.clone()))
                                        />
                                        <strong>{s.name}</strong>
                                        <code class="id">{s.id}</code>
                                    </label>
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
                        }
                    />
                </ul>
            </fieldset>
        </section>
        <LiveDrill ladder=doc.ladder scenario=chosen />
    }
}
