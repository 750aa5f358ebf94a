//! [`Builder`]: the ladder every importer fills. People, rotations and schedules are
//! found again by the key the source gives them (a vendor id, a Terraform address), and
//! get Rungs ids made from their names; policies become tiers in the order added.

use std::collections::{HashMap, HashSet};

use rungs_core::edit::unique_id;
use rungs_core::{
    Escalation, Kind, Ladder, Person, PersonId, Rotation, RotationId, Schedule, ScheduleId, Tier,
    TierId, TimeZoneName, MAX_ID_LEN,
};

use crate::notes::{ImportError, Notes, SourceRef};
use crate::{zones, ImportOptions, Imported, System};

/// A ladder with nothing in it: the core's new ladder (name empty, revision 1) without
/// its first tier.
fn empty_ladder() -> Ladder {
    let mut ladder = rungs_core::edit::new_ladder("");
    ladder.tiers.clear();
    ladder
}

/// The ladder under construction and the notes so far.
#[derive(Debug)]
pub struct Builder {
    /// The system imported from.
    pub system: System,
    /// The notes so far.
    pub notes: Notes,
    ladder: Ladder,
    people: HashMap<String, usize>,
    rotations: HashMap<String, usize>,
    schedules: HashMap<String, usize>,
    /// Lowercased email → the first person with it.
    emails: HashMap<String, usize>,
    ids: Ids,
    tier_sources: Vec<SourceRef>,
}

/// The ids given so far, to make fresh ones without scanning the ladder: the core's
/// `unique_id` looks through every id for each suffix it tries, which is cubic in the
/// number of entries with the same name (thousands of users all named "a" took minutes).
/// Gives the same ids `unique_id` would on the ladder built so far.
#[derive(Debug, Default)]
struct Ids {
    taken: HashSet<(Kind, String)>,
    /// For a base id already taken: the next suffix to try.
    next: HashMap<(Kind, String), u64>,
    /// A ladder with nothing in it, for the core to make a base id from a name.
    blank: Option<Ladder>,
}

impl Ids {
    fn fresh(&mut self, kind: Kind, name: &str) -> String {
        let blank = self.blank.get_or_insert_with(empty_ladder);
        let first = unique_id(blank, kind, name);
        if self.taken.insert((kind, first.clone())) {
            return first;
        }
        let next = self.next.entry((kind, first.clone())).or_insert(2);
        loop {
            let suffix = format!("-{next}");
            *next += 1;
            let cut = &first[..first.len().min(MAX_ID_LEN - suffix.len())];
            let id = format!("{}{suffix}", cut.trim_end_matches('-'));
            if self.taken.insert((kind, id.clone())) {
                return id;
            }
        }
    }
}

impl Builder {
    /// An empty ladder.
    pub fn new(system: System) -> Builder {
        Builder {
            system,
            notes: Notes::default(),
            ladder: empty_ladder(),
            people: HashMap::new(),
            rotations: HashMap::new(),
            schedules: HashMap::new(),
            emails: HashMap::new(),
            ids: Ids::default(),
            tier_sources: Vec::new(),
        }
    }

    /// The ladder so far.
    pub fn ladder(&self) -> &Ladder {
        &self.ladder
    }

    /// The ladder so far, to change what was added (an override, a description; not an
    /// id, nor a person's email: the builder keeps them to find entries again).
    pub fn ladder_mut(&mut self) -> &mut Ladder {
        &mut self.ladder
    }

    /// The time zone `name` names (IANA, or a Rails-style name such as "Eastern Time (US &
    /// Canada)"), with a note when it was translated; UTC with a warning when it names
    /// none.
    pub fn timezone(&mut self, name: Option<&str>, src: &SourceRef, whose: &str) -> TimeZoneName {
        match name {
            None => {
                self.notes
                    .info(src.clone(), format!("{whose} has no time zone: UTC"));
                TimeZoneName::utc()
            }
            Some(name) => match zones::iana(name) {
                Some((zone, false)) => zone,
                Some((zone, true)) => {
                    self.notes.info(
                        src.clone(),
                        format!(
                            "{whose}'s time zone \"{name}\" is {} in the IANA database",
                            zone.as_str()
                        ),
                    );
                    zone
                }
                None => {
                    self.notes.warn(
                        src.clone(),
                        format!(
                            "{whose}'s time zone \"{}\" is not one Rungs knows: UTC",
                            rungs_core::text::truncate_for_display(name, 60)
                        ),
                    );
                    TimeZoneName::utc()
                }
            },
        }
    }

    /// Adds a person found under `key` (a vendor's user id), or returns the one already
    /// added under it or with the same email. `timezone` as in [`Builder::timezone`].
    pub fn person(
        &mut self,
        key: &str,
        name: &str,
        email: Option<&str>,
        timezone: Option<&str>,
        src: &SourceRef,
    ) -> PersonId {
        if let Some(&i) = self.people.get(key) {
            return self.ladder.people[i].id.clone();
        }
        let same_email = email.and_then(|e| self.emails.get(&e.to_ascii_lowercase()));
        if let Some(&i) = same_email {
            self.people.insert(key.to_string(), i);
            return self.ladder.people[i].id.clone();
        }
        let name = if name.trim().is_empty() {
            key
        } else {
            name.trim()
        };
        let zone = self.timezone(timezone, src, name);
        let id =
            PersonId::new(self.ids.fresh(Kind::Person, name)).expect("unique_id makes valid ids");
        self.people
            .insert(key.to_string(), self.ladder.people.len());
        if let Some(e) = email {
            self.emails
                .entry(e.to_ascii_lowercase())
                .or_insert(self.ladder.people.len());
        }
        self.ladder.people.push(Person {
            id: id.clone(),
            name: name.to_string(),
            timezone: zone,
            email: email.map(str::to_string),
            roles: Vec::new(),
            backup: None,
            response: None,
        });
        id
    }

    /// The person added under `key`.
    pub fn person_id(&self, key: &str) -> Option<PersonId> {
        self.people
            .get(key)
            .map(|&i| self.ladder.people[i].id.clone())
    }

    /// The person under `key`, or a stand-in named after the key (time zone UTC) with a
    /// warning at `src`: for a reference to a user the files do not describe.
    pub fn person_or_stand_in(&mut self, key: &str, src: &SourceRef) -> PersonId {
        if let Some(id) = self.person_id(key) {
            return id;
        }
        self.notes.warn(
            src.clone(),
            format!("user {key} is not in these files: added under that name, in UTC; add the users' file to import their names and time zones"),
        );
        let id = PersonId::new(self.ids.fresh(Kind::Person, key)).expect("valid id");
        self.people
            .insert(key.to_string(), self.ladder.people.len());
        self.ladder.people.push(Person {
            id: id.clone(),
            name: key.to_string(),
            timezone: TimeZoneName::utc(),
            email: None,
            roles: Vec::new(),
            backup: None,
            response: None,
        });
        id
    }

    /// Adds a rotation found under `key`; its id is made from its name (the one given is
    /// replaced). Returns the id.
    pub fn rotation(&mut self, key: &str, mut rotation: Rotation) -> RotationId {
        if let Some(&i) = self.rotations.get(key) {
            return self.ladder.rotations[i].id.clone();
        }
        rotation.id =
            RotationId::new(self.ids.fresh(Kind::Rotation, &rotation.name)).expect("valid id");
        self.rotations
            .insert(key.to_string(), self.ladder.rotations.len());
        let id = rotation.id.clone();
        self.ladder.rotations.push(rotation);
        id
    }

    /// The rotation added under `key`.
    pub fn rotation_id(&self, key: &str) -> Option<RotationId> {
        self.rotations
            .get(key)
            .map(|&i| self.ladder.rotations[i].id.clone())
    }

    /// Adds a layered schedule found under `key` (layers lowest first, as the format
    /// has them). Returns the id.
    pub fn schedule(&mut self, key: &str, name: &str, layers: Vec<RotationId>) -> ScheduleId {
        if let Some(&i) = self.schedules.get(key) {
            return self.ladder.schedules[i].id.clone();
        }
        let id = ScheduleId::new(self.ids.fresh(Kind::Schedule, name)).expect("valid id");
        self.schedules
            .insert(key.to_string(), self.ladder.schedules.len());
        self.ladder.schedules.push(Schedule {
            id: id.clone(),
            name: name.to_string(),
            layers,
        });
        id
    }

    /// The schedule added under `key`.
    pub fn schedule_id(&self, key: &str) -> Option<ScheduleId> {
        self.schedules
            .get(key)
            .map(|&i| self.ladder.schedules[i].id.clone())
    }

    /// Adds a policy as the next tier (rank = its place), with its description as the
    /// tier's criteria.
    pub fn tier(
        &mut self,
        name: &str,
        description: Option<&str>,
        escalation: Escalation,
        src: &SourceRef,
    ) -> TierId {
        let name = if name.trim().is_empty() {
            "Imported policy"
        } else {
            name.trim()
        };
        let id = TierId::new(self.ids.fresh(Kind::Tier, name)).expect("valid id");
        self.ladder.tiers.push(Tier {
            id: id.clone(),
            name: name.to_string(),
            rank: self.ladder.tiers.len() as u32 + 1,
            criteria: description
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_string),
            timelines: Default::default(),
            owners: Default::default(),
            escalation,
            on_breach: Default::default(),
            playbook: None,
        });
        self.tier_sources.push(src.clone());
        id
    }

    /// The finished import: ranks as asked, the name, the ladder made canonical.
    ///
    /// # Errors
    /// When the files held no escalation policy.
    pub fn finish(mut self, options: &ImportOptions) -> Result<Imported, ImportError> {
        if self.ladder.tiers.is_empty() {
            return Err(ImportError::whole(format!(
                "these files hold no {} escalation policy; export the policies too (see docs/import.md)",
                self.system.label()
            )));
        }
        self.rank(&options.rank);
        self.ladder.name = match (&options.name, self.ladder.tiers.as_slice()) {
            (Some(n), _) if !n.trim().is_empty() => n.trim().to_string(),
            (_, [only]) => only.name.clone(),
            _ => format!("Imported from {}", self.system.label()),
        };
        if let Some(first) = self.tier_sources.first() {
            self.notes.info(
                first.clone(),
                format!(
                    "{} has no time limits for acknowledging or resolving: each tier's timelines are left for you to set",
                    self.system.label()
                ),
            );
        }
        let text = rungs_core::to_canonical_json(&self.ladder);
        let ladder = rungs_core::parse_ladder(&text).map_err(|e| {
            ImportError::whole(format!(
                "the imported ladder does not read back ({e}); please report this"
            ))
        })?;
        Ok(Imported {
            ladder,
            notes: self.notes.0,
        })
    }

    /// Orders the tiers by the names in `rank` (case-insensitive); the rest keep their
    /// order after them. Ranks are renumbered from 1. A name that matches no tier is a
    /// warning listing the names there are.
    fn rank(&mut self, rank: &[String]) {
        if rank.is_empty() {
            return;
        }
        let matches =
            |r: &str, t: &Tier| r.trim().eq_ignore_ascii_case(&t.name) || r.trim() == t.id.as_str();
        let unmatched: Vec<&str> = rank
            .iter()
            .map(|r| r.trim())
            .filter(|r| !self.ladder.tiers.iter().any(|t| matches(r, t)))
            .collect();
        if !unmatched.is_empty() {
            let names: Vec<String> = self
                .ladder
                .tiers
                .iter()
                .map(|t| format!("\"{}\"", t.name))
                .collect();
            let asked: Vec<String> = unmatched.iter().map(|r| format!("\"{r}\"")).collect();
            let src = self.tier_sources.first().cloned().unwrap_or_default();
            self.notes.warn(
                src,
                format!(
                    "--rank: no imported tier is named {}: the tiers are {}",
                    asked.join(", "),
                    names.join(", ")
                ),
            );
        }
        let place = |t: &Tier| {
            rank.iter()
                .position(|r| matches(r, t))
                .unwrap_or(rank.len())
        };
        let mut order: Vec<usize> = (0..self.ladder.tiers.len()).collect();
        order.sort_by_key(|&i| place(&self.ladder.tiers[i]));
        self.reorder(&order);
    }

    /// Orders the tiers by where their policies are in the files: the file's place in
    /// `files`, then the line (for Terraform, where several providers' importers each add
    /// their own policies). A stable sort: tiers from the same place keep their order.
    pub fn order_tiers_by_source(&mut self, files: &[crate::SourceFile]) {
        let key = |s: &SourceRef| {
            let file = files
                .iter()
                .position(|f| f.name == s.file)
                .unwrap_or(files.len());
            (file, s.line.unwrap_or(0))
        };
        let mut order: Vec<usize> = (0..self.ladder.tiers.len()).collect();
        order.sort_by_key(|&i| key(&self.tier_sources[i]));
        self.reorder(&order);
    }

    /// Puts the tiers in `order` (`order[new] = old`), renumbers their ranks from 1 and
    /// moves the notes' pointers into them along.
    fn reorder(&mut self, order: &[usize]) {
        let tiers = std::mem::take(&mut self.ladder.tiers);
        let mut slots: Vec<Option<Tier>> = tiers.into_iter().map(Some).collect();
        self.ladder.tiers = order.iter().filter_map(|&i| slots[i].take()).collect();
        for (i, t) in self.ladder.tiers.iter_mut().enumerate() {
            t.rank = i as u32 + 1;
        }
        self.tier_sources = order
            .iter()
            .filter_map(|&i| self.tier_sources.get(i).cloned())
            .collect();
        // the notes' pointers into the ladder follow their tier to its new place
        for note in &mut self.notes.0 {
            if let Some(p) = note.pointer.as_mut() {
                if let Some(moved) = moved_tier(p, order) {
                    *p = moved;
                }
            }
        }
    }
}

/// `pointer` with its tier index changed to the tier's new place, when it points into
/// `/tiers/<old>`; `order[new] = old`.
fn moved_tier(pointer: &str, order: &[usize]) -> Option<String> {
    let rest = pointer.strip_prefix("/tiers/")?;
    let (index, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let old: usize = index.parse().ok()?;
    let new = order.iter().position(|&o| o == old)?;
    Some(format!("/tiers/{new}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rungs_core::{Escalation, Step, Target};

    #[test]
    fn ranking_moves_the_tiers_and_the_notes_that_point_into_them() {
        let mut b = Builder::new(System::PagerDuty);
        let src = SourceRef::json("p.json", "/escalation_policies/0");
        let who = b.person("P1", "Ana", Some("ana@example.com"), Some("UTC"), &src);
        let esc = || Escalation {
            steps: vec![Step {
                notify: vec![Target::Person(who.clone())],
                escalate_after: rungs_core::Duration::from_mins(5),
            }],
            repeat: 0,
        };
        b.tier("Minor", None, esc(), &src);
        b.tier("Critical", None, esc(), &src);
        b.notes
            .warn(src.clone(), "about Critical")
            .at("/tiers/1/escalation/steps/0");
        b.notes.warn(src.clone(), "about Minor").at("/tiers/0");
        let options = ImportOptions {
            name: None,
            rank: vec!["critical".into()],
        };
        let done = b.finish(&options).expect("imports");
        let names: Vec<&str> = done.ladder.tiers.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Critical", "Minor"]);
        assert_eq!(done.ladder.tiers[0].rank, 1);
        let at = |m: &str| {
            done.notes
                .iter()
                .find(|n| n.message == m)
                .and_then(|n| n.pointer.clone())
        };
        assert_eq!(
            at("about Critical").as_deref(),
            Some("/tiers/0/escalation/steps/0")
        );
        assert_eq!(at("about Minor").as_deref(), Some("/tiers/1"));
    }
}
