//! A study's state: its inputs, where it stands and its last result, kept by the extras
//! module per library entry with the live drill's.

use leptos::prelude::*;
use rungs_core::sim::Summary;

/// Where a study stands.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    /// Nothing started yet.
    Idle,
    /// Waiting for the worker or running; runs made so far.
    Running(u32),
    /// Finished; the outcome is on show.
    Done,
    /// Cancelled by the user.
    Cancelled,
    /// Stopped, and why.
    Failed(String),
}

impl State {
    /// A short name for the state, for the page's `data-state`.
    pub fn name(&self) -> &'static str {
        match self {
            State::Idle => "idle",
            State::Running(_) => "running",
            State::Done => "done",
            State::Cancelled => "cancelled",
            State::Failed(_) => "failed",
        }
    }
}

/// A finished study.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The name of the scenario studied.
    pub scenario: String,
    /// What the runs came to.
    pub summary: Summary,
    /// The summary's JSON, exactly as the command line prints it.
    pub json: String,
    /// From Start to the summary, as the user waited (worker start-up included).
    pub elapsed_ms: f64,
    /// The worker's own time.
    pub compute_ms: f64,
}

/// A study's inputs, state and last result, kept per library entry with the live drill
/// (see [`LiveRoom`](crate::state::live_room::LiveRoom)), so leaving the drill room and
/// coming back finds them. A study running when the room is left is stopped (its worker
/// goes with the panel) and says so on return.
#[derive(Clone, Copy)]
pub struct StudyRoom {
    /// The runs field, as typed.
    pub runs_text: RwSignal<String>,
    /// The seed field, as typed.
    pub seed_text: RwSignal<String>,
    /// Where the study stands.
    pub state: RwSignal<State>,
    /// How many runs the study under way makes.
    pub total: RwSignal<u32>,
    /// The last finished study.
    pub outcome: RwSignal<Option<Outcome>>,
}

impl StudyRoom {
    /// No study yet.
    pub fn new() -> Self {
        StudyRoom {
            runs_text: RwSignal::new("1000".to_string()),
            seed_text: RwSignal::new(String::new()),
            state: RwSignal::new(State::Idle),
            total: RwSignal::new(0),
            outcome: RwSignal::new(None),
        }
    }

    /// The status line: runs made, or what the last study came to, or why it stopped.
    pub fn status(&self) -> String {
        let (state, total, outcome) = (self.state, self.total, self.outcome);
        match state.get() {
            State::Idle => String::new(),
            State::Running(done) => format!("{done} of {} runs", total.get()),
            State::Cancelled => "Cancelled.".into(),
            State::Failed(e) => e,
            State::Done => outcome.with(|o| {
                o.as_ref().map_or(String::new(), |o| {
                    let stopped = o.summary.budget_exhausted_runs;
                    let budget = if stopped > 0 {
                        format!(
                            ". {} of them stopped after {} events, the per-run event budget: the ladder pages without end, and their figures are cut short",
                            rungs_core::text::group_thousands(u64::from(stopped)),
                            rungs_core::text::group_thousands(rungs_core::sim::EVENT_BUDGET)
                        )
                    } else {
                        String::new()
                    };
                    format!(
                        "{} of {} (seed {}) in {:.1} s{budget}",
                        rungs_core::text::count(o.summary.runs as usize, "run", "runs"),
                        o.scenario,
                        o.summary.seed,
                        o.elapsed_ms / 1000.0,
                    )
                })
            }),
        }
    }
}

impl Default for StudyRoom {
    fn default() -> Self {
        Self::new()
    }
}
