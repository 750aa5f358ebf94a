//! The service worker (`scripts/sw.template.js`, written into the build as `sw.js`): a
//! repeat visit opens from its cache and a drill room without a network keeps working.
//!
//! A new release installs beside the running one and waits; [`register`] tells the page
//! so, and only [`apply`], called when the user chooses to reload, lets it take over.
//! Nothing is swapped in under a user's edits. Debug builds (`trunk serve`) register no
//! worker and remove one a release build left on the same address, so a developer
//! always sees the code just built.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState,
};

/// The worker's script and scope, relative to the page: the app works under any sub-path.
const SCRIPT: &str = "./sw.js";
const SCOPE: &str = "./";
/// What the page posts to a waiting release to let it take over (the template's name).
const ACTIVATE: &str = "activate-update";

/// The browser's service workers; `None` where there are none (plain `http` on a
/// network address, some private modes).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let c = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    (!c.is_undefined() && !c.is_null()).then(|| c.unchecked_into())
}

/// Registers the service worker; calls `announce` when a new release has installed and
/// is waiting for the page's word (at once if one was already waiting). A failure (no
/// `sw.js`, no service workers) leaves the app as it was: online only.
pub fn register(announce: impl Fn() + Clone + 'static) {
    let Some(c) = container() else { return };
    spawn_local(async move {
        if cfg!(debug_assertions) {
            unregister_all(&c).await;
            return;
        }
        let options = RegistrationOptions::new();
        options.set_scope(SCOPE);
        // (a browser that blocks service workers may answer with no registration)
        let reg = JsFuture::from(c.register_with_options(SCRIPT, &options))
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok());
        if let Some(reg) = reg {
            watch(&c, reg, announce);
        }
    });
}

/// Follows a registration: an update waiting from an earlier visit, one found now, and
/// one found when the page comes back into view (a drill room may stay open for days).
fn watch(
    c: &ServiceWorkerContainer,
    reg: ServiceWorkerRegistration,
    announce: impl Fn() + Clone + 'static,
) {
    // a waiting worker is an update only when another one runs the page (the very first
    // install has none)
    let is_update = {
        let c = c.clone();
        move || c.controller().is_some()
    };
    if reg.waiting().is_some() && is_update() {
        announce();
    }
    let on_found = {
        let reg = reg.clone();
        Closure::<dyn Fn()>::new(move || {
            let Some(worker) = reg.installing() else {
                return;
            };
            on_installed(&worker, {
                let announce = announce.clone();
                let is_update = is_update.clone();
                move || {
                    if is_update() {
                        announce();
                    }
                }
            });
        })
    };
    reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let check = Closure::<dyn Fn()>::new(move || {
            if web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
            {
                let _ = reg.update();
            }
        });
        let _ = document
            .add_event_listener_with_callback("visibilitychange", check.as_ref().unchecked_ref());
        check.forget();
    }
}

/// Calls `then` once `worker` has installed.
fn on_installed(worker: &ServiceWorker, then: impl Fn() + 'static) {
    let w = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if w.state() == ServiceWorkerState::Installed {
            then();
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Lets the waiting release take over and reloads the page once it has (at once when
/// nothing waits). The caller saves the user's work first.
pub fn apply() {
    let reload = || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    let Some(c) = container() else {
        return reload();
    };
    spawn_local(async move {
        let waiting = JsFuture::from(c.get_registration())
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        let Some(waiting) = waiting else {
            return reload();
        };
        let on_change = Closure::<dyn Fn()>::new(reload);
        c.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let _ = waiting.post_message(&JsValue::from_str(ACTIVATE));
    });
}

/// Removes every service worker of this origin's scope (debug builds).
async fn unregister_all(c: &ServiceWorkerContainer) {
    let Ok(list) = JsFuture::from(c.get_registrations()).await else {
        return;
    };
    for reg in js_sys::Array::from(&list).iter() {
        if let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() {
            if let Ok(p) = reg.unregister() {
                let _ = JsFuture::from(p).await;
            }
        }
    }
}
