//! A panel of the extras module (`crate::platform::extras`), loaded when first shown:
//! "Loading…" until the module is in, then the panel; a module that cannot load says
//! so, and nothing else on the page changes.

use leptos::prelude::*;

use crate::platform::extras;
use crate::state::doc::use_doc;
use crate::state::session::Session;

/// Extra `which` (see `src/bin/rungs-extras.rs`), given `args`.
#[component]
pub fn Extra(
    /// Which panel.
    which: &'static str,
    /// Text the panel reads (for `terraform`, the file name; for `import`, documents
    /// dropped on the page as a JSON list of files).
    #[prop(optional, into)]
    args: String,
    /// Args that change while the panel is open: it mounts with their value and is told
    /// of each change (`extras::update`). Takes the place of `args`.
    #[prop(optional, into)]
    watch: Option<Signal<String>>,
) -> impl IntoView {
    let args = watch.map_or(args, |w| w.get_untracked());
    let doc = use_doc();
    let session = expect_context::<Session>();
    let target = NodeRef::<leptos::html::Div>::new();
    let state = RwSignal::new(None::<Result<(), String>>);
    Effect::new(move |_| {
        let Some(div) = target.get() else { return };
        let room = crate::state::drill_room::DrillRoom::current();
        let host = extras::host(extras::HostSide {
            text: Box::new(move || {
                session.flush(doc);
                doc.source.get_untracked()
            }),
            ladder: Box::new(move || doc.ladder.with_untracked(rungs_core::to_canonical_json)),
            entry: Box::new(move || {
                session
                    .entry
                    .get_untracked()
                    .filter(|_| !doc.readonly.get_untracked())
            }),
            restore: Box::new(move |text| {
                if let Ok(ladder) = rungs_core::parse_ladder(&text) {
                    doc.edit("/", move |l| *l = ladder);
                    doc.flush();
                    session.flush(doc);
                }
            }),
            open_new: Box::new(move |text| {
                if let Ok(ladder) = rungs_core::parse_ladder(&text) {
                    session.open_new(doc, Some(ladder), text);
                }
            }),
            drilled: Box::new(move || crate::state::drill_room::drilled_version(session, doc)),
            log: Box::new(move |record, pruned| room.log(record, pruned)),
        });
        let args = args.clone();
        leptos::task::spawn_local(async move {
            let done = extras::mount(which, &div, &host, &args).await;
            let mounted = done.is_ok();
            if state.try_set(Some(done)).is_some() {
                // closed while the module loaded: nothing may stay mounted in its place
                extras::unmount(&div);
            } else if let (true, Some(watch)) = (mounted, watch) {
                // what changed while the module loaded
                extras::update(&div, &watch.get_untracked());
            }
        });
    });
    if let Some(watch) = watch {
        Effect::new(move |_| {
            let now = watch.get();
            let mounted = state.with_untracked(|s| matches!(s, Some(Ok(()))));
            if let (true, Some(div)) = (mounted, target.get_untracked()) {
                extras::update(&div, &now);
            }
        });
    }
    on_cleanup(move || {
        if let Some(div) = target.get_untracked() {
            extras::unmount(&div);
        }
    });
    view! {
        {move || match state.get() {
            None => view! { <p class="muted extra-loading" role="status">"Loading…"</p> }.into_any(),
            Some(Ok(())) => ().into_any(),
            Some(Err(why)) => view! { <p class="panel stale" role="alert">{why}</p> }.into_any(),
        }}
        <div class="extra" data-extra=which node_ref=target></div>
    }
}
