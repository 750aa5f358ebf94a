//! The share page: a link that carries the whole ladder, and its canonical JSON.

use leptos::prelude::*;
use rungs_core::versions::Why;

use crate::platform::files::{copy_text, download};
use crate::platform::location::share_url;
use crate::testid;
use crate::widgets::extra::Extra;

/// Share the ladder: a link, and the JSON.
#[component]
pub fn SharePage(
    /// The ladder's name.
    name: String,
    /// Its canonical JSON.
    canonical: String,
    /// How many errors validation found; a ladder with errors is not offered for sharing.
    errors: usize,
    /// The errors that block sharing and export, as sentences.
    blockers: Vec<String>,
) -> impl IntoView {
    let size = format!("{:.1} KB", canonical.len() as f64 / 1024.0);
    let link = (errors == 0)
        .then(|| rungs_core::parse_ladder(&canonical).ok())
        .flatten()
        .map(|ladder| share_url(&rungs_core::share::encode(&ladder)));
    let copied = RwSignal::new(None::<&'static str>);
    let json_status = RwSignal::new(None::<&'static str>);
    let file = rungs_core::share::file_name(&name);
    let json_for_download = canonical.clone();
    let json_for_copy = canonical.clone();
    let downloadable = errors == 0;
    let download_file = file.clone();
    let tf_file = file.clone();
    let doc = crate::state::doc::use_doc();
    let session = expect_context::<crate::state::session::Session>();
    // exporting or sharing keeps a version of what went out (not for a shared ladder
    // being viewed: it has no history)
    let keep = move |why: Why| {
        if !doc.readonly.get_untracked() {
            let _ = session.keep_version(doc, why, "");
        }
    };
    // the drill log travels with the file only when asked
    let log = session
        .entry
        .get_untracked()
        .filter(|_| !doc.readonly.get_untracked())
        .map(|id| crate::platform::library::drill_log(&id))
        .unwrap_or_default();
    let log_count = log.len();
    let with_log = RwSignal::new(false);
    let log = StoredValue::new(log);
    let on_download = move |_| {
        let with = with_log.get_untracked();
        let text = if with {
            rungs_core::parse_ladder(&json_for_download).map_or_else(
                |_| json_for_download.clone(),
                |mut l| {
                    l.drill_log = log.get_value();
                    rungs_core::to_canonical_json(&l)
                },
            )
        } else {
            json_for_download.clone()
        };
        if download(&download_file, "application/json", &text).is_err() {
            json_status.set(Some(
                "The browser did not allow the download; copy the JSON below.",
            ));
        } else {
            keep(Why::Exported);
        }
    };
    let link_section = match link {
        Some(url) => {
            let length = format!("{} characters", url.len());
            let for_copy = url.clone();
            let copy = move |_| {
                copy_text(&for_copy, copied);
                keep(Why::Shared);
            };
            view! {
                <label class="field-label" for="share-link">
                    "Anyone who opens this link sees this ladder, read-only ("
                    {length}
                    "). No server is involved: the ladder travels in the link itself."
                </label>
                <div class="share-row">
                    <input
                        id="share-link"
                        class="share-link"
                        readonly
                        data-testid=testid::SHARE_LINK
                        prop:value=url
                        on:focus=|ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(input) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            {
                                input.select();
                            }
                        }
                    />
                    <button class="button" data-testid=testid::COPY_LINK on:click=copy>
                        "Copy share link"
                    </button>
                </div>
                <p class="muted small" role="status">{move || copied.get()}</p>
            }
                .into_any()
        }
        None => {
            view! {
                <div class="panel stale" role="status" data-testid=testid::BLOCKERS>
                    <p>
                        {format!(
                            "Fix the {errors} error{} below (listed under Validation on the Design page) to share or export this ladder:",
                            if errors == 1 { "" } else { "s" },
                        )}
                    </p>
                    <ul>{blockers.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
                </div>
            }
                .into_any()
        }
    };
    view! {
        <section class="panel" aria-labelledby="share-h">
            <h1 id="share-h">"Share “" {name} "”"</h1>
            {link_section}
        </section>
        <section class="panel" aria-labelledby="json-h">
            <h2 id="json-h">"Ladder JSON"</h2>
            <p class="muted">
                "The ladder in canonical form (" {size} "), exactly what " <code>"rungs fmt"</code>
                " prints. It validates against " <a href="schema/ladder.v1.schema.json">"the ladder JSON Schema"</a> "."
            </p>
            <Show when=move || downloadable>
                {(log_count > 0).then(|| view! {
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid=testid::EXPORT_WITH_LOG
                            prop:checked=with_log
                            on:change=move |ev| with_log.set(event_target_checked(&ev))
                        />
                        {format!(
                            " With its drill log ({}): whoever opens the file gets the log too",
                            rungs_core::text::count(log_count, "record", "records")
                        )}
                    </label>
                })}
                <p class="button-row">
                    <button class="button primary" data-testid=testid::DOWNLOAD on:click=on_download.clone()>
                        {format!("Export JSON ({file})")}
                    </button>
                    <button
                        class="button"
                        data-testid=testid::COPY_JSON
                        on:click={
                            let text = json_for_copy.clone();
                            move |_| copy_text(&text, json_status)
                        }
                    >
                        "Copy JSON"
                    </button>
                </p>
                <p class="muted small" role="status">{move || json_status.get()}</p>
            </Show>
            <pre class="json" data-testid=testid::SHARE_JSON tabindex="0">{canonical}</pre>
        </section>
        <Show when=move || downloadable>
            <Extra which="terraform" args=tf_file.clone() />
        </Show>
    }
}
