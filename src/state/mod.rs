//! What the app holds for the session, in Leptos context: the document, the selection,
//! the library session with its autosave, the drill room, and the lenses the forms use.

pub mod doc;
pub mod drill_room;
pub mod entries;
pub mod lens;
pub mod live_room;
pub mod selection;
pub mod session;
pub mod study_room;
