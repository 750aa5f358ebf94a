//! The form of a tier: rank, criteria, timelines, escalation steps, owners, breach rules
//! and playbook.

use leptos::prelude::*;
use rungs_core::edit::{self, Kind};
use rungs_core::{BreachAction, Duration, Ladder, Owners, Step, Target, Tier, Timelines};

use crate::state::doc::use_doc;
use crate::state::lens::{derive, get, ptr, put};
use crate::testid;
use crate::widgets::fields::{
    parse_duration, show_duration, NumberField, NumberKind, ParsedField, SelectField, TargetSelect,
    TextField,
};
use crate::widgets::reorder::ReorderList;

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

/// Runs `f` on tier `i`, if it exists.
fn on_tier(l: &mut Ladder, i: usize, f: impl FnOnce(&mut Tier)) {
    if let Some(t) = l.tiers.get_mut(i) {
        f(t);
    }
}

/// Reads tier `i`.
fn tier(l: &Ladder, i: usize) -> Option<&Tier> {
    l.tiers.get(i)
}

/// The form of tier `i`.
#[component]
pub fn TierForm(
    /// Index of the tier.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let p = move |f: &str| ptr(Kind::Tier, i, f);
    let timelines = TIMELINES
        .into_iter()
        .map(|(key, label, field)| {
            let pointer = p(&format!("timelines/{key}"));
            view! {
                <ParsedField
                    label=label
                    pointer=pointer.clone()
                    value=get(doc, move |l| tier(l, i).map(|t| *field(&mut t.timelines.clone())))
                    parse=parse_duration
                    show=show_duration
                    optional=true
                    placeholder="e.g. 1h30m"
                    set=put(doc, pointer, move |l, v: Option<Duration>| on_tier(l, i, |t| *field(&mut t.timelines) = v))
                />
            }
        })
        .collect_view();
    let owners = OWNERS
        .into_iter()
        .map(|(key, label, field)| {
            let pointer = p(&format!("owners/{key}"));
            view! {
                <TargetSelect
                    label=label
                    pointer=pointer.clone()
                    none="Nobody"
                    value=get(doc, move |l| tier(l, i).map(|t| field(&mut t.owners.clone()).clone()))
                    set=put(doc, pointer, move |l, v: Option<Target>| on_tier(l, i, |t| *field(&mut t.owners) = v))
                />
            }
        })
        .collect_view();
    let breach_options = vec![
        (String::new(), "Record it (default)".to_string()),
        (
            "escalate".to_string(),
            "Escalate to the next tier up".to_string(),
        ),
    ];
    let breaches = BREACHES
        .into_iter()
        .map(|(key, label, field)| {
            let pointer = p(&format!("on_breach/{key}"));
            view! {
                <SelectField
                    label=label
                    pointer=pointer.clone()
                    options=breach_options.clone()
                    value=get(doc, move |l| {
                        tier(l, i).map(|t| match field(&mut t.on_breach.clone()) {
                            Some(BreachAction::Escalate) => "escalate".to_string(),
                            _ => String::new(),
                        })
                    })
                    set=put(doc, pointer, move |l, v: String| {
                        on_tier(l, i, |t| {
                            *field(&mut t.on_breach) = (v == "escalate").then_some(BreachAction::Escalate)
                        })
                    })
                />
            }
        })
        .collect_view();
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
        <TextField
            label="Name"
            pointer=p("name")
            value=get(doc, move |l| tier(l, i).map(|t| t.name.clone()))
            set=put(doc, p("name"), move |l, v: String| on_tier(l, i, |t| t.name = v))
        />
        <NumberField
            label="Rank (1 is the most severe)"
            pointer=p("rank")
            kind=NumberKind::Count
            value=get(doc, move |l| tier(l, i).map(|t| Some(f64::from(t.rank))))
            set=put(doc, p("rank"), move |l, v: Option<f64>| on_tier(l, i, |t| t.rank = v.unwrap_or(0.0) as u32))
        />
        <TextField
            label="Criteria: when does an incident belong here?"
            pointer=p("criteria")
            multiline=true
            value=get(doc, move |l| tier(l, i).and_then(|t| t.criteria.clone()))
            set=put(doc, p("criteria"), move |l, v: String| on_tier(l, i, |t| t.criteria = (!v.is_empty()).then_some(v)))
        />
        <h3>"Timelines"</h3>
        <div class="field-grid">{timelines}</div>
        <h3>"Escalation"</h3>
        <Steps i=i />
        <NumberField
            label="Repeat the whole chain (extra passes)"
            pointer=p("escalation/repeat")
            kind=NumberKind::Count
            value=get(doc, move |l| tier(l, i).map(|t| Some(f64::from(t.escalation.repeat))))
            set=put(doc, p("escalation/repeat"), move |l, v: Option<f64>| on_tier(l, i, |t| t.escalation.repeat = v.unwrap_or(0.0) as u32))
        />
        <h3>"Owners"</h3>
        <div class="field-grid">{owners}</div>
        <h3>"When a deadline is missed"</h3>
        <div class="field-grid">{breaches}</div>
        <SelectField
            label="Playbook"
            pointer=p("playbook")
            options=playbooks
            value=get(doc, move |l| tier(l, i).map(|t| t.playbook.as_ref().map(|p| p.to_string()).unwrap_or_default()))
            set=put(doc, p("playbook"), move |l, v: String| on_tier(l, i, |t| t.playbook = rungs_core::PlaybookId::new(v).ok()))
        />
    }
}

/// The escalation steps of tier `i`: reorderable, each with its targets and delay.
#[component]
fn Steps(
    /// Index of the tier.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let steps_ptr = ptr(Kind::Tier, i, "escalation/steps");
    let len = get(doc, move |l| tier(l, i).map(|t| t.escalation.steps.len()));
    let sp = steps_ptr.clone();
    let move_to = put(
        doc,
        steps_ptr.clone(),
        move |l, (from, to): (usize, usize)| {
            on_tier(l, i, |t| edit::move_item(&mut t.escalation.steps, from, to))
        },
    );
    let remove = put(doc, steps_ptr.clone(), move |l, k: usize| {
        on_tier(l, i, |t| {
            if k < t.escalation.steps.len() {
                t.escalation.steps.remove(k);
            }
        })
    });
    let add = put(doc, steps_ptr.clone(), move |l, (): ()| {
        on_tier(l, i, |t| {
            let after = t
                .escalation
                .steps
                .last()
                .map_or(Duration::from_mins(15), |s| s.escalate_after);
            t.escalation.steps.push(Step {
                notify: Vec::new(),
                escalate_after: after,
            })
        })
    });
    let row = Callback::new(move |k: usize| {
        let base = format!("{sp}/{k}");
        view! { <StepRow i=i k=k base=base /> }.into_any()
    });
    view! {
        <div data-pointer=steps_ptr>
            <ReorderList len=len row=row move_to=move_to remove=remove noun="step" testid=testid::STEP_ROW />
            <button class="button" data-testid=testid::ADD_STEP on:click=move |_| add.run(())>
                "Add a step"
            </button>
        </div>
    }
}

/// One step: who it pages and how long before the next.
#[component]
fn StepRow(
    /// Index of the tier.
    i: usize,
    /// Index of the step.
    k: usize,
    /// JSON Pointer of the step.
    base: String,
) -> impl IntoView {
    let doc = use_doc();
    let step = move |l: &Ladder| tier(l, i).and_then(|t| t.escalation.steps.get(k).cloned());
    let on_step = move |l: &mut Ladder, f: &dyn Fn(&mut Step)| {
        on_tier(l, i, |t| {
            if let Some(s) = t.escalation.steps.get_mut(k) {
                f(s)
            }
        })
    };
    let notify_ptr = format!("{base}/notify");
    let targets = Memo::new(move |_| {
        doc.ladder
            .with(|l| step(l).map(|s| s.notify).unwrap_or_default())
    });
    let names = move |t: &Target| {
        doc.ladder.with(|l| {
            let (kind, id) = match t {
                Target::Person(p) => ("person", p.as_str()),
                Target::Rotation(r) => ("rotation", r.as_str()),
                Target::Role(r) => ("role", r.as_str()),
            };
            let name = match t {
                Target::Person(p) => l.people.iter().find(|x| x.id == *p).map(|x| x.name.clone()),
                Target::Rotation(r) => l
                    .rotations
                    .iter()
                    .find(|x| x.id == *r)
                    .map(|x| x.name.clone()),
                Target::Role(r) => l.roles.iter().find(|x| x.id == *r).map(|x| x.name.clone()),
            };
            (kind, name.unwrap_or_else(|| format!("{id} (missing)")))
        })
    };
    let remove_target = {
        let pointer = notify_ptr.clone();
        Callback::new(move |t: Target| {
            doc.edit(&pointer, |l| on_step(l, &|s| s.notify.retain(|x| *x != t)))
        })
    };
    // The picker goes back to its prompt after each choice.
    let picker = RwSignal::new(None::<Target>);
    let add_target = {
        let pointer = notify_ptr.clone();
        Callback::new(move |t: Option<Target>| {
            picker.set(None);
            if let Some(t) = t {
                doc.edit(&pointer, |l| {
                    on_step(l, &|s| {
                        if !s.notify.contains(&t) {
                            s.notify.push(t.clone())
                        }
                    })
                })
            }
        })
    };
    let delay_ptr = format!("{base}/escalate_after");
    view! {
        <div class="step-edit">
            <span class="step-no">{format!("Step {}", k + 1)}</span>
            <div class="targets" data-pointer=notify_ptr.clone()>
                <span class="visually-hidden">"Pages:"</span>
                <For
                    each=move || targets.get()
                    key=|t| t.clone()
                    children=move |t: Target| {
                        let (kind, name) = names(&t);
                        let label = format!("Stop paging {name}");
                        view! {
                            <span class=format!("pill target {kind}")>
                                <span class="kind">{kind}</span>
                                {name}
                                <button class="pill-x" aria-label=label.clone() title=label on:click=move |_| remove_target.run(t.clone())>
                                    "✕"
                                </button>
                            </span>
                        }
                    }
                />
                <Show when=move || targets.with(Vec::is_empty)>
                    <span class="muted small">"pages nobody yet"</span>
                </Show>
            </div>
            <TargetSelect
                label="Add to this step"
                pointer=format!("{notify_ptr}/-")
                none="Choose who to page…"
                value=picker
                set=add_target
            />
            <ParsedField
                label="Escalate after"
                pointer=delay_ptr.clone()
                value=get(doc, move |l| step(l).map(|s| Some(s.escalate_after)))
                parse=parse_duration
                show=show_duration
                placeholder="15m"
                set=put(doc, delay_ptr, move |l, v: Option<Duration>| {
                    if let Some(v) = v {
                        on_step(l, &|s| s.escalate_after = v)
                    }
                })
            />
        </div>
    }
}
