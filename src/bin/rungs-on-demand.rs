//! The on-demand Web Worker: imports from paging tools and exports Terraform with
//! `rungs-interop`, and compares ladders with the core's diff. The page starts it only
//! when the user asks for one of these, so its first load carries none of that code.
//! The messages are described in `rungs::platform::on_demand`.

use rungs::platform::on_demand::{NoteLine, Reply, Request};
use rungs_interop::{ImportOptions, Note, Provider, SourceFile, System};
use rungs::platform::worker_scope::serve;

fn main() {
    serve(Reply::Ready, |message| Reply::Failed { message }, |request, _| answer(request));
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
        Request::Diff { old, new } => {
            let read = |text: &str, which: &str| {
                rungs_core::parse_ladder(text)
                    .map_err(|e| format!("the {which} ladder does not read: {e}"))
            };
            match (read(&old, "older"), read(&new, "newer")) {
                (Ok(a), Ok(b)) => Reply::Diff {
                    view: rungs_core::diff::diff_view(&a, &b),
                },
                (Err(message), _) | (_, Err(message)) => Reply::Failed { message },
            }
        }
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
