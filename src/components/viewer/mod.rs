//! The viewer of a shared ladder: what someone who opens a link (most often on a phone)
//! needs to read the policy: its tiers, each step with who it pages now, the owners,
//! the people to contact; no editor. One action, "Make a copy to edit", sits in the
//! banner above; a Print button gives a one-page policy summary.

use leptos::prelude::*;
use rungs_core::overview::{LadderOverview, RungView};
use rungs_core::paging::{on_call_now, TierNow};
use rungs_core::text::count;
use rungs_core::Ladder;

use crate::testid;

/// The shared ladder, to read. Drawn by the app and, for the first load of a share link,
/// by the viewer module (`src/bin/rungs-viewer.rs`), so it reads the ladder it is given
/// rather than the app's document.
#[component]
pub fn Viewer(
    /// The ladder.
    #[prop(into)]
    ladder: Signal<Ladder>,
    /// The ladder's overview.
    #[prop(into)]
    overview: Signal<LadderOverview>,
) -> impl IntoView {
    let now = crate::platform::clock::ticking_now(60_000);
    let on_call = Memo::new(move |_| ladder.with(|l| on_call_now(l, now.get())));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <article class="viewer" data-testid=testid::VIEWER>
            <header class="viewer-head">
                <h1 data-testid=testid::LADDER_NAME>{move || overview.with(|o| o.name.clone())}</h1>
                <p class="muted small">
                    {move || overview.with(|o| format!("Revision {} · {}", o.revision, count(o.rungs.len(), "tier", "tiers")))}
                </p>
                {move || overview.with(|o| o.description.clone()).map(|d| view! { <p>{d}</p> })}
                <p class="no-print">
                    <button class="button secondary" data-testid=testid::VIEWER_PRINT on:click=print>
                        "Print the policy"
                    </button>
                </p>
            </header>
            <For
                each=move || overview.with(|o| o.rungs.clone())
                key=|r| r.clone()
                children=move |r| {
                    let pointer = r.pointer.clone();
                    let now = Signal::derive(move || {
                        on_call.with(|o| o.tiers.iter().find(|t| t.pointer == pointer).cloned())
                    });
                    view! { <TierCard rung=r now=now /> }
                }
            />
            <Contacts overview=overview />
        </article>
    }
}

/// One tier, top to bottom: what it is for, its deadlines, each step with whom it pages
/// now and when it escalates, and its owners.
#[component]
fn TierCard(
    /// The tier.
    rung: RungView,
    /// Who its steps and owners reach now.
    now: Signal<Option<TierNow>>,
) -> impl IntoView {
    let RungView {
        name,
        severity,
        criteria,
        timelines,
        owners,
        steps,
        repeat,
        ..
    } = rung;
    let last = steps.len();
    view! {
        <section class=format!("viewer-tier sev-{severity}") data-testid=testid::VIEWER_TIER>
            <h2>{name}</h2>
            {criteria.map(|c| view! { <p class="criteria">{c}</p> })}
            <p class="viewer-deadlines small">
                {timelines
                    .into_iter()
                    .map(|(field, value)| match field {
                        "update_every" => format!("update every {value}"),
                        other => format!("{} within {value}", other.replace('_', " ")),
                    })
                    .collect::<Vec<_>>()
                    .join(" · ")}
            </p>
            <ol class="viewer-steps">
                {steps
                    .into_iter()
                    .enumerate()
                    .map(|(k, s)| {
                        let targets = s.targets.iter().map(|t| t.label.clone()).collect::<Vec<_>>().join(", ");
                        let then = if s.number < last {
                            format!("after {}, step {}", s.escalate_after, s.number + 1)
                        } else if repeat > 0 {
                            format!("after {}, back to step 1", s.escalate_after)
                        } else {
                            format!("after {}, nobody further", s.escalate_after)
                        };
                        let line = move || now.with(|n| n.as_ref().and_then(|n| n.steps.get(k)).map(|s| s.line.clone()));
                        view! {
                            <li class="viewer-step">
                                <strong>{format!("Step {}: ", s.number)}</strong>
                                {targets}
                                <span class="muted small">{format!(" · {then}")}</span>
                                {move || line().map(|l| view! { <span class="on-call-now"><span class="on-call-label">"On call now: "</span>{l}</span> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <dl class="viewer-owners small">
                {owners
                    .into_iter()
                    .map(|(duty, who)| {
                        let d = duty.to_string();
                        let line = move || now.with(|n| n.as_ref().and_then(|n| n.owners.iter().find(|o| o.duty == d).map(|o| o.line.clone())));
                        view! {
                            <div>
                                <dt>{duty}</dt>
                                <dd>{who.label}{move || line().map(|l| view! { <span class="on-call-now">"now: "{l}</span> })}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}

/// The people of the ladder: name, roles and time zone.
#[component]
fn Contacts(
    /// The ladder's overview.
    overview: Signal<LadderOverview>,
) -> impl IntoView {
    view! {
        <section class="viewer-contacts" data-testid=testid::VIEWER_CONTACTS>
            <h2>"People"</h2>
            <ul>
                {move || {
                    overview.with(|o| {
                        o.people
                            .iter()
                            .map(|p| {
                                let roles = p.roles.join(", ");
                                view! {
                                    <li>
                                        <strong>{p.name.clone()}</strong>
                                        <span class="muted small">
                                            {if roles.is_empty() { String::new() } else { format!(" · {roles}") }}
                                            {format!(" · {}", p.timezone)}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ul>
        </section>
    }
}
