//! Validation: every error and warning a ladder (and a scenario) can have.
//!
//! "Valid" means the document parsed, every reference resolves and nothing contradicts
//! itself; warnings point out what is legal but risky. Each finding carries a stable code,
//! the JSON Pointer of the value it is about, a sentence and, where useful, a hint.
//!
//! [`validate_ladder`] runs the rule groups in document order, one file each in
//! `validate/`: `references.rs` (duplicate ids, references that must resolve),
//! `tiers.rs` (ranks, escalation, owners, timelines), `entries.rs` (rotations, services,
//! people, templates), `schedules.rs` (layers, unused rotations), `triggers.rs` (contradictions, reachability), `coverage.rs`
//! (uncovered hours, response models) and `scenarios.rs` (also all that
//! [`validate_scenario`] checks). `index.rs` indexes one collection (with its display
//! names) and gives the "did you mean" hints; the shared `Validator` state, `Indexes`,
//! pointer helpers and the wording helpers are here.
//!
//! # How findings are worded
//!
//! A message is a full sentence that starts with a capital letter and ends with a full
//! stop; a hint is a full sentence saying what to do (a question for "did you mean").
//! Entries are named by their display name, the id standing in for a blank name: people
//! and tiers bare (`Ana Lima is their own backup.`, `SEV1 Critical step 1 notifies
//! nobody.`), everything else in typographic quotes after its noun (`The rotation
//! “Primary” has no members.`). What the user typed that is wrong stays as written, in
//! quotes (`Ana Lima's backup “ana2” does not exist.`); a suggestion names the entry and,
//! when it differs, the id to type (`Did you mean “Primary” (id primary)?`). Messages
//! never carry ids in backticks or JSON Pointers: the pointer is the finding's own field.

mod coverage;
mod entries;
mod index;
mod references;
mod scenarios;
mod schedules;

pub use schedules::MAX_LAYERS_CHECKED;
mod tiers;
mod triggers;

use index::{name_or_id, take_suggestion, Index, Missing};

use std::cell::Cell;
use std::rc::Rc;

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::diagnostic::{Code, Diagnostic, Report, Severity};
use crate::model::*;
use crate::oncall::{self, Span, COVERAGE_HORIZON_MS};
use crate::parse::escape_pointer_token;
use crate::text::{closest, truncate_for_display};
use crate::{Duration, Instant};

/// More pages than this from one tier's escalation within a scenario's horizon is an
/// `excessive-paging` warning: counted arithmetically from the steps' `escalate_after`,
/// the `repeat` count and the people each step pages, for one start of the policy at
/// the scenario's start with nobody answering.
pub const EXCESSIVE_PAGES: u64 = 1_000;

/// Each trigger is checked for contradictions against at most this many earlier triggers
/// on the same service and metric (real ladders have a handful per signal), so the check
/// stays linear however many triggers a document has.
pub const MAX_TRIGGER_COMPARISONS: usize = 256;

/// A dependency cycle longer than this is shown by its first and last services only.
const CYCLE_NAMES_SHOWN: usize = 16;

/// The events one simulated run may handle before it stops, named in the
/// `excessive-paging` hint. The simulator re-exports it as `sim::EVENT_BUDGET`; it is
/// declared here so validation does not import the simulator, which imports validation.
pub const EVENT_BUDGET: u64 = 1_000_000;

/// The acknowledgement delay of a person with no response model and no ladder default.
pub const FALLBACK_ACK: Duration = Duration::from_mins(5);

/// Validates a ladder, including its embedded scenarios. Coverage is computed over the
/// eight weeks from `reference`, so DST changes in that time are caught.
///
/// ```
/// let ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json).unwrap();
/// let at = rungs_core::Instant::parse("2026-03-01T00:00:00Z").unwrap();
/// assert!(rungs_core::validate_ladder(&ladder, at).is_valid());
/// ```
pub fn validate_ladder(ladder: &Ladder, reference: Instant) -> Report {
    let mut v = Validator::new(ladder);
    v.ids();
    v.references();
    v.tiers();
    v.rotations();
    v.schedules(reference.as_millis());
    v.services();
    v.people();
    v.templates();
    v.triggers();
    v.reachability();
    v.coverage(reference.as_millis());
    for (i, s) in ladder.scenarios.iter().enumerate() {
        let of = format!(" of {}", v.scenario_label(i));
        v.scenario(&s.to_document(), &Kind::Scenario.pointer(i), &of);
    }
    // The longest horizon pages the most: one warning per tier, naming that scenario.
    if let Some(i) = (0..ladder.scenarios.len()).max_by_key(|&i| ladder.scenarios[i].horizon) {
        let s = &ladder.scenarios[i];
        v.excessive_paging(s.horizon, &v.scenario_label(i), None);
    }
    v.finish()
}

/// Validates a standalone scenario against the ladder it drills.
pub fn validate_scenario(scenario: &ScenarioDocument, ladder: &Ladder) -> Report {
    let mut v = Validator::new(ladder);
    v.scenario(scenario, "", "");
    v.excessive_paging(scenario.horizon, "the scenario", Some("/horizon"));
    v.finish()
}

/// The most pages tier `t`'s escalation can send within `horizon`, started once at 0
/// with nobody answering: step k (offset `off_k` into a pass of length `cycle`) pages at
/// `off_k + j * cycle` for passes `j` in `0..=repeat`, before the horizon; each time it
/// pages its people (a role pages every holder, a person or rotation one). A pass that
/// takes no time runs once, as in the simulator. Saturating, never per page or repeat.
pub fn max_pages(ladder: &Ladder, tier: &Tier, horizon: Duration) -> u64 {
    let steps = &tier.escalation.steps;
    let h = u128::from(horizon.as_millis());
    let cycle: u128 = steps
        .iter()
        .map(|s| u128::from(s.escalate_after.as_millis()))
        .sum();
    let passes = u128::from(tier.escalation.repeat) + 1;
    let mut off = 0u128;
    let mut total = 0u128;
    for s in steps {
        let fanout: u128 = s
            .notify
            .iter()
            .map(|t| match t {
                Target::Role(r) => {
                    ladder.people.iter().filter(|p| p.roles.contains(r)).count() as u128
                }
                Target::Person(_) | Target::Rotation(_) | Target::Schedule(_) => 1,
            })
            .sum();
        let times = match (off < h, cycle) {
            (false, _) => 0,
            (true, 0) => 1,
            (true, c) => passes.min((h - 1 - off) / c + 1),
        };
        total = total.saturating_add(times.saturating_mul(fanout));
        off += u128::from(s.escalate_after.as_millis());
    }
    u64::try_from(total).unwrap_or(u64::MAX)
}

/// The median acknowledgement delay of a person (their own model, the ladder's default,
/// or [`FALLBACK_ACK`]).
pub fn median_ack(ladder: &Ladder, person: &Person) -> Duration {
    person
        .response
        .as_ref()
        .or(ladder.defaults.as_ref().and_then(|d| d.response.as_ref()))
        .map_or(FALLBACK_ACK, |r| r.ack_median)
}

/// At most this many findings of one validation get a "did you mean" hint; the rest are
/// still reported, without one, so a document full of bad references costs linear time.
pub const MAX_SUGGESTIONS: usize = 100;

/// Indexes of every collection a reference can name.
struct Indexes<'a> {
    services: Index<'a>,
    roles: Index<'a>,
    people: Index<'a>,
    rotations: Index<'a>,
    schedules: Index<'a>,
    tiers: Index<'a>,
    playbooks: Index<'a>,
    /// For each role (by position), the people holding it, in the order of `people`.
    holders: Vec<Vec<usize>>,
    /// For each rotation (by position), its members that resolve, in turn order.
    members: Vec<Vec<usize>>,
    /// For each role, the fastest median acknowledgement among its holders.
    role_fastest: Vec<Option<Duration>>,
    /// For each rotation, the fastest median acknowledgement among its members.
    rotation_fastest: Vec<Option<Duration>>,
    /// For each schedule (by position), its layers' rotations that resolve, the lowest
    /// first.
    layers: Vec<Vec<usize>>,
}

impl<'a> Indexes<'a> {
    /// The index of `kind`, for the collections references can name.
    fn get(&self, kind: Kind) -> Option<&Index<'a>> {
        match kind {
            Kind::Service => Some(&self.services),
            Kind::Role => Some(&self.roles),
            Kind::Person => Some(&self.people),
            Kind::Rotation => Some(&self.rotations),
            Kind::Schedule => Some(&self.schedules),
            Kind::Tier => Some(&self.tiers),
            Kind::Playbook => Some(&self.playbooks),
            Kind::Trigger | Kind::Template | Kind::Scenario => None,
        }
    }

    /// The index of the collection target `t` names.
    fn of_target(&self, t: &Target) -> &Index<'a> {
        match t {
            Target::Person(_) => &self.people,
            Target::Rotation(_) => &self.rotations,
            Target::Schedule(_) => &self.schedules,
            Target::Role(_) => &self.roles,
        }
    }

    /// Checks that target `t` resolves; `base` is the pointer of the target object.
    fn target(
        &self,
        out: &mut Vec<Diagnostic>,
        t: &Target,
        base: impl FnOnce() -> String,
        message: impl FnOnce(&Missing) -> String,
    ) {
        self.of_target(t)
            .resolve(out, t.id(), || target_ptr(&base(), t), message);
    }
}

/// Who a target can reach, ignoring time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Reach {
    /// A reference that does not resolve (already reported).
    Unknown,
    /// Nobody, ever (an empty role or rotation).
    Nobody,
    /// Somebody (a person, a role's holders, a rotation's members), at any time.
    Always,
    /// A rotation with a window: its members, but only inside the window.
    Windowed(usize),
    /// A schedule none of whose layers is on call around the clock: the person on call in
    /// its highest layer that has someone, when any has.
    Layered(usize),
}

struct Validator<'a> {
    l: &'a Ladder,
    ix: Indexes<'a>,
    out: Vec<Diagnostic>,
    /// The did-you-mean budget shared with the indexes (see [`MAX_SUGGESTIONS`]).
    suggestions: Rc<Cell<usize>>,
}

fn ptr(parts: &[&dyn std::fmt::Display]) -> String {
    let mut s = String::new();
    for p in parts {
        s.push('/');
        s.push_str(&escape_pointer_token(&p.to_string()));
    }
    s
}

/// The pointer of entry `i` of `kind` followed by `rest`, e.g. `/tiers/0/escalation`.
fn entry_ptr(kind: Kind, i: usize, rest: &[&dyn std::fmt::Display]) -> String {
    kind.pointer(i) + &ptr(rest)
}

/// The most characters of a name or a typed value a message shows.
const SHOWN_CHARS: usize = 80;

/// A name or a value as written, in typographic quotes: `“Primary”`.
fn quoted(s: &str) -> String {
    format!("“{}”", truncate_for_display(s, SHOWN_CHARS))
}

/// A display name as a message shows it without its noun: a person or a tier bare
/// (`Ana Lima`, `SEV1 Critical`), anything else in quotes (`“Primary”`).
fn shown(kind: Kind, name: &str) -> String {
    match kind {
        Kind::Person | Kind::Tier => truncate_for_display(name, SHOWN_CHARS),
        _ => quoted(name),
    }
}

/// An entry named in a message: a person or a tier by name alone, anything else after
/// its noun (`the rotation “Primary”`).
fn entry(kind: Kind, name: &str) -> String {
    match kind {
        Kind::Person | Kind::Tier => shown(kind, name),
        _ => format!("the {} {}", kind.noun(), quoted(name)),
    }
}

/// `s` with its first letter capitalised (a message may start with a name or an id).
fn capitalised(s: &mut String) {
    if let Some(first) = s.chars().next() {
        if first.is_lowercase() {
            let upper: String = first.to_uppercase().collect();
            s.replace_range(..first.len_utf8(), &upper);
        }
    }
}

/// The words for a timeline: `to acknowledge`, `for the first update`.
fn timeline_words(name: &str) -> String {
    match name {
        "first_update" => "for the first update".into(),
        "update_every" => "between updates".into(),
        _ => format!("to {name}"),
    }
}

fn target_ptr(base: &str, t: &Target) -> String {
    format!("{base}/{}", t.key())
}

fn hours(ms: i64) -> String {
    let minutes = ms / 60_000;
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

const TIMELINES: [&str; 5] = [
    "acknowledge",
    "contain",
    "resolve",
    "first_update",
    "update_every",
];

fn timeline(t: &Timelines, name: &str) -> Option<Duration> {
    match name {
        "acknowledge" => t.acknowledge,
        "contain" => t.contain,
        "resolve" => t.resolve,
        "first_update" => t.first_update,
        "update_every" => t.update_every,
        _ => None,
    }
}

impl<'a> Validator<'a> {
    fn new(l: &'a Ladder) -> Self {
        let budget = Rc::new(Cell::new(MAX_SUGGESTIONS));
        let roles = Index::new(Kind::Role, l, &budget);
        let people = Index::new(Kind::Person, l, &budget);
        let mut holders: Vec<Vec<usize>> = vec![Vec::new(); l.roles.len()];
        for (pi, p) in l.people.iter().enumerate() {
            for r in &p.roles {
                if let Some(ri) = roles.get(r.as_str()) {
                    // People are visited in order, so a repeat can only be the last one.
                    if holders[ri].last() != Some(&pi) {
                        holders[ri].push(pi);
                    }
                }
            }
        }
        let members: Vec<Vec<usize>> = l
            .rotations
            .iter()
            .map(|r| {
                r.members
                    .iter()
                    .filter_map(|m| people.get(m.as_str()))
                    .collect()
            })
            .collect();
        let fastest = |ps: &[usize]| ps.iter().map(|&p| median_ack(l, &l.people[p])).min();
        let role_fastest = holders.iter().map(|h| fastest(h)).collect();
        let rotation_fastest = members.iter().map(|m| fastest(m)).collect();
        let rotations = Index::new(Kind::Rotation, l, &budget);
        let layers = (l.schedules.iter())
            .map(|s| {
                (s.layers.iter())
                    .filter_map(|r| rotations.get(r.as_str()))
                    .collect()
            })
            .collect();
        let ix = Indexes {
            services: Index::new(Kind::Service, l, &budget),
            roles,
            people,
            rotations,
            schedules: Index::new(Kind::Schedule, l, &budget),
            tiers: Index::new(Kind::Tier, l, &budget),
            playbooks: Index::new(Kind::Playbook, l, &budget),
            holders,
            members,
            role_fastest,
            rotation_fastest,
            layers,
        };
        Validator {
            l,
            ix,
            out: Vec::new(),
            suggestions: budget,
        }
    }

    fn finish(mut self) -> Report {
        // Errors first; otherwise in the order found, which follows the document.
        self.out.sort_by_key(|d| d.severity == Severity::Warning);
        // A sentence may start with a name or an id written in lower case.
        for d in &mut self.out {
            capitalised(&mut d.message);
            if let Some(h) = &mut d.hint {
                capitalised(h);
            }
        }
        Report {
            diagnostics: self.out,
        }
    }

    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    fn reach(&self, t: &Target) -> Reach {
        match t {
            Target::Schedule(id) => match self.ix.schedules.get(id.as_str()) {
                None => Reach::Unknown,
                Some(s) => {
                    let layers = self.ix.layers[s].iter();
                    let reaches: Vec<Reach> = layers.map(|&r| self.rotation_reach(r)).collect();
                    if reaches.contains(&Reach::Always) {
                        Reach::Always
                    } else if reaches.iter().all(|r| *r == Reach::Nobody) {
                        Reach::Nobody
                    } else {
                        Reach::Layered(s)
                    }
                }
            },
            Target::Person(id) => self
                .ix
                .people
                .get(id.as_str())
                .map_or(Reach::Unknown, |_| Reach::Always),
            Target::Role(id) => match self.ix.roles.get(id.as_str()) {
                None => Reach::Unknown,
                Some(r) if self.ix.holders[r].is_empty() => Reach::Nobody,
                Some(_) => Reach::Always,
            },
            Target::Rotation(id) => self
                .ix
                .rotations
                .get(id.as_str())
                .map_or(Reach::Unknown, |r| self.rotation_reach(r)),
        }
    }

    /// Who rotation `r` (a position) can reach, ignoring time (and its overrides).
    fn rotation_reach(&self, r: usize) -> Reach {
        let rot = &self.l.rotations[r];
        if self.ix.members[r].is_empty() || rot.shift.is_zero() {
            Reach::Nobody
        } else if let Some(windows) = rot.window_list() {
            if windows.iter().any(|w| !w.days.is_empty()) {
                Reach::Windowed(r)
            } else {
                Reach::Nobody
            }
        } else {
            Reach::Always
        }
    }

    /// The fastest median acknowledgement of anyone a target could ever page; `None`
    /// when it can page nobody. Constant time: the minimums are computed once.
    fn fastest_ack(&self, t: &Target) -> Option<Duration> {
        if !matches!(
            self.reach(t),
            Reach::Always | Reach::Windowed(_) | Reach::Layered(_)
        ) {
            return None;
        }
        match t {
            Target::Person(id) => {
                let p = self.ix.people.get(id.as_str())?;
                Some(median_ack(self.l, &self.l.people[p]))
            }
            Target::Role(id) => self.ix.role_fastest[self.ix.roles.get(id.as_str())?],
            Target::Rotation(id) => self.ix.rotation_fastest[self.ix.rotations.get(id.as_str())?],
            Target::Schedule(id) => {
                let layers = &self.ix.layers[self.ix.schedules.get(id.as_str())?];
                layers
                    .iter()
                    .filter_map(|&r| self.ix.rotation_fastest[r])
                    .min()
            }
        }
    }

    fn delay_model(&mut self, pointer: String, median: Duration, p90: Duration, what: &str) {
        let message = if p90 < median {
            format!("{what} has a 90th percentile of {p90}, below its median of {median}.")
        } else if median.is_zero() && !p90.is_zero() {
            format!("{what} has a median of 0m but a 90th percentile of {p90}.")
        } else {
            return;
        };
        self.push(
            Diagnostic::new(Code::InvalidDelayModel, pointer, message)
                .hint("Make the 90th percentile at least the median (equal means a fixed delay); a zero median needs a zero 90th percentile."),
        );
    }

    /// Tier `i` by its display name: `SEV1 Critical`.
    fn tier(&self, i: usize) -> String {
        self.ix.tiers.name(i)
    }

    /// Person `i` by their display name: `Ana Lima`.
    fn person(&self, i: usize) -> String {
        self.ix.people.name(i)
    }

    /// Embedded scenario `i` with its noun: `the scenario “Checkout errors at 3 a.m.”`.
    fn scenario_label(&self, i: usize) -> String {
        entry(Kind::Scenario, name_or_id(&self.l.scenarios[i]))
    }
}
