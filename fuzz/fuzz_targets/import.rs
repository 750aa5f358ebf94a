//! Arbitrary bytes as files to import: the first byte picks the system, the rest is split
//! on NUL bytes into one to three files (UTF-8 lossy). Importing never panics; a ladder
//! that imports validates, exports for every provider, and each export imports back as
//! Terraform, all without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rungs_core::{validate_ladder, Instant};
use rungs_interop::{export, import, ImportOptions, Provider, SourceFile, System};

fuzz_target!(init: rungs_fuzz::catch_stack_overflows(), |data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let system = System::ALL[usize::from(pick) % System::ALL.len()];
    let files: Vec<SourceFile> = rest
        .splitn(3, |&b| b == 0)
        .enumerate()
        .map(|(i, part)| SourceFile {
            name: format!("file{i}"),
            text: String::from_utf8_lossy(part).into_owned(),
        })
        .collect();
    let Ok(imported) = import(system, &files, &ImportOptions::default()) else {
        return;
    };
    let at = Instant::parse("2026-03-14T03:00:00Z").unwrap();
    let _ = validate_ladder(&imported.ladder, at);
    for provider in Provider::ALL {
        let exported = export(provider, &imported.ladder);
        let file = SourceFile {
            name: format!("{}.tf", provider.slug()),
            text: exported.text,
        };
        let _ = import(System::Terraform, &[file], &ImportOptions::default());
    }
});
