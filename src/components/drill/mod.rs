//! The drill room: scenarios, the live drill with its debrief, and studies of many
//! simulated incidents.

pub mod live;
pub mod past;
pub mod scenario_form;
pub mod study;
