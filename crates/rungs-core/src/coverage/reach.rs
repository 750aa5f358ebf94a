//! Who each target reaches during the week: the ladder's indexes ([`Lookup`], shared with
//! `paging`) and each rotation's on-call spans, computed once per grid.

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
}

/// Indexes of the ladder and the week's rotation spans, computed once.
pub(super) struct Ctx<'a> {
    pub(super) ladder: &'a Ladder,
    /// Positions by id and the holders of each role.
    pub(super) ids: Lookup<'a>,
    /// For each rotation, when in the week its on-call member is a known person inside
    /// its window; computed on first use.
    rotation_spans: Vec<Option<Vec<Span>>>,
    from: i64,
    to: i64,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(ladder: &'a Ladder, from: i64, to: i64) -> Self {
        Ctx {
            ladder,
            ids: Lookup::new(ladder),
            rotation_spans: vec![None; ladder.rotations.len()],
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
        }
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
                let spans = self.rotation_spans[r].as_deref().unwrap_or_default();
                if !covers(spans, t) {
                    return None;
                }
                let rot = &l.rotations[r];
                let who = oncall::on_call_at(rot, t)?;
                let p = self.ids.person(who.person(rot).as_str())?;
                let name = self.person_name(p);
                Some((
                    Reached::Person(p),
                    format!("{name} (rotation {})", rot.name),
                ))
            }
        }
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
