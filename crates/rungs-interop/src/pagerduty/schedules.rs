//! Schedules of the vendor model into the ladder: a rotation per layer (restrictions as
//! windows), a layered schedule for several layers, overrides on the top layer.

use rungs_core::{
    ClockTime, Duration, Instant, Override, RotationId, Shift, Target, TimeZoneName, Weekday,
    Window,
};

use crate::build::Builder;
use crate::notes::{ImportError, SourceRef};

use super::{emit, Layer, Pending, Restriction, Schedule, DAY_MINUTES, WEEK_MINUTES};

/// A schedule's rotations (one per layer) and, with several layers, a layered schedule.
/// Returns what a rule's schedule target becomes.
pub(super) fn schedule(b: &mut Builder, s: &Schedule) -> Result<Option<Target>, ImportError> {
    if s.unknown {
        emit(b, &s.pending, "");
        b.notes.warn(
            s.src.clone(),
            format!(
                "schedule \"{}\" is a data source: its layers are in PagerDuty, not in these files, so rules that page it page nobody here; import the schedule's JSON too",
                s.name
            ),
        );
        return Ok(None);
    }
    let zone = b.timezone(
        s.time_zone.as_deref(),
        &s.src,
        &format!("Schedule \"{}\"", s.name),
    );
    let mut layers: Vec<RotationId> = Vec::new();
    let several = s.layers.len() > 1;
    for (n, layer) in s.layers.iter().enumerate() {
        if let Some(id) = rotation(b, s, n, layer, several, &zone)? {
            if !layers.contains(&id) {
                layers.push(id);
            }
        }
    }
    if !s.overrides.is_empty() {
        if let Some(top) = layers.last().cloned() {
            overrides(b, s, &top);
        } else {
            for o in &s.overrides {
                b.notes.warn(o.src.clone(), format!("an override of schedule \"{}\" is left out: the schedule has no layer to put it on", s.name));
            }
        }
    }
    let target = match layers.len() {
        0 => {
            b.notes.warn(
                s.src.clone(),
                format!(
                    "schedule \"{}\" has no layer with someone on it: rules that page it page nobody here",
                    s.name
                ),
            );
            None
        }
        1 if !several => Some(Target::Rotation(layers[0].clone())),
        _ => {
            let id = b.schedule(&s.key, &s.name, layers);
            Some(Target::Schedule(id))
        }
    };
    let at = match &target {
        Some(Target::Schedule(id)) => b
            .ladder()
            .schedules
            .iter()
            .position(|x| &x.id == id)
            .map(|i| format!("/schedules/{i}")),
        Some(Target::Rotation(id)) => rotation_index(b, id).map(|i| format!("/rotations/{i}")),
        _ => None,
    };
    emit(b, &s.pending, at.as_deref().unwrap_or(""));
    Ok(target)
}

fn rotation_index(b: &Builder, id: &RotationId) -> Option<usize> {
    b.ladder().rotations.iter().position(|r| &r.id == id)
}

fn instant(s: &str, src: &SourceRef, what: &str) -> Result<Instant, ImportError> {
    Instant::parse(s).map_err(|e| ImportError::at_source(src, format!("{what}: {e}")))
}

/// One layer as a rotation (reusing an equal rotation already imported).
fn rotation(
    b: &mut Builder,
    s: &Schedule,
    n: usize,
    layer: &Layer,
    several: bool,
    zone: &TimeZoneName,
) -> Result<Option<RotationId>, ImportError> {
    let layer_label = layer
        .name
        .clone()
        .filter(|x| !x.trim().is_empty())
        .unwrap_or_else(|| format!("Layer {}", n + 1));
    let whose = format!("layer \"{layer_label}\" of schedule \"{}\"", s.name);
    if layer.users.is_empty() {
        b.notes
            .warn(layer.src.clone(), format!("{whose} has no users: left out"));
        return Ok(None);
    }
    let members: Vec<_> = layer
        .users
        .iter()
        .map(|(k, src)| b.person_or_stand_in(k, src))
        .collect();
    let start_text = layer
        .virtual_start
        .as_deref()
        .or(layer.start.as_deref())
        .ok_or_else(|| {
            ImportError::at_source(&layer.src, format!("{whose} has no rotation_virtual_start"))
        })?;
    let start = instant(start_text, &layer.src_start, &whose)?;
    let mut pending: Vec<Pending> = Vec::new();
    if layer.virtual_start.is_none() {
        pending.push(Pending::info(
            layer.src.clone(),
            format!("{whose} has no rotation_virtual_start: its turns count from its start"),
        ));
    }
    if let Some(ls) = &layer.start {
        let begins = instant(ls, &layer.src_start, &whose)?;
        if begins > start {
            pending.push(Pending::warn(layer.src_start.clone(), format!("{whose} starts at {ls}, after its turns began ({start_text}); Rungs rotations have no start date, so its members are on call before that too")));
        }
    }
    if let Some(end) = &layer.end {
        pending.push(Pending::warn(
            layer.src_end.clone(),
            format!("{whose} ends at {end}; Rungs rotations do not end, so it keeps going"),
        ));
    }
    let secs = layer.turn_seconds;
    let shift = if secs % 86_400 == 0 {
        Shift::new(Duration::from_secs(secs))
    } else {
        pending.push(Pending::info(layer.src_turn.clone(), format!("{whose} hands over every {secs} seconds, not a whole number of days: a fixed-length shift, whatever the clocks do")));
        Shift::fixed(Duration::from_secs(secs))
    };
    let windows = windows(&layer.restrictions, &whose, &mut pending);
    let name = if !several {
        s.name.clone()
    } else if layer.name.as_deref().is_none_or(generic_layer_name) {
        format!("{} {}", s.name, layer_label)
    } else {
        layer_label.clone()
    };
    let mut rot = crate::rotation::imported(name, members, shift, start, zone.clone(), windows);
    // The same rotation written twice (a rotation exported alone and as a layer) is one.
    let same = b.ladder().rotations.iter().find(|r| {
        r.name == rot.name
            && r.members == rot.members
            && r.shift == rot.shift
            && r.start == rot.start
            && r.timezone.as_str() == rot.timezone.as_str()
            && r.window_list() == rot.window_list()
    });
    let id = match same {
        Some(r) => r.id.clone(),
        None => {
            if b.ladder().rotations.iter().any(|r| r.name == rot.name) {
                rot.name = format!("{} ({})", rot.name, s.name);
            }
            b.rotation(&format!("{}#{n}", s.key), rot)
        }
    };
    let i = rotation_index(b, &id).unwrap_or(0);
    emit(b, &pending, &format!("/rotations/{i}"));
    Ok(Some(id))
}

/// PagerDuty's default layer names ("Layer 1"), which say nothing alone.
fn generic_layer_name(name: &str) -> bool {
    let name = name.trim();
    name.is_empty()
        || name
            .strip_prefix("Layer")
            .is_some_and(|rest| rest.trim().chars().all(|c| c.is_ascii_digit()))
}

/// `HH:MM:SS` or `HH:MM` as minutes since midnight, seconds dropped with a flag.
pub(crate) fn time_of_day(s: &str) -> Option<(u64, bool)> {
    let parts: Vec<&str> = s.split(':').collect();
    let num = |p: &str| {
        (p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u64>().ok())
            .flatten()
    };
    let (h, m, sec) = match parts.as_slice() {
        [h, m] => (num(h)?, num(m)?, 0),
        [h, m, s] => (num(h)?, num(m)?, num(s)?),
        _ => return None,
    };
    (h < 24 && m < 60 && sec < 60).then_some((h * 60 + m, sec != 0))
}

fn clock(minutes: u64) -> ClockTime {
    let m = (minutes % DAY_MINUTES) as u16;
    ClockTime::new(m / 60, m % 60).expect("under a day")
}

/// A stretch of the week (opening minute of the week from Monday 00:00, length in
/// minutes, under a week) as a Rungs window opening on one day.
pub(crate) fn window_of(open: u64, len: u64) -> Window {
    let open = open % WEEK_MINUTES;
    let day = Weekday::ALL[(open / DAY_MINUTES) as usize];
    let close = open + len;
    let from = clock(open);
    let to = clock(close);
    let to_day =
        (len >= DAY_MINUTES).then(|| Weekday::ALL[((close % WEEK_MINUTES) / DAY_MINUTES) as usize]);
    Window {
        days: vec![day],
        from,
        to,
        to_day,
    }
}

/// The restrictions as windows: a daily restriction opens every day, a weekly one on
/// its day; weekly ones with the same hours are one window on several days.
fn windows(rs: &[Restriction], whose: &str, pending: &mut Vec<Pending>) -> Vec<Window> {
    let mut out: Vec<Window> = Vec::new();
    for r in rs {
        let Some((start, rounded)) = time_of_day(&r.start_time_of_day) else {
            pending.push(Pending::warn(r.src.clone(), format!("{whose} has a restriction starting at \"{}\", not a time of day: left out, so the layer covers more", r.start_time_of_day)));
            continue;
        };
        if rounded {
            pending.push(Pending::info(
                r.src.clone(),
                format!(
                    "{whose}'s restriction starts at {}: rounded down to the minute",
                    r.start_time_of_day
                ),
            ));
        }
        let mut len = r.duration_seconds / 60;
        if r.duration_seconds % 60 != 0 {
            len = r.duration_seconds.div_ceil(60);
            pending.push(Pending::info(
                r.src.clone(),
                format!(
                    "{whose}'s restriction lasts {} seconds: rounded up to the minute",
                    r.duration_seconds
                ),
            ));
        }
        if len == 0 {
            pending.push(Pending::warn(
                r.src.clone(),
                format!("{whose} has a restriction of no length: left out"),
            ));
            continue;
        }
        match r.kind.as_str() {
            "daily_restriction" => {
                if len >= DAY_MINUTES {
                    pending.push(Pending::warn(r.src.clone(), format!("{whose} has a daily restriction of a day or more ({} seconds), which covers every hour: left out", r.duration_seconds)));
                    continue;
                }
                let mut w = window_of(start, len);
                w.days = Weekday::ALL.to_vec();
                out.push(w);
            }
            "weekly_restriction" => {
                let Some(day) = r.start_day_of_week.filter(|d| (1..=7).contains(d)) else {
                    pending.push(Pending::warn(r.src.clone(), format!("{whose} has a weekly restriction without a start_day_of_week from 1 (Monday) to 7 (Sunday): left out, so the layer covers more")));
                    continue;
                };
                if len >= WEEK_MINUTES {
                    pending.push(Pending::warn(r.src.clone(), format!("{whose} has a weekly restriction of a week or more, which covers every hour: left out")));
                    continue;
                }
                let w = window_of((day - 1) * DAY_MINUTES + start, len);
                let merged = out.iter_mut().find(|x| {
                    x.to_day.is_none()
                        && w.to_day.is_none()
                        && x.from == w.from
                        && x.to == w.to
                        && !x.days.contains(&w.days[0])
                });
                match merged {
                    Some(x) => {
                        x.days.push(w.days[0]);
                        x.days.sort();
                    }
                    None => out.push(w),
                }
            }
            other => pending.push(Pending::warn(
                r.src.clone(),
                format!(
                    "{whose} has a restriction of type \"{}\", which Rungs does not know: left out",
                    rungs_core::text::truncate_for_display(other, 40)
                ),
            )),
        }
    }
    out
}

/// The schedule's overrides on its top layer's rotation; overlapping or backward ones
/// are left out with a note.
fn overrides(b: &mut Builder, s: &Schedule, top: &RotationId) {
    let Some(i) = rotation_index(b, top) else {
        return;
    };
    for o in &s.overrides {
        let (Ok(from), Ok(to)) = (Instant::parse(&o.start), Instant::parse(&o.end)) else {
            b.notes.warn(o.src.clone(), format!("an override of schedule \"{}\" has a start or end that is not a date and time: left out", s.name));
            continue;
        };
        if to <= from {
            b.notes.warn(
                o.src.clone(),
                format!(
                    "an override of schedule \"{}\" ends before it starts: left out",
                    s.name
                ),
            );
            continue;
        }
        let person = b.person_or_stand_in(&o.user, &o.src);
        let rot = &b.ladder().rotations[i];
        if rot.overrides.iter().any(|x| x.from < to && from < x.to) {
            b.notes.warn(o.src.clone(), format!("an override of schedule \"{}\" overlaps an earlier one: left out (Rungs overrides of one rotation do not overlap)", s.name));
            continue;
        }
        let j = rot.overrides.len();
        b.ladder_mut().rotations[i]
            .overrides
            .push(Override { from, to, person });
        b.notes.info(o.src.clone(), format!("an override of schedule \"{}\" is put on its top layer: PagerDuty overrides replace whoever is on call in the whole schedule", s.name)).at(format!("/rotations/{i}/overrides/{j}"));
    }
}
