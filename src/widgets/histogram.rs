//! One figure's distribution as SVG bars.

use leptos::prelude::*;
use rungs_core::sim::{format_secs as secs, FigureStats, HISTOGRAM_BINS};

use crate::testid;

/// One figure's distribution as SVG bars, with its target marked.
#[component]
pub fn Histogram(
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
