//! The on-demand Web Worker: imports from paging tools and exports Terraform with
//! `rungs-interop`, and compares two ladders' studies (what if). The page starts it only
//! when the user asks for one of these, so its first load carries none of that code.
//! The messages are described in `rungs::platform::on_demand`.

use rungs::platform::on_demand::{CompareLine, NoteLine, Reply, Request, MAX_COMPARE_RUNS};
use rungs::platform::worker_scope::serve;
use rungs_interop::{ImportOptions, Note, Provider, SourceFile, System};

fn main() {
    serve(
        Reply::Ready,
        |message| Reply::Failed { message },
        |request, _| answer(request),
    );
}

fn answer(request: Request) -> Reply {
    match request {
        Request::Import { system, files } => {
            let Some(system) = System::from_slug(&system) else {
                return Reply::Failed {
                    message: format!("Rungs does not import from \"{system}\""),
                };
            };
            let files: Vec<SourceFile> = files
                .into_iter()
                .map(|f| SourceFile {
                    name: f.name,
                    text: f.text,
                })
                .collect();
            match rungs_interop::import(system, &files, &ImportOptions::default()) {
                Ok(imported) => Reply::Imported {
                    ladder: rungs_core::to_canonical_json(&imported.ladder),
                    notes: imported.notes.iter().map(line).collect(),
                },
                Err(e) => Reply::Failed {
                    message: e.to_string(),
                },
            }
        }
        Request::Compare {
            old,
            new,
            scenario,
            runs,
            seed,
        } => compare(&old, &new, &scenario, runs, seed)
            .unwrap_or_else(|message| Reply::Failed { message }),
        Request::Export { provider, ladder } => {
            let Some(provider) = Provider::from_slug(&provider) else {
                return Reply::Failed {
                    message: format!("Rungs does not export for \"{provider}\""),
                };
            };
            match rungs_core::parse_ladder(&ladder) {
                Ok(ladder) => {
                    let exported = rungs_interop::export(provider, &ladder);
                    Reply::Exported {
                        text: exported.text,
                        notes: exported.notes.iter().map(line).collect(),
                    }
                }
                Err(e) => Reply::Failed {
                    message: e.to_string(),
                },
            }
        }
    }
}

fn line(n: &Note) -> NoteLine {
    let place = if n.source.file.is_empty() {
        n.source.pointer.clone().unwrap_or_default()
    } else {
        n.source.to_string()
    };
    NoteLine {
        severity: n.severity.as_str().to_string(),
        message: n.message.clone(),
        place,
    }
}

/// What if: both studies with the same seeds, compared (the command line's
/// `rungs simulate OLD --compare NEW --scenario ID`, on one thread).
fn compare(
    old: &str,
    new: &str,
    scenario: &str,
    runs: u32,
    seed: Option<u64>,
) -> Result<Reply, String> {
    use rungs_core::sim::SimModel;
    use rungs_core::whatif::{self, Outcomes};
    if !(1..=MAX_COMPARE_RUNS).contains(&runs) {
        return Err(format!("give from 1 to {MAX_COMPARE_RUNS} runs"));
    }
    let read = |text: &str, which: &str| {
        rungs_core::parse_ladder(text).map_err(|e| format!("the {which} ladder does not read: {e}"))
    };
    let (a, b) = (read(old, "older")?, read(new, "newer")?);
    let doc = a
        .scenarios
        .iter()
        .find(|s| s.id.as_str() == scenario)
        .ok_or_else(|| format!("the older ladder has no scenario `{scenario}`"))?
        .to_document();
    if !b.scenarios.iter().any(|s| s.id.as_str() == scenario) {
        return Err(format!(
            "the newer ladder has no scenario `{scenario}`: it must be in both"
        ));
    }
    let model = |l: &rungs_core::Ladder, which: &str| {
        SimModel::new(l, &doc).map_err(|report| {
            let first = report
                .diagnostics
                .iter()
                .find(|d| d.severity == rungs_core::Severity::Error);
            format!(
                "the {which} ladder cannot run it: {}",
                first.map_or("it has errors", |d| d.message.as_str())
            )
        })
    };
    let (ma, mb) = (model(&a, "older")?, model(&b, "newer")?);
    let seed = seed.unwrap_or(doc.seed);
    let outcomes = |m: &SimModel| {
        let (_, o) = Outcomes::block(m, seed, 0..runs);
        Outcomes::join(m, vec![o], runs).map_err(|e| e.to_string())
    };
    let (oa, ob) = (outcomes(&ma)?, outcomes(&mb)?);
    let c = whatif::compare(&ma, &oa, &mb, &ob, seed).map_err(|e| e.to_string())?;
    let rows = whatif::comparison_rows(&c)
        .into_iter()
        .map(|r| CompareLine {
            label: r.label,
            old: r.old,
            new: r.new,
            difference: r.difference,
            ci: r.ci,
            verdict: serde_json::to_value(r.verdict)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            marker: r.marker.to_string(),
        })
        .collect();
    Ok(Reply::Compared {
        runs,
        seed,
        rows,
        regression: c.regression(),
    })
}
