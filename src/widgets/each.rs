//! Lists whose items are drawn again only when they change.

use leptos::prelude::*;

/// Draws `item(0)`, `item(1)`, … up to `count` items, each with `draw`. When the list
/// changes, only the items that differ from before are drawn again (in place); the others
/// keep their elements untouched. A change of length draws the list again.
///
/// For lists of plain data without an identity of their own, such as a diagram's boxes
/// (their coordinates are floats, so they make no key), where items are seldom added or
/// removed. A `<For>` keyed by index with a memo per row would also redraw only the rows
/// added or removed, but costs about 400 bytes more of the first load. Redrawing a whole
/// list in place would write every attribute of every item: with type-erased views,
/// Leptos sets an element's attributes afresh whenever it redraws it.
pub fn each_changed<T, V>(
    count: Memo<usize>,
    item: impl Fn(usize) -> Option<T> + Clone + Send + Sync + 'static,
    draw: impl Fn(&T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // the list is drawn again when its length changes, each item when it changes
    move || {
        (0..count.get())
            .map(|i| {
                let (item, draw) = (item.clone(), draw.clone());
                let current = Memo::new(move |_| item(i));
                move || current.with(|t| t.as_ref().map(&draw))
            })
            .collect_view()
    }
}
