//! Rotations, services, people and templates: empty or shiftless rotations and their
//! windows, dependency cycles, backups, response models and template placeholders.

use super::*;

impl Validator<'_> {
    pub(super) fn rotations(&mut self) {
        for (i, r) in self.l.rotations.iter().enumerate() {
            let rotation = || self.ix.rotations.entry(i);
            if r.members.is_empty() {
                self.out.push(
                    Diagnostic::new(
                        Code::EmptyRotation,
                        entry_ptr(Kind::Rotation, i, &[&"members"]),
                        format!("{} has no members.", rotation()),
                    )
                    .hint("Add the people who take turns on call."),
                );
            }
            if r.shift.is_zero() {
                self.out.push(
                    Diagnostic::new(
                        Code::InvalidShift,
                        entry_ptr(Kind::Rotation, i, &[&"shift"]),
                        format!("{} has a shift of 0m.", rotation()),
                    )
                    .hint("Set the shift to how long each member is on call, such as 1w or 12h."),
                );
            }
            for (j, o) in r.overrides.iter().enumerate() {
                let at = entry_ptr(Kind::Rotation, i, &[&"overrides", &j]);
                if o.from >= o.to {
                    self.out.push(
                        Diagnostic::new(
                            Code::InvalidOverride,
                            at + "/to",
                            format!(
                                "Override {} of {} ends before it begins.",
                                j + 1,
                                rotation()
                            ),
                        )
                        .hint("Make it end after it begins."),
                    );
                } else if let Some(k) = r.overrides[..j]
                    .iter()
                    .position(|p| p.from < o.to && o.from < p.to)
                {
                    self.out.push(
                        Diagnostic::new(Code::InvalidOverride, at, format!("Override {} of {} overlaps override {}.", j + 1, rotation(), k + 1))
                            .hint("Make overrides of one rotation follow each other: end one before the next begins."),
                    );
                }
            }
            if r.window.is_some() && !r.windows.is_empty() {
                self.out.push(
                    Diagnostic::new(
                        Code::MalformedWindow,
                        entry_ptr(Kind::Rotation, i, &[&"windows"]),
                        format!("{} has both a window and a list of windows.", rotation()),
                    )
                    .hint(
                        "Keep one: move the window into the list of windows, or remove the list.",
                    ),
                );
            }
            let windows: Vec<(&dyn std::fmt::Display, Option<usize>, &Window)> = match &r.window {
                Some(w) => vec![(&"window", None, w)],
                None => r
                    .windows
                    .iter()
                    .enumerate()
                    .map(|(j, w)| (&"windows" as &dyn std::fmt::Display, Some(j), w))
                    .collect(),
            };
            for (field, j, w) in windows {
                let at = |rest: &[&dyn std::fmt::Display]| {
                    let mut path: Vec<&dyn std::fmt::Display> = vec![field];
                    if let Some(j) = &j {
                        path.push(j);
                    }
                    path.extend_from_slice(rest);
                    entry_ptr(Kind::Rotation, i, &path)
                };
                let which = match j {
                    Some(j) => format!("Window {} of {}", j + 1, rotation()),
                    None => format!("The window of {}", rotation()),
                };
                if w.days.is_empty() {
                    self.out.push(
                        Diagnostic::new(Code::MalformedWindow, at(&[&"days"]), format!("{which} lists no days, so it never covers anything."))
                            .hint("List the days it covers, or remove the window for around-the-clock cover."),
                    );
                }
                let mut seen = [false; 7];
                for (k, d) in w.days.iter().enumerate() {
                    if std::mem::replace(&mut seen[*d as usize], true) {
                        self.out.push(
                            Diagnostic::new(
                                Code::MalformedWindow,
                                at(&[&"days", &k]),
                                format!("{which} lists {} twice.", quoted(d.as_str())),
                            )
                            .hint("List each day once."),
                        );
                    }
                }
            }
        }
    }

    pub(super) fn services(&mut self) {
        let l = self.l;
        // Colour-marking depth-first search with an explicit stack (a chain of thousands
        // of services must not overflow the call stack); each cycle is reported once, at
        // the edge that closes it. Dependencies are followed in document order, as a
        // recursive search would.
        let n = l.services.len();
        let mut state = vec![0u8; n]; // 0 new, 1 on the path, 2 done
                                      // Position on the path of each service that is on it.
        let mut on_path = vec![usize::MAX; n];
        // The current path: each service with the index of its next dependency to follow.
        let mut path: Vec<(usize, usize)> = Vec::new();
        for root in 0..n {
            if state[root] != 0 {
                continue;
            }
            state[root] = 1;
            on_path[root] = 0;
            path.push((root, 0));
            while let Some(&mut (s, ref mut next)) = path.last_mut() {
                let Some(dep) = l.services[s].depends_on.get(*next) else {
                    path.pop();
                    state[s] = 2;
                    on_path[s] = usize::MAX;
                    continue;
                };
                let j = *next;
                *next += 1;
                let Some(d) = self.ix.services.get(dep.as_str()) else {
                    continue;
                };
                match state[d] {
                    0 => {
                        state[d] = 1;
                        on_path[d] = path.len();
                        path.push((d, 0));
                    }
                    1 => {
                        let cycle: Vec<usize> =
                            path[on_path[d]..].iter().map(|&(x, _)| x).collect();
                        self.dependency_cycle(s, j, &cycle);
                    }
                    _ => {}
                }
            }
        }
    }

    /// Reports the cycle `cycle` (services in dependency order, back to the first), closed
    /// by dependency `j` of service `s`.
    fn dependency_cycle(&mut self, s: usize, j: usize, cycle: &[usize]) {
        let services = &self.ix.services;
        let name = |x: &usize| services.names[*x];
        let mut names: Vec<&str> = Vec::new();
        let elided;
        if cycle.len() <= CYCLE_NAMES_SHOWN {
            names.extend(cycle.iter().map(name));
        } else {
            let half = CYCLE_NAMES_SHOWN / 2;
            names.extend(cycle[..half].iter().map(name));
            elided = format!("… {} more …", cycle.len() - 2 * half);
            names.push(&elided);
            names.extend(cycle[cycle.len() - half..].iter().map(name));
        }
        names.push(name(&cycle[0]));
        self.push(
            Diagnostic::new(
                Code::DependencyCycle,
                entry_ptr(Kind::Service, s, &[&"depends_on", &j]),
                format!(
                    "Services depend on each other in a cycle: {}.",
                    names.join(" → ")
                ),
            )
            .hint("Remove one of these dependencies, so that the services form a hierarchy."),
        );
    }

    pub(super) fn people(&mut self) {
        let l = self.l;
        let mut used = vec![false; l.people.len()];
        for &p in self.ix.members.iter().flatten() {
            used[p] = true;
        }
        let direct = l.tiers.iter().flat_map(|t| {
            t.escalation
                .steps
                .iter()
                .flat_map(|s| s.notify.iter())
                .chain(t.owners.duties().into_iter().filter_map(|(_, w)| w))
        });
        for who in direct {
            if let Target::Person(id) = who {
                if let Some(p) = self.ix.people.get(id.as_str()) {
                    used[p] = true;
                }
            }
        }
        for (i, p) in l.people.iter().enumerate() {
            if p.backup.as_ref() == Some(&p.id) {
                self.push(
                    Diagnostic::new(
                        Code::BackupCycle,
                        entry_ptr(Kind::Person, i, &[&"backup"]),
                        format!("{} is their own backup.", self.person(i)),
                    )
                    .hint("Name someone else as the backup, or leave it out."),
                );
            }
            if let Some(email) = p.email.as_deref().filter(|e| !is_email(e)) {
                self.push(
                    Diagnostic::new(
                        Code::InvalidEmail,
                        entry_ptr(Kind::Person, i, &[&"email"]),
                        format!(
                            "{}'s email \"{}\" is not an address: one line, at most 254 characters, one @ with text on each side.",
                            self.person(i),
                            crate::text::truncate_for_display(email, 60)
                        ),
                    )
                    .hint("Write the address the paging tool has for them, or leave it out."),
                );
            }
            if p.roles.is_empty() && !used[i] {
                self.push(
                    Diagnostic::new(
                        Code::UnusedPerson,
                        entry_ptr(Kind::Person, i, &[]),
                        format!(
                            "{} is in no rotation, role or step, so nothing ever pages them.",
                            self.person(i)
                        ),
                    )
                    .hint("Add them to a rotation or give them a role, or remove them."),
                );
            }
        }
        for (i, r) in l.roles.iter().enumerate() {
            if self.ix.roles.get(r.id.as_str()) == Some(i) && self.ix.holders[i].is_empty() {
                self.push(
                    Diagnostic::new(
                        Code::EmptyRole,
                        entry_ptr(Kind::Role, i, &[]),
                        format!("Nobody holds {}.", self.ix.roles.entry(i)),
                    )
                    .hint("Give the role to someone, or remove it."),
                );
            }
        }
    }

    pub(super) fn templates(&mut self) {
        for (i, t) in self.l.templates.iter().enumerate() {
            let template = || entry(Kind::Template, name_or_id(t));
            let mut rest = t.body.as_str();
            while let Some(open) = rest.find("{{") {
                let after = &rest[open + 2..];
                let Some(close) = after.find("}}") else {
                    self.push(
                        Diagnostic::new(
                            Code::UnknownPlaceholder,
                            entry_ptr(Kind::Template, i, &[&"body"]),
                            format!(
                                "{} opens a placeholder with “{{{{” that is never closed.",
                                template()
                            ),
                        )
                        .hint("Close it with “}}”, or remove the “{{”."),
                    );
                    break;
                };
                let name = after[..close].trim();
                if !TEMPLATE_PLACEHOLDERS.contains(&name) {
                    let shown = crate::text::truncate_for_display(name, 40);
                    let best = take_suggestion(&self.suggestions)
                        .then(|| closest(name, TEMPLATE_PLACEHOLDERS))
                        .flatten();
                    let hint = match best {
                        Some(best) => format!("Did you mean “{{{{{best}}}}}”?"),
                        None => format!(
                            "Use one of the known placeholders: {}.",
                            TEMPLATE_PLACEHOLDERS
                                .iter()
                                .map(|p| format!("{{{{{p}}}}}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    self.push(
                        Diagnostic::new(
                            Code::UnknownPlaceholder,
                            entry_ptr(Kind::Template, i, &[&"body"]),
                            format!(
                                "{} uses the unknown placeholder “{{{{{shown}}}}}”.",
                                template()
                            ),
                        )
                        .hint(hint),
                    );
                }
                rest = &after[close + 2..];
            }
        }
    }
}

/// What `email` accepts: one line of at most 254 characters, one `@` with text on each
/// side and no spaces. Deliverability is the paging tool's business.
fn is_email(s: &str) -> bool {
    s.len() <= 254
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && matches!(s.split_once('@'), Some((local, domain)) if !local.is_empty() && !domain.is_empty() && !domain.contains('@'))
}
