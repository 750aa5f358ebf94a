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
            let mut message = format!(
                "{} can page up to {} times within the {horizon} horizon of {scenario}: {how}",
                self.tier_label(i),
                crate::text::group_thousands(pages),
            );
            if pointer.is_some() {
                message.push_str(&format!(" (the ladder's {in_ladder})"));
            }
            self.push(
                Diagnostic::new(
                    Code::ExcessivePaging,
                    pointer.map_or(in_ladder, str::to_string),
                    message,
                )
                .hint(format!(
                    "give the steps a longer escalate_after, lower repeat or shorten the horizon; a simulated run stops after {} events",
                    crate::text::group_thousands(EVENT_BUDGET)
                )),
            );
        }
    }

    pub(super) fn scenario(&mut self, s: &ScenarioDocument, base: &str) {
        let l = self.l;
        let horizon = s.horizon;
        for (i, sig) in s.signals.iter().enumerate() {
            self.ix.services.resolve(
                &mut self.out,
                sig.service.as_str(),
                || format!("{base}/signals/{i}/service"),
                || format!("signal {}", i + 1),
            );
            for (j, pair) in sig.points.windows(2).enumerate() {
                if pair[1].0 <= pair[0].0 {
                    self.push(
                        Diagnostic::new(
                            Code::UnorderedPoints,
                            format!("{base}/signals/{i}/points/{}/0", j + 1),
                            format!("point {} of the {} {} signal is at {}, not after the point before it ({})", j + 2, sig.service, sig.metric, pair[1].0, pair[0].0),
                        )
                        .hint("list points in increasing time order, each time once"),
                    );
                }
            }
            for (j, p) in sig.points.iter().enumerate() {
                if p.0 >= horizon {
                    self.push(Diagnostic::new(
                        Code::AfterHorizon,
                        format!("{base}/signals/{i}/points/{j}/0"),
                        format!("a point of the {} {} signal is at {}, at or after the scenario's horizon of {horizon}", sig.service, sig.metric, p.0),
                    ));
                }
            }
            if !l
                .triggers
                .iter()
                .any(|t| t.service == sig.service && t.metric == sig.metric)
            {
                self.push(
                    Diagnostic::new(
                        Code::UnwatchedSignal,
                        format!("{base}/signals/{i}/metric"),
                        format!(
                            "no trigger watches {} on {}, so this signal cannot open an incident",
                            sig.metric, sig.service
                        ),
                    )
                    .hint("check the metric's spelling against the ladder's triggers"),
                );
            }
        }
        for (i, inj) in s.injects.iter().enumerate() {
            if let Inject::Unavailable(u) = inj {
                self.ix.people.resolve(
                    &mut self.out,
                    u.unavailable.as_str(),
                    || format!("{base}/injects/{i}/unavailable"),
                    || format!("inject {}", i + 1),
                );
            }
            if inj.at() >= horizon {
                self.push(Diagnostic::new(
                    Code::AfterHorizon,
                    format!("{base}/injects/{i}/at"),
                    format!(
                        "inject {} happens at {}, at or after the scenario's horizon of {horizon}",
                        i + 1,
                        inj.at()
                    ),
                ));
            }
        }
        let w = &s.work;
        self.delay_model(
            format!("{base}/work/contain_after_ack"),
            w.contain_after_ack.median,
            w.contain_after_ack.p90,
            "contain_after_ack",
        );
        self.delay_model(
            format!("{base}/work/resolve_after_contain"),
            w.resolve_after_contain.median,
            w.resolve_after_contain.p90,
            "resolve_after_contain",
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
