//! Bringing policies in from paging tools and taking a ladder out as Terraform. The work
//! is `rungs-interop`'s, done in a worker the page starts only when asked
//! ([`crate::platform::on_demand`]), so none of it is in the first load.

pub mod import;
pub mod terraform;

use leptos::prelude::*;

use crate::platform::on_demand::NoteLine;
use crate::testid;

/// The notes of an import or an export: a marker and a word for the severity (not
/// colour alone), the sentence, and where it points.
#[component]
fn NoteList(
    /// The notes.
    notes: Vec<NoteLine>,
) -> impl IntoView {
    let warnings = notes.iter().filter(|n| n.severity == "warning").count();
    let heading = format!(
        "{} ({} {})",
        rungs_core::text::count(notes.len(), "note", "notes"),
        warnings,
        if warnings == 1 { "warning" } else { "warnings" },
    );
    view! {
        <details class="interop-notes" open={warnings > 0}>
            <summary>{heading}</summary>
            <ul data-testid=testid::INTEROP_NOTES>
                {notes
                    .into_iter()
                    .map(|n| {
                        let warning = n.severity == "warning";
                        view! {
                            <li class="interop-note" class:warning=warning data-testid=testid::INTEROP_NOTE>
                                <span class="note-marker">{if warning { "⚠ Warning" } else { "ℹ Note" }}</span>
                                " "
                                <span class="note-message">{n.message}</span>
                                " "
                                <code class="note-place">{n.place}</code>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </details>
    }
}
