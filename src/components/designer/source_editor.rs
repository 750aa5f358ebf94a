//! The ladder as JSON, editable: every change is read and validated as the user types
//! (debounced), and a text that does not parse never replaces the last one that did.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::doc::use_doc;
use crate::testid;

/// How long typing must pause before the text is read again, in milliseconds.
pub const DEBOUNCE_MS: u32 = crate::state::doc::TYPING_DEBOUNCE_MS;

/// The element id of the editor's text area.
pub const SOURCE_ID: &str = "ladder-source";

/// Opens the editor and puts the caret at 1-based `line` and `column` (once the opened
/// editor holds its text).
pub fn reveal_source(line: usize, column: usize) {
    open_source(line, column, Caret::Move);
}

/// Opens the editor at 1-based `line` and `column`, unless the user is already typing in
/// it: a page that shows itself never moves a caret the user has placed (or a selection
/// they are about to type over).
pub fn offer_source(line: usize, column: usize) {
    open_source(line, column, Caret::KeepTheUsers);
}

#[derive(Clone, Copy, PartialEq)]
enum Caret {
    Move,
    KeepTheUsers,
}

fn open_source(line: usize, column: usize, caret: Caret) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(details) = document.get_element_by_id("source") {
        let _ = details.set_attribute("open", "");
    }
    // The editor fills in when its `toggle` event has run.
    Timeout::new(0, move || place_caret(line, column, caret)).forget();
}

fn place_caret(line: usize, column: usize, caret: Caret) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(area) = document
        .get_element_by_id(SOURCE_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let editing = document
        .active_element()
        .is_some_and(|e| e.id() == SOURCE_ID);
    if caret == Caret::KeepTheUsers && editing {
        return;
    }
    let text = area.value();
    // Offsets of a textarea's selection count UTF-16 code units.
    let mut offset = 0u32;
    for (i, l) in text.split('\n').enumerate() {
        if i + 1 == line {
            let col: u32 = l
                .chars()
                .take(column.saturating_sub(1))
                .map(|c| c.len_utf16() as u32)
                .sum();
            offset += col;
            break;
        }
        offset += l.encode_utf16().count() as u32 + 1;
    }
    let _ = area.focus();
    let _ = area.set_selection_range(offset, offset + 1);
}

/// A text area with the ladder's JSON. What is typed is read after a pause; a text that
/// parses replaces the ladder (one step of undo).
#[component]
pub fn SourceEditor() -> impl IntoView {
    let doc = use_doc();
    let source = doc.source;
    let shown = RwSignal::new(false);
    // read after a pause; a switch of entry or a save reads it at once (Doc::flush)
    let on_input = move |ev| doc.type_text(event_target_value(&ev));
    view! {
        <details
            class="panel source"
            id="source"
            on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                let open = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    .is_some_and(|d| d.open());
                shown.set(open);
            }
        >
            <summary>"Edit the ladder as JSON"</summary>
            <label for=SOURCE_ID class="source-label">
                "Ladder JSON (format "
                <code>"rungs.ladder/v1"</code>
                "). Changes are read and validated as you type and saved in this browser."
            </label>
            <textarea
                id=SOURCE_ID
                data-testid=testid::SOURCE
                spellcheck="false"
                autocomplete="off"
                rows="22"
                // A closed editor holds no text: laying out a large ladder's JSON on every
                // edit would cost more than the edit (see docs/performance.md).
                prop:value=move || if shown.get() { source.get() } else { String::new() }
                on:input=on_input
            ></textarea>
        </details>
    }
}
