//! The grid's deduplicated sets of reached people, by name.

use foldhash::{HashMap, HashMapExt};

use super::reach::Reached;
use crate::model::Ladder;

/// The grid's table of names and deduplicated sets of reached people.
pub(super) struct Groups {
    /// Sorted, unique display names.
    pub(super) people: Vec<String>,
    /// Index into `people` of each person's name (by position in the ladder's `people`).
    name_of: Vec<u32>,
    /// The holders of each role as sorted, unique name indexes, computed on first use.
    role_names: Vec<Option<Vec<u32>>>,
    /// The sets so far; set 0 is empty.
    pub(super) sets: Vec<Vec<u32>>,
    /// The set of each distinct combination of reached targets.
    by_key: HashMap<Vec<Reached>, u32>,
}

impl Groups {
    pub(super) fn new(ladder: &Ladder) -> Self {
        // People by name; equal names share one entry, which each of them points to.
        let mut order: Vec<(&str, usize)> = ladder
            .people
            .iter()
            .enumerate()
            .map(|(p, person)| (person.name.as_str(), p))
            .collect();
        order.sort_unstable();
        let mut people: Vec<String> = Vec::new();
        let mut name_of = vec![0u32; ladder.people.len()];
        for (name, p) in order {
            if people.last().map(String::as_str) != Some(name) {
                people.push(name.to_string());
            }
            name_of[p] = (people.len() - 1) as u32;
        }
        Groups {
            people,
            name_of,
            role_names: vec![None; ladder.roles.len()],
            sets: vec![Vec::new()],
            by_key: HashMap::new(),
        }
    }

    /// The index of the set of people `key` reaches (sorted and deduped in place);
    /// built once per distinct `key`, so its cost does not repeat in every cell.
    pub(super) fn intern(&mut self, mut key: Vec<Reached>, holders: &[Vec<usize>]) -> u32 {
        key.sort_unstable();
        key.dedup();
        if let Some(&g) = self.by_key.get(&key) {
            return g;
        }
        let mut set: Vec<u32> = Vec::new();
        for r in &key {
            match *r {
                Reached::Person(p) => set.push(self.name_of[p]),
                Reached::Role(role) => {
                    let name_of = &self.name_of;
                    let names = self.role_names[role].get_or_insert_with(|| {
                        let mut v: Vec<u32> = holders[role].iter().map(|&p| name_of[p]).collect();
                        v.sort_unstable();
                        v.dedup();
                        v
                    });
                    set.extend_from_slice(names);
                }
            }
        }
        set.sort_unstable();
        set.dedup();
        let g = if set.is_empty() {
            0
        } else {
            self.sets.push(set);
            (self.sets.len() - 1) as u32
        };
        self.by_key.insert(key, g);
        g
    }
}
