//! The form of a drill scenario: name, start instant, horizon, seed, the work model,
//! injects, and signals as small editable step charts. Scenarios are part of the ladder,
//! so they are saved, exported and shared with it.

use leptos::prelude::*;
use rungs_core::{
    DelayModel, Duration, Inject, NoteInject, Scenario, Signal as Curve, SignalPoint,
    UnavailableInject, WorkModel,
};

use rungs_core::overview::find_name;
use rungs_core::scenario::{parse_points, show_points};
use rungs_core::step_chart::axis_title;

use crate::state::doc::use_doc;
use crate::state::lens::{derive, Lens};
use crate::testid;
use crate::widgets::fields::{parse_duration, show_duration, NumberField, ParsedField, TextField};
use crate::widgets::instant::InstantField;
use crate::widgets::step_chart::StepChart;

/// The form of scenario `i`.
#[component]
pub fn ScenarioForm(
    /// Index of the scenario in the ladder.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let lens = Lens::<Scenario>::entry(doc, i);
    type DelayField = fn(&mut WorkModel) -> &mut DelayModel;
    let delay = |label: &'static str, key: &'static str, which: DelayField, median: bool| {
        let path = format!("work/{key}/{}", if median { "median" } else { "p90" });
        let field = lens.required(
            &path,
            move |s| {
                let mut work = s.work.clone();
                let d = which(&mut work);
                if median {
                    d.median
                } else {
                    d.p90
                }
            },
            move |s, v| {
                let d = which(&mut s.work);
                if median {
                    d.median = v
                } else {
                    d.p90 = v
                }
            },
        );
        view! { <ParsedField label=label field=field parse=parse_duration show=show_duration /> }
    };
    let signal_count = lens.value(|s| s.signals.len());
    // a facilitator picks the start on their own clock; the note beneath gives it in UTC
    let viewer = crate::platform::clock::viewer_zone();
    let add = lens.pointer("signals");
    view! {
        <div class="scenario-form" data-testid=testid::SCENARIO_FORM>
            <TextField label="Scenario name" field=lens.field("name", |s| s.name.clone(), |s, v| s.name = v) />
            <div class="field-grid">
                <InstantField
                    label=format!("Starts at, your time in {} (decides who is on call)", viewer.as_str())
                    field=lens.required("start", |s| s.start, |s, v| s.start = v)
                    zone=Signal::stored(viewer.clone())
                />
                <ParsedField
                    label="Runs for at most"
                    field=lens.required("horizon", |s| s.horizon, |s, v| s.horizon = v)
                    parse=parse_duration
                    show=show_duration
                />
                <NumberField
                    label="Seed"
                    field=lens.field("seed", |s| Some(s.seed as f64), |s, v: Option<f64>| s.seed = v.unwrap_or(0.0) as u64)
                    kind=crate::widgets::fields::NumberKind::Count
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
                children=move |k| view! { <SignalEdit i=i k=k /> }
            />
            <button class="button" on:click=move |_| doc.edit(&add, |l| {
                let service = l.services.first().map(|s| s.id.clone());
                if let (Some(s), Some(service)) = (l.scenarios.get_mut(i), service) {
                    s.signals.push(Curve { service, metric: "error_rate".into(), points: vec![SignalPoint(Duration::default(), 0.0)] })
                }
            })>"Add a signal"</button>
            <h3>"Injects"</h3>
            <Injects i=i />
            <InjectAdder i=i />
        </div>
    }
}

/// Signal `k` of scenario `i`: its service, metric and points, as text and as a chart.
#[component]
fn SignalEdit(
    /// Index of the scenario.
    i: usize,
    /// Index of the signal.
    k: usize,
) -> impl IntoView {
    let doc = use_doc();
    let lens = Lens::<Scenario>::entry(doc, i);
    let curve = lens.at(
        &format!("signals/{k}"),
        move |s| s.signals.get(k),
        move |s| s.signals.get_mut(k),
    );
    let services = derive(doc, |l| {
        l.services
            .iter()
            .map(|s| (s.id.to_string(), s.id.to_string()))
            .collect::<Vec<_>>()
    });
    let chart = view! {
        <StepChart
            points=curve.value(|c| c.points.clone())
            horizon=lens.value(|s| s.horizon)
            thresholds=derive(doc, move |l| l.scenarios.get(i).and_then(|s| s.signals.get(k)).map(|c| {
                l.triggers.iter().filter(|t| t.service == c.service && t.metric == c.metric).map(|t| t.threshold).collect()
            }).unwrap_or_default())
            label=derive(doc, move |l| l.scenarios.get(i).and_then(|s| s.signals.get(k)).map(|c| {
                axis_title(&find_name(&l.services, &c.service), &c.metric)
            }).unwrap_or_default())
            set=curve.setter("points", |c, v: Vec<SignalPoint>| c.points = v)
            gesture=Callback::new(move |()| doc.begin_step())
        />
    };
    view! {
        <div class="signal-edit">
            <div class="field-grid">
                <crate::widgets::fields::SelectField
                    label="Service"
                    field=curve.field("service", |c| c.service.to_string(), |c, v: String| {
                        if let Ok(id) = rungs_core::ServiceId::new(v) { c.service = id }
                    })
                    options=services
                />
                <TextField label="Metric" field=curve.field("metric", |c| c.metric.clone(), |c, v| c.metric = v) />
            </div>
            <ParsedField
                label="Points"
                field=curve.field("points", |c| Some(c.points.clone()), |c, v: Option<Vec<SignalPoint>>| c.points = v.unwrap_or_default())
                parse=parse_points
                show=show_points
                placeholder="0m=0.01, 5m=0.3"
            />
            {chart}
            <button class="button small danger" on:click=move |_| lens.edit("signals", |s| { if k < s.signals.len() { s.signals.remove(k); } })>
                "Remove this signal"
            </button>
        </div>
    }
}

/// The injects of scenario `i`, each with a button that removes it.
#[component]
fn Injects(
    /// Index of the scenario.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let lens = Lens::<Scenario>::entry(doc, i);
    let inject_count = lens.value(|s| s.injects.len());
    view! {
        <ul class="injects-list">
            <For
                each=move || 0..inject_count.get()
                key=|k| *k
                children=move |k| {
                    let lens = lens.clone();
                    let text = move || doc.ladder.with(|l| l.scenarios.get(i).and_then(|s| s.injects.get(k).cloned()).map(|inj| match inj {
                        Inject::Unavailable(u) => format!("{} {} becomes unavailable{}", u.at, u.unavailable, u.for_.map(|f| format!(" for {f}")).unwrap_or_default()),
                        Inject::Note(n) => format!("{} note: {}", n.at, n.note),
                    }).unwrap_or_default());
                    view! {
                        <li>
                            <span>{text}</span>
                            <button class="button small danger" aria-label=format!("Remove inject {}", k + 1) on:click=move |_| lens.edit("injects", |s| { if k < s.injects.len() { s.injects.remove(k); } })>"✕"</button>
                        </li>
                    }
                }
            />
        </ul>
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
        Lens::<Scenario>::entry(doc, i).edit("injects", |s| {
            s.injects.push(inject.clone());
            s.injects.sort_by_key(|x| x.at());
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
