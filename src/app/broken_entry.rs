//! The JSON-only mode of a library entry whose text does not parse.

use leptos::prelude::*;

use crate::testid;

/// The JSON-only mode of an entry whose text does not parse: what is wrong and where,
/// with the JSON editor (below it) opened at the error.
#[component]
pub fn BrokenEntry() -> impl IntoView {
    let doc = crate::state::doc::use_doc();
    let at = move || {
        doc.parse_error.with(|e| {
            e.as_ref()
                .map(|d| {
                    let place = match (d.line, d.column) {
                        (Some(l), Some(c)) => format!(" (line {l}, column {c})"),
                        _ if !d.pointer.is_empty() => format!(" (at {})", d.pointer),
                        _ => String::new(),
                    };
                    format!("{}{place}", d.message)
                })
                .unwrap_or_default()
        })
    };
    // open the editor, caret on the error
    let (line, column) = doc.parse_error.with_untracked(|e| {
        e.as_ref()
            .map_or((1, 1), |d| (d.line.unwrap_or(1), d.column.unwrap_or(1)))
    });
    // once the editor below is on the page (on a first load it is not yet); this view is
    // drawn again on every page switch, so a caret the user has placed stays where it is
    request_animation_frame(move || {
        crate::components::designer::source_editor::offer_source(line, column)
    });
    view! {
        <section class="panel stale broken" role="alert" data-testid=testid::BROKEN>
            <h1>"This ladder's JSON does not read"</h1>
            <p>
                "Its text is kept exactly as it was saved. Until it reads as a ladder, it opens here as JSON only: the forms, the diagram, the drill room and sharing wait for the fix."
            </p>
            <p><strong>"What is wrong: "</strong>{at}</p>
            <p class="muted small">
                "Fix it in the JSON editor on the Design page; it is read and saved as you type. Or open another ladder from the Ladders page."
            </p>
        </section>
    }
}
