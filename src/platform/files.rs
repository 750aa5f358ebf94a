//! Files and the clipboard: downloads, and copying text.

use leptos::prelude::*;

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

/// The text of a file the user chose or dropped, refusing one over `limit` bytes
/// before reading it. The error says which file and why.
pub async fn read_text(file: web_sys::File, limit: usize) -> Result<String, String> {
    let name = file.name();
    if file.size() > limit as f64 {
        return Err(format!(
            "{name} is {:.1} MB; Rungs reads ladders of at most {} MB",
            file.size() / 1_048_576.0,
            limit / 1_048_576
        ));
    }
    match wasm_bindgen_futures::JsFuture::from(file.text()).await {
        Ok(t) => Ok(t.as_string().unwrap_or_default()),
        Err(_) => Err(format!("{name} could not be read")),
    }
}
