//! The form of a service: owner, criticality, revenue, dependencies and segments.

use leptos::prelude::*;
use rungs_core::edit::Kind;
use rungs_core::{Criticality, Service};

use crate::components::designer::forms::common::{choices, parts, toggle_id, CheckList};
use crate::state::doc::use_doc;
use crate::state::lens::{derive, Lens};
use crate::widgets::fields::{NumberField, SelectField, TextField};

/// The criticalities, as chosen.
const CRITICALITIES: [(Criticality, &str, &str); 4] = [
    (Criticality::Critical, "critical", "Critical"),
    (Criticality::High, "high", "High"),
    (Criticality::Medium, "medium", "Medium"),
    (Criticality::Low, "low", "Low"),
];

/// The form of service `i`.
#[component]
pub fn ServiceForm(
    /// Index of the service.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let lens = Lens::<Service>::entry(doc, i);
    let crit = CRITICALITIES
        .iter()
        .map(|(_, v, l)| (v.to_string(), l.to_string()))
        .collect::<Vec<_>>();
    let others = derive(doc, move |l| {
        let own = l.services.get(i).map(|s| s.id.to_string());
        choices(l, Kind::Service, None)
            .into_iter()
            .filter(|(v, _)| Some(v) != own.as_ref())
            .collect::<Vec<_>>()
    });
    view! {
        <TextField label="Name" field={Lens::<Service>::name(use_doc(), i, |x| x.name.clone(), |x, v| x.name = v)} />
        <div class="field-grid">
            <TextField
                label="Owning team"
                field=lens.field(
                    "team",
                    |x| x.team.clone().unwrap_or_default(),
                    |x, v: String| x.team = (!v.is_empty()).then_some(v),
                )
            />
            <SelectField
                label="Criticality"
                field=lens.field(
                    "criticality",
                    |x| CRITICALITIES.iter().find(|(c, ..)| *c == x.criticality).map(|(_, v, _)| v.to_string()).unwrap_or_default(),
                    |x, v: String| {
                        x.criticality = CRITICALITIES.iter().find(|(_, c, _)| *c == v).map_or(Criticality::Medium, |(c, ..)| *c)
                    },
                )
                options=crit
            />
            <NumberField
                label="Revenue per hour"
                field=lens.field("revenue_per_hour", |x| x.revenue_per_hour, |x, v| x.revenue_per_hour = v)
                optional=true
            />
        </div>
        <CheckList
            legend="Depends on"
            field=lens.field(
                "depends_on",
                |x| x.depends_on.iter().map(|d| d.to_string()).collect(),
                |x, v| toggle_id(&mut x.depends_on, v, rungs_core::ServiceId::new),
            )
            choices=others
            empty="No other services."
        />
        <TextField
            label="Customer segments (comma separated)"
            field=lens.field(
                "customer_segments",
                |x| x.customer_segments.join(", "),
                |x, v: String| {
                    x.customer_segments = parts(v.split(','))
                },
            )
        />
    }
}
