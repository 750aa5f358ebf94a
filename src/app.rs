//! The app shell: header, navigation and the current page.

use leptos::prelude::*;
use rungs_core::examples::{self, EXAMPLES};
use rungs_core::overview::LadderOverview;

use crate::components::alert::Alert;
use crate::components::header::Header;
use crate::components::source_editor::SourceEditor;
use crate::pages::{design::DesignPage, drill::DrillPage, share::SharePage};
use crate::testid;

/// The top-level sections of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Design and read the ladder.
    Design,
    /// Run drills against it.
    Drill,
    /// Export and share it.
    Share,
}

/// What the pages show: the ladder's overview, its canonical JSON and what validation
/// found. When the text being edited does not parse, the overview and JSON are the last
/// version that did (`stale`) and the report holds the parse error.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// What the pages show.
    pub overview: LadderOverview,
    /// The ladder as canonical JSON.
    pub canonical: String,
    /// What validation found (or why the text could not be read).
    pub report: rungs_core::Report,
    /// Whether the overview is older than the text, which does not parse.
    pub stale: bool,
}

/// The current instant, from the browser's clock (the core never reads one).
fn now() -> rungs_core::Instant {
    rungs_core::Instant::from_millis(js_sys::Date::now() as i64)
}

/// Reads ladder JSON into what the pages show, validating it as of `now`. When it does
/// not parse, keeps `previous` (or the default example) on show with the error.
pub fn load(text: &str, previous: Option<&Loaded>) -> Loaded {
    // A User Timing measure, so browser measurements can tell reading and validating
    // apart from rendering (see docs/performance.md).
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark("rungs:load");
    }
    let loaded = load_untimed(text, previous);
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark("rungs:read-and-validate", "rungs:load");
    }
    loaded
}

fn load_untimed(text: &str, previous: Option<&Loaded>) -> Loaded {
    match rungs_core::parse_ladder(text) {
        Ok(ladder) => Loaded {
            overview: LadderOverview::new(&ladder),
            canonical: rungs_core::to_canonical_json(&ladder),
            report: rungs_core::validate_ladder(&ladder, now()),
            stale: false,
        },
        Err(e) => {
            let report = rungs_core::Report {
                diagnostics: vec![rungs_core::Diagnostic::from_parse_error(&e)],
            };
            let base = previous
                .cloned()
                .unwrap_or_else(|| load(examples::default_example().json, None));
            Loaded {
                report,
                stale: true,
                ..base
            }
        }
    }
}

/// The JSON of an example, by key (the default example for an unknown key).
pub fn example_json(key: &str) -> &'static str {
    examples::example(key)
        .unwrap_or_else(examples::default_example)
        .json
}

/// What the page's URL fragment asks for: a shared ladder's JSON, an error for a link that
/// could not be opened, or nothing.
fn ladder_from_location() -> Option<Result<String, String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let payload = rungs_core::share::payload_of_fragment(&hash)?;
    Some(
        rungs_core::share::decode(payload)
            .map(|ladder| rungs_core::to_canonical_json(&ladder))
            .map_err(|e| e.to_string()),
    )
}

/// Drops the share link from the address bar, so a reload opens the working copy's page.
fn forget_link() {
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_default();
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// Asks the user; `true` to go ahead.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Where the working copy is kept between visits.
const STORAGE_SOURCE: &str = "rungs.working-copy.source";
/// Which example the working copy started from.
const STORAGE_EXAMPLE: &str = "rungs.working-copy.example";

fn local_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "storage is disabled in this browser".to_string())?
        .ok_or_else(|| "this browser offers no local storage".to_string())
}

/// The working copy saved by an earlier visit: `(example key, ladder JSON)`.
fn saved_working_copy() -> Option<(String, String)> {
    let storage = local_storage().ok()?;
    let source = storage.get_item(STORAGE_SOURCE).ok()??;
    let example = storage
        .get_item(STORAGE_EXAMPLE)
        .ok()
        .flatten()
        .filter(|k| examples::example(k).is_some())
        .unwrap_or_else(|| examples::default_example().key.to_string());
    Some((example, source))
}

/// Saves the working copy; the error says why the browser refused.
fn save_working_copy(example: &str, source: &str) -> Result<(), String> {
    let storage = local_storage()?;
    storage
        .set_item(STORAGE_SOURCE, source)
        .and_then(|_| storage.set_item(STORAGE_EXAMPLE, example))
        .map_err(|e| {
            e.as_string()
                .or_else(|| {
                    js_sys::Reflect::get(&e, &"message".into())
                        .ok()?
                        .as_string()
                })
                .unwrap_or_else(|| "the browser refused to store it (quota full?)".to_string())
        })
}

/// The whole app. Opens the ladder of a share link, or else the working copy saved in
/// this browser, or else the SaaS example.
#[component]
pub fn App() -> impl IntoView {
    let from_link = ladder_from_location();
    let saved = if matches!(from_link, Some(Ok(_))) {
        None
    } else {
        saved_working_copy()
    };
    let example = RwSignal::new(saved.as_ref().map_or_else(
        || examples::default_example().key.to_string(),
        |(k, _)| k.clone(),
    ));
    // A ladder from a share link is read-only until the user makes a copy.
    let shared = RwSignal::new(matches!(from_link, Some(Ok(_))));
    let link_error = RwSignal::new(from_link.as_ref().and_then(|r| r.clone().err()));
    let restored = saved.is_some();
    let initial = match (from_link, saved) {
        (Some(Ok(json)), _) => json,
        (_, Some((_, source))) => source,
        _ => example_json(&example.get_untracked()).to_string(),
    };
    // The ladder JSON as typed, and as last handed to the parser (debounced).
    let source = RwSignal::new(initial);
    let committed = RwSignal::new(source.get_untracked());
    let page = RwSignal::new(Page::Design);
    let loaded = Memo::new(move |previous: Option<&Loaded>| load(&committed.get(), previous));
    let edited = Memo::new(move |_| !shared.get() && source.get() != example_json(&example.get()));
    // Autosave: after every (debounced) edit the working copy goes to local storage. A
    // shared ladder is not saved until the user makes a copy of it.
    let storage_error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let text = committed.get();
        if !shared.get() {
            storage_error.set(save_working_copy(&example.get_untracked(), &text).err());
        }
    });
    let make_copy = move |_| {
        // The copy becomes the working copy; never drop an edited one without asking.
        let replaces_work = saved_working_copy().is_some_and(|(key, text)| {
            text != example_json(&key) && text != source.get_untracked()
        });
        if replaces_work && !confirm("Make this shared ladder your working copy? It replaces the ladder you were editing in this browser; download that one first to keep it.") {
            return;
        }
        shared.set(false);
        forget_link();
    };
    let open_example = Callback::new(move |key: String| {
        let text = example_json(&key).to_string();
        shared.set(false);
        link_error.set(None);
        forget_link();
        example.set(key);
        source.set(text.clone());
        committed.set(text);
    });

    // Import: a file that reads as a ladder becomes the working copy (after asking, when
    // that replaces edits); one that does not changes nothing and says why.
    let import_error = RwSignal::new(None::<String>);
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
                Ok(_) => {
                    if edited.get_untracked()
                        && !confirm("Replace the ladder you are editing with the imported file?")
                    {
                        return;
                    }
                    import_error.set(None);
                    shared.set(false);
                    link_error.set(None);
                    forget_link();
                    source.set(text.clone());
                    committed.set(text);
                }
            }
        });
    });

    view! {
        <div class="app" data-testid=testid::APP>
            <Header
                page=page
                example=example
                edited=edited
                open_example=open_example
                import_file=import_file
                examples=EXAMPLES.to_vec()
                status=Signal::derive(move || Some(loaded.get().report))
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
                    message=storage_error
                    testid=testid::STORAGE_ERROR
                    lead="Rungs cannot save your work in this browser: "
                    tail=". Your edits stay in this tab only; download the JSON or copy a share link to keep them."
                        .to_string()
                />
                <Show when=move || shared.get()>
                    <div class="panel shared" role="status" data-testid=testid::SHARED>
                        <span>
                            <strong>"Shared ladder, read-only. "</strong>
                            "It came in a link and lives only in this tab until you make a copy."
                        </span>
                        <button class="button" data-testid=testid::MAKE_COPY on:click=make_copy>
                            "Make a copy to edit"
                        </button>
                    </div>
                </Show>
                // Outside the page below, so typing never re-creates the editor.
                <div
                    class="editor-slot"
                    class:hidden=move || page.get() != Page::Design || shared.get()
                >
                    <SourceEditor source=source committed=committed />
                </div>
                {move || match page.get() {
                    // Rendered once per visit; its lists follow the ladder entry by entry.
                    Page::Design => {
                        view! {
                            <DesignPage
                                overview=Signal::derive(move || loaded.with(|l| l.overview.clone()))
                                report=Signal::derive(move || loaded.with(|l| l.report.clone()))
                                stale=Signal::derive(move || loaded.with(|l| l.stale))
                                edited=edited
                            />
                        }
                            .into_any()
                    }
                    Page::Drill => {
                        view! { <DrillPage overview=loaded.with(|l| l.overview.clone()) /> }
                            .into_any()
                    }
                    Page::Share => {
                        let l = loaded.get();
                        view! {
                            <SharePage
                                name=l.overview.name
                                canonical=l.canonical
                                errors=l.report.errors().count()
                            />
                        }
                            .into_any()
                    }
                }}
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
