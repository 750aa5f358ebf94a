//! The Rungs web app: a thin Leptos shell over `rungs-core`.
//!
//! Layered, top to bottom; a module names only its own layer and those below it
//! (ARCHITECTURE.md; `scripts/check-layers.mjs` keeps it so):
//! [`app`] -> [`pages`] -> [`components`] -> [`widgets`] -> [`state`] -> [`platform`] ->
//! `rungs_core`. [`testid`] is a leaf any layer may name.

pub mod app;
pub mod components;
pub mod pages;
pub mod platform;
pub mod state;
pub mod testid;
pub mod widgets;

pub use app::App;
