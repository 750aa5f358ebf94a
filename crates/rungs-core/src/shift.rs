//! A rotation's shift: a [`Duration`] together with how it was written, which decides
//! when the rotation hands over. Written in days or weeks only (`"1d"`, `"2w"`,
//! `"1w3d"`), a shift hands over at the same local wall-clock time on each hand-off date;
//! written with `h`, `m` or `s` (`"12h"`, `"24h"`, `"1d12h"`), it has a fixed length.
//! The length alone is a plain [`Duration`]: `"24h"` and `"1d"` are equally long.

use std::fmt;
use std::str::FromStr;

use crate::duration::{Duration, DurationError};

const DAY_MS: u64 = 24 * 3_600_000;

/// How long each member of a rotation is on call, and whether hand-offs follow the
/// local calendar (a whole, non-zero number of days written in days or weeks) or a fixed
/// length. Written in JSON as a duration string and written back so that it reads back
/// the same: `"24h"` stays `"24h"`, `"1440m"` becomes `"24h"`, `"7d"` becomes `"1w"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Shift {
    length: Duration,
    /// True only for a whole, non-zero number of days written in days or weeks.
    by_clock: bool,
}

impl Shift {
    /// A shift of `length` read as its canonical form is: a whole, non-zero number of
    /// days hands over at local time (as `"1d"` or `"1w"` would), anything else has a
    /// fixed length.
    pub const fn new(length: Duration) -> Shift {
        let ms = length.as_millis();
        Shift {
            length,
            by_clock: ms > 0 && ms % DAY_MS == 0,
        }
    }

    /// A shift of fixed `length` whatever the clocks do (as `"24h"` is).
    pub const fn fixed(length: Duration) -> Shift {
        Shift {
            length,
            by_clock: false,
        }
    }

    /// How long a turn is (for a shift by the calendar, its usual length: a turn across
    /// a change of the clocks is an hour shorter or longer).
    pub const fn length(self) -> Duration {
        self.length
    }

    /// The number of days when the shift hands over at local time: written in days or
    /// weeks only (`"1d"`, `"2w"`, `"1w3d"`); `None` for a fixed length (`"24h"`,
    /// `"1d12h"`) or zero.
    pub const fn whole_days(self) -> Option<u64> {
        if self.by_clock {
            Some(self.length.as_millis() / DAY_MS)
        } else {
            None
        }
    }

    /// Whether the shift is zero (an error in a ladder).
    pub const fn is_zero(self) -> bool {
        self.length.is_zero()
    }

    /// Parses the duration syntax, remembering whether `h`, `m` or `s` was written.
    ///
    /// ```
    /// use rungs_core::{Duration, Shift};
    /// let (day, hours) = (Shift::parse("1d").unwrap(), Shift::parse("24h").unwrap());
    /// assert_eq!(day.length(), hours.length());
    /// assert_eq!((day.whole_days(), hours.whole_days()), (Some(1), None));
    /// assert_eq!(Shift::parse("1440m").unwrap().to_string(), "24h");
    /// ```
    pub fn parse(s: &str) -> Result<Shift, DurationError> {
        let length = Duration::parse(s)?;
        let clock_units = s.contains(['h', 'm', 's']);
        Ok(if clock_units {
            Shift::fixed(length)
        } else {
            Shift::new(length)
        })
    }
}

impl From<Duration> for Shift {
    fn from(length: Duration) -> Shift {
        Shift::new(length)
    }
}

impl FromStr for Shift {
    type Err = DurationError;
    fn from_str(s: &str) -> Result<Shift, DurationError> {
        Shift::parse(s)
    }
}

impl fmt::Display for Shift {
    /// The length's canonical form, except that a fixed whole number of days is written
    /// in hours (`"24h"`, `"168h"`) so that it reads back as a fixed length.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.length.as_millis();
        if !self.by_clock && ms > 0 && ms % DAY_MS == 0 {
            write!(f, "{}h", ms / 3_600_000)
        } else {
            self.length.fmt(f)
        }
    }
}

impl serde::Serialize for Shift {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Shift {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Shift;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a duration string like \"1w\", \"1d\" or \"12h\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Shift, E> {
                Shift::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// A shift is written as a duration, so its schema is the duration's.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Shift {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        Duration::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        Duration::schema_id()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Duration::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shift(s: &str) -> Shift {
        Shift::parse(s).unwrap()
    }

    #[test]
    fn whole_days_are_known_as_written() {
        let days = |s: &str| shift(s).whole_days();
        assert_eq!(days("1d"), Some(1));
        assert_eq!(days("1w"), Some(7));
        assert_eq!(days("1w3d"), Some(10));
        assert_eq!(days("24h"), None);
        assert_eq!(days("1d0h"), None);
        assert_eq!(days("1440m"), None);
        assert_eq!(days("1d12h"), None);
        assert_eq!(days("0d"), None);
        assert_eq!(days("12h"), None);
        assert_eq!(
            Shift::new(Duration::from_mins(24 * 60)).whole_days(),
            Some(1)
        );
        assert_eq!(
            Shift::fixed(Duration::from_mins(24 * 60)).whole_days(),
            None
        );
        assert_eq!(Shift::from(Duration::from_mins(90)).whole_days(), None);
    }

    #[test]
    fn lengths_are_plain_durations() {
        assert_eq!(shift("24h").length(), shift("1d").length());
        assert_ne!(shift("24h"), shift("1d"));
        assert_eq!(shift("1440m"), shift("24h"));
        assert_eq!(shift("7d"), shift("1w"));
    }

    #[test]
    fn written_back_so_that_it_reads_back_the_same() {
        for (written, canonical) in [
            ("24h", "24h"),
            ("1440m", "24h"),
            ("1d0h", "24h"),
            ("1w0s", "168h"),
            ("1d", "1d"),
            ("7d", "1w"),
            ("2w", "2w"),
            ("1w3d", "1w3d"),
            ("1d12h", "1d12h"),
            ("36h", "1d12h"),
            ("12h", "12h"),
            ("0m", "0m"),
            ("0d", "0m"),
        ] {
            let s = shift(written);
            assert_eq!(s.to_string(), canonical, "{written}");
            assert_eq!(shift(canonical), s, "{written}");
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{canonical}\""));
            assert_eq!(serde_json::from_str::<Shift>(&json).unwrap(), s);
        }
        let e = serde_json::from_str::<Shift>("\"-1w\"").unwrap_err();
        assert!(e.to_string().contains("negative"), "{e}");
        let e = serde_json::from_str::<Shift>("7").unwrap_err();
        assert!(e.to_string().contains("a duration string"), "{e}");
    }
}
