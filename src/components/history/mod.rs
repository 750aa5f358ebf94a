//! **History**: the open ladder's versions. Save a version with a note; open any one
//! read-only; compare two (or one with the ladder as it is now) as a readable diff;
//! restore one, which keeps the current ladder as a version first and the restored one
//! as a new version after, so nothing is ever lost. The rules (numbering, bounds,
//! pruning) are the core's (`rungs_core::versions`), and so is the diff (`rungs_core::diff`),
//! computed here in the extras module; what if (`whatif.rs`) runs both studies in the
//! on-demand worker. None of it is in the page's first load.

pub mod diff;
pub mod whatif;

use leptos::prelude::*;
use rungs_core::diff::DiffView;
use rungs_core::versions::{Version, Why};

use crate::platform::clock::local_date_time;
use crate::platform::extras::Host;
use crate::platform::library;
use crate::testid;
use diff::DiffList;
use whatif::WhatIf;

/// What the panel shows under the list.
#[derive(Clone)]
enum Shown {
    Nothing,
    /// One version's JSON, read-only.
    Version(u32, String),
    /// A diff: labels of the two sides, and the changes.
    Diff(String, String, DiffView),
    /// Why a diff could not be made.
    Failed(String),
}

/// "Now" or "Version 3".
fn label(n: Option<u32>) -> String {
    n.map_or_else(|| "Now".to_string(), |n| format!("Version {n}"))
}

/// The history of the open entry. Part of the extras module: the page's document is
/// reached through `host`.
#[component]
pub fn HistoryPanel(
    /// The page's document.
    host: Host,
) -> impl IntoView {
    let entry = StoredValue::new(host.entry());
    let has_entry = entry.with_value(Option::is_some);
    let host = StoredValue::new_local(host);
    let changed = Trigger::new();
    let versions = Memo::new(move |_| {
        changed.track();
        entry.with_value(|e| e.as_deref().map(library::versions).unwrap_or_default())
    });
    let note = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    let shown = RwSignal::new(Shown::Nothing);
    let side = RwSignal::new(false);
    let (from, to) = (RwSignal::new(None::<u32>), RwSignal::new(None::<u32>));

    let keep = move |why: Why, note: &str| -> Option<u32> {
        let text = host.with_value(Host::text);
        let id = entry.get_value()?;
        match library::add_version(&id, &text, why, note) {
            Ok(added) => {
                changed.notify();
                status.set(added.message());
                added
                    .n
                    .or_else(|| versions.with_untracked(|v| v.last().map(|v| v.n)))
            }
            Err(e) => {
                status.set(Some(format!("The version could not be kept: {e}")));
                None
            }
        }
    };
    let save = move |_| {
        let n = note.get_untracked();
        if let Some(v) = keep(Why::Saved, &n) {
            note.set(String::new());
            let pruned = status
                .get_untracked()
                .map(|m| format!(" {m}"))
                .unwrap_or_default();
            status.set(Some(format!("Saved as version {v}.{pruned}")));
        }
    };
    let text_of = move |n: Option<u32>| -> Option<String> {
        match n {
            None => Some(host.with_value(Host::text)),
            Some(n) => {
                versions.with_untracked(|vs| vs.iter().find(|v| v.n == n).map(|v| v.text.clone()))
            }
        }
    };
    // the diff runs here, in the extras module: the History panel needs no worker for it
    let compare = move |a: Option<u32>, b: Option<u32>| {
        let (Some(old), Some(new)) = (text_of(a), text_of(b)) else {
            return;
        };
        let read = |text: &str, l: String| {
            rungs_core::parse_ladder(text)
                .map_err(|e| format!("{l} does not read as a ladder: {e}"))
        };
        shown.set(match (read(&old, label(a)), read(&new, label(b))) {
            (Ok(x), Ok(y)) => Shown::Diff(label(a), label(b), rungs_core::diff::diff_view(&x, &y)),
            (Err(why), _) | (_, Err(why)) => Shown::Failed(why),
        });
    };
    let restore = move |n: u32| {
        let Some(text) = text_of(Some(n)) else { return };
        if rungs_core::parse_ladder(&text).is_err() {
            status.set(Some(format!("Version {n} does not read as a ladder, so it cannot be restored; open it to copy its text.")));
            return;
        }
        if keep(Why::BeforeRestore, "").is_none() {
            return;
        }
        host.with_value(|h| h.restore(&text));
        let kept = keep(Why::Restored, &format!("from version {n}"));
        status.set(Some(match kept {
            Some(v) => format!("Restored version {n} as version {v}. The ladder as it was is kept as the version before it; Undo also takes the restore back."),
            None => format!("Restored version {n}."),
        }));
        shown.set(Shown::Nothing);
    };

    let whatif_texts = Callback::new(move |()| {
        let (a, b) = (from.get_untracked(), to.get_untracked());
        Some((text_of(a)?, text_of(b)?, label(a), label(b)))
    });
    let whatif_scenarios = Signal::derive(move || {
        versions.track();
        text_of(from.get())
            .and_then(|t| rungs_core::parse_ladder(&t).ok())
            .map(|l| {
                l.scenarios
                    .iter()
                    .map(|s| (s.id.to_string(), s.name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    });
    let row = move |v: Version| {
        let n = v.n;
        let r = v.row();
        let when = local_date_time(r.at);
        view! {
            <li class="version" data-testid=testid::VERSION data-n=n.to_string()>
                <div class="version-head">
                    <strong>{format!("Version {n}")}</strong>
                    " "
                    <span class="muted small">{format!("{when} · {} · {} · {}", r.why, r.revision, r.size)}</span>
                </div>
                {(!r.note.is_empty()).then(|| view! { <p class="version-note">{r.note.clone()}</p> })}
                <p class="button-row">
                    <button class="button small" on:click=move |_| shown.set(text_of(Some(n)).map_or(Shown::Nothing, |t| Shown::Version(n, t)))>
                        "Open"
                    </button>
                    <button class="button small" data-testid=testid::VERSION_COMPARE on:click=move |_| compare(Some(n), None)>
                        "Compare with now"
                    </button>
                    <button class="button small" data-testid=testid::VERSION_RESTORE on:click=move |_| restore(n)>
                        "Restore"
                    </button>
                </p>
            </li>
        }
    };
    let picker = move |id: &'static str, which: RwSignal<Option<u32>>| {
        view! {
            <select
                id=id
                on:change=move |ev| which.set(event_target_value(&ev).parse().ok())
            >
                <option value="now" selected=move || which.get().is_none()>"Now"</option>
                {move || versions.get().into_iter().rev().map(|v| {
                    let n = v.n;
                    view! { <option value=n.to_string() selected=move || which.get() == Some(n)>{label(Some(n))}</option> }
                }).collect_view()}
            </select>
        }
    };

    view! {
        <section class="panel history" aria-labelledby="history-h" data-testid=testid::HISTORY>
            <h2 id="history-h">"History"</h2>
            <Show
                when=move || has_entry
                fallback=|| view! { <p class="muted">"This ladder is not kept in this browser yet, so it has no versions. Make a copy to edit it first."</p> }
            >
                <div class="field version-save">
                    <label class="field-label" for="version-note">"Note for a new version"</label>
                    <div class="share-row">
                        <input
                            id="version-note"
                            data-testid=testid::VERSION_NOTE
                            placeholder="After the checkout outage review"
                            maxlength="200"
                            prop:value=move || note.get()
                            on:input=move |ev| note.set(event_target_value(&ev))
                        />
                        <button class="button primary" data-testid=testid::VERSION_SAVE on:click=save>
                            "Save version"
                        </button>
                    </div>
                    <p class="muted small">
                        "Versions are also kept on their own before a restore and when the ladder is exported or shared. The oldest automatic ones make room first when storage runs short."
                    </p>
                </div>
                <p class="muted small" role="status" data-testid=testid::HISTORY_STATUS>{move || status.get()}</p>
                <Show when=move || !versions.with(Vec::is_empty) fallback=|| view! { <p>"No versions yet."</p> }>
                    <ol class="versions" reversed>
                        {move || versions.get().into_iter().rev().map(row).collect_view()}
                    </ol>
                    <div class="field compare-row">
                        <label for="compare-from">"Compare"</label>
                        {picker("compare-from", from)}
                        <label for="compare-to">"with"</label>
                        {picker("compare-to", to)}
                        <button class="button" on:click=move |_| compare(from.get_untracked(), to.get_untracked())>
                            "Compare"
                        </button>
                        <label class="check">
                            <input type="checkbox" data-testid=testid::DIFF_SIDE prop:checked=move || side.get() on:change=move |ev| side.set(event_target_checked(&ev)) />
                            "Side by side"
                        </label>
                    </div>
                    <WhatIf texts=whatif_texts scenarios=whatif_scenarios />
                </Show>
                {move || match shown.get() {
                    Shown::Nothing => ().into_any(),
                    Shown::Failed(why) => view! { <p class="field-msg error" role="alert">{format!("No comparison: {why}")}</p> }.into_any(),
                    Shown::Version(n, text) => view! {
                        <div class="version-view">
                            <h3>{format!("Version {n}, read-only")}</h3>
                            <pre class="json" tabindex="0" data-testid=testid::VERSION_JSON>{text}</pre>
                        </div>
                    }
                        .into_any(),
                    Shown::Diff(a, b, view) => view! {
                        <div class="version-view">
                            <h3>{format!("{a} → {b}")}</h3>
                            <DiffList view=view side_by_side=side labels=(a, b) />
                        </div>
                    }
                        .into_any(),
                }}
            </Show>
        </section>
    }
}
