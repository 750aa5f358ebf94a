//! A scenario signal as a small step chart you edit in place: drag a point to move it,
//! click the chart to add one (and keep dragging to place it), double-click a point or
//! press Delete to remove it, or focus a point and use the arrow keys (Shift: ten
//! steps). The geometry and the edits are `rungs_core::step_chart`; this only maps
//! pointer positions to the plot and hands the new points to `set`.

use leptos::prelude::*;
use rungs_core::step_chart::{add_point, axis_label, key_edit, move_point, StepScale};
use rungs_core::{Duration, SignalPoint};
use web_sys::PointerEvent;

use crate::testid;

/// The chart's drawing size (the `viewBox`; CSS scales it with its aspect ratio kept).
const W: f64 = 400.0;
const H: f64 = 130.0;
/// The plot area inside it: room on the left for the value labels, below for times.
const LEFT: f64 = 44.0;
const RIGHT: f64 = W - 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = H - 22.0;

fn px(x: f64) -> f64 {
    LEFT + x * (RIGHT - LEFT)
}
fn py(y: f64) -> f64 {
    BOTTOM - y * (BOTTOM - TOP)
}

/// The step line through `points` on `scale`, held to the right edge.
fn step_path(points: &[SignalPoint], scale: &StepScale) -> String {
    let mut d = String::new();
    for (k, SignalPoint(at, v)) in points.iter().enumerate() {
        let (x, y) = scale.to_unit(*at, *v);
        if k == 0 {
            d.push_str(&format!("M{:.1},{:.1}", px(x), py(y)));
        } else {
            d.push_str(&format!(" H{:.1} V{:.1}", px(x), py(y)));
        }
    }
    if !points.is_empty() {
        d.push_str(&format!(" H{RIGHT:.1}"));
    }
    d
}

/// An editable step chart of `points` over `horizon`, with dashed `thresholds`.
/// `label` names the signal for assistive technology (`checkout error_rate`).
#[component]
pub fn StepChart(
    #[prop(into)] points: Signal<Vec<SignalPoint>>,
    #[prop(into)] horizon: Signal<Duration>,
    #[prop(into)] thresholds: Signal<Vec<f64>>,
    #[prop(into)] label: Signal<String>,
    set: Callback<Vec<SignalPoint>>,
    /// Called as a drag, a click or a double-click begins, before its first `set`: each
    /// is one step of undo however many `set`s it makes.
    gesture: Callback<()>,
) -> impl IntoView {
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    // While a point is dragged, the scale is frozen so the point stays under the pointer.
    let drag = RwSignal::new(None::<(usize, StepScale)>);
    let scale = Memo::new(move |_| match drag.get() {
        Some((_, s)) => s,
        None => StepScale::new(&points.get(), horizon.get(), &thresholds.get()),
    });
    let count = Memo::new(move |_| points.with(Vec::len));

    // The pointer's position as fractions of the plot (may fall outside 0..1).
    let unit = move |ev: &PointerEvent| {
        let svg = svg_ref.get_untracked()?;
        let r = svg.get_bounding_client_rect();
        if r.width() <= 0.0 || r.height() <= 0.0 {
            return None;
        }
        let sx = (f64::from(ev.client_x()) - r.left()) / r.width() * W;
        let sy = (f64::from(ev.client_y()) - r.top()) / r.height() * H;
        Some(((sx - LEFT) / (RIGHT - LEFT), (BOTTOM - sy) / (BOTTOM - TOP)))
    };
    // The pointer is captured at its first move, not on press, so a click or a
    // double-click still reaches the point itself.
    let start_drag = move |k: usize, s: StepScale| {
        gesture.run(());
        drag.set(Some((k, s)));
    };
    let add_at = move |ev: PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        let Some((x, y)) = unit(&ev) else { return };
        let s = scale.get_untracked();
        let (at, v) = s.from_unit(x, y);
        let mut p = points.get_untracked();
        if let Some(k) = add_point(&mut p, at, v, &s) {
            gesture.run(());
            set.run(p);
            drag.set(Some((k, s)));
        }
    };
    let on_move = move |ev: PointerEvent| {
        let Some((k, s)) = drag.get_untracked() else {
            return;
        };
        if ev.buttons() & 1 == 0 {
            // released where this chart did not hear it
            drag.set(None);
            return;
        }
        if let Some(svg) = svg_ref.get_untracked() {
            if !svg.has_pointer_capture(ev.pointer_id()) {
                let _ = svg.set_pointer_capture(ev.pointer_id());
            }
        }
        let Some((x, y)) = unit(&ev) else { return };
        let (at, v) = s.from_unit(x, y);
        let before = points.get_untracked();
        let mut p = before.clone();
        move_point(&mut p, k, at, v, &s);
        if p != before {
            set.run(p);
        }
    };
    let end_drag = move |_| drag.set(None);

    let handle = move |k: usize| {
        let at = move || points.with(|p| p.get(k).copied());
        let pos = move || {
            at().map(|SignalPoint(t, v)| scale.with(|s| s.to_unit(t, v)))
                .unwrap_or_default()
        };
        let text = move || {
            at().map(|SignalPoint(t, v)| format!("from {t} on: {v}"))
                .unwrap_or_default()
        };
        view! {
            <circle
                class="handle"
                class:dragging=move || drag.with(|d| d.is_some_and(|(j, _)| j == k))
                data-testid=testid::CHART_POINT
                r="6"
                cx=move || format!("{:.1}", px(pos().0))
                cy=move || format!("{:.1}", py(pos().1))
                tabindex="0"
                role="slider"
                aria-label=move || format!("Point {}", k + 1)
                aria-valuenow=move || at().map(|p| p.1).unwrap_or_default()
                aria-valuetext=text
                on:pointerdown=move |ev: PointerEvent| {
                    if ev.button() != 0 {
                        return;
                    }
                    ev.prevent_default();
                    ev.stop_propagation();
                    start_drag(k, scale.get_untracked());
                }
                on:dblclick=move |_| {
                    let mut p = points.get_untracked();
                    if k < p.len() {
                        p.remove(k);
                        gesture.run(());
                        set.run(p);
                    }
                }
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    let mut p = points.get_untracked();
                    if key_edit(&mut p, k, &ev.key(), ev.shift_key(), &scale.get_untracked()) {
                        // key presses coalesce into one step like typing does
                        ev.prevent_default();
                        set.run(p);
                    }
                }
            >
                <title>{text}</title>
            </circle>
        }
    };

    view! {
        <svg
            node_ref=svg_ref
            class="step-chart"
            data-testid=testid::STEP_CHART
            viewBox=format!("0 0 {W} {H}")
            role="group"
            aria-label=move || format!("Step chart of {}: drag a point, click to add one, Delete to remove", label.get())
            on:pointermove=on_move
            on:pointerup=end_drag
            on:pointercancel=end_drag
            on:lostpointercapture=end_drag
        >
            <rect class="plot" x=LEFT y=TOP width=RIGHT - LEFT height=BOTTOM - TOP on:pointerdown=add_at />
            <line class="axis" x1=LEFT x2=RIGHT y1=BOTTOM y2=BOTTOM />
            <text class="tick" x=LEFT - 10.0 y=TOP + 4.0 text-anchor="end">{move || axis_label(scale.get().top)}</text>
            <text class="tick" x=LEFT - 10.0 y=BOTTOM + 3.0 text-anchor="end">"0"</text>
            <text class="tick" x=LEFT y=H - 6.0 text-anchor="start">"0m"</text>
            <text class="tick" x=RIGHT y=H - 6.0 text-anchor="end">{move || scale.get().end.to_string()}</text>
            {move || {
                let s = scale.get();
                thresholds
                    .get()
                    .into_iter()
                    .map(|t| {
                        let y = py(s.to_unit(Duration::ZERO, t).1);
                        view! { <line class="threshold" x1=LEFT x2=RIGHT y1=y y2=y /> }
                    })
                    .collect_view()
            }}
            <path class="line" d=move || points.with(|p| step_path(p, &scale.get())) />
            <For each=move || 0..count.get() key=|k| *k children=handle />
        </svg>
    }
}
