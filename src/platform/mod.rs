//! The browser: its clock, document, files, storage, location, the study's worker and
//! the service worker.
//! Nothing above this layer calls `web_sys` for these.

pub mod clock;
pub mod dom;
pub mod extras;
pub mod files;
pub mod hand_over;
pub mod library;
pub mod location;
pub mod offline;
pub mod on_demand;
pub mod study_worker;
pub mod timer;
pub mod worker;
pub mod worker_scope;
