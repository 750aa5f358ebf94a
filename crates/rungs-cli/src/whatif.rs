//! `rungs simulate OLD --compare NEW` and `rungs simulate LADDER --sensitivity`: the
//! core's paired comparison and tornado over studies run in blocks on `--jobs` threads.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use rungs_core::sim::{self, SimModel, Summary};
use rungs_core::whatif::{self, sensitivity, Outcomes};
use rungs_core::{Ladder, ScenarioDocument};

use crate::simulate::{budget_message, in_blocks, study, Args};

/// A study's summary and the per-run outcomes a comparison needs, from one pass of runs.
fn paired_study(
    model: &SimModel,
    seed: u64,
    runs: u32,
    jobs: u32,
) -> (Summary, Outcomes, Option<String>) {
    let parts = in_blocks(runs, jobs, |b| Outcomes::block(model, seed, b));
    let mut tally = sim::Tally::empty(model);
    let mut blocks = Vec::with_capacity(parts.len());
    for (t, o) in parts {
        tally.merge(t).expect("the blocks are disjoint");
        blocks.push(o);
    }
    let summary = tally
        .summarise(model, seed, runs)
        .expect("the blocks cover the study");
    let outcomes = Outcomes::join(model, blocks, runs).expect("the blocks cover the study");
    (summary, outcomes, tally.budget_cause().map(str::to_owned))
}

/// `rungs simulate OLD --compare NEW`: both studies with the same run seeds, side by
/// side. Exit status 1 with `--fail-on-regression` when the new ladder is clearly worse
/// on a breach rate or a p90 (or when runs were stopped by the event budget), 2 when
/// NEW cannot be read or lacks the scenario.
pub fn compare(
    args: &Args,
    old: &Ladder,
    scenario: &ScenarioDocument,
    scenario_name: &str,
    new_path: &Path,
) -> ExitCode {
    let new_name = new_path.display().to_string();
    let new = match crate::validate::read_ladder(new_path) {
        Ok(l) => l,
        Err(code) => return code,
    };
    if let Some(id) = &args.scenario {
        if !new.scenarios.iter().any(|s| s.id.as_str() == id) {
            eprintln!(
                "error: {new_name} has no scenario `{id}`; the scenario is taken from {} and must be embedded in both ladders (or give a scenario file)",
                args.ladder.display()
            );
            return ExitCode::from(crate::EXIT_USAGE);
        }
    }
    let models = [
        (SimModel::new(old, scenario), scenario_name.to_string()),
        (
            SimModel::new(&new, scenario),
            format!("{new_name} with {scenario_name}"),
        ),
    ];
    let mut ok = Vec::new();
    for (m, name) in models {
        match m {
            Ok(m) => ok.push(m),
            Err(report) => return crate::validate::refuse(&name, &report),
        }
    }
    let (old_m, new_m) = (&ok[0], &ok[1]);
    let seed = args.seed.unwrap_or(scenario.seed);
    let runs = args.runs.expect("clap requires --runs with --compare");
    let (old_s, old_o, old_cause) = paired_study(old_m, seed, runs, args.jobs);
    let (new_s, new_o, new_cause) = paired_study(new_m, seed, runs, args.jobs);
    let c = whatif::compare(old_m, &old_o, new_m, &new_o, seed).expect("both cover the runs");
    let out = if args.json {
        let json = serde_json::json!({
            "old": old_s,
            "new": new_s,
            "differences": c.differences,
            "regression": c.regression(),
        });
        let mut s = serde_json::to_string_pretty(&json).expect("serialisable");
        s.push('\n');
        s
    } else {
        compare_text(scenario, &args.ladder.display().to_string(), &new_name, &c)
    };
    let printed = crate::print_out(&out);
    let mut status = printed;
    for (s, cause, name) in [
        (&old_s, old_cause, scenario_name.to_string()),
        (
            &new_s,
            new_cause,
            format!("{new_name} with {scenario_name}"),
        ),
    ] {
        if s.budget_exhausted_runs > 0 {
            let what = format!("{} of {} runs stopped", s.budget_exhausted_runs, s.runs);
            eprint!(
                "{}",
                budget_message(&name, scenario, &what, cause.as_deref())
            );
            status = ExitCode::from(crate::EXIT_INVALID);
        }
    }
    if args.fail_on_regression && c.regression() {
        eprintln!(
            "error: {new_name} is clearly worse than {} on a breach rate or a p90 time (--fail-on-regression)",
            args.ladder.display()
        );
        return ExitCode::from(crate::EXIT_INVALID);
    }
    status
}

fn compare_text(s: &ScenarioDocument, old: &str, new: &str, c: &whatif::Comparison) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} — {old} (old) against {new} (new), {} runs each with the same seeds {}..{}",
        s.name,
        c.runs,
        c.seed,
        c.seed.wrapping_add(u64::from(c.runs.max(1)) - 1)
    );
    let _ = writeln!(
        o,
        "95% intervals of new - old by paired bootstrap ({} resamples); lower is better\n",
        c.resamples
    );
    let rows = whatif::comparison_rows(c);
    let width = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(6)
        .max(6);
    let _ = writeln!(
        o,
        "{:<width$}  {:>9}  {:>9}  {:>11}  {:<24}  verdict",
        "figure", "old", "new", "difference", "95% CI"
    );
    for r in &rows {
        let _ = writeln!(
            o,
            "{:<width$}  {:>9}  {:>9}  {:>11}  {:<24}  {}",
            r.label, r.old, r.new, r.difference, r.ci, r.marker
        );
    }
    let _ = writeln!(
        o,
        "\nRegression (a breach rate or a p90 clearly worse): {}",
        if c.regression() { "yes" } else { "no" }
    );
    o
}

/// `rungs simulate LADDER --sensitivity`: every knob halved and doubled, one at a
/// time, each a study with the same seed and runs; the tornado, most influential first.
pub fn sensitivity(
    args: &Args,
    ladder: &Ladder,
    scenario: &ScenarioDocument,
    scenario_name: &str,
) -> ExitCode {
    let seed = args.seed.unwrap_or(scenario.seed);
    let runs = args.runs.expect("clap requires --runs with --sensitivity");
    let summary = |l: &Ladder| -> Result<Summary, String> {
        let m = sensitivity::varied_model(l, scenario)?;
        let tally = study(&m, seed, runs, args.jobs);
        Ok(tally
            .summarise(&m, seed, runs)
            .expect("the blocks cover the study"))
    };
    let baseline = match SimModel::new(ladder, scenario) {
        Ok(m) => {
            let tally = study(&m, seed, runs, args.jobs);
            tally
                .summarise(&m, seed, runs)
                .expect("the blocks cover the study")
        }
        Err(report) => return crate::validate::refuse(scenario_name, &report),
    };
    let plan = sensitivity::plan(ladder);
    let results: Vec<_> = plan
        .variations()
        .iter()
        .map(|v| summary(&v.apply(ladder)))
        .collect();
    let t = sensitivity::tornado(&plan, ladder, &baseline, &results);
    let out = if args.json {
        let json = serde_json::json!({
            "runs": runs,
            "seed": seed,
            "baseline": baseline,
            "tornado": t,
        });
        let mut s = serde_json::to_string_pretty(&json).expect("serialisable");
        s.push('\n');
        s
    } else {
        tornado_text(scenario, runs, seed, &t)
    };
    crate::print_out(&out)
}

fn tornado_text(s: &ScenarioDocument, runs: u32, seed: u64, t: &sensitivity::Tornado) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} — sensitivity: each knob halved and doubled, {runs} runs each with seeds from {seed}",
        s.name
    );
    let _ = writeln!(
        o,
        "Most influential first, by {} (baseline {:.4}); the bar spans the baseline (│), halved and doubled\n",
        t.headline, t.baseline
    );
    if let Some(note) = &t.note {
        let _ = writeln!(o, "{note}\n");
    }
    let width = t
        .rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let _ = writeln!(
        o,
        "{:<width$}  {:>8}  {:>8}  {:>8}  {:>8}  bar",
        "knob", "value", "halved", "doubled", "swing"
    );
    let head = |e: &sensitivity::Effect| e.headline.map_or("error".into(), |h| format!("{h:.4}"));
    for r in &t.rows {
        let line = format!(
            "{:<width$}  {:>8}  {:>8}  {:>8}  {:>8.4}  {}",
            r.label,
            r.value.to_string(),
            head(&r.halved),
            head(&r.doubled),
            r.influence,
            t.bar_text(r, 31)
        );
        let _ = writeln!(o, "{}", line.trim_end());
        for (which, e) in [("halved", &r.halved), ("doubled", &r.doubled)] {
            if let Some(err) = &e.error {
                let _ = writeln!(o, "    {which} ({}): not studied: {err}", e.value);
                continue;
            }
            let changed: Vec<String> = (e.change.iter())
                .filter_map(|(k, d)| Some((k, (*d)?)).filter(|(_, d)| *d != 0.0))
                .map(|(k, d)| {
                    if k.starts_with("breach_rate.") {
                        format!(
                            "{} {:+.1} pp",
                            k.trim_start_matches("breach_rate."),
                            d * 100.0
                        )
                    } else {
                        let sign = if d > 0.0 { "+" } else { "" };
                        format!("{k} {sign}{}", sim::format_duration(d))
                    }
                })
                .collect();
            if !changed.is_empty() {
                let _ = writeln!(o, "    {which} ({}): {}", e.value, changed.join(", "));
            }
        }
    }
    o
}
