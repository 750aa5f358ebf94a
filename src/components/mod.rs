//! Components, one per file.

pub mod alert;
pub mod header;
pub mod ladder_summary;
pub mod people;
pub mod rotations;
pub mod rung;
pub mod source_editor;
pub mod table_panel;
pub mod target;
pub mod triggers;
pub mod validation;
