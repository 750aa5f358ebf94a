//! The JSON Pointer of a serde_json error, found from where serde_json stopped.
//!
//! Documents are deserialised with plain serde_json (tracking the path of every value
//! would wrap every deserializer, which costs code size). When that fails, the error's line
//! and column give a byte offset; a small scanner walks the text up to it, keeping the
//! stack of open containers (the current key of each object, the current index of each
//! array), and the kind of error says which pointer that position stands for. The rules
//! give the pointer `serde_path_to_error` gave (tests/pointer_diff.rs checks it on many
//! malformed documents):
//!
//! - a bad scalar (wrong type, bad duration, unknown enum value): serde_json stops just
//!   after it, so the pointer is the current slot (key or index) of the innermost container;
//! - a value of the wrong type that is an array or an object: serde_json stops at its
//!   opening bracket, so it is the slot that value starts;
//! - an unknown field: serde_json stops after the key, which is part of the pointer; an
//!   unknown variant of an externally tagged enum (`{"persn": …}`) stops there too, but the
//!   pointer is the enum's;
//! - a missing field or an array of the wrong length: serde_json stops after the closing
//!   bracket, and the pointer is that container's;
//! - an error a type raises after reading its value (`try_from` conversions, untagged
//!   enums, a string where a newtype variant is needed) has no position of its own, so
//!   serde_json gives the position where the enclosing container stopped: at the `,` after
//!   the value in an object, at the next element in an array, or after the closing bracket
//!   when it was the last. The pointer is the container's last slot (plus the variant
//!   name for a unit variant where a newtype variant was needed);
//! - a second key in an enum's object, or a second field of the same name: the enum's or
//!   the struct's pointer; trailing elements of a tuple: the tuple's;
//! - the recursion limit: the container that went one level too deep.
//!
//! Text that is not JSON gets no pointer, only the line and column of the syntax error
//! (documents are checked for syntax before their shape is read, so this only concerns
//! [`super::parse_fragment`] on broken text).
//!
//! The scanner reads each byte once, never recurses and never panics, whatever the text.

use serde_json::error::Category;

use super::escape_pointer_token;

/// Deeper than this the scanner gives up (serde_json itself stops at 128 levels).
const MAX_DEPTH: usize = 4096;

/// The last token the scanner read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Open,
    Key,
    Colon,
    Value,
    Comma,
    Close,
}

/// Where a container is: its current member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Before the first member.
    None,
    /// An object's key, as the range of its raw text between the quotes.
    Key(usize, usize),
    /// An array's element.
    Index(usize),
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    object: bool,
    slot: Slot,
    /// The raw range of the current member's value when it is a string.
    string: Option<(usize, usize)>,
}

/// The scanner's state at the stopping point.
struct Scan {
    stack: Vec<Frame>,
    last: Last,
    /// Where the last token starts and ends.
    last_start: usize,
    last_end: usize,
    /// The container the last `}` or `]` closed.
    closed: Option<Frame>,
}

/// What kind of error it is, for the pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Points at the container: missing field, wrong length, duplicate field.
    Container,
    /// Trailing elements: serde_json peeked one byte into the next element.
    Trailing,
    /// `expected value`: a scalar where an enum was expected (peeked), or a second key
    /// in an enum's object.
    ExpectedValue,
    /// An array or object of the wrong type: serde_json stopped at its bracket.
    WrongContainer,
    /// A string where a newtype variant was needed.
    UnitVariant,
    /// Anything else: the value at the current slot.
    Value,
}

fn classify(message: &str, text: &[u8], offset: usize) -> Class {
    let starts = |p: &str| message.starts_with(p);
    if starts("missing field") || starts("invalid length") || starts("duplicate field") {
        Class::Container
    } else if starts("trailing characters") || starts("trailing comma") {
        Class::Trailing
    } else if message == "expected value" {
        Class::ExpectedValue
    } else if (starts("invalid type: sequence") || starts("invalid type: map"))
        && matches!(text.get(offset), Some(b'[' | b'{'))
    {
        Class::WrongContainer
    } else if starts("invalid type: unit variant") {
        Class::UnitVariant
    } else {
        Class::Value
    }
}

/// The JSON Pointer of the value `error` is about, in `text` (which the error came from).
pub(super) fn locate(text: &str, error: &serde_json::Error, message: &str) -> String {
    if error.line() == 0 || error.classify() == Category::Io {
        return String::new();
    }
    // Text that is not JSON at all gets no pointer (the line and column say where): only
    // the errors of well-formed JSON are located. (Documents never get here without
    // being checked first; `serde_json` also calls some shape errors "syntax", such as a
    // second key in an enum's object.)
    if matches!(error.classify(), Category::Syntax | Category::Eof)
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_err()
    {
        return String::new();
    }
    let bytes = text.as_bytes();
    let offset = offset_of(bytes, error.line(), error.column());
    let class = classify(message, bytes, offset);
    let stop = match class {
        Class::Trailing => offset.saturating_sub(1),
        Class::WrongContainer => offset + 1,
        _ => offset,
    };
    let Some(scan) = scan(bytes, stop) else {
        return String::new();
    };
    let mut frames = scan.stack;
    if let (Last::Close, Some(closed)) = (scan.last, scan.closed) {
        if scan.last_end == stop {
            frames.push(closed);
        }
    }
    let include_last = match class {
        Class::Container | Class::Trailing => false,
        Class::ExpectedValue => scan.last == Last::Value && scan.last_start + 1 == offset,
        _ if scan.last == Last::Key => message.starts_with("unknown field"),
        _ => true,
    };
    let mut out = String::new();
    let n = frames.len();
    for (i, frame) in frames.iter().enumerate() {
        if i + 1 == n && !include_last {
            break;
        }
        match frame.slot {
            Slot::None => {}
            Slot::Key(start, end) => push_token(&mut out, &unescape(&bytes[start..end])),
            Slot::Index(index) => {
                out.push('/');
                out.push_str(&index.to_string());
            }
        }
        if i + 1 == n && class == Class::UnitVariant {
            if let Some((start, end)) = frame.string {
                push_token(&mut out, &unescape(&bytes[start..end]));
            }
        }
    }
    out
}

fn push_token(out: &mut String, token: &str) {
    out.push('/');
    out.push_str(&escape_pointer_token(token));
}

/// The byte offset of serde_json's 1-based line and 0-based byte column.
fn offset_of(text: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    let mut line_no = 1;
    while line_no < line {
        match text[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start += i + 1,
            None => break,
        }
        line_no += 1;
    }
    start.saturating_add(column).min(text.len())
}

/// Reads the tokens that start before `stop` (each to its end).
fn scan(text: &[u8], stop: usize) -> Option<Scan> {
    let mut s = Scan {
        stack: Vec::new(),
        last: Last::Nothing,
        last_start: 0,
        last_end: 0,
        closed: None,
    };
    let mut i = 0;
    while i < stop.min(text.len()) {
        let start = i;
        let b = text[i];
        i += 1;
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => continue,
            b'{' | b'[' => {
                if s.stack.len() >= MAX_DEPTH {
                    return None;
                }
                begin_value(&mut s.stack, None);
                s.stack.push(Frame {
                    object: b == b'{',
                    slot: Slot::None,
                    string: None,
                });
                s.last = Last::Open;
            }
            b'}' | b']' => {
                s.closed = s.stack.pop();
                s.last = Last::Close;
            }
            b':' => s.last = Last::Colon,
            b',' => s.last = Last::Comma,
            b'"' => {
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
                let inner = (start + 1, i.min(text.len()));
                i = (i + 1).min(text.len());
                let is_key = matches!(s.last, Last::Open | Last::Comma)
                    && s.stack.last().is_some_and(|f| f.object);
                if is_key {
                    if let Some(top) = s.stack.last_mut() {
                        top.slot = Slot::Key(inner.0, inner.1);
                        top.string = None;
                    }
                    s.last = Last::Key;
                } else {
                    begin_value(&mut s.stack, Some(inner));
                    s.last = Last::Value;
                }
            }
            _ => {
                while i < text.len()
                    && !matches!(
                        text[i],
                        b' ' | b'\t'
                            | b'\n'
                            | b'\r'
                            | b','
                            | b':'
                            | b'['
                            | b']'
                            | b'{'
                            | b'}'
                            | b'"'
                    )
                {
                    i += 1;
                }
                begin_value(&mut s.stack, None);
                s.last = Last::Value;
            }
        }
        s.last_start = start;
        s.last_end = i;
    }
    Some(s)
}

/// A value starts in the innermost container: the next index of an array.
fn begin_value(stack: &mut [Frame], string: Option<(usize, usize)>) {
    if let Some(top) = stack.last_mut() {
        if !top.object {
            top.slot = Slot::Index(match top.slot {
                Slot::Index(i) => i + 1,
                _ => 0,
            });
        }
        top.string = string;
    }
}

/// The text of a JSON string's raw contents, escapes resolved (a lone surrogate or a bad
/// escape gives U+FFFD).
fn unescape(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    if !raw.contains(&b'\\') {
        return text.into_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let hi = hex4(&mut chars);
                let c = match hi {
                    Some(hi @ 0xD800..=0xDBFF) => {
                        let mut ahead = chars.clone();
                        let lo = match (ahead.next(), ahead.next()) {
                            (Some('\\'), Some('u')) => hex4(&mut ahead),
                            _ => None,
                        };
                        match lo {
                            Some(lo @ 0xDC00..=0xDFFF) => {
                                chars = ahead;
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                            }
                            _ => None,
                        }
                    }
                    Some(code) => char::from_u32(code),
                    None => None,
                };
                out.push(c.unwrap_or('\u{FFFD}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut code = 0;
    for _ in 0..4 {
        code = code * 16 + chars.next()?.to_digit(16)?;
    }
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_keys() {
        assert_eq!(unescape(br#"a\"b\\c\/d\u00e9\ud83d\ude00"#), "a\"b\\c/dé😀");
        assert_eq!(unescape(br"\ud800x\u12"), "\u{FFFD}x\u{FFFD}");
        assert_eq!(unescape(b"\\"), "");
    }

    #[test]
    fn offsets_from_lines_and_columns() {
        let text = b"ab\ncd\n\nef";
        assert_eq!(offset_of(text, 1, 0), 0);
        assert_eq!(offset_of(text, 2, 1), 4);
        assert_eq!(offset_of(text, 4, 2), 9);
        assert_eq!(offset_of(text, 9, 99), 9);
    }

    #[test]
    fn hostile_text_never_panics() {
        for text in [
            "",
            "\"",
            "\"\\",
            "}}]]",
            "{\"a\\",
            "[[[[",
            "{\"a\":\"\\u",
            ",:,",
        ] {
            for stop in 0..=text.len() + 2 {
                let _ = scan(text.as_bytes(), stop);
            }
        }
        let deep = "[".repeat(MAX_DEPTH + 10);
        assert!(scan(deep.as_bytes(), deep.len()).is_none());
    }
}
