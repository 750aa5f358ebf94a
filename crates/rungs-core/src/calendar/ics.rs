//! Writing iCalendar (RFC 5545) by hand: a calendar of events in one zone, with a
//! `VTIMEZONE` made from the zone's transitions in the bundled database (`tzdb`).
//!
//! - **Lines** end in CRLF and are folded so that no line is longer than 75 octets (a
//!   continuation line starts with a space), never inside a UTF-8 character.
//! - **Text** escapes `\`, `;`, `,` and new lines; other control characters are dropped.
//! - **Times** are whole seconds (a fraction of a second is dropped). An event's start
//!   and end are local times with `TZID` in the calendar's zone, except an instant in
//!   the second pass of a repeated hour (clocks going back): RFC 5545 reads such a local
//!   time as its first occurrence, so that instant is written in UTC (`...Z`) instead.
//! - **`VTIMEZONE`**: one `STANDARD` or `DAYLIGHT` sub-component per transition, with
//!   its own `DTSTART` and no `RRULE`: the transition in force at the first event's
//!   start and every one up to the last event's end. A zone that never changes (UTC)
//!   gets one `STANDARD` from 1970 with its fixed offset. Offsets are `+hhmm`
//!   (`+hhmmss` when they have seconds), so Lord Howe's `+1030` is written as it is.

use jiff::civil::DateTime;
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};

use super::{CalendarHead, OnCallEvent};
use crate::time::Instant;

/// The longest line, in octets, before it is folded.
const LINE_OCTETS: usize = 75;

/// At most this many transitions are written into a `VTIMEZONE` (a zone changes
/// a few times a year; two years of weeks and the look-around need a handful).
const MAX_TRANSITIONS: usize = 1_000;

/// Whether the instant `ms` falls in the years iCalendar writes (1 to 9999), with a day
/// to spare for any zone's offset.
pub(super) fn writable(ms: i64) -> bool {
    const DAY_MS: i64 = 86_400_000;
    // 0001-01-01T00:00:00Z and 9999-12-31T00:00:00Z
    const FIRST: i64 = -62_135_596_800_000;
    const LAST: i64 = 253_402_214_400_000;
    (FIRST + DAY_MS..=LAST - DAY_MS).contains(&ms)
}

/// The iCalendar text of a calendar: `head`'s name and zone, one `VEVENT` per event,
/// each stamped `stamp`.
pub fn to_ics(head: &CalendarHead, events: &[OnCallEvent], stamp: Instant) -> String {
    let mut w = Writer::default();
    w.line("BEGIN:VCALENDAR");
    w.line("VERSION:2.0");
    w.line("PRODID:-//Rungs//On-call calendar//EN");
    w.line("CALSCALE:GREGORIAN");
    w.line("METHOD:PUBLISH");
    w.text("X-WR-CALNAME", &head.title);
    w.text("X-WR-TIMEZONE", head.zone.as_str());
    let tz = head.zone.tz();
    let first = events.iter().map(|e| e.from.as_millis()).min();
    let last = events.iter().map(|e| e.to.as_millis()).max();
    if let (Some(first), Some(last)) = (first, last) {
        vtimezone(&mut w, head.zone.as_str(), tz, (first, last));
    }
    let stamp = utc(seconds(stamp.as_millis()));
    for e in events {
        w.line("BEGIN:VEVENT");
        let start = seconds(e.from.as_millis());
        w.text("UID", &uid(head, e, start));
        w.line(&format!("DTSTAMP:{stamp}"));
        w.line(&time("DTSTART", head.zone.as_str(), tz, start));
        w.line(&time(
            "DTEND",
            head.zone.as_str(),
            tz,
            seconds(e.to.as_millis()),
        ));
        w.text("SUMMARY", &summary(e));
        w.text("DESCRIPTION", &description(head, e));
        w.line("TRANSP:TRANSPARENT");
        w.line("END:VEVENT");
    }
    w.line("END:VCALENDAR");
    w.out
}

/// `20260328T080000Z-primary@acme-payments.rungs`: the event's start, its rotation's id
/// (or, in a schedule's calendar, `schedule.` and the schedule's id: a `.` no id holds,
/// so it never meets a rotation's) and the ladder.
fn uid(head: &CalendarHead, e: &OnCallEvent, start: Timestamp) -> String {
    let slug = &head.ladder_slug;
    match &e.layer {
        None => format!("{}-{}@{slug}.rungs", utc(start), e.rotation),
        Some(l) => format!("{}-schedule.{}@{slug}.rungs", utc(start), l.schedule),
    }
}

/// `"On call: Primary (Ana Lima)"`, `"On call: Primary (Ana Lima, override)"`; in a
/// schedule's calendar `"On call: Payments on-call, layer 2 Weekday day team (Dee)"`.
fn summary(e: &OnCallEvent) -> String {
    let how = if e.is_override { ", override" } else { "" };
    let what = match &e.layer {
        None => e.rotation_name.clone(),
        Some(l) => format!("{}, layer {} {}", l.schedule_name, l.layer, e.rotation_name),
    };
    format!("On call: {what} ({}{how})", e.person_name)
}

/// `"Ana Lima is on call for the rotation Primary (primary) of the ladder Acme
/// Payments."` (in a schedule's calendar, `"... for the schedule Payments on-call
/// (payments), through layer 2, the rotation ..."`), and for an override a sentence
/// saying so.
fn description(head: &CalendarHead, e: &OnCallEvent) -> String {
    let through = match &e.layer {
        None => String::new(),
        Some(l) => format!(
            "the schedule {} ({}), through layer {}, ",
            l.schedule_name, l.schedule, l.layer
        ),
    };
    let mut text = format!(
        "{} is on call for {through}the rotation {} ({}) of the ladder {}.",
        e.person_name, e.rotation_name, e.rotation, head.ladder_name
    );
    if e.is_override {
        text.push_str(" An override: they cover instead of the member on turn.");
    }
    text
}

/// The lines of a calendar as they are written.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    /// Adds `line` folded at [`LINE_OCTETS`] octets, with its CRLF.
    fn line(&mut self, line: &str) {
        let mut width = 0;
        for ch in line.chars() {
            if width + ch.len_utf8() > LINE_OCTETS {
                self.out.push_str("\r\n ");
                width = 1;
            }
            self.out.push(ch);
            width += ch.len_utf8();
        }
        self.out.push_str("\r\n");
    }

    /// Adds property `name` with a text value, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape(value)));
    }
}

/// `value` as an iCalendar TEXT value.
pub(super) fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for ch in value.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Epoch milliseconds as whole seconds (the fraction dropped).
fn seconds(ms: i64) -> Timestamp {
    Timestamp::from_second(ms.div_euclid(1000)).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// `20260329T090000`: a local date and time in iCalendar's basic form.
fn basic(dt: DateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

/// `20260329T070000Z`: an instant in UTC.
fn utc(ts: Timestamp) -> String {
    format!("{}Z", basic(TimeZone::UTC.to_datetime(ts)))
}

/// Property `name` at instant `ts`: local time with `TZID` when RFC 5545 reads that local
/// time back as `ts` (not in the second pass of a repeated hour), else UTC.
fn time(name: &str, zone: &str, tz: &TimeZone, ts: Timestamp) -> String {
    let local = tz.to_datetime(ts);
    // in a repeated hour RFC 5545 means the first occurrence, as "compatible" does
    match tz.to_ambiguous_timestamp(local).compatible() {
        Ok(back) if back == ts => format!("{name};TZID={}:{}", param(zone), basic(local)),
        _ => format!("{name}:{}", utc(ts)),
    }
}

/// A parameter value, quoted when it holds a character that ends one.
fn param(value: &str) -> String {
    if value.contains([':', ';', ',']) {
        format!("\"{}\"", value.replace('"', ""))
    } else {
        value.to_string()
    }
}

/// `+0100`, `-0430`, `+1030`; seconds only when there are some (`+005328`).
fn offset(o: Offset) -> String {
    let s = o.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    let a = s.unsigned_abs();
    let (h, m, sec) = (a / 3600, a % 3600 / 60, a % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// The `VTIMEZONE` of `tz` for events from `first` to `last` (epoch milliseconds).
fn vtimezone(w: &mut Writer, zone: &str, tz: &TimeZone, (first, last): (i64, i64)) {
    let at = |ms: i64| Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH);
    let (first, last) = (at(first), at(last));
    w.line("BEGIN:VTIMEZONE");
    w.line(&format!("TZID:{zone}"));
    let since = first
        .checked_add(SignedDuration::from_nanos(1))
        .unwrap_or(first);
    // the transition in force at `first` (at or before it), then those up to `last`
    let in_force = tz.preceding(since).next();
    let later = tz.following(first).take_while(|t| t.timestamp() <= last);
    let mut any = false;
    for t in in_force.into_iter().chain(later).take(MAX_TRANSITIONS) {
        let onset = t.timestamp();
        let before = tz.to_offset(
            onset
                .checked_sub(SignedDuration::from_nanos(1))
                .unwrap_or(onset),
        );
        let kind = if t.dst().is_dst() {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        observance(
            w,
            kind,
            before.to_datetime(onset),
            (before, t.offset()),
            t.abbreviation(),
        );
        any = true;
    }
    if !any {
        // a zone without transitions keeps one offset for ever
        let info = tz.to_offset_info(first);
        let epoch = DateTime::constant(1970, 1, 1, 0, 0, 0, 0);
        let fixed = (info.offset(), info.offset());
        observance(w, "STANDARD", epoch, fixed, info.abbreviation());
    }
    w.line("END:VTIMEZONE");
}

/// One `STANDARD` or `DAYLIGHT` sub-component: from local time `start` (read in the offset
/// before it), the offset `to` instead of `from`, called `name`.
fn observance(
    w: &mut Writer,
    kind: &str,
    start: DateTime,
    (from, to): (Offset, Offset),
    name: &str,
) {
    w.line(&format!("BEGIN:{kind}"));
    w.line(&format!("DTSTART:{}", basic(start)));
    w.line(&format!("TZOFFSETFROM:{}", offset(from)));
    w.line(&format!("TZOFFSETTO:{}", offset(to)));
    if !name.is_empty() {
        w.text("TZNAME", name);
    }
    w.line(&format!("END:{kind}"));
}

#[cfg(test)]
pub(super) fn fold_for_test(line: &str) -> String {
    let mut w = Writer::default();
    w.line(line);
    w.out
}
