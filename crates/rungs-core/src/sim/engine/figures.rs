//! What a run's state comes to: its figures, its outcome for a study, the deadlines
//! still open, and what kept a run busy when the event budget stopped it.

use std::ops::Deref;

use super::super::index::{PerTimeline, Timeline};
use super::super::model::SimModel;
use super::super::time::SimTime;
use super::super::{Breach, Figures, EVENT_BUDGET};
use super::Engine;
use crate::Duration;

impl<M: Deref<Target = SimModel> + Clone> Engine<M> {
    /// The figures of the run so far.
    pub fn figures(&self) -> Figures {
        let m = &*self.m;
        let run = &self.run;
        let inc = run.incident.as_ref();
        let since = |tl: Timeline| inc.and_then(|i| Some(i.achieved(tl)?.since(i.detected)));
        Figures {
            detected_at: inc.map(|i| i.detected),
            time_to_acknowledge: since(Timeline::Acknowledge),
            time_to_contain: since(Timeline::Contain),
            time_to_resolve: since(Timeline::Resolve),
            time_to_first_update: since(Timeline::FirstUpdate),
            pages_sent: run.pages_sent,
            people_paged: run.people.iter().filter(|p| p.paged).count() as u32,
            updates_missed: run.updates_missed,
            max_tier: inc.map(|i| m.tiers[i.max_tier].id.clone()),
            final_tier: inc.map(|i| m.tiers[i.tier].id.clone()),
            breaches: (run.breaches.iter())
                .map(|b| Breach {
                    tier: m.tiers[b.tier].id.clone(),
                    timeline: b.timeline,
                    at: b.at,
                })
                .collect(),
            exhausted: (run.exhausted.iter())
                .map(|&t| m.tiers[t].id.clone())
                .collect(),
            budget_exhausted: run.budget_exhausted,
        }
    }

    /// Whether an incident was detected, and the time from detection to each timeline
    /// being achieved.
    pub(crate) fn outcome(&self) -> Option<PerTimeline<Option<Duration>>> {
        let i = self.run.incident.as_ref()?;
        Some(PerTimeline::from_fn(|tl| {
            Some(i.achieved(tl)?.since(i.detected))
        }))
    }

    /// Deadlines of the current tier that are still open: `(timeline, due)`.
    pub fn open_deadlines(&self) -> Vec<(Timeline, SimTime)> {
        let Some(inc) = &self.run.incident else {
            return Vec::new();
        };
        let tier = &self.m.tiers[inc.tier];
        let open = |(tl, d): (Timeline, &Option<Duration>)| {
            let d = (*d)?;
            let (done, from) = match tl {
                Timeline::Acknowledge => {
                    (inc.policy_acked || !inc.policy_started, inc.policy_start)
                }
                tl => (inc.achieved(tl).is_some(), inc.detected),
            };
            (!done).then(|| (tl, from.plus(d)))
        };
        tier.deadlines.iter().filter_map(open).collect()
    }

    /// For a run stopped by the [`EVENT_BUDGET`], what kept it busy, as a phrase for a
    /// reader: `the ladder pages without end: step 1 of tier sev1 repeats every 1s
    /// (repeat 4294967295)`, or the tier whose `update_every` falls due too often.
    /// `None` when the budget was not reached. Computed from counters the engine keeps
    /// anyway, so it costs nothing per event.
    pub fn budget_cause(&self) -> Option<String> {
        let run = &self.run;
        if !run.budget_exhausted {
            return None;
        }
        let m = &*self.m;
        let updates = (run.tier()).and_then(|t| Some((t, m.tiers[t].update_every?)));
        if let Some((t, every)) = updates.filter(|_| run.update_events > run.step_events) {
            return Some(format!(
                "status updates fall due without end: tier {} expects one every {every} (update_every)",
                m.tiers[t].id,
            ));
        }
        let Some((t, step)) = run.last_step else {
            return Some(format!(
                "the scenario schedules more than {} events before its horizon",
                crate::text::group_thousands(EVENT_BUDGET)
            ));
        };
        let tier = &m.tiers[t];
        Some(if tier.steps.len() == 1 {
            format!(
                "the ladder pages without end: step 1 of tier {} repeats every {} (repeat {})",
                tier.id, tier.cycle, tier.repeat
            )
        } else {
            format!(
                "the ladder pages without end: the {} steps of tier {} repeat every {} (repeat {}); step {} paged last",
                tier.steps.len(),
                tier.id,
                tier.cycle,
                tier.repeat,
                step + 1
            )
        })
    }
}
