//! Lenses from the document to the forms' fields: a value of the ladder as a signal,
//! and a setter that edits it as one undoable step.

use leptos::prelude::*;
use rungs_core::edit::Kind;
use rungs_core::Ladder;

use crate::state::doc::Doc;

/// The JSON Pointer of a field of entry `i` of `kind` (`field` may be empty).
pub fn ptr(kind: Kind, i: usize, field: &str) -> String {
    if field.is_empty() {
        format!("/{}/{i}", kind.collection())
    } else {
        format!("/{}/{i}/{field}", kind.collection())
    }
}

/// A value of the ladder as a signal (the default when the entry is gone). Memoized: a
/// field re-renders only when its own value changes, not on every edit of the ladder.
pub fn get<T>(doc: Doc, f: impl Fn(&Ladder) -> Option<T> + Send + Sync + 'static) -> Signal<T>
where
    T: Default + Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| doc.ladder.with(|l| f(l).unwrap_or_default())).into()
}

/// Something computed from the ladder, memoized like [`get`].
pub fn derive<T>(doc: Doc, f: impl Fn(&Ladder) -> T + Send + Sync + 'static) -> Signal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| doc.ladder.with(|l| f(l))).into()
}

/// A setter that edits the ladder at `pointer` (one undo step per run of typing).
pub fn put<T: 'static>(
    doc: Doc,
    pointer: String,
    f: impl Fn(&mut Ladder, T) + Send + Sync + 'static,
) -> Callback<T> {
    Callback::new(move |v: T| doc.edit(&pointer, |l| f(l, v)))
}

/// Runs `f` on entry `i` of `v`, if it exists.
pub fn on<E>(v: &mut [E], i: usize, f: impl FnOnce(&mut E)) {
    if let Some(e) = v.get_mut(i) {
        f(e);
    }
}

/// Which duration of a response model a field edits.
pub type ResponseField = fn(&mut rungs_core::ResponseModel) -> &mut rungs_core::Duration;

/// Sets one duration of a response model (person's or default): the first one set makes
/// the model, with both durations equal to it; emptying one removes the model.
pub fn set_response(
    slot: &mut Option<rungs_core::ResponseModel>,
    v: Option<rungs_core::Duration>,
    field: ResponseField,
) {
    match v {
        None => *slot = None,
        Some(d) => {
            let r = slot.get_or_insert(rungs_core::ResponseModel {
                ack_median: d,
                ack_p90: d,
                miss: Default::default(),
            });
            *field(r) = d;
        }
    }
}
