//! [`Kind`]: the one list of the ladder's collections whose entries have ids. Each row
//! names the variant, the [`Ladder`] field (which is also the JSON key), the entry type,
//! the id type and the singular noun; everything else about a collection (its pointer, its ids, finding,
//! renaming or removing an entry) is derived from that row.

use super::*;
use crate::id::*;

/// Declares [`Kind`] and its per-collection accessors from one row per collection.
macro_rules! kinds {
    ($($kind:ident => $field:ident, $ty:ident, $id:ident, $noun:literal;)*) => {
        /// A collection of the ladder whose entries have ids.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kind {
            $(
                #[doc = concat!("`", stringify!($field), "`")]
                $kind,
            )*
        }

        impl Kind {
            /// Every kind, in the order the collections appear in a ladder document.
            pub const ALL: [Kind; [$(Kind::$kind),*].len()] = [$(Kind::$kind),*];

            /// The singular noun, e.g. `"person"`.
            pub fn noun(self) -> &'static str {
                match self {
                    $(Kind::$kind => $noun,)*
                }
            }

            /// The JSON key of the collection, e.g. `"people"`.
            pub fn collection(self) -> &'static str {
                match self {
                    $(Kind::$kind => stringify!($field),)*
                }
            }

            /// How many entries the collection has.
            pub fn len(self, ladder: &Ladder) -> usize {
                match self {
                    $(Kind::$kind => ladder.$field.len(),)*
                }
            }

            /// The ids of the entries, in document order.
            pub fn ids(self, ladder: &Ladder) -> Vec<&str> {
                match self {
                    $(Kind::$kind => ladder.$field.iter().map(|x| x.id.as_str()).collect(),)*
                }
            }

            /// Removes the first entry with `id`; whether there was one.
            pub(crate) fn remove_first(self, ladder: &mut Ladder, id: &str) -> bool {
                match self {
                    $(Kind::$kind => {
                        let items = &mut ladder.$field;
                        let found = items.iter().position(|x| x.id.as_str() == id);
                        found.map(|i| items.remove(i)).is_some()
                    })*
                }
            }

            /// Gives the first entry with id `old` the id `new`; whether there was one.
            /// `new` must be a valid id.
            pub(crate) fn rename_first(self, ladder: &mut Ladder, old: &str, new: &str) -> bool {
                match self {
                    $(Kind::$kind => {
                        let found = ladder.$field.iter_mut().find(|x| x.id.as_str() == old);
                        found
                            .map(|x| x.id = $id::new(new).expect("the new id was checked"))
                            .is_some()
                    })*
                }
            }
        }

        $(
            impl Collection for $ty {
                const KIND: Kind = Kind::$kind;
                fn all(ladder: &Ladder) -> &[Self] {
                    &ladder.$field
                }
                fn all_mut(ladder: &mut Ladder) -> &mut Vec<Self> {
                    &mut ladder.$field
                }
            }
        )*
    };
}

/// An entry type of one of the ladder's collections ([`Kind`]), and where its
/// collection is in a [`Ladder`]: for code generic over the kind of entry, like the
/// designer's forms.
pub trait Collection: Sized + 'static {
    /// Its kind.
    const KIND: Kind;
    /// The collection in `ladder`.
    fn all(ladder: &Ladder) -> &[Self];
    /// The collection in `ladder`, to change.
    fn all_mut(ladder: &mut Ladder) -> &mut Vec<Self>;
}

kinds! {
    Service => services, Service, ServiceId, "service";
    Role => roles, Role, RoleId, "role";
    Person => people, Person, PersonId, "person";
    Rotation => rotations, Rotation, RotationId, "rotation";
    Schedule => schedules, Schedule, ScheduleId, "schedule";
    Tier => tiers, Tier, TierId, "tier";
    Trigger => triggers, Trigger, TriggerId, "trigger";
    Playbook => playbooks, Playbook, PlaybookId, "playbook";
    Template => templates, Template, TemplateId, "template";
    Scenario => scenarios, Scenario, ScenarioId, "scenario";
}

impl Kind {
    /// What an empty section of the collection says: what its entries are for, and what
    /// to add first.
    pub fn when_empty(self) -> &'static str {
        match self {
            Kind::Service => "No services yet. A service is a system whose metrics open incidents (checkout, search, an API gateway); triggers watch them and scenarios feed them signals.",
            Kind::Role => "No roles yet. A role pages everyone who holds it at once, such as an incident commander or a communications lead; give people roles in their forms.",
            Kind::Person => "Nobody yet. Add the people who can be paged, each with their time zone; rotations, roles and steps then name them.",
            Kind::Rotation => "No rotations yet. A rotation takes its members in turns (a weekly primary, follow-the-sun shifts), and a step that names it pages whoever is on call. Add people first.",
            Kind::Schedule => "No schedules yet. A schedule stacks rotations in layers (a weekday day team over a 24/7 base): a step that names it pages whoever is on call in the highest layer that has someone. Add rotations first.",
            Kind::Tier => "No tiers yet. A tier is a severity level with its deadlines and the escalation steps that page people; add the most severe first.",
            Kind::Trigger => "No triggers yet. A trigger opens a tier when a service's metric crosses a threshold for long enough, so incidents start on their own in drills and studies.",
            Kind::Playbook => "No playbooks yet. A playbook is the checklist a tier runs (who does what, in which order); a tier links to it.",
            Kind::Template => "No templates yet. A message template drafts the status updates a tier sends, with placeholders such as {{incident}} and {{tier}}.",
            Kind::Scenario => "No scenarios yet. A scenario replays signals and surprises (someone unavailable, a note) so the ladder can be drilled live or studied over many runs.",
        }
    }

    /// The kind whose JSON key is `collection` (`"people"`: [`Kind::Person`]).
    pub fn from_collection(collection: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.collection() == collection)
    }

    /// The JSON Pointer of entry `i`, e.g. `/people/3`.
    pub fn pointer(self, i: usize) -> String {
        format!("/{}/{i}", self.collection())
    }
}

impl Target {
    /// The collection the target names.
    pub fn kind(&self) -> Kind {
        match self {
            Target::Person(_) => Kind::Person,
            Target::Rotation(_) => Kind::Rotation,
            Target::Schedule(_) => Kind::Schedule,
            Target::Role(_) => Kind::Role,
        }
    }

    /// The id it names.
    pub fn id(&self) -> &str {
        match self {
            Target::Person(id) => id.as_str(),
            Target::Rotation(id) => id.as_str(),
            Target::Schedule(id) => id.as_str(),
            Target::Role(id) => id.as_str(),
        }
    }

    /// Its JSON key, the noun of its kind: `"person"`, `"rotation"`, `"schedule"` or
    /// `"role"`.
    pub fn key(&self) -> &'static str {
        self.kind().noun()
    }
}
