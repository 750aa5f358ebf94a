//! The forms of people, roles, rotations, triggers, services, playbooks and templates.

use leptos::prelude::*;
use rungs_core::edit::{self, Kind};
use rungs_core::{
    Audience, ClockTime, Criticality, Duration, Instant, Ladder, Op, PlaybookStep, Stage, Target,
    TimeZoneName, Weekday, Window,
};

use crate::state::doc::use_doc;
use crate::state::lens::{derive, get, on, ptr, put, set_response, ResponseField};
use crate::widgets::fields::{
    parse_duration, show_duration, NumberField, NumberKind, ParsedField, SelectField, TargetSelect,
    TextField,
};
use crate::widgets::reorder::ReorderList;

/// The id of the `<datalist>` of every IANA time zone.
pub const ZONES_LIST: &str = "zones";

/// `(value, label)` options from pairs of strings.
fn options(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect()
}

/// The choice of `kind` entries, with an empty "none" first when `none` is given.
fn choices(l: &Ladder, kind: Kind, none: Option<&str>) -> Vec<(String, String)> {
    let ids = edit::ids(l, kind);
    let names: Vec<String> = (0..ids.len())
        .map(|i| crate::state::entries::entry_name(l, kind, i).unwrap_or_default())
        .collect();
    none.map(|n| (String::new(), n.to_string()))
        .into_iter()
        .chain(ids.into_iter().zip(names).map(|(id, name)| {
            let label = if name == id {
                id.clone()
            } else {
                format!("{name} ({id})")
            };
            (id, label)
        }))
        .collect()
}

fn parse_zone(s: &str) -> Result<TimeZoneName, String> {
    TimeZoneName::new(s).map_err(|e| e.to_string())
}
fn show_zone(z: &TimeZoneName) -> String {
    z.to_string()
}
fn parse_instant(s: &str) -> Result<Instant, String> {
    Instant::parse(s).map_err(|e| e.to_string())
}
fn show_instant(t: &Instant) -> String {
    t.to_string()
}
fn parse_clock(s: &str) -> Result<ClockTime, String> {
    ClockTime::parse(s).map_err(|e| e.to_string())
}
fn show_clock(t: &ClockTime) -> String {
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

/// A set of checkboxes: which of `choices` are in the list.
#[component]
fn CheckList(
    /// The legend.
    legend: &'static str,
    /// JSON Pointer of the list.
    pointer: String,
    /// `(value, label)` of each choice.
    #[prop(into)]
    choices: Signal<Vec<(String, String)>>,
    /// The values checked.
    #[prop(into)]
    checked: Signal<Vec<String>>,
    /// Checks (`true`) or unchecks a value.
    toggle: Callback<(String, bool)>,
    /// Shown when there is nothing to choose from.
    empty: &'static str,
) -> impl IntoView {
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

/// The form of person `i`.
#[component]
pub fn PersonForm(
    /// Index of the person.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let p = move |f: &str| ptr(Kind::Person, i, f);
    let response = move |l: &Ladder| l.people.get(i).map(|x| x.response.clone());
    let resp_field = move |label: &'static str, key: &'static str, field: ResponseField| {
        let pointer = p(&format!("response/{key}"));
        view! {
            <ParsedField
                label=label
                pointer=pointer.clone()
                value=get(doc, move |l| response(l).map(|r| r.map(|mut r| *field(&mut r))))
                parse=parse_duration
                show=show_duration
                optional=true
                placeholder="defaults"
                set=put(doc, pointer, move |l, v: Option<Duration>| {
                    on(&mut l.people, i, |x| set_response(&mut x.response, v, field))
                })
            />
        }
    };
    view! {
        <TextField
            label="Name"
            pointer=p("name")
            value=get(doc, move |l| l.people.get(i).map(|x| x.name.clone()))
            set=put(doc, p("name"), move |l, v: String| on(&mut l.people, i, |x| x.name = v))
        />
        <ParsedField
            label="Time zone"
            pointer=p("timezone")
            list=ZONES_LIST
            placeholder="Europe/London"
            value=get(doc, move |l| l.people.get(i).map(|x| Some(x.timezone.clone())))
            parse=parse_zone
            show=show_zone
            set=put(doc, p("timezone"), move |l, v: Option<TimeZoneName>| {
                if let Some(v) = v {
                    on(&mut l.people, i, |x| x.timezone = v)
                }
            })
            help="An IANA zone; start typing a city"
        />
        <CheckList
            legend="Roles"
            pointer=p("roles")
            choices=derive(doc, |l| choices(l, Kind::Role, None))
            checked=get(doc, move |l| l.people.get(i).map(|x| x.roles.iter().map(|r| r.to_string()).collect()))
            toggle=put(doc, p("roles"), move |l, (id, on_): (String, bool)| {
                on(&mut l.people, i, |x| {
                    x.roles.retain(|r| r.as_str() != id);
                    if on_ {
                        if let Ok(r) = rungs_core::RoleId::new(id) {
                            x.roles.push(r)
                        }
                    }
                })
            })
            empty="No roles yet; add them under Roles."
        />
        <SelectField
            label="Backup (covers when they are unavailable)"
            pointer=p("backup")
            options=derive(doc, |l| choices(l, Kind::Person, Some("No backup")))
            value=get(doc, move |l| l.people.get(i).map(|x| x.backup.as_ref().map(|b| b.to_string()).unwrap_or_default()))
            set=put(doc, p("backup"), move |l, v: String| on(&mut l.people, i, |x| x.backup = rungs_core::PersonId::new(v).ok()))
        />
        <h3>"Response model"</h3>
        <p class="field-help">"How fast they answer pages in simulations. Leave empty to use the ladder's default."</p>
        <div class="field-grid">
            {resp_field("Median time to acknowledge", "ack_median", |r| &mut r.ack_median)}
            {resp_field("90th percentile", "ack_p90", |r| &mut r.ack_p90)}
        </div>
        <NumberField
            label="Chance a page goes unanswered (0 to 1)"
            pointer=p("response/miss")
            kind=NumberKind::Probability
            optional=true
            value=get(doc, move |l| response(l).map(|r| r.map(|r| r.miss.get())))
            set=put(doc, p("response/miss"), move |l, v: Option<f64>| {
                on(&mut l.people, i, |x| {
                    if let Some(r) = &mut x.response {
                        r.miss = v.and_then(|v| rungs_core::Probability::new(v).ok()).unwrap_or_default();
                    }
                })
            })
        />
    }
}

/// The form of role `i`.
#[component]
pub fn RoleForm(
    /// Index of the role.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let p = move |f: &str| ptr(Kind::Role, i, f);
    view! {
        <TextField
            label="Name"
            pointer=p("name")
            value=get(doc, move |l| l.roles.get(i).map(|x| x.name.clone()))
            set=put(doc, p("name"), move |l, v: String| on(&mut l.roles, i, |x| x.name = v))
        />
        <TextField
            label="What the role does"
            pointer=p("description")
            multiline=true
            value=get(doc, move |l| l.roles.get(i).and_then(|x| x.description.clone()))
            set=put(doc, p("description"), move |l, v: String| on(&mut l.roles, i, |x| x.description = (!v.is_empty()).then_some(v)))
        />
        <p class="field-help">"Give the role to people in their own forms."</p>
    }
}

/// The form of rotation `i`.
#[component]
pub fn RotationForm(
    /// Index of the rotation.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let p = move |f: &str| ptr(Kind::Rotation, i, f);
    let members_ptr = p("members");
    let len = get(doc, move |l| l.rotations.get(i).map(|r| r.members.len()));
    let member_name = move |k: usize| {
        doc.ladder.with(|l| {
            let id = l.rotations.get(i)?.members.get(k)?.clone();
            Some(
                l.people
                    .iter()
                    .find(|x| x.id == id)
                    .map(|x| format!("{} ({id})", x.name))
                    .unwrap_or_else(|| format!("{id} (missing)")),
            )
        })
    };
    let row = Callback::new(move |k: usize| {
        view! { <span>{move || member_name(k).unwrap_or_default()}</span> }.into_any()
    });
    let move_to = put(
        doc,
        members_ptr.clone(),
        move |l, (from, to): (usize, usize)| {
            on(&mut l.rotations, i, |r| {
                edit::move_item(&mut r.members, from, to)
            })
        },
    );
    let remove = put(doc, members_ptr.clone(), move |l, k: usize| {
        on(&mut l.rotations, i, |r| {
            if k < r.members.len() {
                r.members.remove(k);
            }
        })
    });
    let add_member = put(doc, members_ptr.clone(), move |l, v: Option<Target>| {
        if let Some(Target::Person(id)) = v {
            on(&mut l.rotations, i, |r| r.members.push(id))
        }
    });
    let window = move |l: &Ladder| l.rotations.get(i).map(|r| r.window.clone());
    let set_window = move |l: &mut Ladder, f: &dyn Fn(&mut Window)| {
        on(&mut l.rotations, i, |r| {
            if let Some(w) = &mut r.window {
                f(w)
            }
        })
    };
    // The picker goes back to its prompt after each choice.
    let picker = RwSignal::new(String::new());
    let people_only = derive(doc, move |l| {
        choices(l, Kind::Person, Some("Add a member…"))
    });
    let days: Vec<(String, String)> = Weekday::ALL
        .iter()
        .map(|d| (d.as_str().to_string(), d.as_str().to_string()))
        .collect();
    view! {
        <TextField
            label="Name"
            pointer=p("name")
            value=get(doc, move |l| l.rotations.get(i).map(|x| x.name.clone()))
            set=put(doc, p("name"), move |l, v: String| on(&mut l.rotations, i, |x| x.name = v))
        />
        <h3>"Members, in turn order"</h3>
        <div data-pointer=members_ptr.clone()>
            <ReorderList len=len row=row move_to=move_to remove=remove noun="member" />
        </div>
        <SelectField
            label="Add a member"
            pointer=format!("{members_ptr}/-")
            options=people_only
            value=picker
            set=Callback::new(move |v: String| {
                picker.set(String::new());
                add_member.run(rungs_core::PersonId::new(v).ok().map(Target::Person))
            })
        />
        <div class="field-grid">
            <ParsedField
                label="Shift length"
                pointer=p("shift")
                value=get(doc, move |l| l.rotations.get(i).map(|x| Some(x.shift)))
                parse=parse_duration
                show=show_duration
                placeholder="7d"
                set=put(doc, p("shift"), move |l, v: Option<Duration>| {
                    if let Some(v) = v {
                        on(&mut l.rotations, i, |x| x.shift = v)
                    }
                })
            />
            <ParsedField
                label="Time zone"
                pointer=p("timezone")
                list=ZONES_LIST
                value=get(doc, move |l| l.rotations.get(i).map(|x| Some(x.timezone.clone())))
                parse=parse_zone
                show=show_zone
                set=put(doc, p("timezone"), move |l, v: Option<TimeZoneName>| {
                    if let Some(v) = v {
                        on(&mut l.rotations, i, |x| x.timezone = v)
                    }
                })
            />
        </div>
        <ParsedField
            label="First shift starts (RFC 3339)"
            pointer=p("start")
            value=get(doc, move |l| l.rotations.get(i).map(|x| Some(x.start)))
            parse=parse_instant
            show=show_instant
            placeholder="2026-01-05T09:00:00Z"
            set=put(doc, p("start"), move |l, v: Option<Instant>| {
                if let Some(v) = v {
                    on(&mut l.rotations, i, |x| x.start = v)
                }
            })
        />
        <div class="field" data-pointer=p("window")>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || doc.ladder.with(|l| window(l).flatten().is_some())
                    on:change=move |ev| {
                        let on_ = event_target_checked(&ev);
                        doc.edit(&p("window"), |l| {
                            on(&mut l.rotations, i, |r| {
                                r.window = on_.then(|| Window {
                                    days: Weekday::ALL[..5].to_vec(),
                                    from: ClockTime::new(9, 0).expect("valid"),
                                    to: ClockTime::new(17, 0).expect("valid"),
                                })
                            })
                        })
                    }
                />
                "Covers only some hours (a window)"
            </label>
        </div>
        <Show when=move || doc.ladder.with(|l| window(l).flatten().is_some())>
            <CheckList
                legend="Days"
                pointer=p("window/days")
                choices=days.clone()
                checked=get(doc, move |l| window(l).flatten().map(|w| w.days.iter().map(|d| d.as_str().to_string()).collect()))
                toggle=put(doc, p("window/days"), move |l, (day, on_): (String, bool)| {
                    set_window(l, &|w| {
                        w.days.retain(|d| d.as_str() != day);
                        if on_ {
                            if let Some(d) = Weekday::ALL.iter().find(|d| d.as_str() == day) {
                                w.days.push(*d);
                                w.days.sort();
                            }
                        }
                    })
                })
                empty=""
            />
            <div class="field-grid">
                <ParsedField
                    label="From (local HH:MM)"
                    pointer=p("window/from")
                    value=get(doc, move |l| window(l).flatten().map(|w| Some(w.from)))
                    parse=parse_clock
                    show=show_clock
                    placeholder="09:00"
                    set=put(doc, p("window/from"), move |l, v: Option<ClockTime>| {
                        if let Some(v) = v {
                            set_window(l, &|w| w.from = v)
                        }
                    })
                />
                <ParsedField
                    label="To (earlier wraps past midnight)"
                    pointer=p("window/to")
                    value=get(doc, move |l| window(l).flatten().map(|w| Some(w.to)))
                    parse=parse_clock
                    show=show_clock
                    placeholder="17:00"
                    set=put(doc, p("window/to"), move |l, v: Option<ClockTime>| {
                        if let Some(v) = v {
                            set_window(l, &|w| w.to = v)
                        }
                    })
                />
            </div>
        </Show>
    }
}

/// The form of trigger `i`.
#[component]
pub fn TriggerForm(
    /// Index of the trigger.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let p = move |f: &str| ptr(Kind::Trigger, i, f);
    let ops = options(&[(">", ">"), (">=", "≥"), ("<", "<"), ("<=", "≤")]);
    view! {
        <SelectField
            label="Service watched"
            pointer=p("service")
            options=derive(doc, |l| choices(l, Kind::Service, None))
            value=get(doc, move |l| l.triggers.get(i).map(|x| x.service.to_string()))
            set=put(doc, p("service"), move |l, v: String| {
                if let Ok(s) = rungs_core::ServiceId::new(v) {
                    on(&mut l.triggers, i, |x| x.service = s)
                }
            })
        />
        <TextField
            label="Metric"
            pointer=p("metric")
            help="e.g. error_rate, latency_p99_ms, revenue_at_risk"
            value=get(doc, move |l| l.triggers.get(i).map(|x| x.metric.clone()))
            set=put(doc, p("metric"), move |l, v: String| on(&mut l.triggers, i, |x| x.metric = v))
        />
        <div class="field-grid">
            <SelectField
                label="Comparison"
                pointer=p("op")
                options=ops
                value=get(doc, move |l| l.triggers.get(i).map(|x| x.op.as_str().to_string()))
                set=put(doc, p("op"), move |l, v: String| {
                    let op = match v.as_str() {
                        ">=" => Op::Ge,
                        "<" => Op::Lt,
                        "<=" => Op::Le,
                        _ => Op::Gt,
                    };
                    on(&mut l.triggers, i, |x| x.op = op)
                })
            />
            <NumberField
                label="Threshold"
                pointer=p("threshold")
                value=get(doc, move |l| l.triggers.get(i).map(|x| Some(x.threshold)))
                set=put(doc, p("threshold"), move |l, v: Option<f64>| {
                    if let Some(v) = v {
                        on(&mut l.triggers, i, |x| x.threshold = v)
                    }
                })
            />
            <ParsedField
                label="Holds for"
                pointer=p("for")
                value=get(doc, move |l| l.triggers.get(i).map(|x| Some(x.for_)))
                parse=parse_duration
                show=show_duration
                optional=true
                placeholder="0m"
                set=put(doc, p("for"), move |l, v: Option<Duration>| on(&mut l.triggers, i, |x| x.for_ = v.unwrap_or_default()))
            />
            <ParsedField
                label="Clears after"
                pointer=p("clear_for")
                value=get(doc, move |l| l.triggers.get(i).map(|x| Some(x.clear_for)))
                parse=parse_duration
                show=show_duration
                optional=true
                placeholder="0m"
                set=put(doc, p("clear_for"), move |l, v: Option<Duration>| on(&mut l.triggers, i, |x| x.clear_for = v.unwrap_or_default()))
            />
        </div>
        <SelectField
            label="Opens or promotes to tier"
            pointer=p("tier")
            options=derive(doc, |l| choices(l, Kind::Tier, None))
            value=get(doc, move |l| l.triggers.get(i).map(|x| x.tier.to_string()))
            set=put(doc, p("tier"), move |l, v: String| {
                if let Ok(t) = rungs_core::TierId::new(v) {
                    on(&mut l.triggers, i, |x| x.tier = t)
                }
            })
        />
    }
}

/// The form of service `i`.
#[component]
pub fn ServiceForm(
    /// Index of the service.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let p = move |f: &str| ptr(Kind::Service, i, f);
    let crit = options(&[
        ("critical", "Critical"),
        ("high", "High"),
        ("medium", "Medium"),
        ("low", "Low"),
    ]);
    view! {
        <TextField
            label="Name"
            pointer=p("name")
            value=get(doc, move |l| l.services.get(i).map(|x| x.name.clone()))
            set=put(doc, p("name"), move |l, v: String| on(&mut l.services, i, |x| x.name = v))
        />
        <div class="field-grid">
            <TextField
                label="Owning team"
                pointer=p("team")
                value=get(doc, move |l| l.services.get(i).and_then(|x| x.team.clone()))
                set=put(doc, p("team"), move |l, v: String| on(&mut l.services, i, |x| x.team = (!v.is_empty()).then_some(v)))
            />
            <SelectField
                label="Criticality"
                pointer=p("criticality")
                options=crit
                value=get(doc, move |l| {
                    l.services.get(i).map(|x| {
                        match x.criticality {
                            Criticality::Critical => "critical",
                            Criticality::High => "high",
                            Criticality::Medium => "medium",
                            Criticality::Low => "low",
                        }
                            .to_string()
                    })
                })
                set=put(doc, p("criticality"), move |l, v: String| {
                    let c = match v.as_str() {
                        "critical" => Criticality::Critical,
                        "high" => Criticality::High,
                        "low" => Criticality::Low,
                        _ => Criticality::Medium,
                    };
                    on(&mut l.services, i, |x| x.criticality = c)
                })
            />
            <NumberField
                label="Revenue per hour"
                pointer=p("revenue_per_hour")
                optional=true
                value=get(doc, move |l| l.services.get(i).map(|x| x.revenue_per_hour))
                set=put(doc, p("revenue_per_hour"), move |l, v: Option<f64>| on(&mut l.services, i, |x| x.revenue_per_hour = v))
            />
        </div>
        <CheckList
            legend="Depends on"
            pointer=p("depends_on")
            choices=derive(doc, move |l| {
                let own = l.services.get(i).map(|s| s.id.to_string());
                choices(l, Kind::Service, None).into_iter().filter(|(v, _)| Some(v) != own.as_ref()).collect::<Vec<_>>()
            })
            checked=get(doc, move |l| l.services.get(i).map(|x| x.depends_on.iter().map(|d| d.to_string()).collect()))
            toggle=put(doc, p("depends_on"), move |l, (id, on_): (String, bool)| {
                on(&mut l.services, i, |x| {
                    x.depends_on.retain(|d| d.as_str() != id);
                    if on_ {
                        if let Ok(d) = rungs_core::ServiceId::new(id) {
                            x.depends_on.push(d)
                        }
                    }
                })
            })
            empty="No other services."
        />
        <TextField
            label="Customer segments (comma separated)"
            pointer=p("customer_segments")
            value=get(doc, move |l| l.services.get(i).map(|x| x.customer_segments.join(", ")))
            set=put(doc, p("customer_segments"), move |l, v: String| {
                on(&mut l.services, i, |x| {
                    x.customer_segments = v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
                })
            })
        />
    }
}

const STAGES: [(Stage, &str); 5] = [
    (Stage::Containment, "containment"),
    (Stage::Diagnosis, "diagnosis"),
    (Stage::Recovery, "recovery"),
    (Stage::Communication, "communication"),
    (Stage::Postmortem, "postmortem"),
];

/// The form of playbook `i`.
#[component]
pub fn PlaybookForm(
    /// Index of the playbook.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let p = move |f: &str| ptr(Kind::Playbook, i, f);
    let steps_ptr = p("steps");
    let len = get(doc, move |l| l.playbooks.get(i).map(|x| x.steps.len()));
    let sp = steps_ptr.clone();
    let row = Callback::new(move |k: usize| {
        let base = format!("{sp}/{k}");
        let step = move |l: &Ladder| l.playbooks.get(i).and_then(|x| x.steps.get(k).cloned());
        let on_step = move |l: &mut Ladder, f: &dyn Fn(&mut PlaybookStep)| {
            on(&mut l.playbooks, i, |x| on(&mut x.steps, k, f))
        };
        let stages: Vec<(String, String)> = STAGES
            .iter()
            .map(|(_, s)| (s.to_string(), s.to_string()))
            .collect();
        view! {
            <div class="field-grid">
                <SelectField
                    label="Stage"
                    pointer=format!("{base}/stage")
                    options=stages
                    value=get(doc, move |l| step(l).map(|s| STAGES.iter().find(|(st, _)| *st == s.stage).map(|(_, n)| n.to_string()).unwrap_or_default()))
                    set=put(doc, format!("{base}/stage"), move |l, v: String| {
                        if let Some((st, _)) = STAGES.iter().find(|(_, n)| *n == v) {
                            on_step(l, &|s| s.stage = *st)
                        }
                    })
                />
                <TargetSelect
                    label="Owner"
                    pointer=format!("{base}/owner")
                    none="Anyone"
                    value=get(doc, move |l| step(l).map(|s| s.owner))
                    set=put(doc, format!("{base}/owner"), move |l, v: Option<Target>| on_step(l, &|s| s.owner = v.clone()))
                />
            </div>
            <TextField
                label="What to do"
                pointer=format!("{base}/text")
                multiline=true
                value=get(doc, move |l| step(l).map(|s| s.text))
                set=put(doc, format!("{base}/text"), move |l, v: String| on_step(l, &|s| s.text = v.clone()))
            />
        }
        .into_any()
    });
    let move_to = put(
        doc,
        steps_ptr.clone(),
        move |l, (from, to): (usize, usize)| {
            on(&mut l.playbooks, i, |x| {
                edit::move_item(&mut x.steps, from, to)
            })
        },
    );
    let remove = put(doc, steps_ptr.clone(), move |l, k: usize| {
        on(&mut l.playbooks, i, |x| {
            if k < x.steps.len() {
                x.steps.remove(k);
            }
        })
    });
    let add = put(doc, steps_ptr.clone(), move |l, (): ()| {
        on(&mut l.playbooks, i, |x| {
            x.steps.push(PlaybookStep {
                stage: Stage::Diagnosis,
                text: "Describe the step".into(),
                owner: None,
            })
        })
    });
    view! {
        <TextField
            label="Name"
            pointer=p("name")
            value=get(doc, move |l| l.playbooks.get(i).map(|x| x.name.clone()))
            set=put(doc, p("name"), move |l, v: String| on(&mut l.playbooks, i, |x| x.name = v))
        />
        <h3>"Steps"</h3>
        <div data-pointer=steps_ptr>
            <ReorderList len=len row=row move_to=move_to remove=remove noun="playbook step" />
            <button class="button" on:click=move |_| add.run(())>"Add a step"</button>
        </div>
        <TextField
            label="Artifacts: links, dashboards, documents (one per line)"
            pointer=p("artifacts")
            multiline=true
            value=get(doc, move |l| l.playbooks.get(i).map(|x| x.artifacts.join("\n")))
            set=put(doc, p("artifacts"), move |l, v: String| {
                on(&mut l.playbooks, i, |x| {
                    x.artifacts = v.lines().map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
                })
            })
        />
    }
}

/// The form of template `i`, with placeholder hints and a live preview.
#[component]
pub fn TemplateForm(
    /// Index of the template.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let p = move |f: &str| ptr(Kind::Template, i, f);
    let audiences = options(&[
        ("internal", "Internal"),
        ("external", "External (customers)"),
        ("executive", "Executive"),
    ]);
    let body = get(doc, move |l| l.templates.get(i).map(|x| x.body.clone()));
    let set_body = put(doc, p("body"), move |l, v: String| {
        on(&mut l.templates, i, |x| x.body = v)
    });
    let preview = move || doc.ladder.with(|l| edit::preview_template(l, &body.get()));
    let insert = move |name: &'static str| {
        let text = format!("{}{{{{{name}}}}}", body.get_untracked());
        set_body.run(text);
    };
    view! {
        <TextField
            label="Name"
            pointer=p("name")
            value=get(doc, move |l| l.templates.get(i).map(|x| x.name.clone()))
            set=put(doc, p("name"), move |l, v: String| on(&mut l.templates, i, |x| x.name = v))
        />
        <div class="field-grid">
            <SelectField
                label="Audience"
                pointer=p("audience")
                options=audiences
                value=get(doc, move |l| {
                    l.templates.get(i).map(|x| {
                        match x.audience {
                            Audience::Internal => "internal",
                            Audience::External => "external",
                            Audience::Executive => "executive",
                        }
                            .to_string()
                    })
                })
                set=put(doc, p("audience"), move |l, v: String| {
                    let a = match v.as_str() {
                        "external" => Audience::External,
                        "executive" => Audience::Executive,
                        _ => Audience::Internal,
                    };
                    on(&mut l.templates, i, |x| x.audience = a)
                })
            />
            <TextField
                label="Channel"
                pointer=p("channel")
                help="e.g. slack, status-page, email"
                value=get(doc, move |l| l.templates.get(i).map(|x| x.channel.clone()))
                set=put(doc, p("channel"), move |l, v: String| on(&mut l.templates, i, |x| x.channel = v))
            />
        </div>
        <TextField label="Message" pointer=p("body") multiline=true value=body set=set_body />
        <p class="placeholders">
            <span class="muted small">"Insert: "</span>
            {rungs_core::TEMPLATE_PLACEHOLDERS
                .iter()
                .map(|name| {
                    view! {
                        <button class="button small" title=format!("Insert {{{{{name}}}}}") on:click=move |_| insert(name)>
                            {format!("{{{{{name}}}}}")}
                        </button>
                    }
                })
                .collect_view()}
        </p>
        <h3>"Preview with sample values"</h3>
        <pre class="preview" data-testid=crate::testid::TEMPLATE_PREVIEW>{preview}</pre>
    }
}
