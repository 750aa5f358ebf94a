//! Playbooks and message templates.

use leptos::prelude::*;
use rungs_core::edit::Kind;

use crate::components::designer::section::{EditButton, SectionHead};
use crate::state::doc::use_doc;
use crate::state::lens::ptr;

/// The playbooks of the ladder: name, steps by stage, artifacts.
#[component]
pub fn Playbooks() -> impl IntoView {
    let doc = use_doc();
    let rows = Memo::new(move |_| {
        doc.ladder.with(|l| {
            l.playbooks
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let stages: Vec<String> = p
                        .steps
                        .iter()
                        .map(|s| format!("{:?}: {}", s.stage, s.text).to_lowercase())
                        .collect();
                    (
                        i,
                        p.name.clone(),
                        p.id.to_string(),
                        stages,
                        p.artifacts.len(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="playbooks-h">
            <SectionHead id="playbooks-h" title="Playbooks" kind=Kind::Playbook />
            <ul class="cards">
                <For
                    each=move || rows.get()
                    key=|r| r.clone()
                    children=|(i, name, id, steps, artifacts)| {
                        let pointer = ptr(Kind::Playbook, i, "");
                        view! {
                            <li class="card" data-pointer=pointer.clone()>
                                <div class="card-head">
                                    <strong>{name.clone()}</strong>
                                    <code class="id">{id}</code>
                                    <EditButton pointer=pointer.clone() name=name />
                                </div>
                                <ol class="members">
                                    {steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                                </ol>
                                <p class="muted small">{rungs_core::text::count(artifacts, "artifact", "artifacts")}</p>
                            </li>
                        }
                    }
                />
            </ul>
        </section>
    }
}

/// The message templates: audience, channel and body.
#[component]
pub fn Templates() -> impl IntoView {
    let doc = use_doc();
    let rows = Memo::new(move |_| {
        doc.ladder.with(|l| {
            l.templates
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    (
                        i,
                        t.name.clone(),
                        format!("{:?} · {}", t.audience, t.channel).to_lowercase(),
                        t.body.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="templates-h">
            <SectionHead id="templates-h" title="Message templates" kind=Kind::Template />
            <ul class="cards">
                <For
                    each=move || rows.get()
                    key=|r| r.clone()
                    children=|(i, name, meta, body)| {
                        let pointer = ptr(Kind::Template, i, "");
                        view! {
                            <li class="card" data-pointer=pointer.clone()>
                                <div class="card-head">
                                    <strong>{name.clone()}</strong>
                                    <span class="muted small">{meta}</span>
                                    <EditButton pointer=pointer.clone() name=name />
                                </div>
                                <p class="template-body">{body}</p>
                            </li>
                        }
                    }
                />
            </ul>
        </section>
    }
}
