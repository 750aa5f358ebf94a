//! The swimlane timeline of a drill: a lane per tier and per person, every event as a
//! mark whose shape and colour the legend explains, the breaches as red bars across the
//! lanes, a fixed time axis over the scenario's horizon with a "now" line, and the
//! details of any mark by click, tap or keyboard.

use leptos::prelude::*;
use rungs_core::drill::{lanes, timeline_breaches, timeline_marks};
use rungs_core::sim::{EventKind, SimTime};
use rungs_core::Ladder;

use crate::state::live_room::LiveRoom;
use crate::testid;

/// How a kind of event is drawn: its shape, its class (colour) and its legend entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Circle,
    Square,
    Up,
    Down,
    Diamond,
    Dot,
}

/// Every legend entry: shape, class, words. Each kind of event maps to one of them.
const LEGEND: [(Shape, &str, &str); 9] = [
    (Shape::Circle, "paged", "paged"),
    (Shape::Circle, "acknowledged", "acknowledged"),
    (Shape::Up, "escalated", "escalated or promoted"),
    (Shape::Down, "demoted", "demoted"),
    (Shape::Square, "contained", "contained"),
    (Shape::Square, "resolved", "resolved"),
    (Shape::Square, "update", "status update"),
    (
        Shape::Diamond,
        "breach",
        "breach, missed update or policy exhausted",
    ),
    (
        Shape::Dot,
        "other",
        "opened, trigger, note or facilitator's inject",
    ),
];

/// The legend entry of a kind of event.
fn legend_of(kind: EventKind) -> (Shape, &'static str) {
    let class = match kind {
        EventKind::Page | EventKind::EmptyPage => "paged",
        EventKind::Ack => "acknowledged",
        EventKind::Escalated | EventKind::Promoted => "escalated",
        EventKind::Demoted => "demoted",
        EventKind::Contained => "contained",
        EventKind::Resolved => "resolved",
        EventKind::FirstUpdate | EventKind::UpdatePosted => "update",
        EventKind::Breach | EventKind::UpdateMissed | EventKind::Exhausted | EventKind::AckLost => {
            "breach"
        }
        _ => "other",
    };
    let shape = LEGEND
        .iter()
        .find(|(_, c, _)| *c == class)
        .map_or(Shape::Dot, |(s, _, _)| *s);
    (shape, class)
}

/// The SVG of a mark of `shape` centred at (`x`, `y`), radius `r`.
fn shape_view(shape: Shape, x: f64, y: f64, r: f64) -> AnyView {
    let points = |p: &[(f64, f64)]| {
        p.iter()
            .map(|(dx, dy)| format!("{:.1},{:.1}", x + dx * r, y + dy * r))
            .collect::<Vec<_>>()
            .join(" ")
    };
    match shape {
        Shape::Circle => view! { <circle cx=x cy=y r=r /> }.into_any(),
        Shape::Dot => view! { <circle cx=x cy=y r=r * 0.6 /> }.into_any(),
        Shape::Square => {
            view! { <rect x=x - r * 0.85 y=y - r * 0.85 width=r * 1.7 height=r * 1.7 /> }.into_any()
        }
        Shape::Up => {
            view! { <polygon points=points(&[(0.0, -1.1), (1.0, 0.8), (-1.0, 0.8)]) /> }.into_any()
        }
        Shape::Down => {
            view! { <polygon points=points(&[(0.0, 1.1), (1.0, -0.8), (-1.0, -0.8)]) /> }.into_any()
        }
        Shape::Diamond => {
            view! { <polygon points=points(&[(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)]) /> }
                .into_any()
        }
    }
}

/// A tick interval for an axis of `span_ms`: the first of the usual steps that gives at
/// most eight ticks.
fn tick_step(span_ms: u64) -> u64 {
    const MIN: u64 = 60_000;
    [1, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440, 2880, 10_080]
        .into_iter()
        .map(|m| m * MIN)
        .find(|step| span_ms / step <= 8)
        .unwrap_or(20_160 * MIN)
}

/// `+1h`, `+30m`, `+1d2h` for a tick.
fn tick_label(ms: u64) -> String {
    let m = ms / 60_000;
    let (d, h, m) = (m / 1440, m / 60 % 24, m % 60);
    let mut s = String::from("+");
    if d > 0 {
        s.push_str(&format!("{d}d"));
    }
    if h > 0 {
        s.push_str(&format!("{h}h"));
    }
    if m > 0 || (d == 0 && h == 0) {
        s.push_str(&format!("{m}m"));
    }
    s
}

/// The timeline of the drill in the room.
#[component]
pub fn Timeline(
    /// The ladder, for names.
    ladder: Signal<Ladder>,
    /// The drill room.
    room: LiveRoom,
) -> impl IntoView {
    let detail = RwSignal::new(None::<String>);
    let draw = move || {
        let (lanes, marks, breaches, horizon, now, events) = room.read(ladder, |l, d| {
            let log = d.log();
            (
                lanes(l, log),
                timeline_marks(log),
                timeline_breaches(log),
                d.model().horizon.as_millis().max(60_000),
                d.now().as_millis(),
                log.len(),
            )
        });
        let (left, width, lane_h, top) = (150.0, 760.0, 26.0, 40.0);
        let height = top + 22.0 + lane_h * lanes.len().max(1) as f64;
        let x = move |t: u64| left + (t.min(horizon) as f64 / horizon as f64) * width;
        let lane_of = |id: &str| lanes.iter().position(|(x, _)| x == id);
        let lane_y = |i: usize| top + lane_h * i as f64 + lane_h / 2.0;
        let step = tick_step(horizon);
        let ticks = (0..=horizon / step)
            .map(|k| {
                let t = k * step;
                view! {
                    <g class="tl-tick">
                        <line x1=x(t) x2=x(t) y1=top y2=height - 20.0 />
                        <text x=x(t) y=height - 6.0 text-anchor="middle">{tick_label(t)}</text>
                    </g>
                }
            })
            .collect_view();
        // breach labels take turns on two rows and skip a label that would overprint
        let mut last_label = [f64::NEG_INFINITY; 2];
        let breaches = breaches
            .into_iter()
            .enumerate()
            .map(|(k, (t, what))| {
                let bx = x(t.0);
                let row = k % 2;
                let shown = bx - last_label[row] > 110.0;
                if shown {
                    last_label[row] = bx;
                }
                let label = format!("breach: {what}, at {t}");
                let said = label.clone();
                view! {
                    <g class="tl-breach" tabindex="0" role="button" aria-label=label.clone()
                        on:click=move |_| detail.set(Some(said.clone()))
                        on:focus={
                            let said = label.clone();
                            move |_| detail.set(Some(said.clone()))
                        }
                    >
                        <line x1=bx x2=bx y1=top - 4.0 y2=height - 20.0 />
                        {shown.then(|| view! { <text x=bx + 4.0 y=12.0 + 13.0 * row as f64>{format!("breach: {what}")}</text> })}
                    </g>
                }
            })
            .collect_view();
        let names: Vec<String> = lanes.iter().map(|(_, n)| n.clone()).collect();
        let marks = marks
            .iter()
            .filter_map(|m| {
                let i = lane_of(&m.lane)?;
                let (shape, class) = legend_of(m.kind);
                let label = format!("{} {} {}", m.t, names[i], m.kind.as_str());
                let said = label.clone();
                let focus_said = label.clone();
                Some(view! {
                    <g class=format!("tl-mark {class}") tabindex="0" role="button" aria-label=label
                        data-kind=m.kind.as_str()
                        on:click=move |_| detail.set(Some(said.clone()))
                        on:focus=move |_| detail.set(Some(focus_said.clone()))
                    >
                        {shape_view(shape, x(m.t.0), lane_y(i), if m.kind == EventKind::Breach { 7.0 } else { 5.0 })}
                    </g>
                })
            })
            .collect_view();
        view! {
            <svg class="timeline" data-testid=testid::TIMELINE viewBox=format!("0 0 930 {height}") role="group" aria-label=format!("Timeline of {events} events up to {}", SimTime(now))>
                {lanes
                    .iter()
                    .enumerate()
                    .map(|(i, (_, name))| {
                        let y = top + lane_h * i as f64;
                        view! {
                            <g class="tl-lane">
                                <rect x="0" y=y width="930" height=lane_h class=if i % 2 == 0 { "even" } else { "odd" } />
                                <text x="6" y=y + 17.0>{name.clone()}</text>
                            </g>
                        }
                    })
                    .collect_view()}
                {ticks}
                <line class="tl-now" x1=x(now) x2=x(now) y1=top - 6.0 y2=height - 20.0 />
                {breaches}
                {marks}
            </svg>
        }
    };
    view! {
        <div class="timeline-wrap">
            <ul class="tl-legend small" aria-label="What the marks mean">
                {LEGEND
                    .iter()
                    .map(|(shape, class, words)| {
                        view! {
                            <li>
                                <svg class=format!("tl-key tl-mark {class}") viewBox="0 0 14 14" aria-hidden="true">
                                    {shape_view(*shape, 7.0, 7.0, 5.0)}
                                </svg>
                                {*words}
                            </li>
                        }
                    })
                    .collect_view()}
                <li><span class="tl-now-key" aria-hidden="true"></span>"now"</li>
            </ul>
            {draw}
            <p class="tl-detail small" role="status" data-testid=testid::TIMELINE_DETAIL>
                {move || detail.get().unwrap_or_else(|| "Choose a mark for what happened then.".into())}
            </p>
        </div>
    }
}
