//! The designer: the ladder's sections, its diagram and coverage, the inspector with one
//! form per kind of entry, validation findings and the JSON editor.

pub mod calendar_download;
pub mod coverage;
pub mod diagram;
pub mod forms;
pub mod inspector;
pub mod ladder_summary;
pub mod people;
pub mod playbooks;
pub mod rotations;
pub mod rung;
pub mod schedule;
pub mod schedules;
pub mod section;
pub mod source_editor;
pub mod table_panel;
pub mod target;
pub mod triggers;
pub mod validation;
