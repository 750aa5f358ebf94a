//! PagerDuty: REST API v2 JSON and the `PagerDuty/pagerduty` Terraform provider.
//!
//! Both importers read their input into the small vendor model below ([`Model`]: users,
//! schedules with their layers lowest first, policies with their rules), with a source
//! place for everything a note may need; [`build`] then makes the ladder from it once.
//! `json.rs` reads the API's JSON, `terraform.rs` the provider's resources, `export.rs`
//! writes a ladder back as the provider's resources. docs/import.md has the rules.

mod export;
mod json;
mod terraform;

use rungs_core::{
    ClockTime, Duration, Escalation, Instant, Override, Rotation, RotationId, Shift, Step, Target,
    TimeZoneName, Weekday, Window,
};

use crate::build::Builder;
use crate::notes::{ImportError, SourceRef};

pub(crate) use export::export;
pub(crate) use json::import_json;
pub(crate) use terraform::import_terraform;

/// The longest escalation delay accepted, in minutes (a year): more is not a policy.
const MAX_DELAY_MINUTES: u64 = 366 * 24 * 60;
/// The provider's range for a layer's turn (`validation.IntBetween(3600, 365*24*3600)`);
/// the importer accepts from one minute, and at most this.
const MAX_TURN_SECONDS: u64 = 365 * 24 * 3600;
/// The most loops PagerDuty allows (`num_loops`: `validation.IntBetween(0, 9)`).
const MAX_LOOPS: u64 = 9;
const WEEK_MINUTES: u64 = 7 * 24 * 60;
const DAY_MINUTES: u64 = 24 * 60;

/// A note to give once the ladder place is known.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    pub warn: bool,
    pub src: SourceRef,
    pub message: String,
}

impl Pending {
    pub fn info(src: SourceRef, message: impl Into<String>) -> Pending {
        Pending {
            warn: false,
            src,
            message: message.into(),
        }
    }

    pub fn warn(src: SourceRef, message: impl Into<String>) -> Pending {
        Pending {
            warn: true,
            src,
            message: message.into(),
        }
    }
}

/// A PagerDuty user (or what a reference or a data source tells of one).
#[derive(Debug, Clone)]
pub(crate) struct User {
    /// The id (JSON) or Terraform address.
    pub key: String,
    pub name: String,
    pub email: Option<String>,
    pub time_zone: Option<String>,
    pub src: SourceRef,
    /// Only a reference's `summary` is known: a warning.
    pub reference_only: bool,
}

/// A layer's restriction, as PagerDuty has it.
#[derive(Debug, Clone)]
pub(crate) struct Restriction {
    pub kind: String,
    /// `HH:MM:SS`.
    pub start_time_of_day: String,
    pub duration_seconds: u64,
    pub start_day_of_week: Option<u64>,
    pub src: SourceRef,
}

/// A schedule layer.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layer {
    pub name: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub virtual_start: Option<String>,
    pub turn_seconds: u64,
    /// User keys in turn order, each with where it is.
    pub users: Vec<(String, SourceRef)>,
    pub restrictions: Vec<Restriction>,
    pub src: SourceRef,
    pub src_start: SourceRef,
    pub src_end: SourceRef,
    pub src_turn: SourceRef,
}

/// A schedule override.
#[derive(Debug, Clone)]
pub(crate) struct ScheduleOverride {
    pub start: String,
    pub end: String,
    pub user: String,
    pub src: SourceRef,
}

/// A schedule: layers lowest first.
#[derive(Debug, Clone)]
pub(crate) struct Schedule {
    pub key: String,
    pub name: String,
    pub time_zone: Option<String>,
    pub layers: Vec<Layer>,
    pub overrides: Vec<ScheduleOverride>,
    pub src: SourceRef,
    /// A data source by name: its layers are not known.
    pub unknown: bool,
    pub pending: Vec<Pending>,
}

/// What a rule's target names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TargetKind {
    User,
    Schedule,
    Other(String),
}

#[derive(Debug, Clone)]
pub(crate) struct RuleTarget {
    pub kind: TargetKind,
    pub key: String,
    pub src: SourceRef,
}

#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub delay_minutes: u64,
    pub targets: Vec<RuleTarget>,
    /// `escalation_rule_assignment_strategy.type`.
    pub strategy: Option<(String, SourceRef)>,
    pub src: SourceRef,
}

#[derive(Debug, Clone)]
pub(crate) struct Policy {
    pub name: String,
    pub description: Option<String>,
    pub num_loops: Option<(u64, SourceRef)>,
    pub rules: Vec<Rule>,
    pub src: SourceRef,
    pub pending: Vec<Pending>,
}

/// Everything read, before the ladder is built.
#[derive(Debug, Default)]
pub(crate) struct Model {
    pub users: Vec<User>,
    pub schedules: Vec<Schedule>,
    pub policies: Vec<Policy>,
}

/// A delay in minutes checked against [`MAX_DELAY_MINUTES`].
pub(crate) fn check_delay(minutes: u64, src: &SourceRef, rule: &str) -> Result<u64, ImportError> {
    if minutes > MAX_DELAY_MINUTES {
        return Err(ImportError::at_source(
            src,
            format!("{rule} waits {minutes} minutes before escalating; at most {MAX_DELAY_MINUTES} (a year) is imported"),
        ));
    }
    Ok(minutes)
}

/// A turn length in seconds checked: from 60 s to a year.
pub(crate) fn check_turn(seconds: u64, src: &SourceRef, layer: &str) -> Result<u64, ImportError> {
    if !(60..=MAX_TURN_SECONDS).contains(&seconds) {
        return Err(ImportError::at_source(
            src,
            format!("{layer} has turns of {seconds} seconds; PagerDuty's turns last from an hour to a year (3600 to {MAX_TURN_SECONDS})"),
        ));
    }
    Ok(seconds)
}

/// Builds the ladder from the model: people, then schedules (rotations and layered
/// schedules), then one tier per policy.
pub(crate) fn build(b: &mut Builder, m: Model) -> Result<(), ImportError> {
    for u in &m.users {
        if b.person_id(&u.key).is_some() {
            continue;
        }
        let id = b.person(
            &u.key,
            &u.name,
            u.email.as_deref(),
            u.time_zone.as_deref(),
            &u.src,
        );
        if u.reference_only {
            let i = person_index(b, &id);
            b.notes
                .warn(
                    u.src.clone(),
                    format!(
                        "user {} ({}) is only named by a reference here: add the users' file to import their email and time zone",
                        u.name, u.key
                    ),
                )
                .at(format!("/people/{i}"));
        }
    }
    let mut targets: Vec<(String, Option<Target>)> = Vec::new();
    for s in &m.schedules {
        let t = schedule(b, s)?;
        targets.push((s.key.clone(), t));
    }
    for p in &m.policies {
        policy(b, p, &targets)?;
    }
    Ok(())
}

fn person_index(b: &Builder, id: &rungs_core::PersonId) -> usize {
    b.ladder()
        .people
        .iter()
        .position(|p| &p.id == id)
        .unwrap_or(0)
}

fn emit(b: &mut Builder, pending: &[Pending], at: &str) {
    for p in pending {
        let note = if p.warn {
            b.notes.warn(p.src.clone(), p.message.clone())
        } else {
            b.notes.info(p.src.clone(), p.message.clone())
        };
        note.at(at.to_string());
    }
}

/// A schedule's rotations (one per layer) and, with several layers, a layered schedule.
/// Returns what a rule's schedule target becomes.
fn schedule(b: &mut Builder, s: &Schedule) -> Result<Option<Target>, ImportError> {
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
    let mut rot = Rotation {
        id: RotationId::new("imported").expect("valid id"),
        name,
        members,
        shift,
        start,
        timezone: zone.clone(),
        window: None,
        windows: Vec::new(),
        overrides: Vec::new(),
    };
    match windows.len() {
        0 => {}
        1 => rot.window = windows.into_iter().next(),
        _ => rot.windows = windows,
    }
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

/// A policy as the next tier.
fn policy(
    b: &mut Builder,
    p: &Policy,
    schedules: &[(String, Option<Target>)],
) -> Result<(), ImportError> {
    let t = b.ladder().tiers.len();
    let mut steps: Vec<Step> = Vec::new();
    let mut pending = p.pending.clone();
    for (n, rule) in p.rules.iter().enumerate() {
        let label = format!("rule {} of policy \"{}\"", n + 1, p.name);
        let mut notify: Vec<Target> = Vec::new();
        for target in &rule.targets {
            let found = match &target.kind {
                TargetKind::User => Some(Target::Person(
                    b.person_or_stand_in(&target.key, &target.src),
                )),
                TargetKind::Schedule => match schedules.iter().find(|(k, _)| k == &target.key) {
                    Some((_, found)) => found.clone(),
                    None => {
                        pending.push(Pending::warn(target.src.clone(), format!("{label} pages schedule {}, which is not in these files: left out; import the schedule too", target.key)));
                        None
                    }
                },
                TargetKind::Other(kind) => {
                    pending.push(Pending::warn(target.src.clone(), format!("{label} pages a target of type \"{}\", which Rungs cannot page: left out", rungs_core::text::truncate_for_display(kind, 40))));
                    None
                }
            };
            if let Some(found) = found {
                if !notify.contains(&found) {
                    notify.push(found);
                }
            }
        }
        if let Some((strategy, src)) = &rule.strategy {
            if strategy == "round_robin" {
                pending.push(Pending::warn(src.clone(), format!("{label} assigns its targets round robin (one at a time); Rungs pages every target of a step, so all of them are paged")));
            } else if strategy != "assign_to_everyone" {
                pending.push(Pending::warn(
                    src.clone(),
                    format!(
                        "{label} has the assignment strategy \"{}\": every target is paged",
                        rungs_core::text::truncate_for_display(strategy, 40)
                    ),
                ));
            }
        }
        if notify.is_empty() {
            match steps.last_mut() {
                Some(last) => {
                    last.escalate_after = Duration::from_mins(
                        last.escalate_after.as_millis() / 60_000 + rule.delay_minutes,
                    );
                    pending.push(Pending::warn(rule.src.clone(), format!("{label} pages nobody Rungs can page: left out, its {} minutes added to the step before", rule.delay_minutes)));
                }
                None => {
                    pending.push(Pending::warn(rule.src.clone(), format!("{label} pages nobody Rungs can page: left out, so the next rules are paged {} minutes earlier", rule.delay_minutes)));
                }
            }
            continue;
        }
        steps.push(Step {
            notify,
            escalate_after: Duration::from_mins(rule.delay_minutes),
        });
    }
    if p.rules.is_empty() {
        pending.push(Pending::warn(
            p.src.clone(),
            format!("policy \"{}\" has no rules: its tier pages nobody", p.name),
        ));
    }
    let repeat = match &p.num_loops {
        None => 0,
        Some((n, src)) if *n > MAX_LOOPS => {
            pending.push(Pending::warn(
                src.clone(),
                format!(
                    "policy \"{}\" loops {n} times; PagerDuty allows at most {MAX_LOOPS}: {MAX_LOOPS}",
                    p.name
                ),
            ));
            MAX_LOOPS as u32
        }
        Some((n, _)) => *n as u32,
    };
    b.tier(
        &p.name,
        p.description.as_deref(),
        Escalation { steps, repeat },
        &p.src,
    );
    emit(b, &pending, &format!("/tiers/{t}"));
    Ok(())
}
