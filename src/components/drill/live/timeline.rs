//! The swimlane timeline of a drill: a lane per tier and per person, every event as a
//! mark whose shape and colour the legend explains, the breaches as red bars across the
//! lanes, a fixed time axis over the scenario's horizon with a "now" line, and the
//! details of any mark by click, tap or keyboard.

use leptos::prelude::*;
use rungs_core::drill::{lanes, timeline_breaches, timeline_marks, TimelineMark};
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

/// What the timeline draws apart from "now": it changes only when an event is logged (or
/// the ladder's names change), not on every tick of the clock.
#[derive(Debug, Clone, Default, PartialEq)]
struct Frame {
    lanes: Vec<(String, String)>,
    marks: Vec<TimelineMark>,
    breaches: Vec<(SimTime, String)>,
    /// The scenario's horizon, in milliseconds.
    horizon: u64,
}

const LEFT: f64 = 150.0;
const WIDTH: f64 = 760.0;
const LANE_H: f64 = 26.0;
const TOP: f64 = 40.0;

impl Frame {
    fn height(&self) -> f64 {
        TOP + 22.0 + LANE_H * self.lanes.len().max(1) as f64
    }

    /// The axis' span, in milliseconds: the horizon, at least a minute.
    fn span(&self) -> u64 {
        self.horizon.max(60_000)
    }

    /// The x of simulated time `t` (ms) on the axis.
    fn x(&self, t: u64) -> f64 {
        LEFT + (t.min(self.span()) as f64 / self.span() as f64) * WIDTH
    }

    /// The lanes and the time axis, under the "now" line.
    fn background(&self) -> impl IntoView + use<> {
        let height = self.height();
        let step = tick_step(self.span());
        let ticks = (0..=self.span() / step)
            .map(|k| {
                let t = k * step;
                view! {
                    <g class="tl-tick">
                        <line x1=self.x(t) x2=self.x(t) y1=TOP y2=height - 20.0 />
                        <text x=self.x(t) y=height - 6.0 text-anchor="middle">{tick_label(t)}</text>
                    </g>
                }
            })
            .collect_view();
        let lanes = self
            .lanes
            .iter()
            .enumerate()
            .map(|(i, (_, name))| {
                let y = TOP + LANE_H * i as f64;
                view! {
                    <g class="tl-lane">
                        <rect x="0" y=y width="930" height=LANE_H class=if i % 2 == 0 { "even" } else { "odd" } />
                        <text x="6" y=y + 17.0>{name.clone()}</text>
                    </g>
                }
            })
            .collect_view();
        (lanes, ticks)
    }

    /// The breaches drawn across the lanes. A label takes turns on two rows and is
    /// skipped where it would overprint the one before.
    fn breach_items(&self) -> Vec<Item> {
        let height = self.height();
        let mut last_label = [f64::NEG_INFINITY; 2];
        self.breaches
            .iter()
            .enumerate()
            .map(|(k, (t, what))| {
                let x = self.x(t.0);
                let row = k % 2;
                let shown = x - last_label[row] > 110.0;
                if shown {
                    last_label[row] = x;
                }
                let label = format!("breach: {what}, at {t}");
                let (bottom, caption_y) = (height - 20.0, 12.0 + 13.0 * row as f64);
                Item {
                    index: k,
                    label,
                    draw: Draw::Breach {
                        x,
                        bottom,
                        caption: shown.then(|| (format!("breach: {what}"), caption_y)),
                    },
                }
            })
            .collect()
    }

    /// The marks, each in its lane.
    fn mark_items(&self) -> Vec<Item> {
        self.marks
            .iter()
            .enumerate()
            .filter_map(|(k, m)| {
                let lane = self.lanes.iter().position(|(id, _)| *id == m.lane)?;
                let label = format!("{} {} {}", m.t, self.lanes[lane].1, m.kind.as_str());
                let (x, y) = (self.x(m.t.0), TOP + LANE_H * lane as f64 + LANE_H / 2.0);
                Some(Item {
                    index: k,
                    label,
                    draw: Draw::Mark { kind: m.kind, x, y },
                })
            })
            .collect()
    }
}

/// A breach or a mark on the timeline, with what it says when chosen.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    /// Its place among the breaches or the marks.
    index: usize,
    label: String,
    draw: Draw,
}

#[derive(Debug, Clone, PartialEq)]
enum Draw {
    Breach {
        x: f64,
        bottom: f64,
        /// The label shown above the lanes, and its y.
        caption: Option<(String, f64)>,
    },
    Mark {
        kind: EventKind,
        x: f64,
        y: f64,
    },
}

impl Item {
    /// Its key: its place, its label (time, lane, kind) and its coordinates, all its
    /// drawing depends on, so a tick or a new event leaves the items drawn as they are and
    /// an item that moves (a lane added under a breach line) is drawn again.
    fn key(&self) -> (usize, String, Vec<u64>) {
        let coordinates = match &self.draw {
            Draw::Breach { x, bottom, caption } => {
                vec![*x, *bottom, caption.as_ref().map_or(-1.0, |(_, y)| *y)]
            }
            Draw::Mark { x, y, .. } => vec![*x, *y],
        };
        let bits = coordinates.into_iter().map(f64::to_bits).collect();
        (self.index, self.label.clone(), bits)
    }

    /// The item as a button that tells, through `detail`, what happened by click, tap or
    /// keyboard.
    fn view(self, detail: RwSignal<Option<String>>) -> impl IntoView {
        let said = self.label.clone();
        let focus_said = self.label.clone();
        let (class, kind, picture) = match self.draw {
            Draw::Breach { x, bottom, caption } => (
                "tl-breach".to_string(),
                None,
                view! {
                    <line x1=x x2=x y1=TOP - 4.0 y2=bottom />
                    {caption.map(|(text, y)| view! { <text x=x + 4.0 y=y>{text}</text> })}
                }
                .into_any(),
            ),
            Draw::Mark { kind, x, y } => {
                let (shape, class) = legend_of(kind);
                let r = if kind == EventKind::Breach { 7.0 } else { 5.0 };
                (
                    format!("tl-mark {class}"),
                    Some(kind.as_str()),
                    shape_view(shape, x, y, r),
                )
            }
        };
        view! {
            <g class=class tabindex="0" role="button" aria-label=self.label data-kind=kind
                on:click=move |_| detail.set(Some(said.clone()))
                on:focus=move |_| detail.set(Some(focus_said.clone()))
            >
                {picture}
            </g>
        }
    }
}

/// The timeline of the drill in the room.
///
/// The clock ticks ten times a second; a tick moves the "now" line and the summary, and
/// redraws nothing else (the lanes, the axis and the marks follow the log).
#[component]
pub fn Timeline(
    /// The ladder, for names.
    ladder: Signal<Ladder>,
    /// The drill room.
    room: LiveRoom,
) -> impl IntoView {
    let detail = RwSignal::new(None::<String>);
    let frame = Memo::new(move |_| {
        room.read(ladder, |l, d| {
            let log = d.log();
            Frame {
                lanes: lanes(l, log),
                marks: timeline_marks(log),
                breaches: timeline_breaches(log),
                horizon: d.model().horizon.as_millis(),
            }
        })
    });
    // the lanes and the axis change when someone new is paged, not with every event
    let axis = Memo::new(move |_| {
        frame.with(|f| Frame {
            lanes: f.lanes.clone(),
            horizon: f.horizon,
            ..Frame::default()
        })
    });
    let events = Memo::new(move |_| room.watch(|d| d.log().len()));
    let now = Memo::new(move |_| room.watch(|d| d.now().as_millis()));
    let now_x = move || frame.with(|f| f.x(now.get()));
    let draw = view! {
        <svg
            class="timeline"
            data-testid=testid::TIMELINE
            viewBox=move || format!("0 0 930 {}", frame.with(Frame::height))
            role="group"
            aria-label=move || format!("Timeline of {} events up to {}", events.get(), SimTime(now.get()))
        >
            {move || axis.with(Frame::background)}
            <line class="tl-now" x1=now_x x2=now_x y1=TOP - 6.0 y2=move || frame.with(Frame::height) - 20.0 />
            <For each=move || frame.with(Frame::breach_items) key=Item::key children=move |i| i.view(detail) />
            <For each=move || frame.with(Frame::mark_items) key=Item::key children=move |i| i.view(detail) />
        </svg>
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
