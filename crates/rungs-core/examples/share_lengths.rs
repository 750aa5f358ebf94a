//! Prints the share-link payload length of each example:
//! `cargo run -p rungs-core --example share_lengths`

fn main() {
    for ex in rungs_core::examples::EXAMPLES {
        let ladder = rungs_core::parse_ladder(ex.json).expect("examples parse");
        let payload = rungs_core::share::encode(&ladder);
        println!(
            "{:<8} {:>6} characters after #ladder=",
            ex.key,
            payload.len()
        );
    }
}
