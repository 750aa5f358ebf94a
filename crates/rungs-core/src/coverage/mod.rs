//! The designer's on-call coverage heatmap: for one week, hour by hour in a zone the user
//! picks, which step of each tier's escalation first reaches somebody, who that is, and
//! how many minutes of the hour nobody at all is reached.
//!
//! Who a target reaches at an instant follows the format: a person always; a rotation its
//! on-call member, only inside its window (read in the rotation's zone); a schedule the
//! on-call member of its highest layer that has one (the cell says which layer answered:
//! [`Cell::layers`]); a role everyone holding it. References that do not resolve reach nobody (validation reports them), and
//! so does a rotation during the shift of a member who is not in `people`.
//!
//! Gaps are exact to the millisecond: they come from the spans of [`oncall::window_spans`]
//! and the rotation turns, combined with [`oncall::gaps`], not from sampling.
//!
//! **Hours and DST.** The grid has 7 × 24 cells of local wall-clock hours. A local hour that
//! a DST change skips (clocks go forward) does not exist: its cell has no step, nobody
//! reached, `gap_minutes` 0 and a label saying so. An hour that is repeated (clocks go back)
//! shows its first occurrence only, the hour after the cell's local start in the earlier
//! offset; its label says "first of two". Week boundaries are local midnights (a midnight
//! inside a gap is taken as the first instant after it).
//!
//! Here: the grid types and [`week_grid`], a row per tier and a cell per hour. `week`: the
//! local hours; `reach`: who each target reaches; `layers`: which layer of a schedule
//! answers ([`schedule_layers`]); `spans`: span arithmetic; `groups`: the deduplicated
//! sets of names.

mod groups;
mod layers;
mod reach;
mod spans;
mod week;

pub use layers::{schedule_layers, LayerAnswer, LayerSpan};

use groups::Groups;
use reach::{Ctx, Reach, Reached};
use spans::{covers, merge, overlap};
use week::{local_hours, local_midnight, week_dates, Slot};

use crate::model::{Kind, Ladder};
use crate::oncall::{self, Span};
use crate::time::{Instant, TimeZoneName};

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;

/// The day labels of the grid's columns, Monday first.
pub const DAY_LABELS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// One week of coverage, hour by hour, for every tier.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WeekGrid {
    /// The IANA zone the hours are read in.
    pub zone: String,
    /// Local label of the first hour (the Monday), e.g. `"Mon 23 Nov 2026"`.
    pub week_label: String,
    /// The 7 day labels, `"Mon"` to `"Sun"`.
    pub days: Vec<String>,
    /// One row per tier, most severe (rank 1) first.
    pub rows: Vec<GridRow>,
    /// Display names of the ladder's people, sorted, each once; [`WeekGrid::groups`]
    /// refer to them by index.
    pub people: Vec<String>,
    /// The distinct sets of people the cells reach, each a sorted list of indexes into
    /// [`WeekGrid::people`] (so sorted by name). Set 0 is empty. A cell names its set by
    /// index, so a role held by thousands is stored once, not in each of 168 cells.
    pub groups: Vec<Vec<u32>>,
}

impl WeekGrid {
    /// Display names of the people `cell` reaches (sorted, deduped).
    pub fn reached<'g>(&'g self, cell: &Cell) -> impl Iterator<Item = &'g str> + 'g {
        self.groups
            .get(cell.reached as usize)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| self.people[i as usize].as_str())
    }

    /// How many people `cell` reaches.
    pub fn reached_count(&self, cell: &Cell) -> usize {
        self.groups.get(cell.reached as usize).map_or(0, Vec::len)
    }
}

/// The week of one tier's escalation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct GridRow {
    /// Tier id.
    pub tier: String,
    /// Tier name.
    pub tier_name: String,
    /// JSON Pointer of the tier's escalation (`/tiers/i/escalation`).
    pub pointer: String,
    /// 168 cells, day-major: Monday 00:00 local first, then Monday 01:00, ...
    pub cells: Vec<Cell>,
}

/// One local hour of one tier.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cell {
    /// Which step (1-based) first reaches someone at the start of the hour; `None` when
    /// no step reaches anybody then (or the hour does not exist).
    pub first_step: Option<usize>,
    /// The people that step reaches at the start of the hour: an index into
    /// [`WeekGrid::groups`] (0, the empty set, when nobody is reached); see
    /// [`WeekGrid::reached`] for their names.
    pub reached: u32,
    /// Minutes of this hour during which no step of the tier reaches anybody (0..=60),
    /// rounded up so that any uncovered time counts; 60 is a full gap. Always at least 1
    /// when `first_step` is `None`, except in an hour that does not exist (0).
    pub gap_minutes: u8,
    /// How many of `first_step`'s targets reach nobody at the start of the hour (a
    /// rotation outside its hours, say) while the others answer: 0 when all of them do.
    pub silent: u8,
    /// For each schedule among `first_step`'s targets that reaches someone at the start
    /// of the hour, in the step's order: the layer that answers.
    pub layers: Vec<LayerAnswer>,
    /// Tooltip text, e.g. `"Tue 03:00–04:00 Europe/London: step 1 reaches Ana Lima
    /// (rotation Primary)"` or `"Tue 03:00–04:00 Europe/London: nobody is reached for
    /// 30 min"`.
    pub label: String,
}

/// The week (Monday 00:00 to the next Monday 00:00, local in `zone`) containing `at`,
/// hour by hour for every tier of `ladder` (most severe first). See the module
/// documentation for DST and unknown references.
pub fn week_grid(ladder: &Ladder, zone: &TimeZoneName, at: Instant) -> WeekGrid {
    let tz = zone.tz();
    let (monday, dates) = week_dates(tz, at);
    let from = local_midnight(tz, dates[0]);
    let to = local_midnight(tz, dates[7]).max(from);
    let (slots, whens) = local_hours(tz, &dates, zone);

    let mut ctx = Ctx::new(ladder, from, to);
    let mut groups = Groups::new(ladder);
    let mut order: Vec<usize> = (0..ladder.tiers.len()).collect();
    order.sort_by_key(|&i| ladder.tiers[i].rank);
    let rows = order
        .into_iter()
        .map(|i| tier_row(&mut ctx, &mut groups, i, (&slots, &whens), (from, to)))
        .collect();

    WeekGrid {
        zone: zone.to_string(),
        week_label: crate::time::civil_text::day_year(monday),
        days: DAY_LABELS.iter().map(|d| d.to_string()).collect(),
        rows,
        people: groups.people,
        groups: groups.sets,
    }
}

/// The row of tier `i`: per step its targets and when it reaches anybody, then each hour.
fn tier_row(
    ctx: &mut Ctx,
    groups: &mut Groups,
    i: usize,
    (slots, whens): (&[Slot], &[String]),
    (from, to): (i64, i64),
) -> GridRow {
    let tier = &ctx.ladder.tiers[i];
    let steps: Vec<(Vec<Reach>, Vec<Span>)> = tier
        .escalation
        .steps
        .iter()
        .map(|s| {
            let reaches: Vec<Reach> = s.notify.iter().map(|t| ctx.reach(t)).collect();
            let spans = merge(reaches.iter().flat_map(|r| ctx.spans_of(r)).collect());
            (reaches, spans)
        })
        .collect();
    let covered: Vec<Vec<Span>> = steps.iter().map(|(_, s)| s.clone()).collect();
    let gaps = oncall::gaps(&[merge(covered.concat())], from, to);
    let cells = slots
        .iter()
        .zip(whens)
        .map(|(slot, when)| hour_cell(ctx, groups, &steps, &gaps, slot, when))
        .collect();
    GridRow {
        tier: tier.id.to_string(),
        tier_name: tier.name.clone(),
        pointer: format!("{}/escalation", Kind::Tier.pointer(i)),
        cells,
    }
}

/// One hour of a tier: the first step reaching somebody at its start, whom, and how
/// much of it nobody is reached.
fn hour_cell(
    ctx: &Ctx,
    groups: &mut Groups,
    steps: &[(Vec<Reach>, Vec<Span>)],
    gaps: &[Span],
    slot: &Slot,
    when: &str,
) -> Cell {
    let Slot::Hour { start, .. } = *slot else {
        return Cell {
            first_step: None,
            reached: 0,
            gap_minutes: 0,
            silent: 0,
            layers: Vec::new(),
            label: when.to_string(),
        };
    };
    let gap_ms = overlap(gaps, start, start + HOUR_MS);
    let gap_minutes = ((gap_ms + MINUTE_MS - 1) / MINUTE_MS).clamp(0, 60) as u8;
    let first = steps
        .iter()
        .enumerate()
        .find(|(_, (_, spans))| covers(spans, start));
    match first {
        Some((k, (reaches, _))) => {
            let mut key: Vec<Reached> = Vec::new();
            let mut parts: Vec<String> = Vec::new();
            let mut silent: Vec<&str> = Vec::new();
            let mut layers: Vec<LayerAnswer> = Vec::new();
            for r in reaches {
                match ctx.reached_at(r, start) {
                    Some((who, text)) => {
                        key.push(who);
                        parts.push(text);
                        if let Reach::Schedule(s) = *r {
                            layers.extend(ctx.layer_answer(s, start));
                        }
                    }
                    None => silent.push(ctx.target_name(r)),
                }
            }
            let reached = groups.intern(key, &ctx.ids.holders);
            let mut label = format!("{when}: step {} reaches {}", k + 1, parts.join(", "));
            if !silent.is_empty() {
                let verb = if silent.len() == 1 {
                    "reaches"
                } else {
                    "reach"
                };
                let answering = reaches.len() - silent.len();
                let answer = if answering == 1 { "answers" } else { "answer" };
                label.push_str(&format!(
                    "; only {answering} of its {} targets {answer}: {} {verb} nobody",
                    reaches.len(),
                    crate::text::join_names(&silent),
                ));
            }
            if gap_minutes > 0 {
                label.push_str(&format!("; nobody is reached for {gap_minutes} min"));
            }
            Cell {
                first_step: Some(k + 1),
                reached,
                gap_minutes,
                silent: silent.len().min(u8::MAX as usize) as u8,
                layers,
                label,
            }
        }
        None => Cell {
            first_step: None,
            reached: 0,
            gap_minutes,
            silent: 0,
            layers: Vec::new(),
            label: if gap_minutes >= 60 {
                format!("{when}: nobody is reached")
            } else {
                format!("{when}: nobody is reached for {gap_minutes} min")
            },
        },
    }
}

#[cfg(test)]
mod tests;
