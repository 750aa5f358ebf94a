//! [`references`]: every place in the ladder that names an entry.

use crate::model::*;

use super::{label, Reference};

/// How a sentence about a reference names the entry: "them" for people, "it" otherwise.
fn pronoun(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "them",
        _ => "it",
    }
}

/// Every place in the ladder that refers to the entry `id` of `kind` (targets in steps,
/// owners, playbook step owners; person backups; rotation members and overrides; schedule
/// layers; person roles; trigger
/// service/tier; service depends_on; tier playbook; scenario signals' service and
/// unavailable injects' person). Document order.
///
/// Triggers, templates and scenarios are never referred to, so for them the list is
/// always empty.
pub fn references(ladder: &Ladder, kind: Kind, id: &str) -> Vec<Reference> {
    let mut finder = Finder {
        kind,
        id,
        pronoun: pronoun(kind),
        out: Vec::new(),
    };
    finder.services(ladder);
    finder.people(ladder);
    finder.rotations(ladder);
    finder.schedules(ladder);
    finder.tiers(ladder);
    finder.triggers(ladder);
    finder.playbooks(ladder);
    finder.scenarios(ladder);
    finder.out
}

/// What [`references`] looks for, and what it found so far, in document order.
struct Finder<'a> {
    kind: Kind,
    id: &'a str,
    pronoun: &'static str,
    out: Vec<Reference>,
}

impl Finder<'_> {
    fn add(&mut self, pointer: String, what: String) {
        self.out.push(Reference { pointer, what });
    }

    /// The pointer of target `t` at `base` when it names the entry looked for.
    fn target(&self, t: &Target, base: &str) -> Option<String> {
        (t.kind() == self.kind && t.id() == self.id).then(|| format!("{base}/{}", t.key()))
    }

    /// Services' dependencies.
    fn services(&mut self, ladder: &Ladder) {
        let pronoun = self.pronoun;
        for (i, s) in ladder.services.iter().enumerate() {
            if self.kind == Kind::Service {
                for (j, d) in s.depends_on.iter().enumerate() {
                    if d.as_str() == self.id {
                        self.add(
                            format!("{}/depends_on/{j}", Kind::Service.pointer(i)),
                            format!(
                                "service {} depends on {pronoun}",
                                label(&s.name, s.id.as_str())
                            ),
                        );
                    }
                }
            }
        }
    }

    /// People's roles and backups.
    fn people(&mut self, ladder: &Ladder) {
        let pronoun = self.pronoun;
        for (i, p) in ladder.people.iter().enumerate() {
            let who = label(&p.name, p.id.as_str());
            if self.kind == Kind::Role {
                for (j, r) in p.roles.iter().enumerate() {
                    if r.as_str() == self.id {
                        self.add(
                            format!("{}/roles/{j}", Kind::Person.pointer(i)),
                            format!("{who} holds {pronoun}"),
                        );
                    }
                }
            }
            if self.kind == Kind::Person && p.backup.as_ref().is_some_and(|b| b.as_str() == self.id)
            {
                self.add(
                    format!("{}/backup", Kind::Person.pointer(i)),
                    format!("{who} has {pronoun} as backup"),
                );
            }
        }
    }

    /// Rotation members and overrides.
    fn rotations(&mut self, ladder: &Ladder) {
        let pronoun = self.pronoun;
        for (i, r) in ladder.rotations.iter().enumerate() {
            if self.kind == Kind::Person {
                let rotation = label(&r.name, r.id.as_str());
                for (j, m) in r.members.iter().enumerate() {
                    if m.as_str() == self.id {
                        self.add(
                            format!("{}/members/{j}", Kind::Rotation.pointer(i)),
                            format!("rotation {rotation} has {pronoun} as member {}", j + 1),
                        );
                    }
                }
                for (j, o) in r.overrides.iter().enumerate() {
                    if o.person.as_str() == self.id {
                        self.add(
                            format!("{}/overrides/{j}/person", Kind::Rotation.pointer(i)),
                            format!(
                                "override {} of rotation {rotation} puts {pronoun} on call",
                                j + 1
                            ),
                        );
                    }
                }
            }
        }
    }

    /// Schedule layers.
    fn schedules(&mut self, ladder: &Ladder) {
        if self.kind != Kind::Rotation {
            return;
        }
        let pronoun = self.pronoun;
        for (i, s) in ladder.schedules.iter().enumerate() {
            for (j, layer) in s.layers.iter().enumerate() {
                if layer.as_str() == self.id {
                    self.add(
                        format!("{}/layers/{j}", Kind::Schedule.pointer(i)),
                        format!(
                            "schedule {} has {pronoun} as layer {}",
                            label(&s.name, s.id.as_str()),
                            j + 1
                        ),
                    );
                }
            }
        }
    }

    /// Tiers' owners, escalation steps and playbook.
    fn tiers(&mut self, ladder: &Ladder) {
        let pronoun = self.pronoun;
        for (i, t) in ladder.tiers.iter().enumerate() {
            let tier = format!("tier {}", label(&t.name, t.id.as_str()));
            for (duty, who) in t.owners.duties() {
                if let Some(p) = who.and_then(|w| {
                    self.target(w, &format!("{}/owners/{duty}", Kind::Tier.pointer(i)))
                }) {
                    self.add(p, format!("{tier} has {pronoun} as its {duty} owner"));
                }
            }
            for (k, s) in t.escalation.steps.iter().enumerate() {
                for (j, who) in s.notify.iter().enumerate() {
                    let base = format!("{}/escalation/steps/{k}/notify/{j}", Kind::Tier.pointer(i));
                    if let Some(p) = self.target(who, &base) {
                        self.add(p, format!("step {} of {tier} pages {pronoun}", k + 1));
                    }
                }
            }
            if self.kind == Kind::Playbook
                && t.playbook.as_ref().is_some_and(|p| p.as_str() == self.id)
            {
                self.add(
                    format!("{}/playbook", Kind::Tier.pointer(i)),
                    format!("{tier} follows {pronoun}"),
                );
            }
        }
    }

    /// Triggers' service and tier.
    fn triggers(&mut self, ladder: &Ladder) {
        let pronoun = self.pronoun;
        for (i, t) in ladder.triggers.iter().enumerate() {
            if self.kind == Kind::Service && t.service.as_str() == self.id {
                self.add(
                    format!("{}/service", Kind::Trigger.pointer(i)),
                    format!("trigger `{}` watches {pronoun}", t.id),
                );
            }
            if self.kind == Kind::Tier && t.tier.as_str() == self.id {
                self.add(
                    format!("{}/tier", Kind::Trigger.pointer(i)),
                    format!("trigger `{}` opens {pronoun}", t.id),
                );
            }
        }
    }

    /// Playbook step owners.
    fn playbooks(&mut self, ladder: &Ladder) {
        let pronoun = self.pronoun;
        for (i, pb) in ladder.playbooks.iter().enumerate() {
            for (k, s) in pb.steps.iter().enumerate() {
                if let Some(p) = s.owner.as_ref().and_then(|o| {
                    self.target(o, &format!("{}/steps/{k}/owner", Kind::Playbook.pointer(i)))
                }) {
                    self.add(
                        p,
                        format!(
                            "step {} of playbook {} is assigned to {pronoun}",
                            k + 1,
                            label(&pb.name, pb.id.as_str())
                        ),
                    );
                }
            }
        }
    }

    /// Scenario signals' service and unavailable injects' person.
    fn scenarios(&mut self, ladder: &Ladder) {
        let pronoun = self.pronoun;
        for (i, sc) in ladder.scenarios.iter().enumerate() {
            let scenario = format!("scenario {}", label(&sc.name, sc.id.as_str()));
            if self.kind == Kind::Service {
                for (j, sig) in sc.signals.iter().enumerate() {
                    if sig.service.as_str() == self.id {
                        self.add(
                            format!("{}/signals/{j}/service", Kind::Scenario.pointer(i)),
                            format!("signal {} of {scenario} measures {pronoun}", j + 1),
                        );
                    }
                }
            }
            if self.kind == Kind::Person {
                for (j, inj) in sc.injects.iter().enumerate() {
                    if let Inject::Unavailable(u) = inj {
                        if u.unavailable.as_str() == self.id {
                            self.add(
                                format!("{}/injects/{j}/unavailable", Kind::Scenario.pointer(i)),
                                format!(
                                    "inject {} of {scenario} makes {pronoun} unavailable",
                                    j + 1
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
}
