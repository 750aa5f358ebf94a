//! A ladder that validated without errors, with its references resolved to indexes:
//! tiers in order of severity ([`TierIx`]), people by [`PersonIx`], every paging target,
//! schedule layer and trigger tier looked up once. The simulator builds its model from it.

use std::collections::HashMap;

use super::{PersonIx, SimTarget, TierIx};
use crate::diagnostic::{Report, Severity};
use crate::model::{Ladder, Target, Tier};
use crate::{Instant, PersonId};

/// A tier of a [`Resolved`] ladder.
#[derive(Debug, Clone)]
pub struct ResolvedTier<'l> {
    /// The tier as written.
    pub tier: &'l Tier,
    /// The targets of each escalation step, in order.
    pub steps: Vec<Vec<SimTarget>>,
    /// Who is paged for the first update.
    pub communication: Option<SimTarget>,
}

/// A validated ladder with its ids resolved to indexes.
#[derive(Debug, Clone)]
pub struct Resolved<'l> {
    /// The ladder.
    pub ladder: &'l Ladder,
    /// Its tiers, the most severe first (indexed by [`TierIx`]).
    pub tiers: Vec<ResolvedTier<'l>>,
    /// For each rotation, its members in turn order.
    pub rotation_members: Vec<Vec<PersonIx>>,
    /// For each role, its holders in document order.
    pub role_holders: Vec<Vec<PersonIx>>,
    /// For each schedule, its layers' rotations (indexes into rotations), the lowest
    /// first.
    pub schedule_layers: Vec<Vec<usize>>,
    /// For each trigger, the tier it opens.
    pub trigger_tiers: Vec<TierIx>,
    /// The warnings validation found.
    pub report: Report,
    people: HashMap<&'l str, PersonIx>,
}

impl<'l> Resolved<'l> {
    /// Validates `ladder` (`reference` only matters for coverage warnings) and resolves
    /// it; its errors when there are any.
    pub fn new(ladder: &'l Ladder, reference: Instant) -> Result<Self, Report> {
        Self::checked(ladder, crate::validate_ladder(ladder, reference))
    }

    /// Resolves `ladder` given `report`, its validation (possibly with more diagnostics,
    /// such as a scenario's): the report's errors alone when it has any. A reference
    /// that validation let through unresolved also refuses the ladder, with the report.
    pub fn checked(ladder: &'l Ladder, mut report: Report) -> Result<Self, Report> {
        if !report.is_valid() {
            report.diagnostics.retain(|d| d.severity == Severity::Error);
            return Err(report);
        }
        match Self::resolve(ladder) {
            Some(mut r) => {
                r.report = report;
                Ok(r)
            }
            None => Err(report),
        }
    }

    /// The index of the person with id `id`.
    pub fn person(&self, id: &PersonId) -> Option<PersonIx> {
        self.people.get(id.as_str()).copied()
    }

    fn resolve(l: &'l Ladder) -> Option<Self> {
        let ix = |ids: Vec<&'l str>| -> HashMap<&'l str, usize> {
            ids.into_iter().enumerate().map(|(i, id)| (id, i)).collect()
        };
        let people: HashMap<&str, PersonIx> = l
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), PersonIx(i)))
            .collect();
        let rotations = ix(l.rotations.iter().map(|r| r.id.as_str()).collect());
        let roles = ix(l.roles.iter().map(|r| r.id.as_str()).collect());
        let schedules = ix(l.schedules.iter().map(|s| s.id.as_str()).collect());
        let target = |t: &Target| -> Option<SimTarget> {
            Some(match t {
                Target::Person(id) => SimTarget::Person(*people.get(id.as_str())?),
                Target::Rotation(id) => SimTarget::Rotation(*rotations.get(id.as_str())?),
                Target::Schedule(id) => SimTarget::Schedule(*schedules.get(id.as_str())?),
                Target::Role(id) => SimTarget::Role(*roles.get(id.as_str())?),
            })
        };
        let mut order: Vec<&Tier> = l.tiers.iter().collect();
        order.sort_by_key(|t| t.rank);
        let tier_ix = ix(order.iter().map(|t| t.id.as_str()).collect());
        let tiers = order
            .into_iter()
            .map(|tier| {
                let steps = tier.escalation.steps.iter();
                Some(ResolvedTier {
                    tier,
                    steps: steps
                        .map(|s| s.notify.iter().map(target).collect())
                        .collect::<Option<_>>()?,
                    communication: match &tier.owners.communication {
                        Some(t) => Some(target(t)?),
                        None => None,
                    },
                })
            })
            .collect::<Option<_>>()?;
        let rotation_members = l
            .rotations
            .iter()
            .map(|r| {
                r.members
                    .iter()
                    .map(|id| people.get(id.as_str()).copied())
                    .collect()
            })
            .collect::<Option<_>>()?;
        let schedule_layers = (l.schedules.iter())
            .map(|s| {
                (s.layers.iter())
                    .map(|r| rotations.get(r.as_str()).copied())
                    .collect()
            })
            .collect::<Option<_>>()?;
        let mut role_holders = vec![Vec::new(); l.roles.len()];
        for (p, person) in l.people.iter().enumerate() {
            for role in &person.roles {
                let holders: &mut Vec<PersonIx> = &mut role_holders[*roles.get(role.as_str())?];
                if holders.last() != Some(&PersonIx(p)) {
                    holders.push(PersonIx(p));
                }
            }
        }
        let trigger_tiers = l
            .triggers
            .iter()
            .map(|t| tier_ix.get(t.tier.as_str()).map(|&i| TierIx(i)))
            .collect::<Option<_>>()?;
        Some(Resolved {
            ladder: l,
            tiers,
            rotation_members,
            role_holders,
            schedule_layers,
            trigger_tiers,
            report: Report::default(),
            people,
        })
    }
}
