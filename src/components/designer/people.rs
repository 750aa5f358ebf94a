//! People and roles.

use leptos::prelude::*;
use rungs_core::overview::{PersonView, RoleView};

use crate::components::designer::section::{EditButton, SectionHead};
use crate::components::designer::table_panel::TablePanel;
use crate::testid;
use crate::widgets::more::{some_names, ShowMore, ROWS_SHOWN};
use rungs_core::edit::Kind;

/// Everyone the ladder can page, with zone, roles and backup.
#[component]
pub fn People(
    /// People in document order.
    #[prop(into)]
    people: Signal<Vec<PersonView>>,
) -> impl IntoView {
    let shown = RwSignal::new(ROWS_SHOWN);
    view! {
        <TablePanel
            id="people"
            title="People"
            headers=&["Name", "Time zone", "Roles", "Backup"]
            kind=Kind::Person
            footer=move || {
                view! { <ShowMore total=Signal::derive(move || people.with(Vec::len)) shown=shown noun="people" /> }
            }
        >
            <For
                each=move || {
                    let n = shown.get();
                    people.with(|p| p.iter().take(n).cloned().collect::<Vec<_>>())
                }
                key=|x| x.clone()
                children=|p: PersonView| {
                    view! {
                        <tr data-testid=testid::PERSON data-pointer=p.pointer.clone()>
                            <td>{p.name.clone()}</td>
                            <td class="muted">{p.timezone}</td>
                            <td>{p.roles.join(", ")}</td>
                            <td>{p.backup.unwrap_or_else(|| "—".to_string())}</td>
                            <td>
                                <EditButton pointer=p.pointer.clone() name=p.name />
                            </td>
                        </tr>
                    }
                }
            />
        </TablePanel>
    }
}

/// The roles of a ladder and who holds them.
#[component]
pub fn Roles(
    /// Roles in document order.
    #[prop(into)]
    roles: Signal<Vec<RoleView>>,
) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="roles-h">
            <SectionHead id="roles-h" title="Roles" kind=Kind::Role />
            <dl class="roles">
                <For
                    each=move || roles.get()
                    key=|x| x.clone()
                    children=|r: RoleView| {
                        let holders = if r.holders.is_empty() {
                            "nobody holds this role".to_string()
                        } else {
                            some_names(&r.holders)
                        };
                        view! {
                            <div class="role" data-pointer=r.pointer.clone()>
                                <dt>
                                    {r.name.clone()} " " <code class="id">{r.id}</code>
                                    " "
                                    <EditButton pointer=r.pointer.clone() name=r.name />
                                </dt>
                                <dd>
                                    {r.description.map(|d| view! { <span class="muted">{d} " "</span> })}
                                    <span>{holders}</span>
                                </dd>
                            </div>
                        }
                    }
                />
            </dl>
        </section>
    }
}
