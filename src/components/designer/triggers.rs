//! Triggers and the services they watch.

use leptos::prelude::*;
use rungs_core::overview::{ServiceView, TriggerView};

use crate::components::designer::section::{EditButton, SectionHead};
use crate::components::designer::table_panel::TablePanel;
use crate::testid;
use crate::widgets::more::{some_names, ShowMore, ROWS_SHOWN};
use rungs_core::edit::Kind;

/// The signal conditions that open or promote incidents.
#[component]
pub fn Triggers(
    /// Triggers in document order.
    #[prop(into)]
    triggers: Signal<Vec<TriggerView>>,
) -> impl IntoView {
    let shown = RwSignal::new(ROWS_SHOWN);
    view! {
        <TablePanel
            id="triggers"
            title="Triggers"
            headers=&["Trigger", "Service", "Condition", "Opens", "Clears after"]
            kind=Kind::Trigger
            footer=move || {
                view! { <ShowMore total=Signal::derive(move || triggers.with(Vec::len)) shown=shown noun="triggers" /> }
            }
        >
            <For
                            each=move || {
                                let n = shown.get();
                                triggers.with(|t| t.iter().take(n).cloned().collect::<Vec<_>>())
                            }
                            key=|x| x.clone()
                            children=|t: TriggerView| {
                                view! {
                                    <tr data-testid=testid::TRIGGER data-pointer=t.pointer.clone()>
                                        <td>
                                            <code>{t.id.clone()}</code>
                                        </td>
                                        <td>{t.service}</td>
                                        <td>
                                            <code>{t.condition}</code>
                                        </td>
                                        <td>{t.tier}</td>
                                        <td>{t.clear_for}</td>
                                        <td>
                                            <EditButton pointer=t.pointer.clone() name=t.id />
                                        </td>
                                    </tr>
                                }
                            }
                        />
        </TablePanel>
    }
}

/// The services of a ladder with their criticality and dependencies.
#[component]
pub fn Services(
    /// Services in document order.
    #[prop(into)]
    services: Signal<Vec<ServiceView>>,
) -> impl IntoView {
    let shown = RwSignal::new(ROWS_SHOWN);
    view! {
        <section class="panel" aria-labelledby="services-h">
            <SectionHead id="services-h" title="Services" kind=Kind::Service />
            <ul class="services">
                <For
                    each=move || {
                        let n = shown.get();
                        services.with(|s| s.iter().take(n).cloned().collect::<Vec<_>>())
                    }
                    key=|x| x.clone()
                    children=|s: ServiceView| {
                        let deps = if s.depends_on.is_empty() {
                            String::new()
                        } else {
                            format!("needs {}", some_names(&s.depends_on))
                        };
                        view! {
                            <li data-pointer=s.pointer.clone()>
                                <span class=format!("crit {}", s.criticality)>{s.criticality}</span>
                                <strong>{s.name.clone()}</strong>
                                <span class="muted small">{deps}</span>
                                <EditButton pointer=s.pointer.clone() name=s.name />
                            </li>
                        }
                    }
                />
            </ul>
            <ShowMore total=Signal::derive(move || services.with(Vec::len)) shown=shown noun="services" />
        </section>
    }
}
