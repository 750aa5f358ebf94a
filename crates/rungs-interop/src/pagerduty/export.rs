//! A ladder as the `PagerDuty/pagerduty` provider's resources: people looked up by email
//! (`data "pagerduty_user"`), each rotation a one-layer `pagerduty_schedule`, each layered
//! schedule a `pagerduty_schedule` with its layers lowest first (as the provider's
//! `layer` blocks are: the API lists them highest first and the provider reverses them),
//! each tier a `pagerduty_escalation_policy` with one `rule` per step.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use rungs_core::{Ladder, Rotation, Target, TimeZoneName, Weekday, Window};

use crate::hcl::{comment, name as tf_name, quote};
use crate::notes::{Note, NoteSeverity, SourceRef};
use crate::Exported;

use super::{DAY_MINUTES, MAX_LOOPS, MAX_TURN_SECONDS, WEEK_MINUTES};

struct Out {
    text: String,
    notes: Vec<Note>,
}

impl Out {
    fn note(&mut self, severity: NoteSeverity, pointer: String, message: String) {
        self.notes.push(Note {
            severity,
            message,
            source: SourceRef {
                file: String::new(),
                pointer: Some(pointer.clone()),
                line: None,
            },
            pointer: Some(pointer),
        });
    }

    fn warn(&mut self, pointer: String, message: String) {
        self.note(NoteSeverity::Warning, pointer, message);
    }

    fn info(&mut self, pointer: String, message: String) {
        self.note(NoteSeverity::Info, pointer, message);
    }
}

/// Resource labels given so far: a base label gets `_2`, `_3`, ... when taken, the next
/// suffix remembered per base (trying each from 2 was quadratic in the entries that share a
/// name, such as thousands of people all named "a").
#[derive(Default)]
struct Labels {
    taken: HashSet<String>,
    next: HashMap<String, u64>,
}

impl Labels {
    /// A label not taken yet, made from `base`.
    fn label(&mut self, base: &str) -> String {
        let base = tf_name(base);
        if self.taken.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let l = format!("{base}_{n}");
            *n += 1;
            if self.taken.insert(l.clone()) {
                return l;
            }
        }
    }
}

pub(crate) fn export(ladder: &Ladder) -> Exported {
    let mut o = Out {
        text: String::new(),
        notes: Vec::new(),
    };
    o.text.push_str(&comment(
        0,
        &format!(
            "{} - written by Rungs (rungs export terraform-pagerduty)",
            ladder.name
        ),
    ));
    o.text.push_str("terraform {\n  required_providers {\n    pagerduty = {\n      source = \"PagerDuty/pagerduty\"\n    }\n  }\n}\n");

    // People: looked up by email; without one, the email is a variable to fill in.
    let mut users: HashMap<&str, String> = HashMap::new();
    let mut taken = Labels::default();
    for (i, p) in ladder.people.iter().enumerate() {
        let l = taken.label(&p.name);
        o.text.push('\n');
        match &p.email {
            Some(email) => {
                let _ = write!(
                    o.text,
                    "data \"pagerduty_user\" {} {{\n  email = {}\n}}\n",
                    quote(&l),
                    quote(email)
                );
            }
            None => {
                let var = format!("{l}_email");
                let _ = write!(
                    o.text,
                    "variable {} {{\n  description = {}\n  type        = string\n}}\n\ndata \"pagerduty_user\" {} {{\n  email = var.{var}\n}}\n",
                    quote(&var),
                    quote(&format!("The email address {} has in PagerDuty", p.name)),
                    quote(&l),
                );
                o.warn(format!("/people/{i}"), format!("{} has no email: PagerDuty users are looked up by email, so Terraform asks for it (variable \"{var}\"); add it to the ladder to write it here", p.name));
            }
        }
        users.insert(p.id.as_str(), format!("data.pagerduty_user.{l}.id"));
    }

    // Rotations, each a one-layer schedule in its own time zone.
    let mut schedules: HashMap<String, String> = HashMap::new();
    let mut sched_labels = Labels::default();
    for (i, r) in ladder.rotations.iter().enumerate() {
        let at = format!("/rotations/{i}");
        if r.members.is_empty() {
            o.text.push('\n');
            o.text.push_str(&comment(0, &format!("Rotation \"{}\" has no members: PagerDuty layers need at least one user, so it is not written.", r.name)));
            o.warn(
                at,
                format!("rotation \"{}\" has no members: not written", r.name),
            );
            continue;
        }
        let l = sched_labels.label(r.id.as_str());
        let _ = write!(
            o.text,
            "\nresource \"pagerduty_schedule\" {} {{\n  name      = {}\n  time_zone = {}\n",
            quote(&l),
            quote(&r.name),
            quote(r.timezone.as_str())
        );
        layer(&mut o, r, &at, &r.timezone, &users);
        o.text.push_str("}\n");
        schedules.insert(
            format!("rotation:{}", r.id.as_str()),
            format!("pagerduty_schedule.{l}.id"),
        );
    }

    // Layered schedules, in the lowest layer's time zone.
    for (i, s) in ladder.schedules.iter().enumerate() {
        let layers: Vec<(usize, &Rotation)> = s
            .layers
            .iter()
            .enumerate()
            .filter_map(|(j, id)| {
                ladder
                    .rotations
                    .iter()
                    .find(|r| &r.id == id && !r.members.is_empty())
                    .map(|r| (j, r))
            })
            .collect();
        let Some((_, first)) = layers.first() else {
            o.warn(
                format!("/schedules/{i}"),
                format!(
                    "schedule \"{}\" has no layer with members: not written",
                    s.name
                ),
            );
            continue;
        };
        let zone = first.timezone.clone();
        let l = sched_labels.label(&format!("{}_schedule", s.id.as_str()));
        let _ = write!(
            o.text,
            "\nresource \"pagerduty_schedule\" {} {{\n  name      = {}\n  time_zone = {}\n",
            quote(&l),
            quote(&s.name),
            quote(zone.as_str())
        );
        o.text
            .push_str("  # Layers lowest first: a later layer wins over the ones before it.\n");
        for (j, r) in &layers {
            layer(
                &mut o,
                r,
                &format!("/schedules/{i}/layers/{j}"),
                &zone,
                &users,
            );
        }
        o.text.push_str("}\n");
        schedules.insert(
            format!("schedule:{}", s.id.as_str()),
            format!("pagerduty_schedule.{l}.id"),
        );
    }

    let mut policy_labels = Labels::default();
    for (i, t) in ladder.tiers.iter().enumerate() {
        tier(&mut o, ladder, i, t, &users, &schedules, &mut policy_labels);
    }
    Exported {
        text: o.text,
        notes: o.notes,
    }
}

/// One `layer` block for `r`, its restrictions read in `zone` (converted when the
/// rotation's own zone differs).
fn layer(o: &mut Out, r: &Rotation, at: &str, zone: &TimeZoneName, users: &HashMap<&str, String>) {
    let ms = r.shift.length().as_millis();
    let mut secs = ms.div_ceil(1000);
    if !(3600..=MAX_TURN_SECONDS).contains(&secs) {
        let clamped = secs.clamp(3600, MAX_TURN_SECONDS);
        o.warn(at.to_string(), format!("rotation \"{}\" hands over every {}; PagerDuty turns last from an hour to a year: {clamped} seconds", r.name, r.shift));
        secs = clamped;
    } else if ms % 1000 != 0 {
        o.info(
            at.to_string(),
            format!(
                "rotation \"{}\"'s shift is rounded up to whole seconds",
                r.name
            ),
        );
    }
    let start = r.start.to_string();
    let members: Vec<&str> = r
        .members
        .iter()
        .filter_map(|p| users.get(p.as_str()).map(String::as_str))
        .collect();
    let _ = write!(
        o.text,
        "\n  layer {{\n    name                         = {}\n    start                        = {}\n    rotation_virtual_start       = {}\n    rotation_turn_length_seconds = {secs}\n    users                        = [{}]\n",
        quote(&r.name),
        quote(&start),
        quote(&start),
        members.join(", ")
    );
    let shift_minutes = if zone.as_str() == r.timezone.as_str() {
        0
    } else {
        let off = |z: &TimeZoneName| i64::from(z.tz().to_offset(r.start.timestamp()).seconds());
        let d = (off(zone) - off(&r.timezone)) / 60;
        if r.window_list().is_some() {
            o.warn(at.to_string(), format!("rotation \"{}\" is in {} but its schedule is in {}: its hours are converted at the offset of {} and drift by an hour when only one of the zones changes its clocks", r.name, r.timezone.as_str(), zone.as_str(), r.start));
        }
        d
    };
    if let Some(ws) = r.window_list() {
        for w in ws {
            restrictions(o, w, shift_minutes);
        }
    }
    if !r.overrides.is_empty() {
        o.text.push_str(&comment(2, &format!("{} override(s) of \"{}\" are not written: the provider's schedule has no overrides; add them in PagerDuty.", r.overrides.len(), r.name)));
        o.warn(
            at.to_string(),
            format!(
                "rotation \"{}\" has {} override(s), which the provider's schedule cannot hold: left out",
                r.name,
                r.overrides.len()
            ),
        );
    }
    o.text.push_str("  }\n");
}

/// Where a window opens on `day` (minute of the week) and how long it stays open.
fn stretch(w: &Window, day: Weekday) -> (u64, u64) {
    let d = day as u64 * DAY_MINUTES;
    let (f, t) = (u64::from(w.from.minutes()), u64::from(w.to.minutes()));
    match w.to_day {
        None if t == f => (d, DAY_MINUTES),
        None if t > f => (d + f, t - f),
        None => (d + f, DAY_MINUTES - f + t),
        Some(td) => {
            let close = td as u64 * DAY_MINUTES + t;
            let len = (close + WEEK_MINUTES - (d + f)) % WEEK_MINUTES;
            (d + f, if len == 0 { WEEK_MINUTES } else { len })
        }
    }
}

fn restrictions(o: &mut Out, w: &Window, shift_minutes: i64) {
    let mut days = w.days.clone();
    days.sort();
    days.dedup();
    let moved = |open: u64| (open as i64 + shift_minutes).rem_euclid(WEEK_MINUTES as i64) as u64;
    let time = |open: u64| {
        let m = open % DAY_MINUTES;
        format!("{:02}:{:02}:00", m / 60, m % 60)
    };
    let first = stretch(w, days.first().copied().unwrap_or(Weekday::Mon));
    let daily = days.len() == 7
        && first.1 < DAY_MINUTES
        && days.iter().all(|&d| {
            stretch(w, d).1 == first.1 && stretch(w, d).0 % DAY_MINUTES == first.0 % DAY_MINUTES
        });
    if daily {
        let _ = write!(
            o.text,
            "\n    restriction {{\n      type              = \"daily_restriction\"\n      start_time_of_day = {}\n      duration_seconds  = {}\n    }}\n",
            quote(&time(moved(first.0))),
            first.1 * 60
        );
        return;
    }
    for d in days {
        let (open, len) = stretch(w, d);
        let len = len.min(WEEK_MINUTES - 1);
        let open = moved(open);
        let _ = write!(
            o.text,
            "\n    restriction {{\n      type              = \"weekly_restriction\"\n      start_day_of_week = {}\n      start_time_of_day = {}\n      duration_seconds  = {}\n    }}\n",
            open / DAY_MINUTES + 1,
            quote(&time(open)),
            len * 60
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn tier(
    o: &mut Out,
    ladder: &Ladder,
    i: usize,
    t: &rungs_core::Tier,
    users: &HashMap<&str, String>,
    schedules: &HashMap<String, String>,
    labels: &mut Labels,
) {
    let at = format!("/tiers/{i}");
    // Each rule: (delay minutes, targets as HCL, comments).
    let mut rules: Vec<(u64, Vec<String>, String)> = Vec::new();
    let mut carried = String::new();
    for (j, step) in t.escalation.steps.iter().enumerate() {
        let sat = format!("{at}/escalation/steps/{j}");
        let ms = step.escalate_after.as_millis();
        let mut minutes = ms.div_ceil(60_000);
        if minutes == 0 {
            minutes = 1;
            o.info(format!("{sat}/escalate_after"), format!("step {} of \"{}\" escalates at once; PagerDuty waits at least a minute (escalation_delay_in_minutes >= 1): 1 minute", j + 1, t.name));
        } else if ms % 60_000 != 0 {
            o.info(
                format!("{sat}/escalate_after"),
                format!(
                    "step {} of \"{}\" waits {}; PagerDuty counts whole minutes: {minutes} minutes",
                    j + 1,
                    t.name,
                    step.escalate_after
                ),
            );
        }
        let mut targets = Vec::new();
        let mut notes = std::mem::take(&mut carried);
        for (k, target) in step.notify.iter().enumerate() {
            let written = match target {
                Target::Person(p) => users
                    .get(p.as_str())
                    .map(|id| format!("user_reference\"\n      id   = {id}")),
                Target::Rotation(r) => schedules
                    .get(&format!("rotation:{}", r.as_str()))
                    .map(|id| format!("schedule_reference\"\n      id   = {id}")),
                Target::Schedule(s) => schedules
                    .get(&format!("schedule:{}", s.as_str()))
                    .map(|id| format!("schedule_reference\"\n      id   = {id}")),
                Target::Role(role) => {
                    let name = ladder
                        .roles
                        .iter()
                        .find(|x| &x.id == role)
                        .map_or(role.as_str(), |x| x.name.as_str());
                    notes.push_str(&comment(2, &format!("Step {} also pages everyone who is \"{name}\": PagerDuty pages users and schedules, not roles; add them here.", j + 1)));
                    o.warn(format!("{sat}/notify/{k}"), format!("step {} of \"{}\" pages the role \"{name}\", which PagerDuty cannot page: left out; page its people or a schedule instead", j + 1, t.name));
                    continue;
                }
            };
            match written {
                Some(w) => targets.push(w),
                None => o.warn(
                    format!("{sat}/notify/{k}"),
                    format!(
                        "step {} of \"{}\" pages something not written to this file: left out",
                        j + 1,
                        t.name
                    ),
                ),
            }
        }
        if targets.is_empty() {
            match rules.last_mut() {
                Some(last) => {
                    last.0 += minutes;
                    last.2.push_str(&notes);
                    o.warn(sat, format!("step {} of \"{}\" pages nobody PagerDuty can page: left out, its {minutes} minutes added to the rule before", j + 1, t.name));
                }
                None => {
                    carried = notes;
                    o.warn(sat, format!("step {} of \"{}\" pages nobody PagerDuty can page: left out, so the next steps are paged {minutes} minutes earlier", j + 1, t.name));
                }
            }
            continue;
        }
        rules.push((minutes, targets, notes));
    }
    o.text.push('\n');
    if rules.is_empty() {
        o.text.push_str(&comment(0, &format!("Tier \"{}\" has no step PagerDuty can page: no escalation policy is written for it.", t.name)));
        o.warn(
            at,
            format!(
                "tier \"{}\" has no step PagerDuty can page: not written",
                t.name
            ),
        );
        return;
    }
    let l = labels.label(t.id.as_str());
    let _ = writeln!(
        o.text,
        "resource \"pagerduty_escalation_policy\" {} {{\n  name      = {}",
        quote(&l),
        quote(&t.name)
    );
    if let Some(c) = &t.criteria {
        let _ = writeln!(o.text, "  description = {}", quote(c));
    }
    let mut loops = u64::from(t.escalation.repeat);
    if loops > MAX_LOOPS {
        o.warn(format!("{at}/escalation/repeat"), format!("\"{}\" repeats {loops} times; PagerDuty loops at most {MAX_LOOPS} times: {MAX_LOOPS}", t.name));
        loops = MAX_LOOPS;
    }
    let _ = writeln!(o.text, "  num_loops = {loops}");
    for (minutes, targets, notes) in rules {
        let _ = write!(
            o.text,
            "\n  rule {{\n    escalation_delay_in_minutes = {minutes}\n"
        );
        o.text.push_str(&notes);
        for target in targets {
            let _ = write!(o.text, "    target {{\n      type = \"{target}\n    }}\n");
        }
        o.text.push_str("  }\n");
    }
    o.text.push_str("}\n");
}
