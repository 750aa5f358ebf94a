//! The drill log's trend (extras module): one small chart per figure the log follows,
//! oldest record on the left, a dashed line where the ladder's version changed, drills
//! as circles and studies as squares, with the same figures as a table; and the log's
//! exports as JSON and CSV. The page hands the log over as `rungs.drill-log/v1` JSON.

use leptos::prelude::*;
use rungs_core::drill::log::{self, DrillLog, RecordKind, Trend, TrendChart};

use crate::platform::files::download;
use crate::testid;
use crate::widgets::plot::Area;

/// The chart's drawing area, in the SVG's units.
const W: f64 = 320.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 96.0;
const H: f64 = 112.0;

const AREA: Area = Area {
    left: LEFT,
    right: W - RIGHT,
    top: TOP,
    bottom: BOTTOM,
};

/// The trend of the drill log in `log` (its JSON), with its exports.
#[component]
pub fn DrillLogTrend(
    /// The log as `rungs.drill-log/v1` JSON.
    log: String,
) -> impl IntoView {
    let Ok(DrillLog {
        ladder, records, ..
    }) = serde_json::from_str::<DrillLog>(&log)
    else {
        return view! { <p class="field-msg error" role="alert">"The drill log could not be read."</p> }
            .into_any();
    };
    let trend = log::trend(&records);
    let stem = rungs_core::share::file_name(&ladder)
        .trim_end_matches(".json")
        .to_string();
    let json = log::to_json(&ladder, &records);
    let csv = log::to_csv(&records);
    let (json_file, csv_file) = (
        format!("{stem}-drill-log.json"),
        format!("{stem}-drill-log.csv"),
    );
    let table = table(&trend);
    let Trend {
        charts, versions, ..
    } = trend;
    let charts = charts
        .into_iter()
        .map(|c| view! { <Chart chart=c versions=versions.clone() /> })
        .collect_view();
    view! {
        <div class="log-trend" data-testid=testid::LOG_TREND>
            <h3>"Across drills and versions"</h3>
            <p class="muted small">
                "Oldest on the left. ● a drill, ■ a study; a dashed line where the ladder's version changed."
            </p>
            <div class="trend-charts">{charts}</div>
            <details class="trend-table">
                <summary>"The same figures as a table"</summary>
                {table}
            </details>
            <p class="entry-actions">
                <button class="button small" on:click=move |_| {
                    let _ = download(&json_file, "application/json", &json);
                }>"Download the log (JSON)"</button>
                <button class="button small" on:click=move |_| {
                    let _ = download(&csv_file, "text/csv", &csv);
                }>"Download the log (CSV)"</button>
            </p>
        </div>
    }
    .into_any()
}

/// One figure over the records.
#[component]
fn Chart(
    /// What to draw.
    chart: TrendChart,
    /// Where the version changed.
    versions: Vec<log::VersionMark>,
) -> impl IntoView {
    let TrendChart {
        title,
        unit,
        top,
        higher_is_better,
        points,
        ..
    } = chart;
    let line = points
        .iter()
        .map(|p| format!("{:.1},{:.1}", AREA.x(p.x), AREA.y(p.y)))
        .collect::<Vec<_>>()
        .join(" ");
    let marks = versions
        .into_iter()
        .map(|v| {
            let at = format!("{:.1}", AREA.x(v.x));
            view! {
                <line class="version-mark" x1=at.clone() x2=at.clone() y1=TOP y2=BOTTOM />
                <text class="axis-label" x=at y=TOP - 4.0 text-anchor="middle">{v.label}</text>
            }
        })
        .collect_view();
    let empty = points.is_empty();
    let dots = points
        .into_iter()
        .map(|p| {
            let (cx, cy) = (AREA.x(p.x), AREA.y(p.y));
            let tip = format!("{}: {}", p.label, p.value);
            match p.kind {
                RecordKind::Drill => view! {
                    <circle class="point" cx=format!("{cx:.1}") cy=format!("{cy:.1}") r="4">
                        <title>{tip}</title>
                    </circle>
                }
                .into_any(),
                RecordKind::Study => view! {
                    <rect
                        class="point"
                        x=format!("{:.1}", cx - 4.0)
                        y=format!("{:.1}", cy - 4.0)
                        width="8"
                        height="8"
                    >
                        <title>{tip}</title>
                    </rect>
                }
                .into_any(),
            }
        })
        .collect_view();
    let better = if higher_is_better {
        "higher is better"
    } else {
        "lower is better"
    };
    view! {
        <figure class="trend-chart" data-testid=testid::TREND_CHART>
            <figcaption>
                <strong>{title}</strong>
                <span class="muted small">{format!("{unit}; {better}")}</span>
            </figcaption>
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=title>
                <line class="axis" x1=LEFT x2=LEFT y1=TOP y2=BOTTOM />
                <line class="axis" x1=LEFT x2=W - RIGHT y1=BOTTOM y2=BOTTOM />
                <line class="grid" x1=LEFT x2=W - RIGHT y1=TOP y2=TOP />
                <text class="axis-label" x=LEFT - 4.0 y=TOP + 3.0 text-anchor="end">{top}</text>
                <text class="axis-label" x=LEFT - 4.0 y=BOTTOM + 3.0 text-anchor="end">"0"</text>
                <text class="axis-label" x=LEFT y=H - 2.0>"oldest"</text>
                <text class="axis-label" x=W - RIGHT y=H - 2.0 text-anchor="end">"newest"</text>
                {marks}
                <polyline class="trend-line" points=line />
                {dots}
                {empty.then(|| view! {
                    <text class="axis-label" x=W / 2.0 y=(TOP + BOTTOM) / 2.0 text-anchor="middle">
                        "Not measured yet"
                    </text>
                })}
            </svg>
        </figure>
    }
}

/// The trend's figures as a table, oldest first.
fn table(trend: &Trend) -> impl IntoView {
    let head = trend
        .charts
        .iter()
        .map(|c| view! { <th scope="col">{c.title}</th> })
        .collect_view();
    let rows = trend
        .labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let cells = trend
                .charts
                .iter()
                .map(|c| {
                    let v = c.values.get(i).cloned().flatten();
                    view! { <td>{v.unwrap_or_else(|| "—".to_string())}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{label.clone()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="whatif-table">
            <thead>
                <tr>
                    <th scope="col">"Record"</th>
                    {head}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
