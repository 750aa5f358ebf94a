//! The one place the drill reads the simulator's data fields (log entries, figures, the
//! compiled model). The rest of the drill module goes through these helpers and the
//! engine's public methods, so a retyping of the simulator's ids touches only this file.

use crate::sim::{EventKind, Figures, LogEntry, PerTimeline, SimModel, SimTime, TierIx, Timeline};
use crate::Duration;

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
        .map(|b| (b.tier.as_str(), b.timeline, b.at.as_secs_f64()))
        .collect()
}

/// The id of the tier the incident ended in.
pub(super) fn final_tier(f: &Figures) -> Option<&str> {
    f.final_tier.as_deref()
}

/// The measured figures the scorecard reads, by [`Timeline`].
pub(super) fn measured(f: &Figures) -> PerTimeline<Option<Duration>> {
    PerTimeline::from_fn(|tl| match tl {
        Timeline::Acknowledge => f.time_to_acknowledge,
        Timeline::Contain => f.time_to_contain,
        Timeline::Resolve => f.time_to_resolve,
        Timeline::FirstUpdate => f.time_to_first_update,
    })
}

/// The deadline of `timeline` of the tier with id `tier`.
pub(super) fn target(m: &SimModel, tier: &str, timeline: Timeline) -> Option<Duration> {
    let t = m.tiers.iter().find(|t| t.id.as_str() == tier)?;
    t.deadlines[timeline]
}

/// The name of the tier at index `tier`.
pub(super) fn tier_name(m: &SimModel, tier: TierIx) -> Option<String> {
    m.tiers.get(tier.index()).map(|t| t.name.clone())
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

/// The id of the tier in force when `timeline`'s figure was reached at `at`: the tier
/// the last opening, promotion, escalation or demotion logged before that figure's event
/// moved the incident to (a move at the same instant but after it does not count).
pub(super) fn tier_when(log: &[LogEntry], timeline: Timeline, at: SimTime) -> Option<&str> {
    let kind = match timeline {
        Timeline::Acknowledge => EventKind::Ack,
        Timeline::Contain => EventKind::Contained,
        Timeline::Resolve => EventKind::Resolved,
        Timeline::FirstUpdate => EventKind::FirstUpdate,
    };
    let end = log
        .iter()
        .position(|e| e.kind == kind && e.t >= at)
        .unwrap_or(log.len());
    log[..end]
        .iter()
        .rev()
        .find(|e| {
            matches!(
                e.kind,
                EventKind::Opened | EventKind::Promoted | EventKind::Escalated | EventKind::Demoted
            )
        })
        .and_then(|e| e.tier.as_deref())
}

/// When the incident was detected.
pub(super) fn detected_at(f: &Figures) -> Option<SimTime> {
    f.detected_at
}
