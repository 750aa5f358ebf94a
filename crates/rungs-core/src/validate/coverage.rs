//! Coverage: hours in the coverage horizon when a tier's steps or owners can page nobody
//! (rotation windows, schedules' layers, time zones, DST); then people's and the default
//! response models.

use super::*;

impl Validator<'_> {
    pub(super) fn coverage(&mut self, from: i64) {
        let l = self.l;
        let window = (from, from + COVERAGE_HORIZON_MS);
        // Spans of each windowed rotation and layered schedule, computed once.
        let mut spans: HashMap<Reach, Vec<Span>> = HashMap::new();
        for (i, t) in l.tiers.iter().enumerate() {
            for (k, s) in t.escalation.steps.iter().enumerate() {
                if s.notify.is_empty() {
                    continue; // reported as an empty step
                }
                let targets: Vec<&Target> = s.notify.iter().collect();
                let what = format!("{} step {}", self.tier(i), k + 1);
                self.coverage_gap(
                    &mut spans,
                    window,
                    &targets,
                    entry_ptr(Kind::Tier, i, &[&"escalation", &"steps", &k, &"notify"]),
                    what,
                );
            }
            for (duty, who) in t.owners.duties() {
                if let Some(who) = who {
                    let what = format!("The {duty} owner of {}", self.tier(i));
                    self.coverage_gap(
                        &mut spans,
                        window,
                        &[who],
                        entry_ptr(Kind::Tier, i, &[&"owners", &duty]),
                        what,
                    );
                }
            }
        }
        self.response_models();
    }

    /// Reports the hours of the coverage `window` in which `targets` together page nobody
    /// (`spans`: each windowed rotation's and layered schedule's spans, computed once; a
    /// schedule covers the hours in which any of its layers has someone on call).
    fn coverage_gap(
        &mut self,
        spans: &mut HashMap<Reach, Vec<Span>>,
        (from, to): (i64, i64),
        targets: &[&Target],
        pointer: String,
        what: String,
    ) {
        let l = self.l;
        let mut covered: Vec<Vec<Span>> = Vec::new();
        let mut zone = None;
        for t in targets {
            match self.reach(t) {
                Reach::Unknown => return, // reported as an unknown reference
                Reach::Nobody => {}
                Reach::Always => return,
                Reach::Windowed(r) => {
                    let rot = &l.rotations[r];
                    zone.get_or_insert(rot.timezone.clone());
                    let s = (spans.entry(Reach::Windowed(r)))
                        .or_insert_with(|| oncall::covered_spans(rot, from, to));
                    covered.push(s.clone());
                }
                Reach::Layered(s) => {
                    let layers = &self.ix.layers[s];
                    let top = &l.rotations[layers[layers.len() - 1]];
                    zone.get_or_insert(top.timezone.clone());
                    let s = spans.entry(Reach::Layered(s)).or_insert_with(|| {
                        let each = layers.iter().map(|&r| &l.rotations[r]);
                        oncall::merge(
                            each.flat_map(|r| oncall::on_call_spans(r, from, to))
                                .collect(),
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
            format!("{what} pages nobody at any hour.")
        } else {
            let shown = oncall::summarize_gaps(&gaps, zone.as_ref());
            format!(
                "{what} pages nobody for {} over the next 8 weeks: {shown}.",
                hours(total)
            )
        };
        self.push(
            Diagnostic::new(Code::CoverageGap, pointer, message)
                .hint("Add a rotation or a person that covers these hours."),
        );
    }

    /// People's response models and the ladder's default one.
    fn response_models(&mut self) {
        let l = self.l;
        for (i, p) in l.people.iter().enumerate() {
            if let Some(r) = &p.response {
                self.delay_model(
                    entry_ptr(Kind::Person, i, &[&"response"]),
                    r.ack_median,
                    r.ack_p90,
                    &format!("{}'s response model", self.person(i)),
                );
            }
        }
        if let Some(r) = l.defaults.as_ref().and_then(|d| d.response.as_ref()) {
            self.delay_model(
                "/defaults/response".into(),
                r.ack_median,
                r.ack_p90,
                "The default response model",
            );
        }
    }
}
