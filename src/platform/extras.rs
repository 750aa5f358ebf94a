//! The extras module: features used now and then (the live drill and the study, History,
//! Import from a paging tool, Export as Terraform, the drill log's trend, sensitivity)
//! compiled as a second wasm module, `src/bin/rungs-extras.rs`, which the page imports
//! the first time one of them opens. The page's first load
//! carries none of their code; the module brings its own copy of what it uses.
//!
//! The two modules share the document (the page's) through a [`Host`]: the functions
//! the page hands over when it mounts a panel ([`HostSide`]), the only way an extra
//! reads or changes the open ladder or adds to its drill log. Both share the browser's storage, where an extra may keep versions
//! (`rungs_core::versions`) but never writes a ladder itself.

use std::cell::RefCell;

use rungs_core::drill::LogRecord;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where Trunk puts the module (`data-type="worker"`, `data-bindgen-target="web"` in
/// index.html: built, not loaded by the page), relative to the page.
pub const MODULE_URL: &str = "./rungs-extras.js";

#[wasm_bindgen(inline_js = "let loading = null;
export function load_extras(url) {
  if (!loading) {
    loading = import(url).then(async (m) => { await m.default(); return m; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}")]
extern "C" {
    fn load_extras(url: &str) -> js_sys::Promise;
}

thread_local! {
    static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// What an extra may ask of the page, as the JS object the page built with [`host`].
#[derive(Clone)]
pub struct Host(JsValue);

impl Host {
    /// The object the page passed.
    pub fn from_js(value: JsValue) -> Host {
        Host(value)
    }

    fn call(&self, name: &str, arg: Option<&str>) -> JsValue {
        let f = js_sys::Reflect::get(&self.0, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let Some(f) = f else {
            return JsValue::UNDEFINED;
        };
        match arg {
            None => f.call0(&JsValue::NULL),
            Some(a) => f.call1(&JsValue::NULL, &JsValue::from_str(a)),
        }
        .unwrap_or(JsValue::UNDEFINED)
    }

    /// The open ladder's text, saved first (edits included).
    pub fn text(&self) -> String {
        self.call("text", None).as_string().unwrap_or_default()
    }

    /// The ladder on show as canonical JSON: the last text that parsed (while typed text
    /// does not parse, the ladder before it), unsaved edits included, nothing saved.
    pub fn ladder(&self) -> String {
        self.call("ladder", None).as_string().unwrap_or_default()
    }

    /// The open library entry (`None` for a shared ladder not yet copied).
    pub fn entry(&self) -> Option<String> {
        self.call("entry", None).as_string()
    }

    /// Replaces the open ladder with `text` as one edit (undo takes it back).
    pub fn restore(&self, text: &str) {
        self.call("restore", Some(text));
    }

    /// Opens `text` as a new library entry.
    pub fn open_new(&self, text: &str) {
        self.call("open_new", Some(text));
    }

    /// Keeps the open ladder as a *Drilled* version (unless the newest holds its text) as
    /// a drill finishes: the number of the version that holds it (`None` outside the
    /// library), and what the page must say about versions let go to make room.
    pub fn drilled(&self) -> (Option<u32>, Option<String>) {
        self.call("drilled", None)
            .as_string()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    /// As a drill or study finishes: keeps the *Drilled* version ([`Host::drilled`]) and
    /// adds the record `record` makes from its number to the drill log.
    pub fn log_drilled(&self, record: impl FnOnce(Option<u32>) -> Option<LogRecord>) {
        let (version, pruned) = self.drilled();
        if let Some(record) = record(version) {
            self.log(&record, pruned);
        }
    }

    /// Adds a finished drill's `record` to the open ladder's drill log, with what to say
    /// about versions let go (`pruned`).
    pub fn log(&self, record: &LogRecord, pruned: Option<String>) {
        if let Ok(json) = serde_json::to_string(&(record, pruned)) {
            self.call("log", Some(&json));
        }
    }
}

/// What the page does for an extra: the functions of a [`Host`].
pub struct HostSide {
    /// The open ladder's text, saved first (edits included).
    pub text: Box<dyn Fn() -> String>,
    /// The ladder on show as canonical JSON.
    pub ladder: Box<dyn Fn() -> String>,
    /// The open library entry.
    pub entry: Box<dyn Fn() -> Option<String>>,
    /// Replaces the open ladder with this text as one edit.
    pub restore: Box<dyn Fn(String)>,
    /// Opens this text as a new library entry.
    pub open_new: Box<dyn Fn(String)>,
    /// Keeps a *Drilled* version: its number and what to say about versions let go.
    pub drilled: Box<dyn Fn() -> (Option<u32>, Option<String>)>,
    /// Adds a record, with what to say about versions let go, to the drill log.
    pub log: Box<dyn Fn(LogRecord, Option<String>)>,
}

/// The page's side of a [`Host`] as the JS object an extra receives.
pub fn host(side: HostSide) -> JsValue {
    let HostSide {
        text,
        ladder,
        entry,
        restore,
        open_new,
        drilled,
        log,
    } = side;
    let o = js_sys::Object::new();
    let set = |name: &str, f: JsValue| {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(name), &f);
    };
    set(
        "text",
        Closure::<dyn Fn() -> String>::new(text).into_js_value(),
    );
    set(
        "ladder",
        Closure::<dyn Fn() -> String>::new(ladder).into_js_value(),
    );
    set(
        "entry",
        Closure::<dyn Fn() -> Option<String>>::new(entry).into_js_value(),
    );
    set(
        "restore",
        Closure::<dyn Fn(String)>::new(restore).into_js_value(),
    );
    set(
        "open_new",
        Closure::<dyn Fn(String)>::new(open_new).into_js_value(),
    );
    set(
        "drilled",
        Closure::<dyn Fn() -> String>::new(move || {
            serde_json::to_string(&drilled()).unwrap_or_default()
        })
        .into_js_value(),
    );
    set(
        "log",
        Closure::<dyn Fn(String)>::new(move |json: String| {
            if let Ok((record, pruned)) = serde_json::from_str(&json) {
                log(record, pruned);
            }
        })
        .into_js_value(),
    );
    o.into()
}

/// The module's URL, against the page's base (hosting under a sub-path).
fn module_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(MODULE_URL, &base).ok())
        .map_or_else(|| MODULE_URL.to_string(), |u| u.href())
}

/// Starts loading the module (once) before a panel needs it; a failure is left for the
/// panel's own [`mount`] to report.
pub fn preload() {
    let loading = load_extras(&module_url());
    wasm_bindgen_futures::spawn_local(async move {
        let _ = JsFuture::from(loading).await;
    });
}

/// Loads the module (once) and mounts extra `which` into `el`, with `args` (text the
/// extra reads, such as a file name).
pub async fn mount(
    which: &str,
    el: &web_sys::HtmlElement,
    host: &JsValue,
    args: &str,
) -> Result<(), String> {
    let module = JsFuture::from(load_extras(&module_url()))
        .await
        .map_err(|e| {
            let why = js_sys::Reflect::get(&e, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "it could not be loaded".to_string());
            format!(
            "This part of Rungs could not be loaded ({why}). Check the connection and try again."
        )
        })?;
    MODULE.with(|m| *m.borrow_mut() = Some(module.clone()));
    let f = js_sys::Reflect::get(&module, &JsValue::from_str("mount"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("the extras module has no mount")?;
    let args_js = js_sys::Array::of4(
        &JsValue::from_str(which),
        el,
        host,
        &JsValue::from_str(args),
    );
    f.apply(&JsValue::NULL, &args_js)
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}

/// Tells the extra mounted into `el` that its `args` changed (or that the document it
/// reads through its host did).
pub fn update(el: &web_sys::HtmlElement, args: &str) {
    call_module("update", &js_sys::Array::of2(el, &JsValue::from_str(args)));
}

/// Calls the loaded module's `name` with `args` (nothing when it never loaded).
fn call_module(name: &str, args: &js_sys::Array) {
    MODULE.with(|m| {
        if let Some(module) = m.borrow().as_ref() {
            if let Some(f) = js_sys::Reflect::get(module, &JsValue::from_str(name))
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            {
                let _ = f.apply(&JsValue::NULL, args);
            }
        }
    });
}

/// Unmounts whatever the module mounted into `el` (nothing when it never loaded).
pub fn unmount(el: &web_sys::HtmlElement) {
    call_module("unmount", &js_sys::Array::of1(el));
}
