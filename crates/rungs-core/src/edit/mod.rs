//! Pure editing helpers for the designer: find, rename and remove entries with every
//! reference to them, make fresh ids and entries, reorder lists, preview templates.
//!
//! Everything here works on the [`Ladder`] model and never validates: an edit may leave
//! the ladder invalid (a removed person still paged by a step), and the validation panel
//! is what tells the user about it.

use crate::id::*;
use crate::model::*;
use crate::time::{Instant, TimeZoneName};
use crate::Duration;

/// A collection of the ladder whose entries have ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `services`
    Service,
    /// `roles`
    Role,
    /// `people`
    Person,
    /// `rotations`
    Rotation,
    /// `tiers`
    Tier,
    /// `triggers`
    Trigger,
    /// `playbooks`
    Playbook,
    /// `templates`
    Template,
    /// `scenarios`
    Scenario,
}

impl Kind {
    /// Every kind, in the order the collections appear in a ladder document.
    pub const ALL: [Kind; 9] = [
        Kind::Service,
        Kind::Role,
        Kind::Person,
        Kind::Rotation,
        Kind::Tier,
        Kind::Trigger,
        Kind::Playbook,
        Kind::Template,
        Kind::Scenario,
    ];

    /// The singular noun, e.g. `"person"`.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Service => "service",
            Kind::Role => "role",
            Kind::Person => "person",
            Kind::Rotation => "rotation",
            Kind::Tier => "tier",
            Kind::Trigger => "trigger",
            Kind::Playbook => "playbook",
            Kind::Template => "template",
            Kind::Scenario => "scenario",
        }
    }

    /// The JSON key of the collection, e.g. `"people"`.
    pub fn collection(self) -> &'static str {
        match self {
            Kind::Service => "services",
            Kind::Role => "roles",
            Kind::Person => "people",
            Kind::Rotation => "rotations",
            Kind::Tier => "tiers",
            Kind::Trigger => "triggers",
            Kind::Playbook => "playbooks",
            Kind::Template => "templates",
            Kind::Scenario => "scenarios",
        }
    }

    /// How a sentence about a reference names the entry: "them" for people, "it" otherwise.
    fn pronoun(self) -> &'static str {
        match self {
            Kind::Person => "them",
            _ => "it",
        }
    }
}

/// One place in the ladder that refers to an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// JSON Pointer of the value holding the id, exactly where validation reports an
    /// unknown reference, e.g. `/tiers/0/escalation/steps/1/notify/0/person` or
    /// `/people/3/backup`.
    pub pointer: String,
    /// A human sentence fragment, e.g. "step 2 of tier SEV1 (`sev1`) pages them".
    pub what: String,
}

/// "Name (`id`)", or just "`id`" when the name is empty.
fn label(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        format!("`{id}`")
    } else {
        format!("{name} (`{id}`)")
    }
}

/// The kind and id a target names.
fn target_parts(t: &Target) -> (Kind, &str, &'static str) {
    match t {
        Target::Person(id) => (Kind::Person, id.as_str(), "person"),
        Target::Rotation(id) => (Kind::Rotation, id.as_str(), "rotation"),
        Target::Role(id) => (Kind::Role, id.as_str(), "role"),
    }
}

/// Every place in the ladder that refers to the entry `id` of `kind` (targets in steps,
/// owners, playbook step owners; person backups; rotation members; person roles; trigger
/// service/tier; service depends_on; tier playbook; scenario signals' service and
/// unavailable injects' person). Document order.
///
/// Triggers, templates and scenarios are never referred to, so for them the list is
/// always empty.
pub fn references(ladder: &Ladder, kind: Kind, id: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    let pronoun = kind.pronoun();
    let mut add = |pointer: String, what: String| out.push(Reference { pointer, what });
    let target = |t: &Target, base: &str| -> Option<String> {
        let (k, tid, key) = target_parts(t);
        (k == kind && tid == id).then(|| format!("{base}/{key}"))
    };

    for (i, s) in ladder.services.iter().enumerate() {
        if kind == Kind::Service {
            for (j, d) in s.depends_on.iter().enumerate() {
                if d.as_str() == id {
                    add(
                        format!("/services/{i}/depends_on/{j}"),
                        format!(
                            "service {} depends on {pronoun}",
                            label(&s.name, s.id.as_str())
                        ),
                    );
                }
            }
        }
    }
    for (i, p) in ladder.people.iter().enumerate() {
        let who = label(&p.name, p.id.as_str());
        if kind == Kind::Role {
            for (j, r) in p.roles.iter().enumerate() {
                if r.as_str() == id {
                    add(
                        format!("/people/{i}/roles/{j}"),
                        format!("{who} holds {pronoun}"),
                    );
                }
            }
        }
        if kind == Kind::Person && p.backup.as_ref().is_some_and(|b| b.as_str() == id) {
            add(
                format!("/people/{i}/backup"),
                format!("{who} has {pronoun} as backup"),
            );
        }
    }
    for (i, r) in ladder.rotations.iter().enumerate() {
        if kind == Kind::Person {
            for (j, m) in r.members.iter().enumerate() {
                if m.as_str() == id {
                    add(
                        format!("/rotations/{i}/members/{j}"),
                        format!(
                            "rotation {} has {pronoun} as member {}",
                            label(&r.name, r.id.as_str()),
                            j + 1
                        ),
                    );
                }
            }
        }
    }
    for (i, t) in ladder.tiers.iter().enumerate() {
        let tier = format!("tier {}", label(&t.name, t.id.as_str()));
        for (duty, who) in t.owners.duties() {
            if let Some(p) = who.and_then(|w| target(w, &format!("/tiers/{i}/owners/{duty}"))) {
                add(p, format!("{tier} has {pronoun} as its {duty} owner"));
            }
        }
        for (k, s) in t.escalation.steps.iter().enumerate() {
            for (j, who) in s.notify.iter().enumerate() {
                let base = format!("/tiers/{i}/escalation/steps/{k}/notify/{j}");
                if let Some(p) = target(who, &base) {
                    add(p, format!("step {} of {tier} pages {pronoun}", k + 1));
                }
            }
        }
        if kind == Kind::Playbook && t.playbook.as_ref().is_some_and(|p| p.as_str() == id) {
            add(
                format!("/tiers/{i}/playbook"),
                format!("{tier} follows {pronoun}"),
            );
        }
    }
    for (i, t) in ladder.triggers.iter().enumerate() {
        if kind == Kind::Service && t.service.as_str() == id {
            add(
                format!("/triggers/{i}/service"),
                format!("trigger `{}` watches {pronoun}", t.id),
            );
        }
        if kind == Kind::Tier && t.tier.as_str() == id {
            add(
                format!("/triggers/{i}/tier"),
                format!("trigger `{}` opens {pronoun}", t.id),
            );
        }
    }
    for (i, pb) in ladder.playbooks.iter().enumerate() {
        for (k, s) in pb.steps.iter().enumerate() {
            if let Some(p) = s
                .owner
                .as_ref()
                .and_then(|o| target(o, &format!("/playbooks/{i}/steps/{k}/owner")))
            {
                add(
                    p,
                    format!(
                        "step {} of playbook {} is assigned to {pronoun}",
                        k + 1,
                        label(&pb.name, pb.id.as_str())
                    ),
                );
            }
        }
    }
    for (i, sc) in ladder.scenarios.iter().enumerate() {
        let scenario = format!("scenario {}", label(&sc.name, sc.id.as_str()));
        if kind == Kind::Service {
            for (j, sig) in sc.signals.iter().enumerate() {
                if sig.service.as_str() == id {
                    add(
                        format!("/scenarios/{i}/signals/{j}/service"),
                        format!("signal {} of {scenario} measures {pronoun}", j + 1),
                    );
                }
            }
        }
        if kind == Kind::Person {
            for (j, inj) in sc.injects.iter().enumerate() {
                if let Inject::Unavailable(u) = inj {
                    if u.unavailable.as_str() == id {
                        add(
                            format!("/scenarios/{i}/injects/{j}/unavailable"),
                            format!("inject {} of {scenario} makes {pronoun} unavailable", j + 1),
                        );
                    }
                }
            }
        }
    }
    out
}

/// The ids of the entries of `kind`, in document order.
pub fn ids(ladder: &Ladder, kind: Kind) -> Vec<String> {
    fn of<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
        items.iter().map(|x| id(x).to_string()).collect()
    }
    match kind {
        Kind::Service => of(&ladder.services, |x| x.id.as_str()),
        Kind::Role => of(&ladder.roles, |x| x.id.as_str()),
        Kind::Person => of(&ladder.people, |x| x.id.as_str()),
        Kind::Rotation => of(&ladder.rotations, |x| x.id.as_str()),
        Kind::Tier => of(&ladder.tiers, |x| x.id.as_str()),
        Kind::Trigger => of(&ladder.triggers, |x| x.id.as_str()),
        Kind::Playbook => of(&ladder.playbooks, |x| x.id.as_str()),
        Kind::Template => of(&ladder.templates, |x| x.id.as_str()),
        Kind::Scenario => of(&ladder.scenarios, |x| x.id.as_str()),
    }
}

fn exists(ladder: &Ladder, kind: Kind, id: &str) -> bool {
    ids(ladder, kind).iter().any(|x| x == id)
}

/// Sets `$slot` (an id field) to `$new` if it holds `$old`, counting in `$n`.
macro_rules! swap_id {
    ($slot:expr, $ty:ty, $old:expr, $new:expr, $n:expr) => {
        if $slot.as_str() == $old {
            *$slot = <$ty>::new($new).expect("the new id was checked");
            $n += 1;
        }
    };
}

/// Renames the first entry with id `old` (a later duplicate keeps its id).
fn rename_entry(ladder: &mut Ladder, kind: Kind, old: &str, new: &str) {
    let mut n = 0;
    macro_rules! first {
        ($items:expr, $ty:ty) => {
            if let Some(x) = $items.iter_mut().find(|x| x.id.as_str() == old) {
                swap_id!(&mut x.id, $ty, old, new, n);
            }
        };
    }
    match kind {
        Kind::Service => first!(ladder.services, ServiceId),
        Kind::Role => first!(ladder.roles, RoleId),
        Kind::Person => first!(ladder.people, PersonId),
        Kind::Rotation => first!(ladder.rotations, RotationId),
        Kind::Tier => first!(ladder.tiers, TierId),
        Kind::Trigger => first!(ladder.triggers, TriggerId),
        Kind::Playbook => first!(ladder.playbooks, PlaybookId),
        Kind::Template => first!(ladder.templates, TemplateId),
        Kind::Scenario => first!(ladder.scenarios, ScenarioId),
    }
    debug_assert_eq!(n, 1);
}

/// Points a target at `new` if it names `old` of `kind`.
fn swap_target(t: &mut Target, kind: Kind, old: &str, new: &str) -> usize {
    let mut n = 0;
    match t {
        Target::Person(id) if kind == Kind::Person => swap_id!(id, PersonId, old, new, n),
        Target::Rotation(id) if kind == Kind::Rotation => swap_id!(id, RotationId, old, new, n),
        Target::Role(id) if kind == Kind::Role => swap_id!(id, RoleId, old, new, n),
        _ => {}
    }
    n
}

/// Points every reference to `old` of `kind` at `new`; the same places [`references`]
/// lists.
fn rename_references(ladder: &mut Ladder, kind: Kind, old: &str, new: &str) -> usize {
    let mut n = 0;
    match kind {
        Kind::Service => {
            for s in &mut ladder.services {
                for d in &mut s.depends_on {
                    swap_id!(d, ServiceId, old, new, n);
                }
            }
            for t in &mut ladder.triggers {
                swap_id!(&mut t.service, ServiceId, old, new, n);
            }
            for sc in &mut ladder.scenarios {
                for sig in &mut sc.signals {
                    swap_id!(&mut sig.service, ServiceId, old, new, n);
                }
            }
        }
        Kind::Person | Kind::Role | Kind::Rotation => {
            for p in &mut ladder.people {
                if kind == Kind::Role {
                    for r in &mut p.roles {
                        swap_id!(r, RoleId, old, new, n);
                    }
                }
                if kind == Kind::Person {
                    if let Some(b) = &mut p.backup {
                        swap_id!(b, PersonId, old, new, n);
                    }
                }
            }
            if kind == Kind::Person {
                for r in &mut ladder.rotations {
                    for m in &mut r.members {
                        swap_id!(m, PersonId, old, new, n);
                    }
                }
                for sc in &mut ladder.scenarios {
                    for inj in &mut sc.injects {
                        if let Inject::Unavailable(u) = inj {
                            swap_id!(&mut u.unavailable, PersonId, old, new, n);
                        }
                    }
                }
            }
            for t in &mut ladder.tiers {
                let o = &mut t.owners;
                for who in [
                    &mut o.detection,
                    &mut o.triage,
                    &mut o.escalation,
                    &mut o.resolution,
                    &mut o.communication,
                    &mut o.commander,
                ]
                .into_iter()
                .flatten()
                {
                    n += swap_target(who, kind, old, new);
                }
                for s in &mut t.escalation.steps {
                    for who in &mut s.notify {
                        n += swap_target(who, kind, old, new);
                    }
                }
            }
            for pb in &mut ladder.playbooks {
                for s in &mut pb.steps {
                    if let Some(o) = &mut s.owner {
                        n += swap_target(o, kind, old, new);
                    }
                }
            }
        }
        Kind::Tier => {
            for t in &mut ladder.triggers {
                swap_id!(&mut t.tier, TierId, old, new, n);
            }
        }
        Kind::Playbook => {
            for t in &mut ladder.tiers {
                if let Some(p) = &mut t.playbook {
                    swap_id!(p, PlaybookId, old, new, n);
                }
            }
        }
        Kind::Trigger | Kind::Template | Kind::Scenario => {}
    }
    n
}

/// Renames the entry and every reference to it. Errors (as a user-facing String) when
/// `new` is not a valid id (use the IdError message), when another entry of that kind
/// already has `new`, or when `old` does not exist. Returns how many references were
/// updated. Renaming to the same id is Ok(0).
///
/// If several entries share `old` (a duplicate id), only the first is renamed: it is the
/// one references resolve to.
pub fn rename(ladder: &mut Ladder, kind: Kind, old: &str, new: &str) -> Result<usize, String> {
    let noun = kind.noun();
    if !exists(ladder, kind, old) {
        return Err(format!("there is no {noun} with the id `{old}`"));
    }
    if old == new {
        return Ok(0);
    }
    check_id(new).map_err(|e| e.to_string())?;
    if exists(ladder, kind, new) {
        return Err(format!("another {noun} already has the id `{new}`"));
    }
    rename_entry(ladder, kind, old, new);
    Ok(rename_references(ladder, kind, old, new))
}

/// Removes the entry only (references are left dangling so validation reports them).
/// Returns whether it existed. With duplicate ids, removes the first.
pub fn remove(ladder: &mut Ladder, kind: Kind, id: &str) -> bool {
    fn first<T>(items: &mut Vec<T>, id: &str, get: impl Fn(&T) -> &str) -> bool {
        match items.iter().position(|x| get(x) == id) {
            Some(i) => {
                items.remove(i);
                true
            }
            None => false,
        }
    }
    match kind {
        Kind::Service => first(&mut ladder.services, id, |x| x.id.as_str()),
        Kind::Role => first(&mut ladder.roles, id, |x| x.id.as_str()),
        Kind::Person => first(&mut ladder.people, id, |x| x.id.as_str()),
        Kind::Rotation => first(&mut ladder.rotations, id, |x| x.id.as_str()),
        Kind::Tier => first(&mut ladder.tiers, id, |x| x.id.as_str()),
        Kind::Trigger => first(&mut ladder.triggers, id, |x| x.id.as_str()),
        Kind::Playbook => first(&mut ladder.playbooks, id, |x| x.id.as_str()),
        Kind::Template => first(&mut ladder.templates, id, |x| x.id.as_str()),
        Kind::Scenario => first(&mut ladder.scenarios, id, |x| x.id.as_str()),
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

const fn mins(m: u64) -> Duration {
    Duration::from_mins(m)
}

fn utc() -> TimeZoneName {
    TimeZoneName::new("UTC").expect("UTC is a known zone")
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
        tiers: Vec::new(),
        triggers: Vec::new(),
        playbooks: Vec::new(),
        templates: Vec::new(),
        scenarios: Vec::new(),
        defaults: None,
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
        shift: mins(7 * 24 * 60),
        start,
        timezone: utc(),
        window: None,
    }
}

/// A new tier below the others: rank = max rank + 1, name "SEV<rank>", id unique from
/// "sev<rank>", acknowledge 30m, one step escalating after 15m with an empty notify. The
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

/// Moves element `from` to position `to` within a vec (clamps `to`), for reordering
/// steps, members, playbook steps. Does nothing when `from` is out of range.
pub fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) {
    if from >= items.len() {
        return;
    }
    let to = to.min(items.len() - 1);
    let item = items.remove(from);
    items.insert(to, item);
}

/// Whether a role looks like the incident commander's: its id or name contains
/// "commander", or its id is `ic` or has `ic` as a `-`/`_`-separated word.
fn is_commander_role(r: &Role) -> bool {
    r.id.as_str().contains("commander")
        || r.name.to_lowercase().contains("commander")
        || r.id.as_str().split(['-', '_']).any(|w| w == "ic")
}

/// The sample commander of [`preview_template`].
fn sample_commander(ladder: &Ladder) -> String {
    ladder
        .roles
        .iter()
        .filter(|r| is_commander_role(r))
        .find_map(|r| ladder.people.iter().find(|p| p.roles.contains(&r.id)))
        .or(ladder.people.first())
        .map_or_else(|| "Alex Kim".to_string(), |p| p.name.clone())
}

/// The template body with every known placeholder ({{incident}}, {{service}}, {{tier}},
/// {{status}}, {{next_update}}, {{commander}}, see [`TEMPLATE_PLACEHOLDERS`]) replaced by
/// sample values taken from the ladder where possible (tier: first tier name, service:
/// first service name, commander: a holder of a role with id/name containing "commander"
/// or "ic" else first person name, incident "INC-1042", status "Investigating",
/// next_update "in 30 minutes"); unknown placeholders are left as written.
///
/// Placeholders are read like validation reads them: spaces inside the braces are
/// allowed (`{{ tier }}`). Without tiers, services or people the samples are "SEV1",
/// "Checkout" and "Alex Kim". A role counts as "ic" when its id is `ic` or has `ic` as a
/// `-`/`_`-separated word (so "Communications" does not).
pub fn preview_template(ladder: &Ladder, body: &str) -> String {
    let value = |name: &str| -> Option<String> {
        Some(match name {
            "incident" => "INC-1042".into(),
            "service" => ladder
                .services
                .first()
                .map_or_else(|| "Checkout".into(), |s| s.name.clone()),
            "tier" => ladder
                .tiers
                .first()
                .map_or_else(|| "SEV1".into(), |t| t.name.clone()),
            "status" => "Investigating".into(),
            "next_update" => "in 30 minutes".into(),
            "commander" => sample_commander(ladder),
            _ => return None,
        })
    };
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            break;
        };
        out.push_str(&rest[..open]);
        match value(after[..close].trim()) {
            Some(v) => out.push_str(&v),
            None => out.push_str(&rest[open..open + 2 + close + 2]),
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}
