//! Triggers and the services they watch.

use leptos::prelude::*;
use rungs_core::overview::{ServiceView, TriggerView};

use crate::testid;

/// The signal conditions that open or promote incidents.
#[component]
pub fn Triggers(
    /// Triggers in document order.
    #[prop(into)]
    triggers: Signal<Vec<TriggerView>>,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="triggers-h">
            <h2 id="triggers-h">"Triggers"</h2>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Trigger"</th>
                            <th scope="col">"Service"</th>
                            <th scope="col">"Condition"</th>
                            <th scope="col">"Opens"</th>
                            <th scope="col">"Clears after"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || triggers.get()
                            key=|x| x.clone()
                            children=|t: TriggerView| {
                                view! {
                                    <tr data-testid=testid::TRIGGER data-pointer=t.pointer.clone()>
                                        <td>
                                            <code>{t.id}</code>
                                        </td>
                                        <td>{t.service}</td>
                                        <td>
                                            <code>{t.condition}</code>
                                        </td>
                                        <td>{t.tier}</td>
                                        <td>{t.clear_for}</td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The services of a ladder with their criticality and dependencies.
#[component]
pub fn Services(
    /// Services in document order.
    #[prop(into)]
    services: Signal<Vec<ServiceView>>,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="services-h">
            <h2 id="services-h">"Services"</h2>
            <ul class="services">
                <For
                    each=move || services.get()
                    key=|x| x.clone()
                    children=|s: ServiceView| {
                        let deps = if s.depends_on.is_empty() {
                            String::new()
                        } else {
                            format!("needs {}", s.depends_on.join(", "))
                        };
                        view! {
                            <li data-pointer=s.pointer.clone()>
                                <span class=format!("crit {}", s.criticality)>{s.criticality}</span>
                                <strong>{s.name}</strong>
                                <span class="muted small">{deps}</span>
                            </li>
                        }
                    }
                />
            </ul>
        </section>
    }
}
