//! The ladder and scenario documents exactly as a user writes them (format v1).
//!
//! These types mirror the JSON one to one: field names, optional fields and their
//! defaults, and `deny_unknown_fields` everywhere so that a typo never silently drops a
//! rule. They carry no meaning beyond the syntax; validation turns them into the form the
//! simulator runs on.

use serde::{Deserialize, Serialize};

use crate::id::*;
use crate::time::{ClockTime, Instant, TimeZoneName, Weekday};
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

fn is_zero_u32(v: &u32) -> bool {
    *v == 0
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
    /// On-call schedules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rotations: Vec<Rotation>,
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

/// How much a service matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Criticality {
    Critical,
    High,
    #[default]
    Medium,
    Low,
}

/// A service incidents can happen to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Unique id.
    pub id: ServiceId,
    /// Display name.
    pub name: String,
    /// The owning team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// How much it matters (default `medium`).
    #[serde(default)]
    pub criticality: Criticality,
    /// Services this one needs; must form no cycle.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<ServiceId>,
    /// Customer segments it serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customer_segments: Vec<String>,
    /// Revenue that depends on it, per hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_per_hour: Option<f64>,
}

/// A role people hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Unique id, e.g. `ic`.
    pub id: RoleId,
    /// Display name.
    pub name: String,
    /// What the role does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Someone the ladder can page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique id.
    pub id: PersonId,
    /// Display name.
    pub name: String,
    /// Their IANA time zone.
    pub timezone: TimeZoneName,
    /// Roles they hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleId>,
    /// Who covers for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<PersonId>,
    /// Their response model; overrides `defaults.response`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<ResponseModel>,
}

/// An on-call schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rotation {
    /// Unique id.
    pub id: RotationId,
    /// Display name.
    pub name: String,
    /// People in turn order.
    pub members: Vec<PersonId>,
    /// Length of one shift.
    pub shift: Duration,
    /// When the first member's first shift begins.
    pub start: Instant,
    /// The zone the window is read in.
    pub timezone: TimeZoneName,
    /// Local hours covered; absent means always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
}

/// The local hours a rotation covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// Days on which the window opens.
    pub days: Vec<Weekday>,
    /// Local opening time.
    pub from: ClockTime,
    /// Local closing time; earlier than `from` wraps past midnight, equal covers the day.
    pub to: ClockTime,
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

/// Who gets paged: exactly one of a person, a rotation's on-call member, or a role.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// One person.
    Person(PersonId),
    /// Whoever is on call in the rotation.
    Rotation(RotationId),
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
