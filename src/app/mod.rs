//! The app shell: header, navigation, the document and the current page.

pub mod broken_entry;
pub mod header;
pub mod keys;
pub mod notices;

use leptos::prelude::*;
use rungs_core::examples;
use rungs_core::overview::LadderOverview;
use rungs_core::{Ladder, Report};

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
use broken_entry::BrokenEntry;
use keys::undo_keys;
use notices::Notices;

/// The JSON of an example, by key (the default example for an unknown key).
pub fn example_json(key: &str) -> &'static str {
    examples::example(key)
        .unwrap_or_else(examples::default_example)
        .json
}

/// What the app opens first: the ladder of a share link, or else the ladder last open in
/// this browser's library, or else (first visit) the SaaS example as a new entry.
struct Opening {
    /// The library entry and its revision (`None` for a shared ladder, or when storage
    /// refused the first entry).
    entry: Option<(String, u64)>,
    /// The text to open, and its ladder when it is already read.
    text: String,
    parsed: Option<Ladder>,
    /// The ladder came in a link.
    shared: bool,
    /// Why the link could not be opened.
    link_error: Option<String>,
    /// Why the first entry could not be stored.
    storage_error: Option<String>,
}

impl Opening {
    /// Reads the link and the library; `first` is the ladder of a new library.
    fn read(first: &Ladder) -> Opening {
        let mut o = Opening {
            entry: None,
            text: String::new(),
            parsed: None,
            shared: false,
            link_error: None,
            storage_error: None,
        };
        match ladder_from_location() {
            Some(Ok((ladder, json))) => {
                o.shared = true;
                o.text = json;
                o.parsed = Some(ladder);
                return o;
            }
            Some(Err(e)) => o.link_error = Some(e),
            None => {}
        }
        let open = library::current()
            .and_then(|id| library::entry(&id))
            .or_else(|| library::entries().into_iter().next())
            .and_then(|e| Some((library::text(&e.id)?, e)));
        match open {
            Some((text, e)) => {
                library::set_current(&e.id);
                o.entry = Some((e.id, e.rev));
                o.text = text;
            }
            None => {
                o.text = example_json("").to_string();
                match library::create(&first.name, &o.text) {
                    Ok(id) => {
                        library::set_current(&id);
                        o.entry = Some((id, 1));
                    }
                    Err(e) => o.storage_error = Some(e),
                }
                o.parsed = Some(first.clone());
            }
        }
        o
    }
}

/// The whole app: opens the first ladder (see [`Opening`]), provides the document, the
/// session, the selection and the drill room in context, and shows the current page.
#[component]
pub fn App() -> impl IntoView {
    library::migrate();
    // the first ladder of a new library; stands in while a broken entry opens
    let first = rungs_core::parse_ladder(example_json("")).expect("examples parse");
    let opening = Opening::read(&first);
    let link_error = RwSignal::new(opening.link_error);
    let restored = opening.entry.is_some();
    let session = Session::new(opening.entry, &opening.text);
    session.storage_error.set(opening.storage_error);
    let doc = Doc::new(first);
    match opening.parsed {
        Some(ladder) => doc.open_parsed(ladder, opening.text),
        None => doc.open(opening.text),
    }
    doc.readonly.set(opening.shared);
    provide_context(doc);
    provide_context(session);
    // what was asked of the viewer module that loaded the app (platform::hand_over)
    if let Some(asked) = crate::platform::hand_over::take() {
        if asked == crate::platform::hand_over::MAKE_COPY {
            if opening.shared {
                notices::make_copy(doc, session);
            }
        } else if let Some(p) = Page::from_key(&asked) {
            session.page.set(p);
        }
    }
    provide_context(crate::state::selection::Selected(RwSignal::new(None)));
    provide_context(crate::state::drill_room::DrillRoom::new());
    keep_saved(doc, session);
    undo_keys(doc);
    keys::escape_closes_inspector();
    let update_ready = RwSignal::new(false);
    crate::platform::offline::register(move || update_ready.set(true));

    let overview = Memo::new(move |_| timed("overview", || doc.ladder.with(LadderOverview::new)));
    let report = Memo::new(move |_| match doc.parse_error.get() {
        Some(d) => Report {
            diagnostics: vec![d],
        },
        None => doc.ladder.with(validate_timed),
    });
    let page = session.page;

    // Import: a file that reads as a ladder opens as a new library entry; one that does
    // not changes nothing and says why.
    let import_file = Callback::new(move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            if session.import(doc, file).await {
                link_error.set(None);
            }
        });
    });
    // Files dropped anywhere on the page: a Rungs ladder opens the same way, other
    // tools' documents go to the import panel (Session::drop_files).
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let Some(list) = ev.data_transfer().and_then(|d| d.files()) else {
            return;
        };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        leptos::task::spawn_local(async move {
            if session.drop_files(doc, files).await {
                link_error.set(None);
            }
        });
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
                <Notices link_error=link_error restored=restored update_ready=update_ready />
                <CurrentPage overview=overview report=report />
                // Outside the page above, so typing never re-creates the editor.
                <div
                    class="editor-slot"
                    class:hidden=move || page.get() != Page::Design || doc.readonly.get()
                >
                    <SourceEditor />
                </div>
            </main>
            <Footer />
        </div>
    }
}

/// The foot of the page: the format and its schema.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="footer">
            "Rungs · ladder format "
            <code>"rungs.ladder/v1"</code>
            " · "
            <a href="schema/ladder.v1.schema.json">"JSON Schema"</a>
        </footer>
    }
}

/// The page the navigation chose (the JSON-only mode for an entry that never parsed).
#[component]
fn CurrentPage(
    /// The ladder's overview, for the pages that list its parts.
    overview: Memo<LadderOverview>,
    /// The validation report (or the parse error) of the document.
    report: Memo<Report>,
) -> impl IntoView {
    let doc = crate::state::doc::use_doc();
    let page = expect_context::<Session>().page;
    move || match page.get() {
        Page::Library => view! { <LibraryPage /> }.into_any(),
        // An entry whose text never parsed: its JSON alone, never another ladder.
        _ if doc.broken.get() => view! { <BrokenEntry /> }.into_any(),
        // Rendered once per visit; its lists follow the ladder entry by entry.
        // a shared ladder opens in the viewer: read, not edited
        Page::Design if doc.readonly.get() => {
            view! { <crate::components::viewer::Viewer ladder=doc.ladder overview=overview /> }
                .into_any()
        }
        Page::Design => view! {
            <DesignPage
                overview=overview
                report=report
                stale=Signal::derive(move || doc.parse_error.with(Option::is_some))
            />
        }
        .into_any(),
        Page::Drill => view! { <DrillPage overview=overview /> }.into_any(),
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
    }
}
