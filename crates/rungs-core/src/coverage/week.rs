//! The week's local dates and its 168 local hours, with what DST does to them.

use jiff::civil::Date;
use jiff::tz::{AmbiguousOffset, TimeZone};

use super::DAY_LABELS;
use crate::time::{Instant, TimeZoneName};

/// One local hour of the week.
pub(super) enum Slot {
    /// The hour exists and starts at this instant; `repeated` when a DST change repeats it.
    Hour { start: i64, repeated: bool },
    /// A DST change skips this local hour.
    Skipped,
}

pub(super) fn local_midnight(tz: &TimeZone, date: Date) -> i64 {
    tz.to_ambiguous_timestamp(date.at(0, 0, 0, 0))
        .compatible()
        .map_or(0, |ts| ts.as_millisecond())
}

/// The Monday of the week containing `at` (local in `tz`) and the eight local dates from
/// it to the next Monday.
pub(super) fn week_dates(tz: &TimeZone, at: Instant) -> (Date, Vec<Date>) {
    let today = tz.to_datetime(at.timestamp()).date();
    let mut monday = today;
    for _ in 0..today.weekday().to_monday_zero_offset() {
        monday = monday.yesterday().unwrap_or(monday);
    }
    let mut dates = Vec::with_capacity(8);
    let mut d = monday;
    for _ in 0..8 {
        dates.push(d);
        d = d.tomorrow().unwrap_or(d);
    }
    (monday, dates)
}

/// The 168 local hours of the week starting on `dates[0]`, and their tooltip prefixes.
pub(super) fn local_hours(
    tz: &TimeZone,
    dates: &[Date],
    zone: &TimeZoneName,
) -> (Vec<Slot>, Vec<String>) {
    let mut slots = Vec::with_capacity(168);
    let mut whens = Vec::with_capacity(168);
    for (day, date) in dates[..7].iter().enumerate() {
        for hour in 0..24i8 {
            let amb = tz.to_ambiguous_timestamp(date.at(hour, 0, 0, 0));
            let start =
                |ts: Result<jiff::Timestamp, jiff::Error>| ts.map_or(0, |t| t.as_millisecond());
            let slot = match amb.offset() {
                AmbiguousOffset::Unambiguous { .. } => Slot::Hour {
                    start: start(amb.compatible()),
                    repeated: false,
                },
                AmbiguousOffset::Fold { .. } => Slot::Hour {
                    start: start(amb.earlier()),
                    repeated: true,
                },
                AmbiguousOffset::Gap { .. } => Slot::Skipped,
            };
            let mut when = format!(
                "{} {hour:02}:00–{:02}:00 {zone}",
                DAY_LABELS[day],
                (hour + 1) % 24
            );
            match slot {
                Slot::Hour { repeated: true, .. } => when.push_str(" (first of two)"),
                Slot::Skipped => {
                    when.push_str(": this hour does not exist (the clocks go forward)")
                }
                Slot::Hour { .. } => {}
            }
            slots.push(slot);
            whens.push(when);
        }
    }
    (slots, whens)
}
