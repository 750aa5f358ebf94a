//! Display names by id: [`find_name`], [`Names`] and the indexes of every collection a
//! reference can name.

use foldhash::{HashMap, HashMapExt};

use crate::model::*;

/// An entry of a collection with an id and a display name.
pub trait Named {
    /// Its id.
    fn id(&self) -> &str;
    /// Its display name.
    fn name(&self) -> &str;
}

macro_rules! named {
    ($($ty:ty),*) => {$(
        impl Named for $ty {
            fn id(&self) -> &str {
                self.id.as_str()
            }
            fn name(&self) -> &str {
                &self.name
            }
        }
    )*};
}

named!(Person, Role, Rotation, Schedule, Tier, Service, Playbook, Template, Scenario);

/// The display name of `id` in `items`, or the id itself when it does not resolve.
///
/// This scans `items`; to look up many ids, build a [`Names`] once instead.
pub fn find_name<T: Named>(items: &[T], id: &str) -> String {
    items
        .iter()
        .find(|i| i.id() == id)
        .map_or(id, Named::name)
        .to_string()
}

/// The display name of a study's target, written `person ana`, `rotation primary`,
/// `schedule payments` or `role comms` (as [`Precursor::targets`](crate::sim::Precursor) are): `Ana Lima`.
/// Anything else is returned as it is.
pub fn target_name(ladder: &Ladder, target: &str) -> String {
    match target.split_once(' ') {
        Some(("person", id)) => find_name(&ladder.people, id),
        Some(("rotation", id)) => find_name(&ladder.rotations, id),
        Some(("schedule", id)) => find_name(&ladder.schedules, id),
        Some(("role", id)) => find_name(&ladder.roles, id),
        _ => target.to_string(),
    }
}

/// The display names of one collection by id, indexed once so that each lookup takes
/// constant time. Agrees with [`find_name`]: the first entry with an id wins, and an id
/// that does not resolve is its own name.
#[derive(Debug, Clone, Default)]
pub struct Names<'a> {
    by_id: HashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    /// Indexes `items`.
    pub fn new<T: Named>(items: &'a [T]) -> Self {
        let mut by_id = HashMap::with_capacity(items.len());
        for i in items {
            by_id.entry(i.id()).or_insert(i.name());
        }
        Names { by_id }
    }

    /// The display name of `id` (the id itself when it does not resolve).
    pub fn get(&self, id: &str) -> String {
        self.by_id.get(id).copied().unwrap_or(id).to_string()
    }
}

/// The name indexes of every collection a reference can name.
pub(crate) struct LadderNames<'a> {
    pub(crate) people: Names<'a>,
    pub(crate) roles: Names<'a>,
    pub(crate) rotations: Names<'a>,
    pub(crate) schedules: Names<'a>,
    pub(crate) tiers: Names<'a>,
    pub(crate) services: Names<'a>,
    pub(crate) playbooks: Names<'a>,
}

impl<'a> LadderNames<'a> {
    pub(crate) fn new(ladder: &'a Ladder) -> Self {
        LadderNames {
            people: Names::new(&ladder.people),
            roles: Names::new(&ladder.roles),
            rotations: Names::new(&ladder.rotations),
            schedules: Names::new(&ladder.schedules),
            tiers: Names::new(&ladder.tiers),
            services: Names::new(&ladder.services),
            playbooks: Names::new(&ladder.playbooks),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_study_target_reads_as_its_name() {
        let ladder = crate::parse_ladder(crate::examples::EXAMPLES[0].json).unwrap();
        assert_eq!(target_name(&ladder, "person ana"), "Ana Lima");
        assert_eq!(
            target_name(&ladder, "rotation apac-primary"),
            "APAC primary"
        );
        // an id that does not resolve, or an unknown kind, stays as written
        assert_eq!(target_name(&ladder, "person nobody"), "nobody");
        assert_eq!(target_name(&ladder, "team x"), "team x");
    }

    #[test]
    fn a_scenario_starts_at_a_readable_time() {
        let ladder = crate::parse_ladder(crate::examples::EXAMPLES[0].json).unwrap();
        let o = super::super::LadderOverview::new(&ladder);
        assert_eq!(o.scenarios[0].start, "Sat 14 Mar, 03:00 UTC");
    }
}
