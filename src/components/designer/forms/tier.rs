//! The form of a tier: rank, criteria, timelines, escalation steps, owners, breach rules
//! and playbook.

use leptos::prelude::*;
use rungs_core::{BreachAction, Duration, Owners, Target, Tier, Timelines};

use crate::components::designer::forms::tier_steps::Steps;
use crate::state::doc::use_doc;
use crate::state::lens::{derive, Lens};
use crate::widgets::fields::{
    parse_duration, show_duration, NumberField, NumberKind, ParsedField, SelectField, TargetSelect,
    TextField,
};

/// The timelines, with their labels and accessors.
type TimelineField = (
    &'static str,
    &'static str,
    fn(&mut Timelines) -> &mut Option<Duration>,
);
const TIMELINES: [TimelineField; 5] = [
    ("acknowledge", "Acknowledge within", |t| &mut t.acknowledge),
    ("contain", "Contain within", |t| &mut t.contain),
    ("resolve", "Resolve within", |t| &mut t.resolve),
    ("first_update", "First update within", |t| {
        &mut t.first_update
    }),
    ("update_every", "Then update every", |t| &mut t.update_every),
];

/// The owners, with their labels and accessors.
type OwnerField = (
    &'static str,
    &'static str,
    fn(&mut Owners) -> &mut Option<Target>,
);
const OWNERS: [OwnerField; 6] = [
    ("detection", "Detection", |o| &mut o.detection),
    ("triage", "Triage", |o| &mut o.triage),
    ("escalation", "Escalation", |o| &mut o.escalation),
    ("resolution", "Resolution", |o| &mut o.resolution),
    ("communication", "Communication", |o| &mut o.communication),
    ("commander", "Incident command", |o| &mut o.commander),
];

/// The breach rules, with their labels and accessors.
type BreachField = (
    &'static str,
    &'static str,
    fn(&mut rungs_core::OnBreach) -> &mut Option<BreachAction>,
);
const BREACHES: [BreachField; 4] = [
    ("acknowledge", "Missed acknowledge", |b| &mut b.acknowledge),
    ("contain", "Missed contain", |b| &mut b.contain),
    ("resolve", "Missed resolve", |b| &mut b.resolve),
    ("first_update", "Missed first update", |b| {
        &mut b.first_update
    }),
];

/// The form of tier `i`.
#[component]
pub fn TierForm(
    /// Index of the tier.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let lens = Lens::<Tier>::entry(doc, i);
    let playbooks = derive(doc, move |l| {
        std::iter::once((String::new(), "None".to_string()))
            .chain(
                l.playbooks
                    .iter()
                    .map(|p| (p.id.to_string(), p.name.clone())),
            )
            .collect::<Vec<_>>()
    });
    view! {
        <TextField label="Name" field={Lens::<Tier>::name(use_doc(), i, |t| t.name.clone(), |t, v| t.name = v)} />
        <NumberField
            label="Rank (1 is the most severe)"
            field=lens.field("rank", |t| Some(f64::from(t.rank)), |t, v: Option<f64>| t.rank = v.unwrap_or(0.0) as u32)
            kind=NumberKind::Count
        />
        <TextField
            label="Criteria: when does an incident belong here?"
            field=lens.field(
                "criteria",
                |t| t.criteria.clone().unwrap_or_default(),
                |t, v: String| t.criteria = (!v.is_empty()).then_some(v),
            )
            multiline=true
        />
        <h3>"Timelines"</h3>
        <div class="field-grid">
            <TimelineFields lens=lens.clone() />
        </div>
        <h3>"Escalation"</h3>
        <Steps i=i />
        <NumberField
            label="Repeat the whole chain (extra passes)"
            field=lens.field(
                "escalation/repeat",
                |t| Some(f64::from(t.escalation.repeat)),
                |t, v: Option<f64>| t.escalation.repeat = v.unwrap_or(0.0) as u32,
            )
            kind=NumberKind::Count
        />
        <h3>"Owners"</h3>
        <div class="field-grid">
            <OwnerFields lens=lens.clone() />
        </div>
        <h3>"When a deadline is missed"</h3>
        <div class="field-grid">
            <BreachFields lens=lens.clone() />
        </div>
        <SelectField
            label="Playbook"
            field=lens.field(
                "playbook",
                |t| t.playbook.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                |t, v: String| t.playbook = rungs_core::PlaybookId::new(v).ok(),
            )
            options=playbooks
        />
    }
}

/// The deadlines of a tier, one optional duration each.
#[component]
fn TimelineFields(
    /// The tier.
    lens: Lens<Tier>,
) -> impl IntoView {
    TIMELINES
        .into_iter()
        .map(|(key, label, field)| {
            view! {
                <ParsedField
                    label=label
                    field=lens.field(
                        &format!("timelines/{key}"),
                        move |t| *field(&mut t.timelines.clone()),
                        move |t, v| *field(&mut t.timelines) = v,
                    )
                    parse=parse_duration
                    show=show_duration
                    optional=true
                    placeholder="e.g. 1h30m"
                />
            }
        })
        .collect_view()
}

/// Who owns each part of an incident of a tier.
#[component]
fn OwnerFields(
    /// The tier.
    lens: Lens<Tier>,
) -> impl IntoView {
    OWNERS
        .into_iter()
        .map(|(key, label, field)| {
            view! {
                <TargetSelect
                    label=label
                    field=lens.field(
                        &format!("owners/{key}"),
                        move |t| field(&mut t.owners.clone()).clone(),
                        move |t, v| *field(&mut t.owners) = v,
                    )
                    none="Nobody"
                />
            }
        })
        .collect_view()
}

/// What happens when each deadline of a tier is missed.
#[component]
fn BreachFields(
    /// The tier.
    lens: Lens<Tier>,
) -> impl IntoView {
    let breach_options = vec![
        (String::new(), "Record it (default)".to_string()),
        (
            "escalate".to_string(),
            "Escalate to the next tier up".to_string(),
        ),
    ];
    BREACHES
        .into_iter()
        .map(|(key, label, field)| {
            view! {
                <SelectField
                    label=label
                    field=lens.field(
                        &format!("on_breach/{key}"),
                        move |t| match field(&mut t.on_breach.clone()) {
                            Some(BreachAction::Escalate) => "escalate".to_string(),
                            _ => String::new(),
                        },
                        move |t, v: String| {
                            *field(&mut t.on_breach) = (v == "escalate").then_some(BreachAction::Escalate)
                        },
                    )
                    options=breach_options.clone()
                />
            }
        })
        .collect_view()
}
