//! The drill log: every finished live drill and study of a ladder, newest first, with
//! the version of the ladder it ran on and the figures a team follows across drills
//! (time to acknowledge, containment within target, breaches per incident). The app
//! keeps the list in the browser's library (see
//! [`crate::library::Library::drill_log`]); [`trend`] draws it over time, and
//! [`to_json`] and [`to_csv`] export it. See docs/simulation.md, "The drill log".

use serde::{Deserialize, Serialize};

use super::DrillSession;
pub use crate::model::{LogFigures, LogRecord, RecordKind};
use crate::sim::{format_duration as fmt_secs, Summary};
use crate::Ladder;

/// How many records are kept per ladder; a newer one pushes the oldest out, and the
/// page says so.
pub const LOG_KEPT: usize = 50;

/// The format tag of an exported drill log.
pub const LOG_FORMAT: &str = "rungs.drill-log/v1";

impl LogRecord {
    /// "Drill · version 7 (revision 4)", or without the parts not known.
    pub fn heading(&self) -> String {
        let mut s = self.kind.label().to_string();
        if let Some(v) = self.version {
            s.push_str(&format!(" · version {v}"));
        }
        if let Some(r) = self.revision {
            s.push_str(&format!(" (revision {r})"));
        }
        s
    }

    /// The version and revision, shortest: "v7", "r4", or "".
    fn version_tag(&self) -> String {
        match (self.version, self.revision) {
            (Some(v), _) => format!("v{v}"),
            (None, Some(r)) => format!("r{r}"),
            (None, None) => String::new(),
        }
    }
}

impl DrillSession {
    /// This drill as a log record, finished at `finished_at` (ms since the epoch), run on
    /// the ladder's version `version`.
    pub fn record(&self, l: &Ladder, finished_at: f64, version: Option<u32>) -> LogRecord {
        let card = self.scorecard();
        let row = |figure: &str| card.iter().find(|r| r.figure == figure);
        let breaches = self.breaches(l);
        LogRecord {
            finished_at,
            kind: RecordKind::Drill,
            scenario: self.scenario().to_string(),
            summary: self.summary_line(l),
            version,
            revision: Some(l.revision),
            figures: LogFigures {
                acknowledge_s: row("Time to acknowledge")
                    .and_then(|r| r.value)
                    .map(|d| d.as_secs_f64()),
                contained_within_target: row("Time to contain").and_then(|r| {
                    // never contained, with a target, is a miss
                    let target = r.target?;
                    Some(if r.value.is_some_and(|v| v <= target) {
                        1.0
                    } else {
                        0.0
                    })
                }),
                breaches_per_incident: Some(breaches.len() as f64),
            },
            breaches,
            played: self
                .humans()
                .iter()
                .filter(|h| self.model().person(h).is_some())
                .map(|h| super::name_of(l, h))
                .collect(),
            notes: self.notes().into_iter().map(|(_, n)| n).collect(),
            runs: None,
            seed: None,
            markdown: self.debrief_markdown(l),
            json: self.debrief_json(),
        }
    }

    /// How the drill went, in one line.
    pub fn summary_line(&self, l: &Ladder) -> String {
        let mut parts = Vec::new();
        if let Some((_, tier)) = self
            .debrief_facts(l)
            .into_iter()
            .find(|(k, _)| *k == "Final tier")
        {
            parts.push(format!("final tier {tier}"));
        }
        let breaches = self.breaches(l).len();
        parts.push(match breaches {
            0 => "no breach".to_string(),
            1 => "1 breach".to_string(),
            n => format!("{n} breaches"),
        });
        match self.scorecard().first().and_then(|r| r.value) {
            Some(ack) => parts.push(format!("acknowledged in {}", fmt_secs(ack))),
            None => parts.push("never acknowledged".to_string()),
        }
        capitalized(parts.join(" · "))
    }
}

fn capitalized(mut line: String) -> String {
    if let Some(first) = line.get(..1) {
        line = first.to_uppercase() + &line[1..];
    }
    line
}

/// A finished study of scenario `scenario` as a log record.
pub fn study_record(
    l: &Ladder,
    scenario: &str,
    s: &Summary,
    finished_at: f64,
    version: Option<u32>,
) -> LogRecord {
    let ack = s.figures.get("time_to_acknowledge");
    let contain = s.figures.get("time_to_contain");
    let per_incident = s.breaches_per_incident();
    let mut breaches: Vec<String> = s
        .breach_rate
        .iter()
        .flat_map(|(tier, by)| {
            by.iter().filter(|(_, r)| **r > 0.0).map(move |(tl, r)| {
                format!(
                    "{} missed {} in {:.1} % of incidents",
                    super::name_of(l, tier),
                    tl.replace('_', " "),
                    r * 100.0
                )
            })
        })
        .collect();
    breaches.sort();
    let mut parts = vec![crate::text::count(s.runs as usize, "run", "runs")];
    parts.push(match ack.and_then(|f| f.median) {
        Some(m) => format!("median acknowledge {}", fmt_secs(m)),
        None => "never acknowledged".to_string(),
    });
    parts.push(format!("{per_incident:.2} breaches per incident"));
    LogRecord {
        finished_at,
        kind: RecordKind::Study,
        scenario: scenario.to_string(),
        summary: capitalized(parts.join(" · ")),
        version,
        revision: Some(l.revision),
        figures: LogFigures {
            acknowledge_s: ack.and_then(|f| f.median),
            contained_within_target: contain.and_then(|f| f.met_target),
            breaches_per_incident: (s.incidents > 0).then_some(per_incident),
        },
        breaches,
        played: Vec::new(),
        notes: Vec::new(),
        runs: Some(s.runs),
        seed: Some(s.seed),
        markdown: String::new(),
        json: String::new(),
    }
}

/// Puts `record` first in `list` (newest first), keeping [`LOG_KEPT`]; returns how many
/// old ones were dropped.
pub fn remember(list: &mut Vec<LogRecord>, record: LogRecord) -> usize {
    list.insert(0, record);
    let dropped = list.len().saturating_sub(LOG_KEPT);
    list.truncate(LOG_KEPT);
    dropped
}

/// An exported drill log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DrillLog {
    /// [`LOG_FORMAT`].
    pub format: String,
    /// The ladder's name.
    pub ladder: String,
    /// The records, newest first.
    pub records: Vec<LogRecord>,
}

/// The log of ladder `ladder` as `rungs.drill-log/v1` JSON (pretty, newest first).
pub fn to_json(ladder: &str, records: &[LogRecord]) -> String {
    let log = DrillLog {
        format: LOG_FORMAT.to_string(),
        ladder: ladder.to_string(),
        records: records.to_vec(),
    };
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

/// The columns of [`to_csv`].
pub const CSV_COLUMNS: [&str; 14] = [
    "finished_at",
    "kind",
    "scenario",
    "version",
    "revision",
    "acknowledge_s",
    "contained_within_target",
    "breaches_per_incident",
    "runs",
    "seed",
    "summary",
    "breaches",
    "played",
    "notes",
];

/// The log as CSV (RFC 4180), one row per record, oldest first, for a spreadsheet.
/// `finished_at` is RFC 3339 in UTC; lists are joined with `"; "`. A text cell that a
/// spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) is written with a leading `'`, so a hostile scenario name or note
/// stays text.
pub fn to_csv(records: &[LogRecord]) -> String {
    let mut out = String::new();
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    for r in records.iter().rev() {
        let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
        let int = |x: Option<u64>| x.map(|v| v.to_string()).unwrap_or_default();
        push_row(
            &mut out,
            [
                crate::Instant::from_millis(r.finished_at as i64).to_string(),
                r.kind.label().to_lowercase(),
                text_cell(&r.scenario),
                int(r.version.map(u64::from)),
                int(r.revision.map(u64::from)),
                num(r.figures.acknowledge_s),
                num(r.figures.contained_within_target),
                num(r.figures.breaches_per_incident),
                int(r.runs.map(u64::from)),
                int(r.seed),
                text_cell(&r.summary),
                text_cell(&r.breaches.join("; ")),
                text_cell(&r.played.join("; ")),
                text_cell(&r.notes.join("; ")),
            ]
            .into_iter(),
        );
    }
    out
}

/// A text cell a spreadsheet will not run as a formula.
fn text_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let mut first = true;
    for c in cells {
        if !first {
            out.push(',');
        }
        first = false;
        if c.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&c.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&c);
        }
    }
    out.push_str("\r\n");
}

/// One figure of the [`trend`], ready to draw: points at `x` (0 for the oldest record,
/// 1 for the newest) and `y` (0 at the bottom of the chart, 1 at its top).
#[derive(Debug, Clone, PartialEq)]
pub struct TrendChart {
    /// "Time to acknowledge".
    pub title: &'static str,
    /// What a point is: "seconds; a study's median".
    pub unit: &'static str,
    /// The top of the y axis, as text ("10m00s", "100 %", "3").
    pub top: String,
    /// Whether a point higher up is better (containment) or worse (time, breaches).
    pub higher_is_better: bool,
    /// The points, oldest first (records without the figure have none).
    pub points: Vec<TrendPoint>,
    /// Every record's value as text, oldest first, `None` where it has none (the
    /// table beside the chart).
    pub values: Vec<Option<String>>,
}

/// One record on a [`TrendChart`].
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// 0 (oldest record) to 1 (newest).
    pub x: f64,
    /// 0 (bottom) to 1 (top).
    pub y: f64,
    /// Drill or study (drawn as a circle or a square).
    pub kind: RecordKind,
    /// The value as text ("4m10s", "85.0 %", "2").
    pub value: String,
    /// What the point is, for its title and the table: "Drill · v7 · Checkout at 3am".
    pub label: String,
}

/// Where the version changes between two records, for a dashed line and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionMark {
    /// Between the points at this `x` and the one before.
    pub x: f64,
    /// "v8".
    pub label: String,
}

/// The drill log over time: one chart per figure the log follows, oldest record first,
/// and where the ladder's version changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    /// Time to acknowledge, containment within target, breaches per incident.
    pub charts: Vec<TrendChart>,
    /// Version changes.
    pub versions: Vec<VersionMark>,
    /// The records' labels, oldest first (the x axis).
    pub labels: Vec<String>,
}

/// How one chart of the trend reads its figure.
struct Spec {
    title: &'static str,
    unit: &'static str,
    higher_is_better: bool,
    pick: fn(&LogFigures) -> Option<f64>,
    show: fn(f64) -> String,
}

/// The trend of `records` (newest first, as kept).
pub fn trend(records: &[LogRecord]) -> Trend {
    let oldest_first: Vec<&LogRecord> = records.iter().rev().collect();
    let n = oldest_first.len();
    let x_of = |i: usize| {
        if n > 1 {
            i as f64 / (n - 1) as f64
        } else {
            0.5
        }
    };
    let labels: Vec<String> = oldest_first
        .iter()
        .map(|r| {
            let tag = r.version_tag();
            if tag.is_empty() {
                format!("{} · {}", r.kind.label(), r.scenario)
            } else {
                format!("{} · {tag} · {}", r.kind.label(), r.scenario)
            }
        })
        .collect();
    let mut versions = Vec::new();
    for (i, w) in oldest_first.windows(2).enumerate() {
        let (a, b) = (w[0].version_tag(), w[1].version_tag());
        if a != b && !b.is_empty() {
            versions.push(VersionMark {
                x: (x_of(i) + x_of(i + 1)) / 2.0,
                label: b,
            });
        }
    }
    let specs = [
        Spec {
            title: "Time to acknowledge",
            unit: "a drill's time; a study's median",
            higher_is_better: false,
            pick: |f| f.acknowledge_s,
            show: |v| fmt_secs(v),
        },
        Spec {
            title: "Contained within target",
            unit: "a drill: yes (100 %) or no (0 %); a study: share of incidents",
            higher_is_better: true,
            pick: |f| f.contained_within_target,
            show: |v| format!("{:.1} %", v * 100.0),
        },
        Spec {
            title: "Breaches per incident",
            unit: "a drill's missed deadlines; a study's mean",
            higher_is_better: false,
            pick: |f| f.breaches_per_incident,
            show: |v| {
                if v.fract() == 0.0 {
                    format!("{v:.0}")
                } else {
                    format!("{v:.2}")
                }
            },
        },
    ];
    let charts = specs
        .into_iter()
        .map(|spec| {
            let Spec {
                title,
                unit,
                higher_is_better,
                pick,
                show,
            } = spec;
            let values: Vec<Option<f64>> = oldest_first.iter().map(|r| pick(&r.figures)).collect();
            let max = values.iter().flatten().fold(0.0_f64, |m, v| m.max(*v));
            let top = if higher_is_better {
                1.0
            } else if max > 0.0 {
                max
            } else {
                1.0
            };
            let points = values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    let v = (*v)?;
                    Some(TrendPoint {
                        x: x_of(i),
                        y: (v / top).clamp(0.0, 1.0),
                        kind: oldest_first[i].kind,
                        value: show(v),
                        label: labels[i].clone(),
                    })
                })
                .collect();
            TrendChart {
                title,
                unit,
                top: show(top),
                higher_is_better,
                points,
                values: values.iter().map(|v| v.map(show)).collect(),
            }
        })
        .collect();
    Trend {
        charts,
        versions,
        labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(at: f64, kind: RecordKind, version: Option<u32>, ack: Option<f64>) -> LogRecord {
        LogRecord {
            finished_at: at,
            kind,
            scenario: "Checkout at 3am".into(),
            summary: "s".into(),
            version,
            revision: Some(1),
            figures: LogFigures {
                acknowledge_s: ack,
                contained_within_target: Some(0.5),
                breaches_per_incident: Some(2.0),
            },
            breaches: vec![],
            played: vec![],
            notes: vec![],
            runs: None,
            seed: None,
            markdown: String::new(),
            json: String::new(),
        }
    }

    #[test]
    fn the_trend_runs_oldest_first_and_marks_each_change_of_version() {
        // kept newest first
        let records = vec![
            rec(3.0, RecordKind::Study, Some(8), Some(120.0)),
            rec(2.0, RecordKind::Drill, Some(7), None),
            rec(1.0, RecordKind::Drill, Some(7), Some(240.0)),
        ];
        let t = trend(&records);
        assert_eq!(t.labels[0], "Drill · v7 · Checkout at 3am");
        assert_eq!(t.labels[2], "Study · v8 · Checkout at 3am");
        assert_eq!(
            t.versions,
            vec![VersionMark {
                x: 0.75,
                label: "v8".into()
            }]
        );
        let ack = &t.charts[0];
        assert_eq!(ack.title, "Time to acknowledge");
        // the drill never acknowledged has no point; the highest value is the top
        assert_eq!(ack.points.len(), 2);
        assert_eq!((ack.points[0].x, ack.points[0].y), (0.0, 1.0));
        assert_eq!((ack.points[1].x, ack.points[1].y), (1.0, 0.5));
        assert_eq!(ack.points[1].value, "2m00s");
        assert_eq!(ack.top, "4m00s");
        assert_eq!(
            ack.values,
            [Some("4m00s".into()), None, Some("2m00s".into())]
        );
        let contained = &t.charts[1];
        assert!(contained.higher_is_better);
        assert_eq!(contained.top, "100.0 %");
        assert_eq!(contained.points[0].y, 0.5);
        assert_eq!(t.charts[2].points[0].value, "2");
    }

    #[test]
    fn one_record_sits_in_the_middle_and_an_empty_log_draws_empty_charts() {
        let t = trend(&[rec(1.0, RecordKind::Drill, None, Some(60.0))]);
        assert_eq!(t.charts[0].points[0].x, 0.5);
        assert!(t.versions.is_empty());
        let empty = trend(&[]);
        assert_eq!(empty.charts.len(), 3);
        assert!(empty.charts.iter().all(|c| c.points.is_empty()));
    }

    #[test]
    fn csv_quotes_what_it_must_and_keeps_formulas_as_text() {
        let mut r = rec(0.0, RecordKind::Drill, Some(2), Some(90.0));
        r.scenario = "=HYPERLINK(\"http://x\")".into();
        r.notes = vec!["line one\nline two".into(), "plain, with a comma".into()];
        r.played = vec!["Ana".into(), "Gus".into()];
        let csv = to_csv(&[r]);
        let mut lines = csv.split("\r\n");
        assert_eq!(lines.next().unwrap(), CSV_COLUMNS.join(","));
        let row = lines.next().unwrap();
        assert!(
            row.starts_with("1970-01-01T00:00:00Z,drill,\"'=HYPERLINK(\"\"http://x\"\")\",2,1,90,0.5,2,,,s,,Ana; Gus,\"line one\nline two; plain, with a comma\""),
            "{row}"
        );
    }

    #[test]
    fn json_export_reads_back_and_old_records_without_the_new_fields_read() {
        let records = vec![rec(5.0, RecordKind::Study, Some(1), Some(30.0))];
        let text = to_json("Checkout", &records);
        let back: DrillLog = serde_json::from_str(&text).unwrap();
        assert_eq!(back.format, LOG_FORMAT);
        assert_eq!(back.records, records);
        let old = r#"{"finished_at":1,"scenario":"S","summary":"x","markdown":"m","json":"{}"}"#;
        let r: LogRecord = serde_json::from_str(old).unwrap();
        assert_eq!(r.kind, RecordKind::Drill);
        assert_eq!(r.figures, LogFigures::default());
        assert_eq!(r.heading(), "Drill");
    }

    #[test]
    fn remember_keeps_the_newest_and_counts_what_went() {
        let mut list = Vec::new();
        for i in 0..LOG_KEPT {
            assert_eq!(
                remember(&mut list, rec(i as f64, RecordKind::Drill, None, None)),
                0
            );
        }
        assert_eq!(
            remember(&mut list, rec(99.0, RecordKind::Study, None, None)),
            1
        );
        assert_eq!(list.len(), LOG_KEPT);
        assert_eq!(list[0].finished_at, 99.0);
        assert_eq!(list.last().unwrap().finished_at, 1.0);
    }
}
