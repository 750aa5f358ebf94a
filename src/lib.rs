//! The Rungs web app: a thin Leptos shell over `rungs-core`.
//!
//! Components render the core's view models and forward what the user does; all the
//! logic they show lives in the core, where it is tested natively.

pub mod app;
pub mod components;
pub mod doc;
pub mod library;
pub mod pages;
pub mod session;
pub mod study_worker;
pub mod testid;

pub use app::App;
