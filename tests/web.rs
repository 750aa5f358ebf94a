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
    // Each test starts without a working copy saved by another.
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
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
async fn an_example_opens_as_a_new_ladder_in_the_library() {
    let (root, _h) = mount(|| view! { <rungs::App /> });
    tick().await;
    click(&root, testid::NAV_LIBRARY);
    tick().await;
    assert_eq!(texts(&root, testid::LIBRARY_ENTRY).len(), 1);
    root.query_selector(&format!(
        "[data-testid='{}'][data-key='startup'] button",
        testid::TEMPLATE_CARD
    ))
    .unwrap()
    .unwrap()
    .unchecked_into::<web_sys::HtmlElement>()
    .click();
    tick().await;
    assert_eq!(texts(&root, testid::LADDER_NAME), ["Loaf & Ledger"]);
    assert_eq!(texts(&root, testid::RUNG).len(), 3);
    click(&root, testid::NAV_LIBRARY);
    tick().await;
    assert_eq!(texts(&root, testid::LIBRARY_ENTRY).len(), 2);
}

/// Sets the value of the input with element id `id` and fires `input`, as typing does.
fn type_into(root: &web_sys::HtmlElement, id: &str, text: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element #{id}"))
        .unchecked_into();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

/// Leaves the field with id `id`, as a blur after typing does (a `change` event).
fn leave(root: &web_sys::Element, id: &str) {
    let input = root
        .query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element #{id}"));
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_inspector_edits_a_tier_and_undo_and_redo_follow() {
    let (root, _h) = mount(|| view! { <rungs::App /> });
    tick().await;
    root.query_selector("[data-testid='edit'][aria-label='Edit SEV1 Critical']")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    type_into(&root, "f-tiers-0-name", "SEV1 <b>Outage</b>");
    tick().await;
    assert_eq!(texts(&root, testid::RUNG_NAME)[0], "SEV1 <b>Outage</b>");
    // A duration that does not read is refused once the field is left (while typing,
    // only after a pause) and the ladder keeps its value.
    type_into(&root, "f-tiers-0-timelines-acknowledge", "5 minutes");
    tick().await;
    assert!(texts(&root, testid::FIELD_ERROR).is_empty());
    leave(&root, "f-tiers-0-timelines-acknowledge");
    tick().await;
    let refusals = texts(&root, testid::FIELD_ERROR);
    assert_eq!(refusals.len(), 1, "{refusals:?}");
    assert!(refusals[0].contains("5 minutes"), "{refusals:?}");
    type_into(&root, "f-tiers-0-timelines-acknowledge", "7m");
    tick().await;
    assert!(texts(&root, testid::FIELD_ERROR).is_empty());
    let chips = root
        .query_selector("[data-pointer='/tiers/0/timelines/acknowledge'].chip")
        .unwrap()
        .unwrap();
    assert!(chips.text_content().unwrap().contains("7m"));
    // Undo: the acknowledge deadline, then the name (typing in one field is one step).
    click(&root, testid::UNDO);
    tick().await;
    click(&root, testid::UNDO);
    tick().await;
    assert_eq!(texts(&root, testid::RUNG_NAME)[0], "SEV1 Critical");
    // the name field follows the document too (it writes only what it does not show)
    let name = || {
        root.query_selector("#f-tiers-0-name")
            .unwrap()
            .unwrap()
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    };
    assert_eq!(name(), "SEV1 Critical");
    click(&root, testid::REDO);
    tick().await;
    assert_eq!(texts(&root, testid::RUNG_NAME)[0], "SEV1 <b>Outage</b>");
    assert_eq!(name(), "SEV1 <b>Outage</b>");
    assert!(root.query_selector("b").unwrap().is_none());
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
    use rungs::components::designer::rung::Rung;
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

fn broken_startup() -> rungs_core::Ladder {
    let mut ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[1].json).unwrap();
    ladder.tiers[1].escalation.steps[0].notify[0] =
        rungs_core::Target::Rotation(rungs_core::RotationId::new("weekyl").unwrap());
    ladder.roles.push(rungs_core::Role {
        id: rungs_core::RoleId::new("legal").unwrap(),
        name: "Legal <b>team</b>".into(),
        description: None,
    });
    ladder
}

#[wasm_bindgen_test]
async fn the_validation_panel_counts_findings_and_reads_them_as_sentences() {
    use rungs::components::designer::validation::ValidationPanel;
    let at = rungs_core::Instant::parse("2026-03-01T00:00:00Z").unwrap();
    let report = rungs_core::validate_ladder(&broken_startup(), at);
    let (root, _h) = mount(move || view! { <ValidationPanel report=report /> });
    tick().await;
    assert_eq!(texts(&root, testid::ERROR_COUNT), ["1 error"]);
    assert_eq!(texts(&root, testid::WARNING_COUNT), ["1 warning"]);
    let items = texts(&root, testid::DIAGNOSTIC);
    assert_eq!(items.len(), 2);
    assert!(items[0].starts_with("Error"), "{items:?}");
    assert!(
        items[0].contains("P2 Degraded step 1 pages the rotation “weekyl”, which does not exist."),
        "{items:?}"
    );
    assert!(
        items[0].contains("Did you mean “Weekly on-call” (id weekly)?"),
        "{items:?}"
    );
    assert!(
        items[1].contains("Nobody holds the role “Legal <b>team</b>”."),
        "{items:?}"
    );
    assert!(
        root.query_selector("b").unwrap().is_none(),
        "markup in a name must stay text"
    );
}

#[wasm_bindgen_test]
async fn clicking_a_finding_takes_the_user_to_the_field() {
    use rungs::components::designer::rung::Rung;
    use rungs::components::designer::validation::ValidationPanel;
    let ladder = broken_startup();
    let at = rungs_core::Instant::parse("2026-03-01T00:00:00Z").unwrap();
    let report = rungs_core::validate_ladder(&ladder, at);
    let rungs_view = rungs_core::overview::LadderOverview::new(&ladder).rungs;
    let (root, _h) = mount(move || {
        view! {
            <ValidationPanel report=report />
            {rungs_view.into_iter().map(|r| view! { <Rung rung=r /> }).collect_view()}
        }
    });
    tick().await;
    click(&root, testid::DIAGNOSTIC);
    // the field is revealed on the next animation frame
    gloo_timers::future::TimeoutFuture::new(100).await;
    let active = document().active_element().expect("something has focus");
    // the finding points at /tiers/1/escalation/steps/0/notify/0/rotation; the nearest
    // element shown is the step
    assert_eq!(
        active.get_attribute("data-pointer").as_deref(),
        Some("/tiers/1/escalation/steps/0")
    );
    assert!(active.class_list().contains("flash"));
}

#[wasm_bindgen_test]
async fn the_top_bar_shows_whether_the_ladder_is_valid() {
    let (root, _h) = mount(|| view! { <rungs::App /> });
    tick().await;
    assert_eq!(texts(&root, testid::STATUS), ["valid, no warnings"]);
    assert_eq!(texts(&root, testid::ERROR_COUNT), ["0 errors"]);
}

#[wasm_bindgen_test]
fn the_simulator_gives_byte_identical_figures_in_the_browser() {
    let ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json).unwrap();
    let in_browser = rungs_core::sim::fingerprint(&ladder).unwrap();
    let native = include_str!("../crates/rungs-core/tests/golden/saas.figures.json");
    assert!(
        in_browser == native,
        "wasm results differ from the native golden file:\n{in_browser}"
    );
}

/// Types `text` into the ladder JSON editor and waits past the debounce.
async fn type_source(root: &web_sys::HtmlElement, text: &str) {
    let area: web_sys::HtmlTextAreaElement = root
        .query_selector(&format!("[data-testid='{}']", testid::SOURCE))
        .unwrap()
        .unwrap()
        .unchecked_into();
    area.set_value(text);
    area.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    gloo_timers::future::TimeoutFuture::new(
        rungs::components::designer::source_editor::DEBOUNCE_MS + 100,
    )
    .await;
    tick().await;
}

#[wasm_bindgen_test]
async fn editing_the_json_revalidates_and_a_broken_text_never_replaces_the_ladder() {
    let (root, _h) = mount(|| view! { <rungs::App /> });
    tick().await;
    let original = rungs_core::examples::EXAMPLES[0].json;

    // A typo in a reference: the ladder still parses, validation finds the error.
    type_source(
        &root,
        &original.replace(
            "\"rotation\": \"secondary\" }], \"escalate_after\": \"15m\"",
            "\"rotation\": \"secondry\" }], \"escalate_after\": \"15m\"",
        ),
    )
    .await;
    assert_eq!(texts(&root, testid::ERROR_COUNT), ["1 error"]);
    assert!(texts(&root, testid::DIAGNOSTIC)[0].contains("pages the rotation “secondry”"));
    assert_eq!(texts(&root, testid::STATUS), ["1 error · 0 warnings"]);

    // Text that is not JSON: the last good ladder stays on show, with the error's place.
    type_source(
        &root,
        &original.replace(
            "\"name\": \"Nimbus Cloud Platform\",",
            "\"name\": \"Nimbus\"",
        ),
    )
    .await;
    assert_eq!(texts(&root, testid::LADDER_NAME), ["Nimbus Cloud Platform"]);
    assert_eq!(texts(&root, testid::STALE).len(), 1);
    let d = texts(&root, testid::DIAGNOSTIC);
    assert_eq!(d.len(), 1);
    assert!(d[0].contains("json-syntax at line 4, column"), "{d:?}");

    // Clicking the error puts the caret where it is.
    click(&root, testid::DIAGNOSTIC);
    gloo_timers::future::TimeoutFuture::new(100).await;
    let area: web_sys::HtmlTextAreaElement = document().active_element().unwrap().unchecked_into();
    assert_eq!(
        area.id(),
        rungs::components::designer::source_editor::SOURCE_ID
    );
    let caret = area.selection_start().unwrap().unwrap() as usize;
    let before: String = area
        .value()
        .encode_utf16()
        .take(caret)
        .map(|_| ' ')
        .collect();
    assert_eq!(area.value()[..before.len()].lines().count(), 4);

    // Fixed: the new ladder replaces the old one.
    type_source(
        &root,
        &original.replace("Nimbus Cloud Platform", "Nimbus <Cloud>"),
    )
    .await;
    assert_eq!(texts(&root, testid::LADDER_NAME), ["Nimbus <Cloud>"]);
    assert!(texts(&root, testid::STALE).is_empty());
    assert_eq!(texts(&root, testid::STATUS), ["valid, no warnings"]);
}

#[wasm_bindgen_test]
fn downloads_are_named_after_the_ladder() {
    use rungs_core::share::file_name;
    assert_eq!(file_name("Loaf & Ledger"), "loaf-ledger.json");
    assert_eq!(
        file_name("Nimbus Cloud Platform"),
        "nimbus-cloud-platform.json"
    );
    assert_eq!(file_name("<script>"), "script.json");
    assert_eq!(file_name("!!!"), "ladder.json");
}

#[wasm_bindgen_test]
fn a_study_in_blocks_in_the_browser_equals_monte_carlo() {
    use rungs::platform::study_worker::{self, Block, Reply, Request};
    let ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json).unwrap();
    let doc = ladder.scenarios[0].to_document();
    let model = rungs_core::sim::SimModel::new(&ladder, &doc).unwrap();
    let whole = rungs_core::sim::monte_carlo(&model, doc.seed, 4000, |_| {});
    let mut expected = serde_json::to_string_pretty(&whole).unwrap();
    expected.push('\n');
    let study = Block::study(
        rungs_core::to_canonical_json(&ladder),
        doc_id(&ladder),
        None,
        4000,
    );
    let ask = |request: Request| study_worker::answer(request, |_| {});
    let run = |block: Block, fresh: bool| ask(Request::Run { block, fresh });
    let hand = |study: &Block| match ask(Request::Hand {
        study: study.clone(),
    }) {
        Reply::Tally { tally } => Ok(tally),
        Reply::Failed { message } => Err(message),
        other => panic!("a worker hands in a tally: {other:?}"),
    };
    let merge = |tallies: &[String], kept: bool| match ask(Request::Merge {
        study: study.clone(),
        tallies: tallies.to_vec(),
        kept,
    }) {
        Reply::Summary { summary, .. } => Ok(summary),
        Reply::Failed { message } => Err(message),
        other => panic!("a merge answers with a summary: {other:?}"),
    };
    // the blocks dealt to three workers, each running blocks that are not adjacent (a
    // worker's blocks run one after the other here: they share this thread's keeping)
    let blocks = rungs_core::sim::handout(4000, 3);
    assert_eq!(blocks.len(), 4, "{blocks:?}");
    let dealt = |worker: usize| {
        blocks
            .iter()
            .enumerate()
            .filter(move |(i, _)| i % 3 == worker)
            .map(|(_, b)| study.part(b.clone()))
    };
    let work = |worker: usize| {
        for (i, block) in dealt(worker).enumerate() {
            let mut reports = Vec::new();
            let reply = study_worker::answer(
                Request::Run {
                    block: block.clone(),
                    fresh: i == 0,
                },
                |d| reports.push(d),
            );
            assert!(
                matches!(reply, Reply::Ran { .. }),
                "a block failed: {reply:?}"
            );
            // runs of the block made so far: the study's first hundredth at once, then
            // now and then (at most every PROGRESS_EVERY_MS across the worker's blocks),
            // never past the block
            let len = block.end - block.first;
            if i == 0 {
                assert_eq!(reports[0], (len / 100).max(1));
            }
            assert!(reports.windows(2).all(|w| w[1] > w[0]));
            assert!(reports.iter().all(|&r| r <= len));
        }
    };
    // workers 0 and 1 finish first and hand in their tallies; worker 2, the last to
    // finish, merges them with its own
    let mut handed = Vec::new();
    for worker in [1, 0] {
        work(worker);
        handed.push(hand(&study).expect("a worker hands in what it kept"));
    }
    work(2);
    let summary = merge(&handed, true).expect("the merge succeeds");
    assert!(
        summary == expected,
        "the merged summary differs:\n{summary}"
    );
    // the kept tally is merged once; asked again, the worker says so
    let again = merge(&handed, true).expect_err("nothing is kept any more");
    assert!(again.contains("start the study again"), "{again}");
    // all three tallies handed in, merged in another order by a worker keeping none
    work(2);
    handed.insert(1, hand(&study).unwrap());
    assert!(hand(&study).is_err(), "a tally is handed in once");
    let summary = merge(&handed, false).expect("the merge of handed tallies succeeds");
    assert!(
        summary == expected,
        "the summary of handed tallies differs:\n{summary}"
    );
    // a handed-in tally that does not read fails the merge, and says so
    for broken in ["{\"runs\": []}", "AAAA", ""] {
        let why = merge(&[broken.to_string()], false).expect_err("a broken tally");
        assert!(why.contains("tally") || why.contains("base64"), "{why}");
    }
    // one worker: the whole study is its block, and it merges its kept tally alone
    assert!(matches!(run(study.clone(), true), Reply::Ran { .. }));
    let summary = merge(&[], true).expect("one worker merges what it kept");
    assert!(
        summary == expected,
        "the one-worker summary differs:\n{summary}"
    );
    // a fresh block drops what was kept; a further block adds to it, and a run counted
    // twice is refused
    let first = study.part(blocks[0].clone());
    assert!(matches!(run(first.clone(), true), Reply::Ran { .. }));
    assert!(matches!(run(first.clone(), true), Reply::Ran { .. }));
    let twice = run(first.clone(), false);
    assert!(matches!(twice, Reply::Failed { .. }), "{twice:?}");
    // nor does a worker add to, hand in or merge what it kept of another study
    assert!(matches!(run(first.clone(), true), Reply::Ran { .. }));
    let other = Block {
        seed: Some(7),
        ..study.clone()
    };
    let reply = run(other.part(blocks[1].clone()), false);
    assert!(matches!(reply, Reply::Failed { .. }), "{reply:?}");
    assert!(matches!(run(first.clone(), true), Reply::Ran { .. }));
    assert!(hand(&other).is_err());
    assert!(matches!(run(first, true), Reply::Ran { .. }));
    let reply = ask(Request::Merge {
        study: other,
        tallies: handed[1..].to_vec(),
        kept: true,
    });
    assert!(matches!(reply, Reply::Failed { .. }), "{reply:?}");
    // a block that is not one of the study is refused, not run
    let bad = study.part(3900..4200);
    assert!(matches!(run(bad, true), Reply::Failed { .. }));
}

#[wasm_bindgen_test]
fn a_worker_reports_progress_at_most_once_per_interval() {
    use rungs::platform::study_worker::every;
    use std::cell::Cell;
    let now = Cell::new(1000.0);
    let last = Cell::new(None);
    let mut heard = Vec::new();
    {
        let mut report = every(50.0, || now.get(), &last, |d| heard.push(d));
        for (t, done) in [
            (1000.0, 1),
            (1010.0, 2),
            (1049.0, 3),
            (1050.0, 4),
            (1051.0, 5),
        ] {
            now.set(t);
            report(done);
        }
        now.set(1200.0);
        report(6);
    }
    // the first at once, then the first 50 ms after the last that went through
    assert_eq!(heard, [1, 4, 6]);
    // the next block of the study goes on from the last report, not at once
    heard.clear();
    {
        let mut report = every(50.0, || now.get(), &last, |d| heard.push(d));
        now.set(1210.0);
        report(1);
        now.set(1250.0);
        report(2);
    }
    assert_eq!(heard, [2]);
}

fn doc_id(ladder: &rungs_core::Ladder) -> String {
    ladder.scenarios[0].id.to_string()
}

#[wasm_bindgen_test]
async fn the_study_refuses_runs_out_of_range_and_waits_for_a_scenario() {
    let ladder =
        RwSignal::new(rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json).unwrap());
    let scenario = RwSignal::new(None::<String>);
    let (root, _h) = mount(move || {
        // a page that offers nothing: no version is kept, no log is written
        let host = rungs::platform::extras::Host::from_js(js_sys::Object::new().into());
        let room = rungs::state::study_room::StudyRoom::new();
        view! { <rungs::components::drill::study::Study host=host room=room ladder=ladder scenario=scenario /> }
    });
    tick().await;
    let start: web_sys::HtmlButtonElement = root
        .query_selector(&format!("[data-testid='{}']", testid::STUDY_START))
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(start.disabled(), "no scenario chosen yet");
    assert_eq!(
        texts(&root, testid::STUDY_SCENARIO),
        ["Choose a scenario to study."]
    );
    scenario.set(Some("checkout-3am".into()));
    tick().await;
    assert!(!start.disabled());
    let seed: web_sys::HtmlInputElement = root
        .query_selector(&format!("[data-testid='{}']", testid::STUDY_SEED))
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(seed.placeholder(), "42 (the scenario's)");
    for runs in ["99", "100001"] {
        let input: web_sys::HtmlInputElement = root
            .query_selector(&format!("[data-testid='{}']", testid::STUDY_RUNS))
            .unwrap()
            .unwrap()
            .unchecked_into();
        input.set_value(runs);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        click(&root, testid::STUDY_START);
        tick().await;
        assert_eq!(
            texts(&root, testid::STUDY_ERROR),
            ["Choose a whole number of runs from 100 to 100,000."]
        );
        let state = root
            .query_selector(&format!("[data-testid='{}']", testid::STUDY))
            .unwrap()
            .unwrap()
            .get_attribute("data-state");
        assert_eq!(state.as_deref(), Some("idle"));
    }
}

/// The SaaS example's JSON and a document holding it (inside a reactive owner).
fn saas_doc() -> (&'static str, rungs::state::doc::Doc) {
    let json = rungs_core::examples::EXAMPLES[0].json;
    let ladder = rungs_core::parse_ladder(json).unwrap();
    let doc = rungs::state::doc::Doc::new(ladder);
    doc.open(json.to_string());
    (json, doc)
}

#[wasm_bindgen_test]
fn text_that_does_not_parse_is_never_discarded_by_a_visual_edit_undo_or_another_entry() {
    let owner = Owner::new();
    owner.with(|| {
        let (json, doc) = saas_doc();
        doc.edit("/name", |l| l.name = "Renamed".into());
        assert!(doc.can_undo.get_untracked());

        // typed text that does not parse: edits and undo are refused, the text stays
        doc.type_text("{ \"format\": ".into());
        doc.flush();
        assert!(doc.locked_untracked());
        doc.edit("/name", |l| l.name = "Lost?".into());
        doc.undo();
        doc.redo();
        doc.flush();
        assert_eq!(doc.source.get_untracked(), "{ \"format\": ");
        assert_eq!(doc.ladder.get_untracked().name, "Renamed");

        // an entry whose text never parsed opens with a placeholder and no history,
        // never with the ladder open before
        doc.open("{ \"name\": \"half".into());
        assert!(doc.broken.get_untracked());
        assert_ne!(doc.ladder.get_untracked().name, "Renamed");
        assert!(!doc.can_undo.get_untracked());
        doc.edit("/name", |l| l.name = "Lost?".into());
        assert_eq!(doc.source.get_untracked(), "{ \"name\": \"half");

        // its first text that parses becomes its ladder, with a history of its own
        doc.apply_text(json.replace("Nimbus Cloud Platform", "Fixed"));
        assert!(!doc.broken.get_untracked());
        assert!(!doc.locked_untracked());
        assert_eq!(doc.ladder.get_untracked().name, "Fixed");
        assert!(!doc.can_undo.get_untracked());
    });
}

#[wasm_bindgen_test]
fn a_visual_edit_right_after_typing_builds_on_the_typed_text() {
    let owner = Owner::new();
    owner.with(|| {
        let (json, doc) = saas_doc();
        // typed, and before the typing pause a form edit: both are kept
        doc.type_text(json.replace("\"revision\": 12", "\"revision\": 13"));
        doc.edit("/name", |l| l.name = "Edited after typing".into());
        doc.flush();
        let l = doc.ladder.get_untracked();
        assert_eq!((l.name.as_str(), l.revision), ("Edited after typing", 13));
        let text = doc.source.get_untracked();
        assert!(text.contains("\"revision\": 13") && text.contains("Edited after typing"));
        // typed text that does not parse, then a form edit at once: refused, text kept
        doc.type_text("{ oops".into());
        doc.edit("/name", |l| l.name = "Lost?".into());
        doc.flush();
        assert_eq!(doc.source.get_untracked(), "{ oops");
    });
}

#[wasm_bindgen_test]
async fn a_list_drawn_item_by_item_redraws_only_the_items_that_changed() {
    use rungs::widgets::each::each_changed;
    let items = RwSignal::new(vec!["a".to_string(), "b".into(), "c".into()]);
    let count = Memo::new(move |_| items.with(Vec::len));
    let (root, _handle) = mount(move || {
        view! {
            <ul>
                {each_changed(count, move |i| items.with(|v| v.get(i).cloned()), |s: &String| {
                    view! { <li class="item" data-text=s.clone()>{s.clone()}</li> }
                })}
            </ul>
        }
    });
    let shown = || {
        let list = root.query_selector_all("li.item").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into::<web_sys::Element>())
            .collect::<Vec<_>>()
    };
    let read = |what: fn(&web_sys::Element) -> String| shown().iter().map(what).collect::<Vec<_>>();
    let texts = || read(|e| e.text_content().unwrap());
    let marks = || read(|e| e.get_attribute("data-text").unwrap());
    // mark each element's attribute: an item redrawn in place writes it again
    let mark_all = || {
        for e in shown() {
            e.set_attribute("data-text", "untouched").unwrap();
        }
    };
    assert_eq!(texts(), ["a", "b", "c"]);
    mark_all();
    items.update(|v| v[1] = "B".into());
    tick().await;
    assert_eq!(texts(), ["a", "B", "c"]);
    assert_eq!(marks(), ["untouched", "B", "untouched"]);
    // a list that grows and shrinks shows every item, in order
    items.update(|v| v.push("d".into()));
    tick().await;
    assert_eq!(texts(), ["a", "B", "c", "d"]);
    items.update(|v| {
        v.remove(0);
    });
    tick().await;
    assert_eq!(texts(), ["B", "c", "d"]);
    // a change that leaves an item equal redraws nothing
    mark_all();
    items.update(|v| v[0] = "B".into());
    tick().await;
    assert_eq!(marks(), ["untouched", "untouched", "untouched"]);
}
