//! The ladder's drill log: each finished drill and study with the version it ran on and
//! how it went, a drill's debrief to download again, and (in the extras module) the
//! trend across drills and versions with the log's JSON and CSV exports.

use leptos::prelude::*;
use rungs_core::drill::{LogRecord, LOG_KEPT};
use rungs_core::Ladder;

use crate::platform::clock::local_date_time;
use crate::platform::dom::confirm;
use crate::platform::files::download;
use crate::state::drill_room::DrillRoom;
use crate::testid;

/// The drill log of the ladder, newest first, with its trend.
#[component]
pub fn DrillLogPanel(
    /// The ladder (for the file names of downloads).
    #[prop(into)]
    ladder: Signal<Ladder>,
) -> impl IntoView {
    let room = DrillRoom::current();
    view! {
        <section class="panel past-drills" aria-labelledby="past-h" data-testid=testid::PAST_DRILLS>
            <h2 id="past-h">"Drill log"</h2>
            {move || room.log_note.get().map(|m| view! { <p class="field-msg" role="status">{m}</p> })}
            <Show
                when=move || !room.records.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <p class="muted">
                            {format!(
                                "Every drill run to its end and every finished study is kept here with the version of the ladder it ran on, the {LOG_KEPT} most recent of this ladder, in this browser. Its trend and exports appear once there is one."
                            )}
                        </p>
                    }
                }
            >
                // the trend and the exports, drawn again when a record comes or goes
                {move || {
                    let args = ladder
                        .with_untracked(|l| room.records.with(|p| rungs_core::drill::log::to_json(&l.name, p)));
                    view! { <crate::widgets::extra::Extra which="drill-log" args=args /> }
                }}
                <ol class="past-list">
                    <For
                        each=move || room.records.get()
                        key=|d| d.finished_at.to_bits()
                        children=move |d| view! { <LogRow drill=d ladder=ladder room=room /> }
                    />
                </ol>
            </Show>
        </section>
    }
}

/// One record: what and on which version, when, which scenario, how it went, a drill's
/// debrief downloads, and Remove.
#[component]
fn LogRow(
    /// The record.
    drill: LogRecord,
    /// The ladder (for file names).
    ladder: Signal<Ladder>,
    /// The drill room that keeps the list.
    room: DrillRoom,
) -> impl IntoView {
    let heading = drill.heading();
    let what = drill.kind.label().to_lowercase();
    let LogRecord {
        finished_at,
        scenario,
        summary,
        markdown,
        json,
        ..
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
                "Remove the {what} of {when} from this ladder's drill log? What it recorded goes with it."
            )) {
                room.forget(finished_at);
            }
        }
    };
    view! {
        <li class="past-drill" data-testid=testid::PAST_DRILL>
            <div>
                <span class="small log-kind">{heading}</span>
                " "
                <strong>{scenario}</strong>
                <span class="muted small">{format!(" · finished {when}")}</span>
                <p class="small">{summary}</p>
            </div>
            <span class="entry-actions">
                // a study keeps no debrief: its figures are in the log
                {(!markdown.is_empty()).then(|| view! {
                    <button class="button small" on:click=move |_| {
                        let _ = download(&format!("{}-debrief.md", stem()), "text/markdown", &markdown);
                    }>"Debrief (Markdown)"</button>
                    <button class="button small" on:click=move |_| {
                        let _ = download(&format!("{}-debrief.json", stem()), "application/json", &json);
                    }>"Debrief (JSON)"</button>
                })}
                <button class="button small danger" on:click=forget>"Remove"</button>
            </span>
        </li>
    }
}
