//! Arbitrary strings as durations, instants, zone names, times of day and ids: parsing
//! never panics, and what parses prints in a canonical form that parses to the same value
//! and prints the same again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rungs_core::time::ClockTime;
use rungs_core::{check_id, Duration, Instant, PersonId, TimeZoneName};

fuzz_target!(init: rungs_fuzz::catch_stack_overflows(), |data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = Duration::parse(s) {
        let shown = d.to_string();
        assert_eq!(Duration::parse(&shown), Ok(d), "{s:?} printed as {shown:?}");
    }
    if let Ok(i) = Instant::parse(s) {
        let shown = i.to_string();
        let again = Instant::parse(&shown).unwrap_or_else(|e| panic!("{s:?} -> {shown:?}: {e}"));
        assert_eq!(again, i, "{s:?} printed as {shown:?}");
        assert_eq!(again.to_string(), shown);
        assert_eq!(
            Instant::from_millis(i.as_millis()).as_millis(),
            i.as_millis()
        );
    }
    if let Ok(z) = TimeZoneName::new(s) {
        assert_eq!(z.to_string(), s);
        assert_eq!(TimeZoneName::new(&z.to_string()), Ok(z));
    }
    if let Ok(c) = ClockTime::parse(s) {
        assert_eq!(c.to_string(), s);
        assert_eq!(ClockTime::parse(&c.to_string()), Ok(c));
    }
    let id_ok = check_id(s).is_ok();
    assert_eq!(PersonId::new(s).is_ok(), id_ok);
    if let Ok(id) = PersonId::new(s) {
        assert_eq!(id.to_string(), s);
    }
    // The JSON forms go through the same parsers.
    let quoted = serde_json::to_string(s).unwrap();
    assert_eq!(
        serde_json::from_str::<Duration>(&quoted).ok(),
        Duration::parse(s).ok()
    );
});
