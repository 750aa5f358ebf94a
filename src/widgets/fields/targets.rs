//! The target pickers: people, rotations, schedules and roles, grouped, with one list
//! of choices for every picker on the page.

use leptos::prelude::*;
use rungs_core::Target;

use super::shell::{field_id, FieldShell};
use crate::state::doc::use_doc;
use crate::state::lens::Field;

/// `kind:id` for a target, the value of the target pickers.
pub fn target_value(t: &Target) -> String {
    format!("{}:{}", t.key(), t.id())
}

/// The name of what `t` names in `l`, if it exists.
pub fn target_name(l: &rungs_core::Ladder, t: &Target) -> Option<String> {
    use rungs_core::overview::Named;
    fn find<T: Named>(items: &[T], id: &str) -> Option<String> {
        items
            .iter()
            .find(|x| x.id() == id)
            .map(|x| x.name().to_string())
    }
    match t {
        Target::Person(id) => find(&l.people, id),
        Target::Rotation(id) => find(&l.rotations, id),
        Target::Schedule(id) => find(&l.schedules, id),
        Target::Role(id) => find(&l.roles, id),
    }
}

/// The target a picker value stands for.
pub fn parse_target(v: &str) -> Option<Target> {
    let (kind, id) = v.split_once(':')?;
    Some(match kind {
        "person" => Target::Person(rungs_core::PersonId::new(id).ok()?),
        "rotation" => Target::Rotation(rungs_core::RotationId::new(id).ok()?),
        "schedule" => Target::Schedule(rungs_core::ScheduleId::new(id).ok()?),
        "role" => Target::Role(rungs_core::RoleId::new(id).ok()?),
        _ => return None,
    })
}

/// How many people a target picker offers by name (the first in document order).
pub const PICKER_PEOPLE: usize = 300;

/// The choices of every target picker: `(group, [(value, label)])`, from the ladder.
#[derive(Clone, Copy)]
pub struct TargetChoices(pub Memo<TargetGroups>);

/// Groups of target choices.
pub type TargetGroups = [(&'static str, Vec<(String, String)>); 4];

impl TargetChoices {
    /// The choices of `doc`'s ladder, kept up to date.
    pub fn new(doc: crate::state::doc::Doc) -> Self {
        TargetChoices(Memo::new(move |_| {
            doc.ladder.with(|l| {
                [
                    (
                        "People",
                        // a picker of thousands of people would cost seconds to draw on
                        // every form; the rest are reached by role or rotation, or by id
                        // in the JSON, and a step's own person always shows (see below)
                        l.people
                            .iter()
                            .take(PICKER_PEOPLE)
                            .map(|p| (format!("person:{}", p.id), p.name.clone()))
                            .collect::<Vec<_>>(),
                    ),
                    (
                        "Rotations (whoever is on call)",
                        l.rotations
                            .iter()
                            .map(|r| (format!("rotation:{}", r.id), r.name.clone()))
                            .collect(),
                    ),
                    (
                        "Schedules (the highest layer on call)",
                        l.schedules
                            .iter()
                            .map(|s| (format!("schedule:{}", s.id), s.name.clone()))
                            .collect(),
                    ),
                    (
                        "Roles (everyone holding it)",
                        l.roles
                            .iter()
                            .map(|r| (format!("role:{}", r.id), r.name.clone()))
                            .collect(),
                    ),
                ]
            })
        }))
    }
}

/// A picker of people, rotations, schedules and roles, grouped. With `none`, an empty choice too.
#[component]
pub fn TargetSelect(
    /// The label.
    #[prop(into)]
    label: String,
    /// The target edited.
    field: Field<Option<Target>>,
    /// The text of the empty choice; without it there is none.
    #[prop(optional)]
    none: Option<&'static str>,
) -> impl IntoView {
    let Field {
        pointer,
        value,
        set,
    } = field;
    let doc = use_doc();
    let id = field_id(&pointer);
    // One list of choices for every picker on the page (a large ladder has hundreds).
    let groups = use_context::<TargetChoices>()
        .unwrap_or_else(|| TargetChoices::new(doc))
        .0;
    let current = move || value.get().as_ref().map(target_value).unwrap_or_default();
    view! {
        <FieldShell label=label pointer=pointer>
            <select id=id prop:value=current on:change=move |ev| set.run(parse_target(&event_target_value(&ev)))>
                {move || {
                    let now = current();
                    let known = groups.with(|g| g.iter().any(|(_, o)| o.iter().any(|(v, _)| *v == now)));
                    view! {
                        {none.map(|n| view! { <option value="" selected=now.is_empty()>{n}</option> })}
                        {(!now.is_empty() && !known)
                            .then(|| {
                                // a person past the picker's first ones, or a dangling id
                                let name = parse_target(&now)
                                    .and_then(|t| doc.ladder.with_untracked(|l| target_name(l, &t)));
                                let label = name.unwrap_or_else(|| format!("{now} (does not exist)"));
                                view! {
                                    <option value=now.clone() selected=true>
                                        {label}
                                    </option>
                                }
                            })}
                        {groups
                            .get()
                            .into_iter()
                            .filter(|(_, o)| !o.is_empty())
                            .map(|(g, o)| {
                                let now = now.clone();
                                view! {
                                    <optgroup label=g>
                                        {o
                                            .into_iter()
                                            .map(|(v, l)| {
                                                let selected = v == now;
                                                view! { <option value=v selected=selected>{l}</option> }
                                            })
                                            .collect_view()}
                                    </optgroup>
                                }
                            })
                            .collect_view()}
                    }
                }}
            </select>
        </FieldShell>
    }
}
