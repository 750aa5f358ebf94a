//! Instants, IANA time zones, weekdays and wall-clock times of the format.
//!
//! Time-zone rules come from the IANA database bundled into the build (`tzdb`, trimmed to
//! instants from 1970 on), so the browser and the command line agree on every DST change.

use std::fmt;

/// An absolute instant, written as RFC 3339 with an offset (`"2026-03-14T03:00:00Z"`).
/// Printed in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(jiff::Timestamp);

/// Why a string is not an RFC 3339 instant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid instant `{shown}`: expected RFC 3339 with an offset, like \"2026-03-14T03:00:00Z\" or \"2026-03-14T04:00:00+01:00\"")]
pub struct InstantError {
    shown: String,
}

impl Instant {
    /// Parses RFC 3339 with a `Z` or numeric offset.
    pub fn parse(s: &str) -> Result<Self, InstantError> {
        s.parse::<jiff::Timestamp>()
            .map(Instant)
            .map_err(|_| InstantError {
                shown: crate::text::truncate_for_display(s, 40),
            })
    }

    /// Milliseconds since the Unix epoch.
    pub fn as_millis(self) -> i64 {
        self.0.as_millisecond()
    }

    /// The instant `ms` milliseconds after the Unix epoch (clamped to the supported range).
    pub fn from_millis(ms: i64) -> Self {
        Instant(jiff::Timestamp::from_millisecond(ms).unwrap_or(if ms < 0 {
            jiff::Timestamp::MIN
        } else {
            jiff::Timestamp::MAX
        }))
    }

    /// The underlying timestamp.
    pub fn timestamp(self) -> jiff::Timestamp {
        self.0
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// An IANA time-zone name (`"Europe/Berlin"`), checked against the bundled database.
#[derive(Debug, Clone)]
pub struct TimeZoneName {
    name: String,
    tz: jiff::tz::TimeZone,
}

/// Why a string is not a known IANA time zone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown time zone `{shown}`{}: use an IANA name like \"Europe/Berlin\" or \"America/New_York\"", suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
pub struct TimeZoneError {
    shown: String,
    suggestion: Option<String>,
}

impl PartialEq for TimeZoneName {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for TimeZoneName {}

impl std::hash::Hash for TimeZoneName {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

/// The zone whose last part is the city `name` (any case, spaces as `_`): "London" is
/// `Europe/London`, "new york" `America/New_York`; `None` for a name with a `/` or
/// longer than any city.
fn city_zone(name: &str, names: &[String]) -> Option<String> {
    let city = name.trim().replace(' ', "_");
    if city.is_empty() || city.contains('/') || city.len() > 40 {
        return None;
    }
    names
        .iter()
        .find(|n| {
            n.rsplit('/')
                .next()
                .is_some_and(|last| n.contains('/') && last.eq_ignore_ascii_case(&city))
        })
        .cloned()
}

impl TimeZoneName {
    /// Looks `name` up in the bundled IANA database.
    pub fn new(name: &str) -> Result<Self, TimeZoneError> {
        // The format wants the exact IANA spelling.
        match crate::tzdb::get(name) {
            Some(tz) => Ok(TimeZoneName {
                name: name.to_string(),
                tz,
            }),
            None => {
                let names: Vec<_> = crate::tzdb::names().map(str::to_string).collect();
                // a city alone ("London", "new york") names the zone it ends; else the
                // closest spelling (closest() skips names too long to be a typo)
                let suggestion = city_zone(name, &names).or_else(|| {
                    crate::text::closest(name, names.iter().map(String::as_str)).map(str::to_string)
                });
                Err(TimeZoneError {
                    shown: crate::text::truncate_for_display(name, 40),
                    suggestion,
                })
            }
        }
    }

    /// UTC, the zone of last resort.
    pub fn utc() -> Self {
        TimeZoneName {
            name: "UTC".into(),
            tz: jiff::tz::TimeZone::UTC,
        }
    }

    /// The IANA name.
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// The zone's rules.
    pub fn tz(&self) -> &jiff::tz::TimeZone {
        &self.tz
    }

    /// Every zone name this build knows, sorted.
    pub fn all() -> Vec<String> {
        crate::tzdb::names().map(str::to_string).collect()
    }
}

impl fmt::Display for TimeZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// A wall-clock time of day, `"HH:MM"` in 24-hour form (`"00:00"` to `"23:59"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(u16);

/// Why a string is not an `HH:MM` time of day.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid time of day `{shown}`: expected \"HH:MM\" from \"00:00\" to \"23:59\"")]
pub struct ClockTimeError {
    shown: String,
}

impl ClockTime {
    /// A time of day from hours and minutes.
    pub fn new(hour: u16, minute: u16) -> Option<Self> {
        (hour < 24 && minute < 60).then_some(ClockTime(hour * 60 + minute))
    }

    /// Parses `HH:MM`.
    pub fn parse(s: &str) -> Result<Self, ClockTimeError> {
        let err = || ClockTimeError {
            shown: crate::text::truncate_for_display(s, 20),
        };
        let b = s.as_bytes();
        if b.len() != 5 || b[2] != b':' || ![0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit()) {
            return Err(err());
        }
        let num = |i: usize| u16::from(b[i] - b'0') * 10 + u16::from(b[i + 1] - b'0');
        ClockTime::new(num(0), num(3)).ok_or_else(err)
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// A day of the week, written `"mon"` to `"sun"`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// All days, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// The three-letter name used by the format.
    pub fn as_str(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self as usize]
    }
}

/// Implements string-based serde (and a schema) for a type with `parse` and `Display`.
macro_rules! string_serde {
    ($ty:ty, $expecting:literal, $schema:tt) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        <$ty>::parse(v).map_err(E::custom)
                    }
                }
                d.deserialize_str(Visitor)
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!($schema)
            }
        }
    };
}

impl TimeZoneName {
    fn parse(s: &str) -> Result<Self, TimeZoneError> {
        TimeZoneName::new(s)
    }
}

string_serde!(Instant, "an RFC 3339 instant like \"2026-03-14T03:00:00Z\"", {
    "type": "string",
    "format": "date-time",
    "description": "An RFC 3339 instant with an offset, e.g. \"2026-03-14T03:00:00Z\"."
});
string_serde!(TimeZoneName, "an IANA time-zone name like \"Europe/Berlin\"", {
    "type": "string",
    "minLength": 1,
    "description": "An IANA time-zone name, e.g. \"Europe/Berlin\"."
});
string_serde!(ClockTime, "a time of day like \"09:00\"", {
    "type": "string",
    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
    "description": "A local time of day, \"HH:MM\"."
});

/// Dates and times as the app shows them, written here rather than through jiff's
/// `strftime`, whose formatter and error messages would add about 20 KB to the page.
pub mod civil_text {
    use jiff::civil::{Date, DateTime};

    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];

    /// `"Mon 3 Aug"`.
    pub fn day(d: Date) -> String {
        let weekday = DAYS[usize::from(d.weekday().to_monday_zero_offset() as u8)];
        let month = MONTHS[(d.month() as usize).saturating_sub(1).min(11)];
        format!("{weekday} {} {month}", d.day())
    }

    /// `"Mon 3 Aug 2026"`.
    pub fn day_year(d: Date) -> String {
        format!("{} {}", day(d), d.year())
    }

    /// `"14:05"`.
    pub fn hm(t: DateTime) -> String {
        format!("{:02}:{:02}", t.hour(), t.minute())
    }

    /// `"Mon 3 Aug 14:05"`.
    pub fn day_hm(t: DateTime) -> String {
        format!("{} {}", day(t.date()), hm(t))
    }

    /// `"2026-08-03T14:05"`, with `":SS"` when the seconds are not zero.
    pub fn iso_minutes(t: DateTime) -> String {
        let mut s = format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute()
        );
        if t.second() != 0 {
            s.push_str(&format!(":{:02}", t.second()));
        }
        s
    }
}

/// An instant as people read it, in `zone`: `"Sat 14 Mar, 03:00 UTC"`, `"Sat 14 Mar,
/// 04:00 CET"`. The zone's abbreviation when it has one, else its offset from UTC
/// (`"Sat 14 Mar, 11:00 UTC+8"`, `"UTC+5:30"`).
pub fn readable_instant(at: Instant, zone: &TimeZoneName) -> String {
    let tz = zone.tz();
    let local = tz.to_datetime(at.timestamp());
    format!(
        "{}, {} {}",
        civil_text::day(local.date()),
        civil_text::hm(local),
        zone_abbreviation(zone, at)
    )
}

/// The abbreviation of `zone` at `at` (`"CET"`, `"EDT"`), or `"UTC+8"` when the database
/// has none but a number.
fn zone_abbreviation(zone: &TimeZoneName, at: Instant) -> String {
    let info = zone.tz().to_offset_info(at.timestamp());
    let abbreviation = info.abbreviation();
    if abbreviation.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return abbreviation.to_string();
    }
    let seconds = info.offset().seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    match (minutes / 60, minutes % 60) {
        (0, 0) => "UTC".to_string(),
        (h, 0) => format!("UTC{sign}{h}"),
        (h, m) => format!("UTC{sign}{h}:{m:02}"),
    }
}

/// The value of a date-time picker (`YYYY-MM-DDTHH:MM`, with `:SS` only when the seconds
/// are not zero) that shows `t` on the wall clock of `zone`.
pub fn picker_value(t: Instant, zone: &TimeZoneName) -> String {
    civil_text::iso_minutes(zone.tz().to_datetime(t.timestamp()))
}

/// Reads a date-time picker's `YYYY-MM-DDTHH:MM[:SS]` as wall-clock time in `zone`, or
/// any RFC 3339 text with an offset. A wall-clock time the clocks skip (the hour lost in
/// spring) is the first instant after the gap; one they show twice (the hour repeated in
/// autumn), the earlier of the two.
pub fn parse_picker(s: &str, zone: &TimeZoneName) -> Result<Instant, String> {
    let s = s.trim();
    if let Ok(t) = Instant::parse(s) {
        return Ok(t);
    }
    let local: jiff::civil::DateTime = s.parse().map_err(|_| {
        format!(
            "“{}” is not a date and time: pick one, or type it like 2026-03-14T09:00",
            crate::text::truncate_for_display(s, 40)
        )
    })?;
    let tz = zone.tz();
    let ambiguous = tz.to_ambiguous_timestamp(local);
    let at = match ambiguous.offset() {
        jiff::tz::AmbiguousOffset::Unambiguous { offset } => offset.to_timestamp(local),
        jiff::tz::AmbiguousOffset::Fold { before, .. } => before.to_timestamp(local),
        jiff::tz::AmbiguousOffset::Gap { before, .. } => {
            before.to_timestamp(local).map(|after_gap| {
                tz.preceding(after_gap)
                    .next()
                    .map_or(after_gap, |tr| tr.timestamp())
            })
        }
    };
    at.map(Instant)
        .map_err(|_| format!("{s} is out of the supported range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_alone_suggests_its_zone() {
        let e = TimeZoneName::new("London").unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("Europe/London"));
        let e = TimeZoneName::new("new york").unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("America/New_York"));
        // a typo of a full name still gets the closest spelling
        let e = TimeZoneName::new("America/New_Yrok").unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("America/New_York"));
    }

    #[test]
    fn instants_take_offsets_and_print_utc() {
        let a = Instant::parse("2026-03-14T03:00:00Z").unwrap();
        let b = Instant::parse("2026-03-14T04:00:00+01:00").unwrap();
        assert_eq!(a, b);
        assert_eq!(b.to_string(), "2026-03-14T03:00:00Z");
        assert_eq!(Instant::from_millis(a.as_millis()), a);
        for bad in ["2026-03-14", "2026-03-14T03:00:00", "yesterday", ""] {
            assert!(Instant::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn time_zones_come_from_the_iana_database() {
        let tz = TimeZoneName::new("Europe/Berlin").unwrap();
        assert_eq!(tz.as_str(), "Europe/Berlin");
        let e = TimeZoneName::new("Europe/Berln").unwrap_err().to_string();
        assert!(
            e.contains("`Europe/Berln`") && e.contains("did you mean `Europe/Berlin`"),
            "{e}"
        );
        assert!(TimeZoneName::new("+01:00").is_err());
        let e = TimeZoneName::new("europe/berlin").unwrap_err().to_string();
        assert!(e.contains("did you mean `Europe/Berlin`"), "{e}");
        assert!(TimeZoneName::new("UTC").is_ok());
        assert!(TimeZoneName::new("").is_err());
        // a huge name is refused at once, without a suggestion (found by fuzzing: it took
        // minutes)
        let long = format!("Europe/{}", "x".repeat(200_000));
        let e = TimeZoneName::new(&long).unwrap_err().to_string();
        assert!(!e.contains("did you mean"), "{e}");
        assert!(TimeZoneName::all().len() > 300);
    }

    #[test]
    fn time_zones_follow_dst() {
        // Berlin switches to summer time at 01:00 UTC on 2026-03-29.
        let tz = TimeZoneName::new("Europe/Berlin").unwrap();
        let before = Instant::parse("2026-03-29T00:30:00Z").unwrap();
        let after = Instant::parse("2026-03-29T01:30:00Z").unwrap();
        let off = |i: Instant| tz.tz().to_offset(i.timestamp()).seconds();
        assert_eq!(off(before), 3600);
        assert_eq!(off(after), 7200);
    }

    #[test]
    fn clock_times() {
        assert_eq!(ClockTime::parse("09:30").unwrap().minutes(), 570);
        assert_eq!(ClockTime::parse("23:59").unwrap().to_string(), "23:59");
        for bad in ["24:00", "9:30", "09:60", "0930", "09:3a", ""] {
            assert!(ClockTime::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_picker_reads_and_shows_wall_clock_time_in_its_zone() {
        let berlin = TimeZoneName::new("Europe/Berlin").unwrap();
        let utc = TimeZoneName::utc();
        assert_eq!(utc, TimeZoneName::new("UTC").unwrap());
        let at = |s: &str| Instant::parse(s).unwrap();
        // winter: UTC+1
        assert_eq!(
            parse_picker("2026-03-14T04:00", &berlin),
            Ok(at("2026-03-14T03:00:00Z"))
        );
        assert_eq!(
            picker_value(at("2026-03-14T03:00:00Z"), &berlin),
            "2026-03-14T04:00"
        );
        assert_eq!(
            picker_value(at("2026-03-14T03:00:00Z"), &utc),
            "2026-03-14T03:00"
        );
        // seconds only when there are some
        assert_eq!(
            picker_value(at("2026-03-14T03:00:07Z"), &utc),
            "2026-03-14T03:00:07"
        );
        assert_eq!(
            parse_picker("2026-03-14T03:00:07", &utc),
            Ok(at("2026-03-14T03:00:07Z"))
        );
        // summer: UTC+2
        assert_eq!(
            parse_picker("2026-07-01T09:00", &berlin),
            Ok(at("2026-07-01T07:00:00Z"))
        );
        // 02:30 on 29 March does not exist in Berlin: the first instant after the gap
        assert_eq!(
            parse_picker("2026-03-29T02:30", &berlin),
            Ok(at("2026-03-29T01:00:00Z"))
        );
        // 02:30 on 25 October happens twice: the earlier
        assert_eq!(
            parse_picker("2026-10-25T02:30", &berlin),
            Ok(at("2026-10-25T00:30:00Z"))
        );
        // RFC 3339 text with an offset is taken as it is, whatever the zone
        assert_eq!(
            parse_picker("2026-03-14T03:00:00Z", &berlin),
            Ok(at("2026-03-14T03:00:00Z"))
        );
        // every value shown reads back as the same instant
        for t in [
            "2026-01-01T00:00:00Z",
            "2026-03-29T01:00:00Z",
            "2026-10-25T00:30:00Z",
            "2026-10-25T01:30:00Z",
        ] {
            let shown = picker_value(at(t), &berlin);
            let back = parse_picker(&shown, &berlin).unwrap();
            // the repeated hour's later half reads as the earlier one, an hour before
            assert!(
                back == at(t) || t == "2026-10-25T01:30:00Z",
                "{t} -> {shown}"
            );
        }
        assert!(parse_picker("next tuesday", &utc)
            .unwrap_err()
            .contains("“next tuesday” is not a date and time"));
    }
}
