//! Properties of whole ladders over many random ones: canonical JSON reads back as the same
//! ladder and is a fixed point (and so do share links), and validation never panics and
//! always says the same thing.
//!
//! The generator builds every collection of the format with ids from small pools, so most
//! references resolve and some do not (a step paging a person who is not there, a
//! duplicate id, a service depending on itself). Durations are whole seconds, the finest
//! the format writes; numbers are any finite float.

mod common;

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use rungs_core::model::{NoteInject, Probability, UnavailableInject};
use rungs_core::*;

/// An id from a pool of `n` (`p0`…), one more than a ladder ever defines, so that a
/// reference sometimes dangles.
fn id_in<T: TryFrom<String> + std::fmt::Debug>(
    prefix: &'static str,
    n: usize,
) -> impl Strategy<Value = T>
where
    T::Error: std::fmt::Debug,
{
    (0..=n).prop_map(move |i| T::try_from(format!("{prefix}{i}")).unwrap())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z][A-Za-z0-9 ]{0,12}",
        1 => "\\PC{0,16}",
        1 => Just(String::new()),
    ]
}

fn duration() -> impl Strategy<Value = Duration> {
    prop_oneof![
        3 => (0u64..=24 * 60).prop_map(Duration::from_mins),
        1 => (0u64..=10_000_000).prop_map(Duration::from_secs),
        1 => Just(Duration::ZERO),
    ]
}

/// A shift: any duration, whole days read by the calendar or as a fixed length.
fn shift() -> impl Strategy<Value = Shift> {
    (duration(), any::<bool>()).prop_map(|(d, fixed)| {
        if fixed {
            Shift::fixed(d)
        } else {
            Shift::new(d)
        }
    })
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => -1000.0..1000.0f64,
        1 => prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
    ]
}

fn instant() -> impl Strategy<Value = Instant> {
    // 1900 to 2200, to the millisecond
    (-2_208_988_800_000i64..7_258_118_400_000).prop_map(Instant::from_millis)
}

const ZONES: [&str; 7] = [
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "America/St_Johns",
];

fn zone() -> impl Strategy<Value = TimeZoneName> {
    prop::sample::select(&ZONES[..]).prop_map(|z| TimeZoneName::new(z).unwrap())
}

fn clock() -> impl Strategy<Value = ClockTime> {
    (0u16..24, 0u16..60).prop_map(|(h, m)| ClockTime::new(h, m).unwrap())
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        id_in("p", 5).prop_map(Target::Person),
        id_in("rot", 2).prop_map(Target::Rotation),
        id_in("sched", 1).prop_map(Target::Schedule),
        id_in("role", 3).prop_map(Target::Role),
    ]
}

fn response() -> impl Strategy<Value = ResponseModel> {
    (duration(), duration(), 0.0..=1.0f64).prop_map(|(ack_median, ack_p90, miss)| ResponseModel {
        ack_median,
        ack_p90,
        miss: Probability::new(miss).unwrap(),
    })
}

fn criticality() -> impl Strategy<Value = Criticality> {
    prop::sample::select(vec![
        Criticality::Critical,
        Criticality::High,
        Criticality::Medium,
        Criticality::Low,
    ])
}

fn service() -> impl Strategy<Value = Service> {
    (
        id_in("svc", 4),
        text(),
        option::of(text()),
        criticality(),
        vec(id_in("svc", 4), 0..3),
        vec(text(), 0..2),
        option::of(number()),
    )
        .prop_map(
            |(id, name, team, criticality, depends_on, customer_segments, revenue_per_hour)| {
                Service {
                    id,
                    name,
                    team,
                    criticality,
                    depends_on,
                    customer_segments,
                    revenue_per_hour,
                }
            },
        )
}

fn role() -> impl Strategy<Value = Role> {
    (id_in("role", 3), text(), option::of(text())).prop_map(|(id, name, description)| Role {
        id,
        name,
        description,
    })
}

fn person() -> impl Strategy<Value = Person> {
    (
        id_in("p", 5),
        text(),
        zone(),
        vec(id_in("role", 3), 0..3),
        option::of(id_in("p", 5)),
        option::of(response()),
    )
        .prop_map(|(id, name, timezone, roles, backup, response)| Person {
            id,
            name,
            timezone,
            email: None,
            roles,
            backup,
            response,
        })
}

fn window() -> impl Strategy<Value = Window> {
    (
        prop::sample::subsequence(Weekday::ALL.to_vec(), 0..=7),
        clock(),
        clock(),
        option::of(prop::sample::select(Weekday::ALL.to_vec())),
    )
        .prop_map(|(days, from, to, to_day)| Window {
            days,
            from,
            to,
            to_day,
        })
}

fn schedule() -> impl Strategy<Value = Schedule> {
    (id_in("sched", 1), text(), vec(id_in("rot", 2), 0..4))
        .prop_map(|(id, name, layers)| Schedule { id, name, layers })
}

fn rotation() -> impl Strategy<Value = Rotation> {
    (
        id_in("rot", 2),
        text(),
        vec(id_in("p", 5), 0..5),
        shift(),
        instant(),
        zone(),
        option::of(window()),
        vec(window(), 0..3),
    )
        .prop_map(
            |(id, name, members, shift, start, timezone, window, windows)| Rotation {
                id,
                name,
                members,
                shift,
                start,
                timezone,
                windows: if window.is_none() {
                    windows
                } else {
                    Vec::new()
                },
                window,
                overrides: Vec::new(),
            },
        )
}

fn breach() -> impl Strategy<Value = Option<BreachAction>> {
    option::of(prop::sample::select(vec![
        BreachAction::Escalate,
        BreachAction::Record,
    ]))
}

fn tier() -> impl Strategy<Value = Tier> {
    let timelines = (
        option::of(duration()),
        option::of(duration()),
        option::of(duration()),
        option::of(duration()),
        option::of(duration()),
    )
        .prop_map(
            |(acknowledge, contain, resolve, first_update, update_every)| Timelines {
                acknowledge,
                contain,
                resolve,
                first_update,
                update_every,
            },
        );
    let owners = (
        option::of(target()),
        option::of(target()),
        option::of(target()),
        option::of(target()),
        option::of(target()),
        option::of(target()),
    )
        .prop_map(
            |(detection, triage, escalation, resolution, communication, commander)| Owners {
                detection,
                triage,
                escalation,
                resolution,
                communication,
                commander,
            },
        );
    let step = (vec(target(), 0..3), duration()).prop_map(|(notify, escalate_after)| Step {
        notify,
        escalate_after,
    });
    let escalation =
        (vec(step, 0..4), 0u32..4).prop_map(|(steps, repeat)| Escalation { steps, repeat });
    let on_breach = (breach(), breach(), breach(), breach()).prop_map(
        |(acknowledge, contain, resolve, first_update)| OnBreach {
            acknowledge,
            contain,
            resolve,
            first_update,
        },
    );
    (
        id_in("sev", 3),
        text(),
        0u32..5,
        option::of(text()),
        timelines,
        owners,
        escalation,
        on_breach,
        option::of(id_in("pb", 1)),
    )
        .prop_map(
            |(id, name, rank, criteria, timelines, owners, escalation, on_breach, playbook)| Tier {
                id,
                name,
                rank,
                criteria,
                timelines,
                owners,
                escalation,
                on_breach,
                playbook,
            },
        )
}

fn op() -> impl Strategy<Value = Op> {
    prop::sample::select(vec![Op::Gt, Op::Ge, Op::Lt, Op::Le])
}

fn trigger() -> impl Strategy<Value = Trigger> {
    (
        id_in("trg", 2),
        id_in("svc", 4),
        prop::sample::select(vec!["error_rate", "latency_p99", "x"]),
        op(),
        number(),
        duration(),
        id_in("sev", 3),
        duration(),
    )
        .prop_map(
            |(id, service, metric, op, threshold, for_, tier, clear_for)| Trigger {
                id,
                service,
                metric: metric.into(),
                op,
                threshold,
                for_,
                tier,
                clear_for,
            },
        )
}

fn playbook() -> impl Strategy<Value = Playbook> {
    let stage = prop::sample::select(vec![
        Stage::Containment,
        Stage::Diagnosis,
        Stage::Recovery,
        Stage::Communication,
        Stage::Postmortem,
    ]);
    let step = (stage, text(), option::of(target()))
        .prop_map(|(stage, text, owner)| PlaybookStep { stage, text, owner });
    (id_in("pb", 1), text(), vec(step, 0..3), vec(text(), 0..2)).prop_map(
        |(id, name, steps, artifacts)| Playbook {
            id,
            name,
            steps,
            artifacts,
        },
    )
}

fn template() -> impl Strategy<Value = Template> {
    let audience = prop::sample::select(vec![
        Audience::Internal,
        Audience::External,
        Audience::Executive,
    ]);
    let body = prop_oneof![
        text(),
        Just("{{incident}} on {{ service }} is {{status}}; {{unknown}}".to_string()),
    ];
    (id_in("tpl", 1), text(), audience, text(), body).prop_map(
        |(id, name, audience, channel, body)| Template {
            id,
            name,
            audience,
            channel,
            body,
        },
    )
}

fn scenario() -> impl Strategy<Value = Scenario> {
    let signal = (
        id_in("svc", 4),
        prop::sample::select(vec!["error_rate", "latency_p99"]),
        vec((duration(), number()), 0..5),
    )
        .prop_map(|(service, metric, points)| Signal {
            service,
            metric: metric.into(),
            points: points.into_iter().map(|(d, v)| SignalPoint(d, v)).collect(),
        });
    let inject = prop_oneof![
        (duration(), id_in("p", 5), option::of(duration())).prop_map(|(at, unavailable, for_)| {
            Inject::Unavailable(UnavailableInject {
                at,
                unavailable,
                for_,
            })
        }),
        (duration(), text()).prop_map(|(at, note)| Inject::Note(NoteInject { at, note })),
    ];
    let delay = || (duration(), duration()).prop_map(|(median, p90)| DelayModel { median, p90 });
    (
        id_in("sc", 1),
        text(),
        instant(),
        duration(),
        vec(signal, 0..3),
        vec(inject, 0..3),
        (delay(), delay()).prop_map(|(contain_after_ack, resolve_after_contain)| WorkModel {
            contain_after_ack,
            resolve_after_contain,
        }),
        any::<u64>(),
    )
        .prop_map(
            |(id, name, start, horizon, signals, injects, work, seed)| Scenario {
                id,
                name,
                start,
                horizon,
                signals,
                injects,
                work,
                seed,
            },
        )
}

prop_compose! {
    fn ladder()(
        head in (text(), any::<u32>(), option::of(text())),
        services in vec(service(), 0..5),
        roles in vec(role(), 0..4),
        people in vec(person(), 0..6),
        rotations in vec(rotation(), 0..3),
        schedules in vec(schedule(), 0..2),
        tiers in vec(tier(), 0..4),
        triggers in vec(trigger(), 0..3),
        playbooks in vec(playbook(), 0..2),
        templates in vec(template(), 0..2),
        scenarios in vec(scenario(), 0..2),
        defaults in option::of(option::of(response()).prop_map(|response| Defaults { response })),
    ) -> Ladder {
        let (name, revision, description) = head;
        Ladder {
            format: LadderFormat::V1,
            name,
            revision,
            description,
            services,
            roles,
            people,
            rotations,
            schedules,
            tiers,
            triggers,
            playbooks,
            templates,
            scenarios,
            defaults,
            drill_log: Vec::new(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn canonical_json_round_trips_and_is_a_fixed_point(ladder in ladder()) {
        let json = to_canonical_json(&ladder);
        let again = parse_ladder(&json).map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert_eq!(&again, &ladder);
        prop_assert_eq!(to_canonical_json(&again), json);
        let shared = share::decode(&share::encode(&ladder));
        prop_assert_eq!(shared.as_ref(), Ok(&ladder));
        for s in &ladder.scenarios {
            let doc = to_canonical_json(&s.to_document());
            let back = parse_scenario(&doc).map_err(|e| TestCaseError::fail(format!("{e}\n{doc}")))?;
            prop_assert_eq!(&back.into_embedded(s.id.clone()), s);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn validation_never_panics_and_is_deterministic(ladder in ladder(), at in instant()) {
        let report = validate_ladder(&ladder, at);
        prop_assert_eq!(&validate_ladder(&ladder, at), &report);
        // the same ladder read back from its JSON gets the same report
        let again = parse_ladder(&to_canonical_json(&ladder)).unwrap();
        prop_assert_eq!(&validate_ladder(&again, at), &report);
        for s in &ladder.scenarios {
            let doc = s.to_document();
            prop_assert_eq!(validate_scenario(&doc, &ladder), validate_scenario(&doc, &ladder));
        }
        // every finding points into the document
        for d in &report.diagnostics {
            prop_assert!(d.pointer.is_empty() || d.pointer.starts_with('/'), "{:?}", d);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// A ladder has no differences with itself (nor with its canonical JSON read back);
    /// between any two, every change points at its value in the right document and the
    /// diff is the same both times.
    #[test]
    fn diffs_are_empty_for_the_same_ladder_and_point_into_the_documents(a in ladder(), b in ladder()) {
        prop_assert_eq!(diff::diff(&a, &a), vec![]);
        let again = parse_ladder(&to_canonical_json(&a)).unwrap();
        prop_assert_eq!(diff::diff(&a, &again), vec![]);
        let changes = diff::diff(&a, &b);
        common::diff_pointers_resolve(&a, &b, &changes).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&diff::diff(&a, &b), &changes);
        for c in &changes {
            prop_assert!(c.summary.ends_with('.') && !c.summary.is_empty(), "{:?}", c);
        }
    }
}

/// Numbers read back bit for bit (found by the `ladder` fuzz target: without serde_json's
/// `float_roundtrip`, `3.5033333333333334e79` was read one unit in the last place off, so
/// a signal value changed on every save and load). The test build always has that feature
/// (a dev-dependency turns it on), so this test documents the property; the app and the
/// command line get it from the workspace's `serde_json`, and the fuzz build, which has no
/// such dev-dependency, checks it with `fuzz/corpus/ladder/regress-float-roundtrip.json`.
#[test]
fn numbers_round_trip_exactly() {
    let mut ladder = parse_ladder(examples::EXAMPLES[1].json).unwrap();
    for x in [
        3.5033333333333334e79,
        0.1 + 0.2,
        1e-300,
        5e-324,
        f64::MAX,
        123456.789e-20,
    ] {
        ladder.triggers[0].threshold = x;
        ladder.services[0].revenue_per_hour = Some(x);
        let again = parse_ladder(&to_canonical_json(&ladder)).unwrap();
        assert_eq!(again.triggers[0].threshold.to_bits(), x.to_bits(), "{x:e}");
        assert_eq!(again, ladder, "{x:e}");
    }
}
