//! The ladder and scenario documents exactly as a user writes them (format v1).
//!
//! These types mirror the JSON one to one: field names, optional fields and their
//! defaults, and `deny_unknown_fields` everywhere so that a typo never silently drops a
//! rule. They carry no meaning beyond the syntax; validation turns them into the form the
//! simulator runs on.
//!
//! Here: the [`Ladder`] itself, its defaults and response models. In `model/`:
//! `people.rs` (services, roles, people, rotations, schedules), `tier.rs` (tiers and escalation),
//! `response.rs` (triggers, playbooks, templates), `scenario.rs` (drill scenarios) and
//! `kind.rs` ([`Kind`], the one list of the collections with ids). Every type is
//! re-exported here.

mod kind;
mod log_record;
mod people;
mod response;
mod scenario;
mod tier;

pub use kind::{Collection, Kind};
pub use log_record::{LogFigures, LogRecord, RecordKind};
pub use people::*;
pub use response::*;
pub use scenario::*;
pub use tier::*;

use serde::{Deserialize, Serialize};

use crate::Duration;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// Declares a one-value "format" tag that only accepts its exact string.
macro_rules! format_tag {
    ($(#[$doc:meta])* $name:ident = $tag:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(JsonSchema))]
        pub enum $name {
            #[doc = concat!("`", $tag, "`")]
            #[default]
            #[serde(rename = $tag)]
            V1,
        }

        impl $name {
            /// The tag as written in documents.
            pub const TAG: &'static str = $tag;
        }
    };
}

format_tag!(
    /// The `format` of a ladder document.
    LadderFormat = "rungs.ladder/v1"
);
format_tag!(
    /// The `format` of a standalone scenario document.
    ScenarioFormat = "rungs.scenario/v1"
);

fn one() -> u32 {
    1
}

/// A whole escalation ladder: the document the designer exports and imports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "Rungs ladder, format v1"))]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// Always `rungs.ladder/v1`.
    pub format: LadderFormat,
    /// The ladder's name, shown everywhere.
    pub name: String,
    /// A revision number the team bumps as the ladder changes (default 1).
    #[serde(default = "one")]
    pub revision: u32,
    /// What the ladder covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The services incidents happen to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<Service>,
    /// Roles people hold (incident commander, comms, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Everyone the ladder can page.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// On-call rotations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rotations: Vec<Rotation>,
    /// Layered schedules: rotations stacked, the highest with someone on call answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule>,
    /// Severity tiers; rank 1 is the most severe.
    pub tiers: Vec<Tier>,
    /// Signals that open or promote an incident.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triggers: Vec<Trigger>,
    /// Response playbooks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub playbooks: Vec<Playbook>,
    /// Message templates for updates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<Template>,
    /// Drill scenarios that travel with the ladder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// Defaults for people who do not say otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defaults: Option<Defaults>,
    /// The ladder's drill log, newest first, carried only by a file exported with it:
    /// opening the file moves the records into the library's log.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drill_log: Vec<LogRecord>,
}

/// Ladder-wide defaults.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// The response model of a person without one of their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<ResponseModel>,
}

/// How a person answers pages, for the simulator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResponseModel {
    /// Median time to acknowledge a page.
    pub ack_median: Duration,
    /// 90th percentile of the time to acknowledge.
    pub ack_p90: Duration,
    /// Chance (0 to 1) that a page goes unanswered.
    #[serde(default)]
    pub miss: Probability,
}

/// A number from 0 to 1 inclusive.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Probability(f64);

/// A probability outside 0..=1.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0} is not a probability: expected a number from 0 to 1")]
pub struct ProbabilityError(f64);

impl Probability {
    /// Checks that `p` lies in 0..=1.
    pub fn new(p: f64) -> Result<Self, ProbabilityError> {
        if (0.0..=1.0).contains(&p) {
            Ok(Probability(p))
        } else {
            Err(ProbabilityError(p))
        }
    }

    /// The value.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Probability {
    type Error = ProbabilityError;
    fn try_from(p: f64) -> Result<Self, ProbabilityError> {
        Probability::new(p)
    }
}

impl From<Probability> for f64 {
    fn from(p: Probability) -> f64 {
        p.0
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for Probability {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Probability".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number", "minimum": 0, "maximum": 1 })
    }
}
