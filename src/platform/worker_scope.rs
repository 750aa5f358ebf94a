//! The inside of a Web Worker (the study worker and the on-demand worker): listen for
//! requests as JSON text, answer each one, say when listening. Only the workers' own
//! binaries use it.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Serves requests of type `Q` for as long as the worker lives: each is answered by
/// `answer` (which may post progress through the function it is given before it
/// returns the final reply); a request that does not read gets `failed(why)`. Posts
/// `ready` once listening: messages the page sent before would be lost.
pub fn serve<Q, R>(ready: R, failed: fn(String) -> R, answer: impl Fn(Q, &dyn Fn(R)) -> R + 'static)
where
    Q: DeserializeOwned + 'static,
    R: Serialize + 'static,
{
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = {
        let scope = scope.clone();
        move |r: R| {
            let text = serde_json::to_string(&r).expect("replies serialise");
            let _ = scope.post_message(&JsValue::from_str(&text));
        }
    };
    let on_message = {
        let post = post.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let request = e
                .data()
                .as_string()
                .ok_or_else(|| "the request is not text".to_string())
                .and_then(|t| serde_json::from_str::<Q>(&t).map_err(|e| e.to_string()));
            let reply = match request {
                Ok(q) => answer(q, &post),
                Err(why) => failed(why),
            };
            post(reply);
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its handler.
    on_message.forget();
    post(ready);
}
