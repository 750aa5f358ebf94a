//! Runs each stage of the designer's keystroke pipeline once on
//! `examples::shared_role_ladder(30_000)`, for a load-independent instruction count:
//!
//! ```sh
//! cargo build --release -p rungs-core --example keystroke_30k
//! valgrind --tool=callgrind --toggle-collect='keystroke_30k::stage*' \
//!     target/release/examples/keystroke_30k
//! ```
//!
//! (`callgrind_annotate` then gives the instructions of each stage.) An argument names
//! one stage (`validate`, `overview`, `coverage`, `diagram`, `json`); without one, all run.

use rungs_core::{
    coverage, diagram, examples, overview::LadderOverview, to_canonical_json, validate_ladder,
    Instant, Ladder, TimeZoneName,
};
use std::hint::black_box;

#[inline(never)]
fn stage_validate(l: &Ladder, at: Instant) -> usize {
    validate_ladder(black_box(l), at).diagnostics.len()
}

#[inline(never)]
fn stage_overview(l: &Ladder) -> usize {
    LadderOverview::new(black_box(l)).people.len()
}

#[inline(never)]
fn stage_coverage(l: &Ladder, zone: &TimeZoneName, at: Instant) -> usize {
    coverage::week_grid(black_box(l), zone, at).people.len()
}

#[inline(never)]
fn stage_diagram(l: &Ladder) -> usize {
    black_box(diagram::layout(black_box(l)));
    1
}

#[inline(never)]
fn stage_json(l: &Ladder) -> usize {
    to_canonical_json(black_box(l)).len()
}

fn main() {
    let only = std::env::args().nth(1);
    let run = |name: &str| only.as_deref().is_none_or(|o| o == name);
    let at = Instant::parse("2026-03-01T00:00:00Z").unwrap();
    let zone = TimeZoneName::new("Europe/London").unwrap();
    let ladder = examples::shared_role_ladder(30_000);
    let mut n = 0;
    if run("validate") {
        n += stage_validate(&ladder, at);
    }
    if run("overview") {
        n += stage_overview(&ladder);
    }
    if run("coverage") {
        n += stage_coverage(&ladder, &zone, at);
    }
    if run("diagram") {
        n += stage_diagram(&ladder);
    }
    if run("json") {
        n += stage_json(&ladder);
    }
    println!("{n}");
}
