//! `rungs import` and `rungs export`: policies from paging tools into a ladder, and a
//! ladder out as Terraform (docs/import.md). The work is `rungs-interop`'s; this reads
//! the files, writes the results and reports in the style of `rungs validate`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rungs_interop::{ImportOptions, Note, NoteSeverity, Provider, SourceFile, System};

/// What `rungs import` was asked.
pub struct ImportArgs {
    pub system: System,
    pub files: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    pub name: Option<String>,
    pub rank: Vec<String>,
    pub json: bool,
}

/// Imports; 0 imported (notes allowed), 1 a source that is not that system's format, 2
/// usage (a file that cannot be read, an output that cannot be written).
pub fn import(args: &ImportArgs) -> ExitCode {
    let mut files = Vec::with_capacity(args.files.len());
    for path in &args.files {
        match crate::read(path) {
            Ok(text) => files.push(SourceFile {
                name: path.display().to_string(),
                text,
            }),
            Err(code) => return code,
        }
    }
    let options = ImportOptions {
        name: args.name.clone(),
        rank: args.rank.clone(),
    };
    let imported = match rungs_interop::import(args.system, &files, &options) {
        Ok(i) => i,
        Err(e) => {
            if args.json {
                let out = serde_json::json!({ "error": e });
                println!("{out}");
            }
            eprintln!("error: {e}");
            return ExitCode::from(crate::EXIT_INVALID);
        }
    };
    let ladder_text = rungs_core::to_canonical_json(&imported.ladder);
    let out = if args.json {
        let ladder: serde_json::Value = serde_json::from_str(&ladder_text).expect("canonical JSON");
        let mut s = serde_json::to_string_pretty(
            &serde_json::json!({ "ladder": ladder, "notes": imported.notes }),
        )
        .expect("serialisable");
        s.push('\n');
        s
    } else {
        ladder_text
    };
    let status = write(args.output.as_deref(), &out);
    if !args.json {
        eprint!("{}", report(&imported.notes, &imported.ladder, args.system));
    }
    status
}

/// The notes in the style of `rungs validate`, then a summary line.
fn report(notes: &[Note], ladder: &rungs_core::Ladder, system: System) -> String {
    let mut out = String::new();
    for n in notes {
        let _ = writeln!(out, "{}: {}", n.severity.as_str(), n.message);
        let _ = writeln!(out, "  --> {}", n.source);
        if let Some(p) = &n.pointer {
            let _ = writeln!(out, "  = in the ladder at {p}");
        }
        out.push('\n');
    }
    let warnings = notes
        .iter()
        .filter(|n| n.severity == NoteSeverity::Warning)
        .count();
    use rungs_core::text::count;
    let _ = writeln!(
        out,
        "imported from {}: {}, {} people, {}, {}; {} ({})",
        system.label(),
        count(ladder.tiers.len(), "tier", "tiers"),
        ladder.people.len(),
        count(ladder.rotations.len(), "rotation", "rotations"),
        count(ladder.schedules.len(), "schedule", "schedules"),
        count(notes.len(), "note", "notes"),
        count(warnings, "warning", "warnings"),
    );
    out
}

/// Exports; 0 written (notes on standard error), 1 a ladder with errors, 2 usage.
pub fn export(provider: Provider, ladder: &Path, output: Option<&Path>) -> ExitCode {
    let parsed = match crate::validate::read_ladder(ladder) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let file = ladder.display().to_string();
    let exported = rungs_interop::export(provider, &parsed);
    let status = write(output, &exported.text);
    let mut out = String::new();
    for n in &exported.notes {
        let place = n.source.pointer.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "{}: {}\n  --> {file} at {place}\n",
            n.severity.as_str(),
            n.message
        );
    }
    eprint!("{out}");
    status
}

fn write(output: Option<&Path>, text: &str) -> ExitCode {
    match output {
        None => crate::print_out(text),
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                ExitCode::from(crate::EXIT_USAGE)
            }
        },
    }
}
