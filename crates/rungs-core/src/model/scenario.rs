//! Drill scenarios, embedded in a ladder or standalone: signals, injects, work models.

use serde::{Deserialize, Serialize};

use super::ScenarioFormat;
use crate::id::*;
use crate::time::Instant;
use crate::Duration;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

fn default_horizon() -> Duration {
    Duration::from_mins(24 * 60)
}

fn is_zero_u64(v: &u64) -> bool {
    *v == 0
}

/// Declares a scenario struct with the shared scenario fields after `$head` fields.
macro_rules! scenario_struct {
    ($(#[$doc:meta])* $name:ident { $($(#[$hdoc:meta])* $hfield:ident : $hty:ty),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($(#[$hdoc])* pub $hfield: $hty,)*
            /// What the drill is about.
            pub name: String,
            /// Time zero of the run.
            pub start: Instant,
            /// How long the run lasts at most (default `1d`).
            #[serde(default = "default_horizon")]
            pub horizon: Duration,
            /// Metric curves per service.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub signals: Vec<Signal>,
            /// Things that happen during the drill.
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub injects: Vec<Inject>,
            /// How long the work takes once someone is on it.
            pub work: WorkModel,
            /// Seed of the random generator (default 0).
            #[serde(default, skip_serializing_if = "is_zero_u64")]
            pub seed: u64,
        }
    };
}

scenario_struct!(
    /// A drill scenario embedded in a ladder's `scenarios`.
    Scenario {
        /// Unique id within the ladder.
        id: ScenarioId,
    }
);

scenario_struct!(
    /// A standalone drill scenario document.
    ScenarioDocument {
        /// Always `rungs.scenario/v1`.
        format: ScenarioFormat,
    }
);

impl ScenarioDocument {
    /// The same scenario as a ladder entry with the given id.
    pub fn into_embedded(self, id: ScenarioId) -> Scenario {
        let ScenarioDocument {
            format: _,
            name,
            start,
            horizon,
            signals,
            injects,
            work,
            seed,
        } = self;
        Scenario {
            id,
            name,
            start,
            horizon,
            signals,
            injects,
            work,
            seed,
        }
    }
}

impl Scenario {
    /// The same scenario as a standalone document.
    pub fn to_document(&self) -> ScenarioDocument {
        ScenarioDocument {
            format: ScenarioFormat::V1,
            name: self.name.clone(),
            start: self.start,
            horizon: self.horizon,
            signals: self.signals.clone(),
            injects: self.injects.clone(),
            work: self.work.clone(),
            seed: self.seed,
        }
    }
}

/// A metric curve: a step function of time since `start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// The service it belongs to.
    pub service: ServiceId,
    /// The metric name, matched against triggers.
    pub metric: String,
    /// `[offset, value]` pairs; a value holds until the next point.
    pub points: Vec<SignalPoint>,
}

/// One point of a signal: from `offset` on, the metric has `value`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct SignalPoint(pub Duration, pub f64);

/// Something that happens during a drill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(untagged)]
pub enum Inject {
    /// A responder becomes unavailable.
    Unavailable(UnavailableInject),
    /// A note for the facilitator's timeline.
    Note(NoteInject),
}

impl Inject {
    /// When it happens, from `start`.
    pub fn at(&self) -> Duration {
        match self {
            Inject::Unavailable(i) => i.at,
            Inject::Note(i) => i.at,
        }
    }
}

/// A responder becomes unavailable at `at`, for `for` (absent: to the end of the run).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnavailableInject {
    /// When, from `start`.
    pub at: Duration,
    /// Who.
    pub unavailable: PersonId,
    /// How long; absent means to the end of the run.
    #[serde(rename = "for", default, skip_serializing_if = "Option::is_none")]
    pub for_: Option<Duration>,
}

/// A free-text note at `at`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoteInject {
    /// When, from `start`.
    pub at: Duration,
    /// The text.
    pub note: String,
}

/// How long the work takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkModel {
    /// From the first acknowledgement to containment.
    pub contain_after_ack: DelayModel,
    /// From containment to resolution.
    pub resolve_after_contain: DelayModel,
}

/// A log-normal delay given by its median and 90th percentile.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DelayModel {
    /// Median.
    pub median: Duration,
    /// 90th percentile.
    pub p90: Duration,
}
