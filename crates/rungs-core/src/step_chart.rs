//! A scenario signal as an editable step chart: the scale that maps points to the chart
//! and back, and the edits a pointer or the keyboard makes (move, add, remove a point).
//!
//! Positions are unit fractions of the plot area (`0.0..=1.0`, `y` up), so the app only
//! maps them to pixels. Every edit keeps the points in strictly increasing time order and
//! within the scenario's horizon, so a chart edit never produces a finding the text
//! editor could not; times snap to whole steps (a minute on a long horizon) and values to
//! two significant digits of the chart's top, so dragging writes readable numbers.

use crate::{Duration, SignalPoint};

/// How points map to the chart: time from 0 to `end`, value from 0 to `top`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepScale {
    /// The horizon: the right edge of the chart.
    pub end: Duration,
    /// The value at the top edge: a round number above every point and threshold.
    pub top: f64,
}

impl StepScale {
    /// The scale for `points` within `horizon`, with head-room above the largest of the
    /// points and `thresholds` so a point can be dragged above it.
    pub fn new(points: &[SignalPoint], horizon: Duration, thresholds: &[f64]) -> Self {
        let max = points
            .iter()
            .map(|p| p.1)
            .chain(thresholds.iter().copied())
            .filter(|v| v.is_finite())
            .fold(0.0f64, f64::max);
        let top = if max > 0.0 {
            nice_ceil(max * 1.25)
        } else {
            1.0
        };
        StepScale {
            end: horizon.max(Duration::from_secs(1)),
            top,
        }
    }

    /// Where a point sits, as fractions of the plot (`x` from the start, `y` from the
    /// bottom), clamped to the chart.
    pub fn to_unit(&self, at: Duration, value: f64) -> (f64, f64) {
        let x = at.as_millis() as f64 / self.end.as_millis() as f64;
        (x.clamp(0.0, 1.0), (clean(value) / self.top).clamp(0.0, 1.0))
    }

    /// The point at fractions (`x`, `y`) of the plot, snapped to [`Self::time_step`] and
    /// [`Self::value_step`].
    pub fn from_unit(&self, x: f64, y: f64) -> (Duration, f64) {
        let step = self.time_step().as_millis() as f64;
        let ms = (x.clamp(0.0, 1.0) * self.end.as_millis() as f64 / step).round() * step;
        (
            Duration::from_millis(ms as u64),
            self.snap_value(y.clamp(0.0, 1.0) * self.top),
        )
    }

    /// The time grid points snap to: a minute, or five seconds on horizons under ten
    /// minutes.
    pub fn time_step(&self) -> Duration {
        if self.end < Duration::from_mins(10) {
            Duration::from_secs(5)
        } else {
            Duration::from_mins(1)
        }
    }

    /// The value grid: a hundredth of the top's order of magnitude (two significant
    /// digits), e.g. `0.01` when the top is `0.5`.
    pub fn value_step(&self) -> f64 {
        10f64.powi(self.top.log10().floor() as i32 - 1)
    }

    /// `value` on the value grid, without binary noise (`0.3`, not `0.30000000000000004`).
    pub fn snap_value(&self, value: f64) -> f64 {
        let step = self.value_step();
        let decimals = (-step.log10().round()).max(0.0) as usize;
        let snapped = ((value / step).round() * step).max(0.0);
        format!("{snapped:.decimals$}").parse().unwrap_or(snapped)
    }
}

/// A chart label for `v`: `0.25`, `40`, `2.5k`, `100k`, `1.5M`; short enough for the axis.
pub fn axis_label(v: f64) -> String {
    let (scaled, unit) = match v.abs() {
        a if a >= 1e6 => (v / 1e6, "M"),
        a if a >= 1e3 => (v / 1e3, "k"),
        _ => (v, ""),
    };
    let rounded = (scaled * 1000.0).round() / 1000.0;
    format!("{rounded}{unit}")
}

/// The unit a metric is measured in, read from its name as teams write them: `_ms` is
/// milliseconds, `_s` or `_seconds` seconds, `_pct` or `_percent` percent, `_per_hour`
/// and `_per_minute` rates, `_rate`, `saturation` or `_ratio` a share from 0 to 1, and
/// `_count`, `_total` or a plural a count; `None` when the name does not say.
pub fn metric_unit(metric: &str) -> Option<&'static str> {
    let m = metric.to_ascii_lowercase();
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| m.ends_with(s));
    Some(if ends(&["_ms", "_millis", "_milliseconds"]) {
        "milliseconds"
    } else if ends(&["_s", "_secs", "_seconds"]) {
        "seconds"
    } else if ends(&["_pct", "_percent"]) {
        "percent"
    } else if ends(&["_per_hour"]) {
        "per hour"
    } else if ends(&["_per_minute", "_per_min"]) {
        "per minute"
    } else if ends(&["_per_second", "_per_sec", "_rps", "_qps"]) {
        "per second"
    } else if ends(&[
        "_rate",
        "_ratio",
        "saturation",
        "utilization",
        "utilisation",
    ]) {
        "share, 0 to 1"
    } else if ends(&["_count", "_total", "s"]) {
        "count"
    } else {
        return None;
    })
}

/// What the step chart's vertical axis shows: the service and metric, with the unit
/// where the metric's name says it (`Checkout error_rate (share, 0 to 1)`).
pub fn axis_title(service: &str, metric: &str) -> String {
    match metric_unit(metric) {
        Some(unit) => format!("{service} {metric} ({unit})"),
        None => format!("{service} {metric}"),
    }
}

/// The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `v` (`v > 0`).
fn nice_ceil(v: f64) -> f64 {
    let mag = 10f64.powi(v.log10().floor() as i32);
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|c| *c >= v * (1.0 - 1e-12))
        .unwrap_or(10.0 * mag)
}

/// The earliest and latest time point `k` can take: after the point before it, before
/// the point after it and before the horizon, a grid step away from each where there is
/// room and a second away where there is not. `None` when there is no room at all (the
/// points around it are already closer than two seconds, or out of order).
fn bounds(
    points: &[SignalPoint],
    k: usize,
    step: Duration,
    end: Duration,
) -> Option<(Duration, Duration)> {
    const SECOND: u64 = 1_000;
    let step = step.as_millis();
    let prev = k.checked_sub(1).map(|j| points[j].0.as_millis());
    let next = points.get(k + 1).map_or(end, |n| n.0.min(end)).as_millis();
    let gap = next.saturating_sub(prev.unwrap_or(0));
    let margin = if gap >= 2 * step { step } else { SECOND };
    let lo = prev.map_or(0, |p| p + margin);
    let hi = next.checked_sub(margin)?;
    (lo <= hi).then(|| (Duration::from_millis(lo), Duration::from_millis(hi)))
}

/// A value a point can have: finite and not negative.
fn clean(value: f64) -> f64 {
    if value.is_finite() {
        value.max(0.0)
    } else {
        0.0
    }
}

/// Moves point `k` to (`at`, `value`), keeping it after the point before it and before
/// the point after it (so its index stays `k`) and the value non-negative. Where there
/// is no room to move in time, only the value changes. Does nothing for an index out of
/// range.
pub fn move_point(
    points: &mut [SignalPoint],
    k: usize,
    at: Duration,
    value: f64,
    scale: &StepScale,
) {
    if k >= points.len() {
        return;
    }
    let at = match bounds(points, k, scale.time_step(), scale.end) {
        Some((lo, hi)) => at.clamp(lo, hi),
        None => points[k].0,
    };
    points[k] = SignalPoint(at, clean(value));
}

/// Adds a point at (`at`, `value`) in time order and returns its index. A point already
/// at that time takes the new value instead. A time at or past the horizon (a click at
/// the chart's right edge) is moved a grid step before it; `None` when the horizon is
/// shorter than a step.
pub fn add_point(
    points: &mut Vec<SignalPoint>,
    at: Duration,
    value: f64,
    scale: &StepScale,
) -> Option<usize> {
    let last = scale
        .end
        .as_millis()
        .checked_sub(scale.time_step().as_millis())?;
    let at = at.min(Duration::from_millis(last));
    let value = clean(value);
    match points.binary_search_by(|p| p.0.cmp(&at)) {
        Ok(k) => {
            points[k].1 = value;
            Some(k)
        }
        Err(k) => {
            points.insert(k, SignalPoint(at, value));
            Some(k)
        }
    }
}

/// What a key does to point `k`: arrows move it one grid step (Shift: ten), Delete or
/// Backspace removes it. Returns whether the key was one of these.
pub fn key_edit(
    points: &mut Vec<SignalPoint>,
    k: usize,
    key: &str,
    shift: bool,
    scale: &StepScale,
) -> bool {
    let Some(&SignalPoint(at, value)) = points.get(k) else {
        return false;
    };
    let n = if shift { 10 } else { 1 };
    let dt = scale.time_step().as_millis() * n;
    let dv = scale.value_step() * n as f64;
    let (at, value) = match key {
        "ArrowUp" => (at, value + dv),
        "ArrowDown" => (at, value - dv),
        "ArrowLeft" => (
            Duration::from_millis(at.as_millis().saturating_sub(dt)),
            value,
        ),
        "ArrowRight" => (Duration::from_millis(at.as_millis() + dt), value),
        "Delete" | "Backspace" => {
            points.remove(k);
            return true;
        }
        _ => return false,
    };
    move_point(points, k, at, scale.snap_value(value), scale);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(p: &[(u64, f64)]) -> Vec<SignalPoint> {
        p.iter()
            .map(|&(m, v)| SignalPoint(Duration::from_mins(m), v))
            .collect()
    }
    fn ordered(p: &[SignalPoint]) -> bool {
        p.windows(2).all(|w| w[0].0 < w[1].0)
    }

    /// One edit of a random walk: `what` 0 moves point `k` to (`x`, `y`), 1 adds a point
    /// there, 2 presses `key` on point `k`.
    fn random_edit(
        p: &mut Vec<SignalPoint>,
        s: &StepScale,
        what: u64,
        k: usize,
        (x, y): (f64, f64),
        key: &str,
        shift: bool,
    ) {
        let (at, v) = s.from_unit(x, y);
        match what {
            0 => move_point(p, k, at, v, s),
            1 => {
                add_point(p, at, v, s);
            }
            _ => {
                key_edit(p, k, key, shift, s);
            }
        }
    }

    #[test]
    fn the_scale_leaves_room_above_points_and_thresholds() {
        let s = StepScale::new(
            &pts(&[(0, 0.01), (5, 0.4)]),
            Duration::from_mins(60),
            &[0.05],
        );
        assert_eq!(s.top, 0.5);
        assert_eq!(s.value_step(), 0.01);
        let s = StepScale::new(&pts(&[(0, 900.0)]), Duration::from_mins(60), &[1500.0]);
        assert_eq!(s.top, 2000.0);
        assert_eq!(s.value_step(), 100.0);
        let s = StepScale::new(&[], Duration::ZERO, &[]);
        assert_eq!((s.top, s.end), (1.0, Duration::from_secs(1)));
    }

    #[test]
    fn axis_labels_stay_short() {
        let cases = [
            (0.5, "0.5"),
            (0.025, "0.025"),
            (40.0, "40"),
            (2500.0, "2.5k"),
            (100_000.0, "100k"),
            (2_500_000.0, "2.5M"),
            (0.1 + 0.2, "0.3"),
        ];
        for (v, text) in cases {
            assert_eq!(axis_label(v), text);
        }
    }

    #[test]
    fn unit_positions_round_trip_on_the_grid() {
        let s = StepScale::new(&pts(&[(0, 0.2)]), Duration::from_mins(100), &[]);
        assert_eq!(s.top, 0.25);
        let (x, y) = s.to_unit(Duration::from_mins(25), 0.1);
        assert_eq!((x, y), (0.25, 0.4));
        assert_eq!(s.from_unit(x, y), (Duration::from_mins(25), 0.1));
        // Off the chart clamps; between grid lines snaps.
        assert_eq!(s.from_unit(1.7, -0.2), (Duration::from_mins(100), 0.0));
        assert_eq!(s.from_unit(0.2551, 0.5123), (Duration::from_mins(26), 0.13));
        assert_eq!(s.snap_value(0.1 + 0.2), 0.3);
        // Short horizons snap to five seconds.
        let short = StepScale::new(&[], Duration::from_mins(5), &[]);
        assert_eq!(short.from_unit(0.5, 0.0).0, Duration::from_secs(150));
    }

    #[test]
    fn moving_keeps_order_and_the_horizon() {
        let s = StepScale::new(&pts(&[(0, 0.1)]), Duration::from_mins(60), &[]);
        let mut p = pts(&[(0, 0.1), (10, 0.3), (20, 0.0)]);
        move_point(&mut p, 1, Duration::from_mins(30), 0.2, &s);
        assert_eq!(p[1], SignalPoint(Duration::from_mins(19), 0.2));
        move_point(&mut p, 1, Duration::ZERO, -4.0, &s);
        assert_eq!(p[1], SignalPoint(Duration::from_mins(1), 0.0));
        move_point(&mut p, 2, Duration::from_mins(90), f64::NAN, &s);
        assert_eq!(p[2], SignalPoint(Duration::from_mins(59), 0.0));
        move_point(&mut p, 9, Duration::ZERO, 1.0, &s);
        assert!(ordered(&p));
    }

    #[test]
    fn close_neighbours_leave_a_second_or_nothing() {
        let s = StepScale::new(&[], Duration::from_mins(60), &[]);
        let secs = |p: &[(u64, f64)]| -> Vec<SignalPoint> {
            p.iter()
                .map(|&(t, v)| SignalPoint(Duration::from_secs(t), v))
                .collect()
        };
        // 30 s apart on a one-minute grid: the middle point keeps a second from each side
        let mut p = secs(&[(0, 0.0), (30, 1.0), (60, 2.0)]);
        move_point(&mut p, 1, Duration::from_mins(5), 1.5, &s);
        assert_eq!(p[1], SignalPoint(Duration::from_secs(59), 1.5));
        assert!(key_edit(&mut p, 1, "ArrowLeft", true, &s));
        assert_eq!(p[1].0, Duration::from_secs(1));
        // near the horizon
        let mut p = secs(&[(3540, 0.0), (3570, 1.0)]);
        move_point(&mut p, 1, Duration::from_mins(60), 1.0, &s);
        assert_eq!(p[1].0, Duration::from_secs(3599));
        // no room at all: the time stays, the value still moves
        let mut p = secs(&[(10, 0.0), (11, 1.0), (12, 2.0)]);
        move_point(&mut p, 1, Duration::ZERO, 0.5, &s);
        assert_eq!(p[1], SignalPoint(Duration::from_secs(11), 0.5));
        // a non-number never reaches the chart's geometry
        assert_eq!(s.to_unit(Duration::ZERO, f64::NAN), (0.0, 0.0));
    }

    #[test]
    fn adding_inserts_in_order_or_replaces_at_the_same_time() {
        let s = StepScale::new(&[], Duration::from_mins(60), &[]);
        let mut p = pts(&[(0, 0.1), (20, 0.0)]);
        assert_eq!(add_point(&mut p, Duration::from_mins(10), 0.5, &s), Some(1));
        assert_eq!(add_point(&mut p, Duration::from_mins(20), 0.7, &s), Some(2));
        assert_eq!(p, pts(&[(0, 0.1), (10, 0.5), (20, 0.7)]));
        // the right edge is a step before the horizon
        assert_eq!(add_point(&mut p, Duration::from_mins(60), 0.2, &s), Some(3));
        assert_eq!(p[3], SignalPoint(Duration::from_mins(59), 0.2));
        let tiny = StepScale::new(&[], Duration::from_secs(4), &[]);
        assert_eq!(add_point(&mut p, Duration::from_secs(4), 0.2, &tiny), None);
    }

    #[test]
    fn keys_step_move_and_remove() {
        let s = StepScale::new(&pts(&[(0, 0.4)]), Duration::from_mins(60), &[]);
        let mut p = pts(&[(0, 0.1), (10, 0.3)]);
        assert!(key_edit(&mut p, 1, "ArrowUp", false, &s));
        assert_eq!(p[1].1, 0.31);
        assert!(key_edit(&mut p, 1, "ArrowLeft", true, &s));
        assert_eq!(p[1].0, Duration::from_mins(1));
        assert!(key_edit(&mut p, 1, "ArrowLeft", false, &s));
        assert_eq!(
            p[1].0,
            Duration::from_mins(1),
            "cannot pass the point before it"
        );
        assert!(key_edit(&mut p, 0, "ArrowDown", true, &s));
        assert_eq!(p[0].1, 0.0);
        assert!(!key_edit(&mut p, 0, "a", false, &s));
        assert!(key_edit(&mut p, 0, "Delete", false, &s));
        assert_eq!(p, vec![SignalPoint(Duration::from_mins(1), 0.31)]);
        assert!(!key_edit(&mut p, 4, "Delete", false, &s));
    }

    #[test]
    fn edits_of_off_grid_points_on_any_horizon_stay_valid() {
        // Points typed at odd seconds, on horizons from a minute to ten hours: after every
        // edit, still in strictly increasing time order, before the horizon, whole seconds.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let keys = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Delete"];
        for _ in 0..300 {
            let horizon = Duration::from_secs(60 + next(36_000));
            let mut t = 0;
            let mut p = Vec::new();
            while t < horizon.as_millis() / 1000 {
                p.push(SignalPoint(
                    Duration::from_secs(t),
                    next(1000) as f64 / 100.0,
                ));
                t += 1 + if next(2) == 0 { next(3) } else { next(900) };
            }
            for _ in 0..40 {
                let s = StepScale::new(&p, horizon, &[]);
                let k = next(p.len() as u64 + 1) as usize;
                let (x, y) = (next(1201) as f64 / 1000.0 - 0.1, next(1000) as f64 / 1000.0);
                let (what, key) = (next(3), keys[next(keys.len() as u64) as usize]);
                random_edit(&mut p, &s, what, k, (x, y), key, next(2) == 0);
                assert!(ordered(&p), "{p:?}");
                assert!(
                    p.iter()
                        .all(|q| q.0 < horizon && q.0.as_millis() % 1000 == 0),
                    "{horizon} {p:?}"
                );
            }
        }
    }

    #[test]
    fn any_edit_sequence_keeps_points_valid() {
        // A fixed pseudo-random walk of edits from ordered points: after each one, the
        // points stay in strictly increasing time order and before the horizon.
        let horizon = Duration::from_mins(45);
        let mut p = pts(&[(0, 0.02), (5, 0.4), (30, 0.0)]);
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 10_000) as f64 / 10_000.0
        };
        let keys = [
            "ArrowUp",
            "ArrowDown",
            "ArrowLeft",
            "ArrowRight",
            "Delete",
            "x",
        ];
        for _ in 0..5_000 {
            let s = StepScale::new(&p, horizon, &[0.05]);
            let (x, y) = (next() * 1.2 - 0.1, next() * 1.2 - 0.1);
            let k = (next() * (p.len() + 1) as f64) as usize;
            let (what, key) = (
                (next() * 3.0) as u64,
                keys[(next() * keys.len() as f64) as usize],
            );
            random_edit(&mut p, &s, what, k, (x, y), key, next() < 0.5);
            assert!(ordered(&p), "{p:?}");
            assert!(p.iter().all(|q| q.0 < horizon && q.1 >= 0.0), "{p:?}");
        }
    }

    #[test]
    fn the_axis_names_the_metric_and_its_unit() {
        assert_eq!(
            axis_title("Checkout", "error_rate"),
            "Checkout error_rate (share, 0 to 1)"
        );
        assert_eq!(
            axis_title("API Gateway", "latency_p99_ms"),
            "API Gateway latency_p99_ms (milliseconds)"
        );
        assert_eq!(metric_unit("replication_lag_s"), Some("seconds"));
        assert_eq!(metric_unit("revenue_at_risk_per_hour"), Some("per hour"));
        assert_eq!(metric_unit("anomalous_key_exports"), Some("count"));
        assert_eq!(metric_unit("saturation"), Some("share, 0 to 1"));
        // a name that does not say stays without a unit
        assert_eq!(metric_unit("p99"), None);
        assert_eq!(axis_title("Search", "p99"), "Search p99");
    }
}
