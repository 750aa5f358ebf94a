//! Lenses from the document to the forms' fields. A [`Field`] is one value of the ladder
//! as the forms need it: its JSON Pointer, its value as a signal and a setter that edits
//! it as one undoable step. A [`Lens`] is a place in the ladder (the ladder itself, an
//! entry of a collection, a part of one) that makes the fields below it, so each field
//! names its pointer and its accessor once.

use std::sync::Arc;

use leptos::prelude::*;
use rungs_core::edit::Kind;
use rungs_core::{Collection, Ladder};

use crate::state::doc::Doc;

/// The JSON Pointer of a field of entry `i` of `kind` (`field` may be empty).
pub fn ptr(kind: Kind, i: usize, field: &str) -> String {
    join(&kind.pointer(i), field)
}

/// `base` and a relative `path` below it (`path` may be empty: `base` itself).
fn join(base: &str, path: &str) -> String {
    if path.is_empty() {
        base.to_string()
    } else {
        format!("{base}/{path}")
    }
}

/// Something computed from the ladder, as a signal. Memoized: what reads it re-renders
/// only when its own value changes, not on every edit of the ladder.
pub fn derive<T>(doc: Doc, f: impl Fn(&Ladder) -> T + Send + Sync + 'static) -> Signal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| doc.ladder.with(|l| f(l))).into()
}

/// One field of a form: the JSON Pointer of the value (for `data-pointer`, the element id
/// and validation's findings), the value shown and how to store a new one. The setter
/// takes a `T` like the value, except a checklist's, which takes one `(value, checked)`.
pub struct Field<T: Send + Sync + 'static, U: 'static = T> {
    /// JSON Pointer of the value.
    pub pointer: String,
    /// The current value.
    pub value: Signal<T>,
    /// Stores a new value.
    pub set: Callback<U>,
}

impl<T, U> Field<T, U>
where
    T: Default + Clone + PartialEq + Send + Sync + 'static,
    U: 'static,
{
    /// The field of the ladder at `pointer`: `get` reads it (`None`, the entry is gone:
    /// the default shows) and `set` stores a new one, an edit at `pointer` (one undo step
    /// per run of typing).
    pub fn new(
        doc: Doc,
        pointer: String,
        get: impl Fn(&Ladder) -> Option<T> + Send + Sync + 'static,
        set: impl Fn(&mut Ladder, U) + Send + Sync + 'static,
    ) -> Self {
        let at = pointer.clone();
        Field {
            pointer,
            value: derive(doc, move |l| get(l).unwrap_or_default()),
            set: Callback::new(move |v: U| doc.edit(&at, |l| set(l, v))),
        }
    }
}

/// A picker whose choice is added somewhere, not kept: `add` receives each choice and the
/// picker goes back to its prompt (the default value). `pointer` is where additions go
/// (`.../-`).
pub fn adding_picker<T>(pointer: String, add: impl Fn(T) + Send + Sync + 'static) -> Field<T>
where
    T: Default + Clone + PartialEq + Send + Sync + 'static,
{
    let picker = RwSignal::new(T::default());
    Field {
        pointer,
        value: picker.into(),
        set: Callback::new(move |v: T| {
            picker.set(T::default());
            add(v)
        }),
    }
}

type Read<S> = Arc<dyn Fn(&Ladder) -> Option<&S> + Send + Sync>;
type Write<S> = Arc<dyn Fn(&mut Ladder) -> Option<&mut S> + Send + Sync>;

/// Gives `f` the signature of a reader (a closure alone cannot tie its result's lifetime
/// to its argument's).
fn reader<A, B, F: Fn(&A) -> Option<&B>>(f: F) -> F {
    f
}
/// Gives `f` the signature of a writer, like [`reader`].
fn writer<A, B, F: Fn(&mut A) -> Option<&mut B>>(f: F) -> F {
    f
}

/// A place in the ladder holding an `S`, with its JSON Pointer: the ladder itself
/// ([`Lens::ladder`]), an entry ([`Lens::entry`]) or a part of either ([`Lens::at`]).
/// It makes the [`Field`]s of what it holds, e.g.
/// `Lens::<Person>::entry(doc, i).field("name", |x| x.name.clone(), |x, v| x.name = v)`.
pub struct Lens<S: 'static> {
    doc: Doc,
    pointer: String,
    read: Read<S>,
    write: Write<S>,
}

impl<S> Clone for Lens<S> {
    fn clone(&self) -> Self {
        Lens {
            doc: self.doc,
            pointer: self.pointer.clone(),
            read: self.read.clone(),
            write: self.write.clone(),
        }
    }
}

impl Lens<Ladder> {
    /// The ladder itself (pointer `""`).
    pub fn ladder(doc: Doc) -> Self {
        Lens {
            doc,
            pointer: String::new(),
            read: Arc::new(reader(|l| Some(l))),
            write: Arc::new(writer(|l| Some(l))),
        }
    }
}

impl<E: Collection + Send + Sync> Lens<E> {
    /// Entry `i` of the collection of `E`.
    pub fn entry(doc: Doc, i: usize) -> Self {
        Lens::ladder(doc).at(
            &format!("{}/{i}", E::KIND.collection()),
            move |l| E::all(l).get(i),
            move |l| E::all_mut(l).get_mut(i),
        )
    }

    /// The entry's name field, `name` of entry `i`: while the entry's id is still the
    /// one it was made with, the id follows the name
    /// ([`rungs_core::edit::id_follows_name`]).
    pub fn name(
        doc: Doc,
        i: usize,
        get: impl Fn(&E) -> String + Send + Sync + 'static,
        set: impl Fn(&mut E, String) + Send + Sync + 'static,
    ) -> Field<String> {
        let get = Arc::new(get);
        let read = get.clone();
        Field::new(
            doc,
            ptr(E::KIND, i, "name"),
            move |l| E::all(l).get(i).map(|e| read(e)),
            move |l, v| {
                let Some(e) = E::all_mut(l).get_mut(i) else {
                    return;
                };
                let old = get(e);
                set(e, v);
                let new = E::all(l).get(i).map(|e| get(e)).unwrap_or_default();
                rungs_core::edit::id_follows_name(l, E::KIND, i, &old, &new);
            },
        )
    }
}

impl<S: 'static> Lens<S> {
    /// The JSON Pointer of `path` below this place (`""`: the place itself).
    pub fn pointer(&self, path: &str) -> String {
        join(&self.pointer, path)
    }

    /// The part at `path` below this place, reached by `read` and `write` (`None`: it
    /// does not exist, e.g. a step past the end).
    pub fn at<P: 'static>(
        &self,
        path: &str,
        read: impl Fn(&S) -> Option<&P> + Send + Sync + 'static,
        write: impl Fn(&mut S) -> Option<&mut P> + Send + Sync + 'static,
    ) -> Lens<P> {
        let (outer, outer_mut) = (self.read.clone(), self.write.clone());
        Lens {
            doc: self.doc,
            pointer: self.pointer(path),
            read: Arc::new(reader(move |l| outer(l).and_then(&read))),
            write: Arc::new(writer(move |l| outer_mut(l).and_then(&write))),
        }
    }

    /// The field at `path`: `get` reads it from this place, `set` stores a new value.
    pub fn field<T, U>(
        &self,
        path: &str,
        get: impl Fn(&S) -> T + Send + Sync + 'static,
        set: impl Fn(&mut S, U) + Send + Sync + 'static,
    ) -> Field<T, U>
    where
        T: Default + Clone + PartialEq + Send + Sync + 'static,
        U: 'static,
    {
        let (read, write) = (self.read.clone(), self.write.clone());
        Field::new(
            self.doc,
            self.pointer(path),
            move |l| read(l).map(&get),
            move |l, v| {
                if let Some(s) = write(l) {
                    set(s, v)
                }
            },
        )
    }

    /// The field at `path` of a value that may not be emptied (a typed field that is
    /// not optional): it shows `Some(get)`; `None`, never stored by such a field, changes
    /// nothing.
    pub fn required<T>(
        &self,
        path: &str,
        get: impl Fn(&S) -> T + Send + Sync + 'static,
        set: impl Fn(&mut S, T) + Send + Sync + 'static,
    ) -> Field<Option<T>>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        self.field(
            path,
            move |s| Some(get(s)),
            move |s, v| {
                if let Some(v) = v {
                    set(s, v)
                }
            },
        )
    }

    /// Something read from this place, as a memoized signal (the default when it is gone).
    pub fn value<T>(&self, get: impl Fn(&S) -> T + Send + Sync + 'static) -> Signal<T>
    where
        T: Default + Clone + PartialEq + Send + Sync + 'static,
    {
        let read = self.read.clone();
        derive(self.doc, move |l| read(l).map(&get).unwrap_or_default())
    }

    /// A setter that changes this place, as an edit at `path` below it (for actions that
    /// are not a field's: add, remove, move).
    pub fn setter<U: 'static>(
        &self,
        path: &str,
        set: impl Fn(&mut S, U) + Send + Sync + 'static,
    ) -> Callback<U> {
        let (lens, path) = (self.clone(), path.to_string());
        Callback::new(move |v: U| lens.edit(&path, |s| set(s, v)))
    }

    /// Changes this place now, as an edit at `path` below it (nothing if it is gone).
    pub fn edit(&self, path: &str, f: impl FnOnce(&mut S)) {
        let write = self.write.clone();
        self.doc.edit(&self.pointer(path), |l| {
            if let Some(s) = write(l) {
                f(s)
            }
        })
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
