//! The validation panel: error and warning counts, and each finding as a sentence that
//! takes the user to the field it is about.

use leptos::prelude::*;
use rungs_core::text::group_thousands;
use rungs_core::{Diagnostic, Report, Severity};
use wasm_bindgen::JsCast;

use crate::state::selection::Sel;
use crate::testid;

/// Brings the element that shows `pointer` (or its nearest shown ancestor) into view,
/// focuses it and flashes it. A field of the inspector wins over the overview.
pub fn reveal_pointer(pointer: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let find = |scope: &str| {
        let mut prefix = pointer;
        loop {
            // Pointers are escaped JSON Pointers (a-z, 0-9, -, _, /, ~): safe in a selector.
            let selector = format!("{scope}[data-pointer=\"{prefix}\"]");
            if let Ok(Some(el)) = document.query_selector(&selector) {
                return Some(el);
            }
            match prefix.rfind('/') {
                Some(0) | None => return None,
                Some(i) => prefix = &prefix[..i],
            }
        }
    };
    let Some(el) = find("#inspector ").or_else(|| find("")) else {
        return;
    };
    // a field folded away (the id, under "Advanced") is unfolded first
    if let Ok(Some(details)) = el.closest("details") {
        let _ = details.set_attribute("open", "");
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    let classes = el.class_list();
    let _ = classes.remove_1("flash");
    let _ = classes.add_1("flash");
    // Focus the control itself when the element is a field.
    let control = el
        .query_selector("input, select, textarea")
        .ok()
        .flatten()
        .unwrap_or(el);
    if let Ok(html) = control.dyn_into::<web_sys::HtmlElement>() {
        if html.get_attribute("tabindex").is_none()
            && html.tag_name() != "INPUT"
            && html.tag_name() != "SELECT"
            && html.tag_name() != "TEXTAREA"
        {
            let _ = html.set_attribute("tabindex", "-1");
        }
        let _ = html.focus();
    }
}

/// Brings the validation panel into view.
pub fn reveal_panel() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("validation"))
    {
        el.scroll_into_view();
    }
}

/// "2 errors · 1 warning", or "valid".
pub fn counts_text(report: &Report) -> String {
    let (e, w) = (report.errors().count(), report.warnings().count());
    let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    match (e, w) {
        (0, 0) => "valid, no warnings".to_string(),
        (0, w) => format!("valid, {}", plural(w, "warning")),
        (e, w) => format!("{} · {}", plural(e, "error"), plural(w, "warning")),
    }
}

/// How many findings the panel lists at first, and how many more each "Show more" adds.
pub const FINDINGS_SHOWN: usize = 100;

/// The findings of validation, errors first: the first [`FINDINGS_SHOWN`], then a
/// count of the rest with a button to show more.
#[component]
pub fn ValidationPanel(
    /// What validation found.
    #[prop(into)]
    report: Signal<Report>,
) -> impl IntoView {
    // the first findings only: a ladder with thousands would cost seconds to draw
    let shown = RwSignal::new(FINDINGS_SHOWN);
    let errors = move || report.with(|r| r.errors().count());
    let warnings = move || report.with(|r| r.warnings().count());
    let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    view! {
        <section class="panel validation" id="validation" aria-labelledby="validation-h" data-testid=testid::VALIDATION>
            <div class="validation-head">
                <h2 id="validation-h">"Validation"</h2>
                <span
                    class=move || if errors() == 0 { "count zero" } else { "count error" }
                    data-testid=testid::ERROR_COUNT
                >
                    {move || plural(errors(), "error")}
                </span>
                <span
                    class=move || if warnings() == 0 { "count zero" } else { "count warning" }
                    data-testid=testid::WARNING_COUNT
                >
                    {move || plural(warnings(), "warning")}
                </span>
            </div>
            <Show when=move || report.with(|r| r.diagnostics.is_empty())>
                <p class="all-clear">
                    "No problems: every reference resolves, the timelines agree, and every step and owner reaches someone at every hour of the next eight weeks."
                </p>
            </Show>
            <ul class="diagnostics">
                <For
                    each=move || {
                        let n = shown.get();
                        report.with(|r| r.diagnostics.iter().take(n).cloned().collect::<Vec<_>>())
                    }
                    key=|d| d.clone()
                    children=|d| view! { <DiagnosticItem diagnostic=d /> }
                />
            </ul>
            {move || {
                let rest = report.with(|r| r.diagnostics.len()).saturating_sub(shown.get());
                (rest > 0)
                    .then(|| {
                        view! {
                            <p class="more-findings" data-testid=testid::MORE_FINDINGS>
                                <span>{format!("{} more not shown. ", group_thousands(rest as u64))}</span>
                                <button
                                    class="button small"
                                    on:click=move |_| shown.update(|n| *n += FINDINGS_SHOWN)
                                >
                                    {format!("Show {} more", group_thousands(rest.min(FINDINGS_SHOWN) as u64))}
                                </button>
                            </p>
                        }
                    })
            }}
        </section>
    }
}

/// One finding; activating it reveals the field.
#[component]
fn DiagnosticItem(
    /// The finding.
    diagnostic: Diagnostic,
) -> impl IntoView {
    let Diagnostic {
        code,
        severity,
        pointer,
        message,
        hint,
        line: at_line,
        column: at_column,
        ..
    } = diagnostic;
    let (class, label) = match severity {
        Severity::Error => ("diagnostic error", "Error"),
        Severity::Warning => ("diagnostic warning", "Warning"),
    };
    let target = pointer.clone();
    let attr = pointer.clone();
    let selected = use_context::<crate::state::selection::Selected>();
    view! {
        <li>
            <button class=class data-testid=testid::DIAGNOSTIC data-target=attr on:click=move |_| match (at_line, at_column) {
                (Some(l), Some(c)) => crate::components::designer::source_editor::reveal_source(l, c),
                _ => {
                    // open the entry in the inspector, then go to the field
                    if let (Some(s), Some(sel)) = (selected, Sel::from_pointer(&target)) {
                        if matches!(sel, Sel::Item(..)) || target.len() > 1 {
                            s.0.set(Some(sel));
                        }
                    }
                    let target = target.clone();
                    request_animation_frame(move || reveal_pointer(&target));
                }
            }>
                <span class="sev">{label}</span>
                <span class="msg">{message}</span>
                {hint.map(|h| view! { <span class="hint">{h}</span> })}
                <span class="where">
                    <code>{code.as_str()}</code>
                    {at_line.map(|l| format!(" at line {l}, column {}", at_column.unwrap_or(0)))}
                    {(!pointer.is_empty()).then(|| view! { " at " <code>{pointer}</code> })}
                </span>
            </button>
        </li>
    }
}
