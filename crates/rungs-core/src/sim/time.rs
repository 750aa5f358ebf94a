//! Time inside a run: instants are [`SimTime`] (milliseconds since the scenario's start),
//! spans are [`Duration`]. Every conversion (to seconds, to epoch time, between the two)
//! happens here.

use std::fmt;

use crate::{Duration, Instant};

/// Simulated time: milliseconds since the scenario's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct SimTime(pub u64);

impl SimTime {
    /// The scenario's start.
    pub const START: SimTime = SimTime(0);
    /// Never: the end of any run (an open-ended unavailability lasts until then).
    pub const NEVER: SimTime = SimTime(u64::MAX);

    /// Milliseconds since start.
    #[inline]
    pub fn as_millis(self) -> u64 {
        self.0
    }

    /// Seconds since start, with millisecond precision.
    #[inline]
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// The instant at `offset` from start (saturating at [`SimTime::NEVER`]).
    #[inline]
    pub fn at(offset: Duration) -> SimTime {
        SimTime(offset.as_millis())
    }

    /// This instant plus `d`, saturating at [`SimTime::NEVER`].
    #[inline]
    pub fn plus(self, d: Duration) -> SimTime {
        SimTime(self.0.saturating_add(d.as_millis()))
    }

    /// The span from `earlier` to this instant (zero when `earlier` is later).
    #[inline]
    pub fn since(self, earlier: SimTime) -> Duration {
        Duration::from_millis(self.0.saturating_sub(earlier.0))
    }

    /// This instant as epoch milliseconds, for a run that started at `start`.
    #[inline]
    pub fn epoch_millis(self, start: Instant) -> i64 {
        start.as_millis().saturating_add(self.0 as i64)
    }

    /// This instant as a timestamp, for a run that started at `start` (the Unix epoch
    /// when out of range), to read local hours.
    #[inline]
    pub fn timestamp(self, start: Instant) -> jiff::Timestamp {
        jiff::Timestamp::from_millisecond(self.epoch_millis(start))
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }

    /// This instant in wall-clock time, for a run that started at `start`.
    #[inline]
    pub fn instant(self, start: Instant) -> Instant {
        Instant::from_millis(self.epoch_millis(start))
    }
}

impl From<u64> for SimTime {
    /// The instant `ms` milliseconds from start.
    #[inline]
    fn from(ms: u64) -> Self {
        SimTime(ms)
    }
}

impl fmt::Display for SimTime {
    /// `+HH:MM:SS` (with `.mmm` when there are milliseconds; hours may exceed 24).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0 / 1000;
        write!(f, "+{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)?;
        if self.0 % 1000 != 0 {
            write!(f, ".{:03}", self.0 % 1000)?;
        }
        Ok(())
    }
}

impl serde::Serialize for SimTime {
    /// Seconds since start, with millisecond precision.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.as_secs_f64())
    }
}

/// Anything [`format_secs`](super::format_secs) can print: seconds as `f64`, a
/// [`Duration`] or a [`SimTime`] (read as the span since start).
pub trait AsSecs: Copy {
    /// The value in seconds.
    fn as_secs(self) -> f64;
}

impl AsSecs for f64 {
    #[inline]
    fn as_secs(self) -> f64 {
        self
    }
}

impl AsSecs for Duration {
    #[inline]
    fn as_secs(self) -> f64 {
        self.as_secs_f64()
    }
}

impl AsSecs for SimTime {
    #[inline]
    fn as_secs(self) -> f64 {
        self.as_secs_f64()
    }
}

/// Serializes an optional [`Duration`] as seconds (a number) or null, as figures read
/// in JSON.
pub(crate) fn opt_secs<S: serde::Serializer>(
    d: &Option<Duration>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&d.as_secs_f64()),
        None => s.serialize_none(),
    }
}
