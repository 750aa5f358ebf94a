//! The ladder's indexes for following references: id to position for people, roles,
//! rotations and schedules (the first entry with an id wins), and each role's holders.

use foldhash::{HashMap, HashMapExt};

use crate::model::Ladder;

/// Positions by id of the collections a target can name, and the holders of each role.
pub(crate) struct Lookup<'a> {
    /// The ladder indexed.
    pub(crate) ladder: &'a Ladder,
    /// Position in `people` by id.
    pub(crate) people: HashMap<&'a str, usize>,
    /// Position in `roles` by id.
    pub(crate) roles: HashMap<&'a str, usize>,
    /// Position in `rotations` by id.
    pub(crate) rotations: HashMap<&'a str, usize>,
    /// Position in `schedules` by id.
    pub(crate) schedules: HashMap<&'a str, usize>,
    /// Holders of each role (by position), in the order of `people`, each once.
    pub(crate) holders: Vec<Vec<usize>>,
}

/// Id to the position of its first occurrence.
fn index<'a, I: Iterator<Item = &'a str>>(ids: I) -> HashMap<&'a str, usize> {
    let mut map = HashMap::with_capacity(ids.size_hint().0);
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

impl<'a> Lookup<'a> {
    /// Indexes `ladder` once.
    pub(crate) fn new(ladder: &'a Ladder) -> Self {
        let roles = index(ladder.roles.iter().map(|r| r.id.as_str()));
        let mut holders = vec![Vec::new(); ladder.roles.len()];
        for (p, person) in ladder.people.iter().enumerate() {
            for r in &person.roles {
                if let Some(&ri) = roles.get(r.as_str()) {
                    // People are visited in order, so a repeat can only be the last one.
                    if holders[ri].last() != Some(&p) {
                        holders[ri].push(p);
                    }
                }
            }
        }
        Lookup {
            ladder,
            people: index(ladder.people.iter().map(|p| p.id.as_str())),
            roles,
            rotations: index(ladder.rotations.iter().map(|r| r.id.as_str())),
            schedules: index(ladder.schedules.iter().map(|s| s.id.as_str())),
            holders,
        }
    }

    /// The position of person `id`, if it is one.
    pub(crate) fn person(&self, id: &str) -> Option<usize> {
        self.people.get(id).copied()
    }

    /// The layers of schedule `s` (a position in `schedules`) whose rotation resolves,
    /// the lowest first: each layer's position in the schedule's `layers` and its
    /// rotation's position in `rotations`.
    pub(crate) fn layers(&self, s: usize) -> Vec<(usize, usize)> {
        let layers = self.ladder.schedules[s].layers.iter().enumerate();
        layers
            .filter_map(|(j, r)| Some((j, *self.rotations.get(r.as_str())?)))
            .collect()
    }

    /// The display name of person `id`, or the id itself when it does not resolve.
    pub(crate) fn person_name(&self, id: &'a str) -> &'a str {
        self.person(id)
            .map_or(id, |p| self.ladder.people[p].name.as_str())
    }
}
