//! Prints the generated large ladder (500 people, 50 rotations, 8 tiers, 200 services) as
//! canonical JSON, for browser measurements:
//! `cargo run -p rungs-core --example large_ladder > large.json`

fn main() {
    let ladder = rungs_core::examples::large_ladder(500, 50, 8, 200);
    print!("{}", rungs_core::to_canonical_json(&ladder));
}
