//! Who one step of a tier's escalation pages at an instant: [`who_is_paged`], the
//! [`StepReach`] it returns and the sentence people read.

use super::{join_names, readable_instant, window_covers, Lookup};
use crate::id::PersonId;
use crate::model::{Ladder, Target};
use crate::overview::describe_windows;
use crate::time::{Instant, TimeZoneName};

/// At most this many holders of a role are named in a line; the rest are counted.
const ROLE_NAMES_IN_LINE: usize = 3;

/// Why a target reaches nobody.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unreached {
    /// The reference names no entry of the ladder.
    Unknown,
    /// The rotation has no members (or no shift length), or its member on turn is not
    /// in `people`; or no layer of the schedule has anyone on call.
    NobodyOnShift,
    /// The rotation's window is closed at that instant.
    OutsideHours,
    /// Nobody holds the role.
    NoHolders,
}

/// Who one target reaches at an instant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TargetReach {
    /// Display name of the person, rotation or role (the id when it does not resolve).
    pub target: String,
    /// The referenced id.
    pub id: String,
    /// `person`, `rotation`, `schedule` or `role`.
    pub kind: &'static str,
    /// The people reached, with their names, in order (a role's holders in the order of
    /// `people`); empty when nobody is.
    pub people: Vec<(PersonId, String)>,
    /// Why nobody is reached, for people: `"nobody on shift"`, `"outside its hours
    /// (every day 07:00–16:00 Europe/London)"`, `"no one holds this role"`,
    /// `"unknown rotation"`. `None` when somebody is reached.
    pub note: Option<String>,
    /// Why nobody is reached, for code; `None` when somebody is reached.
    pub reason: Option<Unreached>,
    /// For a schedule, the name of the rotation of the layer that answered; `None`
    /// otherwise and when no layer has anyone on call.
    pub layer: Option<String>,
}

/// Who one escalation step pages at an instant, target by target.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StepReach {
    /// Display name of the tier.
    pub tier: String,
    /// The step's number, 1-based as people count.
    pub step: usize,
    /// Each target of the step, in order.
    pub targets: Vec<TargetReach>,
}

/// Who step `step` (0-based, in `tiers[tier].escalation.steps`) of tier `tier` (0-based,
/// in `ladder.tiers`) pages at `at`. A tier or step that does not exist pages nobody: its
/// `targets` are empty.
pub fn who_is_paged(ladder: &Ladder, tier: usize, step: usize, at: Instant) -> StepReach {
    step_reach(&Lookup::new(ladder), tier, step, at)
}

/// [`who_is_paged`] over indexes built once.
pub(super) fn step_reach(lookup: &Lookup, tier: usize, step: usize, at: Instant) -> StepReach {
    let tier_entry = lookup.ladder.tiers.get(tier);
    let notify = tier_entry
        .and_then(|t| t.escalation.steps.get(step))
        .map_or(&[][..], |s| s.notify.as_slice());
    StepReach {
        tier: tier_entry.map_or_else(String::new, |t| t.name.clone()),
        step: step + 1,
        targets: notify
            .iter()
            .map(|t| target_reach(lookup, t, at.as_millis()))
            .collect(),
    }
}

/// Who `target` reaches at `t` (epoch milliseconds).
pub(super) fn target_reach(lookup: &Lookup, target: &Target, t: i64) -> TargetReach {
    let l = lookup.ladder;
    let (kind, id) = (target.key(), target.id());
    let mut reach = TargetReach {
        target: id.to_string(),
        id: id.to_string(),
        kind,
        people: Vec::new(),
        note: None,
        reason: None,
        layer: None,
    };
    let person = |p: usize| (l.people[p].id.clone(), l.people[p].name.clone());
    let found = match target {
        Target::Person(id) => lookup.person(id.as_str()).map(|p| {
            reach.target = l.people[p].name.clone();
            reach.people.push(person(p));
        }),
        Target::Role(id) => lookup.roles.get(id.as_str()).map(|&r| {
            reach.target = l.roles[r].name.clone();
            reach.people = lookup.holders[r].iter().map(|&p| person(p)).collect();
            if reach.people.is_empty() {
                reach.unreached(Unreached::NoHolders, "no one holds this role".into());
            }
        }),
        Target::Rotation(id) => lookup.rotations.get(id.as_str()).map(|&r| {
            reach.target = l.rotations[r].name.clone();
            rotation_reach(lookup, r, t, &mut reach);
        }),
        Target::Schedule(id) => lookup.schedules.get(id.as_str()).map(|&s| {
            reach.target = l.schedules[s].name.clone();
            schedule_reach(lookup, s, t, &mut reach);
        }),
    };
    if found.is_none() {
        reach.unreached(Unreached::Unknown, format!("unknown {kind}"));
    }
    reach
}

/// Fills in whom rotation `r` (a position in `rotations`) reaches at `t`.
fn rotation_reach(lookup: &Lookup, r: usize, t: i64, reach: &mut TargetReach) {
    let rot = &lookup.ladder.rotations[r];
    let Some(who) = crate::oncall::on_call_at(rot, t) else {
        if crate::oncall::rotation_member_at(rot, t).is_none() || window_covers(rot, t) {
            return reach.unreached(Unreached::NobodyOnShift, "nobody on shift".into());
        }
        let hours = rot.window_list().map(describe_windows).unwrap_or_default();
        let note = format!("outside its hours ({hours} {})", rot.timezone);
        return reach.unreached(Unreached::OutsideHours, note);
    };
    match lookup.person(who.person(rot).as_str()) {
        Some(p) => {
            let person = &lookup.ladder.people[p];
            reach.people.push((person.id.clone(), person.name.clone()));
        }
        None => reach.unreached(
            Unreached::NobodyOnShift,
            "nobody on shift (the turn of an unknown person)".into(),
        ),
    }
}

/// Fills in whom schedule `s` (a position in `schedules`) reaches at `t`: the person on
/// call in its highest layer that has someone ([`crate::oncall::top_layer_at`]).
fn schedule_reach(lookup: &Lookup, s: usize, t: i64, reach: &mut TargetReach) {
    let l = lookup.ladder;
    let layers: Vec<&crate::model::Rotation> = (lookup.layers(s).into_iter())
        .map(|(_, r)| &l.rotations[r])
        .collect();
    let Some((k, who)) = crate::oncall::top_layer_at(&layers, t) else {
        return reach.unreached(
            Unreached::NobodyOnShift,
            "no layer has anyone on call".into(),
        );
    };
    let rot = layers[k];
    reach.layer = Some(rot.name.clone());
    match lookup.person(who.person(rot).as_str()) {
        Some(p) => reach
            .people
            .push((l.people[p].id.clone(), l.people[p].name.clone())),
        None => reach.unreached(
            Unreached::NobodyOnShift,
            format!(
                "nobody on shift (the turn of an unknown person in {})",
                rot.name
            ),
        ),
    }
}

impl TargetReach {
    fn unreached(&mut self, reason: Unreached, note: String) {
        self.reason = Some(reason);
        self.note = Some(note);
    }

    /// One line for people: `"Emi Sato via APAC primary"`, `"Ana Lima"`, `"Farah Rahman,
    /// Ben Okafor and Diego Alvarez via Incident commander"`, `"Ana Lima via Payments
    /// on-call (Weekday day team)"` (a schedule, with the layer that answered), `"EMEA
    /// primary: outside its hours (every day 07:00–16:00 Europe/London)"`, `"an unknown
    /// rotation reaches nobody"`. Names only: an id appears nowhere.
    pub fn line(&self) -> String {
        match (&self.note, self.reason) {
            (_, Some(Unreached::Unknown)) => format!("an unknown {} reaches nobody", self.kind),
            (Some(note), _) => format!("{}: {note}", self.target),
            (None, _) if self.kind == "person" => self.names(),
            (None, _) if self.layer.is_some() => {
                let layer = self.layer.as_deref().unwrap_or_default();
                format!("{} via {} ({layer})", self.names(), self.target)
            }
            (None, _) => format!("{} via {}", self.names(), self.target),
        }
    }

    /// The names of the people reached, at most [`ROLE_NAMES_IN_LINE`] and a count.
    fn names(&self) -> String {
        let mut shown: Vec<String> = self
            .people
            .iter()
            .take(ROLE_NAMES_IN_LINE)
            .map(|(_, name)| name.clone())
            .collect();
        if self.people.len() > ROLE_NAMES_IN_LINE {
            shown.push(format!("{} more", self.people.len() - ROLE_NAMES_IN_LINE));
        }
        join_names(&shown)
    }
}

impl StepReach {
    /// The distinct people reached, in order of first appearance.
    pub fn people(&self) -> Vec<PersonId> {
        let mut out: Vec<PersonId> = Vec::new();
        let mut seen = foldhash::HashSet::default();
        for (id, _) in self.targets.iter().flat_map(|t| &t.people) {
            if seen.insert(id.as_str()) {
                out.push(id.clone());
            }
        }
        out
    }

    /// What the step does at its instant, without the instant: `"Emi Sato via APAC
    /// primary; EMEA primary and Americas primary are outside their hours"`. Targets that
    /// reach somebody first, in order, then those that reach nobody, grouped by why.
    pub fn summary(&self) -> String {
        if self.targets.is_empty() {
            return "this step pages nobody".to_string();
        }
        let mut parts: Vec<String> = self
            .targets
            .iter()
            .filter(|t| t.reason.is_none())
            .map(TargetReach::line)
            .collect();
        if parts.is_empty() {
            parts.push("nobody is reached".to_string());
        }
        let mut reasons: Vec<Unreached> = Vec::new();
        for r in self.targets.iter().filter_map(|t| t.reason) {
            if !reasons.contains(&r) {
                reasons.push(r);
            }
        }
        parts.extend(reasons.into_iter().map(|r| self.unreached_part(r)));
        parts.join("; ")
    }

    /// The targets that reach nobody for `reason`, in one clause.
    fn unreached_part(&self, reason: Unreached) -> String {
        let names: Vec<&str> = self
            .targets
            .iter()
            .filter(|t| t.reason == Some(reason))
            .map(|t| t.target.as_str())
            .collect();
        let (list, many) = (join_names(&names), names.len() > 1);
        match reason {
            Unreached::OutsideHours if many => format!("{list} are outside their hours"),
            Unreached::OutsideHours => format!("{list} is outside its hours"),
            Unreached::NobodyOnShift if many => format!("{list} have nobody on shift"),
            Unreached::NobodyOnShift => format!("{list} has nobody on shift"),
            Unreached::NoHolders => format!("no one holds {list}"),
            Unreached::Unknown if many => format!("{} unknown targets reach nobody", names.len()),
            Unreached::Unknown => {
                let kind = self.targets.iter().find(|t| t.reason == Some(reason));
                format!("an unknown {} reaches nobody", kind.map_or("", |t| t.kind))
            }
        }
    }

    /// The step at `at` read in `zone`, for people: `"Sat 14 Mar, 03:00 UTC: Emi Sato via
    /// APAC primary; EMEA primary and Americas primary are outside their hours"`. Names
    /// only, never ids.
    pub fn sentence(&self, at: Instant, zone: &TimeZoneName) -> String {
        format!("{}: {}", readable_instant(at, zone), self.summary())
    }
}
