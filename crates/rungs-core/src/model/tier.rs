//! Tiers: deadlines, owners, targets, the escalation policy and what a breach does.

use serde::{Deserialize, Serialize};

use crate::id::*;
use crate::Duration;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

fn is_zero_u32(v: &u32) -> bool {
    *v == 0
}

/// A severity level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Unique id, e.g. `sev1`.
    pub id: TierId,
    /// Display name.
    pub name: String,
    /// 1 is the most severe; unique.
    pub rank: u32,
    /// When an incident belongs in this tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<String>,
    /// Deadlines; a missing one sets no deadline.
    #[serde(default, skip_serializing_if = "Timelines::is_empty")]
    pub timelines: Timelines,
    /// Who owns each part of the response.
    #[serde(default, skip_serializing_if = "Owners::is_empty")]
    pub owners: Owners,
    /// Who is paged, in which order.
    pub escalation: Escalation,
    /// What a missed deadline does.
    #[serde(default, skip_serializing_if = "OnBreach::is_empty")]
    pub on_breach: OnBreach,
    /// The playbook to follow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub playbook: Option<PlaybookId>,
}

/// Deadlines of a tier.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Timelines {
    /// From the policy's start to the first acknowledgement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledge: Option<Duration>,
    /// From detection to containment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contain: Option<Duration>,
    /// From detection to resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolve: Option<Duration>,
    /// From detection to the first status update.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_update: Option<Duration>,
    /// Cadence of later updates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_every: Option<Duration>,
}

impl Timelines {
    fn is_empty(&self) -> bool {
        *self == Timelines::default()
    }
}

/// Owners of the parts of a response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Owners {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detection: Option<Target>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triage: Option<Target>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation: Option<Target>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Target>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub communication: Option<Target>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commander: Option<Target>,
}

impl Owners {
    fn is_empty(&self) -> bool {
        *self == Owners::default()
    }

    /// Each duty with its name, in the format's order.
    pub fn duties(&self) -> [(&'static str, Option<&Target>); 6] {
        [
            ("detection", self.detection.as_ref()),
            ("triage", self.triage.as_ref()),
            ("escalation", self.escalation.as_ref()),
            ("resolution", self.resolution.as_ref()),
            ("communication", self.communication.as_ref()),
            ("commander", self.commander.as_ref()),
        ]
    }
}

/// Who gets paged: exactly one of a person, a rotation's on-call member, a schedule's
/// (the highest of its layers with someone on call), or a role.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// One person.
    Person(PersonId),
    /// Whoever is on call in the rotation.
    Rotation(RotationId),
    /// Whoever is on call in the highest layer of the schedule that has someone on call.
    Schedule(ScheduleId),
    /// Everyone holding the role.
    Role(RoleId),
}

/// A tier's escalation policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Escalation {
    /// Steps, paged in order.
    pub steps: Vec<Step>,
    /// How many times the whole policy loops after the first pass (default 0).
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub repeat: u32,
}

/// One escalation step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Who is paged.
    pub notify: Vec<Target>,
    /// Wait before the next step.
    pub escalate_after: Duration,
}

/// What a breached deadline does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BreachAction {
    /// Move to the next more severe tier.
    Escalate,
    /// Only record the breach.
    #[default]
    Record,
}

/// Per-timeline breach actions (default `record`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct OnBreach {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledge: Option<BreachAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contain: Option<BreachAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolve: Option<BreachAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_update: Option<BreachAction>,
}

impl OnBreach {
    fn is_empty(&self) -> bool {
        *self == OnBreach::default()
    }
}
