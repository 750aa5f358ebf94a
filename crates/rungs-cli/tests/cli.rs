//! The `rungs` binary as a CI pipeline uses it.

mod common;

use common::{examples_dir, rungs, temp_file};

#[test]
fn schema_prints_the_checked_in_schemas() {
    for (kind, file) in [
        ("ladder", "ladder.v1.schema.json"),
        ("scenario", "scenario.v1.schema.json"),
    ] {
        let out = rungs(&["schema", kind]);
        assert!(out.status.success());
        let on_disk = std::fs::read_to_string(examples_dir().join("../schema").join(file)).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), on_disk, "{kind}");
    }
}

#[test]
fn fmt_prints_canonical_json_that_formats_to_itself() {
    let out = rungs(&["fmt", examples_dir().join("saas.json").to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let once = String::from_utf8(out.stdout).unwrap();
    assert!(once.starts_with(
        "{\n  \"format\": \"rungs.ladder/v1\",\n  \"name\": \"Nimbus Cloud Platform\""
    ));
    let path = temp_file("once.json", &once);
    let twice = rungs(&["fmt", path.to_str().unwrap()]);
    assert_eq!(String::from_utf8(twice.stdout).unwrap(), once);
}

#[test]
fn fmt_reads_scenarios_too() {
    let ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json).unwrap();
    let doc = rungs_core::to_canonical_json(&ladder.scenarios[0].to_document());
    let path = temp_file("scenario.json", &doc);
    let out = rungs(&["fmt", path.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), doc);
}

#[test]
fn fmt_reports_parse_errors_with_line_and_column_and_exits_1() {
    let path = temp_file(
        "bad.json",
        "{\n  \"format\": \"rungs.ladder/v1\",\n  \"name\": \"x\",\n  \"tires\": []\n}\n",
    );
    let out = rungs(&["fmt", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("line 4, column 9"), "{err}");
    assert!(
        err.contains("unknown field `tires`, did you mean `tiers`?"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn unreadable_files_and_bad_usage_exit_2() {
    let out = rungs(&["fmt", "/nonexistent/ladder.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/ladder.json"));
    assert_eq!(rungs(&["schema", "tier"]).status.code(), Some(2));
    assert_eq!(rungs(&["frobnicate"]).status.code(), Some(2));
    assert!(rungs(&["--help"]).status.success());
}

#[test]
fn fmt_write_rewrites_in_place() {
    let path = temp_file("inplace.json", rungs_core::examples::EXAMPLES[1].json);
    assert!(rungs(&["fmt", "--write", path.to_str().unwrap()])
        .status
        .success());
    let text = std::fs::read_to_string(&path).unwrap();
    let ladder = rungs_core::parse_ladder(&text).unwrap();
    assert_eq!(text, rungs_core::to_canonical_json(&ladder));
}

fn ex(name: &str) -> String {
    examples_dir().join(name).to_str().unwrap().to_string()
}

const AT: &str = "--at=2026-03-01T00:00:00Z";

#[test]
fn validate_passes_the_examples() {
    let out = rungs(&[
        "validate",
        AT,
        &ex("saas.json"),
        &ex("startup.json"),
        &ex("fintech.json"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines()
            .filter(|l| l.ends_with("valid, 0 errors, 0 warnings"))
            .count(),
        3,
        "{text}"
    );
}

fn broken_ladder() -> std::path::PathBuf {
    let mut doc: serde_json::Value =
        serde_json::from_str(rungs_core::examples::EXAMPLES[1].json).unwrap();
    doc["tiers"][0]["escalation"]["steps"][0]["notify"][0] =
        serde_json::json!({ "rotation": "weekyl" });
    temp_file("broken.json", &serde_json::to_string_pretty(&doc).unwrap())
}

fn warned_ladder() -> std::path::PathBuf {
    let mut doc: serde_json::Value =
        serde_json::from_str(rungs_core::examples::EXAMPLES[1].json).unwrap();
    doc["roles"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "id": "legal", "name": "Legal" }));
    temp_file("warned.json", &serde_json::to_string_pretty(&doc).unwrap())
}

#[test]
fn validate_reports_errors_like_rustc_and_exits_1() {
    let out = rungs(&["validate", AT, broken_ladder().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("error[unknown-reference]: P1 Site down step 1 pages the rotation “weekyl”, which does not exist.\n"), "{text}");
    assert!(
        text.contains("broken.json at /tiers/0/escalation/steps/0/notify/0/rotation\n"),
        "{text}"
    );
    assert!(
        text.contains("  = hint: Did you mean “Weekly on-call” (id weekly)?\n"),
        "{text}"
    );
    assert!(text.contains("broken.json: invalid, 1 error, "), "{text}");
}

#[test]
fn validate_json_prints_one_object_per_file() {
    let out = rungs(&[
        "validate",
        "--format",
        "json",
        AT,
        broken_ladder().to_str().unwrap(),
        &ex("saas.json"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["valid"], false);
    assert_eq!(docs[0]["errors"][0]["code"], "unknown-reference");
    assert_eq!(
        docs[0]["errors"][0]["pointer"],
        "/tiers/0/escalation/steps/0/notify/0/rotation"
    );
    assert_eq!(
        docs[0]["errors"][0]["hint"],
        "Did you mean “Weekly on-call” (id weekly)?"
    );
    assert!(docs[0]["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("weekyl"));
    assert_eq!(docs[1]["valid"], true);
    assert_eq!(docs[1]["warnings"], serde_json::json!([]));
}

#[test]
fn validate_allows_warnings_unless_denied() {
    let file = warned_ladder();
    let out = rungs(&["validate", AT, file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("warning[empty-role]: Nobody holds the role “Legal”.\n"));
    assert_eq!(
        rungs(&["validate", "--deny-warnings", AT, file.to_str().unwrap()])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn validate_reports_non_json_with_line_and_column() {
    let file = temp_file(
        "notjson.json",
        "{\n  \"format\": \"rungs.ladder/v1\",\n  oops\n}",
    );
    let out = rungs(&["validate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("error[json-syntax]: key must be a string"),
        "{text}"
    );
    assert!(text.contains("notjson.json:3:3"), "{text}");
    let file = temp_file("v2.json", "{\"format\": \"rungs.ladder/v2\"}");
    let text = String::from_utf8(rungs(&["validate", file.to_str().unwrap()]).stdout).unwrap();
    assert!(text.contains("error[unsupported-format]"), "{text}");
}

#[test]
fn validate_usage_errors_and_unreadable_files_exit_2() {
    assert_eq!(rungs(&["validate"]).status.code(), Some(2));
    assert_eq!(
        rungs(&["validate", "--format", "yaml", &ex("saas.json")])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        rungs(&["validate", "--at", "yesterday", &ex("saas.json")])
            .status
            .code(),
        Some(2)
    );
    let out = rungs(&["validate", "/nonexistent.json", &ex("saas.json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent.json"));
}

#[test]
fn validate_checks_a_scenario_against_its_ladder() {
    let ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json).unwrap();
    let mut doc = serde_json::to_value(ladder.scenarios[0].to_document()).unwrap();
    let good = temp_file("scenario-good.json", &doc.to_string());
    let out = rungs(&[
        "validate",
        "--scenario",
        good.to_str().unwrap(),
        "--ladder",
        &ex("saas.json"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    doc["injects"][0]["unavailable"] = "anna".into();
    doc["signals"][0]["points"][1][0] = "0m".into();
    let bad = temp_file("scenario-bad.json", &doc.to_string());
    let out = rungs(&[
        "validate",
        "--format",
        "json",
        "--scenario",
        bad.to_str().unwrap(),
        "--ladder",
        &ex("saas.json"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pointers: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(
        pointers,
        ["/signals/0/points/1/0", "/injects/0/unavailable"]
    );
    assert_eq!(
        rungs(&["validate", "--scenario", good.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn simulate_prints_a_readable_timeline_and_the_figures() {
    let out = rungs(&["simulate", &ex("saas.json"), "--scenario", "checkout-3am"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Checkout errors at 3 a.m. on a Saturday — start 2026-03-14T03:00:00Z, horizon 8h, seed 42\n"), "{text}");
    assert!(
        text.contains("\n+00:07:00 sev2 paged emi (apac-primary, step 1)\n"),
        "{text}"
    );
    assert!(text.contains("\n  detected at           7m00s\n"), "{text}");
    assert!(
        text.contains("breaches              sev1 acknowledge at 46m00s"),
        "{text}"
    );
}

#[test]
fn simulate_json_matches_the_core_exactly() {
    let out = rungs(&[
        "simulate",
        &ex("saas.json"),
        "--scenario",
        "checkout-3am",
        "--format",
        "json",
        "--seed",
        "9",
    ]);
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json).unwrap();
    let model =
        rungs_core::sim::SimModel::new(&ladder, &ladder.scenarios[0].to_document()).unwrap();
    let run = rungs_core::sim::run_once(&model, 9);
    assert_eq!(doc, serde_json::to_value(&run).unwrap());
    assert!(doc["events"].as_array().unwrap().len() > 10);
    assert_eq!(doc["events"][0]["kind"], "signal");
}

#[test]
fn simulate_runs_a_study_from_a_scenario_file() {
    let ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[2].json).unwrap();
    let doc = rungs_core::to_canonical_json(&ladder.scenarios[0].to_document());
    let file = temp_file("fintech-scenario.json", &doc);
    let out = rungs(&[
        "simulate",
        &ex("fintech.json"),
        file.to_str().unwrap(),
        "--runs",
        "200",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["runs"], 200);
    assert_eq!(summary["seed"], 2026);
    let model =
        rungs_core::sim::SimModel::new(&ladder, &ladder.scenarios[0].to_document()).unwrap();
    assert_eq!(
        summary,
        serde_json::to_value(rungs_core::sim::monte_carlo(&model, 2026, 200, |_| {})).unwrap()
    );
    let text = String::from_utf8(
        rungs(&[
            "simulate",
            &ex("fintech.json"),
            file.to_str().unwrap(),
            "--runs",
            "200",
        ])
        .stdout,
    )
    .unwrap();
    assert!(text.contains("200 runs, seeds 2026..2225"), "{text}");
    assert!(text.contains("time_to_acknowledge"), "{text}");
    // every breach rate has its denominator and its count
    let incidents = summary["incidents"].as_u64().unwrap();
    assert!(
        text.contains(&format!(
            "Breach rate (share of the {incidents} detected incidents)"
        )),
        "{text}"
    );
    for (tier, per) in summary["breach_count"].as_object().unwrap() {
        let reached = &summary["tier_reached"][tier];
        assert!(
            text.contains(&format!("(tier reached in {reached})")),
            "{text}"
        );
        for n in per.as_object().unwrap().values() {
            assert!(text.contains(&format!("% ({n})")), "{text}");
        }
    }
}

#[test]
fn simulate_refuses_invalid_inputs_with_their_errors() {
    let ladder = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json).unwrap();
    let mut doc = serde_json::to_value(ladder.scenarios[0].to_document()).unwrap();
    doc["injects"][0]["unavailable"] = "anna".into();
    let file = temp_file("bad-scenario.json", &doc.to_string());
    let out = rungs(&["simulate", &ex("saas.json"), file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "error[unknown-reference]: Inject 1 names the person “anna”, who does not exist.\n"
        ),
        "{err}"
    );
    assert!(err.contains("at /injects/0/unavailable"), "{err}");
    let out = rungs(&["simulate", &ex("saas.json"), "--scenario", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("has no scenario `nope`; it has `checkout-3am`, `latency-creep`"));
    assert_eq!(
        rungs(&[
            "simulate",
            &ex("saas.json"),
            "--scenario",
            "checkout-3am",
            "--runs",
            "0"
        ])
        .status
        .code(),
        Some(2)
    );
}

#[test]
fn simulate_study_output_is_the_same_for_every_jobs() {
    for format in ["text", "json"] {
        let run = |jobs: &str| {
            let out = rungs(&[
                "simulate",
                &ex("saas.json"),
                "--scenario",
                "checkout-3am",
                "--runs",
                "301",
                "--format",
                format,
                "--jobs",
                jobs,
            ]);
            assert!(
                out.status.success(),
                "--jobs {jobs}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8(out.stdout).unwrap()
        };
        let one = run("1");
        assert!(one.contains("301"), "{one}");
        for jobs in ["2", "5", "1024"] {
            assert!(
                run(jobs) == one,
                "{format}: --jobs {jobs} differs from --jobs 1"
            );
        }
    }
    // and without --jobs (the cores available)
    let out = rungs(&[
        "simulate",
        &ex("saas.json"),
        "--scenario",
        "checkout-3am",
        "--runs",
        "301",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    let one = rungs(&[
        "simulate",
        &ex("saas.json"),
        "--scenario",
        "checkout-3am",
        "--runs",
        "301",
        "--jobs",
        "1",
    ]);
    assert_eq!(text, String::from_utf8(one.stdout).unwrap());
}

#[test]
fn simulate_refuses_jobs_0_as_a_usage_error() {
    for jobs in ["0", "1025", "many"] {
        let out = rungs(&[
            "simulate",
            &ex("saas.json"),
            "--scenario",
            "checkout-3am",
            "--runs",
            "10",
            "--jobs",
            jobs,
        ]);
        assert_eq!(out.status.code(), Some(2), "--jobs {jobs}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("--jobs"), "{err}");
        if jobs == "0" {
            assert!(
                err.contains("a study needs at least 1 thread; give --jobs 1 or more"),
                "{err}"
            );
        }
    }
}

/// The SaaS example made hostile: every tier has one step that waits 1s and repeats
/// 4294967295 times, nobody ever answers, and scenario `checkout-3am` runs 520 weeks.
fn paging_without_end() -> std::path::PathBuf {
    let mut l: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(ex("saas.json")).unwrap()).unwrap();
    for t in l["tiers"].as_array_mut().unwrap() {
        let first = t["escalation"]["steps"][0]["notify"][0].clone();
        t["escalation"] = serde_json::json!({
            "steps": [{ "notify": [first], "escalate_after": "1s" }],
            "repeat": 4294967295u32
        });
    }
    l["defaults"]["response"]["miss"] = serde_json::json!(1);
    for p in l["people"].as_array_mut().unwrap() {
        if let Some(r) = p.get_mut("response") {
            r["miss"] = serde_json::json!(1);
        }
    }
    l["scenarios"][0]["horizon"] = serde_json::json!("520w");
    temp_file("pages-without-end.json", &l.to_string())
}

#[test]
fn simulate_refuses_a_run_stopped_by_the_event_budget() {
    let file = paging_without_end();
    let path = file.to_str().unwrap();
    for json in [false, true] {
        let mut args = vec!["simulate", path, "--scenario", "checkout-3am"];
        if json {
            args.extend(["--format", "json"]);
        }
        let out = rungs(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(out.stdout.is_empty(), "json {json}");
        assert!(
            err.starts_with(&format!(
                "error: {path} (scenario `checkout-3am`): the run stopped at +"
            )),
            "{err}"
        );
        assert!(
            err.contains(" after 1,000,000 events (the per-run event budget) of a 520w horizon; the ladder pages without end: step 1 of tier sev1 repeats every 1s (repeat 4294967295)\n"),
            "{err}"
        );
        assert!(err.contains("= hint: "), "{err}");
    }
}

#[test]
fn simulate_study_counts_the_runs_stopped_by_the_event_budget() {
    let file = paging_without_end();
    let path = file.to_str().unwrap();
    let out = rungs(&[
        "simulate",
        path,
        "--scenario",
        "checkout-3am",
        "--runs",
        "2",
        "--format",
        "json",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["budget_exhausted_runs"], 2);
    assert!(
        err.contains(": 2 of 2 runs stopped after 1,000,000 events (the per-run event budget) of a 520w horizon; the ladder pages without end: step 1 of tier "),
        "{err}"
    );
    let out = rungs(&[
        "simulate",
        path,
        "--scenario",
        "checkout-3am",
        "--runs",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("incidents detected"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 of 1 runs stopped"));
    // an ordinary study passes and reports none
    let out = rungs(&[
        "simulate",
        &ex("saas.json"),
        "--scenario",
        "checkout-3am",
        "--runs",
        "5",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["budget_exhausted_runs"], 0);
}

#[test]
fn validate_warns_about_a_ladder_that_pages_without_end() {
    let file = paging_without_end();
    let out = rungs(&["validate", file.to_str().unwrap()]);
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("warning[excessive-paging]"), "{text}");
    assert!(
        text.contains(
            "can page up to 314,496,000 times within the 520w horizon of the scenario “Checkout errors at 3 a.m. on a Saturday”"
        ),
        "{text}"
    );
    let out = rungs(&["validate", "--deny-warnings", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

/// Every command that reads a file refuses one over the core's limit with exit status 2
/// and a message naming the file and the limit, after reading at most one byte more than
/// the limit: an endless stream such as `/dev/zero` ends the run at once.
#[test]
fn oversized_files_and_endless_streams_are_refused_at_the_limit() {
    let limit = rungs_core::MAX_DOCUMENT_BYTES;
    let big = temp_file("oversized.json", &" ".repeat(limit + 1));
    // One byte under the limit is read (and then fails to parse, which is exit 1).
    let just_fits = temp_file("just-fits.json", &" ".repeat(limit));
    let out = rungs(&["validate", just_fits.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let saas = ex("saas.json");
    let scenario = temp_file(
        "small-scenario.json",
        &rungs_core::to_canonical_json(
            &rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[0].json)
                .unwrap()
                .scenarios[0]
                .to_document(),
        ),
    );
    let mut files = vec![big.to_str().unwrap().to_string()];
    if cfg!(target_os = "linux") {
        files.push("/dev/zero".into());
    }
    for file in &files {
        let f = file.as_str();
        let s = scenario.to_str().unwrap();
        let commands: [Vec<&str>; 9] = [
            vec!["validate", f],
            vec!["validate", "--format", "json", f],
            vec!["validate", "--scenario", f, "--ladder", &saas],
            vec!["validate", "--scenario", s, "--ladder", f],
            vec!["fmt", f],
            vec!["simulate", f, "--scenario", "checkout-3am"],
            vec!["simulate", &saas, f],
            vec!["diff", f, &saas],
            vec!["diff", "--format", "json", &saas, f],
        ];
        for args in commands {
            let out = rungs(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}{stdout}");
            let said = format!("{stderr}{stdout}");
            assert!(
                said.contains(&format!("cannot read {f}")) && said.contains("larger than 4 MiB"),
                "{args:?}: {said}"
            );
        }
    }
}

/// The startup example edited as a pull request would: a wait, a person, a backup gone,
/// and a delay written another way (`600s` is `10m`: no change).
fn edited_startup() -> std::path::PathBuf {
    let mut doc: serde_json::Value =
        serde_json::from_str(rungs_core::examples::EXAMPLES[1].json).unwrap();
    doc["tiers"][1]["escalation"]["steps"][0]["escalate_after"] = "15m".into();
    doc["tiers"][0]["escalation"]["steps"][0]["escalate_after"] = "600s".into();
    doc["people"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id": "gus", "name": "Gus", "timezone": "Europe/Berlin"}));
    doc["people"][0].as_object_mut().unwrap().remove("backup");
    temp_file("startup-edited.json", &doc.to_string())
}

#[test]
fn diff_prints_one_line_per_change_grouped_and_exits_1() {
    let new = edited_startup();
    let out = rungs(&["diff", &ex("startup.json"), new.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let body = text.split_once('\n').unwrap().1;
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with("startup-edited.json: 3 changes: 1 added, 1 removed, 1 changed"),
        "{text}"
    );
    assert_eq!(
        body,
        "\nPeople\n  \
         - Sam Ortiz no longer has a backup (was Priya Nair).  (/people/0/backup in old)\n  \
         + Gus joins (people).  (/people/4)\n\
         \nTier P2 Degraded\n  \
         ~ P2 Degraded step 1 waits 15m instead of 30m.  (/tiers/1/escalation/steps/0/escalate_after)\n"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn diff_json_is_the_list_of_changes() {
    let new = edited_startup();
    let out = rungs(&[
        "diff",
        "--format",
        "json",
        &ex("startup.json"),
        new.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let changes: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        changes,
        serde_json::json!([
            {"op": "remove", "path": "/people/0/backup", "old": "priya",
             "summary": "Sam Ortiz no longer has a backup (was Priya Nair)."},
            {"op": "add", "path": "/people/4",
             "new": {"id": "gus", "name": "Gus", "timezone": "Europe/Berlin"},
             "summary": "Gus joins (people)."},
            {"op": "change", "path": "/tiers/1/escalation/steps/0/escalate_after",
             "old": "30m", "new": "15m",
             "summary": "P2 Degraded step 1 waits 15m instead of 30m."},
        ])
    );
    // Exactly the core's changes.
    let old = rungs_core::parse_ladder(rungs_core::examples::EXAMPLES[1].json).unwrap();
    let new = rungs_core::parse_ladder(&std::fs::read_to_string(&new).unwrap()).unwrap();
    assert_eq!(
        changes,
        serde_json::to_value(rungs_core::diff::diff(&old, &new)).unwrap()
    );
}

#[test]
fn diff_of_the_same_ladder_exits_0() {
    // The same ladder written differently: reformatted, durations in other units.
    let mut doc: serde_json::Value =
        serde_json::from_str(rungs_core::examples::EXAMPLES[1].json).unwrap();
    doc["tiers"][0]["timelines"]["contain"] = "3600s".into();
    let same = temp_file(
        "startup-same.json",
        &serde_json::to_string_pretty(&doc).unwrap(),
    );
    let out = rungs(&["diff", &ex("startup.json"), same.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .ends_with("startup-same.json are the same ladder.\n"));
    let out = rungs(&["diff", "--format=json", &ex("saas.json"), &ex("saas.json")]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "[]\n");
}

#[test]
fn diff_usage_errors_and_unreadable_or_invalid_files_exit_2() {
    assert_eq!(rungs(&["diff", &ex("saas.json")]).status.code(), Some(2));
    assert_eq!(
        rungs(&[
            "diff",
            "--format",
            "yaml",
            &ex("saas.json"),
            &ex("saas.json")
        ])
        .status
        .code(),
        Some(2)
    );
    let out = rungs(&["diff", "/nonexistent/old.json", &ex("saas.json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/old.json"));
    // A file that is not a ladder is reported as `rungs validate` reports it, and is
    // trouble (2), not a difference (1).
    let bad = temp_file(
        "diff-bad.json",
        "{\n  \"format\": \"rungs.ladder/v1\",\n  \"name\": \"x\",\n  \"tires\": []\n}\n",
    );
    let out = rungs(&["diff", &ex("saas.json"), bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown field `tires`, did you mean `tiers`?"),
        "{err}"
    );
    assert!(err.contains(&format!("--> {}:4:", bad.display())), "{err}");
    assert!(out.stdout.is_empty());
}
