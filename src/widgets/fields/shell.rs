//! What every field of the designer shares: the labelled shell with its refusal and its
//! finding, the field's element id, and the text control that follows a value.

use leptos::prelude::*;
use rungs_core::Report;
use wasm_bindgen::{JsCast, JsValue};

use crate::testid;

/// What validation found, in context for the fields' inline marks.
#[derive(Clone, Copy)]
pub struct Findings(pub Memo<Report>);

/// Keeps the text control `node` showing `value`: writes it when it changes, unless the
/// control shows it already, as it does once the user has typed it. (`prop:value` writes
/// back every keystroke, and writing a focused control's value places its caret, for
/// which the browser lays out the whole page at once: about 100 ms a keystroke on the
/// 500-person ladder.) The first value is written as the control is built.
pub(super) fn show_value<E>(node: NodeRef<E>, value: impl Fn() -> String + 'static)
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
pub(super) fn FieldShell(
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
