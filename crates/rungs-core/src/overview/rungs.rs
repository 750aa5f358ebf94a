//! The tiers as rungs (shared by the overview and the diagram) and the targets they page.

use foldhash::{HashMap, HashMapExt};

use super::{LadderNames, RungView, StepView, TargetView};
use crate::model::*;
use crate::Duration;

/// The tiers as rungs, most severe (rank 1) first; shared by the overview and the diagram.
pub(crate) fn rung_views(ladder: &Ladder, names: &LadderNames) -> Vec<RungView> {
    let playbook = |id: &str| names.playbooks.get(id);
    let target = |t: &Target| target_view(names, t);
    // The triggers of each tier id, in document order.
    let mut triggers_of: HashMap<&str, Vec<String>> = HashMap::new();
    for tr in &ladder.triggers {
        triggers_of
            .entry(tr.tier.as_str())
            .or_default()
            .push(tr.id.to_string());
    }
    let mut order: Vec<usize> = (0..ladder.tiers.len()).collect();
    order.sort_by_key(|&i| ladder.tiers[i].rank);
    let by_rank: Vec<&Tier> = order.iter().map(|&i| &ladder.tiers[i]).collect();
    // Position in the document of the i-th tier by rank.
    let tier_pos = &order;
    by_rank
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let tl = &t.timelines;
            let timelines = [
                ("acknowledge", tl.acknowledge),
                ("contain", tl.contain),
                ("resolve", tl.resolve),
                ("first_update", tl.first_update),
                ("update_every", tl.update_every),
            ]
            .into_iter()
            .filter_map(|(l, d)| d.map(|d: Duration| (l, d.to_string())))
            .collect();
            let escalates_on = escalates_on(&t.on_breach);
            RungView {
                pointer: Kind::Tier.pointer(tier_pos[i]),
                id: t.id.to_string(),
                name: t.name.clone(),
                rank: t.rank,
                severity: (i + 1).min(4) as u8,
                criteria: t.criteria.clone(),
                timelines,
                owners: t
                    .owners
                    .duties()
                    .into_iter()
                    .filter_map(|(duty, who)| who.map(|w| (duty, target(w))))
                    .collect(),
                steps: t
                    .escalation
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(k, s)| StepView {
                        pointer: format!(
                            "{}/escalation/steps/{k}",
                            Kind::Tier.pointer(tier_pos[i])
                        ),
                        number: k + 1,
                        targets: s.notify.iter().map(target).collect(),
                        escalate_after: s.escalate_after.to_string(),
                    })
                    .collect(),
                repeat: t.escalation.repeat,
                escalates_to: (!escalates_on.is_empty() && i > 0)
                    .then(|| by_rank[i - 1].name.clone()),
                escalates_on,
                playbook: t.playbook.as_ref().map(|p| playbook(p.as_str())),
                triggers: triggers_of.get(t.id.as_str()).cloned().unwrap_or_default(),
            }
        })
        .collect()
}

/// A target with its display name (the id when it does not resolve).
fn target_view(names: &LadderNames, t: &Target) -> TargetView {
    let names = match t {
        Target::Person(_) => &names.people,
        Target::Rotation(_) => &names.rotations,
        Target::Schedule(_) => &names.schedules,
        Target::Role(_) => &names.roles,
    };
    TargetView {
        kind: t.key(),
        id: t.id().to_string(),
        label: names.get(t.id()),
    }
}

/// The timelines whose breach escalates, in the format's order (`"first update"` spelled
/// with a space).
fn escalates_on(ob: &OnBreach) -> Vec<&'static str> {
    [
        ("acknowledge", ob.acknowledge),
        ("contain", ob.contain),
        ("resolve", ob.resolve),
        ("first update", ob.first_update),
    ]
    .into_iter()
    .filter(|(_, a)| *a == Some(BreachAction::Escalate))
    .map(|(l, _)| l)
    .collect()
}
