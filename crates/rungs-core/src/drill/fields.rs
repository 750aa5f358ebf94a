//! The one place the drill reads the simulator's data fields (log entries, figures, the
//! compiled model). The rest of the drill module goes through these helpers and the
//! engine's public methods, so a retyping of the simulator's ids touches only this file.

use crate::sim::{EventKind, Figures, LogEntry, SimModel, SimTime, Timeline};

/// A log entry as the drill reads it: ids as plain text.
pub(super) struct Event<'a> {
    pub t: SimTime,
    pub kind: EventKind,
    pub tier: Option<&'a str>,
    pub who: Option<&'a str>,
    pub detail: &'a str,
}

/// The parts of a log entry.
pub(super) fn event(e: &LogEntry) -> Event<'_> {
    Event {
        t: e.t,
        kind: e.kind,
        tier: e.tier.as_deref(),
        who: e.who.as_deref(),
        detail: &e.detail,
    }
}

/// The breaches, in order, as the drill reads them: (tier id, timeline, seconds from
/// start).
pub(super) fn breaches(f: &Figures) -> Vec<(&str, Timeline, f64)> {
    f.breaches
        .iter()
        .map(|b| (b.tier.as_str(), b.timeline, b.at))
        .collect()
}

/// The id of the tier the incident ended in.
pub(super) fn final_tier(f: &Figures) -> Option<&str> {
    f.final_tier.as_deref()
}

/// The measured figures the scorecard reads, in seconds, indexed by [`Timeline`].
pub(super) fn measured(f: &Figures) -> [Option<f64>; 4] {
    let mut v = [None; 4];
    v[Timeline::Acknowledge as usize] = f.time_to_acknowledge;
    v[Timeline::Contain as usize] = f.time_to_contain;
    v[Timeline::Resolve as usize] = f.time_to_resolve;
    v[Timeline::FirstUpdate as usize] = f.time_to_first_update;
    v
}

/// The deadline of `timeline` of the tier with id `tier`, in seconds.
pub(super) fn target(m: &SimModel, tier: &str, timeline: Timeline) -> Option<f64> {
    let t = m.tiers.iter().find(|t| t.id.as_str() == tier)?;
    t.deadlines[timeline as usize].map(|ms| ms as f64 / 1000.0)
}

/// The name of the tier at index `tier`.
pub(super) fn tier_name(m: &SimModel, tier: usize) -> Option<String> {
    m.tiers.get(tier).map(|t| t.name.clone())
}

/// "service metric" of each signal slot, in slot order.
pub(super) fn signal_labels(m: &SimModel) -> Vec<String> {
    m.signals
        .iter()
        .map(|s| format!("{} {}", s.service, s.metric))
        .collect()
}

/// The scenario's seed.
pub(super) fn seed(m: &SimModel) -> u64 {
    m.seed
}
