//! Ids and references: duplicate ids, and every id a ladder entry names that must resolve
//! (step targets, owners, backups, members, schedule layers, roles, triggers' service and
//! tier, playbooks).

use super::*;

impl Validator<'_> {
    pub(super) fn ids(&mut self) {
        let l = self.l;
        // The reference indexes already know their repeated ids; the other collections
        // are indexed here.
        let budget = &self.suggestions;
        for kind in Kind::ALL {
            let built;
            let index = match self.ix.get(kind) {
                Some(index) => index,
                None => {
                    built = Index::new(kind, l, budget);
                    &built
                }
            };
            let (coll, noun) = (kind.collection(), kind.noun());
            for &(i, j) in &index.repeats {
                let id = index.ids[i];
                // The first entry by name; "another" when its name is the id itself.
                let first = if index.names[j] == id {
                    format!("another {noun}")
                } else {
                    index.entry(j)
                };
                self.out.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        ptr(&[&coll, &i, &"id"]),
                        format!("The id {} is already used by {first}.", quoted(id)),
                    )
                    .hint(format!(
                        "Change one of the two ids: no two {coll} may share one."
                    )),
                );
            }
        }
        if l.tiers.is_empty() {
            self.push(
                Diagnostic::new(Code::NoTiers, "/tiers", "The ladder has no tiers.")
                    .hint("Add at least one severity tier with an escalation policy."),
            );
        }
    }

    pub(super) fn references(&mut self) {
        self.entry_references();
        self.tier_references();
        self.trigger_and_playbook_references();
    }

    /// Services' dependencies, people's roles and backups, rotation members, schedule
    /// layers.
    fn entry_references(&mut self) {
        let (l, ix, out) = (self.l, &self.ix, &mut self.out);
        for (i, s) in l.services.iter().enumerate() {
            for (j, d) in s.depends_on.iter().enumerate() {
                ix.services.resolve(
                    out,
                    d.as_str(),
                    || entry_ptr(Kind::Service, i, &[&"depends_on", &j]),
                    |m| {
                        format!(
                            "{} depends on {}.",
                            ix.services.entry(i),
                            m.does_not_exist()
                        )
                    },
                );
            }
        }
        for (i, p) in l.people.iter().enumerate() {
            for (j, r) in p.roles.iter().enumerate() {
                ix.roles.resolve(
                    out,
                    r.as_str(),
                    || entry_ptr(Kind::Person, i, &[&"roles", &j]),
                    |m| format!("{} has {}.", ix.people.name(i), m.does_not_exist()),
                );
            }
            if let Some(b) = &p.backup {
                ix.people.resolve(
                    out,
                    b.as_str(),
                    || entry_ptr(Kind::Person, i, &[&"backup"]),
                    |m| format!("{}'s backup {} does not exist.", ix.people.name(i), m.id()),
                );
            }
        }
        for (i, r) in l.rotations.iter().enumerate() {
            for (j, m) in r.members.iter().enumerate() {
                ix.people.resolve(
                    out,
                    m.as_str(),
                    || entry_ptr(Kind::Rotation, i, &[&"members", &j]),
                    |m| {
                        format!(
                            "{} has the member {}, who does not exist.",
                            ix.rotations.entry(i),
                            m.id()
                        )
                    },
                );
            }
            for (j, o) in r.overrides.iter().enumerate() {
                ix.people.resolve(
                    out,
                    o.person.as_str(),
                    || entry_ptr(Kind::Rotation, i, &[&"overrides", &j, &"person"]),
                    |m| {
                        format!(
                            "An override of {} puts {} on call, who does not exist.",
                            ix.rotations.entry(i),
                            m.id()
                        )
                    },
                );
            }
        }
        for (i, s) in l.schedules.iter().enumerate() {
            for (j, r) in s.layers.iter().enumerate() {
                ix.rotations.resolve(
                    out,
                    r.as_str(),
                    || entry_ptr(Kind::Schedule, i, &[&"layers", &j]),
                    |m| {
                        format!(
                            "Layer {} of {} is {}.",
                            j + 1,
                            ix.schedules.entry(i),
                            m.does_not_exist()
                        )
                    },
                );
            }
        }
    }

    /// Tiers' owners, step targets and playbook.
    fn tier_references(&mut self) {
        let (l, ix, out) = (self.l, &self.ix, &mut self.out);
        for (i, t) in l.tiers.iter().enumerate() {
            for (duty, who) in t.owners.duties() {
                if let Some(who) = who {
                    ix.target(
                        out,
                        who,
                        || entry_ptr(Kind::Tier, i, &[&"owners", &duty]),
                        |m| {
                            format!(
                                "The {duty} owner of {} is {}.",
                                ix.tiers.name(i),
                                m.does_not_exist()
                            )
                        },
                    );
                }
            }
            for (k, s) in t.escalation.steps.iter().enumerate() {
                for (j, who) in s.notify.iter().enumerate() {
                    ix.target(
                        out,
                        who,
                        || entry_ptr(Kind::Tier, i, &[&"escalation", &"steps", &k, &"notify", &j]),
                        |m| {
                            format!(
                                "{} step {} pages {}.",
                                ix.tiers.name(i),
                                k + 1,
                                m.does_not_exist()
                            )
                        },
                    );
                }
            }
            if let Some(p) = &t.playbook {
                ix.playbooks.resolve(
                    out,
                    p.as_str(),
                    || entry_ptr(Kind::Tier, i, &[&"playbook"]),
                    |m| format!("{} uses {}.", ix.tiers.name(i), m.does_not_exist()),
                );
            }
        }
    }

    /// Triggers' service and tier, playbook step owners.
    fn trigger_and_playbook_references(&mut self) {
        let (l, ix, out) = (self.l, &self.ix, &mut self.out);
        for (i, t) in l.triggers.iter().enumerate() {
            // Built only for a finding, like the pointers.
            let trigger = || entry(Kind::Trigger, t.id.as_str());
            ix.services.resolve(
                out,
                t.service.as_str(),
                || entry_ptr(Kind::Trigger, i, &[&"service"]),
                |m| format!("{} watches {}.", trigger(), m.does_not_exist()),
            );
            ix.tiers.resolve(
                out,
                t.tier.as_str(),
                || entry_ptr(Kind::Trigger, i, &[&"tier"]),
                |m| format!("{} opens {}.", trigger(), m.does_not_exist()),
            );
        }
        for (i, p) in l.playbooks.iter().enumerate() {
            for (k, s) in p.steps.iter().enumerate() {
                if let Some(owner) = &s.owner {
                    ix.target(
                        out,
                        owner,
                        || entry_ptr(Kind::Playbook, i, &[&"steps", &k, &"owner"]),
                        |m| {
                            format!(
                                "The owner of step {} of {} is {}.",
                                k + 1,
                                ix.playbooks.entry(i),
                                m.does_not_exist()
                            )
                        },
                    );
                }
            }
        }
    }
}
