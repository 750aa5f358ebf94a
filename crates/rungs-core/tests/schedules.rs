//! Layered schedules (docs/format.md, schedules): a hand-computed three-layer schedule,
//! asked at chosen instants of every consumer of the rule (the one answer in `oncall`,
//! the paging lines, the coverage computation and heatmap, the simulator), its canonical
//! JSON, and what renaming and deleting do to schedules and layers.

mod common;

use common::{three_layers as ladder, with};
use rungs_core::coverage::{self, LayerAnswer};
use rungs_core::edit::{self, Kind};
use rungs_core::sim::{self, SimModel};
use rungs_core::*;
use serde_json::{json, Value};

fn parse(doc: &Value) -> Ladder {
    parse_ladder(&doc.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap()
}

/// The chosen instants: (UTC instant, the layer on top (1 the lowest), who is on call).
const CASES: [(&str, usize, &str); 13] = [
    // Mon 9 March 08:00 CET: the day team is not on yet; base week 9 is ben's
    ("2026-03-09T07:00:00Z", 1, "ben"),
    // 09:00 CET: the day team, day 63 (dee), to 16:59:59
    ("2026-03-09T08:00:00Z", 2, "dee"),
    ("2026-03-09T15:59:59Z", 2, "dee"),
    // 17:00 CET: back to the base
    ("2026-03-09T16:00:00Z", 1, "ben"),
    // Wed 11 March 09:59:59 CET: day 65 (dee); at 10:00 CET the override on the top layer
    ("2026-03-11T08:59:59Z", 2, "dee"),
    ("2026-03-11T09:00:00Z", 3, "ana"),
    // 23:00 CET: outside both windows the override still answers, above the base
    ("2026-03-11T22:00:00Z", 3, "ana"),
    // Thu 12 March 10:00 CET: the override has ended (half-open); day 66 (cy)
    ("2026-03-12T09:00:00Z", 2, "cy"),
    // Sat 14 March 10:30 CET: the top layer's own window, eve
    ("2026-03-14T09:30:00Z", 3, "eve"),
    // 12:00 CET: its window has closed, no day team on Saturday: the base, ben
    ("2026-03-14T11:00:00Z", 1, "ben"),
    // Sat 28 March 23:30 UTC (Sun 00:30 CET): base week 11, ben
    ("2026-03-28T23:30:00Z", 1, "ben"),
    // Mon 30 March, after the change to CEST: 08:59 local is the base (week 12, ana),
    // 09:00 local (07:00Z) the day team, day 84 (cy)
    ("2026-03-30T06:59:00Z", 1, "ana"),
    ("2026-03-30T07:00:00Z", 2, "cy"),
];

const LAYERS: [&str; 3] = ["base", "day", "lead"];

#[test]
fn the_ladder_with_a_schedule_is_clean_and_round_trips() {
    let l = parse(&ladder());
    let r = validate_ladder(&l, at("2026-03-01T00:00:00Z"));
    assert_eq!(r.diagnostics, vec![]);
    let text = to_canonical_json(&l);
    assert!(text.contains("\"schedules\": [\n    {\n      \"id\": \"payments\""));
    assert!(text.contains("{\n                \"schedule\": \"payments\"\n              }"));
    let again = parse_ladder(&text).unwrap();
    assert_eq!(again, l);
    assert_eq!(to_canonical_json(&again), text);
    // without schedules, nothing about them is written
    let plain = parse(&with(ladder(), "/schedules", json!([])));
    assert!(!to_canonical_json(&plain).contains("schedules"));
}

#[test]
fn oncall_puts_the_highest_layer_with_someone_on_call() {
    let l = parse(&ladder());
    let layers: Vec<&Rotation> = l.rotations.iter().collect();
    for (when, layer, who) in CASES {
        let (k, on) = oncall::top_layer_at(&layers, at(when).as_millis()).unwrap();
        assert_eq!(
            (k + 1, on.person(layers[k]).as_str()),
            (layer, who),
            "{when}"
        );
    }
    // a schedule of the day team alone has nobody on Saturday
    assert_eq!(
        oncall::top_layer_at(&layers[1..2], at("2026-03-14T13:00:00Z").as_millis()),
        None
    );
}

#[test]
fn the_paging_lines_name_the_person_and_the_layer() {
    let l = parse(&ladder());
    for (when, layer, who) in CASES {
        let step = paging::who_is_paged(&l, 0, 0, at(when));
        let t = &step.targets[0];
        assert_eq!(t.kind, "schedule");
        assert_eq!(t.people[0].0.as_str(), who, "{when}");
        let rotation = &l.rotations[layer - 1].name;
        assert_eq!(t.layer.as_ref(), Some(rotation), "{when}");
    }
    let step = paging::who_is_paged(&l, 0, 0, at("2026-03-09T08:00:00Z"));
    assert_eq!(
        step.summary(),
        "Dee via Payments on-call (Weekday day team)"
    );
    let day_only = parse(&with(ladder(), "/schedules/0/layers", json!(["day"])));
    let step = paging::who_is_paged(&day_only, 0, 0, at("2026-03-14T13:00:00Z"));
    assert_eq!(
        step.targets[0].line(),
        "Payments on-call: no layer has anyone on call"
    );
}

#[test]
fn the_coverage_computation_tells_which_layer_answered() {
    let l = parse(&ladder());
    let spans = coverage::schedule_layers(
        &l,
        0,
        at("2026-03-09T00:00:00Z"),
        at("2026-04-06T00:00:00Z"),
    );
    // the pieces tile the four weeks (the base is always on), each layer on top somewhere
    for w in spans.windows(2) {
        assert_eq!(w[0].to, w[1].from);
        assert_ne!(
            w[0].layer, w[1].layer,
            "touching pieces of one layer are one"
        );
    }
    for (when, layer, _) in CASES {
        let t = at(when);
        let piece = spans.iter().find(|s| s.from <= t && t < s.to).unwrap();
        assert_eq!(piece.layer, layer, "{when}");
        assert_eq!(piece.rotation.as_str(), LAYERS[layer - 1], "{when}");
    }
    // the override is one piece of the top layer, from 10:00 CET Wednesday to Thursday
    assert!(spans.iter().any(|s| s.layer == 3
        && s.from == at("2026-03-11T09:00:00Z")
        && s.to == at("2026-03-12T09:00:00Z")));
}

#[test]
fn the_heatmap_cells_say_which_layer_answered() {
    let l = parse(&ladder());
    let zone = TimeZoneName::new("Europe/Berlin").unwrap();
    let grid = coverage::week_grid(&l, &zone, at("2026-03-09T12:00:00Z"));
    let row = &grid.rows[0];
    let cell = |day: usize, hour: usize| &row.cells[day * 24 + hour];
    let answer = |layer: usize| LayerAnswer {
        schedule: ScheduleId::new("payments").unwrap(),
        layer,
        rotation: RotationId::new(LAYERS[layer - 1]).unwrap(),
    };
    // Monday 08:00 the base, 09:00 the day team
    assert_eq!(cell(0, 8).layers, [answer(1)]);
    assert_eq!(cell(0, 9).layers, [answer(2)]);
    assert!(
        cell(0, 9)
            .label
            .contains("Dee (schedule Payments on-call, layer 2 Weekday day team)"),
        "{}",
        cell(0, 9).label
    );
    // Wednesday 10:00 to Thursday 09:00 the override on the top layer
    assert_eq!(cell(2, 10).layers, [answer(3)]);
    assert_eq!(cell(2, 23).layers, [answer(3)]);
    assert_eq!(cell(3, 10).layers, [answer(2)]);
    // Saturday 10:00 eve, 12:00 the base again; never a gap
    assert_eq!(cell(5, 10).layers, [answer(3)]);
    assert_eq!(cell(5, 12).layers, [answer(1)]);
    assert!(row.cells.iter().all(|c| c.gap_minutes == 0));
}

/// The first page of a run whose incident opens at `when`: who (or nobody) and the detail.
fn first_page(doc: &Value, when: &str) -> (Option<String>, String) {
    let s = json!({
        "format": "rungs.scenario/v1", "name": "probe", "start": when, "horizon": "1h",
        "signals": [{ "service": "api", "metric": "m", "points": [["0m", 1.0]] }],
        "work": { "contain_after_ack": { "median": "20m", "p90": "20m" },
                  "resolve_after_contain": { "median": "1h", "p90": "1h" } }
    });
    let s = parse_scenario(&s.to_string()).unwrap();
    let model = SimModel::new(&parse(doc), &s).unwrap_or_else(|r| panic!("{:#?}", r.diagnostics));
    let run = sim::run_once(&model, 0);
    let page = (run.events.iter())
        .find(|e| matches!(e.kind, sim::EventKind::Page | sim::EventKind::EmptyPage))
        .unwrap();
    assert_eq!(page.t, sim::SimTime(0));
    (
        page.who.as_ref().map(|p| p.to_string()),
        page.detail.clone(),
    )
}

#[test]
fn the_simulator_pages_the_highest_layer_with_someone_on_call() {
    for (when, layer, who) in CASES {
        let (paged, detail) = first_page(&ladder(), when);
        assert_eq!(paged.as_deref(), Some(who), "{when}");
        assert_eq!(
            detail,
            format!("payments via {}, step 1", LAYERS[layer - 1]),
            "{when}"
        );
    }
    // nobody on call in any layer: an empty page, and the escalation goes on
    let day_only = with(ladder(), "/schedules/0/layers", json!(["day"]));
    let (paged, detail) = first_page(&day_only, "2026-03-14T13:00:00Z");
    assert_eq!(paged, None);
    assert_eq!(detail, "payments has nobody on call, step 1");
}

#[test]
fn renaming_a_layer_rotation_or_the_schedule_follows_every_reference() {
    let mut l = parse(&ladder());
    let refs = edit::references(&l, Kind::Rotation, "day");
    assert_eq!(refs.len(), 1);
    assert_eq!(refs[0].pointer, "/schedules/0/layers/1");
    assert_eq!(
        refs[0].what,
        "schedule Payments on-call (`payments`) has it as layer 2"
    );
    assert_eq!(
        edit::rename(&mut l, Kind::Rotation, "day", "weekday"),
        Ok(1)
    );
    assert_eq!(l.schedules[0].layers[1].as_str(), "weekday");
    let refs = edit::references(&l, Kind::Schedule, "payments");
    assert_eq!(
        refs[0].pointer,
        "/tiers/0/escalation/steps/0/notify/0/schedule"
    );
    assert_eq!(
        edit::rename(&mut l, Kind::Schedule, "payments", "pay"),
        Ok(1)
    );
    assert_eq!(
        l.tiers[0].escalation.steps[0].notify[0],
        Target::Schedule(ScheduleId::new("pay").unwrap())
    );
    assert_eq!(
        validate_ladder(&l, at("2026-03-01T00:00:00Z")).diagnostics,
        vec![]
    );
    // deleting the schedule leaves the step's reference dangling, for validation to report
    let gone = entry::deletion(&l, Kind::Schedule, 0).unwrap();
    assert!(gone
        .question()
        .starts_with("Delete the schedule “Payments on-call”? 1 place"));
    assert!(gone.apply(&mut l));
    let r = validate_ladder(&l, at("2026-03-01T00:00:00Z"));
    let codes: Vec<(Code, &str)> = r
        .diagnostics
        .iter()
        .map(|d| (d.code, d.pointer.as_str()))
        .collect();
    assert!(codes.contains(&(
        Code::UnknownReference,
        "/tiers/0/escalation/steps/0/notify/0/schedule"
    )));
    // a new schedule gets a free id and no layers
    let i = edit::add(&mut l, Kind::Schedule, at("2026-03-01T00:00:00Z"));
    assert_eq!(l.schedules[i].id.as_str(), "schedule");
    assert!(l.schedules[i].layers.is_empty());
}

#[test]
fn the_weeks_schedule_and_the_calendar_strip_draw_the_schedule_layer_by_layer() {
    use rungs_core::paging::{schedule_week, weeks_of, LanesOf};
    let l = parse(&ladder());
    let utc = TimeZoneName::utc();
    let from = at("2026-03-09T00:00:00Z");
    let week = schedule_week(&l, from, &utc);
    // a lane per rotation, then the schedule's
    assert_eq!(week.lanes.len(), 4);
    let lane = &week.lanes[3];
    assert_eq!(
        (lane.pointer.as_str(), lane.name.as_str()),
        ("/schedules/0", "Payments on-call")
    );
    assert_eq!(
        lane.window.as_deref(),
        Some("schedule, top layer first: Saturday lead, Weekday day team, Base 24/7")
    );
    // each of the chosen instants inside the week falls in a segment of its person, and
    // the segment names the layer
    for (when, layer, who) in CASES {
        let t = at(when);
        if t < from || t.as_millis() >= from.as_millis() + 7 * 86_400_000 {
            continue;
        }
        let seg = (lane.segments.iter())
            .find(|s| s.from <= t && t < s.to)
            .unwrap_or_else(|| panic!("no segment at {when}"));
        assert_eq!(seg.person_id.as_str(), who, "{when}");
        let rotation = &l.rotations[layer - 1].name;
        assert!(
            seg.label.contains(&format!("(layer {layer}, {rotation})")),
            "{when}: {}",
            seg.label
        );
    }
    // the base is 24/7, so the schedule has no gap; segments tile the week
    assert!(lane.gaps.is_empty());
    assert_eq!(lane.segments.first().unwrap().start, 0.0);
    assert_eq!(lane.segments.last().unwrap().end, 1.0);
    for pair in lane.segments.windows(2) {
        assert_eq!(pair[0].to, pair[1].from);
    }
    assert_eq!(
        lane.segments[1].label,
        "Payments on-call: Dee (layer 2, Weekday day team), Mon 9 Mar 08:00–16:00 UTC"
    );
    // the calendar strip's first week is the same lane
    let strip = weeks_of(&l, LanesOf::Schedule(0), from, 2, &utc);
    assert_eq!(strip.len(), 2);
    assert_eq!(strip[0].segments, lane.segments);
    assert_eq!(strip[0].name, "Mon 9 Mar");
    assert!(weeks_of(&l, LanesOf::Schedule(1), from, 2, &utc).is_empty());
    // without its base layer, the nights are gaps
    let mut gappy = l.clone();
    gappy.schedules[0].layers.remove(0);
    let lane = &schedule_week(&gappy, from, &utc).lanes[3];
    assert_eq!(
        lane.gaps[0].label,
        "Payments on-call: no layer has anyone on call, Mon 9 Mar 00:00–08:00 UTC"
    );
}
