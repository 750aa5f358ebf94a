//! The form of a person.

use leptos::prelude::*;
use rungs_core::edit::Kind;
use rungs_core::Person;

use crate::components::designer::calendar_download::CalendarDownload;
use crate::components::designer::forms::common::{
    choices, parse_zone, show_zone, toggle_id, CheckList, ZONES_LIST,
};
use crate::state::doc::use_doc;
use crate::state::lens::{derive, set_response, Lens, ResponseField};
use crate::widgets::fields::{
    parse_duration, show_duration, NumberField, NumberKind, ParsedField, SelectField, TextField,
};

/// The form of person `i`.
#[component]
pub fn PersonForm(
    /// Index of the person.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let lens = Lens::<Person>::entry(doc, i);
    let resp_field = |label: &'static str, key: &'static str, field: ResponseField| {
        view! {
            <ParsedField
                label=label
                field=lens.field(
                    &format!("response/{key}"),
                    move |x| x.response.clone().map(|mut r| *field(&mut r)),
                    move |x, v| set_response(&mut x.response, v, field),
                )
                parse=parse_duration
                show=show_duration
                optional=true
                placeholder="defaults"
            />
        }
    };
    view! {
        <TextField label="Name" field={Lens::<Person>::name(use_doc(), i, |x| x.name.clone(), |x, v| x.name = v)} />
        <ParsedField
            label="Time zone"
            field=lens.required("timezone", |x| x.timezone.clone(), |x, v| x.timezone = v)
            list=ZONES_LIST
            placeholder="Europe/London"
            parse=parse_zone
            show=show_zone
            help="An IANA zone; start typing a city"
        />
        <TextField
            label="Email"
            field=lens.field(
                "email",
                |x| x.email.clone().unwrap_or_default(),
                |x, v: String| x.email = (!v.trim().is_empty()).then(|| v.trim().to_string()),
            )
            help="As your paging tool has it: a Terraform export looks them up by it"
        />
        <CheckList
            legend="Roles"
            field=lens.field(
                "roles",
                |x| x.roles.iter().map(|r| r.to_string()).collect(),
                |x, v| toggle_id(&mut x.roles, v, rungs_core::RoleId::new),
            )
            choices=derive(doc, |l| choices(l, Kind::Role, None))
            empty="No roles yet; add them under Roles."
        />
        <SelectField
            label="Backup (covers when they are unavailable)"
            field=lens.field(
                "backup",
                |x| x.backup.as_ref().map(|b| b.to_string()).unwrap_or_default(),
                |x, v: String| x.backup = rungs_core::PersonId::new(v).ok(),
            )
            options=derive(doc, |l| choices(l, Kind::Person, Some("No backup")))
        />
        <h3>"Response model"</h3>
        <p class="field-help">"How fast they answer pages in simulations. Leave empty to use the ladder's default."</p>
        <div class="field-grid">
            {resp_field("Median time to acknowledge", "ack_median", |r| &mut r.ack_median)}
            {resp_field("90th percentile", "ack_p90", |r| &mut r.ack_p90)}
        </div>
        <NumberField
            label="Chance a page goes unanswered (0 to 1)"
            field=lens.field(
                "response/miss",
                |x| x.response.as_ref().map(|r| r.miss.get()),
                |x, v: Option<f64>| {
                    if let Some(r) = &mut x.response {
                        r.miss = v.and_then(|v| rungs_core::Probability::new(v).ok()).unwrap_or_default();
                    }
                },
            )
            kind=NumberKind::Probability
            optional=true
        />
        <CalendarDownload kind=Kind::Person i=i />
    }
}
