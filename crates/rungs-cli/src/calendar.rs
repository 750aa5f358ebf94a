//! `rungs calendar`: a rotation's, a layered schedule's or a person's on-call shifts as an
//! iCalendar file.

use std::path::PathBuf;
use std::process::ExitCode;

use rungs_core::calendar::{self, CalendarSource};
use rungs_core::{Instant, PersonId, Report, RotationId, ScheduleId};

/// Whose shifts, as the command line names them.
pub enum Source {
    /// `--rotation ID`.
    Rotation(RotationId),
    /// `--schedule ID`.
    Schedule(ScheduleId),
    /// `--person ID`.
    Person(PersonId),
}

/// The command's arguments.
pub struct Args {
    pub ladder: PathBuf,
    pub source: Source,
    pub weeks: u32,
    /// Start of the weeks.
    pub from: Instant,
    /// The `DTSTAMP` of the events: now.
    pub stamp: Instant,
    /// Where to write; standard output when `None`.
    pub output: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let source = match &args.source {
        Source::Rotation(id) => CalendarSource::Rotation(id.clone()),
        Source::Schedule(id) => CalendarSource::Schedule(id.clone()),
        Source::Person(id) => CalendarSource::Person(id.clone()),
    };
    let file = args.ladder.display().to_string();
    let ladder = match crate::validate::read_ladder(&args.ladder) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let report = rungs_core::validate_ladder(&ladder, args.from);
    if !report.is_valid() {
        let errors = Report {
            diagnostics: report.errors().cloned().collect(),
        };
        return crate::validate::refuse(&file, &errors);
    }
    let cal = match calendar::calendar(&ladder, &source, args.from, args.weeks, args.stamp) {
        Ok(cal) => cal,
        Err(e) => {
            eprintln!("error: {file}: {e}{}", known(&ladder, &e));
            return ExitCode::from(crate::EXIT_USAGE);
        }
    };
    if cal.truncated {
        eprintln!(
            "warning: {file}: more than {} turns fall in {} weeks; the calendar stops at the \
             last one walked",
            rungs_core::text::group_thousands(calendar::MAX_TURNS as u64),
            args.weeks
        );
    }
    match &args.output {
        None => crate::print_out(&cal.ics),
        Some(path) => match std::fs::write(path, &cal.ics) {
            Ok(()) => {
                eprintln!(
                    "{}: {}, {} in {} from {} ({})",
                    path.display(),
                    cal.head.title,
                    rungs_core::text::count(cal.events, "shift", "shifts"),
                    rungs_core::text::count(args.weeks as usize, "week", "weeks"),
                    args.from,
                    cal.head.zone
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                ExitCode::from(crate::EXIT_USAGE)
            }
        },
    }
}

/// For an unknown id without a suggestion, the ids there are: `"; its rotations are
/// `primary`, `secondary`"`.
fn known(ladder: &rungs_core::Ladder, e: &calendar::CalendarError) -> String {
    use calendar::CalendarError::{UnknownPerson, UnknownRotation, UnknownSchedule};
    let (noun, ids): (&str, Vec<&str>) = match e {
        UnknownRotation {
            did_you_mean: None, ..
        } => (
            "rotations",
            ladder.rotations.iter().map(|r| r.id.as_str()).collect(),
        ),
        UnknownSchedule {
            did_you_mean: None, ..
        } => (
            "schedules",
            ladder.schedules.iter().map(|s| s.id.as_str()).collect(),
        ),
        UnknownPerson {
            did_you_mean: None, ..
        } => (
            "people",
            ladder.people.iter().map(|p| p.id.as_str()).collect(),
        ),
        _ => return String::new(),
    };
    if ids.is_empty() {
        return format!("; it has no {noun}");
    }
    let shown: Vec<String> = ids.iter().take(10).map(|id| format!("`{id}`")).collect();
    let more = if ids.len() > 10 { ", ..." } else { "" };
    format!("; its {noun} are {}{more}", shown.join(", "))
}
