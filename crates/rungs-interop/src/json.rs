//! Reading vendor JSON: parse errors with line and column, and [`Item`], a value with the
//! file and JSON Pointer it came from, so every note and error can say where.

use serde_json::Value;

use crate::notes::{ImportError, SourceRef};
use crate::SourceFile;

/// Parses `file` as JSON.
///
/// # Errors
/// A syntax error with the file, line and column (nesting deeper than 128 levels is one).
pub fn parse(file: &SourceFile) -> Result<Value, ImportError> {
    serde_json::from_str(&file.text).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Eof => "the JSON ends too early",
            _ => "this is not valid JSON",
        };
        let detail = e.to_string();
        let detail = detail.split(" at line ").next().unwrap_or(&detail);
        let (line, column) = match e.column() {
            0 => just_past_the_text(&file.text, e.line()),
            column => (e.line(), column),
        };
        ImportError::at(
            &file.name,
            line as u32,
            column as u32,
            format!("{what} ({detail})"),
        )
    })
}

/// Where an error at the start of `line` (serde_json's column 0, as at the end of a file
/// that ends with a line break) is for a person: one past the last character before it
/// that is not white space (line 1, column 1 for a file of white space only).
fn just_past_the_text(text: &str, line: usize) -> (usize, usize) {
    let start = match line {
        0 | 1 => 0,
        n => text
            .match_indices('\n')
            .nth(n - 2)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    let before = text[..start.min(text.len())].trim_end();
    let line = before.matches('\n').count() + 1;
    let last = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    (line, last.chars().count() + 1)
}

/// A JSON value with where it came from.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// The file's name.
    pub file: &'a str,
    /// The value.
    pub value: &'a Value,
    /// Its JSON Pointer.
    pub pointer: String,
}

impl<'a> Item<'a> {
    /// The document's root.
    pub fn root(file: &'a str, value: &'a Value) -> Item<'a> {
        Item {
            file,
            value,
            pointer: String::new(),
        }
    }

    fn child(&self, token: &str, value: &'a Value) -> Item<'a> {
        let mut pointer = String::with_capacity(self.pointer.len() + token.len() + 1);
        pointer.push_str(&self.pointer);
        pointer.push('/');
        pointer.push_str(&rungs_core::parse::escape_pointer_token(token));
        Item {
            file: self.file,
            value,
            pointer,
        }
    }

    /// Where this item is, for a note.
    pub fn src(&self) -> SourceRef {
        SourceRef::json(self.file, self.pointer.clone())
    }

    /// Where this item's `key` is, for a note (whether or not it is present).
    pub fn src_at(&self, key: &str) -> SourceRef {
        SourceRef::json(
            self.file,
            format!(
                "{}/{}",
                self.pointer,
                rungs_core::parse::escape_pointer_token(key)
            ),
        )
    }

    /// An error at this item.
    pub fn error(&self, message: impl Into<String>) -> ImportError {
        ImportError::at_pointer(self.file, self.pointer.clone(), message)
    }

    /// The member `key`, if this is an object that has it (and it is not null).
    pub fn get(&self, key: &str) -> Option<Item<'a>> {
        let value = self.value.as_object()?.get(key)?;
        (!value.is_null()).then(|| self.child(key, value))
    }

    /// The elements of this array (none when it is not an array).
    pub fn elements(&self) -> Vec<Item<'a>> {
        let values: &'a [Value] = self.value.as_array().map_or(&[], |a| a.as_slice());
        values
            .iter()
            .enumerate()
            .map(|(i, v)| self.child(&i.to_string(), v))
            .collect()
    }

    /// The members of this object, in document order (none when it is not an object).
    pub fn members(&self) -> Vec<(&'a str, Item<'a>)> {
        match self.value.as_object() {
            None => Vec::new(),
            Some(o) => o
                .iter()
                .map(|(k, v)| (k.as_str(), self.child(k, v)))
                .collect(),
        }
    }

    /// The string `key`; absent or null is `None`.
    ///
    /// # Errors
    /// When present with another type.
    pub fn opt_str(&self, key: &str) -> Result<Option<&'a str>, ImportError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .value
                .as_str()
                .map(Some)
                .ok_or_else(|| v.error(expected("a string", v.value))),
        }
    }

    /// The string `key`, which must be there.
    ///
    /// # Errors
    /// When missing or of another type.
    pub fn req_str(&self, key: &str) -> Result<&'a str, ImportError> {
        self.opt_str(key)?
            .ok_or_else(|| self.error(format!("\"{key}\" is missing: expected a string")))
    }

    /// The whole number `key` (from 0 to 2^53); absent or null is `None`.
    ///
    /// # Errors
    /// When present as anything else.
    pub fn opt_u64(&self, key: &str) -> Result<Option<u64>, ImportError> {
        const MAX_SAFE: u64 = 1 << 53;
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v.value.as_u64() {
                Some(n) if n <= MAX_SAFE => Ok(Some(n)),
                _ => Err(v.error(expected(
                    "a whole number from 0 to 9007199254740992",
                    v.value,
                ))),
            },
        }
    }

    /// The boolean `key`; absent or null is `None`.
    ///
    /// # Errors
    /// When present with another type.
    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>, ImportError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .value
                .as_bool()
                .map(Some)
                .ok_or_else(|| v.error(expected("true or false", v.value))),
        }
    }

    /// The array `key`'s elements; absent or null is empty.
    ///
    /// # Errors
    /// When present with another type.
    pub fn opt_array(&self, key: &str) -> Result<Vec<Item<'a>>, ImportError> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(v) if v.value.is_array() => Ok(v.elements()),
            Some(v) => Err(v.error(expected("an array", v.value))),
        }
    }
}

/// "expected a string, found the number 3".
pub fn expected(what: &str, found: &Value) -> String {
    let found = match found {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!(
            "the string \"{}\"",
            rungs_core::text::truncate_for_display(s, 40)
        ),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    };
    format!("expected {what}, found {found}")
}

#[cfg(test)]
mod tests {
    use super::just_past_the_text;

    #[test]
    fn the_end_of_a_file_is_one_past_its_last_character() {
        assert_eq!(just_past_the_text("{\n  \"a\": [\n", 3), (2, 9));
        assert_eq!(just_past_the_text("{\n  \"é\": [\n\n\n", 5), (2, 9));
        assert_eq!(just_past_the_text("", 1), (1, 1));
        assert_eq!(just_past_the_text("\n\n", 3), (1, 1));
    }
}
