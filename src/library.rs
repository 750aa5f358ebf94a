//! The local library: every ladder the user keeps in this browser, in localStorage.
//!
//! An index (`rungs.library`, JSON) lists the entries; each entry's ladder JSON is stored
//! as typed under its own key, so a text that does not parse yet is kept too. Every
//! function returns the browser's refusal as a sentence, so the app can tell the user at
//! once and nothing is lost silently.

use serde::{Deserialize, Serialize};

/// The key of the index.
const INDEX: &str = "rungs.library";
/// The key of the entry open in the designer.
const CURRENT: &str = "rungs.library.current";
/// The keys of the single working copy kept before the library existed.
const OLD_SOURCE: &str = "rungs.working-copy.source";

/// One ladder kept in this browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Storage id (not the ladder's content).
    pub id: String,
    /// The ladder's name when it was last saved.
    pub name: String,
    /// When it was last saved, in milliseconds since the epoch.
    pub updated: f64,
}

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "storage is disabled in this browser".to_string())?
        .ok_or_else(|| "this browser offers no local storage".to_string())
}

fn refusal(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()?
                .as_string()
        })
        .unwrap_or_else(|| "the browser refused to store it (quota full?)".to_string())
}

fn text_key(id: &str) -> String {
    format!("rungs.ladder.{id}")
}

/// The entries, most recently saved first. A damaged index reads as empty.
pub fn entries() -> Vec<Entry> {
    let mut list: Vec<Entry> = storage()
        .ok()
        .and_then(|s| s.get_item(INDEX).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    list.sort_by(|a, b| b.updated.total_cmp(&a.updated));
    list
}

fn write_index(list: &[Entry]) -> Result<(), String> {
    let text = serde_json::to_string(list).map_err(|e| e.to_string())?;
    storage()?.set_item(INDEX, &text).map_err(refusal)
}

/// The ladder JSON of an entry, as last saved.
pub fn text(id: &str) -> Option<String> {
    storage().ok()?.get_item(&text_key(id)).ok()?
}

/// A fresh storage id.
pub fn fresh_id() -> String {
    let now = js_sys::Date::now() as u64;
    let salt = (js_sys::Math::random() * 1e6) as u64;
    format!("{now:x}{salt:05x}")
}

/// Saves an entry's text and name (creating the entry if it is new).
pub fn save(id: &str, name: &str, text: &str) -> Result<(), String> {
    storage()?.set_item(&text_key(id), text).map_err(refusal)?;
    let mut list = entries();
    let now = js_sys::Date::now();
    match list.iter_mut().find(|e| e.id == id) {
        Some(e) => {
            e.name = name.to_string();
            e.updated = now;
        }
        None => list.push(Entry {
            id: id.to_string(),
            name: name.to_string(),
            updated: now,
        }),
    }
    write_index(&list)
}

/// Creates an entry with `text`; returns its id.
pub fn create(name: &str, text: &str) -> Result<String, String> {
    let id = fresh_id();
    save(&id, name, text)?;
    Ok(id)
}

/// Removes an entry and its text.
pub fn delete(id: &str) -> Result<(), String> {
    let list: Vec<Entry> = entries().into_iter().filter(|e| e.id != id).collect();
    write_index(&list)?;
    storage()?.remove_item(&text_key(id)).map_err(refusal)
}

/// The entry last open in the designer.
pub fn current() -> Option<String> {
    let id = storage().ok()?.get_item(CURRENT).ok()??;
    entries().iter().any(|e| e.id == id).then_some(id)
}

/// Remembers which entry is open.
pub fn set_current(id: &str) {
    if let Ok(s) = storage() {
        let _ = s.set_item(CURRENT, id);
    }
}

/// Moves the single working copy of earlier versions into the library, once.
pub fn migrate() {
    let Ok(s) = storage() else { return };
    if let Ok(Some(text)) = s.get_item(OLD_SOURCE) {
        let name = rungs_core::parse_ladder(&text)
            .map(|l| l.name)
            .unwrap_or_else(|_| "Recovered ladder".to_string());
        if let Ok(id) = create(&name, &text) {
            set_current(&id);
            let _ = s.remove_item(OLD_SOURCE);
            let _ = s.remove_item("rungs.working-copy.example");
        }
    }
}
