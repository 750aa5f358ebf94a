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

/// Share the ladder: a link, and the JSON.
#[component]
pub fn SharePage(
    /// The ladder's name.
    name: String,
    /// Its canonical JSON.
    canonical: String,
    /// How many errors validation found; a ladder with errors is not offered for sharing.
    errors: usize,
) -> impl IntoView {
    let size = format!("{:.1} KB", canonical.len() as f64 / 1024.0);
    let link = (errors == 0)
        .then(|| rungs_core::parse_ladder(&canonical).ok())
        .flatten()
        .map(|ladder| share_url(&rungs_core::share::encode(&ladder)));
    let copied = RwSignal::new(None::<&'static str>);
    let link_section = match link {
        Some(url) => {
            let length = format!("{} characters", url.len());
            let for_copy = url.clone();
            let copy = move |_| {
                let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
                    return;
                };
                let promise = clipboard.write_text(&for_copy);
                leptos::task::spawn_local(async move {
                    let done = wasm_bindgen_futures::JsFuture::from(promise).await;
                    copied.set(Some(if done.is_ok() {
                        "Copied to the clipboard."
                    } else {
                        "The browser did not allow copying; select the link and copy it."
                    }));
                });
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
                <p class="panel stale" role="status">
                    {format!(
                        "Fix the {errors} error{} listed under Validation on the Design page to share this ladder.",
                        if errors == 1 { "" } else { "s" },
                    )}
                </p>
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
            <pre class="json" data-testid=testid::SHARE_JSON tabindex="0">{canonical}</pre>
        </section>
    }
}
