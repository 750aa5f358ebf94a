//! Runs the criterion benchmark's study once (SaaS example, scenario `checkout-3am`,
//! 10,000 incidents, seed 42) and prints its summary as JSON, for a load-independent
//! instruction count and a check that a change leaves the results as they were:
//!
//! ```sh
//! cargo build --profile bench -p rungs-core --example monte_carlo_10k
//! perf stat -e instructions target/release/examples/monte_carlo_10k > summary.json
//! ```
//!
//! An argument sets the number of runs (default 10,000).

use rungs_core::{examples, parse_ladder, sim};

fn main() {
    let runs = std::env::args()
        .nth(1)
        .map_or(10_000, |a| a.parse().expect("a number of runs"));
    let ladder = parse_ladder(examples::EXAMPLES[0].json).expect("the example parses");
    let scenario = ladder.scenarios[0].to_document();
    let model = sim::SimModel::new(&ladder, &scenario).expect("the scenario resolves");
    let summary = sim::monte_carlo(std::hint::black_box(&model), 42, runs, |_| {});
    println!(
        "{}",
        serde_json::to_string_pretty(&summary).expect("it serialises")
    );
}
