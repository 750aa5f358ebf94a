//! Who is on call this week: a lane per rotation over the next seven days, each shift a
//! named block (a button: its details by click, tap or keyboard), the gaps marked, the
//! days ticked, "now" at the left edge. Read in the viewer's time zone.

use leptos::prelude::*;
use rungs_core::paging::{schedule_week, weeks_of, Lane, LanesOf};
use rungs_core::Instant;

use crate::platform::clock::viewer_zone;
use crate::state::doc::use_doc;
use crate::testid;

/// A percentage for CSS, from a fraction of the week. (Set through the CSS object model
/// with `style:`, which the Content-Security-Policy allows; a `style` attribute it
/// refuses.)
fn pct(f: f64) -> String {
    format!("{:.3}%", (f * 100.0).clamp(0.0, 100.0))
}

/// The week's schedule, rotation by rotation.
#[component]
pub fn Schedule(
    /// The current instant, moving on every minute (the page's, which also says who is
    /// on call now).
    now: ReadSignal<Instant>,
) -> impl IntoView {
    let doc = use_doc();
    let zone = viewer_zone();
    let week = Memo::new(move |_| doc.ladder.with(|l| schedule_week(l, now.get(), &zone)));
    // what the last block chosen says, for touch and keyboard
    let detail = RwSignal::new(None::<String>);
    view! {
        <section class="panel schedule" aria-labelledby="schedule-h" data-testid=testid::SCHEDULE>
            <div class="section-head">
                <h2 id="schedule-h">"Who is on call this week"</h2>
            </div>
            <p class="muted small">
                {move || week.with(|w| format!("{} · times in {}", w.label, w.zone))}
            </p>
            <Show when=move || week.with(|w| w.lanes.is_empty())>
                <p class="muted small empty-note" data-testid=testid::EMPTY_NOTE data-kind="schedule">
                    "No rotations yet, so nobody is on call by turns. Add a rotation under Rotations and its shifts show here, hour by hour, in your time zone."
                </p>
            </Show>
            <div class="schedule-days" aria-hidden="true" class:hidden=move || week.with(|w| w.lanes.is_empty())>
                <span class="schedule-now" style:left="0%">"now"</span>
                {move || {
                    week.with(|w| {
                        w.days
                            .iter()
                            .map(|d| {
                                // a day starting near the right edge is labelled to the left
                                // of its tick, so the label never runs off the page
                                view! { <span class="schedule-day" class:end={d.at > 0.85} style:left=pct(d.at)>{d.label.clone()}</span> }
                            })
                            .collect_view()
                    })
                }}
            </div>
            <ul class="schedule-lanes">
                {move || {
                    week.with(|w| {
                        w.lanes
                            .iter()
                            .cloned()
                            .map(|lane| view! { <ScheduleLane lane=lane detail=detail /> })
                            .collect_view()
                    })
                }}
            </ul>
            <p class="schedule-detail small" role="status" data-testid=testid::SCHEDULE_DETAIL class:hidden=move || week.with(|w| w.lanes.is_empty())>
                {move || detail.get().unwrap_or_else(|| "Choose a shift or a gap for its times.".into())}
            </p>
        </section>
    }
}

/// Who is on call for a rotation or who a schedule pages over the next four weeks, a lane
/// per week, in the viewer's time zone: the designer's calendar strip.
#[component]
pub fn CalendarStrip(
    /// The rotation or schedule.
    of: LanesOf,
) -> impl IntoView {
    let doc = use_doc();
    let zone = viewer_zone();
    let label = format!(
        "Who is on call over the next four weeks, a row per week from today · times in {zone}"
    );
    let weeks = Memo::new(move |_| {
        doc.ladder
            .with(|l| weeks_of(l, of, crate::platform::clock::now(), 4, &zone))
    });
    let detail = RwSignal::new(None::<String>);
    view! {
        <section class="schedule calendar-strip" data-testid=testid::CALENDAR_STRIP>
            <h3>"Calendar"</h3>
            <p class="muted small">{label}</p>
            <ul class="schedule-lanes">
                {move || {
                    weeks
                        .get()
                        .into_iter()
                        .map(|lane| view! { <ScheduleLane lane=lane detail=detail /> })
                        .collect_view()
                }}
            </ul>
            <p class="schedule-detail small" role="status">
                {move || detail.get().unwrap_or_else(|| "Choose a shift or a gap for its times.".into())}
            </p>
        </section>
    }
}

/// One rotation's week.
#[component]
fn ScheduleLane(
    /// The lane.
    lane: Lane,
    /// Where a chosen block's details go.
    detail: RwSignal<Option<String>>,
) -> impl IntoView {
    let Lane {
        name,
        window,
        segments,
        gaps,
        truncated,
        ..
    } = lane;
    let about = match &window {
        Some(w) => format!("{name} ({w})"),
        None => format!("{name} (around the clock)"),
    };
    view! {
        <li class="schedule-lane" data-testid=testid::SCHEDULE_LANE>
            <span class="schedule-name">{name.clone()}{window.map(|w| view! { <span class="muted small">{w}</span> })}</span>
            <div class="schedule-track" role="group" aria-label=about>
                {segments
                    .into_iter()
                    .map(|s| {
                        let label = s.label.clone();
                        let said = s.label.clone();
                        view! {
                            <button
                                class="schedule-shift"
                                data-testid=testid::SCHEDULE_SHIFT
                                style:left=pct(s.start)
                                style:width=pct(s.end - s.start)
                                title=label.clone()
                                aria-label=label
                                on:click=move |_| detail.set(Some(said.clone()))
                            >
                                <span>{s.person}</span>
                            </button>
                        }
                    })
                    .collect_view()}
                {gaps
                    .into_iter()
                    .map(|g| {
                        let label = g.label.clone();
                        let said = g.label.clone();
                        view! {
                            <button
                                class="schedule-gap"
                                style:left=pct(g.start)
                                style:width=pct(g.end - g.start)
                                title=label.clone()
                                aria-label=label
                                on:click=move |_| detail.set(Some(said.clone()))
                            ></button>
                        }
                    })
                    .collect_view()}
            </div>
            {truncated.then(|| view! { <span class="muted small">"Shifts this short are shown up to the first 400."</span> })}
        </li>
    }
}
