//! The browser: its clock, document, files, storage, location and the study's worker.
//! Nothing above this layer calls `web_sys` for these.

pub mod clock;
pub mod dom;
pub mod files;
pub mod library;
pub mod location;
pub mod study_worker;
pub mod timer;
pub mod worker;
