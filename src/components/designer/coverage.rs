//! The on-call coverage heatmap: for each tier, a week of local hours in a zone the user
//! picks, showing which step first reaches someone and where nobody is reached.

use leptos::prelude::*;
use rungs_core::coverage::{self, Cell, GridRow};
use rungs_core::TimeZoneName;

use crate::components::designer::forms::ZONES_LIST;
use crate::platform::clock::now;
use crate::state::doc::use_doc;
use crate::testid;

/// The class of a cell: who answers and whether anyone does.
fn cell_class(c: &Cell) -> &'static str {
    match (c.first_step, c.gap_minutes) {
        (_, 60) => "hm gap",
        (_, g) if g > 0 => "hm partial",
        (Some(1), _) if c.silent > 0 => "hm step1 some",
        (Some(1), _) => "hm step1",
        (Some(_), _) if c.silent > 0 => "hm later some",
        (Some(_), _) => "hm later",
        (None, _) => "hm none",
    }
}

/// The heatmap.
#[component]
pub fn Coverage() -> impl IntoView {
    let doc = use_doc();
    let zone = RwSignal::new(crate::platform::clock::viewer_zone());
    let typed = RwSignal::new(zone.get_untracked().to_string());
    let refusal = RwSignal::new(None::<String>);
    let grid = Memo::new(move |_| {
        let z = zone.get();
        crate::platform::clock::timed("coverage", || {
            doc.ladder.with(|l| coverage::week_grid(l, &z, now()))
        })
    });
    view! {
        <section class="panel coverage" aria-labelledby="coverage-h" data-testid=testid::HEATMAP>
            <div class="section-head">
                <h2 id="coverage-h">"On-call coverage"</h2>
                <label class="zone-pick">
                    <span>"Hours in"</span>
                    <input
                        type="text"
                        list=ZONES_LIST
                        prop:value=move || typed.get()
                        aria-invalid=move || refusal.with(Option::is_some).to_string()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            typed.set(text.clone());
                            match TimeZoneName::new(text.trim()) {
                                Ok(z) => {
                                    refusal.set(None);
                                    zone.set(z);
                                }
                                Err(e) => refusal.set(Some(e.to_string())),
                            }
                        }
                    />
                </label>
            </div>
            {move || refusal.get().map(|r| view! { <p class="field-msg error" role="alert">{r}</p> })}
            <p class="muted small">
                {move || grid.with(|g| format!("Week of {}, {}. ", g.week_label, g.zone))}
                "Each square is one hour: who the tier's escalation reaches at its start. Hover a square for names."
            </p>
            <ul class="hm-legend small" aria-label="Legend">
                <li><span class="hm step1"></span>"step 1 answers"</li>
                <li><span class="hm step1 some"></span>"step 1 answers, but not all its targets do"</li>
                <li><span class="hm later"></span>"only a later step answers"</li>
                <li><span class="hm partial"></span>"nobody for part of the hour"</li>
                <li><span class="hm gap"></span>"nobody at all"</li>
            </ul>
            // Keyed by content: an edit redraws only the tiers whose week changed.
            <div class="hm-rows">
                <For
                    each=move || grid.with(|g| g.rows.iter().cloned().map(|r| (r, g.days.clone())).collect::<Vec<_>>())
                    key=|r| r.clone()
                    children=|(r, days)| row(&r, &days)
                />
            </div>
        </section>
    }
}

fn row(r: &GridRow, days: &[String]) -> impl IntoView + use<> {
    let gap_hours = r.cells.iter().filter(|c| c.gap_minutes > 0).count();
    let some_hours = r
        .cells
        .iter()
        .filter(|c| c.gap_minutes == 0 && c.silent > 0)
        .count();
    let some = (some_hours > 0).then(|| format!(" · not all targets answer in {some_hours} h"));
    let summary =
        if gap_hours == 0 {
            format!(
                "{}: someone is reached at every hour of the week",
                r.tier_name
            )
        } else {
            format!(
                "{}: nobody is reached during {gap_hours} of 168 hours",
                r.tier_name
            )
        } + &format!("; in {some_hours} hours the answering step has targets that reach nobody");
    view! {
        <figure class="hm-tier" data-pointer=r.pointer.clone()>
            <figcaption>
                <strong>{r.tier_name.clone()}</strong>
                <span class=if gap_hours == 0 { "muted small" } else { "hm-warn small" }>
                    {if gap_hours == 0 {
                        " covered all week".to_string()
                    } else {
                        format!(" gaps in {gap_hours} h")
                    }}
                    {some.clone()}
                </span>
            </figcaption>
            <div class="hm-grid" role="img" aria-label=summary>
                <span></span>
                {(0..24)
                    .map(|h| {
                        view! {
                            <span class="hm-hour">{if h % 6 == 0 { format!("{h:02}") } else { String::new() }}</span>
                        }
                    })
                    .collect_view()}
                {days
                    .iter()
                    .enumerate()
                    .map(|(d, day)| {
                        view! {
                            <span class="hm-day">{day.clone()}</span>
                            {r.cells[d * 24..(d + 1) * 24]
                                .iter()
                                .map(|c| view! { <span class=cell_class(c) title=c.label.clone()></span> })
                                .collect_view()}
                        }
                    })
                    .collect_view()}
            </div>
        </figure>
    }
}
