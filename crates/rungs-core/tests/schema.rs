//! The checked-in JSON Schemas match the types, and every example validates against them.
#![cfg(feature = "schema")]

use std::path::PathBuf;

fn repo_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

fn check_drift(rel: &str, generated: &str) {
    let path = repo_file(rel);
    if std::env::var_os("RUNGS_BLESS").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{rel} is out of date with the types; review the change and regenerate it with \
         `RUNGS_BLESS=1 cargo test -p rungs-core --features schema --test schema`"
    );
}

#[test]
fn ladder_schema_is_up_to_date() {
    check_drift(
        "public/schema/ladder.v1.schema.json",
        &rungs_core::ladder_schema(),
    );
}

#[test]
fn scenario_schema_is_up_to_date() {
    check_drift(
        "public/schema/scenario.v1.schema.json",
        &rungs_core::scenario_schema(),
    );
}

fn validator(schema: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(schema).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn every_example_validates_against_the_schema() {
    let ladder = validator(&rungs_core::ladder_schema());
    let scenario = validator(&rungs_core::scenario_schema());
    for ex in rungs_core::examples::EXAMPLES {
        let doc: serde_json::Value = serde_json::from_str(ex.json).unwrap();
        let errors: Vec<String> = ladder
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", ex.key);
        let parsed = rungs_core::parse_ladder(ex.json).unwrap();
        for s in &parsed.scenarios {
            let doc = serde_json::to_value(s.to_document()).unwrap();
            assert!(scenario.is_valid(&doc), "{} / {}", ex.key, s.id);
        }
    }
}

#[test]
fn the_schema_refuses_what_the_parser_refuses() {
    let ladder = validator(&rungs_core::ladder_schema());
    let good: serde_json::Value =
        serde_json::from_str(rungs_core::examples::EXAMPLES[1].json).unwrap();
    let mut unknown = good.clone();
    unknown["tiers"][0]["escalation"]["steps"][0]["escalate_afer"] = "5m".into();
    let mut duration = good.clone();
    duration["tiers"][0]["escalation"]["steps"][0]["escalate_after"] = "5 minutes".into();
    let mut format = good.clone();
    format["format"] = "rungs.ladder/v2".into();
    let mut id = good.clone();
    id["tiers"][0]["id"] = "P1".into();
    for (what, doc) in [
        ("unknown field", unknown),
        ("bad duration", duration),
        ("format", format),
        ("id", id),
    ] {
        assert!(!ladder.is_valid(&doc), "{what} passed the schema");
        assert!(
            rungs_core::parse_ladder(&doc.to_string()).is_err(),
            "{what} passed the parser"
        );
    }
}

#[test]
fn schedules_and_schedule_targets_pass_the_schema_and_the_parser_alike() {
    let ladder = validator(&rungs_core::ladder_schema());
    let mut doc: serde_json::Value =
        serde_json::from_str(rungs_core::examples::EXAMPLES[1].json).unwrap();
    let rotation = doc["rotations"][0]["id"].clone();
    doc["schedules"] = serde_json::json!([{ "id": "layered", "name": "Layered",
                                           "layers": [rotation] }]);
    doc["tiers"][0]["escalation"]["steps"][0]["notify"] =
        serde_json::json!([{ "schedule": "layered" }]);
    assert!(ladder.is_valid(&doc));
    let parsed = rungs_core::parse_ladder(&doc.to_string()).unwrap();
    let again: serde_json::Value =
        serde_json::from_str(&rungs_core::to_canonical_json(&parsed)).unwrap();
    assert!(ladder.is_valid(&again));
    assert_eq!(again["schedules"], doc["schedules"]);
    let mut extra = doc.clone();
    extra["schedules"][0]["levels"] = serde_json::json!([]);
    let mut no_layers = doc.clone();
    no_layers["schedules"][0]
        .as_object_mut()
        .unwrap()
        .remove("layers");
    let mut bad_id = doc.clone();
    bad_id["tiers"][0]["escalation"]["steps"][0]["notify"][0]["schedule"] = "Layered".into();
    for (what, doc) in [
        ("unknown field", extra),
        ("no layers", no_layers),
        ("id", bad_id),
    ] {
        assert!(!ladder.is_valid(&doc), "{what} passed the schema");
        assert!(
            rungs_core::parse_ladder(&doc.to_string()).is_err(),
            "{what} passed the parser"
        );
    }
}
