//! The share page: the ladder as canonical JSON, as `rungs fmt` prints it.

use leptos::prelude::*;

use crate::testid;

/// The canonical JSON of the ladder.
#[component]
pub fn SharePage(
    /// The ladder's name.
    name: String,
    /// Its canonical JSON.
    canonical: String,
) -> impl IntoView {
    let size = format!("{:.1} KB", canonical.len() as f64 / 1024.0);
    view! {
        <section class="panel" aria-labelledby="share-h">
            <h1 id="share-h">"Share “" {name} "”"</h1>
            <p class="muted">
                "The ladder in canonical form (" {size}
                "), exactly what "
                <code>"rungs fmt"</code>
                " prints. It validates against "
                <a href="schema/ladder.v1.schema.json">"the ladder JSON Schema"</a>
                "."
            </p>
            <pre class="json" data-testid=testid::SHARE_JSON tabindex="0">{canonical}</pre>
        </section>
    }
}
