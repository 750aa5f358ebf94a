//! Form fields of the designer. Each field carries the JSON Pointer of the value it edits
//! (`data-pointer`), so validation findings are marked on it and "go to field" finds it;
//! typed values that do not read (a duration like `1x`) are refused on the spot with the
//! reason, and never reach the ladder.

use std::sync::Arc;

use leptos::prelude::*;
use rungs_core::{Report, Target};
use wasm_bindgen::{JsCast, JsValue};

use crate::platform::timer::Debounce;
use crate::state::doc::use_doc;
use crate::state::lens::Field;
use crate::testid;

/// What validation found, in context for the fields' inline marks.
#[derive(Clone, Copy)]
pub struct Findings(pub Memo<Report>);

/// Keeps the text control `node` showing `value`: writes it when it changes, unless the
/// control shows it already, as it does once the user has typed it. (`prop:value` writes
/// back every keystroke, and writing a focused control's value places its caret, for
/// which the browser lays out the whole page at once: about 100 ms a keystroke on the
/// 500-person ladder.) The first value is written as the control is built.
fn show_value<E>(node: NodeRef<E>, value: impl Fn() -> String + 'static)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    Effect::new(move |_| {
        let v = value();
        let Some(el) = node.get() else { return };
        let el: &JsValue = el.unchecked_ref();
        let key = JsValue::from_str("value");
        let shown = js_sys::Reflect::get(el, &key)
            .ok()
            .and_then(|s| s.as_string());
        if shown.as_deref() != Some(v.as_str()) {
            let _ = js_sys::Reflect::set(el, &key, &v.into());
        }
    });
}

/// The element id of the field editing `pointer`.
pub fn field_id(pointer: &str) -> String {
    format!("f{}", pointer.replace('/', "-"))
}

/// The first finding at exactly `pointer`, as `(is error, sentence)`: its message and,
/// when it has one, what to do about it.
fn finding_at(pointer: &str) -> Option<(bool, String)> {
    let Findings(report) = use_context::<Findings>()?;
    report.with(|r| {
        r.diagnostics
            .iter()
            .find(|d| d.pointer == pointer)
            .map(|d| {
                let text = match &d.hint {
                    Some(h) => {
                        let mut hint = h.clone();
                        if let Some(first) = hint.get(..1) {
                            hint = first.to_uppercase() + &hint[1..];
                        }
                        format!("{}. {hint}", d.message.trim_end_matches('.'))
                    }
                    None => d.message.clone(),
                };
                (d.severity == rungs_core::Severity::Error, text)
            })
    })
}

/// A labelled field: the control, the refusal of what was typed, and the finding of
/// validation about this value.
#[component]
fn FieldShell(
    /// The label text.
    label: String,
    /// JSON Pointer of the value.
    pointer: String,
    /// Why the typed text was refused, if it was.
    #[prop(into, optional)]
    refusal: Signal<Option<String>>,
    /// A short help text under the control.
    #[prop(optional)]
    help: Option<&'static str>,
    /// The control.
    children: Children,
) -> impl IntoView {
    let id = field_id(&pointer);
    let at = pointer.clone();
    let finding = Memo::new(move |_| finding_at(&at));
    view! {
        <div
            class="field"
            data-pointer=pointer
            class:invalid=move || refusal.with(Option::is_some) || finding.with(|f| matches!(f, Some((true, _))))
            class:warned=move || finding.with(|f| matches!(f, Some((false, _))))
        >
            <label for=id>{label}</label>
            {children()}
            {help.map(|h| view! { <p class="field-help">{h}</p> })}
            {move || {
                refusal
                    .get()
                    .map(|r| {
                        view! {
                            <p class="field-msg error" role="alert" data-testid=testid::FIELD_ERROR>
                                {r}
                            </p>
                        }
                    })
            }}
            {move || {
                finding
                    .get()
                    .map(|(error, m)| {
                        view! {
                            <p class=if error { "field-msg error" } else { "field-msg warning" } data-testid=testid::FIELD_FINDING>{m}</p>
                        }
                    })
            }}
        </div>
    }
}

/// Free text; every keystroke is an edit (typing runs coalesce into one undo step).
#[component]
pub fn TextField(
    /// The label.
    #[prop(into)]
    label: String,
    /// The value edited.
    field: Field<String>,
    /// A multi-line text area instead of one line.
    #[prop(optional)]
    multiline: bool,
    /// A short help text.
    #[prop(optional)]
    help: Option<&'static str>,
) -> impl IntoView {
    let Field {
        pointer,
        value,
        set,
    } = field;
    let id = field_id(&pointer);
    let first = value.get_untracked();
    let control = if multiline {
        let node = NodeRef::new();
        show_value(node, move || value.get());
        view! {
            <textarea id=id rows="3" node_ref=node prop:value=first on:input=move |ev| set.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        let node = NodeRef::new();
        show_value(node, move || value.get());
        view! {
            <input id=id type="text" node_ref=node prop:value=first on:input=move |ev| set.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! { <FieldShell label=label pointer=pointer help=help.unwrap_or_default()>{control}</FieldShell> }
}

/// How long a [`ParsedField`] waits after the last keystroke before it says the text
/// does not read, milliseconds.
const REFUSAL_PAUSE_MS: u32 = 700;

/// How a [`ParsedField`] reads typed text: a function, or a closure over what the reading
/// depends on (the time zone of a date-time picker).
pub struct Parse<T>(Arc<ParseFn<T>>);

/// The function behind a [`Parse`].
type ParseFn<T> = dyn Fn(&str) -> Result<T, String> + Send + Sync;

impl<T, F: Fn(&str) -> Result<T, String> + Send + Sync + 'static> From<F> for Parse<T> {
    fn from(f: F) -> Self {
        Parse(Arc::new(f))
    }
}

/// How a [`ParsedField`] writes a value as text (see [`Parse`]).
pub struct Show<T>(Arc<dyn Fn(&T) -> String + Send + Sync>);

impl<T, F: Fn(&T) -> String + Send + Sync + 'static> From<F> for Show<T> {
    fn from(f: F) -> Self {
        Show(Arc::new(f))
    }
}

/// A value typed as text and read by `parse` (durations, instants, zones, times, ids):
/// what reads is stored at once; what does not is refused with the reason. When the value
/// changes elsewhere (undo, the JSON editor), the text follows it.
#[component]
pub fn ParsedField<T>(
    /// The label.
    #[prop(into)]
    label: String,
    /// The value edited (`None`: not set, or an emptied optional field).
    field: Field<Option<T>>,
    /// Reads typed text.
    #[prop(into)]
    parse: Parse<T>,
    /// Writes a value as text.
    #[prop(into)]
    show: Show<T>,
    /// Whether the field may be left empty.
    #[prop(optional)]
    optional: bool,
    /// Placeholder text, e.g. `1h30m`.
    #[prop(optional)]
    placeholder: &'static str,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
    /// Store only when the field is left (for renames), not on every keystroke.
    #[prop(optional)]
    on_leave: bool,
    /// Short help text.
    #[prop(optional)]
    help: Option<&'static str>,
    /// The input's type (`text` by default; `datetime-local` for a date-time picker).
    #[prop(optional)]
    input_type: Option<&'static str>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let Field {
        pointer,
        value,
        set,
    } = field;
    let (parse, show) = (parse.0, show.0);
    let draft = RwSignal::new(
        value
            .get_untracked()
            .as_ref()
            .map(|v| show(v))
            .unwrap_or_default(),
    );
    let refusal = RwSignal::new(None::<String>);
    // Follow outside changes unless the draft already means the same value.
    let follow_parse = parse.clone();
    Effect::new(move |_| {
        let parse = &follow_parse;
        let v = value.get();
        let same = draft.with_untracked(|d| {
            let d = d.trim();
            match &v {
                None => d.is_empty(),
                Some(v) => parse(d).ok().as_ref() == Some(v),
            }
        });
        if !same {
            draft.set(v.as_ref().map(|v| show(v)).unwrap_or_default());
            refusal.set(None);
        }
    });
    // A refusal waits for a pause in the typing (or for the field to be left), so a
    // value is not marked wrong halfway through a word ("Europe/Lon").
    let pause = Debounce::new();
    let refuse = move |why: String, now: bool| {
        if now {
            pause.cancel();
            refusal.set(Some(why));
        } else {
            pause.restart(REFUSAL_PAUSE_MS, move || refusal.set(Some(why)));
        }
    };
    // `leaving`: the field is being left, so a refusal shows at once; what reads was
    // stored as it was typed, unless the field stores only when left (`on_leave`).
    let store = move |text: String, leaving: bool| {
        let write = !leaving || on_leave;
        let t = text.trim();
        if t.is_empty() {
            if optional {
                pause.cancel();
                refusal.set(None);
                if write {
                    set.run(None);
                }
            } else {
                refuse("this field is required".into(), leaving);
            }
            return;
        }
        match parse(t) {
            Ok(v) => {
                pause.cancel();
                refusal.set(None);
                if write {
                    set.run(Some(v));
                }
            }
            Err(e) => refuse(e, leaving),
        }
    };
    let store_on_leave = store.clone();
    let id = field_id(&pointer);
    let node = NodeRef::new();
    show_value(node, move || draft.get());
    view! {
        <FieldShell label=label pointer=pointer refusal=refusal help=help.unwrap_or_default()>
            <input
                id=id
                node_ref=node
                type=input_type.unwrap_or("text")
                placeholder=placeholder
                list=list
                autocomplete="off"
                spellcheck="false"
                aria-invalid=move || refusal.with(Option::is_some).to_string()
                prop:value=draft.get_untracked()
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    draft.set(text.clone());
                    if !on_leave {
                        store(text, false);
                    }
                }
                on:change=move |ev| {
                    // leaving the field says at once what is wrong (and stores a
                    // rename, which waits for it)
                    store_on_leave(event_target_value(&ev), true);
                }
            />
        </FieldShell>
    }
}

/// Reads a duration such as `1h30m`.
pub fn parse_duration(s: &str) -> Result<rungs_core::Duration, String> {
    s.parse::<rungs_core::Duration>().map_err(|e| e.to_string())
}

/// Writes a duration the way it is typed.
pub fn show_duration(d: &rungs_core::Duration) -> String {
    d.to_string()
}

/// Parses a rotation's shift, which is typed as a duration.
pub fn parse_shift(s: &str) -> Result<rungs_core::Shift, String> {
    s.parse::<rungs_core::Shift>().map_err(|e| e.to_string())
}

/// Writes a rotation's shift the way it is typed.
pub fn show_shift(d: &rungs_core::Shift) -> String {
    d.to_string()
}

/// A choice from a list. `options` are `(value, label)`; the empty value means "none".
#[component]
pub fn SelectField(
    /// The label.
    #[prop(into)]
    label: String,
    /// The value edited.
    field: Field<String>,
    /// The choices.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let Field {
        pointer,
        value,
        set,
    } = field;
    let id = field_id(&pointer);
    view! {
        <FieldShell label=label pointer=pointer>
            <select id=id prop:value=move || value.get() on:change=move |ev| set.run(event_target_value(&ev))>
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </FieldShell>
    }
}

/// Which numbers a number field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumberKind {
    /// Any finite number.
    #[default]
    Any,
    /// A whole number, 0 or more.
    Count,
    /// A number from 0 to 1.
    Probability,
}

fn parse_any(s: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| {
            format!(
                "`{}` is not a number",
                rungs_core::text::truncate_for_display(s, 40)
            )
        })
}

fn parse_count(s: &str) -> Result<f64, String> {
    let v = parse_any(s)?;
    if v < 0.0 || v.fract() != 0.0 || v > f64::from(u32::MAX) {
        return Err(format!("{v} is not a whole number of 0 or more"));
    }
    Ok(v)
}

fn parse_probability(s: &str) -> Result<f64, String> {
    let v = parse_any(s)?;
    if !(0.0..=1.0).contains(&v) {
        return Err(format!(
            "{v} is not a probability: expected a number from 0 to 1"
        ));
    }
    Ok(v)
}

fn show_number(v: &f64) -> String {
    v.to_string()
}

/// A number; text that is not a number (of the kind asked for) is refused.
#[component]
pub fn NumberField(
    /// The label.
    #[prop(into)]
    label: String,
    /// The value edited (`None`: not set).
    field: Field<Option<f64>>,
    /// Whether it may be left empty.
    #[prop(optional)]
    optional: bool,
    /// Which numbers it takes.
    #[prop(optional)]
    kind: NumberKind,
) -> impl IntoView {
    let parse: fn(&str) -> Result<f64, String> = match kind {
        NumberKind::Any => parse_any,
        NumberKind::Count => parse_count,
        NumberKind::Probability => parse_probability,
    };
    view! {
    <ParsedField label=label field=field parse=parse show=show_number optional=optional />
        }
}

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
