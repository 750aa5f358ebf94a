//! The facilitator's injects: a responder becomes unavailable, a signal jumps, the tier
//! moves, an update is posted, a note is added.

use leptos::prelude::*;
use rungs_core::Ladder;

use crate::state::live_room::LiveRoom;
use crate::testid;

/// "Inject an event now": each inject acts on the running drill at once.
#[component]
pub fn Injects(
    /// The ladder drilled (for its people).
    ladder: Signal<Ladder>,
    /// The drill room.
    room: LiveRoom,
) -> impl IntoView {
    let unavailable_pick = RwSignal::new(String::new());
    let signal_pick = RwSignal::new(String::new());
    let signal_value = RwSignal::new(String::new());
    let note = room.note;
    // what the last inject did, so the facilitator sees it took
    let done = RwSignal::new(None::<String>);
    let say = move |what: String| {
        let at = room.peek(|d| d.now().to_string()).unwrap_or_default();
        done.set(Some(format!("{at}: {what}")));
    };
    let people = Memo::new(move |_| {
        ladder.with(|l| {
            l.people
                .iter()
                .map(|p| (p.id.to_string(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    // the scenario's signals, not redrawn on each tick: a list open under the
    // facilitator's finger stays as it is
    let signals = Memo::new(move |_| room.watch(|d| d.signals()));
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
                    let mut made = false;
                    ladder.with_untracked(|l| room.act(|d| made = d.make_unavailable(l, &id)));
                    if made {
                        let name = ladder.with_untracked(|l| rungs_core::drill::name_of(l, &id));
                        say(format!("{name} is unavailable from now on."));
                    } else {
                        done.set(Some("Choose who becomes unavailable first.".into()));
                    }
                }>"Apply"</button>
            </div>
            <div class="inject-row">
                <label>
                    "Signal "
                    <select on:change=move |ev| signal_pick.set(event_target_value(&ev))>
                        <option value="">"Choose…"</option>
                        {move || {
                            signals
                                .get()
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
                    let mut set = false;
                    room.act(|d| set = d.set_signal_text(&signal, &value));
                    if set {
                        let label = room
                            .peek(|d| d.signals().into_iter().find(|(i, _)| i.to_string() == signal).map(|(_, l)| l))
                            .flatten()
                            .unwrap_or_default();
                        say(format!("{label} is now {}.", value.trim()));
                    } else {
                        done.set(Some("Choose a signal and type a number.".into()));
                    }
                }>"Apply"</button>
            </div>
            <div class="inject-row">
                <button class="button" on:click=move |_| {
                    let mut moved = false;
                    room.act(|d| moved = d.promote());
                    say(if moved { "promoted one tier.".into() } else { "already at the most severe tier.".into() });
                }>"Promote"</button>
                <button class="button" on:click=move |_| {
                    let mut moved = false;
                    room.act(|d| moved = d.demote());
                    say(if moved { "demoted one tier.".into() } else { "already at the least severe tier.".into() });
                }>"Demote"</button>
                <button class="button" on:click=move |_| {
                    room.act(|d| d.post_update());
                    say("status update posted.".into());
                }>"Post an update"</button>
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
                        say("note added to the timeline.".into());
                    }
                }>"Add note"</button>
            </div>
            {move || done.get().map(|m| view! { <p class="field-msg" role="status" data-testid=testid::INJECT_DONE>{m}</p> })}
        </details>
    }
}
