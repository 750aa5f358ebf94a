//! `rungs simulate`: one drill run with its timeline, or a Monte Carlo study.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;

use rungs_core::sim::{self, format_secs as secs, SimModel, Summary};
use rungs_core::ScenarioDocument;

/// The command's arguments.
pub struct Args {
    pub ladder: PathBuf,
    pub scenario_file: Option<PathBuf>,
    pub scenario: Option<String>,
    pub seed: Option<u64>,
    pub runs: Option<u32>,
    /// Threads for a study, at least 1.
    pub jobs: u32,
    pub json: bool,
    /// `--compare NEW`: the ladder to compare with.
    pub compare: Option<PathBuf>,
    /// `--fail-on-regression`.
    pub fail_on_regression: bool,
    /// `--sensitivity`.
    pub sensitivity: bool,
}

/// Runs the command.
pub fn run(args: &Args) -> ExitCode {
    let ladder_name = args.ladder.display().to_string();
    let ladder = match crate::validate::read_ladder(&args.ladder) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let (scenario, scenario_name) =
        match scenario_of(&args.scenario_file, &args.scenario, &ladder, &ladder_name) {
            Ok(s) => s,
            Err(code) => return code,
        };
    if let Some(new) = &args.compare {
        return crate::whatif::compare(args, &ladder, &scenario, &scenario_name, new);
    }
    if args.sensitivity {
        return crate::whatif::sensitivity(args, &ladder, &scenario, &scenario_name);
    }
    let model = match SimModel::new(&ladder, &scenario) {
        Ok(m) => m,
        Err(report) => return crate::validate::refuse(&scenario_name, &report),
    };
    let seed = args.seed.unwrap_or(scenario.seed);
    let out = match args.runs {
        None => {
            // A run without its log first: a run stopped by the event budget is refused
            // before a log of a million entries is built and printed.
            let mut probe = sim::Engine::new(&model, seed, false);
            probe.run();
            if probe.budget_exhausted() {
                eprint!(
                    "{}",
                    budget_message(
                        &scenario_name,
                        &scenario,
                        &format!("the run stopped at {}", probe.now()),
                        probe.budget_cause().as_deref(),
                    )
                );
                return ExitCode::from(crate::EXIT_INVALID);
            }
            let run = sim::run_once(&model, seed);
            if args.json {
                let mut s = serde_json::to_string_pretty(&run).expect("serialisable");
                s.push('\n');
                s
            } else {
                single_text(&scenario, seed, &run)
            }
        }
        Some(n) => {
            let tally = study(&model, seed, n, args.jobs);
            let cause = tally.budget_cause().map(str::to_owned);
            let summary = tally
                .summarise(&model, seed, n)
                .expect("the blocks cover the study");
            let out = if args.json {
                let mut s = serde_json::to_string_pretty(&summary).expect("serialisable");
                s.push('\n');
                s
            } else {
                summary_text(&scenario, &summary)
            };
            // The summary is printed either way; runs stopped by the budget fail the command.
            let printed = crate::print_out(&out);
            if summary.budget_exhausted_runs == 0 {
                return printed;
            }
            let runs = summary.budget_exhausted_runs;
            eprint!(
                "{}",
                budget_message(
                    &scenario_name,
                    &scenario,
                    &format!(
                        "{} of {} runs stopped",
                        rungs_core::text::group_thousands(u64::from(runs)),
                        rungs_core::text::group_thousands(u64::from(summary.runs))
                    ),
                    cause.as_deref(),
                )
            );
            return ExitCode::from(crate::EXIT_INVALID);
        }
    };
    crate::print_out(&out)
}

/// The scenario to run, from a file or embedded in `ladder` (`--scenario ID`), with the
/// name errors give it; the exit status when it cannot be had.
pub(crate) fn scenario_of(
    scenario_file: &Option<PathBuf>,
    scenario: &Option<String>,
    ladder: &rungs_core::Ladder,
    ladder_name: &str,
) -> Result<(ScenarioDocument, String), ExitCode> {
    match (scenario_file, scenario) {
        (Some(path), _) => {
            let name = path.display().to_string();
            let text = crate::read(path)?;
            match rungs_core::parse_scenario(&text) {
                Ok(s) => Ok((s, name)),
                Err(e) => Err(crate::validate::refuse_unparsable(&name, &e)),
            }
        }
        (None, Some(id)) => match ladder.scenarios.iter().find(|s| s.id.as_str() == id) {
            Some(s) => Ok((s.to_document(), format!("{ladder_name} (scenario `{id}`)"))),
            None => {
                let known: Vec<String> = ladder
                    .scenarios
                    .iter()
                    .map(|s| format!("`{}`", s.id))
                    .collect();
                eprintln!(
                    "error: {ladder_name} has no scenario `{id}`; it has {}",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                );
                Err(ExitCode::from(crate::EXIT_USAGE))
            }
        },
        (None, None) => unreachable!("clap requires one of them"),
    }
}

/// The tally of a study of `runs` runs, split into at most `jobs` blocks
/// ([`sim::blocks`]) run on as many threads and merged: the same for every `jobs`.
pub(crate) fn study(model: &SimModel, seed: u64, runs: u32, jobs: u32) -> sim::Tally {
    let mut all = sim::Tally::empty(model);
    for t in in_blocks(runs, jobs, |b| {
        sim::Study::block(model, seed, b).into_tally()
    }) {
        all.merge(t).expect("the blocks are disjoint");
    }
    all
}

/// `work` on each block of [`sim::blocks`]`(runs, jobs)`, one thread per block (none
/// for one block), the results in block order. No runs make one empty block.
pub(crate) fn in_blocks<T: Send>(
    runs: u32,
    jobs: u32,
    work: impl Fn(Range<u32>) -> T + Sync,
) -> Vec<T> {
    let blocks = sim::blocks(runs, jobs);
    if blocks.len() <= 1 {
        return vec![work(blocks.into_iter().next().unwrap_or(0..0))];
    }
    let work = &work;
    std::thread::scope(|s| {
        let threads: Vec<_> = blocks
            .into_iter()
            .map(|b| s.spawn(move || work(b)))
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().expect("a study thread panicked"))
            .collect()
    })
}

/// The error for runs stopped by the event budget: what stopped, where, and what to
/// change. `what` is `the run stopped at +HH:MM:SS` or `N of M runs stopped`.
pub(crate) fn budget_message(
    scenario_name: &str,
    scenario: &ScenarioDocument,
    what: &str,
    cause: Option<&str>,
) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "error: {scenario_name}: {what} after {} events (the per-run event budget) of a {} horizon",
        rungs_core::text::group_thousands(sim::EVENT_BUDGET),
        scenario.horizon
    );
    match cause {
        Some(c) => {
            let _ = writeln!(o, "; {c}");
        }
        None => o.push('\n'),
    }
    let _ = writeln!(
        o,
        "  = hint: give the steps a longer escalate_after or a smaller repeat, or the scenario a shorter horizon; `rungs validate` warns about it as excessive-paging"
    );
    o
}

fn single_text(s: &ScenarioDocument, seed: u64, run: &sim::Run) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} — start {}, horizon {}, seed {seed}\n",
        s.name, s.start, s.horizon
    );
    for e in &run.events {
        let _ = writeln!(o, "{e}");
    }
    let f = &run.figures;
    let _ = writeln!(o, "\nFigures");
    let _ = writeln!(o, "  detected at           {}", secs(f.detected_at));
    let _ = writeln!(o, "  time to acknowledge   {}", secs(f.time_to_acknowledge));
    let _ = writeln!(o, "  time to contain       {}", secs(f.time_to_contain));
    let _ = writeln!(o, "  time to resolve       {}", secs(f.time_to_resolve));
    let _ = writeln!(
        o,
        "  time to first update  {}",
        secs(f.time_to_first_update)
    );
    let _ = writeln!(
        o,
        "  pages sent            {} to {} people",
        f.pages_sent, f.people_paged
    );
    let _ = writeln!(o, "  updates missed        {}", f.updates_missed);
    let _ = writeln!(
        o,
        "  most severe tier      {}",
        f.max_tier.as_deref().unwrap_or("—")
    );
    let _ = writeln!(
        o,
        "  final tier            {}",
        f.final_tier.as_deref().unwrap_or("—")
    );
    let breaches: Vec<String> = f
        .breaches
        .iter()
        .map(|b| format!("{} {} at {}", b.tier, b.timeline.as_str(), secs(Some(b.at))))
        .collect();
    let _ = writeln!(
        o,
        "  breaches              {}",
        if breaches.is_empty() {
            "none".into()
        } else {
            breaches.join(", ")
        }
    );
    let _ = writeln!(
        o,
        "  exhausted             {}",
        if f.exhausted.is_empty() {
            "none".into()
        } else {
            f.exhausted.join(", ")
        }
    );
    o
}

fn summary_text(s: &ScenarioDocument, m: &Summary) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} — {} runs, seeds {}..{}, {} incidents detected\n",
        s.name,
        m.runs,
        m.seed,
        m.seed.wrapping_add(u64::from(m.runs) - 1),
        m.incidents
    );
    let _ = writeln!(
        o,
        "{:<22} {:>10} {:>10} {:>10} {:>8} {:>10}",
        "figure", "median", "p90", "p99", "reached", "met target"
    );
    for (name, f) in &m.figures {
        let met = f
            .met_target
            .map_or("—".into(), |x| format!("{:.1}%", x * 100.0));
        let _ = writeln!(
            o,
            "{:<22} {:>10} {:>10} {:>10} {:>8} {:>10}",
            name,
            secs(f.median),
            secs(f.p90),
            secs(f.p99),
            f.reached,
            met
        );
    }
    let _ = writeln!(
        o,
        "\nBreach rate (share of the {} detected incidents)",
        m.incidents
    );
    if m.breach_rate.is_empty() {
        let _ = writeln!(o, "  none");
    }
    for (tier, per) in &m.breach_rate {
        let counts = m.breach_count.get(tier);
        let parts: Vec<String> = per
            .iter()
            .map(|(tl, r)| {
                let n = counts.and_then(|c| c.get(tl)).copied().unwrap_or(0);
                format!("{tl} {:.1}% ({n})", r * 100.0)
            })
            .collect();
        let reached = m.tier_reached.get(tier).copied().unwrap_or(0);
        let _ = writeln!(
            o,
            "  {tier:<10} {} (tier reached in {reached})",
            parts.join(", ")
        );
    }
    let _ = writeln!(o, "\nExhausted rate");
    if m.exhausted_rate.is_empty() {
        let _ = writeln!(o, "  none");
    }
    for (tier, r) in &m.exhausted_rate {
        let _ = writeln!(o, "  {tier:<10} {:.1}%", r * 100.0);
    }
    let _ = writeln!(o, "\nMost often paged last before a breach");
    if m.breach_precursor.is_empty() {
        let _ = writeln!(o, "  none");
    }
    for (tier, p) in &m.breach_precursor {
        let step = match (&p.tier, p.step) {
            (Some(t), Some(k)) => format!("{t} step {k} ({})", p.targets.join(", ")),
            _ => "no page yet".to_string(),
        };
        let _ = writeln!(
            o,
            "  {tier:<10} {step}: {} of its breaches ({:.1}%)",
            p.breaches,
            p.share * 100.0
        );
    }
    let _ = writeln!(o, "\nPages per incident (off-hours)");
    for (p, r) in &m.pages_per_person {
        let off = m.off_hours_pages_per_person.get(p).copied().unwrap_or(0.0);
        let _ = writeln!(o, "  {p:<14} {r:>7.3} ({off:.3})");
    }
    o
}
