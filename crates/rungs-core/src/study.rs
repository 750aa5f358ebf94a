//! Reading a Monte Carlo study's form: how many runs and which seed, and writing a rate.

use std::ops::RangeInclusive;

/// The numbers of runs a study may have.
pub const RUNS: RangeInclusive<u32> = 100..=100_000;

/// Reads the runs field: a whole number in [`RUNS`], digit groups (`,` `_` spaces)
/// allowed.
pub fn parse_runs(text: &str) -> Result<u32, String> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    match digits.parse::<u32>() {
        Ok(n) if RUNS.contains(&n) => Ok(n),
        _ => Err("Choose a whole number of runs from 100 to 100,000.".to_string()),
    }
}

/// Reads the seed field: empty for the scenario's seed, else a whole number.
pub fn parse_seed(text: &str) -> Result<Option<u64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u64>()
        .map(Some)
        .map_err(|_| "The seed is a whole number from 0 (or empty for the scenario's).".into())
}

/// A rate in 0..=1 as a percentage with one decimal: `0.125` is `12.5%`.
pub fn percent(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}
