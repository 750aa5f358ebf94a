//! Services, roles, people, rotations (with their windows) and schedules (rotations in
//! layers): who incidents happen to and who can be paged.

use serde::{Deserialize, Serialize};

use crate::id::*;
use crate::time::{ClockTime, Instant, TimeZoneName, Weekday};
use crate::Shift;

use super::ResponseModel;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

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
    /// Their email address, as the paging tool knows them: how an export looks the
    /// person up and a later import matches them. Kept as written; one line of at most
    /// 254 characters with one `@` and text on each side, else the error `invalid-email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
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
    pub shift: Shift,
    /// When the first member's first shift begins.
    pub start: Instant,
    /// The zone the window is read in.
    pub timezone: TimeZoneName,
    /// Local hours covered; absent (with no `windows`) means always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// Several windows, covered when any one covers; a rotation has `window` or
    /// `windows`, not both.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub windows: Vec<Window>,
    /// Someone on call instead of the scheduled member for a while, also outside the
    /// windows; overrides of one rotation do not overlap.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
}

/// During `[from, to)`, `person` is on call for the rotation instead of its member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// When it begins.
    pub from: Instant,
    /// When it ends (not included).
    pub to: Instant,
    /// Who is on call meanwhile.
    pub person: PersonId,
}

impl Rotation {
    /// The windows the rotation covers, `window` or `windows`; `None` when it has
    /// neither and so covers around the clock.
    pub fn window_list(&self) -> Option<&[Window]> {
        match &self.window {
            Some(w) => Some(std::slice::from_ref(w)),
            None if self.windows.is_empty() => None,
            None => Some(&self.windows),
        }
    }
}

/// Rotations stacked in layers: at an instant the schedule pages the person on call in
/// the highest layer that has someone on call, and nobody when no layer has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Unique id.
    pub id: ScheduleId,
    /// Display name.
    pub name: String,
    /// Rotation ids, the lowest layer first.
    pub layers: Vec<RotationId>,
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
    /// Local closing time; without `to_day`, earlier than `from` wraps past midnight and
    /// equal covers the day.
    pub to: ClockTime,
    /// The day the window closes on, for a window that runs over several days: it
    /// closes at the first `to` on that day after it opens (`fri` 18:00 to `mon` 10:00).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_day: Option<Weekday>,
}
