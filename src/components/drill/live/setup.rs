//! The drill's setup: who in the room plays which responder.

use std::collections::BTreeSet;

use leptos::prelude::*;
use rungs_core::Ladder;

use crate::testid;

/// The people of the ladder as checkboxes: those ticked are played in the room, and
/// their pages wait for their Acknowledge.
#[component]
pub fn Players(
    /// The ladder drilled.
    ladder: Signal<Ladder>,
    /// The ids of the people played in the room.
    humans: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let people = Memo::new(move |_| {
        ladder.with(|l| {
            l.people
                .iter()
                .map(|p| (p.id.to_string(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="checks">
            <legend>"Played by people in the room (their pages wait for Acknowledge)"</legend>
            <For
                each=move || people.get()
                key=|p| p.clone()
                children=move |(id, name)| {
                    let for_id = format!("human-{id}");
                    let label_for = for_id.clone();
                    let key = id.clone();
                    view! {
                        <label class="check" for=label_for>
                            <input
                                type="checkbox"
                                id=for_id
                                data-testid=testid::HUMAN
                                data-person=id.clone()
                                prop:checked={
                                    let id = id.clone();
                                    move || humans.with(|h| h.contains(&id))
                                }
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    humans.update(|h| {
                                        if on { h.insert(key.clone()); } else { h.remove(&key); }
                                    });
                                }
                            />
                            {name}
                        </label>
                    }
                }
            />
        </fieldset>
    }
}
