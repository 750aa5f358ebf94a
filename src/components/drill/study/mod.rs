//! The Monte Carlo study of the drill room: many runs of one scenario dealt in blocks to
//! one Web Worker per core, with a progress bar, a Cancel button and the summary as
//! histograms and tables. The numbers are the command line's (`rungs simulate --runs N
//! --seed S --format json`), however the runs were split.

pub mod results;

use leptos::prelude::*;
use rungs_core::sim::Summary;
use rungs_core::study::parse_inputs;
use rungs_core::Ladder;

use std::cell::RefCell;
use std::rc::Rc;

use crate::platform::extras::Host;
use crate::platform::study_worker::{Block, Request};
use crate::platform::worker::{fill, parallelism, send, Drawn, Health, Heard, Slot};
use crate::state::study_room::{Outcome, State, StudyRoom};
use crate::testid;
use rungs_core::sim::{Deal, Dealer};
use web_sys::Worker;

/// Runs a Monte Carlo study of one of the ladder's scenarios in Web Workers and shows
/// its summary (drawn by the extras module). Mount it with the document's ladder and the
/// chosen scenario's id.
#[component]
pub fn Study(
    /// The page, through which a finished study joins the drill log.
    host: Host,
    /// The study's inputs, state and last result, kept for the session.
    room: StudyRoom,
    /// The ladder to study.
    #[prop(into)]
    ladder: Signal<Ladder>,
    /// The id of the chosen embedded scenario (`ladder.scenarios[].id`); `None` before a
    /// choice.
    #[prop(into)]
    scenario: Signal<Option<String>>,
) -> impl IntoView {
    let host = StoredValue::new_local(host);
    let StudyRoom {
        runs_text,
        seed_text,
        state,
        total,
        outcome,
    } = room;
    let input_error = RwSignal::new(None::<String>);
    // one worker per core, waiting for a study
    let spawn = || {
        (0..parallelism())
            .filter_map(|_| Slot::spawn().ok())
            .collect::<Vec<_>>()
    };
    let pool = StoredValue::new_local(spawn());
    on_cleanup(move || {
        // the workers go with the panel: a study under way stops, and says so on return
        if matches!(state.get_untracked(), State::Running(_)) {
            state.set(State::Failed(
                "Stopped when you left the drill room; the last finished study is below. Start it again to run it."
                    .into(),
            ));
        }
        pool.set_value(Vec::new())
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
        let (runs, seed) =
            match parse_inputs(&runs_text.get_untracked(), &seed_text.get_untracked()) {
                Ok(v) => v,
                Err(e) => {
                    input_error.set(Some(e));
                    return;
                }
            };
        input_error.set(None);
        let name = scenario_name(ladder, &id);
        let study = Block::study(
            ladder.with_untracked(rungs_core::to_canonical_json),
            id,
            seed,
            runs,
        );
        let (dealer, first) = Dealer::new(runs, parallelism());
        let started = js_sys::Date::now();
        // the waiting workers, and new ones for those gone or broken
        let mut slots: Vec<Slot> = pool
            .try_update_value(std::mem::take)
            .unwrap_or_default()
            .into_iter()
            .filter(|s| s.health.get() != Health::Broken)
            .collect();
        if let Err(e) = fill(&mut slots, first.len()) {
            state.set(State::Failed(e));
            return;
        }
        let workers: Rc<Vec<Worker>> = Rc::new(slots.iter().map(|s| s.worker.clone()).collect());
        let dealer = Rc::new(RefCell::new(dealer));
        // per worker: the tally it handed in, and its own time on the study's blocks
        let tallies = Rc::new(RefCell::new(vec![None::<String>; first.len()]));
        let compute = Rc::new(RefCell::new(vec![0f64; first.len()]));
        // the progress is drawn at most every PROGRESS_REDRAW_MS, whichever worker reports
        let drawn = Drawn::default();
        // stops every worker (after the handler that asks returns: dropping a slot frees
        // its handlers); fresh ones are started at the next Start
        let stop_all = move || leptos::task::spawn_local(async move { pool.set_value(Vec::new()) });
        // workers the study has no block for (a small one) wait, deaf to earlier studies
        for slot in slots.iter_mut().skip(first.len()) {
            slot.rest();
        }
        for (k, (slot, part)) in slots.iter_mut().zip(first).enumerate() {
            let request = Request::Run {
                block: study.part(part),
                fresh: true,
            };
            let request = serde_json::to_string(&request).expect("serialisable");
            let (workers, dealer, tallies, compute, drawn, name, study) = (
                workers.clone(),
                dealer.clone(),
                tallies.clone(),
                compute.clone(),
                drawn.clone(),
                name.clone(),
                study.clone(),
            );
            slot.run(request, move |heard| {
                // a worker that reports after the study ended (failed, cancelled) is ignored
                if !matches!(state.get_untracked(), State::Running(_)) {
                    return;
                }
                // what the dealer says a worker does next
                let deal = |deal: Deal| {
                    let request = match deal {
                        Deal::Run(part) => Request::Run {
                            block: study.part(part),
                            fresh: false,
                        },
                        Deal::Hand => Request::Hand {
                            study: study.clone(),
                        },
                        Deal::Merge(from) => {
                            let mut handed = tallies.borrow_mut();
                            let tallies: Option<Vec<String>> =
                                from.iter().map(|&j| handed[j].take()).collect();
                            let merger = dealer.borrow().merger();
                            let (Some(tallies), Some(merger)) = (tallies, merger) else {
                                // the dealer deals one merge, once every tally is in: never
                                // leave the study waiting if that ever breaks
                                state.set(State::Failed(
                                    "The study's workers lost track of their runs; start it again."
                                        .into(),
                                ));
                                return stop_all();
                            };
                            let merge = Request::Merge {
                                study: study.clone(),
                                tallies,
                                kept: true,
                            };
                            return send(&workers[merger], &merge);
                        }
                        Deal::Wait => return,
                    };
                    send(&workers[k], &request);
                };
                // and once every run is made, so the bar is full while the tallies merge
                let show = |made: u32| {
                    if made >= runs || drawn.due() {
                        state.set(State::Running(made))
                    }
                };
                match heard {
                    Heard::Progress(done) => show(dealer.borrow_mut().progress(k, done)),
                    Heard::Ran(ms) => {
                        compute.borrow_mut()[k] += ms;
                        let next = dealer.borrow_mut().ran(k);
                        show(dealer.borrow().made());
                        deal(next);
                    }
                    Heard::Tally(tally) => {
                        tallies.borrow_mut()[k] = Some(tally);
                        let next = dealer.borrow_mut().handed(k);
                        deal(next);
                    }
                    Heard::Summary(json, ms) => match serde_json::from_str::<Summary>(&json) {
                        Ok(summary) => {
                            // it joins the drill log, with the version it ran on
                            host.with_value(|h| {
                                h.log_drilled(|version| {
                                    Some(ladder.with_untracked(|l| {
                                        rungs_core::drill::study_record(
                                            l,
                                            &name,
                                            &summary,
                                            js_sys::Date::now(),
                                            version,
                                        )
                                    }))
                                })
                            });
                            let slowest = compute.borrow().iter().copied().fold(0.0, f64::max);
                            outcome.set(Some(Outcome {
                                scenario: name.clone(),
                                summary,
                                json,
                                elapsed_ms: js_sys::Date::now() - started,
                                compute_ms: slowest + ms,
                            }));
                            state.set(State::Done);
                        }
                        Err(e) => state.set(State::Failed(e.to_string())),
                    },
                    // a sensitivity study's answer; a study never asks for one
                    Heard::Done(..) => {}
                    Heard::Failed(message) => {
                        state.set(State::Failed(message));
                        stop_all();
                    }
                    Heard::Crashed(message) => {
                        state.set(State::Failed(format!("The study stopped: {message}")));
                        stop_all();
                    }
                }
            });
        }
        total.set(runs);
        state.set(State::Running(0));
        pool.set_value(slots);
    };

    let cancel = move |_| {
        // terminate the busy workers; fresh ones wait for the next study
        pool.set_value(Vec::new());
        pool.set_value(spawn());
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
            {move || {
                outcome
                    .get()
                    .map(|o| {
                        view! {
                            <div class="study-results" data-testid=testid::STUDY_RESULTS>
                                <results::StudyResults host=host.get_value() json=o.json.clone() />
                                <details>
                                    <summary>
                                        "Summary as JSON (as rungs simulate --format json prints it)"
                                    </summary>
                                    <pre data-testid=testid::STUDY_JSON>{o.json}</pre>
                                </details>
                            </div>
                        }
                    })
            }}
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
