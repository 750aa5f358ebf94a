//! Schedules and on-call shifts to rotations, layered schedules and overrides.

use std::collections::{HashMap, HashSet};

use rungs_core::time::{parse_picker, picker_value, ClockTime, Weekday};
use rungs_core::{Duration, Instant, Override, RotationId, Shift, Target, TimeZoneName, Window};

use super::{seconds, Model, OnCallShift, Sched};
use crate::build::Builder;
use crate::notes::ImportError;

const DAY: u64 = 24 * 3600;

/// Every schedule read, as the target a step that notifies it pages (`None`: nothing
/// Rungs can page, with a note saying why).
pub(super) fn schedules(
    b: &mut Builder,
    m: &Model,
) -> Result<HashMap<String, Option<Target>>, ImportError> {
    let mut shifts: HashMap<&str, &OnCallShift> = HashMap::new();
    for sh in &m.shifts {
        shifts.entry(sh.key.as_str()).or_insert(sh);
    }
    let mut used: HashSet<&str> = HashSet::new();
    let mut out = HashMap::new();
    for s in &m.schedules {
        if out.contains_key(&s.key) {
            continue;
        }
        let target = schedule(b, m, s, &shifts, &mut used)?;
        out.insert(s.key.clone(), target);
    }
    for sh in &m.shifts {
        if used.insert(sh.key.as_str()) {
            b.notes.info(
                sh.loc.base.clone(),
                format!(
                    "on-call shift {} is in no schedule these files hold: not imported",
                    sh.name
                ),
            );
        }
    }
    Ok(out)
}

fn schedule<'m>(
    b: &mut Builder,
    m: &'m Model,
    s: &'m Sched,
    shifts: &HashMap<&str, &'m OnCallShift>,
    used: &mut HashSet<&'m str>,
) -> Result<Option<Target>, ImportError> {
    let name = &s.name;
    match s.kind.as_str() {
        "ical" => {
            b.notes.warn(
                s.loc.at("type"),
                format!(
                    "schedule {name} is an iCal schedule: Rungs cannot read its calendar ({}), so it is left out",
                    s.ical_primary.as_deref().unwrap_or("no URL")
                ),
            );
            return Ok(None);
        }
        "web" | "calendar" => {}
        other => {
            b.notes.warn(
                s.loc.at("type"),
                format!(
                    "schedule {name} has a type Rungs does not know (\"{}\"): read as a calendar schedule",
                    rungs_core::text::truncate_for_display(other, 30)
                ),
            );
        }
    }
    if let Some(url) = &s.ical_overrides {
        b.notes.warn(
            s.loc.at("ical_url_overrides"),
            format!("schedule {name} takes overrides from the iCal calendar {url}, which Rungs cannot read: left out"),
        );
    }
    let mut keys: Vec<&str> = s.shifts.iter().map(String::as_str).collect();
    for sh in m
        .shifts
        .iter()
        .filter(|sh| sh.schedule.as_deref() == Some(&s.key))
    {
        if !keys.contains(&sh.key.as_str()) {
            keys.push(&sh.key);
        }
    }
    let mut layers: Vec<(i64, RotationId)> = Vec::new();
    let mut singles: Vec<&OnCallShift> = Vec::new();
    for k in keys {
        let Some(&sh) = shifts.get(k) else {
            b.notes.warn(
                s.loc.at("shifts"),
                format!("schedule {name} names on-call shift {k}, which is not in these files: left out; add the shifts' file"),
            );
            continue;
        };
        used.insert(&sh.key);
        if sh.kind == "single_event" {
            singles.push(sh);
        } else if let Some(id) = rotation(b, sh, s)? {
            if !layers.iter().any(|(_, l)| *l == id) {
                layers.push((sh.level, id));
            }
        }
    }
    layers.sort_by_key(|(level, _)| *level);
    for w in layers.windows(2) {
        if w[0].0 == w[1].0 {
            b.notes.info(
                s.loc.at("shifts"),
                format!(
                    "schedule {name} has shifts of the same level ({}): Rungs puts the one read later above",
                    w[0].0
                ),
            );
            break;
        }
    }
    for sh in singles {
        single_event(b, sh, s, layers.last().map(|(_, id)| id))?;
    }
    let ids: Vec<RotationId> = layers.into_iter().map(|(_, id)| id).collect();
    Ok(match ids.as_slice() {
        [] => {
            b.notes.warn(
                s.loc.base.clone(),
                format!("schedule {name} has no rotation Rungs can use: the steps that notify it are left out"),
            );
            None
        }
        [one] => Some(Target::Rotation(one.clone())),
        _ => Some(Target::Schedule(b.schedule(&s.key, name, ids))),
    })
}

fn zone(b: &mut Builder, sh: &OnCallShift, s: &Sched) -> TimeZoneName {
    let (tz, src) = match (&sh.time_zone, &s.time_zone) {
        (Some(tz), _) => (Some(tz.as_str()), sh.loc.at("time_zone")),
        (None, Some(tz)) => (Some(tz.as_str()), s.loc.at("time_zone")),
        (None, None) => (None, sh.loc.base.clone()),
    };
    b.timezone(tz, &src, &format!("on-call shift {}", sh.name))
}

fn start(sh: &OnCallShift, tz: &TimeZoneName) -> Result<Instant, ImportError> {
    let src = sh.loc.at("start");
    let text = sh.start.as_deref().ok_or_else(|| {
        ImportError::at_source(&src, format!("on-call shift {} has no start", sh.name))
    })?;
    parse_picker(text, tz).map_err(|e| ImportError::at_source(&src, e))
}

fn weekday(code: &str) -> Option<Weekday> {
    let i = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        .iter()
        .position(|d| d.eq_ignore_ascii_case(code.trim()))?;
    Some(Weekday::ALL[i])
}

/// The weekday of a local `YYYY-MM-DD...` date.
fn weekday_of(local: &str) -> Option<Weekday> {
    let y: i64 = local.get(0..4)?.parse().ok()?;
    let m: i64 = local.get(5..7)?.parse().ok()?;
    let d: i64 = local.get(8..10)?.parse().ok()?;
    // days from civil (Howard Hinnant), 1970-01-01 a Thursday
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(Weekday::ALL[(days + 3).rem_euclid(7) as usize])
}

fn rotation(
    b: &mut Builder,
    sh: &OnCallShift,
    s: &Sched,
) -> Result<Option<RotationId>, ImportError> {
    if let Some(id) = b.rotation_id(&sh.key) {
        return Ok(Some(id));
    }
    let name = &sh.name;
    let at = format!("/rotations/{}", b.ladder().rotations.len());
    let (groups, field): (Vec<Vec<String>>, &str) = match sh.kind.as_str() {
        "rolling_users" => (sh.rolling_users.clone(), "rolling_users"),
        "recurrent_event" => {
            b.notes
                .info(sh.loc.at("type"), format!("on-call shift {name} is a recurring event: a rotation of its users that never hands over to anyone else"))
                .at(at.clone());
            (vec![sh.users.clone()], "users")
        }
        other => {
            b.notes.warn(
                sh.loc.at("type"),
                format!(
                    "on-call shift {name} has a type Rungs does not know (\"{}\"): left out",
                    rungs_core::text::truncate_for_display(other, 30)
                ),
            );
            return Ok(None);
        }
    };
    let src = sh.loc.at(field);
    let mut members = Vec::new();
    for (k, group) in groups.iter().enumerate() {
        let Some(first) = group.first() else { continue };
        let id = b.person_or_stand_in(first, &src);
        if group.len() > 1 {
            b.notes
                .warn(src.clone(), format!("turn {} of on-call shift {name} has {} users on call together: Rungs keeps the first ({}) and leaves out the others", k + 1, group.len(), id.as_str()))
                .at(format!("{at}/members"));
        }
        for other in &group[1..] {
            b.person_or_stand_in(other, &src);
        }
        members.push(id);
    }
    if members.is_empty() {
        b.notes.warn(
            src,
            format!("on-call shift {name} has nobody on call: left out"),
        );
        return Ok(None);
    }
    if let Some(k) = sh.start_index.filter(|&k| k > 0) {
        let k = (k % members.len() as u64) as usize;
        members.rotate_left(k);
        b.notes
            .info(sh.loc.at("start_rotation_from_user_index"), format!("on-call shift {name} starts from its user list {}: that user is the rotation's first member", k + 1))
            .at(format!("{at}/members"));
    }
    let timezone = zone(b, sh, s);
    let start = start(sh, &timezone)?;
    let interval = sh.interval.unwrap_or(1);
    if interval == 0 || interval > 1000 {
        return Err(ImportError::at_source(
            &sh.loc.at("interval"),
            format!("on-call shift {name} has interval {interval}: expected a whole number from 1 to 1000"),
        ));
    }
    let freq = sh.frequency.as_deref().unwrap_or("");
    let shift = match freq {
        "hourly" => Shift::fixed(seconds(
            interval * 3600,
            &sh.loc.at("interval"),
            &format!("the turn of on-call shift {name}"),
        )?),
        "daily" => Shift::new(seconds(
            interval * DAY,
            &sh.loc.at("interval"),
            &format!("the turn of on-call shift {name}"),
        )?),
        "monthly" => {
            b.notes
                .warn(sh.loc.at("frequency"), format!("on-call shift {name} hands over every {interval} month(s): Rungs turns are a fixed number of days, so {} days", 30 * interval))
                .at(format!("{at}/shift"));
            Shift::new(seconds(
                interval * 30 * DAY,
                &sh.loc.at("interval"),
                &format!("the turn of on-call shift {name}"),
            )?)
        }
        "weekly" => Shift::new(seconds(
            interval * 7 * DAY,
            &sh.loc.at("interval"),
            &format!("the turn of on-call shift {name}"),
        )?),
        _ => {
            b.notes
                .warn(sh.loc.at("frequency"), format!("on-call shift {name} has no frequency Rungs knows (\"{}\"): it hands over weekly", rungs_core::text::truncate_for_display(freq, 20)))
                .at(format!("{at}/shift"));
            Shift::new(Duration::from_mins(7 * 24 * 60))
        }
    };
    let duration = match sh.duration {
        Some(d) => Some(seconds(
            d,
            &sh.loc.at("duration"),
            &format!("the duration of on-call shift {name}"),
        )?),
        None => {
            b.notes
                .warn(
                    sh.loc.at("duration"),
                    format!("on-call shift {name} has no duration: on call for the whole turn"),
                )
                .at(at.clone());
            None
        }
    };
    let mut days = Vec::new();
    for (i, d) in sh.by_day.iter().enumerate() {
        let day = weekday(d).ok_or_else(|| {
            ImportError::at_source(
                &sh.loc.at("by_day"),
                format!(
                    "on-call shift {name}: by_day {} is not a day (MO, TU, WE, TH, FR, SA or SU)",
                    i + 1
                ),
            )
        })?;
        if !days.contains(&day) {
            days.push(day);
        }
    }
    let local = picker_value(start, &timezone);
    let from_min = local
        .get(11..13)
        .and_then(|h| h.parse::<u64>().ok())
        .zip(local.get(14..16).and_then(|m| m.parse::<u64>().ok()))
        .map_or(0, |(h, m)| h * 60 + m);
    let turn_mins = shift.length().as_millis() / 60_000;
    let mut windows = Vec::new();
    if let Some(d) = duration {
        let mins = d.as_millis() / 60_000;
        if days.is_empty() && mins < turn_mins {
            if freq == "daily" && interval == 1 {
                days = Weekday::ALL.to_vec();
            } else if freq == "weekly" && interval == 1 {
                days.extend(weekday_of(&local));
            } else {
                b.notes
                    .warn(sh.loc.at("duration"), format!("on-call shift {name} is on call for {d} of each {shift} turn: Rungs cannot say that, so the rotation covers the whole turn"))
                    .at(at.clone());
            }
        }
        if !days.is_empty() {
            if mins == 0 || mins >= 7 * 24 * 60 {
                b.notes
                    .warn(sh.loc.at("duration"), format!("on-call shift {name} lasts {d} on each of its days: read as on call around the clock"))
                    .at(at.clone());
            } else {
                windows = make_windows(&days, from_min, mins);
                if freq == "daily" && !sh.by_day.is_empty() && days.len() < 7 {
                    b.notes
                        .warn(sh.loc.at("by_day"), format!("on-call shift {name} hands over on its days only; Rungs hands over every {shift}, also on the days it does not cover"))
                        .at(format!("{at}/windows"));
                }
            }
        }
    }
    if !sh.by_month.is_empty() || !sh.by_monthday.is_empty() {
        let key = if sh.by_month.is_empty() {
            "by_monthday"
        } else {
            "by_month"
        };
        b.notes
            .warn(sh.loc.at(key), format!("on-call shift {name} is limited to some months or days of the month: Rungs windows are weekly, so that limit is left out"))
            .at(at.clone());
    }
    if let Some(ws) = &sh.week_start {
        if interval > 1 && !sh.by_day.is_empty() {
            b.notes
                .info(sh.loc.at("week_start"), format!("on-call shift {name} counts its weeks from {ws}: Rungs counts them from the start"))
                .at(format!("{at}/start"));
        }
    }
    if let Some(until) = &sh.until {
        b.notes
            .warn(sh.loc.at("until"), format!("on-call shift {name} ends on {until} in OnCall; the Rungs rotation runs on (remove it then)"))
            .at(at.clone());
    }
    let name = if name.trim().is_empty() {
        "Imported shift".into()
    } else {
        name.trim().to_string()
    };
    let id = b.rotation(
        &sh.key,
        crate::rotation::imported(name, members, shift, start, timezone, windows),
    );
    Ok(Some(id))
}

/// Windows opening on `days` at `from` (minutes into the day) for `mins` minutes (less
/// than a week).
fn make_windows(days: &[Weekday], from: u64, mins: u64) -> Vec<Window> {
    let clock = |m: u64| ClockTime::new((m / 60) as u16, (m % 60) as u16).expect("in a day");
    let end = from + mins;
    if mins == 24 * 60 && from == 0 {
        return vec![Window {
            days: days.to_vec(),
            from: clock(0),
            to: clock(0),
            to_day: None,
        }];
    }
    if mins < 24 * 60 && end % (24 * 60) != from {
        return vec![Window {
            days: days.to_vec(),
            from: clock(from),
            to: clock(end % (24 * 60)),
            to_day: None,
        }];
    }
    days.iter()
        .map(|&d| Window {
            days: vec![d],
            from: clock(from),
            to: clock(end % (24 * 60)),
            to_day: Some(Weekday::ALL[(d as usize + (end / (24 * 60)) as usize) % 7]),
        })
        .collect()
}

fn single_event(
    b: &mut Builder,
    sh: &OnCallShift,
    s: &Sched,
    top: Option<&RotationId>,
) -> Result<(), ImportError> {
    let name = &sh.name;
    let Some(top) = top else {
        b.notes.warn(sh.loc.base.clone(), format!("on-call shift {name} is a one-off event in schedule {}, which has no rotation to put it on: left out", s.name));
        return Ok(());
    };
    let Some(user) = sh.users.first() else {
        b.notes.warn(
            sh.loc.at("users"),
            format!("on-call shift {name} has nobody on call: left out"),
        );
        return Ok(());
    };
    let person = b.person_or_stand_in(user, &sh.loc.at("users"));
    if sh.users.len() > 1 {
        b.notes.warn(
            sh.loc.at("users"),
            format!(
                "on-call shift {name} has {} users on call together: Rungs keeps the first ({})",
                sh.users.len(),
                person.as_str()
            ),
        );
    }
    let tz = zone(b, sh, s);
    let from = start(sh, &tz)?;
    let length = seconds(
        sh.duration.unwrap_or(0),
        &sh.loc.at("duration"),
        &format!("the duration of on-call shift {name}"),
    )?;
    if length.is_zero() {
        b.notes.warn(
            sh.loc.at("duration"),
            format!("on-call shift {name} lasts no time: left out"),
        );
        return Ok(());
    }
    let to = Instant::from_millis(from.as_millis().saturating_add(length.as_millis() as i64));
    let Some(ri) = b.ladder().rotations.iter().position(|r| &r.id == top) else {
        return Ok(());
    };
    let rotation = &mut b.ladder_mut().rotations[ri];
    if rotation
        .overrides
        .iter()
        .any(|o| o.from < to && from < o.to)
    {
        b.notes.warn(
            sh.loc.base.clone(),
            format!(
                "on-call shift {name} overlaps another one-off event of schedule {}: left out",
                s.name
            ),
        );
        return Ok(());
    }
    let rname = rotation.name.clone();
    rotation.overrides.push(Override { from, to, person });
    let j = rotation.overrides.len() - 1;
    b.notes
        .warn(sh.loc.at("type"), format!("on-call shift {name} is a one-off event: an override of {rname}, the top layer of schedule {} (in OnCall its level decides whether it wins)", s.name))
        .at(format!("/rotations/{ri}/overrides/{j}"));
    Ok(())
}
