//! `rungs simulate OLD --compare NEW` and `rungs simulate LADDER --sensitivity`
//! (docs/simulation.md, "Comparing two ladders" and "Sensitivity").

mod common;

use common::{examples_dir, rungs, temp_file};
use serde_json::Value;

fn ex(name: &str) -> String {
    examples_dir().join(name).to_str().unwrap().to_string()
}

/// The SaaS example with slower responders by default: acknowledgements come later.
fn slower_saas() -> String {
    let mut l: Value =
        serde_json::from_str(&std::fs::read_to_string(ex("saas.json")).unwrap()).unwrap();
    l["defaults"]["response"]["ack_p90"] = "40m".into();
    temp_file("slower-saas.json", &l.to_string())
        .to_str()
        .unwrap()
        .to_string()
}

fn json(out: &std::process::Output) -> Value {
    assert!(out.status.code().is_some(), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn compare_prints_both_studies_as_simulate_does_and_their_differences() {
    let (old, new) = (ex("saas.json"), slower_saas());
    let args = |jobs: &'static str| {
        rungs(&[
            "simulate",
            &old,
            "--compare",
            &new,
            "--scenario",
            "checkout-3am",
            "--runs",
            "300",
            "--format",
            "json",
            "--jobs",
            jobs,
        ])
    };
    let out = args("1");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["differences", "new", "old", "regression"]);
    for (key, file) in [("old", &old), ("new", &new)] {
        let alone = rungs(&[
            "simulate",
            file,
            "--scenario",
            "checkout-3am",
            "--runs",
            "300",
            "--format",
            "json",
        ]);
        assert_eq!(v[key], json(&alone), "{key}");
    }
    let diffs = v["differences"].as_array().unwrap();
    let ack = diffs
        .iter()
        .find(|d| d["figure"] == "breach_rate.sev1.acknowledge")
        .unwrap();
    assert_eq!(ack["verdict"], "worse", "{ack}");
    assert_eq!(ack["old"], v["old"]["breach_rate"]["sev1"]["acknowledge"]);
    assert_eq!(ack["new"], v["new"]["breach_rate"]["sev1"]["acknowledge"]);
    let ci = ack["ci95"].as_array().unwrap();
    assert!(ci[0].as_f64().unwrap() > 0.0, "{ack}");
    assert!(diffs
        .iter()
        .all(|d| ["better", "worse", "no_clear_difference"]
            .contains(&d["verdict"].as_str().unwrap())));
    assert_eq!(v["regression"], true);
    // the same bytes for any number of threads
    assert_eq!(args("3").stdout, out.stdout);
}

#[test]
fn compare_as_text_is_a_table_with_verdicts_that_do_not_rely_on_colour() {
    let out = rungs(&[
        "simulate",
        &ex("saas.json"),
        "--compare",
        &slower_saas(),
        "--scenario",
        "checkout-3am",
        "--runs",
        "300",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("figure") && text.contains("95% CI") && text.contains("verdict"),
        "{text}"
    );
    let line = text
        .lines()
        .find(|l| l.starts_with("sev1 acknowledge breach rate"))
        .unwrap();
    assert!(line.ends_with("▲ worse") && line.contains(" pp"), "{line}");
    assert!(
        text.contains("Regression (a breach rate or a p90 clearly worse): yes"),
        "{text}"
    );
}

#[test]
fn fail_on_regression_exits_1_on_a_worse_ladder_and_0_on_the_same() {
    let old = ex("saas.json");
    let run = |new: &str| {
        rungs(&[
            "simulate",
            &old,
            "--compare",
            new,
            "--scenario",
            "checkout-3am",
            "--runs",
            "300",
            "--fail-on-regression",
        ])
    };
    let worse = run(&slower_saas());
    assert_eq!(worse.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&worse.stderr).contains("clearly worse"));
    let same = run(&old);
    assert_eq!(
        same.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&same.stderr)
    );
    let text = String::from_utf8(same.stdout).unwrap();
    let rows: Vec<&str> = (text.lines())
        .filter(|l| ["sev", "p90 ", "median "].iter().any(|p| l.starts_with(p)))
        .collect();
    assert_eq!(rows.len(), 14 + 8, "{text}");
    assert!(
        rows.iter().all(|l| l.ends_with("= no clear difference")),
        "{text}"
    );
}

#[test]
fn compare_needs_the_scenario_in_both_ladders_and_runs() {
    let out = rungs(&[
        "simulate",
        &ex("saas.json"),
        "--compare",
        &ex("startup.json"),
        "--scenario",
        "checkout-3am",
        "--runs",
        "10",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("startup.json has no scenario `checkout-3am`"),
        "{err}"
    );
    let no_runs = rungs(&[
        "simulate",
        &ex("saas.json"),
        "--compare",
        &ex("saas.json"),
        "--scenario",
        "checkout-3am",
    ]);
    assert_eq!(no_runs.status.code(), Some(2));
    let no_compare = rungs(&[
        "simulate",
        &ex("saas.json"),
        "--scenario",
        "checkout-3am",
        "--runs",
        "10",
        "--fail-on-regression",
    ]);
    assert_eq!(no_compare.status.code(), Some(2));
}

#[test]
fn sensitivity_orders_the_knobs_by_influence_in_text_and_json() {
    let base = [
        "simulate",
        "--scenario",
        "checkout-3am",
        "--runs",
        "60",
        "--sensitivity",
    ];
    let ladder = ex("saas.json");
    let with = |extra: &[&str]| {
        let mut a: Vec<&str> = vec![base[0], &ladder];
        a.extend(&base[1..]);
        a.extend(extra);
        rungs(&a)
    };
    let out = with(&["--format", "json", "--jobs", "1"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    let alone = rungs(&[
        "simulate",
        &ladder,
        "--scenario",
        "checkout-3am",
        "--runs",
        "60",
        "--format",
        "json",
    ]);
    assert_eq!(v["baseline"], json(&alone));
    let rows = v["tornado"]["rows"].as_array().unwrap();
    // 9 steps, 17 timelines, 10 people with a median and a p90 each
    assert_eq!(rows.len(), 9 + 17 + 20);
    let influence: Vec<f64> = rows
        .iter()
        .map(|r| r["influence"].as_f64().unwrap())
        .collect();
    assert!(influence.windows(2).all(|w| w[0] >= w[1]), "{influence:?}");
    assert!(influence[0] > 0.0);
    assert_eq!(
        with(&["--format", "json", "--jobs", "3"]).stdout,
        out.stdout
    );

    let text = String::from_utf8(with(&[]).stdout).unwrap();
    assert!(
        text.contains("Most influential first, by breaches per incident"),
        "{text}"
    );
    let first = rows[0]["label"].as_str().unwrap();
    let table: Vec<&str> = text
        .lines()
        .filter(|l| l.contains('│') && !l.starts_with("Most"))
        .collect();
    assert_eq!(table.len(), rows.len(), "{text}");
    assert!(table[0].starts_with(first), "{text}");
    assert!(table[0].contains('█'), "{text}");
}
