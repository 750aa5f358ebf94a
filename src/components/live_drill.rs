//! A live drill: the simulator runs one incident of a scenario against the ladder on an
//! accelerated clock, people in the room play some responders (their pages wait for
//! their Acknowledge), the facilitator injects events, and at the end a scorecard reads
//! the measured figures against the tier's targets. A debrief downloads as Markdown or
//! JSON.
//!
//! The shell only keeps time: a `gloo_timers` interval tells the engine how far the
//! simulated clock moved (the core never reads a clock).

use std::rc::Rc;

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use rungs_core::sim::{
    format_duration as fmt_secs, Engine, EventKind, LogEntry, SimModel, SimTime, Timeline,
    EVENT_BUDGET,
};
use rungs_core::text::markdown_text as md_text;
use rungs_core::Ladder;

use crate::components::drill_room::{Drill, DrillRoom};
use crate::pages::share::download;
use crate::testid;

/// The clock speeds offered.
pub const SPEEDS: [u32; 5] = [1, 10, 60, 300, 1200];

/// How often the clock ticks, in real milliseconds.
const TICK_MS: u32 = 100;

/// Display names of the ladder's people and tiers by id.
fn name_of(l: &Ladder, id: &str) -> String {
    l.people
        .iter()
        .find(|p| p.id.as_str() == id)
        .map(|p| p.name.clone())
        .or_else(|| {
            l.tiers
                .iter()
                .find(|t| t.id.as_str() == id)
                .map(|t| t.name.clone())
        })
        .unwrap_or_else(|| id.to_string())
}

/// One line of the event log, with names instead of ids.
fn describe(l: &Ladder, e: &LogEntry) -> String {
    let mut s = format!("{} ", e.t);
    if let Some(t) = &e.tier {
        s.push_str(&name_of(l, t));
        s.push(' ');
    }
    s.push_str(e.kind.as_str());
    if let Some(w) = &e.who {
        s.push(' ');
        s.push_str(&name_of(l, w));
    }
    if !e.detail.is_empty() {
        s.push_str(&format!(" ({})", e.detail));
    }
    s
}

/// One row of the scorecard: figure, measured value, target, met.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    /// The figure, e.g. "Time to acknowledge".
    pub figure: &'static str,
    /// Measured, in seconds.
    pub value: Option<f64>,
    /// The target of the tier the incident ended in, in seconds.
    pub target: Option<f64>,
}

impl ScoreRow {
    /// Whether the value met the target (`None` when either is missing).
    pub fn met(&self) -> Option<bool> {
        Some(self.value? <= self.target?)
    }
}

/// The scorecard of a drill: each figure against the final tier's target.
fn scorecard(d: &Drill) -> Vec<ScoreRow> {
    let f = d.engine.figures();
    let tier = f
        .final_tier
        .as_ref()
        .and_then(|id| d.model.tiers.iter().find(|t| t.id.as_str() == id));
    let target = |tl: Timeline| tier.and_then(|t| t.deadlines[tl]).map(|d| d.as_secs_f64());
    vec![
        ScoreRow {
            figure: "Time to acknowledge",
            value: f.time_to_acknowledge.map(|d| d.as_secs_f64()),
            target: target(Timeline::Acknowledge),
        },
        ScoreRow {
            figure: "Time to contain",
            value: f.time_to_contain.map(|d| d.as_secs_f64()),
            target: target(Timeline::Contain),
        },
        ScoreRow {
            figure: "Time to resolve",
            value: f.time_to_resolve.map(|d| d.as_secs_f64()),
            target: target(Timeline::Resolve),
        },
        ScoreRow {
            figure: "Time to first update",
            value: f.time_to_first_update.map(|d| d.as_secs_f64()),
            target: target(Timeline::FirstUpdate),
        },
    ]
}

/// Pages per person in the drill, most paged first.
fn pages(l: &Ladder, log: &[LogEntry]) -> Vec<(String, usize)> {
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for e in log.iter().filter(|e| e.kind == EventKind::Page) {
        if let Some(w) = &e.who {
            *counts.entry(name_of(l, w)).or_default() += 1;
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// The facts at the head of a debrief, as (label, value) lines.
fn debrief_facts(l: &Ladder, d: &Drill) -> Vec<(&'static str, String)> {
    let mut facts = vec![
        ("Scenario", d.scenario.clone()),
        ("Started (simulated)", d.model.instant(0).to_string()),
        (
            "Played by people in the room",
            if d.humans.is_empty() {
                "nobody".to_string()
            } else {
                d.humans
                    .iter()
                    .map(|h| name_of(l, h))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        ),
    ];
    if let Some(t) = &d.engine.figures().final_tier {
        facts.push(("Final tier", name_of(l, t)));
    }
    facts.push((
        "Ran for (simulated)",
        fmt_secs(d.engine.now().0 as f64 / 1000.0),
    ));
    facts
}

/// The facilitator's notes of the drill, in order.
fn notes(d: &Drill) -> Vec<(SimTime, String)> {
    d.engine
        .log()
        .iter()
        .filter(|e| e.kind == EventKind::Note)
        .map(|e| (e.t, e.detail.clone()))
        .collect()
}

/// The debrief as Markdown: figures against targets, breaches, notes, the timeline.
fn debrief_markdown(l: &Ladder, d: &Drill) -> String {
    let f = d.engine.figures();
    // every name, note and id quoted from the ladder or the room is escaped (md_text)
    let mut md = format!("# Drill debrief: {}\n\n", md_text(&l.name));
    for (label, value) in debrief_facts(l, d) {
        md.push_str(&format!("- {label}: {}\n", md_text(&value)));
    }
    md.push_str("\n## Figures against targets\n\n| figure | measured | target | met |\n| --- | --- | --- | --- |\n");
    for r in scorecard(d) {
        md.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            r.figure,
            r.value
                .map(fmt_secs)
                .unwrap_or_else(|| "not reached".into()),
            r.target.map(fmt_secs).unwrap_or_else(|| "none".into()),
            match r.met() {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "n/a",
            }
        ));
    }
    md.push_str("\n## Breaches\n\n");
    if f.breaches.is_empty() {
        md.push_str("None.\n");
    }
    for b in &f.breaches {
        md.push_str(&format!(
            "- {} missed **{}** at +{}\n",
            md_text(&name_of(l, &b.tier)),
            b.timeline.as_str(),
            fmt_secs(b.at)
        ));
    }
    md.push_str("\n## Pages\n\n");
    for (who, n) in pages(l, d.engine.log()) {
        md.push_str(&format!("- {}: {n}\n", md_text(&who)));
    }
    md.push_str("\n## Facilitator's notes\n\n");
    let notes = notes(d);
    if notes.is_empty() {
        md.push_str("None.\n");
    }
    for (t, text) in notes {
        md.push_str(&format!("- {t} {}\n", md_text(&text)));
    }
    md.push_str("\n## Timeline\n\n");
    for e in d.engine.log() {
        md.push_str(&format!("- {}\n", md_text(&describe(l, e))));
    }
    md
}

/// The debrief as JSON: scenario, figures, events.
fn debrief_json(d: &Drill) -> String {
    serde_json::to_string_pretty(&serde_json::json!({
        "format": "rungs.debrief/v1",
        "scenario": d.scenario,
        "humans": d.humans,
        "figures": d.engine.figures(),
        "events": d.engine.log(),
    }))
    .expect("serialisable")
}

/// The live drill panel.
#[component]
pub fn LiveDrill(
    /// The ladder drilled.
    #[prop(into)]
    ladder: Signal<Ladder>,
    /// The id of the scenario chosen.
    #[prop(into)]
    scenario: Signal<Option<String>>,
    /// Whether the finished drill is shown as its paper debrief (set by the scorecard's
    /// Print view button; the drill page hides everything else meanwhile).
    print_view: RwSignal<bool>,
) -> impl IntoView {
    let DrillRoom {
        drill,
        clock,
        tick,
        speed,
        running,
        humans,
        note,
        paused_away,
        ..
    } = DrillRoom::current();
    let problem = RwSignal::new(None::<String>);
    let unavailable_pick = RwSignal::new(String::new());
    let signal_pick = RwSignal::new(String::new());
    let signal_value = RwSignal::new(String::new());

    let with_drill = move |f: &dyn Fn(&mut Drill)| {
        drill.update_value(|d| {
            if let Some(d) = d {
                f(d)
            }
        });
        tick.update(|t| *t += 1);
    };
    let stop_clock = move || {
        clock.update_value(|c| {
            if let Some(i) = c.take() {
                i.cancel();
            }
        });
        running.set(false);
    };
    // Leaving the page pauses a running drill; it says so on return.
    on_cleanup(move || {
        if running.get_untracked() {
            paused_away.set(true);
        }
        stop_clock();
    });
    let finished = Memo::new(move |_| watch(drill, tick, |d| d.engine.is_finished()));
    let started = Memo::new(move |_| {
        tick.track();
        drill.with_value(|d| d.is_some())
    });
    let advance = move |ms: u64| {
        with_drill(&|d| {
            let to = SimTime(d.engine.now().0.saturating_add(ms));
            d.engine.advance_to(to);
        });
        if finished.get_untracked() {
            stop_clock();
        }
    };
    let run_clock = move || {
        stop_clock();
        paused_away.set(false);
        running.set(true);
        let interval = Interval::new(TICK_MS, move || {
            advance(u64::from(TICK_MS) * u64::from(speed.get_untracked()))
        });
        clock.set_value(Some(interval));
    };
    // A drill under way or finished is discarded only when the facilitator says so.
    let discard = move || {
        if !started.get_untracked() {
            return true;
        }
        let question = if finished.get_untracked() {
            "Discard this drill's scorecard, timeline and notes? Download its debrief first to keep it."
        } else {
            "Discard the drill under way, with its timeline and notes?"
        };
        if !crate::app::confirm(question) {
            return false;
        }
        stop_clock();
        paused_away.set(false);
        drill.set_value(None);
        tick.update(|t| *t += 1);
        true
    };
    let back_to_setup = move |_| {
        if discard() {
            print_view.set(false);
        }
    };
    let start = move |_| {
        if !discard() {
            return;
        }
        stop_clock();
        problem.set(None);
        let Some(id) = scenario.get_untracked() else {
            return;
        };
        let built = ladder.with_untracked(|l| {
            let s = l.scenarios.iter().find(|s| s.id.as_str() == id)?;
            Some(SimModel::new(l, &s.to_document()).map(|m| (m, s.name.clone())))
        });
        match built {
            None => problem.set(Some("choose a scenario first".into())),
            Some(Err(report)) => problem.set(Some(
                report
                    .errors()
                    .map(|d| d.message.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            )),
            Some(Ok((model, name))) => {
                let model = Rc::new(model);
                let mut engine = Engine::new(Rc::clone(&model), model.seed, true);
                let chosen = humans.get_untracked();
                for h in &chosen {
                    if let Some(p) = model.person(h) {
                        engine.set_human(p, true);
                    }
                }
                drill.set_value(Some(Drill {
                    model,
                    engine,
                    scenario: name,
                    humans: chosen.into_iter().collect(),
                }));
                tick.update(|t| *t += 1);
                run_clock();
            }
        }
    };

    let people = Memo::new(move |_| {
        ladder.with(|l| {
            l.people
                .iter()
                .map(|p| (p.id.to_string(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let clock_text = move || {
        watch(drill, tick, |d| {
            let now = d.engine.now();
            let tier = d
                .engine
                .tier()
                .map(|t| d.model.tiers[t].name.clone())
                .unwrap_or_else(|| "no incident yet".into());
            Some(format!("{} · {} · {}", now, d.model.instant(now.0), tier))
        })
    };
    let deadlines = move || {
        watch(drill, tick, |d| {
            let now = d.engine.now().0 as f64;
            d.engine
                .open_deadlines()
                .into_iter()
                .map(|(tl, due)| (tl.as_str(), (due.0 as f64 - now) / 1000.0))
                .collect::<Vec<_>>()
        })
    };
    let awaiting = move || {
        watch(drill, tick, |d| {
            d.humans
                .iter()
                .filter_map(|h| {
                    let p = d.model.person(h)?;
                    d.engine.awaiting_human(p).then_some((p, h.clone()))
                })
                .collect::<Vec<_>>()
        })
    };
    let log = move || watch(drill, tick, |d| d.engine.log().to_vec());

    view! {
        <section class="panel drill" class:print-view=move || print_view.get() aria-labelledby="live-h" data-testid=testid::LIVE_DRILL>
            <div class="section-head">
                <h2 id="live-h">"Live drill"</h2>
            </div>
            <Show when=move || print_view.get() && finished.get()>
                <DebriefHead ladder=ladder drill=drill tick=tick print_view=print_view />
            </Show>
            <Show when=move || !started.get()>
                <fieldset class="checks">
                    <legend>"Played by people in the room (their pages wait for Acknowledge)"</legend>
                    <For
                        each=move || people.get()
                        key=|p| p.clone()
                        children=move |(id, name)| {
                            let for_id = format!("human-{id}");
                            let label_for = for_id.clone();
                            let key = id.clone();
                            view! {
                                <label class="check" for=label_for>
                                    <input
                                        type="checkbox"
                                        id=for_id
                                        data-testid=testid::HUMAN
                                        data-person=id.clone()
                                        prop:checked={
                                            let id = id.clone();
                                            move || humans.with(|h| h.contains(&id))
                                        }
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            humans.update(|h| {
                                                if on { h.insert(key.clone()); } else { h.remove(&key); }
                                            });
                                        }
                                    />
                                    {name}
                                </label>
                            }
                        }
                    />
                </fieldset>
            </Show>
            <div class="drill-controls" role="group" aria-label="Clock">
                <button class="button primary" data-testid=testid::DRILL_START disabled=move || scenario.with(Option::is_none) on:click=start>
                    {move || if started.get() { "Restart" } else { "Start the drill" }}
                </button>
                <label class="speed">
                    "Speed "
                    <select data-testid=testid::DRILL_SPEED on:change=move |ev| {
                        speed.set(event_target_value(&ev).parse().unwrap_or(60));
                    }>
                        {SPEEDS.iter().map(|s| { let s = *s; view! { <option value=s.to_string() selected=move || speed.get() == s>{format!("{s}×")}</option> } }).collect_view()}
                    </select>
                </label>
                <button class="button" disabled=move || !started.get() || finished.get() on:click=move |_| {
                    if running.get_untracked() { stop_clock() } else { run_clock() }
                }>
                    {move || if running.get() { "Pause" } else { "Resume" }}
                </button>
                <button class="button" title="Advance to the next event" disabled=move || !started.get() || running.get() || finished.get() on:click=move |_| with_drill(&|d| { d.engine.step(); })>
                    "Step"
                </button>
                <Show when=move || started.get()>
                    <button class="button" data-testid=testid::DRILL_SETUP on:click=back_to_setup>
                        "Back to setup"
                    </button>
                </Show>
            </div>
            {move || problem.get().map(|p| view! { <p class="field-msg error" role="alert">{format!("This scenario cannot run: {p}")}</p> })}
            <Show when=move || paused_away.get() && started.get() && !finished.get()>
                <p class="field-msg" role="status" data-testid=testid::DRILL_PAUSED_AWAY>
                    "Paused while you were away from the drill room. Resume to go on."
                </p>
            </Show>
            <Show when=move || started.get()>
                <div class="drill-status">
                    <p class="sim-clock" data-testid=testid::SIM_CLOCK aria-live="off">{clock_text}</p>
                    // A run stopped by the event budget says so, as text (tier ids are the
                    // ladder's own text, never markup).
                    {move || {
                        watch(drill, tick, |d| d.engine.budget_cause()).map(|cause| {
                            view! {
                                <p class="breach-flag" role="status">
                                    {format!(
                                        "This drill stopped after {} events (the per-run event budget): {cause}.",
                                        rungs_core::text::group_thousands(EVENT_BUDGET),
                                    )}
                                </p>
                            }
                        })
                    }}
                    {move || {
                        let last = watch(drill, tick, |d| {
                            let f = d.engine.figures();
                            let n = f.breaches.len();
                            f.breaches.last().map(|b| (n, b.tier.clone(), b.timeline.as_str()))
                        });
                        last.map(|(n, tier, timeline)| {
                            let tier = ladder.with_untracked(|l| name_of(l, &tier));
                            view! {
                                <p class="breach-flag" role="alert" data-testid=testid::BREACH_FLAG>
                                    {format!("⚠ {n} breach{}: latest {tier} missed {timeline}", if n == 1 { "" } else { "es" })}
                                </p>
                            }
                        })
                    }}
                    <ul class="deadlines" aria-label="Open deadlines of the current tier">
                        {move || {
                            deadlines()
                                .into_iter()
                                .map(|(name, left)| {
                                    view! {
                                        <li class:late=left < 60.0>
                                            <span>{name.replace('_', " ")}</span>
                                            <strong>{fmt_secs(left)}</strong>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </div>
                <div class="pages" aria-live="polite">
                    {move || {
                        let names = ladder.with(|l| awaiting().into_iter().map(|(p, id)| (p, name_of(l, &id))).collect::<Vec<_>>());
                        names
                            .into_iter()
                            .map(|(p, name)| {
                                view! {
                                    <div class="page-card" data-testid=testid::PAGE_CARD role="alert">
                                        <span>"📟 Page for " <strong>{name.clone()}</strong></span>
                                        <button
                                            class="button primary"
                                            data-testid=testid::ACKNOWLEDGE
                                            aria-label=format!("Acknowledge as {name}")
                                            on:click=move |_| with_drill(&|d| { d.engine.acknowledge(p); })
                                        >
                                            "Acknowledge"
                                        </button>
                                    </div>
                                }
                            })
                            .collect_view()
                    }}
                </div>
                <details class="injects">
                    <summary>"Inject an event now"</summary>
                    <div class="inject-row">
                        <label>
                            "Responder becomes unavailable "
                            <select on:change=move |ev| unavailable_pick.set(event_target_value(&ev))>
                                <option value="">"Choose…"</option>
                                {move || people.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                            </select>
                        </label>
                        <button class="button" on:click=move |_| {
                            let id = unavailable_pick.get_untracked();
                            with_drill(&|d| {
                                if let Some(p) = d.model.person(&id) {
                                    d.engine.make_unavailable(p, None);
                                    d.engine.note(&format!("{id} became unavailable (facilitator)"));
                                }
                            })
                        }>"Apply"</button>
                    </div>
                    <div class="inject-row">
                        <label>
                            "Signal "
                            <select on:change=move |ev| signal_pick.set(event_target_value(&ev))>
                                <option value="">"Choose…"</option>
                                {move || {
                                    watch(drill, tick, |d| d.model.signals.iter().enumerate().map(|(i, s)| (i, format!("{} {}", s.service, s.metric))).collect::<Vec<_>>())
                                        .into_iter()
                                        .map(|(i, label)| view! { <option value=i.to_string()>{label}</option> })
                                        .collect_view()
                                }}
                            </select>
                        </label>
                        <label>
                            " jumps to "
                            <input type="text" inputmode="decimal" size="8" on:input=move |ev| signal_value.set(event_target_value(&ev)) />
                        </label>
                        <button class="button" on:click=move |_| {
                            let (Ok(i), Ok(v)) = (signal_pick.get_untracked().parse::<usize>(), signal_value.get_untracked().trim().parse::<f64>()) else {
                                return;
                            };
                            with_drill(&|d| d.engine.set_signal(i, v))
                        }>"Apply"</button>
                    </div>
                    <div class="inject-row">
                        <button class="button" on:click=move |_| with_drill(&|d| { d.engine.promote(); })>"Promote"</button>
                        <button class="button" on:click=move |_| with_drill(&|d| { d.engine.demote(); })>"Demote"</button>
                        <button class="button" on:click=move |_| with_drill(&|d| d.engine.post_update())>"Post an update"</button>
                    </div>
                    <div class="inject-row">
                        <label class="grow">
                            "Note "
                            <input type="text" data-testid=testid::DRILL_NOTE prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
                        </label>
                        <button class="button" on:click=move |_| {
                            let text = note.get_untracked();
                            if !text.trim().is_empty() {
                                with_drill(&|d| d.engine.note(&text));
                                note.set(String::new());
                            }
                        }>"Add note"</button>
                    </div>
                </details>
                <Timeline ladder=ladder log=Signal::derive(log) />
                <Show when=move || finished.get()>
                    <Scorecard ladder=ladder drill=drill tick=tick print_view=print_view />
                </Show>
            </Show>
        </section>
    }
}

/// The swimlane timeline: a lane per tier and per person; pages, acknowledgements,
/// escalations and breaches as they happen. Breaches are red bars across every lane.
#[component]
fn Timeline(
    /// The ladder, for names.
    ladder: Signal<Ladder>,
    /// The events so far.
    log: Signal<Vec<LogEntry>>,
) -> impl IntoView {
    let draw = move || {
        let log = log.get();
        let (lanes, end) = ladder.with(|l| {
            let mut lanes: Vec<(String, String)> = Vec::new();
            for e in &log {
                for id in [e.tier.as_deref(), e.who.as_deref()].into_iter().flatten() {
                    if !lanes.iter().any(|(x, _)| x == id) {
                        lanes.push((id.to_string(), name_of(l, id)));
                    }
                }
            }
            (lanes, log.last().map_or(60_000, |e| e.t.0.max(60_000)))
        });
        let (left, width, lane_h) = (150.0, 760.0, 26.0);
        let height = 30.0 + lane_h * lanes.len().max(1) as f64;
        let x = |t: u64| left + (t as f64 / end as f64) * width;
        let lane_y = |id: &str| {
            lanes
                .iter()
                .position(|(x, _)| x == id)
                .map(|i| 24.0 + lane_h * i as f64 + lane_h / 2.0)
        };
        let marks = log
            .iter()
            .filter(|e| !matches!(e.kind, EventKind::Signal))
            .filter_map(|e| {
                let lane = e.who.as_deref().or(e.tier.as_deref())?;
                let y = lane_y(lane)?;
                let class = format!("tl-mark {}", e.kind.as_str().replace(' ', "-"));
                Some(view! {
                    <circle class=class cx=x(e.t.0) cy=y r=if e.kind == EventKind::Breach { 7.0 } else { 5.0 }>
                        <title>{format!("{} {}", e.t, e.kind.as_str())}</title>
                    </circle>
                })
            })
            .collect_view();
        let breaches = log
            .iter()
            .filter(|e| e.kind == EventKind::Breach)
            .map(|e| {
                view! {
                    <g class="tl-breach">
                        <line x1=x(e.t.0) x2=x(e.t.0) y1="18" y2=height - 4.0 />
                        <text x=x(e.t.0) + 4.0 y="14">{format!("breach: {}", e.detail)}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg class="timeline" data-testid=testid::TIMELINE viewBox=format!("0 0 930 {height}") role="img" aria-label=format!("Timeline of {} events", log.len())>
                {lanes
                    .iter()
                    .enumerate()
                    .map(|(i, (_, name))| {
                        let y = 24.0 + lane_h * i as f64;
                        view! {
                            <g class="tl-lane">
                                <rect x="0" y=y width="930" height=lane_h class=if i % 2 == 0 { "even" } else { "odd" } />
                                <text x="6" y=y + 17.0>{name.clone()}</text>
                            </g>
                        }
                    })
                    .collect_view()}
                {breaches}
                {marks}
                <text class="tl-axis" x=left y=height - 2.0>"+00:00:00"</text>
                <text class="tl-axis" x=left + width y=height - 2.0 text-anchor="end">{SimTime(end).to_string()}</text>
            </svg>
        }
    };
    view! {
        <div class="timeline-wrap">
            <ul class="tl-legend small">
                <li><span class="dot paged"></span>"paged"</li>
                <li><span class="dot acknowledged"></span>"acknowledged"</li>
                <li><span class="dot escalated"></span>"escalated or promoted"</li>
                <li><span class="dot breach"></span>"breach"</li>
            </ul>
            {draw}
        </div>
    }
}

/// `f` of the drill (the default before a drill starts), read so that a view
/// re-renders whenever the drill ticks.
fn watch<T: Default>(
    drill: StoredValue<Option<Drill>, LocalStorage>,
    tick: RwSignal<u64>,
    f: impl FnOnce(&Drill) -> T,
) -> T {
    tick.track();
    drill.with_value(|d| d.as_ref().map(f).unwrap_or_default())
}

/// [`watch`] with the ladder too (for names); also re-renders when the ladder changes.
fn read_drill<T: Default>(
    ladder: Signal<Ladder>,
    drill: StoredValue<Option<Drill>, LocalStorage>,
    tick: RwSignal<u64>,
    f: impl FnOnce(&Ladder, &Drill) -> T,
) -> T {
    ladder.with(|l| watch(drill, tick, |d| f(l, d)))
}

/// Back from the print view to the drill room, focus on the Print view button again.
fn leave_print_view(print_view: RwSignal<bool>) {
    print_view.set(false);
    crate::app::focus_later(format!("[data-testid=\"{}\"]", testid::PRINT_VIEW));
}

/// The head of the paper debrief: the ladder, the scenario and who played whom.
#[component]
fn DebriefHead(
    /// The ladder, for names.
    ladder: Signal<Ladder>,
    /// The finished drill.
    drill: StoredValue<Option<Drill>, LocalStorage>,
    /// Changes when the drill does.
    tick: RwSignal<u64>,
    /// Whether the page shows the paper debrief.
    print_view: RwSignal<bool>,
) -> impl IntoView {
    let facts = move || read_drill(ladder, drill, tick, debrief_facts);
    view! {
        <header class="debrief-head" data-testid=testid::DEBRIEF_HEAD>
            <p class="button-row no-print">
                <button class="button" on:click=move |_| leave_print_view(print_view)>"← Back to the drill room"</button>
            </p>
            <h2 id="debrief-h" tabindex="-1">{move || ladder.with(|l| format!("Drill debrief: {}", l.name))}</h2>
            <dl class="facts">
                {move || facts().into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
        </header>
    }
}

/// The scorecard and the debrief downloads.
#[component]
fn Scorecard(
    /// The ladder, for names.
    ladder: Signal<Ladder>,
    /// The finished drill.
    drill: StoredValue<Option<Drill>, LocalStorage>,
    /// Changes when the drill does.
    tick: RwSignal<u64>,
    /// Whether the page shows the paper debrief.
    print_view: RwSignal<bool>,
) -> impl IntoView {
    let note_list = move || watch(drill, tick, notes);
    let events = move || {
        read_drill(ladder, drill, tick, |l, d| {
            d.engine
                .log()
                .iter()
                .map(|e| describe(l, e))
                .collect::<Vec<_>>()
        })
    };
    let rows = move || watch(drill, tick, scorecard);
    let breaches = move || {
        read_drill(ladder, drill, tick, |l, d| {
            d.engine
                .figures()
                .breaches
                .iter()
                .map(|b| {
                    format!(
                        "{} missed {} at +{}",
                        name_of(l, &b.tier),
                        b.timeline.as_str(),
                        fmt_secs(b.at)
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let paged = move || read_drill(ladder, drill, tick, |l, d| pages(l, d.engine.log()));
    let file_stem = move || {
        crate::pages::share::file_name(&ladder.with(|l| l.name.clone()))
            .trim_end_matches(".json")
            .to_string()
    };
    view! {
        <section class="scorecard" aria-labelledby="score-h" data-testid=testid::SCORECARD>
            <h3 id="score-h">"Scorecard"</h3>
            <table>
                <thead>
                    <tr><th scope="col">"Figure"</th><th scope="col">"Measured"</th><th scope="col">"Target"</th><th scope="col">"Met"</th></tr>
                </thead>
                <tbody>
                    {move || rows().into_iter().map(|r| {
                        let met = r.met();
                        view! {
                            <tr class:missed=met == Some(false)>
                                <td>{r.figure}</td>
                                <td>{r.value.map(fmt_secs).unwrap_or_else(|| "not reached".into())}</td>
                                <td>{r.target.map(fmt_secs).unwrap_or_else(|| "none".into())}</td>
                                <td>{match met { Some(true) => "✓ yes", Some(false) => "✗ no", None => "—" }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <div class="layout even">
                <div>
                    <h4>"Breaches"</h4>
                    <ul class="breaches">
                        {move || {
                            let b = breaches();
                            if b.is_empty() {
                                view! { <li class="muted">"None"</li> }.into_any()
                            } else {
                                b.into_iter().map(|x| view! { <li>{x}</li> }).collect_view().into_any()
                            }
                        }}
                    </ul>
                </div>
                <div>
                    <h4>"Who was paged"</h4>
                    <ul>{move || paged().into_iter().map(|(w, n)| view! { <li>{format!("{w}: {n} page{}", if n == 1 { "" } else { "s" })}</li> }).collect_view()}</ul>
                </div>
            </div>
            <h4>"Facilitator's notes"</h4>
            <ul class="notes" data-testid=testid::DEBRIEF_NOTES>
                {move || {
                    let n = note_list();
                    if n.is_empty() {
                        view! { <li class="muted">"None"</li> }.into_any()
                    } else {
                        n.into_iter().map(|(t, text)| view! { <li><span class="mono">{t.to_string()}</span>" "{text}</li> }).collect_view().into_any()
                    }
                }}
            </ul>
            <Show when=move || print_view.get()>
                <h4>"Every event"</h4>
                <ol class="event-log" data-testid=testid::DEBRIEF_EVENTS>
                    {move || events().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                </ol>
            </Show>
            <p class="button-row no-print">
                <button class="button" data-testid=testid::DEBRIEF_MD on:click=move |_| {
                    let text = ladder.with_untracked(|l| drill.with_value(|d| d.as_ref().map(|d| debrief_markdown(l, d))));
                    if let Some(text) = text {
                        // a refused download leaves nothing to undo; the button can be pressed again
                        let _ = download(&format!("{}-debrief.md", file_stem()), "text/markdown", &text);
                    }
                }>"Download debrief (Markdown)"</button>
                <button class="button" data-testid=testid::DEBRIEF_JSON on:click=move |_| {
                    if let Some(text) = drill.with_value(|d| d.as_ref().map(debrief_json)) {
                        let _ = download(&format!("{}-debrief.json", file_stem()), "application/json", &text);
                    }
                }>"Download debrief (JSON)"</button>
                <Show
                    when=move || print_view.get()
                    fallback=move || view! {
                        <button class="button" data-testid=testid::PRINT_VIEW on:click=move |_| {
                            print_view.set(true);
                            // the button goes; the debrief's heading takes the focus
                            crate::app::focus_later("#debrief-h".into());
                        }>"Print view"</button>
                    }
                >
                    <button class="button primary" on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>"Print"</button>
                    <button class="button" data-testid=testid::PRINT_VIEW_CLOSE on:click=move |_| leave_print_view(print_view)>"Back to the drill room"</button>
                </Show>
            </p>
        </section>
    }
}
