//! The runtime form the simulator runs on: ids resolved to indexes, durations to
//! milliseconds, tiers ordered from the most severe. Built only from a ladder and a
//! scenario that validated without errors.

use jiff::tz::TimeZone;

use crate::diagnostic::Report;
use crate::id::*;
use crate::model::*;
use crate::validate::FALLBACK_ACK;
use crate::{Duration, Instant};

/// A delay distribution in milliseconds: log-normal from a median and a 90th percentile,
/// or fixed when they are equal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Delay {
    /// Always this many milliseconds.
    Fixed(u64),
    /// `exp(mu + sigma * z)` milliseconds with `z` standard normal.
    LogNormal {
        /// ln(median in ms).
        mu: f64,
        /// (ln(p90) - ln(median)) / 1.2815516.
        sigma: f64,
    },
}

/// The 90th percentile of the standard normal distribution, as the format defines it.
pub const Z90: f64 = 1.2815516;

impl Delay {
    /// The distribution with the given median and 90th percentile.
    pub fn new(median: Duration, p90: Duration) -> Self {
        let (m, p) = (median.as_millis(), p90.as_millis());
        if p <= m || m == 0 {
            Delay::Fixed(m)
        } else {
            let mu = libm::log(m as f64);
            Delay::LogNormal {
                mu,
                sigma: (libm::log(p as f64) - mu) / Z90,
            }
        }
    }
}

/// A person as the simulator sees them.
#[derive(Debug, Clone)]
pub struct SimPerson {
    /// Their id.
    pub id: PersonId,
    /// Their zone, for off-hours pages.
    pub tz: TimeZone,
    /// Acknowledgement delay.
    pub ack: Delay,
    /// Chance that a page goes unanswered.
    pub miss: f64,
}

/// A resolved paging target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SimTarget {
    /// One person (index into people).
    Person(usize),
    /// A rotation's on-call member (index into rotations).
    Rotation(usize),
    /// Everyone holding a role (index into roles).
    Role(usize),
}

/// A rotation as the simulator sees it.
#[derive(Debug, Clone)]
pub struct SimRotation {
    /// Its id.
    pub id: RotationId,
    /// Members in turn order (indexes into people).
    pub members: Vec<usize>,
    /// Shift length in ms.
    pub shift_ms: u64,
    /// First shift start, epoch ms.
    pub start_ms: i64,
    /// The window and the zone it is read in.
    pub window: Option<(Window, TimeZone)>,
}

/// One escalation step.
#[derive(Debug, Clone)]
pub struct SimStep {
    /// Who is paged.
    pub targets: Vec<SimTarget>,
    /// Wait before the next step, ms.
    pub after_ms: u64,
}

/// The timelines a tier can breach, in the order of the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Timeline {
    /// From the policy's start to an acknowledgement of one of its pages.
    Acknowledge,
    /// From detection to containment.
    Contain,
    /// From detection to resolution.
    Resolve,
    /// From detection to the first status update.
    FirstUpdate,
}

impl Timeline {
    /// All of them.
    pub const ALL: [Timeline; 4] = [
        Timeline::Acknowledge,
        Timeline::Contain,
        Timeline::Resolve,
        Timeline::FirstUpdate,
    ];

    /// The name used in JSON and in the format.
    pub fn as_str(self) -> &'static str {
        match self {
            Timeline::Acknowledge => "acknowledge",
            Timeline::Contain => "contain",
            Timeline::Resolve => "resolve",
            Timeline::FirstUpdate => "first_update",
        }
    }
}

/// A tier as the simulator sees it.
#[derive(Debug, Clone)]
pub struct SimTier {
    /// Its id.
    pub id: TierId,
    /// Its name.
    pub name: String,
    /// Deadlines in ms, indexed by [`Timeline`].
    pub deadlines: [Option<u64>; 4],
    /// Whether a breach of each timeline escalates.
    pub escalate_on: [bool; 4],
    /// Cadence of updates after the first, ms.
    pub update_every_ms: Option<u64>,
    /// Escalation steps.
    pub steps: Vec<SimStep>,
    /// Extra passes over the steps.
    pub repeat: u32,
    /// Length of one pass over the steps, ms.
    pub cycle_ms: u64,
    /// Who is paged for the first update.
    pub communication: Option<SimTarget>,
}

/// A trigger as the simulator sees it.
#[derive(Debug, Clone)]
pub struct SimTrigger {
    /// Its id.
    pub id: TriggerId,
    /// Index into the signal slots.
    pub signal: usize,
    /// Comparison.
    pub op: Op,
    /// Threshold.
    pub threshold: f64,
    /// Hold time before firing, ms.
    pub for_ms: u64,
    /// Clear time before it stops firing, ms.
    pub clear_ms: u64,
    /// Tier index (0 = most severe).
    pub tier: usize,
}

/// A `(service, metric)` pair that triggers watch or the scenario drives.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalSlot {
    /// The service.
    pub service: ServiceId,
    /// The metric.
    pub metric: String,
    /// Triggers watching it.
    pub triggers: Vec<usize>,
}

/// A scheduled change of a signal, from the scenario.
#[derive(Debug, Clone, Copy)]
pub struct SignalChange {
    /// Offset from start, ms.
    pub at: u64,
    /// Signal slot.
    pub signal: usize,
    /// New value.
    pub value: f64,
}

/// A scheduled inject, from the scenario.
#[derive(Debug, Clone)]
pub enum SimInject {
    /// `person` is unavailable over `[at, until)`.
    Unavailable {
        /// Start, ms.
        at: u64,
        /// End, ms (`u64::MAX` for the rest of the run).
        until: u64,
        /// Who.
        person: usize,
    },
    /// A note.
    Note {
        /// When, ms.
        at: u64,
        /// The text.
        text: String,
    },
}

/// Everything a run needs: the compiled ladder and scenario.
#[derive(Debug, Clone)]
pub struct SimModel {
    /// People, in document order.
    pub people: Vec<SimPerson>,
    /// For each role, its holders in the order of people.
    pub role_holders: Vec<Vec<usize>>,
    /// For each role, its id (to name paging targets in summaries).
    pub role_ids: Vec<crate::RoleId>,
    /// Rotations.
    pub rotations: Vec<SimRotation>,
    /// Tiers, most severe first.
    pub tiers: Vec<SimTier>,
    /// Triggers.
    pub triggers: Vec<SimTrigger>,
    /// Signal slots.
    pub signals: Vec<SignalSlot>,
    /// Scenario start, epoch ms.
    pub start_ms: i64,
    /// Horizon, ms.
    pub horizon_ms: u64,
    /// Scenario signal changes, in time order.
    pub changes: Vec<SignalChange>,
    /// Scenario injects.
    pub injects: Vec<SimInject>,
    /// Time from first acknowledgement to containment.
    pub contain: Delay,
    /// Time from containment to resolution.
    pub resolve: Delay,
    /// The scenario's seed.
    pub seed: u64,
}

impl SimModel {
    /// Compiles a ladder and one scenario, refusing them when validation finds errors.
    /// `reference` only matters for the coverage warnings, which never block a run.
    pub fn new(ladder: &Ladder, scenario: &ScenarioDocument) -> Result<SimModel, Report> {
        let reference = scenario.start;
        let mut report = crate::validate_ladder(ladder, reference);
        report
            .diagnostics
            .extend(crate::validate_scenario(scenario, ladder).diagnostics);
        if !report.is_valid() {
            report
                .diagnostics
                .retain(|d| d.severity == crate::Severity::Error);
            return Err(report);
        }
        Ok(Self::compile(ladder, scenario))
    }

    fn compile(l: &Ladder, s: &ScenarioDocument) -> SimModel {
        let person_ix = |id: &PersonId| {
            l.people
                .iter()
                .position(|p| &p.id == id)
                .expect("validated")
        };
        let default_response = l.defaults.as_ref().and_then(|d| d.response.as_ref());
        let people = l
            .people
            .iter()
            .map(|p| {
                let r = p.response.as_ref().or(default_response);
                SimPerson {
                    id: p.id.clone(),
                    tz: p.timezone.tz().clone(),
                    ack: r.map_or(Delay::Fixed(FALLBACK_ACK.as_millis()), |r| {
                        Delay::new(r.ack_median, r.ack_p90)
                    }),
                    miss: r.map_or(0.0, |r| r.miss.get()),
                }
            })
            .collect();
        let role_holders = l
            .roles
            .iter()
            .map(|r| {
                (0..l.people.len())
                    .filter(|&p| l.people[p].roles.contains(&r.id))
                    .collect()
            })
            .collect();
        let rotations = l
            .rotations
            .iter()
            .map(|r| SimRotation {
                id: r.id.clone(),
                members: r.members.iter().map(person_ix).collect(),
                shift_ms: r.shift.as_millis(),
                start_ms: r.start.as_millis(),
                window: r.window.clone().map(|w| (w, r.timezone.tz().clone())),
            })
            .collect();
        let target = |t: &Target| match t {
            Target::Person(id) => SimTarget::Person(person_ix(id)),
            Target::Rotation(id) => SimTarget::Rotation(
                l.rotations
                    .iter()
                    .position(|r| &r.id == id)
                    .expect("validated"),
            ),
            Target::Role(id) => {
                SimTarget::Role(l.roles.iter().position(|r| &r.id == id).expect("validated"))
            }
        };
        let mut order: Vec<usize> = (0..l.tiers.len()).collect();
        order.sort_by_key(|&i| l.tiers[i].rank);
        let tiers: Vec<SimTier> = order
            .iter()
            .map(|&i| {
                let t = &l.tiers[i];
                let ms = |d: Option<Duration>| d.map(Duration::as_millis);
                let esc = |a: Option<BreachAction>| a == Some(BreachAction::Escalate);
                SimTier {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    deadlines: [
                        ms(t.timelines.acknowledge),
                        ms(t.timelines.contain),
                        ms(t.timelines.resolve),
                        ms(t.timelines.first_update),
                    ],
                    escalate_on: [
                        esc(t.on_breach.acknowledge),
                        esc(t.on_breach.contain),
                        esc(t.on_breach.resolve),
                        esc(t.on_breach.first_update),
                    ],
                    update_every_ms: ms(t.timelines.update_every).filter(|&d| d > 0),
                    steps: t
                        .escalation
                        .steps
                        .iter()
                        .map(|st| SimStep {
                            targets: st.notify.iter().map(target).collect(),
                            after_ms: st.escalate_after.as_millis(),
                        })
                        .collect(),
                    repeat: t.escalation.repeat,
                    cycle_ms: t.escalation.steps.iter().fold(0u64, |a, st| {
                        a.saturating_add(st.escalate_after.as_millis())
                    }),
                    communication: t.owners.communication.as_ref().map(target),
                }
            })
            .collect();
        let tier_ix = |id: &TierId| tiers.iter().position(|t| &t.id == id).expect("validated");

        let mut signals: Vec<SignalSlot> = Vec::new();
        let mut slot = |service: &ServiceId, metric: &str| -> usize {
            if let Some(i) = signals
                .iter()
                .position(|s| &s.service == service && s.metric == metric)
            {
                return i;
            }
            signals.push(SignalSlot {
                service: service.clone(),
                metric: metric.to_string(),
                triggers: Vec::new(),
            });
            signals.len() - 1
        };
        let mut triggers = Vec::new();
        for t in &l.triggers {
            let signal = slot(&t.service, &t.metric);
            triggers.push(SimTrigger {
                id: t.id.clone(),
                signal,
                op: t.op,
                threshold: t.threshold,
                for_ms: t.for_.as_millis(),
                clear_ms: t.clear_for.as_millis(),
                tier: tier_ix(&t.tier),
            });
        }
        let mut changes = Vec::new();
        for sig in &s.signals {
            let signal = slot(&sig.service, &sig.metric);
            for p in &sig.points {
                changes.push(SignalChange {
                    at: p.0.as_millis(),
                    signal,
                    value: p.1,
                });
            }
        }
        for (ti, t) in triggers.iter().enumerate() {
            signals[t.signal].triggers.push(ti);
        }
        changes.sort_by_key(|c| c.at);
        let injects = s
            .injects
            .iter()
            .map(|i| match i {
                Inject::Unavailable(u) => SimInject::Unavailable {
                    at: u.at.as_millis(),
                    until: u
                        .for_
                        .map_or(u64::MAX, |f| u.at.as_millis().saturating_add(f.as_millis())),
                    person: person_ix(&u.unavailable),
                },
                Inject::Note(n) => SimInject::Note {
                    at: n.at.as_millis(),
                    text: n.note.clone(),
                },
            })
            .collect();
        SimModel {
            people,
            role_holders,
            role_ids: l.roles.iter().map(|r| r.id.clone()).collect(),
            rotations,
            tiers,
            triggers,
            signals,
            start_ms: s.start.as_millis(),
            horizon_ms: s.horizon.as_millis(),
            changes,
            injects,
            contain: Delay::new(
                s.work.contain_after_ack.median,
                s.work.contain_after_ack.p90,
            ),
            resolve: Delay::new(
                s.work.resolve_after_contain.median,
                s.work.resolve_after_contain.p90,
            ),
            seed: s.seed,
        }
    }

    /// The index of the person with id `id`, for the stepping API.
    pub fn person(&self, id: &str) -> Option<usize> {
        self.people.iter().position(|p| p.id.as_str() == id)
    }

    /// The instant of offset `t` (ms from start).
    pub fn instant(&self, t: u64) -> Instant {
        Instant::from_millis(self.start_ms.saturating_add(t as i64))
    }
}
