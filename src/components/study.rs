//! The Monte Carlo study of the drill room: many runs of one scenario in a Web Worker,
//! with a progress bar, a Cancel button and the summary as histograms and tables. The
//! numbers are the command line's (`rungs simulate --runs N --seed S --format json`).

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use rungs_core::overview::find_name;
use rungs_core::sim::{format_secs as secs, FigureStats, Summary, HISTOGRAM_BINS};
use rungs_core::Ladder;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use crate::study_worker::{self, Reply, Request};
use crate::testid;

/// Where a study stands.
#[derive(Debug, Clone, PartialEq)]
enum State {
    Idle,
    /// Waiting for the worker or running; runs made so far.
    Running(u32),
    Done,
    Cancelled,
    Failed(String),
}

impl State {
    fn name(&self) -> &'static str {
        match self {
            State::Idle => "idle",
            State::Running(_) => "running",
            State::Done => "done",
            State::Cancelled => "cancelled",
            State::Failed(_) => "failed",
        }
    }
}

/// A finished study.
#[derive(Debug, Clone, PartialEq)]
struct Outcome {
    scenario: String,
    summary: Summary,
    /// The summary's JSON, exactly as the command line prints it.
    json: String,
    /// From Start to the summary, as the user waited (worker start-up included).
    elapsed_ms: f64,
    /// The worker's own time.
    compute_ms: f64,
}

/// Whether a worker can take a study.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Health {
    /// Still loading its wasm: a request posted now would be lost.
    Loading,
    /// It said Ready.
    Ready,
    /// It failed to load or crashed.
    Broken,
}

/// The study worker and the handlers it answers to (dropped together, which terminates
/// it). One is kept between studies: started when the panel opens, so its wasm is
/// compiled before the first Start, and reused, so later studies run on code the browser
/// has already optimised. Cancelling or a crash replaces it.
struct Slot {
    worker: Worker,
    health: Rc<Cell<Health>>,
    on_message: Closure<dyn FnMut(MessageEvent)>,
    on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Slot {
    /// Starts a worker that waits for a study.
    fn spawn() -> Result<Slot, String> {
        let worker = Worker::new(study_worker::WORKER_URL)
            .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
        let health = Rc::new(Cell::new(Health::Loading));
        let mut slot = Slot {
            worker,
            health: health.clone(),
            on_message: Closure::new(|_: MessageEvent| {}),
            on_error: Closure::new(|_: web_sys::Event| {}),
        };
        let ready = health.clone();
        slot.listen(
            Closure::new(move |e: MessageEvent| {
                if reply(&e) == Some(Reply::Ready) {
                    ready.set(Health::Ready);
                }
            }),
            Closure::new(move |_: web_sys::Event| health.set(Health::Broken)),
        );
        Ok(slot)
    }

    /// Hands the worker's messages and errors to new handlers (the old ones are dropped
    /// after the new ones are in place).
    fn listen(
        &mut self,
        on_message: Closure<dyn FnMut(MessageEvent)>,
        on_error: Closure<dyn FnMut(web_sys::Event)>,
    ) {
        self.worker
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        self.worker
            .set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.on_message = on_message;
        self.on_error = on_error;
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        // the handlers are freed with the slot: the worker must not call them after
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// A worker's message, read.
fn reply(e: &MessageEvent) -> Option<Reply> {
    e.data()
        .as_string()
        .and_then(|t| serde_json::from_str::<Reply>(&t).ok())
}

/// Reads the runs field: a whole number in [`study_worker::RUNS`] (separators allowed).
fn parse_runs(text: &str) -> Result<u32, String> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    match digits.parse::<u32>() {
        Ok(n) if study_worker::RUNS.contains(&n) => Ok(n),
        _ => Err("Choose a whole number of runs from 100 to 100,000.".to_string()),
    }
}

/// Reads the seed field: empty for the scenario's seed, else a whole number.
fn parse_seed(text: &str) -> Result<Option<u64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u64>()
        .map(Some)
        .map_err(|_| "The seed is a whole number from 0 (or empty for the scenario's).".into())
}

fn percent(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}

/// A study's inputs, state and last result, kept for the session with the drill room
/// (see [`crate::components::drill_room::DrillRoom`]), so leaving the drill room and
/// coming back finds them. A study running when the room is left is stopped (its worker
/// goes with the panel) and says so on return.
#[derive(Clone, Copy)]
pub struct StudyRoom {
    runs_text: RwSignal<String>,
    seed_text: RwSignal<String>,
    state: RwSignal<State>,
    total: RwSignal<u32>,
    outcome: RwSignal<Option<Outcome>>,
}

impl StudyRoom {
    /// No study yet.
    pub fn new() -> Self {
        StudyRoom {
            runs_text: RwSignal::new("1000".to_string()),
            seed_text: RwSignal::new(String::new()),
            state: RwSignal::new(State::Idle),
            total: RwSignal::new(0),
            outcome: RwSignal::new(None),
        }
    }

    /// Forgets the study (another ladder opened).
    pub fn clear(&self) {
        self.state.set(State::Idle);
        self.total.set(0);
        self.outcome.set(None);
    }
}

impl Default for StudyRoom {
    fn default() -> Self {
        Self::new()
    }
}

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
    let StudyRoom {
        runs_text,
        seed_text,
        state,
        total,
        outcome,
    } = crate::components::drill_room::DrillRoom::current().study;
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
        let on_message = {
            let (handle, health) = (worker.worker.clone(), worker.health.clone());
            let request = request.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| match reply(&e) {
                Some(Reply::Ready) => {
                    health.set(Health::Ready);
                    let _ = handle.post_message(&JsValue::from_str(&request));
                }
                Some(Reply::Progress { done }) => state.set(State::Running(done)),
                Some(Reply::Done {
                    summary: json,
                    compute_ms,
                }) => {
                    let elapsed_ms = js_sys::Date::now() - started;
                    match serde_json::from_str::<Summary>(&json) {
                        Ok(summary) => {
                            outcome.set(Some(Outcome {
                                scenario: id.clone(),
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
                Some(Reply::Failed { message }) => state.set(State::Failed(message)),
                None => {}
            })
        };
        let on_error = {
            let health = worker.health.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                let message = e
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(|e| e.message())
                    .unwrap_or_else(|| "the study worker could not be loaded".into());
                health.set(Health::Broken);
                // a worker that fails while waiting does not undo the last result
                if matches!(state.get_untracked(), State::Running(_)) {
                    state.set(State::Failed(format!("The study stopped: {message}")));
                }
                // Dropping the slot terminates the worker and frees this handler: do it
                // after the handler returns.
                leptos::task::spawn_local(async move { slot.set_value(None) });
            })
        };
        worker.listen(on_message, on_error);
        if worker.health.get() == Health::Ready {
            let _ = worker.worker.post_message(&JsValue::from_str(&request));
        }
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
    let status = move || {
        match state.get() {
        State::Idle => String::new(),
        State::Running(done) => format!("{done} of {} runs", total.get()),
        State::Cancelled => "Cancelled.".into(),
        State::Failed(e) => e,
        State::Done => outcome.with(|o| {
            o.as_ref().map_or(String::new(), |o| {
                let runs = f64::from(o.summary.runs);
                let stopped = o.summary.budget_exhausted_runs;
                let budget = if stopped > 0 {
                    format!(
                        ". {} of them stopped after {} events, the per-run event budget: the ladder pages without end, and their figures are cut short",
                        rungs_core::text::group_thousands(u64::from(stopped)),
                        rungs_core::text::group_thousands(rungs_core::sim::EVENT_BUDGET)
                    )
                } else {
                    String::new()
                };
                format!(
                    "{} runs of {} (seed {}) in {:.2} s ({:.0} runs/s; {:.0} ms in the worker){budget}",
                    o.summary.runs,
                    o.scenario,
                    o.summary.seed,
                    o.elapsed_ms / 1000.0,
                    runs / (o.elapsed_ms / 1000.0).max(1e-3),
                    o.compute_ms
                )
            })
        }),
    }
    };

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
                    Some(id) => format!("Scenario {id}"),
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
                <span class="muted small" role="status" data-testid=testid::STUDY_STATUS>
                    {status}
                </span>
            </div>
            {move || outcome.get().map(|o| view! { <Results outcome=o ladder=ladder /> })}
        </section>
    }
}

/// The summary of a finished study.
#[component]
fn Results(
    /// The study.
    outcome: Outcome,
    /// The ladder (for tier names and order).
    ladder: Signal<Ladder>,
) -> impl IntoView {
    let s = outcome.summary;
    let tiers: Vec<(String, String)> = ladder.with_untracked(|l| {
        let mut t: Vec<_> = l.tiers.iter().collect();
        t.sort_by_key(|t| t.rank);
        t.iter()
            .map(|t| (t.id.to_string(), t.name.clone()))
            .collect()
    });
    // The summary names tiers and people by id, as the command line does; the page
    // shows names.
    let tier_name = move |id: &str| ladder.with_untracked(|l| find_name(&l.tiers, id));
    let person_name = move |id: &str| ladder.with_untracked(|l| find_name(&l.people, id));
    let figures = [
        ("time_to_acknowledge", "Time to acknowledge"),
        ("time_to_contain", "Time to contain"),
        ("time_to_resolve", "Time to resolve"),
        ("time_to_first_update", "Time to first update"),
    ];
    let timelines = ["acknowledge", "contain", "resolve", "first_update"];
    let incidents = s.incidents;
    let histograms = figures
        .iter()
        .filter_map(|(key, title)| {
            s.figures
                .get(*key)
                .map(|f| view! { <Histogram title=*title figure=f.clone() incidents=incidents /> })
        })
        .collect_view();
    let breach_rows = tiers
        .iter()
        .map(|(id, name)| {
            let per = s.breach_rate.get(id).cloned().unwrap_or_default();
            view! {
                <tr>
                    <th scope="row">{name.clone()}</th>
                    {timelines
                        .iter()
                        .map(|tl| view! { <td>{percent(per.get(*tl).copied().unwrap_or(0.0))}</td> })
                        .collect_view()}
                    <td>{percent(s.exhausted_rate.get(id).copied().unwrap_or(0.0))}</td>
                </tr>
            }
        })
        .collect_view();
    let exhausted = if s.exhausted_rate.is_empty() {
        "No policy ran out.".to_string()
    } else {
        s.exhausted_rate
            .iter()
            .map(|(t, r)| format!("{}: {}", tier_name(t), percent(*r)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let page_rows = s
        .pages_per_person
        .iter()
        .map(|(p, r)| {
            let off = s.off_hours_pages_per_person.get(p).copied().unwrap_or(0.0);
            view! {
                <tr>
                    <th scope="row">{person_name(p)}</th>
                    <td>{format!("{r:.3}")}</td>
                    <td>{format!("{off:.3}")}</td>
                </tr>
            }
        })
        .collect_view();
    let precursors = if s.breach_precursor.is_empty() {
        view! { <li>"No breaches."</li> }.into_any()
    } else {
        s.breach_precursor
            .iter()
            .map(|(tier, p)| {
                let what = match (&p.tier, p.step) {
                    (Some(t), Some(k)) => {
                        format!("{} step {k} ({})", tier_name(t), p.targets.join(", "))
                    }
                    _ => "no page yet".to_string(),
                };
                view! {
                    <li>
                        <strong>{tier_name(tier)}</strong>
                        {format!(
                            ": {what}, before {} of its breaches ({})",
                            p.breaches,
                            percent(p.share),
                        )}
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="study-results" data-testid=testid::STUDY_RESULTS>
            <p>
                {format!(
                    "{} runs, seeds {}..{}: an incident was detected in {}.",
                    s.runs,
                    s.seed,
                    s.seed.wrapping_add(u64::from(s.runs).saturating_sub(1)),
                    s.incidents,
                )}
            </p>
            <div class="study-histograms">{histograms}</div>
            <h3>"Breach rate per tier and timeline"</h3>
            <div class="table-wrap">
                <table data-testid=testid::STUDY_BREACH_RATES>
                    <thead>
                        <tr>
                            <th scope="col">"Tier"</th>
                            <th scope="col">"Acknowledge"</th>
                            <th scope="col">"Contain"</th>
                            <th scope="col">"Resolve"</th>
                            <th scope="col">"First update"</th>
                            <th scope="col">"Policy exhausted"</th>
                        </tr>
                    </thead>
                    <tbody>{breach_rows}</tbody>
                </table>
            </div>
            <p data-testid=testid::STUDY_EXHAUSTED>"Exhausted rate: " {exhausted}</p>
            <h3>"Most often paged last before a breach"</h3>
            <ul data-testid=testid::STUDY_PRECURSOR>{precursors}</ul>
            <h3>"Pages per incident"</h3>
            <div class="table-wrap">
                <table data-testid=testid::STUDY_PAGES>
                    <thead>
                        <tr>
                            <th scope="col">"Person"</th>
                            <th scope="col">"Pages"</th>
                            <th scope="col">"Off-hours pages (22:00–07:00)"</th>
                        </tr>
                    </thead>
                    <tbody>{page_rows}</tbody>
                </table>
            </div>
            <details>
                <summary>"Summary as JSON (as rungs simulate --format json prints it)"</summary>
                <pre data-testid=testid::STUDY_JSON>{outcome.json}</pre>
            </details>
        </div>
    }
}

/// One figure's distribution as SVG bars, with its target marked.
#[component]
fn Histogram(
    /// Heading.
    title: &'static str,
    /// The figure's statistics and histogram.
    figure: FigureStats,
    /// Detected incidents (for the met-target share).
    incidents: u32,
) -> impl IntoView {
    const W: f64 = 320.0;
    const H: f64 = 120.0;
    const TOP: f64 = 14.0;
    let h = &figure.histogram;
    let range = h.bin_width * HISTOGRAM_BINS as f64;
    let peak = h.counts.iter().copied().max().unwrap_or(0).max(1);
    let bar_w = W / HISTOGRAM_BINS as f64;
    let bars = h
        .counts
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let bh = f64::from(n) / f64::from(peak) * (H - TOP);
            view! {
                <rect
                    class="bar"
                    x=format!("{:.1}", i as f64 * bar_w + 0.5)
                    y=format!("{:.1}", H - bh)
                    width=format!("{:.1}", bar_w - 1.0)
                    height=format!("{bh:.1}")
                >
                    <title>
                        {format!(
                            "{} to {}: {n} runs",
                            secs(Some(i as f64 * h.bin_width)),
                            secs(Some((i + 1) as f64 * h.bin_width)),
                        )}
                    </title>
                </rect>
            }
        })
        .collect_view();
    let target = h.target.map(|t| {
        let x = (t / range * W).min(W - 1.0);
        let label = format!(
            "target {}{}",
            secs(Some(t)),
            h.target_tier
                .as_ref()
                .map_or(String::new(), |tier| format!(" ({tier})"))
        );
        let anchor = if x > W / 2.0 { "end" } else { "start" };
        let tx = if x > W / 2.0 { x - 3.0 } else { x + 3.0 };
        view! {
            <line class="target" x1=format!("{x:.1}") x2=format!("{x:.1}") y1="0" y2=H.to_string()></line>
            <text class="target-label" x=format!("{tx:.1}") y="10" text-anchor=anchor>
                {label}
            </text>
        }
    });
    let met = figure
        .met_target
        .map_or("—".to_string(), |m| format!("{:.1}%", m * 100.0));
    let caption = format!(
        "median {}, p90 {}, p99 {}; reached in {} of {} incidents; within target {}{}",
        secs(figure.median),
        secs(figure.p90),
        secs(figure.p99),
        figure.reached,
        incidents,
        met,
        if h.over > 0 {
            format!("; {} beyond the chart", h.over)
        } else {
            String::new()
        }
    );
    view! {
        <figure class="histogram" data-testid=testid::STUDY_HISTOGRAM data-figure=title>
            <figcaption>
                <strong>{title}</strong>
                <span class="muted small">{caption.clone()}</span>
            </figcaption>
            <svg
                viewBox=format!("0 0 {W} {}", H + 16.0)
                role="img"
                aria-label=format!("{title}: {caption}")
            >
                {bars}
                <line class="axis" x1="0" x2=W.to_string() y1=H.to_string() y2=H.to_string()></line>
                {target}
                <text class="axis-label" x="0" y=(H + 13.0).to_string()>
                    "0"
                </text>
                <text class="axis-label" x=W.to_string() y=(H + 13.0).to_string() text-anchor="end">
                    {secs(Some(range))}
                </text>
            </svg>
        </figure>
    }
}
