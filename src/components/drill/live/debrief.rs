//! The end of a drill: its scorecard, breaches, pages and notes, the debrief downloads,
//! and the paper debrief of the print view.

use leptos::prelude::*;
use rungs_core::drill::DrillSession;
use rungs_core::sim::format_duration as fmt_secs;
use rungs_core::Ladder;

use crate::platform::files::download;
use crate::state::live_room::LiveRoom;
use crate::testid;

/// Back from the print view to the drill room, focus on the Print view button again.
fn leave_print_view(print_view: RwSignal<bool>) {
    print_view.set(false);
    crate::platform::dom::focus_later(format!("[data-testid=\"{}\"]", testid::PRINT_VIEW));
}

/// The head of the paper debrief: the ladder, the scenario and who played whom.
#[component]
pub fn DebriefHead(
    /// The ladder, for names.
    ladder: Signal<Ladder>,
    /// The drill room, with the finished drill.
    room: LiveRoom,
    /// Whether the page shows the paper debrief.
    print_view: RwSignal<bool>,
) -> impl IntoView {
    let facts = move || room.read(ladder, |l, d| d.debrief_facts(l));
    view! {
        <header class="debrief-head" data-testid=testid::DEBRIEF_HEAD>
            <p class="button-row no-print">
                <button class="button" on:click=move |_| leave_print_view(print_view)>"← Back to the drill room"</button>
            </p>
            <h2 id="debrief-h" tabindex="-1">{move || ladder.with(|l| format!("Drill debrief: {}", l.name))}</h2>
            <dl class="facts">
                {move || facts().into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
        </header>
    }
}

/// The scorecard and the debrief downloads.
#[component]
pub fn Scorecard(
    /// The ladder, for names.
    ladder: Signal<Ladder>,
    /// The drill room, with the finished drill.
    room: LiveRoom,
    /// Whether the page shows the paper debrief.
    print_view: RwSignal<bool>,
) -> impl IntoView {
    let note_list = move || room.watch(DrillSession::notes);
    let events = move || room.read(ladder, |l, d| d.events(l));
    let rows = move || {
        room.read(ladder, |l, d| {
            d.scorecard()
                .into_iter()
                .map(|r| {
                    let tier = r.tier.as_deref().map(|t| rungs_core::drill::name_of(l, t));
                    (r, tier)
                })
                .collect::<Vec<_>>()
        })
    };
    let breaches = move || room.read(ladder, |l, d| d.breaches(l));
    let paged = move || room.read(ladder, |l, d| d.pages(l));
    let file_stem = move || {
        rungs_core::share::file_name(&ladder.with(|l| l.name.clone()))
            .trim_end_matches(".json")
            .to_string()
    };
    view! {
        <section class="scorecard" aria-labelledby="score-h" data-testid=testid::SCORECARD>
            <h3 id="score-h">"Scorecard"</h3>
            <table>
                <thead>
                    <tr><th scope="col">"Figure"</th><th scope="col">"Measured"</th><th scope="col">"Target"</th><th scope="col">"Met"</th></tr>
                </thead>
                <tbody>
                    {move || rows().into_iter().map(|(r, tier)| {
                        let met = r.met();
                        view! {
                            <tr class:missed=met == Some(false)>
                                <td>{r.figure}</td>
                                <td>{r.value.map(fmt_secs).unwrap_or_else(|| "not reached".into())}</td>
                                <td>
                                    {r.target.map(fmt_secs).unwrap_or_else(|| "none".into())}
                                    {tier.map(|t| view! { <span class="muted small">{format!(" ({t})")}</span> })}
                                </td>
                                <td>{match met { Some(true) => "✓ yes", Some(false) => "✗ no", None => "—" }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <div class="layout even">
                <div>
                    <h4>"Breaches"</h4>
                    <ul class="breaches">
                        {move || {
                            let b = breaches();
                            if b.is_empty() {
                                view! { <li class="muted">"None"</li> }.into_any()
                            } else {
                                b.into_iter().map(|x| view! { <li>{x}</li> }).collect_view().into_any()
                            }
                        }}
                    </ul>
                </div>
                <div>
                    <h4>"Who was paged"</h4>
                    <ul>{move || paged().into_iter().map(|(w, n)| view! { <li>{format!("{w}: {n} page{}", if n == 1 { "" } else { "s" })}</li> }).collect_view()}</ul>
                </div>
            </div>
            <h4>"Facilitator's notes"</h4>
            <ul class="notes" data-testid=testid::DEBRIEF_NOTES>
                {move || {
                    let n = note_list();
                    if n.is_empty() {
                        view! { <li class="muted">"None"</li> }.into_any()
                    } else {
                        n.into_iter().map(|(t, text)| view! { <li><span class="mono">{t.to_string()}</span>" "{text}</li> }).collect_view().into_any()
                    }
                }}
            </ul>
            <Show when=move || print_view.get()>
                <h4>"Every event"</h4>
                <ol class="event-log" data-testid=testid::DEBRIEF_EVENTS>
                    {move || events().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                </ol>
            </Show>
            <p class="button-row no-print">
                <button class="button" data-testid=testid::DEBRIEF_MD on:click=move |_| {
                    let text = ladder.with_untracked(|l| room.peek(|d| d.debrief_markdown(l)));
                    if let Some(text) = text {
                        // a refused download leaves nothing to undo; the button can be pressed again
                        let _ = download(&format!("{}-debrief.md", file_stem()), "text/markdown", &text);
                    }
                }>"Download debrief (Markdown)"</button>
                <button class="button" data-testid=testid::DEBRIEF_JSON on:click=move |_| {
                    if let Some(text) = room.peek(DrillSession::debrief_json) {
                        let _ = download(&format!("{}-debrief.json", file_stem()), "application/json", &text);
                    }
                }>"Download debrief (JSON)"</button>
                <Show
                    when=move || print_view.get()
                    fallback=move || view! {
                        <button class="button" data-testid=testid::PRINT_VIEW on:click=move |_| {
                            print_view.set(true);
                            // the button goes; the debrief's heading takes the focus
                            crate::platform::dom::focus_later("#debrief-h".into());
                        }>"Print view"</button>
                    }
                >
                    <button class="button primary" on:click=move |_| { let _ = web_sys::window().map(|w| w.print()); }>"Print"</button>
                    <button class="button" data-testid=testid::PRINT_VIEW_CLOSE on:click=move |_| leave_print_view(print_view)>"Back to the drill room"</button>
                </Show>
            </p>
        </section>
    }
}
