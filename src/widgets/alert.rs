//! An alert banner that shows while its message is set.

use leptos::prelude::*;

/// A `role="alert"` panel: `lead` in bold, then the message, then `tail`; nothing while
/// `message` is `None`.
#[component]
pub fn Alert(
    /// The message; the banner shows only while it is set.
    #[prop(into)]
    message: Signal<Option<String>>,
    /// The `data-testid` of the banner.
    testid: &'static str,
    /// The bold opening words.
    lead: &'static str,
    /// Words after the message.
    #[prop(into, default = Signal::stored(String::new()))]
    tail: Signal<String>,
) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! {
                <div class="panel error" role="alert" data-testid=testid>
                    <strong>{lead}</strong>
                    {m}
                    {tail.get()}
                </div>
            }
        })
    }
}
