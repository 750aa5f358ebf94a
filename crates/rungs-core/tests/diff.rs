//! The readable diff (docs/diff.md): matching by id and by content, values compared by
//! value, the sentence of each common edit, pointers into the right document, grouping.

mod common;

use common::{diff_pointers_resolve, push, with};
use rungs_core::diff::{self, Change, Op};
use rungs_core::*;
use serde_json::{json, Value};

/// The SaaS example (Nimbus Cloud Platform) as JSON.
fn saas() -> Value {
    serde_json::from_str(examples::EXAMPLES[0].json).unwrap()
}

fn ladder(v: &Value) -> Ladder {
    parse_ladder(&v.to_string()).unwrap()
}

/// The changes from `old` to `new`, after checking their pointers.
fn changes(old: &Value, new: &Value) -> Vec<Change> {
    let (a, b) = (ladder(old), ladder(new));
    let changes = diff::diff(&a, &b);
    diff_pointers_resolve(&a, &b, &changes).unwrap();
    changes
}

/// The one change from the SaaS example to it edited by `edit`.
fn one(edit: impl FnOnce(Value) -> Value) -> Change {
    let old = saas();
    let new = edit(old.clone());
    let mut all = changes(&old, &new);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.remove(0)
}

fn remove(mut doc: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match doc.pointer_mut(parent).unwrap() {
        Value::Object(map) => {
            map.remove(key).unwrap();
        }
        Value::Array(items) => {
            items.remove(key.parse().unwrap());
        }
        _ => panic!("{parent}"),
    }
    doc
}

fn insert(mut doc: Value, pointer: &str, value: Value) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let items = doc.pointer_mut(parent).unwrap().as_array_mut().unwrap();
    items.insert(key.parse().unwrap(), value);
    doc
}

// --- Matching ----------------------------------------------------------------------

#[test]
fn the_same_ladder_has_no_changes() {
    for e in examples::EXAMPLES {
        let l = parse_ladder(e.json).unwrap();
        assert!(diff::diff_view(&l, &l).is_empty(), "{}", e.key);
        assert_eq!(diff::diff_view(&l, &l).tally(), "No changes");
    }
}

#[test]
fn inserting_a_person_is_one_addition() {
    let c = one(|l| {
        insert(
            l,
            "/people/0",
            json!({"id": "gus", "name": "Gus", "timezone": "Europe/Berlin"}),
        )
    });
    assert_eq!(c.op, Op::Add);
    assert_eq!(c.path, "/people/0");
    assert_eq!(c.summary, "Gus joins (people).");
    assert_eq!(
        c.new,
        Some(json!({"id": "gus", "name": "Gus", "timezone": "Europe/Berlin"}))
    );
    assert_eq!(c.old, None);
}

#[test]
fn removing_a_person_is_one_removal_at_the_old_pointer() {
    let c = one(|l| remove(l, "/people/9"));
    assert_eq!((c.op, c.path.as_str()), (Op::Remove, "/people/9"));
    assert_eq!(c.summary, "Jonas Weber leaves (people).");
    assert_eq!(c.new, None);
    assert_eq!(c.old.unwrap()["id"], "jonas");
}

#[test]
fn reordered_entries_are_moves() {
    let old = saas();
    let mut new = old.clone();
    new["people"].as_array_mut().unwrap().swap(0, 1);
    let all = changes(&old, &new);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].op, Op::Move);
    assert_eq!(all[0].old, Some(json!("/people/0")));
    assert_eq!(all[0].path, "/people/1");
    assert_eq!(
        all[0].summary,
        "Farah Rahman moves from position 1 to 2 (people)."
    );

    // Reversing three steps: the middle one stays where it was, the others move.
    let mut new = old.clone();
    new["tiers"][0]["escalation"]["steps"]
        .as_array_mut()
        .unwrap()
        .reverse();
    let all = changes(&old, &new);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(all.iter().all(|c| c.op == Op::Move), "{all:#?}");
    assert_eq!(
        all[0].summary,
        "SEV1 Critical step 3 is now step 1 (it pages the role “Engineering leadership”)."
    );
    assert_eq!(all[1].path, "/tiers/0/escalation/steps/2");
    assert_eq!(all[1].old, Some(json!("/tiers/0/escalation/steps/0")));

    // A rotation's members are in turn order.
    let c = one(|mut l| {
        l["rotations"][3]["members"]
            .as_array_mut()
            .unwrap()
            .swap(0, 1);
        l
    });
    assert_eq!(c.op, Op::Move);
    assert_eq!(
        c.summary,
        "Diego Alvarez moves from turn 2 to turn 1 in the rotation “Global secondary”."
    );
}

#[test]
fn durations_and_instants_compare_by_value() {
    let old = saas();
    let new = with(
        old.clone(),
        "/tiers/0/escalation/steps/0/escalate_after",
        json!("300s"),
    );
    let new = with(new, "/tiers/0/timelines/resolve", json!("240m"));
    let new = with(
        new,
        "/rotations/0/start",
        json!("2026-01-05T07:00:00+08:00"),
    );
    let new = with(new, "/scenarios/0/horizon", json!("480m"));
    assert_eq!(changes(&old, &new), vec![]);
    // The order of a set does not matter either.
    let mut new = old.clone();
    new["tiers"][0]["escalation"]["steps"][0]["notify"]
        .as_array_mut()
        .unwrap()
        .reverse();
    new["rotations"][0]["window"]["days"]
        .as_array_mut()
        .unwrap()
        .reverse();
    assert_eq!(changes(&old, &new), vec![]);
}

#[test]
fn a_shift_of_24h_is_not_one_of_1d() {
    let old = with(saas(), "/rotations/0/shift", json!("1d"));
    let new = with(old.clone(), "/rotations/0/shift", json!("24h"));
    let all = changes(&old, &new);
    assert_eq!(all.len(), 1);
    assert_eq!(
        all[0].summary,
        "The rotation “APAC primary” hands over every 24h instead of every 1d."
    );
    let same = with(old.clone(), "/rotations/0/shift", json!("1440m"));
    assert_eq!(changes(&same, &new), vec![]);
}

#[test]
fn a_rename_is_one_change() {
    let c = one(|l| with(l, "/people/2/name", json!("Ana Lima-Costa")));
    assert_eq!((c.op, c.path.as_str()), (Op::Change, "/people/2/name"));
    assert_eq!(c.summary, "Ana Lima is now called Ana Lima-Costa.");
    let c = one(|l| with(l, "/rotations/0/name", json!("APAC day")));
    assert_eq!(
        c.summary,
        "The rotation “APAC primary” is now called “APAC day”."
    );
}

#[test]
fn an_edited_step_is_paired_with_its_old_self_not_replaced() {
    // A new first step pushes the others down: one addition, the edited step a change.
    let old = saas();
    let new = insert(
        old.clone(),
        "/tiers/1/escalation/steps/0",
        json!({"notify": [{"person": "ana"}], "escalate_after": "2m"}),
    );
    let new = with(
        new,
        "/tiers/1/escalation/steps/2/escalate_after",
        json!("20m"),
    );
    let all = changes(&old, &new);
    let summaries: Vec<&str> = all.iter().map(|c| c.summary.as_str()).collect();
    assert_eq!(
        summaries,
        [
            "SEV2 Major step 1 is new: it pages Ana Lima, then waits 2m.",
            "SEV2 Major step 3 waits 20m instead of 15m.",
        ]
    );
    assert_eq!(all[1].path, "/tiers/1/escalation/steps/2/escalate_after");
}

// --- Sentences of common edits -------------------------------------------------------

/// Each edit of the SaaS example, with the one sentence it reads as.
#[test]
fn common_edits_read_as_sentences() {
    type Edit = Box<dyn FnOnce(Value) -> Value>;
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|l| with(l, "/tiers/1/escalation/steps/0/escalate_after", json!("15m"))),
            "SEV2 Major step 1 waits 15m instead of 10m.",
        ),
        (
            Box::new(|l| push(l, "/tiers/1/escalation/steps/0/notify", json!({"person": "ana"}))),
            "SEV2 Major step 1 also pages Ana Lima.",
        ),
        (
            Box::new(|l| remove(l, "/tiers/0/escalation/steps/2/notify/0")),
            "SEV1 Critical step 3 no longer pages the role “Engineering leadership”.",
        ),
        (
            Box::new(|l| remove(l, "/tiers/0/escalation/steps/2")),
            "SEV1 Critical step 3 is removed (it paged the role “Engineering leadership”, then waited 15m).",
        ),
        (
            Box::new(|l| with(l, "/tiers/1/timelines/acknowledge", json!("10m"))),
            "SEV2 Major must be acknowledged within 10m instead of 15m.",
        ),
        (
            Box::new(|l| remove(l, "/tiers/1/timelines/update_every")),
            "SEV2 Major no longer has an update cadence (was 1h).",
        ),
        (
            Box::new(|l| with(l, "/tiers/1/owners/commander", json!({"person": "ben"}))),
            "SEV2 Major's commander is Ben Okafor instead of the rotation “Incident command”.",
        ),
        (
            Box::new(|l| with(l, "/tiers/1/escalation/repeat", json!(3))),
            "SEV2 Major repeats its escalation 3 times instead of 1 time.",
        ),
        (
            Box::new(|l| with(l, "/tiers/0/on_breach/acknowledge", json!("escalate"))),
            "SEV1 Critical escalates to the next tier when the acknowledge deadline is missed, instead of recording it.",
        ),
        (
            Box::new(|l| with(l, "/tiers/1/rank", json!(7))),
            "SEV2 Major is rank 7 instead of 2.",
        ),
        (
            Box::new(|l| with(l, "/people/2/timezone", json!("Europe/Lisbon"))),
            "Ana Lima is in Europe/Lisbon instead of Europe/London.",
        ),
        (
            Box::new(|l| push(l, "/people/2/roles", json!("scribe"))),
            "Ana Lima now holds the role “Scribe”.",
        ),
        (
            Box::new(|l| with(l, "/people/2/backup", json!("jonas"))),
            "Ana Lima's backup is Jonas Weber instead of Ben Okafor.",
        ),
        (
            Box::new(|l| {
                with(
                    l,
                    "/people/3/response",
                    json!({"ack_median": "2m", "ack_p90": "6m", "miss": 0.1}),
                )
            }),
            "Ben Okafor gets a response model of their own: acknowledging in 2m (median), 6m (90th percentile), missing 10% of pages.",
        ),
        (
            Box::new(|l| push(l, "/rotations/1/members", json!("jonas"))),
            "Jonas Weber joins the rotation “EMEA primary” (turn 3).",
        ),
        (
            Box::new(|l| remove(l, "/rotations/1/members/0")),
            "Ana Lima leaves the rotation “EMEA primary”.",
        ),
        (
            Box::new(|l| with(l, "/rotations/1/start", json!("2026-01-05T09:00:00Z"))),
            "The rotation “EMEA primary” hands over at 09:00 instead of 07:00 (Europe/London time).",
        ),
        (
            Box::new(|l| with(l, "/rotations/1/window/to", json!("18:00"))),
            "The rotation “EMEA primary” covers mon, tue, wed, thu, fri, sat, sun 07:00–18:00 instead of mon, tue, wed, thu, fri, sat, sun 07:00–16:00.",
        ),
        (
            Box::new(|l| {
                with(
                    l,
                    "/rotations/3/overrides",
                    json!([{"from": "2026-08-12T00:00:00Z", "to": "2026-08-19T00:00:00Z", "person": "grace"}]),
                )
            }),
            "Grace Kim covers the rotation “Global secondary” from Wed 12 Aug, 00:00 UTC to Wed 19 Aug, 00:00 UTC.",
        ),
        (
            Box::new(|l| with(l, "/rotations/3/timezone", json!("Europe/Berlin"))),
            "The rotation “Global secondary” keeps the time of Europe/Berlin instead of UTC.",
        ),
        (
            Box::new(|l| with(l, "/triggers/0/for", json!("5m"))),
            "The trigger “checkout-outage” fires after its condition holds for 5m instead of 1m.",
        ),
        (
            Box::new(|l| with(l, "/triggers/0/tier", json!("sev2"))),
            "The trigger “checkout-outage” opens SEV2 Major instead of SEV1 Critical.",
        ),
        (
            Box::new(|l| with(l, "/services/0/criticality", json!("high"))),
            "The service “API Gateway” is high instead of critical (criticality).",
        ),
        (
            Box::new(|l| remove(l, "/playbooks/0/artifacts/2")),
            "The playbook “Major incident” no longer lists “Status page admin”.",
        ),
        (
            Box::new(|l| with(l, "/templates/0/channel", json!("email"))),
            "The template “Status page update” is posted to “email” instead of “status-page”.",
        ),
        (
            Box::new(|l| with(l, "/scenarios/0/horizon", json!("12h"))),
            "The scenario “Checkout errors at 3 a.m. on a Saturday” runs for at most 12h instead of 8h.",
        ),
        (
            Box::new(|l| with(l, "/defaults/response/ack_median", json!("4m"))),
            "By default, people acknowledge in 4m (median) instead of 3m.",
        ),
        (
            Box::new(|l| with(l, "/revision", json!(13))),
            "The revision is 13 instead of 12.",
        ),
        (
            Box::new(|l| with(l, "/name", json!("Nimbus"))),
            "The ladder is now called “Nimbus” (was “Nimbus Cloud Platform”).",
        ),
    ];
    for (edit, sentence) in cases {
        let c = one(edit);
        assert_eq!(c.summary, sentence, "{c:#?}");
    }
}

#[test]
fn tiers_added_and_removed_name_themselves() {
    let old = saas();
    let mut new = remove(old.clone(), "/tiers/3");
    let added = json!({"id": "sev5", "name": "SEV5 Info", "rank": 5,
        "escalation": {"steps": [{"notify": [{"role": "engineer"}], "escalate_after": "1d"}]}});
    new = push(new, "/tiers", added);
    // Triggers that opened the removed tier now open nothing that exists: not the diff's
    // business, it reports what changed.
    let all = changes(&old, &new);
    let tiers: Vec<(Op, &str)> = all
        .iter()
        .filter(|c| c.path.starts_with("/tiers"))
        .map(|c| (c.op, c.summary.as_str()))
        .collect();
    assert_eq!(
        tiers,
        [
            (Op::Remove, "SEV4 Low is removed (tiers)."),
            (Op::Add, "SEV5 Info is added (tiers)."),
        ]
    );
}

// --- Grouping -------------------------------------------------------------------------

#[test]
fn the_view_groups_by_collection_and_tier_in_the_new_order() {
    let old = saas();
    let new = with(old.clone(), "/revision", json!(13));
    let new = with(
        new,
        "/tiers/1/escalation/steps/0/escalate_after",
        json!("15m"),
    );
    let new = with(new, "/tiers/0/timelines/acknowledge", json!("4m"));
    let new = with(new, "/people/0/timezone", json!("Asia/Tokyo"));
    let new = with(new, "/tiers/1/name", json!("SEV2 Serious"));
    let view = diff::diff_view(&ladder(&old), &ladder(&new));
    let titles: Vec<(&str, &str, usize)> = view
        .groups
        .iter()
        .map(|g| (g.title.as_str(), g.pointer.as_str(), g.changes.len()))
        .collect();
    assert_eq!(
        titles,
        [
            ("Ladder", "", 1),
            ("People", "/people", 1),
            ("Tier SEV1 Critical", "/tiers/0", 1),
            ("Tier SEV2 Serious", "/tiers/1", 2),
        ]
    );
    assert_eq!(view.tally(), "5 changes: 5 changed");
    // Within a tier, in document order: the name before the steps.
    assert_eq!(view.groups[3].changes[0].path, "/tiers/1/name");
}

#[test]
fn every_pointer_resolves_after_many_edits_of_every_example() {
    for e in examples::EXAMPLES {
        let old: Value = serde_json::from_str(e.json).unwrap();
        let mut new = old.clone();
        new["people"].as_array_mut().unwrap().reverse();
        new["people"].as_array_mut().unwrap().remove(1);
        new = insert(
            new,
            "/tiers/0/escalation/steps/1",
            json!({"notify": [{"person": "nobody"}], "escalate_after": "1m"}),
        );
        new["tiers"].as_array_mut().unwrap().swap(0, 1);
        new["rotations"][0]["members"]
            .as_array_mut()
            .unwrap()
            .reverse();
        new["scenarios"].as_array_mut().unwrap().remove(0);
        new["triggers"][0]["threshold"] = json!(123.5);
        let all = changes(&old, &new);
        assert!(all.len() > 5, "{}: {all:#?}", e.key);
        assert!(all.iter().all(|c| c.summary.ends_with('.')));
    }
}

#[test]
fn hostile_sizes_stay_bounded() {
    // 3,000 steps, all different on each side: positional pairing, not a 9 M-cell table.
    let steps = |wait: &str| -> Value {
        (0..3_000)
            .map(|i| json!({"notify": [{"person": format!("p{i}")}], "escalate_after": wait}))
            .collect()
    };
    let old = with(saas(), "/tiers/0/escalation/steps", steps("1m"));
    let new = with(old.clone(), "/tiers/0/escalation/steps", steps("2m"));
    let all = changes(&old, &new);
    assert_eq!(all.len(), 3_000);
    assert!(all.iter().all(|c| c.op == Op::Change));
}

// --- Properties ------------------------------------------------------------------------

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Some of the example's ten people, in some order.
    fn people() -> impl Strategy<Value = Vec<usize>> {
        proptest::sample::subsequence((0..10).collect::<Vec<_>>(), 0..=10).prop_shuffle()
    }

    fn longest_increasing(seq: &[usize]) -> usize {
        let mut best = vec![1; seq.len()];
        for k in 0..seq.len() {
            for m in 0..k {
                if seq[m] < seq[k] {
                    best[k] = best[k].max(best[m] + 1);
                }
            }
        }
        best.into_iter().max().unwrap_or(0)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// For any two selections of people: one addition per person only in the new,
        /// one removal per person only in the old, and as many moves as the people both
        /// have, less the longest run of them still in the same order; nothing else.
        #[test]
        fn people_are_matched_by_id(old_ix in people(), new_ix in people()) {
            let all = saas()["people"].as_array().unwrap().clone();
            let pick = |ix: &[usize]| with(saas(), "/people", ix.iter().map(|&i| all[i].clone()).collect());
            let (old, new) = (pick(&old_ix), pick(&new_ix));
            let changes = changes(&old, &new);
            let count = |op| changes.iter().filter(|c| c.op == op).count();
            let common: Vec<usize> = new_ix.iter().filter(|i| old_ix.contains(i)).copied().collect();
            let positions: Vec<usize> = common.iter().map(|i| old_ix.iter().position(|o| o == i).unwrap()).collect();
            prop_assert_eq!(count(Op::Add), new_ix.len() - common.len());
            prop_assert_eq!(count(Op::Remove), old_ix.len() - common.len());
            prop_assert_eq!(count(Op::Move), common.len() - longest_increasing(&positions));
            prop_assert_eq!(count(Op::Change), 0);
            prop_assert!(changes.iter().all(|c| c.path.starts_with("/people")));
        }
    }
}
