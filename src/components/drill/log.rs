//! The ladder's past drills: each finished drill with how it went and its debrief, to
//! download again or let go.

use leptos::prelude::*;
use rungs_core::drill::{PastDrill, PAST_DRILLS_KEPT};
use rungs_core::Ladder;

use crate::platform::clock::local_date_time;
use crate::platform::dom::confirm;
use crate::platform::files::download;
use crate::state::drill_room::DrillRoom;
use crate::testid;

/// The list of past drills of the ladder, newest first.
#[component]
pub fn PastDrills(
    /// The ladder (for the file names of downloads).
    #[prop(into)]
    ladder: Signal<Ladder>,
) -> impl IntoView {
    let room = DrillRoom::current();
    view! {
        <section class="panel past-drills" aria-labelledby="past-h" data-testid=testid::PAST_DRILLS>
            <h2 id="past-h">"Past drills"</h2>
            {move || room.past_note.get().map(|m| view! { <p class="field-msg" role="status">{m}</p> })}
            <Show
                when=move || !room.past.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <p class="muted">
                            {format!(
                                "Every drill run to its end is kept here with its debrief, the {PAST_DRILLS_KEPT} most recent of this ladder, in this browser."
                            )}
                        </p>
                    }
                }
            >
                <ol class="past-list">
                    <For
                        each=move || room.past.get()
                        key=|d| d.finished_at.to_bits()
                        children=move |d| view! { <PastDrillRow drill=d ladder=ladder room=room /> }
                    />
                </ol>
            </Show>
        </section>
    }
}

/// One past drill: when, which scenario, how it went, its debrief downloads and Delete.
#[component]
fn PastDrillRow(
    /// The past drill.
    drill: PastDrill,
    /// The ladder (for file names).
    ladder: Signal<Ladder>,
    /// The drill room that keeps the list.
    room: DrillRoom,
) -> impl IntoView {
    let PastDrill {
        finished_at,
        scenario,
        summary,
        markdown,
        json,
    } = drill;
    let stem = move || {
        let name = rungs_core::share::file_name(&ladder.with_untracked(|l| l.name.clone()));
        format!("{}-drill", name.trim_end_matches(".json"))
    };
    let when = local_date_time(finished_at);
    let forget = {
        let when = when.clone();
        move |_| {
            if confirm(&format!(
                "Remove the drill of {when} from this ladder's past drills? Its debrief goes with it."
            )) {
                room.forget_past(finished_at);
            }
        }
    };
    view! {
        <li class="past-drill" data-testid=testid::PAST_DRILL>
            <div>
                <strong>{scenario}</strong>
                <span class="muted small">{format!(" · finished {when}")}</span>
                <p class="small">{summary}</p>
            </div>
            <span class="entry-actions">
                <button class="button small" on:click=move |_| {
                    let _ = download(&format!("{}-debrief.md", stem()), "text/markdown", &markdown);
                }>"Debrief (Markdown)"</button>
                <button class="button small" on:click=move |_| {
                    let _ = download(&format!("{}-debrief.json", stem()), "application/json", &json);
                }>"Debrief (JSON)"</button>
                <button class="button small danger" on:click=forget>"Remove"</button>
            </span>
        </li>
    }
}
