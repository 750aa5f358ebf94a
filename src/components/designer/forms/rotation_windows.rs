//! The hours a rotation covers: around the clock, or a list of windows (covered when any
//! one covers), each on some days from a local time to another, possibly days later.

use leptos::prelude::*;
use rungs_core::overview::describe_window;
use rungs_core::{ClockTime, Rotation, Weekday, Window};

use crate::components::designer::forms::common::{parse_clock, show_clock, CheckList};
use crate::state::doc::use_doc;
use crate::state::lens::Lens;
use crate::testid;
use crate::widgets::fields::{ParsedField, SelectField};

/// Stores `list` as the rotation's windows: none (around the clock), `window` for one,
/// `windows` for several, so that a ladder written with one window keeps its form.
fn store(r: &mut Rotation, list: Vec<Window>) {
    r.window = None;
    r.windows = Vec::new();
    match <[Window; 1]>::try_from(list) {
        Ok([one]) => r.window = Some(one),
        Err(list) => r.windows = list,
    }
}

/// Window `k` of the rotation, whichever form holds it.
fn window_mut(r: &mut Rotation, k: usize) -> Option<&mut Window> {
    match &mut r.window {
        Some(w) => (k == 0).then_some(w),
        None => r.windows.get_mut(k),
    }
}

/// The window a new one starts as: weekdays 09:00–17:00 for the first, the weekend's
/// same hours after weekdays (a common second window), every day after that.
fn new_window(existing: &[Window]) -> Window {
    let clock = |h| ClockTime::new(h, 0).expect("a valid hour");
    let days = match existing.len() {
        0 => Weekday::ALL[..5].to_vec(),
        1 => Weekday::ALL[5..].to_vec(),
        _ => Weekday::ALL.to_vec(),
    };
    Window {
        days,
        from: clock(9),
        to: clock(17),
        to_day: None,
    }
}

/// A day's value and label: `("mon", "Mon")`.
fn day_choice(d: Weekday) -> (String, String) {
    let id = d.as_str();
    (
        id.to_string(),
        format!("{}{}", id[..1].to_uppercase(), &id[1..]),
    )
}

/// The windows of rotation `i`: a list to add to and remove from, each row its days,
/// hours and the day it closes on.
#[component]
pub fn Windows(
    /// Index of the rotation.
    i: usize,
) -> impl IntoView {
    let lens = Lens::<Rotation>::entry(use_doc(), i);
    // how many windows, and whether `window` (the one-window form) holds them: the rows'
    // pointers depend on both
    let shape = lens.value(|r| (r.window_list().map_or(0, <[_]>::len), r.window.is_some()));
    let add = lens.setter("windows", |r, (): ()| {
        let mut list = r.window_list().map(<[_]>::to_vec).unwrap_or_default();
        list.push(new_window(&list));
        store(r, list)
    });
    let remove = lens.setter("windows", |r, k: usize| {
        let mut list = r.window_list().map(<[_]>::to_vec).unwrap_or_default();
        if k < list.len() {
            list.remove(k);
        }
        store(r, list)
    });
    let rows = lens.clone();
    view! {
        <div class="field windows" data-pointer=lens.pointer("windows") data-testid=testid::WINDOWS>
            <h3>"Hours covered"</h3>
            <Show when=move || shape.get().0 == 0>
                <p class="muted small">"Around the clock: someone is on call at every hour. Add a window to cover only some hours."</p>
            </Show>
            {move || {
                let (n, single) = shape.get();
                (0..n)
                    .map(|k| {
                        let path = if single { "window".to_string() } else { format!("windows/{k}") };
                        let window = rows.at(
                            &path,
                            move |r: &Rotation| r.window_list().and_then(|l| l.get(k)),
                            move |r| window_mut(r, k),
                        );
                        view! { <WindowRow window=window k=k remove=remove /> }
                    })
                    .collect_view()
            }}
            <button class="button" data-testid=testid::ADD_WINDOW on:click=move |_| add.run(())>
                {move || if shape.get().0 == 0 { "Cover only some hours" } else { "Add a window" }}
            </button>
        </div>
    }
}

/// One window: its days, its hours, the day it closes on, a sentence saying what it
/// covers, and a button that removes it.
#[component]
fn WindowRow(
    /// The window.
    window: Lens<Window>,
    /// Its index.
    k: usize,
    /// Removes window `k`.
    remove: Callback<usize>,
) -> impl IntoView {
    let days: Vec<(String, String)> = Weekday::ALL.iter().map(|d| day_choice(*d)).collect();
    let toggle_day = |w: &mut Window, (day, on): (String, bool)| {
        w.days.retain(|d| d.as_str() != day);
        if on {
            if let Some(d) = Weekday::ALL.iter().find(|d| d.as_str() == day) {
                w.days.push(*d);
                w.days.sort();
            }
        }
    };
    let mut closes: Vec<(String, String)> = vec![(
        String::new(),
        "The day it opens (the next if To is earlier)".to_string(),
    )];
    closes.extend(Weekday::ALL.iter().map(|d| {
        let (v, label) = day_choice(*d);
        (v, format!("The next {label}"))
    }));
    let to_day = window.field(
        "to_day",
        |w| w.to_day.map(|d| d.as_str().to_string()).unwrap_or_default(),
        |w, v: String| w.to_day = Weekday::ALL.iter().copied().find(|d| d.as_str() == v),
    );
    let summary = window.value(describe_window);
    let label = format!("Remove window {}", k + 1);
    view! {
        <fieldset class="window-row" data-testid=testid::WINDOW_ROW data-pointer=window.pointer("")>
            <legend>{format!("Window {}", k + 1)}" · "<span class="muted" data-testid=testid::WINDOW_SUMMARY>{summary}</span></legend>
            <CheckList
                legend="Opens on"
                field=window.field("days", |w| w.days.iter().map(|d| d.as_str().to_string()).collect(), toggle_day)
                choices=days
                empty=""
            />
            <div class="field-grid">
                <ParsedField
                    label="From (local HH:MM)"
                    field=window.required("from", |w| w.from, |w, v| w.from = v)
                    parse=parse_clock
                    show=show_clock
                    placeholder="09:00"
                />
                <ParsedField
                    label="To (local HH:MM)"
                    field=window.required("to", |w| w.to, |w, v| w.to = v)
                    parse=parse_clock
                    show=show_clock
                    placeholder="17:00"
                />
            </div>
            <SelectField label="Closes on" field=to_day options=closes />
            <button class="button small" aria-label=label.clone() title=label on:click=move |_| remove.run(k)>
                "Remove this window"
            </button>
        </fieldset>
    }
}
