//! The page's address: the ladder a share link carries in its fragment.

use rungs_core::Ladder;

/// What the page's URL fragment asks for: a shared ladder (with its canonical JSON,
/// which may be longer than the link's compact JSON), an error for a link that could not
/// be opened, or nothing.
pub fn ladder_from_location() -> Option<Result<(Ladder, String), String>> {
    Some(shared_ladder()?.map(|ladder| {
        let json = rungs_core::to_canonical_json(&ladder);
        (ladder, json)
    }))
}

/// The ladder the page's URL fragment carries, or why it could not be read; `None` when
/// the page is not a share link.
pub fn shared_ladder() -> Option<Result<Ladder, String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let payload = rungs_core::share::payload_of_fragment(&hash)?;
    Some(rungs_core::share::decode(payload).map_err(|e| e.to_string()))
}

/// The address of this app with `payload` as its share-link fragment.
pub fn share_url(payload: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .map(|l| {
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    format!("{base}#{}={payload}", rungs_core::share::FRAGMENT_KEY)
}
