//! Opsgenie schedule rotations to Rungs rotations: type and length to the shift, the
//! start, participants to members, time restrictions to windows.

use rungs_core::{ClockTime, Duration, Instant, Rotation, Shift, Weekday, Window};

use crate::build::Builder;
use crate::notes::{ImportError, SourceRef};

use super::{People, Restriction, Rot, Sched, FALLBACK_START, MAX_SHIFT_HOURS};

/// Whether `b` is `a` again (in any time zone when `any_zone`, as a layer of an
/// exported layered schedule, which Opsgenie keeps in one zone, repeats a rotation).
pub(super) fn same_rotation(a: &Rotation, b: &Rotation, any_zone: bool) -> bool {
    a.name == b.name
        && a.members == b.members
        && a.shift == b.shift
        && a.start == b.start
        && (any_zone || a.timezone == b.timezone)
        && a.window_list() == b.window_list()
}

pub(super) fn rotation(
    b: &mut Builder,
    people: &People,
    s: &Sched,
    i: usize,
    r: &Rot,
    timezone: rungs_core::TimeZoneName,
) -> Result<Rotation, ImportError> {
    let name = match r.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => n.to_string(),
        None if s.rotations.len() == 1 => s.name.clone(),
        None => format!("{} rotation {}", s.name, i + 1),
    };
    let at = format!("/rotations/{}", b.ladder().rotations.len());
    let length = r.length.unwrap_or(1);
    if r.length.is_none() {
        b.notes
            .info(
                r.src.clone(),
                format!("rotation \"{name}\" has no length: 1, as Opsgenie defaults"),
            )
            .at(format!("{at}/shift"));
    }
    let kind = r.kind.as_deref().unwrap_or("weekly");
    let hours = match kind {
        "hourly" => 1,
        "daily" => 24,
        "weekly" => 24 * 7,
        other => {
            return Err(ImportError::at_source(
                &r.src,
                format!(
                    "rotation \"{name}\" has the type \"{}\": expected hourly, daily or weekly",
                    rungs_core::text::truncate_for_display(other, 30)
                ),
            ))
        }
    };
    if r.kind.is_none() {
        b.notes
            .warn(
                r.src.clone(),
                format!("rotation \"{name}\" has no type: weekly"),
            )
            .at(format!("{at}/shift"));
    }
    let total = length
        .checked_mul(hours)
        .filter(|h| (1..=MAX_SHIFT_HOURS).contains(h));
    let Some(total) = total else {
        return Err(ImportError::at_source(
            &r.src,
            format!(
                "rotation \"{name}\" is {length} {kind} turns long: expected from 1 hour to a year"
            ),
        ));
    };
    let shift = if kind == "hourly" {
        Shift::fixed(Duration::from_mins(total * 60))
    } else {
        Shift::new(Duration::from_mins(total * 60))
    };
    let start = match r.start.as_deref().map(Instant::parse) {
        Some(Ok(t)) => t,
        Some(Err(_)) | None => {
            let shown = r.start.as_deref().unwrap_or("missing");
            b.notes
                .warn(
                    r.src_start.clone(),
                    format!(
                        "rotation \"{name}\"'s start date ({}) cannot be read: it starts on {FALLBACK_START}; set the real start",
                        rungs_core::text::truncate_for_display(shown, 40)
                    ),
                )
                .at(format!("{at}/start"));
            Instant::parse(FALLBACK_START).expect("a valid instant")
        }
    };
    if let Some(end) = &r.end {
        b.notes
            .warn(
                r.src_end.clone(),
                format!(
                    "rotation \"{name}\" ends on {}; Rungs rotations do not end, so it runs on",
                    rungs_core::text::truncate_for_display(end, 40)
                ),
            )
            .at(at.clone());
    }
    let mut members = Vec::new();
    for p in &r.participants {
        match p.kind.as_str() {
            "user" => {
                if let Some(id) = people.find(b, p) {
                    members.push(id);
                }
            }
            "none" => {
                b.notes
                    .warn(
                        p.src.clone(),
                        format!("rotation \"{name}\" has a turn with nobody on call (\"none\"): Rungs rotations have no empty turns, so it is left out and the others' turns move up"),
                    )
                    .at(format!("{at}/members"));
            }
            other => {
                b.notes
                    .warn(
                        p.src.clone(),
                        format!(
                            "rotation \"{name}\" has a participant of type \"{}\", which Rungs cannot put in a rotation: left out",
                            rungs_core::text::truncate_for_display(other, 30)
                        ),
                    )
                    .at(format!("{at}/members"));
            }
        }
    }
    let windows = match &r.restriction {
        None => Vec::new(),
        Some(x) => windows(b, &name, &at, x)?,
    };
    Ok(crate::rotation::imported(
        name, members, shift, start, timezone, windows,
    ))
}

fn clock(name: &str, src: &SourceRef, (h, m): (u64, u64)) -> Result<ClockTime, ImportError> {
    let ok = |h: u64, m: u64| ClockTime::new(u16::try_from(h).ok()?, u16::try_from(m).ok()?);
    // 24:00 closes a day: Rungs writes it as 00:00 the same way.
    if h == 24 && m == 0 {
        return Ok(ClockTime::new(0, 0).expect("valid"));
    }
    ok(h, m).ok_or_else(|| {
        ImportError::at_source(
            src,
            format!("rotation \"{name}\"'s time restriction has the time {h}:{m:02}: expected 0:00 to 23:59"),
        )
    })
}

/// Opsgenie's day names (`monday`) to weekdays.
pub(crate) fn weekday(s: &str) -> Option<Weekday> {
    let s = s.trim().to_ascii_lowercase();
    Weekday::ALL
        .into_iter()
        .find(|d| s == d.as_str() || s == full_day(*d))
}

/// `monday` for Monday.
pub(crate) fn full_day(d: Weekday) -> &'static str {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ][d as usize]
}

pub(crate) fn next_day(d: Weekday) -> Weekday {
    Weekday::ALL[(d as usize + 1) % 7]
}

fn windows(
    b: &mut Builder,
    name: &str,
    at: &str,
    x: &Restriction,
) -> Result<Vec<Window>, ImportError> {
    match x.kind.as_str() {
        "time-of-day" => {
            let Some(s) = x.spans.first() else {
                b.notes
                    .warn(x.src.clone(), format!("rotation \"{name}\"'s time-of-day restriction has no times: it covers the whole day"))
                    .at(at.to_string());
                return Ok(Vec::new());
            };
            Ok(vec![Window {
                days: Weekday::ALL.to_vec(),
                from: clock(name, &s.src, s.start)?,
                to: clock(name, &s.src, s.end)?,
                to_day: None,
            }])
        }
        "weekday-and-time-of-day" => {
            let mut out: Vec<Window> = Vec::new();
            for s in &x.spans {
                let day = |d: Option<&str>, which: &str| {
                    d.and_then(weekday).ok_or_else(|| {
                        ImportError::at_source(
                            &s.src,
                            format!(
                                "rotation \"{name}\"'s restriction has the {which} day \"{}\": expected monday to sunday",
                                rungs_core::text::truncate_for_display(d.unwrap_or("missing"), 20)
                            ),
                        )
                    })
                };
                let (d0, d1) = (day(s.start_day.as_deref(), "start")?, day(s.end_day.as_deref(), "end")?);
                let (from, to) = (clock(name, &s.src, s.start)?, clock(name, &s.src, s.end)?);
                let plain = (d0 == d1 && to > from) || (d1 == next_day(d0) && to < from);
                let to_day = (!plain).then_some(d1);
                match out
                    .iter_mut()
                    .find(|w| w.from == from && w.to == to && w.to_day == to_day && !w.days.contains(&d0))
                {
                    Some(w) => w.days.push(d0),
                    None => out.push(Window { days: vec![d0], from, to, to_day }),
                }
            }
            if out.is_empty() {
                b.notes
                    .warn(x.src.clone(), format!("rotation \"{name}\"'s weekday restriction lists no days: it covers the whole week"))
                    .at(at.to_string());
            }
            Ok(out)
        }
        other => Err(ImportError::at_source(
            &x.src,
            format!(
                "rotation \"{name}\" has a time restriction of type \"{}\": expected time-of-day or weekday-and-time-of-day",
                rungs_core::text::truncate_for_display(other, 30)
            ),
        )),
    }
}
