//! Monte Carlo studies off the main thread, on every core: the messages between the page
//! and the study Web Workers (`src/bin/rungs-worker.rs`), the work a worker does, and how
//! the page puts the blocks together.
//!
//! The page starts one worker per core (`navigator.hardwareConcurrency`, at most
//! [`MAX_WORKERS`]) from [`WORKER_URL`] when the study panel opens, and each waits for
//! [`Reply::Ready`] (messages sent before a worker's wasm has loaded would be lost). A
//! study is split into whole blocks of runs ([`split`], the core's `sim::blocks`),
//! one [`Request`] per worker, as JSON text. Each worker answers with
//! [`Reply::Progress`] now and then (at most every [`PROGRESS_EVERY_MS`]) and ends with
//! [`Reply::Done`] (the block's tally, which it also keeps) or [`Reply::Failed`], then
//! waits for the next. Once every tally is in, the page asks the worker that finished
//! last to [`merge`] them with the one it kept ([`Request::Merge`]); the summary it
//! sends back is byte for byte the one `rungs simulate` prints, however the runs were
//! split.
//! A sensitivity study ([`Request::Sensitivity`]) deals whole studies, one per varied
//! ladder, to the workers the same way. To cancel, the page terminates the workers and
//! starts fresh ones. Nothing here uses Leptos, so the worker binary
//! stays small.

use std::cell::RefCell;

use rungs_core::sim::{blocks, SimModel, Study, Tally};
use serde::{Deserialize, Serialize};

thread_local! {
    /// The block this worker ran last, and its tally, for a [`Request::Merge`] with
    /// `kept`.
    static KEPT: RefCell<Option<(Block, Tally)>> = const { RefCell::new(None) };
}

/// Where Trunk puts the worker's loader (`data-loader-shim` in index.html), relative to
/// the page.
pub const WORKER_URL: &str = "./rungs-worker_loader.js";

/// The most workers a study is split across, however many cores the browser reports.
pub const MAX_WORKERS: u32 = 8;

/// What the page asks a worker for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Run one block of a study's runs; answered with [`Reply::Done`].
    Block(Block),
    /// Merge the tallies of every block of a study and summarise; answered with
    /// [`Reply::Summary`]. (A worker does it, so the page's wasm carries none of the
    /// summary's code.)
    Merge {
        /// The study (its block is all of its runs).
        study: Block,
        /// The tallies of the other workers' blocks, as [`Reply::Done`] gave them.
        tallies: Vec<String>,
        /// Whether to merge the tally of the block this worker ran last too, which it
        /// kept: the page then leaves that one out of `tallies`, so the last block's
        /// tally, the biggest message of a study, is neither sent nor read again.
        #[serde(default)]
        kept: bool,
    },
    /// Study some of a sensitivity study's ladders: item 0 is the ladder as it is, item
    /// `k` the `k`-th of `rungs_core::whatif::sensitivity::Plan::variations`; each one is
    /// a whole study of `study.runs` runs with the same seed. Answered with
    /// [`Reply::Done`], its `tally` the JSON list of `[item, {"Ok": summary} | {"Err":
    /// why}]`, and [`Reply::Progress`] with the runs made across the items so far.
    Sensitivity {
        /// The study (its block is all of its runs).
        study: Block,
        /// The items this worker studies.
        items: Vec<u32>,
    },
}

/// One block of a study's runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// The ladder, as JSON text.
    pub ladder: String,
    /// The id of one of its embedded scenarios.
    pub scenario: String,
    /// The seed runs derive from; the scenario's own seed when `None`.
    pub seed: Option<u64>,
    /// How many runs the whole study makes.
    pub runs: u32,
    /// The first run of this block.
    pub first: u32,
    /// The run after the block's last.
    pub end: u32,
}

/// What the worker tells the page, as JSON text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The worker is listening.
    Ready,
    /// Runs of the block made so far.
    Progress {
        /// Runs made.
        done: u32,
    },
    /// The block is done.
    Done {
        /// The block's partial result ([`Tally::to_json`]).
        tally: String,
        /// Milliseconds the worker spent on it (model and runs).
        compute_ms: f64,
    },
    /// The study's summary, from the merged tallies.
    Summary {
        /// The summary as `rungs simulate --runs N --format json` prints it.
        summary: String,
        /// Milliseconds the worker spent merging and summarising.
        compute_ms: f64,
    },
    /// The request could not be carried out.
    Failed {
        /// Why, for the user.
        message: String,
    },
}

/// The least time between two progress reports from a worker, in milliseconds. Each one
/// costs the page a render on its own thread, which on a two-core machine shares the
/// cores with the workers; twenty a second still move the bar smoothly.
pub const PROGRESS_EVERY_MS: f64 = 50.0;

/// `report`, called at most once every `ms` milliseconds of `clock`: the first call goes
/// through, and then the first after `ms` have passed since the last that went through.
pub fn every(ms: f64, clock: impl Fn() -> f64, mut report: impl FnMut(u32)) -> impl FnMut(u32) {
    let mut last = None;
    move |done| {
        let now = clock();
        if last.is_none_or(|at| now - at >= ms) {
            last = Some(now);
            report(done);
        }
    }
}

/// Runs between two chances to report progress: a hundredth of the block (at least one
/// run); [`answer`] lets at most one report through per [`PROGRESS_EVERY_MS`].
pub fn slice(runs: u32) -> u32 {
    (runs / 100).max(1)
}

/// One block per worker for a study of `runs` runs split across `workers` workers
/// ([`blocks`]), each with the ladder's JSON text.
pub fn split(
    ladder: String,
    scenario: String,
    seed: Option<u64>,
    runs: u32,
    workers: u32,
) -> Vec<Block> {
    blocks(runs, workers.min(MAX_WORKERS))
        .into_iter()
        .map(|b| Block {
            ladder: ladder.clone(),
            scenario: scenario.clone(),
            seed,
            runs,
            first: b.start,
            end: b.end,
        })
        .collect()
}

/// The block's ladder and its scenario.
fn read(block: &Block) -> Result<(rungs_core::Ladder, rungs_core::ScenarioDocument), String> {
    let ladder = rungs_core::parse_ladder(&block.ladder).map_err(|e| e.to_string())?;
    let scenario = ladder
        .scenarios
        .iter()
        .find(|s| s.id.as_str() == block.scenario)
        .ok_or_else(|| format!("the ladder has no scenario `{}`", block.scenario))?
        .to_document();
    Ok((ladder, scenario))
}

/// The study's model and seed, as every worker builds them from a block.
fn prepare(block: &Block) -> Result<(SimModel, u64), String> {
    let (ladder, scenario) = read(block)?;
    let model = SimModel::new(&ladder, &scenario).map_err(|report| {
        report
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
            .join(" ")
    })?;
    Ok((model, block.seed.unwrap_or(scenario.seed)))
}

/// Runs `block` (in a worker), calling `progress` with the block's runs made after each
/// slice; returns the block's tally as JSON text.
pub fn run(block: &Block, mut progress: impl FnMut(u32)) -> Result<String, String> {
    if block.first >= block.end || block.end > block.runs {
        return Err(format!(
            "runs {}..{} are not a block of a {}-run study",
            block.first, block.end, block.runs
        ));
    }
    let (model, seed) = prepare(block)?;
    let mut study = Study::block(&model, seed, block.first..block.end);
    let step = slice(study.runs());
    while !study.is_finished() {
        progress(study.run(step));
    }
    let tally = study.into_tally();
    let text = tally.to_json();
    KEPT.with(|k| *k.borrow_mut() = Some((block.clone(), tally)));
    Ok(text)
}

/// Merges the tallies of every block of `study` (in any order), with the tally this
/// worker kept of the block it ran last when `kept`, and returns the summary as the
/// command line prints it with `--format json` (pretty, with a final newline): byte for
/// byte the same however the runs were split.
pub fn merge(study: &Block, tallies: &[String], kept: bool) -> Result<String, String> {
    let (model, seed) = prepare(study)?;
    let mut all = Tally::empty(&model);
    if kept {
        let same_study = |b: &Block| {
            (&b.ladder, &b.scenario, b.seed, b.runs)
                == (&study.ladder, &study.scenario, study.seed, study.runs)
        };
        let tally = KEPT
            .with(|k| k.borrow_mut().take())
            .filter(|(block, _)| same_study(block))
            .map(|(_, tally)| tally)
            .ok_or("this worker no longer holds the tally of its block; start the study again")?;
        all.merge(tally).map_err(|e| e.to_string())?;
    }
    for t in tallies {
        all.merge(Tally::from_json(t).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    }
    let summary = all
        .summarise(&model, seed, study.runs)
        .map_err(|e| e.to_string())?;
    let mut text = serde_json::to_string_pretty(&summary).expect("serialisable");
    text.push('\n');
    Ok(text)
}

/// One sensitivity item's study, as [`Request::Sensitivity`] answers it.
pub type Studied = (u32, Result<rungs_core::sim::Summary, String>);

/// Studies `items` of the sensitivity study of `study` (in a worker), calling `progress`
/// with the runs made so far across them; returns their summaries as JSON text (see
/// [`Request::Sensitivity`]).
pub fn sensitivity(
    study: &Block,
    items: &[u32],
    mut progress: impl FnMut(u32),
) -> Result<String, String> {
    use rungs_core::whatif::sensitivity;
    let (ladder, scenario) = read(study)?;
    let seed = study.seed.unwrap_or(scenario.seed);
    let variations = sensitivity::plan(&ladder).variations();
    let mut made = 0;
    let mut out: Vec<Studied> = Vec::with_capacity(items.len());
    for &item in items {
        let varied = match item.checked_sub(1) {
            None => ladder.clone(),
            Some(k) => variations
                .get(k as usize)
                .ok_or_else(|| format!("the plan has no variation {item}"))?
                .apply(&ladder),
        };
        let summary = sensitivity::varied_model(&varied, &scenario).and_then(|model| {
            let mut runs = Study::block(&model, seed, 0..study.runs);
            let step = slice(study.runs);
            while !runs.is_finished() {
                progress(made + runs.run(step));
            }
            runs.into_tally()
                .summarise(&model, seed, study.runs)
                .map_err(|e| e.to_string())
        });
        made += study.runs;
        out.push((item, summary));
    }
    serde_json::to_string(&out).map_err(|e| e.to_string())
}

/// Carries out a request in a worker: `progress` hears a block's runs made so far, at
/// most once per [`PROGRESS_EVERY_MS`].
pub fn answer(request: Request, progress: impl FnMut(u32)) -> Reply {
    let started = js_sys::Date::now();
    let ms = || js_sys::Date::now() - started;
    let progress = every(PROGRESS_EVERY_MS, js_sys::Date::now, progress);
    match request {
        Request::Block(block) => match run(&block, progress) {
            Ok(tally) => Reply::Done {
                tally,
                compute_ms: ms(),
            },
            Err(message) => Reply::Failed { message },
        },
        Request::Sensitivity { study, items } => match sensitivity(&study, &items, progress) {
            Ok(tally) => Reply::Done {
                tally,
                compute_ms: ms(),
            },
            Err(message) => Reply::Failed { message },
        },
        Request::Merge {
            study,
            tallies,
            kept,
        } => match merge(&study, &tallies, kept) {
            Ok(summary) => Reply::Summary {
                summary,
                compute_ms: ms(),
            },
            Err(message) => Reply::Failed { message },
        },
    }
}
