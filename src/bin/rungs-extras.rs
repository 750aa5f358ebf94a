//! The extras module: History, Import from a paging tool, Export as Terraform, the
//! drill log's trend, sensitivity and a study's charts, a second wasm module the page imports the first time one of them
//! opens (`rungs::platform::extras`), so its first load carries none of their code. The page
//! calls [`mount`] with a [`Host`] through which the panel reaches its document, and
//! [`unmount`] when it closes.

use std::cell::RefCell;

use leptos::prelude::*;
use rungs::components::drill::sensitivity::SensitivityPanel;
use rungs::components::drill::study::results::StudyResults;
use rungs::components::drill::trend::DrillLogTrend;
use rungs::components::history::HistoryPanel;
use rungs::components::interop::{import::ImportPanel, terraform::TerraformExport};
use rungs::platform::extras::Host;
use wasm_bindgen::prelude::*;

thread_local! {
    /// What is mounted where: the element and what unmounts it.
    static MOUNTED: RefCell<Vec<(web_sys::HtmlElement, Box<dyn std::any::Any>)>> =
        const { RefCell::new(Vec::new()) };
}

fn main() {
    console_error_panic_hook::set_once();
}

/// Mounts extra `which` (`history`, `import`, `terraform`, `drill-log`, `sensitivity`, `study-results`) into `el`.
#[wasm_bindgen]
pub fn mount(which: String, el: web_sys::HtmlElement, host: JsValue, args: String) {
    let host = Host::from_js(host);
    let handle = leptos::mount::mount_to(el.clone(), move || {
        match which.as_str() {
        "history" => view! { <HistoryPanel host=host.clone() /> }.into_any(),
        "import" => view! { <ImportPanel host=host.clone() dropped=args.clone() /> }.into_any(),
        "terraform" => view! { <TerraformExport host=host.clone() file=args.clone() /> }.into_any(),
        "drill-log" => view! { <DrillLogTrend log=args.clone() /> }.into_any(),
        "study-results" => view! { <StudyResults host=host.clone() json=args.clone() /> }.into_any(),
        "sensitivity" => view! { <SensitivityPanel host=host.clone() scenario=args.clone() /> }.into_any(),
        other => view! { <p class="field-msg error" role="alert">{format!("Rungs has no part called {other}.")}</p> }.into_any(),
    }
    });
    MOUNTED.with(|m| m.borrow_mut().push((el, Box::new(handle))));
}

/// Unmounts what [`mount`] put into `el`.
#[wasm_bindgen]
pub fn unmount(el: web_sys::HtmlElement) {
    let gone = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.iter().position(|(e, _)| *e == el).map(|i| m.remove(i))
    });
    drop(gone);
}
