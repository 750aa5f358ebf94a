//! A ladder as Terraform for the `grafana/grafana` provider's OnCall resources: a
//! `data "grafana_oncall_user"` per person, an on-call shift (`rolling_users`) and a
//! calendar schedule per rotation, a calendar schedule per layered schedule (layers as
//! shift levels), and an escalation chain with its escalation steps per tier.

use std::collections::HashMap;
use std::fmt::Write as _;

use rungs_core::time::picker_value;
use rungs_core::{Ladder, Rotation, Target, Weekday, Window};

use super::MAX_TIMES_REPEAT;
use crate::hcl::{comment, name, quote};
use crate::notes::{Notes, SourceRef};
use crate::Exported;

const DAY_MINS: u64 = 24 * 60;
const ICAL_DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn note(notes: &mut Notes, warn: bool, pointer: String, message: String) {
    let src = SourceRef::json("", pointer.clone());
    let n = if warn {
        notes.warn(src, message)
    } else {
        notes.info(src, message)
    };
    n.at(pointer);
}

pub(crate) fn export(ladder: &Ladder) -> Exported {
    let mut notes = Notes::default();
    let mut out = String::new();
    out.push_str(&comment(
        0,
        &format!(
            "Grafana OnCall resources written by Rungs from the ladder \"{}\".",
            ladder.name
        ),
    ));
    out.push_str("terraform {\n  required_providers {\n    grafana = {\n      source = \"grafana/grafana\"\n    }\n  }\n}\n\n");
    people(ladder, &mut out, &mut notes);
    // Each rotation's level: its layer in the first schedule that has it.
    let mut level: HashMap<&str, (usize, usize)> = HashMap::new();
    for (si, s) in ladder.schedules.iter().enumerate() {
        for (li, r) in s.layers.iter().enumerate() {
            match level.get(r.as_str()) {
                None => {
                    level.insert(r.as_str(), (li, si));
                }
                Some(&(l, _)) if l != li => note(
                    &mut notes,
                    true,
                    format!("/schedules/{si}/layers/{li}"),
                    format!("rotation {r} is layer {} here but layer {} in an earlier schedule: an OnCall shift has one level, the earlier one", li + 1, l + 1),
                ),
                _ => {}
            }
        }
    }
    let mut shift_labels: HashMap<&str, String> = HashMap::new();
    for (i, r) in ladder.rotations.iter().enumerate() {
        let label = name(r.id.as_str());
        rotation(
            r,
            i,
            level.get(r.id.as_str()).map_or(0, |l| l.0),
            &label,
            &mut out,
            &mut notes,
        );
        shift_labels.insert(r.id.as_str(), label);
    }
    let mut schedule_labels: HashMap<&str, String> = HashMap::new();
    for s in &ladder.schedules {
        let mut label = name(s.id.as_str());
        if shift_labels.values().any(|l| *l == label) {
            label.push_str("_schedule");
        }
        let shifts: Vec<String> = s
            .layers
            .iter()
            .filter_map(|r| shift_labels.get(r.as_str()))
            .map(|l| format!("grafana_oncall_on_call_shift.{l}.id"))
            .collect();
        let zone = s
            .layers
            .first()
            .and_then(|r| ladder.rotations.iter().find(|x| &x.id == r))
            .map_or("UTC", |r| r.timezone.as_str());
        out.push_str(&comment(
            0,
            &format!(
                "{}: layers lowest first, as shift levels (higher wins).",
                s.name
            ),
        ));
        let _ = write!(
            out,
            "resource \"grafana_oncall_schedule\" \"{label}\" {{\n  name      = {}\n  type      = \"calendar\"\n  time_zone = {}\n  shifts    = [{}]\n}}\n\n",
            quote(&s.name),
            quote(zone),
            shifts.join(", ")
        );
        schedule_labels.insert(s.id.as_str(), label);
    }
    for (ti, t) in ladder.tiers.iter().enumerate() {
        tier(
            ladder,
            t,
            ti,
            &shift_labels,
            &schedule_labels,
            &mut out,
            &mut notes,
        );
    }
    Exported {
        text: out,
        notes: notes.0,
    }
}

fn people(ladder: &Ladder, out: &mut String, notes: &mut Notes) {
    if ladder.people.is_empty() {
        return;
    }
    out.push_str(&comment(0, "OnCall finds users by username only. Rungs writes each person's email as the username\n(it is the Grafana login when people sign in with their email); change it where usernames differ."));
    for (i, p) in ladder.people.iter().enumerate() {
        let username = match &p.email {
            Some(e) => e.clone(),
            None => {
                note(notes, true, format!("/people/{i}"), format!("{} has no email: looked up by the username \"{}\" (their Rungs id); check it", p.name, p.id));
                p.id.to_string()
            }
        };
        out.push_str(&comment(
            0,
            &format!("{} ({})", p.name, p.timezone.as_str()),
        ));
        let _ = write!(
            out,
            "data \"grafana_oncall_user\" \"{}\" {{\n  username = {}\n}}\n\n",
            name(p.id.as_str()),
            quote(&username)
        );
    }
    note(
        notes,
        false,
        "/people".into(),
        "OnCall users keep their own time zones: the people's time zones are not written".into(),
    );
}

/// (first day, opening minute, length in minutes) of a window.
fn span(w: &Window) -> (u64, u64) {
    let (from, to) = (u64::from(w.from.minutes()), u64::from(w.to.minutes()));
    let len = match w.to_day {
        None if to > from => to - from,
        None if to == from => DAY_MINS,
        None => to + DAY_MINS - from,
        Some(d) => {
            let first = w.days.first().map_or(0, |x| *x as u64);
            let days = (d as u64 + 7 - first) % 7;
            let l = (days * DAY_MINS + to + 7 * DAY_MINS - from) % (7 * DAY_MINS);
            if l == 0 {
                7 * DAY_MINS
            } else {
                l
            }
        }
    };
    (from, len)
}

fn rotation(
    r: &Rotation,
    i: usize,
    level: usize,
    label: &str,
    out: &mut String,
    notes: &mut Notes,
) {
    let at = format!("/rotations/{i}");
    let turn_ms = r.shift.length().as_millis();
    let (frequency, interval) = match r.shift.whole_days() {
        Some(d) if d % 7 == 0 => ("weekly", d / 7),
        Some(d) => ("daily", d),
        None => {
            let h = (turn_ms / 3_600_000).max(1);
            if turn_ms % 3_600_000 != 0 {
                note(
                    notes,
                    true,
                    format!("{at}/shift"),
                    format!(
                        "{}'s shift of {} is not whole hours: OnCall's is {h}h",
                        r.name, r.shift
                    ),
                );
            }
            ("hourly", h)
        }
    };
    let mut start = picker_value(r.start, &r.timezone);
    let mut duration = turn_ms / 1000;
    let mut by_day: Vec<Weekday> = Vec::new();
    if let Some(ws) = r.window_list() {
        let (from, len) = span(&ws[0]);
        if ws.iter().any(|w| span(w) != (from, len)) {
            note(notes, true, format!("{at}/windows"), format!("{}'s windows open at different times or last differently: OnCall's shift has one time and length, the first window's", r.name));
        }
        for w in ws {
            for d in &w.days {
                if !by_day.contains(d) {
                    by_day.push(*d);
                }
            }
        }
        by_day.sort();
        let hhmm = format!("{:02}:{:02}", from / 60, from % 60);
        if start.get(11..16) != Some(hhmm.as_str()) {
            note(notes, true, format!("{at}/start"), format!("{}'s window opens at {hhmm} but its turns start at {}: an OnCall shift's events start at its start time, so it starts at {hhmm} that day", r.name, start.get(11..16).unwrap_or("?")));
            start = format!("{}T{hhmm}", start.get(0..10).unwrap_or("2026-01-01"));
        }
        duration = len * 60;
    }
    if start.len() == 16 {
        start.push_str(":00");
    }
    for (j, o) in r.overrides.iter().enumerate() {
        note(
            notes,
            true,
            format!("{at}/overrides/{j}"),
            format!(
                "{}'s override for {} is not written: add it in OnCall's schedule view",
                r.name, o.person
            ),
        );
    }
    let members: Vec<String> = r
        .members
        .iter()
        .map(|m| format!("[data.grafana_oncall_user.{}.id]", name(m.as_str())))
        .collect();
    let _ = write!(out, "resource \"grafana_oncall_on_call_shift\" \"{label}\" {{\n  name          = {}\n  type          = \"rolling_users\"\n  start         = {}\n  time_zone     = {}\n  duration      = {duration}\n  frequency     = \"{frequency}\"\n  interval      = {interval}\n  week_start    = \"MO\"\n",
        quote(&r.name), quote(&start), quote(r.timezone.as_str()));
    if !by_day.is_empty() {
        let days: Vec<String> = by_day
            .iter()
            .map(|d| format!("\"{}\"", ICAL_DAYS[*d as usize]))
            .collect();
        let _ = writeln!(out, "  by_day        = [{}]", days.join(", "));
    }
    let _ = write!(
        out,
        "  level         = {level}\n  rolling_users = [{}]\n",
        members.join(", ")
    );
    for o in &r.overrides {
        out.push_str(&comment(
            1,
            &format!(
                "override: {} from {} to {} (not written)",
                o.person, o.from, o.to
            ),
        ));
    }
    out.push_str("}\n\n");
    let _ = write!(out, "resource \"grafana_oncall_schedule\" \"{label}\" {{\n  name      = {}\n  type      = \"calendar\"\n  time_zone = {}\n  shifts    = [grafana_oncall_on_call_shift.{label}.id]\n}}\n\n",
        quote(&r.name), quote(r.timezone.as_str()));
}

fn tier(
    ladder: &Ladder,
    t: &rungs_core::Tier,
    ti: usize,
    shifts: &HashMap<&str, String>,
    schedules: &HashMap<&str, String>,
    out: &mut String,
    notes: &mut Notes,
) {
    let chain = name(t.id.as_str());
    let at = format!("/tiers/{ti}");
    if t.timelines != Default::default() || t.owners != Default::default() || t.playbook.is_some() {
        note(
            notes,
            false,
            at.clone(),
            format!(
                "{}'s timelines, owners and playbook have no place in OnCall: not written",
                t.name
            ),
        );
    }
    let _ = write!(
        out,
        "resource \"grafana_oncall_escalation_chain\" \"{chain}\" {{\n  name = {}\n}}\n\n",
        quote(&t.name)
    );
    let mut position = 0;
    let mut step = |out: &mut String, body: String| {
        let _ = write!(out, "resource \"grafana_oncall_escalation\" \"{chain}_{position}\" {{\n  escalation_chain_id = grafana_oncall_escalation_chain.{chain}.id\n  position            = {position}\n{body}}}\n\n");
        position += 1;
    };
    for (si, s) in t.escalation.steps.iter().enumerate() {
        let sat = format!("{at}/escalation/steps/{si}");
        let persons: Vec<String> = s
            .notify
            .iter()
            .filter_map(|x| match x {
                Target::Person(p) => {
                    Some(format!("data.grafana_oncall_user.{}.id", name(p.as_str())))
                }
                _ => None,
            })
            .collect();
        if !persons.is_empty() {
            step(
                out,
                format!(
                    "  type                = \"notify_persons\"\n  persons_to_notify   = [{}]\n",
                    persons.join(", ")
                ),
            );
        }
        for (k, x) in s.notify.iter().enumerate() {
            let label = match x {
                Target::Rotation(r) => shifts.get(r.as_str()),
                Target::Schedule(sc) => schedules.get(sc.as_str()),
                Target::Person(_) => continue,
                Target::Role(role) => {
                    let rname = ladder
                        .roles
                        .iter()
                        .find(|x| &x.id == role)
                        .map_or(role.as_str(), |x| x.name.as_str());
                    out.push_str(&comment(
                        0,
                        &format!(
                            "{}, step {}: the role {rname} has no OnCall equivalent (not written)",
                            t.name,
                            si + 1
                        ),
                    ));
                    note(notes, true, format!("{sat}/notify/{k}"), format!("step {} of {} pages the role {rname}, which OnCall cannot page: not written; page a schedule or people instead", si + 1, t.name));
                    continue;
                }
            };
            if let Some(label) = label {
                step(out, format!("  type                = \"notify_on_call_from_schedule\"\n  notify_on_call_from_schedule = grafana_oncall_schedule.{label}.id\n"));
            }
        }
        let mut secs = s.escalate_after.as_millis().div_ceil(1000);
        if secs == 0 {
            continue;
        }
        if secs < 60 {
            note(
                notes,
                true,
                format!("{sat}/escalate_after"),
                format!(
                    "step {} of {} waits {}: OnCall waits 60 seconds at least",
                    si + 1,
                    t.name,
                    s.escalate_after
                ),
            );
            secs = 60;
        }
        while secs > 0 {
            let part = secs.min(86_400);
            step(
                out,
                format!("  type                = \"wait\"\n  duration            = {part}\n"),
            );
            secs -= part;
        }
    }
    if t.escalation.repeat > 0 {
        if t.escalation.repeat != MAX_TIMES_REPEAT {
            note(notes, true, format!("{at}/escalation/repeat"), format!("{} repeats {} time(s): OnCall's repeat step always repeats {MAX_TIMES_REPEAT} times", t.name, t.escalation.repeat));
        }
        step(
            out,
            "  type                = \"repeat_escalation\"\n".into(),
        );
    }
}
