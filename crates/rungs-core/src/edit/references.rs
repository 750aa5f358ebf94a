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
/// owners, playbook step owners; person backups; rotation members; person roles; trigger
/// service/tier; service depends_on; tier playbook; scenario signals' service and
/// unavailable injects' person). Document order.
///
/// Triggers, templates and scenarios are never referred to, so for them the list is
/// always empty.
pub fn references(ladder: &Ladder, kind: Kind, id: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    let pronoun = pronoun(kind);
    let mut add = |pointer: String, what: String| out.push(Reference { pointer, what });
    let target = |t: &Target, base: &str| -> Option<String> {
        (t.kind() == kind && t.id() == id).then(|| format!("{base}/{}", t.key()))
    };

    for (i, s) in ladder.services.iter().enumerate() {
        if kind == Kind::Service {
            for (j, d) in s.depends_on.iter().enumerate() {
                if d.as_str() == id {
                    add(
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
    for (i, p) in ladder.people.iter().enumerate() {
        let who = label(&p.name, p.id.as_str());
        if kind == Kind::Role {
            for (j, r) in p.roles.iter().enumerate() {
                if r.as_str() == id {
                    add(
                        format!("{}/roles/{j}", Kind::Person.pointer(i)),
                        format!("{who} holds {pronoun}"),
                    );
                }
            }
        }
        if kind == Kind::Person && p.backup.as_ref().is_some_and(|b| b.as_str() == id) {
            add(
                format!("{}/backup", Kind::Person.pointer(i)),
                format!("{who} has {pronoun} as backup"),
            );
        }
    }
    for (i, r) in ladder.rotations.iter().enumerate() {
        if kind == Kind::Person {
            for (j, m) in r.members.iter().enumerate() {
                if m.as_str() == id {
                    add(
                        format!("{}/members/{j}", Kind::Rotation.pointer(i)),
                        format!(
                            "rotation {} has {pronoun} as member {}",
                            label(&r.name, r.id.as_str()),
                            j + 1
                        ),
                    );
                }
            }
        }
    }
    for (i, t) in ladder.tiers.iter().enumerate() {
        let tier = format!("tier {}", label(&t.name, t.id.as_str()));
        for (duty, who) in t.owners.duties() {
            if let Some(p) =
                who.and_then(|w| target(w, &format!("{}/owners/{duty}", Kind::Tier.pointer(i))))
            {
                add(p, format!("{tier} has {pronoun} as its {duty} owner"));
            }
        }
        for (k, s) in t.escalation.steps.iter().enumerate() {
            for (j, who) in s.notify.iter().enumerate() {
                let base = format!("{}/escalation/steps/{k}/notify/{j}", Kind::Tier.pointer(i));
                if let Some(p) = target(who, &base) {
                    add(p, format!("step {} of {tier} pages {pronoun}", k + 1));
                }
            }
        }
        if kind == Kind::Playbook && t.playbook.as_ref().is_some_and(|p| p.as_str() == id) {
            add(
                format!("{}/playbook", Kind::Tier.pointer(i)),
                format!("{tier} follows {pronoun}"),
            );
        }
    }
    for (i, t) in ladder.triggers.iter().enumerate() {
        if kind == Kind::Service && t.service.as_str() == id {
            add(
                format!("{}/service", Kind::Trigger.pointer(i)),
                format!("trigger `{}` watches {pronoun}", t.id),
            );
        }
        if kind == Kind::Tier && t.tier.as_str() == id {
            add(
                format!("{}/tier", Kind::Trigger.pointer(i)),
                format!("trigger `{}` opens {pronoun}", t.id),
            );
        }
    }
    for (i, pb) in ladder.playbooks.iter().enumerate() {
        for (k, s) in pb.steps.iter().enumerate() {
            if let Some(p) = s
                .owner
                .as_ref()
                .and_then(|o| target(o, &format!("{}/steps/{k}/owner", Kind::Playbook.pointer(i))))
            {
                add(
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
    for (i, sc) in ladder.scenarios.iter().enumerate() {
        let scenario = format!("scenario {}", label(&sc.name, sc.id.as_str()));
        if kind == Kind::Service {
            for (j, sig) in sc.signals.iter().enumerate() {
                if sig.service.as_str() == id {
                    add(
                        format!("{}/signals/{j}/service", Kind::Scenario.pointer(i)),
                        format!("signal {} of {scenario} measures {pronoun}", j + 1),
                    );
                }
            }
        }
        if kind == Kind::Person {
            for (j, inj) in sc.injects.iter().enumerate() {
                if let Inject::Unavailable(u) = inj {
                    if u.unavailable.as_str() == id {
                        add(
                            format!("{}/injects/{j}/unavailable", Kind::Scenario.pointer(i)),
                            format!("inject {} of {scenario} makes {pronoun} unavailable", j + 1),
                        );
                    }
                }
            }
        }
    }
    out
}
