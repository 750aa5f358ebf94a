//! What the forms of the entries share: choices, the zone list, the checklist, and the
//! parsers of zones, instants and clock times.

use leptos::prelude::*;
use rungs_core::edit::{self, Kind};
use rungs_core::{ClockTime, Ladder, TimeZoneName};

use crate::state::lens::Field;

/// The id of the `<datalist>` of every IANA time zone.
pub const ZONES_LIST: &str = "zones";

/// `(value, label)` options from pairs of strings.
pub fn options(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect()
}

/// The choice of `kind` entries by name, with an empty "none" first when `none` is
/// given. A name two entries share gets its id to tell them apart.
pub fn choices(l: &Ladder, kind: Kind, none: Option<&str>) -> Vec<(String, String)> {
    let ids = edit::ids(l, kind);
    let names: Vec<String> = (0..ids.len())
        .map(|i| crate::state::entries::entry_name(l, kind, i).unwrap_or_default())
        .collect();
    let shared = |name: &str| names.iter().filter(|n| n.as_str() == name).count() > 1;
    let labels: Vec<String> = ids
        .iter()
        .zip(&names)
        .map(|(id, name)| {
            if name.is_empty() {
                id.clone()
            } else if shared(name) {
                format!("{name} ({id})")
            } else {
                name.clone()
            }
        })
        .collect();
    none.map(|n| (String::new(), n.to_string()))
        .into_iter()
        .chain(ids.into_iter().zip(labels))
        .collect()
}

/// Reads a time zone name.
pub fn parse_zone(s: &str) -> Result<TimeZoneName, String> {
    TimeZoneName::new(s).map_err(|e| e.to_string())
}
/// Writes a time zone name the way it is typed.
pub fn show_zone(z: &TimeZoneName) -> String {
    z.to_string()
}

/// Reads a local clock time (HH:MM).
pub fn parse_clock(s: &str) -> Result<ClockTime, String> {
    ClockTime::parse(s).map_err(|e| e.to_string())
}
/// Writes a local clock time (HH:MM) the way it is typed.
pub fn show_clock(t: &ClockTime) -> String {
    t.to_string()
}

/// Every IANA zone name, as suggestions for the zone fields.
#[component]
pub fn ZoneList() -> impl IntoView {
    view! {
        <datalist id=ZONES_LIST>
            {TimeZoneName::all().into_iter().map(|z| view! { <option value=z></option> }).collect_view()}
        </datalist>
    }
}

/// The non-empty parts of typed text, trimmed: a list typed one per line or comma separated.
pub fn parts<'a>(text: impl Iterator<Item = &'a str>) -> Vec<String> {
    text.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Stores `v` in `slot` if it reads (an id chosen from a list).
pub fn set_ok<I, E>(slot: &mut I, v: Result<I, E>) {
    if let Ok(v) = v {
        *slot = v
    }
}

/// Takes `id` out of `list` and, when `on`, puts it back at the end (if it reads as an id):
/// the setter of a checklist of ids.
pub fn toggle_id<I: AsRef<str>, E>(
    list: &mut Vec<I>,
    (id, on): (String, bool),
    new: fn(String) -> Result<I, E>,
) {
    list.retain(|x| x.as_ref() != id);
    if on {
        if let Ok(x) = new(id) {
            list.push(x)
        }
    }
}

/// A set of checkboxes: which of `choices` are in the list.
#[component]
pub fn CheckList(
    /// The legend.
    legend: &'static str,
    /// The list: the values checked; the setter checks (`true`) or unchecks one.
    field: Field<Vec<String>, (String, bool)>,
    /// `(value, label)` of each choice.
    #[prop(into)]
    choices: Signal<Vec<(String, String)>>,
    /// Shown when there is nothing to choose from.
    empty: &'static str,
) -> impl IntoView {
    let Field {
        pointer,
        value: checked,
        set: toggle,
    } = field;
    let base = crate::widgets::fields::field_id(&pointer);
    view! {
        <fieldset class="field checks" data-pointer=pointer>
            <legend>{legend}</legend>
            {move || {
                let all = choices.get();
                if all.is_empty() {
                    return view! { <p class="muted small">{empty}</p> }.into_any();
                }
                let on = checked.get();
                all.into_iter()
                    .map(|(v, label)| {
                        let id = format!("{base}-{v}");
                        let for_id = id.clone();
                        let is_on = on.contains(&v);
                        view! {
                            <label class="check" for=for_id>
                                <input
                                    type="checkbox"
                                    id=id
                                    prop:checked=is_on
                                    on:change=move |ev| toggle.run((v.clone(), event_target_checked(&ev)))
                                />
                                {label}
                            </label>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </fieldset>
    }
}
