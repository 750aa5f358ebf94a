//! The drill room: choose one of the scenarios that travel with the ladder, then run it
//! live with people in the room playing some responders, or study it over thousands of
//! simulated incidents.

use leptos::prelude::*;
use rungs_core::overview::{LadderOverview, ScenarioView};

use crate::components::drill::log::DrillLogPanel;
use crate::components::drill::scenario_form::ScenarioForm;
use crate::state::doc::use_doc;
use crate::state::drill_room::DrillRoom;
use crate::testid;
use rungs_core::edit::{self, Kind};
use rungs_core::text::count;

/// The drill room.
#[component]
pub fn DrillPage(
    /// The ladder's overview (its scenarios, described).
    #[prop(into)]
    overview: Signal<LadderOverview>,
) -> impl IntoView {
    let doc = use_doc();
    // kept for the session with the drill (see DrillRoom), the first scenario at first
    let chosen = DrillRoom::current().chosen;
    let first = overview.with_untracked(|o| o.scenarios.first().map(|s| s.id.clone()));
    let known = chosen.with_untracked(|c| {
        c.as_ref()
            .is_some_and(|c| overview.with_untracked(|o| o.scenarios.iter().any(|s| &s.id == c)))
    });
    if !known {
        chosen.set(first);
    }
    let editing = RwSignal::new(false);
    // The live drill and the study (extras module) follow the scenario chosen and read
    // the ladder again whenever it changes.
    let live_args = Signal::derive(move || {
        doc.ladder.track();
        chosen.get().unwrap_or_default()
    });
    let index = Memo::new(move |_| {
        let id = chosen.get()?;
        doc.ladder
            .with(|l| l.scenarios.iter().position(|s| s.id.as_str() == id))
    });
    view! {
        <section class="panel" aria-labelledby="drill-h">
            <h1 id="drill-h">"Drill room"</h1>
            <p class="muted">
                {move || {
                    overview
                        .with(|o| {
                            format!(
                                "{} travel with “{}”. Choose one, mark who in the room plays which responder, and run the incident on an accelerated clock.",
                                count(o.scenarios.len(), "scenario", "scenarios"),
                                o.name,
                            )
                        })
                }}
            </p>
            <ScenarioPicker overview=overview chosen=chosen />
            <p class="button-row">
                <button
                    class="button"
                    data-testid=testid::NEW_SCENARIO
                    disabled=move || doc.locked()
                    on:click=move |_| {
                        let mut id = String::new();
                        doc.edit(
                            "/scenarios/-",
                            |l| {
                                let i = edit::add(l, Kind::Scenario, crate::platform::clock::now());
                                id = l.scenarios[i].id.to_string();
                            },
                        );
                        chosen.set(Some(id));
                        editing.set(true);
                    }
                >
                    "+ New scenario"
                </button>
                <button
                    class="button"
                    data-testid=testid::EDIT_SCENARIO
                    aria-expanded=move || editing.get().to_string()
                    disabled=move || index.get().is_none() || doc.locked()
                    on:click=move |_| editing.update(|e| *e = !*e)
                >
                    {move || if editing.get() { "Close the scenario editor" } else { "Edit this scenario" }}
                </button>
            </p>
            {move || {
                match (editing.get(), index.get()) {
                    (true, Some(i)) => {
                        view! {
                            <ScenarioForm i=i />
                            <p class="inspector-foot">
                                <button
                                    class="button danger"
                                    on:click=move |_| {
                                        if crate::state::entries::delete_entry(doc, Kind::Scenario, i) {
                                            editing.set(false);
                                            chosen.set(doc.ladder.with_untracked(|l| l.scenarios.first().map(|s| s.id.to_string())));
                                        }
                                    }
                                >
                                    "Delete this scenario"
                                </button>
                            </p>
                        }
                            .into_any()
                    }
                    _ => ().into_any(),
                }
            }}
        </section>
        <crate::widgets::extra::Extra which="live-drill" watch=live_args />
        <crate::widgets::extra::Extra which="study" watch=live_args />
        <Sensitivity scenario=chosen />
        <DrillLogPanel ladder=doc.ladder />
    }
}

/// Which knob matters most for the chosen scenario: the sensitivity panel of the extras
/// module, loaded when opened, and drawn again for another scenario.
#[component]
fn Sensitivity(
    /// The id of the scenario chosen.
    scenario: RwSignal<Option<String>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <details
            class="panel sensitivity-panel"
            on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                open.set(
                    ev.target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                        .is_some_and(|d| d.open()),
                );
            }
        >
            <summary data-testid=crate::testid::SENSITIVITY_OPEN>
                <h2>"Which knob matters most?"</h2>
            </summary>
            {move || {
                open.get()
                    .then(|| {
                        let id = scenario.get().unwrap_or_default();
                        view! { <crate::widgets::extra::Extra which="sensitivity" args=id /> }
                    })
            }}
        </details>
    }
}

/// The scenarios that travel with the ladder, one card each, to choose one.
#[component]
fn ScenarioPicker(
    /// The ladder's overview (its scenarios, described).
    overview: Signal<LadderOverview>,
    /// The id of the scenario chosen.
    chosen: RwSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <fieldset class="scenario-pick">
            <legend class="visually-hidden">"Scenario"</legend>
            <ul class="cards">
                <For
                    each=move || overview.with(|o| o.scenarios.clone())
                    key=|s| s.clone()
                    children=move |s| view! { <ScenarioCard scenario=s chosen=chosen /> }
                />
            </ul>
        </fieldset>
    }
}

/// One scenario as a card with a radio button.
#[component]
fn ScenarioCard(
    /// The scenario, described.
    scenario: ScenarioView,
    /// The id of the scenario chosen.
    chosen: RwSignal<Option<String>>,
) -> impl IntoView {
    let s = scenario;
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
            </label>
            <p class="muted small">
                {format!(
                    "starts {} · runs up to {} · {} · {}",
                    s.start,
                    s.horizon,
                    count(s.signals, "signal", "signals"),
                    count(s.injects, "inject", "injects"),
                )}
            </p>
        </li>
    }
}
