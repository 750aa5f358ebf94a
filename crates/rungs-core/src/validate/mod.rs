//! Validation: every error and warning a ladder (and a scenario) can have.
//!
//! "Valid" means the document parsed, every reference resolves and nothing contradicts
//! itself; warnings point out what is legal but risky. Each finding carries a stable code,
//! the JSON Pointer of the value it is about, a sentence and, where useful, a hint.

use std::cell::Cell;
use std::rc::Rc;

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::diagnostic::{Code, Diagnostic, Report, Severity};
use crate::model::*;
use crate::oncall::{self, Span, COVERAGE_HORIZON_MS};
use crate::parse::escape_pointer_token;
use crate::text::closest;
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
    v.services();
    v.people();
    v.templates();
    v.triggers();
    v.reachability();
    v.coverage(reference.as_millis());
    for (i, s) in ladder.scenarios.iter().enumerate() {
        v.scenario(&s.to_document(), &format!("/scenarios/{i}"));
    }
    // The longest horizon pages the most: one warning per tier, naming that scenario.
    if let Some(s) = ladder.scenarios.iter().max_by_key(|s| s.horizon) {
        v.excessive_paging(s.horizon, &format!("scenario `{}`", s.id), None);
    }
    v.finish()
}

/// Validates a standalone scenario against the ladder it drills.
pub fn validate_scenario(scenario: &ScenarioDocument, ladder: &Ladder) -> Report {
    let mut v = Validator::new(ladder);
    v.scenario(scenario, "");
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
                Target::Person(_) | Target::Rotation(_) => 1,
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

/// An index of one collection: id to position of its first occurrence.
struct Index<'a> {
    noun: &'static str,
    plural: &'static str,
    pos: HashMap<&'a str, usize>,
    ids: Vec<&'a str>,
    /// Each repeated id: its position and the position of its first occurrence.
    repeats: Vec<(usize, usize)>,
    /// How many more suggestions this validation may search for (shared by every index).
    suggestions: Rc<Cell<usize>>,
}

/// Takes one suggestion from `budget`; false once [`MAX_SUGGESTIONS`] have been given.
fn take_suggestion(budget: &Cell<usize>) -> bool {
    let left = budget.get();
    budget.set(left.saturating_sub(1));
    left > 0
}

impl<'a> Index<'a> {
    fn new(
        noun: &'static str,
        plural: &'static str,
        ids: impl Iterator<Item = &'a str>,
        suggestions: &Rc<Cell<usize>>,
    ) -> Self {
        let ids: Vec<&str> = ids.collect();
        let mut pos = HashMap::with_capacity(ids.len());
        let mut repeats = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let first = *pos.entry(*id).or_insert(i);
            if first != i {
                repeats.push((i, first));
            }
        }
        Index {
            noun,
            plural,
            pos,
            ids,
            repeats,
            suggestions: Rc::clone(suggestions),
        }
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.pos.get(id).copied()
    }

    /// Checks that `id` names an entry; reports it otherwise, with a suggestion for the
    /// first [`MAX_SUGGESTIONS`] findings. The pointer and the context (who names it) are
    /// only built for a finding, not for each of the references that resolve.
    fn resolve(
        &self,
        out: &mut Vec<Diagnostic>,
        id: &str,
        pointer: impl FnOnce() -> String,
        context: impl FnOnce() -> String,
    ) -> Option<usize> {
        if let Some(i) = self.get(id) {
            return Some(i);
        }
        let d = Diagnostic::new(
            Code::UnknownReference,
            pointer(),
            format!(
                "{} names {} `{id}`, which does not exist",
                context(),
                self.noun
            ),
        );
        if !take_suggestion(&self.suggestions) {
            out.push(d);
            return None;
        }
        out.push(match closest(id, self.ids.iter().copied()) {
            Some(best) => d.hint(format!("did you mean `{best}`?")),
            None if self.ids.is_empty() => d.hint(format!("the ladder has no {} yet", self.plural)),
            None => d.hint(format!(
                "known {}: {}",
                self.plural,
                self.ids
                    .iter()
                    .take(8)
                    .map(|i| format!("`{i}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        });
        None
    }
}

/// Indexes of every collection a reference can name.
struct Indexes<'a> {
    services: Index<'a>,
    roles: Index<'a>,
    people: Index<'a>,
    rotations: Index<'a>,
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
}

impl Indexes<'_> {
    /// Checks that target `t` resolves; `base` is the pointer of the target object.
    fn target(
        &self,
        out: &mut Vec<Diagnostic>,
        t: &Target,
        base: impl FnOnce() -> String,
        context: impl FnOnce() -> String,
    ) {
        let (index, id) = match t {
            Target::Person(id) => (&self.people, id.as_str()),
            Target::Rotation(id) => (&self.rotations, id.as_str()),
            Target::Role(id) => (&self.roles, id.as_str()),
        };
        index.resolve(out, id, || target_ptr(&base(), t), context);
    }
}

/// Who a target can reach, ignoring time.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reach {
    /// A reference that does not resolve (already reported).
    Unknown,
    /// Nobody, ever (an empty role or rotation).
    Nobody,
    /// Somebody (a person, a role's holders, a rotation's members), at any time.
    Always,
    /// A rotation with a window: its members, but only inside the window.
    Windowed(usize),
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

fn target_ptr(base: &str, t: &Target) -> String {
    let key = match t {
        Target::Person(_) => "person",
        Target::Rotation(_) => "rotation",
        Target::Role(_) => "role",
    };
    format!("{base}/{key}")
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
        let roles = Index::new(
            "role",
            "roles",
            l.roles.iter().map(|r| r.id.as_str()),
            &budget,
        );
        let people = Index::new(
            "person",
            "people",
            l.people.iter().map(|p| p.id.as_str()),
            &budget,
        );
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
        let ix = Indexes {
            services: Index::new(
                "service",
                "services",
                l.services.iter().map(|s| s.id.as_str()),
                &budget,
            ),
            roles,
            people,
            rotations: Index::new(
                "rotation",
                "rotations",
                l.rotations.iter().map(|r| r.id.as_str()),
                &budget,
            ),
            tiers: Index::new(
                "tier",
                "tiers",
                l.tiers.iter().map(|t| t.id.as_str()),
                &budget,
            ),
            playbooks: Index::new(
                "playbook",
                "playbooks",
                l.playbooks.iter().map(|p| p.id.as_str()),
                &budget,
            ),
            holders,
            members,
            role_fastest,
            rotation_fastest,
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
        Report {
            diagnostics: self.out,
        }
    }

    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    fn reach(&self, t: &Target) -> Reach {
        match t {
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
            Target::Rotation(id) => match self.ix.rotations.get(id.as_str()) {
                None => Reach::Unknown,
                Some(r) => {
                    let rot = &self.l.rotations[r];
                    if self.ix.members[r].is_empty() || rot.shift.is_zero() {
                        Reach::Nobody
                    } else if rot.window.as_ref().is_some_and(|w| !w.days.is_empty()) {
                        Reach::Windowed(r)
                    } else if rot.window.is_some() {
                        Reach::Nobody
                    } else {
                        Reach::Always
                    }
                }
            },
        }
    }

    /// The fastest median acknowledgement of anyone a target could ever page; `None`
    /// when it can page nobody. Constant time: the minimums are computed once.
    fn fastest_ack(&self, t: &Target) -> Option<Duration> {
        if !matches!(self.reach(t), Reach::Always | Reach::Windowed(_)) {
            return None;
        }
        match t {
            Target::Person(id) => {
                let p = self.ix.people.get(id.as_str())?;
                Some(median_ack(self.l, &self.l.people[p]))
            }
            Target::Role(id) => self.ix.role_fastest[self.ix.roles.get(id.as_str())?],
            Target::Rotation(id) => self.ix.rotation_fastest[self.ix.rotations.get(id.as_str())?],
        }
    }

    fn tier_label(&self, i: usize) -> String {
        let t = &self.l.tiers[i];
        format!("tier `{}` ({})", t.id, t.name)
    }

    // ---- ids and references ------------------------------------------------------------

    fn ids(&mut self) {
        let l = self.l;
        // The reference indexes already know their repeated ids; the other collections
        // are indexed here.
        let budget = &self.suggestions;
        let triggers = Index::new(
            "trigger",
            "triggers",
            l.triggers.iter().map(|x| x.id.as_str()),
            budget,
        );
        let templates = Index::new(
            "template",
            "templates",
            l.templates.iter().map(|x| x.id.as_str()),
            budget,
        );
        let scenarios = Index::new(
            "scenario",
            "scenarios",
            l.scenarios.iter().map(|x| x.id.as_str()),
            budget,
        );
        let ix = &self.ix;
        // In the format's order of collections.
        let colls = [
            &ix.services,
            &ix.roles,
            &ix.people,
            &ix.rotations,
            &ix.tiers,
            &triggers,
            &ix.playbooks,
            &templates,
            &scenarios,
        ];
        for index in colls {
            let (coll, noun) = (index.plural, index.noun);
            for &(i, j) in &index.repeats {
                let id = index.ids[i];
                self.out.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        ptr(&[&coll, &i, &"id"]),
                        format!("{noun} id `{id}` is already used by /{coll}/{j}"),
                    )
                    .hint(format!("give each {noun} its own id")),
                );
            }
        }
        if l.tiers.is_empty() {
            self.push(
                Diagnostic::new(Code::NoTiers, "/tiers", "the ladder has no tiers")
                    .hint("add at least one severity tier with an escalation policy"),
            );
        }
    }

    fn references(&mut self) {
        let (l, ix, out) = (self.l, &self.ix, &mut self.out);
        for (i, s) in l.services.iter().enumerate() {
            for (j, d) in s.depends_on.iter().enumerate() {
                ix.services.resolve(
                    out,
                    d.as_str(),
                    || ptr(&[&"services", &i, &"depends_on", &j]),
                    || format!("service `{}` depends_on", s.id),
                );
            }
        }
        for (i, p) in l.people.iter().enumerate() {
            for (j, r) in p.roles.iter().enumerate() {
                ix.roles.resolve(
                    out,
                    r.as_str(),
                    || ptr(&[&"people", &i, &"roles", &j]),
                    || format!("person `{}`", p.id),
                );
            }
            if let Some(b) = &p.backup {
                ix.people.resolve(
                    out,
                    b.as_str(),
                    || ptr(&[&"people", &i, &"backup"]),
                    || format!("the backup of person `{}`", p.id),
                );
            }
        }
        for (i, r) in l.rotations.iter().enumerate() {
            for (j, m) in r.members.iter().enumerate() {
                ix.people.resolve(
                    out,
                    m.as_str(),
                    || ptr(&[&"rotations", &i, &"members", &j]),
                    || format!("rotation `{}`", r.id),
                );
            }
        }
        for (i, t) in l.tiers.iter().enumerate() {
            for (duty, who) in t.owners.duties() {
                if let Some(who) = who {
                    ix.target(
                        out,
                        who,
                        || ptr(&[&"tiers", &i, &"owners", &duty]),
                        || format!("the {duty} owner of tier `{}`", t.id),
                    );
                }
            }
            for (k, s) in t.escalation.steps.iter().enumerate() {
                for (j, who) in s.notify.iter().enumerate() {
                    ix.target(
                        out,
                        who,
                        || ptr(&[&"tiers", &i, &"escalation", &"steps", &k, &"notify", &j]),
                        || format!("step {} of tier `{}`", k + 1, t.id),
                    );
                }
            }
            if let Some(p) = &t.playbook {
                ix.playbooks.resolve(
                    out,
                    p.as_str(),
                    || ptr(&[&"tiers", &i, &"playbook"]),
                    || format!("tier `{}`", t.id),
                );
            }
        }
        for (i, t) in l.triggers.iter().enumerate() {
            let ctx = || format!("trigger `{}`", t.id);
            ix.services.resolve(
                out,
                t.service.as_str(),
                || ptr(&[&"triggers", &i, &"service"]),
                ctx,
            );
            ix.tiers.resolve(
                out,
                t.tier.as_str(),
                || ptr(&[&"triggers", &i, &"tier"]),
                ctx,
            );
        }
        for (i, p) in l.playbooks.iter().enumerate() {
            for (k, s) in p.steps.iter().enumerate() {
                if let Some(owner) = &s.owner {
                    ix.target(
                        out,
                        owner,
                        || ptr(&[&"playbooks", &i, &"steps", &k, &"owner"]),
                        || format!("step {} of playbook `{}`", k + 1, p.id),
                    );
                }
            }
        }
    }

    // ---- tiers -------------------------------------------------------------------------

    fn tiers(&mut self) {
        let l = self.l;
        let mut ranks: HashMap<u32, usize> = HashMap::new();
        for (i, t) in l.tiers.iter().enumerate() {
            let label = self.tier_label(i);
            if t.rank == 0 {
                self.push(
                    Diagnostic::new(
                        Code::InvalidRank,
                        ptr(&[&"tiers", &i, &"rank"]),
                        format!("{label} has rank 0"),
                    )
                    .hint("ranks start at 1, the most severe tier"),
                );
            } else if let Some(&j) = ranks.get(&t.rank) {
                self.push(
                    Diagnostic::new(
                        Code::DuplicateRank,
                        ptr(&[&"tiers", &i, &"rank"]),
                        format!("{label} has rank {}, like tier `{}`", t.rank, l.tiers[j].id),
                    )
                    .hint("each tier needs its own rank; 1 is the most severe"),
                );
            } else {
                ranks.insert(t.rank, i);
            }

            let tl = &t.timelines;
            for (a, b) in [
                ("acknowledge", "contain"),
                ("contain", "resolve"),
                ("acknowledge", "resolve"),
            ] {
                if let (Some(x), Some(y)) = (timeline(tl, a), timeline(tl, b)) {
                    // acknowledge > resolve is only reported when contain does not sit between.
                    if a == "acknowledge" && b == "resolve" && tl.contain.is_some() {
                        continue;
                    }
                    if x > y {
                        self.push(
                            Diagnostic::new(
                                Code::TimelineOrder,
                                ptr(&[&"tiers", &i, &"timelines", &a]),
                                format!("{label} allows {x} to {a} but only {y} to {b}"),
                            )
                            .hint(format!("{a} must come no later than {b}")),
                        );
                    }
                }
            }

            let steps = &t.escalation.steps;
            if steps.is_empty() {
                self.push(
                    Diagnostic::new(
                        Code::EmptyEscalation,
                        ptr(&[&"tiers", &i, &"escalation", &"steps"]),
                        format!("{label} has no escalation steps, so it pages nobody"),
                    )
                    .hint("add a step that notifies a rotation, a role or a person"),
                );
            }
            for (k, s) in steps.iter().enumerate() {
                if s.notify.is_empty() {
                    self.push(
                        Diagnostic::new(
                            Code::EmptyStep,
                            ptr(&[&"tiers", &i, &"escalation", &"steps", &k, &"notify"]),
                            format!("step {} of {label} notifies nobody", k + 1),
                        )
                        .hint("add a rotation, a role or a person to notify, or remove the step"),
                    );
                }
            }
            if t.escalation.repeat > 0
                && !steps.is_empty()
                && steps.iter().all(|s| s.escalate_after.is_zero())
            {
                self.push(
                    Diagnostic::new(
                        Code::PageStorm,
                        ptr(&[&"tiers", &i, &"escalation", &"repeat"]),
                        format!(
                            "{label} repeats its policy {} time(s) but every step waits 0m: all pages go out at once",
                            t.escalation.repeat
                        ),
                    )
                    .hint("give the steps an escalate_after, or set repeat to 0"),
                );
            }
            if tl.first_update.is_some() && t.owners.communication.is_none() {
                self.push(
                    Diagnostic::new(
                        Code::NoCommunicationOwner,
                        ptr(&[&"tiers", &i, &"owners", &"communication"]),
                        format!("{label} expects a first update within {} but has no communication owner", tl.first_update.unwrap_or_default()),
                    )
                    .hint("name a communication owner (a comms rotation or role)"),
                );
            }
            self.consecutive_people(i);
            self.escalation_speed(i);
            self.owner_backups(i);
        }
        self.timeline_inversions();
    }

    fn consecutive_people(&mut self, i: usize) {
        let t = &self.l.tiers[i];
        for (k, pair) in t.escalation.steps.windows(2).enumerate() {
            // The people the earlier step pages by name, looked up once per pair.
            let before: HashSet<&str> = pair[0]
                .notify
                .iter()
                .filter_map(|w| match w {
                    Target::Person(p) => Some(p.as_str()),
                    _ => None,
                })
                .collect();
            for (j, who) in pair[1].notify.iter().enumerate() {
                if let Target::Person(p) = who {
                    if before.contains(p.as_str()) {
                        let d = Diagnostic::new(
                            Code::SamePersonConsecutiveSteps,
                            ptr(&[&"tiers", &i, &"escalation", &"steps", &(k + 1), &"notify", &j, &"person"]),
                            format!(
                                "`{p}` is paged in step {} and again in step {} of {}: if they are away, both steps fail",
                                k + 1,
                                k + 2,
                                self.tier_label(i)
                            ),
                        )
                        .hint("escalate to someone else, such as their backup or a secondary rotation");
                        self.push(d);
                    }
                }
            }
        }
    }

    fn escalation_speed(&mut self, i: usize) {
        let l = self.l;
        let t = &l.tiers[i];
        for (k, s) in t.escalation.steps.iter().enumerate() {
            let fastest = s
                .notify
                .iter()
                .filter_map(|who| self.fastest_ack(who))
                .min();
            if let Some(median) = fastest {
                if s.escalate_after < median
                    && !(s.escalate_after.is_zero() && t.escalation.steps.len() == 1)
                {
                    let d = Diagnostic::new(
                        Code::EscalatesBeforeResponse,
                        ptr(&[&"tiers", &i, &"escalation", &"steps", &k, &"escalate_after"]),
                        format!(
                            "step {} of {} escalates after {}, but the people it pages acknowledge after {median} at the median",
                            k + 1,
                            self.tier_label(i),
                            s.escalate_after
                        ),
                    )
                    .hint(format!("wait at least {median} before the next step"));
                    self.push(d);
                }
            }
        }
        if let Some(deadline) = t.timelines.acknowledge {
            let mut offset = Duration::ZERO;
            let mut first_reaching = None;
            for s in &t.escalation.steps {
                // An unknown target is already an error; give it the benefit of the doubt here.
                if s.notify.iter().any(|who| self.reach(who) != Reach::Nobody) {
                    first_reaching = Some(offset);
                    break;
                }
                offset = Duration::from_millis(
                    offset
                        .as_millis()
                        .saturating_add(s.escalate_after.as_millis()),
                );
            }
            let problem = match first_reaching {
                None => Some(format!("no step of {} can reach anybody, so nobody can acknowledge within {deadline}", self.tier_label(i))),
                Some(at) if at >= deadline => Some(format!(
                    "the first step of {} that reaches a person pages at {at}, after the acknowledge deadline of {deadline}",
                    self.tier_label(i)
                )),
                Some(_) => None,
            };
            if let Some(message) = problem {
                self.push(
                    Diagnostic::new(
                        Code::UnreachableBeforeDeadline,
                        ptr(&[&"tiers", &i, &"timelines", &"acknowledge"]),
                        message,
                    )
                    .hint("page someone in an earlier step, or allow more time to acknowledge"),
                );
            }
        }
    }

    fn owner_backups(&mut self, i: usize) {
        let l = self.l;
        for (duty, who) in l.tiers[i].owners.duties() {
            let lone =
                match who {
                    Some(Target::Person(id)) => self.ix.people.get(id.as_str()),
                    Some(Target::Role(id)) => self.ix.roles.get(id.as_str()).and_then(|r| {
                        (self.ix.holders[r].len() == 1).then(|| self.ix.holders[r][0])
                    }),
                    _ => None,
                };
            if let Some(p) = lone {
                let person = &l.people[p];
                if person.backup.is_none() {
                    let d = Diagnostic::new(
                        Code::OwnerWithoutBackup,
                        ptr(&[&"tiers", &i, &"owners", &duty]),
                        format!(
                            "the {duty} owner of {} is {} alone, with no backup and no rotation behind them",
                            self.tier_label(i),
                            person.name
                        ),
                    )
                    .hint(format!("give `{}` a backup, or make the owner a rotation", person.id));
                    self.push(d);
                }
            }
        }
    }

    fn timeline_inversions(&mut self) {
        let l = self.l;
        let mut by_rank: Vec<usize> = (0..l.tiers.len()).collect();
        by_rank.sort_by_key(|&i| l.tiers[i].rank);
        for name in TIMELINES {
            let set: Vec<(usize, Duration)> = by_rank
                .iter()
                .filter_map(|&i| timeline(&l.tiers[i].timelines, name).map(|d| (i, d)))
                .collect();
            for pair in set.windows(2) {
                let ((severe, a), (milder, b)) = (pair[0], pair[1]);
                if a > b && l.tiers[severe].rank != l.tiers[milder].rank {
                    let d = Diagnostic::new(
                        Code::TimelineInversion,
                        ptr(&[&"tiers", &severe, &"timelines", &name]),
                        format!(
                            "{} allows {a} for {name}, more than the less severe {} ({b})",
                            self.tier_label(severe),
                            self.tier_label(milder)
                        ),
                    )
                    .hint("a more severe tier should be held to a tighter target");
                    self.push(d);
                }
            }
        }
    }

    // ---- rotations, services, people, templates ------------------------------------

    fn rotations(&mut self) {
        for (i, r) in self.l.rotations.iter().enumerate() {
            if r.members.is_empty() {
                self.push(
                    Diagnostic::new(
                        Code::EmptyRotation,
                        ptr(&[&"rotations", &i, &"members"]),
                        format!("rotation `{}` has no members", r.id),
                    )
                    .hint("add the people who take turns on call"),
                );
            }
            if r.shift.is_zero() {
                self.push(
                    Diagnostic::new(
                        Code::InvalidShift,
                        ptr(&[&"rotations", &i, &"shift"]),
                        format!("rotation `{}` has a shift of 0m", r.id),
                    )
                    .hint("a shift is how long each member is on call, e.g. \"1w\" or \"12h\""),
                );
            }
            if let Some(w) = &r.window {
                if w.days.is_empty() {
                    self.push(
                        Diagnostic::new(Code::MalformedWindow, ptr(&[&"rotations", &i, &"window", &"days"]), format!("the window of rotation `{}` lists no days, so it never covers anything", r.id))
                            .hint("list the days it covers, or remove the window for around-the-clock cover"),
                    );
                }
                let mut seen = [false; 7];
                for (j, d) in w.days.iter().enumerate() {
                    if std::mem::replace(&mut seen[*d as usize], true) {
                        self.push(Diagnostic::new(
                            Code::MalformedWindow,
                            ptr(&[&"rotations", &i, &"window", &"days", &j]),
                            format!(
                                "the window of rotation `{}` lists `{}` twice",
                                r.id,
                                d.as_str()
                            ),
                        ));
                    }
                }
            }
        }
    }

    fn services(&mut self) {
        let l = self.l;
        // Colour-marking depth-first search with an explicit stack (a chain of thousands
        // of services must not overflow the call stack); each cycle is reported once, at
        // the edge that closes it. Dependencies are followed in document order, as a
        // recursive search would.
        let n = l.services.len();
        let mut state = vec![0u8; n]; // 0 new, 1 on the path, 2 done
                                      // Position on the path of each service that is on it.
        let mut on_path = vec![usize::MAX; n];
        // The current path: each service with the index of its next dependency to follow.
        let mut path: Vec<(usize, usize)> = Vec::new();
        for root in 0..n {
            if state[root] != 0 {
                continue;
            }
            state[root] = 1;
            on_path[root] = 0;
            path.push((root, 0));
            while let Some(&mut (s, ref mut next)) = path.last_mut() {
                let Some(dep) = l.services[s].depends_on.get(*next) else {
                    path.pop();
                    state[s] = 2;
                    on_path[s] = usize::MAX;
                    continue;
                };
                let j = *next;
                *next += 1;
                let Some(d) = self.ix.services.get(dep.as_str()) else {
                    continue;
                };
                match state[d] {
                    0 => {
                        state[d] = 1;
                        on_path[d] = path.len();
                        path.push((d, 0));
                    }
                    1 => {
                        let cycle: Vec<usize> =
                            path[on_path[d]..].iter().map(|&(x, _)| x).collect();
                        self.dependency_cycle(s, j, &cycle);
                    }
                    _ => {}
                }
            }
        }
    }

    /// Reports the cycle `cycle` (services in dependency order, back to the first), closed
    /// by dependency `j` of service `s`.
    fn dependency_cycle(&mut self, s: usize, j: usize, cycle: &[usize]) {
        let l = self.l;
        let name = |x: &usize| l.services[*x].id.as_str();
        let mut names: Vec<&str> = Vec::new();
        let elided;
        if cycle.len() <= CYCLE_NAMES_SHOWN {
            names.extend(cycle.iter().map(name));
        } else {
            let half = CYCLE_NAMES_SHOWN / 2;
            names.extend(cycle[..half].iter().map(name));
            elided = format!("… {} more …", cycle.len() - 2 * half);
            names.push(&elided);
            names.extend(cycle[cycle.len() - half..].iter().map(name));
        }
        names.push(name(&cycle[0]));
        self.push(
            Diagnostic::new(
                Code::DependencyCycle,
                ptr(&[&"services", &s, &"depends_on", &j]),
                format!(
                    "services depend on each other in a cycle: {}",
                    names.join(" → ")
                ),
            )
            .hint("dependencies must form a hierarchy; remove one of these depends_on entries"),
        );
    }

    fn people(&mut self) {
        let l = self.l;
        let mut used = vec![false; l.people.len()];
        for &p in self.ix.members.iter().flatten() {
            used[p] = true;
        }
        let direct = l.tiers.iter().flat_map(|t| {
            t.escalation
                .steps
                .iter()
                .flat_map(|s| s.notify.iter())
                .chain(t.owners.duties().into_iter().filter_map(|(_, w)| w))
        });
        for who in direct {
            if let Target::Person(id) = who {
                if let Some(p) = self.ix.people.get(id.as_str()) {
                    used[p] = true;
                }
            }
        }
        for (i, p) in l.people.iter().enumerate() {
            if p.backup.as_ref() == Some(&p.id) {
                self.push(
                    Diagnostic::new(
                        Code::BackupCycle,
                        ptr(&[&"people", &i, &"backup"]),
                        format!("{} (`{}`) is their own backup", p.name, p.id),
                    )
                    .hint("name someone else as the backup, or leave it out"),
                );
            }
            if p.roles.is_empty() && !used[i] {
                self.push(
                    Diagnostic::new(
                        Code::UnusedPerson,
                        ptr(&[&"people", &i]),
                        format!(
                            "{} (`{}`) is in no rotation, role or step, so nothing ever pages them",
                            p.name, p.id
                        ),
                    )
                    .hint("add them to a rotation or give them a role, or remove them"),
                );
            }
        }
        for (i, r) in l.roles.iter().enumerate() {
            if self.ix.roles.get(r.id.as_str()) == Some(i) && self.ix.holders[i].is_empty() {
                self.push(
                    Diagnostic::new(
                        Code::EmptyRole,
                        ptr(&[&"roles", &i]),
                        format!("nobody holds the role `{}` ({})", r.id, r.name),
                    )
                    .hint("give the role to someone in people, or remove it"),
                );
            }
        }
    }

    fn templates(&mut self) {
        for (i, t) in self.l.templates.iter().enumerate() {
            let mut rest = t.body.as_str();
            while let Some(open) = rest.find("{{") {
                let after = &rest[open + 2..];
                let Some(close) = after.find("}}") else {
                    self.push(
                        Diagnostic::new(Code::UnknownPlaceholder, ptr(&[&"templates", &i, &"body"]), format!("template `{}` opens a placeholder with `{{{{` that is never closed", t.id))
                            .hint("close it with `}}`"),
                    );
                    break;
                };
                let name = after[..close].trim();
                if !TEMPLATE_PLACEHOLDERS.contains(&name) {
                    let shown = crate::text::truncate_for_display(name, 40);
                    let best = take_suggestion(&self.suggestions)
                        .then(|| closest(name, TEMPLATE_PLACEHOLDERS))
                        .flatten();
                    let hint = match best {
                        Some(best) => format!("did you mean `{{{{{best}}}}}`?"),
                        None => format!(
                            "known placeholders: {}",
                            TEMPLATE_PLACEHOLDERS
                                .iter()
                                .map(|p| format!("{{{{{p}}}}}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    self.push(
                        Diagnostic::new(
                            Code::UnknownPlaceholder,
                            ptr(&[&"templates", &i, &"body"]),
                            format!(
                                "template `{}` uses the unknown placeholder `{{{{{shown}}}}}`",
                                t.id
                            ),
                        )
                        .hint(hint),
                    );
                }
                rest = &after[close + 2..];
            }
        }
    }

    fn delay_model(&mut self, pointer: String, median: Duration, p90: Duration, what: &str) {
        if p90 < median || (median.is_zero() && !p90.is_zero()) {
            self.push(
                Diagnostic::new(Code::InvalidDelayModel, pointer, format!("{what} has a 90th percentile of {p90} below its median of {median}"))
                    .hint("the 90th percentile must be at least the median (equal means a fixed delay), and a zero median needs a zero p90"),
            );
        }
    }

    // ---- triggers and reachability -------------------------------------------------

    fn triggers(&mut self) {
        let l = self.l;
        let ranks: Vec<Option<u32>> = l
            .triggers
            .iter()
            .map(|t| self.ix.tiers.get(t.tier.as_str()).map(|i| l.tiers[i].rank))
            .collect();
        // Only triggers on the same signal can contradict each other: each is compared
        // with the earlier ones on its signal, at most MAX_TRIGGER_COMPARISONS of them.
        let mut by_signal: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        for (i, t) in l.triggers.iter().enumerate() {
            if t.clear_for.is_zero() {
                self.push(
                    Diagnostic::new(
                        Code::FlappingTrigger,
                        ptr(&[&"triggers", &i, &"clear_for"]),
                        format!("trigger `{}` stops firing the moment its condition is false, so a noisy signal makes the incident flap", t.id),
                    )
                    .hint("set clear_for, e.g. \"10m\""),
                );
            }
            let earlier = by_signal
                .entry((t.service.as_str(), t.metric.as_str()))
                .or_default();
            let skip = earlier.len().saturating_sub(MAX_TRIGGER_COMPARISONS);
            for &j in &earlier[skip..] {
                let u = &l.triggers[j];
                let (Some(rt), Some(ru)) = (ranks[i], ranks[j]) else {
                    continue;
                };
                let upward = |o: Op| matches!(o, Op::Gt | Op::Ge);
                if upward(t.op) != upward(u.op) {
                    continue;
                }
                // The stricter condition (further from normal) must not map to a less severe tier.
                let t_stricter = if upward(t.op) {
                    t.threshold > u.threshold
                } else {
                    t.threshold < u.threshold
                };
                let u_stricter = if upward(u.op) {
                    u.threshold > t.threshold
                } else {
                    u.threshold < t.threshold
                };
                let same = t.threshold == u.threshold && t.op == u.op;
                let contradicts =
                    (same && rt != ru) || (t_stricter && rt > ru) || (u_stricter && ru > rt);
                if contradicts {
                    let message = if same {
                        format!("triggers `{}` and `{}` watch the same condition on {} {} but open different tiers", u.id, t.id, t.service, t.metric)
                    } else {
                        format!(
                            "triggers `{}` ({} {} {}) and `{}` ({} {} {}) contradict each other: the worse value opens the less severe tier",
                            u.id, u.metric, u.op.as_str(), u.threshold, t.id, t.metric, t.op.as_str(), t.threshold
                        )
                    };
                    self.push(
                        Diagnostic::new(Code::ContradictoryTriggers, ptr(&[&"triggers", &i, &"tier"]), message)
                            .hint(format!("compare with /triggers/{j}; a worse signal should open an equal or more severe tier")),
                    );
                }
            }
            earlier.push(i);
        }
    }

    fn reachability(&mut self) {
        let l = self.l;
        let mut by_rank: Vec<usize> = (0..l.tiers.len()).collect();
        by_rank.sort_by_key(|&i| l.tiers[i].rank);
        let opened: HashSet<&str> = l.triggers.iter().map(|tr| tr.tier.as_str()).collect();
        for (pos, &i) in by_rank.iter().enumerate() {
            let t = &l.tiers[i];
            let by_trigger = opened.contains(t.id.as_str());
            let by_breach = by_rank.get(pos + 1).is_some_and(|&milder| {
                let ob = &l.tiers[milder].on_breach;
                [ob.acknowledge, ob.contain, ob.resolve, ob.first_update]
                    .contains(&Some(BreachAction::Escalate))
            });
            if !by_trigger && !by_breach {
                self.push(
                    Diagnostic::new(Code::UnreachableTier, ptr(&[&"tiers", &i]), format!("nothing leads to {}: no trigger opens it and no breach escalates to it", self.tier_label(i)))
                        .hint("add a trigger for it, or let a breach of the tier below escalate"),
                );
            }
        }
    }

    // ---- coverage ----------------------------------------------------------------------

    fn coverage(&mut self, from: i64) {
        let l = self.l;
        let to = from + COVERAGE_HORIZON_MS;
        // Spans of each windowed rotation, computed once.
        let mut spans: HashMap<usize, Vec<Span>> = HashMap::new();
        let mut check = |v: &mut Self, targets: &[&Target], pointer: String, what: String| {
            let mut covered: Vec<Vec<Span>> = Vec::new();
            let mut zone = None;
            for t in targets {
                match v.reach(t) {
                    Reach::Unknown => return, // reported as an unknown reference
                    Reach::Nobody => {}
                    Reach::Always => return,
                    Reach::Windowed(r) => {
                        let rot = &l.rotations[r];
                        zone.get_or_insert(rot.timezone.clone());
                        let s = spans.entry(r).or_insert_with(|| {
                            oncall::window_spans(
                                rot.window.as_ref().expect("windowed"),
                                rot.timezone.tz(),
                                from,
                                to,
                            )
                        });
                        covered.push(s.clone());
                    }
                }
            }
            let gaps = oncall::gaps(&covered, from, to);
            if gaps.is_empty() {
                return;
            }
            let total: i64 = gaps.iter().map(|g| g.len()).sum();
            let message = if total == to - from {
                format!("{what} pages nobody at any hour")
            } else {
                let shown = oncall::summarize_gaps(&gaps, zone.as_ref());
                format!(
                    "{what} pages nobody for {} over the next 8 weeks: {shown}",
                    hours(total)
                )
            };
            v.push(
                Diagnostic::new(Code::CoverageGap, pointer, message)
                    .hint("add a rotation or a person that covers these hours"),
            );
        };
        for (i, t) in l.tiers.iter().enumerate() {
            for (k, s) in t.escalation.steps.iter().enumerate() {
                if s.notify.is_empty() {
                    continue; // reported as an empty step
                }
                let targets: Vec<&Target> = s.notify.iter().collect();
                let what = format!("step {} of {}", k + 1, self.tier_label(i));
                check(
                    self,
                    &targets,
                    ptr(&[&"tiers", &i, &"escalation", &"steps", &k, &"notify"]),
                    what,
                );
            }
            for (duty, who) in t.owners.duties() {
                if let Some(who) = who {
                    let what = format!("the {duty} owner of {}", self.tier_label(i));
                    check(self, &[who], ptr(&[&"tiers", &i, &"owners", &duty]), what);
                }
            }
        }
        for (i, p) in l.people.iter().enumerate() {
            if let Some(r) = &p.response {
                self.delay_model(
                    ptr(&[&"people", &i, &"response"]),
                    r.ack_median,
                    r.ack_p90,
                    &format!("the response model of `{}`", p.id),
                );
            }
        }
        if let Some(r) = l.defaults.as_ref().and_then(|d| d.response.as_ref()) {
            self.delay_model(
                "/defaults/response".into(),
                r.ack_median,
                r.ack_p90,
                "the default response model",
            );
        }
    }

    // ---- scenarios ---------------------------------------------------------------------

    /// Warns about every tier that can page more than [`EXCESSIVE_PAGES`] times within
    /// `horizon` (of `scenario`, named for the message). The finding points at the tier's
    /// `repeat` (or its steps without one), or at `pointer` when given (a standalone
    /// scenario's own `/horizon`, since its report is read against the scenario file).
    fn excessive_paging(&mut self, horizon: Duration, scenario: &str, pointer: Option<&str>) {
        let l = self.l;
        for (i, t) in l.tiers.iter().enumerate() {
            let pages = max_pages(l, t, horizon);
            if pages <= EXCESSIVE_PAGES {
                continue;
            }
            let e = &t.escalation;
            let in_ladder = if e.repeat > 0 {
                ptr(&[&"tiers", &i, &"escalation", &"repeat"])
            } else {
                ptr(&[&"tiers", &i, &"escalation", &"steps"])
            };
            let cycle = Duration::from_millis(
                e.steps
                    .iter()
                    .fold(0u64, |a, s| a.saturating_add(s.escalate_after.as_millis())),
            );
            let how = match (e.steps.len(), e.repeat) {
                (1, 0) => "its step pages that many people".to_string(),
                (n, 0) => format!("its {n} steps page that many people"),
                (1, r) => format!("its step repeats every {cycle}, {r} more time(s)"),
                (n, r) => format!("its {n} steps repeat every {cycle}, {r} more time(s)"),
            };
            let mut message = format!(
                "{} can page up to {} times within the {horizon} horizon of {scenario}: {how}",
                self.tier_label(i),
                crate::text::group_thousands(pages),
            );
            if pointer.is_some() {
                message.push_str(&format!(" (the ladder's {in_ladder})"));
            }
            self.push(
                Diagnostic::new(
                    Code::ExcessivePaging,
                    pointer.map_or(in_ladder, str::to_string),
                    message,
                )
                .hint(format!(
                    "give the steps a longer escalate_after, lower repeat or shorten the horizon; a simulated run stops after {} events",
                    crate::text::group_thousands(crate::sim::EVENT_BUDGET)
                )),
            );
        }
    }

    fn scenario(&mut self, s: &ScenarioDocument, base: &str) {
        let l = self.l;
        let horizon = s.horizon;
        for (i, sig) in s.signals.iter().enumerate() {
            self.ix.services.resolve(
                &mut self.out,
                sig.service.as_str(),
                || format!("{base}/signals/{i}/service"),
                || format!("signal {}", i + 1),
            );
            for (j, pair) in sig.points.windows(2).enumerate() {
                if pair[1].0 <= pair[0].0 {
                    self.push(
                        Diagnostic::new(
                            Code::UnorderedPoints,
                            format!("{base}/signals/{i}/points/{}/0", j + 1),
                            format!("point {} of the {} {} signal is at {}, not after the point before it ({})", j + 2, sig.service, sig.metric, pair[1].0, pair[0].0),
                        )
                        .hint("list points in increasing time order, each time once"),
                    );
                }
            }
            for (j, p) in sig.points.iter().enumerate() {
                if p.0 >= horizon {
                    self.push(Diagnostic::new(
                        Code::AfterHorizon,
                        format!("{base}/signals/{i}/points/{j}/0"),
                        format!("a point of the {} {} signal is at {}, at or after the scenario's horizon of {horizon}", sig.service, sig.metric, p.0),
                    ));
                }
            }
            if !l
                .triggers
                .iter()
                .any(|t| t.service == sig.service && t.metric == sig.metric)
            {
                self.push(
                    Diagnostic::new(
                        Code::UnwatchedSignal,
                        format!("{base}/signals/{i}/metric"),
                        format!(
                            "no trigger watches {} on {}, so this signal cannot open an incident",
                            sig.metric, sig.service
                        ),
                    )
                    .hint("check the metric's spelling against the ladder's triggers"),
                );
            }
        }
        for (i, inj) in s.injects.iter().enumerate() {
            if let Inject::Unavailable(u) = inj {
                self.ix.people.resolve(
                    &mut self.out,
                    u.unavailable.as_str(),
                    || format!("{base}/injects/{i}/unavailable"),
                    || format!("inject {}", i + 1),
                );
            }
            if inj.at() >= horizon {
                self.push(Diagnostic::new(
                    Code::AfterHorizon,
                    format!("{base}/injects/{i}/at"),
                    format!(
                        "inject {} happens at {}, at or after the scenario's horizon of {horizon}",
                        i + 1,
                        inj.at()
                    ),
                ));
            }
        }
        let w = &s.work;
        self.delay_model(
            format!("{base}/work/contain_after_ack"),
            w.contain_after_ack.median,
            w.contain_after_ack.p90,
            "contain_after_ack",
        );
        self.delay_model(
            format!("{base}/work/resolve_after_contain"),
            w.resolve_after_contain.median,
            w.resolve_after_contain.p90,
            "resolve_after_contain",
        );
    }
}
