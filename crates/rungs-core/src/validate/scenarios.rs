//! Scenarios: what a drill names must exist in the ladder, signal points in order,
//! injects inside the horizon, delay models sane, and excessive paging over the horizon.

use super::*;

impl Validator<'_> {
    /// Warns about every tier that can page more than [`EXCESSIVE_PAGES`] times within
    /// `horizon` (of `scenario`, named for the message). The finding points at the tier's
    /// `repeat` (or its steps without one), or at `pointer` when given (a standalone
    /// scenario's own `/horizon`, since its report is read against the scenario file).
    pub(super) fn excessive_paging(
        &mut self,
        horizon: Duration,
        scenario: &str,
        pointer: Option<&str>,
    ) {
        let l = self.l;
        for (i, t) in l.tiers.iter().enumerate() {
            let pages = max_pages(l, t, horizon);
            if pages <= EXCESSIVE_PAGES {
                continue;
            }
            let e = &t.escalation;
            let in_ladder = if e.repeat > 0 {
                entry_ptr(Kind::Tier, i, &[&"escalation", &"repeat"])
            } else {
                entry_ptr(Kind::Tier, i, &[&"escalation", &"steps"])
            };
            let cycle = Duration::from_millis(
                e.steps
                    .iter()
                    .fold(0u64, |a, s| a.saturating_add(s.escalate_after.as_millis())),
            );
            let how = match (e.steps.len(), e.repeat) {
                (1, 0) => "its step pages that many people".to_string(),
                (n, 0) => format!("its {n} steps page that many people"),
                (1, r) => format!("its step repeats every {cycle}, {}", more_times(r)),
                (n, r) => format!("its {n} steps repeat every {cycle}, {}", more_times(r)),
            };
            let message = format!(
                "{} can page up to {} times within the {horizon} horizon of {scenario}: {how}.",
                self.tier(i),
                crate::text::group_thousands(pages),
            );
            // A standalone scenario's finding is read against the scenario file: say
            // that the fix is in the ladder.
            let whose = if pointer.is_some() {
                format!("In the ladder, give {}'s steps", self.tier(i))
            } else {
                "Give the steps".to_string()
            };
            self.push(
                Diagnostic::new(
                    Code::ExcessivePaging,
                    pointer.map_or(in_ladder, str::to_string),
                    message,
                )
                .hint(format!(
                    "{whose} a longer escalate_after, lower repeat or shorten the horizon: a simulated run stops after {} events.",
                    crate::text::group_thousands(EVENT_BUDGET)
                )),
            );
        }
    }

    /// Checks scenario `s`, at `base` (its pointer in the ladder, or "" for a standalone
    /// one). `of` names an embedded scenario after what a message is about (`Inject 1` +
    /// ` of the scenario “Checkout at 3 a.m.”`); it is empty for a standalone one.
    pub(super) fn scenario(&mut self, s: &ScenarioDocument, base: &str, of: &str) {
        let l = self.l;
        let horizon = s.horizon;
        let after_horizon = "Move it before the horizon, or lengthen the horizon.";
        for (i, sig) in s.signals.iter().enumerate() {
            self.ix.services.resolve(
                &mut self.out,
                sig.service.as_str(),
                || format!("{base}/signals/{i}/service"),
                |m| format!("Signal {}{of} watches {}.", i + 1, m.does_not_exist()),
            );
            // `signal 1 of the scenario “S” (error_rate on “Checkout”)`, built only for a
            // finding.
            let signal = || {
                format!(
                    "signal {}{of} ({} on {})",
                    i + 1,
                    sig.metric,
                    self.ix.services.name_of(sig.service.as_str())
                )
            };
            for (j, pair) in sig.points.windows(2).enumerate() {
                if pair[1].0 <= pair[0].0 {
                    self.out.push(
                        Diagnostic::new(
                            Code::UnorderedPoints,
                            format!("{base}/signals/{i}/points/{}/0", j + 1),
                            format!(
                                "Point {} of {} is at {}, not after the point before it ({}).",
                                j + 2,
                                signal(),
                                pair[1].0,
                                pair[0].0
                            ),
                        )
                        .hint("List the points in increasing time order, each time once."),
                    );
                }
            }
            for (j, p) in sig.points.iter().enumerate() {
                if p.0 >= horizon {
                    self.out.push(Diagnostic::new(
                        Code::AfterHorizon,
                        format!("{base}/signals/{i}/points/{j}/0"),
                        format!("Point {} of {} is at {}, at or after the horizon of {horizon}, so it never happens.", j + 1, signal(), p.0),
                    ).hint(after_horizon));
                }
            }
            if !l
                .triggers
                .iter()
                .any(|t| t.service == sig.service && t.metric == sig.metric)
            {
                self.out.push(
                    Diagnostic::new(
                        Code::UnwatchedSignal,
                        format!("{base}/signals/{i}/metric"),
                        format!(
                            "No trigger watches {} on {}, so signal {}{of} cannot open an incident.",
                            sig.metric,
                            self.ix.services.name_of(sig.service.as_str()),
                            i + 1
                        ),
                    )
                    .hint("Check the metric's spelling against the ladder's triggers."),
                );
            }
        }
        for (i, inj) in s.injects.iter().enumerate() {
            if let Inject::Unavailable(u) = inj {
                self.ix.people.resolve(
                    &mut self.out,
                    u.unavailable.as_str(),
                    || format!("{base}/injects/{i}/unavailable"),
                    |m| format!("Inject {}{of} names {}.", i + 1, m.does_not_exist()),
                );
            }
            if inj.at() >= horizon {
                self.push(
                    Diagnostic::new(
                        Code::AfterHorizon,
                        format!("{base}/injects/{i}/at"),
                        format!(
                            "Inject {}{of} happens at {}, at or after the horizon of {horizon}, so it never happens.",
                            i + 1,
                            inj.at()
                        ),
                    )
                    .hint(after_horizon),
                );
            }
        }
        let w = &s.work;
        self.delay_model(
            format!("{base}/work/contain_after_ack"),
            w.contain_after_ack.median,
            w.contain_after_ack.p90,
            &format!("The contain_after_ack delay{of}"),
        );
        self.delay_model(
            format!("{base}/work/resolve_after_contain"),
            w.resolve_after_contain.median,
            w.resolve_after_contain.p90,
            &format!("The resolve_after_contain delay{of}"),
        );
    }
}

/// `1 more time`, `3 more times` (digits grouped).
fn more_times(r: u32) -> String {
    let times = if r == 1 { "time" } else { "times" };
    format!(
        "{} more {times}",
        crate::text::group_thousands(u64::from(r))
    )
}
