//! Tiers: ranks, escalation steps (who they page, how fast, how often), owners and their
//! backups, and timelines that contradict each other or the escalation.

use super::*;

impl Validator<'_> {
    pub(super) fn tiers(&mut self) {
        let mut ranks: HashMap<u32, usize> = HashMap::new();
        for i in 0..self.l.tiers.len() {
            self.rank(i, &mut ranks);
            self.timeline_order(i);
            self.escalation_shape(i);
            self.communication_owner(i);
            self.consecutive_people(i);
            self.escalation_speed(i);
            self.owner_backups(i);
        }
        self.timeline_inversions();
    }

    /// Rank 0, or a rank an earlier tier has (`ranks`: rank to the first tier with it).
    fn rank(&mut self, i: usize, ranks: &mut HashMap<u32, usize>) {
        let t = &self.l.tiers[i];
        let label = self.tier(i);
        if t.rank == 0 {
            self.push(
                Diagnostic::new(
                    Code::InvalidRank,
                    entry_ptr(Kind::Tier, i, &[&"rank"]),
                    format!("{label} has rank 0."),
                )
                .hint("Give it a rank of 1 or more: ranks start at 1, the most severe tier."),
            );
        } else if let Some(&j) = ranks.get(&t.rank) {
            self.push(
                Diagnostic::new(
                    Code::DuplicateRank,
                    entry_ptr(Kind::Tier, i, &[&"rank"]),
                    format!("{label} has rank {}, like {}.", t.rank, self.tier(j)),
                )
                .hint("Give each tier its own rank; 1 is the most severe."),
            );
        } else {
            ranks.insert(t.rank, i);
        }
    }

    /// Deadlines in the wrong order (acknowledge, contain, resolve).
    fn timeline_order(&mut self, i: usize) {
        let t = &self.l.tiers[i];
        let label = self.tier(i);
        let tl = &t.timelines;
        for (a, b) in [
            ("acknowledge", "contain"),
            ("contain", "resolve"),
            ("acknowledge", "resolve"),
        ] {
            if let (Some(x), Some(y)) = (timeline(tl, a), timeline(tl, b)) {
                // acknowledge > resolve is only reported when contain does not sit between.
                if a == "acknowledge" && b == "resolve" && tl.contain.is_some() {
                    continue;
                }
                if x > y {
                    self.push(
                        Diagnostic::new(
                            Code::TimelineOrder,
                            entry_ptr(Kind::Tier, i, &[&"timelines", &a]),
                            format!("{label} allows {x} to {a} but only {y} to {b}."),
                        )
                        .hint(format!("Allow no more time to {a} than to {b}.")),
                    );
                }
            }
        }
    }

    /// No steps, a step that notifies nobody, or a repeated policy that pages all at once.
    fn escalation_shape(&mut self, i: usize) {
        let t = &self.l.tiers[i];
        let label = self.tier(i);
        let steps = &t.escalation.steps;
        if steps.is_empty() {
            self.push(
                Diagnostic::new(
                    Code::EmptyEscalation,
                    entry_ptr(Kind::Tier, i, &[&"escalation", &"steps"]),
                    format!("{label} has no escalation steps, so it pages nobody."),
                )
                .hint("Add a step that notifies a rotation, a role or a person."),
            );
        }
        for (k, s) in steps.iter().enumerate() {
            if s.notify.is_empty() {
                self.push(
                    Diagnostic::new(
                        Code::EmptyStep,
                        entry_ptr(Kind::Tier, i, &[&"escalation", &"steps", &k, &"notify"]),
                        format!("{label} step {} notifies nobody.", k + 1),
                    )
                    .hint("Add a rotation, a role or a person to notify, or remove the step."),
                );
            }
        }
        if t.escalation.repeat > 0
            && !steps.is_empty()
            && steps.iter().all(|s| s.escalate_after.is_zero())
        {
            self.push(
                Diagnostic::new(
                    Code::PageStorm,
                    entry_ptr(Kind::Tier, i, &[&"escalation", &"repeat"]),
                    format!(
                        "{label} repeats its policy {} but every step waits 0m, so all pages go out at once.",
                        crate::text::count(t.escalation.repeat as usize, "time", "times")
                    ),
                )
                .hint("Give the steps an escalate_after, or set repeat to 0."),
            );
        }
    }

    /// A first-update deadline with nobody to write it.
    fn communication_owner(&mut self, i: usize) {
        let t = &self.l.tiers[i];
        let label = self.tier(i);
        let tl = &t.timelines;
        if tl.first_update.is_some() && t.owners.communication.is_none() {
            self.push(
                Diagnostic::new(
                    Code::NoCommunicationOwner,
                    entry_ptr(Kind::Tier, i, &[&"owners", &"communication"]),
                    format!(
                        "{label} expects a first update within {} but has no communication owner.",
                        tl.first_update.unwrap_or_default()
                    ),
                )
                .hint("Name a communication owner, such as a comms rotation or role."),
            );
        }
    }

    fn consecutive_people(&mut self, i: usize) {
        let t = &self.l.tiers[i];
        for (k, pair) in t.escalation.steps.windows(2).enumerate() {
            // The people the earlier step pages by name, looked up once per pair.
            let before: HashSet<&str> = pair[0]
                .notify
                .iter()
                .filter_map(|w| match w {
                    Target::Person(p) => Some(p.as_str()),
                    _ => None,
                })
                .collect();
            for (j, who) in pair[1].notify.iter().enumerate() {
                if let Target::Person(p) = who {
                    if before.contains(p.as_str()) {
                        let d = Diagnostic::new(
                            Code::SamePersonConsecutiveSteps,
                            entry_ptr(Kind::Tier, i, &[&"escalation", &"steps", &(k + 1), &"notify", &j, &"person"]),
                            format!(
                                "{} is paged in both {} step {} and step {}: if they are away, both steps fail.",
                                self.ix.people.name_of(p.as_str()),
                                self.tier(i),
                                k + 1,
                                k + 2,
                            ),
                        )
                        .hint(format!("Page someone else in step {}, such as their backup or a secondary rotation.", k + 2));
                        self.push(d);
                    }
                }
            }
        }
    }

    fn escalation_speed(&mut self, i: usize) {
        let l = self.l;
        let t = &l.tiers[i];
        for (k, s) in t.escalation.steps.iter().enumerate() {
            let fastest = s
                .notify
                .iter()
                .filter_map(|who| self.fastest_ack(who))
                .min();
            if let Some(median) = fastest {
                if s.escalate_after < median
                    && !(s.escalate_after.is_zero() && t.escalation.steps.len() == 1)
                {
                    let d = Diagnostic::new(
                        Code::EscalatesBeforeResponse,
                        entry_ptr(Kind::Tier, i, &[&"escalation", &"steps", &k, &"escalate_after"]),
                        format!(
                            "{} step {} escalates after {}, but the people it pages acknowledge after {median} at the median.",
                            self.tier(i),
                            k + 1,
                            s.escalate_after
                        ),
                    )
                    .hint(format!("Wait at least {median} before the next step."));
                    self.push(d);
                }
            }
        }
        if let Some(deadline) = t.timelines.acknowledge {
            let mut offset = Duration::ZERO;
            let mut first_reaching = None;
            for s in &t.escalation.steps {
                // An unknown target is already an error; give it the benefit of the doubt here.
                if s.notify.iter().any(|who| self.reach(who) != Reach::Nobody) {
                    first_reaching = Some(offset);
                    break;
                }
                offset = Duration::from_millis(
                    offset
                        .as_millis()
                        .saturating_add(s.escalate_after.as_millis()),
                );
            }
            let problem = match first_reaching {
                None => Some(format!("No step of {} can reach anybody, so nobody can acknowledge within {deadline}.", self.tier(i))),
                Some(at) if at >= deadline => Some(format!(
                    "The first step of {} that reaches a person pages at {at}, after the acknowledge deadline of {deadline}.",
                    self.tier(i)
                )),
                Some(_) => None,
            };
            if let Some(message) = problem {
                self.push(
                    Diagnostic::new(
                        Code::UnreachableBeforeDeadline,
                        entry_ptr(Kind::Tier, i, &[&"timelines", &"acknowledge"]),
                        message,
                    )
                    .hint("Page someone in an earlier step, or allow more time to acknowledge."),
                );
            }
        }
    }

    fn owner_backups(&mut self, i: usize) {
        let l = self.l;
        for (duty, who) in l.tiers[i].owners.duties() {
            let lone =
                match who {
                    Some(Target::Person(id)) => self.ix.people.get(id.as_str()),
                    Some(Target::Role(id)) => self.ix.roles.get(id.as_str()).and_then(|r| {
                        (self.ix.holders[r].len() == 1).then(|| self.ix.holders[r][0])
                    }),
                    _ => None,
                };
            if let Some(p) = lone {
                let person = &l.people[p];
                if person.backup.is_none() {
                    let name = self.person(p);
                    let d = Diagnostic::new(
                        Code::OwnerWithoutBackup,
                        entry_ptr(Kind::Tier, i, &[&"owners", &duty]),
                        format!(
                            "The {duty} owner of {} is {name} alone, with no backup and no rotation behind them.",
                            self.tier(i),
                        ),
                    )
                    .hint(format!("Give {name} a backup, or make the owner a rotation."));
                    self.push(d);
                }
            }
        }
    }

    fn timeline_inversions(&mut self) {
        let l = self.l;
        let mut by_rank: Vec<usize> = (0..l.tiers.len()).collect();
        by_rank.sort_by_key(|&i| l.tiers[i].rank);
        for name in TIMELINES {
            let set: Vec<(usize, Duration)> = by_rank
                .iter()
                .filter_map(|&i| timeline(&l.tiers[i].timelines, name).map(|d| (i, d)))
                .collect();
            for pair in set.windows(2) {
                let ((severe, a), (milder, b)) = (pair[0], pair[1]);
                if a > b && l.tiers[severe].rank != l.tiers[milder].rank {
                    let (what, more, less) =
                        (timeline_words(name), self.tier(severe), self.tier(milder));
                    let d = Diagnostic::new(
                        Code::TimelineInversion,
                        entry_ptr(Kind::Tier, severe, &[&"timelines", &name]),
                        format!(
                            "{more} allows {a} {what}, more than the less severe {less} allows ({b})."
                        ),
                    )
                    .hint(format!(
                        "Allow {more} at most {b} {what}, or give {less} more time: a more severe tier should be held to a tighter target."
                    ));
                    self.push(d);
                }
            }
        }
    }
}
