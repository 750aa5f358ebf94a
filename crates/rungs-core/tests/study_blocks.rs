//! A study split into blocks: the tallies of the blocks, sent as JSON or bytes and merged
//! in any order, or a study dealt to workers block by block as they come free, summarise
//! byte for byte to the sequential study; malformed tallies are errors.

use proptest::prelude::*;
use rungs_core::sim::{self, SimModel, Tally, TallyError};
use rungs_core::*;
use serde_json::{json, Value};

/// Every scenario of every example ladder (the SaaS one is the golden files' ladder).
fn models() -> Vec<(String, SimModel, u64)> {
    let mut out = Vec::new();
    for ex in examples::EXAMPLES {
        let ladder = parse_ladder(ex.json).unwrap();
        for s in &ladder.scenarios {
            let doc = s.to_document();
            let m = SimModel::new(&ladder, &doc).unwrap();
            out.push((format!("{}/{}", ex.key, s.id), m, doc.seed));
        }
    }
    out
}

fn pretty(s: &sim::Summary) -> String {
    serde_json::to_string_pretty(s).unwrap()
}

/// A permutation of `0..n` from `seed` (a small LCG shuffle, enough to vary the order).
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    for i in (1..n).rev() {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        order.swap(i, (x >> 33) as usize % (i + 1));
    }
    order
}

/// The study split into `jobs` blocks, each tally through JSON, merged in `order_seed`'s
/// order, summarised.
fn split(m: &SimModel, seed: u64, runs: u32, jobs: u32, order_seed: u64) -> sim::Summary {
    let texts: Vec<String> = sim::blocks(runs, jobs)
        .into_iter()
        .map(|b| {
            let mut study = sim::Study::block(m, seed, b);
            while !study.is_finished() {
                study.run(7); // in slices, as the browser does
            }
            study.into_tally().to_json()
        })
        .collect();
    let mut tally = Tally::empty(m);
    for i in shuffled(texts.len(), order_seed) {
        tally.merge(Tally::from_json(&texts[i]).unwrap()).unwrap();
    }
    tally.summarise(m, seed, runs).unwrap()
}

#[test]
fn every_split_in_any_order_summarises_to_the_sequential_study() {
    let runs = 150;
    for (name, m, seed) in models() {
        let sequential = pretty(&sim::Study::new(&m, seed, runs).finish());
        assert_eq!(
            sequential,
            pretty(&sim::monte_carlo(&m, seed, runs, |_| {})),
            "{name}"
        );
        for (k, jobs) in [1, 2, 3, 4, 7].into_iter().enumerate() {
            let merged = pretty(&split(&m, seed, runs, jobs, k as u64 + seed));
            assert!(merged == sequential, "{name}: {jobs} blocks differ");
        }
    }
}

#[test]
fn the_golden_study_is_the_merge_of_its_blocks() {
    // the 300-run studies of tests/golden/saas.figures.json, split seven ways
    let ladder = parse_ladder(examples::EXAMPLES[0].json).unwrap();
    let golden: Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/saas.figures.json"),
        )
        .unwrap(),
    )
    .unwrap();
    for s in &ladder.scenarios {
        let doc = s.to_document();
        let m = SimModel::new(&ladder, &doc).unwrap();
        let merged = split(&m, doc.seed, 300, 7, 3);
        assert_eq!(
            serde_json::to_value(&merged).unwrap(),
            golden[s.id.as_str()]["study"],
            "{}",
            s.id
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_runs_any_jobs_any_order(runs in 0u32..80, jobs in 0u32..12, order in any::<u64>(), seed in any::<u64>()) {
        let (_, m, _) = &models()[0];
        let sequential = pretty(&sim::Study::new(m, seed, runs).finish());
        prop_assert_eq!(pretty(&split(m, seed, runs, jobs, order)), sequential);
    }

    #[test]
    fn blocks_cover_the_runs_in_at_most_jobs_even_blocks(runs in 0u32..100_000, jobs in 0u32..200) {
        let b = sim::blocks(runs, jobs);
        prop_assert!(b.len() <= jobs.max(1) as usize);
        prop_assert_eq!(b.len(), jobs.max(1).min(runs) as usize);
        let mut next = 0;
        for r in &b {
            prop_assert_eq!(r.start, next);
            prop_assert!(r.end > r.start, "an empty block");
            next = r.end;
        }
        prop_assert_eq!(next, runs);
        let lens: Vec<u32> = b.iter().map(|r| r.end - r.start).collect();
        if let (Some(max), Some(min)) = (lens.iter().max(), lens.iter().min()) {
            prop_assert!(max - min <= 1);
        }
    }
}

#[test]
fn blocks_at_the_edges() {
    assert_eq!(sim::blocks(0, 0), vec![]);
    assert_eq!(sim::blocks(1, 0), vec![0..1]);
    assert_eq!(sim::blocks(1, 8), vec![0..1]);
    assert_eq!(sim::blocks(5, 2), vec![0..3, 3..5]);
    assert_eq!(
        sim::blocks(u32::MAX, 2),
        vec![0..u32::MAX / 2 + 1, u32::MAX / 2 + 1..u32::MAX]
    );
    assert_eq!(sim::blocks(9, u32::MAX).len(), 9);
}

fn saas() -> (SimModel, u64) {
    let (_, m, seed) = models().swap_remove(0);
    (m, seed)
}

/// A block's tally as a JSON value, to break.
fn tally_value(m: &SimModel, seed: u64, block: std::ops::Range<u32>) -> Value {
    serde_json::from_str(&sim::Study::block(m, seed, block).into_tally().to_json()).unwrap()
}

fn read(v: &Value) -> Result<Tally, TallyError> {
    Tally::from_json(&v.to_string())
}

#[test]
fn a_tally_is_compact_json() {
    let (m, seed) = saas();
    let text = sim::Study::new(&m, seed, 2_000).into_tally().to_json();
    // well under 4 MB for 100,000 runs
    assert!(text.len() < 2_000 * 25, "{} bytes", text.len());
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(v["ms"][0].as_array().unwrap().iter().all(Value::is_u64));
    assert_eq!(v["runs"], json!([[0, 2000]]));
}

/// The study dealt to `workers` workers as they come free, as the browser's study
/// workers run it: each adds the tally of every block it is dealt to the one it keeps,
/// the ones that finish first hand theirs in as bytes, and the last merges them with its
/// own. `order_seed` picks what happens next: which busy worker finishes its block, or
/// (now and then) which handed-in tally arrives, so some arrive after the last block is
/// done and the merge waits for them (the `bool`: whether it did).
fn dealt(
    m: &SimModel,
    seed: u64,
    runs: u32,
    workers: u32,
    order_seed: u64,
) -> (sim::Summary, bool) {
    let (mut dealer, first) = sim::Dealer::new(runs, workers);
    let n = first.len();
    assert_eq!(n, workers as usize, "every worker takes part");
    let mut running: Vec<Option<std::ops::Range<u32>>> = first.into_iter().map(Some).collect();
    let mut kept: Vec<Option<Tally>> = vec![None; n];
    let mut handed: Vec<Option<Vec<u8>>> = vec![None; n];
    // tallies handed in and still on their way
    let mut on_the_way: Vec<usize> = Vec::new();
    let mut waited = false;
    let mut pick = order_seed;
    let merge =
        |k: usize, from: &[usize], kept: &mut [Option<Tally>], handed: &mut [Option<Vec<u8>>]| {
            let mut all = kept[k].take().unwrap();
            for &j in from {
                let bytes = handed[j].take().expect("handed in once");
                all.merge(Tally::from_bytes(&bytes).unwrap()).unwrap();
            }
            (all.summarise(m, seed, runs).unwrap(), from.len())
        };
    let (summary, merged) = loop {
        let busy: Vec<usize> = (0..n).filter(|&k| running[k].is_some()).collect();
        pick = pick
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        if !on_the_way.is_empty() && (busy.is_empty() || (pick >> 40) % 3 == 0) {
            let k = on_the_way.remove((pick >> 33) as usize % on_the_way.len());
            if let sim::Deal::Merge(from) = dealer.handed(k) {
                break merge(dealer.merger().unwrap(), &from, &mut kept, &mut handed);
            }
            continue;
        }
        let k = busy[(pick >> 33) as usize % busy.len()];
        let block = running[k].take().unwrap();
        let tally = sim::Study::block(m, seed, block).into_tally();
        match &mut kept[k] {
            Some(all) => all.merge(tally).unwrap(),
            none => *none = Some(tally),
        }
        match dealer.ran(k) {
            sim::Deal::Run(next) => running[k] = Some(next),
            sim::Deal::Hand => {
                handed[k] = Some(kept[k].take().unwrap().to_bytes());
                on_the_way.push(k);
            }
            sim::Deal::Merge(from) => break merge(k, &from, &mut kept, &mut handed),
            // the last to finish, while tallies are on their way
            sim::Deal::Wait => waited = true,
        }
    };
    assert_eq!(merged, n - 1, "every other worker's tally is merged");
    (summary, waited)
}

#[test]
fn a_study_dealt_to_workers_as_they_come_free_equals_the_sequential_study() {
    let mut waited = 0;
    for (name, m, seed) in models().into_iter().take(2) {
        let whole = pretty(&sim::Study::new(&m, seed, 16_000).finish());
        for (workers, order) in [(1, 0), (2, 1), (2, 2), (3, 3), (8, 4), (8, 5)] {
            let (summary, waits) = dealt(&m, seed, 16_000, workers, order);
            assert_eq!(
                pretty(&summary),
                whole,
                "{name}: {workers} workers, order {order}"
            );
            waited += usize::from(waits);
        }
    }
    // some dealings left the last worker waiting for a tally on its way
    assert!(waited > 0);
}

#[test]
fn a_tally_in_bytes_is_the_same_tally_in_less_than_half_the_json() {
    let (m, seed) = saas();
    let tally = sim::Study::block(&m, seed, 500..2_500).into_tally();
    let bytes = tally.to_bytes();
    assert_eq!(Tally::from_bytes(&bytes), Ok(tally.clone()));
    assert!(
        bytes.len() * 2 < tally.to_json().len(),
        "{} bytes against {} of JSON",
        bytes.len(),
        tally.to_json().len()
    );
    // blocks apart, and a budget cause, survive the trip
    let mut apart = sim::Study::block(&m, seed, 0..10).into_tally();
    apart
        .merge(sim::Study::block(&m, seed, 20..30).into_tally())
        .unwrap();
    assert_eq!(Tally::from_bytes(&apart.to_bytes()), Ok(apart.clone()));
    let mut v = tally_value(&m, seed, 0..10);
    v["budget_exhausted"] = json!(1);
    v["budget_cause"] = json!([3, "a page loop <b>"]);
    let caused = read(&v).unwrap();
    assert_eq!(Tally::from_bytes(&caused.to_bytes()), Ok(caused));
    // the merge and summary read from bytes equal the study's
    let mut all =
        Tally::from_bytes(&sim::Study::block(&m, seed, 0..500).into_tally().to_bytes()).unwrap();
    all.merge(Tally::from_bytes(&bytes).unwrap()).unwrap();
    assert_eq!(
        all.summarise(&m, seed, 2_500),
        Ok(sim::Study::new(&m, seed, 2_500).finish())
    );
}

#[test]
fn broken_bytes_are_errors_not_panics() {
    let (m, seed) = saas();
    let bytes = sim::Study::new(&m, seed, 200).into_tally().to_bytes();
    // every cut short, and anything after the end
    for end in 0..bytes.len() {
        assert!(
            matches!(
                Tally::from_bytes(&bytes[..end]),
                Err(TallyError::Malformed(_))
            ),
            "cut at {end}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(
        Tally::from_bytes(&longer),
        Err(TallyError::Malformed(_))
    ));
    // each byte flipped: an error or some tally, never a panic; what reads is checked
    // again when it is summarised
    for i in 0..bytes.len() {
        let mut b = bytes.clone();
        b[i] ^= 0xA5;
        if let Ok(t) = Tally::from_bytes(&b) {
            let _ = t.summarise(&m, seed, 200);
        }
    }
    // a list of four billion blocks is refused without reserving room for them
    assert!(Tally::from_bytes(&[0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0, 1]).is_err());
}

#[test]
fn malformed_tallies_are_errors_not_panics() {
    let (m, seed) = saas();
    let good = tally_value(&m, seed, 0..20);
    assert!(read(&good).unwrap().summarise(&m, seed, 20).is_ok());
    let broken = |pointer: &str, value: Value| {
        let mut v = good.clone();
        *v.pointer_mut(pointer).unwrap() = value;
        v
    };
    // not a tally at all
    for text in ["", "{}", "[]", "null", "{\"runs\": 3}"] {
        assert!(
            matches!(Tally::from_json(text), Err(TallyError::Malformed(_))),
            "{text}"
        );
    }
    // out of range values, refused on reading
    for (pointer, value) in [
        ("/runs", json!([[5, 5]])),
        ("/runs", json!([[0, 10], [5, 20]])),
        ("/runs", json!([[-1, 3]])),
        ("/ms/0", json!([u64::MAX, 1])),
        ("/ms/1", json!([1.5])),
        ("/met", json!([1, 2, 3])),
        ("/budget_cause", json!("x")),
        ("/precursors", json!([[0, 0]])),
    ] {
        let err = read(&broken(pointer, value.clone())).unwrap_err();
        assert!(
            matches!(err, TallyError::Malformed(_)),
            "{pointer} {value}: {err}"
        );
    }
    let mut extra = good.clone();
    extra["surprise"] = json!(1);
    assert!(read(&extra).is_err());
    // lengths that do not fit the ladder: read, then refused when summarised or merged
    let tiers = good["reached"].as_array().unwrap().len();
    for (pointer, value) in [
        ("/reached", json!([1])),
        ("/exhausted", json!(vec![0; tiers + 1])),
        ("/pages", json!([])),
        ("/off_hours", json!([0])),
        ("/tier_at/2", json!([0, 0])),
        ("/breaches", json!([[0, 0, 0, 0]])),
        ("/precursors", json!([[tiers, 0, 1]])),
        ("/precursors", json!([[0, 10_000, 1]])),
    ] {
        let t = read(&broken(pointer, value.clone())).unwrap();
        let err = t.summarise(&m, seed, 20).unwrap_err();
        assert!(
            matches!(err, TallyError::Mismatch(_)),
            "{pointer} {value}: {err}"
        );
        if pointer != "/precursors" {
            let mut other = Tally::empty(&m);
            assert!(other.merge(t).is_err(), "{pointer}");
        }
    }
    // a tally of another ladder
    let startup = parse_ladder(examples::EXAMPLES[1].json).unwrap();
    let doc = startup.scenarios[0].to_document();
    let other = SimModel::new(&startup, &doc).unwrap();
    let theirs = sim::Study::new(&other, seed, 20).into_tally();
    assert!(theirs.summarise(&m, seed, 20).is_err());
    assert!(Tally::empty(&m).merge(theirs).is_err());
}

#[test]
fn missing_or_repeated_runs_are_errors() {
    let (m, seed) = saas();
    let a = Tally::from_json(&tally_value(&m, seed, 0..10).to_string()).unwrap();
    let b = Tally::from_json(&tally_value(&m, seed, 10..20).to_string()).unwrap();
    let c = Tally::from_json(&tally_value(&m, seed, 15..30).to_string()).unwrap();
    // a block missing
    let err = a.summarise(&m, seed, 20).unwrap_err();
    assert_eq!(err.to_string(), "the tallies count runs [0..10], not 0..20");
    let mut ac = a.clone();
    ac.merge(c.clone()).unwrap();
    assert_eq!(ac.covered(), &[0..10, 15..30]);
    assert!(matches!(
        ac.summarise(&m, seed, 30),
        Err(TallyError::Coverage { .. })
    ));
    // a block counted twice, or overlapping: refused, the tally unchanged
    let mut ab = a.clone();
    ab.merge(b.clone()).unwrap();
    let before = ab.clone();
    assert_eq!(ab.merge(b), Err(TallyError::Overlap { run: 10 }));
    assert_eq!(ab.merge(c), Err(TallyError::Overlap { run: 15 }));
    assert_eq!(ab, before);
    assert_eq!(ab.runs(), 20);
    // no runs at all
    assert_eq!(
        Tally::empty(&m).summarise(&m, seed, 0).unwrap(),
        sim::Study::new(&m, seed, 0).finish()
    );
}

#[test]
fn the_budget_cause_is_that_of_the_lowest_run_whatever_the_order() {
    let (m, seed) = saas();
    let with_cause = |block: std::ops::Range<u32>, run: u32, cause: &str| {
        let mut v = tally_value(&m, seed, block);
        v["budget_exhausted"] = json!(1);
        v["budget_cause"] = json!([run, cause]);
        read(&v).unwrap()
    };
    let parts = [
        with_cause(0..10, 7, "seven"),
        read(&tally_value(&m, seed, 10..20)).unwrap(),
        with_cause(20..30, 21, "twenty-one"),
    ];
    for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]] {
        let mut t = Tally::empty(&m);
        for i in order {
            t.merge(parts[i].clone()).unwrap();
        }
        assert_eq!(t.budget_cause(), Some("seven"), "{order:?}");
        assert_eq!(t.budget_exhausted_runs(), 2);
        assert_eq!(t.summarise(&m, seed, 30).unwrap().budget_exhausted_runs, 2);
    }
}
