//! A read-only view model of a ladder: what the app shows on its overview, with every id
//! resolved to a display name. Building it here keeps the app a thin renderer and lets
//! the wording be tested natively.

use foldhash::{HashMap, HashMapExt};

use crate::model::*;
use crate::Duration;

/// The whole ladder as the overview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LadderOverview {
    /// Ladder name.
    pub name: String,
    /// Revision number.
    pub revision: u32,
    /// Description, if any.
    pub description: Option<String>,
    /// Rungs, most severe (rank 1) first, i.e. top to bottom.
    pub rungs: Vec<RungView>,
    /// People, in document order.
    pub people: Vec<PersonView>,
    /// Roles with their holders.
    pub roles: Vec<RoleView>,
    /// Rotations.
    pub rotations: Vec<RotationView>,
    /// Triggers.
    pub triggers: Vec<TriggerView>,
    /// Services.
    pub services: Vec<ServiceView>,
    /// Scenarios.
    pub scenarios: Vec<ScenarioView>,
}

/// One tier, drawn as a rung.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RungView {
    /// JSON Pointer of the entry (`/tiers/i`), where diagnostics point.
    pub pointer: String,
    /// Tier id.
    pub id: String,
    /// Tier name.
    pub name: String,
    /// Rank (1 = most severe).
    pub rank: u32,
    /// Severity class 1-4 for colouring: 1 for the most severe tier, 4 for the fourth
    /// and any below it.
    pub severity: u8,
    /// Criteria text.
    pub criteria: Option<String>,
    /// `(field, duration)` for each timeline that is set, in the format's order
    /// (`acknowledge`, `contain`, `resolve`, `first_update`, `update_every`).
    pub timelines: Vec<(&'static str, String)>,
    /// `(duty, who)` for each owner that is set.
    pub owners: Vec<(&'static str, TargetView)>,
    /// Escalation steps in order.
    pub steps: Vec<StepView>,
    /// Extra passes over the steps.
    pub repeat: u32,
    /// Timelines whose breach escalates, with the tier escalated to (if any).
    pub escalates_on: Vec<&'static str>,
    /// Name of the tier a breach escalates to (the next more severe one).
    pub escalates_to: Option<String>,
    /// Playbook name.
    pub playbook: Option<String>,
    /// Names of the triggers that open or promote to this tier.
    pub triggers: Vec<String>,
}

/// One escalation step.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StepView {
    /// JSON Pointer of the entry (`/tiers/i/escalation/steps/k`), where diagnostics point.
    pub pointer: String,
    /// 1-based number, as people count steps.
    pub number: usize,
    /// Who is paged.
    pub targets: Vec<TargetView>,
    /// Wait before the next step, canonical form.
    pub escalate_after: String,
}

/// A target with its display name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TargetView {
    /// `person`, `rotation` or `role`.
    pub kind: &'static str,
    /// The referenced id.
    pub id: String,
    /// Display name (the id itself when it does not resolve).
    pub label: String,
}

/// A person.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonView {
    /// JSON Pointer of the entry (`/people/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Time zone.
    pub timezone: String,
    /// Role names.
    pub roles: Vec<String>,
    /// Backup's name.
    pub backup: Option<String>,
}

/// A role and who holds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RoleView {
    /// JSON Pointer of the entry (`/roles/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Names of its holders.
    pub holders: Vec<String>,
}

/// A rotation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RotationView {
    /// JSON Pointer of the entry (`/rotations/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Member names in turn order.
    pub members: Vec<String>,
    /// Shift length.
    pub shift: String,
    /// Time zone.
    pub timezone: String,
    /// Window as text (`"mon–fri 09:00–17:00"`), or `None` for around the clock.
    pub window: Option<String>,
}

/// A trigger.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TriggerView {
    /// JSON Pointer of the entry (`/triggers/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Service name.
    pub service: String,
    /// The condition, e.g. `error_rate >= 0.05 for 2m`.
    pub condition: String,
    /// Tier name.
    pub tier: String,
    /// Clear delay.
    pub clear_for: String,
}

/// A service.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ServiceView {
    /// JSON Pointer of the entry (`/services/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Criticality.
    pub criticality: &'static str,
    /// Names of the services it depends on.
    pub depends_on: Vec<String>,
}

/// A scenario.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ScenarioView {
    /// JSON Pointer of the entry (`/scenarios/i`), where diagnostics point.
    pub pointer: String,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Start instant.
    pub start: String,
    /// Horizon.
    pub horizon: String,
    /// Number of signals and injects.
    pub signals: usize,
    /// Number of injects.
    pub injects: usize,
}

/// An entry of a collection with an id and a display name.
pub trait Named {
    /// Its id.
    fn id(&self) -> &str;
    /// Its display name.
    fn name(&self) -> &str;
}

macro_rules! named {
    ($($ty:ty),*) => {$(
        impl Named for $ty {
            fn id(&self) -> &str {
                self.id.as_str()
            }
            fn name(&self) -> &str {
                &self.name
            }
        }
    )*};
}

named!(Person, Role, Rotation, Tier, Service, Playbook);

/// The display name of `id` in `items`, or the id itself when it does not resolve.
///
/// This scans `items`; to look up many ids, build a [`Names`] once instead.
pub fn find_name<T: Named>(items: &[T], id: &str) -> String {
    items
        .iter()
        .find(|i| i.id() == id)
        .map_or(id, Named::name)
        .to_string()
}

/// The display names of one collection by id, indexed once so that each lookup takes
/// constant time. Agrees with [`find_name`]: the first entry with an id wins, and an id
/// that does not resolve is its own name.
#[derive(Debug, Clone, Default)]
pub struct Names<'a> {
    by_id: HashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    /// Indexes `items`.
    pub fn new<T: Named>(items: &'a [T]) -> Self {
        let mut by_id = HashMap::with_capacity(items.len());
        for i in items {
            by_id.entry(i.id()).or_insert(i.name());
        }
        Names { by_id }
    }

    /// The display name of `id` (the id itself when it does not resolve).
    pub fn get(&self, id: &str) -> String {
        self.by_id.get(id).copied().unwrap_or(id).to_string()
    }
}

/// The name indexes of every collection a reference can name.
pub(crate) struct LadderNames<'a> {
    pub(crate) people: Names<'a>,
    pub(crate) roles: Names<'a>,
    pub(crate) rotations: Names<'a>,
    pub(crate) tiers: Names<'a>,
    pub(crate) services: Names<'a>,
    pub(crate) playbooks: Names<'a>,
}

impl<'a> LadderNames<'a> {
    pub(crate) fn new(ladder: &'a Ladder) -> Self {
        LadderNames {
            people: Names::new(&ladder.people),
            roles: Names::new(&ladder.roles),
            rotations: Names::new(&ladder.rotations),
            tiers: Names::new(&ladder.tiers),
            services: Names::new(&ladder.services),
            playbooks: Names::new(&ladder.playbooks),
        }
    }
}

impl LadderOverview {
    /// Builds the overview of `ladder`. References that do not resolve show their id.
    pub fn new(ladder: &Ladder) -> Self {
        let names = LadderNames::new(ladder);
        let person = |id: &str| names.people.get(id);
        let role = |id: &str| names.roles.get(id);
        let tier = |id: &str| names.tiers.get(id);
        let service = |id: &str| names.services.get(id);

        let rungs = rung_views(ladder, &names);
        // Holders of each role id, in the order of `people`, each person once per role.
        // Only ids of roles are kept, and names are cloned once, for the role views.
        let mut holders: HashMap<&str, Vec<&str>> = HashMap::with_capacity(ladder.roles.len());
        for r in &ladder.roles {
            holders.entry(r.id.as_str()).or_default();
        }
        for p in &ladder.people {
            let mut add = |r: &str| {
                if let Some(h) = holders.get_mut(r) {
                    h.push(p.name.as_str());
                }
            };
            // Each role once per person, even if listed twice: a short list is checked
            // in place, a long one sorted (so a hostile list costs no quadratic work).
            if p.roles.len() <= 8 {
                for (k, r) in p.roles.iter().enumerate() {
                    if !p.roles[..k].contains(r) {
                        add(r.as_str());
                    }
                }
            } else {
                let mut held: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
                held.sort_unstable();
                held.dedup();
                held.into_iter().for_each(add);
            }
        }

        LadderOverview {
            name: ladder.name.clone(),
            revision: ladder.revision,
            description: ladder.description.clone(),
            rungs,
            people: ladder
                .people
                .iter()
                .enumerate()
                .map(|(i, p)| PersonView {
                    pointer: format!("/people/{i}"),
                    id: p.id.to_string(),
                    name: p.name.clone(),
                    timezone: p.timezone.as_str().to_string(),
                    roles: p.roles.iter().map(|r| role(r.as_str())).collect(),
                    backup: p.backup.as_ref().map(|b| person(b.as_str())),
                })
                .collect(),
            roles: ladder
                .roles
                .iter()
                .enumerate()
                .map(|(i, r)| RoleView {
                    pointer: format!("/roles/{i}"),
                    id: r.id.to_string(),
                    name: r.name.clone(),
                    description: r.description.clone(),
                    holders: holders
                        .get(r.id.as_str())
                        .map(|h| h.iter().map(|n| n.to_string()).collect())
                        .unwrap_or_default(),
                })
                .collect(),
            rotations: ladder
                .rotations
                .iter()
                .enumerate()
                .map(|(i, r)| RotationView {
                    pointer: format!("/rotations/{i}"),
                    id: r.id.to_string(),
                    name: r.name.clone(),
                    members: r.members.iter().map(|m| person(m.as_str())).collect(),
                    shift: r.shift.to_string(),
                    timezone: r.timezone.to_string(),
                    window: r.window.as_ref().map(describe_window),
                })
                .collect(),
            triggers: ladder
                .triggers
                .iter()
                .enumerate()
                .map(|(i, t)| TriggerView {
                    pointer: format!("/triggers/{i}"),
                    id: t.id.to_string(),
                    service: service(t.service.as_str()),
                    condition: trigger_condition(t),
                    tier: tier(t.tier.as_str()),
                    clear_for: t.clear_for.to_string(),
                })
                .collect(),
            services: ladder
                .services
                .iter()
                .enumerate()
                .map(|(i, s)| ServiceView {
                    pointer: format!("/services/{i}"),
                    id: s.id.to_string(),
                    name: s.name.clone(),
                    criticality: match s.criticality {
                        Criticality::Critical => "critical",
                        Criticality::High => "high",
                        Criticality::Medium => "medium",
                        Criticality::Low => "low",
                    },
                    depends_on: s.depends_on.iter().map(|d| service(d.as_str())).collect(),
                })
                .collect(),
            scenarios: ladder
                .scenarios
                .iter()
                .enumerate()
                .map(|(i, s)| ScenarioView {
                    pointer: format!("/scenarios/{i}"),
                    id: s.id.to_string(),
                    name: s.name.clone(),
                    start: s.start.to_string(),
                    horizon: s.horizon.to_string(),
                    signals: s.signals.len(),
                    injects: s.injects.len(),
                })
                .collect(),
        }
    }
}

/// The tiers as rungs, most severe (rank 1) first; shared by the overview and the diagram.
pub(crate) fn rung_views(ladder: &Ladder, names: &LadderNames) -> Vec<RungView> {
    let playbook = |id: &str| names.playbooks.get(id);
    let target = |t: &Target| target_view(names, t);
    // The triggers of each tier id, in document order.
    let mut triggers_of: HashMap<&str, Vec<String>> = HashMap::new();
    for tr in &ladder.triggers {
        triggers_of
            .entry(tr.tier.as_str())
            .or_default()
            .push(tr.id.to_string());
    }
    let mut order: Vec<usize> = (0..ladder.tiers.len()).collect();
    order.sort_by_key(|&i| ladder.tiers[i].rank);
    let by_rank: Vec<&Tier> = order.iter().map(|&i| &ladder.tiers[i]).collect();
    // Position in the document of the i-th tier by rank.
    let tier_pos = &order;
    by_rank
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let tl = &t.timelines;
            let timelines = [
                ("acknowledge", tl.acknowledge),
                ("contain", tl.contain),
                ("resolve", tl.resolve),
                ("first_update", tl.first_update),
                ("update_every", tl.update_every),
            ]
            .into_iter()
            .filter_map(|(l, d)| d.map(|d: Duration| (l, d.to_string())))
            .collect();
            let escalates_on = escalates_on(&t.on_breach);
            RungView {
                pointer: format!("/tiers/{}", tier_pos[i]),
                id: t.id.to_string(),
                name: t.name.clone(),
                rank: t.rank,
                severity: (i + 1).min(4) as u8,
                criteria: t.criteria.clone(),
                timelines,
                owners: t
                    .owners
                    .duties()
                    .into_iter()
                    .filter_map(|(duty, who)| who.map(|w| (duty, target(w))))
                    .collect(),
                steps: t
                    .escalation
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(k, s)| StepView {
                        pointer: format!("/tiers/{}/escalation/steps/{k}", tier_pos[i]),
                        number: k + 1,
                        targets: s.notify.iter().map(target).collect(),
                        escalate_after: s.escalate_after.to_string(),
                    })
                    .collect(),
                repeat: t.escalation.repeat,
                escalates_to: (!escalates_on.is_empty() && i > 0)
                    .then(|| by_rank[i - 1].name.clone()),
                escalates_on,
                playbook: t.playbook.as_ref().map(|p| playbook(p.as_str())),
                triggers: triggers_of.get(t.id.as_str()).cloned().unwrap_or_default(),
            }
        })
        .collect()
}

/// A target with its display name (the id when it does not resolve).
pub(crate) fn target_view(names: &LadderNames, t: &Target) -> TargetView {
    let (kind, id, label) = match t {
        Target::Person(id) => ("person", id.as_str(), names.people.get(id.as_str())),
        Target::Rotation(id) => ("rotation", id.as_str(), names.rotations.get(id.as_str())),
        Target::Role(id) => ("role", id.as_str(), names.roles.get(id.as_str())),
    };
    TargetView {
        kind,
        id: id.to_string(),
        label,
    }
}

/// The timelines whose breach escalates, in the format's order (`"first update"` spelled
/// with a space).
pub(crate) fn escalates_on(ob: &OnBreach) -> Vec<&'static str> {
    [
        ("acknowledge", ob.acknowledge),
        ("contain", ob.contain),
        ("resolve", ob.resolve),
        ("first update", ob.first_update),
    ]
    .into_iter()
    .filter(|(_, a)| *a == Some(BreachAction::Escalate))
    .map(|(l, _)| l)
    .collect()
}

/// A trigger's condition as text: `error_rate >= 0.05 for 2m` (no `for` when it is zero).
pub(crate) fn trigger_condition(t: &Trigger) -> String {
    if t.for_.is_zero() {
        format!("{} {} {}", t.metric, t.op.as_str(), t.threshold)
    } else {
        format!(
            "{} {} {} for {}",
            t.metric,
            t.op.as_str(),
            t.threshold,
            t.for_
        )
    }
}

/// A window as text: `"every day 07:00–16:00"`, `"mon–fri 09:00–17:00"`, `"sat, sun all day"`.
pub fn describe_window(w: &Window) -> String {
    use crate::Weekday;
    let mut days: Vec<Weekday> = w.days.clone();
    days.sort();
    days.dedup();
    let day_text = if days.len() == 7 {
        "every day".to_string()
    } else if days.len() >= 3 && days.windows(2).all(|p| p[1] as usize == p[0] as usize + 1) {
        format!("{}–{}", days[0].as_str(), days[days.len() - 1].as_str())
    } else {
        days.iter()
            .map(|d| d.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if w.from == w.to {
        format!("{day_text} all day")
    } else {
        format!("{day_text} {}–{}", w.from, w.to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saas() -> LadderOverview {
        LadderOverview::new(&crate::parse_ladder(crate::examples::EXAMPLES[0].json).unwrap())
    }

    #[test]
    fn rungs_run_from_most_to_least_severe() {
        let o = saas();
        let names: Vec<_> = o.rungs.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            ["SEV1 Critical", "SEV2 Major", "SEV3 Minor", "SEV4 Low"]
        );
        assert_eq!(
            o.rungs.iter().map(|r| r.severity).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
    }

    #[test]
    fn references_resolve_to_names() {
        let o = saas();
        let sev1 = &o.rungs[0];
        assert_eq!(sev1.timelines[0], ("acknowledge", "5m".to_string()));
        assert_eq!(sev1.pointer, "/tiers/0");
        assert_eq!(sev1.steps[2].pointer, "/tiers/0/escalation/steps/2");
        assert_eq!(o.rotations[3].pointer, "/rotations/3");
        assert_eq!(sev1.steps.len(), 3);
        assert_eq!(sev1.steps[0].targets[1].label, "EMEA primary");
        assert_eq!(
            sev1.steps[2].targets[0],
            TargetView {
                kind: "role",
                id: "leadership".into(),
                label: "Engineering leadership".into()
            }
        );
        assert_eq!(
            sev1.owners
                .iter()
                .find(|(d, _)| *d == "communication")
                .unwrap()
                .1
                .label,
            "Communications lead"
        );
        assert_eq!(sev1.playbook.as_deref(), Some("Major incident"));
        assert_eq!(sev1.triggers, ["checkout-outage", "revenue-at-risk"]);
        let sev2 = &o.rungs[1];
        assert_eq!(sev2.escalates_on, ["acknowledge", "contain"]);
        assert_eq!(sev2.escalates_to.as_deref(), Some("SEV1 Critical"));
        assert_eq!(
            o.roles.iter().find(|r| r.id == "ic").unwrap().holders,
            ["Farah Rahman", "Ben Okafor", "Diego Alvarez"] // in the order of `people`
        );
        let t = o
            .triggers
            .iter()
            .find(|t| t.id == "checkout-errors")
            .unwrap();
        assert_eq!(
            (t.condition.as_str(), t.tier.as_str()),
            ("error_rate >= 0.05 for 2m", "SEV2 Major")
        );
    }

    #[test]
    fn pointers_follow_the_document_when_tiers_are_not_in_rank_order() {
        let mut l = crate::parse_ladder(crate::examples::EXAMPLES[1].json).unwrap();
        l.tiers.reverse();
        let o = LadderOverview::new(&l);
        assert_eq!(o.rungs[0].name, "P1 Site down");
        assert_eq!(o.rungs[0].pointer, "/tiers/2");
        assert_eq!(o.rungs[0].steps[1].pointer, "/tiers/2/escalation/steps/1");
    }

    #[test]
    fn windows_read_naturally() {
        use crate::{ClockTime, Weekday::*};
        let w = |days: Vec<crate::Weekday>, f: &str, t: &str| Window {
            days,
            from: ClockTime::parse(f).unwrap(),
            to: ClockTime::parse(t).unwrap(),
        };
        assert_eq!(
            describe_window(&w(vec![Mon, Tue, Wed, Thu, Fri], "09:00", "17:00")),
            "mon–fri 09:00–17:00"
        );
        assert_eq!(
            describe_window(&w(vec![Sat, Sun], "00:00", "00:00")),
            "sat, sun all day"
        );
        assert_eq!(
            describe_window(&w(crate::Weekday::ALL.to_vec(), "22:00", "06:00")),
            "every day 22:00–06:00"
        );
    }

    #[test]
    fn unresolved_references_show_their_id() {
        let mut l = crate::parse_ladder(crate::examples::EXAMPLES[1].json).unwrap();
        l.tiers[0].escalation.steps[0].notify[0] =
            Target::Person(crate::PersonId::new("ghost").unwrap());
        let o = LadderOverview::new(&l);
        assert_eq!(o.rungs[0].steps[0].targets[0].label, "ghost");
    }
}
