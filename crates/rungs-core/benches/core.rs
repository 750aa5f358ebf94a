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

fn simulation(c: &mut Criterion) {
    use criterion::Throughput;
    use rungs_core::sim::{self, SimModel};
    let ladder = parse_ladder(examples::EXAMPLES[0].json).unwrap();
    let scenario = ladder.scenarios[0].to_document();
    let model = SimModel::new(&ladder, &scenario).unwrap();
    // Events per incident, to turn incidents per second into events per second.
    let mut engine = sim::Engine::new(&model, 42, false);
    for i in 1..=1000u64 {
        engine.run();
        engine.reset(42 + i);
    }
    eprintln!(
        "events per incident (mean of 1000 runs): {:.1}",
        engine.events_processed() as f64 / 1000.0
    );
    let mut group = c.benchmark_group("monte carlo, saas example, checkout-3am");
    const RUNS: u32 = 10_000;
    group.throughput(Throughput::Elements(u64::from(RUNS)));
    group.sample_size(20);
    group.bench_function("10,000 incidents", |b| {
        b.iter(|| sim::monte_carlo(black_box(&model), 42, RUNS, |_| {}))
    });
    group.finish();
    c.bench_function("single run with event log, saas example", |b| {
        b.iter(|| sim::run_once(black_box(&model), 42))
    });
}

fn designer_views(c: &mut Criterion) {
    use rungs_core::{coverage, diagram, TimeZoneName};
    let large = examples::large_ladder(500, 50, 8, 200);
    let zone = TimeZoneName::new("Europe/London").unwrap();
    // A week with a DST change in London and in several rotation zones.
    let at = Instant::parse("2026-03-25T12:00:00Z").unwrap();
    let mut group = c.benchmark_group("coverage");
    group.bench_function("week_grid_large", |b| {
        b.iter(|| coverage::week_grid(black_box(&large), &zone, at))
    });
    group.finish();
    let mut group = c.benchmark_group("diagram");
    group.bench_function("layout_large", |b| {
        b.iter(|| diagram::layout(black_box(&large)))
    });
    group.finish();
}

/// A legal ladder of 30,000 people sharing one role and one rotation: validation and the
/// whole pipeline the designer runs on each keystroke (parsing aside). Run with
/// `cargo bench -p rungs-core --bench core -- "30k"`.
fn thirty_thousand_people(c: &mut Criterion) {
    use rungs_core::{coverage, diagram, overview::LadderOverview, TimeZoneName};
    let at = Instant::parse("2026-03-01T00:00:00Z").unwrap();
    let ladder = examples::shared_role_ladder(30_000);
    let zone = TimeZoneName::new("Europe/London").unwrap();
    let mut group = c.benchmark_group("30k people sharing one role");
    group.sample_size(20);
    group.bench_function("validate 30k people", |b| {
        b.iter(|| validate_ladder(black_box(&ladder), at))
    });
    // The pipeline's other stages one by one, to see where its time goes.
    group.bench_function("overview 30k people", |b| {
        b.iter(|| LadderOverview::new(black_box(&ladder)))
    });
    group.bench_function("coverage grid 30k people", |b| {
        b.iter(|| coverage::week_grid(black_box(&ladder), &zone, at))
    });
    group.bench_function("diagram 30k people", |b| {
        b.iter(|| diagram::layout(black_box(&ladder)))
    });
    group.bench_function("canonical JSON 30k people", |b| {
        b.iter(|| to_canonical_json(black_box(&ladder)))
    });
    group.bench_function("keystroke pipeline 30k people", |b| {
        b.iter(|| {
            let l = black_box(&ladder);
            let report = validate_ladder(l, at);
            let overview = LadderOverview::new(l);
            // One call computes the grid of every tier.
            let grid = coverage::week_grid(l, &zone, at);
            let picture = diagram::layout(l);
            let json = to_canonical_json(l);
            (report, overview, grid, picture, json)
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    validation,
    simulation,
    designer_views,
    thirty_thousand_people
);
criterion_main!(benches);
