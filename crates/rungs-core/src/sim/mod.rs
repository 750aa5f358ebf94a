//! The drill simulator: a deterministic discrete-event simulation of one incident
//! against a ladder and a scenario, single runs for drills and many runs (Monte Carlo)
//! for studies. The semantics are documented in docs/simulation.md.
//!
//! It runs on a [`SimModel`] compiled from a [`Resolved`]
//! ladder: tiers and people are addressed by [`TierIx`] and [`PersonIx`], instants by
//! [`SimTime`], spans by [`Duration`], deadlines by [`Timeline`].
//!
//! ```
//! use rungs_core::{parse_ladder, examples, sim};
//! let ladder = parse_ladder(examples::EXAMPLES[0].json).unwrap();
//! let scenario = ladder.scenarios[0].to_document();
//! let model = sim::SimModel::new(&ladder, &scenario).unwrap();
//! let run = sim::run_once(&model, scenario.seed);
//! assert!(run.figures.detected_at.is_some());
//! // the same seed gives the same run, to the event
//! assert_eq!(sim::run_once(&model, scenario.seed), run);
//! ```

mod deal;
mod engine;
mod index;
mod model;
mod monte_carlo;
mod resolved;
mod tally;
mod time;

use std::fmt;

use crate::{Duration, PersonId, TierId};
pub use deal::{handout, Deal, Dealer, LEAST_BLOCK};
pub use engine::{Engine, Via, WaitingPage};
pub use index::{PerTimeline, PersonIx, TierIx, Timeline};
pub use model::{
    Delay, SignalSlot, SimModel, SimPerson, SimSchedule, SimTarget, SimTier, SimTrigger,
};
pub use monte_carlo::{
    monte_carlo, run_seed, FigureStats, Histogram, Precursor, Study, Summary, HISTOGRAM_BINS,
};
pub use resolved::{Resolved, ResolvedTier};
pub use tally::{blocks, Tally, TallyError};
pub use time::{AsSecs, SimTime};

/// The most events one run processes. A run that has processed this many while more
/// are due before its horizon ends there, with [`Figures::budget_exhausted`] set: a
/// ladder that pages every second for years cannot make a run (or its event log) grow
/// without end. See "The event budget" in docs/simulation.md.
///
/// Declared with validation, which names it in the `excessive-paging` hint and must
/// not import the simulator.
pub use crate::validate::EVENT_BUDGET;

/// What happened, in the event log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum EventKind {
    Signal,
    Unavailable,
    Note,
    TriggerFired,
    TriggerCleared,
    Opened,
    Promoted,
    Escalated,
    Demoted,
    Page,
    EmptyPage,
    Ack,
    AckLost,
    Contained,
    Resolved,
    Breach,
    Exhausted,
    FirstUpdate,
    UpdatePosted,
    UpdateMissed,
}

impl EventKind {
    /// The name used in the log.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Signal => "signal",
            EventKind::Unavailable => "unavailable",
            EventKind::Note => "note",
            EventKind::TriggerFired => "trigger fired",
            EventKind::TriggerCleared => "trigger cleared",
            EventKind::Opened => "opened",
            EventKind::Promoted => "promoted",
            EventKind::Escalated => "escalated",
            EventKind::Demoted => "demoted",
            EventKind::Page => "paged",
            EventKind::EmptyPage => "empty page",
            EventKind::Ack => "acknowledged",
            EventKind::AckLost => "acknowledgement lost",
            EventKind::Contained => "contained",
            EventKind::Resolved => "resolved",
            EventKind::Breach => "breach",
            EventKind::Exhausted => "policy exhausted",
            EventKind::FirstUpdate => "first update",
            EventKind::UpdatePosted => "update posted",
            EventKind::UpdateMissed => "update missed",
        }
    }
}

/// One entry of the event log.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LogEntry {
    /// When, seconds from start in JSON.
    pub t: SimTime,
    /// What.
    pub kind: EventKind,
    /// The tier it concerns.
    pub tier: Option<TierId>,
    /// The person it concerns.
    pub who: Option<PersonId>,
    /// Details for a reader.
    pub detail: String,
}

impl fmt::Display for LogEntry {
    /// `+00:05:00 sev2 paged ana (payments-primary, step 1)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ", self.t)?;
        if let Some(t) = &self.tier {
            write!(f, "{t} ")?;
        }
        f.write_str(self.kind.as_str())?;
        if let Some(w) = &self.who {
            write!(f, " {w}")?;
        }
        if !self.detail.is_empty() {
            write!(f, " ({})", self.detail)?;
        }
        Ok(())
    }
}

/// A recorded breach.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Breach {
    /// The tier.
    pub tier: TierId,
    /// Which deadline.
    pub timeline: Timeline,
    /// When (seconds from start in JSON).
    pub at: SimTime,
}

/// The figures of one run (spec section 4). Times in seconds in JSON; `None` (null)
/// where the moment never came.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Figures {
    /// Detection.
    pub detected_at: Option<SimTime>,
    /// From detection to the first acknowledgement.
    #[serde(serialize_with = "time::opt_secs")]
    pub time_to_acknowledge: Option<Duration>,
    /// From detection to containment.
    #[serde(serialize_with = "time::opt_secs")]
    pub time_to_contain: Option<Duration>,
    /// From detection to resolution.
    #[serde(serialize_with = "time::opt_secs")]
    pub time_to_resolve: Option<Duration>,
    /// From detection to the first status update.
    #[serde(serialize_with = "time::opt_secs")]
    pub time_to_first_update: Option<Duration>,
    /// Pages sent, communication pages included.
    pub pages_sent: u32,
    /// Distinct people paged.
    pub people_paged: u32,
    /// Updates due while their poster was unavailable.
    pub updates_missed: u32,
    /// The most severe tier reached.
    pub max_tier: Option<TierId>,
    /// The tier at the end.
    pub final_tier: Option<TierId>,
    /// Breaches, in order.
    pub breaches: Vec<Breach>,
    /// Tiers whose policy ran out.
    pub exhausted: Vec<TierId>,
    /// Whether the run was stopped by the [`EVENT_BUDGET`] with events still due before
    /// the horizon; the other figures are then those at that instant.
    pub budget_exhausted: bool,
}

/// One complete run: its log and figures.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Run {
    /// The figures.
    pub figures: Figures,
    /// The ordered event log.
    pub events: Vec<LogEntry>,
}

/// Seconds as every figure, target and countdown prints them: `45s`, `3m09s`,
/// `1h28m29s`, and `-1m30s` for a deadline already passed. Shared by the command line,
/// the study and the live drill, so all read the same.
pub fn format_duration(secs: impl AsSecs) -> String {
    let secs = secs.as_secs();
    let sign = if secs <= -0.5 { "-" } else { "" };
    let s = secs.abs().round() as u64;
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    match (h, m) {
        (0, 0) => format!("{sign}{s}s"),
        (0, _) => format!("{sign}{m}m{s:02}s"),
        _ => format!("{sign}{h}h{m:02}m{s:02}s"),
    }
}

/// [`format_duration`] for a figure that may never have been reached (`—`): seconds, a
/// [`Duration`] or a [`SimTime`].
pub fn format_secs<T: AsSecs>(v: Option<T>) -> String {
    v.map_or_else(|| "—".into(), format_duration)
}

/// Runs one incident to the end with `seed`, keeping the event log.
pub fn run_once(model: &SimModel, seed: u64) -> Run {
    let mut e = Engine::new(model, seed, true);
    e.run();
    Run {
        figures: e.figures(),
        events: e.log().to_vec(),
    }
}

/// A fingerprint of the simulator on a ladder: for each embedded scenario (with its own
/// seed), the figures of the single run and the summary of a 300-run study, as pretty
/// JSON. The golden-file tests compare it natively and in the browser, byte for byte.
pub fn fingerprint(ladder: &crate::Ladder) -> Result<String, crate::Report> {
    let mut out = serde_json::Map::new();
    for s in &ladder.scenarios {
        let doc = s.to_document();
        let m = SimModel::new(ladder, &doc)?;
        out.insert(
            s.id.to_string(),
            serde_json::json!({
                "single": run_once(&m, doc.seed).figures,
                "study": monte_carlo(&m, doc.seed, 300, |_| {}),
            }),
        );
    }
    let mut text = serde_json::to_string_pretty(&out).expect("serialisable");
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::{format_duration, format_secs};

    #[test]
    fn durations_read_one_way_everywhere() {
        let cases = [
            (0.0, "0s"),
            (0.4, "0s"),
            (-0.4, "0s"),
            (45.0, "45s"),
            (59.6, "1m00s"),
            (189.0, "3m09s"),
            (3600.0, "1h00m00s"),
            (5309.0, "1h28m29s"),
            (-90.0, "-1m30s"),
            (-7200.0, "-2h00m00s"),
        ];
        for (secs, text) in cases {
            assert_eq!(format_duration(secs), text, "{secs} s");
        }
        assert_eq!(format_secs(None::<f64>), "—");
        assert_eq!(format_secs(Some(90.0)), "1m30s");
    }
}
