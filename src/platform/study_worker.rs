//! Monte Carlo studies off the main thread, on every core: the messages between the page
//! and the study Web Workers (`src/bin/rungs-worker.rs`), the work a worker does, and how
//! the tallies of a study's blocks are put together.
//!
//! The page starts one worker per core (`navigator.hardwareConcurrency`, at most
//! [`MAX_WORKERS`]) from [`WORKER_URL`] when the study panel opens, and each waits for
//! [`Reply::Ready`] (messages sent before a worker's wasm has loaded would be lost). A
//! study's runs are dealt to the workers a block at a time as each comes free
//! (`rungs_core::sim::Dealer`), one [`Request::Run`] per block, as JSON text, so the
//! workers finish together however busy each core is. A worker adds each block's runs to
//! the tally it keeps, reports [`Reply::Progress`] now and then (at most every
//! [`PROGRESS_EVERY_MS`]) and ends a block with [`Reply::Ran`] (or [`Reply::Failed`]).
//! When no block is left, each worker but the last to finish sends its tally
//! ([`Request::Hand`], [`Reply::Tally`]), and the last [`merge`]s them with its own
//! ([`Request::Merge`]); the summary it sends back is byte for byte the one `rungs
//! simulate` prints, however the runs were dealt.
//! A sensitivity study ([`Request::Sensitivity`]) deals whole studies, one per varied
//! ladder, to the workers. To cancel, the page terminates the workers and starts fresh
//! ones. Nothing here uses Leptos, so the worker binary stays small.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use base64::prelude::{Engine as _, BASE64_STANDARD};
use rungs_core::sim::{SimModel, Study, Tally};
use serde::{Deserialize, Serialize};

thread_local! {
    /// The study this worker ran last: its model, built once for all the blocks and the
    /// merge, and the tally of the runs made of it, for the next [`Request::Run`], a
    /// [`Request::Hand`] or a [`Request::Merge`] with `kept`.
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
    /// When this worker last reported progress in the study under way.
    static REPORTED: Cell<Option<f64>> = const { Cell::new(None) };
}

/// What a worker keeps of the study it ran last.
struct Kept {
    /// The study (its block is all of its runs).
    study: Block,
    model: SimModel,
    /// The seed the runs derive from (the study's, or its scenario's).
    runs_seed: u64,
    /// The runs made so far; `None` before the first block, and once handed in or merged.
    tally: Option<Tally>,
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
    /// Run one block of a study's runs and add them to the tally this worker keeps;
    /// answered with [`Reply::Ran`].
    Run {
        /// The block.
        block: Block,
        /// The first block this worker runs of the study: whatever it kept of another
        /// study is dropped. Otherwise the block must be of the study it keeps.
        fresh: bool,
    },
    /// Send the tally this worker keeps of `study` (and keep it no more); answered with
    /// [`Reply::Tally`].
    Hand {
        /// The study (its block is all of its runs).
        study: Block,
    },
    /// Merge the tallies of every block of a study and summarise; answered with
    /// [`Reply::Summary`]. (A worker does it, so the page's wasm carries none of the
    /// summary's code.)
    Merge {
        /// The study (its block is all of its runs).
        study: Block,
        /// The tallies the other workers handed in, as [`Reply::Tally`] carried them.
        tallies: Vec<String>,
        /// Whether to merge the tally this worker keeps too: the worker that finished
        /// last merges, so its tally is neither sent nor read again.
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
    /// The block is run and counted in the tally the worker keeps.
    Ran {
        /// Milliseconds the worker spent on it (model and runs).
        compute_ms: f64,
    },
    /// The tally the worker kept, as [`Request::Hand`] asked: [`Tally::to_bytes`] in
    /// base64, which is quicker to write and read than the tally's JSON, and needs no
    /// escaping inside the message's.
    Tally {
        /// The tally.
        tally: String,
    },
    /// A sensitivity study's share is done.
    Done {
        /// The summaries, as [`Request::Sensitivity`] says.
        tally: String,
        /// Milliseconds the worker spent on it.
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
/// through when `last` holds no time, and then the first after `ms` have passed since
/// the last that went through, whose time `last` keeps (so a worker's reports stay
/// apart across the blocks of a study).
pub fn every<'a>(
    ms: f64,
    clock: impl Fn() -> f64 + 'a,
    last: &'a Cell<Option<f64>>,
    mut report: impl FnMut(u32) + 'a,
) -> impl FnMut(u32) + 'a {
    move |done| {
        if due(ms, clock(), last) {
            report(done);
        }
    }
}

/// Whether something done at most once every `ms` milliseconds may be done `now`: when
/// `last` holds no time, or `ms` have passed since the time it holds, which becomes `now`.
pub fn due(ms: f64, now: f64, last: &Cell<Option<f64>>) -> bool {
    let due = last.get().is_none_or(|at| now - at >= ms);
    if due {
        last.set(Some(now));
    }
    due
}

/// Runs between two chances to report progress: a hundredth of the block (at least one
/// run); [`answer`] lets at most one report through per [`PROGRESS_EVERY_MS`].
pub fn slice(runs: u32) -> u32 {
    (runs / 100).max(1)
}

impl Block {
    /// The whole study of `runs` runs of `ladder`'s (JSON text) scenario `scenario`:
    /// the block of all its runs.
    pub fn study(ladder: String, scenario: String, seed: Option<u64>, runs: u32) -> Block {
        Block {
            ladder,
            scenario,
            seed,
            runs,
            first: 0,
            end: runs,
        }
    }

    /// The runs `part` of the same study.
    pub fn part(&self, part: Range<u32>) -> Block {
        Block {
            first: part.start,
            end: part.end,
            ..self.clone()
        }
    }

    /// Whether `other` is a block of the same study.
    fn same_study(&self, other: &Block) -> bool {
        (&self.ladder, &self.scenario, self.seed, self.runs)
            == (&other.ladder, &other.scenario, other.seed, other.runs)
    }
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

/// `then` with what this worker keeps of `block`'s study: kept from an earlier block or
/// merge of it, else its model built from the block, with no tally yet.
fn with_kept<R>(block: &Block, then: impl FnOnce(&mut Kept) -> R) -> Result<R, String> {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        if !kept.as_ref().is_some_and(|k| k.study.same_study(block)) {
            *kept = None;
            let (ladder, scenario) = read(block)?;
            let model = SimModel::new(&ladder, &scenario).map_err(|report| {
                report
                    .diagnostics
                    .iter()
                    .map(|d| d.message.clone())
                    .collect::<Vec<_>>()
                    .join(" ")
            })?;
            *kept = Some(Kept {
                study: block.part(0..block.runs),
                model,
                runs_seed: block.seed.unwrap_or(scenario.seed),
                tally: None,
            });
        }
        Ok(then(kept.as_mut().expect("kept above")))
    })
}

/// Runs `block` (in a worker), calling `progress` with the block's runs made after each
/// slice, and adds them to the tally this worker keeps of the study: a new one for the
/// worker's first block of a study (`fresh`).
pub fn run(block: &Block, fresh: bool, mut progress: impl FnMut(u32)) -> Result<(), String> {
    if block.first >= block.end || block.end > block.runs {
        return Err(format!(
            "runs {}..{} are not a block of a {}-run study",
            block.first, block.end, block.runs
        ));
    }
    with_kept(block, |kept| {
        let earlier = match kept.tally.take() {
            _ if fresh => None,
            Some(tally) => Some(tally),
            None => return Err(LOST.to_string()),
        };
        let mut study = Study::block(&kept.model, kept.runs_seed, block.first..block.end);
        let step = slice(study.runs());
        while !study.is_finished() {
            progress(study.run(step));
        }
        let tally = study.into_tally();
        kept.tally = Some(match earlier {
            Some(mut all) => all.merge(tally).map(|()| all).map_err(|e| e.to_string())?,
            None => tally,
        });
        Ok(())
    })?
}

/// What a worker says when asked for a tally it does not hold.
const LOST: &str = "this worker no longer holds the tally of its runs; start the study again";

/// Hands in the tally this worker keeps of `study` (and keeps it no more), as
/// [`Reply::Tally`] carries it.
pub fn hand(study: &Block) -> Result<String, String> {
    KEPT.with(|kept| {
        kept.borrow_mut()
            .as_mut()
            .filter(|k| k.study.same_study(study))
            .and_then(|k| k.tally.take())
            .map(|tally| BASE64_STANDARD.encode(tally.to_bytes()))
            .ok_or_else(|| LOST.to_string())
    })
}

/// A tally that [`hand`] handed in.
fn handed(text: &str) -> Result<Tally, String> {
    let bytes = BASE64_STANDARD
        .decode(text)
        .map_err(|e| format!("a handed-in tally is not base64: {e}"))?;
    Tally::from_bytes(&bytes).map_err(|e| e.to_string())
}

/// Merges the tallies of every block of `study` (in any order), with the tally this
/// worker keeps when `kept`, and returns the summary as the command line prints it with
/// `--format json` (pretty, with a final newline): byte for byte the same however the
/// runs were split.
pub fn merge(study: &Block, tallies: &[String], kept: bool) -> Result<String, String> {
    with_kept(study, |k| {
        let mut all = match kept {
            true => k.tally.take().ok_or_else(|| LOST.to_string())?,
            false => Tally::empty(&k.model),
        };
        for t in tallies {
            all.merge(handed(t)?).map_err(|e| e.to_string())?;
        }
        let summary = all
            .summarise(&k.model, k.runs_seed, study.runs)
            .map_err(|e| e.to_string())?;
        let mut text = serde_json::to_string_pretty(&summary).expect("serialisable");
        text.push('\n');
        Ok(text)
    })?
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
/// most once per [`PROGRESS_EVERY_MS`] across the blocks of a study (a study's first
/// block, or a sensitivity study, reports its first slice at once).
pub fn answer(request: Request, progress: impl FnMut(u32)) -> Reply {
    let started = js_sys::Date::now();
    let ms = || js_sys::Date::now() - started;
    REPORTED.with(|last| {
        if matches!(
            request,
            Request::Run { fresh: true, .. } | Request::Sensitivity { .. }
        ) {
            last.set(None);
        }
        let progress = every(PROGRESS_EVERY_MS, js_sys::Date::now, last, progress);
        let answered = match request {
            Request::Run { block, fresh } => {
                run(&block, fresh, progress).map(|()| Reply::Ran { compute_ms: ms() })
            }
            Request::Hand { study } => hand(&study).map(|tally| Reply::Tally { tally }),
            Request::Sensitivity { study, items } => {
                sensitivity(&study, &items, progress).map(|tally| Reply::Done {
                    tally,
                    compute_ms: ms(),
                })
            }
            Request::Merge {
                study,
                tallies,
                kept,
            } => merge(&study, &tallies, kept).map(|summary| Reply::Summary {
                summary,
                compute_ms: ms(),
            }),
        };
        answered.unwrap_or_else(|message| Reply::Failed { message })
    })
}
