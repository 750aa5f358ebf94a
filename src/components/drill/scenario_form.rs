//! The form of a drill scenario: name, start instant, horizon, seed, the work model,
//! injects, and signals as small editable step charts. Scenarios are part of the ladder,
//! so they are saved, exported and shared with it.

use leptos::prelude::*;
use rungs_core::edit::{self, Kind};
use rungs_core::{
    DelayModel, Duration, Inject, Instant, Ladder, NoteInject, Scenario, Signal as Curve,
    SignalPoint, UnavailableInject, WorkModel,
};

use crate::state::doc::use_doc;
use crate::state::lens::{derive, get, ptr, put};
use crate::testid;
use crate::widgets::fields::{parse_duration, show_duration, NumberField, ParsedField, TextField};
use crate::widgets::step_chart::StepChart;

/// A new scenario with the defaults of a first drill, starting at `start`.
pub fn new_scenario(l: &Ladder, start: Instant) -> Scenario {
    let minutes = |m| Duration::from_mins(m);
    Scenario {
        id: rungs_core::ScenarioId::new(edit::unique_id(l, Kind::Scenario, "scenario"))
            .expect("unique_id is valid"),
        name: "New scenario".into(),
        start,
        horizon: minutes(8 * 60),
        signals: l
            .triggers
            .first()
            .map(|t| Curve {
                service: t.service.clone(),
                metric: t.metric.clone(),
                points: vec![
                    SignalPoint(Duration::default(), 0.0),
                    SignalPoint(minutes(5), t.threshold * 2.0),
                ],
            })
            .into_iter()
            .collect(),
        injects: Vec::new(),
        work: WorkModel {
            contain_after_ack: DelayModel {
                median: minutes(20),
                p90: minutes(60),
            },
            resolve_after_contain: DelayModel {
                median: minutes(60),
                p90: minutes(180),
            },
        },
        seed: 1,
    }
}

/// Reads the date-time picker's `YYYY-MM-DDTHH:MM[:SS]` as UTC (or any RFC 3339 text).
fn parse_start(s: &str) -> Result<Instant, String> {
    let full = match s.len() {
        16 => format!("{s}:00Z"),
        19 => format!("{s}Z"),
        _ => s.to_string(),
    };
    Instant::parse(&full).map_err(|e| e.to_string())
}
/// The picker's value for an instant: its UTC date and time to the minute (or second).
fn show_start(t: &Instant) -> String {
    let text = t.to_string();
    let text = text.trim_end_matches('Z');
    text.strip_suffix(":00").unwrap_or(text).to_string()
}
fn parse_points(s: &str) -> Result<Vec<SignalPoint>, String> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (at, value) = p
                .split_once('=')
                .ok_or_else(|| format!("`{p}` is not `offset=value`, e.g. `5m=0.3`"))?;
            let at = parse_duration(at.trim())?;
            let value: f64 = value
                .trim()
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| format!("`{}` is not a number", value.trim()))?;
            Ok(SignalPoint(at, value))
        })
        .collect()
}
#[allow(clippy::ptr_arg)] // the field's value type is Vec
fn show_points(p: &Vec<SignalPoint>) -> String {
    p.iter()
        .map(|SignalPoint(at, v)| format!("{at}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs `f` on scenario `i`.
fn on(l: &mut Ladder, i: usize, f: impl FnOnce(&mut Scenario)) {
    if let Some(s) = l.scenarios.get_mut(i) {
        f(s);
    }
}

/// The form of scenario `i`.
#[component]
pub fn ScenarioForm(
    /// Index of the scenario in the ladder.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let p = move |f: &str| ptr(Kind::Scenario, i, f);
    let scen = move |l: &Ladder| l.scenarios.get(i).cloned();
    type DelayField = fn(&mut WorkModel) -> &mut DelayModel;
    let delay = move |label: &'static str, key: &'static str, which: DelayField, median: bool| {
        let pointer = p(&format!(
            "work/{key}/{}",
            if median { "median" } else { "p90" }
        ));
        view! {
            <ParsedField
                label=label
                pointer=pointer.clone()
                value=get(doc, move |l| scen(l).map(|mut s| {
                    let d = which(&mut s.work);
                    Some(if median { d.median } else { d.p90 })
                }))
                parse=parse_duration
                show=show_duration
                set=put(doc, pointer, move |l, v: Option<Duration>| {
                    if let Some(v) = v {
                        on(l, i, |s| {
                            let d = which(&mut s.work);
                            if median { d.median = v } else { d.p90 = v }
                        })
                    }
                })
            />
        }
    };
    let signal_count = get(doc, move |l| scen(l).map(|s| s.signals.len()));
    let inject_count = get(doc, move |l| scen(l).map(|s| s.injects.len()));
    let services = derive(doc, |l| {
        l.services
            .iter()
            .map(|s| s.id.to_string())
            .collect::<Vec<_>>()
    });
    view! {
        <div class="scenario-form" data-testid=testid::SCENARIO_FORM>
            <TextField
                label="Scenario name"
                pointer=p("name")
                value=get(doc, move |l| scen(l).map(|s| s.name))
                set=put(doc, p("name"), move |l, v: String| on(l, i, |s| s.name = v))
            />
            <div class="field-grid">
                <ParsedField
                    label="Starts at, UTC (decides who is on call)"
                    pointer=p("start")
                    value=get(doc, move |l| scen(l).map(|s| Some(s.start)))
                    parse=parse_start
                    show=show_start
                    input_type="datetime-local"
                    set=put(doc, p("start"), move |l, v: Option<Instant>| {
                        if let Some(v) = v { on(l, i, |s| s.start = v) }
                    })
                />
                <ParsedField
                    label="Runs for at most"
                    pointer=p("horizon")
                    value=get(doc, move |l| scen(l).map(|s| Some(s.horizon)))
                    parse=parse_duration
                    show=show_duration
                    set=put(doc, p("horizon"), move |l, v: Option<Duration>| {
                        if let Some(v) = v { on(l, i, |s| s.horizon = v) }
                    })
                />
                <NumberField
                    label="Seed"
                    pointer=p("seed")
                    kind=crate::widgets::fields::NumberKind::Count
                    value=get(doc, move |l| scen(l).map(|s| Some(s.seed as f64)))
                    set=put(doc, p("seed"), move |l, v: Option<f64>| on(l, i, |s| s.seed = v.unwrap_or(0.0) as u64))
                />
            </div>
            <h3>"Work model"</h3>
            <div class="field-grid">
                {delay("Contain after ack: median", "contain_after_ack", |w| &mut w.contain_after_ack, true)}
                {delay("Contain after ack: 90th percentile", "contain_after_ack", |w| &mut w.contain_after_ack, false)}
                {delay("Resolve after contain: median", "resolve_after_contain", |w| &mut w.resolve_after_contain, true)}
                {delay("Resolve after contain: 90th percentile", "resolve_after_contain", |w| &mut w.resolve_after_contain, false)}
            </div>
            <h3>"Signals"</h3>
            <p class="field-help">"From each point on, the metric has that value. Drag a point on the chart, click the chart to add one, double-click or press Delete to remove it, or type the points as `offset=value`. Dashed lines are the thresholds of triggers on the metric."</p>
            <For
                each=move || 0..signal_count.get()
                key=|k| *k
                children=move |k| {
                    let base = p(&format!("signals/{k}"));
                    let curve = move |l: &Ladder| scen(l).and_then(|s| s.signals.get(k).cloned());
                    let chart = view! {
                        <StepChart
                            points=get(doc, move |l| curve(l).map(|c| c.points))
                            horizon=get(doc, move |l| scen(l).map(|s| s.horizon))
                            thresholds=derive(doc, move |l| curve(l).map(|c| {
                                l.triggers.iter().filter(|t| t.service == c.service && t.metric == c.metric).map(|t| t.threshold).collect()
                            }).unwrap_or_default())
                            label=get(doc, move |l| curve(l).map(|c| format!("{} {}", c.service, c.metric)))
                            set=put(doc, format!("{base}/points"), move |l, v: Vec<SignalPoint>| {
                                on(l, i, |s| if let Some(c) = s.signals.get_mut(k) { c.points = v })
                            })
                            gesture=Callback::new(move |()| doc.begin_step())
                        />
                    };
                    view! {
                        <div class="signal-edit">
                            <div class="field-grid">
                                <crate::widgets::fields::SelectField
                                    label="Service"
                                    pointer=format!("{base}/service")
                                    options=Signal::derive(move || services.get().into_iter().map(|s| (s.clone(), s)).collect::<Vec<_>>())
                                    value=get(doc, move |l| curve(l).map(|c| c.service.to_string()))
                                    set=put(doc, format!("{base}/service"), move |l, v: String| {
                                        if let Ok(id) = rungs_core::ServiceId::new(v) {
                                            on(l, i, |s| if let Some(c) = s.signals.get_mut(k) { c.service = id })
                                        }
                                    })
                                />
                                <TextField
                                    label="Metric"
                                    pointer=format!("{base}/metric")
                                    value=get(doc, move |l| curve(l).map(|c| c.metric))
                                    set=put(doc, format!("{base}/metric"), move |l, v: String| on(l, i, |s| if let Some(c) = s.signals.get_mut(k) { c.metric = v }))
                                />
                            </div>
                            <ParsedField
                                label="Points"
                                pointer=format!("{base}/points")
                                value=get(doc, move |l| curve(l).map(|c| Some(c.points)))
                                parse=parse_points
                                show=show_points
                                placeholder="0m=0.01, 5m=0.3"
                                set=put(doc, format!("{base}/points"), move |l, v: Option<Vec<SignalPoint>>| {
                                    on(l, i, |s| if let Some(c) = s.signals.get_mut(k) { c.points = v.unwrap_or_default() })
                                })
                            />
                            {chart}
                            <button class="button small danger" on:click=move |_| doc.edit(&p("signals"), |l| on(l, i, |s| { if k < s.signals.len() { s.signals.remove(k); } }))>
                                "Remove this signal"
                            </button>
                        </div>
                    }
                }
            />
            <button class="button" on:click=move |_| doc.edit(&p("signals"), |l| {
                let service = l.services.first().map(|s| s.id.clone());
                on(l, i, |s| if let Some(service) = service {
                    s.signals.push(Curve { service, metric: "error_rate".into(), points: vec![SignalPoint(Duration::default(), 0.0)] })
                })
            })>"Add a signal"</button>
            <h3>"Injects"</h3>
            <ul class="injects-list">
                <For
                    each=move || 0..inject_count.get()
                    key=|k| *k
                    children=move |k| {
                        let text = move || doc.ladder.with(|l| scen(l).and_then(|s| s.injects.get(k).cloned()).map(|inj| match inj {
                            Inject::Unavailable(u) => format!("{} {} becomes unavailable{}", u.at, u.unavailable, u.for_.map(|f| format!(" for {f}")).unwrap_or_default()),
                            Inject::Note(n) => format!("{} note: {}", n.at, n.note),
                        }).unwrap_or_default());
                        view! {
                            <li>
                                <span>{text}</span>
                                <button class="button small danger" aria-label=format!("Remove inject {}", k + 1) on:click=move |_| doc.edit(&p("injects"), |l| on(l, i, |s| { if k < s.injects.len() { s.injects.remove(k); } }))>"✕"</button>
                            </li>
                        }
                    }
                />
            </ul>
            <InjectAdder i=i />
        </div>
    }
}

/// Adds an inject: a note or an unavailable responder at an offset.
#[component]
fn InjectAdder(
    /// Index of the scenario.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let at = RwSignal::new("10m".to_string());
    let who = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let add = move |unavailable: bool| {
        let at = match parse_duration(at.get_untracked().trim()) {
            Ok(d) => d,
            Err(e) => return problem.set(Some(e)),
        };
        let inject = if unavailable {
            match rungs_core::PersonId::new(who.get_untracked()) {
                Ok(p) => Inject::Unavailable(UnavailableInject {
                    at,
                    unavailable: p,
                    for_: None,
                }),
                Err(_) => return problem.set(Some("choose who becomes unavailable".into())),
            }
        } else {
            let note = text.get_untracked();
            if note.trim().is_empty() {
                return problem.set(Some("write the note first".into()));
            }
            Inject::Note(NoteInject { at, note })
        };
        problem.set(None);
        doc.edit(&ptr(Kind::Scenario, i, "injects"), |l| {
            on(l, i, |s| {
                s.injects.push(inject.clone());
                s.injects.sort_by_key(|x| x.at());
            })
        });
    };
    let people = derive(doc, |l| {
        l.people
            .iter()
            .map(|p| (p.id.to_string(), p.name.clone()))
            .collect::<Vec<_>>()
    });
    view! {
        <div class="inject-row">
            <label>"At " <input type="text" size="6" prop:value=move || at.get() on:input=move |ev| at.set(event_target_value(&ev)) /></label>
            <label>
                "who "
                <select on:change=move |ev| who.set(event_target_value(&ev))>
                    <option value="">"Choose…"</option>
                    {move || people.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </label>
            <button class="button" on:click=move |_| add(true)>"Add: becomes unavailable"</button>
        </div>
        <div class="inject-row">
            <label class="grow">"or a note " <input type="text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) /></label>
            <button class="button" on:click=move |_| add(false)>"Add note"</button>
        </div>
        {move || problem.get().map(|p| view! { <p class="field-msg error" role="alert">{p}</p> })}
    }
}
