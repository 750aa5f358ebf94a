//! The pure core of Rungs: the ladder and scenario formats, and (in later modules)
//! validation and simulation.
//!
//! Nothing here touches a browser, a clock or the file system; the app and the command
//! line are thin shells over it, so what runs in the browser and in CI is the same code.
//!
//! Layers, each importing only the ones before it: `text`, `duration`, `time`, `id`;
//! [`model`] (the documents, and [`Kind`], the one list of collections); `examples`,
//! `parse`, `schema`, `oncall`; [`diagnostic`] and [`validate`] (one file per rule group);
//! [`sim`], which runs on validated ladders; and the views built on them: [`edit`],
//! [`overview`], [`coverage`], [`paging`] (who is on call), [`diagram`], [`step_chart`], [`share`], [`history`],
//! [`calendar`] (on-call calendars as iCalendar files), [`diff`] (a readable diff of two ladders).

#![warn(missing_docs)]

pub mod calendar;
pub mod coverage;
pub mod diagnostic;
pub mod diagram;
pub mod diff;
pub mod drill;
pub mod duration;
pub mod edit;
pub mod entry;
pub mod examples;
pub mod history;
pub mod id;
pub mod library;
pub mod model;
pub mod oncall;
pub mod overview;
pub mod paging;
pub mod parse;
pub mod scenario;
#[cfg_attr(not(feature = "schema"), allow(dead_code))]
mod schema;
pub mod share;
pub mod shift;
pub mod sim;
pub mod step_chart;
pub mod study;
pub mod text;
pub mod time;
mod tzdb;
pub mod validate;
pub mod versions;
pub mod whatif;

pub use diagnostic::{Code, Diagnostic, Report, Severity};
pub use duration::{Duration, DurationError};
pub use id::*;
pub use model::*;
pub use parse::{
    parse_ladder, parse_scenario, to_canonical_json, ParseError, ParseErrorKind, MAX_DOCUMENT_BYTES,
};
#[cfg(feature = "schema")]
pub use schema::{ladder_schema, scenario_schema};
pub use shift::Shift;
pub use time::{ClockTime, Instant, TimeZoneName, Weekday};
pub use validate::{validate_ladder, validate_scenario};
