//! Form fields of the designer. Each field carries the JSON Pointer of the value it edits
//! (`data-pointer`), so validation findings are marked on it and "go to field" finds it;
//! typed values that do not read (a duration like `1x`) are refused on the spot with the
//! reason, and never reach the ladder.

mod shell;
mod targets;

use std::sync::Arc;

use leptos::prelude::*;

use crate::platform::timer::Debounce;
use crate::state::lens::Field;
use shell::{show_value, FieldShell};

pub use shell::{field_id, Findings};
pub use targets::{
    parse_target, target_name, target_value, TargetChoices, TargetGroups, TargetSelect,
    PICKER_PEOPLE,
};

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
