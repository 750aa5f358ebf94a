//! What a drill reads out: event lines with names instead of ids, the scorecard, pages
//! per person, the facilitator's notes and the debrief (Markdown, and JSON in the
//! `rungs.debrief/v1` format).

use std::collections::BTreeMap;

use super::fields::{self, event};
use super::DrillSession;
use crate::sim::{format_duration as fmt_secs, EventKind, LogEntry, SimTime, Timeline};
use crate::text::markdown_text as md_text;
use crate::{Duration, Ladder};

/// The display name of the ladder's person or tier with id `id` (the id itself when
/// neither has it).
pub fn name_of(l: &Ladder, id: &str) -> String {
    l.people
        .iter()
        .find(|p| p.id.as_str() == id)
        .map(|p| p.name.clone())
        .or_else(|| {
            l.tiers
                .iter()
                .find(|t| t.id.as_str() == id)
                .map(|t| t.name.clone())
        })
        .unwrap_or_else(|| id.to_string())
}

/// One line of the event log, with names instead of ids:
/// `+00:05:00 SEV2 Major paged Ana (payments-primary, step 1)`.
pub fn describe(l: &Ladder, e: &LogEntry) -> String {
    let e = event(e);
    let mut s = format!("{} ", e.t);
    if let Some(t) = e.tier {
        s.push_str(&name_of(l, t));
        s.push(' ');
    }
    s.push_str(e.kind.as_str());
    if let Some(w) = e.who {
        s.push(' ');
        s.push_str(&name_of(l, w));
    }
    if !e.detail.is_empty() {
        s.push_str(&format!(" ({})", e.detail));
    }
    s
}

/// Pages per person in `log`, by name, most paged first (then by name).
pub fn pages(l: &Ladder, log: &[LogEntry]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for e in log.iter().map(event).filter(|e| e.kind == EventKind::Page) {
        if let Some(w) = e.who {
            *counts.entry(name_of(l, w)).or_default() += 1;
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// The lanes of the swimlane timeline: every tier and person `log` concerns, as
/// (id, name), in order of first appearance.
pub fn lanes(l: &Ladder, log: &[LogEntry]) -> Vec<(String, String)> {
    let mut lanes: Vec<(String, String)> = Vec::new();
    for e in log.iter().map(event) {
        for id in [e.tier, e.who].into_iter().flatten() {
            if !lanes.iter().any(|(x, _)| x == id) {
                lanes.push((id.to_string(), name_of(l, id)));
            }
        }
    }
    lanes
}

/// A mark on the swimlane timeline: an event (signals aside) in the lane of the person
/// it concerns, else of its tier.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineMark {
    /// When.
    pub t: SimTime,
    /// The lane's id (see [`lanes`]).
    pub lane: String,
    /// What happened.
    pub kind: EventKind,
}

/// The marks of the swimlane timeline, in log order.
pub fn timeline_marks(log: &[LogEntry]) -> Vec<TimelineMark> {
    log.iter()
        .map(event)
        .filter(|e| e.kind != EventKind::Signal)
        .filter_map(|e| {
            Some(TimelineMark {
                t: e.t,
                lane: e.who.or(e.tier)?.to_string(),
                kind: e.kind,
            })
        })
        .collect()
}

/// The breaches drawn across every lane: (when, the breach's detail).
pub fn timeline_breaches(log: &[LogEntry]) -> Vec<(SimTime, String)> {
    log.iter()
        .map(event)
        .filter(|e| e.kind == EventKind::Breach)
        .map(|e| (e.t, e.detail.to_string()))
        .collect()
}

/// The end of the timeline's axis, in ms: the last event, and at least a minute.
pub fn timeline_end(log: &[LogEntry]) -> u64 {
    log.last().map_or(60_000, |e| event(e).t.0.max(60_000))
}

/// One row of the scorecard: figure, measured value, target, met.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    /// The figure, e.g. "Time to acknowledge".
    pub figure: &'static str,
    /// Measured, in seconds.
    pub value: Option<Duration>,
    /// The target it is judged against: that of the tier in force when the figure was
    /// reached (the tier the incident ended in, for a figure never reached), the rule
    /// the study's `met_target` follows too (docs/simulation.md).
    pub target: Option<Duration>,
    /// The id of the tier the target comes from.
    pub tier: Option<String>,
}

impl ScoreRow {
    /// Whether the value met the target (`None` when either is missing).
    pub fn met(&self) -> Option<bool> {
        Some(self.value? <= self.target?)
    }
}

impl DrillSession {
    /// The scorecard: each figure against the target of the tier in force when it was
    /// reached (see [`ScoreRow::target`]).
    pub fn scorecard(&self) -> Vec<ScoreRow> {
        let f = self.engine.figures();
        let measured = fields::measured(&f);
        let log = self.engine.log();
        let tier_of = |tl: Timeline, value: Option<Duration>| {
            match (fields::detected_at(&f), value) {
                (Some(at), Some(v)) => fields::tier_when(log, tl, at.plus(v)),
                _ => None,
            }
            .or_else(|| fields::final_tier(&f))
        };
        [
            ("Time to acknowledge", Timeline::Acknowledge),
            ("Time to contain", Timeline::Contain),
            ("Time to resolve", Timeline::Resolve),
            ("Time to first update", Timeline::FirstUpdate),
        ]
        .into_iter()
        .map(|(figure, tl)| {
            let tier = tier_of(tl, measured[tl]);
            ScoreRow {
                figure,
                value: measured[tl],
                target: tier.and_then(|t| fields::target(&self.model, t, tl)),
                tier: tier.map(str::to_string),
            }
        })
        .collect()
    }

    /// The breaches as the scorecard lists them: `SEV2 missed acknowledge at +5m00s`.
    pub fn breaches(&self, l: &Ladder) -> Vec<String> {
        fields::breaches(&self.engine.figures())
            .into_iter()
            .map(|(tier, timeline, at)| {
                format!(
                    "{} missed {} at +{}",
                    name_of(l, tier),
                    timeline.as_str(),
                    fmt_secs(at)
                )
            })
            .collect()
    }

    /// Pages per person so far (see [`pages`]).
    pub fn pages(&self, l: &Ladder) -> Vec<(String, usize)> {
        pages(l, self.engine.log())
    }

    /// Every event so far, described (see [`describe`]).
    pub fn events(&self, l: &Ladder) -> Vec<String> {
        self.engine.log().iter().map(|e| describe(l, e)).collect()
    }

    /// The facts at the head of a debrief, as (label, value) lines.
    pub fn debrief_facts(&self, l: &Ladder) -> Vec<(&'static str, String)> {
        let mut facts = vec![
            ("Scenario", self.scenario.clone()),
            ("Started (simulated)", self.model.instant(0).to_string()),
            (
                "Played by people in the room",
                if self.humans.is_empty() {
                    "nobody".to_string()
                } else {
                    self.humans
                        .iter()
                        .map(|h| name_of(l, h))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
            ),
        ];
        if let Some(t) = fields::final_tier(&self.engine.figures()) {
            facts.push(("Final tier", name_of(l, t)));
        }
        facts.push((
            "Ran for (simulated)",
            fmt_secs(self.engine.now().0 as f64 / 1000.0),
        ));
        facts
    }

    /// The facilitator's notes, in order.
    pub fn notes(&self) -> Vec<(SimTime, String)> {
        self.engine
            .log()
            .iter()
            .map(event)
            .filter(|e| e.kind == EventKind::Note)
            .map(|e| (e.t, e.detail.to_string()))
            .collect()
    }

    /// The debrief as Markdown: facts, figures against targets, breaches, pages, notes
    /// and the timeline. Every name, note and id quoted from the ladder or the room is
    /// escaped.
    pub fn debrief_markdown(&self, l: &Ladder) -> String {
        let f = self.engine.figures();
        let mut md = format!("# Drill debrief: {}\n\n", md_text(&l.name));
        for (label, value) in self.debrief_facts(l) {
            md.push_str(&format!("- {label}: {}\n", md_text(&value)));
        }
        md.push_str("\n## Figures against targets\n\n| figure | measured | target | met |\n| --- | --- | --- | --- |\n");
        for r in self.scorecard() {
            md.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                r.figure,
                r.value
                    .map(fmt_secs)
                    .unwrap_or_else(|| "not reached".into()),
                match (r.target, &r.tier) {
                    (Some(t), Some(tier)) =>
                        format!("{} ({})", fmt_secs(t), md_text(&name_of(l, tier))),
                    (Some(t), None) => fmt_secs(t),
                    (None, _) => "none".into(),
                },
                match r.met() {
                    Some(true) => "yes",
                    Some(false) => "**no**",
                    None => "n/a",
                }
            ));
        }
        md.push_str("\n## Breaches\n\n");
        let breaches = fields::breaches(&f);
        if breaches.is_empty() {
            md.push_str("None.\n");
        }
        for (tier, timeline, at) in breaches {
            md.push_str(&format!(
                "- {} missed **{}** at +{}\n",
                md_text(&name_of(l, tier)),
                timeline.as_str(),
                fmt_secs(at)
            ));
        }
        md.push_str("\n## Pages\n\n");
        for (who, n) in self.pages(l) {
            md.push_str(&format!("- {}: {n}\n", md_text(&who)));
        }
        md.push_str("\n## Facilitator's notes\n\n");
        let notes = self.notes();
        if notes.is_empty() {
            md.push_str("None.\n");
        }
        for (t, text) in notes {
            md.push_str(&format!("- {t} {}\n", md_text(&text)));
        }
        md.push_str("\n## Timeline\n\n");
        for e in self.engine.log() {
            md.push_str(&format!("- {}\n", md_text(&describe(l, e))));
        }
        md
    }

    /// The debrief as JSON (`rungs.debrief/v1`): scenario, humans, figures, events.
    pub fn debrief_json(&self) -> String {
        serde_json::to_string_pretty(&serde_json::json!({
            "format": "rungs.debrief/v1",
            "scenario": self.scenario,
            "humans": self.humans,
            "figures": self.engine.figures(),
            "events": self.engine.log(),
        }))
        .expect("serialisable")
    }
}
