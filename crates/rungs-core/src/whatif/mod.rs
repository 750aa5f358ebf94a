//! "What if": a ladder against another on one scenario (a paired comparison with
//! confidence intervals and verdicts), and which of a ladder's knobs matters most
//! (sensitivity, drawn as a tornado chart). Pure: the studies are run by the caller,
//! block by block, with the same run seeds for every ladder (common random numbers);
//! this module collects what each run needs ([`Outcomes`]), plans the variations, and
//! computes the statistics and view models. See docs/simulation.md, "Comparing two
//! ladders" and "Sensitivity".
//!
//! ```
//! use rungs_core::{parse_ladder, examples, sim, whatif};
//! let ladder = parse_ladder(examples::EXAMPLES[0].json).unwrap();
//! let doc = ladder.scenarios[0].to_document();
//! let model = sim::SimModel::new(&ladder, &doc).unwrap();
//! // each ladder's runs in blocks, anywhere; the outcomes joined in any order
//! let blocks: Vec<_> = sim::blocks(60, 2)
//!     .into_iter()
//!     .map(|b| whatif::Outcomes::block(&model, 7, b).1)
//!     .collect();
//! let old = whatif::Outcomes::join(&model, blocks, 60).unwrap();
//! let c = whatif::compare(&model, &old, &model, &old, 7).unwrap();
//! assert!(!c.regression());
//! assert!(c.differences.iter().all(|d| d.verdict == whatif::Verdict::NoClearDifference));
//! ```

mod compare;
mod outcomes;
pub mod sensitivity;
mod view;

pub use compare::{compare, Comparison, Difference, Measure, Verdict, RESAMPLES};
pub use outcomes::{Outcomes, OutcomesError};
pub use view::{comparison_rows, ComparisonRow};
