//! The app shell: header, navigation, the document and the current page.

pub mod broken_entry;
pub mod header;
pub mod keys;

use leptos::prelude::*;
use rungs_core::examples;
use rungs_core::overview::LadderOverview;
use rungs_core::Report;

use crate::app::header::Header;
use crate::components::designer::source_editor::SourceEditor;
use crate::pages::{design::DesignPage, drill::DrillPage, library::LibraryPage, share::SharePage};
use crate::platform::clock::timed;
use crate::platform::library;
use crate::platform::location::ladder_from_location;
use crate::state::doc::validate_timed;
use crate::state::doc::Doc;
use crate::state::session::{keep_saved, Page, Session};
use crate::testid;
use crate::widgets::alert::Alert;
use broken_entry::BrokenEntry;
use keys::undo_keys;

/// The JSON of an example, by key (the default example for an unknown key).
pub fn example_json(key: &str) -> &'static str {
    examples::example(key)
        .unwrap_or_else(examples::default_example)
        .json
}

/// The whole app. Opens the ladder of a share link, or else the ladder last open in
/// this browser's library, or else (first visit) the SaaS example as a new entry.
#[component]
pub fn App() -> impl IntoView {
    library::migrate();
    let from_link = ladder_from_location();
    let shared = matches!(from_link, Some(Ok(_)));
    let link_error = RwSignal::new(from_link.as_ref().and_then(|r| r.clone().err()));
    let mut storage_error = None::<String>;
    // (entry id, its revision) when a library entry opens
    let mut entry = None;
    // the first ladder of a new library; stands in while a broken entry opens
    let first = rungs_core::parse_ladder(example_json("")).expect("examples parse");
    // the text to open, and its ladder when it is already read
    let (initial, parsed) = match from_link {
        Some(Ok((ladder, json))) => (json, Some(ladder)),
        _ => {
            let open = library::current()
                .and_then(|id| library::entry(&id))
                .or_else(|| library::entries().into_iter().next())
                .and_then(|e| Some((library::text(&e.id)?, e)));
            match open {
                Some((text, e)) => {
                    library::set_current(&e.id);
                    entry = Some((e.id, e.rev));
                    (text, None)
                }
                None => {
                    let text = example_json("").to_string();
                    match library::create(&first.name, &text) {
                        Ok(id) => {
                            library::set_current(&id);
                            entry = Some((id, 1));
                        }
                        Err(e) => storage_error = Some(e),
                    }
                    (text, Some(first.clone()))
                }
            }
        }
    };
    let restored = entry.is_some();
    let session = Session::new(entry, &initial);
    session.storage_error.set(storage_error);
    let doc = Doc::new(first);
    match parsed {
        Some(ladder) => doc.open_parsed(ladder, initial),
        None => doc.open(initial),
    }
    doc.readonly.set(shared);
    provide_context(doc);
    provide_context(session);
    provide_context(crate::state::selection::Selected(RwSignal::new(None)));
    provide_context(crate::state::drill_room::DrillRoom::new());
    keep_saved(doc, session);
    undo_keys(doc);

    let overview = Memo::new(move |_| timed("overview", || doc.ladder.with(LadderOverview::new)));
    let report = Memo::new(move |_| match doc.parse_error.get() {
        Some(d) => Report {
            diagnostics: vec![d],
        },
        None => doc.ladder.with(validate_timed),
    });
    let page = session.page;

    let make_copy = move |_| {
        doc.flush();
        // text that does not parse is copied as it is, with its errors
        let parsed = doc
            .parse_error
            .with_untracked(Option::is_none)
            .then(|| doc.ladder.get_untracked());
        session.open_new(doc, parsed, doc.source.get_untracked());
    };

    // Import: a file that reads as a ladder opens as a new library entry; one that does
    // not changes nothing and says why.
    let import_error = session.import_error;
    let import_file = Callback::new(move |file: web_sys::File| {
        let name = file.name();
        if file.size() > rungs_core::MAX_DOCUMENT_BYTES as f64 {
            import_error.set(Some(format!(
                "{name} is {:.1} MB; Rungs reads ladders of at most {} MB",
                file.size() / 1_048_576.0,
                rungs_core::MAX_DOCUMENT_BYTES / 1_048_576
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => {
                    import_error.set(Some(format!("{name} could not be read")));
                    return;
                }
            };
            match rungs_core::parse_ladder(&text) {
                Err(e) => import_error.set(Some(format!("{name}: {e}"))),
                Ok(ladder) => {
                    import_error.set(None);
                    link_error.set(None);
                    session.open_new(doc, Some(ladder), text);
                }
            }
        });
    });
    // A ladder file dropped anywhere on the page is imported the same way.
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            import_file.run(file);
        }
    };

    view! {
        <div
            class="app"
            data-testid=testid::APP
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <Header
                page=page
                import_file=import_file
                status=Signal::derive(move || Some(report.get()))
            />
            <main class="main" id="main">
                <Alert
                    message=link_error
                    testid=testid::LINK_ERROR
                    lead="This share link could not be opened. "
                    tail=if restored {
                        ". Below is the ladder you were working on."
                    } else {
                        ". Showing an example ladder instead."
                    }
                        .to_string()
                />
                <Alert
                    message=import_error
                    testid=testid::IMPORT_ERROR
                    lead="This file could not be imported, so nothing changed. "
                />
                <Alert
                    message=session.storage_error
                    testid=testid::STORAGE_ERROR
                    lead="Rungs cannot save your work in this browser: "
                    tail=". Your edits stay in this tab only; download the JSON or copy a share link to keep them."
                        .to_string()
                />
                <Show when=move || doc.readonly.get()>
                    <div class="panel shared" role="status" data-testid=testid::SHARED>
                        <span>
                            <strong>"Shared ladder, read-only. "</strong>
                            "It came in a link and lives only in this tab until you make a copy."
                        </span>
                        <button class="button primary" data-testid=testid::MAKE_COPY on:click=make_copy>
                            "Make a copy to edit"
                        </button>
                    </div>
                </Show>
                {move || {
                    session
                        .notice
                        .get()
                        .map(|m| {
                            view! {
                                <div class="panel notice" role="status" data-testid=testid::TAB_NOTICE>
                                    <span>{m}</span>
                                    <button class="button small" on:click=move |_| session.notice.set(None)>
                                        "Dismiss"
                                    </button>
                                </div>
                            }
                        })
                }}
                {move || match page.get() {
                    Page::Library => view! { <LibraryPage /> }.into_any(),
                    // An entry whose text never parsed: its JSON alone, never another ladder.
                    _ if doc.broken.get() => view! { <BrokenEntry /> }.into_any(),
                    // Rendered once per visit; its lists follow the ladder entry by entry.
                    Page::Design => {
                        view! {
                            <DesignPage
                                overview=overview
                                report=report
                                stale=Signal::derive(move || doc.parse_error.with(Option::is_some))
                            />
                        }
                            .into_any()
                    }
                    Page::Drill => {
                        view! { <DrillPage overview=overview /> }.into_any()
                    }
                    Page::Share => {
                        let (name, canonical) = doc
                            .ladder
                            .with(|l| (l.name.clone(), rungs_core::to_canonical_json(l)));
                        view! {
                            <SharePage
                                name=name
                                canonical=canonical
                                errors=report.with(|r| r.errors().count())
                                blockers=report.with(|r| r.errors().map(|d| d.message.clone()).collect::<Vec<_>>())
                            />
                        }
                            .into_any()
                    }
                }}
                // Outside the page above, so typing never re-creates the editor.
                <div
                    class="editor-slot"
                    class:hidden=move || page.get() != Page::Design || doc.readonly.get()
                >
                    <SourceEditor />
                </div>
            </main>
            <footer class="footer">
                "Rungs · ladder format "
                <code>"rungs.ladder/v1"</code>
                " · "
                <a href="schema/ladder.v1.schema.json">"JSON Schema"</a>
            </footer>
        </div>
    }
}
