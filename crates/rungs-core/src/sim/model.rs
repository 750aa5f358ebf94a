//! The runtime form the simulator runs on: built from a [`Resolved`] ladder and a
//! scenario, with durations as [`Duration`], offsets as [`SimTime`] and tiers ordered
//! from the most severe.

use jiff::tz::TimeZone;

use super::index::{PerTimeline, PersonIx, TierIx, Timeline};
use super::resolved::Resolved;
use super::time::SimTime;
use crate::diagnostic::Report;
use crate::id::*;
use crate::model::*;
use crate::validate::FALLBACK_ACK;
use crate::{Duration, Instant};

/// A delay distribution: log-normal from a median and a 90th percentile, or fixed when
/// they are equal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Delay {
    /// Always this long.
    Fixed(Duration),
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
            Delay::Fixed(median)
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
    /// One person.
    Person(PersonIx),
    /// A rotation's on-call member (index into rotations).
    Rotation(usize),
    /// The on-call member of a schedule's highest layer with one (index into schedules).
    Schedule(usize),
    /// Everyone holding a role (index into roles).
    Role(usize),
}

/// A rotation as the simulator sees it.
#[derive(Debug, Clone)]
pub struct SimRotation {
    /// Its id.
    pub id: RotationId,
    /// Members in turn order.
    pub members: Vec<PersonIx>,
    /// Its overrides: from and to in epoch milliseconds, and who is on call meanwhile.
    pub overrides: Vec<(i64, i64, PersonIx)>,
    /// When its hand-offs fall (`None` for a zero shift).
    pub turns: Option<crate::oncall::Turns>,
    /// The windows (`window` or `windows`) and the zone they are read in; `None` for
    /// around the clock.
    pub window: Option<(Vec<Window>, TimeZone)>,
}

/// A schedule as the simulator sees it: its layers resolved once, at compile time.
#[derive(Debug, Clone)]
pub struct SimSchedule {
    /// Its id.
    pub id: ScheduleId,
    /// Its layers' rotations (indexes into rotations), the lowest first.
    pub layers: Vec<usize>,
}

/// One escalation step.
#[derive(Debug, Clone)]
pub struct SimStep {
    /// Who is paged.
    pub targets: Vec<SimTarget>,
    /// Wait before the next step.
    pub after: Duration,
}

/// A tier as the simulator sees it.
#[derive(Debug, Clone)]
pub struct SimTier {
    /// Its id.
    pub id: TierId,
    /// Its name.
    pub name: String,
    /// Deadlines.
    pub deadlines: PerTimeline<Option<Duration>>,
    /// Whether a breach of each timeline escalates.
    pub escalate_on: PerTimeline<bool>,
    /// Cadence of updates after the first (never zero).
    pub update_every: Option<Duration>,
    /// Escalation steps.
    pub steps: Vec<SimStep>,
    /// Extra passes over the steps.
    pub repeat: u32,
    /// Length of one pass over the steps.
    pub cycle: Duration,
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
    /// Hold time before firing.
    pub hold: Duration,
    /// Clear time before it stops firing.
    pub clear: Duration,
    /// The tier it opens.
    pub tier: TierIx,
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
    /// When.
    pub at: SimTime,
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
        /// Start.
        at: SimTime,
        /// End ([`SimTime::NEVER`] for the rest of the run).
        until: SimTime,
        /// Who.
        person: PersonIx,
    },
    /// A note.
    Note {
        /// When.
        at: SimTime,
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
    pub role_holders: Vec<Vec<PersonIx>>,
    /// For each role, its id (to name paging targets in summaries).
    pub role_ids: Vec<crate::RoleId>,
    /// Rotations.
    pub rotations: Vec<SimRotation>,
    /// Schedules.
    pub schedules: Vec<SimSchedule>,
    /// Tiers, most severe first.
    pub tiers: Vec<SimTier>,
    /// Triggers.
    pub triggers: Vec<SimTrigger>,
    /// Signal slots.
    pub signals: Vec<SignalSlot>,
    /// Scenario start.
    pub start: Instant,
    /// Horizon: no event at or after it is processed.
    pub horizon: SimTime,
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
    /// The scenario's start only matters for the coverage warnings, which never block a
    /// run.
    pub fn new(ladder: &Ladder, scenario: &ScenarioDocument) -> Result<SimModel, Report> {
        let mut report = crate::validate_ladder(ladder, scenario.start);
        report
            .diagnostics
            .extend(crate::validate_scenario(scenario, ladder).diagnostics);
        let resolved = Resolved::checked(ladder, report)?;
        Ok(Self::compile(&resolved, scenario))
    }

    fn compile(r: &Resolved, s: &ScenarioDocument) -> SimModel {
        let l = r.ladder;
        let (mut signals, triggers) = compile_triggers(r);
        let changes = compile_changes(s, &mut signals);
        SimModel {
            people: compile_people(l),
            role_holders: r.role_holders.clone(),
            role_ids: l.roles.iter().map(|r| r.id.clone()).collect(),
            rotations: l
                .rotations
                .iter()
                .zip(&r.rotation_members)
                .map(|(rot, members)| SimRotation {
                    id: rot.id.clone(),
                    members: members.clone(),
                    turns: crate::oncall::Turns::of(rot),
                    overrides: (rot.overrides.iter())
                        .filter_map(|o| {
                            let p = r.person(&o.person)?;
                            Some((o.from.as_millis(), o.to.as_millis(), p))
                        })
                        .collect(),
                    window: rot
                        .window_list()
                        .map(|w| (w.to_vec(), rot.timezone.tz().clone())),
                })
                .collect(),
            schedules: (l.schedules.iter().zip(&r.schedule_layers))
                .map(|(s, layers)| SimSchedule {
                    id: s.id.clone(),
                    layers: layers.clone(),
                })
                .collect(),
            tiers: r.tiers.iter().map(compile_tier).collect(),
            triggers,
            signals,
            start: s.start,
            horizon: SimTime::at(s.horizon),
            changes,
            injects: s
                .injects
                .iter()
                .filter_map(|i| compile_inject(r, i))
                .collect(),
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
    pub fn person(&self, id: &str) -> Option<PersonIx> {
        self.people
            .iter()
            .position(|p| p.id.as_str() == id)
            .map(PersonIx)
    }

    /// The wall-clock instant of `t` (a [`SimTime`], or milliseconds from start).
    pub fn instant(&self, t: impl Into<SimTime>) -> Instant {
        t.into().instant(self.start)
    }
}

fn compile_people(l: &Ladder) -> Vec<SimPerson> {
    let default_response = l.defaults.as_ref().and_then(|d| d.response.as_ref());
    l.people
        .iter()
        .map(|p| {
            let r = p.response.as_ref().or(default_response);
            SimPerson {
                id: p.id.clone(),
                tz: p.timezone.tz().clone(),
                ack: r.map_or(Delay::Fixed(FALLBACK_ACK), |r| {
                    Delay::new(r.ack_median, r.ack_p90)
                }),
                miss: r.map_or(0.0, |r| r.miss.get()),
            }
        })
        .collect()
}

fn compile_tier(rt: &super::resolved::ResolvedTier) -> SimTier {
    let t = rt.tier;
    let deadline = |tl: Timeline| match tl {
        Timeline::Acknowledge => t.timelines.acknowledge,
        Timeline::Contain => t.timelines.contain,
        Timeline::Resolve => t.timelines.resolve,
        Timeline::FirstUpdate => t.timelines.first_update,
    };
    let action = |tl: Timeline| match tl {
        Timeline::Acknowledge => t.on_breach.acknowledge,
        Timeline::Contain => t.on_breach.contain,
        Timeline::Resolve => t.on_breach.resolve,
        Timeline::FirstUpdate => t.on_breach.first_update,
    };
    let steps = &t.escalation.steps;
    SimTier {
        id: t.id.clone(),
        name: t.name.clone(),
        deadlines: PerTimeline::from_fn(deadline),
        escalate_on: PerTimeline::from_fn(|tl| action(tl) == Some(BreachAction::Escalate)),
        update_every: t.timelines.update_every.filter(|d| !d.is_zero()),
        steps: steps
            .iter()
            .zip(&rt.steps)
            .map(|(st, targets)| SimStep {
                targets: targets.clone(),
                after: st.escalate_after,
            })
            .collect(),
        repeat: t.escalation.repeat,
        cycle: Duration::from_millis(steps.iter().fold(0u64, |a, st| {
            a.saturating_add(st.escalate_after.as_millis())
        })),
        communication: rt.communication,
    }
}

/// The signal slots the ladder's triggers watch, and the triggers.
fn compile_triggers(r: &Resolved) -> (Vec<SignalSlot>, Vec<SimTrigger>) {
    let mut signals = Vec::new();
    let triggers: Vec<SimTrigger> = r
        .ladder
        .triggers
        .iter()
        .zip(&r.trigger_tiers)
        .map(|(t, &tier)| SimTrigger {
            id: t.id.clone(),
            signal: signal_slot(&mut signals, &t.service, &t.metric),
            op: t.op,
            threshold: t.threshold,
            hold: t.for_,
            clear: t.clear_for,
            tier,
        })
        .collect();
    for (ti, t) in triggers.iter().enumerate() {
        signals[t.signal].triggers.push(ti);
    }
    (signals, triggers)
}

/// The scenario's signal changes in time order, adding the slots no trigger watches.
fn compile_changes(s: &ScenarioDocument, signals: &mut Vec<SignalSlot>) -> Vec<SignalChange> {
    let mut changes = Vec::new();
    for sig in &s.signals {
        let signal = signal_slot(signals, &sig.service, &sig.metric);
        for p in &sig.points {
            changes.push(SignalChange {
                at: SimTime::at(p.0),
                signal,
                value: p.1,
            });
        }
    }
    changes.sort_by_key(|c| c.at);
    changes
}

fn signal_slot(signals: &mut Vec<SignalSlot>, service: &ServiceId, metric: &str) -> usize {
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
}

/// A scenario inject; `None` only for a person validation let through unresolved.
fn compile_inject(r: &Resolved, i: &Inject) -> Option<SimInject> {
    Some(match i {
        Inject::Unavailable(u) => SimInject::Unavailable {
            at: SimTime::at(u.at),
            until: u.for_.map_or(SimTime::NEVER, |f| SimTime::at(u.at).plus(f)),
            person: r.person(&u.unavailable)?,
        },
        Inject::Note(n) => SimInject::Note {
            at: SimTime::at(n.at),
            text: n.note.clone(),
        },
    })
}
