//! The live drill session: a scripted drill on the SaaS example, its scorecard and its
//! debrief in Markdown and JSON, checked against golden files written in the app's
//! format (bless with `RUNGS_BLESS=1 cargo test -p rungs-core --test drill`).

use rungs_core::drill::{
    describe, lanes, name_of, pages, timeline_breaches, timeline_end, timeline_marks, DrillSession,
    ScoreRow,
};
use rungs_core::sim::SimTime;
use rungs_core::*;

fn saas() -> Ladder {
    parse_ladder(examples::EXAMPLES[0].json).unwrap()
}

/// A drill of "Checkout errors at 3 a.m." with Chloe and Emi in the room (and an id
/// that names nobody): notes (one blank, one with Markdown in it), an inject, a signal
/// set by hand, a promotion and an update, every page acknowledged as it comes.
fn scripted(l: &Ladder) -> DrillSession {
    let mut d = DrillSession::start(l, "checkout-3am", ["chloe", "emi", "nobody", "emi"]).unwrap();
    assert!(d.add_note("Kick-off: *watch* the <pager> | all hands"));
    assert!(!d.add_note("   "));
    assert!(!d.advance_by(6 * 60_000));
    assert!(d.make_unavailable(l, "ben"));
    assert!(!d.make_unavailable(l, "nobody"));
    assert!(d.set_signal_text("0", " 0.5 "));
    assert!(!d.set_signal_text("x", "1"));
    let mut promoted = false;
    let mut updated = false;
    for _ in 0..10_000 {
        if d.advance_by(30_000) {
            break;
        }
        for id in d.awaiting() {
            assert!(d.acknowledge(&id));
        }
        if !promoted && d.now() >= SimTime(20 * 60_000) {
            promoted = d.promote();
        }
        if !updated && d.now() >= SimTime(50 * 60_000) {
            d.post_update();
            updated = d.add_note("Update posted by hand");
        }
    }
    assert!(d.is_finished());
    d
}

fn golden(name: &str, generated: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("RUNGS_BLESS").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{name} changed; if that is intended, review the diff of {} after \
         `RUNGS_BLESS=1 cargo test -p rungs-core --test drill`",
        path.display()
    );
}

#[test]
fn the_debrief_in_markdown_matches_the_golden_file() {
    let l = saas();
    golden("saas.debrief.md", &scripted(&l).debrief_markdown(&l));
}

#[test]
fn the_debrief_in_json_matches_the_golden_file() {
    let l = saas();
    let json = scripted(&l).debrief_json();
    golden("saas.debrief.json", &json);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["format"], "rungs.debrief/v1");
    assert_eq!(v["scenario"], "Checkout errors at 3 a.m. on a Saturday");
    assert_eq!(v["humans"], serde_json::json!(["chloe", "emi", "nobody"]));
}

#[test]
fn the_same_script_gives_the_same_drill() {
    let l = saas();
    let (a, b) = (scripted(&l), scripted(&l));
    assert_eq!(a.log(), b.log());
    assert_eq!(a.debrief_markdown(&l), b.debrief_markdown(&l));
}

#[test]
fn the_scorecard_reads_each_figure_against_the_final_tiers_target() {
    let l = saas();
    let d = scripted(&l);
    let rows = d.scorecard();
    let figures: Vec<_> = rows.iter().map(|r| r.figure).collect();
    assert_eq!(
        figures,
        [
            "Time to acknowledge",
            "Time to contain",
            "Time to resolve",
            "Time to first update"
        ]
    );
    let f = d.figures();
    assert_eq!(rows[0].value, f.time_to_acknowledge);
    assert_eq!(rows[1].value, f.time_to_contain);
    assert_eq!(rows[2].value, f.time_to_resolve);
    assert_eq!(rows[3].value, f.time_to_first_update);
    // each figure is judged against the tier in force when it was reached, as studies
    // judge it
    let in_force = |tl: rungs_core::sim::Timeline, value: Option<Duration>| {
        let at = f.detected_at.unwrap().plus(value.unwrap());
        let figure_event = d
            .log()
            .iter()
            .position(|e| {
                e.t >= at
                    && matches!(
                        e.kind,
                        rungs_core::sim::EventKind::Ack | rungs_core::sim::EventKind::Resolved
                    )
            })
            .unwrap();
        let tier = d.log()[..figure_event]
            .iter()
            .rev()
            .find(|e| {
                use rungs_core::sim::EventKind::*;
                matches!(e.kind, Opened | Promoted | Escalated | Demoted)
            })
            .and_then(|e| e.tier.clone())
            .unwrap();
        let t = l.tiers.iter().find(|t| t.id == tier).unwrap();
        (
            tier.to_string(),
            match tl {
                rungs_core::sim::Timeline::Acknowledge => t.timelines.acknowledge,
                rungs_core::sim::Timeline::Resolve => t.timelines.resolve,
                _ => unreachable!("only these two are checked"),
            },
        )
    };
    let (tier, ack) = in_force(rungs_core::sim::Timeline::Acknowledge, rows[0].value);
    assert_eq!(rows[0].tier.as_deref(), Some(tier.as_str()));
    assert_eq!(rows[0].target, ack);
    let (tier, resolve) = in_force(rungs_core::sim::Timeline::Resolve, rows[2].value);
    assert_eq!(rows[2].tier.as_deref(), Some(tier.as_str()));
    assert_eq!(rows[2].target, resolve);
}

#[test]
fn a_score_row_is_met_only_when_both_numbers_are_there() {
    let secs = |s: Option<u64>| s.map(Duration::from_secs);
    let row = |value, target| ScoreRow {
        figure: "Time to acknowledge",
        value: secs(value),
        target: secs(target),
        tier: Some("sev1".into()),
    };
    assert_eq!(row(Some(60), Some(300)).met(), Some(true));
    assert_eq!(row(Some(300), Some(300)).met(), Some(true));
    assert_eq!(row(Some(301), Some(300)).met(), Some(false));
    assert_eq!(row(None, Some(300)).met(), None);
    assert_eq!(row(Some(1), None).met(), None);
}

#[test]
fn events_pages_lanes_and_notes_use_names() {
    let l = saas();
    let d = scripted(&l);
    assert_eq!(name_of(&l, "ana"), "Ana Lima");
    assert_eq!(name_of(&l, "sev2"), "SEV2 Major");
    assert_eq!(name_of(&l, "nobody"), "nobody");
    let events = d.events(&l);
    assert_eq!(events.len(), d.log().len());
    assert_eq!(events[0], describe(&l, &d.log()[0]));
    assert!(
        events.iter().any(|e| e.contains("unavailable Ben Okafor")),
        "{events:#?}"
    );
    let paged = pages(&l, d.log());
    assert_eq!(paged, d.pages(&l));
    assert!(paged.windows(2).all(|w| w[0].1 >= w[1].1));
    let notes: Vec<_> = d.notes().into_iter().map(|(_, text)| text).collect();
    assert_eq!(notes[0], "Kick-off: *watch* the <pager> | all hands");
    assert!(notes.contains(&"Ben Okafor became unavailable (facilitator)".to_string()));
    let lanes = lanes(&l, d.log());
    assert!(lanes
        .iter()
        .any(|(id, name)| id == "sev1" && name == "SEV1 Critical"));
    assert!(timeline_end(d.log()) >= 60_000);
    let marks = timeline_marks(d.log());
    assert!(marks.iter().all(|m| m.kind != sim::EventKind::Signal));
    assert!(marks
        .iter()
        .all(|m| lanes.iter().any(|(id, _)| *id == m.lane)));
    let paged_emi = marks
        .iter()
        .find(|m| m.kind == sim::EventKind::Page && m.lane == "emi")
        .unwrap();
    assert_eq!(paged_emi.t, SimTime(7 * 60_000));
    let bars = timeline_breaches(d.log());
    assert_eq!(bars.len(), d.figures().breaches.len());
    assert!(bars.iter().all(|(t, _)| d.log().iter().any(|e| e.t == *t)));
    assert_eq!(timeline_end(&[]), 60_000);
}

#[test]
fn the_debrief_facts_name_the_room() {
    let l = saas();
    let d = scripted(&l);
    let facts = d.debrief_facts(&l);
    assert_eq!(
        facts[..3],
        [
            (
                "Scenario",
                "Checkout errors at 3 a.m. on a Saturday".to_string()
            ),
            ("Started (simulated)", "2026-03-14T03:00:00Z".to_string()),
            (
                "Played by people in the room",
                "Chloe Martin, Emi Sato, nobody".to_string()
            ),
        ]
    );
    assert_eq!(facts.last().unwrap().0, "Ran for (simulated)");
    let alone = DrillSession::start(&l, "checkout-3am", Vec::<String>::new()).unwrap();
    assert_eq!(alone.debrief_facts(&l)[2].1, "nobody");
}

#[test]
fn pages_for_people_in_the_room_wait_for_their_acknowledge() {
    let l = saas();
    let everyone: Vec<String> = l.people.iter().map(|p| p.id.to_string()).collect();
    let mut d = DrillSession::start(&l, "checkout-3am", everyone).unwrap();
    assert_eq!(
        d.clock_text(),
        "+00:00:00 · Sat 14 Mar, 03:00 UTC · no incident yet"
    );
    while d.awaiting().is_empty() {
        assert!(!d.advance_by(10_000), "nobody was paged");
    }
    let who = d.awaiting()[0].clone();
    // the card says who, which tier and step paged them, through which rotation, and
    // how long until the step escalates
    let cards = d.page_cards(&l);
    assert_eq!(cards.len(), 1, "{cards:?}");
    let card = &cards[0];
    assert_eq!(card.person_id, who);
    assert_eq!(card.person, name_of(&l, &who));
    assert_eq!(card.step, Some(1));
    assert!(card.tier.starts_with("SEV"), "{card:?}");
    let via = card.via.clone().expect("step 1 pages rotations");
    assert!(l.rotations.iter().any(|r| r.name == via), "{via}");
    assert_eq!(card.source(), format!("{} step 1, via {via}", card.tier));
    let tier = l.tiers.iter().find(|t| t.name == card.tier).unwrap();
    let after = tier.escalation.steps[0].escalate_after;
    assert_eq!(
        card.escalates_in.unwrap().as_millis() + card.waited.as_millis(),
        after.as_millis(),
        "{card:?}"
    );
    // time passes: the countdown runs down with it
    let before = card.escalates_in.unwrap();
    d.advance_by(1_000);
    if let Some(c) = d.page_cards(&l).first() {
        assert!(c.escalates_in.unwrap() < before || before == Duration::ZERO);
    }
    assert!(d.clock_text().contains(" · SEV"), "{}", d.clock_text());
    assert!(!d.open_deadlines().is_empty());
    assert!(d.acknowledge(&who));
    assert!(!d.acknowledge(&who));
    assert!(!d.acknowledge("nobody"));
    assert!(!d.awaiting().contains(&who));
    assert_eq!(
        d.discard_question(),
        "Discard the drill under way, with its timeline and notes?"
    );
    assert_eq!(d.budget_message(), None);
    while !d.advance_by(3_600_000) {}
    assert_eq!(
        d.discard_question(),
        "Discard this drill's scorecard, timeline and notes? Download its debrief first to keep it."
    );
}

#[test]
fn a_breach_raises_the_flag() {
    let l = saas();
    // with everyone in the room and nobody answering, the acknowledge deadline passes
    let everyone: Vec<String> = l.people.iter().map(|p| p.id.to_string()).collect();
    let mut d = DrillSession::start(&l, "checkout-3am", everyone).unwrap();
    assert_eq!(d.breach_flag(&l), None);
    while d.breach_flag(&l).is_none() {
        assert!(!d.advance_by(60_000), "no breach");
    }
    let flag = d.breach_flag(&l).unwrap();
    let breaches = d.breaches(&l);
    let n = breaches.len();
    let plural = if n == 1 { "" } else { "es" };
    assert!(
        flag.starts_with(&format!("⚠ {n} breach{plural}: latest SEV")),
        "{flag}"
    );
    assert!(breaches[0].contains(" missed "), "{breaches:?}");
    assert!(breaches[0].contains(" at +"), "{breaches:?}");
}

#[test]
fn the_signals_are_offered_by_service_and_metric() {
    let l = saas();
    let d = DrillSession::start(&l, "checkout-3am", Vec::<String>::new()).unwrap();
    let signals = d.signals();
    assert_eq!(signals[0], (0, "checkout error_rate".to_string()));
}

#[test]
fn a_drill_that_cannot_start_says_why() {
    let l = saas();
    let none = DrillSession::start(&l, "no-such-scenario", Vec::<String>::new());
    assert_eq!(none.err().unwrap().to_string(), "choose a scenario first");
    let mut broken = l.clone();
    broken.scenarios[0].signals[0].service = ServiceId::new("no-such-service").unwrap();
    let e = DrillSession::start(&broken, "checkout-3am", Vec::<String>::new())
        .err()
        .unwrap();
    assert!(matches!(e, rungs_core::drill::StartError::Invalid(_)));
    assert!(!e.to_string().is_empty());
    assert!(!e.to_string().contains("; ;"));
}

#[test]
fn a_finished_drill_is_logged_with_its_version_figures_and_debriefs() {
    let l = saas();
    let d = scripted(&l);
    let past = d.record(&l, 1_700_000_000_000.0, Some(7));
    assert_eq!(past.scenario, d.scenario());
    assert_eq!(past.kind, rungs_core::drill::RecordKind::Drill);
    assert_eq!((past.version, past.revision), (Some(7), Some(l.revision)));
    assert_eq!(
        past.heading(),
        format!("Drill · version 7 (revision {})", l.revision)
    );
    // the figures are the scorecard's
    let card = d.scorecard();
    assert_eq!(
        past.figures.acknowledge_s,
        card[0].value.map(|v| v.as_secs_f64())
    );
    let contain = &card[1];
    assert_eq!(
        past.figures.contained_within_target,
        contain.target.map(|_| if contain.met() == Some(true) {
            1.0
        } else {
            0.0
        })
    );
    assert_eq!(past.breaches, d.breaches(&l));
    assert_eq!(
        past.figures.breaches_per_incident,
        Some(d.breaches(&l).len() as f64)
    );
    assert_eq!(
        past.notes,
        d.notes().into_iter().map(|(_, n)| n).collect::<Vec<_>>()
    );
    // who was played, by name; an id that names nobody played no one
    assert_eq!(past.played.len(), 2, "{:?}", past.played);
    assert!(past.played.iter().all(|p| p != "nobody"));
    assert_eq!(past.markdown, d.debrief_markdown(&l));
    assert_eq!(past.json, d.debrief_json());
    assert_eq!(past.finished_at, 1_700_000_000_000.0);
    // one line: the final tier by name, breaches counted, the acknowledgement time
    let final_tier = d
        .debrief_facts(&l)
        .into_iter()
        .find(|(k, _)| *k == "Final tier")
        .unwrap()
        .1;
    assert!(
        past.summary
            .starts_with(&format!("Final tier {final_tier} · ")),
        "{}",
        past.summary
    );
    assert!(past.summary.contains("breach"), "{}", past.summary);
    assert!(
        past.summary.contains("acknowledged in "),
        "{}",
        past.summary
    );
    // it round-trips as stored
    let text = serde_json::to_string(&past).unwrap();
    assert_eq!(
        serde_json::from_str::<rungs_core::drill::LogRecord>(&text).unwrap(),
        past
    );
}

#[test]
fn before_a_drill_the_first_page_is_known_with_whom_it_reaches() {
    use rungs_core::drill::first_page;
    let l = saas();
    let first = first_page(&l, "checkout-3am")
        .unwrap()
        .expect("the scenario opens an incident");
    let start = Instant::parse("2026-03-14T03:00:00Z").unwrap();
    assert!(first.at >= start, "{}", first.at);
    // it is the instant the drill itself opens the incident
    let mut d = DrillSession::start(&l, "checkout-3am", Vec::<String>::new()).unwrap();
    while !d
        .log()
        .iter()
        .any(|e| e.kind == rungs_core::sim::EventKind::Opened)
    {
        assert!(d.step());
    }
    let opened = d
        .log()
        .iter()
        .find(|e| e.kind == rungs_core::sim::EventKind::Opened)
        .unwrap();
    assert_eq!(d.model().instant(opened.t), first.at);
    // at 3 a.m. on a Saturday only APAC primary has someone on: Emi
    assert_eq!(first.reach.step, 1);
    let people: Vec<String> = first.reach.people().iter().map(|p| p.to_string()).collect();
    assert_eq!(people, ["emi"]);
    assert!(
        first.reach.summary().contains("Emi Sato via APAC primary"),
        "{}",
        first.reach.summary()
    );
    assert!(first_page(&l, "no-such-scenario").is_err());
}

#[test]
fn an_acknowledgement_made_in_sev2_is_judged_against_sev2_even_after_a_promotion() {
    let l = saas();
    let everyone: Vec<String> = l.people.iter().map(|p| p.id.to_string()).collect();
    let mut d = DrillSession::start(&l, "checkout-3am", everyone).unwrap();
    while d.awaiting().is_empty() {
        assert!(!d.advance_by(10_000));
    }
    let who = d.awaiting()[0].clone();
    assert!(d.acknowledge(&who));
    assert!(d.promote());
    let rows = d.scorecard();
    assert_eq!(rows[0].tier.as_deref(), Some("sev2"));
    let sev2 = l.tiers.iter().find(|t| t.id.as_str() == "sev2").unwrap();
    let sev1 = l.tiers.iter().find(|t| t.id.as_str() == "sev1").unwrap();
    assert_eq!(rows[0].target, sev2.timelines.acknowledge);
    assert_ne!(sev1.timelines.acknowledge, sev2.timelines.acknowledge);
    // a figure not reached yet is judged against the tier in force now
    assert_eq!(rows[2].value, None);
    assert_eq!(rows[2].tier.as_deref(), Some("sev1"));
}

#[test]
fn a_finished_study_is_logged_with_the_figures_the_trend_follows() {
    use rungs_core::drill::{study_record, RecordKind};
    let l = saas();
    let s = l.scenarios[0].to_document();
    let model = rungs_core::sim::SimModel::new(&l, &s).unwrap();
    let summary = rungs_core::sim::monte_carlo(&model, 42, 200, |_| {});
    let r = study_record(&l, &l.scenarios[0].name, &summary, 5.0, Some(3));
    assert_eq!(r.kind, RecordKind::Study);
    assert_eq!((r.runs, r.seed, r.version), (Some(200), Some(42), Some(3)));
    let ack = &summary.figures["time_to_acknowledge"];
    assert_eq!(r.figures.acknowledge_s, ack.median);
    assert_eq!(
        r.figures.contained_within_target,
        summary.figures["time_to_contain"].met_target
    );
    // breaches of every tier and timeline over the detected incidents, to four decimals
    let breaches: u32 = summary.breach_count.values().flat_map(|t| t.values()).sum();
    let per = f64::from(breaches) / f64::from(summary.incidents);
    assert_eq!(
        r.figures.breaches_per_incident,
        Some((per * 10_000.0).round() / 10_000.0)
    );
    assert_eq!(
        r.figures.breaches_per_incident,
        Some(summary.breaches_per_incident())
    );
    // one line per tier and timeline that was missed
    let missed = summary
        .breach_rate
        .values()
        .flat_map(|t| t.values())
        .filter(|v| **v > 0.0)
        .count();
    assert_eq!(r.breaches.len(), missed);
    assert!(r.summary.starts_with("200 runs · "), "{}", r.summary);
    assert!(r.markdown.is_empty() && r.json.is_empty());
}
