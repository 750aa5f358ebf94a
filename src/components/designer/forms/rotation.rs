//! The form of a rotation: members in turn order, shift, zone, start, the hours it
//! covers, its overrides, and who is on call over the next weeks.

use leptos::prelude::*;
use rungs_core::edit::{self, Kind};
use rungs_core::{Rotation, TimeZoneName};

use crate::components::designer::calendar_download::CalendarDownload;
use crate::components::designer::forms::common::{choices, parse_zone, show_zone, ZONES_LIST};
use crate::components::designer::forms::rotation_overrides::Overrides;
use crate::components::designer::forms::rotation_windows::Windows;
use crate::components::designer::schedule::CalendarStrip;
use crate::state::doc::use_doc;
use crate::state::lens::{adding_picker, derive, Lens};
use crate::testid;
use crate::widgets::fields::{parse_shift, show_shift, ParsedField, SelectField, TextField};
use crate::widgets::instant::InstantField;
use crate::widgets::reorder::ReorderList;

/// The form of rotation `i`.
#[component]
pub fn RotationForm(
    /// Index of the rotation.
    i: usize,
) -> impl IntoView {
    let lens = Lens::<Rotation>::entry(use_doc(), i);
    let zone = lens.value(|x| Some(x.timezone.clone()));
    let zone = Signal::derive(move || zone.get().unwrap_or_else(TimeZoneName::utc));
    view! {
        <TextField label="Name" field={Lens::<Rotation>::name(use_doc(), i, |x| x.name.clone(), |x, v| x.name = v)} />
        <h3>"Members, in turn order"</h3>
        <Members i=i />
        <div class="field-grid">
            <ParsedField
                label="Shift length"
                field=lens.required("shift", |x| x.shift, |x, v| x.shift = v)
                parse=parse_shift
                show=show_shift
                placeholder="7d"
            />
            <ParsedField
                label="Time zone"
                field=lens.required("timezone", |x| x.timezone.clone(), |x, v| x.timezone = v)
                list=ZONES_LIST
                parse=parse_zone
                show=show_zone
            />
        </div>
        <InstantField
            label="First shift starts, in the rotation's time zone"
            field=lens.required("start", |x| x.start, |x, v| x.start = v)
            zone=zone
        />
        <Windows i=i />
        <Overrides i=i zone=zone />
        <CalendarStrip of=rungs_core::paging::LanesOf::Rotation(i) />
        <UpcomingShifts i=i />
        <CalendarDownload kind=Kind::Rotation i=i />
    }
}

/// The rotation's next hand-offs from now: who is on, from when to when.
#[component]
fn UpcomingShifts(
    /// Index of the rotation.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let shifts = Memo::new(move |_| {
        doc.ladder
            .with(|l| rungs_core::paging::upcoming_shifts(l, i, crate::platform::clock::now(), 6))
    });
    view! {
        <h3>"Next shifts"</h3>
        {move || {
            let list = shifts.get();
            if list.is_empty() {
                view! { <p class="muted small">"No shifts: add members to the rotation."</p> }.into_any()
            } else {
                view! {
                    <ol class="upcoming-shifts" data-testid=testid::UPCOMING_SHIFTS>
                        {list
                            .into_iter()
                            .map(|s| view! { <li><strong>{s.person}</strong>" · "{s.label}</li> })
                            .collect_view()}
                    </ol>
                }
                    .into_any()
            }
        }}
    }
}

/// The members of a rotation, reorderable, and a picker that adds one.
#[component]
fn Members(
    /// Index of the rotation.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let lens = Lens::<Rotation>::entry(doc, i);
    let len = lens.value(|r| r.members.len());
    let member_name = move |k: usize| {
        doc.ladder.with(|l| {
            let id = l.rotations.get(i)?.members.get(k)?.clone();
            // the name, with the id only where two people share it
            let person = l.people.iter().find(|x| x.id == id);
            Some(match person {
                Some(x) if l.people.iter().filter(|y| y.name == x.name).count() > 1 => {
                    format!("{} ({id})", x.name)
                }
                Some(x) => x.name.clone(),
                None => format!("{id} (not among the people)"),
            })
        })
    };
    let row = Callback::new(move |k: usize| {
        view! { <span>{move || member_name(k).unwrap_or_default()}</span> }.into_any()
    });
    let move_to = lens.setter("members", |r, (from, to): (usize, usize)| {
        edit::move_item(&mut r.members, from, to)
    });
    let remove = lens.setter("members", |r, k: usize| {
        if k < r.members.len() {
            r.members.remove(k);
        }
    });
    let add_member = lens.setter("members", |r, v: Option<rungs_core::PersonId>| {
        if let Some(id) = v {
            r.members.push(id)
        }
    });
    let add = adding_picker(lens.pointer("members/-"), move |v: String| {
        add_member.run(rungs_core::PersonId::new(v).ok())
    });
    let people_only = derive(doc, move |l| {
        choices(l, Kind::Person, Some("Add a member…"))
    });
    view! {
        <div data-pointer=lens.pointer("members")>
            <ReorderList len=len row=row move_to=move_to remove=remove noun="member" />
        </div>
        <SelectField label="Add a member" field=add options=people_only />
    }
}
