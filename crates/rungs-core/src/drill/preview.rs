//! Before a drill starts: when the scenario's incident opens, in which tier, and who
//! that tier's first step pages then, so the facilitator knows whom to seat.

use super::{DrillSession, StartError};
use crate::paging::{who_is_paged, StepReach};
use crate::sim::EventKind;
use crate::{Instant, Ladder};

/// The first page of a scenario: when the incident opens and who step 1 of its tier
/// pages at that instant.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstPage {
    /// When the incident opens (the scenario's start plus the time its signals take to
    /// fire a trigger).
    pub at: Instant,
    /// Who step 1 of the opened tier reaches then.
    pub reach: StepReach,
}

/// When the scenario `scenario_id` opens an incident and who it pages first; `None`
/// when no trigger fires within its horizon. The signals decide this, not chance: the
/// incident opens at the same instant in every run of the scenario.
pub fn first_page(ladder: &Ladder, scenario_id: &str) -> Result<Option<FirstPage>, StartError> {
    let mut d = DrillSession::start(ladder, scenario_id, std::iter::empty::<String>())?;
    let opened = loop {
        if let Some(e) = d.log().iter().find(|e| e.kind == EventKind::Opened) {
            break Some((e.t, e.tier.clone()));
        }
        if d.is_finished() || !d.step() {
            break None;
        }
    };
    let Some((t, Some(tier))) = opened else {
        return Ok(None);
    };
    let Some(index) = ladder.tiers.iter().position(|x| x.id == tier) else {
        return Ok(None);
    };
    let at = d.model().instant(t);
    Ok(Some(FirstPage {
        at,
        reach: who_is_paged(ladder, index, 0, at),
    }))
}
