//! Components, one per file.

pub mod alert;
pub mod coverage;
pub mod diagram;
pub mod drill_room;
pub mod entity_forms;
pub mod fields;
pub mod header;
pub mod inspector;
pub mod ladder_summary;
pub mod live_drill;
pub mod more;
pub mod people;
pub mod playbooks;
pub mod reorder;
pub mod rotations;
pub mod rung;
pub mod scenario_form;
pub mod section;
pub mod source_editor;
pub mod step_chart;
pub mod study;
pub mod table_panel;
pub mod target;
pub mod tier_form;
pub mod triggers;
pub mod validation;
