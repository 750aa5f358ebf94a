//! Sensitivity in the drill room (extras module): which of the ladder's knobs matters most
//! for the chosen scenario. Every step's wait, every tier's timelines and every person's
//! response time are halved and doubled, one at a time, each a whole study with the same
//! seed; the studies are spread over the study workers (one per core) with progress and
//! Cancel, and the result is drawn as a tornado chart, most influential first: the
//! figures `rungs simulate --sensitivity` prints (`rungs_core::whatif::sensitivity`).

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use rungs_core::sim::Summary;
use rungs_core::study::parse_inputs;
use rungs_core::whatif::sensitivity::{self, Tornado};

use crate::platform::extras::Host;
use crate::platform::study_worker::{Block, Request, Studied};
use crate::platform::worker::{fill, parallelism, Drawn, Heard, Slot};
use crate::testid;

/// The most runs a sensitivity study makes in all (runs × studies), so a large ladder
/// cannot keep the workers busy for minutes.
pub const MAX_TOTAL_RUNS: u64 = 2_000_000;

/// How many bars show before "Show all".
const SHOWN: usize = 12;

/// Where the study is.
#[derive(Clone)]
enum State {
    Idle,
    Running { done: u64, total: u64 },
    Cancelled,
    Failed(String),
    Done(Arc<Tornado>),
}

/// The sensitivity panel for scenario `scenario` (an id of the open ladder's).
#[component]
pub fn SensitivityPanel(
    /// The page's document.
    host: Host,
    /// The scenario's id.
    scenario: String,
) -> impl IntoView {
    let text = host.text();
    let ladder = match rungs_core::parse_ladder(&text) {
        Ok(l) => l,
        Err(e) => {
            return view! { <p class="field-msg error" role="alert">{format!("The ladder does not read: {e}")}</p> }
                .into_any()
        }
    };
    let Some(doc) = ladder
        .scenarios
        .iter()
        .find(|s| s.id.as_str() == scenario)
        .map(|s| s.to_document())
    else {
        return view! { <p class="muted">"Choose a scenario above to see which knob matters most for it."</p> }
            .into_any();
    };
    let plan = sensitivity::plan(&ladder);
    let studies = 2 * plan.knobs.len() as u64 + 1;
    let runs_text = RwSignal::new("200".to_string());
    let seed_text = RwSignal::new(String::new());
    let state = RwSignal::new(State::Idle);
    let input_error = RwSignal::new(None::<String>);
    let slots = StoredValue::new_local(Vec::<Slot>::new());
    on_cleanup(move || slots.set_value(Vec::new()));
    let ladder = Arc::new(ladder);
    let for_chart = ladder.clone();
    let plan = Rc::new(plan);
    let (text, seed0) = (Rc::new(text), doc.seed);

    let start = {
        let (ladder, plan, text, scenario) =
            (ladder.clone(), plan.clone(), text.clone(), scenario.clone());
        move |_| {
            let (runs, seed) =
                match parse_inputs(&runs_text.get_untracked(), &seed_text.get_untracked()) {
                    Ok(v) => v,
                    Err(e) => {
                        input_error.set(Some(e));
                        return;
                    }
                };
            let total = u64::from(runs) * studies;
            if total > MAX_TOTAL_RUNS {
                input_error.set(Some(format!(
                    "{studies} studies of {runs} runs would be {} runs; choose at most {} runs per study.",
                    rungs_core::text::group_thousands(total),
                    rungs_core::text::group_thousands(MAX_TOTAL_RUNS / studies),
                )));
                return;
            }
            input_error.set(None);
            let study = Block {
                ladder: text.to_string(),
                scenario: scenario.clone(),
                seed,
                runs,
                first: 0,
                end: runs,
            };
            // items round-robin over the workers: each gets whole studies
            let workers = parallelism().max(1).min(studies as u32) as usize;
            let mut shares = vec![Vec::new(); workers];
            for item in 0..studies as u32 {
                shares[item as usize % workers].push(item);
            }
            let mut fresh = Vec::new();
            if let Err(e) = fill(&mut fresh, workers) {
                state.set(State::Failed(e));
                return;
            }
            state.set(State::Running { done: 0, total });
            let made = Rc::new(RefCell::new(vec![0u64; workers]));
            // the progress is drawn at most every PROGRESS_REDRAW_MS, whichever worker reports
            let drawn = Drawn::default();
            let results: Rc<RefCell<Vec<Option<Vec<Studied>>>>> =
                Rc::new(RefCell::new(vec![None; workers]));
            let stop =
                move || leptos::task::spawn_local(async move { slots.set_value(Vec::new()) });
            for (k, (slot, items)) in fresh.iter_mut().zip(shares).enumerate() {
                let request = Request::Sensitivity {
                    study: study.clone(),
                    items,
                };
                let request = serde_json::to_string(&request).expect("serialisable");
                let (made, drawn, results, ladder, plan) = (
                    made.clone(),
                    drawn.clone(),
                    results.clone(),
                    ladder.clone(),
                    plan.clone(),
                );
                slot.run(request, move |heard| {
                    if !matches!(state.get_untracked(), State::Running { .. }) {
                        return;
                    }
                    match heard {
                        Heard::Progress(done) => {
                            made.borrow_mut()[k] = u64::from(done);
                            if drawn.due() {
                                state.set(State::Running {
                                    done: made.borrow().iter().sum(),
                                    total,
                                });
                            }
                        }
                        Heard::Done(json, _) => {
                            match serde_json::from_str::<Vec<Studied>>(&json) {
                                Ok(part) => results.borrow_mut()[k] = Some(part),
                                Err(e) => {
                                    state.set(State::Failed(e.to_string()));
                                    stop();
                                    return;
                                }
                            }
                            let all: Option<Vec<Studied>> = results
                                .borrow()
                                .iter()
                                .cloned()
                                .collect::<Option<Vec<_>>>()
                                .map(|v| v.into_iter().flatten().collect());
                            if let Some(all) = all {
                                state.set(match tornado(&ladder, &plan, all) {
                                    Ok(t) => State::Done(Arc::new(t)),
                                    Err(e) => State::Failed(e),
                                });
                                stop();
                            }
                        }
                        Heard::Summary(..) | Heard::Ran(_) | Heard::Tally(_) => {}
                        Heard::Failed(message) | Heard::Crashed(message) => {
                            state.set(State::Failed(format!(
                                "The sensitivity study stopped: {message}"
                            )));
                            stop();
                        }
                    }
                });
            }
            slots.set_value(fresh);
        }
    };
    let cancel = move |_| {
        slots.set_value(Vec::new());
        state.set(State::Cancelled);
    };
    let running = move || matches!(state.get(), State::Running { .. });
    let knobs = plan.knobs.len();
    let capped = plan.capped;
    view! {
        <div class="sensitivity" data-testid=testid::SENSITIVITY data-state=move || match state.get() {
            State::Idle => "idle",
            State::Running { .. } => "running",
            State::Cancelled => "cancelled",
            State::Failed(_) => "failed",
            State::Done(_) => "done",
        }>
            <p class="muted small">
                {format!(
                    "{} of this ladder, each halved and then doubled: {} studies of the runs below, with the same seed, spread over the study workers. The chart orders them by how far they move breaches per incident.",
                    rungs_core::text::count(knobs, "knob", "knobs"),
                    studies
                )}
                {capped.map(|n| format!(" The ladder has {n} knobs; the first {} are varied.", sensitivity::MAX_KNOBS))}
            </p>
            <div class="study-controls">
                <label>
                    "Runs per study "
                    <input
                        type="text"
                        inputmode="numeric"
                        data-testid=testid::SENSITIVITY_RUNS
                        prop:value=runs_text
                        on:input=move |ev| runs_text.set(event_target_value(&ev))
                    />
                </label>
                <label>
                    "Seed "
                    <input
                        type="text"
                        inputmode="numeric"
                        placeholder=seed0.to_string()
                        prop:value=seed_text
                        on:input=move |ev| seed_text.set(event_target_value(&ev))
                    />
                </label>
                <button class="button" data-testid=testid::SENSITIVITY_START on:click=start disabled=running>
                    "Find what matters most"
                </button>
                <button class="button" on:click=cancel disabled=move || !running()>"Cancel"</button>
            </div>
            {move || input_error.get().map(|e| view! { <p class="field-msg error" role="alert">{e}</p> })}
            {move || match state.get() {
                State::Idle => ().into_any(),
                State::Running { done, total } => view! {
                    <p role="status">
                        <progress max=total.to_string() value=done.to_string()></progress>
                        {format!(
                            " {} of {} runs",
                            rungs_core::text::group_thousands(done),
                            rungs_core::text::group_thousands(total)
                        )}
                    </p>
                }
                .into_any(),
                State::Cancelled => view! { <p role="status">"Cancelled."</p> }.into_any(),
                State::Failed(e) => view! { <p class="field-msg error" role="alert">{e}</p> }.into_any(),
                State::Done(t) => view! { <TornadoChart tornado=t ladder=for_chart.clone() /> }.into_any(),
            }}
        </div>
    }
    .into_any()
}

/// The tornado from every item's study (in any order).
fn tornado(
    ladder: &rungs_core::Ladder,
    plan: &sensitivity::Plan,
    mut all: Vec<Studied>,
) -> Result<Tornado, String> {
    all.sort_by_key(|(item, _)| *item);
    let mut results: Vec<Result<Summary, String>> = all.into_iter().map(|(_, r)| r).collect();
    if results.len() != 2 * plan.knobs.len() + 1 {
        return Err("a study of the plan is missing".into());
    }
    let baseline = results
        .remove(0)
        .map_err(|e| format!("The ladder cannot be studied: {e}"))?;
    Ok(sensitivity::tornado(plan, ladder, &baseline, &results))
}

/// Where a share of the bar's half-width (-1 to 1) lands in a bar's SVG (0 to 100, the
/// baseline at 50, a margin at each end).
fn at(share: f64) -> f64 {
    50.0 + share * 48.0
}

/// The tornado chart, most influential knob first: a row per knob with its name, its
/// bar around the baseline (the halved and doubled ladders marked) and both values in
/// words, so a phone shows it as readably as a wide screen; and a table of the same.
#[component]
fn TornadoChart(tornado: Arc<Tornado>, ladder: Arc<rungs_core::Ladder>) -> impl IntoView {
    let bars = tornado.bars(&ladder);
    let all = RwSignal::new(false);
    let count = bars.len();
    let baseline = format!("{:.4}", tornado.baseline);
    let note = tornado.note.clone();
    let bars = Arc::new(bars);
    let rows = {
        let bars = bars.clone();
        move || {
            bars.iter()
                .take(if all.get() { count } else { SHOWN })
                .map(|b| {
                    let mark = |share: Option<f64>, class: &'static str| {
                        share.map(|s| {
                            view! {
                                <rect class=class x=format!("{:.2}", at(s) - 0.6) y="0" width="1.2" height="10" />
                            }
                        })
                    };
                    view! {
                        <li
                            class="tornado-row"
                            data-testid=testid::TORNADO_ROW
                            data-label=b.key.clone()
                            data-influence=b.influence.clone()
                        >
                            <span class="tornado-label">
                                {b.label.clone()}
                                <span class="muted">{format!(" ({})", b.value)}</span>
                            </span>
                            <svg class="tornado-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                                <rect
                                    class="bar"
                                    x=format!("{:.2}", at(b.lo))
                                    y="2"
                                    width=format!("{:.2}", (at(b.hi) - at(b.lo)).max(0.4))
                                    height="6"
                                />
                                <line class="baseline" x1="50" x2="50" y1="0" y2="10" vector-effect="non-scaling-stroke" />
                                {mark(b.halved_at, "mark halved")}
                                {mark(b.doubled_at, "mark doubled")}
                            </svg>
                            <span class="tornado-values small muted">
                                {format!("½ {} · 2× {} · influence {}", b.halved, b.doubled, b.influence)}
                            </span>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let table = bars
        .iter()
        .map(|b| {
            view! {
                <tr>
                    <th scope="row">{format!("{} ({})", b.label, b.value)}</th>
                    <td>{b.halved.clone()}</td>
                    <td>{b.doubled.clone()}</td>
                    <td>{b.influence.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="tornado-figure">
            <figcaption>
                <strong>"What moves breaches per incident most"</strong>
                <span class="muted small">
                    {format!(
                        " · baseline {baseline}, the dashed line · each bar spans the lowest to the highest of the baseline, the knob halved (light mark) and doubled (dark mark)"
                    )}
                </span>
            </figcaption>
            <ol class="tornado">{rows}</ol>
            {note.map(|n| view! { <p class="muted small">{n}</p> })}
            {(count > SHOWN)
                .then(|| {
                    view! {
                        <button class="button small" on:click=move |_| all.update(|a| *a = !*a)>
                            {move || {
                                if all.get() {
                                    format!("Show the first {SHOWN}")
                                } else {
                                    format!("Show all {count} knobs")
                                }
                            }}
                        </button>
                    }
                })}
            <details class="trend-table">
                <summary>"The same as a table"</summary>
                <table class="whatif-table">
                    <thead>
                        <tr>
                            <th scope="col">"Knob"</th>
                            <th scope="col">"Halved"</th>
                            <th scope="col">"Doubled"</th>
                            <th scope="col">"Influence"</th>
                        </tr>
                    </thead>
                    <tbody>{table}</tbody>
                </table>
            </details>
        </figure>
    }
}
