//! The banners above the page: a link or a file that could not be opened, storage that
//! refuses, a shared ladder's "Make a copy", what another tab did, and a new release.

use leptos::prelude::*;

use crate::state::doc::use_doc;
use crate::state::session::Session;
use crate::testid;
use crate::widgets::alert::Alert;

/// Makes the shared ladder open a new library entry of its own, to edit.
pub fn make_copy(doc: crate::state::doc::Doc, session: Session) {
    doc.flush();
    // text that does not parse is copied as it is, with its errors
    let parsed = doc
        .parse_error
        .with_untracked(Option::is_none)
        .then(|| doc.ladder.get_untracked());
    session.open_new(doc, parsed, doc.source.get_untracked());
}

/// The banner above a shared ladder: read-only until a copy is made. The app's, and the
/// viewer module's, which hands the copy to the app.
#[component]
pub fn SharedBanner(
    /// Makes the copy.
    on_copy: Callback<()>,
    /// The copy is on its way (the viewer module loads the app first).
    #[prop(optional, into)]
    working: Signal<bool>,
    /// Called as the pointer or the focus reaches the button, before it is pressed.
    #[prop(optional)]
    preload: Option<Callback<()>>,
) -> impl IntoView {
    let near = move || {
        if let Some(p) = preload {
            p.run(())
        }
    };
    view! {
        <div class="panel shared" role="status" data-testid=testid::SHARED>
            <span>
                <strong>"Shared ladder, read-only. "</strong>
                "It came in a link and lives only in this tab until you make a copy."
            </span>
            <button
                class="button primary"
                data-testid=testid::MAKE_COPY
                disabled=working
                on:click=move |_| on_copy.run(())
                on:pointerenter=move |_| near()
                on:focus=move |_| near()
            >
                {move || if working.get() { "Opening the designer…" } else { "Make a copy to edit" }}
            </button>
        </div>
    }
}

/// Every banner the app may show above the current page.
#[component]
pub fn Notices(
    /// Why the share link could not be opened.
    link_error: RwSignal<Option<String>>,
    /// A library entry opened (rather than an example) when the link failed.
    restored: bool,
    /// A new release of the app has installed and waits for the user's reload.
    update_ready: RwSignal<bool>,
) -> impl IntoView {
    let doc = use_doc();
    let session = expect_context::<Session>();
    let reload = move |_| {
        // the work is saved before the new release takes over
        session.flush(doc);
        crate::platform::offline::apply();
    };
    view! {
        <Show when=move || update_ready.get()>
            <div class="panel notice toast" role="status" data-testid=testid::UPDATE_READY>
                <span>
                    <strong>"A new version of Rungs is ready. "</strong>
                    "Your work is saved; reload when it suits you."
                </span>
                <span class="notice-actions">
                    <button
                        class="button small primary"
                        data-testid=testid::UPDATE_RELOAD
                        on:click=reload
                    >
                        "Reload now"
                    </button>
                    <button class="button small secondary" on:click=move |_| update_ready.set(false)>
                        "Later"
                    </button>
                </span>
            </div>
        </Show>
        <Alert
            message=link_error
            testid=testid::LINK_ERROR
            lead="This share link could not be opened. "
            tail=if restored {
                ". Below is the ladder you were working on."
            } else {
                ". Showing an example ladder instead."
            }
                .to_string()
        />
        <Alert
            message=session.import_error
            testid=testid::IMPORT_ERROR
            lead="This file could not be imported, so nothing changed. "
        />
        <Alert
            message=session.storage_error
            testid=testid::STORAGE_ERROR
            lead="Rungs cannot save your work in this browser: "
            tail=". Your edits stay in this tab only; download the JSON or copy a share link to keep them."
                .to_string()
        />
        <Show when=move || doc.readonly.get()>
            <SharedBanner on_copy=Callback::new(move |()| make_copy(doc, session)) />
        </Show>
        {move || {
            session
                .notice
                .get()
                .map(|m| {
                    view! {
                        <div class="panel notice" role="status" data-testid=testid::TAB_NOTICE>
                            <span>{m}</span>
                            <button class="button small" on:click=move |_| session.notice.set(None)>
                                "Dismiss"
                            </button>
                        </div>
                    }
                })
        }}
    }
}
