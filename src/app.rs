//! The app shell: header, navigation and the current page.

use leptos::prelude::*;
use rungs_core::examples::{self, EXAMPLES};
use rungs_core::overview::LadderOverview;

use crate::components::header::Header;
use crate::pages::{design::DesignPage, drill::DrillPage, share::SharePage};
use crate::testid;

/// The top-level sections of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// Design and read the ladder.
    Design,
    /// Run drills against it.
    Drill,
    /// Export and share it.
    Share,
}

/// What the app has loaded: the ladder's overview and its canonical JSON, or why it could
/// not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// What the pages show.
    pub overview: LadderOverview,
    /// The ladder as canonical JSON.
    pub canonical: String,
    /// What validation found.
    pub report: rungs_core::Report,
}

/// The current instant, from the browser's clock (the core never reads one).
fn now() -> rungs_core::Instant {
    rungs_core::Instant::from_millis(js_sys::Date::now() as i64)
}

/// Reads an example into what the pages show, validating it as of `now`.
pub fn load_example(key: &str) -> Result<Loaded, String> {
    let example =
        examples::example(key).ok_or_else(|| format!("there is no example called `{key}`"))?;
    let ladder = rungs_core::parse_ladder(example.json).map_err(|e| e.to_string())?;
    Ok(Loaded {
        overview: LadderOverview::new(&ladder),
        canonical: rungs_core::to_canonical_json(&ladder),
        report: rungs_core::validate_ladder(&ladder, now()),
    })
}

/// The whole app. Opens on the SaaS example.
#[component]
pub fn App() -> impl IntoView {
    let example = RwSignal::new(examples::default_example().key.to_string());
    let page = RwSignal::new(Page::Design);
    let loaded = Memo::new(move |_| load_example(&example.get()));

    view! {
        <div class="app" data-testid=testid::APP>
            <Header
                page=page
                example=example
                examples=EXAMPLES.to_vec()
                status=Signal::derive(move || loaded.get().ok().map(|l| l.report))
            />
            <main class="main" id="main">
                {move || match loaded.get() {
                    Ok(l) => match page.get() {
                        Page::Design => {
                            view! { <DesignPage overview=l.overview report=l.report /> }.into_any()
                        }
                        Page::Drill => view! { <DrillPage overview=l.overview /> }.into_any(),
                        Page::Share => {
                            view! { <SharePage name=l.overview.name canonical=l.canonical /> }
                                .into_any()
                        }
                    },
                    Err(message) => {
                        view! {
                            <div class="panel error" role="alert" data-testid=testid::LOAD_ERROR>
                                <h2>"This ladder could not be read"</h2>
                                <p>{message}</p>
                            </div>
                        }
                            .into_any()
                    }
                }}
            </main>
            <footer class="footer">
                "Rungs · ladder format "
                <code>"rungs.ladder/v1"</code>
                " · "
                <a href="schema/ladder.v1.schema.json">"JSON Schema"</a>
            </footer>
        </div>
    }
}
