//! A live drill: one incident of a scenario simulated against the ladder, with some
//! responders played by people in the room (their pages wait for their Acknowledge) and
//! a facilitator who injects events and takes notes. At the end a scorecard reads the
//! measured figures against the tier's targets, and a debrief is written as Markdown or
//! JSON ([`report`]).
//!
//! The session never reads a clock: whoever runs it moves simulated time on
//! ([`DrillSession::advance_by`], [`DrillSession::step`]).
//!
//! ```
//! use rungs_core::{drill::DrillSession, examples, parse_ladder};
//! let ladder = parse_ladder(examples::EXAMPLES[0].json).unwrap();
//! let id = ladder.scenarios[0].id.to_string();
//! let mut drill = DrillSession::start(&ladder, &id, Vec::<String>::new()).unwrap();
//! while !drill.advance_by(60_000) {}
//! assert!(drill.debrief_markdown(&ladder).starts_with("# Drill debrief: "));
//! ```

mod fields;
pub mod log;
mod preview;
pub mod report;

use std::collections::BTreeSet;
use std::fmt;
use std::rc::Rc;

use crate::sim::{Engine, Figures, LogEntry, SimModel, SimTime, EVENT_BUDGET};
use crate::{Duration, Ladder, Report};

pub use log::{remember, study_record, LogFigures, LogRecord, RecordKind, LOG_KEPT};
pub use preview::{first_page, FirstPage};
pub use report::{
    describe, lanes, name_of, pages, timeline_breaches, timeline_end, timeline_marks, ScoreRow,
    TimelineMark,
};

/// The clock speeds a drill offers (simulated seconds per real second).
pub const SPEEDS: [u32; 5] = [1, 10, 60, 300, 1200];

/// Why a drill could not start.
#[derive(Debug, Clone)]
pub enum StartError {
    /// No scenario with that id in the ladder.
    NoScenario,
    /// The ladder and scenario do not compile: validation found errors.
    Invalid(Report),
}

impl fmt::Display for StartError {
    /// The problem as the drill room words it after "This scenario cannot run: " (the
    /// errors' messages are sentences, one after the other).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::NoScenario => f.write_str("choose a scenario first"),
            StartError::Invalid(report) => f.write_str(
                &report
                    .errors()
                    .map(|d| d.message.clone())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        }
    }
}

impl std::error::Error for StartError {}

/// A page waiting for someone in the room, as its card shows it: who, which tier and
/// step paged them (through which rotation), how long it has waited and how long until
/// the step escalates to the next one.
#[derive(Debug, Clone, PartialEq)]
pub struct PageCard {
    /// The person's id.
    pub person_id: String,
    /// Their name.
    pub person: String,
    /// The tier whose policy paged.
    pub tier: String,
    /// The escalation step (from 1); `None` for the communication owner's page.
    pub step: Option<usize>,
    /// The rotation's name, when the page came through one; a schedule's name with its
    /// answering layer's, `Payments on-call (Weekday day team)`, when through a schedule.
    pub via: Option<String>,
    /// How long the page has waited.
    pub waited: Duration,
    /// How long until the step escalates (zero once due); `None` for the communication
    /// owner's page, which does not escalate.
    pub escalates_in: Option<Duration>,
}

impl PageCard {
    /// What paged them, as the card says it: `SEV1 step 2, via APAC primary`.
    pub fn source(&self) -> String {
        let what = match self.step {
            Some(k) => format!("{} step {k}", self.tier),
            None => format!("{} communication owner", self.tier),
        };
        match &self.via {
            Some(r) => format!("{what}, via {r}"),
            None => what,
        }
    }
}

/// A drill in progress: the simulation engine and what the drill room keeps beside it
/// (the scenario's name and who is played by people in the room). The engine shares
/// ownership of its model, so a session that ends or is replaced frees both.
pub struct DrillSession {
    model: Rc<SimModel>,
    engine: Engine<Rc<SimModel>>,
    scenario: String,
    humans: Vec<String>,
}

impl DrillSession {
    /// Starts a drill of the ladder's scenario `scenario_id`, with the people whose ids
    /// are in `humans` played in the room (ids that name nobody are kept in the list but
    /// play no one).
    pub fn start<S: Into<String>>(
        ladder: &Ladder,
        scenario_id: &str,
        humans: impl IntoIterator<Item = S>,
    ) -> Result<DrillSession, StartError> {
        let s = ladder
            .scenarios
            .iter()
            .find(|s| s.id.as_str() == scenario_id)
            .ok_or(StartError::NoScenario)?;
        let model = SimModel::new(ladder, &s.to_document()).map_err(StartError::Invalid)?;
        Ok(DrillSession::new(model, s.name.clone(), humans))
    }

    /// A drill of a compiled model, named `scenario`, seeded with the scenario's seed.
    /// `humans` are kept sorted and without repeats.
    pub fn new<S: Into<String>>(
        model: SimModel,
        scenario: impl Into<String>,
        humans: impl IntoIterator<Item = S>,
    ) -> DrillSession {
        let model = Rc::new(model);
        let mut engine = Engine::new(Rc::clone(&model), fields::seed(&model), true);
        let humans: BTreeSet<String> = humans.into_iter().map(Into::into).collect();
        for h in &humans {
            if let Some(p) = model.person(h) {
                engine.set_human(p, true);
            }
        }
        DrillSession {
            model,
            engine,
            scenario: scenario.into(),
            humans: humans.into_iter().collect(),
        }
    }

    /// The scenario's name.
    pub fn scenario(&self) -> &str {
        &self.scenario
    }

    /// The ids of the people played in the room, sorted.
    pub fn humans(&self) -> &[String] {
        &self.humans
    }

    /// The compiled ladder and scenario.
    pub fn model(&self) -> &SimModel {
        &self.model
    }

    /// Simulated time now.
    pub fn now(&self) -> SimTime {
        self.engine.now()
    }

    /// Whether the incident is over (resolved, out of events, or at the horizon).
    pub fn is_finished(&self) -> bool {
        self.engine.is_finished()
    }

    /// Moves simulated time on by `ms` milliseconds, handling every event due; returns
    /// whether the drill is now finished (the caller stops its clock then).
    pub fn advance_by(&mut self, ms: u64) -> bool {
        let to = SimTime(self.engine.now().0.saturating_add(ms));
        self.engine.advance_to(to);
        self.is_finished()
    }

    /// Advances to the next event and handles it; returns whether there was one.
    pub fn step(&mut self) -> bool {
        self.engine.step()
    }

    /// The ids of the people in the room whose page waits for their Acknowledge, in the
    /// order of [`DrillSession::humans`].
    pub fn awaiting(&self) -> Vec<String> {
        self.humans
            .iter()
            .filter(|h| {
                self.model
                    .person(h)
                    .is_some_and(|p| self.engine.awaiting_human(p))
            })
            .cloned()
            .collect()
    }

    /// How a page card names what a page went through: `APAC primary`, or a schedule
    /// with the layer that answered, `Payments on-call (Weekday day team)`.
    fn via_name(&self, l: &Ladder, via: crate::sim::Via) -> Option<String> {
        use crate::overview::find_name;
        let rotation = |r: usize| {
            let id = &self.model.rotations.get(r)?.id;
            Some(find_name(&l.rotations, id))
        };
        match via {
            crate::sim::Via::Rotation(r) => rotation(r),
            crate::sim::Via::Schedule {
                schedule,
                rotation: r,
            } => {
                let id = &self.model.schedules.get(schedule)?.id;
                Some(format!(
                    "{} ({})",
                    find_name(&l.schedules, id),
                    rotation(r)?
                ))
            }
        }
    }

    /// The pages waiting for someone in the room, as their cards show them, in the
    /// order of [`DrillSession::humans`].
    pub fn page_cards(&self, l: &Ladder) -> Vec<PageCard> {
        let now = self.engine.now();
        self.humans
            .iter()
            .filter_map(|h| {
                let w = self.engine.waiting_page(self.model.person(h)?)?;
                let tier = self.model.tiers.get(w.tier.index())?;
                let via = w.via.and_then(|via| self.via_name(l, via));
                let escalates_in = w.step.and_then(|k| tier.steps.get(k)).map(|step| {
                    let due = w.at.plus(step.after);
                    due.since(now)
                });
                Some(PageCard {
                    person_id: h.clone(),
                    person: name_of(l, h),
                    tier: tier.name.clone(),
                    step: w.step.map(|k| k + 1),
                    via,
                    waited: now.since(w.at),
                    escalates_in,
                })
            })
            .collect()
    }

    /// The person `person` (an id) acknowledges their waiting page now; returns whether
    /// there was one.
    pub fn acknowledge(&mut self, person: &str) -> bool {
        match self.model.person(person) {
            Some(p) => self.engine.acknowledge(p),
            None => false,
        }
    }

    /// The facilitator makes `person` (an id) unavailable from now on, with a note
    /// naming them (by their name in `l`); returns whether the person exists.
    pub fn make_unavailable(&mut self, l: &Ladder, person: &str) -> bool {
        let Some(p) = self.model.person(person) else {
            return false;
        };
        self.engine.make_unavailable(p, None);
        self.engine.note(&format!(
            "{} became unavailable (facilitator)",
            name_of(l, person)
        ));
        true
    }

    /// The signals the facilitator can set, as (index, "service metric").
    pub fn signals(&self) -> Vec<(usize, String)> {
        fields::signal_labels(&self.model)
            .into_iter()
            .enumerate()
            .collect()
    }

    /// The facilitator sets signal `signal` (an index of [`DrillSession::signals`]) to
    /// `value` now.
    pub fn set_signal(&mut self, signal: usize, value: f64) {
        self.engine.set_signal(signal, value);
    }

    /// [`DrillSession::set_signal`] from the inject form's texts: the signal's index and
    /// a number (trimmed). Returns false, changing nothing, when either does not read.
    pub fn set_signal_text(&mut self, signal: &str, value: &str) -> bool {
        let (Ok(i), Ok(v)) = (signal.parse::<usize>(), value.trim().parse::<f64>()) else {
            return false;
        };
        self.set_signal(i, v);
        true
    }

    /// The facilitator promotes the incident one tier; returns whether it moved.
    pub fn promote(&mut self) -> bool {
        self.engine.promote()
    }

    /// The facilitator demotes the incident one tier; returns whether it moved.
    pub fn demote(&mut self) -> bool {
        self.engine.demote()
    }

    /// The facilitator posts a status update now.
    pub fn post_update(&mut self) {
        self.engine.post_update();
    }

    /// Adds the facilitator's note `text` to the timeline, unless it is blank; returns
    /// whether it was added (the note field is emptied then).
    pub fn add_note(&mut self, text: &str) -> bool {
        if text.trim().is_empty() {
            return false;
        }
        self.engine.note(text);
        true
    }

    /// The event log so far.
    pub fn log(&self) -> &[LogEntry] {
        self.engine.log()
    }

    /// The figures so far.
    pub fn figures(&self) -> Figures {
        self.engine.figures()
    }

    /// The drill's clock line: `+00:12:00 · Tue 4 Mar, 09:12 UTC · SEV2 Major`
    /// (the tier in force, or "no incident yet").
    pub fn clock_text(&self) -> String {
        let now = self.engine.now();
        let tier = self
            .engine
            .tier()
            .and_then(|t| fields::tier_name(&self.model, t))
            .unwrap_or_else(|| "no incident yet".into());
        let utc = crate::TimeZoneName::utc();
        let at = crate::paging::readable_instant(self.model.instant(now), &utc);
        format!("{now} · {at} · {tier}")
    }

    /// The open deadlines of the tier in force: (timeline, seconds left; negative when
    /// passed).
    pub fn open_deadlines(&self) -> Vec<(&'static str, f64)> {
        let now = self.engine.now().0 as f64;
        self.engine
            .open_deadlines()
            .into_iter()
            .map(|(tl, due)| (tl.as_str(), (due.0 as f64 - now) / 1000.0))
            .collect()
    }

    /// When the run was stopped by the event budget, the sentence saying so.
    pub fn budget_message(&self) -> Option<String> {
        self.engine.budget_cause().map(|cause| {
            format!(
                "This drill stopped after {} events (the per-run event budget): {cause}.",
                crate::text::group_thousands(EVENT_BUDGET),
            )
        })
    }

    /// The flag shown once a deadline was missed:
    /// `⚠ 2 breaches: latest SEV2 missed acknowledge`.
    pub fn breach_flag(&self, l: &Ladder) -> Option<String> {
        let f = self.engine.figures();
        let breaches = fields::breaches(&f);
        let n = breaches.len();
        let (tier, timeline, _) = *breaches.last()?;
        Some(format!(
            "⚠ {n} breach{}: latest {} missed {}",
            if n == 1 { "" } else { "es" },
            name_of(l, tier),
            timeline.as_str()
        ))
    }

    /// The question asked before this drill is discarded (restarted or set up again).
    pub fn discard_question(&self) -> &'static str {
        if self.is_finished() {
            "Discard this drill's scorecard, timeline and notes? Download its debrief first to keep it."
        } else {
            "Discard the drill under way, with its timeline and notes?"
        }
    }
}
