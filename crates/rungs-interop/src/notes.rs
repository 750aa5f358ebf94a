//! What an import reports: notes on values dropped, approximated or defaulted, and the
//! error that stops an import.

use std::fmt;

use serde::Serialize;

/// How much a note matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteSeverity {
    /// Something was defaulted or translated the way the vendor defines it: worth knowing,
    /// nothing lost.
    Info,
    /// Something was approximated or left out: the ladder behaves differently from the
    /// source there.
    Warning,
}

impl NoteSeverity {
    /// `info` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteSeverity::Info => "info",
            NoteSeverity::Warning => "warning",
        }
    }
}

/// Where in a source file a note or an error points: a JSON Pointer for JSON, a line
/// for Terraform.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SourceRef {
    /// The file's name as given.
    pub file: String,
    /// JSON Pointer (RFC 6901) into a JSON file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// 1-based line in a Terraform file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

impl SourceRef {
    /// A place in a JSON file.
    pub fn json(file: &str, pointer: impl Into<String>) -> SourceRef {
        SourceRef {
            file: file.to_string(),
            pointer: Some(pointer.into()),
            line: None,
        }
    }

    /// A line of a Terraform file.
    pub fn line(file: &str, line: u32) -> SourceRef {
        SourceRef {
            file: file.to_string(),
            pointer: None,
            line: Some(line),
        }
    }
}

impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        match (&self.pointer, self.line) {
            (_, Some(line)) => write!(f, ":{line}"),
            (Some(p), None) if !p.is_empty() => write!(f, " at {p}"),
            _ => Ok(()),
        }
    }
}

/// One thing the user should know about an import or an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// How much it matters.
    pub severity: NoteSeverity,
    /// What happened, as a sentence ("Rule 3 notifies a webhook: left out").
    pub message: String,
    /// Where in the source.
    pub source: SourceRef,
    /// JSON Pointer into the resulting ladder, when the value went somewhere (written as
    /// `null` when not, so every note has the key).
    pub pointer: Option<String>,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.severity.as_str(),
            self.source,
            self.message
        )?;
        if let Some(p) = &self.pointer {
            write!(f, " (ladder {p})")?;
        }
        Ok(())
    }
}

/// The notes an import collects, in the order they were found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notes(pub Vec<Note>);

impl Notes {
    /// Something defaulted or translated as the vendor defines it.
    pub fn info(&mut self, source: SourceRef, message: impl Into<String>) -> &mut Note {
        self.push(NoteSeverity::Info, source, message)
    }

    /// Something approximated or left out.
    pub fn warn(&mut self, source: SourceRef, message: impl Into<String>) -> &mut Note {
        self.push(NoteSeverity::Warning, source, message)
    }

    fn push(
        &mut self,
        severity: NoteSeverity,
        source: SourceRef,
        message: impl Into<String>,
    ) -> &mut Note {
        self.0.push(Note {
            severity,
            message: message.into(),
            source,
            pointer: None,
        });
        self.0.last_mut().expect("just pushed")
    }
}

impl Note {
    /// Says where in the ladder the value went.
    pub fn at(&mut self, ladder_pointer: impl Into<String>) -> &mut Note {
        self.pointer = Some(ladder_pointer.into());
        self
    }
}

/// Why an import failed: nothing is imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportError {
    /// The file, when one is at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// 1-based line (0: the whole file).
    pub line: u32,
    /// 1-based column (0: the whole line or file).
    pub column: u32,
    /// JSON Pointer of the offending value in a JSON file, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// What is wrong, for a person.
    pub message: String,
}

impl ImportError {
    /// A problem with the input as a whole.
    pub fn whole(message: impl Into<String>) -> ImportError {
        ImportError {
            file: None,
            line: 0,
            column: 0,
            pointer: None,
            message: message.into(),
        }
    }

    /// A problem at a line and column of a file.
    pub fn at(file: &str, line: u32, column: u32, message: impl Into<String>) -> ImportError {
        ImportError {
            file: Some(file.to_string()),
            line,
            column,
            pointer: None,
            message: message.into(),
        }
    }

    /// A problem with a value of a JSON file, at its pointer.
    pub fn at_pointer(
        file: &str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> ImportError {
        ImportError {
            file: Some(file.to_string()),
            line: 0,
            column: 0,
            pointer: Some(pointer.into()),
            message: message.into(),
        }
    }

    /// A problem at a place a note would point to.
    pub fn at_source(source: &SourceRef, message: impl Into<String>) -> ImportError {
        ImportError {
            file: Some(source.file.clone()),
            line: source.line.unwrap_or(0),
            column: 0,
            pointer: source.pointer.clone(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            f.write_str(file)?;
            if self.line > 0 {
                write!(f, ":{}", self.line)?;
                if self.column > 0 {
                    write!(f, ":{}", self.column)?;
                }
            }
            if let Some(p) = self.pointer.as_deref().filter(|p| !p.is_empty()) {
                write!(f, " at {p}")?;
            }
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}
