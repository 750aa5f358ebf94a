//! The local library's logic: every ladder a user keeps in one key-value store (the
//! browser's localStorage in the app), without the store itself.
//!
//! Each entry's ladder JSON is stored as typed under its own key
//! (`rungs.ladder.<id>`), so a text that does not parse yet is kept too. An index
//! (`rungs.library`, JSON) lists the entries with their names, when they were saved and
//! a revision that every save bumps.
//!
//! Several tabs share the store. A save is a compare-and-swap on the revision: it goes
//! through only if the entry is still at the revision the tab last read, so a tab never
//! writes over a newer save from another tab, nor brings back an entry another tab
//! deleted. An index that cannot be read is rebuilt from the entries' own keys (and the
//! unreadable text kept aside), never overwritten with a shorter list.
//!
//! [`Index`] is the index as a plain value; [`Library`] runs the library over any
//! [`Store`] (the app implements it for `web_sys::Storage`; [`MemoryStore`] serves
//! tests). Neither reads a clock: the caller says what time it is.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};

use crate::drill::{remember, LogRecord};
use crate::versions::{self, versions_key, Added, Version, Why};

/// The key of the index.
pub const INDEX: &str = "rungs.library";
/// Where an index that could not be read is kept, for the record.
pub const DAMAGED_INDEX: &str = "rungs.library.damaged";
/// The key of the entry open in the designer.
pub const CURRENT: &str = "rungs.library.current";
/// The key of the single working copy kept before the library existed.
pub const OLD_SOURCE: &str = "rungs.working-copy.source";
/// The key of the example choice kept with that working copy.
pub const OLD_EXAMPLE: &str = "rungs.working-copy.example";
/// The prefix of every entry's text key.
pub const TEXT_PREFIX: &str = "rungs.ladder.";

/// The prefix of every entry's drill log key (see [`drill_log_key`]).
pub const DRILLS_PREFIX: &str = "rungs.drills.";

/// The key of an entry's drill log: a JSON list of [`LogRecord`], newest first.
pub fn drill_log_key(id: &str) -> String {
    format!("{DRILLS_PREFIX}{id}")
}

/// One ladder kept in the library.
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
    /// The store refused it (the sentence says why).
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

/// The key of entry `id`'s text.
pub fn text_key(id: &str) -> String {
    format!("{TEXT_PREFIX}{id}")
}

/// The entry id of a text key (`None` for any other key).
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(TEXT_PREFIX)
}

/// The name of the ladder in `text`, or a name that says it does not read.
pub fn name_of_text(text: &str) -> String {
    crate::parse_ladder(text)
        .map(|l| l.name)
        .unwrap_or_else(|_| "Ladder with errors".to_string())
}

/// `text` with the ladder's name set to `name` (unchanged when it does not parse).
pub fn renamed(text: &str, name: &str) -> String {
    match crate::parse_ladder(text) {
        Ok(mut l) => {
            l.name = name.to_string();
            crate::to_canonical_json(&l)
        }
        Err(_) => text.to_string(),
    }
}

/// A fresh storage id from the time (ms since the epoch) and a random number in
/// `0..1`: the time in hex, then five hex digits of salt.
pub fn fresh_id(now_ms: f64, random: f64) -> String {
    let now = now_ms as u64;
    let salt = (random * 1e6) as u64;
    format!("{now:x}{salt:05x}")
}

/// The index: the entries as listed, in stored order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Index {
    /// The entries.
    pub entries: Vec<Entry>,
}

/// The index as read, after [`Index::repair`].
#[derive(Debug, Clone, PartialEq)]
pub struct Repaired {
    /// The repaired index.
    pub index: Index,
    /// The stored index text when it could not be read (to keep aside under
    /// [`DAMAGED_INDEX`]).
    pub damaged: Option<String>,
    /// Whether the repaired index differs from what is stored and is to be written back.
    pub rewrite: bool,
}

impl Index {
    /// Reads an index's JSON; `None` when it does not read.
    pub fn parse(text: &str) -> Option<Index> {
        serde_json::from_str(text)
            .ok()
            .map(|entries| Index { entries })
    }

    /// The index's JSON, as stored.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.entries).expect("serialisable")
    }

    /// The index as stored (`stored`, `None` when there is none), repaired against the
    /// ids whose texts are stored (`stored_ids`, in store order): entries whose text is
    /// missing are left out, and texts the index does not list (an unreadable or lost
    /// index, or a save cut short) are listed again under the name their ladder has
    /// (`text_of` gives a text), saved `now` at revision 1.
    pub fn repair(
        stored: Option<&str>,
        stored_ids: &[String],
        text_of: impl Fn(&str) -> Option<String>,
        now: f64,
    ) -> Repaired {
        let parsed = stored.and_then(Index::parse);
        let damaged = match (stored, &parsed) {
            (Some(text), None) => Some(text.to_string()),
            _ => None,
        };
        let mut list = parsed.map(|i| i.entries).unwrap_or_default();
        let stored_set: HashSet<&str> = stored_ids.iter().map(String::as_str).collect();
        let before = list.len();
        list.retain(|e| stored_set.contains(e.id.as_str()));
        let mut changed = list.len() != before;
        let listed: HashSet<String> = list.iter().map(|e| e.id.clone()).collect();
        for id in stored_ids.iter().filter(|id| !listed.contains(*id)) {
            list.push(Entry {
                name: name_of_text(&text_of(id).unwrap_or_default()),
                id: id.clone(),
                updated: now,
                rev: 1,
            });
            changed = true;
        }
        Repaired {
            rewrite: changed || damaged.is_some(),
            damaged,
            index: Index { entries: list },
        }
    }

    /// Entry `id`, if listed.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The entries, most recently saved first.
    pub fn newest_first(&self) -> Vec<Entry> {
        let mut list = self.entries.clone();
        list.sort_by(|a, b| b.updated.total_cmp(&a.updated));
        list
    }

    /// The compare-and-swap decision of a save of entry `id` built on revision `base`:
    /// it goes through only when the entry is listed at that revision.
    pub fn check(&self, id: &str, base: u64) -> Result<(), SaveError> {
        match self.get(id) {
            None => Err(SaveError::Stale(None)),
            Some(e) if e.rev != base => Err(SaveError::Stale(Some(e.rev))),
            Some(_) => Ok(()),
        }
    }

    /// Records a save of entry `id` on revision `base` (after [`Index::check`]): its
    /// name, time and the next revision, which it returns.
    pub fn record_save(&mut self, id: &str, name: &str, base: u64, now: f64) -> u64 {
        if let Some(e) = self.entries.iter_mut().find(|e| e.id == id) {
            e.name = name.to_string();
            e.updated = now;
            e.rev = base + 1;
        }
        base + 1
    }

    /// Lists a new entry at revision 1.
    pub fn add(&mut self, id: &str, name: &str, now: f64) {
        self.entries.push(Entry {
            id: id.to_string(),
            name: name.to_string(),
            updated: now,
            rev: 1,
        });
    }

    /// Unlists entry `id`.
    pub fn remove(&mut self, id: &str) {
        self.entries.retain(|e| e.id != id);
    }
}

/// A key-value store of texts: what the library needs of localStorage.
pub trait Store {
    /// The text under `key`.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`, or says why the store refused.
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
    /// Removes `key`, or says why the store refused.
    fn remove(&mut self, key: &str) -> Result<(), String>;
    /// Every key, in the store's order.
    fn keys(&self) -> Vec<String>;
}

/// A store in memory, for tests: keys in sorted order, and writes to the keys in
/// `refused` fail as a full browser store does.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    /// The stored texts.
    pub items: BTreeMap<String, String>,
    /// Keys whose writes are refused.
    pub refused: BTreeSet<String>,
    /// The most bytes of keys and values it holds, as a browser's quota; a write that
    /// would go over is refused. `None`: no limit.
    pub capacity: Option<usize>,
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.items.get(key).cloned()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        if self.refused.contains(key) {
            return Err("the browser refused to store it (quota full?)".to_string());
        }
        if let Some(cap) = self.capacity {
            let others: usize = (self.items.iter())
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > cap {
                return Err("the quota has been exceeded".to_string());
            }
        }
        self.items.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), String> {
        self.items.remove(key);
        Ok(())
    }
    fn keys(&self) -> Vec<String> {
        self.items.keys().cloned().collect()
    }
}

/// The library over a store, at one moment (`now`, ms since the epoch, stamps what it
/// saves). Every method reads the index afresh, since other tabs share the store.
pub struct Library<S> {
    store: S,
    now: f64,
}

impl<S: Store> Library<S> {
    /// The library in `store`, at `now`.
    pub fn new(store: S, now: f64) -> Self {
        Library { store, now }
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The store, given back.
    pub fn into_store(self) -> S {
        self.store
    }

    /// The ids of every entry text in the store.
    fn stored_ids(&self) -> Vec<String> {
        self.store
            .keys()
            .iter()
            .filter_map(|k| id_of_key(k).map(str::to_string))
            .collect()
    }

    /// The index as stored, repaired ([`Index::repair`]); a repaired index is written
    /// back (best effort), an unreadable one first kept aside under [`DAMAGED_INDEX`].
    pub fn index(&mut self) -> Index {
        let stored = self.store.get(INDEX);
        let ids = self.stored_ids();
        let r = Index::repair(
            stored.as_deref(),
            &ids,
            |id| self.store.get(&text_key(id)),
            self.now,
        );
        if let Some(text) = &r.damaged {
            let _ = self.store.set(DAMAGED_INDEX, text);
        }
        if r.rewrite {
            let _ = self.store.set(INDEX, &r.index.to_json());
        }
        r.index
    }

    fn write_index(&mut self, index: &Index) -> Result<(), String> {
        self.store.set(INDEX, &index.to_json())
    }

    /// The entries, most recently saved first.
    pub fn entries(&mut self) -> Vec<Entry> {
        self.index().newest_first()
    }

    /// One entry, as the index lists it now.
    pub fn entry(&mut self, id: &str) -> Option<Entry> {
        self.index().get(id).cloned()
    }

    /// The ladder JSON of an entry, as last saved.
    pub fn text(&self, id: &str) -> Option<String> {
        self.store.get(&text_key(id))
    }

    /// Saves an entry's text and name if it is still at revision `base` (see
    /// [`SaveError::Stale`]); returns the new revision. When the index cannot be
    /// written, the text is put back, so what is stored stays at the revision the index
    /// says.
    pub fn save(&mut self, id: &str, name: &str, text: &str, base: u64) -> Result<u64, SaveError> {
        let mut index = self.index();
        index.check(id, base)?;
        let before = self.store.get(&text_key(id));
        self.store.set(&text_key(id), text)?;
        let rev = index.record_save(id, name, base, self.now);
        if let Err(e) = self.write_index(&index) {
            if let Some(before) = before {
                let _ = self.store.set(&text_key(id), &before);
            }
            return Err(e.into());
        }
        Ok(rev)
    }

    /// Creates entry `id` (a [`fresh_id`]) with `text`, at revision 1. When the index
    /// cannot be written, the text is removed again.
    pub fn create(&mut self, id: &str, name: &str, text: &str) -> Result<(), String> {
        let mut index = self.index();
        self.store.set(&text_key(id), text)?;
        index.add(id, name, self.now);
        if let Err(e) = self.write_index(&index) {
            let _ = self.store.remove(&text_key(id));
            return Err(e);
        }
        Ok(())
    }

    /// Removes an entry and its text (the text first, so a cut-short delete never leaves
    /// an entry listed without its ladder).
    pub fn delete(&mut self, id: &str) -> Result<(), String> {
        self.store.remove(&text_key(id))?;
        let mut index = self.index();
        index.remove(id);
        self.write_index(&index)?;
        // its drill log and versions go with it (best effort: a leftover list is
        // never listed)
        let _ = self.store.remove(&drill_log_key(id));
        let _ = self.store.remove(&versions_key(id));
        Ok(())
    }

    /// The versions of entry `id`, oldest first (none when the list does not read).
    pub fn versions(&self, id: &str) -> Vec<Version> {
        versions::parse(self.store.get(&versions_key(id)).as_deref())
    }

    /// Keeps `text` as a version of entry `id` ([`versions::add`]: pruned to the bounds,
    /// then further, one version at a time, while the store refuses the list). Returns
    /// what was added and pruned; an error when even the new version alone is refused
    /// (nothing is changed then).
    pub fn add_version(
        &mut self,
        id: &str,
        text: &str,
        why: Why,
        note: &str,
    ) -> Result<Added, String> {
        let mut list = self.versions(id);
        let mut added = versions::add(&mut list, Version::new(text, why, note, self.now));
        if added.n.is_none() {
            return Ok(added);
        }
        loop {
            match self.store.set(&versions_key(id), &versions::to_json(&list)) {
                Ok(()) => return Ok(added),
                Err(e) => match versions::prune_one(&mut list) {
                    Some(gone) => added.pruned.push(gone),
                    None => return Err(e),
                },
            }
        }
    }

    /// The drill log of entry `id`, newest first (none when the list does not read).
    pub fn drill_log(&self, id: &str) -> Vec<LogRecord> {
        self.store
            .get(&drill_log_key(id))
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Keeps `drill` as entry `id`'s newest record; returns how many old ones were
    /// dropped to stay within [`LOG_KEPT`](crate::drill::LOG_KEPT).
    pub fn add_to_drill_log(&mut self, id: &str, drill: LogRecord) -> Result<usize, String> {
        let mut list = self.drill_log(id);
        let dropped = remember(&mut list, drill);
        self.write_drill_log(id, &list)?;
        Ok(dropped)
    }

    /// Adds `records` (a log a ladder file carried) to entry `id`'s drill log: newest
    /// first, one record per finishing moment, within
    /// [`LOG_KEPT`](crate::drill::LOG_KEPT); returns how many were let go.
    pub fn merge_drill_log(&mut self, id: &str, records: Vec<LogRecord>) -> Result<usize, String> {
        let mut list = self.drill_log(id);
        list.extend(records);
        list.sort_by(|a, b| b.finished_at.total_cmp(&a.finished_at));
        list.dedup_by(|a, b| a.finished_at == b.finished_at);
        let dropped = list.len().saturating_sub(crate::drill::LOG_KEPT);
        list.truncate(crate::drill::LOG_KEPT);
        self.write_drill_log(id, &list)?;
        Ok(dropped)
    }

    /// Forgets entry `id`'s record that finished at `finished_at`.
    pub fn delete_from_drill_log(&mut self, id: &str, finished_at: f64) -> Result<(), String> {
        let mut list = self.drill_log(id);
        list.retain(|d| d.finished_at != finished_at);
        self.write_drill_log(id, &list)
    }

    fn write_drill_log(&mut self, id: &str, list: &[LogRecord]) -> Result<(), String> {
        let text = serde_json::to_string(list).map_err(|e| e.to_string())?;
        self.store.set(&drill_log_key(id), &text)
    }

    /// The entry last open in the designer, if it is still listed.
    pub fn current(&mut self) -> Option<String> {
        let id = self.store.get(CURRENT)?;
        self.entries().iter().any(|e| e.id == id).then_some(id)
    }

    /// Remembers which entry is open (best effort).
    pub fn set_current(&mut self, id: &str) {
        let _ = self.store.set(CURRENT, id);
    }

    /// Moves the single working copy of earlier versions into the library as entry
    /// `id` (a [`fresh_id`]), once; returns whether there was one and it moved.
    pub fn migrate(&mut self, id: &str) -> bool {
        let Some(text) = self.store.get(OLD_SOURCE) else {
            return false;
        };
        let name = crate::parse_ladder(&text)
            .map(|l| l.name)
            .unwrap_or_else(|_| "Recovered ladder".to_string());
        if self.create(id, &name, &text).is_err() {
            return false;
        }
        self.set_current(id);
        let _ = self.store.remove(OLD_SOURCE);
        let _ = self.store.remove(OLD_EXAMPLE);
        true
    }
}
