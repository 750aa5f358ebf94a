//! Durations as the format writes them: `"90s"`, `"15m"`, `"1h30m"`, `"2d"`, `"1w"`.
//!
//! Units are `w`, `d`, `h`, `m` and `s`, each an unsigned integer, each at most once and
//! largest first. The value is kept in whole milliseconds, the simulator's resolution.

use std::fmt;
use std::str::FromStr;

/// A non-negative span of time with millisecond resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration(u64);

/// Why a duration string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid duration `{shown}`: {reason}; write whole numbers with units w, d, h, m, s, largest first, like \"90s\", \"15m\", \"1h30m\" or \"2d\"")]
pub struct DurationError {
    shown: String,
    reason: &'static str,
}

const UNITS: [(char, u64); 5] = [
    ('w', 7 * 24 * 3_600_000),
    ('d', 24 * 3_600_000),
    ('h', 3_600_000),
    ('m', 60_000),
    ('s', 1_000),
];

impl Duration {
    /// No time at all.
    pub const ZERO: Duration = Duration(0);

    /// A duration of `ms` milliseconds.
    pub const fn from_millis(ms: u64) -> Self {
        Duration(ms)
    }

    /// A duration of `s` seconds.
    pub const fn from_secs(s: u64) -> Self {
        Duration(s * 1_000)
    }

    /// A duration of `m` minutes.
    pub const fn from_mins(m: u64) -> Self {
        Duration(m * 60_000)
    }

    /// The length in milliseconds.
    pub const fn as_millis(self) -> u64 {
        self.0
    }

    /// The length in (possibly fractional) seconds.
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / 1_000.0
    }

    /// Whether this is zero.
    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Parses the format's duration syntax.
    ///
    /// ```
    /// use rungs_core::Duration;
    /// assert_eq!("1h30m".parse::<Duration>().unwrap(), Duration::from_mins(90));
    /// assert_eq!(Duration::from_secs(90).to_string(), "1m30s");
    /// assert!("90".parse::<Duration>().is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Self, DurationError> {
        let err = |reason| DurationError {
            shown: crate::text::truncate_for_display(s, 40),
            reason,
        };
        if s.is_empty() {
            return Err(err("it is empty"));
        }
        let mut total: u64 = 0;
        let mut next_unit = 0; // index into UNITS of the largest unit still allowed
        let mut chars = s.char_indices().peekable();
        while chars.peek().is_some() {
            let mut value: u64 = 0;
            let mut digits = 0;
            while let Some(&(_, c)) = chars.peek() {
                let Some(d) = c.to_digit(10) else { break };
                value = value
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(u64::from(d)))
                    .ok_or_else(|| err("it is too large"))?;
                digits += 1;
                chars.next();
            }
            if digits == 0 {
                return Err(err(match chars.peek() {
                    Some((_, '-')) => "it is negative",
                    _ => "a number must come before each unit",
                }));
            }
            let Some((_, unit)) = chars.next() else {
                return Err(err("the number at the end has no unit"));
            };
            let Some(pos) = UNITS.iter().position(|(u, _)| *u == unit) else {
                return Err(err(if unit == '.' {
                    "fractions are not allowed"
                } else {
                    "it uses an unknown unit"
                }));
            };
            if pos < next_unit {
                return Err(err("units must appear once each, largest first"));
            }
            next_unit = pos + 1;
            total = value
                .checked_mul(UNITS[pos].1)
                .and_then(|v| total.checked_add(v))
                .ok_or_else(|| err("it is too large"))?;
        }
        Ok(Duration(total))
    }
}

impl FromStr for Duration {
    type Err = DurationError;
    fn from_str(s: &str) -> Result<Self, DurationError> {
        Duration::parse(s)
    }
}

impl fmt::Display for Duration {
    /// The canonical form: each unit once, largest first, zero as `0m`. Sub-second rests
    /// (which the format cannot express) are written as `ms`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            return f.write_str("0m");
        }
        let mut rest = self.0;
        for (unit, ms) in UNITS {
            if rest >= ms {
                write!(f, "{}{unit}", rest / ms)?;
                rest %= ms;
            }
        }
        if rest > 0 {
            write!(f, "{rest}ms")?;
        }
        Ok(())
    }
}

impl TryFrom<String> for Duration {
    type Error = DurationError;
    fn try_from(s: String) -> Result<Self, DurationError> {
        Duration::parse(&s)
    }
}

impl serde::Serialize for Duration {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Duration {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Duration;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a duration string like \"15m\" or \"1h30m\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Duration, E> {
                Duration::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(Visitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Duration {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A duration: whole numbers with units w, d, h, m, s, largest first, e.g. \"90s\", \"15m\", \"1h30m\", \"2d\", \"0m\".",
            "pattern": "^(?=\\d)(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<u64, DurationError> {
        Duration::parse(s).map(Duration::as_millis)
    }

    #[test]
    fn parses_every_unit_and_combinations() {
        assert_eq!(p("90s"), Ok(90_000));
        assert_eq!(p("15m"), Ok(900_000));
        assert_eq!(p("1h30m"), Ok(5_400_000));
        assert_eq!(p("2d"), Ok(172_800_000));
        assert_eq!(p("1w"), Ok(604_800_000));
        assert_eq!(p("0m"), Ok(0));
        assert_eq!(p("0s"), Ok(0));
        assert_eq!(
            p("1w2d3h4m5s"),
            Ok(((((7 + 2) * 24 + 3) * 60 + 4) * 60 + 5) * 1000)
        );
    }

    #[test]
    fn refuses_malformed_input_with_the_value_in_the_message() {
        for bad in [
            "",
            "90",
            "m",
            "1.5h",
            "-5m",
            "5 m",
            "5M",
            "30m1h",
            "1h1h",
            "1x",
            " 5m",
            "5m ",
            "99999999999999999999s",
            "300000000000w",
        ] {
            let e = Duration::parse(bad).expect_err(bad);
            assert!(e.to_string().contains(&format!("`{bad}`")), "{e}");
        }
        assert!(Duration::parse("-5m")
            .unwrap_err()
            .to_string()
            .contains("negative"));
        assert!(Duration::parse("1.5h")
            .unwrap_err()
            .to_string()
            .contains("fractions"));
        assert!(Duration::parse("30m1h")
            .unwrap_err()
            .to_string()
            .contains("largest first"));
    }

    #[test]
    fn prints_canonically_and_round_trips() {
        for (ms, text) in [
            (0, "0m"),
            (90_000, "1m30s"),
            (5_400_000, "1h30m"),
            (604_800_000 + 86_400_000, "1w1d"),
            (1_500, "1s500ms"),
        ] {
            assert_eq!(Duration(ms).to_string(), text);
        }
        for s in ["90s", "15m", "1h30m", "2d", "1w", "0m", "3w6d23h59m59s"] {
            let d = Duration::parse(s).unwrap();
            assert_eq!(Duration::parse(&d.to_string()), Ok(d));
        }
    }

    #[test]
    fn equal_lengths_are_equal_however_written() {
        let d = |s: &str| Duration::parse(s).unwrap();
        assert_eq!(d("24h"), d("1d"));
        assert_eq!(d("24h").cmp(&d("1d")), std::cmp::Ordering::Equal);
        assert!(d("24h") <= d("1d") && d("24h") >= d("1d"));
        assert_eq!(d("600s"), d("10m"));
        assert_eq!(d("1440m").to_string(), "1d");
        assert_eq!(d("1d12h"), d("36h"));
    }

    #[test]
    fn serde_uses_the_string_form() {
        let d: Duration = serde_json::from_str("\"1h30m\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"1h30m\"");
        let e = serde_json::from_str::<Duration>("90").unwrap_err();
        assert!(e.to_string().contains("a duration string"), "{e}");
    }
}
