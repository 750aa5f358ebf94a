//! `rungs diff`: what changed from one ladder to another, as a reviewer reads it in a
//! pull request, or as a JSON list of changes (docs/diff.md).

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use rungs_core::diff::{diff_view, DiffView};
use rungs_core::{Diagnostic, Ladder};

/// Exit status when the ladders differ.
const EXIT_DIFFERENT: u8 = 1;

/// Reads one ladder; on failure prints why (a parse error in the style of `rungs
/// validate`, with line, column and pointer) and gives exit status 2: status 1 means
/// "they differ", so trouble cannot share it.
fn read_ladder(path: &Path) -> Result<Ladder, ExitCode> {
    let text = crate::read(path)?;
    rungs_core::parse_ladder(&text).map_err(|e| {
        let mut out = String::new();
        let file = path.display().to_string();
        crate::validate::write_diagnostic(&mut out, &file, &Diagnostic::from_parse_error(&e));
        eprint!("{out}");
        ExitCode::from(crate::EXIT_USAGE)
    })
}

/// Runs the command: 0 when the ladders are the same, 1 when they differ, 2 when either
/// cannot be read.
pub fn run(old: &Path, new: &Path, json: bool) -> ExitCode {
    let (a, b) = match (read_ladder(old), read_ladder(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let view = diff_view(&a, &b);
    let out = if json {
        let changes: Vec<_> = view.changes().collect();
        let mut s = serde_json::to_string_pretty(&changes).expect("serialisable");
        s.push('\n');
        s
    } else {
        text(
            &view,
            &old.display().to_string(),
            &new.display().to_string(),
        )
    };
    let status = crate::print_out(&out);
    if view.is_empty() {
        status
    } else {
        ExitCode::from(EXIT_DIFFERENT)
    }
}

/// The text report: a heading line, then each group with one line per change (marker,
/// sentence, pointer; a removal's pointer is in the old file).
fn text(view: &DiffView, old: &str, new: &str) -> String {
    let mut out = String::new();
    if view.is_empty() {
        let _ = writeln!(out, "{old} and {new} are the same ladder.");
        return out;
    }
    let _ = writeln!(out, "{old} -> {new}: {}", view.tally());
    for group in &view.groups {
        let _ = writeln!(out, "\n{}", group.title);
        for c in &group.changes {
            let place = match c.op {
                rungs_core::diff::Op::Remove => format!("{} in old", c.path),
                _ => c.path.clone(),
            };
            let _ = writeln!(out, "  {} {}  ({place})", c.op.marker(), c.summary);
        }
    }
    out
}
