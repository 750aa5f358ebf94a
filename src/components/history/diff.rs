//! A readable diff of two ladders, as the core groups it (`rungs_core::diff::DiffView`,
//! computed in the on-demand worker): one heading per tier or collection, one line per
//! change with a text marker and its word (colour is never the only cue), the sentence
//! and its JSON Pointer; side by side, each change's old and new values in two columns.

use leptos::prelude::*;
use rungs_core::diff::{Change, DiffView, Op};

use crate::testid;

/// How a change is named beside its marker.
fn word(op: Op) -> &'static str {
    match op {
        Op::Add => "Added",
        Op::Remove => "Removed",
        Op::Change => "Changed",
        Op::Move => "Moved",
    }
}

/// A value as the side-by-side columns show it.
fn shown(v: Option<&serde_json::Value>) -> String {
    match v {
        None => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(v) => serde_json::to_string_pretty(v).unwrap_or_default(),
    }
}

/// The diff, inline or side by side.
#[component]
pub fn DiffList(
    /// The changes, grouped.
    view: DiffView,
    /// Old and new values in two columns.
    #[prop(into)]
    side_by_side: Signal<bool>,
    /// What the two sides are ("Version 3", "Now").
    labels: (String, String),
) -> impl IntoView {
    if view.is_empty() {
        return view! { <p class="muted" data-testid=testid::DIFF_EMPTY>"No differences: the two are the same ladder."</p> }
            .into_any();
    }
    let tally = view.tally();
    let (old_label, new_label) = labels;
    let line = move |c: Change| {
        let op = c.op;
        let (old, new) = if op == Op::Move {
            (
                c.old
                    .as_ref()
                    .and_then(|v| v.as_str())
                    .map(|p| format!("was at {p}"))
                    .unwrap_or_default(),
                String::new(),
            )
        } else {
            (shown(c.old.as_ref()), shown(c.new.as_ref()))
        };
        let (ol, nl) = (old_label.clone(), new_label.clone());
        view! {
            <li class=format!("diff-line diff-{}", op.as_str()) data-testid=testid::DIFF_LINE data-op=op.as_str()>
                <span class="diff-marker">{op.marker()} " " {word(op)}</span>
                " "
                <span class="diff-summary">{c.summary}</span>
                " "
                <code class="diff-path">{c.path}</code>
                <Show when=move || side_by_side.get() && op != Op::Move>
                    <div class="diff-cols">
                        <div>
                            <span class="muted small">{ol.clone()}</span>
                            <pre class="diff-old">{old.clone()}</pre>
                        </div>
                        <div>
                            <span class="muted small">{nl.clone()}</span>
                            <pre class="diff-new">{new.clone()}</pre>
                        </div>
                    </div>
                </Show>
            </li>
        }
    };
    view! {
        <div class="diff" data-testid=testid::DIFF>
            <p class="diff-tally">{tally}</p>
            {view
                .groups
                .into_iter()
                .map(|g| {
                    let line = line.clone();
                    view! {
                        <section class="diff-group">
                            <h4>{g.title}</h4>
                            <ul>{g.changes.into_iter().map(line).collect_view()}</ul>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
    .into_any()
}
