//! The local library in this browser's localStorage: the core's
//! [`rungs_core::library::Library`] over the browser's storage.
//!
//! The rules (one key per entry's text, an index with revisions, saves as a
//! compare-and-swap on the revision, a damaged index rebuilt from the entries' keys)
//! live in the core, with native tests; here are only the storage calls, each refusal
//! returned as a sentence so the app can tell the user at once and nothing is lost
//! silently.

use rungs_core::drill::LogRecord;
use rungs_core::library::{fresh_id, Library, Store};
pub use rungs_core::library::{name_of_text, renamed, Entry, SaveError, INDEX};
use rungs_core::versions::{Added, Version, Why};

/// The browser's localStorage as the core's [`Store`].
struct Browser(web_sys::Storage);

impl Store for Browser {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.0.set_item(key, value).map_err(refusal)
    }

    fn remove(&mut self, key: &str) -> Result<(), String> {
        self.0.remove_item(key).map_err(refusal)
    }

    fn keys(&self) -> Vec<String> {
        let n = self.0.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
}

/// The library, now; or why this browser offers no storage.
fn library() -> Result<Library<Browser>, String> {
    let storage = web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "storage is disabled in this browser".to_string())?
        .ok_or_else(|| "this browser offers no local storage".to_string())?;
    Ok(Library::new(Browser(storage), js_sys::Date::now()))
}

/// The browser's refusal to store something, as a sentence.
fn refusal(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()?
                .as_string()
        })
        .unwrap_or_else(|| "the browser refused to store it (quota full?)".to_string())
}

/// A fresh storage id.
fn new_id() -> String {
    fresh_id(js_sys::Date::now(), js_sys::Math::random())
}

/// The entries, most recently saved first.
pub fn entries() -> Vec<Entry> {
    library().map(|mut l| l.entries()).unwrap_or_default()
}

/// One entry, as the index lists it now.
pub fn entry(id: &str) -> Option<Entry> {
    library().ok()?.entry(id)
}

/// The ladder JSON of an entry, as last saved.
pub fn text(id: &str) -> Option<String> {
    library().ok()?.text(id)
}

/// Saves an entry's text and name if it is still at revision `base` (see
/// [`SaveError::Stale`]); returns the new revision.
pub fn save(id: &str, name: &str, text: &str, base: u64) -> Result<u64, SaveError> {
    library()?.save(id, name, text, base)
}

/// Creates an entry with `text` (at revision 1); returns its id.
pub fn create(name: &str, text: &str) -> Result<String, String> {
    let id = new_id();
    library()?.create(&id, name, text)?;
    Ok(id)
}

/// Removes an entry and its text.
pub fn delete(id: &str) -> Result<(), String> {
    library()?.delete(id)
}

/// The entry last open in the designer.
pub fn current() -> Option<String> {
    library().ok()?.current()
}

/// Remembers which entry is open.
pub fn set_current(id: &str) {
    if let Ok(mut l) = library() {
        l.set_current(id);
    }
}

/// Moves the single working copy of earlier versions into the library, once.
pub fn migrate() {
    if let Ok(mut l) = library() {
        l.migrate(&new_id());
    }
}

/// The drill log of entry `id`, newest first.
pub fn drill_log(id: &str) -> Vec<LogRecord> {
    library().map(|l| l.drill_log(id)).unwrap_or_default()
}

/// Adds a finished drill or study to entry `id`'s drill log; how many old records made
/// room for it.
pub fn add_to_drill_log(id: &str, drill: LogRecord) -> Result<usize, String> {
    library()?.add_to_drill_log(id, drill)
}

/// Adds the records a ladder file carried to entry `id`'s drill log.
pub fn merge_drill_log(id: &str, records: Vec<LogRecord>) -> Result<usize, String> {
    library()?.merge_drill_log(id, records)
}

/// Forgets entry `id`'s record that finished at `finished_at`.
pub fn delete_from_drill_log(id: &str, finished_at: f64) -> Result<(), String> {
    library()?.delete_from_drill_log(id, finished_at)
}

/// The versions of entry `id`, oldest first.
pub fn versions(id: &str) -> Vec<Version> {
    library().map(|l| l.versions(id)).unwrap_or_default()
}

/// Keeps `text` as a version of entry `id` (pruned as the core's rules say; the result
/// says what was pruned).
pub fn add_version(id: &str, text: &str, why: Why, note: &str) -> Result<Added, String> {
    library()?.add_version(id, text, why, note)
}
