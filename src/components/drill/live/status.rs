//! Where the drill stands: its clock, the tier in force, breaches, open deadlines, and
//! the pages waiting for someone in the room.

use leptos::prelude::*;
use rungs_core::sim::format_duration as fmt_secs;
use rungs_core::{Duration, Ladder};

use crate::state::live_room::{LiveRoom, WhileWaiting};
use crate::testid;

/// The drill's clock line, a stopped run's reason, the breach flag and the deadlines.
#[component]
pub fn DrillStatus(
    /// The ladder drilled (for names).
    ladder: Signal<Ladder>,
    /// The drill room.
    room: LiveRoom,
) -> impl IntoView {
    let deadlines = move || room.watch(|d| d.open_deadlines());
    view! {
        <div class="drill-status">
            <p class="sim-clock" data-testid=testid::SIM_CLOCK aria-live="off">{move || room.watch(|d| Some(d.clock_text()))}</p>
            // A run stopped by the event budget says so, as text (tier ids are the
            // ladder's own text, never markup).
            {move || {
                room.watch(|d| d.budget_message())
                    .map(|m| view! { <p class="breach-flag" role="status">{m}</p> })
            }}
            {move || {
                room.read(ladder, |l, d| d.breach_flag(l))
                    .map(|flag| {
                        view! {
                            <p class="breach-flag" role="alert" data-testid=testid::BREACH_FLAG>
                                {flag}
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
    }
}

/// A card for each page waiting for someone in the room: who, what paged them, how long
/// until the step escalates, and their Acknowledge. While one waits the clock slows to
/// 1× or stops, as the facilitator chose, and says so.
#[component]
pub fn PageCards(
    /// The ladder drilled (for names).
    ladder: Signal<Ladder>,
    /// The drill room.
    room: LiveRoom,
) -> impl IntoView {
    let cards = move || room.read(ladder, |l, d| d.page_cards(l));
    let slowed = move || {
        let waiting = room.watch(|d| !d.awaiting().is_empty());
        if !waiting || !room.running.get() {
            return None;
        }
        match room.while_waiting.get() {
            WhileWaiting::SlowDown if room.speed.get() > 1 => {
                Some("The clock runs at 1× until the page is acknowledged.")
            }
            WhileWaiting::Pause => Some("The clock stands still until the page is acknowledged."),
            _ => None,
        }
    };
    view! {
        <div class="pages" aria-live="polite">
            {move || slowed().map(|m| view! { <p class="muted small" data-testid=testid::DRILL_SLOWED>{m}</p> })}
            {move || {
                cards()
                    .into_iter()
                    .map(|c| {
                        let id = c.person_id.clone();
                        let name = c.person.clone();
                        let countdown = c.escalates_in.map(|left| {
                            if left == Duration::ZERO {
                                "escalating now".to_string()
                            } else {
                                format!("escalates in {}", fmt_secs(left))
                            }
                        });
                        view! {
                            <div class="page-card" data-testid=testid::PAGE_CARD role="alert">
                                <span>
                                    "Page for " <strong>{name.clone()}</strong>
                                    <span class="page-source" data-testid=testid::PAGE_SOURCE>{c.source()}</span>
                                    {countdown.map(|t| view! { <span class="page-countdown" data-testid=testid::PAGE_COUNTDOWN>{t}</span> })}
                                </span>
                                <button
                                    class="button primary"
                                    data-testid=testid::ACKNOWLEDGE
                                    aria-label=format!("Acknowledge as {name}")
                                    on:click=move |_| room.act(|d| { d.acknowledge(&id); })
                                >
                                    "Acknowledge"
                                </button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
