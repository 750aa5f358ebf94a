//! `rungs`: the command line over the Rungs core, for CI pipelines and scripts.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};

mod calendar;
mod diff;
mod interop;
mod simulate;
mod validate;
mod whatif;

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
    /// Check ladders (or a scenario against its ladder) for errors and warnings.
    ///
    /// Exit status: 0 when no file has errors (warnings allowed unless --deny-warnings),
    /// 1 when any has errors, 2 for a usage error or an unreadable file.
    Validate {
        /// Ladder documents to check.
        #[arg(required_unless_present = "scenario", conflicts_with = "scenario")]
        files: Vec<PathBuf>,
        /// Check this scenario document instead, against --ladder.
        #[arg(long, requires = "ladder")]
        scenario: Option<PathBuf>,
        /// The ladder the scenario drills.
        #[arg(long, requires = "scenario")]
        ladder: Option<PathBuf>,
        /// Output format (json: one object per file, one per line).
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Treat warnings as errors for the exit status.
        #[arg(long)]
        deny_warnings: bool,
        /// Start of the eight weeks checked for on-call coverage (RFC 3339; default: now).
        #[arg(long, value_parser = parse_instant)]
        at: Option<rungs_core::Instant>,
    },
    /// Run a drill scenario against a ladder: one run with its timeline, or a Monte Carlo
    /// study with --runs.
    Simulate {
        /// The ladder.
        ladder: PathBuf,
        /// A scenario document (or use --scenario ID for one embedded in the ladder).
        #[arg(required_unless_present = "scenario", conflicts_with = "scenario")]
        scenario_file: Option<PathBuf>,
        /// The id of a scenario embedded in the ladder.
        #[arg(long)]
        scenario: Option<String>,
        /// Seed (default: the scenario's).
        #[arg(long)]
        seed: Option<u64>,
        /// Number of runs for a Monte Carlo study (1 to 1,000,000).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        runs: Option<u32>,
        /// Threads a study runs on (1 to 1,024; default: the cores available). The runs
        /// are split into that many contiguous blocks whose results are merged: the
        /// output is the same for every value.
        #[arg(long, value_parser = parse_jobs)]
        jobs: Option<u32>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Compare with this ladder: both studies of the scenario with the same seeds,
        /// each figure's difference with a 95% confidence interval and a verdict
        /// (docs/simulation.md, "Comparing two ladders"). With --scenario ID, NEW must
        /// embed that scenario too; OLD's is run on both.
        #[arg(
            long,
            value_name = "NEW",
            requires = "runs",
            conflicts_with = "sensitivity"
        )]
        compare: Option<PathBuf>,
        /// With --compare: exit 1 when the new ladder is clearly worse on a breach rate
        /// or a p90 time, else 0.
        #[arg(long, requires = "compare")]
        fail_on_regression: bool,
        /// Halve and double each step's wait, each tier's timelines and each person's
        /// response time, one at a time, and show the effects most influential first
        /// (docs/simulation.md, "Sensitivity").
        #[arg(long, requires = "runs")]
        sensitivity: bool,
    },
    /// Write the on-call shifts of a rotation, a layered schedule or a person as an
    /// iCalendar file (.ics).
    ///
    /// Calendar apps import it and show each shift in local time; importing a later
    /// export updates the shifts already imported. Exit status: 0 on success, 1 when the
    /// ladder has errors, 2 for a usage error (an unknown id) or an unreadable file.
    #[command(group(ArgGroup::new("source").required(true).args(["rotation", "schedule", "person"])))]
    Calendar {
        /// The ladder.
        ladder: PathBuf,
        /// The id of a rotation: everyone it puts on call, in its time zone.
        #[arg(long, value_parser = parse_id::<rungs_core::RotationId>)]
        rotation: Option<rungs_core::RotationId>,
        /// The id of a layered schedule: whom it pages, each shift naming its layer, in its
        /// lowest layer's time zone.
        #[arg(long, value_parser = parse_id::<rungs_core::ScheduleId>)]
        schedule: Option<rungs_core::ScheduleId>,
        /// The id of a person: their shifts in every rotation, in their time zone.
        #[arg(long, value_parser = parse_id::<rungs_core::PersonId>)]
        person: Option<rungs_core::PersonId>,
        /// Weeks covered, 1 to 104; a shift under way at the start or end is whole.
        #[arg(long, default_value_t = rungs_core::calendar::DEFAULT_WEEKS,
              value_parser = clap::value_parser!(u32).range(1..=rungs_core::calendar::MAX_WEEKS as i64))]
        weeks: u32,
        /// Start of the weeks (RFC 3339; default: now, to the minute).
        #[arg(long, value_parser = parse_instant)]
        from: Option<rungs_core::Instant>,
        /// Write the calendar to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Show what changed from one ladder to another, each change as a sentence with its
    /// JSON Pointer, grouped by collection and tier.
    ///
    /// Entries are matched by id, durations and instants by value. With --format json,
    /// prints a JSON list of {op, path, old?, new?, summary} (docs/diff.md).
    ///
    /// Exit status: 0 when the ladders are the same, 1 when they differ, 2 for a usage
    /// error or a file that cannot be read as a ladder.
    Diff {
        /// The ladder before.
        old: PathBuf,
        /// The ladder after.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Import escalation policies, schedules and users from a paging tool as a ladder.
    ///
    /// FILEs are what the tool's REST API returns, saved as it comes (any mix of
    /// policies, schedules and users, list envelopes or single objects), or for
    /// `terraform` the .tf files of the PagerDuty, Opsgenie, Grafana or GoAlert provider.
    /// Prints the ladder (or writes OUT) and, on standard error, a note for every value
    /// dropped, approximated or defaulted, pointing into its source (docs/import.md).
    ///
    /// Exit status: 0 imported (notes allowed), 1 a file that cannot be read as that
    /// system's format, 2 for a usage error or an unreadable file.
    Import {
        /// The system the files come from.
        #[arg(value_enum)]
        system: ImportSystem,
        /// The files, in any order.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write the ladder to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
        /// The ladder's name (default: the policy's, or "Imported from SYSTEM").
        #[arg(long)]
        name: Option<String>,
        /// Policy names in rank order, most severe first, comma-separated (default: the
        /// order read).
        #[arg(long, value_delimiter = ',')]
        rank: Vec<String>,
        /// Output format: the ladder (notes on standard error), or one JSON object
        /// {"ladder", "notes"} (to OUT when given); a failed import prints
        /// {"error"} on standard output instead, and exits 1.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Write a ladder as Terraform (HCL) for a paging tool's provider: users looked up by
    /// email, schedules, one escalation policy per tier.
    ///
    /// What the provider cannot express is a comment in the file and a note on standard
    /// error. Exit status: 0 written, 1 a ladder that cannot be read, 2 usage.
    Export {
        /// The provider.
        #[arg(value_enum)]
        target: ExportTarget,
        /// The ladder.
        ladder: PathBuf,
        /// Write the HCL to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

/// `rungs import`'s systems.
#[derive(Clone, Copy, ValueEnum)]
enum ImportSystem {
    /// PagerDuty REST API v2 JSON.
    Pagerduty,
    /// Opsgenie REST API v2 JSON.
    Opsgenie,
    /// Grafana OnCall HTTP API v1 JSON.
    GrafanaOncall,
    /// GoAlert GraphQL JSON.
    Goalert,
    /// Terraform files (PagerDuty, Opsgenie, Grafana OnCall or GoAlert provider).
    Terraform,
}

/// `rungs export`'s providers.
#[allow(clippy::enum_variant_names)] // the names are the command line's: terraform-pagerduty
#[derive(Clone, Copy, ValueEnum)]
enum ExportTarget {
    /// The PagerDuty/pagerduty provider.
    TerraformPagerduty,
    /// The opsgenie/opsgenie provider.
    TerraformOpsgenie,
    /// The grafana/grafana provider's OnCall resources.
    TerraformGrafana,
}

/// An id of the type `T`, checked as the format checks ids.
fn parse_id<T: TryFrom<String, Error = rungs_core::IdError>>(s: &str) -> Result<T, String> {
    T::try_from(s.to_string()).map_err(|e| e.to_string())
}

/// The most threads `--jobs` asks for: more would only cost memory.
const MAX_JOBS: u32 = 1024;

fn parse_jobs(s: &str) -> Result<u32, String> {
    match s.parse::<u32>() {
        Ok(0) => Err("a study needs at least 1 thread; give --jobs 1 or more".into()),
        Ok(n) if n <= MAX_JOBS => Ok(n),
        _ => Err(format!("give a number of threads from 1 to {MAX_JOBS}")),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// Human-readable, in the style of rustc.
    Text,
    /// JSON, in the shape the command's help and docs describe.
    Json,
}

fn parse_instant(s: &str) -> Result<rungs_core::Instant, String> {
    rungs_core::Instant::parse(s).map_err(|e| e.to_string())
}

#[derive(Clone, Copy, ValueEnum)]
enum DocKind {
    /// A ladder document (`rungs.ladder/v1`).
    Ladder,
    /// A standalone scenario document (`rungs.scenario/v1`).
    Scenario,
}

/// Exit status for a document with errors.
pub(crate) const EXIT_INVALID: u8 = 1;
/// Exit status for a usage error or an unreadable file.
pub(crate) const EXIT_USAGE: u8 = 2;

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
        Command::Validate {
            files,
            scenario,
            ladder,
            format,
            deny_warnings,
            at,
        } => {
            let at = at.unwrap_or_else(now);
            let checked = match (scenario, ladder) {
                (Some(s), Some(l)) => vec![validate::scenario_file(&s, &l)],
                _ => files.iter().map(|f| validate::ladder_file(f, at)).collect(),
            };
            validate::print(&checked, format == OutputFormat::Json, deny_warnings)
        }
        Command::Simulate {
            ladder,
            scenario_file,
            scenario,
            seed,
            runs,
            jobs,
            format,
            compare,
            fail_on_regression,
            sensitivity,
        } => simulate::run(&simulate::Args {
            ladder,
            scenario_file,
            scenario,
            seed,
            runs,
            jobs: jobs.unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map_or(1, |n| n.get().min(MAX_JOBS as usize) as u32)
            }),
            json: format == OutputFormat::Json,
            compare,
            fail_on_regression,
            sensitivity,
        }),
        Command::Calendar {
            ladder,
            rotation,
            schedule,
            person,
            weeks,
            from,
            output,
        } => {
            let source = match (rotation, schedule, person) {
                (Some(id), _, _) => calendar::Source::Rotation(id),
                (_, _, Some(id)) => calendar::Source::Person(id),
                (_, Some(id), _) => calendar::Source::Schedule(id),
                (None, None, None) => unreachable!("clap requires one of them"),
            };
            let stamp = now();
            let minute = stamp.as_millis().div_euclid(60_000) * 60_000;
            calendar::run(&calendar::Args {
                ladder,
                source,
                weeks,
                from: from.unwrap_or(rungs_core::Instant::from_millis(minute)),
                stamp,
                output,
            })
        }
        Command::Diff { old, new, format } => diff::run(&old, &new, format == OutputFormat::Json),
        Command::Import {
            system,
            files,
            output,
            name,
            rank,
            format,
        } => interop::import(&interop::ImportArgs {
            system: match system {
                ImportSystem::Pagerduty => rungs_interop::System::PagerDuty,
                ImportSystem::Opsgenie => rungs_interop::System::Opsgenie,
                ImportSystem::GrafanaOncall => rungs_interop::System::GrafanaOncall,
                ImportSystem::Goalert => rungs_interop::System::GoAlert,
                ImportSystem::Terraform => rungs_interop::System::Terraform,
            },
            files,
            output,
            name,
            rank,
            json: format == OutputFormat::Json,
        }),
        Command::Export {
            target,
            ladder,
            output,
        } => interop::export(
            match target {
                ExportTarget::TerraformPagerduty => rungs_interop::Provider::PagerDuty,
                ExportTarget::TerraformOpsgenie => rungs_interop::Provider::Opsgenie,
                ExportTarget::TerraformGrafana => rungs_interop::Provider::Grafana,
            },
            &ladder,
            output.as_deref(),
        ),
    }
}

/// The current instant: the command line, unlike the core, may read the clock.
fn now() -> rungs_core::Instant {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    rungs_core::Instant::from_millis(ms)
}

pub(crate) fn print_out(text: &str) -> ExitCode {
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

/// Reads a document, printing why it cannot be read (exit status 2) on failure.
pub(crate) fn read(file: &Path) -> Result<String, ExitCode> {
    read_document(file).map_err(|why| {
        eprintln!("error: {why}");
        ExitCode::from(EXIT_USAGE)
    })
}

/// Reads a document of at most [`rungs_core::MAX_DOCUMENT_BYTES`]. At most one byte more
/// than the limit is read, so an endless stream (`/dev/zero`, a pipe) or a huge file is
/// refused at once instead of being read into memory first. The error names the file.
pub(crate) fn read_document(file: &Path) -> Result<String, String> {
    use std::io::Read as _;
    let limit = rungs_core::MAX_DOCUMENT_BYTES;
    let cannot = |e: std::io::Error| format!("cannot read {}: {e}", file.display());
    let f = std::fs::File::open(file).map_err(cannot)?;
    let mut bytes = Vec::new();
    f.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > limit {
        return Err(format!(
            "cannot read {}: it is larger than {} MiB ({limit} bytes), the most Rungs reads",
            file.display(),
            limit / 1_048_576
        ));
    }
    String::from_utf8(bytes).map_err(|_| {
        format!(
            "cannot read {}: stream did not contain valid UTF-8",
            file.display()
        )
    })
}

fn fmt(file: &Path, write: bool) -> ExitCode {
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
