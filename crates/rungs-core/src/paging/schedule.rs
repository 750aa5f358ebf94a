//! The coming week of every rotation, as a timeline: [`schedule_week`].

use super::stretches::{push_merged, rotation_stretches, schedule_stretches};
use super::{readable_instant, Lookup};
use crate::id::PersonId;
use crate::model::{Kind, Ladder};
use crate::oncall::{self, format_span, Span};
use crate::overview::describe_windows;
use crate::time::{Instant, TimeZoneName};

const DAY_MS: i64 = 86_400_000;

/// At most this many turns of one rotation are walked for a week (a week of 30-minute
/// shifts is 336). A lane with more, only possible with tiny shifts, stops there and
/// says so ([`Lane::truncated`]).
pub const MAX_SEGMENTS_PER_LANE: usize = 400;

/// Every rotation's next seven days, drawn as lanes over one time axis: positions are
/// fractions of the week (0 is `from`, "now"; 1 is seven days later).
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleView {
    /// The IANA zone labels are read in.
    pub zone: String,
    /// Start of the week shown ("now").
    pub from: Instant,
    /// End of the week shown, seven days (168 hours) later.
    pub to: Instant,
    /// `"Sat 14 Mar, 03:00 UTC – Sat 21 Mar, 03:00 UTC"`.
    pub label: String,
    /// Where "now" is: always 0, the start of the axis.
    pub now: f64,
    /// "Now" for people: `"Sat 14 Mar, 03:00 UTC"`.
    pub now_label: String,
    /// Each local midnight inside the week, for the axis's ticks.
    pub days: Vec<DayMark>,
    /// One lane per rotation, then one per schedule, in document order.
    pub lanes: Vec<Lane>,
}

/// A local midnight on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct DayMark {
    /// Position, a fraction of the week.
    pub at: f64,
    /// The day it begins: `"Sun 15 Mar"`.
    pub label: String,
}

/// One rotation's or one schedule's week.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// Position in `ladder.rotations` (what [`super::upcoming_shifts`] takes), or in
    /// `ladder.schedules` for a schedule's lane (whose `pointer` says which).
    pub index: usize,
    /// JSON Pointer of the rotation (`/rotations/i`).
    pub pointer: String,
    /// Rotation id.
    pub id: String,
    /// Rotation name.
    pub name: String,
    /// Its window with its zone (`"every day 07:00–16:00 Asia/Singapore"`), or `None`
    /// around the clock.
    pub window: Option<String>,
    /// When somebody of it is on call, in order: inside its window, during turns of
    /// people in `people`; touching turns of the same person are one segment.
    pub segments: Vec<SegmentView>,
    /// When nobody of it is on call, in order (up to the cut of a truncated lane).
    pub gaps: Vec<GapView>,
    /// Whether more than [`MAX_SEGMENTS_PER_LANE`] turns fell in the week: then
    /// segments and gaps stop at the last turn walked.
    pub truncated: bool,
}

/// A stretch of the week during which one person is on call.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentView {
    /// Display name.
    pub person: String,
    /// Their id.
    pub person_id: PersonId,
    /// When it begins.
    pub from: Instant,
    /// When it ends.
    pub to: Instant,
    /// Position of its start, a fraction of the week.
    pub start: f64,
    /// Position of its end, a fraction of the week.
    pub end: f64,
    /// For people and screen readers: `"APAC primary: Emi Sato, Sat 14 Mar 03:00–08:00
    /// UTC"`.
    pub label: String,
}

/// A stretch of the week during which nobody of a rotation is on call.
#[derive(Debug, Clone, PartialEq)]
pub struct GapView {
    /// When it begins.
    pub from: Instant,
    /// When it ends.
    pub to: Instant,
    /// Position of its start, a fraction of the week.
    pub start: f64,
    /// Position of its end, a fraction of the week.
    pub end: f64,
    /// `"APAC primary: nobody on call, Sat 14 Mar 08:00 – Sun 15 Mar 23:00 UTC"`.
    pub label: String,
}

/// The week's axis: its bounds, and how a zone's labels are written.
struct Axis<'z> {
    from: i64,
    to: i64,
    zone: &'z TimeZoneName,
}

impl<'z> Axis<'z> {
    /// The seven days (168 hours) from `start` (epoch milliseconds).
    fn week(start: i64, zone: &'z TimeZoneName) -> Self {
        Axis {
            from: start,
            to: start.saturating_add(7 * DAY_MS),
            zone,
        }
    }

    fn at(&self, t: i64) -> f64 {
        (t - self.from) as f64 / (self.to - self.from).max(1) as f64
    }

    fn when(&self, span: Span) -> String {
        format!("{} {}", format_span(self.zone.tz(), span), self.zone)
    }
}

/// The seven days (168 hours) from `from`: each rotation's on-call stretches and gaps,
/// then each layered schedule's (who it pages, by layer), labels read in `zone`. Windows
/// apply: a shift's hours outside its rotation's window are a gap. Work is bounded by [`MAX_SEGMENTS_PER_LANE`] turns per rotation.
pub fn schedule_week(ladder: &Ladder, from: Instant, zone: &TimeZoneName) -> ScheduleView {
    let axis = Axis::week(from.as_millis(), zone);
    let lookup = Lookup::new(ladder);
    let to = Instant::from_millis(axis.to);
    ScheduleView {
        zone: zone.to_string(),
        from,
        to,
        label: format!(
            "{} – {}",
            readable_instant(from, zone),
            readable_instant(to, zone)
        ),
        now: 0.0,
        now_label: readable_instant(from, zone),
        days: day_marks(&axis),
        lanes: (0..ladder.rotations.len())
            .map(|i| lane(&lookup, i, &axis))
            .chain((0..ladder.schedules.len()).map(|s| schedule_lane(&lookup, s, &axis)))
            .collect(),
    }
}

/// Whose weeks [`weeks_of`] draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanesOf {
    /// A rotation, by position in `ladder.rotations`.
    Rotation(usize),
    /// A layered schedule, by position in `ladder.schedules`.
    Schedule(usize),
}

/// The next `weeks` weeks from `from` of a rotation or a schedule, one lane per week of
/// seven days (168 hours), for a calendar strip of who is on call: each lane's `name` is
/// the week's first day (`"Sat 14 Mar"`, read in `zone`) and its segments and gaps are
/// placed on that week's own axis; overrides, windows and layers apply as in
/// [`schedule_week`]. Empty for an entry that does not exist; at most 12 weeks.
pub fn weeks_of(
    ladder: &Ladder,
    of: LanesOf,
    from: Instant,
    weeks: usize,
    zone: &TimeZoneName,
) -> Vec<Lane> {
    let exists = match of {
        LanesOf::Rotation(i) => i < ladder.rotations.len(),
        LanesOf::Schedule(s) => s < ladder.schedules.len(),
    };
    if !exists {
        return Vec::new();
    }
    let lookup = Lookup::new(ladder);
    let tz = zone.tz();
    let day = |ms: i64| {
        crate::time::civil_text::day(tz.to_datetime(Instant::from_millis(ms).timestamp()).date())
    };
    (0..weeks.min(12) as i64)
        .map(|w| {
            let axis = Axis::week(from.as_millis().saturating_add(w * 7 * DAY_MS), zone);
            let lane = match of {
                LanesOf::Rotation(i) => lane(&lookup, i, &axis),
                LanesOf::Schedule(s) => schedule_lane(&lookup, s, &axis),
            };
            Lane {
                name: day(axis.from),
                ..lane
            }
        })
        .collect()
}

/// The local midnights strictly inside the axis.
fn day_marks(axis: &Axis) -> Vec<DayMark> {
    let tz = axis.zone.tz();
    let ts = |ms: i64| Instant::from_millis(ms).timestamp();
    let mut day = tz.to_datetime(ts(axis.from)).date();
    let mut marks = Vec::new();
    while let Ok(next) = day.tomorrow() {
        day = next;
        let Ok(midnight) = tz.to_ambiguous_timestamp(day.at(0, 0, 0, 0)).compatible() else {
            break;
        };
        let t = midnight.as_millisecond();
        if t >= axis.to {
            break;
        }
        marks.push(DayMark {
            at: axis.at(t),
            label: crate::time::civil_text::day(day),
        });
    }
    marks
}

/// Rotation `i`'s lane.
fn lane(lookup: &Lookup, i: usize, axis: &Axis) -> Lane {
    let rot = &lookup.ladder.rotations[i];
    let (on, cut) = on_call_spans(lookup, i, axis);
    let person = |p: usize| &lookup.ladder.people[p];
    let segments = on
        .iter()
        .map(|&(span, p)| SegmentView {
            person: person(p).name.clone(),
            person_id: person(p).id.clone(),
            from: Instant::from_millis(span.start),
            to: Instant::from_millis(span.end),
            start: axis.at(span.start),
            end: axis.at(span.end),
            label: format!("{}: {}, {}", rot.name, person(p).name, axis.when(span)),
        })
        .collect();
    let covered: Vec<Span> = on.iter().map(|&(s, _)| s).collect();
    let gaps = gap_views(axis, covered, cut, &format!("{}: nobody on call", rot.name));
    Lane {
        index: i,
        pointer: Kind::Rotation.pointer(i),
        id: rot.id.to_string(),
        name: rot.name.clone(),
        window: rot
            .window_list()
            .map(|w| format!("{} {}", describe_windows(w), rot.timezone)),
        segments,
        gaps,
        truncated: cut < axis.to,
    }
}

/// When in the week rotation `i` has a known person on call (with their position in
/// `people`), touching stretches of one person merged (an override of the member on turn
/// too); and where the walk stopped (the end of the week unless more than
/// [`MAX_SEGMENTS_PER_LANE`] turns fell in it).
fn on_call_spans(lookup: &Lookup, i: usize, axis: &Axis) -> (Vec<(Span, usize)>, i64) {
    let walk = rotation_stretches(lookup, i, (axis.from, axis.to), MAX_SEGMENTS_PER_LANE);
    let mut merged = Vec::new();
    for (span, by) in walk.on {
        push_merged(&mut merged, span, by.person);
    }
    (merged, walk.cut)
}

/// Schedule `s`'s lane over `axis`: a segment per stretch of one person in one layer,
/// and the gaps in which no layer has anyone on call. Bounded like a rotation's lane:
/// [`MAX_SEGMENTS_PER_LANE`] turns per layer stretch.
fn schedule_lane(lookup: &Lookup, s: usize, axis: &Axis) -> Lane {
    let ladder = lookup.ladder;
    let schedule = &ladder.schedules[s];
    // bounded as a rotation's lane is, per layer
    let max_turns = MAX_SEGMENTS_PER_LANE * schedule.layers.len().max(1);
    let walk = schedule_stretches(lookup, s, (axis.from, axis.to), max_turns);
    let cut = walk.cut;
    // (person, layer from 1) for each stretch, touching ones of one key merged
    let mut on: Vec<(Span, (usize, usize))> = Vec::new();
    for (span, j, _, by) in walk.on {
        push_merged(&mut on, span, (by.person, j + 1));
    }
    let layer_name = |layer: usize| {
        let id = &schedule.layers[layer - 1];
        let name = rotation_name(lookup, id.as_str());
        format!("layer {layer}, {name}")
    };
    let segments = on
        .iter()
        .map(|&(span, (p, layer))| {
            let person = &ladder.people[p];
            SegmentView {
                person: person.name.clone(),
                person_id: person.id.clone(),
                from: Instant::from_millis(span.start),
                to: Instant::from_millis(span.end),
                start: axis.at(span.start),
                end: axis.at(span.end),
                label: format!(
                    "{}: {} ({}), {}",
                    schedule.name,
                    person.name,
                    layer_name(layer),
                    axis.when(span)
                ),
            }
        })
        .collect();
    let covered: Vec<Span> = on.iter().map(|&(s, _)| s).collect();
    let says = format!("{}: no layer has anyone on call", schedule.name);
    let gaps = gap_views(axis, covered, cut, &says);
    let top_first: Vec<&str> = (schedule.layers.iter().rev())
        .map(|id| rotation_name(lookup, id.as_str()))
        .collect();
    Lane {
        index: s,
        pointer: Kind::Schedule.pointer(s),
        id: schedule.id.to_string(),
        name: schedule.name.clone(),
        window: Some(format!(
            "schedule, top layer first: {}",
            top_first.join(", ")
        )),
        segments,
        gaps,
        truncated: cut < axis.to,
    }
}

/// The name of rotation `id`, or the id itself when it does not resolve.
fn rotation_name<'a>(lookup: &Lookup<'a>, id: &'a str) -> &'a str {
    (lookup.rotations.get(id)).map_or(id, |&r| lookup.ladder.rotations[r].name.as_str())
}

/// The gaps of a lane: the time of the axis up to `cut` that `covered` leaves, each
/// labelled `"{says}, {when}"`.
fn gap_views(axis: &Axis, covered: Vec<Span>, cut: i64, says: &str) -> Vec<GapView> {
    oncall::gaps(&[covered], axis.from, cut)
        .into_iter()
        .map(|g| GapView {
            from: Instant::from_millis(g.start),
            to: Instant::from_millis(g.end),
            start: axis.at(g.start),
            end: axis.at(g.end),
            label: format!("{says}, {}", axis.when(g)),
        })
        .collect()
}
