//! The share page: a link that carries the whole ladder, and its canonical JSON.

use leptos::prelude::*;

use crate::testid;

/// The address of this app with `payload` as its share-link fragment.
fn share_url(payload: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .map(|l| {
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    format!("{base}#{}={payload}", rungs_core::share::FRAGMENT_KEY)
}

/// A file name for the ladder: its name in lowercase words joined by `-`, plus `.json`.
pub fn file_name(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "ladder.json".to_string()
    } else {
        format!("{}.json", words.join("-"))
    }
}

/// How long a download's object URL is kept before it is revoked, in milliseconds:
/// revoking it at once makes some browsers (Safari) drop the download.
const DOWNLOAD_URL_MS: u32 = 60_000;

/// Offers `text` to the user as a downloaded file of type `mime`.
pub fn download(file: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file);
    a.click();
    gloo_timers::callback::Timeout::new(DOWNLOAD_URL_MS, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// What copying said, for the status line beside the button.
const COPIED: &str = "Copied to the clipboard.";
/// See [`COPIED`].
const NOT_COPIED: &str =
    "This browser did not allow copying here; select the text and copy it (Ctrl+C or ⌘C).";

/// Copies `text` to the clipboard and says how it went in `status`. Where the
/// Clipboard API is absent (a plain-http origin, an older browser) it copies through a
/// selection and `execCommand("copy")`, and says so when that fails too.
pub fn copy_text(text: &str, status: RwSignal<Option<&'static str>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        status.set(Some(if copy_by_selection(text) {
            COPIED
        } else {
            NOT_COPIED
        }));
        return;
    }
    let promise = navigator.clipboard().write_text(text);
    let text = text.to_string();
    leptos::task::spawn_local(async move {
        let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        status.set(Some(if done || copy_by_selection(&text) {
            COPIED
        } else {
            NOT_COPIED
        }));
    });
}

/// Copies `text` through a hidden text area's selection; whether the browser did.
fn copy_by_selection(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(area) = document
        .create_element("textarea")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    let _ = area.set_attribute("class", "visually-hidden");
    let Some(body) = document.body() else {
        return false;
    };
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    copied
}

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
    let file = file_name(&name);
    let json_for_download = canonical.clone();
    let json_for_copy = canonical.clone();
    let downloadable = errors == 0;
    let download_file = file.clone();
    let on_download = move |_| {
        if download(&download_file, "application/json", &json_for_download).is_err() {
            json_status.set(Some(
                "The browser did not allow the download; copy the JSON below.",
            ));
        }
    };
    let link_section = match link {
        Some(url) => {
            let length = format!("{} characters", url.len());
            let for_copy = url.clone();
            let copy = move |_| copy_text(&for_copy, copied);
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
    }
}
