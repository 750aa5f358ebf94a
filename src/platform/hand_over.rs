//! The hand-over from the viewer module to the app. The first load of a share link is
//! the viewer alone (`src/bin/rungs-viewer.rs`, under half of the app's bytes); whatever
//! needs the app (a copy to edit, another page, a link that could not be read) loads
//! it into the same page. The app opens the same link and then does what was asked,
//! which the viewer leaves on the window for it ([`take`]). As the pointer or the focus
//! reaches something that will need the app, the viewer starts fetching it ([`prefetch`]),
//! so that on a desktop the click finds it on its way or arrived.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The `<meta>` in which the page's loader names the app's module and its wasm (their file
/// names carry a hash of their content; see Trunk.toml's `pattern_script`).
const APP_META: &str = "meta[name=\"rungs-app\"]";

/// The window's property that carries what was asked from one module to the other.
const KEY: &str = "rungsHandOver";

/// What the user asked of the viewer that the app does: make a copy to edit.
pub const MAKE_COPY: &str = "copy";

// `start` fetches the app's module and wasm once and keeps them on their way: a prefetch
// and the load share one download, and a failure is fetched afresh next time. (`url` is
// relative to the page, not to this snippet's own module.)
#[wasm_bindgen(inline_js = "let started;
const url = (u) => new URL(u, document.baseURI).href;
function start(js, wasm) {
  if (!started) {
    started = Promise.all([import(url(js)), fetch(url(wasm))]);
    started.catch(() => { started = undefined; });
  }
  return started;
}
export function prefetch_app(js, wasm) { start(js, wasm); }
export function load_app(js, wasm) {
  return start(js, wasm)
    .then(([m, wasm]) => m.default({ module_or_path: wasm }))
    .catch((e) => { started = undefined; throw e; });
}")]
extern "C" {
    fn prefetch_app(js: &str, wasm: &str);
    fn load_app(js: &str, wasm: &str) -> js_sys::Promise;
}

/// Loads and starts the app, which then does `asked` (a [`MAKE_COPY`] or a page's key;
/// `None` to open the link as the app opens it). The app's module removes the viewer's
/// element (`#boot`) as it mounts. Says why when the app could not be loaded (offline,
/// before the service worker kept it).
pub async fn hand_over(asked: Option<&str>) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let (js, wasm) = app_files().ok_or("the page does not name the designer's module")?;
    if let Some(asked) = asked {
        let _ = js_sys::Reflect::set(&window, &KEY.into(), &asked.into());
    }
    JsFuture::from(load_app(&js, &wasm))
        .await
        .map(|_| ())
        .map_err(|e| {
            let _ = js_sys::Reflect::delete_property(&window, &KEY.into());
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "the designer could not be loaded".into())
        })
}

/// Starts fetching the app's module and wasm, if they are not on their way already, for
/// a [`hand_over`] that may follow; it then waits for the same download.
pub fn prefetch() {
    if let Some((js, wasm)) = app_files() {
        prefetch_app(&js, &wasm);
    }
}

/// The app's module and wasm, as the page's loader names them.
fn app_files() -> Option<(String, String)> {
    let meta = web_sys::window()?
        .document()?
        .query_selector(APP_META)
        .ok()??;
    Some((
        meta.get_attribute("content")?,
        meta.get_attribute("data-wasm")?,
    ))
}

/// What the viewer asked the app to do, once: the app calls this as it starts.
pub fn take() -> Option<String> {
    let window = web_sys::window()?;
    let asked = js_sys::Reflect::get(&window, &KEY.into())
        .ok()?
        .as_string()?;
    let _ = js_sys::Reflect::delete_property(&window, &KEY.into());
    Some(asked)
}
