//! The designer's on-call coverage heatmap: for one week, hour by hour in a zone the user
//! picks, which step of each tier's escalation first reaches somebody, who that is, and
//! how many minutes of the hour nobody at all is reached.
//!
//! Who a target reaches at an instant follows the format: a person always; a rotation its
//! on-call member, only inside its window (read in the rotation's zone); a role everyone
//! holding it. References that do not resolve reach nobody (validation reports them), and
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

use foldhash::{HashMap, HashMapExt};

use jiff::civil::Date;
use jiff::tz::{AmbiguousOffset, TimeZone};

use crate::model::{Ladder, Target};
use crate::oncall::{self, Span};
use crate::time::{Instant, TimeZoneName};

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;

/// More shifts than this in one week (only possible with sub-second shifts built in code)
/// are not walked one by one: the rotation then counts as covering its window whenever
/// any of its members resolves.
const MAX_SHIFTS_WALKED: i64 = 200_000;

/// At most this many holders of a role are named in a tooltip; the rest are counted.
const ROLE_NAMES_IN_LABEL: usize = 3;

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
    /// Tooltip text, e.g. `"Tue 03:00–04:00 Europe/London: step 1 reaches Ana Lima
    /// (rotation Primary)"` or `"Tue 03:00–04:00 Europe/London: nobody is reached for
    /// 30 min"`.
    pub label: String,
}

/// Who one target of a step can reach in the week.
enum Reach {
    /// Nobody (unknown reference, empty role or rotation).
    Nobody,
    /// A person, always.
    Person(usize),
    /// A role's holders (never empty), always.
    Role(usize),
    /// A rotation's on-call member, inside its active spans.
    Rotation(usize),
}

/// Indexes of the ladder and the week's rotation spans, computed once.
struct Ctx<'a> {
    ladder: &'a Ladder,
    people: HashMap<&'a str, usize>,
    roles: HashMap<&'a str, usize>,
    rotations: HashMap<&'a str, usize>,
    /// Holders of each role (by position), in the order of `people`.
    holders: Vec<Vec<usize>>,
    /// For each rotation, when in the week its on-call member is a known person inside
    /// its window; computed on first use.
    rotation_spans: Vec<Option<Vec<Span>>>,
    from: i64,
    to: i64,
}

fn index<'a, I: Iterator<Item = &'a str>>(ids: I) -> HashMap<&'a str, usize> {
    let mut map = HashMap::with_capacity(ids.size_hint().0);
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

/// Merges sorted-or-not spans into a sorted list of disjoint, non-touching spans.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| !s.is_empty());
    spans.sort_unstable();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(prev) if s.start <= prev.end => prev.end = prev.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// The intersection of two sorted, merged span lists.
fn intersect(a: &[Span], b: &[Span]) -> Vec<Span> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() && j < b.len() {
        let s = Span {
            start: a[i].start.max(b[j].start),
            end: a[i].end.min(b[j].end),
        };
        if !s.is_empty() {
            out.push(s);
        }
        if a[i].end < b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Whether sorted, merged `spans` cover `t`.
fn covers(spans: &[Span], t: i64) -> bool {
    let i = spans.partition_point(|s| s.end <= t);
    spans.get(i).is_some_and(|s| s.start <= t)
}

/// Milliseconds of `[start, end)` inside sorted, merged `spans`.
fn overlap(spans: &[Span], start: i64, end: i64) -> i64 {
    let mut i = spans.partition_point(|s| s.end <= start);
    let mut total = 0;
    while let Some(s) = spans.get(i) {
        if s.start >= end {
            break;
        }
        total += s.end.min(end) - s.start.max(start);
        i += 1;
    }
    total
}

impl<'a> Ctx<'a> {
    fn new(ladder: &'a Ladder, from: i64, to: i64) -> Self {
        let roles = index(ladder.roles.iter().map(|r| r.id.as_str()));
        let mut holders = vec![Vec::new(); ladder.roles.len()];
        for (p, person) in ladder.people.iter().enumerate() {
            for r in &person.roles {
                if let Some(&ri) = roles.get(r.as_str()) {
                    // People are visited in order, so a repeat can only be the last one.
                    if holders[ri].last() != Some(&p) {
                        holders[ri].push(p);
                    }
                }
            }
        }
        Ctx {
            ladder,
            people: index(ladder.people.iter().map(|p| p.id.as_str())),
            roles,
            rotations: index(ladder.rotations.iter().map(|r| r.id.as_str())),
            holders,
            rotation_spans: vec![None; ladder.rotations.len()],
            from,
            to,
        }
    }

    fn reach(&mut self, t: &Target) -> Reach {
        match t {
            Target::Person(id) => self
                .people
                .get(id.as_str())
                .map_or(Reach::Nobody, |&p| Reach::Person(p)),
            Target::Role(id) => match self.roles.get(id.as_str()) {
                Some(&r) if !self.holders[r].is_empty() => Reach::Role(r),
                _ => Reach::Nobody,
            },
            Target::Rotation(id) => match self.rotations.get(id.as_str()) {
                Some(&r) => {
                    self.ensure_rotation_spans(r);
                    Reach::Rotation(r)
                }
                None => Reach::Nobody,
            },
        }
    }

    /// When in the week rotation `r`'s on-call member is a known person inside its window.
    fn ensure_rotation_spans(&mut self, r: usize) {
        if self.rotation_spans[r].is_some() {
            return;
        }
        let (from, to) = (self.from, self.to);
        let rot = &self.ladder.rotations[r];
        let shift = i64::try_from(rot.shift.as_millis()).unwrap_or(i64::MAX);
        let resolves: Vec<bool> = rot
            .members
            .iter()
            .map(|m| self.people.contains_key(m.as_str()))
            .collect();
        let spans = if shift == 0 || !resolves.iter().any(|&b| b) {
            Vec::new()
        } else {
            let window = match &rot.window {
                None => vec![Span {
                    start: from,
                    end: to,
                }],
                Some(w) => oncall::window_spans(w, rot.timezone.tz(), from, to),
            };
            if resolves.iter().all(|&b| b) || (to - from) / shift > MAX_SHIFTS_WALKED {
                window
            } else {
                // Walk the shifts of the week, keeping those of known members.
                let start = rot.start.as_millis();
                let n = resolves.len() as i64;
                let mut turn = (from - start).div_euclid(shift);
                let mut on = Vec::new();
                loop {
                    let s = start.saturating_add(turn.saturating_mul(shift));
                    if s >= to {
                        break;
                    }
                    if resolves[turn.rem_euclid(n) as usize] {
                        on.push(Span {
                            start: s.max(from),
                            end: s.saturating_add(shift).min(to),
                        });
                    }
                    turn += 1;
                }
                intersect(&window, &merge(on))
            }
        };
        self.rotation_spans[r] = Some(spans);
    }

    fn spans_of(&self, reach: &Reach) -> Vec<Span> {
        match reach {
            Reach::Nobody => Vec::new(),
            Reach::Person(_) | Reach::Role(_) => vec![Span {
                start: self.from,
                end: self.to,
            }],
            Reach::Rotation(r) => self.rotation_spans[*r].clone().unwrap_or_default(),
        }
    }

    fn person_name(&self, p: usize) -> &'a str {
        &self.ladder.people[p].name
    }

    /// Who `reach` reaches at `t`, and how a tooltip says it; `None` for nobody. A role
    /// is named by its first holders only, so the text stays short however many hold it.
    fn reached_at(&self, reach: &Reach, t: i64) -> Option<(Reached, String)> {
        let l = self.ladder;
        match *reach {
            Reach::Nobody => None,
            Reach::Person(p) => Some((Reached::Person(p), self.person_name(p).to_string())),
            Reach::Role(r) => {
                let holders = &self.holders[r];
                let mut shown = holders
                    .iter()
                    .take(ROLE_NAMES_IN_LABEL)
                    .map(|&p| self.person_name(p))
                    .collect::<Vec<_>>()
                    .join(", ");
                if holders.len() > ROLE_NAMES_IN_LABEL {
                    shown.push_str(&format!(
                        " and {} more",
                        holders.len() - ROLE_NAMES_IN_LABEL
                    ));
                }
                let text = format!("{shown} (role {})", l.roles[r].name);
                Some((Reached::Role(r), text))
            }
            Reach::Rotation(r) => {
                let spans = self.rotation_spans[r].as_deref().unwrap_or_default();
                if !covers(spans, t) {
                    return None;
                }
                let rot = &l.rotations[r];
                let member = oncall::rotation_member_at(rot, t)?;
                let p = *self.people.get(rot.members[member].as_str())?;
                let name = self.person_name(p);
                Some((
                    Reached::Person(p),
                    format!("{name} (rotation {})", rot.name),
                ))
            }
        }
    }
}

/// Whom one target reaches in a cell, before it is expanded to names.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Reached {
    /// One person (by position in `people`).
    Person(usize),
    /// Every holder of a role (by position in `roles`).
    Role(usize),
}

/// The grid's table of names and deduplicated sets of reached people.
struct Groups {
    /// Sorted, unique display names.
    people: Vec<String>,
    /// Index into `people` of each person's name (by position in the ladder's `people`).
    name_of: Vec<u32>,
    /// The holders of each role as sorted, unique name indexes, computed on first use.
    role_names: Vec<Option<Vec<u32>>>,
    /// The sets so far; set 0 is empty.
    sets: Vec<Vec<u32>>,
    /// The set of each distinct combination of reached targets.
    by_key: HashMap<Vec<Reached>, u32>,
}

impl Groups {
    fn new(ladder: &Ladder) -> Self {
        // People by name; equal names share one entry, which each of them points to.
        let mut order: Vec<(&str, usize)> = ladder
            .people
            .iter()
            .enumerate()
            .map(|(p, person)| (person.name.as_str(), p))
            .collect();
        order.sort_unstable();
        let mut people: Vec<String> = Vec::new();
        let mut name_of = vec![0u32; ladder.people.len()];
        for (name, p) in order {
            if people.last().map(String::as_str) != Some(name) {
                people.push(name.to_string());
            }
            name_of[p] = (people.len() - 1) as u32;
        }
        Groups {
            people,
            name_of,
            role_names: vec![None; ladder.roles.len()],
            sets: vec![Vec::new()],
            by_key: HashMap::new(),
        }
    }

    /// The index of the set of people `key` reaches (sorted and deduped in place);
    /// built once per distinct `key`, so its cost does not repeat in every cell.
    fn intern(&mut self, mut key: Vec<Reached>, holders: &[Vec<usize>]) -> u32 {
        key.sort_unstable();
        key.dedup();
        if let Some(&g) = self.by_key.get(&key) {
            return g;
        }
        let mut set: Vec<u32> = Vec::new();
        for r in &key {
            match *r {
                Reached::Person(p) => set.push(self.name_of[p]),
                Reached::Role(role) => {
                    let name_of = &self.name_of;
                    let names = self.role_names[role].get_or_insert_with(|| {
                        let mut v: Vec<u32> = holders[role].iter().map(|&p| name_of[p]).collect();
                        v.sort_unstable();
                        v.dedup();
                        v
                    });
                    set.extend_from_slice(names);
                }
            }
        }
        set.sort_unstable();
        set.dedup();
        let g = if set.is_empty() {
            0
        } else {
            self.sets.push(set);
            (self.sets.len() - 1) as u32
        };
        self.by_key.insert(key, g);
        g
    }
}

/// One local hour of the week.
enum Slot {
    /// The hour exists and starts at this instant; `repeated` when a DST change repeats it.
    Hour { start: i64, repeated: bool },
    /// A DST change skips this local hour.
    Skipped,
}

fn local_midnight(tz: &TimeZone, date: Date) -> i64 {
    tz.to_ambiguous_timestamp(date.at(0, 0, 0, 0))
        .compatible()
        .map_or(0, |ts| ts.as_millisecond())
}

/// The week (Monday 00:00 to the next Monday 00:00, local in `zone`) containing `at`,
/// hour by hour for every tier of `ladder` (most severe first). See the module
/// documentation for DST and unknown references.
pub fn week_grid(ladder: &Ladder, zone: &TimeZoneName, at: Instant) -> WeekGrid {
    let tz = zone.tz();
    let today = tz.to_datetime(at.timestamp()).date();
    let mut monday = today;
    for _ in 0..today.weekday().to_monday_zero_offset() {
        monday = monday.yesterday().unwrap_or(monday);
    }
    let mut dates = Vec::with_capacity(8);
    let mut d = monday;
    for _ in 0..8 {
        dates.push(d);
        d = d.tomorrow().unwrap_or(d);
    }
    let from = local_midnight(tz, dates[0]);
    let to = local_midnight(tz, dates[7]).max(from);

    // The 168 local hours and their tooltip prefixes.
    let mut slots = Vec::with_capacity(168);
    let mut whens = Vec::with_capacity(168);
    for (day, date) in dates[..7].iter().enumerate() {
        for hour in 0..24i8 {
            let amb = tz.to_ambiguous_timestamp(date.at(hour, 0, 0, 0));
            let start =
                |ts: Result<jiff::Timestamp, jiff::Error>| ts.map_or(0, |t| t.as_millisecond());
            let slot = match amb.offset() {
                AmbiguousOffset::Unambiguous { .. } => Slot::Hour {
                    start: start(amb.compatible()),
                    repeated: false,
                },
                AmbiguousOffset::Fold { .. } => Slot::Hour {
                    start: start(amb.earlier()),
                    repeated: true,
                },
                AmbiguousOffset::Gap { .. } => Slot::Skipped,
            };
            let mut when = format!(
                "{} {hour:02}:00–{:02}:00 {zone}",
                DAY_LABELS[day],
                (hour + 1) % 24
            );
            match slot {
                Slot::Hour { repeated: true, .. } => when.push_str(" (first of two)"),
                Slot::Skipped => {
                    when.push_str(": this hour does not exist (the clocks go forward)")
                }
                Slot::Hour { .. } => {}
            }
            slots.push(slot);
            whens.push(when);
        }
    }

    let mut ctx = Ctx::new(ladder, from, to);
    let mut groups = Groups::new(ladder);
    let mut order: Vec<usize> = (0..ladder.tiers.len()).collect();
    order.sort_by_key(|&i| ladder.tiers[i].rank);
    let rows = order
        .into_iter()
        .map(|i| {
            let tier = &ladder.tiers[i];
            // Per step: its targets and when it reaches anybody.
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
                .zip(&whens)
                .map(|(slot, when)| {
                    let Slot::Hour { start, .. } = *slot else {
                        return Cell {
                            first_step: None,
                            reached: 0,
                            gap_minutes: 0,
                            label: when.clone(),
                        };
                    };
                    let gap_ms = overlap(&gaps, start, start + HOUR_MS);
                    let gap_minutes = ((gap_ms + MINUTE_MS - 1) / MINUTE_MS).clamp(0, 60) as u8;
                    let first = steps
                        .iter()
                        .enumerate()
                        .find(|(_, (_, spans))| covers(spans, start));
                    match first {
                        Some((k, (reaches, _))) => {
                            let mut key: Vec<Reached> = Vec::new();
                            let mut parts: Vec<String> = Vec::new();
                            for r in reaches {
                                if let Some((who, text)) = ctx.reached_at(r, start) {
                                    key.push(who);
                                    parts.push(text);
                                }
                            }
                            let reached = groups.intern(key, &ctx.holders);
                            let mut label =
                                format!("{when}: step {} reaches {}", k + 1, parts.join(", "));
                            if gap_minutes > 0 {
                                label.push_str(&format!(
                                    "; nobody is reached for {gap_minutes} min"
                                ));
                            }
                            Cell {
                                first_step: Some(k + 1),
                                reached,
                                gap_minutes,
                                label,
                            }
                        }
                        None => Cell {
                            first_step: None,
                            reached: 0,
                            gap_minutes,
                            label: if gap_minutes >= 60 {
                                format!("{when}: nobody is reached")
                            } else {
                                format!("{when}: nobody is reached for {gap_minutes} min")
                            },
                        },
                    }
                })
                .collect();
            GridRow {
                tier: tier.id.to_string(),
                tier_name: tier.name.clone(),
                pointer: format!("/tiers/{i}/escalation"),
                cells,
            }
        })
        .collect();

    WeekGrid {
        zone: zone.to_string(),
        week_label: monday.strftime("%a %-d %b %Y").to_string(),
        days: DAY_LABELS.iter().map(|d| d.to_string()).collect(),
        rows,
        people: groups.people,
        groups: groups.sets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap()
    }

    fn zone(z: &str) -> TimeZoneName {
        TimeZoneName::new(z).unwrap()
    }

    fn saas() -> Ladder {
        crate::parse_ladder(crate::examples::EXAMPLES[0].json).unwrap()
    }

    /// A ladder with one rotation `primary` (`members`, `shift`, London `window`) and one
    /// tier whose steps notify `steps` (JSON targets).
    fn ladder(members: &str, shift: &str, window: &str, steps: &[&str]) -> Ladder {
        let steps: Vec<String> = steps
            .iter()
            .map(|t| format!(r#"{{"notify": [{t}], "escalate_after": "15m"}}"#))
            .collect();
        let json = format!(
            r#"{{
              "format": "rungs.ladder/v1", "name": "Office",
              "roles": [{{"id": "ic", "name": "Incident commander"}}],
              "people": [
                {{"id": "ana", "name": "Ana Lima", "timezone": "Europe/London"}},
                {{"id": "ben", "name": "Ben Okafor", "timezone": "Europe/London", "roles": ["ic"]}}
              ],
              "rotations": [{{"id": "primary", "name": "Primary", "members": [{members}],
                "shift": "{shift}", "start": "2026-01-05T00:00:00Z", "timezone": "Europe/London"
                {window}}}],
              "tiers": [{{"id": "sev1", "name": "SEV1", "rank": 1,
                "escalation": {{"steps": [{}]}}}}]
            }}"#,
            steps.join(",")
        );
        crate::parse_ladder(&json).unwrap()
    }

    fn office() -> Ladder {
        ladder(
            r#""ana""#,
            "1w",
            r#", "window": {"days": ["mon", "tue", "wed", "thu", "fri"], "from": "09:30", "to": "17:00"}"#,
            &[r#"{"rotation": "primary"}"#],
        )
    }

    fn night() -> Ladder {
        ladder(
            r#""ana""#,
            "1w",
            r#", "window": {"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "22:00", "to": "02:00"}"#,
            &[r#"{"rotation": "primary"}"#],
        )
    }

    fn names<'g>(g: &'g WeekGrid, c: &Cell) -> Vec<&'g str> {
        g.reached(c).collect()
    }

    fn total_gap(row: &GridRow) -> u32 {
        row.cells.iter().map(|c| u32::from(c.gap_minutes)).sum()
    }

    #[test]
    fn follow_the_sun_reaches_whoever_is_awake() {
        let l = saas();
        let g = week_grid(&l, &zone("UTC"), at("2026-03-04T12:00:00Z"));
        assert_eq!(g.zone, "UTC");
        assert_eq!(g.week_label, "Mon 2 Mar 2026");
        assert_eq!(g.days, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
        let tiers: Vec<_> = g.rows.iter().map(|r| r.tier.as_str()).collect();
        assert_eq!(tiers, ["sev1", "sev2", "sev3", "sev4"]);
        assert_eq!(g.rows[0].pointer, "/tiers/0/escalation");
        assert_eq!(g.rows[0].tier_name, "SEV1 Critical");
        let sev1 = &g.rows[0];
        assert_eq!(sev1.cells.len(), 168);
        // In winter the three primaries cover the day between them.
        assert!(sev1
            .cells
            .iter()
            .all(|c| c.first_step == Some(1) && c.gap_minutes == 0));
        let mon9 = &sev1.cells[9];
        assert_eq!(names(&g, mon9), ["Ana Lima"]);
        assert_eq!(
            mon9.label,
            "Mon 09:00–10:00 UTC: step 1 reaches Ana Lima (rotation EMEA primary)"
        );
        // 07:00 UTC: London opens while Singapore is still on until 08:00 UTC.
        assert_eq!(names(&g, &sev1.cells[7]), ["Ana Lima", "Farah Rahman"]);
        // 20:00 UTC is 15:00 in New York.
        assert_eq!(names(&g, &sev1.cells[20]), ["Chloe Martin"]);

        // The same week seen from Tokyo: Tuesday 09:00 JST is Tuesday 00:00 UTC.
        let tokyo = week_grid(&l, &zone("Asia/Tokyo"), at("2026-03-04T12:00:00Z"));
        assert_eq!(tokyo.week_label, "Mon 2 Mar 2026");
        assert_eq!(
            tokyo.rows[0].cells[24 + 9].label,
            "Tue 09:00–10:00 Asia/Tokyo: step 1 reaches Farah Rahman (rotation APAC primary)"
        );
        // From New York, Monday noon is 17:00 UTC: only the Americas are on.
        let ny = week_grid(&l, &zone("America/New_York"), at("2026-03-04T12:00:00Z"));
        assert_eq!(names(&ny, &ny.rows[0].cells[12]), ["Chloe Martin"]);
        // SEV2 pages the same primaries first.
        assert_eq!(ny.rows[1].cells[12].first_step, Some(1));
    }

    #[test]
    fn business_hours_leave_nights_and_weekends_uncovered() {
        let l = office();
        let g = week_grid(&l, &zone("Europe/London"), at("2026-01-14T12:00:00Z"));
        assert_eq!(g.week_label, "Mon 12 Jan 2026");
        let row = &g.rows[0];
        let c = |i: usize| &row.cells[i];
        assert_eq!(
            (c(3).first_step, c(3).gap_minutes, c(3).label.as_str()),
            (None, 60, "Mon 03:00–04:00 Europe/London: nobody is reached")
        );
        // The window opens at 09:30: half of the hour is a gap.
        assert_eq!(
            (c(9).first_step, c(9).gap_minutes, c(9).label.as_str()),
            (
                None,
                30,
                "Mon 09:00–10:00 Europe/London: nobody is reached for 30 min"
            )
        );
        assert_eq!(
            c(10),
            &Cell {
                first_step: Some(1),
                reached: c(10).reached,
                gap_minutes: 0,
                label: "Mon 10:00–11:00 Europe/London: step 1 reaches Ana Lima (rotation Primary)"
                    .into(),
            }
        );
        assert_eq!(names(&g, c(10)), ["Ana Lima"]);
        assert_eq!((c(16).first_step, c(16).gap_minutes), (Some(1), 0));
        assert_eq!((c(17).first_step, c(17).gap_minutes), (None, 60));
        assert_eq!(
            (c(5 * 24 + 10).first_step, c(5 * 24 + 10).gap_minutes),
            (None, 60)
        );
        // 7.5 covered hours on each of five days.
        assert_eq!(total_gap(row), 168 * 60 - 5 * 450);

        // From Kolkata (UTC+5:30) the window is 15:00–22:30.
        let k = week_grid(&l, &zone("Asia/Kolkata"), at("2026-01-14T12:00:00Z"));
        let row = &k.rows[0];
        assert_eq!(
            (row.cells[14].first_step, row.cells[14].gap_minutes),
            (None, 60)
        );
        assert_eq!(
            (row.cells[15].first_step, row.cells[15].gap_minutes),
            (Some(1), 0)
        );
        assert_eq!(
            row.cells[22].label,
            "Mon 22:00–23:00 Asia/Kolkata: step 1 reaches Ana Lima (rotation Primary); nobody is reached for 30 min"
        );
        assert_eq!(row.cells[22].gap_minutes, 30);
        assert_eq!(total_gap(row), 168 * 60 - 5 * 450);
    }

    #[test]
    fn gaps_agree_with_oncall_gaps_over_the_week() {
        let l = office();
        let w = l.rotations[0].window.as_ref().unwrap();
        let tz = zone("Europe/London");
        let from = at("2026-01-12T00:00:00Z").as_millis();
        let to = from + 7 * 24 * HOUR_MS;
        let spans = oncall::window_spans(w, tz.tz(), from, to);
        let gap_ms: i64 = oncall::gaps(&[spans], from, to)
            .iter()
            .map(|g| g.len())
            .sum();
        let g = week_grid(&l, &tz, at("2026-01-12T00:00:00Z"));
        assert_eq!(i64::from(total_gap(&g.rows[0])) * MINUTE_MS, gap_ms);
    }

    #[test]
    fn spring_forward_skips_an_hour_in_london() {
        let l = night();
        // Sunday 29 March 2026: 01:00 GMT becomes 02:00 BST.
        let g = week_grid(&l, &zone("Europe/London"), at("2026-03-25T12:00:00Z"));
        assert_eq!(g.week_label, "Mon 23 Mar 2026");
        let row = &g.rows[0];
        let sun = 6 * 24;
        assert_eq!(row.cells[sun].first_step, Some(1));
        assert_eq!(names(&g, &row.cells[sun]), ["Ana Lima"]);
        assert_eq!(
            row.cells[sun + 1],
            Cell {
                first_step: None,
                reached: 0,
                gap_minutes: 0,
                label: "Sun 01:00–02:00 Europe/London: this hour does not exist (the clocks go forward)"
                    .into(),
            }
        );
        // The window closes at 02:00 local, which now comes right after 00:59 GMT.
        assert_eq!(
            (
                row.cells[sun + 2].first_step,
                row.cells[sun + 2].gap_minutes
            ),
            (None, 60)
        );
        assert_eq!(row.cells[sun - 1].first_step, Some(1));
        assert_eq!(row.cells[sun + 22].first_step, Some(1));
        // Four covered hours a day, three on the 23-hour Sunday.
        assert_eq!(total_gap(row), (6 * 20 + 20) * 60);
    }

    #[test]
    fn fall_back_shows_the_first_of_the_repeated_hours() {
        let l = night();
        // Sunday 25 October 2026: 02:00 BST becomes 01:00 GMT.
        let g = week_grid(&l, &zone("Europe/London"), at("2026-10-22T12:00:00Z"));
        assert_eq!(g.week_label, "Mon 19 Oct 2026");
        let row = &g.rows[0];
        let sun = 6 * 24;
        assert_eq!(
            row.cells[sun + 1].label,
            "Sun 01:00–02:00 Europe/London (first of two): step 1 reaches Ana Lima (rotation Primary)"
        );
        assert_eq!(row.cells[sun + 1].gap_minutes, 0);
        assert_eq!(
            (
                row.cells[sun + 2].first_step,
                row.cells[sun + 2].gap_minutes
            ),
            (None, 60)
        );
    }

    #[test]
    fn unknown_references_reach_nobody() {
        // Step 1 pages a person who does not exist; step 2 a daily rotation of Ana and a
        // member who does not exist; step 3 a role nobody declared.
        let l = ladder(
            r#""ana", "ghost""#,
            "1d",
            "",
            &[
                r#"{"person": "ghost"}"#,
                r#"{"rotation": "primary"}"#,
                r#"{"role": "nobody"}"#,
            ],
        );
        let g = week_grid(&l, &zone("UTC"), at("2026-01-12T00:00:00Z"));
        let row = &g.rows[0];
        // Monday 12 January is turn 7: the missing member's day.
        assert_eq!(
            (row.cells[10].first_step, row.cells[10].gap_minutes),
            (None, 60)
        );
        assert_eq!(
            row.cells[24 + 10].label,
            "Tue 10:00–11:00 UTC: step 2 reaches Ana Lima (rotation Primary)"
        );
        assert_eq!(total_gap(row), 4 * 24 * 60);
    }

    #[test]
    fn roles_reach_all_holders() {
        let l = ladder(
            r#""ana""#,
            "1w",
            "",
            &[r#"{"role": "ic"}, {"person": "ana"}"#],
        );
        let g = week_grid(&l, &zone("UTC"), at("2026-01-12T00:00:00Z"));
        let c = &g.rows[0].cells[0];
        assert_eq!(names(&g, c), ["Ana Lima", "Ben Okafor"]);
        assert_eq!(g.reached_count(c), 2);
        assert_eq!(
            c.label,
            "Mon 00:00–01:00 UTC: step 1 reaches Ben Okafor (role Incident commander), Ana Lima"
        );
        assert_eq!(total_gap(&g.rows[0]), 0);
    }

    #[test]
    fn large_ladder_grid_has_every_tier() {
        let l = crate::examples::large_ladder(500, 50, 8, 200);
        let g = week_grid(&l, &zone("Europe/Berlin"), at("2026-03-01T00:00:00Z"));
        assert_eq!(g.rows.len(), 8);
        assert!(g.rows.iter().all(|r| r.cells.len() == 168));
    }
}
