//! The facilitator's injects: a responder becomes unavailable, a signal jumps, the tier
//! moves, an update is posted, a note is added.

use leptos::prelude::*;
use rungs_core::Ladder;

use crate::state::drill_room::DrillRoom;
use crate::testid;

/// "Inject an event now": each inject acts on the running drill at once.
#[component]
pub fn Injects(
    /// The ladder drilled (for its people).
    ladder: Signal<Ladder>,
    /// The drill room.
    room: DrillRoom,
) -> impl IntoView {
    let unavailable_pick = RwSignal::new(String::new());
    let signal_pick = RwSignal::new(String::new());
    let signal_value = RwSignal::new(String::new());
    let note = room.note;
    let people = Memo::new(move |_| {
        ladder.with(|l| {
            l.people
                .iter()
                .map(|p| (p.id.to_string(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <details class="injects">
            <summary>"Inject an event now"</summary>
            <div class="inject-row">
                <label>
                    "Responder becomes unavailable "
                    <select on:change=move |ev| unavailable_pick.set(event_target_value(&ev))>
                        <option value="">"Choose…"</option>
                        {move || people.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </label>
                <button class="button" on:click=move |_| {
                    let id = unavailable_pick.get_untracked();
                    ladder.with_untracked(|l| room.act(|d| { d.make_unavailable(l, &id); }))
                }>"Apply"</button>
            </div>
            <div class="inject-row">
                <label>
                    "Signal "
                    <select on:change=move |ev| signal_pick.set(event_target_value(&ev))>
                        <option value="">"Choose…"</option>
                        {move || {
                            room.watch(|d| d.signals())
                                .into_iter()
                                .map(|(i, label)| view! { <option value=i.to_string()>{label}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    " jumps to "
                    <input type="text" inputmode="decimal" size="8" on:input=move |ev| signal_value.set(event_target_value(&ev)) />
                </label>
                <button class="button" on:click=move |_| {
                    let (signal, value) = (signal_pick.get_untracked(), signal_value.get_untracked());
                    room.act(|d| { d.set_signal_text(&signal, &value); })
                }>"Apply"</button>
            </div>
            <div class="inject-row">
                <button class="button" on:click=move |_| room.act(|d| { d.promote(); })>"Promote"</button>
                <button class="button" on:click=move |_| room.act(|d| { d.demote(); })>"Demote"</button>
                <button class="button" on:click=move |_| room.act(|d| d.post_update())>"Post an update"</button>
            </div>
            <div class="inject-row">
                <label class="grow">
                    "Note "
                    <input type="text" data-testid=testid::DRILL_NOTE prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
                </label>
                <button class="button" on:click=move |_| {
                    let text = note.get_untracked();
                    let mut added = false;
                    room.act(|d| added = d.add_note(&text));
                    if added {
                        note.set(String::new());
                    }
                }>"Add note"</button>
            </div>
        </details>
    }
}
