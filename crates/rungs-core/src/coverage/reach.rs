//! Who each target reaches during the week: the ladder's indexes ([`Lookup`], shared with
//! `paging`), each rotation's on-call spans and each schedule's layers on top, computed
//! once per grid.

use super::spans::{covers, intersect, merge};
use crate::model::{Ladder, Target};
use crate::oncall::{self, Span};
use crate::paging::Lookup;

/// More shifts than this in one week (only possible with sub-second shifts built in code)
/// are not walked one by one: the rotation then counts as covering its window whenever
/// any of its members resolves.
const MAX_SHIFTS_WALKED: i64 = 200_000;

/// At most this many holders of a role are named in a tooltip; the rest are counted.
const ROLE_NAMES_IN_LABEL: usize = 3;

/// Who one target of a step can reach in the week.
pub(super) enum Reach {
    /// Nobody (unknown reference, empty role or rotation).
    Nobody,
    /// A person, always.
    Person(usize),
    /// A role's holders (never empty), always.
    Role(usize),
    /// A rotation's on-call member, inside its active spans.
    Rotation(usize),
    /// A schedule's: the on-call member of its highest layer with one.
    Schedule(usize),
}

/// Indexes of the ladder and the week's rotation spans, computed once.
pub(super) struct Ctx<'a> {
    pub(super) ladder: &'a Ladder,
    /// Positions by id and the holders of each role.
    pub(super) ids: Lookup<'a>,
    /// For each rotation, when in the week its on-call member is a known person inside
    /// its window; computed on first use.
    rotation_spans: Vec<Option<Vec<Span>>>,
    /// For each schedule, the week split among its layers: each piece with the layer on
    /// top (its position in the schedule's `layers`) and that layer's rotation; computed
    /// on first use from the layers' `rotation_spans`.
    schedule_pieces: Vec<Option<Vec<(Span, usize, usize)>>>,
    from: i64,
    to: i64,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(ladder: &'a Ladder, from: i64, to: i64) -> Self {
        Ctx {
            ladder,
            ids: Lookup::new(ladder),
            rotation_spans: vec![None; ladder.rotations.len()],
            schedule_pieces: vec![None; ladder.schedules.len()],
            from,
            to,
        }
    }

    pub(super) fn reach(&mut self, t: &Target) -> Reach {
        match t {
            Target::Person(id) => self
                .ids
                .person(id.as_str())
                .map_or(Reach::Nobody, Reach::Person),
            Target::Role(id) => match self.ids.roles.get(id.as_str()) {
                Some(&r) if !self.ids.holders[r].is_empty() => Reach::Role(r),
                _ => Reach::Nobody,
            },
            Target::Rotation(id) => match self.ids.rotations.get(id.as_str()) {
                Some(&r) => {
                    self.ensure_rotation_spans(r);
                    Reach::Rotation(r)
                }
                None => Reach::Nobody,
            },
            Target::Schedule(id) => match self.ids.schedules.get(id.as_str()) {
                Some(&s) => {
                    self.ensure_schedule_pieces(s);
                    Reach::Schedule(s)
                }
                None => Reach::Nobody,
            },
        }
    }

    /// Splits the week among schedule `s`'s layers: a layer has someone on call when its
    /// rotation's on-call member is a known person ([`Ctx::ensure_rotation_spans`]), and
    /// the highest such layer answers ([`oncall::top_layers`]).
    pub(super) fn ensure_schedule_pieces(&mut self, s: usize) -> &[(Span, usize, usize)] {
        if self.schedule_pieces[s].is_none() {
            let layers = self.ids.layers(s);
            let mut spans = Vec::with_capacity(layers.len());
            for &(_, r) in &layers {
                self.ensure_rotation_spans(r);
                spans.push(self.rotation_spans[r].clone().unwrap_or_default());
            }
            let tops = oncall::top_layers(&spans, self.from, self.to);
            let pieces = tops
                .into_iter()
                .map(|(span, k)| (span, layers[k].0, layers[k].1));
            self.schedule_pieces[s] = Some(pieces.collect());
        }
        self.schedule_pieces[s].as_deref().unwrap_or_default()
    }

    /// The layer of schedule `s` on top at `t`: its position in `layers` and its
    /// rotation's position in `rotations`; `None` when no layer has anyone on call or
    /// the schedule's pieces are not computed.
    pub(super) fn layer_at(&self, s: usize, t: i64) -> Option<(usize, usize)> {
        let pieces = self.schedule_pieces.get(s)?.as_deref()?;
        let i = pieces.partition_point(|(span, ..)| span.end <= t);
        let &(span, j, r) = pieces.get(i)?;
        (span.start <= t).then_some((j, r))
    }

    /// When in the week rotation `r`'s on-call member is a known person inside its window.
    pub(super) fn ensure_rotation_spans(&mut self, r: usize) {
        if self.rotation_spans[r].is_some() {
            return;
        }
        let (from, to) = (self.from, self.to);
        let rot = &self.ladder.rotations[r];
        let turns = oncall::Turns::of(rot);
        let resolves: Vec<bool> = rot
            .members
            .iter()
            .map(|m| self.ids.person(m.as_str()).is_some())
            .collect();
        let spans = match turns {
            Some(turns) if resolves.iter().any(|&b| b) => {
                let window = oncall::covered_spans(rot, from, to);
                let shift = i64::try_from(rot.shift.length().as_millis()).unwrap_or(i64::MAX);
                if resolves.iter().all(|&b| b) || (to - from) / shift > MAX_SHIFTS_WALKED {
                    window
                } else {
                    // Walk the shifts of the week, keeping those of known members.
                    let n = resolves.len();
                    let mut on = Vec::new();
                    let mut turn = turns.turn_at(from).unwrap_or(i64::MAX);
                    while let (Some(s), Some(e)) = (turns.handoff(turn), turns.handoff(turn + 1)) {
                        if s >= to {
                            break;
                        }
                        if oncall::Turns::member(turn, n).is_some_and(|k| resolves[k]) {
                            on.push(Span {
                                start: s.max(from),
                                end: e.min(to),
                            });
                        }
                        turn += 1;
                    }
                    intersect(&window, &merge(on))
                }
            }
            _ => Vec::new(),
        };
        // overrides replace the member on turn, inside the windows or not
        let pieces = spans.into_iter().map(|s| (s, ())).collect();
        let known = |j: usize| {
            let person = rot.overrides[j].person.as_str();
            self.ids.person(person).map(|_| ())
        };
        let spans = oncall::with_overrides(pieces, rot, (from, to), known);
        let spans = merge(spans.into_iter().map(|(s, ())| s).collect());
        self.rotation_spans[r] = Some(spans);
    }

    pub(super) fn spans_of(&self, reach: &Reach) -> Vec<Span> {
        match reach {
            Reach::Nobody => Vec::new(),
            Reach::Person(_) | Reach::Role(_) => vec![Span {
                start: self.from,
                end: self.to,
            }],
            Reach::Rotation(r) => self.rotation_spans[*r].clone().unwrap_or_default(),
            Reach::Schedule(s) => {
                let pieces = self.schedule_pieces[*s].as_deref().unwrap_or_default();
                merge(pieces.iter().map(|&(span, ..)| span).collect())
            }
        }
    }

    pub(super) fn person_name(&self, p: usize) -> &'a str {
        &self.ladder.people[p].name
    }

    /// How a tooltip names a target: a rotation or role by its name, a person by theirs,
    /// and a reference that reaches nobody as "a target that does not resolve".
    pub(super) fn target_name(&self, reach: &Reach) -> &'a str {
        let l = self.ladder;
        match *reach {
            Reach::Nobody => "a target that reaches nobody",
            Reach::Person(p) => self.person_name(p),
            Reach::Role(r) => &l.roles[r].name,
            Reach::Rotation(r) => &l.rotations[r].name,
            Reach::Schedule(s) => &l.schedules[s].name,
        }
    }

    /// Who `reach` reaches at `t`, and how a tooltip says it; `None` for nobody. A role
    /// is named by its first holders only, so the text stays short however many hold it.
    pub(super) fn reached_at(&self, reach: &Reach, t: i64) -> Option<(Reached, String)> {
        let l = self.ladder;
        match *reach {
            Reach::Nobody => None,
            Reach::Person(p) => Some((Reached::Person(p), self.person_name(p).to_string())),
            Reach::Role(r) => {
                let holders = &self.ids.holders[r];
                let mut shown = holders
                    .iter()
                    .take(ROLE_NAMES_IN_LABEL)
                    .map(|&p| self.person_name(p))
                    .collect::<Vec<_>>()
                    .join(", ");
                if holders.len() > ROLE_NAMES_IN_LABEL {
                    shown.push_str(&format!(
                        " and {} more",
                        holders.len() - ROLE_NAMES_IN_LABEL
                    ));
                }
                let text = format!("{shown} (role {})", l.roles[r].name);
                Some((Reached::Role(r), text))
            }
            Reach::Rotation(r) => {
                let (p, name) = self.rotation_member_at(r, t)?;
                let rot = &l.rotations[r].name;
                Some((Reached::Person(p), format!("{name} (rotation {rot})")))
            }
            Reach::Schedule(s) => {
                let (j, r) = self.layer_at(s, t)?;
                let (p, name) = self.rotation_member_at(r, t)?;
                let (schedule, rot) = (&l.schedules[s].name, &l.rotations[r].name);
                let text = format!("{name} (schedule {schedule}, layer {} {rot})", j + 1);
                Some((Reached::Person(p), text))
            }
        }
    }

    /// The known person rotation `r` has on call at `t` inside its spans, with their name.
    fn rotation_member_at(&self, r: usize, t: i64) -> Option<(usize, &'a str)> {
        let spans = self.rotation_spans[r].as_deref().unwrap_or_default();
        if !covers(spans, t) {
            return None;
        }
        let rot = &self.ladder.rotations[r];
        let who = oncall::on_call_at(rot, t)?;
        let p = self.ids.person(who.person(rot).as_str())?;
        Some((p, self.person_name(p)))
    }
}

/// Whom one target reaches in a cell, before it is expanded to names.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Reached {
    /// One person (by position in `people`).
    Person(usize),
    /// Every holder of a role (by position in `roles`).
    Role(usize),
}
