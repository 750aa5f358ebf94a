//! Coverage: hours in the coverage horizon when a tier's escalation can page nobody
//! (rotation windows, time zones, DST).

use super::*;

impl Validator<'_> {
    pub(super) fn coverage(&mut self, from: i64) {
        let l = self.l;
        let to = from + COVERAGE_HORIZON_MS;
        // Spans of each windowed rotation, computed once.
        let mut spans: HashMap<usize, Vec<Span>> = HashMap::new();
        let mut check = |v: &mut Self, targets: &[&Target], pointer: String, what: String| {
            let mut covered: Vec<Vec<Span>> = Vec::new();
            let mut zone = None;
            for t in targets {
                match v.reach(t) {
                    Reach::Unknown => return, // reported as an unknown reference
                    Reach::Nobody => {}
                    Reach::Always => return,
                    Reach::Windowed(r) => {
                        let rot = &l.rotations[r];
                        zone.get_or_insert(rot.timezone.clone());
                        let s = spans.entry(r).or_insert_with(|| {
                            oncall::window_spans(
                                rot.window.as_ref().expect("windowed"),
                                rot.timezone.tz(),
                                from,
                                to,
                            )
                        });
                        covered.push(s.clone());
                    }
                }
            }
            let gaps = oncall::gaps(&covered, from, to);
            if gaps.is_empty() {
                return;
            }
            let total: i64 = gaps.iter().map(|g| g.len()).sum();
            let message = if total == to - from {
                format!("{what} pages nobody at any hour")
            } else {
                let shown = oncall::summarize_gaps(&gaps, zone.as_ref());
                format!(
                    "{what} pages nobody for {} over the next 8 weeks: {shown}",
                    hours(total)
                )
            };
            v.push(
                Diagnostic::new(Code::CoverageGap, pointer, message)
                    .hint("add a rotation or a person that covers these hours"),
            );
        };
        for (i, t) in l.tiers.iter().enumerate() {
            for (k, s) in t.escalation.steps.iter().enumerate() {
                if s.notify.is_empty() {
                    continue; // reported as an empty step
                }
                let targets: Vec<&Target> = s.notify.iter().collect();
                let what = format!("step {} of {}", k + 1, self.tier_label(i));
                check(
                    self,
                    &targets,
                    entry_ptr(Kind::Tier, i, &[&"escalation", &"steps", &k, &"notify"]),
                    what,
                );
            }
            for (duty, who) in t.owners.duties() {
                if let Some(who) = who {
                    let what = format!("the {duty} owner of {}", self.tier_label(i));
                    check(
                        self,
                        &[who],
                        entry_ptr(Kind::Tier, i, &[&"owners", &duty]),
                        what,
                    );
                }
            }
        }
        for (i, p) in l.people.iter().enumerate() {
            if let Some(r) = &p.response {
                self.delay_model(
                    entry_ptr(Kind::Person, i, &[&"response"]),
                    r.ack_median,
                    r.ack_p90,
                    &format!("the response model of `{}`", p.id),
                );
            }
        }
        if let Some(r) = l.defaults.as_ref().and_then(|d| d.response.as_ref()) {
            self.delay_model(
                "/defaults/response".into(),
                r.ack_median,
                r.ack_p90,
                "the default response model",
            );
        }
    }
}
