//! A paging target shown as a pill: who, and what kind of recipient.

use leptos::prelude::*;
use rungs_core::overview::TargetView;

/// One target of a step or an owner.
#[component]
pub fn TargetPill(
    /// The resolved target.
    target: TargetView,
) -> impl IntoView {
    let class = format!("pill target {}", target.kind);
    // the whole name, for a pill too narrow to show it
    let title = format!("{}: {}", target.kind, target.label);
    view! {
        <span class=class title=title>
            <span class="kind">{target.kind}</span>
            <span class="pill-name">{target.label}</span>
        </span>
    }
}
