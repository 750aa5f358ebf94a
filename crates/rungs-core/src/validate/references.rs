//! Ids and references: duplicate ids, and every id a ladder entry names that must resolve
//! (step targets, owners, backups, members, roles, triggers' service and tier, playbooks).

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
                self.out.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        ptr(&[&coll, &i, &"id"]),
                        format!("{noun} id `{id}` is already used by {}", kind.pointer(j)),
                    )
                    .hint(format!("give each {noun} its own id")),
                );
            }
        }
        if l.tiers.is_empty() {
            self.push(
                Diagnostic::new(Code::NoTiers, "/tiers", "the ladder has no tiers")
                    .hint("add at least one severity tier with an escalation policy"),
            );
        }
    }

    pub(super) fn references(&mut self) {
        self.entry_references();
        self.tier_references();
        self.trigger_and_playbook_references();
    }

    /// Services' dependencies, people's roles and backups, rotation members.
    fn entry_references(&mut self) {
        let (l, ix, out) = (self.l, &self.ix, &mut self.out);
        for (i, s) in l.services.iter().enumerate() {
            for (j, d) in s.depends_on.iter().enumerate() {
                ix.services.resolve(
                    out,
                    d.as_str(),
                    || entry_ptr(Kind::Service, i, &[&"depends_on", &j]),
                    || format!("service `{}` depends_on", s.id),
                );
            }
        }
        for (i, p) in l.people.iter().enumerate() {
            for (j, r) in p.roles.iter().enumerate() {
                ix.roles.resolve(
                    out,
                    r.as_str(),
                    || entry_ptr(Kind::Person, i, &[&"roles", &j]),
                    || format!("person `{}`", p.id),
                );
            }
            if let Some(b) = &p.backup {
                ix.people.resolve(
                    out,
                    b.as_str(),
                    || entry_ptr(Kind::Person, i, &[&"backup"]),
                    || format!("the backup of person `{}`", p.id),
                );
            }
        }
        for (i, r) in l.rotations.iter().enumerate() {
            for (j, m) in r.members.iter().enumerate() {
                ix.people.resolve(
                    out,
                    m.as_str(),
                    || entry_ptr(Kind::Rotation, i, &[&"members", &j]),
                    || format!("rotation `{}`", r.id),
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
                        || format!("the {duty} owner of tier `{}`", t.id),
                    );
                }
            }
            for (k, s) in t.escalation.steps.iter().enumerate() {
                for (j, who) in s.notify.iter().enumerate() {
                    ix.target(
                        out,
                        who,
                        || entry_ptr(Kind::Tier, i, &[&"escalation", &"steps", &k, &"notify", &j]),
                        || format!("step {} of tier `{}`", k + 1, t.id),
                    );
                }
            }
            if let Some(p) = &t.playbook {
                ix.playbooks.resolve(
                    out,
                    p.as_str(),
                    || entry_ptr(Kind::Tier, i, &[&"playbook"]),
                    || format!("tier `{}`", t.id),
                );
            }
        }
    }

    /// Triggers' service and tier, playbook step owners.
    fn trigger_and_playbook_references(&mut self) {
        let (l, ix, out) = (self.l, &self.ix, &mut self.out);
        for (i, t) in l.triggers.iter().enumerate() {
            let ctx = || format!("trigger `{}`", t.id);
            ix.services.resolve(
                out,
                t.service.as_str(),
                || entry_ptr(Kind::Trigger, i, &[&"service"]),
                ctx,
            );
            ix.tiers.resolve(
                out,
                t.tier.as_str(),
                || entry_ptr(Kind::Trigger, i, &[&"tier"]),
                ctx,
            );
        }
        for (i, p) in l.playbooks.iter().enumerate() {
            for (k, s) in p.steps.iter().enumerate() {
                if let Some(owner) = &s.owner {
                    ix.target(
                        out,
                        owner,
                        || entry_ptr(Kind::Playbook, i, &[&"steps", &k, &"owner"]),
                        || format!("step {} of playbook `{}`", k + 1, p.id),
                    );
                }
            }
        }
    }
}
