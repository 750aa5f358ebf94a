//! The form of a message template, with placeholder hints and a live preview.

use leptos::prelude::*;
use rungs_core::edit;
use rungs_core::{Audience, Template};

use crate::components::designer::forms::common::options;
use crate::state::doc::use_doc;
use crate::state::lens::Lens;
use crate::widgets::fields::{SelectField, TextField};

/// The form of template `i`, with placeholder hints and a live preview.
#[component]
pub fn TemplateForm(
    /// Index of the template.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let lens = Lens::<Template>::entry(doc, i);
    let audiences = options(&[
        ("internal", "Internal"),
        ("external", "External (customers)"),
        ("executive", "Executive"),
    ]);
    let audience = lens.field(
        "audience",
        |x| {
            match x.audience {
                Audience::Internal => "internal",
                Audience::External => "external",
                Audience::Executive => "executive",
            }
            .to_string()
        },
        |x, v: String| {
            x.audience = match v.as_str() {
                "external" => Audience::External,
                "executive" => Audience::Executive,
                _ => Audience::Internal,
            }
        },
    );
    let body = lens.field("body", |x| x.body.clone(), |x, v| x.body = v);
    let (text, set_body) = (body.value, body.set);
    let preview = move || doc.ladder.with(|l| edit::preview_template(l, &text.get()));
    let insert = move |name: &'static str| {
        set_body.run(format!("{}{{{{{name}}}}}", text.get_untracked()));
    };
    view! {
        <TextField label="Name" field={Lens::<Template>::name(use_doc(), i, |x| x.name.clone(), |x, v| x.name = v)} />
        <div class="field-grid">
            <SelectField label="Audience" field=audience options=audiences />
            <TextField
                label="Channel"
                field=lens.field("channel", |x| x.channel.clone(), |x, v| x.channel = v)
                help="e.g. slack, status-page, email"
            />
        </div>
        <TextField label="Message" field=body multiline=true />
        <p class="placeholders">
            <span class="muted small">"Insert: "</span>
            {rungs_core::TEMPLATE_PLACEHOLDERS
                .iter()
                .map(|name| {
                    view! {
                        <button class="button small" title=format!("Insert {{{{{name}}}}}") on:click=move |_| insert(name)>
                            {format!("{{{{{name}}}}}")}
                        </button>
                    }
                })
                .collect_view()}
        </p>
        <h3>"Preview with sample values"</h3>
        <pre class="preview" data-testid=crate::testid::TEMPLATE_PREVIEW>{preview}</pre>
    }
}
