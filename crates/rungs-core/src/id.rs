//! Typed identifiers.
//!
//! Every collection of a ladder has its own id type, so a person id can never be passed
//! where a rotation id is expected. All of them share one syntax: 1-64 characters of
//! `a-z 0-9 - _`, starting with a letter.

use std::fmt;

/// The longest id the format accepts.
pub const MAX_ID_LEN: usize = 64;

/// Why a string is not a valid id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The string is empty.
    #[error("an id may not be empty")]
    Empty,
    /// The string is longer than [`MAX_ID_LEN`] characters.
    #[error("id is {len} characters long; at most {MAX_ID_LEN} are allowed")]
    TooLong {
        /// Its length in characters.
        len: usize,
    },
    /// The first character is not a lowercase ASCII letter.
    #[error("id `{id}` must start with a lowercase letter (a-z)")]
    BadStart {
        /// The offending id, truncated for display.
        id: String,
    },
    /// A character outside `a-z 0-9 - _`.
    #[error("id `{id}` contains {found:?}; only a-z, 0-9, `-` and `_` are allowed")]
    BadChar {
        /// The offending id, truncated for display.
        id: String,
        /// The first character that is not allowed.
        found: char,
    },
}

/// Checks the id syntax of the format.
pub fn check_id(s: &str) -> Result<(), IdError> {
    let shown = || crate::text::truncate_for_display(s, 40);
    let len = s.chars().count();
    if len == 0 {
        return Err(IdError::Empty);
    }
    if len > MAX_ID_LEN {
        return Err(IdError::TooLong { len });
    }
    let first = s.chars().next().unwrap_or_default();
    if !first.is_ascii_lowercase() {
        return Err(IdError::BadStart { id: shown() });
    }
    if let Some(found) = s
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_'))
    {
        return Err(IdError::BadChar { id: shown(), found });
    }
    Ok(())
}

/// The schema of an id type.
#[cfg(feature = "schema")]
fn id_schema(what: &str) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "pattern": "^[a-z][a-z0-9_-]{0,63}$",
        "description": format!("{what}: 1-64 characters of a-z 0-9 - _, starting with a letter.")
    })
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
        #[serde(try_from = "String")]
        pub struct $name(String);

        // Written as the string itself, without cloning it into a `String` first.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl $name {
            /// Makes an id, checking its syntax.
            pub fn new(s: impl Into<String>) -> Result<Self, IdError> {
                let s = s.into();
                check_id(&s)?;
                Ok(Self(s))
            }

            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                Self::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        // Read as the string it is (never converted to another id type).
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                id_schema(stringify!($name))
            }
        }
    };
}

id_type!(
    /// The id of a service (`services[].id`).
    ServiceId
);
id_type!(
    /// The id of a role (`roles[].id`).
    RoleId
);
id_type!(
    /// The id of a person (`people[].id`).
    PersonId
);
id_type!(
    /// The id of an on-call rotation (`rotations[].id`).
    RotationId
);
id_type!(
    /// The id of a layered schedule (`schedules[].id`).
    ScheduleId
);
id_type!(
    /// The id of a severity tier (`tiers[].id`).
    TierId
);
id_type!(
    /// The id of a trigger (`triggers[].id`).
    TriggerId
);
id_type!(
    /// The id of a playbook (`playbooks[].id`).
    PlaybookId
);
id_type!(
    /// The id of a message template (`templates[].id`).
    TemplateId
);
id_type!(
    /// The id of a scenario embedded in a ladder (`scenarios[].id`).
    ScenarioId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_id_syntax() {
        for ok in [
            "a",
            "sev1",
            "payments-primary",
            "on_call_2",
            &"x".repeat(64),
        ] {
            assert!(PersonId::new(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_everything_else() {
        assert_eq!(PersonId::new(""), Err(IdError::Empty));
        assert_eq!(
            PersonId::new("x".repeat(65)),
            Err(IdError::TooLong { len: 65 })
        );
        assert!(matches!(
            PersonId::new("1abc"),
            Err(IdError::BadStart { .. })
        ));
        assert!(matches!(
            PersonId::new("-abc"),
            Err(IdError::BadStart { .. })
        ));
        assert!(matches!(
            PersonId::new("Ana"),
            Err(IdError::BadStart { .. })
        ));
        assert_eq!(
            PersonId::new("ana smith"),
            Err(IdError::BadChar {
                id: "ana smith".into(),
                found: ' '
            })
        );
        assert!(matches!(
            PersonId::new("<script>"),
            Err(IdError::BadStart { .. })
        ));
        assert!(matches!(
            PersonId::new("a<b>"),
            Err(IdError::BadChar { found: '<', .. })
        ));
    }
}
