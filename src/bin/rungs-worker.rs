//! The study Web Worker: runs Monte Carlo studies off the page's thread. The messages
//! are described in `rungs::platform::study_worker`.

use rungs::platform::study_worker::{self, Reply, Request};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = {
        let scope = scope.clone();
        move |r: Reply| {
            let _ = scope.post_message(&JsValue::from_str(&r.to_json()));
        }
    };
    let on_message = {
        let reply = reply.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let answer = match e
                .data()
                .as_string()
                .ok_or_else(|| "the request is not text".to_string())
                .and_then(|t| serde_json::from_str::<Request>(&t).map_err(|e| e.to_string()))
            {
                Ok(request) => {
                    study_worker::answer(request, |done| reply(Reply::Progress { done }))
                }
                Err(message) => Reply::Failed { message },
            };
            reply(answer);
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its handler.
    on_message.forget();
    reply(Reply::Ready);
}
