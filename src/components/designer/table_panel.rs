//! A titled panel holding a table: the frame every tabular section of a page shares.

use leptos::prelude::*;

use crate::components::designer::section::SectionHead;

/// A panel with a heading and a scrollable table whose body is `children`.
#[component]
pub fn TablePanel(
    /// Prefix of the heading's element id (`{id}-h`), unique on the page.
    id: &'static str,
    /// The heading.
    title: &'static str,
    /// Column headings.
    headers: &'static [&'static str],
    /// What the rows are, for the Add button.
    kind: rungs_core::edit::Kind,
    /// The table's rows.
    children: Children,
    /// Below the table (a long list's Show more).
    #[prop(optional, into)]
    footer: ViewFn,
) -> impl IntoView {
    let heading = format!("{id}-h");
    let labelled_by = heading.clone();
    view! {
        <section class="panel" aria-labelledby=labelled_by>
            <SectionHead id=heading title=title kind=kind />
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            {headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}
                            <th scope="col">
                                <span class="visually-hidden">"Actions"</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>{children()}</tbody>
                </table>
            </div>
            {footer.run()}
        </section>
    }
}
