//! Arbitrary bytes as a ladder document: parse, validate, build the overview and a week of
//! the coverage grid, then check that canonical JSON reads back as the same ladder and is a
//! fixed point.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rungs_core::{coverage, overview, parse_ladder, to_canonical_json, validate_ladder};
use rungs_core::{Instant, TimeZoneName};

fuzz_target!(init: rungs_fuzz::catch_stack_overflows(), |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(ladder) = parse_ladder(text) else {
        return;
    };
    let at = Instant::parse("2026-03-14T03:00:00Z").unwrap();
    let _ = validate_ladder(&ladder, at);
    let _ = overview::LadderOverview::new(&ladder);
    // The week in the first person's zone (where DST changes are most likely to matter)
    // and in UTC.
    let utc = TimeZoneName::new("UTC").unwrap();
    let zone = ladder
        .people
        .first()
        .map_or(utc.clone(), |p| p.timezone.clone());
    let _ = coverage::week_grid(&ladder, &zone, at);
    if let Some(r) = ladder.rotations.first() {
        // a week around the rotation's own start, too
        let _ = coverage::week_grid(&ladder, &utc, r.start);
    }

    let json = to_canonical_json(&ladder);
    let again = parse_ladder(&json)
        .unwrap_or_else(|e| panic!("canonical JSON does not parse: {e}\n{json}"));
    assert_eq!(
        again, ladder,
        "canonical JSON reads back differently:\n{json}"
    );
    assert_eq!(
        to_canonical_json(&again),
        json,
        "canonical JSON is not a fixed point"
    );
});
