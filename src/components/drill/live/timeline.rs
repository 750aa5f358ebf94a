//! The swimlane timeline of a drill.

use leptos::prelude::*;
use rungs_core::drill::{lanes, timeline_breaches, timeline_end, timeline_marks};
use rungs_core::sim::{EventKind, SimTime};
use rungs_core::Ladder;

use crate::state::drill_room::DrillRoom;
use crate::testid;

/// The swimlane timeline: a lane per tier and per person; pages, acknowledgements,
/// escalations and breaches as they happen. Breaches are red bars across every lane.
#[component]
pub fn Timeline(
    /// The ladder, for names.
    ladder: Signal<Ladder>,
    /// The drill room.
    room: DrillRoom,
) -> impl IntoView {
    let draw = move || {
        let (lanes, marks, breaches, end, events) = room.read(ladder, |l, d| {
            let log = d.log();
            (
                lanes(l, log),
                timeline_marks(log),
                timeline_breaches(log),
                timeline_end(log),
                log.len(),
            )
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
        let marks = marks
            .iter()
            .filter_map(|m| {
                let y = lane_y(&m.lane)?;
                let class = format!("tl-mark {}", m.kind.as_str().replace(' ', "-"));
                Some(view! {
                    <circle class=class cx=x(m.t.0) cy=y r=if m.kind == EventKind::Breach { 7.0 } else { 5.0 }>
                        <title>{format!("{} {}", m.t, m.kind.as_str())}</title>
                    </circle>
                })
            })
            .collect_view();
        let breaches = breaches
            .into_iter()
            .map(|(t, detail)| {
                view! {
                    <g class="tl-breach">
                        <line x1=x(t.0) x2=x(t.0) y1="18" y2=height - 4.0 />
                        <text x=x(t.0) + 4.0 y="14">{format!("breach: {detail}")}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg class="timeline" data-testid=testid::TIMELINE viewBox=format!("0 0 930 {height}") role="img" aria-label=format!("Timeline of {events} events")>
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
