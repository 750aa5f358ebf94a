//! "Import from…" on the Ladders page: pick the paging tool, choose, drop or paste its
//! documents, read the notes with their source locations, then open the result as a new
//! ladder. A failed import says where and what, and changes nothing.

use leptos::prelude::*;
use rungs_interop::{detect, System};
use wasm_bindgen::JsCast;

use super::NoteList;
use crate::platform::extras::Host;
use crate::platform::files::read_text;
use crate::platform::on_demand::{ask, File, NoteLine, Reply, Request};
use crate::testid;

/// What each system's files are, for the hint under the picker.
fn hint(system: System) -> &'static str {
    match system {
        System::PagerDuty => "The JSON the REST API returns for escalation policies, schedules and users (GET /escalation_policies, /schedules/{id}, /users), saved as it comes.",
        System::Opsgenie => "The JSON the REST API returns for escalations, schedules (with their rotations) and users, saved as it comes.",
        System::GrafanaOncall => "The JSON the HTTP API returns for escalation chains, escalation policies, schedules, on-call shifts and users.",
        System::GoAlert => "The JSON GoAlert's GraphQL API returns for escalation policies, rotations, schedules and users.",
        System::Terraform => "The .tf files of the PagerDuty, Opsgenie, Grafana (OnCall) or GoAlert provider.",
    }
}

/// Where an import is.
#[derive(Clone, PartialEq)]
enum Stage {
    /// Choosing files.
    Choosing,
    /// The worker is at it.
    Importing,
    /// It failed: why. Nothing changed.
    Failed(String),
    /// It worked: the ladder's JSON, a one-line summary, the notes.
    Done(String, String, Vec<NoteLine>),
}

/// The import panel. Part of the extras module: the result opens through `host`.
#[component]
pub fn ImportPanel(
    /// The page.
    host: Host,
    /// Documents dropped on the page, as a JSON list of files (may be empty).
    #[prop(optional, into)]
    dropped: String,
) -> impl IntoView {
    let host = StoredValue::new_local(host);
    let system = RwSignal::new(System::PagerDuty);
    // the system was chosen by hand: documents added later no longer pick it
    let picked = RwSignal::new(false);
    let recognised = RwSignal::new(None::<System>);
    let files = RwSignal::new(Vec::<File>::new());
    let pasted = RwSignal::new(String::new());
    let stage = RwSignal::new(Stage::Choosing);
    let read_problem = RwSignal::new(None::<String>);
    let replaced = RwSignal::new(Vec::<String>::new());
    // documents pasted so far, for their names (only ever counts up)
    let pastes = StoredValue::new(0_u32);
    // the system the documents' shape says, unless one was chosen by hand
    let guess = move || {
        if !picked.get_untracked() {
            let guess = files.with_untracked(|fs| {
                detect::system_of_all(fs.iter().map(|f| (f.name.as_str(), f.text.as_str())))
            });
            if let Some(s) = guess {
                system.set(s);
            }
            recognised.set(guess);
        }
    };

    // Adds documents; one named like one already chosen replaces it, and says so.
    let add = move |new: Vec<File>| {
        replaced.set(Vec::new());
        files.update(|fs| {
            for f in new {
                if fs.iter().any(|x| x.name == f.name) {
                    replaced.update(|r| r.push(f.name.clone()));
                }
                fs.retain(|x| x.name != f.name);
                fs.push(f);
            }
        });
        guess();
        stage.set(Stage::Choosing);
    };
    if let Ok(list) = serde_json::from_str::<Vec<File>>(&dropped) {
        add(list);
    }
    let add_files = move |list: web_sys::FileList| {
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        leptos::task::spawn_local(async move {
            let mut read = Vec::new();
            for f in chosen {
                let name = f.name();
                match read_text(f, rungs_core::MAX_DOCUMENT_BYTES).await {
                    Ok(text) => read.push(File { name, text }),
                    Err(e) => read_problem.set(Some(e)),
                }
            }
            add(read);
        });
    };
    // The pasted document joins the files, so several can be pasted one after another.
    let add_pasted = move |_| {
        let text = pasted.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        pastes.update_value(|n| *n += 1);
        add(vec![File {
            name: format!("pasted document {}", pastes.get_value()),
            text,
        }]);
        pasted.set(String::new());
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(list) = input.as_ref().and_then(|i| i.files()) {
            add_files(list);
        }
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        // the page's own drop (which sorts the files it is given) does not run too
        ev.stop_propagation();
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            add_files(list);
        }
    };
    let documents = move || {
        let mut all = files.get();
        let text = pasted.get();
        if !text.trim().is_empty() {
            all.push(File {
                name: "pasted text".into(),
                text,
            });
        }
        all
    };
    let start = move |_| {
        let docs = documents();
        if docs.is_empty() {
            return;
        }
        read_problem.set(None);
        stage.set(Stage::Importing);
        replaced.set(Vec::new());
        let request = Request::Import {
            system: system.get_untracked().slug().to_string(),
            files: docs,
        };
        ask(&request, move |reply| {
            stage.set(match reply {
                Reply::Imported { ladder, notes } => {
                    let summary = summary(&ladder);
                    Stage::Done(ladder, summary, notes)
                }
                Reply::Failed { message } => Stage::Failed(message),
                _ => Stage::Failed("the import worker gave an answer Rungs does not know".into()),
            })
        });
    };
    let open = move |_| {
        if let Stage::Done(text, _, _) = stage.get_untracked() {
            host.with_value(|h| h.open_new(&text));
        }
    };

    view! {
        <section
            class="panel import-panel"
            aria-labelledby="import-h"
            data-testid=testid::IMPORT_PANEL
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <h2 id="import-h">"Import from a paging tool"</h2>
            <p class="muted">
                "Bring the escalation policies, schedules and users you keep elsewhere. The result opens as a new ladder; nothing you have is replaced."
            </p>
            <div class="field">
                <label class="field-label" for="import-system">"From"</label>
                <select
                    id="import-system"
                    data-testid=testid::IMPORT_SYSTEM
                    on:change=move |ev| {
                        if let Some(s) = System::from_slug(&event_target_value(&ev)) {
                            system.set(s);
                            picked.set(true);
                            recognised.set(None);
                        }
                    }
                >
                    {System::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.slug() selected=move || system.get() == s>{s.label()}</option> })
                        .collect_view()}
                </select>
                {move || {
                    recognised
                        .get()
                        .map(|s| {
                            view! {
                                <p class="muted small" role="status" data-testid=testid::IMPORT_RECOGNISED>
                                    {format!("These documents look like {}'s.", s.label())}
                                </p>
                            }
                        })
                }}
                <p class="muted small">{move || hint(system.get())}</p>
            </div>
            <div class="field import-drop">
                <label class="field-label" for="import-files">"Files (choose several, or drop them here)"</label>
                <input
                    id="import-files"
                    type="file"
                    multiple
                    accept=".json,.tf,application/json"
                    data-testid=testid::IMPORT_FILES
                    on:change=on_pick
                />
                <ul class="import-files">
                    <For
                        each=move || files.get()
                        key=|f| f.name.clone()
                        children=move |f: File| {
                            let name = f.name.clone();
                            let size = format!("{:.1} KB", f.text.len() as f64 / 1024.0);
                            view! {
                                <li>
                                    <span>{f.name}</span>
                                    " "
                                    <span class="muted small">{size}</span>
                                    " "
                                    <button
                                        class="button small"
                                        aria-label=format!("Remove {name}")
                                        on:click=move |_| {
                                            files.update(|fs| fs.retain(|x| x.name != name));
                                            replaced.set(Vec::new());
                                            guess();
                                        }
                                    >
                                        "Remove"
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
                {move || read_problem.get().map(|p| view! { <p class="field-msg error" role="alert">{p}</p> })}
                {move || {
                    replaced
                        .with(|r| !r.is_empty())
                        .then(|| {
                            let names = replaced.get().join("”, “");
                            view! {
                                <p class="muted small" role="status">
                                    {format!("“{names}” was chosen again: the newer copy replaces the earlier one.")}
                                </p>
                            }
                        })
                }}
            </div>
            <div class="field">
                <label class="field-label" for="import-paste">"Or paste a document (add several, one after another)"</label>
                <textarea
                    id="import-paste"
                    class="import-paste"
                    rows="4"
                    spellcheck="false"
                    data-testid=testid::IMPORT_PASTE
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
                <p class="button-row">
                    <button
                        class="button small"
                        data-testid=testid::IMPORT_ADD_PASTED
                        disabled=move || pasted.with(|p| p.trim().is_empty())
                        on:click=add_pasted
                    >
                        "Add to the documents"
                    </button>
                </p>
            </div>
            <p class="button-row">
                <button
                    class="button primary"
                    data-testid=testid::IMPORT_START
                    disabled=move || {
                        (files.with(Vec::is_empty) && pasted.with(|p| p.trim().is_empty()))
                            || stage.get() == Stage::Importing
                    }
                    on:click=start
                >
                    {move || if stage.get() == Stage::Importing { "Importing…" } else { "Import" }}
                </button>
            </p>
            {move || match stage.get() {
                Stage::Choosing | Stage::Importing => ().into_any(),
                Stage::Failed(why) => view! {
                    <p class="panel stale" role="alert" data-testid=testid::IMPORT_FAILED>
                        "Nothing was imported: " {why}
                    </p>
                }
                    .into_any(),
                Stage::Done(_, summary, notes) => view! {
                    <div class="import-result" role="status" data-testid=testid::IMPORT_RESULT>
                        <p>{summary}</p>
                        <NoteList notes=notes />
                        <p class="button-row">
                            <button class="button primary" data-testid=testid::IMPORT_OPEN on:click=open>
                                "Open as a new ladder"
                            </button>
                        </p>
                    </div>
                }
                    .into_any(),
            }}
        </section>
    }
}

/// "Imported “Checkout”: 2 tiers, 5 people, 3 rotations, 1 schedule."
fn summary(text: &str) -> String {
    match rungs_core::parse_ladder(text) {
        Err(e) => format!("The imported ladder does not read back: {e}"),
        Ok(l) => {
            use rungs_core::text::count;
            format!(
                "Imported “{}”: {}, {}, {}, {}.",
                l.name,
                count(l.tiers.len(), "tier", "tiers"),
                count(l.people.len(), "person", "people"),
                count(l.rotations.len(), "rotation", "rotations"),
                count(l.schedules.len(), "schedule", "schedules"),
            )
        }
    }
}
