//! `rungs`: the command line over the Rungs core, for CI pipelines and scripts.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Check, format and describe Rungs escalation ladders.
#[derive(Parser)]
#[command(name = "rungs", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the JSON Schema of a document kind.
    Schema {
        /// Which document.
        #[arg(value_enum)]
        kind: DocKind,
    },
    /// Print a ladder or scenario document as canonical pretty JSON.
    ///
    /// The kind is taken from the document's `format` field. On a parse error, prints
    /// the error with line and column and exits 1.
    Fmt {
        /// The document to format.
        file: PathBuf,
        /// Rewrite the file in place instead of printing it.
        #[arg(long)]
        write: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum DocKind {
    /// A ladder document (`rungs.ladder/v1`).
    Ladder,
    /// A standalone scenario document (`rungs.scenario/v1`).
    Scenario,
}

/// Exit status for a document with errors.
const EXIT_INVALID: u8 = 1;
/// Exit status for a usage error or an unreadable file.
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    match cli.command {
        Command::Schema { kind } => {
            let schema = match kind {
                DocKind::Ladder => rungs_core::ladder_schema(),
                DocKind::Scenario => rungs_core::scenario_schema(),
            };
            print_out(&schema)
        }
        Command::Fmt { file, write } => fmt(&file, write),
    }
}

fn print_out(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`rungs schema ladder | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn read(file: &PathBuf) -> Result<String, ExitCode> {
    std::fs::read_to_string(file).map_err(|e| {
        eprintln!("error: cannot read {}: {e}", file.display());
        ExitCode::from(EXIT_USAGE)
    })
}

fn fmt(file: &PathBuf, write: bool) -> ExitCode {
    let text = match read(file) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let canonical = if looks_like_scenario(&text) {
        rungs_core::parse_scenario(&text).map(|d| rungs_core::to_canonical_json(&d))
    } else {
        rungs_core::parse_ladder(&text).map(|d| rungs_core::to_canonical_json(&d))
    };
    match canonical {
        Ok(out) if write => match std::fs::write(file, out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", file.display());
                ExitCode::from(EXIT_USAGE)
            }
        },
        Ok(out) => print_out(&out),
        Err(e) => {
            eprintln!("error: {}: {e}", file.display());
            ExitCode::from(EXIT_INVALID)
        }
    }
}

/// Whether the document declares the scenario format (anything else is read as a ladder,
/// whose parser explains what is wrong with the `format`).
fn looks_like_scenario(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe {
        format: Option<String>,
    }
    serde_json::from_str::<Probe>(text)
        .ok()
        .and_then(|p| p.format)
        .is_some_and(|f| f.starts_with("rungs.scenario/"))
}
