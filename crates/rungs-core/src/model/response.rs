//! Triggers, playbooks and message templates.

use serde::{Deserialize, Serialize};

use super::Target;
use crate::id::*;
use crate::Duration;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A comparison operator of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[allow(missing_docs)]
pub enum Op {
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
}

impl Op {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Le => "<=",
        }
    }

    /// Whether `value op threshold` holds.
    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Op::Gt => value > threshold,
            Op::Ge => value >= threshold,
            Op::Lt => value < threshold,
            Op::Le => value <= threshold,
        }
    }
}

/// A signal condition that opens or promotes an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// Unique id.
    pub id: TriggerId,
    /// The service whose metric is watched.
    pub service: ServiceId,
    /// Metric name (free text), e.g. `error_rate`.
    pub metric: String,
    /// Comparison.
    pub op: Op,
    /// Threshold compared against.
    pub threshold: f64,
    /// How long the condition must hold before firing (default `0m`).
    #[serde(rename = "for", default)]
    pub for_: Duration,
    /// The tier the trigger opens or promotes to.
    pub tier: TierId,
    /// How long the condition must be false before the trigger stops firing (default `0m`).
    #[serde(default)]
    pub clear_for: Duration,
}

/// A response playbook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Playbook {
    /// Unique id.
    pub id: PlaybookId,
    /// Display name.
    pub name: String,
    /// Steps in order.
    pub steps: Vec<PlaybookStep>,
    /// Links, dashboards, documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub artifacts: Vec<String>,
}

/// The stage of a playbook step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Stage {
    Containment,
    Diagnosis,
    Recovery,
    Communication,
    Postmortem,
}

/// One step of a playbook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlaybookStep {
    /// When in the response it happens.
    pub stage: Stage,
    /// What to do.
    pub text: String,
    /// Who does it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Target>,
}

/// Who a message is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Audience {
    Internal,
    External,
    Executive,
}

/// A message template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Unique id.
    pub id: TemplateId,
    /// Display name.
    pub name: String,
    /// Who reads it.
    pub audience: Audience,
    /// Where it is posted (free text), e.g. `status-page`.
    pub channel: String,
    /// The text; may use `{{incident}}`, `{{service}}`, `{{tier}}`, `{{status}}`,
    /// `{{next_update}}`, `{{commander}}`.
    pub body: String,
}

/// The placeholders a template body may use.
pub const TEMPLATE_PLACEHOLDERS: [&str; 6] = [
    "incident",
    "service",
    "tier",
    "status",
    "next_update",
    "commander",
];
