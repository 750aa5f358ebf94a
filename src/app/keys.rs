//! Keyboard shortcuts of the whole app.

use leptos::prelude::*;

use crate::state::doc::Doc;

/// Undo and redo from the keyboard: Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (Cmd on a Mac).
/// Inside the JSON editor the browser's own text undo applies instead.
pub fn undo_keys(doc: Doc) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let in_source = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| e.id() == crate::components::designer::source_editor::SOURCE_ID);
        if in_source {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => doc.redo(),
            "z" => doc.undo(),
            "y" => doc.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

/// Escape closes the inspector (its edits are in already), unless a menu or the JSON
/// editor has the key.
pub fn escape_closes_inspector() {
    let Some(selected) = use_context::<crate::state::selection::Selected>() else {
        return;
    };
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "Escape"
            || ev.default_prevented()
            || selected.0.with_untracked(Option::is_none)
        {
            return;
        }
        let in_source = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| e.id() == crate::components::designer::source_editor::SOURCE_ID);
        if !in_source {
            selected.0.set(None);
        }
    });
    on_cleanup(move || handle.remove());
}
