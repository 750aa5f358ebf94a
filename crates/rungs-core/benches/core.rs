//! Benchmarks of the core. Run with `cargo bench -p rungs-core --bench core`; results
//! are reported in docs/performance.md.

use criterion::{criterion_group, criterion_main, Criterion};
use rungs_core::{examples, parse_ladder, to_canonical_json, validate_ladder, Instant};
use std::hint::black_box;

fn validation(c: &mut Criterion) {
    let at = Instant::parse("2026-03-01T00:00:00Z").unwrap();
    let large = examples::large_ladder(500, 50, 8, 200);
    let large_text = to_canonical_json(&large);
    let saas = parse_ladder(examples::EXAMPLES[0].json).unwrap();

    c.bench_function(
        "validate large ladder (500 people, 50 rotations, 8 tiers, 200 services)",
        |b| b.iter(|| validate_ladder(black_box(&large), at)),
    );
    c.bench_function("parse large ladder", |b| {
        b.iter(|| parse_ladder(black_box(&large_text)).unwrap())
    });
    c.bench_function("validate saas example", |b| {
        b.iter(|| validate_ladder(black_box(&saas), at))
    });
}

criterion_group!(benches, validation);
criterion_main!(benches);
