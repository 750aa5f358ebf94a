//! On-call calendars: the shifts of a rotation, a layered schedule or a person over the
//! next weeks, as an iCalendar file (RFC 5545) that calendar apps import, with the zone's
//! rules so they show local times.
//!
//! **What a calendar shows.** Exactly the shifts of the designer's schedule and coverage
//! heatmap: the stretches [`crate::paging`] walks over turns (hand-offs at local time for
//! shifts of whole days), windows and overrides, for people in `people`. Touching
//! stretches of one person are one event; an override is its own event and splits the
//! shift it falls in (the member's time before and after it are two events), so an
//! override can be told apart and keeps its own identity when the rotation changes. A
//! person's calendar is the union of their stretches in every rotation (their turns and
//! the overrides naming them), each event naming its rotation; two rotations at once are
//! two overlapping events.
//!
//! **A schedule's calendar** shows whom the schedule pages: for each stretch in which a
//! layer is the highest with someone on call ([`crate::coverage::schedule_layers`]), that
//! layer's rotation's stretches cut to it, each event naming the schedule and the layer
//! ([`ScheduleLayer`]). Its events never overlap and cover exactly the time some layer has
//! someone on call (see `schedule`).
//!
//! **Whole events.** The calendar has every stretch that overlaps `[from, from + weeks)`,
//! whole: one under way at `from` starts at its real start, found up to
//! [`LOOK_AROUND_MS`] before `from` (and ends at its real end, up to as long after the
//! range). A stretch that runs longer than that (a rotation of one member, around the
//! clock) is cut there.
//!
//! **Identity.** Each event's `UID` is made of its start instant, its rotation's id and
//! the ladder's name, so importing a later export of the same ladder updates the events
//! instead of adding copies (and a rotation's and a person's calendar give one shift the
//! same `UID`). A schedule's event has the schedule's id instead (`...-schedule.{id}@...`,
//! with a `.` that no id holds), as its stretch is its own. A shift that moves or changes
//! hands is a new event: importing a file never deletes the old one from a calendar.
//!
//! Pure: the instants (`from`, the `DTSTAMP`) are parameters; the writing is in `ics`.
//! The entry points are [`calendar`] (everything at once), or [`head`],
//! [`on_call_events`] and [`to_ics`] apart. A new source needs a [`CalendarSource`]
//! variant, an arm in [`head`] and one in [`on_call_events`].

mod ics;
mod schedule;

pub use ics::to_ics;

use foldhash::HashMap;

use crate::id::{PersonId, RotationId, ScheduleId};
use crate::model::Ladder;
use crate::oncall::Span;
use crate::paging::{rotation_stretches, Lookup, OnCallBy};
use crate::time::{Instant, TimeZoneName};

const WEEK_MS: i64 = 7 * 86_400_000;

/// The most weeks one calendar covers.
pub const MAX_WEEKS: u32 = 104;

/// The weeks a calendar covers when nobody says.
pub const DEFAULT_WEEKS: u32 = 4;

/// How far before and after the range a stretch overlapping it is followed to its real
/// start and end: four weeks, the longest shift a rotation commonly has.
pub const LOOK_AROUND_MS: i64 = 4 * WEEK_MS;

/// The most turns walked for one calendar, over all its rotations (about two years of
/// hourly shifts); a calendar that would need more stops there ([`OnCallEvents::truncated`]).
pub const MAX_TURNS: usize = 20_000;

/// Whose shifts a calendar shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarSource {
    /// One rotation's: everyone it puts on call, read in the rotation's zone.
    Rotation(RotationId),
    /// One layered schedule's: whom it pages, layer by layer, read in its lowest layer's
    /// rotation's zone (UTC when no layer names a rotation).
    Schedule(ScheduleId),
    /// One person's, in every rotation (turns and overrides), read in their zone.
    Person(PersonId),
}

/// Why a calendar cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The ladder has no rotation with this id.
    #[error("the ladder has no rotation `{id}`{}", suggestion(.did_you_mean))]
    UnknownRotation {
        /// The id asked for.
        id: RotationId,
        /// A rotation id close to it, if any.
        did_you_mean: Option<String>,
    },
    /// The ladder has no schedule with this id.
    #[error("the ladder has no schedule `{id}`{}", suggestion(.did_you_mean))]
    UnknownSchedule {
        /// The id asked for.
        id: ScheduleId,
        /// A schedule id close to it, if any.
        did_you_mean: Option<String>,
    },
    /// The ladder has no person with this id.
    #[error("the ladder has no person `{id}`{}", suggestion(.did_you_mean))]
    UnknownPerson {
        /// The id asked for.
        id: PersonId,
        /// A person id close to it, if any.
        did_you_mean: Option<String>,
    },
    /// The number of weeks is not within 1 to [`MAX_WEEKS`].
    #[error("a calendar covers 1 to {MAX_WEEKS} weeks, not {weeks}")]
    Weeks {
        /// The number asked for.
        weeks: u32,
    },
    /// The range (with [`LOOK_AROUND_MS`] on each side) leaves the years 1 to 9999 that
    /// iCalendar can write.
    #[error("a calendar from {from} cannot be written: iCalendar dates run from year 1 to 9999")]
    OutOfRange {
        /// The start asked for.
        from: Instant,
    },
}

fn suggestion(did_you_mean: &Option<String>) -> String {
    did_you_mean
        .as_ref()
        .map(|id| format!("; did you mean `{id}`?"))
        .unwrap_or_default()
}

/// What a calendar is called and where its times are read.
#[derive(Debug, Clone)]
pub struct CalendarHead {
    /// The calendar's name, as calendar apps show it: `"On call: Primary (Acme
    /// Payments)"`.
    pub title: String,
    /// The zone its events are written in: the rotation's, the person's, or a schedule's
    /// lowest layer's rotation's.
    pub zone: TimeZoneName,
    /// A file name for it: `"acme-payments-primary.ics"`.
    pub file_name: String,
    /// The ladder's name.
    pub ladder_name: String,
    /// The ladder's name in lowercase words (`"acme-payments"`), the right-hand side of
    /// every `UID`.
    pub ladder_slug: String,
}

/// One stretch of time during which one person is on call for one rotation (in a layer of
/// a schedule, for a schedule's calendar).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnCallEvent {
    /// When it begins.
    pub from: Instant,
    /// When it ends (not included).
    pub to: Instant,
    /// Who is on call.
    pub person: PersonId,
    /// Their display name.
    pub person_name: String,
    /// For which rotation.
    pub rotation: RotationId,
    /// The rotation's display name.
    pub rotation_name: String,
    /// Whether an override puts them on call (instead of the member on turn).
    pub is_override: bool,
    /// In a schedule's calendar, the schedule and the layer that pages them; `None` in a
    /// rotation's or a person's.
    pub layer: Option<ScheduleLayer>,
}

impl OnCallEvent {
    /// The event of `by` on call for rotation `r` (a position in `rotations`) during
    /// `span`, in `layer` of a schedule or in none.
    fn new(
        ladder: &Ladder,
        span: Span,
        r: usize,
        by: OnCallBy,
        layer: Option<ScheduleLayer>,
    ) -> Self {
        let (person, rot) = (&ladder.people[by.person], &ladder.rotations[r]);
        OnCallEvent {
            from: Instant::from_millis(span.start),
            to: Instant::from_millis(span.end),
            person: person.id.clone(),
            person_name: person.name.clone(),
            rotation: rot.id.clone(),
            rotation_name: rot.name.clone(),
            is_override: by.by_override.is_some(),
            layer,
        }
    }
}

/// The schedule and layer an event of a schedule's calendar pages through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleLayer {
    /// The schedule.
    pub schedule: ScheduleId,
    /// Its display name (its id when the name is blank).
    pub schedule_name: String,
    /// The layer, 1 the lowest (its position in the schedule's `layers`, from 1).
    pub layer: usize,
}

/// The events of a calendar, in order of start (then of rotation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnCallEvents {
    /// The events.
    pub events: Vec<OnCallEvent>,
    /// Whether more than [`MAX_TURNS`] turns fell in the range (only possible with very
    /// short shifts): then the events stop at the last turn walked.
    pub truncated: bool,
}

/// A finished calendar file.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// What it is called, its zone and file name.
    pub head: CalendarHead,
    /// The iCalendar text (CRLF line ends, folded at 75 octets).
    pub ics: String,
    /// How many events it holds.
    pub events: usize,
    /// Whether it stops early ([`OnCallEvents::truncated`]).
    pub truncated: bool,
}

/// The calendar of `source` for `weeks` weeks from `from`, stamped `stamp` (the
/// `DTSTAMP` of every event: when it was made).
pub fn calendar(
    ladder: &Ladder,
    source: &CalendarSource,
    from: Instant,
    weeks: u32,
    stamp: Instant,
) -> Result<Calendar, CalendarError> {
    let head = head(ladder, source)?;
    let found = on_call_events(ladder, source, from, weeks)?;
    Ok(Calendar {
        ics: to_ics(&head, &found.events, stamp),
        events: found.events.len(),
        truncated: found.truncated,
        head,
    })
}

/// What the calendar of `source` is called, its zone and file name.
pub fn head(ladder: &Ladder, source: &CalendarSource) -> Result<CalendarHead, CalendarError> {
    let lookup = Lookup::new(ladder);
    let (name, zone, id) = match source {
        CalendarSource::Rotation(id) => {
            let rot = &ladder.rotations[rotation_index(&lookup, id)?];
            (&rot.name, rot.timezone.clone(), id.as_str())
        }
        CalendarSource::Schedule(id) => {
            let s = schedule::index(&lookup, id)?;
            let zone = schedule::zone(&lookup, s);
            (&ladder.schedules[s].name, zone, id.as_str())
        }
        CalendarSource::Person(id) => {
            let person = &ladder.people[person_index(&lookup, id)?];
            (&person.name, person.timezone.clone(), id.as_str())
        }
    };
    let ladder_slug = slug(&ladder.name);
    Ok(CalendarHead {
        title: format!("On call: {} ({})", shown(name, id), ladder.name),
        zone,
        file_name: format!("{ladder_slug}-{id}.ics"),
        ladder_name: ladder.name.clone(),
        ladder_slug,
    })
}

/// `name`, or `id` when the name is blank.
fn shown<'a>(name: &'a str, id: &'a str) -> &'a str {
    if name.trim().is_empty() {
        id
    } else {
        name
    }
}

/// The ladder's name in lowercase words joined by `-` (`"ladder"` when it has none), as
/// its file name is made.
fn slug(name: &str) -> String {
    let file = crate::share::file_name(name);
    file.strip_suffix(".json").unwrap_or(&file).to_string()
}

fn rotation_index(lookup: &Lookup, id: &RotationId) -> Result<usize, CalendarError> {
    position(&lookup.rotations, id).map_err(|did_you_mean| CalendarError::UnknownRotation {
        id: id.clone(),
        did_you_mean,
    })
}

fn person_index(lookup: &Lookup, id: &PersonId) -> Result<usize, CalendarError> {
    position(&lookup.people, id).map_err(|did_you_mean| CalendarError::UnknownPerson {
        id: id.clone(),
        did_you_mean,
    })
}

/// The position of `id` in `positions` (one of [`Lookup`]'s indexes), or else the known id
/// closest to it, if any.
fn position(positions: &HashMap<&str, usize>, id: &str) -> Result<usize, Option<String>> {
    (positions.get(id).copied()).ok_or_else(|| closest(id, positions.keys()))
}

fn closest<'a>(id: &str, known: impl Iterator<Item = &'a &'a str>) -> Option<String> {
    let mut known: Vec<&str> = known.copied().collect();
    // the map's order is random: sort, so a tie always suggests the same id
    known.sort_unstable();
    crate::text::closest(id, known).map(str::to_string)
}

/// The rotations that can put person `id` on call (as a member or by an override), and
/// the person's position in `people`.
fn person_rotations(lookup: &Lookup, id: &PersonId) -> Result<(Vec<usize>, usize), CalendarError> {
    let p = person_index(lookup, id)?;
    let names = |r: &&crate::model::Rotation| {
        r.members.iter().any(|m| m == id) || r.overrides.iter().any(|o| o.person == *id)
    };
    let rotations = (lookup.ladder.rotations.iter().enumerate())
        .filter(|(_, r)| names(r))
        .map(|(i, _)| i)
        .collect();
    Ok((rotations, p))
}

/// The stretches of `source` overlapping the `weeks` weeks from `from`, whole (see the
/// module documentation), in order of start.
pub fn on_call_events(
    ladder: &Ladder,
    source: &CalendarSource,
    from: Instant,
    weeks: u32,
) -> Result<OnCallEvents, CalendarError> {
    if !(1..=MAX_WEEKS).contains(&weeks) {
        return Err(CalendarError::Weeks { weeks });
    }
    let start = from.as_millis();
    let end = start + i64::from(weeks) * WEEK_MS;
    let walk = (start - LOOK_AROUND_MS, end + LOOK_AROUND_MS);
    if !ics::writable(walk.0) || !ics::writable(walk.1) {
        return Err(CalendarError::OutOfRange { from });
    }
    let lookup = Lookup::new(ladder);
    // the rotations to walk, and whom of them the calendar shows (`None`: everyone)
    let (rotations, only) = match source {
        CalendarSource::Rotation(id) => (vec![rotation_index(&lookup, id)?], None),
        CalendarSource::Person(id) => {
            let (rotations, p) = person_rotations(&lookup, id)?;
            (rotations, Some(p))
        }
        CalendarSource::Schedule(id) => {
            let s = schedule::index(&lookup, id)?;
            return Ok(schedule::events(&lookup, s, walk, (start, end)));
        }
    };
    let mut budget = MAX_TURNS;
    let mut truncated = false;
    let mut events = Vec::new();
    for r in rotations {
        let stretches = rotation_stretches(&lookup, r, walk, budget);
        budget -= stretches.walked;
        truncated |= stretches.cut < walk.1;
        let overlaps = |s: &Span| s.end > start && s.start < end;
        for (span, by) in stretches.on {
            if !overlaps(&span) || only.is_some_and(|p| p != by.person) {
                continue;
            }
            events.push(OnCallEvent::new(ladder, span, r, by, None));
        }
    }
    // stable: events of one start keep the order of their rotations
    events.sort_by_key(|e| e.from);
    Ok(OnCallEvents { events, truncated })
}

#[cfg(test)]
mod tests;
