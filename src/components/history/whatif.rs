//! What if, in the History panel: two versions (or one and the ladder now) run on one
//! scenario with the same random draws, each figure side by side with its difference, a
//! 95 % interval and a verdict with a marker (`rungs_core::whatif`, run by the
//! on-demand worker; the same figures as `rungs simulate OLD --compare NEW`).

use leptos::prelude::*;

use crate::platform::on_demand::{ask, CompareLine, Reply, Request, MAX_COMPARE_RUNS};
use crate::testid;

/// Where a comparison is.
#[derive(Clone)]
enum State {
    Idle,
    Running,
    Failed(String),
    Done {
        runs: u32,
        seed: u64,
        rows: Vec<CompareLine>,
        regression: bool,
    },
}

/// The what-if form and its table. `texts` gives the two ladders' texts and their labels
/// as the compare pickers stand; `scenarios` lists the older one's scenarios (id, name).
#[component]
pub fn WhatIf(
    /// The two ladders (older, newer) with their labels, when asked.
    texts: Callback<(), Option<(String, String, String, String)>>,
    /// The older ladder's scenarios: (id, name).
    #[prop(into)]
    scenarios: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let scenario = RwSignal::new(None::<String>);
    let runs = RwSignal::new(2000u32);
    let state = RwSignal::new(State::Idle);
    let labels = RwSignal::new((String::new(), String::new()));
    let chosen = move || {
        scenario
            .get()
            .or_else(|| scenarios.with(|s| s.first().map(|(id, _)| id.clone())))
    };
    let run = move |_| {
        let (Some((old, new, a, b)), Some(id)) = (texts.run(()), chosen()) else {
            return;
        };
        labels.set((a, b));
        state.set(State::Running);
        let request = Request::Compare {
            old,
            new,
            scenario: id,
            runs: runs.get_untracked(),
            seed: None,
        };
        ask(&request, move |reply| {
            state.set(match reply {
                Reply::Compared {
                    runs,
                    seed,
                    rows,
                    regression,
                } => State::Done {
                    runs,
                    seed,
                    rows,
                    regression,
                },
                Reply::Failed { message } => State::Failed(message),
                _ => State::Failed("the worker gave an answer Rungs does not know".into()),
            })
        });
    };
    view! {
        <div class="whatif" data-testid=testid::WHATIF>
            <h3>"What if"</h3>
            <p class="muted small">
                "Run the two on one scenario with the same random draws: each figure side by side, the difference with its 95 % interval, and whether the second is better, worse, or not clearly different."
            </p>
            <div class="field compare-row">
                <label for="whatif-scenario">"Scenario"</label>
                <select
                    id="whatif-scenario"
                    data-testid=testid::WHATIF_SCENARIO
                    on:change=move |ev| scenario.set(Some(event_target_value(&ev)))
                >
                    {move || scenarios.get().into_iter().map(|(id, name)| {
                        let selected = chosen().as_deref() == Some(id.as_str());
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                <label for="whatif-runs">"Runs"</label>
                <input
                    id="whatif-runs"
                    type="number"
                    min="100"
                    max=MAX_COMPARE_RUNS.to_string()
                    step="100"
                    data-testid=testid::WHATIF_RUNS
                    prop:value=move || runs.get().to_string()
                    on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                            runs.set(n.clamp(1, MAX_COMPARE_RUNS));
                        }
                    }
                />
                <button
                    class="button"
                    data-testid=testid::WHATIF_RUN
                    disabled=move || matches!(state.get(), State::Running) || scenarios.with(Vec::is_empty)
                    on:click=run
                >
                    {move || if matches!(state.get(), State::Running) { "Running…" } else { "Run both" }}
                </button>
            </div>
            {move || scenarios.with(Vec::is_empty).then(|| view! { <p class="muted small">"The first ladder has no scenario to run: add one in the drill room."</p> })}
            {move || match state.get() {
                State::Idle => ().into_any(),
                State::Running => view! { <p class="muted" role="status">"Running both studies…"</p> }.into_any(),
                State::Failed(why) => view! { <p class="field-msg error" role="alert">{format!("No comparison: {why}")}</p> }.into_any(),
                State::Done { runs, seed, rows, regression } => {
                    let (a, b) = labels.get();
                    let verdict = if regression {
                        format!("{b} is clearly worse than {a} on a breach rate or a p90 time.")
                    } else {
                        format!("{b} is not clearly worse than {a} on any breach rate or p90 time.")
                    };
                    view! {
                        <p role="status" data-testid=testid::WHATIF_VERDICT>
                            <strong>{verdict}</strong>
                            <span class="muted small">{format!(" {runs} runs each, seeds from {seed}.")}</span>
                        </p>
                        <div class="table-scroll">
                            <table class="whatif-table">
                                <thead>
                                    <tr>
                                        <th scope="col">"Figure"</th>
                                        <th scope="col">{a}</th>
                                        <th scope="col">{b}</th>
                                        <th scope="col">"Difference"</th>
                                        <th scope="col">"95 % interval"</th>
                                        <th scope="col">"Verdict"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {rows.into_iter().map(|r| view! {
                                        <tr class=format!("verdict-{}", r.verdict) data-testid=testid::WHATIF_ROW data-verdict=r.verdict.clone()>
                                            <th scope="row">{r.label}</th>
                                            <td>{r.old}</td>
                                            <td>{r.new}</td>
                                            <td>{r.difference}</td>
                                            <td>{r.ci}</td>
                                            <td class="verdict">{r.marker}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
