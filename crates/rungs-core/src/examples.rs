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

/// A large, realistic, valid ladder for benchmarks and stress tests: `people` people in
/// rotations of ten across eight time zones (half with follow-the-sun windows), `tiers`
/// tiers with three steps each, and `services` services in a dependency chain with one
/// trigger per tier. Deterministic.
pub fn large_ladder(
    people: usize,
    rotations: usize,
    tiers: usize,
    services: usize,
) -> crate::Ladder {
    use crate::*;
    const ZONES: [&str; 8] = [
        "Europe/London",
        "Europe/Berlin",
        "America/New_York",
        "America/Los_Angeles",
        "Asia/Singapore",
        "Asia/Tokyo",
        "Australia/Sydney",
        "America/Sao_Paulo",
    ];
    let id = |prefix: &str, i: usize| format!("{prefix}{i}");
    let person_id = |i: usize| PersonId::new(id("p", i)).expect("valid id");
    let role_ids = ["engineer", "ic", "comms", "leadership"];
    let roles = role_ids
        .iter()
        .map(|r| Role {
            id: RoleId::new(*r).expect("valid id"),
            name: r.to_string(),
            description: None,
        })
        .collect();
    let people_v = (0..people)
        .map(|i| Person {
            id: person_id(i),
            name: format!("Person {i}"),
            timezone: TimeZoneName::new(ZONES[i % ZONES.len()]).expect("known zone"),
            email: None,
            roles: vec![RoleId::new(role_ids[i % role_ids.len()]).expect("valid id")],
            backup: Some(person_id((i + 1) % people.max(1))),
            response: None,
        })
        .collect();
    let start = Instant::parse("2026-01-05T00:00:00Z").expect("valid instant");
    let rotations_v: Vec<Rotation> = (0..rotations)
        .map(|r| {
            let zone = ZONES[r % ZONES.len()];
            Rotation {
                id: RotationId::new(id("rot", r)).expect("valid id"),
                name: format!("Rotation {r}"),
                members: (0..10)
                    .map(|k| person_id((r * 10 + k) % people.max(1)))
                    .collect(),
                shift: Shift::new(Duration::from_mins(7 * 24 * 60)),
                start,
                timezone: TimeZoneName::new(zone).expect("known zone"),
                window: (r % 2 == 1).then(|| Window {
                    days: Weekday::ALL.to_vec(),
                    from: ClockTime::new(8, 0).expect("valid time"),
                    to: ClockTime::new(20, 0).expect("valid time"),
                    to_day: None,
                }),
                windows: Vec::new(),
                overrides: Vec::new(),
            }
        })
        .collect();
    let services_v: Vec<Service> = (0..services)
        .map(|s| Service {
            id: ServiceId::new(id("svc", s)).expect("valid id"),
            name: format!("Service {s}"),
            team: None,
            criticality: Criticality::High,
            depends_on: (s > 0)
                .then(|| ServiceId::new(id("svc", s - 1)).expect("valid id"))
                .into_iter()
                .collect(),
            customer_segments: vec![],
            revenue_per_hour: None,
        })
        .collect();
    let rot = |r: usize| {
        Target::Rotation(RotationId::new(id("rot", r % rotations.max(1))).expect("valid id"))
    };
    let tiers_v: Vec<Tier> = (0..tiers)
        .map(|t| {
            let scale = (t as u64 + 1) * 5;
            Tier {
                id: TierId::new(id("sev", t + 1)).expect("valid id"),
                name: format!("SEV{}", t + 1),
                rank: t as u32 + 1,
                criteria: None,
                timelines: Timelines {
                    acknowledge: Some(Duration::from_mins(scale)),
                    contain: Some(Duration::from_mins(scale * 6)),
                    resolve: Some(Duration::from_mins(scale * 48)),
                    first_update: Some(Duration::from_mins(scale * 3)),
                    update_every: Some(Duration::from_mins(scale * 6)),
                },
                owners: Owners {
                    communication: Some(Target::Role(RoleId::new("comms").expect("valid id"))),
                    commander: Some(Target::Role(RoleId::new("ic").expect("valid id"))),
                    ..Owners::default()
                },
                escalation: Escalation {
                    steps: vec![
                        Step {
                            notify: vec![rot(2 * t), rot(2 * t + 1)],
                            escalate_after: Duration::from_mins(scale),
                        },
                        Step {
                            notify: vec![rot(2 * t + 2)],
                            escalate_after: Duration::from_mins(scale * 2),
                        },
                        Step {
                            notify: vec![Target::Role(
                                RoleId::new("leadership").expect("valid id"),
                            )],
                            escalate_after: Duration::from_mins(scale * 3),
                        },
                    ],
                    repeat: 1,
                },
                on_breach: OnBreach {
                    acknowledge: Some(BreachAction::Escalate),
                    ..OnBreach::default()
                },
                playbook: None,
            }
        })
        .collect();
    let triggers = (0..tiers)
        .map(|t| Trigger {
            id: TriggerId::new(id("trig", t)).expect("valid id"),
            service: ServiceId::new(id("svc", t % services.max(1))).expect("valid id"),
            metric: "error_rate".into(),
            op: Op::Ge,
            threshold: 0.9 - t as f64 * 0.1,
            for_: Duration::from_mins(2),
            tier: TierId::new(id("sev", t + 1)).expect("valid id"),
            clear_for: Duration::from_mins(10),
        })
        .collect();
    Ladder {
        format: LadderFormat::V1,
        name: format!("Large ladder ({people} people)"),
        revision: 1,
        description: None,
        services: services_v,
        roles,
        people: people_v,
        rotations: rotations_v,
        schedules: vec![],
        tiers: tiers_v,
        triggers,
        playbooks: vec![],
        templates: vec![],
        scenarios: vec![],
        defaults: None,
        drill_log: Vec::new(),
    }
}

/// A legal ladder of `people` people who all hold one role (`oncall`) and all take turns
/// in one weekly rotation; its one tier pages the rotation, then the role, and the role
/// is its commander. Benchmarks and tests use it to check that nothing is quadratic in
/// the number of people, holders or members. Valid, with no warnings.
pub fn shared_role_ladder(people: usize) -> crate::Ladder {
    use crate::*;
    let role = || RoleId::new("oncall").expect("valid id");
    let person_id = |i: usize| PersonId::new(format!("p{i}")).expect("valid id");
    let start = Instant::parse("2026-01-05T00:00:00Z").expect("valid instant");
    let london = TimeZoneName::new("Europe/London").expect("known zone");
    Ladder {
        format: LadderFormat::V1,
        name: format!("{people} people sharing one role"),
        revision: 1,
        description: None,
        services: vec![Service {
            id: ServiceId::new("api").expect("valid id"),
            name: "API".into(),
            team: None,
            criticality: Criticality::High,
            depends_on: vec![],
            customer_segments: vec![],
            revenue_per_hour: None,
        }],
        roles: vec![Role {
            id: role(),
            name: "On call".into(),
            description: None,
        }],
        people: (0..people)
            .map(|i| Person {
                id: person_id(i),
                name: format!("Person {i}"),
                timezone: london.clone(),
                email: None,
                roles: vec![role()],
                backup: Some(person_id((i + 1) % people.max(1))),
                response: None,
            })
            .collect(),
        rotations: vec![Rotation {
            id: RotationId::new("primary").expect("valid id"),
            name: "Primary".into(),
            members: (0..people).map(person_id).collect(),
            shift: Shift::new(Duration::from_mins(7 * 24 * 60)),
            start,
            timezone: london,
            window: None,
            windows: Vec::new(),
            overrides: Vec::new(),
        }],
        schedules: vec![],
        tiers: vec![Tier {
            id: TierId::new("sev1").expect("valid id"),
            name: "SEV1".into(),
            rank: 1,
            criteria: None,
            timelines: Timelines {
                acknowledge: Some(Duration::from_mins(15)),
                ..Timelines::default()
            },
            owners: Owners {
                commander: Some(Target::Role(role())),
                ..Owners::default()
            },
            escalation: Escalation {
                steps: vec![
                    Step {
                        notify: vec![Target::Rotation(
                            RotationId::new("primary").expect("valid id"),
                        )],
                        escalate_after: Duration::from_mins(10),
                    },
                    Step {
                        notify: vec![Target::Role(role())],
                        escalate_after: Duration::from_mins(10),
                    },
                ],
                repeat: 0,
            },
            on_breach: OnBreach::default(),
            playbook: None,
        }],
        triggers: vec![Trigger {
            id: TriggerId::new("api-errors").expect("valid id"),
            service: ServiceId::new("api").expect("valid id"),
            metric: "error_rate".into(),
            op: Op::Ge,
            threshold: 0.05,
            for_: Duration::from_mins(2),
            tier: TierId::new("sev1").expect("valid id"),
            clear_for: Duration::from_mins(10),
        }],
        playbooks: vec![],
        templates: vec![],
        scenarios: vec![],
        defaults: None,
        drill_log: Vec::new(),
    }
}
