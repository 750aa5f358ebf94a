//! Prints a ladder of N people (default 30,000) who share one role and one rotation, as
//! canonical JSON, for the browser measurement of a keystroke on a very large ladder:
//! `cargo run --release -p rungs-core --example shared_role_ladder 30000 > target/30k.json`

fn main() {
    let people = std::env::args()
        .nth(1)
        .map(|n| n.parse().expect("a number of people"))
        .unwrap_or(30_000);
    let ladder = rungs_core::examples::shared_role_ladder(people);
    print!("{}", rungs_core::to_canonical_json(&ladder));
}
