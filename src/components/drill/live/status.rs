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
    // A tick changes the seconds left, not which deadlines are open: each line stays and
    // only its figures change.
    let deadlines = Memo::new(move |_| room.watch(|d| d.open_deadlines()));
    let left = move |name: &str| {
        deadlines.with(|ds| {
            ds.iter()
                .find(|(n, _)| *n == name)
                .map_or(0.0, |(_, left)| *left)
        })
    };
    let budget_message = Memo::new(move |_| room.watch(|d| d.budget_message()));
    let breach_flag = Memo::new(move |_| room.read(ladder, |l, d| d.breach_flag(l)));
    view! {
        <div class="drill-status">
            <p class="sim-clock" data-testid=testid::SIM_CLOCK aria-live="off">{move || room.watch(|d| Some(d.clock_text()))}</p>
            // A run stopped by the event budget says so, as text (tier ids are the
            // ladder's own text, never markup).
            {move || budget_message.get().map(|m| view! { <p class="breach-flag" role="status">{m}</p> })}
            {move || {
                breach_flag
                    .get()
                    .map(|flag| {
                        view! {
                            <p class="breach-flag" role="alert" data-testid=testid::BREACH_FLAG>
                                {flag}
                            </p>
                        }
                    })
            }}
            <ul class="deadlines" aria-label="Open deadlines of the current tier">
                <For
                    each=move || deadlines.with(|ds| ds.iter().map(|(name, _)| *name).collect::<Vec<_>>())
                    key=|name| *name
                    children=move |name| {
                        view! {
                            <li class:late=move || left(name) < 60.0>
                                <span>{name.replace('_', " ")}</span>
                                <strong>{move || fmt_secs(left(name))}</strong>
                            </li>
                        }
                    }
                />
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
    // A card stays on the page while its page waits (its key: who, by name, and what
    // paged them); a tick changes only its countdown.
    let cards = Memo::new(move |_| room.read(ladder, |l, d| d.page_cards(l)));
    let countdown = move |id: &str| {
        cards.with(|cs| {
            cs.iter()
                .find(|c| c.person_id == id)
                .and_then(|c| c.escalates_in)
                .map(|left| {
                    if left == Duration::ZERO {
                        "escalating now".to_string()
                    } else {
                        format!("escalates in {}", fmt_secs(left))
                    }
                })
        })
    };
    let slowed = Memo::new(move |_| {
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
    });
    view! {
        <div class="pages" aria-live="polite">
            {move || slowed.get().map(|m| view! { <p class="muted small" data-testid=testid::DRILL_SLOWED>{m}</p> })}
            <For
                each=move || cards.get()
                key=|c| (c.person_id.clone(), c.person.clone(), c.source())
                children=move |c| {
                    let id = c.person_id.clone();
                    let name = c.person.clone();
                    // the communication owner's page does not escalate, so has no countdown
                    let countdown_line = c.escalates_in.is_some().then(|| {
                        let id = id.clone();
                        view! { <span class="page-countdown" data-testid=testid::PAGE_COUNTDOWN>{move || countdown(&id)}</span> }
                    });
                    view! {
                        <div class="page-card" data-testid=testid::PAGE_CARD role="alert">
                            <span>
                                "Page for " <strong>{name.clone()}</strong>
                                <span class="page-source" data-testid=testid::PAGE_SOURCE>{c.source()}</span>
                                {countdown_line}
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
                }
            />
        </div>
    }
}
