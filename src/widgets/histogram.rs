//! One figure's distribution as SVG bars, with a count axis, round time ticks and the
//! median, p90 and target marked (the core's [`HistogramChart`] says where).

use leptos::prelude::*;
use rungs_core::sim::{format_secs as secs, FigureStats};
use rungs_core::study::HistogramChart;

use crate::testid;
use crate::widgets::plot::Area;

/// Plot area, in the SVG's units: left margin for the counts, rows on top for the marks'
/// labels, a row below for the time ticks.
const LEFT: f64 = 30.0;
const RIGHT: f64 = 8.0;
const W: f64 = 340.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 150.0;

const AREA: Area = Area {
    left: LEFT,
    right: W - RIGHT,
    top: TOP,
    bottom: BOTTOM,
};

fn x(share: f64) -> f64 {
    AREA.x(share)
}

fn y(share: f64) -> f64 {
    AREA.y(share)
}

/// One figure's distribution as SVG bars.
#[component]
pub fn Histogram(
    /// Heading.
    title: &'static str,
    /// The figure's statistics and histogram.
    figure: FigureStats,
    /// Where its axes, bars and marks go.
    chart: HistogramChart,
    /// Detected incidents (for the met-target share).
    incidents: u32,
) -> impl IntoView {
    let h = &figure.histogram;
    let bins = chart.bars.len().max(1) as f64;
    let bar_w = (W - LEFT - RIGHT) / bins;
    let bars = chart
        .bars
        .iter()
        .zip(&h.counts)
        .enumerate()
        .map(|(i, (&share, &n))| {
            let top = y(share);
            view! {
                <rect
                    class="bar"
                    x=format!("{:.1}", x(i as f64 / bins) + 0.5)
                    y=format!("{top:.1}")
                    width=format!("{:.1}", bar_w - 1.0)
                    height=format!("{:.1}", BOTTOM - top)
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
    let count_ticks = chart
        .count_ticks
        .iter()
        .map(|&(share, n)| {
            let ty = y(share);
            view! {
                <line class="grid" x1=LEFT.to_string() x2=(W - RIGHT).to_string() y1=format!("{ty:.1}") y2=format!("{ty:.1}")></line>
                <text class="axis-label" x=(LEFT - 3.0).to_string() y=format!("{:.1}", ty + 3.5) text-anchor="end">
                    {n.to_string()}
                </text>
            }
        })
        .collect_view();
    let time_ticks = chart
        .time_ticks
        .iter()
        .enumerate()
        .map(|(i, (share, label))| {
            let tx = x(*share);
            let last = i + 1 == chart.time_ticks.len();
            let anchor = if i == 0 { "start" } else if last { "end" } else { "middle" };
            view! {
                <line class="axis" x1=format!("{tx:.1}") x2=format!("{tx:.1}") y1=BOTTOM.to_string() y2=(BOTTOM + 3.0).to_string()></line>
                <text class="axis-label" x=format!("{tx:.1}") y=(BOTTOM + 13.0).to_string() text-anchor=anchor>
                    {label.clone()}
                </text>
            }
        })
        .collect_view();
    // one row of label per mark, target on top, so labels never overprint
    let marks = chart
        .marks
        .iter()
        .rev()
        .enumerate()
        .map(|(row, m)| {
            let mx = x(m.at);
            let ly = 10.0 + row as f64 * 12.0;
            let right_half = m.at > 0.5;
            let anchor = if right_half { "end" } else { "start" };
            let tx = if right_half { mx - 3.0 } else { mx + 3.0 };
            let class = m.kind.class();
            view! {
                <line class=format!("mark {class}") x1=format!("{mx:.1}") x2=format!("{mx:.1}") y1=format!("{:.1}", ly - 8.0) y2=BOTTOM.to_string()></line>
                <text class=format!("mark-label {class}") x=format!("{tx:.1}") y=format!("{ly:.1}") text-anchor=anchor>
                    {m.label.clone()}
                </text>
            }
        })
        .collect_view();
    let met = figure
        .met_target
        .map_or("—".to_string(), |m| format!("{:.1}%", m * 100.0));
    let marks_text = chart
        .marks
        .iter()
        .map(|m| m.label.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let caption = format!(
        "{marks_text}; reached in {} of {} incidents; within target {}{}",
        figure.reached,
        incidents,
        met,
        if h.over > 0 {
            format!("; {} beyond the chart", h.over)
        } else {
            String::new()
        }
    );
    let axis_note = format!(
        "Runs per {} bin (count axis up to {}), over time from detection",
        chart.bin, chart.count_max
    );
    view! {
        <figure class="histogram" data-testid=testid::STUDY_HISTOGRAM data-figure=title>
            <figcaption>
                <strong>{title}</strong>
                <span class="muted small">{caption.clone()}</span>
            </figcaption>
            <svg
                viewBox=format!("0 0 {W} {}", BOTTOM + 18.0)
                role="img"
                aria-label=format!("{title}: {caption}. {axis_note}.")
            >
                {count_ticks}
                {bars}
                <line class="axis" x1=LEFT.to_string() x2=(W - RIGHT).to_string() y1=BOTTOM.to_string() y2=BOTTOM.to_string()></line>
                <line class="axis" x1=LEFT.to_string() x2=LEFT.to_string() y1=TOP.to_string() y2=BOTTOM.to_string()></line>
                {time_ticks}
                {marks}
            </svg>
            <p class="muted small histogram-note">{axis_note}</p>
        </figure>
    }
}
