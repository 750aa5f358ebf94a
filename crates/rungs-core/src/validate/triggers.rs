//! Triggers and reachability: contradictory triggers on one signal, and services or
//! tiers that no trigger can ever reach.

use super::*;

impl Validator<'_> {
    pub(super) fn triggers(&mut self) {
        let l = self.l;
        let ranks: Vec<Option<u32>> = l
            .triggers
            .iter()
            .map(|t| self.ix.tiers.get(t.tier.as_str()).map(|i| l.tiers[i].rank))
            .collect();
        // Only triggers on the same signal can contradict each other: each is compared
        // with the earlier ones on its signal, at most MAX_TRIGGER_COMPARISONS of them.
        let mut by_signal: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        for (i, t) in l.triggers.iter().enumerate() {
            if t.clear_for.is_zero() {
                self.push(
                    Diagnostic::new(
                        Code::FlappingTrigger,
                        entry_ptr(Kind::Trigger, i, &[&"clear_for"]),
                        format!("{} stops firing the moment its condition is false, so a noisy signal makes the incident flap.", entry(Kind::Trigger, t.id.as_str())),
                    )
                    .hint("Set clear_for to how long the condition must stay false, such as 10m."),
                );
            }
            let earlier = by_signal
                .entry((t.service.as_str(), t.metric.as_str()))
                .or_default();
            let skip = earlier.len().saturating_sub(MAX_TRIGGER_COMPARISONS);
            for &j in &earlier[skip..] {
                let u = &l.triggers[j];
                let (Some(rt), Some(ru)) = (ranks[i], ranks[j]) else {
                    continue;
                };
                let upward = |o: Op| matches!(o, Op::Gt | Op::Ge);
                if upward(t.op) != upward(u.op) {
                    continue;
                }
                // The stricter condition (further from normal) must not map to a less severe tier.
                let t_stricter = if upward(t.op) {
                    t.threshold > u.threshold
                } else {
                    t.threshold < u.threshold
                };
                let u_stricter = if upward(u.op) {
                    u.threshold > t.threshold
                } else {
                    u.threshold < t.threshold
                };
                let same = t.threshold == u.threshold && t.op == u.op;
                let contradicts =
                    (same && rt != ru) || (t_stricter && rt > ru) || (u_stricter && ru > rt);
                if contradicts {
                    let tier = |x: &Trigger| self.ix.tiers.name_of(x.tier.as_str());
                    let condition =
                        |x: &Trigger| format!("{} {} {}", x.metric, x.op.as_str(), x.threshold);
                    let message = if same {
                        format!(
                            "The triggers {} and {} watch the same condition ({} on {}) but open different tiers: {} and {}.",
                            quoted(u.id.as_str()),
                            quoted(t.id.as_str()),
                            condition(t),
                            self.ix.services.name_of(t.service.as_str()),
                            tier(u),
                            tier(t)
                        )
                    } else {
                        format!(
                            "The triggers {} ({} opens {}) and {} ({} opens {}) contradict each other: the worse value opens the less severe tier.",
                            quoted(u.id.as_str()),
                            condition(u),
                            tier(u),
                            quoted(t.id.as_str()),
                            condition(t),
                            tier(t)
                        )
                    };
                    self.push(
                        Diagnostic::new(Code::ContradictoryTriggers, entry_ptr(Kind::Trigger, i, &[&"tier"]), message)
                            .hint("Change the tier of one of them: a worse value should open an equal or more severe tier."),
                    );
                }
            }
            earlier.push(i);
        }
    }

    pub(super) fn reachability(&mut self) {
        let l = self.l;
        let mut by_rank: Vec<usize> = (0..l.tiers.len()).collect();
        by_rank.sort_by_key(|&i| l.tiers[i].rank);
        let opened: HashSet<&str> = l.triggers.iter().map(|tr| tr.tier.as_str()).collect();
        for (pos, &i) in by_rank.iter().enumerate() {
            let t = &l.tiers[i];
            let by_trigger = opened.contains(t.id.as_str());
            let by_breach = by_rank.get(pos + 1).is_some_and(|&milder| {
                let ob = &l.tiers[milder].on_breach;
                [ob.acknowledge, ob.contain, ob.resolve, ob.first_update]
                    .contains(&Some(BreachAction::Escalate))
            });
            if !by_trigger && !by_breach {
                let hint = match by_rank.get(pos + 1) {
                    Some(&milder) => format!(
                        "Add a trigger that opens it, or let a breach of {} escalate.",
                        self.tier(milder)
                    ),
                    None => "Add a trigger that opens it.".to_string(),
                };
                self.push(
                    Diagnostic::new(Code::UnreachableTier, entry_ptr(Kind::Tier, i, &[]), format!("Nothing leads to {}: no trigger opens it and no breach escalates to it.", self.tier(i)))
                        .hint(hint),
                );
            }
        }
    }
}
