//! Schedules: no layers, a rotation twice, layers that are never on top over the
//! coverage horizon; and rotations that nothing pages through.

use super::*;

/// Schedules with more layers than this are not checked for layers that are never on
/// top (real schedules have a handful), so the check stays linear in the document.
pub const MAX_LAYERS_CHECKED: usize = 100;

impl Validator<'_> {
    /// Every schedule's layers, with the coverage horizon starting at `from` (epoch
    /// milliseconds) for `shadowed-layer`; then `unused-rotation`.
    pub(super) fn schedules(&mut self, from: i64) {
        let window = (from, from + COVERAGE_HORIZON_MS);
        // Each rotation's on-call spans over the horizon, computed once.
        let mut spans: HashMap<usize, Vec<Span>> = HashMap::new();
        for (i, s) in self.l.schedules.iter().enumerate() {
            if s.layers.is_empty() {
                self.push(
                    Diagnostic::new(
                        Code::EmptySchedule,
                        entry_ptr(Kind::Schedule, i, &[&"layers"]),
                        format!(
                            "{} has no layers, so it pages nobody.",
                            self.ix.schedules.entry(i)
                        ),
                    )
                    .hint("Add the rotations it stacks, the lowest (such as a 24/7 base) first."),
                );
                continue;
            }
            let lower_copies = self.duplicate_layers(i);
            if s.layers.len() <= MAX_LAYERS_CHECKED {
                self.shadowed_layers(i, &lower_copies, window, &mut spans);
            }
        }
        self.unused_rotations();
    }

    /// Reports each layer of schedule `i` naming a rotation a lower layer names already;
    /// returns which layers (by position) have a copy above them.
    fn duplicate_layers(&mut self, i: usize) -> Vec<bool> {
        let layers = &self.l.schedules[i].layers;
        let mut first: HashMap<&str, usize> = HashMap::new();
        let mut lower_copies = vec![false; layers.len()];
        for (j, r) in layers.iter().enumerate() {
            let k = *first.entry(r.as_str()).or_insert(j);
            if k == j {
                continue;
            }
            lower_copies[k] = true;
            let rotation = self.ix.rotations.name_of(r.as_str());
            self.push(
                Diagnostic::new(
                    Code::DuplicateLayer,
                    entry_ptr(Kind::Schedule, i, &[&"layers", &j]),
                    format!(
                        "Layer {} of {} is the rotation {}, like layer {}.",
                        j + 1,
                        self.ix.schedules.entry(i),
                        rotation,
                        k + 1
                    ),
                )
                .hint("Keep each rotation once: the lower copy could never answer."),
            );
        }
        lower_copies
    }

    /// Reports the layers of schedule `i` that have someone on call in `window` but never
    /// while no higher layer has (`lower_copies`: layers with a copy above them, reported
    /// as duplicates already).
    fn shadowed_layers(
        &mut self,
        i: usize,
        lower_copies: &[bool],
        (from, to): (i64, i64),
        spans: &mut HashMap<usize, Vec<Span>>,
    ) {
        let l = self.l;
        let layers: Vec<(usize, usize)> = (l.schedules[i].layers.iter().enumerate())
            .filter_map(|(j, r)| Some((j, self.ix.rotations.get(r.as_str())?)))
            .collect();
        let on_call: Vec<Vec<Span>> = (layers.iter())
            .map(|&(_, r)| {
                let rot = &l.rotations[r];
                (spans.entry(r))
                    .or_insert_with(|| oncall::on_call_spans(rot, from, to))
                    .clone()
            })
            .collect();
        let mut on_top = vec![false; layers.len()];
        for (_, k) in oncall::top_layers(&on_call, from, to) {
            on_top[k] = true;
        }
        for (k, &(j, r)) in layers.iter().enumerate() {
            if on_top[k] || on_call[k].is_empty() || lower_copies[j] {
                continue;
            }
            self.push(
                Diagnostic::new(
                    Code::ShadowedLayer,
                    entry_ptr(Kind::Schedule, i, &[&"layers", &j]),
                    format!(
                        "Layer {} of {}, the rotation {}, never answers over the next 8 weeks: a higher layer has someone on call whenever it does.",
                        j + 1,
                        self.ix.schedules.entry(i),
                        self.ix.rotations.name(r)
                    ),
                )
                .hint("Move it above the layers that hide it, or remove it from the schedule."),
            );
        }
    }

    /// Rotations that no schedule layer, escalation step or owner names.
    fn unused_rotations(&mut self) {
        let l = self.l;
        let mut used = vec![false; l.rotations.len()];
        let mut mark = |id: &str| {
            if let Some(r) = self.ix.rotations.get(id) {
                used[r] = true;
            }
        };
        for layer in l.schedules.iter().flat_map(|s| &s.layers) {
            mark(layer.as_str());
        }
        let tiers = l.tiers.iter().flat_map(|t| {
            let steps = t.escalation.steps.iter().flat_map(|s| &s.notify);
            steps.chain(t.owners.duties().into_iter().filter_map(|(_, w)| w))
        });
        let playbooks = l.playbooks.iter().flat_map(|p| &p.steps);
        for who in tiers.chain(playbooks.filter_map(|s| s.owner.as_ref())) {
            if let Target::Rotation(id) = who {
                mark(id.as_str());
            }
        }
        for (i, r) in l.rotations.iter().enumerate() {
            if used[i] || self.ix.rotations.get(r.id.as_str()) != Some(i) {
                continue;
            }
            self.push(
                Diagnostic::new(
                    Code::UnusedRotation,
                    entry_ptr(Kind::Rotation, i, &[]),
                    format!(
                        "{} is in no schedule, step or owner, so nothing ever pages through it.",
                        self.ix.rotations.entry(i)
                    ),
                )
                .hint("Page it from a step, make it a layer of a schedule, or remove it."),
            );
        }
    }
}
