//! Fresh entries for the "Add" buttons and the ids they get: [`add`] (a new entry of
//! any kind), [`unique_id`], [`new_ladder`], [`new_person`] and the other `new_*`.

use crate::id::*;
use crate::model::*;
use crate::time::{Instant, TimeZoneName};
use crate::{Duration, Shift};

use super::ids;

/// Appends a new entry of `kind` with its defaults (a rotation's first shift and a
/// scenario's start at `now`); returns its index.
pub fn add(l: &mut Ladder, kind: Kind, now: Instant) -> usize {
    fn push<T: Collection>(entry: T, l: &mut Ladder) -> usize {
        let list = T::all_mut(l);
        list.push(entry);
        list.len() - 1
    }
    match kind {
        Kind::Tier => push(new_tier(l), l),
        Kind::Person => push(new_person(l), l),
        Kind::Role => push(new_role(l), l),
        Kind::Rotation => push(new_rotation(l, now), l),
        Kind::Schedule => push(new_schedule(l), l),
        Kind::Trigger => push(new_trigger(l), l),
        Kind::Service => push(new_service(l), l),
        Kind::Playbook => push(new_playbook(l), l),
        Kind::Template => push(new_template(l), l),
        Kind::Scenario => push(new_scenario(l, now), l),
    }
}

/// Makes `base` id-shaped without looking at what is taken.
fn slug(kind: Kind, base: &str) -> String {
    let mut s = String::new();
    let mut gap = false;
    for c in base.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_' {
            if gap {
                s.push('-');
                gap = false;
            }
            s.push(c);
        } else {
            gap = true;
        }
    }
    let s = s.trim_matches('-');
    let s = match s.chars().next() {
        Some(c) if c.is_ascii_lowercase() => s.to_string(),
        Some(_) => format!("{}-{s}", kind.noun()),
        None => kind.noun().to_string(),
    };
    cut(&s, MAX_ID_LEN)
}

/// The first `max` characters of an id (all ASCII), without a trailing `-`.
fn cut(s: &str, max: usize) -> String {
    let s = &s[..s.len().min(max)];
    s.trim_end_matches('-').to_string()
}

/// A free, valid id derived from `base` (a display name or id): lowercased,
/// non `[a-z0-9_-]` runs become '-', trimmed of '-', prefixed with the noun if it does not
/// start with a letter, cut to 64 chars ([`MAX_ID_LEN`]); if taken, append -2, -3, ...
/// (cutting the base further so the suffix fits).
///
/// ```
/// use rungs_core::edit::{unique_id, new_ladder, Kind};
/// let ladder = new_ladder("Demo");
/// assert_eq!(unique_id(&ladder, Kind::Person, "Ana María López"), "ana-mar-a-l-pez");
/// assert_eq!(unique_id(&ladder, Kind::Tier, "SEV 1"), "sev-1");
/// assert_eq!(unique_id(&ladder, Kind::Tier, "sev1"), "sev1-2");
/// assert_eq!(unique_id(&ladder, Kind::Service, "42"), "service-42");
/// ```
pub fn unique_id(ladder: &Ladder, kind: Kind, base: &str) -> String {
    let taken = ids(ladder, kind);
    let free = |id: &str| !taken.iter().any(|t| t == id);
    let first = slug(kind, base);
    if free(&first) {
        return first;
    }
    (2u64..)
        .map(|n| {
            let suffix = format!("-{n}");
            format!("{}{suffix}", cut(&first, MAX_ID_LEN - suffix.len()))
        })
        .find(|id| free(id))
        .expect("some suffix is free")
}

/// After entry `i` of `kind` was renamed from `old_name` to `new_name`: while its id is still the one
/// it was made with (from its noun, as new entries get: `person`, `person-2`; or from its
/// old name: `ana-lima`), the id follows the new name, with every reference to it.
/// Returns the new id when it moved. An id the user chose stays as it is.
pub fn id_follows_name(
    ladder: &mut Ladder,
    kind: Kind,
    i: usize,
    old_name: &str,
    new_name: &str,
) -> Option<String> {
    let id = kind.ids(ladder).get(i)?.to_string();
    let made_from = |base: &str| {
        let stem = slug(kind, base);
        id == stem
            || id
                .strip_prefix(&stem)
                .and_then(|rest| rest.strip_prefix('-'))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    if !(made_from(kind.noun()) || made_from(old_name)) || made_from(new_name) {
        return None;
    }
    let new = unique_id(ladder, kind, new_name);
    super::rename(ladder, kind, &id, &new).ok()?;
    Some(new)
}

const fn mins(m: u64) -> Duration {
    Duration::from_mins(m)
}

fn utc() -> TimeZoneName {
    TimeZoneName::utc()
}

/// The ladder "New ladder" starts from: name as given, revision 1, one tier `sev1` named
/// "SEV1" rank 1 with timelines acknowledge 15m, resolve 4h, and one escalation step with
/// an empty `notify` and escalate_after 15m (so the validation panel tells the user to add
/// someone to page). Nothing else.
pub fn new_ladder(name: &str) -> Ladder {
    let mut ladder = Ladder {
        format: LadderFormat::V1,
        name: name.to_string(),
        revision: 1,
        description: None,
        services: Vec::new(),
        roles: Vec::new(),
        people: Vec::new(),
        rotations: Vec::new(),
        schedules: Vec::new(),
        tiers: Vec::new(),
        triggers: Vec::new(),
        playbooks: Vec::new(),
        templates: Vec::new(),
        scenarios: Vec::new(),
        defaults: None,
        drill_log: Vec::new(),
    };
    // The first tier the Add button would make (`sev1`, rank 1, one empty step), with the
    // deadlines of a first ladder.
    let mut first = new_tier(&ladder);
    first.timelines = Timelines {
        acknowledge: Some(mins(15)),
        resolve: Some(mins(4 * 60)),
        ..Timelines::default()
    };
    ladder.tiers.push(first);
    ladder
}

/// A new person for the "Add" button: name "New person", timezone "UTC", no roles, no
/// backup, id unique from "person". The caller appends it.
pub fn new_person(ladder: &Ladder) -> Person {
    Person {
        id: PersonId::new(unique_id(ladder, Kind::Person, "person")).expect("valid id"),
        name: "New person".into(),
        timezone: utc(),
        email: None,
        roles: Vec::new(),
        backup: None,
        response: None,
    }
}

/// A new role: name "New role", id unique from "role". The caller appends it.
pub fn new_role(ladder: &Ladder) -> Role {
    Role {
        id: RoleId::new(unique_id(ladder, Kind::Role, "role")).expect("valid id"),
        name: "New role".into(),
        description: None,
    }
}

/// A new service: name "New service", criticality medium, id unique from "service". The
/// caller appends it.
pub fn new_service(ladder: &Ladder) -> Service {
    Service {
        id: ServiceId::new(unique_id(ladder, Kind::Service, "service")).expect("valid id"),
        name: "New service".into(),
        team: None,
        criticality: Criticality::Medium,
        depends_on: Vec::new(),
        customer_segments: Vec::new(),
        revenue_per_hour: None,
    }
}

/// A new rotation starting at `start`: name "New rotation", shift 7d, timezone UTC, no
/// members, no window, id unique from "rotation". The caller appends it.
pub fn new_rotation(ladder: &Ladder, start: Instant) -> Rotation {
    Rotation {
        id: RotationId::new(unique_id(ladder, Kind::Rotation, "rotation")).expect("valid id"),
        name: "New rotation".into(),
        members: Vec::new(),
        shift: Shift::new(mins(7 * 24 * 60)),
        start,
        timezone: utc(),
        window: None,
        windows: Vec::new(),
        overrides: Vec::new(),
    }
}

/// A new schedule: name "New schedule", no layers, id unique from "schedule". The caller
/// appends it.
pub fn new_schedule(ladder: &Ladder) -> Schedule {
    Schedule {
        id: ScheduleId::new(unique_id(ladder, Kind::Schedule, "schedule")).expect("valid id"),
        name: "New schedule".into(),
        layers: Vec::new(),
    }
}

/// A new tier below the others: rank = max rank + 1, name `"SEV<rank>"`, id unique from
/// `"sev<rank>"`, acknowledge 30m, one step escalating after 15m with an empty notify. The
/// caller appends it.
pub fn new_tier(ladder: &Ladder) -> Tier {
    let rank = ladder.tiers.iter().map(|t| t.rank).max().unwrap_or(0) + 1;
    Tier {
        id: TierId::new(unique_id(ladder, Kind::Tier, &format!("sev{rank}"))).expect("valid id"),
        name: format!("SEV{rank}"),
        rank,
        criteria: None,
        timelines: Timelines {
            acknowledge: Some(mins(30)),
            ..Timelines::default()
        },
        owners: Owners::default(),
        escalation: Escalation {
            steps: vec![Step {
                notify: Vec::new(),
                escalate_after: mins(15),
            }],
            repeat: 0,
        },
        on_breach: OnBreach::default(),
        playbook: None,
    }
}

/// A new trigger: service = the first service's id (or "service" if none), metric
/// "error_rate", op `>`, threshold 5.0, for 5m, clear_for 5m (so it does not flap),
/// tier = the least severe tier (highest rank; "sev1" if none), id unique from "trigger".
/// The caller appends it.
pub fn new_trigger(ladder: &Ladder) -> Trigger {
    let service = ladder.services.first().map_or("service", |s| s.id.as_str());
    let tier = ladder
        .tiers
        .iter()
        .rev()
        .max_by_key(|t| t.rank)
        .map_or("sev1", |t| t.id.as_str());
    Trigger {
        id: TriggerId::new(unique_id(ladder, Kind::Trigger, "trigger")).expect("valid id"),
        service: ServiceId::new(service).expect("valid id"),
        metric: "error_rate".into(),
        op: Op::Gt,
        threshold: 5.0,
        for_: mins(5),
        tier: TierId::new(tier).expect("valid id"),
        clear_for: mins(5),
    }
}

/// A new playbook: name "New playbook", one containment step "Stop the bleeding", id
/// unique from "playbook". The caller appends it.
pub fn new_playbook(ladder: &Ladder) -> Playbook {
    Playbook {
        id: PlaybookId::new(unique_id(ladder, Kind::Playbook, "playbook")).expect("valid id"),
        name: "New playbook".into(),
        steps: vec![PlaybookStep {
            stage: Stage::Containment,
            text: "Stop the bleeding".into(),
            owner: None,
        }],
        artifacts: Vec::new(),
    }
}

/// The body of [`new_template`].
pub const NEW_TEMPLATE_BODY: &str =
    "[{{tier}}] {{incident}}: {{status}}. Next update {{next_update}}.";

/// A new template: name "New template", audience internal, channel "slack", body
/// [`NEW_TEMPLATE_BODY`], id unique from "template". The caller appends it.
pub fn new_template(ladder: &Ladder) -> Template {
    Template {
        id: TemplateId::new(unique_id(ladder, Kind::Template, "template")).expect("valid id"),
        name: "New template".into(),
        audience: Audience::Internal,
        channel: "slack".into(),
        body: NEW_TEMPLATE_BODY.into(),
    }
}

/// A new scenario with the defaults of a first drill, starting at `start`: eight hours
/// long, seed 1, the first trigger's metric jumping to twice its threshold after five
/// minutes, containment after a median of 20 minutes and resolution an hour later.
pub fn new_scenario(l: &Ladder, start: Instant) -> Scenario {
    let minutes = |m| Duration::from_mins(m);
    Scenario {
        id: ScenarioId::new(unique_id(l, Kind::Scenario, "scenario")).expect("unique_id is valid"),
        name: "New scenario".into(),
        start,
        horizon: minutes(8 * 60),
        signals: l
            .triggers
            .first()
            .map(|t| Signal {
                service: t.service.clone(),
                metric: t.metric.clone(),
                points: vec![
                    SignalPoint(Duration::default(), 0.0),
                    SignalPoint(minutes(5), t.threshold * 2.0),
                ],
            })
            .into_iter()
            .collect(),
        injects: Vec::new(),
        work: WorkModel {
            contain_after_ack: DelayModel {
                median: minutes(20),
                p90: minutes(60),
            },
            resolve_after_contain: DelayModel {
                median: minutes(60),
                p90: minutes(180),
            },
        },
        seed: 1,
    }
}

/// The override the rotation's "Add an override" proposes, or `None` when the ladder has
/// nobody to name. It begins at the first hand-off after `now` (or after the last
/// override, when one ends later), so that it never overlaps one; it lasts that turn
/// (a day when a turn is longer than two weeks, and a day from the next whole hour for
/// a rotation without turns); and it names the member after the one scheduled, the
/// usual swap, or someone else from `people` when the rotation has one member.
pub fn new_override(ladder: &Ladder, rotation: usize, now: Instant) -> Option<Override> {
    const HOUR: i64 = 3_600_000;
    const DAY: i64 = 24 * HOUR;
    let rot = ladder.rotations.get(rotation)?;
    let after = rot
        .overrides
        .iter()
        .map(|o| o.to.as_millis())
        .fold(now.as_millis(), i64::max);
    let turns = crate::oncall::Turns::of(rot).filter(|_| !rot.members.is_empty());
    let turn = turns.as_ref().and_then(|t| {
        let n = t.turn_at(after.checked_sub(1)?)?.checked_add(1)?;
        Some((n, t.handoff(n)?, t.handoff(n.checked_add(1)?)?))
    });
    let (from, to, scheduled) = match turn {
        Some((n, start, end)) => {
            let len = if end - start > 14 * DAY {
                DAY
            } else {
                end - start
            };
            let member = crate::oncall::Turns::member(n, rot.members.len())?;
            (start, start + len, Some(member))
        }
        None => {
            let start = after.div_euclid(HOUR).checked_add(1)? * HOUR;
            (start, start + DAY, None)
        }
    };
    let person = match scheduled {
        Some(m) if rot.members.len() > 1 => rot.members[(m + 1) % rot.members.len()].clone(),
        _ => {
            let busy = scheduled.map(|m| &rot.members[m]);
            ladder
                .people
                .iter()
                .map(|p| &p.id)
                .find(|id| Some(*id) != busy)
                .or(busy)?
                .clone()
        }
    };
    Some(Override {
        from: Instant::from_millis(from),
        to: Instant::from_millis(to),
        person,
    })
}
