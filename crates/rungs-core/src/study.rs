//! A Monte Carlo study's form (how many runs and which seed) and the view models of its
//! results: rates, histogram charts and the breach table.

use std::ops::RangeInclusive;

use crate::text::group_thousands;

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

/// Reads a study's runs and seed fields ([`parse_runs`], [`parse_seed`]).
pub fn parse_inputs(runs: &str, seed: &str) -> Result<(u32, Option<u64>), String> {
    parse_runs(runs).and_then(|runs| parse_seed(seed).map(|seed| (runs, seed)))
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

/// Where a histogram's axes, ticks and marks go, as shares of its width or height, with
/// their labels: what the app draws for one [`FigureStats`].
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramChart {
    /// Time ticks along the bottom: `(share of the width, label)`, from `0` to the range.
    pub time_ticks: Vec<(f64, String)>,
    /// The width of a bin: `1m30s`.
    pub bin: String,
    /// The top of the count axis: a round count at or above the tallest bar.
    pub count_max: u32,
    /// Count ticks up the side: `(share of the height from the bottom, count)`.
    pub count_ticks: Vec<(f64, u32)>,
    /// Each bar's height as a share of the chart's height, one per bin.
    pub bars: Vec<f64>,
    /// The median, p90 and target lines, in that order (those that exist).
    pub marks: Vec<HistogramMark>,
}

/// A vertical line on a histogram.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramMark {
    /// What it marks.
    pub kind: MarkKind,
    /// Share of the width.
    pub at: f64,
    /// Its label: `median 3m25s`, `p90 8m46s`, `target 15m (SEV2 Major)`.
    pub label: String,
}

/// What a [`HistogramMark`] marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// The median of the runs that reached the figure.
    Median,
    /// Their 90th percentile.
    P90,
    /// The target of the tier most often in force at the figure's moment.
    Target,
}

impl MarkKind {
    /// A class name for styling.
    pub fn class(self) -> &'static str {
        match self {
            MarkKind::Median => "median",
            MarkKind::P90 => "p90",
            MarkKind::Target => "target",
        }
    }
}

/// The chart of `figure`'s histogram; `tier_name` names the target's tier (the summary
/// gives its id).
pub fn histogram_chart(
    figure: &crate::sim::FigureStats,
    tier_name: impl Fn(&str) -> String,
) -> HistogramChart {
    use crate::sim::format_secs;
    let h = &figure.histogram;
    let bins = h.counts.len().max(1);
    let range = h.bin_width * bins as f64;
    // ticks every 4 or 5 bins, whichever lands on the larger round unit (5 on a tie)
    let unit = |secs: u64| {
        [604_800, 86_400, 3600, 60, 1]
            .into_iter()
            .find(|u| secs % u == 0)
            .unwrap_or(1)
    };
    let w = h.bin_width as u64;
    let every = if unit(4 * w) > unit(5 * w) { 4 } else { 5 };
    let time_ticks = (0..=bins)
        .step_by(every)
        .map(|i| {
            let t = i as f64 * h.bin_width;
            let label = if i == 0 { "0".into() } else { whole_secs(t) };
            (i as f64 / bins as f64, label)
        })
        .collect();
    let peak = h.counts.iter().copied().max().unwrap_or(0);
    let count_max = round_up(peak.max(1));
    // 0, the middle when it is a whole count, and the top
    let middle = (count_max % 2 == 0).then_some(count_max / 2);
    let count_ticks = [Some(0), middle, Some(count_max)]
        .into_iter()
        .flatten()
        .map(|c| (f64::from(c) / f64::from(count_max), c))
        .collect();
    let bars = h
        .counts
        .iter()
        .map(|&n| f64::from(n) / f64::from(count_max))
        .collect();
    let share = |secs: f64| (secs / range).clamp(0.0, 1.0);
    let mut marks = Vec::new();
    if let Some(m) = figure.median {
        let label = format!("median {}", format_secs(Some(m)));
        marks.push(HistogramMark {
            kind: MarkKind::Median,
            at: share(m),
            label,
        });
    }
    if let Some(p) = figure.p90 {
        let label = format!("p90 {}", format_secs(Some(p)));
        marks.push(HistogramMark {
            kind: MarkKind::P90,
            at: share(p),
            label,
        });
    }
    if let Some(t) = h.target {
        let tier = h.target_tier.as_deref().map(&tier_name);
        let label = match tier {
            Some(name) => format!("target {} ({name})", whole_secs(t)),
            None => format!("target {}", whole_secs(t)),
        };
        marks.push(HistogramMark {
            kind: MarkKind::Target,
            at: share(t),
            label,
        });
    }
    HistogramChart {
        time_ticks,
        bin: whole_secs(h.bin_width),
        count_max,
        count_ticks,
        bars,
        marks,
    }
}

/// Whole seconds in the format's duration syntax: `3m`, `1h30m`.
fn whole_secs(secs: f64) -> String {
    crate::Duration::from_millis((secs * 1000.0).round() as u64).to_string()
}

/// The smallest of 1, 2, 5, 10, 20, 50, … at or above `n` (`n` ≥ 1), so that half of
/// it is a whole number too from 2 up.
fn round_up(n: u32) -> u32 {
    let mut base = 1u32;
    loop {
        for k in [1, 2, 5] {
            let v = base.saturating_mul(k);
            if v >= n {
                return v;
            }
        }
        base = base.saturating_mul(10);
    }
}

/// One cell of the breach table: how often a tier missed one target.
#[derive(Debug, Clone, PartialEq)]
pub enum BreachCell {
    /// No incident ever reached the tier.
    NotReached,
    /// `count` breaches, `rate` of the detected incidents.
    Rate {
        /// Share of detected incidents, 0..=1.
        rate: f64,
        /// Breaches, where the summary counts them.
        count: Option<u32>,
    },
}

impl BreachCell {
    /// The cell's text: `not reached`, `8.2% (163)`, or `1.0%` without a count.
    pub fn text(&self) -> String {
        match self {
            BreachCell::NotReached => "not reached".into(),
            BreachCell::Rate {
                rate,
                count: Some(n),
            } => {
                format!("{} ({})", percent(*rate), group_thousands(u64::from(*n)))
            }
            BreachCell::Rate { rate, count: None } => percent(*rate),
        }
    }
}

/// One tier's row of the breach table.
#[derive(Debug, Clone, PartialEq)]
pub struct BreachRow {
    /// The tier's id.
    pub tier: String,
    /// Detected incidents that were in the tier at some moment.
    pub reached: u32,
    /// Acknowledge, contain, resolve and first update, in that order.
    pub timelines: [BreachCell; 4],
    /// How often the tier's escalation policy ran out.
    pub exhausted: BreachCell,
}

/// The timelines of a [`BreachRow`], as the summary names them.
pub const BREACH_TIMELINES: [&str; 4] = ["acknowledge", "contain", "resolve", "first_update"];

/// The breach table of `summary` for `tiers` (ids, in the order to show them).
pub fn breach_rows<'a>(
    summary: &crate::sim::Summary,
    tiers: impl IntoIterator<Item = &'a str>,
) -> Vec<BreachRow> {
    tiers
        .into_iter()
        .map(|tier| {
            let reached = summary.tier_reached.get(tier).copied().unwrap_or(0);
            let cell = |rate: Option<f64>, count: Option<u32>| {
                if reached == 0 {
                    BreachCell::NotReached
                } else {
                    BreachCell::Rate {
                        rate: rate.unwrap_or(0.0),
                        count,
                    }
                }
            };
            let rates = summary.breach_rate.get(tier);
            let counts = summary.breach_count.get(tier);
            let timelines = BREACH_TIMELINES.map(|tl| {
                cell(
                    rates.and_then(|r| r.get(tl)).copied(),
                    Some(counts.and_then(|c| c.get(tl)).copied().unwrap_or(0)),
                )
            });
            // the summary keeps the exhausted share only, not its count
            let exhausted_rate = summary.exhausted_rate.get(tier).copied();
            BreachRow {
                tier: tier.to_string(),
                reached,
                timelines,
                exhausted: cell(exhausted_rate, None),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{FigureStats, Histogram, Summary};
    use std::collections::BTreeMap;

    fn figure(bin_width: f64, counts: Vec<u32>, target: Option<f64>) -> FigureStats {
        FigureStats {
            median: Some(200.0),
            p90: Some(530.0),
            p99: Some(790.0),
            reached: counts.iter().sum(),
            met_target: Some(0.9),
            histogram: Histogram {
                bin_width,
                counts,
                over: 0,
                target,
                target_tier: target.map(|_| "sev2".into()),
            },
        }
    }

    #[test]
    fn a_histogram_has_round_ticks_a_count_axis_and_named_marks() {
        let mut counts = vec![0; 20];
        counts[3] = 73;
        counts[4] = 10;
        let c = histogram_chart(&figure(45.0, counts, Some(900.0)), |id| {
            assert_eq!(id, "sev2");
            "SEV2 Major".into()
        });
        // 45 s bins: every 4 bins is 3 minutes, every 5 would be 3m45s
        let ticks: Vec<_> = c.time_ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(ticks, ["0", "3m", "6m", "9m", "12m", "15m"]);
        assert_eq!(c.time_ticks[5].0, 1.0);
        // the count axis runs to a round 100, ticked at 0, 50 and 100
        assert_eq!(c.bin, "45s");
        assert_eq!(c.count_max, 100);
        assert_eq!(c.count_ticks, [(0.0, 0), (0.5, 50), (1.0, 100)]);
        assert_eq!(c.bars[3], 0.73);
        let labels: Vec<_> = c.marks.iter().map(|m| (m.kind, m.label.as_str())).collect();
        assert_eq!(
            labels,
            [
                (MarkKind::Median, "median 3m20s"),
                (MarkKind::P90, "p90 8m50s"),
                (MarkKind::Target, "target 15m (SEV2 Major)"),
            ]
        );
        assert_eq!(c.marks[2].at, 1.0);
    }

    #[test]
    fn minute_bins_tick_every_five_and_small_counts_stay_whole() {
        let mut counts = vec![0; 20];
        counts[0] = 1;
        let c = histogram_chart(&figure(60.0, counts, None), |_| unreachable!());
        let ticks: Vec<_> = c.time_ticks.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(ticks, ["0", "5m", "10m", "15m", "20m"]);
        // a single run: the axis is 0 to 1, no half tick
        assert_eq!(c.count_max, 1);
        assert_eq!(c.count_ticks, [(0.0, 0), (1.0, 1)]);
        assert_eq!(c.marks.len(), 2);
        assert_eq!(
            [round_up(3), round_up(10), round_up(11), round_up(501)],
            [5, 10, 20, 1000]
        );
    }

    #[test]
    fn the_breach_table_gives_counts_and_says_when_a_tier_was_never_reached() {
        let summary = Summary {
            runs: 1000,
            seed: 1,
            incidents: 1000,
            figures: BTreeMap::new(),
            breach_rate: [("sev2".into(), [("acknowledge".into(), 0.163)].into())].into(),
            exhausted_rate: [("sev2".into(), 0.01)].into(),
            pages_per_person: BTreeMap::new(),
            off_hours_pages_per_person: BTreeMap::new(),
            breach_precursor: BTreeMap::new(),
            tier_reached: [("sev2".into(), 1000)].into(),
            breach_count: [("sev2".into(), [("acknowledge".into(), 163)].into())].into(),
            budget_exhausted_runs: 0,
        };
        let rows = breach_rows(&summary, ["sev1", "sev2"]);
        assert_eq!(rows[0].reached, 0);
        assert!(rows[0]
            .timelines
            .iter()
            .all(|c| *c == BreachCell::NotReached));
        assert_eq!(rows[0].exhausted.text(), "not reached");
        assert_eq!(rows[1].reached, 1000);
        let texts: Vec<_> = rows[1].timelines.iter().map(BreachCell::text).collect();
        assert_eq!(texts, ["16.3% (163)", "0.0% (0)", "0.0% (0)", "0.0% (0)"]);
        assert_eq!(rows[1].exhausted.text(), "1.0%");
    }
}
