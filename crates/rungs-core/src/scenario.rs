//! Making a scenario and reading its form's fields: the start instant as a date-time
//! picker gives it, and a signal's points typed as `offset=value` pairs.

use crate::{Duration, SignalPoint};

pub use crate::edit::new_scenario;

/// Reads a signal's points typed as `offset=value` pairs separated by commas
/// (`0s=0, 5m=0.3`); empty pairs are skipped.
pub fn parse_points(s: &str) -> Result<Vec<SignalPoint>, String> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (at, value) = p
                .split_once('=')
                .ok_or_else(|| format!("`{p}` is not `offset=value`, e.g. `5m=0.3`"))?;
            let at = at.trim().parse::<Duration>().map_err(|e| e.to_string())?;
            let value: f64 = value
                .trim()
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| format!("`{}` is not a number", value.trim()))?;
            Ok(SignalPoint(at, value))
        })
        .collect()
}

/// Writes a signal's points the way [`parse_points`] reads them: `0s=0, 5m=0.3`.
#[allow(clippy::ptr_arg)] // a form field's `show` is `fn(&T) -> String`, and T is the Vec
pub fn show_points(p: &Vec<SignalPoint>) -> String {
    p.iter()
        .map(|SignalPoint(at, v)| format!("{at}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}
