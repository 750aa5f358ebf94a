//! Work the page needs only now and then, done off the page and out of its first load:
//! importing from paging tools, exporting Terraform and what-if comparisons of two
//! ladders' studies. The
//! messages between the page and the on-demand Web Worker (`src/bin/rungs-on-demand.rs`,
//! which carries `rungs-interop` with its HCL parser and the simulator's comparison), and [`ask`],
//! which starts the worker when the user asks, posts one request and ends it once
//! answered. The page's own wasm links none of that code.

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// Where Trunk puts the worker's loader (`data-loader-shim` in index.html).
pub const WORKER_URL: &str = "./rungs-on-demand_loader.js";

/// One file to import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct File {
    /// Its name, as notes and errors show it.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// What the page asks the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Import `files` as `system`'s format (`pagerduty`, ..., as `rungs import` names it).
    Import {
        /// The system's slug.
        system: String,
        /// The documents.
        files: Vec<File>,
    },
    /// Write a ladder as Terraform for `provider` (`terraform-pagerduty`, ...).
    Export {
        /// The provider's slug.
        provider: String,
        /// The ladder's canonical JSON.
        ladder: String,
    },
    /// What if: both ladders' studies of one scenario (embedded in both, by id) with
    /// the same run seeds, compared figure by figure (`rungs simulate OLD --compare NEW`).
    Compare {
        /// The ladder before.
        old: String,
        /// The ladder after.
        new: String,
        /// The scenario's id.
        scenario: String,
        /// Runs of each study (1 to [`MAX_COMPARE_RUNS`]).
        runs: u32,
        /// The seed (default: the scenario's).
        seed: Option<u64>,
    },
}

/// A note of an import or export, as the page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteLine {
    /// `info` or `warning`.
    pub severity: String,
    /// The sentence.
    pub message: String,
    /// Where in the source: `file at /pointer` or `file:line` (for an export, the
    /// ladder's pointer).
    pub place: String,
}

/// The most runs a comparison in the browser makes of each ladder (one worker, two
/// studies and the bootstrap; the command line has no such bound).
pub const MAX_COMPARE_RUNS: u32 = 20_000;

/// One figure of a comparison, as the page shows it (`rungs_core::whatif::ComparisonRow`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareLine {
    /// `sev1 acknowledge breach rate`, `p90 time to acknowledge`.
    pub label: String,
    /// The older ladder's value.
    pub old: String,
    /// The newer ladder's value.
    pub new: String,
    /// New minus old.
    pub difference: String,
    /// The 95 % interval of the difference.
    pub ci: String,
    /// `better`, `worse` or `no_clear_difference`, as the command line's JSON says.
    pub verdict: String,
    /// `▲ worse`, `▼ better`, `= no clear difference`.
    pub marker: String,
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The worker is listening.
    Ready,
    /// The import worked.
    Imported {
        /// The ladder's canonical JSON.
        ladder: String,
        /// The notes, in source order.
        notes: Vec<NoteLine>,
    },
    /// The export worked.
    Exported {
        /// The HCL.
        text: String,
        /// What the provider cannot express.
        notes: Vec<NoteLine>,
    },
    /// Two studies compared.
    Compared {
        /// Runs of each.
        runs: u32,
        /// The seed both derive their runs' seeds from.
        seed: u64,
        /// One row per figure, as text.
        rows: Vec<CompareLine>,
        /// Whether a breach rate or a p90 is clearly worse (`--fail-on-regression`).
        regression: bool,
    },
    /// The request could not be carried out: why, with file, line and column or pointer.
    Failed {
        /// The message.
        message: String,
    },
}

/// Starts the worker, sends `request` once it is ready, and hands its answer (or why it
/// could not load) to `answered`, once; the worker is ended after it answers.
pub fn ask(request: &Request, answered: impl FnOnce(Reply) + 'static) {
    let worker = match Worker::new(WORKER_URL) {
        Ok(w) => w,
        Err(e) => {
            let why = e.as_string().unwrap_or_else(|| format!("{e:?}"));
            answered(Reply::Failed {
                message: format!("the worker could not start: {why}"),
            });
            return;
        }
    };
    type Handlers = (
        Closure<dyn FnMut(MessageEvent)>,
        Closure<dyn FnMut(web_sys::Event)>,
    );
    let answered = Rc::new(RefCell::new(Some(
        Box::new(answered) as Box<dyn FnOnce(Reply)>
    )));
    let keep: Rc<RefCell<Option<Handlers>>> = Rc::new(RefCell::new(None));
    let finish = {
        let (worker, keep, answered) = (worker.clone(), keep.clone(), answered.clone());
        move |reply: Reply| {
            worker.set_onmessage(None);
            worker.set_onerror(None);
            worker.terminate();
            if let Some(f) = answered.borrow_mut().take() {
                f(reply);
            }
            // the handlers go last: this closure is one of them
            let dropped = keep.borrow_mut().take();
            wasm_bindgen_futures::spawn_local(async move { drop(dropped) });
        }
    };
    let text = serde_json::to_string(request).expect("serialisable");
    let on_message = {
        let (worker, finish) = (worker.clone(), finish.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let reply = e
                .data()
                .as_string()
                .and_then(|t| serde_json::from_str::<Reply>(&t).ok());
            match reply {
                Some(Reply::Ready) => {
                    let _ = worker.post_message(&JsValue::from_str(&text));
                }
                Some(other) => finish(other),
                None => {}
            }
        })
    };
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let why = e
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "it could not be loaded".into());
        finish(Reply::Failed {
            message: format!("the worker stopped: {why}"),
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    *keep.borrow_mut() = Some((on_message, on_error));
}
