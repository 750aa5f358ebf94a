//! The start page: the ladders kept in this browser, and templates to start a new one.

use leptos::prelude::*;
use rungs_core::examples::EXAMPLES;

use crate::platform::clock::local_date_time;
use crate::platform::dom::confirm;
use crate::platform::library;
use crate::state::doc::use_doc;
use crate::state::session::Session;
use crate::testid;
use crate::widgets::extra::Extra;

/// The local library and the templates.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let session = expect_context::<Session>();
    let importing = RwSignal::new(false);
    // Other tools' documents dropped on the page, handed once to a fresh panel as JSON
    // (a panel reopened later starts empty); `drops` counts the hand-overs.
    let handed = StoredValue::new(String::new());
    let drops = RwSignal::new(0_u32);
    Effect::new(move |_| {
        if let Some(files) = session.dropped.get() {
            handed.set_value(serde_json::to_string(&files).unwrap_or_default());
            session.dropped.set(None);
            importing.set(true);
            drops.update(|n| *n += 1);
        }
    });
    view! {
        <Templates importing=importing />
        {move || {
            drops.track();
            importing
                .get()
                .then(|| {
                    let args = handed.with_value(String::clone);
                    handed.set_value(String::new());
                    view! { <Extra which="import" args=args /> }
                })
        }}
        <YourLadders />
    }
}

/// Start a ladder: a blank one, or one of the examples.
#[component]
fn Templates(
    /// Whether the import panel is open.
    importing: RwSignal<bool>,
) -> impl IntoView {
    let doc = use_doc();
    let session = expect_context::<Session>();
    let new_ladder = move |_| {
        let blank = rungs_core::edit::new_ladder("Untitled ladder");
        let text = rungs_core::to_canonical_json(&blank);
        session.open_new(doc, Some(blank), text);
    };
    view! {
        <section class="panel" aria-labelledby="start-h">
            <h1 id="start-h">"Start a ladder"</h1>
            <p class="muted">
                "Start from nothing, or from an example to adapt. Each becomes a new ladder in this browser; nothing you have is replaced."
            </p>
            <ul class="cards templates">
                <li class="card template">
                    <h2>"New ladder"</h2>
                    <p class="muted">"One tier and an empty first step: add people, rotations and triggers."</p>
                    <button class="button primary" data-testid=testid::NEW_LADDER on:click=new_ladder>
                        "New ladder"
                    </button>
                </li>
                <li class="card template">
                    <h2>"Import from a paging tool"</h2>
                    <p class="muted">"PagerDuty, Opsgenie, Grafana OnCall, GoAlert or Terraform: drill the policy you already have."</p>
                    <button
                        class="button"
                        data-testid=testid::IMPORT_OPEN_PANEL
                        aria-expanded=move || importing.get().to_string()
                        on:click=move |_| importing.update(|o| *o = !*o)
                    >
                        "Import from…"
                    </button>
                </li>
                {EXAMPLES
                    .iter()
                    .map(|e| {
                        let json = e.json;
                        // the examples are checked in and always parse (tests/golden)
                        let ladder = rungs_core::parse_ladder(json).expect("examples parse");
                        let name = ladder.name.clone();
                        view! {
                            <li class="card template" data-testid=testid::TEMPLATE_CARD data-key=e.key>
                                <h2>{name}</h2>
                                <p class="muted">{e.title}</p>
                                <button
                                    class="button"
                                    on:click=move |_| session.open_new(doc, Some(ladder.clone()), json.to_string())
                                >
                                    "Use this example"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// The ladders kept in this browser.
#[component]
fn YourLadders() -> impl IntoView {
    let session = expect_context::<Session>();
    let entries = Memo::new(move |_| {
        session.library_version.track();
        library::entries()
    });
    view! {
        <section class="panel" aria-labelledby="library-h">
            <h2 id="library-h">"Your ladders"</h2>
            <p class="muted small">
                "Kept in this browser's storage and saved as you edit. Export a ladder from Share to keep it elsewhere."
            </p>
            <Show
                when=move || !entries.with(Vec::is_empty)
                fallback=|| view! { <p>"No ladders saved in this browser yet."</p> }
            >
                <ul class="library">
                    <For
                        each=move || entries.get()
                        key=|e| (e.id.clone(), e.name.clone(), e.updated.to_bits())
                        children=move |e: library::Entry| view! { <EntryRow entry=e /> }
                    />
                </ul>
            </Show>
        </section>
    }
}

/// One ladder of the library: its name (renamed in place), when it was saved, and Open,
/// Duplicate and Delete.
#[component]
fn EntryRow(
    /// The library entry.
    entry: library::Entry,
) -> impl IntoView {
    let doc = use_doc();
    let session = expect_context::<Session>();
    let report = move |r: Result<(), String>| {
        session.storage_error.set(r.err());
        session.library_version.notify();
    };
    let library::Entry {
        id, name, updated, ..
    } = entry;
    let is_open = {
        let id = id.clone();
        move || session.entry.get().as_deref() == Some(id.as_str())
    };
    let input_id = format!("entry-{id}");
    let rename = {
        let id = id.clone();
        move |ev| {
            let name = event_target_value(&ev).trim().to_string();
            if !name.is_empty() {
                session.rename_entry(doc, &id, name);
            }
        }
    };
    let open = {
        let id = id.clone();
        move |_| session.open_entry(doc, &id)
    };
    let history = {
        let id = id.clone();
        move |_| {
            session.open_entry(doc, &id);
            session.history.set(true);
        }
    };
    let duplicate = {
        let (id, name) = (id.clone(), name.clone());
        move |_| {
            if let Some(text) = library::text(&id) {
                let name = format!("{name} (copy)");
                report(library::create(&name, &library::renamed(&text, &name)).map(|_| ()));
            }
        }
    };
    let delete = {
        let name = name.clone();
        move |_| {
            if !confirm(&format!(
                "Delete “{name}” from this browser? This cannot be undone; export it first to keep a copy."
            )) {
                return;
            }
            report(library::delete(&id));
            if session.entry.get_untracked().as_deref() == Some(id.as_str()) {
                session.open_next(doc);
            }
        }
    };
    let badge = is_open.clone();
    view! {
        <li class="entry" class:open=is_open data-testid=testid::LIBRARY_ENTRY>
            <label class="visually-hidden" for=input_id.clone()>"Ladder name"</label>
            <input id=input_id class="entry-name" prop:value=name on:change=rename />
            <span class="muted small">{format!("saved {}", local_date_time(updated))}</span>
            <Show when=badge>
                <span class="badge">"open"</span>
            </Show>
            <span class="entry-actions">
                <button class="button" on:click=open>"Open"</button>
                <button class="button" data-testid=testid::ENTRY_HISTORY on:click=history>"History"</button>
                <button class="button" on:click=duplicate>"Duplicate"</button>
                <button class="button danger" on:click=delete>"Delete"</button>
            </span>
        </li>
    }
}
