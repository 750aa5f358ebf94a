//! The page's side of the study workers: starting them, listening to them, ending them.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use crate::platform::study_worker::{self, Reply};

/// Whether a worker can take a study.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Health {
    /// Still loading its wasm: a request posted now would be lost.
    Loading,
    /// It said Ready.
    Ready,
    /// It failed to load or crashed.
    Broken,
}

/// A study worker and the handlers it answers to (dropped together, which terminates
/// it). One per core is kept between studies: started when the panel opens, so their
/// wasm is compiled before the first Start, and reused, so later studies run on code the
/// browser has already optimised. Cancelling replaces them at once; after a failure or a
/// crash they are ended, and the next Start starts fresh ones.
pub struct Slot {
    /// The worker.
    pub worker: Worker,
    /// Whether it can take a study.
    pub health: Rc<Cell<Health>>,
    on_message: Closure<dyn FnMut(MessageEvent)>,
    on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Slot {
    /// Starts a worker that waits for a study.
    pub fn spawn() -> Result<Slot, String> {
        let worker = Worker::new(study_worker::WORKER_URL)
            .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
        let mut slot = Slot {
            worker,
            health: Rc::new(Cell::new(Health::Loading)),
            on_message: Closure::new(|_: MessageEvent| {}),
            on_error: Closure::new(|_: web_sys::Event| {}),
        };
        slot.rest();
        Ok(slot)
    }

    /// Leaves the worker waiting, answering to no study: it only marks itself ready
    /// when its wasm has loaded, or broken when it fails. A worker a study does not use
    /// is left so, and no longer speaks to the study before.
    pub fn rest(&mut self) {
        let (ready, health) = (self.health.clone(), self.health.clone());
        self.listen(
            Closure::new(move |e: MessageEvent| {
                if reply(&e) == Some(Reply::Ready) {
                    ready.set(Health::Ready);
                }
            }),
            Closure::new(move |_: web_sys::Event| health.set(Health::Broken)),
        );
    }

    /// Hands the worker's messages and errors to new handlers (the old ones are dropped
    /// after the new ones are in place).
    pub fn listen(
        &mut self,
        on_message: Closure<dyn FnMut(MessageEvent)>,
        on_error: Closure<dyn FnMut(web_sys::Event)>,
    ) {
        self.worker
            .set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        self.worker
            .set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.on_message = on_message;
        self.on_error = on_error;
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        // the handlers are freed with the slot: the worker must not call them after
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// Starts workers until `slots` holds `n`; says why when one cannot start.
pub fn fill(slots: &mut Vec<Slot>, n: usize) -> Result<(), String> {
    while slots.len() < n {
        slots.push(Slot::spawn().map_err(|e| format!("The study worker could not start: {e}"))?);
    }
    Ok(())
}

/// The least time between two redraws of a running study's progress, in milliseconds,
/// whichever worker reports. Each redraw is a frame the browser renders on cores the
/// workers share: on a two-core machine, two workers' reports drawn as they came (forty a
/// second) made a 100,000-run study about a tenth slower (docs/performance.md). Ten a
/// second still move the bar smoothly.
pub const PROGRESS_REDRAW_MS: f64 = 100.0;

/// When a running study's progress was last drawn, shared by the handlers of all its
/// workers.
#[derive(Clone, Default)]
pub struct Drawn(Rc<Cell<Option<f64>>>);

impl Drawn {
    /// Whether to draw the progress now: the first time, and then once
    /// [`PROGRESS_REDRAW_MS`] have passed since the last.
    pub fn due(&self) -> bool {
        study_worker::due(PROGRESS_REDRAW_MS, js_sys::Date::now(), &self.0)
    }
}

/// How many workers a study is split across: the cores the browser reports, at least
/// one and at most [`study_worker::MAX_WORKERS`].
pub fn parallelism() -> u32 {
    web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .filter(|n| n.is_finite() && *n >= 1.0)
        .map_or(1, |n| n as u32)
        .min(study_worker::MAX_WORKERS)
}

/// A worker's message, read.
pub fn reply(e: &MessageEvent) -> Option<Reply> {
    e.data()
        .as_string()
        .and_then(|t| serde_json::from_str::<Reply>(&t).ok())
}

/// What a running study tells the page.
pub enum Heard {
    /// Runs made so far.
    Progress(u32),
    /// The block is run and counted in the worker's tally; the worker's own time in
    /// milliseconds.
    Ran(f64),
    /// The tally the worker kept, handed in (base64 of its bytes, as
    /// [`Reply::Tally`] carries it).
    Tally(String),
    /// A sensitivity study's share (JSON) and the worker's own time in milliseconds.
    Done(String, f64),
    /// The merged study's summary (JSON) and the worker's own time in milliseconds.
    Summary(String, f64),
    /// The study failed, and why.
    Failed(String),
    /// The worker itself failed (it could not load or crashed), and why.
    Crashed(String),
}

/// Posts `request` to `worker`, which must be ready: a next request in a conversation
/// [`Slot::run`] started.
pub fn send(worker: &Worker, request: &study_worker::Request) {
    let text = serde_json::to_string(request).expect("serialisable");
    let _ = worker.post_message(&JsValue::from_str(&text));
}

impl Slot {
    /// Posts `request` (a [`study_worker::Request`] as JSON) once the worker is ready,
    /// and hands what it says to `heard`. A worker that crashes is marked broken.
    pub fn run(&mut self, request: String, heard: impl Fn(Heard) + Clone + 'static) {
        let on_message = {
            let (handle, health) = (self.worker.clone(), self.health.clone());
            let request = request.clone();
            let heard = heard.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| match reply(&e) {
                Some(Reply::Ready) => {
                    health.set(Health::Ready);
                    let _ = handle.post_message(&JsValue::from_str(&request));
                }
                Some(Reply::Progress { done }) => heard(Heard::Progress(done)),
                Some(Reply::Ran { compute_ms }) => heard(Heard::Ran(compute_ms)),
                Some(Reply::Tally { tally }) => heard(Heard::Tally(tally)),
                Some(Reply::Done { tally, compute_ms }) => heard(Heard::Done(tally, compute_ms)),
                Some(Reply::Summary {
                    summary,
                    compute_ms,
                }) => heard(Heard::Summary(summary, compute_ms)),
                Some(Reply::Failed { message }) => heard(Heard::Failed(message)),
                None => {}
            })
        };
        let on_error = {
            let health = self.health.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                let message = e
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(|e| e.message())
                    .unwrap_or_else(|| "the study worker could not be loaded".into());
                health.set(Health::Broken);
                heard(Heard::Crashed(message));
            })
        };
        self.listen(on_message, on_error);
        if self.health.get() == Health::Ready {
            let _ = self.worker.post_message(&JsValue::from_str(&request));
        }
    }
}
