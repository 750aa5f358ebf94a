//! Pure layout of the SVG ladder diagram: every box, line and piece of text with its
//! coordinates, so the app only turns these into `<svg>` elements and the geometry can be
//! tested natively.
//!
//! The picture is a ladder: one rung per tier, the most severe (rank 1) at the top and the
//! least severe at the bottom, between two rails at [`Diagram::rail_left`] and
//! [`Diagram::rail_right`]. Inside each rung the escalation steps run left to right in
//! boxes of a fixed width. Triggers come in from the left margin as arrows into the rung
//! they open; breaches that escalate are curves on the right margin from a rung up to the
//! next more severe one.
//!
//! Text is measured by character count at [`CHAR_W`] pixels per character (a 12 px font)
//! and cut with `…` to fit; it is kept verbatim otherwise (the app renders text nodes, so
//! markup in names stays text). Units are SVG user units (pixels).

use std::collections::HashMap;

use crate::model::Ladder;
use crate::overview::{rung_views, trigger_condition, LadderNames, RungView, StepView};

/// Width of one character of 12 px text, for fitting text by character count.
pub const CHAR_W: f64 = 7.0;
/// Space above the first rung and below the last.
pub const MARGIN_Y: f64 = 24.0;
/// Where trigger arrows start, from the left edge.
pub const TRIGGER_X: f64 = 8.0;
/// The narrowest left margin (space for trigger labels), i.e. the smallest left rail.
pub const RAIL_LEFT: f64 = 120.0;
/// The widest left margin; longer trigger labels are cut.
pub const RAIL_LEFT_MAX: f64 = 360.0;
/// Height of a rung's header (name, timelines, owners), above its steps.
pub const HEADER_H: f64 = 60.0;
/// Inner padding of a rung.
pub const PAD: f64 = 12.0;
/// Width of a step box.
pub const STEP_W: f64 = 168.0;
/// Height of a step box.
pub const STEP_H: f64 = 44.0;
/// Horizontal gap between step boxes.
pub const STEP_GAP: f64 = 12.0;
/// Height of a rung.
pub const RUNG_H: f64 = HEADER_H + STEP_H + PAD;
/// Vertical gap between rungs.
pub const RUNG_GAP: f64 = 36.0;
/// The narrowest rung.
pub const MIN_RUNG_W: f64 = 480.0;
/// How far a breach curve bulges right of the right rail.
pub const BULGE: f64 = 48.0;
/// Characters of a step's target label that fit its box, next to the step number.
pub const STEP_LABEL_CHARS: usize = 18;

/// The whole diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagram {
    /// Width of the picture.
    pub width: f64,
    /// Height of the picture.
    pub height: f64,
    /// Rungs from top (most severe) to bottom (least severe).
    pub rungs: Vec<RungBox>,
    /// Trigger arrows, in the order of `triggers` (those of unknown tiers left out).
    pub triggers: Vec<TriggerMark>,
    /// Breach curves, from the top of the picture down.
    pub breaches: Vec<BreachArrow>,
}

impl Diagram {
    /// The x of the left rail: the left edge of the rungs.
    pub fn rail_left(&self) -> f64 {
        self.rungs.first().map_or(RAIL_LEFT, |r| r.x)
    }

    /// The x of the right rail: the right edge of the rungs.
    pub fn rail_right(&self) -> f64 {
        self.rungs
            .first()
            .map_or(RAIL_LEFT + MIN_RUNG_W, |r| r.x + r.w)
    }
}

/// One tier, drawn as a rung.
#[derive(Debug, Clone, PartialEq)]
pub struct RungBox {
    /// Tier id.
    pub tier: String,
    /// Tier name, cut to fit the rung.
    pub name: String,
    /// Rank (1 = most severe).
    pub rank: u32,
    /// Severity class 1-4 for colouring, as in [`RungView::severity`].
    pub severity: u8,
    /// JSON Pointer of the tier (`/tiers/i`).
    pub pointer: String,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// The deadlines in short, e.g. `"ack 5m · contain 30m · resolve 4h"`, cut to fit.
    pub timelines: String,
    /// The owners in short, e.g. `"IC: Incident commander · comms: Communications lead"`,
    /// cut to fit.
    pub owners: String,
    /// The escalation steps, left to right.
    pub steps: Vec<StepBox>,
}

/// One escalation step inside its rung.
#[derive(Debug, Clone, PartialEq)]
pub struct StepBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// 1-based step number.
    pub number: usize,
    /// Who is paged, cut to [`STEP_LABEL_CHARS`] characters; `"nobody"` for an empty step.
    pub label: String,
    /// The label uncut, for a `<title>`.
    pub full: String,
    /// The wait, then `→` (on to the next step), or on the last step `↻` (the policy
    /// repeats) or `✕` (it ends): `"15m →"`.
    pub delay: String,
    /// JSON Pointer of the step (`/tiers/i/escalation/steps/k`).
    pub pointer: String,
    /// Whether the step notifies nobody.
    pub empty: bool,
}

/// A trigger: an arrow from the left margin into the rung it opens.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerMark {
    /// Trigger id.
    pub id: String,
    /// Service and condition, e.g. `"API Gateway error_rate > 5 for 5m"`, cut to fit the
    /// margin.
    pub label: String,
    /// JSON Pointer of the trigger (`/triggers/i`).
    pub pointer: String,
    /// Start of the arrow (left margin).
    pub x1: f64,
    /// Start of the arrow.
    pub y1: f64,
    /// End of the arrow (the left rail, at the rung).
    pub x2: f64,
    /// End of the arrow, inside the rung's height.
    pub y2: f64,
}

/// A breach that escalates: a curve on the right margin from a rung up to the next more
/// severe one.
#[derive(Debug, Clone, PartialEq)]
pub struct BreachArrow {
    /// The tier whose breach escalates.
    pub from_tier: String,
    /// The tier it escalates to.
    pub to_tier: String,
    /// Which breaches escalate, e.g. `"missed ack, resolve"`.
    pub label: String,
    /// SVG path data (`d`) of the curve, from the lower rung to the upper one.
    pub path: String,
    /// Where the label starts.
    pub label_x: f64,
    /// The label's vertical centre.
    pub label_y: f64,
}

/// Cuts `s` to at most `max` characters, the last one `…` when anything was cut.
fn fit(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else if max == 0 {
        String::new()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// Characters that fit `width` pixels.
fn chars_in(width: f64) -> usize {
    (width / CHAR_W).floor().max(0.0) as usize
}

fn short_timeline(field: &str) -> &str {
    match field {
        "acknowledge" => "ack",
        "first_update" | "first update" => "first update",
        "update_every" => "every",
        other => other,
    }
}

fn short_duty(duty: &str) -> &str {
    match duty {
        "commander" => "IC",
        "communication" => "comms",
        "detection" => "detect",
        "escalation" => "escalate",
        "resolution" => "resolve",
        other => other,
    }
}

fn owners_text(r: &RungView) -> String {
    // The commander and comms first: what responders look for.
    let rank = |d: &str| match d {
        "commander" => 0,
        "communication" => 1,
        _ => 2,
    };
    let mut owners: Vec<_> = r.owners.iter().collect();
    owners.sort_by_key(|(d, _)| rank(d));
    owners
        .iter()
        .map(|(d, t)| format!("{}: {}", short_duty(d), t.label))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn step_box(s: &StepView, last: bool, repeat: u32, x: f64, y: f64) -> StepBox {
    let empty = s.targets.is_empty();
    let full = if empty {
        "nobody".to_string()
    } else {
        s.targets
            .iter()
            .map(|t| t.label.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let arrow = match (last, repeat > 0) {
        (false, _) => "→",
        (true, true) => "↻",
        (true, false) => "✕",
    };
    StepBox {
        x,
        y,
        w: STEP_W,
        h: STEP_H,
        number: s.number,
        label: fit(&full, STEP_LABEL_CHARS),
        full,
        delay: format!("{} {arrow}", s.escalate_after),
        pointer: s.pointer.clone(),
        empty,
    }
}

/// Lays out the diagram of `ladder`. References that do not resolve show their id;
/// triggers of unknown tiers are left out.
pub fn layout(ladder: &Ladder) -> Diagram {
    let names = LadderNames::new(ladder);
    let views = rung_views(ladder, &names);
    // The rung of each tier id (the first tier with that id).
    let mut rung_of: HashMap<&str, usize> = HashMap::new();
    for (i, r) in views.iter().enumerate() {
        rung_of.entry(r.id.as_str()).or_insert(i);
    }

    // Left margin: wide enough for the longest trigger label, within bounds.
    let trigger_labels: Vec<Option<String>> = ladder
        .triggers
        .iter()
        .map(|t| {
            rung_of.contains_key(t.tier.as_str()).then(|| {
                format!(
                    "{} {}",
                    names.services.get(t.service.as_str()),
                    trigger_condition(t)
                )
            })
        })
        .collect();
    let longest = trigger_labels
        .iter()
        .flatten()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    // Label, then room for the arrow head before the rail.
    let arrow_room = 2.0 * TRIGGER_X + 24.0;
    let left = (longest as f64 * CHAR_W + arrow_room).clamp(RAIL_LEFT, RAIL_LEFT_MAX);
    let label_chars = chars_in(left - arrow_room);

    let most_steps = views.iter().map(|r| r.steps.len()).max().unwrap_or(0) as f64;
    let rung_w =
        (2.0 * PAD + most_steps * STEP_W + (most_steps - 1.0).max(0.0) * STEP_GAP).max(MIN_RUNG_W);
    let header_chars = chars_in(rung_w - 2.0 * PAD);
    let right = left + rung_w;

    let rungs: Vec<RungBox> = views
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = MARGIN_Y + i as f64 * (RUNG_H + RUNG_GAP);
            let timelines = r
                .timelines
                .iter()
                .map(|(f, d)| format!("{} {d}", short_timeline(f)))
                .collect::<Vec<_>>()
                .join(" · ");
            let n = r.steps.len();
            RungBox {
                tier: r.id.clone(),
                name: fit(&r.name, header_chars),
                rank: r.rank,
                severity: r.severity,
                pointer: r.pointer.clone(),
                x: left,
                y,
                w: rung_w,
                h: RUNG_H,
                timelines: fit(&timelines, header_chars),
                owners: fit(&owners_text(r), header_chars),
                steps: r
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(k, s)| {
                        let x = left + PAD + k as f64 * (STEP_W + STEP_GAP);
                        step_box(s, k + 1 == n, r.repeat, x, y + HEADER_H)
                    })
                    .collect(),
            }
        })
        .collect();

    // Trigger arrows, spread over the height of their rung.
    let mut per_rung = vec![0usize; rungs.len()];
    for t in &ladder.triggers {
        if let Some(&i) = rung_of.get(t.tier.as_str()) {
            per_rung[i] += 1;
        }
    }
    let mut seen = vec![0usize; rungs.len()];
    let triggers = ladder
        .triggers
        .iter()
        .zip(trigger_labels)
        .enumerate()
        .filter_map(|(ti, (t, label))| {
            let i = *rung_of.get(t.tier.as_str())?;
            seen[i] += 1;
            let rung = &rungs[i];
            let y = rung.y + rung.h * seen[i] as f64 / (per_rung[i] + 1) as f64;
            Some(TriggerMark {
                id: t.id.to_string(),
                label: fit(&label?, label_chars),
                pointer: format!("/triggers/{ti}"),
                x1: TRIGGER_X,
                y1: y,
                x2: left,
                y2: y,
            })
        })
        .collect();

    // Breach curves: from the upper part of a rung to the lower part of the one above,
    // so the curves into and out of one rung never meet.
    let breaches: Vec<BreachArrow> = (1..views.len())
        .filter(|&i| !views[i].escalates_on.is_empty())
        .map(|i| {
            let (lower, upper) = (&rungs[i], &rungs[i - 1]);
            let y1 = lower.y + 0.3 * lower.h;
            let y2 = upper.y + 0.7 * upper.h;
            let label = format!(
                "missed {}",
                views[i]
                    .escalates_on
                    .iter()
                    .map(|f| short_timeline(f))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            BreachArrow {
                from_tier: views[i].id.clone(),
                to_tier: views[i - 1].id.clone(),
                label,
                path: format!(
                    "M {right} {y1} C {} {y1}, {} {y2}, {right} {y2}",
                    right + BULGE,
                    right + BULGE
                ),
                // The curve reaches right + 3/4 of the bulge at its middle.
                label_x: right + 0.75 * BULGE + 6.0,
                label_y: (y1 + y2) / 2.0,
            }
        })
        .collect();

    let longest_breach = breaches
        .iter()
        .map(|b| b.label_x + b.label.chars().count() as f64 * CHAR_W)
        .fold(right + BULGE, f64::max);
    let n = rungs.len() as f64;
    Diagram {
        width: longest_breach + MARGIN_Y,
        height: 2.0 * MARGIN_Y + n * RUNG_H + (n - 1.0).max(0.0) * RUNG_GAP,
        rungs,
        triggers,
        breaches,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Target;

    fn saas() -> Ladder {
        crate::parse_ladder(crate::examples::EXAMPLES[0].json).unwrap()
    }

    fn inside(inner: (f64, f64, f64, f64), outer: (f64, f64, f64, f64)) -> bool {
        inner.0 >= outer.0
            && inner.1 >= outer.1
            && inner.0 + inner.2 <= outer.0 + outer.2
            && inner.1 + inner.3 <= outer.1 + outer.3
    }

    #[test]
    fn saas_rungs_run_from_most_severe_at_the_top() {
        let d = layout(&saas());
        let tiers: Vec<_> = d.rungs.iter().map(|r| r.tier.as_str()).collect();
        assert_eq!(tiers, ["sev1", "sev2", "sev3", "sev4"]);
        assert!(d.rungs.windows(2).all(|p| p[0].y + p[0].h < p[1].y));
        assert_eq!(
            d.rungs.iter().map(|r| r.severity).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
        let sev1 = &d.rungs[0];
        assert_eq!(sev1.name, "SEV1 Critical");
        assert_eq!(sev1.pointer, "/tiers/0");
        assert_eq!(
            sev1.timelines,
            "ack 5m · contain 30m · resolve 4h · first update 15m · every 30m"
        );
        // Cut to the 75 characters that fit the rung.
        assert_eq!(
            sev1.owners,
            "IC: Incident command · comms: Communications lead · detect: On-call engine…"
        );
        assert_eq!(sev1.owners.chars().count(), 75);
        // Rails and picture enclose everything.
        assert_eq!(d.rail_left(), sev1.x);
        assert_eq!(d.rail_right(), sev1.x + sev1.w);
        for r in &d.rungs {
            assert_eq!((r.x, r.w), (d.rail_left(), d.rail_right() - d.rail_left()));
            assert!(r.y >= 0.0 && r.y + r.h <= d.height);
            assert!(r.name.chars().count() as f64 * CHAR_W <= r.w - 2.0 * PAD);
            assert!(r.owners.chars().count() as f64 * CHAR_W <= r.w - 2.0 * PAD);
            for s in &r.steps {
                assert!(inside((s.x, s.y, s.w, s.h), (r.x, r.y, r.w, r.h)), "{s:?}");
                assert!(s.label.chars().count() <= STEP_LABEL_CHARS);
            }
            assert!(r.steps.windows(2).all(|p| p[0].x + p[0].w < p[1].x));
        }
        for b in &d.breaches {
            assert!(b.label_x + b.label.chars().count() as f64 * CHAR_W <= d.width);
        }
    }

    #[test]
    fn saas_steps_read_like_the_policy() {
        let d = layout(&saas());
        let sev1 = &d.rungs[0];
        let s: Vec<_> = sev1
            .steps
            .iter()
            .map(|s| (s.number, s.label.as_str(), s.delay.as_str()))
            .collect();
        assert_eq!(
            s,
            [
                (1, "APAC primary, EME…", "5m →"),
                (2, "Global secondary,…", "10m →"),
                (3, "Engineering leade…", "15m ↻"),
            ]
        );
        assert_eq!(
            sev1.steps[0].full,
            "APAC primary, EMEA primary, Americas primary"
        );
        assert_eq!(sev1.steps[2].pointer, "/tiers/0/escalation/steps/2");
        assert!(!sev1.steps[0].empty);
        // SEV4 does not repeat: its only step ends the policy.
        assert_eq!(d.rungs[3].steps[0].delay, "8h ✕");
    }

    #[test]
    fn breaches_curve_up_to_the_next_more_severe_rung() {
        let d = layout(&saas());
        let arrows: Vec<_> = d
            .breaches
            .iter()
            .map(|b| (b.from_tier.as_str(), b.to_tier.as_str(), b.label.as_str()))
            .collect();
        assert_eq!(
            arrows,
            [
                ("sev2", "sev1", "missed ack, contain"),
                ("sev3", "sev2", "missed ack")
            ]
        );
        let right = d.rail_right();
        let (sev1, sev2) = (&d.rungs[0], &d.rungs[1]);
        let y1 = sev2.y + 0.3 * sev2.h;
        let y2 = sev1.y + 0.7 * sev1.h;
        assert_eq!(
            d.breaches[0].path,
            format!(
                "M {right} {y1} C {} {y1}, {} {y2}, {right} {y2}",
                right + BULGE,
                right + BULGE
            )
        );
        assert!(d.breaches[0].label_x > right);
        assert!(d.breaches[0].label_y > y2 && d.breaches[0].label_y < y1);
    }

    #[test]
    fn triggers_end_at_the_rung_they_open() {
        let mut l = saas();
        let mut ghost = l.triggers[0].clone();
        ghost.tier = crate::TierId::new("sev9").unwrap();
        l.triggers.push(ghost);
        let d = layout(&l);
        assert_eq!(
            d.triggers.len(),
            5,
            "the trigger of an unknown tier is skipped"
        );
        for (t, m) in l.triggers.iter().zip(&d.triggers) {
            assert_eq!(t.id.as_str(), m.id);
            let rung = d.rungs.iter().find(|r| r.tier == t.tier.as_str()).unwrap();
            assert_eq!(m.x2, rung.x);
            assert!(m.y2 > rung.y && m.y2 < rung.y + rung.h, "{m:?}");
            assert!(m.x1 < m.x2 && m.y1 == m.y2);
            assert!(m.x1 + m.label.chars().count() as f64 * CHAR_W < m.x2);
        }
        assert_eq!(d.triggers[2].pointer, "/triggers/2");
        assert_eq!(d.triggers[2].label, "Checkout error_rate >= 0.05 for 2m");
        // Two triggers open SEV1: they do not share a line.
        assert!(d.triggers[0].y2 < d.triggers[1].y2);
        assert_eq!(d.triggers[1].label.chars().last(), Some('…'));
    }

    #[test]
    fn an_empty_step_is_marked() {
        let mut l = saas();
        l.tiers[1].escalation.steps[1].notify.clear();
        let d = layout(&l);
        let s = &d.rungs[1].steps[1];
        assert!(s.empty);
        assert_eq!((s.label.as_str(), s.full.as_str()), ("nobody", "nobody"));
        assert!(!d.rungs[1].steps[0].empty);
    }

    #[test]
    fn markup_in_names_stays_text() {
        let mut l = saas();
        l.tiers[0].name = "<script>alert(1)</script>".into();
        l.people[0].name = "<b>Eve</b>".into();
        l.tiers[0].escalation.steps[0].notify =
            vec![Target::Person(crate::PersonId::new("farah").unwrap())];
        let d = layout(&l);
        assert_eq!(d.rungs[0].name, "<script>alert(1)</script>");
        assert_eq!(d.rungs[0].steps[0].full, "<b>Eve</b>");
        assert_eq!(d.rungs[0].steps[0].label, "<b>Eve</b>");
    }

    #[test]
    fn large_ladder_lays_out() {
        let d = layout(&crate::examples::large_ladder(500, 50, 8, 200));
        assert_eq!(d.rungs.len(), 8);
        assert_eq!(d.triggers.len(), 8);
        assert_eq!(d.breaches.len(), 7);
        assert_eq!(d.height, 2.0 * MARGIN_Y + 8.0 * RUNG_H + 7.0 * RUNG_GAP);
    }

    #[test]
    fn an_empty_ladder_is_an_empty_picture() {
        let mut l = saas();
        l.tiers.clear();
        let d = layout(&l);
        assert!(d.rungs.is_empty() && d.triggers.is_empty() && d.breaches.is_empty());
        assert_eq!(d.height, 2.0 * MARGIN_Y);
    }
}
