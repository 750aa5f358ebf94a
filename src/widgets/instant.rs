//! A date-time picker on a zone's wall clock, with the instant written out beneath.

use leptos::prelude::*;
use rungs_core::time::{parse_picker, picker_value, readable_instant, Instant};
use rungs_core::TimeZoneName;

use crate::state::lens::Field;
use crate::testid;
use crate::widgets::fields::ParsedField;

/// A date and time picked on the wall clock of `zone` (a `datetime-local` picker), with
/// the instant written out beneath as people read it, and in UTC too when the zone is
/// another.
#[component]
pub fn InstantField(
    /// The label.
    #[prop(into)]
    label: String,
    /// The instant edited.
    field: Field<Option<Instant>>,
    /// The zone whose wall clock the picker shows.
    zone: Signal<TimeZoneName>,
) -> impl IntoView {
    let value = field.value;
    let parse = move |s: &str| parse_picker(s, &zone.get());
    let show = move |t: &Instant| picker_value(*t, &zone.get());
    let note = move || {
        value.get().map(|t| {
            let z = zone.get();
            let local = readable_instant(t, &z);
            let utc = TimeZoneName::utc();
            if z == utc {
                local
            } else {
                format!("{local} ({}) · {}", z.as_str(), readable_instant(t, &utc))
            }
        })
    };
    view! {
        <div class="instant-field">
            <ParsedField label=label field=field parse=parse show=show input_type="datetime-local" />
            <p class="muted small field-note" data-testid=testid::INSTANT_NOTE>{note}</p>
        </div>
    }
}
