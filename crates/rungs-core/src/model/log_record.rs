//! A drill log record: one finished live drill or study of a ladder, as the library
//! keeps it and as a ladder file carries it when exported with its log (the rules that
//! make and draw records are in [`crate::drill::log`]).

use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// What a record is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A live drill, with people in the room.
    #[default]
    Drill,
    /// A study: many simulated incidents.
    Study,
}

impl RecordKind {
    /// "Drill" or "Study".
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Drill => "Drill",
            RecordKind::Study => "Study",
        }
    }
}

/// The figures the log follows across drills. A drill is one incident; a study gives
/// the same figures over its runs (see each field).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct LogFigures {
    /// Seconds to the first acknowledgement: the drill's, or a study's median (`None`
    /// when never acknowledged).
    #[serde(default)]
    pub acknowledge_s: Option<f64>,
    /// Share of incidents contained within the target of the tier in force then, 0 to 1:
    /// 1 or 0 for a drill (`None` when no tier sets a target).
    #[serde(default)]
    pub contained_within_target: Option<f64>,
    /// Missed deadlines per incident: a drill's breaches, or a study's mean.
    #[serde(default)]
    pub breaches_per_incident: Option<f64>,
}

/// One finished drill or study, as it is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct LogRecord {
    /// When it finished, in milliseconds since the epoch (the caller's clock).
    pub finished_at: f64,
    /// Drill or study (records kept before studies were logged are drills).
    #[serde(default)]
    pub kind: RecordKind,
    /// The scenario's name.
    pub scenario: String,
    /// One line on how it went: `Final tier SEV1 Critical · 2 breaches · acknowledged in 4m10s`.
    pub summary: String,
    /// The number of the ladder's version (History) that holds the text it ran on, when
    /// one could be kept.
    #[serde(default)]
    pub version: Option<u32>,
    /// The ladder's `revision` field then.
    #[serde(default)]
    pub revision: Option<u32>,
    /// The figures the trend follows.
    #[serde(default)]
    pub figures: LogFigures,
    /// The missed deadlines, as the scorecard lists them (drills), or per tier and
    /// timeline with their rate (studies).
    #[serde(default)]
    pub breaches: Vec<String>,
    /// Who was played by people in the room, by name (drills).
    #[serde(default)]
    pub played: Vec<String>,
    /// The facilitator's notes, in order (drills).
    #[serde(default)]
    pub notes: Vec<String>,
    /// A study's runs.
    #[serde(default)]
    pub runs: Option<u32>,
    /// A study's seed.
    #[serde(default)]
    pub seed: Option<u64>,
    /// A drill's debrief in Markdown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub markdown: String,
    /// A drill's debrief as `rungs.debrief/v1` JSON.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub json: String,
}
