//! The drill room: scenarios, the live drill with its debrief, and studies of many
//! simulated incidents.

pub mod live;
pub mod log;
pub mod scenario_form;
pub mod sensitivity;
pub mod study;
pub mod trend;
