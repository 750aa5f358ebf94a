//! The library's index: parsing, repair of a damaged or partial index, and saves as a
//! compare-and-swap on the revision, over a store in memory.

use rungs_core::library::*;
use rungs_core::*;

const T0: f64 = 1_700_000_000_000.0;

fn ladder_text(name: &str) -> String {
    to_canonical_json(&edit::new_ladder(name))
}

/// A library with one entry, "Alpha", saved at T0.
fn one() -> (Library<MemoryStore>, String) {
    let mut lib = Library::new(MemoryStore::default(), T0);
    let id = fresh_id(T0, 0.5);
    lib.create(&id, "Alpha", &ladder_text("Alpha")).unwrap();
    (lib, id)
}

#[test]
fn keys_and_ids() {
    assert_eq!(text_key("abc"), "rungs.ladder.abc");
    assert_eq!(id_of_key("rungs.ladder.abc"), Some("abc"));
    assert_eq!(id_of_key(INDEX), None);
    assert_eq!(id_of_key(CURRENT), None);
    assert_eq!(fresh_id(T0, 0.5), "18bcfe568007a120");
    assert_eq!(fresh_id(255.9, 0.0), "ff00000");
    assert_eq!(fresh_id(0.0, 0.999_999_9), "0f423f");
}

#[test]
fn names_of_texts() {
    assert_eq!(name_of_text(&ladder_text("Ops")), "Ops");
    assert_eq!(name_of_text("{ not json"), "Ladder with errors");
    assert_eq!(name_of_text(""), "Ladder with errors");
    let text = renamed(&ladder_text("Ops"), "Ops (copy)");
    assert_eq!(name_of_text(&text), "Ops (copy)");
    assert_eq!(text, to_canonical_json(&edit::new_ladder("Ops (copy)")));
    assert_eq!(renamed("{ not json", "X"), "{ not json");
}

#[test]
fn the_index_reads_and_writes_as_before() {
    let text =
        r#"[{"id":"a","name":"A","updated":5.0,"rev":3},{"id":"b","name":"B","updated":9.0}]"#;
    let index = Index::parse(text).unwrap();
    assert_eq!(
        index.entries[1].rev, 0,
        "an index from before revisions reads at 0"
    );
    assert_eq!(
        index.to_json(),
        r#"[{"id":"a","name":"A","updated":5.0,"rev":3},{"id":"b","name":"B","updated":9.0,"rev":0}]"#
    );
    let ids: Vec<_> = index.newest_first().into_iter().map(|e| e.id).collect();
    assert_eq!(ids, ["b", "a"]);
    assert_eq!(Index::parse("{"), None);
    assert_eq!(Index::parse(r#"{"id":"a"}"#), None);
}

#[test]
fn a_save_goes_through_at_the_revision_read_and_bumps_it() {
    let (mut lib, id) = one();
    assert_eq!(lib.entry(&id).unwrap().rev, 1);
    let mut later = Library::new(lib.into_store(), T0 + 1000.0);
    let rev = later.save(&id, "Beta", &ladder_text("Beta"), 1).unwrap();
    assert_eq!(rev, 2);
    let e = later.entry(&id).unwrap();
    assert_eq!(
        (e.name.as_str(), e.rev, e.updated),
        ("Beta", 2, T0 + 1000.0)
    );
    assert_eq!(later.text(&id).unwrap(), ladder_text("Beta"));
}

#[test]
fn a_stale_save_writes_nothing() {
    let (mut lib, id) = one();
    lib.save(&id, "Alpha", &ladder_text("Alpha 2"), 1).unwrap();
    // another tab still at revision 1
    let before = lib.store().items.clone();
    assert_eq!(
        lib.save(&id, "Mine", &ladder_text("Mine"), 1),
        Err(SaveError::Stale(Some(2)))
    );
    assert_eq!(lib.store().items, before);
    // the index decides alone, too
    let index = lib.index();
    assert_eq!(index.check(&id, 2), Ok(()));
    assert_eq!(index.check(&id, 1), Err(SaveError::Stale(Some(2))));
    assert_eq!(index.check("gone", 1), Err(SaveError::Stale(None)));
}

#[test]
fn a_save_never_brings_back_a_deleted_entry() {
    let (mut lib, id) = one();
    lib.delete(&id).unwrap();
    assert_eq!(lib.text(&id), None);
    assert!(lib.entries().is_empty());
    assert_eq!(
        lib.save(&id, "Alpha", &ladder_text("Alpha"), 1),
        Err(SaveError::Stale(None))
    );
    assert_eq!(lib.text(&id), None);
    assert!(lib.entries().is_empty());
}

#[test]
fn a_refused_index_write_puts_the_text_back() {
    let (lib, id) = one();
    let mut store = lib.into_store();
    store.refused.insert(INDEX.to_string());
    let mut lib = Library::new(store, T0);
    let refusal = "the browser refused to store it (quota full?)".to_string();
    assert_eq!(
        lib.save(&id, "Beta", &ladder_text("Beta"), 1),
        Err(SaveError::Refused(refusal.clone()))
    );
    assert_eq!(lib.text(&id).unwrap(), ladder_text("Alpha"));
    assert_eq!(lib.entry(&id).unwrap().rev, 1);
    // a create whose index cannot be written leaves no text behind
    assert_eq!(
        lib.create("new", "Gamma", &ladder_text("Gamma")),
        Err(refusal)
    );
    assert_eq!(lib.text("new"), None);
}

#[test]
fn entries_are_newest_first() {
    let mut lib = Library::new(MemoryStore::default(), T0);
    lib.create("a", "A", &ladder_text("A")).unwrap();
    let mut lib = Library::new(lib.into_store(), T0 + 5.0);
    lib.create("b", "B", &ladder_text("B")).unwrap();
    let names: Vec<_> = lib.entries().into_iter().map(|e| e.name).collect();
    assert_eq!(names, ["B", "A"]);
}

#[test]
fn a_damaged_index_is_kept_aside_and_rebuilt_from_the_texts() {
    let mut store = MemoryStore::default();
    store.items.insert(text_key("a"), ladder_text("Kept A"));
    store.items.insert(text_key("b"), "{ half a ladder".into());
    store.items.insert(INDEX.into(), "[{\"id\":\"a\",".into());
    store.items.insert("unrelated".into(), "x".into());
    let mut lib = Library::new(store, T0);
    let index = lib.index();
    assert_eq!(
        index.entries,
        [
            Entry {
                id: "a".into(),
                name: "Kept A".into(),
                updated: T0,
                rev: 1
            },
            Entry {
                id: "b".into(),
                name: "Ladder with errors".into(),
                updated: T0,
                rev: 1
            },
        ]
    );
    let store = lib.store();
    assert_eq!(store.items[DAMAGED_INDEX], "[{\"id\":\"a\",");
    assert_eq!(Index::parse(&store.items[INDEX]).unwrap(), index);
}

#[test]
fn the_index_is_repaired_against_the_stored_texts() {
    let listed = Index {
        entries: vec![
            Entry {
                id: "a".into(),
                name: "A".into(),
                updated: 1.0,
                rev: 4,
            },
            Entry {
                id: "lost".into(),
                name: "Lost".into(),
                updated: 2.0,
                rev: 2,
            },
        ],
    };
    let stored = listed.to_json();
    let ids = vec!["a".to_string(), "orphan".to_string()];
    let r = Index::repair(Some(&stored), &ids, |_| Some(ladder_text("Orphan")), T0);
    assert_eq!(r.damaged, None);
    assert!(r.rewrite);
    assert_eq!(r.index.entries[0], listed.entries[0]);
    assert_eq!(r.index.entries[1].id, "orphan");
    assert_eq!(r.index.entries[1].name, "Orphan");
    assert_eq!(r.index.entries[1].rev, 1);
    assert_eq!(r.index.entries.len(), 2);

    // an index that agrees with the texts is left as it is
    let ok = Index::repair(Some(&stored), &["a".into(), "lost".into()], |_| None, T0);
    assert!(!ok.rewrite);
    assert_eq!(ok.index, listed);
    // no index at all: the texts are listed, nothing is kept aside
    let fresh = Index::repair(None, &["a".into()], |_| None, T0);
    assert_eq!(fresh.damaged, None);
    assert!(fresh.rewrite);
    assert_eq!(fresh.index.entries[0].name, "Ladder with errors");
    // nothing at all: nothing to write
    let empty = Index::repair(None, &[], |_| None, T0);
    assert!(!empty.rewrite);
    assert!(empty.index.entries.is_empty());
}

#[test]
fn the_current_entry_is_remembered_while_it_is_listed() {
    let (mut lib, id) = one();
    assert_eq!(lib.current(), None);
    lib.set_current(&id);
    assert_eq!(lib.current(), Some(id.clone()));
    lib.delete(&id).unwrap();
    assert_eq!(lib.current(), None);
}

#[test]
fn the_old_working_copy_moves_into_the_library_once() {
    let mut store = MemoryStore::default();
    store.items.insert(OLD_SOURCE.into(), ladder_text("Old"));
    store.items.insert(OLD_EXAMPLE.into(), "saas".into());
    let mut lib = Library::new(store, T0);
    assert!(lib.migrate("m1"));
    assert_eq!(lib.current().as_deref(), Some("m1"));
    assert_eq!(lib.entry("m1").unwrap().name, "Old");
    assert_eq!(lib.text("m1").unwrap(), ladder_text("Old"));
    assert!(!lib.store().items.contains_key(OLD_SOURCE));
    assert!(!lib.store().items.contains_key(OLD_EXAMPLE));
    assert!(!lib.migrate("m2"));
    assert_eq!(lib.entries().len(), 1);

    let mut broken = MemoryStore::default();
    broken.items.insert(OLD_SOURCE.into(), "{ oops".into());
    let mut lib = Library::new(broken, T0);
    assert!(lib.migrate("m3"));
    assert_eq!(lib.entry("m3").unwrap().name, "Recovered ladder");
}

fn past(at: f64) -> rungs_core::drill::LogRecord {
    serde_json::from_value(serde_json::json!({
        "finished_at": at,
        "scenario": format!("drill at {at}"),
        "summary": "No breach",
        "markdown": "# Drill debrief",
        "json": "{}",
    }))
    .unwrap()
}

#[test]
fn past_drills_are_kept_per_entry_newest_first_and_go_with_the_entry() {
    use rungs_core::drill::LOG_KEPT;
    let (mut lib, id) = one();
    assert!(lib.drill_log(&id).is_empty());
    assert_eq!(lib.add_to_drill_log(&id, past(1.0)), Ok(0));
    assert_eq!(lib.add_to_drill_log(&id, past(2.0)), Ok(0));
    let kept: Vec<f64> = lib.drill_log(&id).iter().map(|d| d.finished_at).collect();
    assert_eq!(kept, [2.0, 1.0]);
    // the list is not an entry: the index does not list it, rebuilt or not
    assert_eq!(lib.entries().len(), 1);
    // the oldest go once the list is full, and the caller learns how many
    for k in 3..=(LOG_KEPT as u32 + 1) {
        let dropped = lib.add_to_drill_log(&id, past(f64::from(k))).unwrap();
        assert_eq!(dropped, usize::from(k as usize > LOG_KEPT));
    }
    let list = lib.drill_log(&id);
    assert_eq!(list.len(), LOG_KEPT);
    assert_eq!(list[0].finished_at, LOG_KEPT as f64 + 1.0);
    assert_eq!(list.last().unwrap().finished_at, 2.0);
    // one can be forgotten
    lib.delete_from_drill_log(&id, 2.0).unwrap();
    assert!(lib.drill_log(&id).iter().all(|d| d.finished_at != 2.0));
    // a list that does not read is an empty one, never an error
    let mut store = lib.into_store();
    store.set(&drill_log_key(&id), "{ not json").unwrap();
    let mut lib = Library::new(store, T0);
    assert!(lib.drill_log(&id).is_empty());
    lib.add_to_drill_log(&id, past(9.0)).unwrap();
    // deleting the entry deletes its past drills
    lib.delete(&id).unwrap();
    assert_eq!(lib.store().get(&drill_log_key(&id)), None);
    assert!(lib.drill_log(&id).is_empty());
}

#[test]
fn a_log_a_file_carried_merges_into_the_entry_newest_first_without_repeats() {
    use rungs_core::drill::LOG_KEPT;
    let (mut lib, id) = one();
    lib.add_to_drill_log(&id, past(5.0)).unwrap();
    // the file's records, in any order, one of them already kept
    assert_eq!(
        lib.merge_drill_log(&id, vec![past(2.0), past(9.0), past(5.0)]),
        Ok(0)
    );
    let kept: Vec<f64> = lib.drill_log(&id).iter().map(|d| d.finished_at).collect();
    assert_eq!(kept, [9.0, 5.0, 2.0]);
    // more than the log keeps: the oldest go, and the caller learns how many
    let many: Vec<_> = (100..100 + LOG_KEPT).map(|k| past(k as f64)).collect();
    assert_eq!(lib.merge_drill_log(&id, many), Ok(3));
    assert_eq!(lib.drill_log(&id).len(), LOG_KEPT);
}

#[test]
fn versions_are_kept_per_entry_and_go_with_the_entry() {
    use rungs_core::versions::{versions_key, Why};
    let (mut lib, id) = one();
    assert!(lib.versions(&id).is_empty());
    let text = lib.text(&id).unwrap();
    let a = lib
        .add_version(&id, &text, Why::Saved, "first draft")
        .unwrap();
    assert_eq!(a.n, Some(1));
    let b = lib
        .add_version(&id, &ladder_text("Renamed"), Why::Shared, "")
        .unwrap();
    assert_eq!(b.n, Some(2));
    let list = lib.versions(&id);
    assert_eq!(list.len(), 2);
    assert_eq!(
        (list[0].note.as_str(), list[1].name.as_str()),
        ("first draft", "Renamed")
    );
    // the versions are not an entry
    assert_eq!(lib.entries().len(), 1);
    lib.delete(&id).unwrap();
    assert_eq!(lib.store().get(&versions_key(&id)), None);
}

#[test]
fn a_full_store_prunes_the_oldest_automatic_versions_until_the_new_one_fits() {
    use rungs_core::versions::Why;
    let (lib, id) = one();
    let mut store = lib.into_store();
    let used: usize = store.items.iter().map(|(k, v)| k.len() + v.len()).sum();
    let big = |n: u32| {
        let mut l = rungs_core::edit::new_ladder("Big");
        l.description = Some(format!("{n}{}", "x".repeat(20_000)));
        to_canonical_json(&l)
    };
    // room for the existing keys and about three versions
    store.capacity = Some(used + 3 * 21_000 + 2_000);
    let mut lib = Library::new(store, T0);
    lib.add_version(&id, &big(1), Why::Saved, "keep").unwrap();
    lib.add_version(&id, &big(2), Why::Exported, "").unwrap();
    lib.add_version(&id, &big(3), Why::Shared, "").unwrap();
    let added = lib.add_version(&id, &big(4), Why::Saved, "newest").unwrap();
    assert_eq!(added.n, Some(4));
    assert_eq!(added.pruned, vec![(2, Why::Exported)]);
    assert!(added
        .message()
        .unwrap()
        .contains("automatic version was removed (version 2)"));
    let numbers: Vec<u32> = lib.versions(&id).iter().map(|v| v.n).collect();
    assert_eq!(numbers, [1, 3, 4]);
    // a version that cannot fit even alone is refused, and nothing changes
    let mut huge = rungs_core::edit::new_ladder("Huge");
    huge.description = Some("y".repeat(200_000));
    assert!(lib
        .add_version(&id, &to_canonical_json(&huge), Why::Saved, "too big")
        .is_err());
    let after: Vec<u32> = lib.versions(&id).iter().map(|v| v.n).collect();
    assert_eq!(after, [1, 3, 4]);
}

#[test]
fn a_ladder_file_may_carry_its_drill_log_and_reads_the_same_without_one() {
    let text = rungs_core::examples::EXAMPLES[0].json;
    let plain = rungs_core::parse_ladder(text).unwrap();
    assert!(plain.drill_log.is_empty());
    // the canonical JSON of a ladder without a log names none
    assert!(!rungs_core::to_canonical_json(&plain).contains("drill_log"));
    let mut with = plain.clone();
    with.drill_log = vec![past(3.0), past(1.0)];
    let json = rungs_core::to_canonical_json(&with);
    let again = rungs_core::parse_ladder(&json).unwrap();
    assert_eq!(again.drill_log, with.drill_log);
    let report = rungs_core::validate_ladder(&again, rungs_core::Instant::from_millis(T0 as i64));
    assert_eq!(report.errors().count(), 0);
    // a record of the wrong shape is an error at its pointer
    let bad = json.replacen("\"finished_at\": 3.0", "\"finished_at\": \"soon\"", 1);
    let e = rungs_core::parse_ladder(&bad).unwrap_err();
    assert!(e.to_string().contains("/drill_log/0/finished_at"), "{e}");
}
