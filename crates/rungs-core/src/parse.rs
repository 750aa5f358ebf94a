//! Reading documents: size limit, format version, serde errors turned into messages that
//! say where (line, column and JSON Pointer) and what (with a suggestion for typos).

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Deserialize;

mod pointer;

use crate::model::{Ladder, LadderFormat, ScenarioDocument, ScenarioFormat};

/// The largest document Rungs reads, in bytes. Real ladders are a few hundred kilobytes.
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;

/// What kind of problem stopped a document from being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The text is not JSON (or is cut short).
    Syntax,
    /// The JSON does not have the format's shape: a missing or unknown field, a wrong type,
    /// a bad value.
    Shape,
    /// The `format` field is missing or names a version this build does not read.
    Format,
    /// The document is larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    /// What kind of problem it is.
    pub kind: ParseErrorKind,
    /// 1-based line of the problem (0 when it concerns the whole document).
    pub line: usize,
    /// 1-based column of the problem (0 when it concerns the whole document).
    pub column: usize,
    /// JSON Pointer (RFC 6901) to the offending value; empty for the whole document.
    pub pointer: String,
    /// What is wrong, for a person.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}, column {}", self.line, self.column)?;
            if !self.pointer.is_empty() {
                write!(f, " (at {})", self.pointer)?;
            }
            write!(f, ": ")?;
        } else if !self.pointer.is_empty() {
            write!(f, "at {}: ", self.pointer)?;
        }
        f.write_str(&self.message)
    }
}

/// Reads a ladder document.
///
/// ```
/// let err = rungs_core::parse_ladder(r#"{"format": "rungs.ladder/v1", "name": "x", "tires": []}"#)
///     .unwrap_err();
/// assert!(err.message.contains("did you mean `tiers`?"), "{err}");
/// ```
pub fn parse_ladder(text: &str) -> Result<Ladder, ParseError> {
    parse_document(text, LadderFormat::TAG, ScenarioFormat::TAG)
}

/// Whether a dropped or chosen file is meant as a Rungs ladder (then it is read as one,
/// and a broken one says why) rather than another tool's document, which the app hands
/// to its importers: a `.tf` file or a JSON array is another tool's, and so is a JSON
/// object with neither a Rungs `format` nor `tiers`. Text that is not JSON at all counts
/// as a ladder, so that its error is the ladder reader's, with line and column.
///
/// ```
/// use rungs_core::parse::is_ladder_document;
/// assert!(is_ladder_document("a.json", r#"{"format": "rungs.ladder/v1", "name": "x"}"#));
/// assert!(is_ladder_document("a.json", "{ broken"));
/// assert!(!is_ladder_document("a.json", r#"{"escalation_policies": []}"#));
/// assert!(!is_ladder_document("main.tf", "resource \"x\" \"y\" {}"));
/// ```
pub fn is_ladder_document(name: &str, text: &str) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        format: Option<serde::de::IgnoredAny>,
        tiers: Option<serde::de::IgnoredAny>,
    }
    if name.to_ascii_lowercase().ends_with(".tf") {
        return false;
    }
    match text.trim_start().as_bytes().first() {
        Some(b'[') => false,
        Some(b'{') => serde_json::from_str::<Probe>(text)
            .map_or(true, |p| p.format.is_some() || p.tiers.is_some()),
        _ => true,
    }
}

/// Reads a standalone scenario document.
pub fn parse_scenario(text: &str) -> Result<ScenarioDocument, ParseError> {
    parse_document(text, ScenarioFormat::TAG, LadderFormat::TAG)
}

/// The document as canonical, pretty JSON (two-space indent, fields in the format's order,
/// empty optional collections left out, durations and instants in canonical form).
pub fn to_canonical_json<T: serde::Serialize>(doc: &T) -> String {
    let mut out = write_json(doc, Pretty::default());
    out.push('\n');
    out
}

/// The document as compact JSON, byte for byte what `serde_json::to_string` writes (a
/// share link's payload). It goes through the canonical writer's formatter, so the
/// browser's wasm holds one copy of each document's serializer, not two.
pub fn to_compact_json<T: serde::Serialize>(doc: &T) -> String {
    write_json(
        doc,
        Pretty {
            compact: true,
            ..Pretty::default()
        },
    )
}

fn write_json<T: serde::Serialize>(doc: &T, formatter: Pretty) -> String {
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    doc.serialize(&mut ser)
        .expect("the model always serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// serde_json's `PrettyFormatter` with a two-space indent, byte for byte, but writing each
/// line break and its indentation at once instead of one write per level; or, `compact`,
/// its `CompactFormatter`.
struct Pretty {
    /// `",\n"` and the indentation of the current level.
    newline: Vec<u8>,
    has_value: bool,
    /// No line breaks, no indentation, no space after a colon.
    compact: bool,
}

impl Default for Pretty {
    fn default() -> Self {
        Pretty {
            newline: b",\n".to_vec(),
            has_value: false,
            compact: false,
        }
    }
}

impl Pretty {
    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        if self.compact {
            return w.write_all(c);
        }
        self.newline.extend_from_slice(b"  ");
        self.has_value = false;
        w.write_all(c)
    }

    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        if self.compact {
            return w.write_all(c);
        }
        self.newline.truncate(self.newline.len() - 2);
        if self.has_value {
            w.write_all(&self.newline[1..])?;
        }
        w.write_all(c)
    }

    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        match (self.compact, first) {
            (true, true) => Ok(()),
            (true, false) => w.write_all(b","),
            (false, _) => w.write_all(&self.newline[usize::from(first)..]),
        }
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(if self.compact { b":" } else { b": " })
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[derive(Deserialize)]
struct FormatProbe {
    format: Option<serde_json::Value>,
}

fn parse_document<T: DeserializeOwned>(
    text: &str,
    expected: &'static str,
    sibling: &'static str,
) -> Result<T, ParseError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ParseError {
            kind: ParseErrorKind::TooLarge,
            line: 0,
            column: 0,
            pointer: String::new(),
            message: format!(
                "the document is {:.1} MB; Rungs reads documents of at most {} MB",
                text.len() as f64 / 1_048_576.0,
                MAX_DOCUMENT_BYTES / 1_048_576
            ),
        });
    }
    // Check the version first, so a v2 document gets "unsupported version" rather than
    // a list of fields v1 does not know.
    let probe: FormatProbe =
        serde_json::from_str(text).map_err(|e| from_serde(e, String::new()))?;
    check_format(probe.format, expected, sibling)?;
    parse_fragment(text)
}

fn check_format(
    found: Option<serde_json::Value>,
    expected: &'static str,
    sibling: &'static str,
) -> Result<(), ParseError> {
    let fail = |message: String| ParseError {
        kind: ParseErrorKind::Format,
        line: 0,
        column: 0,
        pointer: "/format".into(),
        message,
    };
    match found {
        None => Err(ParseError {
            pointer: String::new(),
            ..fail(format!(
                "missing field `format`: this build reads \"{expected}\""
            ))
        }),
        Some(serde_json::Value::String(s)) if s == expected => Ok(()),
        Some(serde_json::Value::String(s)) if s == sibling => Err(fail(format!(
            "this is a \"{sibling}\" document, but a \"{expected}\" document was expected"
        ))),
        Some(serde_json::Value::String(s)) => Err(fail(format!(
            "unsupported format \"{}\": this build reads \"{expected}\" only",
            crate::text::truncate_for_display(&s, 60)
        ))),
        Some(other) => Err(fail(format!(
            "`format` must be the string \"{expected}\", found {}",
            json_kind(&other)
        ))),
    }
}

fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Escapes one reference token of a JSON Pointer (RFC 6901).
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn from_serde(e: serde_json::Error, pointer: String) -> ParseError {
    use serde_json::error::Category;
    let kind = match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => ParseErrorKind::Syntax,
        Category::Data => ParseErrorKind::Shape,
    };
    let message = raw_message(&e);
    let message = match kind {
        ParseErrorKind::Syntax if e.classify() == Category::Eof => {
            format!("{message} (the document is cut short)")
        }
        _ => humanize(&message),
    };
    ParseError {
        kind,
        line: e.line(),
        column: e.column(),
        pointer,
        message,
    }
}

/// serde_json's message without the " at line L column C" it appends (reported separately).
fn raw_message(e: &serde_json::Error) -> String {
    let mut raw = e.to_string();
    if let Some(i) = raw.rfind(" at line ") {
        raw.truncate(i);
    }
    raw
}

/// Rewrites serde's messages for people: a suggestion for unknown names, and plain words
/// for the untagged inject.
fn humanize(message: &str) -> String {
    for what in ["field", "variant"] {
        if let Some(rest) = message.strip_prefix(&format!("unknown {what} `")) {
            let Some(end) = rest.find('`') else { break };
            let name = &rest[..end];
            let expected: Vec<&str> = rest[end + 1..].split('`').skip(1).step_by(2).collect();
            let shown = crate::text::truncate_for_display(name, 60);
            let noun = if what == "field" { "field" } else { "value" };
            return match crate::text::closest(name, expected.iter().copied()) {
                Some(best) => format!("unknown {noun} `{shown}`, did you mean `{best}`?"),
                None if expected.is_empty() => {
                    format!("unknown {noun} `{shown}`: none is allowed here")
                }
                None => format!(
                    "unknown {noun} `{shown}`; expected one of {}",
                    expected
                        .iter()
                        .map(|e| format!("`{e}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
        }
    }
    if message.contains("untagged enum Inject") {
        return "an inject must be either {\"at\", \"unavailable\", \"for\"?} or {\"at\", \"note\"}, with valid values".into();
    }
    message.to_string()
}

/// Parses `text` as `T`, with the same error reporting as documents (for fragments).
pub fn parse_fragment<T: DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut de).map_err(|e| {
        let pointer = pointer::locate(text, &e, &raw_message(&e));
        from_serde(e, pointer)
    })?;
    de.end().map_err(|e| from_serde(e, String::new()))?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The formatter writes what serde_json's pretty printer writes, byte for byte.
    #[test]
    fn canonical_json_is_serde_json_pretty() {
        let value = serde_json::json!({
            "a": [], "b": {}, "c": [[], {}, [1, [2, {"d": []}]]], "e": {"f": {"g": {}}},
            "s": "quote \" and \u{1} and é", "n": null, "t": true, "x": 1.5
        });
        let expected = serde_json::to_string_pretty(&value).unwrap() + "\n";
        assert_eq!(to_canonical_json(&value), expected);
        for example in crate::examples::EXAMPLES {
            let ladder = parse_ladder(example.json).unwrap();
            let expected = serde_json::to_string_pretty(&ladder).unwrap() + "\n";
            assert_eq!(to_canonical_json(&ladder), expected, "{}", example.key);
        }
    }

    #[test]
    fn compact_json_is_serde_json_compact() {
        let value = serde_json::json!({
            "a": [], "b": {}, "c": [[], {}, [1, [2, {"d": []}]]], "e": {"f": {"g": {}}},
            "s": "quote \" and \u{1} and é", "n": null, "t": true, "x": 1.5
        });
        assert_eq!(
            to_compact_json(&value),
            serde_json::to_string(&value).unwrap()
        );
        for example in crate::examples::EXAMPLES {
            let ladder = parse_ladder(example.json).unwrap();
            let expected = serde_json::to_string(&ladder).unwrap();
            assert_eq!(to_compact_json(&ladder), expected, "{}", example.key);
        }
    }
}
