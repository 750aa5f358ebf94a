//! A list whose entries can be reordered by dragging and from the keyboard, and removed.

use leptos::prelude::*;

/// Reorderable rows. Each row has a drag handle (also focusable: Alt+Up and Alt+Down move
/// it), Move up / Move down buttons and Remove.
#[component]
pub fn ReorderList(
    /// How many rows there are.
    #[prop(into)]
    len: Signal<usize>,
    /// Renders row `i`.
    row: Callback<usize, AnyView>,
    /// Moves a row from the first index to the second.
    move_to: Callback<(usize, usize)>,
    /// Removes a row.
    remove: Callback<usize>,
    /// What a row is called, for button labels ("step", "member").
    noun: &'static str,
    /// `data-testid` of each row.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    let dragged = RwSignal::new(None::<usize>);
    let over = RwSignal::new(None::<usize>);
    view! {
        <ol class="reorder">
            <For
                each=move || 0..len.get()
                key=|i| *i
                children=move |i| {
                    let last = move || i + 1 == len.get();
                    view! {
                        <li
                            class="reorder-row"
                            data-testid=testid
                            class:drop-target=move || over.get() == Some(i) && dragged.get() != Some(i)
                            on:dragover=move |ev: leptos::ev::DragEvent| {
                                if dragged.get_untracked().is_some() {
                                    ev.prevent_default();
                                    over.set(Some(i));
                                }
                            }
                            on:dragleave=move |_| over.set(None)
                            on:drop=move |ev: leptos::ev::DragEvent| {
                                if let Some(from) = dragged.get_untracked() {
                                    ev.prevent_default();
                                    ev.stop_propagation();
                                    move_to.run((from, i));
                                }
                                dragged.set(None);
                                over.set(None);
                            }
                        >
                            <span
                                class="handle"
                                draggable="true"
                                tabindex="0"
                                role="button"
                                title=format!("Drag to reorder, or press Alt+↑ / Alt+↓ to move this {noun}")
                                aria-label=format!("Move {noun} {} (Alt+Up or Alt+Down)", i + 1)
                                on:dragstart=move |ev: leptos::ev::DragEvent| {
                                    if let Some(dt) = ev.data_transfer() {
                                        let _ = dt.set_data("text/plain", &i.to_string());
                                        dt.set_effect_allowed("move");
                                    }
                                    dragged.set(Some(i));
                                }
                                on:dragend=move |_| {
                                    dragged.set(None);
                                    over.set(None);
                                }
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                    if !ev.alt_key() {
                                        return;
                                    }
                                    match ev.key().as_str() {
                                        "ArrowUp" if i > 0 => move_to.run((i, i - 1)),
                                        "ArrowDown" if !last() => move_to.run((i, i + 1)),
                                        _ => return,
                                    }
                                    ev.prevent_default();
                                }
                            >
                                "⠿"
                            </span>
                            <div class="reorder-body">{row.run(i)}</div>
                            <span class="reorder-actions">
                                <button
                                    class="button icon small"
                                    title=format!("Move this {noun} up")
                                    aria-label=format!("Move {noun} {} up", i + 1)
                                    disabled=move || i == 0
                                    on:click=move |_| move_to.run((i, i - 1))
                                >
                                    "↑"
                                </button>
                                <button
                                    class="button icon small"
                                    title=format!("Move this {noun} down")
                                    aria-label=format!("Move {noun} {} down", i + 1)
                                    disabled=last
                                    on:click=move |_| move_to.run((i, i + 1))
                                >
                                    "↓"
                                </button>
                                <button
                                    class="button icon small danger"
                                    title=format!("Remove this {noun}")
                                    aria-label=format!("Remove {noun} {}", i + 1)
                                    on:click=move |_| remove.run(i)
                                >
                                    "✕"
                                </button>
                            </span>
                        </li>
                    }
                }
            />
        </ol>
    }
}
