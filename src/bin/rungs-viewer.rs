//! The viewer module: the first load of a share link. Whoever opens a link, most often
//! on a phone, gets the shared ladder to read (its tiers, who each step pages now, the
//! people, Print) from a module about half the app's size: no designer, no library, no
//! validation. Making a copy, another tab, or a link that cannot be read loads the app
//! into the same page (`rungs::platform::hand_over`), which opens the same link and does
//! what was asked.
//!
//! index.html's loader starts this module instead of the app when the address carries a
//! ladder (`#ladder=`).

use std::cell::RefCell;

use leptos::mount::mount_to;
use leptos::prelude::*;
use rungs::app::header::{Brand, Tabs};
use rungs::app::notices::SharedBanner;
use rungs::app::Footer;
use rungs::components::viewer::Viewer;
use rungs::platform::hand_over::{hand_over, prefetch, MAKE_COPY};
use rungs::platform::location::shared_ladder;
use rungs::state::session::Page;
use rungs::testid;
use rungs::widgets::alert::Alert;
use rungs_core::overview::LadderOverview;

thread_local! {
    /// The viewer's view, unmounted once the app has taken over the page.
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = const { RefCell::new(None) };
}

fn main() {
    console_error_panic_hook::set_once();
    // the frame index.html painted while the wasm loaded gives way to the viewer, which
    // is `#boot` in turn, so the app removes it as it mounts
    rungs::platform::dom::remove_boot_frame();
    match shared_ladder() {
        Some(Ok(ladder)) => {
            let Some(body) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.body())
            else {
                return;
            };
            let handle = mount_to(body, move || view! { <Shared ladder=ladder /> });
            MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
            // a second visit, and a drill room without Wi-Fi, open from the cache; a new
            // release waits for the next visit (nothing here is edited)
            rungs::platform::offline::register(|| {});
        }
        // the app says what is wrong with the link, and opens the start page
        _ => start_app(None, None),
    }
}

/// Loads the app, which then does `asked`; `failed` hears why it could not be loaded.
fn start_app(asked: Option<&'static str>, failed: Option<Callback<String>>) {
    // (not Leptos' spawner: with a link that cannot be read nothing is mounted, and
    // Leptos' executor is set up only by mounting)
    wasm_bindgen_futures::spawn_local(async move {
        match hand_over(asked).await {
            Ok(()) => MOUNTED.with(|m| drop(m.borrow_mut().take())),
            Err(e) => {
                if let Some(f) = failed {
                    f.run(e);
                }
            }
        }
    });
}

/// The page of a share link: the app's frame around the viewer.
#[component]
fn Shared(ladder: rungs_core::Ladder) -> impl IntoView {
    let ladder = Signal::stored(ladder);
    let overview = Memo::new(move |_| ladder.with(LadderOverview::new));
    let working = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    // a failure says why and lets the user try again
    let on_failure = Callback::new(move |e: String| {
        failed.set(Some(e));
        working.set(false);
    });
    let ask = move |asked: &'static str| {
        if working.get_untracked() {
            return;
        }
        working.set(true);
        failed.set(None);
        start_app(Some(asked), Some(on_failure));
    };
    view! {
        <div class="app" id="boot" data-testid=testid::APP>
            <header class="topbar">
                <a class="skip" href="#main">"Skip to content"</a>
                <Brand />
                <Tabs
                    page=Signal::derive(|| Page::Design)
                    go=Callback::new(move |p: Page| {
                        if p != Page::Design {
                            ask(p.key())
                        }
                    })
                    preload=Callback::new(|p: Page| {
                        if p != Page::Design {
                            prefetch()
                        }
                    })
                />
            </header>
            <main class="main" id="main">
                <Alert
                    message=failed
                    testid=testid::HAND_OVER_ERROR
                    lead="The designer could not be loaded: "
                    tail=". Check the connection and try again; the ladder below stays readable."
                        .to_string()
                />
                <SharedBanner
                    on_copy=Callback::new(move |()| ask(MAKE_COPY))
                    working=working
                    preload=Callback::new(|()| prefetch())
                />
                <Viewer ladder=ladder overview=overview />
            </main>
            <Footer />
        </div>
    }
}
