//! "Export as Terraform" on the Share page: the ladder as HCL for a paging tool's
//! provider, with the notes on what that provider cannot express.

use leptos::prelude::*;
use rungs_interop::Provider;

use super::NoteList;
use crate::platform::extras::Host;
use crate::platform::files::download;
use crate::platform::on_demand::{ask, NoteLine, Reply, Request};
use crate::testid;

/// The export panel. Part of the extras module: the ladder comes through `host`.
#[component]
pub fn TerraformExport(
    /// The page.
    host: Host,
    /// The file name the ladder's JSON downloads as; the `.tf` takes its stem.
    file: String,
) -> impl IntoView {
    let host = StoredValue::new_local(host);
    let provider = RwSignal::new(Provider::PagerDuty);
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<String>);
    let notes = RwSignal::new(None::<Vec<NoteLine>>);
    let stem = file
        .strip_suffix(".json")
        .unwrap_or(&file)
        .trim_end_matches(".rungs")
        .to_string();
    let export = move |_| {
        let p = provider.get_untracked();
        busy.set(true);
        status.set(None);
        notes.set(None);
        let name = format!("{stem}.{}.tf", p.slug().trim_start_matches("terraform-"));
        let request = Request::Export {
            provider: p.slug().to_string(),
            ladder: host.with_value(Host::text),
        };
        ask(&request, move |reply| {
            busy.set(false);
            match reply {
                Reply::Exported { text, notes: said } => {
                    status.set(Some(match download(&name, "text/plain", &text) {
                        Ok(()) => format!("Saved {name} ({:.1} KB).", text.len() as f64 / 1024.0),
                        Err(_) => "The browser did not let the file be saved.".to_string(),
                    }));
                    notes.set(Some(said));
                }
                Reply::Failed { message } => status.set(Some(format!("No export: {message}"))),
                _ => status.set(Some(
                    "The export worker gave an answer Rungs does not know.".into(),
                )),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="terraform-h">
            <h2 id="terraform-h">"Export as Terraform"</h2>
            <p class="muted">
                "Take the ladder back to your paging tool as code: people are looked up by their email, each rotation and schedule becomes the provider's schedule, each tier an escalation policy with one rule per step. What the provider cannot express is a comment in the file and a note below."
            </p>
            <div class="field calendar-download-row">
                <label for="terraform-provider">"For"</label>
                <select
                    id="terraform-provider"
                    data-testid=testid::TERRAFORM_PROVIDER
                    on:change=move |ev| {
                        if let Some(p) = Provider::from_slug(&event_target_value(&ev)) {
                            provider.set(p);
                        }
                    }
                >
                    {Provider::ALL
                        .into_iter()
                        .map(|p| view! { <option value=p.slug() selected=move || provider.get() == p>{p.label()}</option> })
                        .collect_view()}
                </select>
                <button
                    class="button"
                    data-testid=testid::TERRAFORM_EXPORT
                    disabled=move || busy.get()
                    on:click=export
                >
                    {move || if busy.get() { "Exporting…" } else { "Export as Terraform (.tf)" }}
                </button>
            </div>
            <p class="muted small" role="status" data-testid=testid::TERRAFORM_STATUS>{move || status.get()}</p>
            {move || notes.get().filter(|n| !n.is_empty()).map(|n| view! { <NoteList notes=n /> })}
        </section>
    }
}
