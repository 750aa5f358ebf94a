//! Differential test of the JSON Pointers in parse errors: for many malformed documents
//! (mutations of every node of the examples, of their scenarios as standalone documents and
//! of small hand-written documents), the pointer, line and column that `parse_ladder` and
//! `parse_scenario` report equal what `serde_path_to_error` finds by wrapping the
//! deserializer (the reference; a dev-dependency only).

use rungs_core::parse::escape_pointer_token;
use rungs_core::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// A string value that stands for a raw JSON fragment, replaced after serialising.
const MARK: &str = "\u{1}MARK\u{1}";
const MARK_JSON: &str = "\"\\u0001MARK\\u0001\"";

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => out.push_str(&format!("/{}", escape_pointer_token(key))),
            Segment::Enum { variant } => {
                out.push_str(&format!("/{}", escape_pointer_token(variant)))
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// What the reference reports for `text` read as `T`: `None` when the text is not JSON, has
/// the wrong `format` (both refused before the shape is read) or reads fine.
fn reference<T: DeserializeOwned>(text: &str, tag: &str) -> Option<(String, usize, usize)> {
    #[derive(serde::Deserialize)]
    struct Probe {
        format: Option<Value>,
    }
    let probe: Probe = serde_json::from_str(text).ok()?;
    if probe.format != Some(Value::String(tag.into())) {
        return None;
    }
    reference_fragment::<T>(text)
}

#[derive(Default)]
struct Tally {
    checked: usize,
    failures: Vec<String>,
}

impl Tally {
    fn check(&mut self, text: &str, scenario: bool) {
        let (expected, got) = if scenario {
            (
                reference::<ScenarioDocument>(text, ScenarioFormat::TAG),
                parse_scenario(text).err(),
            )
        } else {
            (
                reference::<Ladder>(text, LadderFormat::TAG),
                parse_ladder(text).err(),
            )
        };
        let Some(expected) = expected else { return };
        self.checked += 1;
        let got = got.map(|e| (e.pointer.clone(), e.line, e.column, e.to_string()));
        match got {
            Some((p, l, c, _))
                if (p.as_str(), l, c) == (expected.0.as_str(), expected.1, expected.2) => {}
            other => {
                let shown: String = text.chars().take(300).collect();
                self.failures.push(format!(
                    "expected {expected:?}, got {other:?}\n  text: {shown}"
                ));
            }
        }
    }

    fn finish(self, what: &str) {
        assert!(self.checked > 0, "{what}: nothing checked");
        if !self.failures.is_empty() {
            let n = self.failures.len();
            let first: Vec<&String> = self.failures.iter().take(25).collect();
            panic!(
                "{what}: {n} of {} documents differ; the first:\n{}",
                self.checked,
                first
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
        eprintln!("{what}: {} documents agree", self.checked);
    }
}

/// Every node's pointer, parents first.
fn nodes(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![(String::new(), doc)];
    while let Some((p, v)) = todo.pop() {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    todo.push((format!("{p}/{}", escape_pointer_token(k)), child));
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    todo.push((format!("{p}/{i}"), child));
                }
            }
            _ => {}
        }
        out.push(p);
    }
    out
}

/// The raw fragments a node is replaced with.
fn fragments() -> Vec<String> {
    let mut out: Vec<String> = [
        "5",
        "-1",
        "0",
        "1.5",
        "1e400",
        "123456789012345678901234567890",
        "true",
        "null",
        "\"x\"",
        "\"BAD!\"",
        "\"\"",
        "\"person\"",
        "\"containment\"",
        "\"escalate\"",
        "\"mon\"",
        "\"25:00\"",
        "\"Mars/Olympus\"",
        "\"2026-03-14T03:00:00Z\"",
        "\"2026-13-14\"",
        "\"5m\"",
        "\"5x\"",
        "\"a/b~c\"",
        "\"\\ud800\"",
        "\"esc\\\"aped\\\\\\u00e9\"",
        "[]",
        "{}",
        "[1]",
        "[\"5m\"]",
        "[\"5m\", 2, 3]",
        "[\"5m\", 2, {}]",
        "[\"5m\", 2, [3]]",
        "[\"5m\", \"x\"]",
        "[[\"5m\", 1]]",
        "{\"x\": 1}",
        "{\"person\": \"BAD!\"}",
        "{\"person\": \"ana\"}",
        "{\"person\": \"ana\", \"role\": \"b\"}",
        "{\"person\": \"ana\" , \"role\": \"b\"}",
        "{\"person\": 5}",
        "{\"person\": null}",
        "{\"persn\": \"a\"}",
        "{\"containment\": null}",
        "{\"containment\": 5}",
        "{\"containment\": null, \"x\": 1}",
        "{\"at\": \"5m\", \"note\": 5}",
        "{\"at\": \"5m\", \"note\": \"n\"}",
        "{\"at\": \"5m\", \"unavailable\": \"BAD!\"}",
        "{\"median\": \"5m\", \"p90\": \"1h\"}",
        "{\"median\": \"5m\", \"median\": \"1h\"}",
        "{\"median\": \"5m\"}",
        "{\"k\\\"ey\\\\\\u00e9/~\": 1}",
        "{\"\\ud800\": 1}",
        "{\"a\": 1,\n\t\"b\": [ 1 , 2 ] }",
        "[ \"BAD!\" , \"ok\" ]",
        "[\"ok\", \"BAD!\"]",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    out.push(format!("{}{}", "[".repeat(200), "]".repeat(200)));
    out.push(format!("{}1{}", "{\"a\":".repeat(150), "}".repeat(150)));
    out.push(format!("[{}{}]", "{\"a\":[".repeat(70), "]}".repeat(70)));
    out
}

/// The document as text, compact or pretty, with the marker replaced by `raw`.
fn render(doc: &Value, raw: Option<&str>, pretty: bool) -> String {
    let text = if pretty {
        serde_json::to_string_pretty(doc).unwrap()
    } else {
        serde_json::to_string(doc).unwrap()
    };
    match raw {
        Some(raw) => text.replacen(MARK_JSON, raw, 1),
        None => text,
    }
}

/// Each node replaced by every `stride`-th fragment (a different choice for each node),
/// and every `shape_stride`-th node changed in shape (keys removed, added, doubled;
/// elements removed, added), compact and pretty.
fn mutate_all(doc: &Value, scenario: bool, stride: usize, shape_stride: usize, tally: &mut Tally) {
    let fragments = fragments();
    for (n, at) in nodes(doc).iter().enumerate() {
        let node = doc.pointer(at).unwrap().clone();
        let mut variants: Vec<(Value, Option<String>)> = Vec::new();
        if !at.is_empty() {
            for (i, raw) in fragments.iter().enumerate() {
                if (n + i) % stride == 0 {
                    let mut d = doc.clone();
                    *d.pointer_mut(at).unwrap() = MARK.into();
                    variants.push((d, Some(raw.clone())));
                }
            }
        }
        match &node {
            _ if n % shape_stride != 0 => {}
            Value::Object(map) => {
                for key in map.keys() {
                    let mut d = doc.clone();
                    d.pointer_mut(at)
                        .unwrap()
                        .as_object_mut()
                        .unwrap()
                        .remove(key);
                    variants.push((d, None));
                }
                for key in ["zz", "nmae", "a/b~c", "k\"ey\\é", "person", "at"] {
                    let mut d = doc.clone();
                    d.pointer_mut(at).unwrap()[key] = json!(1);
                    variants.push((d, None));
                }
                if let Some((k, v)) = map.iter().next() {
                    // the same key twice, only expressible as text
                    let mut d = doc.clone();
                    *d.pointer_mut(at).unwrap() = MARK.into();
                    let k = serde_json::to_string(k).unwrap();
                    let v = serde_json::to_string(v).unwrap();
                    let rest: Vec<String> = map
                        .iter()
                        .skip(1)
                        .map(|(k, v)| {
                            format!(
                                "{}:{}",
                                serde_json::to_string(k).unwrap(),
                                serde_json::to_string(v).unwrap()
                            )
                        })
                        .collect();
                    let mut body = vec![format!("{k}:{v}"), format!("{k}:{v}")];
                    body.extend(rest);
                    variants.push((d, Some(format!("{{{}}}", body.join(",")))));
                }
            }
            Value::Array(items) => {
                if !items.is_empty() {
                    let mut d = doc.clone();
                    d.pointer_mut(at).unwrap().as_array_mut().unwrap().pop();
                    variants.push((d, None));
                    let mut d = doc.clone();
                    let first = items[0].clone();
                    d.pointer_mut(at)
                        .unwrap()
                        .as_array_mut()
                        .unwrap()
                        .push(first);
                    variants.push((d, None));
                }
                for extra in [json!(3), json!("x"), json!({})] {
                    let mut d = doc.clone();
                    d.pointer_mut(at)
                        .unwrap()
                        .as_array_mut()
                        .unwrap()
                        .push(extra);
                    variants.push((d, None));
                }
            }
            _ => {}
        }
        for (d, raw) in &variants {
            for pretty in [false, true] {
                tally.check(&render(d, raw.as_deref(), pretty), scenario);
            }
        }
    }
}

fn minimal_ladder() -> Value {
    json!({
        "format": "rungs.ladder/v1",
        "name": "Minimal",
        "tiers": [{
            "id": "sev1", "name": "SEV1", "rank": 1,
            "owners": { "commander": { "role": "ic" } },
            "on_breach": { "acknowledge": "escalate" },
            "escalation": { "steps": [{ "notify": [{ "person": "ana" }, { "rotation": "primary" }], "escalate_after": "5m" }] }
        }],
        "defaults": { "response": { "ack_median": "2m", "ack_p90": "10m", "miss": 0.1 } }
    })
}

fn minimal_scenario() -> Value {
    json!({
        "format": "rungs.scenario/v1",
        "name": "Checkout errors at 3 a.m.",
        "start": "2026-03-14T03:00:00Z",
        "signals": [{ "service": "checkout", "metric": "error_rate", "points": [["0m", 0.01], ["5m", 0.08]] }],
        "injects": [{ "at": "10m", "unavailable": "ana", "for": "2h" }, { "at": "25m", "note": "Processor down" }],
        "work": { "contain_after_ack": { "median": "20m", "p90": "45m" },
                  "resolve_after_contain": { "median": "1h", "p90": "3h" } }
    })
}

#[test]
fn small_documents_every_mutation() {
    let mut tally = Tally::default();
    mutate_all(&minimal_ladder(), false, 1, 1, &mut tally);
    mutate_all(&minimal_scenario(), true, 1, 1, &mut tally);
    tally.finish("small documents");
}

#[test]
fn examples_and_their_scenarios() {
    let mut tally = Tally::default();
    for example in examples::EXAMPLES {
        let doc: Value = serde_json::from_str(example.json).unwrap();
        mutate_all(&doc, false, 32, 4, &mut tally);
        let ladder = parse_ladder(example.json).unwrap();
        for s in &ladder.scenarios {
            let doc: Value = serde_json::from_str(&to_canonical_json(&s.to_document())).unwrap();
            mutate_all(&doc, true, 8, 2, &mut tally);
        }
    }
    tally.finish("examples");
}

#[test]
fn the_original_text_of_the_examples_with_one_value_changed() {
    // The examples as written (their own whitespace and key order): each string value
    // replaced in the text by a bad one.
    let mut tally = Tally::default();
    for example in examples::EXAMPLES {
        let text = example.json;
        let mut starts = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'"' {
                let start = i;
                i += 1;
                while bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                starts.push((start, i + 1));
            }
            i += 1;
        }
        for (n, &(start, end)) in starts.iter().enumerate() {
            if n % 3 != 0 {
                continue;
            }
            for raw in ["\"BAD!\"", "7", "{\"x\": 1}", "\"\\ud800\""] {
                let mutated = format!("{}{raw}{}", &text[..start], &text[end..]);
                tally.check(&mutated, false);
            }
        }
    }
    tally.finish("example text");
}

/// The reference on `text` read as `T` directly (no format check).
fn reference_fragment<T: DeserializeOwned>(text: &str) -> Option<(String, usize, usize)> {
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(_) => de
            .end()
            .err()
            .map(|e| (String::new(), e.line(), e.column())),
        Err(e) => {
            let pointer = pointer_of(e.path());
            let inner = e.into_inner();
            Some((pointer, inner.line(), inner.column()))
        }
    }
}

/// `parse_fragment` on text cut short or with a stray character: the same error and
/// position; the same pointer when the text is still JSON, none when it is not.
#[test]
fn fragments_cut_short_or_broken() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for doc in [minimal_ladder(), minimal_scenario()] {
        for text in [
            serde_json::to_string(&doc).unwrap(),
            serde_json::to_string_pretty(&doc).unwrap(),
        ] {
            let mut cases = Vec::new();
            for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                cases.push(text[..cut].to_string());
                for junk in ["x", ",", "}", "]", ":", "\"", "1"] {
                    cases.push(format!("{}{junk}{}", &text[..cut], &text[cut..]));
                }
            }
            for case in cases {
                let (expected, got) = if doc["format"] == "rungs.ladder/v1" {
                    (
                        reference_fragment::<Ladder>(&case),
                        parse::parse_fragment::<Ladder>(&case).err(),
                    )
                } else {
                    (
                        reference_fragment::<ScenarioDocument>(&case),
                        parse::parse_fragment::<ScenarioDocument>(&case).err(),
                    )
                };
                let Some(mut expected) = expected else {
                    continue;
                };
                let syntax = got
                    .as_ref()
                    .is_some_and(|e| e.kind == ParseErrorKind::Syntax);
                if syntax && serde_json::from_str::<serde::de::IgnoredAny>(&case).is_err() {
                    // A syntax error in text that is not JSON: the same line and column,
                    // and no pointer.
                    expected.0 = String::new();
                }
                checked += 1;
                let got = got.map(|e| (e.pointer, e.line, e.column));
                if got.as_ref() != Some(&expected) {
                    failures.push(format!(
                        "expected {expected:?}, got {got:?}\n  text: {case}"
                    ));
                }
            }
        }
    }
    let n = failures.len();
    failures.truncate(30);
    assert!(n == 0, "{n} of {checked} differ:\n{}", failures.join("\n"));
}
