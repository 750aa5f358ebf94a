//! `rungs validate`: check documents and report in text or JSON.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use rungs_core::{Diagnostic, Instant, Report, Severity};

/// The outcome of checking one file.
pub struct Checked {
    /// The file as named on the command line.
    file: String,
    /// What was found; `None` when the file could not be read at all.
    report: Option<Report>,
    /// Why the file could not be read.
    unreadable: Option<String>,
}

fn read_or_fail(path: &Path) -> Result<String, Checked> {
    crate::read_document(path).map_err(|why| Checked {
        file: path.display().to_string(),
        report: None,
        unreadable: Some(why),
    })
}

fn parse_failure(e: &rungs_core::ParseError) -> Report {
    Report {
        diagnostics: vec![Diagnostic::from_parse_error(e)],
    }
}

/// Checks a ladder file.
pub fn ladder_file(path: &Path, at: Instant) -> Checked {
    let text = match read_or_fail(path) {
        Ok(t) => t,
        Err(c) => return c,
    };
    let report = match rungs_core::parse_ladder(&text) {
        Ok(ladder) => rungs_core::validate_ladder(&ladder, at),
        Err(e) => parse_failure(&e),
    };
    Checked {
        file: path.display().to_string(),
        report: Some(report),
        unreadable: None,
    }
}

/// Checks a scenario file against a ladder file.
pub fn scenario_file(scenario: &Path, ladder: &Path) -> Checked {
    let (s_text, l_text) = match (read_or_fail(scenario), read_or_fail(ladder)) {
        (Ok(s), Ok(l)) => (s, l),
        (Err(c), _) | (_, Err(c)) => return c,
    };
    let file = scenario.display().to_string();
    let report = match rungs_core::parse_ladder(&l_text) {
        Err(e) => {
            let mut d = Diagnostic::from_parse_error(&e);
            d.message = format!(
                "The ladder {} cannot be read: {}",
                ladder.display(),
                d.message
            );
            Report {
                diagnostics: vec![d],
            }
        }
        Ok(l) => match rungs_core::parse_scenario(&s_text) {
            Ok(s) => rungs_core::validate_scenario(&s, &l),
            Err(e) => parse_failure(&e),
        },
    };
    Checked {
        file,
        report: Some(report),
        unreadable: None,
    }
}

/// Prints every result and returns the exit status.
pub fn print(checked: &[Checked], json: bool, deny_warnings: bool) -> ExitCode {
    let mut out = String::new();
    let mut any_error = false;
    let mut any_warning = false;
    let mut any_unreadable = false;
    for c in checked {
        if let Some(why) = &c.unreadable {
            eprintln!("error: {why}");
            any_unreadable = true;
            continue;
        }
        let report = c.report.as_ref().expect("read files have a report");
        any_error |= !report.is_valid();
        any_warning |= report.warnings().next().is_some();
        if json {
            let doc = serde_json::json!({
                "file": c.file,
                "valid": report.is_valid(),
                "errors": report.errors().collect::<Vec<_>>(),
                "warnings": report.warnings().collect::<Vec<_>>(),
            });
            let _ = writeln!(out, "{doc}");
        } else {
            text(&mut out, &c.file, report);
        }
    }
    let status = crate::print_out(&out);
    if any_unreadable {
        ExitCode::from(crate::EXIT_USAGE)
    } else if any_error || (deny_warnings && any_warning) {
        ExitCode::from(crate::EXIT_INVALID)
    } else {
        status
    }
}

/// Prints `report`'s findings on standard error and returns the status of a document with
/// errors (1): how a command that needs a valid document refuses one.
pub(crate) fn refuse(file: &str, report: &Report) -> ExitCode {
    let mut out = String::new();
    for d in &report.diagnostics {
        write_diagnostic(&mut out, file, d);
    }
    eprint!("{out}");
    ExitCode::from(crate::EXIT_INVALID)
}

/// Reads and parses the ladder `path` for a command that needs one: what cannot be read
/// is a usage error (2), what does not parse is refused (1), each said on standard error.
pub(crate) fn read_ladder(path: &Path) -> Result<rungs_core::Ladder, ExitCode> {
    let text = crate::read(path)?;
    rungs_core::parse_ladder(&text).map_err(|e| refuse_unparsable(&path.display().to_string(), &e))
}

/// [`refuse`] for a document that does not parse.
pub(crate) fn refuse_unparsable(file: &str, e: &rungs_core::ParseError) -> ExitCode {
    refuse(file, &parse_failure(e))
}

/// One finding in the style of rustc: `error[code]: message`, where, and the hint.
pub fn write_diagnostic(out: &mut String, file: &str, d: &Diagnostic) {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = writeln!(out, "{level}[{}]: {}", d.code, d.message);
    let place = match (d.line, d.column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
        _ => file.to_string(),
    };
    if d.pointer.is_empty() {
        let _ = writeln!(out, "  --> {place}");
    } else {
        let _ = writeln!(out, "  --> {place} at {}", d.pointer);
    }
    if let Some(h) = &d.hint {
        let _ = writeln!(out, "  = hint: {h}");
    }
}

fn text(out: &mut String, file: &str, report: &Report) {
    for d in &report.diagnostics {
        write_diagnostic(out, file, d);
        out.push('\n');
    }
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    let verdict = if errors == 0 { "valid" } else { "invalid" };
    let _ = writeln!(
        out,
        "{file}: {verdict}, {errors} error{}, {warnings} warning{}",
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    );
}
