//! The form of a trigger: the metric of a service it watches, its threshold and the tier
//! it opens.

use leptos::prelude::*;
use rungs_core::edit::Kind;
use rungs_core::{Duration, Op, Trigger};

use crate::components::designer::forms::common::{choices, options, set_ok};
use crate::state::doc::use_doc;
use crate::state::lens::{derive, Lens};
use crate::widgets::fields::{
    parse_duration, show_duration, NumberField, ParsedField, SelectField, TextField,
};

/// The form of trigger `i`.
#[component]
pub fn TriggerForm(
    /// Index of the trigger.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let lens = Lens::<Trigger>::entry(doc, i);
    let ops = options(&[(">", ">"), (">=", "≥"), ("<", "<"), ("<=", "≤")]);
    let op = |x: &mut Trigger, v: String| {
        x.op = match v.as_str() {
            ">=" => Op::Ge,
            "<" => Op::Lt,
            "<=" => Op::Le,
            _ => Op::Gt,
        }
    };
    view! {
        <SelectField
            label="Service watched"
            field=lens.field(
                "service",
                |x| x.service.to_string(),
                |x, v| set_ok(&mut x.service, rungs_core::ServiceId::new(v)),
            )
            options=derive(doc, |l| choices(l, Kind::Service, None))
        />
        <TextField
            label="Metric"
            field=lens.field("metric", |x| x.metric.clone(), |x, v| x.metric = v)
            help="e.g. error_rate, latency_p99_ms, revenue_at_risk"
        />
        <div class="field-grid">
            <SelectField
                label="Comparison"
                field=lens.field("op", |x| x.op.as_str().to_string(), op)
                options=ops
            />
            <NumberField
                label="Threshold"
                field=lens.required("threshold", |x| x.threshold, |x, v| x.threshold = v)
            />
            <ParsedField
                label="Holds for"
                field=lens.field("for", |x| Some(x.for_), |x, v: Option<Duration>| x.for_ = v.unwrap_or_default())
                parse=parse_duration
                show=show_duration
                optional=true
                placeholder="0m"
            />
            <ParsedField
                label="Clears after"
                field=lens.field("clear_for", |x| Some(x.clear_for), |x, v: Option<Duration>| x.clear_for = v.unwrap_or_default())
                parse=parse_duration
                show=show_duration
                optional=true
                placeholder="0m"
            />
        </div>
        <SelectField
            label="Opens or promotes to tier"
            field=lens.field(
                "tier",
                |x| x.tier.to_string(),
                |x, v| set_ok(&mut x.tier, rungs_core::TierId::new(v)),
            )
            options=derive(doc, |l| choices(l, Kind::Tier, None))
        />
    }
}
