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

/// How far (CSS pixels) a pressed pointer may wobble before it drags: a click is not a
/// drag.
const SLOP_PX: f64 = 3.0;
/// A double-click's second click within this long of adding a point does not remove it.
const DOUBLE_CLICK_MS: f64 = 600.0;

/// A point being dragged.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Drag {
    k: usize,
    /// The scale when the press began (frozen until release).
    scale: StepScale,
    /// Where the press was, in client pixels.
    press: (f64, f64),
    /// Pointer minus point at the press, in plot fractions, so a point grabbed off its
    /// centre does not jump.
    offset: (f64, f64),
    /// Whether it has moved beyond [`SLOP_PX`].
    moved: bool,
}

/// The pointer's client position with its fractions (`MouseEvent.clientX` is read as
/// an integer by web-sys; pointer events carry fractions).
fn client(ev: &PointerEvent) -> (f64, f64) {
    let get = |name: &str, whole: i32| {
        js_sys::Reflect::get(ev, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::from(whole))
    };
    (get("clientX", ev.client_x()), get("clientY", ev.client_y()))
}

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
/// `label` names the signal and its unit, above the chart and for assistive technology
/// (`Checkout error_rate (share, 0 to 1)`).
#[component]
pub fn StepChart(
    #[prop(into)] points: Signal<Vec<SignalPoint>>,
    #[prop(into)] horizon: Signal<Duration>,
    #[prop(into)] thresholds: Signal<Vec<f64>>,
    #[prop(into)] label: Signal<String>,
    set: Callback<Vec<SignalPoint>>,
    /// Called as a drag, a click, a double-click or a Delete begins, before its first
    /// `set`: each is one step of undo however many `set`s it makes.
    gesture: Callback<()>,
) -> impl IntoView {
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let drag = RwSignal::new(None::<Drag>);
    // While a point is dragged, the scale is frozen so the point stays under the pointer.
    let scale = Memo::new(move |_| match drag.get() {
        Some(d) => d.scale,
        None => StepScale::new(&points.get(), horizon.get(), &thresholds.get()),
    });
    let count = Memo::new(move |_| points.with(Vec::len));
    // A touch or pen press on the plot, added on release unless it became a scroll.
    let pending_add = StoredValue::new(None::<(f64, f64)>);
    // The time of the point added last and when it was added, so the second click of a
    // double-click on the plot does not remove the point its first click added.
    let added = StoredValue::new(None::<(Duration, f64)>);

    // A client position as fractions of the plot (may fall outside 0..1).
    let unit = move |(cx, cy): (f64, f64)| {
        let r = svg_ref.get_untracked()?.get_bounding_client_rect();
        if r.width() <= 0.0 || r.height() <= 0.0 {
            return None;
        }
        let sx = (cx - r.left()) / r.width() * W;
        let sy = (cy - r.top()) / r.height() * H;
        Some(((sx - LEFT) / (RIGHT - LEFT), (BOTTOM - sy) / (BOTTOM - TOP)))
    };
    let grab = move |ev: &PointerEvent, k: usize, s: StepScale| {
        let press = client(ev);
        let Some((x, y)) = unit(press) else { return };
        let (px, py) =
            points.with_untracked(|p| p.get(k).map(|p| s.to_unit(p.0, p.1)).unwrap_or((x, y)));
        drag.set(Some(Drag {
            k,
            scale: s,
            press,
            offset: (x - px, y - py),
            moved: false,
        }));
    };
    let add = move |at_client: (f64, f64)| -> Option<usize> {
        let (x, y) = unit(at_client)?;
        let s = scale.get_untracked();
        let (at, v) = s.from_unit(x, y);
        let mut p = points.get_untracked();
        let k = add_point(&mut p, at, v, &s)?;
        added.set_value(Some((p[k].0, js_sys::Date::now())));
        gesture.run(());
        set.run(p);
        Some(k)
    };
    let on_plot_down = move |ev: PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        if ev.pointer_type() != "mouse" {
            // the page may still scroll: add on release
            pending_add.set_value(Some(client(&ev)));
            return;
        }
        ev.prevent_default();
        if let Some(k) = add(client(&ev)) {
            // keep the button down to drag the new point into place
            grab(&ev, k, scale.get_untracked());
        }
    };
    let on_move = move |ev: PointerEvent| {
        let Some(mut d) = drag.get_untracked() else {
            return;
        };
        if ev.buttons() & 1 == 0 {
            // released where this chart did not hear it
            drag.set(None);
            return;
        }
        let c = client(&ev);
        if !d.moved {
            if (c.0 - d.press.0).hypot(c.1 - d.press.1) < SLOP_PX {
                return;
            }
            d.moved = true;
            drag.set(Some(d));
        }
        // Captured at the first real move, not on press, so that a click or a
        // double-click still reaches the point itself.
        if let Some(svg) = svg_ref.get_untracked() {
            if !svg.has_pointer_capture(ev.pointer_id()) {
                let _ = svg.set_pointer_capture(ev.pointer_id());
            }
        }
        let Some((x, y)) = unit(c) else { return };
        let (at, v) = d.scale.from_unit(x - d.offset.0, y - d.offset.1);
        let before = points.get_untracked();
        let mut p = before.clone();
        move_point(&mut p, d.k, at, v, &d.scale);
        if p != before {
            set.run(p);
        }
    };
    let on_up = move |_: PointerEvent| {
        drag.set(None);
        if let Some(c) = pending_add.try_update_value(Option::take).flatten() {
            add(c);
        }
    };
    let on_cancel = move |_: PointerEvent| {
        drag.set(None);
        pending_add.set_value(None);
    };
    // Moving the capture from the pressed element to the chart makes that element lose
    // its own (implicit, for touch and pen): only the chart's own loss ends a drag.
    let on_lost = move |ev: PointerEvent| {
        if ev.target() == ev.current_target() {
            drag.set(None);
        }
    };

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
        // focus the point before a removed last one, which takes its circle with it
        let refocus = move |removed: usize, left: usize| {
            if removed == left && removed > 0 {
                crate::platform::dom::focus_later(format!(
                    "[data-testid=\"{}\"] circle:nth-of-type({removed})",
                    testid::STEP_CHART
                ));
            }
        };
        view! {
            <circle
                class="handle"
                class:dragging=move || drag.with(|d| d.is_some_and(|d| d.k == k && d.moved))
                data-testid=testid::CHART_POINT
                r="6"
                cx=move || format!("{:.1}", px(pos().0))
                cy=move || format!("{:.1}", py(pos().1))
                tabindex="0"
                role="slider"
                aria-label=move || format!("Point {}", k + 1)
                aria-valuemin="0"
                aria-valuemax=move || scale.get().top
                aria-valuenow=move || at().map(|p| p.1).unwrap_or_default()
                aria-valuetext=text
                on:pointerdown=move |ev: PointerEvent| {
                    if ev.button() != 0 {
                        return;
                    }
                    ev.prevent_default();
                    ev.stop_propagation();
                    gesture.run(());
                    grab(&ev, k, scale.get_untracked());
                }
                on:dblclick=move |_| {
                    let mut p = points.get_untracked();
                    let fresh = added.get_value().is_some_and(|(when, t)| {
                        p.get(k).is_some_and(|q| q.0 == when) && js_sys::Date::now() - t < DOUBLE_CLICK_MS
                    });
                    if !fresh && k < p.len() {
                        p.remove(k);
                        gesture.run(());
                        set.run(p);
                    }
                }
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    let mut p = points.get_untracked();
                    let key = ev.key();
                    let removes = matches!(key.as_str(), "Delete" | "Backspace");
                    if removes {
                        gesture.run(());
                    }
                    // arrow presses coalesce into one step of undo, like typing
                    if key_edit(&mut p, k, &key, ev.shift_key(), &scale.get_untracked()) {
                        ev.prevent_default();
                        let left = p.len();
                        set.run(p);
                        if removes {
                            refocus(k, left);
                        }
                    }
                }
            >
                <title>{text}</title>
            </circle>
        }
    };

    view! {
        <p class="step-chart-title small" data-testid=testid::STEP_CHART_TITLE>
            {move || label.get()}
        </p>
        <svg
            node_ref=svg_ref
            class="step-chart"
            data-testid=testid::STEP_CHART
            viewBox=format!("0 0 {W} {H}")
            role="group"
            aria-label=move || format!("Step chart of {}: drag a point, click to add one, Delete to remove", label.get())
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_cancel
            on:lostpointercapture=on_lost
        >
            <rect class="plot" x=LEFT y=TOP width=RIGHT - LEFT height=BOTTOM - TOP on:pointerdown=on_plot_down />
            <line class="axis" x1=LEFT x2=RIGHT y1=BOTTOM y2=BOTTOM />
            <text class="tick" x=LEFT - 10.0 y=TOP + 4.0 text-anchor="end">{move || axis_label(scale.get().top)}</text>
            <text class="tick" x=LEFT - 10.0 y=(TOP + BOTTOM) / 2.0 + 3.0 text-anchor="end">{move || axis_label(scale.get().top / 2.0)}</text>
            <text class="tick" x=LEFT - 10.0 y=BOTTOM + 3.0 text-anchor="end">"0"</text>
            <text class="tick" x=LEFT y=H - 6.0 text-anchor="start">"0m"</text>
            <text class="tick" x=(LEFT + RIGHT) / 2.0 y=H - 6.0 text-anchor="middle">"time from the scenario's start"</text>
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
