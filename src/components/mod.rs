//! The app's features, a folder each: what they draw comes from the core's view models
//! and the document in [`crate::state`]; generic pieces come from [`crate::widgets`].

pub mod designer;
pub mod drill;
pub mod history;
pub mod interop;
pub mod viewer;
