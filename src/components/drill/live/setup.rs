//! The drill's setup: who the scenario pages first, and who in the room plays which
//! responder.

use std::collections::BTreeSet;

use leptos::prelude::*;
use rungs_core::drill::first_page;
use rungs_core::paging::readable_instant;
use rungs_core::{Ladder, TimeZoneName};

use crate::state::live_room::LiveRoom;
use crate::testid;

/// Who step 1 pages when the scenario's incident opens, and the people as checkboxes:
/// those ticked are played in the room, and their pages wait for their Acknowledge. The
/// people paged first are ticked when a scenario is chosen, until the facilitator
/// changes the choice.
#[component]
pub fn Players(
    /// The ladder drilled.
    ladder: Signal<Ladder>,
    /// The id of the scenario chosen.
    scenario: Signal<Option<String>>,
    /// The drill room (its players).
    room: LiveRoom,
) -> impl IntoView {
    let humans = room.humans;
    let first = Memo::new(move |_| {
        let id = scenario.get()?;
        ladder.with(|l| first_page(l, &id).ok().flatten())
    });
    let first_people = Memo::new(move |_| {
        first.with(|f| {
            f.as_ref()
                .map(|f| {
                    f.reach
                        .people()
                        .iter()
                        .map(|p| p.to_string())
                        .collect::<BTreeSet<_>>()
                })
                .unwrap_or_default()
        })
    });
    // those paged first play, unless the facilitator chose for this scenario already
    Effect::new(move |_| {
        let id = scenario.get();
        let people = first_people.get();
        if id.is_some() && room.preticked_for.get_untracked() != id {
            room.preticked_for.set(id);
            humans.set(people);
        }
    });
    let utc = TimeZoneName::utc();
    let line = move || {
        first.with(|f| match f {
            Some(f) => format!(
                "The incident opens {} in {}. Step 1 pages {}.",
                readable_instant(f.at, &utc),
                f.reach.tier,
                f.reach.summary()
            ),
            None => {
                "This scenario's signals never open an incident, so nobody is paged.".to_string()
            }
        })
    };
    let people = Memo::new(move |_| {
        ladder.with(|l| {
            l.people
                .iter()
                .map(|p| {
                    let rotations: Vec<&str> = l
                        .rotations
                        .iter()
                        .filter(|r| r.members.contains(&p.id))
                        .map(|r| r.name.as_str())
                        .collect();
                    (p.id.to_string(), p.name.clone(), rotations.join(", "))
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <p class="first-page" data-testid=testid::FIRST_PAGE>{line}</p>
        <fieldset class="checks players">
            <legend>"Played by people in the room (their pages wait for Acknowledge)"</legend>
            <For
                each=move || people.get()
                key=|p| p.clone()
                children=move |(id, name, rotations)| {
                    let for_id = format!("human-{id}");
                    let label_for = for_id.clone();
                    let key = id.clone();
                    let paged_first = {
                        let id = id.clone();
                        move || first_people.with(|f| f.contains(&id))
                    };
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
                            <span>
                                {name}
                                <Show when=paged_first.clone()>
                                    <span class="badge paged-first">"paged first"</span>
                                </Show>
                                <span class="muted small person-rotations">{rotations}</span>
                            </span>
                        </label>
                    }
                }
            />
        </fieldset>
    }
}
