//! The page's document: questions to the user, moving focus, and the frame that stands
//! in while a module loads.

use leptos::prelude::request_animation_frame;

/// Removes `#boot`: the frame index.html paints while the wasm loads, or the viewer
/// module's page when the app takes over from it. Each module calls it as it mounts.
pub fn remove_boot_frame() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// Puts class `name` on the document's root element, or takes it off: for a state that
/// changes how the whole page is laid out, which the stylesheet then reads from the root
/// rather than with `:has()` (on a page of thousands of elements, a `:has()` over the
/// page's sections made the browser restyle all of them on every keystroke).
pub fn set_root_class(name: &str, on: bool) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.class_list().toggle_with_force(name, on);
    }
}

/// Asks the user; `true` to go ahead.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Focuses the first element matching `selector` once the page has rendered (an HTML
/// or SVG element; nothing if none matches). For moving focus to what replaced the
/// control that had it.
pub fn focus_later(selector: String) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten());
        if let Some(el) = el {
            if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = h.focus();
            } else if let Some(s) = el.dyn_ref::<web_sys::SvgElement>() {
                let _ = s.focus();
            }
        }
    });
}

/// Scrolls the element with id `container` into view and focuses the first element in
/// it that matches `selector` (inside the container), once the page has rendered.
pub fn reveal_and_focus(container: &'static str, selector: &'static str) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(el) = document.get_element_by_id(container) else {
            return;
        };
        if let Ok(Some(first)) = el.query_selector(selector) {
            el.scroll_into_view();
            if let Ok(h) = first.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    });
}
