//! A finished study's summary drawn (extras module): histograms of its figures and
//! tables of its breaches, pages and what precedes a breach. The study panel keeps the
//! summary's JSON on the page and mounts this beside it, so the first load carries none
//! of the charts' code.

use leptos::prelude::*;
use rungs_core::overview::{find_name, target_name};
use rungs_core::sim::Summary;
use rungs_core::study::{breach_rows, histogram_chart, percent, BreachCell};
use rungs_core::text::{count, group_thousands};
use rungs_core::Ladder;

use crate::platform::extras::Host;
use crate::testid;
use crate::widgets::histogram::Histogram;

/// The summary of a finished study, given as the JSON `rungs simulate` prints; the
/// ladder (for names and order) is the page's.
#[component]
pub fn StudyResults(
    /// The page's document.
    host: Host,
    /// The summary's JSON.
    json: String,
) -> impl IntoView {
    let (Ok(s), Ok(l)) = (
        serde_json::from_str::<Summary>(&json),
        rungs_core::parse_ladder(&host.ladder()),
    ) else {
        return view! { <p class="field-msg error" role="alert">"The study's figures could not be drawn."</p> }
            .into_any();
    };
    let ladder = Signal::stored(l);
    let figures = [
        ("time_to_acknowledge", "Time to acknowledge"),
        ("time_to_contain", "Time to contain"),
        ("time_to_resolve", "Time to resolve"),
        ("time_to_first_update", "Time to first update"),
    ];
    let incidents = s.incidents;
    let histograms = figures
        .iter()
        .filter_map(|(key, title)| {
            s.figures.get(*key).map(|f| {
                let chart = histogram_chart(f, |tier| tier_name(ladder, tier));
                view! { <Histogram title=*title figure=f.clone() chart=chart incidents=incidents /> }
            })
        })
        .collect_view();
    view! {
        <div class="study-figures">
            <p>
                {format!(
                    "{}, seeds {}..{}: an incident was detected in {}.",
                    count(s.runs as usize, "run", "runs"),
                    s.seed,
                    s.seed.wrapping_add(u64::from(s.runs).saturating_sub(1)),
                    group_thousands(u64::from(s.incidents)),
                )}
            </p>
            <div class="study-histograms">{histograms}</div>
            <BreachRates summary=s.clone() ladder=ladder />
            <h3>"Most often paged last before a breach"</h3>
            <Precursors summary=s.clone() ladder=ladder />
            <h3>"Pages per incident"</h3>
            <PagesPerPerson summary=s ladder=ladder />
        </div>
    }
    .into_any()
}

/// The display name of the tier with id `id` (the summary names tiers by id, as the
/// command line does; the page shows names).
fn tier_name(ladder: Signal<Ladder>, id: &str) -> String {
    ladder.with_untracked(|l| find_name(&l.tiers, id))
}

/// The breach rate of each tier and timeline, and how often each tier's policy ran out.
#[component]
fn BreachRates(
    /// The study's summary.
    summary: Summary,
    /// The ladder (for tier names and order).
    ladder: Signal<Ladder>,
) -> impl IntoView {
    let s = summary;
    let tiers: Vec<(String, String)> = ladder.with_untracked(|l| {
        let mut t: Vec<_> = l.tiers.iter().collect();
        t.sort_by_key(|t| t.rank);
        t.iter()
            .map(|t| (t.id.to_string(), t.name.clone()))
            .collect()
    });
    let rows = breach_rows(&s, tiers.iter().map(|(id, _)| id.as_str()));
    let breach_rows = rows
        .into_iter()
        .zip(&tiers)
        .map(|(row, (_, name))| {
            let reached = if row.reached == 0 {
                "never reached".to_string()
            } else {
                format!(
                    "reached in {}",
                    count(row.reached as usize, "incident", "incidents")
                )
            };
            let cells = row
                .timelines
                .iter()
                .chain([&row.exhausted])
                .map(|c| {
                    let class = if *c == BreachCell::NotReached {
                        "muted"
                    } else {
                        ""
                    };
                    view! { <td class=class>{c.text()}</td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">
                        {name.clone()}
                        <span class="muted small block">{reached}</span>
                    </th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let exhausted = if s.exhausted_rate.is_empty() {
        "No policy ran out.".to_string()
    } else {
        s.exhausted_rate
            .iter()
            .map(|(t, r)| format!("{}: {}", tier_name(ladder, t), percent(*r)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let denominator = format!(
        "Each cell is the share of all {} detected incidents that missed that target in that \
         tier, with the number of breaches in brackets.",
        group_thousands(u64::from(s.incidents))
    );
    view! {
        <h3>"Breach rate per tier and timeline"</h3>
        <p class="muted small" data-testid=testid::STUDY_BREACH_NOTE>{denominator}</p>
        <div class="table-wrap">
            <table data-testid=testid::STUDY_BREACH_RATES>
                <thead>
                    <tr>
                        <th scope="col">"Tier"</th>
                        <th scope="col">"Acknowledge"</th>
                        <th scope="col">"Contain"</th>
                        <th scope="col">"Resolve"</th>
                        <th scope="col">"First update"</th>
                        <th scope="col">"Policy exhausted"</th>
                    </tr>
                </thead>
                <tbody>{breach_rows}</tbody>
            </table>
        </div>
        <p data-testid=testid::STUDY_EXHAUSTED>"Exhausted rate: " {exhausted}</p>
    }
}

/// For each tier, the step most often paged last before one of its breaches.
#[component]
fn Precursors(
    /// The study's summary.
    summary: Summary,
    /// The ladder (for tier names).
    ladder: Signal<Ladder>,
) -> impl IntoView {
    let items = if summary.breach_precursor.is_empty() {
        view! { <li>"No breaches."</li> }.into_any()
    } else {
        summary
            .breach_precursor
            .iter()
            .map(|(tier, p)| {
                let what = match (&p.tier, p.step) {
                    (Some(t), Some(k)) => {
                        let targets = ladder.with_untracked(|l| {
                            p.targets
                                .iter()
                                .map(|t| target_name(l, t))
                                .collect::<Vec<_>>()
                        });
                        format!("{} step {k} ({})", tier_name(ladder, t), targets.join(", "))
                    }
                    _ => "no page yet".to_string(),
                };
                view! {
                    <li>
                        <strong>{tier_name(ladder, tier)}</strong>
                        {format!(
                            ": {what}, before {} of its breaches ({})",
                            p.breaches,
                            percent(p.share),
                        )}
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! { <ul data-testid=testid::STUDY_PRECURSOR>{items}</ul> }
}

/// Pages per incident for each person, and how many of them came off hours.
#[component]
fn PagesPerPerson(
    /// The study's summary.
    summary: Summary,
    /// The ladder (for people's names).
    ladder: Signal<Ladder>,
) -> impl IntoView {
    let s = summary;
    let page_rows = s
        .pages_per_person
        .iter()
        .map(|(p, r)| {
            let off = s.off_hours_pages_per_person.get(p).copied().unwrap_or(0.0);
            let name = ladder.with_untracked(|l| find_name(&l.people, p));
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{format!("{r:.3}")}</td>
                    <td>{format!("{off:.3}")}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table data-testid=testid::STUDY_PAGES>
                <thead>
                    <tr>
                        <th scope="col">"Person"</th>
                        <th scope="col">"Pages"</th>
                        <th scope="col">"Off-hours pages (22:00–07:00)"</th>
                    </tr>
                </thead>
                <tbody>{page_rows}</tbody>
            </table>
        </div>
    }
}
