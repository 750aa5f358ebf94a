//! The app's pages, one per navigation tab.

pub mod design;
pub mod drill;
pub mod library;
pub mod share;
