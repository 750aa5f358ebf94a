//! A ladder as Terraform for the `opsgenie/opsgenie` provider: people as `data
//! "opsgenie_user"` looked up by username (their email), each rotation as an
//! `opsgenie_schedule` with one `opsgenie_schedule_rotation`, each layered schedule as
//! one `opsgenie_schedule` with a rotation per layer, each tier as an
//! `opsgenie_escalation` whose rule delays count from the alert's creation.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use rungs_core::{Duration, Ladder, Rotation, Target, Weekday};

use crate::hcl::{comment, name, quote};
use crate::notes::{Notes, SourceRef};
use crate::Exported;

use super::{full_day, next_day};

const HOUR_MS: u64 = 3_600_000;

pub(crate) fn export(ladder: &Ladder) -> Exported {
    let mut notes = Notes::default();
    let here = SourceRef::default;
    let mut out = String::new();
    out.push_str("terraform {\n  required_providers {\n    opsgenie = {\n      source = \"opsgenie/opsgenie\"\n    }\n  }\n}\n\n");
    out.push_str(&comment(
        0,
        &format!("Exported from the Rungs ladder \"{}\".", ladder.name),
    ));
    out.push('\n');
    left_out(&mut notes, ladder);
    // People.
    let mut person_label = HashMap::new();
    for (i, p) in ladder.people.iter().enumerate() {
        let label = name(p.id.as_str());
        person_label.insert(p.id.clone(), label.clone());
        let username = match &p.email {
            Some(e) => e.clone(),
            None => {
                notes
                    .warn(
                        here(),
                        format!("{} has no email, which Opsgenie uses as the username: the user is looked up by the placeholder \"{}\"; set it to their Opsgenie login", p.name, p.id.as_str()),
                    )
                    .at(format!("/people/{i}"));
                out.push_str(&comment(
                    0,
                    &format!("{} has no email: replace the placeholder username.", p.name),
                ));
                p.id.as_str().to_string()
            }
        };
        let _ = write!(
            out,
            "data \"opsgenie_user\" \"{label}\" {{\n  username  = {}\n  full_name = {}\n  timezone  = {}\n}}\n\n",
            quote(&username),
            quote(&p.name),
            quote(p.timezone.as_str())
        );
    }
    // Rotations, each its own schedule.
    let mut rotation_label = HashMap::new();
    for (i, r) in ladder.rotations.iter().enumerate() {
        let label = name(r.id.as_str());
        rotation_label.insert(r.id.clone(), label.clone());
        let _ = write!(
            out,
            "resource \"opsgenie_schedule\" \"{label}\" {{\n  name     = {}\n  timezone = {}\n}}\n\n",
            quote(&r.name),
            quote(r.timezone.as_str())
        );
        rotation(
            &mut out,
            &mut notes,
            &person_label,
            r,
            &format!("/rotations/{i}"),
            &label,
            &label,
        );
    }
    // Layered schedules: one schedule, a rotation per layer.
    let mut schedule_label = HashMap::new();
    for (i, s) in ladder.schedules.iter().enumerate() {
        let mut label = name(s.id.as_str());
        if rotation_label.values().any(|l| *l == label) {
            label.push_str("_schedule");
        }
        schedule_label.insert(s.id.clone(), label.clone());
        let zone = s
            .layers
            .first()
            .and_then(|l| ladder.rotations.iter().find(|r| r.id == *l))
            .map_or("UTC", |r| r.timezone.as_str());
        notes
            .warn(
                here(),
                format!("schedule \"{}\" becomes one Opsgenie schedule with a rotation per layer; Opsgenie notifies everyone on call in any of them, where Rungs pages only the highest layer with someone on call", s.name),
            )
            .at(format!("/schedules/{i}"));
        out.push_str(&comment(0, &format!("Layers of \"{}\", lowest first. Opsgenie notifies every rotation's on-call user at once; Rungs pages only the highest layer with someone on call.", s.name)));
        let _ = write!(
            out,
            "resource \"opsgenie_schedule\" \"{label}\" {{\n  name     = {}\n  timezone = {}\n}}\n\n",
            quote(&s.name),
            quote(zone)
        );
        for (j, l) in s.layers.iter().enumerate() {
            let Some((k, r)) = ladder
                .rotations
                .iter()
                .enumerate()
                .find(|(_, r)| r.id == *l)
            else {
                continue;
            };
            if r.timezone.as_str() != zone {
                notes
                    .warn(here(), format!("rotation \"{}\" is in {}, but schedule \"{}\" is in {zone}, as Opsgenie keeps one time zone per schedule: its times there are read in {zone}", r.name, r.timezone.as_str(), s.name))
                    .at(format!("/schedules/{i}/layers/{j}"));
            }
            let rlabel = format!(
                "{label}_{}_{}",
                j + 1,
                name(r.id.as_str()).trim_start_matches('_')
            );
            rotation(
                &mut out,
                &mut notes,
                &person_label,
                r,
                &format!("/rotations/{k}"),
                &rlabel,
                &label,
            );
        }
    }
    // Tiers.
    for (i, t) in ladder.tiers.iter().enumerate() {
        let label = name(t.id.as_str());
        let at = format!("/tiers/{i}/escalation");
        let _ = writeln!(
            out,
            "resource \"opsgenie_escalation\" \"{label}\" {{\n  name = {}",
            quote(&t.name)
        );
        if let Some(c) = &t.criteria {
            let _ = writeln!(out, "  description = {}", quote(c));
        }
        let mut delay = 0u64;
        for (k, s) in t.escalation.steps.iter().enumerate() {
            let mut recipients: Vec<(&str, String)> = Vec::new();
            for (n, target) in s.notify.iter().enumerate() {
                match target {
                    Target::Person(p) => recipients.push((
                        "user",
                        format!(
                            "data.opsgenie_user.{}.id",
                            person_label
                                .get(p)
                                .cloned()
                                .unwrap_or_else(|| name(p.as_str()))
                        ),
                    )),
                    Target::Rotation(r) => recipients.push((
                        "schedule",
                        format!(
                            "opsgenie_schedule.{}.id",
                            rotation_label
                                .get(r)
                                .cloned()
                                .unwrap_or_else(|| name(r.as_str()))
                        ),
                    )),
                    Target::Schedule(s) => recipients.push((
                        "schedule",
                        format!(
                            "opsgenie_schedule.{}.id",
                            schedule_label
                                .get(s)
                                .cloned()
                                .unwrap_or_else(|| name(s.as_str()))
                        ),
                    )),
                    Target::Role(role) => {
                        let holders: Vec<_> = ladder
                            .people
                            .iter()
                            .filter(|p| p.roles.contains(role))
                            .collect();
                        let role_name = ladder
                            .roles
                            .iter()
                            .find(|r| r.id == *role)
                            .map_or(role.as_str(), |r| r.name.as_str());
                        notes
                            .warn(here(), format!("{} step {} pages the role \"{role_name}\"; Opsgenie has no roles, so its {} holders are notified as users (a change of who holds it needs this file changed)", t.name, k + 1, holders.len()))
                            .at(format!("{at}/steps/{k}/notify/{n}"));
                        out.push_str(&comment(
                            1,
                            &format!(
                                "Step {}: the role \"{role_name}\", as the users who hold it.",
                                k + 1
                            ),
                        ));
                        for h in holders {
                            recipients.push((
                                "user",
                                format!("data.opsgenie_user.{}.id", person_label[&h.id]),
                            ));
                        }
                    }
                }
            }
            // a set: scanning a list was quadratic for steps with thousands of recipients
            let mut seen = HashSet::new();
            for (kind, id) in recipients {
                if seen.contains(&id) {
                    continue;
                }
                let _ = write!(out, "\n  rules {{\n    condition   = \"if-not-acked\"\n    notify_type = \"default\"\n    delay       = {}\n\n    recipient {{\n      type = \"{kind}\"\n      id   = {id}\n    }}\n  }}\n", delay);
                seen.insert(id);
            }
            if seen.is_empty() {
                notes
                    .warn(here(), format!("{} step {} pages nobody Opsgenie can notify: it has no rule, and the later rules keep their times", t.name, k + 1))
                    .at(format!("{at}/steps/{k}"));
                out.push_str(&comment(
                    1,
                    &format!("Step {} pages nobody Opsgenie can notify.", k + 1),
                ));
            }
            delay = delay.saturating_add(minutes(
                &mut notes,
                s.escalate_after,
                &t.name,
                &format!("{at}/steps/{k}/escalate_after"),
            ));
        }
        let last = t.escalation.steps.last().map_or(0, |s| {
            minutes(&mut Notes::default(), s.escalate_after, "", "")
        });
        if t.escalation.repeat == 0 {
            notes
                .info(here(), format!("{} does not repeat: its repeat block has count = 0 and keeps the last step's wait as wait_interval", t.name))
                .at(at.clone());
        }
        let _ = write!(
            out,
            "\n  repeat {{\n    wait_interval          = {last}\n    count                  = {}\n    reset_recipient_states = false\n    close_alert_after_all  = false\n  }}\n}}\n\n",
            t.escalation.repeat
        );
    }
    Exported {
        text: out,
        notes: notes.0,
    }
}

/// Whole minutes for `d`, rounded up with a note when it has seconds.
fn minutes(notes: &mut Notes, d: Duration, tier: &str, at: &str) -> u64 {
    let ms = d.as_millis();
    let m = ms.div_ceil(60_000);
    if ms % 60_000 != 0 {
        notes
            .warn(
                SourceRef::default(),
                format!("{tier} waits {d}, but Opsgenie delays are whole minutes: {m} minutes"),
            )
            .at(at.to_string());
    }
    m
}

fn rotation(
    out: &mut String,
    notes: &mut Notes,
    people: &HashMap<rungs_core::PersonId, String>,
    r: &Rotation,
    at: &str,
    label: &str,
    schedule: &str,
) {
    let (kind, length) = match r.shift.whole_days() {
        Some(d) if d % 7 == 0 => ("weekly", d / 7),
        Some(d) => ("daily", d),
        None => {
            let ms = r.shift.length().as_millis();
            let h = ms.div_ceil(HOUR_MS).max(1);
            if ms % HOUR_MS != 0 || ms == 0 {
                notes
                    .warn(SourceRef::default(), format!("rotation \"{}\" hands over every {}, but Opsgenie rotations are whole hours, days or weeks: every {h} hours", r.name, r.shift.length()))
                    .at(format!("{at}/shift"));
            }
            ("hourly", h)
        }
    };
    let start = r.start.to_string();
    if !(start.get(14..16) == Some("00") || start.get(14..16) == Some("30"))
        || start.get(17..19) != Some("00")
    {
        notes
            .warn(SourceRef::default(), format!("rotation \"{}\" starts at {start}; Opsgenie moves a start to the nearest hour or half hour", r.name))
            .at(format!("{at}/start"));
    }
    let _ = write!(
        out,
        "resource \"opsgenie_schedule_rotation\" \"{label}\" {{\n  schedule_id = opsgenie_schedule.{schedule}.id\n  name        = {}\n  start_date  = {}\n  type        = \"{kind}\"\n  length      = {length}\n",
        quote(&r.name),
        quote(&start)
    );
    for m in &r.members {
        let l = people.get(m).cloned().unwrap_or_else(|| name(m.as_str()));
        let _ = write!(
            out,
            "\n  participant {{\n    type = \"user\"\n    id   = data.opsgenie_user.{l}.id\n  }}\n"
        );
    }
    if let Some(ws) = r.window_list() {
        if let [w] = ws {
            if w.to_day.is_none() && Weekday::ALL.iter().all(|d| w.days.contains(d)) {
                let _ = write!(out, "\n  time_restriction {{\n    type = \"time-of-day\"\n\n    restriction {{\n      start_hour = {}\n      start_min  = {}\n      end_hour   = {}\n      end_min    = {}\n    }}\n  }}\n", w.from.minutes() / 60, w.from.minutes() % 60, w.to.minutes() / 60, w.to.minutes() % 60);
                half_hours(notes, r, at, &[w.from.minutes(), w.to.minutes()]);
                out.push_str("}\n\n");
                overrides(out, notes, r, at);
                return;
            }
        }
        out.push_str("\n  time_restriction {\n    type = \"weekday-and-time-of-day\"\n");
        for w in ws {
            half_hours(notes, r, at, &[w.from.minutes(), w.to.minutes()]);
            for d in &w.days {
                let whole_day = w.to_day.is_none() && w.from == w.to;
                let (from, to) = if whole_day {
                    (0, 0)
                } else {
                    (w.from.minutes(), w.to.minutes())
                };
                let end = match w.to_day {
                    Some(e) => e,
                    None if w.to <= w.from => next_day(*d),
                    None => *d,
                };
                let _ = write!(out, "\n    restrictions {{\n      start_day  = \"{}\"\n      start_hour = {}\n      start_min  = {}\n      end_day    = \"{}\"\n      end_hour   = {}\n      end_min    = {}\n    }}\n", full_day(*d), from / 60, from % 60, full_day(end), to / 60, to % 60);
            }
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n\n");
    overrides(out, notes, r, at);
}

fn half_hours(notes: &mut Notes, r: &Rotation, at: &str, times: &[u16]) {
    if times.iter().any(|m| m % 30 != 0) {
        notes
            .warn(SourceRef::default(), format!("rotation \"{}\" has a window at a time that is not on the hour or half hour; Opsgenie moves restriction minutes to 0 or 30", r.name))
            .at(format!("{at}/{}", if r.window.is_some() { "window" } else { "windows" }));
    }
}

fn overrides(out: &mut String, notes: &mut Notes, r: &Rotation, at: &str) {
    for (k, o) in r.overrides.iter().enumerate() {
        notes
            .warn(SourceRef::default(), format!("rotation \"{}\" has an override ({} from {} to {}); the provider has no override resource: add it in Opsgenie", r.name, o.person.as_str(), o.from, o.to))
            .at(format!("{at}/overrides/{k}"));
        out.push_str(&comment(
            0,
            &format!(
                "Override of \"{}\": {} on call from {} to {} (add it in Opsgenie).",
                r.name,
                o.person.as_str(),
                o.from,
                o.to
            ),
        ));
    }
    if !r.overrides.is_empty() {
        out.push('\n');
    }
}

/// Notes for what an Opsgenie escalation, schedule or user cannot hold.
fn left_out(notes: &mut Notes, ladder: &Ladder) {
    let whole = [
        ("services", !ladder.services.is_empty()),
        ("triggers", !ladder.triggers.is_empty()),
        ("playbooks", !ladder.playbooks.is_empty()),
        ("templates", !ladder.templates.is_empty()),
        ("scenarios", !ladder.scenarios.is_empty()),
    ];
    for (what, present) in whole {
        if present {
            notes
                .info(SourceRef::default(), format!("the ladder's {what} have no place in Opsgenie's escalations and schedules: not exported"))
                .at(format!("/{what}"));
        }
    }
    for (i, t) in ladder.tiers.iter().enumerate() {
        let parts = [
            ("timelines", t.timelines != Default::default()),
            ("owners", t.owners != Default::default()),
            ("on_breach", t.on_breach != Default::default()),
            ("playbook", t.playbook.is_some()),
        ];
        for (what, present) in parts {
            if present {
                notes
                    .info(
                        SourceRef::default(),
                        format!(
                            "{}'s {} are not part of an Opsgenie escalation: not exported",
                            t.name,
                            what.replace('_', " ")
                        ),
                    )
                    .at(format!("/tiers/{i}/{what}"));
            }
        }
    }
    for (i, p) in ladder.people.iter().enumerate() {
        if p.backup.is_some() || p.response.is_some() {
            notes
                .info(SourceRef::default(), format!("{}'s backup and response model are not Opsgenie user settings: not exported", p.name))
                .at(format!("/people/{i}"));
        }
    }
}
