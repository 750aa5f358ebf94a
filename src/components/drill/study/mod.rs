//! The Monte Carlo study of the drill room: many runs of one scenario in a Web Worker,
//! with a progress bar, a Cancel button and the summary as histograms and tables. The
//! numbers are the command line's (`rungs simulate --runs N --seed S --format json`).

mod results;

use leptos::prelude::*;
use rungs_core::sim::Summary;
use rungs_core::study::{parse_runs, parse_seed};
use rungs_core::Ladder;

use crate::platform::study_worker::Request;
use crate::platform::worker::{Health, Heard, Slot};
use crate::state::study_room::{Outcome, State, StudyRoom};
use crate::testid;
use results::Results;

/// Runs a Monte Carlo study of one of the ladder's scenarios in a Web Worker and shows
/// its summary. Mount it with the document's ladder and the chosen scenario's id.
#[component]
pub fn Study(
    /// The ladder to study.
    #[prop(into)]
    ladder: Signal<Ladder>,
    /// The id of the chosen embedded scenario (`ladder.scenarios[].id`); `None` before a
    /// choice.
    #[prop(into)]
    scenario: Signal<Option<String>>,
) -> impl IntoView {
    let room = crate::state::drill_room::DrillRoom::current().study;
    let StudyRoom {
        runs_text,
        seed_text,
        state,
        total,
        outcome,
    } = room;
    let input_error = RwSignal::new(None::<String>);
    let slot = StoredValue::new_local(Slot::spawn().ok());
    on_cleanup(move || {
        // the worker goes with the panel: a study under way stops, and says so on return
        if matches!(state.get_untracked(), State::Running(_)) {
            state.set(State::Failed(
                "Stopped when you left the drill room; the last finished study is below. Start it again to run it."
                    .into(),
            ));
        }
        slot.set_value(None)
    });

    let scenario_seed = Memo::new(move |_| {
        let id = scenario.get()?;
        ladder.with(|l| {
            l.scenarios
                .iter()
                .find(|s| s.id.as_str() == id)
                .map(|s| s.seed)
        })
    });

    let start = move |_| {
        let Some(id) = scenario.get_untracked() else {
            input_error.set(Some("Choose a scenario first.".into()));
            return;
        };
        let checked = parse_runs(&runs_text.get_untracked())
            .and_then(|runs| parse_seed(&seed_text.get_untracked()).map(|seed| (runs, seed)));
        let (runs, seed) = match checked {
            Ok(v) => v,
            Err(e) => {
                input_error.set(Some(e));
                return;
            }
        };
        input_error.set(None);
        let name = scenario_name(ladder, &id);
        let request = Request {
            ladder: ladder.with_untracked(rungs_core::to_canonical_json),
            scenario: id.clone(),
            seed,
            runs,
        };
        let request = serde_json::to_string(&request).expect("serialisable");
        let started = js_sys::Date::now();
        // the waiting worker, or a new one if it is gone or broken
        let kept = slot
            .try_update_value(Option::take)
            .flatten()
            .filter(|s| s.health.get() != Health::Broken);
        let mut worker = match kept.map_or_else(Slot::spawn, Ok) {
            Ok(w) => w,
            Err(e) => {
                state.set(State::Failed(format!(
                    "The study worker could not start: {e}"
                )));
                return;
            }
        };
        worker.run(request, move |heard| match heard {
            Heard::Progress(done) => state.set(State::Running(done)),
            Heard::Done(json, compute_ms) => {
                let elapsed_ms = js_sys::Date::now() - started;
                match serde_json::from_str::<Summary>(&json) {
                    Ok(summary) => {
                        outcome.set(Some(Outcome {
                            scenario: name.clone(),
                            summary,
                            json,
                            elapsed_ms,
                            compute_ms,
                        }));
                        state.set(State::Done);
                    }
                    Err(e) => state.set(State::Failed(e.to_string())),
                }
            }
            Heard::Failed(message) => state.set(State::Failed(message)),
            Heard::Crashed(message) => {
                // a worker that fails while waiting does not undo the last result
                if matches!(state.get_untracked(), State::Running(_)) {
                    state.set(State::Failed(format!("The study stopped: {message}")));
                }
                // Dropping the slot terminates the worker and frees this handler: do it
                // after the handler returns.
                leptos::task::spawn_local(async move { slot.set_value(None) });
            }
        });
        total.set(runs);
        state.set(State::Running(0));
        slot.set_value(Some(worker));
    };

    let cancel = move |_| {
        // terminate the busy worker; a fresh one waits for the next study
        slot.set_value(None);
        slot.set_value(Slot::spawn().ok());
        state.set(State::Cancelled);
    };

    let is_running = Memo::new(move |_| matches!(state.get(), State::Running(_)));

    view! {
        <section
            class="panel study"
            aria-labelledby="study-h"
            data-testid=testid::STUDY
            data-state=move || state.with(State::name)
        >
            <h2 id="study-h">"Monte Carlo study"</h2>
            <p class="muted small" data-testid=testid::STUDY_SCENARIO>
                {move || match scenario.get() {
                    Some(id) => format!("Scenario: {}", scenario_name(ladder, &id)),
                    None => "Choose a scenario to study.".to_string(),
                }}
            </p>
            <div class="study-controls">
                <label>
                    "Runs "
                    <input
                        type="number"
                        min="100"
                        max="100000"
                        step="100"
                        data-testid=testid::STUDY_RUNS
                        prop:value=move || runs_text.get()
                        on:input=move |e| runs_text.set(event_target_value(&e))
                    />
                </label>
                <label>
                    "Seed "
                    <input
                        type="number"
                        min="0"
                        data-testid=testid::STUDY_SEED
                        placeholder=move || {
                            scenario_seed
                                .get()
                                .map_or(String::new(), |s| format!("{s} (the scenario's)"))
                        }
                        prop:value=move || seed_text.get()
                        on:input=move |e| seed_text.set(event_target_value(&e))
                    />
                </label>
                <button
                    class="button primary"
                    data-testid=testid::STUDY_START
                    disabled=move || is_running.get() || scenario.with(Option::is_none)
                    on:click=start
                >
                    "Start"
                </button>
                <button
                    class="button secondary"
                    data-testid=testid::STUDY_CANCEL
                    disabled=move || !is_running.get()
                    on:click=cancel
                >
                    "Cancel"
                </button>
            </div>
            {move || {
                input_error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field-error" role="alert" data-testid=testid::STUDY_ERROR>
                                {e}
                            </p>
                        }
                    })
            }}
            <StudyProgress room=room />
            {move || outcome.get().map(|o| view! { <Results outcome=o ladder=ladder /> })}
        </section>
    }
}

/// The study's progress bar and status line.
#[component]
fn StudyProgress(
    /// The study's state for the session.
    room: StudyRoom,
) -> impl IntoView {
    let StudyRoom { state, total, .. } = room;
    view! {
        <div class="study-progress">
            <progress
                data-testid=testid::STUDY_PROGRESS
                aria-label="Runs made"
                max=move || total.get().max(1).to_string()
                value=move || match state.get() {
                    State::Running(d) => d.to_string(),
                    State::Done => total.get().to_string(),
                    _ => "0".to_string(),
                }
            ></progress>
            // the times for measurement scripts (docs/performance.md), not for reading
            <span
                class="muted small"
                role="status"
                data-testid=testid::STUDY_STATUS
                data-elapsed-ms=move || room.outcome.with(|o| o.as_ref().map(|o| format!("{:.0}", o.elapsed_ms)))
                data-worker-ms=move || room.outcome.with(|o| o.as_ref().map(|o| format!("{:.0}", o.compute_ms)))
            >
                {move || room.status()}
            </span>
        </div>
    }
}

/// The name of the ladder's scenario `id` (its id when it has none).
fn scenario_name(ladder: Signal<Ladder>, id: &str) -> String {
    ladder.with(|l| rungs_core::overview::find_name(&l.scenarios, id))
}
