//! Which system a document comes from, read from its shape alone: the app picks the
//! system for files dropped on it this way, and the person can still choose another.
//! Nothing is imported here; a document this cannot place is `None`.

use serde_json::{Map, Value};

use crate::pagerduty::json::ENVELOPES;
use crate::System;

/// GoAlert's GraphQL answers hold their objects under `data`, named by the query's fields.
const GOALERT_FIELDS: [&str; 10] = [
    "escalationPolicy",
    "escalationPolicies",
    "schedule",
    "schedules",
    "rotation",
    "rotations",
    "user",
    "users",
    "userOverrides",
    "services",
];

/// Fields only PagerDuty's objects have.
const PAGERDUTY_FIELDS: [&str; 4] = [
    "escalation_rules",
    "num_loops",
    "schedule_layers",
    "html_url",
];

/// Fields only Grafana OnCall's objects have.
const GRAFANA_FIELDS: [&str; 6] = [
    "escalation_chain_id",
    "team_id",
    "rolling_users",
    "by_day",
    "ical_url_overrides",
    "on_call_now",
];

/// The system `text` (a file called `name`) most likely comes from.
///
/// ```
/// use rungs_interop::{detect::system_of, System};
/// assert_eq!(system_of("p.json", r#"{"escalation_policies": [], "limit": 25}"#), Some(System::PagerDuty));
/// assert_eq!(system_of("o.json", r#"{"data": [], "took": 0.1, "requestId": "x"}"#), Some(System::Opsgenie));
/// assert_eq!(system_of("g.json", r#"{"count": 0, "next": null, "results": []}"#), Some(System::GrafanaOncall));
/// assert_eq!(system_of("q.json", r#"{"data": {"rotations": {"nodes": []}}}"#), Some(System::GoAlert));
/// assert_eq!(system_of("main.tf", "resource \"pagerduty_user\" \"a\" {}"), Some(System::Terraform));
/// assert_eq!(system_of("x.json", "not json"), None);
/// ```
pub fn system_of(name: &str, text: &str) -> Option<System> {
    if name.to_ascii_lowercase().ends_with(".tf") {
        return Some(System::Terraform);
    }
    match serde_json::from_str::<Value>(text).ok()? {
        Value::Object(o) => of_object(&o),
        Value::Array(items) => items.iter().find_map(|i| i.as_object().and_then(of_item)),
        _ => None,
    }
}

/// The one system every document that can be placed comes from; `None` when none can
/// be placed or they disagree.
pub fn system_of_all<'a>(docs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<System> {
    let mut found = None;
    for (name, text) in docs {
        match (found, system_of(name, text)) {
            (_, None) => {}
            (None, s) => found = s,
            (Some(a), Some(b)) if a != b => return None,
            _ => {}
        }
    }
    found
}

/// A whole answer: an envelope or a single object.
fn of_object(o: &Map<String, Value>) -> Option<System> {
    if o.contains_key("requestId") || o.contains_key("took") {
        return Some(System::Opsgenie);
    }
    if let Some(data) = o.get("data") {
        return match data {
            Value::Object(d) if d.keys().all(|k| GOALERT_FIELDS.contains(&k.as_str())) => {
                Some(System::GoAlert)
            }
            // a GraphQL answer with errors only
            Value::Null if o.contains_key("errors") => Some(System::GoAlert),
            Value::Object(_) | Value::Array(_) => Some(System::Opsgenie),
            _ => None,
        };
    }
    if o.contains_key("results") || (o.contains_key("count") && o.contains_key("next")) {
        return Some(System::GrafanaOncall);
    }
    if ENVELOPES.iter().any(|k| o.contains_key(*k)) {
        return Some(System::PagerDuty);
    }
    of_item(o)
}

/// One object, bare: told apart by the fields only one system has.
fn of_item(o: &Map<String, Value>) -> Option<System> {
    let has = |keys: &[&str]| keys.iter().any(|k| o.contains_key(*k));
    if has(&PAGERDUTY_FIELDS) {
        Some(System::PagerDuty)
    } else if has(&GRAFANA_FIELDS) {
        Some(System::GrafanaOncall)
    } else if has(&["ownerTeam", "fullName", "notifyType"]) {
        Some(System::Opsgenie)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disagreeing_documents_place_none() {
        let pd = r#"{"escalation_policies": []}"#;
        let og = r#"{"data": [], "requestId": "r"}"#;
        assert_eq!(
            system_of_all([("a.json", pd), ("b.json", "??")]),
            Some(System::PagerDuty)
        );
        assert_eq!(system_of_all([("a.json", pd), ("b.json", og)]), None);
        assert_eq!(system_of_all([]), None);
    }

    #[test]
    fn bare_objects_by_their_fields() {
        assert_eq!(
            system_of("a.json", r#"[{"id": "P1", "escalation_rules": []}]"#),
            Some(System::PagerDuty)
        );
        assert_eq!(
            system_of("a.json", r#"{"id": "C1", "name": "x", "team_id": null}"#),
            Some(System::GrafanaOncall)
        );
        assert_eq!(system_of("a.json", r#"{"id": "x"}"#), None);
    }
}
