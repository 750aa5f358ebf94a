//! Past drills: every finished drill's debrief, kept with the ladder it drilled, newest
//! first, so a team can look back at how each drill went (and a later drill log can
//! build on it). The app stores the list in the browser's library (see
//! [`crate::library::Library::past_drills`]).

use serde::{Deserialize, Serialize};

use super::DrillSession;
use crate::sim::format_duration as fmt_secs;
use crate::Ladder;

/// How many past drills are kept per ladder; a newer one pushes the oldest out, and the
/// list says so.
pub const PAST_DRILLS_KEPT: usize = 30;

/// One finished drill, as it is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PastDrill {
    /// When it finished, in milliseconds since the epoch (the caller's clock).
    pub finished_at: f64,
    /// The scenario's name.
    pub scenario: String,
    /// One line on how it went: `Final tier SEV1 Critical · 2 breaches · acknowledged in 4m10s`.
    pub summary: String,
    /// The debrief in Markdown.
    pub markdown: String,
    /// The debrief as `rungs.debrief/v1` JSON.
    pub json: String,
}

impl DrillSession {
    /// This drill as a past drill, finished at `finished_at` (ms since the epoch).
    pub fn past(&self, l: &Ladder, finished_at: f64) -> PastDrill {
        PastDrill {
            finished_at,
            scenario: self.scenario().to_string(),
            summary: self.summary_line(l),
            markdown: self.debrief_markdown(l),
            json: self.debrief_json(),
        }
    }

    /// How the drill went, in one line.
    pub fn summary_line(&self, l: &Ladder) -> String {
        let mut parts = Vec::new();
        if let Some((_, tier)) = self
            .debrief_facts(l)
            .into_iter()
            .find(|(k, _)| *k == "Final tier")
        {
            parts.push(format!("final tier {tier}"));
        }
        let breaches = self.breaches(l).len();
        parts.push(match breaches {
            0 => "no breach".to_string(),
            1 => "1 breach".to_string(),
            n => format!("{n} breaches"),
        });
        match self.scorecard().first().and_then(|r| r.value) {
            Some(ack) => parts.push(format!("acknowledged in {}", fmt_secs(ack))),
            None => parts.push("never acknowledged".to_string()),
        }
        let mut line = parts.join(" · ");
        if let Some(first) = line.get(..1) {
            line = first.to_uppercase() + &line[1..];
        }
        line
    }
}

/// Puts `drill` first in `list` (newest first), keeping [`PAST_DRILLS_KEPT`]; returns
/// how many old ones were dropped.
pub fn remember(list: &mut Vec<PastDrill>, drill: PastDrill) -> usize {
    list.insert(0, drill);
    let dropped = list.len().saturating_sub(PAST_DRILLS_KEPT);
    list.truncate(PAST_DRILLS_KEPT);
    dropped
}
