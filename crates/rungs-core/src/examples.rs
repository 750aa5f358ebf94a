//! The example ladders shipped with Rungs (`public/examples/`), embedded in the build.

/// An example ladder.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// Short stable key, also the file stem in `public/examples/`.
    pub key: &'static str,
    /// What it shows, in a few words.
    pub title: &'static str,
    /// The ladder JSON.
    pub json: &'static str,
}

/// Every example, the default (the SaaS platform) first.
pub const EXAMPLES: [Example; 3] = [
    Example {
        key: "saas",
        title: "SaaS platform: four tiers, follow-the-sun on-call",
        json: include_str!("../../../public/examples/saas.json"),
    },
    Example {
        key: "startup",
        title: "Small startup: three tiers, one weekly rotation",
        json: include_str!("../../../public/examples/startup.json"),
    },
    Example {
        key: "fintech",
        title: "Regulated fintech: security, legal and a comms cadence",
        json: include_str!("../../../public/examples/fintech.json"),
    },
];

/// The example the app opens with.
pub fn default_example() -> &'static Example {
    &EXAMPLES[0]
}

/// The example with the given key.
pub fn example(key: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.key == key)
}
