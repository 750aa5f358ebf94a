//! "Download calendar": a rotation's, a schedule's or a person's on-call shifts as an iCalendar file
//! (`rungs_core::calendar`), for the next weeks, to import into a calendar app.

use leptos::prelude::*;
use rungs_core::calendar::{self, CalendarSource};
use rungs_core::edit::Kind;

use crate::platform::files::download;
use crate::state::doc::use_doc;
use crate::testid;

/// How many weeks a calendar may cover, as offered.
const WEEKS: [(u32, &str); 4] = [
    (4, "4 weeks"),
    (8, "8 weeks"),
    (13, "3 months"),
    (26, "6 months"),
];

/// The download of entry `i` of `kind` (a rotation, a schedule or a person; other kinds
/// make none).
#[component]
pub fn CalendarDownload(
    /// What the entry is.
    kind: Kind,
    /// Its index.
    i: usize,
) -> impl IntoView {
    let doc = use_doc();
    let weeks = RwSignal::new(8u32);
    let said = RwSignal::new(None::<String>);
    let source = move |l: &rungs_core::Ladder| match kind {
        Kind::Rotation => l
            .rotations
            .get(i)
            .map(|r| CalendarSource::Rotation(r.id.clone())),
        Kind::Person => l
            .people
            .get(i)
            .map(|p| CalendarSource::Person(p.id.clone())),
        Kind::Schedule => (l.schedules.get(i)).map(|s| CalendarSource::Schedule(s.id.clone())),
        _ => None,
    };
    let save = move |_| {
        let now = crate::platform::clock::now();
        let made = doc.ladder.with(|l| {
            let source = source(l)?;
            Some(calendar::calendar(l, &source, now, weeks.get(), now))
        });
        said.set(match made {
            None => None,
            Some(Err(e)) => Some(format!("No calendar: {e}.")),
            Some(Ok(cal)) => Some(match download(&cal.head.file_name, "text/calendar", &cal.ics) {
                Err(_) => "The browser did not let the file be saved.".to_string(),
                Ok(()) => format!(
                    "Saved {}: {}, times in {}. Import it into a calendar app; importing a later one updates these shifts.",
                    cal.head.file_name,
                    rungs_core::text::count(cal.events, "shift", "shifts"),
                    cal.head.zone
                ),
            }),
        })
    };
    let id = format!("calendar-weeks-{}-{i}", kind.collection());
    view! {
        <div class="field calendar-download">
            <h3>"Calendar file"</h3>
            <div class="calendar-download-row">
                <label for=id.clone()>"Covering"</label>
                <select
                    id=id
                    prop:value=move || weeks.get().to_string()
                    on:change=move |ev| weeks.set(event_target_value(&ev).parse().unwrap_or(8))
                >
                    {WEEKS
                        .iter()
                        .map(|(n, label)| view! { <option value=n.to_string()>{*label}</option> })
                        .collect_view()}
                </select>
                <button class="button" data-testid=testid::CALENDAR_DOWNLOAD on:click=save>
                    "Download calendar (.ics)"
                </button>
            </div>
            <p class="muted small" role="status">{move || said.get()}</p>
        </div>
    }
}
