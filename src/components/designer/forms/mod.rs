//! The inspector's forms, one file per kind of entry, and what they share.

pub mod common;
pub mod person;
pub mod playbook;
pub mod role;
pub mod rotation;
pub mod rotation_overrides;
pub mod rotation_windows;
pub mod schedule;
pub mod service;
pub mod template;
pub mod tier;
pub mod tier_steps;
pub mod trigger;

pub use common::{ZoneList, ZONES_LIST};
pub use person::PersonForm;
pub use playbook::PlaybookForm;
pub use role::RoleForm;
pub use rotation::RotationForm;
pub use schedule::ScheduleForm;
pub use service::ServiceForm;
pub use template::TemplateForm;
pub use tier::TierForm;
pub use trigger::TriggerForm;
