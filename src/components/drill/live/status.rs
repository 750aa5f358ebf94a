//! Where the drill stands: its clock, the tier in force, breaches, open deadlines, and
//! the pages waiting for someone in the room.

use leptos::prelude::*;
use rungs_core::drill::name_of;
use rungs_core::sim::format_duration as fmt_secs;
use rungs_core::Ladder;

use crate::state::drill_room::DrillRoom;
use crate::testid;

/// The drill's clock line, a stopped run's reason, the breach flag and the deadlines.
#[component]
pub fn DrillStatus(
    /// The ladder drilled (for names).
    ladder: Signal<Ladder>,
    /// The drill room.
    room: DrillRoom,
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

/// A card for each page waiting for someone in the room, with their Acknowledge.
#[component]
pub fn PageCards(
    /// The ladder drilled (for names).
    ladder: Signal<Ladder>,
    /// The drill room.
    room: DrillRoom,
) -> impl IntoView {
    let waiting = move || {
        room.read(ladder, |l, d| {
            d.awaiting()
                .into_iter()
                .map(|id| {
                    let name = name_of(l, &id);
                    (id, name)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="pages" aria-live="polite">
            {move || {
                waiting()
                    .into_iter()
                    .map(|(id, name)| {
                        view! {
                            <div class="page-card" data-testid=testid::PAGE_CARD role="alert">
                                <span>"📟 Page for " <strong>{name.clone()}</strong></span>
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
