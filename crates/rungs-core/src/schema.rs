//! JSON Schemas of the documents (feature `schema`).

/// The schema of an id type.
#[cfg(feature = "schema")]
pub(crate) fn id_schema(what: &str) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "pattern": "^[a-z][a-z0-9_-]{0,63}$",
        "description": format!("{what}: 1-64 characters of a-z 0-9 - _, starting with a letter.")
    })
}

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
