//! Versions of a library entry: the ladder as it was at a moment the user chose (**Save
//! version**, with a note) or that Rungs chose before something replaced the content or
//! sent it out (a restore, an import over it, a conflict copy, an export or a share).
//!
//! An entry's versions are one JSON list under [`versions_key`], oldest first, numbered
//! from 1 without reuse. They count against the browser's storage like everything else,
//! so the list is bounded ([`MAX_VERSIONS`], [`MAX_VERSION_BYTES`]) and pruned the
//! documented way: the oldest automatic versions go first, then the oldest saved ones;
//! the version just added never goes, and every prune is reported ([`Added::pruned`]) so
//! the page can say so. A store that refuses the list (quota) gets the same pruning, one
//! version at a time, until it accepts it or only the new version is left.
//! [`Library`](crate::library::Library) holds the store calls.

use serde::{Deserialize, Serialize};

/// The prefix of every entry's versions key.
pub const VERSIONS_PREFIX: &str = "rungs.versions.";

/// The most versions kept per ladder.
pub const MAX_VERSIONS: usize = 50;

/// The most bytes of ladder JSON kept in one ladder's versions (the browser's storage is
/// about 5 MB for everything).
pub const MAX_VERSION_BYTES: usize = 1_500_000;

/// The key of entry `id`'s versions.
pub fn versions_key(id: &str) -> String {
    format!("{VERSIONS_PREFIX}{id}")
}

/// Why a version was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// The user saved it, with a note.
    Saved,
    /// Before a version was restored over it.
    BeforeRestore,
    /// A version restored (the note says which).
    Restored,
    /// Before an import replaced it.
    BeforeImport,
    /// Before another tab's newer save replaced it (the conflict copy keeps this tab's).
    BeforeConflict,
    /// When it was exported as a file.
    Exported,
    /// When a drill or a study ran on it (the drill log names it).
    Drilled,
    /// When a share link was made of it.
    Shared,
}

impl Why {
    /// How the history lists it.
    pub fn label(self) -> &'static str {
        match self {
            Why::Saved => "Saved",
            Why::BeforeRestore => "Before a restore",
            Why::Restored => "Restored",
            Why::BeforeImport => "Before an import",
            Why::BeforeConflict => "Before a conflict",
            Why::Exported => "Exported",
            Why::Drilled => "Drilled",
            Why::Shared => "Shared",
        }
    }

    /// Whether the user asked for it (pruned last).
    pub fn named(self) -> bool {
        self == Why::Saved
    }
}

/// One version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// Its number, from 1, never reused within the entry.
    pub n: u32,
    /// When it was kept, ms since the epoch (the caller's clock).
    pub at: f64,
    /// Why.
    pub why: Why,
    /// The user's note (empty for automatic versions).
    #[serde(default)]
    pub note: String,
    /// The ladder's name then.
    pub name: String,
    /// The ladder's `revision` field then (0 when the text did not parse).
    pub revision: u32,
    /// The ladder's JSON.
    pub text: String,
}

/// A version's line in the history, without its text.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionRow {
    /// Its number.
    pub n: u32,
    /// When, ms since the epoch.
    pub at: f64,
    /// "Saved", "Before a restore", ...
    pub why: &'static str,
    /// The note.
    pub note: String,
    /// The ladder's name then.
    pub name: String,
    /// "revision 4".
    pub revision: String,
    /// "12.3 KB".
    pub size: String,
}

impl Version {
    /// A new version of `text` (its number is set when added).
    pub fn new(text: &str, why: Why, note: &str, at: f64) -> Version {
        let (name, revision) = match crate::parse_ladder(text) {
            Ok(l) => (l.name, l.revision),
            Err(_) => ("Ladder with errors".to_string(), 0),
        };
        Version {
            n: 0,
            at,
            why,
            note: note.trim().to_string(),
            name,
            revision,
            text: text.to_string(),
        }
    }

    /// Its line in the history.
    pub fn row(&self) -> VersionRow {
        VersionRow {
            n: self.n,
            at: self.at,
            why: self.why.label(),
            note: self.note.clone(),
            name: self.name.clone(),
            revision: format!("revision {}", self.revision),
            size: format!("{:.1} KB", self.text.len() as f64 / 1024.0),
        }
    }
}

/// What [`add`] did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Added {
    /// The new version's number; `None` when it was not added because the newest
    /// version already holds the same text and nothing new was said (no note).
    pub n: Option<u32>,
    /// The number of the version that holds the text: the new one, or the newest one
    /// when it held the same text already.
    pub holds: Option<u32>,
    /// The versions dropped to make room, oldest first.
    pub pruned: Vec<(u32, Why)>,
}

impl Added {
    /// What the page says about the pruning ("The oldest 2 automatic versions were
    /// removed to make room."), if any.
    pub fn message(&self) -> Option<String> {
        if self.pruned.is_empty() {
            return None;
        }
        let saved = self.pruned.iter().filter(|(_, w)| w.named()).count();
        let auto = self.pruned.len() - saved;
        let mut parts = Vec::new();
        if auto > 0 {
            parts.push(crate::text::count(
                auto,
                "automatic version",
                "automatic versions",
            ));
        }
        if saved > 0 {
            parts.push(crate::text::count(saved, "saved version", "saved versions"));
        }
        let numbers: Vec<String> = self.pruned.iter().map(|(n, _)| format!("{n}")).collect();
        Some(format!(
            "To stay within this browser's storage, the oldest {} {} removed (version {}).",
            parts.join(" and "),
            if self.pruned.len() == 1 {
                "was"
            } else {
                "were"
            },
            numbers.join(", ")
        ))
    }
}

/// Adds `v` as the newest version of `list` and prunes to the bounds. A version whose
/// text equals the newest one's is not added unless it carries a note (saving twice in
/// a row, or sharing an unchanged ladder, keeps one version).
pub fn add(list: &mut Vec<Version>, mut v: Version) -> Added {
    if let Some(last) = list
        .last()
        .filter(|last| v.note.is_empty() && last.text == v.text)
    {
        return Added {
            holds: Some(last.n),
            ..Added::default()
        };
    }
    v.n = list.iter().map(|x| x.n).max().unwrap_or(0) + 1;
    let n = v.n;
    list.push(v);
    let mut added = Added {
        n: Some(n),
        holds: Some(n),
        pruned: Vec::new(),
    };
    while over(list) {
        match prune_one(list) {
            Some(gone) => added.pruned.push(gone),
            None => break,
        }
    }
    added
}

fn over(list: &[Version]) -> bool {
    list.len() > MAX_VERSIONS
        || list.iter().map(|v| v.text.len()).sum::<usize>() > MAX_VERSION_BYTES
}

/// Drops the oldest automatic version, else the oldest saved one, never the newest;
/// returns it, or `None` when only the newest is left.
pub fn prune_one(list: &mut Vec<Version>) -> Option<(u32, Why)> {
    let keep = list.len().checked_sub(1)?;
    let at = list[..keep]
        .iter()
        .position(|v| !v.why.named())
        .or_else(|| (keep > 0).then_some(0))?;
    let gone = list.remove(at);
    Some((gone.n, gone.why))
}

/// The history's rows, newest first.
pub fn rows(list: &[Version]) -> Vec<VersionRow> {
    list.iter().rev().map(Version::row).collect()
}

/// Reads a stored list (an unreadable one reads as empty).
pub fn parse(text: Option<&str>) -> Vec<Version> {
    text.and_then(|t| serde_json::from_str(t).ok())
        .unwrap_or_default()
}

/// The stored form of a list.
pub fn to_json(list: &[Version]) -> String {
    serde_json::to_string(list).expect("serialisable")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ladder(name: &str, revision: u32) -> String {
        let mut l = crate::edit::new_ladder(name);
        l.revision = revision;
        crate::to_canonical_json(&l)
    }

    #[test]
    fn versions_are_numbered_and_remember_name_revision_and_note() {
        let mut list = Vec::new();
        let a = add(
            &mut list,
            Version::new(
                &ladder("Checkout", 3),
                Why::Saved,
                "  after the May outage ",
                10.0,
            ),
        );
        assert_eq!(
            a,
            Added {
                n: Some(1),
                holds: Some(1),
                pruned: vec![]
            }
        );
        let v = &list[0];
        assert_eq!(
            (v.n, v.name.as_str(), v.revision, v.note.as_str()),
            (1, "Checkout", 3, "after the May outage")
        );
        add(
            &mut list,
            Version::new(&ladder("Checkout", 4), Why::Shared, "", 20.0),
        );
        let rows = rows(&list);
        assert_eq!(rows[0].n, 2);
        assert_eq!(rows[0].why, "Shared");
        assert_eq!(rows[1].revision, "revision 3");
    }

    #[test]
    fn an_unchanged_ladder_is_kept_once_unless_a_note_says_why() {
        let mut list = Vec::new();
        let text = ladder("Checkout", 1);
        add(&mut list, Version::new(&text, Why::Exported, "", 1.0));
        let again = add(&mut list, Version::new(&text, Why::Shared, "", 2.0));
        // not added; the version that holds the text is named
        assert_eq!((again.n, again.holds), (None, Some(1)));
        assert_eq!(
            add(
                &mut list,
                Version::new(&text, Why::Saved, "before review", 3.0)
            )
            .n,
            Some(2)
        );
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn pruning_drops_the_oldest_automatic_versions_first_and_says_so() {
        let mut list = Vec::new();
        for i in 0..MAX_VERSIONS as u32 {
            let why = if i % 2 == 0 { Why::Saved } else { Why::Shared };
            add(
                &mut list,
                Version::new(&ladder("L", i + 1), why, "", f64::from(i)),
            );
        }
        assert_eq!(list.len(), MAX_VERSIONS);
        let a = add(
            &mut list,
            Version::new(&ladder("L", 999), Why::Exported, "", 99.0),
        );
        assert_eq!(a.n, Some(MAX_VERSIONS as u32 + 1));
        assert_eq!(a.pruned, vec![(2, Why::Shared)]);
        assert_eq!(list.len(), MAX_VERSIONS);
        assert!(a
            .message()
            .unwrap()
            .contains("the oldest 1 automatic version was removed (version 2)"));
    }

    #[test]
    fn saved_versions_go_only_when_no_automatic_one_is_left_and_the_newest_never() {
        let mut list = Vec::new();
        let big = "x".repeat(MAX_VERSION_BYTES / 4);
        for i in 0..3 {
            let mut v = Version::new(&ladder("L", i + 1), Why::Saved, "kept", 0.0);
            v.text = format!("{big}{i}");
            add(&mut list, v);
        }
        let mut huge = Version::new("", Why::Saved, "huge", 1.0);
        huge.text = "y".repeat(MAX_VERSION_BYTES * 2);
        let a = add(&mut list, huge);
        assert_eq!(
            a.pruned,
            vec![(1, Why::Saved), (2, Why::Saved), (3, Why::Saved)]
        );
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].n, 4);
        assert!(a
            .message()
            .unwrap()
            .contains("3 saved versions were removed"));
        assert_eq!(prune_one(&mut list), None);
    }

    #[test]
    fn numbers_are_never_reused_and_a_damaged_list_reads_as_empty() {
        let mut list = Vec::new();
        add(
            &mut list,
            Version::new(&ladder("L", 1), Why::Shared, "", 0.0),
        );
        add(
            &mut list,
            Version::new(&ladder("L", 2), Why::Saved, "b", 0.0),
        );
        // pruning never drops the newest, so the highest number stays listed
        list.remove(0);
        assert_eq!(
            add(
                &mut list,
                Version::new(&ladder("L", 3), Why::Saved, "c", 0.0)
            )
            .n,
            Some(3)
        );
        let stored = to_json(&list);
        assert_eq!(parse(Some(&stored)), list);
        assert!(parse(Some("{not json")).is_empty());
        assert!(parse(None).is_empty());
    }
}
