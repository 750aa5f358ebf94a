//! Component tests in headless Chromium (wasm-bindgen-test through chromedriver).
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use rungs::testid;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` into a fresh element and returns it with the mount handle.
fn mount<V: IntoView + 'static>(
    view: impl FnOnce() -> V + 'static,
) -> (web_sys::HtmlElement, impl Drop) {
    let document = document();
    let wrapper = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&wrapper).unwrap();
    let wrapper: web_sys::HtmlElement = wrapper.unchecked_into();
    let handle = mount_to(wrapper.clone(), view);
    (wrapper, handle)
}

fn texts(root: &web_sys::HtmlElement, id: &str) -> Vec<String> {
    let list = root
        .query_selector_all(&format!("[data-testid='{id}']"))
        .unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn click(root: &web_sys::HtmlElement, id: &str) {
    root.query_selector(&format!("[data-testid='{id}']"))
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn opens_on_the_saas_example_with_rungs_most_severe_first() {
    let (root, _h) = mount(|| view! { <rungs::App /> });
    tick().await;
    assert_eq!(texts(&root, testid::LADDER_NAME), ["Nimbus Cloud Platform"]);
    assert_eq!(
        texts(&root, testid::RUNG_NAME),
        ["SEV1 Critical", "SEV2 Major", "SEV3 Minor", "SEV4 Low"]
    );
    let rotations = texts(&root, testid::ROTATION_NAME);
    assert!(
        rotations.contains(&"Global secondary".to_string()),
        "{rotations:?}"
    );
    assert_eq!(texts(&root, testid::PERSON).len(), 10);
}

#[wasm_bindgen_test]
async fn the_example_picker_switches_ladders() {
    let (root, _h) = mount(|| view! { <rungs::App /> });
    tick().await;
    let select: web_sys::HtmlSelectElement = root
        .query_selector(&format!("[data-testid='{}']", testid::EXAMPLE_PICKER))
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value("startup");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(texts(&root, testid::LADDER_NAME), ["Loaf & Ledger"]);
    assert_eq!(texts(&root, testid::RUNG).len(), 3);
}

#[wasm_bindgen_test]
async fn navigation_shows_scenarios_and_the_canonical_json() {
    let (root, _h) = mount(|| view! { <rungs::App /> });
    tick().await;
    click(&root, testid::NAV_DRILL);
    tick().await;
    assert_eq!(texts(&root, testid::SCENARIO).len(), 2);
    assert!(texts(&root, testid::RUNG).is_empty());
    click(&root, testid::NAV_SHARE);
    tick().await;
    let json = texts(&root, testid::SHARE_JSON).concat();
    let reparsed = rungs_core::parse_ladder(&json).unwrap();
    assert_eq!(reparsed.name, "Nimbus Cloud Platform");
    click(&root, testid::NAV_DESIGN);
    tick().await;
    assert_eq!(texts(&root, testid::RUNG).len(), 4);
}

#[wasm_bindgen_test]
async fn user_text_is_rendered_as_text_never_as_html() {
    use rungs::components::rung::Rung;
    let mut ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[1].json).unwrap();
    ladder.tiers[0].name = "<img src=x onerror=alert(1)><b>bold</b>".into();
    let rung = rungs_core::overview::LadderOverview::new(&ladder)
        .rungs
        .remove(0);
    let (root, _h) = mount(move || view! { <Rung rung=rung /> });
    tick().await;
    assert_eq!(
        texts(&root, testid::RUNG_NAME),
        ["<img src=x onerror=alert(1)><b>bold</b>"]
    );
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector("b").unwrap().is_none());
}
