//! Rotations as the importers make them, whatever the vendor: the fields every vendor
//! fills the same way (a placeholder id, no overrides, windows placed as the format
//! holds them). Each vendor keeps its own reading of turns, starts and restrictions.

use rungs_core::{Instant, PersonId, Rotation, RotationId, Shift, TimeZoneName, Window};

/// Windows as a rotation holds them: one in `window`; several (or none) in `windows`.
pub(crate) fn window_fields(mut windows: Vec<Window>) -> (Option<Window>, Vec<Window>) {
    if windows.len() == 1 {
        (windows.pop(), Vec::new())
    } else {
        (None, windows)
    }
}

/// A rotation read from a vendor, before [`crate::build::Builder::rotation`] gives it its
/// id (the one here is a placeholder): no overrides, `windows` placed by
/// [`window_fields`].
pub(crate) fn imported(
    name: String,
    members: Vec<PersonId>,
    shift: Shift,
    start: Instant,
    timezone: TimeZoneName,
    windows: Vec<Window>,
) -> Rotation {
    let (window, windows) = window_fields(windows);
    Rotation {
        id: RotationId::new("imported").expect("a valid id"),
        name,
        members,
        shift,
        start,
        timezone,
        window,
        windows,
        overrides: Vec::new(),
    }
}
