//! A live drill: the simulator runs one incident of a scenario against the ladder on an
//! accelerated clock, people in the room play some responders (their pages wait for
//! their Acknowledge), the facilitator injects events, and at the end a scorecard reads
//! the measured figures against the tier's targets. A debrief downloads as Markdown or
//! JSON.
//!
//! The drill is the core's [`rungs_core::drill::DrillSession`], kept with its clock in
//! the extras module's [`LiveRoom`]; these components draw it and forward what the
//! facilitator does.

mod debrief;
mod injects;
mod setup;
mod status;
mod timeline;

use leptos::prelude::*;
use rungs_core::drill::{DrillSession, StartError, SPEEDS};
use rungs_core::Ladder;

use crate::platform::clock::now_ms;
use crate::platform::dom::set_root_class;
use crate::platform::extras::Host;
use crate::state::live_room::{LiveRoom, WhileWaiting};
use crate::testid;
use debrief::{DebriefHead, Scorecard};
use injects::Injects;
use setup::Players;
use status::{DrillStatus, PageCards};
use timeline::Timeline;

/// The root element's class while the paper debrief is on show (style/main.css hides the
/// rest of the page).
const PRINTING_CLASS: &str = "printing-debrief";

/// The live drill panel of the drill room (drawn by the extras module).
#[component]
pub fn LiveDrill(
    /// The page, through which a finished drill joins the drill log.
    host: Host,
    /// The live drill's state.
    room: LiveRoom,
    /// The ladder drilled.
    #[prop(into)]
    ladder: Signal<Ladder>,
    /// The id of the scenario chosen.
    #[prop(into)]
    scenario: Signal<Option<String>>,
) -> impl IntoView {
    let host = StoredValue::new_local(host);
    // Whether the finished drill is shown as its paper debrief (set by the scorecard's
    // Print view button; the stylesheet hides the rest of the page meanwhile, told by
    // the root's class).
    let print_view = RwSignal::new(false);
    Effect::new(move |_| set_root_class(PRINTING_CLASS, print_view.get()));
    on_cleanup(|| set_root_class(PRINTING_CLASS, false));
    let problem = RwSignal::new(None::<String>);
    // Leaving the page pauses a running drill; it says so on return.
    on_cleanup(move || room.leave());
    let finished = Memo::new(move |_| room.finished());
    let started = Memo::new(move |_| room.started());
    // A finished drill joins the ladder's drill log, with its debrief and the version of
    // the ladder it ran on (kept by the page).
    Effect::new(move |_| {
        if finished.get() && room.claim_record() {
            host.with_value(|h| {
                h.log_drilled(|version| {
                    ladder.with_untracked(|l| room.peek(|d| d.record(l, now_ms(), version)))
                })
            });
        }
    });
    // A drill under way or finished is discarded only when the facilitator says so.
    let discard = move || {
        let Some(question) = room.peek(DrillSession::discard_question) else {
            return true;
        };
        if !crate::platform::dom::confirm(question) {
            return false;
        }
        room.set(None);
        true
    };
    let back_to_setup = move |_| {
        if discard() {
            print_view.set(false);
        }
    };
    let start = move |_| {
        if !discard() {
            return;
        }
        problem.set(None);
        let Some(id) = scenario.get_untracked() else {
            return;
        };
        let humans = room.humans.get_untracked();
        match ladder.with_untracked(|l| DrillSession::start(l, &id, humans)) {
            Ok(session) => {
                room.set(Some(session));
                room.run_clock();
            }
            Err(e @ (StartError::NoScenario | StartError::Invalid(_))) => {
                problem.set(Some(e.to_string()))
            }
        }
    };

    view! {
        <section class="panel drill" class:print-view=move || print_view.get() aria-labelledby="live-h" data-testid=testid::LIVE_DRILL>
            <div class="section-head">
                <h2 id="live-h">"Live drill"</h2>
            </div>
            <Show when=move || print_view.get() && finished.get()>
                <DebriefHead ladder=ladder room=room print_view=print_view />
            </Show>
            <Show when=move || !started.get()>
                <Players ladder=ladder scenario=scenario room=room />
            </Show>
            <div class="drill-controls" role="group" aria-label="Clock">
                <button class="button primary" data-testid=testid::DRILL_START disabled=move || scenario.with(Option::is_none) on:click=start>
                    {move || if started.get() { "Restart" } else { "Start the drill" }}
                </button>
                <label class="speed">
                    "Speed "
                    <select data-testid=testid::DRILL_SPEED on:change=move |ev| {
                        room.speed.set(event_target_value(&ev).parse().unwrap_or(60));
                    }>
                        {SPEEDS.iter().map(|s| { let s = *s; view! { <option value=s.to_string() selected=move || room.speed.get() == s>{format!("{s}×")}</option> } }).collect_view()}
                    </select>
                </label>
                <label class="speed">
                    "While a page waits for someone here "
                    <select data-testid=testid::DRILL_WHILE_WAITING on:change=move |ev| {
                        room.while_waiting.set(WhileWaiting::from_value(&event_target_value(&ev)));
                    }>
                        {WhileWaiting::ALL.iter().map(|(w, value, label)| {
                            let w = *w;
                            view! { <option value=*value selected=move || room.while_waiting.get() == w>{*label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button class="button" disabled=move || !started.get() || finished.get() on:click=move |_| {
                    if room.running.get_untracked() { room.stop_clock() } else { room.run_clock() }
                }>
                    {move || if room.running.get() { "Pause" } else { "Resume" }}
                </button>
                <button class="button" title="Advance to the next event" disabled=move || !started.get() || room.running.get() || finished.get() on:click=move |_| room.act(|d| { d.step(); })>
                    "Step"
                </button>
                <Show when=move || started.get()>
                    <button class="button" data-testid=testid::DRILL_SETUP on:click=back_to_setup>
                        "Back to setup"
                    </button>
                </Show>
            </div>
            {move || problem.get().map(|p| view! { <p class="field-msg error" role="alert">{format!("This scenario cannot run: {p}")}</p> })}
            <Show when=move || room.paused_away.get() && started.get() && !finished.get()>
                <p class="field-msg" role="status" data-testid=testid::DRILL_PAUSED_AWAY>
                    "Paused while you were away from the drill room. Resume to go on."
                </p>
            </Show>
            <Show when=move || started.get()>
                <DrillStatus ladder=ladder room=room />
                <PageCards ladder=ladder room=room />
                <Injects ladder=ladder room=room />
                <Timeline ladder=ladder room=room />
                <Show when=move || finished.get()>
                    <Scorecard ladder=ladder room=room print_view=print_view />
                </Show>
            </Show>
        </section>
    }
}
