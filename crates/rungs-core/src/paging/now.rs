//! Everyone on call at one instant: each tier's steps and owners ([`on_call_now`]), for
//! the designer's "On call now" lines.

use super::reach::{step_reach, target_reach};
use super::{Lookup, StepReach, TargetReach};
use crate::model::{Kind, Ladder};
use crate::time::Instant;

/// Who every tier pages and who owns every duty at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OnCallNow {
    /// The instant.
    pub at: Instant,
    /// Every tier, most severe (rank 1) first.
    pub tiers: Vec<TierNow>,
}

/// One tier at the instant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TierNow {
    /// Position in `ladder.tiers` (what [`super::who_is_paged`] takes).
    pub index: usize,
    /// JSON Pointer of the tier (`/tiers/i`).
    pub pointer: String,
    /// Tier id.
    pub id: String,
    /// Tier name.
    pub name: String,
    /// Rank (1 = most severe).
    pub rank: u32,
    /// Each escalation step, in order.
    pub steps: Vec<StepNow>,
    /// Each owner duty that is set, in the format's order.
    pub owners: Vec<OwnerNow>,
}

/// One escalation step at the instant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StepNow {
    /// Who it pages.
    pub reach: StepReach,
    /// [`StepReach::summary`]: `"Emi Sato via APAC primary; EMEA primary is outside its
    /// hours"`.
    pub line: String,
}

/// One owner duty at the instant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OwnerNow {
    /// The duty: `detection`, `triage`, `escalation`, `resolution`, `communication` or
    /// `commander`.
    pub duty: &'static str,
    /// Who its target reaches.
    pub reach: TargetReach,
    /// [`TargetReach::line`]: `"Ben Okafor via Incident command"`.
    pub line: String,
}

/// Who each step of every tier pages at `at`, and whom each owner duty reaches then.
pub fn on_call_now(ladder: &Ladder, at: Instant) -> OnCallNow {
    let lookup = Lookup::new(ladder);
    let mut order: Vec<usize> = (0..ladder.tiers.len()).collect();
    order.sort_by_key(|&i| ladder.tiers[i].rank);
    let tiers = order
        .into_iter()
        .map(|i| tier_now(&lookup, i, at))
        .collect();
    OnCallNow { at, tiers }
}

fn tier_now(lookup: &Lookup, i: usize, at: Instant) -> TierNow {
    let tier = &lookup.ladder.tiers[i];
    let steps = (0..tier.escalation.steps.len())
        .map(|k| {
            let reach = step_reach(lookup, i, k, at);
            let line = reach.summary();
            StepNow { reach, line }
        })
        .collect();
    let owners = tier
        .owners
        .duties()
        .into_iter()
        .filter_map(|(duty, target)| {
            let reach = target_reach(lookup, target?, at.as_millis());
            let line = reach.line();
            Some(OwnerNow { duty, reach, line })
        })
        .collect();
    TierNow {
        index: i,
        pointer: Kind::Tier.pointer(i),
        id: tier.id.to_string(),
        name: tier.name.clone(),
        rank: tier.rank,
        steps,
        owners,
    }
}
