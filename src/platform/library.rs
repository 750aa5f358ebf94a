//! The local library: every ladder the user keeps in this browser, in localStorage.
//!
//! Each entry's ladder JSON is stored as typed under its own key
//! (`rungs.ladder.<id>`), so a text that does not parse yet is kept too. An index
//! (`rungs.library`, JSON) lists the entries with their names, when they were saved and
//! a revision that every save bumps.
//!
//! Several tabs share this storage. A save is a compare-and-swap on the revision: it
//! goes through only if the entry is still at the revision the tab last read, so a tab
//! never writes over a newer save from another tab, nor brings back an entry another tab
//! deleted. An index that cannot be read is rebuilt from the entries' own keys (and the
//! unreadable text kept aside), never overwritten with a shorter list.
//!
//! Every function returns the browser's refusal as a sentence, so the app can tell the
//! user at once and nothing is lost silently.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

/// The key of the index.
pub const INDEX: &str = "rungs.library";
/// Where an index that could not be read is kept, for the record.
const DAMAGED_INDEX: &str = "rungs.library.damaged";
/// The key of the entry open in the designer.
const CURRENT: &str = "rungs.library.current";
/// The keys of the single working copy kept before the library existed.
const OLD_SOURCE: &str = "rungs.working-copy.source";
/// The prefix of every entry's text key.
const TEXT_PREFIX: &str = "rungs.ladder.";

/// One ladder kept in this browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Storage id (not the ladder's content).
    pub id: String,
    /// The ladder's name when it was last saved.
    pub name: String,
    /// When it was last saved, in milliseconds since the epoch.
    pub updated: f64,
    /// Bumped by every save; a save names the revision it builds on.
    #[serde(default)]
    pub rev: u64,
}

/// Why a save did not go through.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// The browser refused to store it (the sentence says why).
    Refused(String),
    /// Another tab saved a newer revision of the entry (`Some`, the revision) or
    /// deleted it (`None`) since this tab last read it. Nothing was written.
    Stale(Option<u64>),
}

impl From<String> for SaveError {
    fn from(e: String) -> Self {
        SaveError::Refused(e)
    }
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
    format!("{TEXT_PREFIX}{id}")
}

/// The ids of every entry text in storage.
fn stored_ids(s: &web_sys::Storage) -> Vec<String> {
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(TEXT_PREFIX).map(str::to_string))
        .collect()
}

/// The index as stored, repaired: entries whose text is missing are left out, and
/// entry texts the index does not list (an unreadable or lost index, or a save cut
/// short) are listed again under the name their ladder has. A repaired index is
/// written back; an unreadable one is first kept aside under `rungs.library.damaged`.
fn read_index(s: &web_sys::Storage) -> Vec<Entry> {
    let stored = s.get_item(INDEX).ok().flatten();
    let parsed: Option<Vec<Entry>> = stored
        .as_deref()
        .and_then(|text| serde_json::from_str(text).ok());
    let damaged = stored.is_some() && parsed.is_none();
    let mut list = parsed.unwrap_or_default();
    let ids = stored_ids(s);
    let stored_set: HashSet<&str> = ids.iter().map(String::as_str).collect();
    let before = list.len();
    list.retain(|e| stored_set.contains(e.id.as_str()));
    let mut changed = list.len() != before;
    let listed: HashSet<String> = list.iter().map(|e| e.id.clone()).collect();
    for id in ids.iter().filter(|id| !listed.contains(*id)) {
        let id = id.clone();
        let text = s
            .get_item(&text_key(&id))
            .ok()
            .flatten()
            .unwrap_or_default();
        list.push(Entry {
            name: name_of_text(&text),
            id,
            updated: js_sys::Date::now(),
            rev: 1,
        });
        changed = true;
    }
    if damaged {
        if let Some(text) = &stored {
            let _ = s.set_item(DAMAGED_INDEX, text);
        }
    }
    if changed || damaged {
        if let Ok(text) = serde_json::to_string(&list) {
            let _ = s.set_item(INDEX, &text);
        }
    }
    list
}

/// The name of the ladder in `text`, or a name that says it does not read.
pub fn name_of_text(text: &str) -> String {
    rungs_core::parse_ladder(text)
        .map(|l| l.name)
        .unwrap_or_else(|_| "Ladder with errors".to_string())
}

/// `text` with the ladder's name set to `name` (unchanged when it does not parse).
pub fn renamed(text: &str, name: &str) -> String {
    match rungs_core::parse_ladder(text) {
        Ok(mut l) => {
            l.name = name.to_string();
            rungs_core::to_canonical_json(&l)
        }
        Err(_) => text.to_string(),
    }
}

/// The entries, most recently saved first.
pub fn entries() -> Vec<Entry> {
    let mut list = storage().map(|s| read_index(&s)).unwrap_or_default();
    list.sort_by(|a, b| b.updated.total_cmp(&a.updated));
    list
}

/// One entry, as the index lists it now.
pub fn entry(id: &str) -> Option<Entry> {
    entries().into_iter().find(|e| e.id == id)
}

fn write_index(s: &web_sys::Storage, list: &[Entry]) -> Result<(), String> {
    let text = serde_json::to_string(list).map_err(|e| e.to_string())?;
    s.set_item(INDEX, &text).map_err(refusal)
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

/// Saves an entry's text and name if it is still at revision `base` (see
/// [`SaveError::Stale`]); returns the new revision.
pub fn save(id: &str, name: &str, text: &str, base: u64) -> Result<u64, SaveError> {
    let s = storage()?;
    let mut list = read_index(&s);
    let Some(entry) = list.iter_mut().find(|e| e.id == id) else {
        return Err(SaveError::Stale(None));
    };
    if entry.rev != base {
        return Err(SaveError::Stale(Some(entry.rev)));
    }
    let before = s.get_item(&text_key(id)).ok().flatten();
    s.set_item(&text_key(id), text).map_err(refusal)?;
    entry.name = name.to_string();
    entry.updated = js_sys::Date::now();
    entry.rev = base + 1;
    if let Err(e) = write_index(&s, &list) {
        // put the text back, so what is stored stays at the revision the index says
        if let Some(before) = before {
            let _ = s.set_item(&text_key(id), &before);
        }
        return Err(e.into());
    }
    Ok(base + 1)
}

/// Creates an entry with `text` (at revision 1); returns its id.
pub fn create(name: &str, text: &str) -> Result<String, String> {
    let s = storage()?;
    let id = fresh_id();
    let mut list = read_index(&s);
    s.set_item(&text_key(&id), text).map_err(refusal)?;
    list.push(Entry {
        id: id.clone(),
        name: name.to_string(),
        updated: js_sys::Date::now(),
        rev: 1,
    });
    if let Err(e) = write_index(&s, &list) {
        let _ = s.remove_item(&text_key(&id));
        return Err(e);
    }
    Ok(id)
}

/// Removes an entry and its text (the text first, so a cut-short delete never leaves
/// an entry listed without its ladder).
pub fn delete(id: &str) -> Result<(), String> {
    let s = storage()?;
    s.remove_item(&text_key(id)).map_err(refusal)?;
    let list: Vec<Entry> = read_index(&s).into_iter().filter(|e| e.id != id).collect();
    write_index(&s, &list)
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
