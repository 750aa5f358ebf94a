//! Writing Terraform safely, for the exporters: string literals, names and comments that
//! no text can break out of.

use std::fmt::Write as _;

/// An HCL string literal for `s`: quotes, backslashes, control characters and template
/// sequences (`${`, `%{`) escaped, so no name or note can break out of the string or be
/// evaluated by Terraform.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Terraform name (resource or data source label) made from an id: letters, digits,
/// `_` and `-`, starting with a letter or `_`.
pub fn name(id: &str) -> String {
    let mut out: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        out.insert(0, '_');
    }
    out
}

/// A `# comment` line for any text: each line of it commented, control characters
/// dropped.
pub fn comment(indent: usize, text: &str) -> String {
    let pad = "  ".repeat(indent);
    text.lines()
        .map(|l| {
            let clean: String = l.chars().filter(|c| !c.is_control()).collect();
            format!("{pad}# {clean}\n")
        })
        .collect()
}
