//! Monte Carlo studies off the main thread: the messages between the page and the study
//! Web Worker (`src/bin/rungs-worker.rs`), and the work the worker does.
//!
//! The page starts the worker from [`WORKER_URL`] when the study panel opens and waits
//! for [`Reply::Ready`] (messages sent before the worker's wasm has loaded would be lost);
//! it then posts a [`Request`] per study, as JSON text. The worker answers with
//! [`Reply::Progress`] after each slice of runs and ends each study with [`Reply::Done`]
//! or [`Reply::Failed`], then waits for the next. To cancel, the page terminates the
//! worker and starts a fresh one. Nothing here uses Leptos, so the worker binary stays
//! small.

use rungs_core::sim::{SimModel, Study};
use serde::{Deserialize, Serialize};

/// Where Trunk puts the worker's loader (`data-loader-shim` in index.html), relative to
/// the page.
pub const WORKER_URL: &str = "./rungs-worker_loader.js";

/// What the page asks the worker for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The ladder, as JSON text.
    pub ladder: String,
    /// The id of one of its embedded scenarios.
    pub scenario: String,
    /// The seed runs derive from; the scenario's own seed when `None`.
    pub seed: Option<u64>,
    /// How many runs.
    pub runs: u32,
}

/// What the worker tells the page, as JSON text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The worker is listening.
    Ready,
    /// Runs made so far.
    Progress {
        /// Runs made.
        done: u32,
    },
    /// The study is over.
    Done {
        /// The summary as `rungs simulate --runs N --format json` prints it.
        summary: String,
        /// Milliseconds the worker spent on it (model, runs and summary).
        compute_ms: f64,
    },
    /// The request could not be carried out.
    Failed {
        /// Why, for the user.
        message: String,
    },
}

impl Reply {
    /// The reply as the JSON text that travels.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("serialisable")
    }
}

/// Runs between two progress reports: a hundredth of the study (at least one run).
pub fn slice(runs: u32) -> u32 {
    (runs / 100).max(1)
}

/// Carries out `request`, calling `progress` with the runs made after each slice;
/// returns the summary as the command line prints it with `--format json` (pretty, with
/// a final newline).
pub fn run(request: &Request, mut progress: impl FnMut(u32)) -> Result<String, String> {
    let ladder = rungs_core::parse_ladder(&request.ladder).map_err(|e| e.to_string())?;
    let scenario = ladder
        .scenarios
        .iter()
        .find(|s| s.id.as_str() == request.scenario)
        .ok_or_else(|| format!("the ladder has no scenario `{}`", request.scenario))?
        .to_document();
    let model = SimModel::new(&ladder, &scenario).map_err(|report| {
        report
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
            .join(" ")
    })?;
    let seed = request.seed.unwrap_or(scenario.seed);
    let mut study = Study::new(&model, seed, request.runs);
    let step = slice(request.runs);
    while !study.is_finished() {
        progress(study.run(step));
    }
    let mut text = serde_json::to_string_pretty(&study.finish()).expect("serialisable");
    text.push('\n');
    Ok(text)
}
