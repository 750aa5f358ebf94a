//! Generic pieces the features are drawn with: form fields, alerts, long lists,
//! reorderable lists and charts. They know the document, never a feature.

pub mod alert;
pub mod each;
pub mod extra;
pub mod fields;
pub mod histogram;
pub mod instant;
pub mod more;
pub mod plot;
pub mod reorder;
pub mod step_chart;
