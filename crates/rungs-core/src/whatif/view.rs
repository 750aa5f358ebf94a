//! A comparison as the screen and the command line show it: one row per figure, every
//! value as text, the verdict with a marker that does not rely on colour.

use super::compare::{Comparison, Difference, Measure, Verdict};
use crate::sim::format_duration;

impl Verdict {
    /// The marker shown beside the verdict: `▲ worse`, `▼ better`, `= no clear difference`.
    pub fn marker(self) -> &'static str {
        match self {
            Verdict::Better => "▼ better",
            Verdict::Worse => "▲ worse",
            Verdict::NoClearDifference => "= no clear difference",
        }
    }
}

/// One row of a comparison, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonRow {
    /// What the figure is: `sev1 acknowledge breach rate`, `p90 time to acknowledge`.
    pub label: String,
    /// The old ladder's value: `12.5%`, `4m30s`, `—`.
    pub old: String,
    /// The new ladder's value.
    pub new: String,
    /// The difference: `+2.1 pp`, `-1m30s`, `0s`, `—`.
    pub difference: String,
    /// The 95 % interval: `[+0.4, +3.9] pp`, `[-2m10s, -45s]`, `—`.
    pub ci: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The verdict's marker ([`Verdict::marker`]).
    pub marker: &'static str,
    /// Whether the row's verdict can fail `--fail-on-regression`.
    pub gates: bool,
}

/// The rows of `comparison`, in its order.
pub fn comparison_rows(comparison: &Comparison) -> Vec<ComparisonRow> {
    comparison.differences.iter().map(row).collect()
}

fn row(d: &Difference) -> ComparisonRow {
    let rate = d.measure == Measure::BreachRate;
    let value = |v: Option<f64>| match v {
        None => "—".to_string(),
        Some(x) if rate => format!("{:.1}%", x * 100.0),
        Some(x) => format_duration(x),
    };
    let signed = |x: f64| {
        if rate {
            format!("{:+.1}", x * 100.0)
        } else if x > 0.0 {
            format!("+{}", format_duration(x))
        } else {
            format_duration(x)
        }
    };
    let unit = if rate { " pp" } else { "" };
    ComparisonRow {
        label: match (&d.tier, d.measure) {
            (Some(t), _) => format!("{t} {} breach rate", d.timeline.as_str().replace('_', " ")),
            (None, m) => format!(
                "{} {}",
                if m == Measure::P90 { "p90" } else { "median" },
                d.timeline.figure_name().replace('_', " ")
            ),
        },
        old: value(d.old),
        new: value(d.new),
        difference: d
            .difference
            .map_or("—".into(), |x| format!("{}{unit}", signed(x))),
        ci: d.ci95.map_or("—".into(), |[lo, hi]| {
            format!("[{}, {}]{unit}", signed(lo), signed(hi))
        }),
        verdict: d.verdict,
        marker: d.verdict.marker(),
        gates: d.measure.gates(),
    }
}
