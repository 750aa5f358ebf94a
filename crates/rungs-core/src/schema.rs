//! JSON Schemas of the documents (feature `schema`). The model types derive
//! `JsonSchema` themselves; the id types' schema lives with them in [`crate::id`].

/// The JSON Schema of the ladder document, pretty-printed.
#[cfg(feature = "schema")]
pub fn ladder_schema() -> String {
    let mut schema = schemars::schema_for!(crate::model::Ladder);
    schema.insert(
        "$id".into(),
        "https://rungs.invalid/schema/ladder.v1.schema.json".into(),
    );
    crate::to_canonical_json(&schema)
}

/// The JSON Schema of the standalone scenario document, pretty-printed.
#[cfg(feature = "schema")]
pub fn scenario_schema() -> String {
    let mut schema = schemars::schema_for!(crate::model::ScenarioDocument);
    schema.insert(
        "$id".into(),
        "https://rungs.invalid/schema/scenario.v1.schema.json".into(),
    );
    crate::to_canonical_json(&schema)
}
