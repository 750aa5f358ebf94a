//! The simulator and coverage agree on who a rotation or a schedule pages, at every
//! instant of 2026.
//!
//! The simulator's answer is read through its public stepping API: a probe ladder whose
//! only tier pages the rotation, an engine kept across runs (so its cache of window
//! answers, `sim/engine/local.rs`, is warm and is asked in any order), a signal raised at
//! instant t and the first `paged` / `empty page` entry of the log. Coverage's answer is
//! `oncall::on_call_at`, and the spans coverage lays out from the same rules (the turns'
//! hand-offs, `covered_spans`, `with_overrides`) give the boundaries to check at ±1 ms.
//! For a schedule, coverage's answer is `coverage::schedule_layers` (the layer on top)
//! with that layer's rotation's spans, checked against `oncall::top_layer_at` and the
//! simulator.
//!
//! Instants checked: every boundary of those spans (and its ±1 ms) plus every minute of
//! 2026 in a release build; in a debug build every 5 minutes plus every boundary (the
//! stepping engine costs some microseconds per probe there).

mod common;

use common::with as set;
use rungs_core::coverage;
use rungs_core::oncall::{self, Span, Turns};
use rungs_core::sim::{self, Engine, SimModel, SimTime};
use rungs_core::*;
use serde_json::{json, Value};

const MINUTE: i64 = 60_000;
const DAY: i64 = 86_400_000;

fn ms(s: &str) -> i64 {
    Instant::parse(s).unwrap().as_millis()
}

fn ladder_of(doc: &Value) -> Ladder {
    parse_ladder(&doc.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// `doc` with its tiers, triggers and scenarios replaced by one tier paging `target` at
/// once, opened by a trigger on `probe` with no hold time.
fn probe_ladder(doc: &Value, target: Value) -> Value {
    let service = doc["services"][0]["id"].clone();
    let mut doc = doc.clone();
    let obj = doc.as_object_mut().unwrap();
    obj.remove("scenarios");
    obj.remove("playbooks");
    obj.insert(
        "tiers".into(),
        json!([{ "id": "probe", "name": "Probe", "rank": 1,
                 "timelines": { "acknowledge": "5m", "contain": "1h", "resolve": "4h" },
                 "escalation": { "steps": [
                     { "notify": [target], "escalate_after": "5m" }] } }]),
    );
    obj.insert(
        "triggers".into(),
        json!([{ "id": "probe", "service": service, "metric": "probe", "op": ">=",
                 "threshold": 1.0, "for": "0m", "tier": "probe", "clear_for": "5m" }]),
    );
    doc
}

/// The scenario the probes run in: from 2025-12-31 for 400 days.
fn probe_scenario(doc: &Value) -> ScenarioDocument {
    let service = doc["services"][0]["id"].clone();
    let s = json!({
        "format": "rungs.scenario/v1", "name": "probe", "start": "2025-12-31T00:00:00Z",
        "horizon": "400d",
        "signals": [{ "service": service, "metric": "probe", "points": [["0m", 0.0]] }],
        "work": { "contain_after_ack": { "median": "20m", "p90": "20m" },
                  "resolve_after_contain": { "median": "1h", "p90": "1h" } }
    });
    parse_scenario(&s.to_string()).unwrap()
}

/// Who the simulator pages for the rotation at epoch milliseconds `t`: `Some(person)`,
/// or `None` for an empty page.
fn simulated(engine: &mut Engine<&SimModel>, model: &SimModel, t: i64) -> Option<String> {
    let offset = t - model.start.as_millis();
    engine.reset(0);
    engine.advance_to(SimTime(offset as _));
    engine.set_signal(0, 1.0);
    loop {
        let found = engine
            .log()
            .iter()
            .find(|e| matches!(e.kind, sim::EventKind::Page | sim::EventKind::EmptyPage));
        if let Some(e) = found {
            assert_eq!(e.t, SimTime(offset as _), "the page falls at the probe");
            return match e.kind {
                sim::EventKind::Page => Some(e.who.as_ref().unwrap().to_string()),
                _ => None,
            };
        }
        assert!(engine.step(), "no page at {t}");
    }
}

/// The pieces coverage lays out for `rot` over `[from, to)`: each turn's member inside
/// the windows, with the overrides laid over them.
fn coverage_pieces(rot: &Rotation, from: i64, to: i64) -> Vec<(Span, String)> {
    let turns = Turns::of(rot).unwrap();
    let window = oncall::covered_spans(rot, from, to);
    let mut pieces = Vec::new();
    let mut n = turns.turn_at(from).unwrap();
    loop {
        let (s, e) = (turns.handoff(n).unwrap(), turns.handoff(n + 1).unwrap());
        if s >= to {
            break;
        }
        let who = rot.members[Turns::member(n, rot.members.len()).unwrap()].to_string();
        for w in &window {
            let span = Span {
                start: s.max(w.start).max(from),
                end: e.min(w.end).min(to),
            };
            if !span.is_empty() {
                pieces.push((span, who.clone()));
            }
        }
        n += 1;
    }
    oncall::with_overrides(pieces, rot, (from, to), |j| {
        Some(rot.overrides[j].person.to_string())
    })
}

/// Checks one rotation of `doc` over 2026; returns the number of instants checked.
fn agree(doc: &Value, rotation: &str) -> usize {
    let ladder = ladder_of(doc);
    let rot = ladder
        .rotations
        .iter()
        .find(|r| r.id.as_str() == rotation)
        .unwrap();
    let probe = probe_ladder(doc, json!({ "rotation": rotation }));
    let model = SimModel::new(&ladder_of(&probe), &probe_scenario(&probe))
        .unwrap_or_else(|r| panic!("{rotation}: {:#?}", r.diagnostics));
    let mut engine = Engine::new(&model, 0, true);
    let (from, to) = (ms("2026-01-01T00:00:00Z"), ms("2027-01-01T00:00:00Z"));
    let pieces = coverage_pieces(rot, from, to);
    let in_pieces = |t: i64| {
        (pieces.iter())
            .find(|(s, _)| s.start <= t && t < s.end)
            .map(|(_, p)| p.clone())
    };
    let mut instants: Vec<i64> = Vec::new();
    let step = if cfg!(debug_assertions) { 5 } else { 1 } * MINUTE;
    instants.extend((0..(to - from) / step).map(|k| from + k * step));
    for (s, _) in &pieces {
        for b in [s.start, s.end] {
            instants.extend([b - 1, b, b + 1]);
        }
    }
    // the hand-offs too, also where a window hides them (an override may not)
    let turns = Turns::of(rot).unwrap();
    let mut n = turns.turn_at(from).unwrap();
    while let Some(h) = turns.handoff(n).filter(|&h| h < to) {
        instants.extend([h - 1, h, h + 1]);
        n += 1;
    }
    instants.retain(|&t| (from..to).contains(&t));
    // in an order that moves back and forth, as a study's pages do
    instants.sort_by_key(|&t| ((t / DAY) % 7, t));
    for &t in &instants {
        let coverage = oncall::on_call_at(rot, t).map(|o| o.person(rot).to_string());
        let when = Instant::from_millis(t);
        assert_eq!(
            in_pieces(t),
            coverage,
            "{}/{rotation}: coverage spans and on_call_at at {when}",
            ladder.name
        );
        assert_eq!(
            simulated(&mut engine, &model, t),
            coverage,
            "{}/{rotation}: simulator and coverage at {when}",
            ladder.name
        );
    }
    instants.len()
}

fn example(key: &str) -> Value {
    serde_json::from_str(examples::example(key).unwrap().json).unwrap()
}

#[test]
fn the_simulator_pages_whom_coverage_puts_on_call_in_every_example() {
    for ex in examples::EXAMPLES.iter() {
        let doc: Value = serde_json::from_str(ex.json).unwrap();
        let ids: Vec<String> = (doc["rotations"].as_array().unwrap().iter())
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        for id in ids {
            assert!(agree(&doc, &id) > 100_000, "{}/{id}", ex.key);
        }
    }
}

/// The startup example with its one rotation (sam, priya, tom) replaced by `rotation`.
fn startup_with(rotation: Value) -> Value {
    let rotation = set(rotation, "/id", json!("weekly"));
    let rotation = set(rotation, "/name", json!("Weekly on-call"));
    let rotation = set(rotation, "/members", json!(["sam", "priya", "tom"]));
    set(example("startup"), "/rotations", json!([rotation]))
}

#[test]
fn they_agree_on_a_daily_berlin_shift_handing_over_in_the_skipped_hour() {
    // 02:30 Berlin: on 29 March the hand-off is the change itself (03:00 CEST, 01:00Z)
    let doc = startup_with(json!({ "shift": "1d", "start": "2026-01-05T01:30:00Z",
                                   "timezone": "Europe/Berlin" }));
    agree(&doc, "weekly");
    // and at 09:00, the hand-off of the simulator test
    let doc = startup_with(json!({ "shift": "1d", "start": "2026-01-05T08:00:00Z",
                                   "timezone": "Europe/Berlin" }));
    agree(&doc, "weekly");
}

#[test]
fn they_agree_on_a_weekly_lord_howe_shift_handing_over_in_the_repeated_half_hour() {
    // Sun 4 Jan 2026 01:45 at UTC+11; on 5 April clocks go back from 02:00 to 01:30
    // (01:45 occurs twice: the earlier), on 4 October forward from 02:00 to 02:30
    let doc = startup_with(json!({ "shift": "1w", "start": "2026-01-03T14:45:00Z",
                                   "timezone": "Australia/Lord_Howe" }));
    agree(&doc, "weekly");
}

#[test]
fn they_agree_on_a_window_from_friday_evening_to_monday_morning() {
    let doc = startup_with(json!({ "shift": "1w", "start": "2026-01-05T09:00:00Z",
        "timezone": "Europe/Berlin",
        "window": { "days": ["fri"], "from": "18:00", "to": "10:00", "to_day": "mon" } }));
    agree(&doc, "weekly");
    let doc = startup_with(json!({ "shift": "1d", "start": "2026-01-05T09:00:00Z",
        "timezone": "America/New_York",
        "windows": [{ "days": ["fri"], "from": "18:00", "to": "10:00", "to_day": "mon" }] }));
    agree(&doc, "weekly");
}

#[test]
fn they_agree_on_two_windows() {
    let doc = startup_with(json!({ "shift": "1d", "start": "2026-01-05T08:00:00Z",
        "timezone": "Europe/Berlin",
        "windows": [
            { "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" },
            { "days": ["sat"], "from": "10:00", "to": "12:00" }] }));
    agree(&doc, "weekly");
}

#[test]
fn they_agree_on_overrides_across_hand_offs_and_outside_windows() {
    let doc = startup_with(json!({ "shift": "1d", "start": "2026-01-05T08:00:00Z",
        "timezone": "Europe/Berlin",
        "window": { "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" },
        "overrides": [
            // across the hand-off of Tue 10 March 09:00 (08:00Z)
            { "from": "2026-03-09T12:00:00Z", "to": "2026-03-11T12:00:00Z", "person": "tom" },
            // a weekend, outside the window, across the change of 29 March
            { "from": "2026-03-27T18:00:00Z", "to": "2026-03-30T06:00:00Z", "person": "sam" },
            // two seconds around the hand-off of Mon 1 June 09:00 CEST (07:00Z)
            { "from": "2026-06-01T06:59:59Z", "to": "2026-06-01T07:00:01Z",
              "person": "priya" }] }));
    agree(&doc, "weekly");
}

/// Checks schedule `schedule` of `doc` over 2026 (every minute, every 5 in a debug build,
/// and every boundary of the layers on top and of each layer's pieces, ±1 ms); returns
/// the number of instants checked.
fn agree_schedule(doc: &Value, schedule: &str) -> usize {
    let ladder = ladder_of(doc);
    let s = (ladder.schedules.iter())
        .position(|s| s.id.as_str() == schedule)
        .unwrap();
    let layers: Vec<&Rotation> = (ladder.schedules[s].layers.iter())
        .map(|id| ladder.rotations.iter().find(|r| r.id == *id).unwrap())
        .collect();
    let probe = probe_ladder(doc, json!({ "schedule": schedule }));
    let model = SimModel::new(&ladder_of(&probe), &probe_scenario(&probe))
        .unwrap_or_else(|r| panic!("{schedule}: {:#?}", r.diagnostics));
    let mut engine = Engine::new(&model, 0, true);
    let (from, to) = (ms("2026-01-01T00:00:00Z"), ms("2027-01-01T00:00:00Z"));
    let tops = coverage::schedule_layers(
        &ladder,
        s,
        Instant::from_millis(from),
        Instant::from_millis(to),
    );
    let pieces: Vec<Vec<(Span, String)>> = (layers.iter())
        .map(|rot| coverage_pieces(rot, from, to))
        .collect();
    let find = |pieces: &[(Span, String)], t: i64| {
        (pieces.iter())
            .find(|(s, _)| s.start <= t && t < s.end)
            .map(|(_, p)| p.clone())
    };
    // coverage: the layer on top, then who its rotation has on call
    let covered = |t: i64| {
        let at = Instant::from_millis(t);
        let top = tops.iter().find(|p| p.from <= at && at < p.to)?;
        assert_eq!(layers[top.layer - 1].id, top.rotation);
        Some((top.layer, find(&pieces[top.layer - 1], t)?))
    };
    let mut instants: Vec<i64> = Vec::new();
    let step = if cfg!(debug_assertions) { 5 } else { 1 } * MINUTE;
    instants.extend((0..(to - from) / step).map(|k| from + k * step));
    let bounds = (tops.iter()).flat_map(|p| [p.from.as_millis(), p.to.as_millis()]);
    let layer_bounds = pieces.iter().flatten().flat_map(|(s, _)| [s.start, s.end]);
    for b in bounds.chain(layer_bounds) {
        instants.extend([b - 1, b, b + 1]);
    }
    instants.retain(|&t| (from..to).contains(&t));
    instants.sort_by_key(|&t| ((t / DAY) % 7, t));
    let mut layers_seen = std::collections::BTreeSet::new();
    for &t in &instants {
        let when = Instant::from_millis(t);
        let on_call =
            oncall::top_layer_at(&layers, t).map(|(k, o)| (k + 1, o.person(layers[k]).to_string()));
        assert_eq!(
            covered(t),
            on_call,
            "{schedule}: coverage and top_layer_at at {when}"
        );
        layers_seen.extend(on_call.as_ref().map(|(k, _)| *k));
        assert_eq!(
            simulated(&mut engine, &model, t),
            on_call.map(|(_, p)| p),
            "{schedule}: simulator and coverage at {when}"
        );
    }
    assert_eq!(
        layers_seen.len(),
        layers.len(),
        "every layer answers somewhen"
    );
    instants.len()
}

#[test]
fn they_agree_on_a_three_layer_schedule_across_zones_and_dst() {
    // a weekly base handing over on Mondays 09:00 Berlin, a weekday day team in New York
    // (daily, 09:00 local), a Friday-evening-to-Monday lead in Sydney with overrides
    let base = json!({ "id": "base", "name": "Base", "members": ["sam", "priya", "tom"],
        "shift": "1w", "start": "2026-01-05T08:00:00Z", "timezone": "Europe/Berlin" });
    let day = json!({ "id": "day", "name": "Day team", "members": ["priya", "tom"],
        "shift": "1d", "start": "2026-01-05T14:00:00Z", "timezone": "America/New_York",
        "window": { "days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:00", "to": "17:00" } });
    let lead = json!({ "id": "lead", "name": "Weekend lead", "members": ["tom", "sam"],
        "shift": "1w", "start": "2026-01-04T22:00:00Z", "timezone": "Australia/Sydney",
        "window": { "days": ["fri"], "from": "18:00", "to": "10:00", "to_day": "mon" },
        "overrides": [
            // on a weekday, above the day team and across its hand-off
            { "from": "2026-03-10T12:00:00Z", "to": "2026-03-11T15:00:00Z", "person": "priya" },
            // across Sydney's change of 5 April
            { "from": "2026-04-03T00:00:00Z", "to": "2026-04-06T12:00:00Z", "person": "sam" }] });
    let doc = set(example("startup"), "/rotations", json!([base, day, lead]));
    let doc = set(
        doc,
        "/schedules",
        json!([{ "id": "layered", "name": "Layered",
                                              "layers": ["base", "day", "lead"] }]),
    );
    assert!(agree_schedule(&doc, "layered") > 100_000);
    // without a 24/7 base: times with nobody on call in any layer are empty pages
    let doc = set(doc, "/schedules/0/layers", json!(["day", "lead"]));
    agree_schedule(&doc, "layered");
}
