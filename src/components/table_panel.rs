//! A titled panel holding a table: the frame every tabular section of a page shares.

use leptos::prelude::*;

/// A panel with a heading and a scrollable table whose body is `children`.
#[component]
pub fn TablePanel(
    /// Prefix of the heading's element id (`{id}-h`), unique on the page.
    id: &'static str,
    /// The heading.
    title: &'static str,
    /// Column headings.
    headers: &'static [&'static str],
    /// The table's rows.
    children: Children,
) -> impl IntoView {
    let heading = format!("{id}-h");
    let labelled_by = heading.clone();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            {headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{children()}</tbody>
                </table>
            </div>
        </section>
    }
}
