//! Stable `data-testid` values, the one place the app and its browser tests agree on.
//! The end-to-end tests read this file, so keep each value a plain string literal.

/// The app's root element.
pub const APP: &str = "app";
/// The navigation tab of the designer.
pub const NAV_DESIGN: &str = "nav-design";
/// The navigation tab of the drill room.
pub const NAV_DRILL: &str = "nav-drill";
/// The navigation tab of sharing.
pub const NAV_SHARE: &str = "nav-share";
/// The ladder's name heading.
pub const LADDER_NAME: &str = "ladder-name";
/// One rung (tier) of the ladder.
pub const RUNG: &str = "rung";
/// A tier's name inside its rung.
pub const RUNG_NAME: &str = "rung-name";
/// One escalation step of a rung.
pub const STEP: &str = "step";
/// One rotation card.
pub const ROTATION: &str = "rotation";
/// A rotation's name.
pub const ROTATION_NAME: &str = "rotation-name";
/// One row of the people table.
pub const PERSON: &str = "person";
/// One row of the triggers table.
pub const TRIGGER: &str = "trigger";
/// One scenario card on the drill page.
pub const SCENARIO: &str = "scenario";
/// The canonical JSON on the share page.
pub const SHARE_JSON: &str = "share-json";
/// The message shown when a ladder cannot be read.
pub const LOAD_ERROR: &str = "load-error";
/// The validation panel.
pub const VALIDATION: &str = "validation";
/// The error count of the validation panel.
pub const ERROR_COUNT: &str = "error-count";
/// The warning count of the validation panel.
pub const WARNING_COUNT: &str = "warning-count";
/// One finding in the validation panel.
pub const DIAGNOSTIC: &str = "diagnostic";
/// The validity badge in the top bar.
pub const STATUS: &str = "status";
/// The ladder JSON editor.
pub const SOURCE: &str = "source";
/// The notice that the overview is older than the JSON, which does not parse.
pub const STALE: &str = "stale";
/// The JSON-only mode of a library entry whose text does not parse.
pub const BROKEN: &str = "broken-entry";
/// What another tab did to the open ladder, and how this tab kept the user's work.
pub const TAB_NOTICE: &str = "tab-notice";
/// The banner saying a new release of Rungs is ready, and its reload button.
pub const UPDATE_READY: &str = "update-ready";
pub const UPDATE_RELOAD: &str = "update-reload";
/// The note under the validation panel's list of how many findings are not shown.
pub const MORE_FINDINGS: &str = "more-findings";
/// A long list's count of rows not shown, with its Show more button.
pub const SHOW_MORE: &str = "show-more";
/// The drill room's note that a drill was paused while its page was left.
pub const DRILL_PAUSED_AWAY: &str = "drill-paused-away";
/// The button that leaves a drill for its setup (players, scenario), asking first.
pub const DRILL_SETUP: &str = "drill-setup";
/// The share link on the share page.
pub const SHARE_LINK: &str = "share-link";
/// The button that copies the share link.
pub const COPY_LINK: &str = "copy-link";
/// The notice on a ladder opened from a share link.
pub const SHARED: &str = "shared";
/// The button that turns a shared ladder into an editable copy.
pub const MAKE_COPY: &str = "make-copy";
/// The viewer module's banner when the app it hands over to could not be loaded.
pub const HAND_OVER_ERROR: &str = "hand-over-error";
/// The message for a share link that could not be opened.
pub const LINK_ERROR: &str = "link-error";
/// The message shown when the working copy cannot be saved.
pub const STORAGE_ERROR: &str = "storage-error";
/// The button that downloads the ladder JSON.
pub const DOWNLOAD: &str = "download";
/// The file input that imports a ladder.
pub const IMPORT: &str = "import";
/// The message for a file that could not be imported.
pub const IMPORT_ERROR: &str = "import-error";
/// The list of errors that block sharing and export.
pub const BLOCKERS: &str = "blockers";
/// The button that copies the ladder JSON.
pub const COPY_JSON: &str = "copy-json";
/// The navigation tab of the library (start page).
pub const NAV_LIBRARY: &str = "nav-library";
/// The undo button.
pub const UNDO: &str = "undo";
/// The redo button.
pub const REDO: &str = "redo";
/// One ladder of the local library.
pub const LIBRARY_ENTRY: &str = "library-entry";
/// A template (example or blank) on the start page.
pub const TEMPLATE_CARD: &str = "template-card";
/// The "New ladder" button.
pub const NEW_LADDER: &str = "new-ladder";
/// The editor panel of the selected entry.
pub const INSPECTOR: &str = "inspector";
/// The SVG ladder diagram.
pub const DIAGRAM: &str = "diagram";
/// The on-call coverage heatmap.
pub const HEATMAP: &str = "heatmap";
/// An "Add" button of a section of the designer.
pub const ADD: &str = "add";
/// What an empty section says it is for and what to add (`data-kind` names the collection).
pub const EMPTY_NOTE: &str = "empty-note";
/// An "Edit" button of an entry of the designer.
pub const EDIT: &str = "edit";
/// A field's inline error.
pub const FIELD_ERROR: &str = "field-error";
/// One row of a tier's escalation steps in the tier form.
pub const STEP_ROW: &str = "step-row";
/// The button that adds an escalation step.
pub const ADD_STEP: &str = "add-step";
/// The live preview of a message template.
pub const TEMPLATE_PREVIEW: &str = "template-preview";
/// The live drill panel.
pub const LIVE_DRILL: &str = "live-drill";
/// A checkbox marking a person as played by someone in the room.
pub const HUMAN: &str = "human";
/// The button that starts (or restarts) a live drill.
pub const DRILL_START: &str = "drill-start";
/// The clock speed of a live drill.
pub const DRILL_SPEED: &str = "drill-speed";
/// The simulated clock of a live drill.
pub const SIM_CLOCK: &str = "sim-clock";
/// A page waiting for a human's acknowledgement.
pub const PAGE_CARD: &str = "page-card";
/// What a page card says paged them (tier, step, rotation).
pub const PAGE_SOURCE: &str = "page-source";
/// A page card's countdown to its step's escalation.
pub const PAGE_COUNTDOWN: &str = "page-countdown";
/// What the drill's clock does while a page waits for someone in the room.
pub const DRILL_WHILE_WAITING: &str = "drill-while-waiting";
/// The drill clock's note that it runs slower (or stopped) while a page waits.
pub const DRILL_SLOWED: &str = "drill-slowed";
/// The Acknowledge button of a page card.
pub const ACKNOWLEDGE: &str = "acknowledge";
/// The facilitator's note input.
pub const DRILL_NOTE: &str = "drill-note";
/// The swimlane timeline of a drill.
pub const TIMELINE: &str = "timeline";
/// The scorecard at the end of a drill.
pub const SCORECARD: &str = "scorecard";
/// The Markdown debrief download.
pub const DEBRIEF_MD: &str = "debrief-md";
/// The JSON debrief download.
pub const DEBRIEF_JSON: &str = "debrief-json";
/// The facilitator's notes in the scorecard.
pub const DEBRIEF_NOTES: &str = "debrief-notes";
/// Every event of the drill, listed in the print view.
pub const DEBRIEF_EVENTS: &str = "debrief-events";
/// The head of the paper debrief (ladder, scenario, who played whom).
pub const DEBRIEF_HEAD: &str = "debrief-head";
/// The button that shows the finished drill as its paper debrief.
pub const PRINT_VIEW: &str = "print-view";
/// The button that leaves the print view.
pub const PRINT_VIEW_CLOSE: &str = "print-view-close";
/// A scenario's radio button on the drill page.
pub const SCENARIO_PICK: &str = "scenario-pick";
/// The button that adds a scenario.
pub const NEW_SCENARIO: &str = "new-scenario";
/// The button that opens the scenario editor.
pub const EDIT_SCENARIO: &str = "edit-scenario";
/// The scenario editor.
pub const SCENARIO_FORM: &str = "scenario-form";
/// A signal's editable step chart in the scenario editor.
pub const STEP_CHART: &str = "step-chart";
/// The line above a step chart naming its signal and unit.
pub const STEP_CHART_TITLE: &str = "step-chart-title";
/// A draggable point of a step chart.
pub const CHART_POINT: &str = "chart-point";
/// The breach count in a live drill's status bar.
pub const BREACH_FLAG: &str = "breach-flag";
/// The Monte Carlo study panel (its `data-state` is idle, running, done, cancelled or failed).
pub const STUDY: &str = "study";
/// The scenario the study is of.
pub const STUDY_SCENARIO: &str = "study-scenario";
/// The study's number of runs.
pub const STUDY_RUNS: &str = "study-runs";
/// The study's seed (empty: the scenario's).
pub const STUDY_SEED: &str = "study-seed";
/// The button that starts a study.
pub const STUDY_START: &str = "study-start";
/// The button that cancels a running study.
pub const STUDY_CANCEL: &str = "study-cancel";
/// Why the study's inputs were refused.
pub const STUDY_ERROR: &str = "study-error";
/// The study's progress bar.
pub const STUDY_PROGRESS: &str = "study-progress";
/// The study's status line (progress, elapsed time and runs per second, or what failed).
pub const STUDY_STATUS: &str = "study-status";
/// The results of a finished study.
pub const STUDY_RESULTS: &str = "study-results";
/// One figure's histogram (`data-figure` names it).
pub const STUDY_HISTOGRAM: &str = "study-histogram";
/// The table of breach rates per tier and timeline.
pub const STUDY_BREACH_RATES: &str = "study-breach-rates";
/// The line under the breach table's heading that gives its denominator.
pub const STUDY_BREACH_NOTE: &str = "study-breach-note";
/// The exhausted rate.
pub const STUDY_EXHAUSTED: &str = "study-exhausted";
/// The steps most often paged last before a breach.
pub const STUDY_PRECURSOR: &str = "study-precursor";
/// The table of pages and off-hours pages per person.
pub const STUDY_PAGES: &str = "study-pages";
/// The study's summary as JSON, as `rungs simulate --format json` prints it.
pub const STUDY_JSON: &str = "study-json";
/// The drill room's drill log.
pub const PAST_DRILLS: &str = "past-drills";
/// One record of the drill log.
pub const PAST_DRILL: &str = "past-drill";
/// The drill room's sensitivity panel, to open it.
pub const SENSITIVITY_OPEN: &str = "sensitivity-open";
/// The sensitivity panel (extras module), with its `data-state`.
pub const SENSITIVITY: &str = "sensitivity";
/// Its runs per study.
pub const SENSITIVITY_RUNS: &str = "sensitivity-runs";
/// Its Start button.
pub const SENSITIVITY_START: &str = "sensitivity-start";
/// One knob's bar on the tornado chart, with `data-label` and `data-influence`.
pub const TORNADO_ROW: &str = "tornado-row";
/// The Share page's "with its drill log" option for the JSON export.
pub const EXPORT_WITH_LOG: &str = "export-with-log";
/// The drill log's trend and exports (extras module).
pub const LOG_TREND: &str = "log-trend";
/// One chart of the drill log's trend.
pub const TREND_CHART: &str = "trend-chart";
/// The drill setup's line on who the scenario pages first.
pub const FIRST_PAGE: &str = "first-page";
/// "On call now" under an escalation step or an owner of a tier.
pub const ON_CALL_NOW: &str = "on-call-now";
/// A rotation form's list of its next shifts.
pub const UPCOMING_SHIFTS: &str = "upcoming-shifts";
/// A rotation's list of windows in its form.
pub const WINDOWS: &str = "windows";
/// One window of that list.
pub const WINDOW_ROW: &str = "window-row";
/// What a window covers, in words.
pub const WINDOW_SUMMARY: &str = "window-summary";
/// The button that adds a window.
pub const ADD_WINDOW: &str = "add-window";
/// A rotation's list of overrides in its form.
pub const OVERRIDES: &str = "overrides";
/// One override of that list.
pub const OVERRIDE_ROW: &str = "override-row";
/// The button that adds an override.
pub const ADD_OVERRIDE: &str = "add-override";
/// A rotation's next weeks, a lane per week, in its form.
pub const CALENDAR_STRIP: &str = "calendar-strip";
/// The button that downloads an entry's on-call calendar (.ics).
pub const CALENDAR_DOWNLOAD: &str = "calendar-download";
/// The designer's list of layered schedules.
pub const SCHEDULES: &str = "schedules";
/// One schedule's card in that list.
pub const SCHEDULE_CARD: &str = "schedule-card";
/// One layer in a schedule's form.
pub const LAYER_ROW: &str = "layer-row";
/// The viewer of a shared ladder.
pub const VIEWER: &str = "viewer";
/// One tier in the viewer.
pub const VIEWER_TIER: &str = "viewer-tier";
/// The viewer's list of people.
pub const VIEWER_CONTACTS: &str = "viewer-contacts";
/// The viewer's Print button.
pub const VIEWER_PRINT: &str = "viewer-print";
/// The designer's week of who is on call.
pub const SCHEDULE: &str = "schedule";
/// One rotation's lane in it.
pub const SCHEDULE_LANE: &str = "schedule-lane";
/// One shift in a lane.
pub const SCHEDULE_SHIFT: &str = "schedule-shift";
/// What the shift or gap chosen says.
pub const SCHEDULE_DETAIL: &str = "schedule-detail";
/// What the timeline mark chosen says.
pub const TIMELINE_DETAIL: &str = "timeline-detail";
/// What the facilitator's last inject did.
pub const INJECT_DONE: &str = "inject-done";
/// Validation's finding about a field, under the field.
pub const FIELD_FINDING: &str = "field-finding";
/// The line under a date-time picker that writes its instant out, in its zone and in UTC.
pub const INSTANT_NOTE: &str = "instant-note";
/// The "Import from…" button on the Ladders page.
pub const IMPORT_OPEN_PANEL: &str = "import-open-panel";
/// The import panel.
pub const IMPORT_PANEL: &str = "import-panel";
/// The import's system picker.
pub const IMPORT_SYSTEM: &str = "import-system";
/// The import's file input.
pub const IMPORT_FILES: &str = "import-files";
/// The import's paste box.
pub const IMPORT_PASTE: &str = "import-paste";
/// "Add to the documents" under the import's paste box.
pub const IMPORT_ADD_PASTED: &str = "import-add-pasted";
/// Which system the import recognised its documents as.
pub const IMPORT_RECOGNISED: &str = "import-recognised";
/// The import's Import button.
pub const IMPORT_START: &str = "import-start";
/// Why an import from a paging tool failed.
pub const IMPORT_FAILED: &str = "import-failed";
/// A finished import's summary and notes.
pub const IMPORT_RESULT: &str = "import-result";
/// "Open as a new ladder" after an import.
pub const IMPORT_OPEN: &str = "import-open";
/// The list of an import's or export's notes.
pub const INTEROP_NOTES: &str = "interop-notes";
/// One note of an import or export.
pub const INTEROP_NOTE: &str = "interop-note";
/// The Terraform export's provider picker.
pub const TERRAFORM_PROVIDER: &str = "terraform-provider";
/// The Terraform export's button.
pub const TERRAFORM_EXPORT: &str = "terraform-export";
/// The Terraform export's status line.
pub const TERRAFORM_STATUS: &str = "terraform-status";
/// The History button on the Design page.
pub const HISTORY_OPEN: &str = "history-open";
/// The History button of a library entry.
pub const ENTRY_HISTORY: &str = "entry-history";
/// The History panel.
pub const HISTORY: &str = "history";
/// The History panel's status line.
pub const HISTORY_STATUS: &str = "history-status";
/// The note for a new version.
pub const VERSION_NOTE: &str = "version-note";
/// Save version.
pub const VERSION_SAVE: &str = "version-save";
/// One version in the history.
pub const VERSION: &str = "version";
/// A version's "Compare with now".
pub const VERSION_COMPARE: &str = "version-compare";
/// A version's Restore.
pub const VERSION_RESTORE: &str = "version-restore";
/// A version opened read-only.
pub const VERSION_JSON: &str = "version-json";
/// A diff.
pub const DIFF: &str = "diff";
/// One change of a diff.
pub const DIFF_LINE: &str = "diff-line";
/// "No differences".
pub const DIFF_EMPTY: &str = "diff-empty";
/// The side-by-side switch of a diff.
pub const DIFF_SIDE: &str = "diff-side";
/// The what-if section of the History panel.
pub const WHATIF: &str = "whatif";
/// Its scenario picker.
pub const WHATIF_SCENARIO: &str = "whatif-scenario";
/// Its runs.
pub const WHATIF_RUNS: &str = "whatif-runs";
/// Run both.
pub const WHATIF_RUN: &str = "whatif-run";
/// The comparison's overall verdict.
pub const WHATIF_VERDICT: &str = "whatif-verdict";
/// One figure of a comparison.
pub const WHATIF_ROW: &str = "whatif-row";
