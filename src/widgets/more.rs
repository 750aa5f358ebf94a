//! Long lists show their first rows and a button for more, so a ladder of thousands of
//! people draws in a moment and answers every keystroke.

use leptos::prelude::*;
use rungs_core::text::group_thousands;

use crate::testid;

/// How many rows a long list shows at first, and how many more each press adds.
pub const ROWS_SHOWN: usize = 200;

/// How many names a list of names written out in a sentence shows.
pub const NAMES_SHOWN: usize = 50;

/// `names` joined by commas, the first [`NAMES_SHOWN`] of them, then "and N more".
pub fn some_names(names: &[String]) -> String {
    let mut out = names
        .iter()
        .take(NAMES_SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > NAMES_SHOWN {
        out.push_str(&format!(
            " and {} more",
            group_thousands((names.len() - NAMES_SHOWN) as u64)
        ));
    }
    out
}

/// "Showing 200 of 30,000" and a button that shows [`ROWS_SHOWN`] more; nothing when
/// every row shows.
#[component]
pub fn ShowMore(
    /// How many rows there are.
    #[prop(into)]
    total: Signal<usize>,
    /// How many show; the button raises it.
    shown: RwSignal<usize>,
    /// What the rows are, plural ("people").
    noun: &'static str,
) -> impl IntoView {
    move || {
        let (total, n) = (total.get(), shown.get());
        (total > n).then(|| {
            view! {
                <p class="more-findings" data-testid=testid::SHOW_MORE>
                    <span>
                        {format!("Showing {} of {} {noun}. ", group_thousands(n as u64), group_thousands(total as u64))}
                    </span>
                    <button class="button small" on:click=move |_| shown.update(|s| *s += ROWS_SHOWN)>
                        {format!("Show {} more", group_thousands((total - n).min(ROWS_SHOWN) as u64))}
                    </button>
                </p>
            }
        })
    }
}
