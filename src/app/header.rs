//! The top bar: brand, navigation, validity, undo and redo, and opening a file.

use leptos::prelude::*;
use rungs_core::Report;

use crate::components::designer::validation::{counts_text, reveal_panel};
use crate::state::doc::use_doc;
use crate::state::session::Page;
use crate::testid;

/// The app's top bar.
#[component]
pub fn Header(
    /// The page on show; the tabs switch it.
    page: RwSignal<Page>,
    /// Imports a ladder file chosen by the user.
    import_file: Callback<web_sys::File>,
    /// What validation found for the ladder on show (`None` when it could not be read).
    #[prop(into)]
    status: Signal<Option<Report>>,
) -> impl IntoView {
    let doc = use_doc();
    // the drill room is drawn by the extras module: start fetching it as the pointer or
    // the focus comes to its tab, before the click
    let preload = Callback::new(|target: Page| {
        if target == Page::Drill {
            crate::platform::extras::preload();
        }
    });
    view! {
        <header class="topbar">
            <a class="skip" href="#main">"Skip to content"</a>
            <Brand />
            <Tabs page=page go=Callback::new(move |p| page.set(p)) preload=preload />
            {move || {
                status
                    .get()
                    .map(|report| {
                        let class = if !report.is_valid() {
                            "status bad"
                        } else if report.warnings().next().is_some() {
                            "status warn"
                        } else {
                            "status ok"
                        };
                        view! {
                            <button
                                class=class
                                data-testid=testid::STATUS
                                title="Go to the validation panel"
                                on:click=move |_| {
                                    page.set(Page::Design);
                                    request_animation_frame(reveal_panel);
                                }
                            >
                                {counts_text(&report)}
                            </button>
                        }
                    })
            }}
            // a shared ladder is read, not edited: no history, no file to open over it
            <Show when=move || !doc.readonly.get()>
            <div class="undo-redo" role="group" aria-label="History">
                <button
                    class="button icon"
                    data-testid=testid::UNDO
                    title="Undo (Ctrl+Z)"
                    aria-label="Undo"
                    disabled=move || !doc.can_undo.get() || doc.locked()
                    on:click=move |_| doc.undo()
                >
                    "↶"
                </button>
                <button
                    class="button icon"
                    data-testid=testid::REDO
                    title="Redo (Ctrl+Shift+Z)"
                    aria-label="Redo"
                    disabled=move || !doc.can_redo.get() || doc.locked()
                    on:click=move |_| doc.redo()
                >
                    "↷"
                </button>
            </div>
            <label class="button import" title="Open a ladder JSON file (or drop one on the page)">
                "Open file…"
                <input
                    type="file"
                    accept=".json,application/json"
                    class="visually-hidden"
                    data-testid=testid::IMPORT
                    on:change=move |ev| {
                        use wasm_bindgen::JsCast;
                        let input = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                        if let Some(input) = input {
                            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                                import_file.run(file);
                            }
                            // choosing the same file again must fire `change` again
                            input.set_value("");
                        }
                    }
                />
            </label>
            </Show>
        </header>
    }
}

/// The brand at the left of the top bar.
#[component]
pub fn Brand() -> impl IntoView {
    view! {
        <div class="brand">
            <svg class="logo" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M6 2v20M18 2v20M6 6h12M6 12h12M6 18h12" />
            </svg>
            <span class="brand-name">"Rungs"</span>
        </div>
    }
}

/// The tabs of the four pages (the app's, and the viewer module's, whose tabs hand the
/// page asked for to the app).
#[component]
pub fn Tabs(
    /// The page on show.
    #[prop(into)]
    page: Signal<Page>,
    /// What choosing a tab does.
    go: Callback<Page>,
    /// Called as the pointer or the focus reaches a tab, before it is chosen.
    #[prop(optional)]
    preload: Option<Callback<Page>>,
) -> impl IntoView {
    let tab = move |target: Page, label: &'static str, id: &'static str| {
        let near = move || {
            if let Some(p) = preload {
                p.run(target)
            }
        };
        view! {
            <button
                class="tab"
                data-testid=id
                aria-current=move || (page.get() == target).then_some("page")
                on:click=move |_| go.run(target)
                on:pointerenter=move |_| near()
                on:focus=move |_| near()
            >
                {label}
            </button>
        }
    };
    view! {
        <nav class="tabs" aria-label="Sections">
            {tab(Page::Library, "Ladders", testid::NAV_LIBRARY)}
            {tab(Page::Design, "Design", testid::NAV_DESIGN)}
            {tab(Page::Drill, "Drill", testid::NAV_DRILL)}
            {tab(Page::Share, "Share", testid::NAV_SHARE)}
        </nav>
    }
}
