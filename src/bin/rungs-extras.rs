//! The extras module: the live drill, History, Import from a paging tool, Export as
//! Terraform, the drill log's trend, sensitivity and a study's charts, a second wasm
//! module the page imports the first time one of them opens (`rungs::platform::extras`),
//! so its first load carries none of their code. The page calls [`mount`] with a [`Host`]
//! through which the panel reaches its document, [`update`] when its args change, and
//! [`unmount`] when it closes.

use std::cell::RefCell;

use leptos::prelude::*;
use rungs::components::drill::live::LiveDrill;
use rungs::components::drill::sensitivity::SensitivityPanel;
use rungs::components::drill::study::Study;
use rungs::components::drill::trend::DrillLogTrend;
use rungs::components::history::HistoryPanel;
use rungs::components::interop::{import::ImportPanel, terraform::TerraformExport};
use rungs::platform::extras::Host;
use rungs::state::live_room::LiveRoom;
use wasm_bindgen::prelude::*;

thread_local! {
    /// What is mounted where: the element, the args the panel follows, and what
    /// unmounts it.
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// One mounted panel.
struct Mounted {
    el: web_sys::HtmlElement,
    args: RwSignal<String>,
    _handle: Box<dyn std::any::Any>,
}

fn main() {
    console_error_panic_hook::set_once();
}

/// Mounts extra `which` (`live-drill`, `study`, `history`, `import`, `terraform`, `drill-log`,
/// `sensitivity`) into `el`.
#[wasm_bindgen]
pub fn mount(which: String, el: web_sys::HtmlElement, host: JsValue, args: String) {
    let host = Host::from_js(host);
    // made outside the panel's owner, so they outlive it: the args until unmount, the
    // live drill's room while its entry stays open
    let args = RwSignal::new(args);
    let room =
        matches!(which.as_str(), "live-drill" | "study").then(|| LiveRoom::for_entry(host.entry()));
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let first = args.get_untracked();
        match which.as_str() {
        "live-drill" | "study" => view! { <DrillPanel host=host.clone() room=room.expect("made above") scenario=args study={which == "study"} /> }.into_any(),
        "history" => view! { <HistoryPanel host=host.clone() /> }.into_any(),
        "import" => view! { <ImportPanel host=host.clone() dropped=first /> }.into_any(),
        "terraform" => view! { <TerraformExport host=host.clone() file=first /> }.into_any(),
        "drill-log" => view! { <DrillLogTrend log=first /> }.into_any(),
        "sensitivity" => view! { <SensitivityPanel host=host.clone() scenario=first /> }.into_any(),
        other => view! { <p class="field-msg error" role="alert">{format!("Rungs has no part called {other}.")}</p> }.into_any(),
    }
    });
    MOUNTED.with(|m| {
        m.borrow_mut().push(Mounted {
            el,
            args,
            _handle: Box::new(handle),
        })
    });
}

/// Tells the panel in `el` that its args are now `args` (set even when equal: the
/// document the panel reads may have changed).
#[wasm_bindgen]
pub fn update(el: web_sys::HtmlElement, args: String) {
    let found = MOUNTED.with(|m| m.borrow().iter().find(|p| p.el == el).map(|p| p.args));
    if let Some(signal) = found {
        signal.set(args);
    }
}

/// Unmounts what [`mount`] put into `el`.
#[wasm_bindgen]
pub fn unmount(el: web_sys::HtmlElement) {
    let gone = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.iter().position(|p| p.el == el).map(|i| m.remove(i))
    });
    if let Some(p) = gone {
        drop(p._handle);
        p.args.dispose();
    }
}

/// The live drill or the study on the ladder the page holds: read through the host when
/// mounted and again whenever the page says the scenario or the document changed.
#[component]
fn DrillPanel(
    host: Host,
    room: LiveRoom,
    scenario: RwSignal<String>,
    study: bool,
) -> impl IntoView {
    // the page's ladder (the last that parsed), read again when the page says it changed
    let read = {
        let host = host.clone();
        move || rungs_core::parse_ladder(&host.ladder()).ok()
    };
    let ladder = RwSignal::new(read().unwrap_or_else(|| rungs_core::edit::new_ladder("")));
    Effect::new(move |first: Option<()>| {
        scenario.track();
        if first.is_some() {
            if let Some(l) = read().filter(|l| ladder.with_untracked(|now| now != l)) {
                ladder.set(l);
            }
        }
    });
    let chosen = Signal::derive(move || Some(scenario.get()).filter(|s| !s.is_empty()));
    if study {
        view! { <Study host=host room=room.study ladder=ladder scenario=chosen /> }.into_any()
    } else {
        view! { <LiveDrill host=host room=room ladder=ladder scenario=chosen /> }.into_any()
    }
}
