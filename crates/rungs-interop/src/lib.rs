//! Bring an existing escalation policy into Rungs, and take a ladder back as code.
//!
//! **Import** reads what a paging tool's REST API returns (saved as it comes, list
//! envelopes or single objects, policies, schedules and users mixed in any files in any
//! order) or the Terraform files of its provider, and builds a canonical [`Ladder`] plus
//! [`Note`]s: every value that is dropped, approximated or defaulted is a note pointing
//! into its source. **Export** writes a ladder as Terraform (HCL) for one provider.
//!
//! Like `rungs-core`, this crate is pure: no clock, no file system, no browser. The
//! command line (`rungs import`, `rungs export`) and the app's import dialog (a worker
//! loaded only when the dialog opens) are shells over [`import`] and [`export`].
//!
//! Layout: `notes.rs` (notes and errors), `build.rs` (the [`build::Builder`] every importer
//! fills: ids from names, people by key, tiers in order), `json.rs` (reading vendor JSON
//! with line and column, envelopes, pointers), `hcl.rs` (reading Terraform through
//! `hcl-edit` into resources with lines; writing HCL safely), `zones.rs` (vendor time
//! zones to IANA names), and one folder per system: `pagerduty/`, `opsgenie/`,
//! `grafana/`, `goalert/`, each with its JSON importer, its Terraform importer and (but
//! GoAlert) its Terraform exporter. docs/import.md is the user's reference.

pub mod build;
pub mod detect;
pub mod hcl;
pub mod json;
pub mod notes;
mod rotation;
pub mod zones;

mod goalert;
mod grafana;
mod opsgenie;
pub(crate) mod pagerduty;

pub use notes::{ImportError, Note, NoteSeverity, SourceRef};
use rungs_core::Ladder;

/// A system policies are imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    /// PagerDuty REST API v2 JSON.
    PagerDuty,
    /// Opsgenie REST API v2 JSON.
    Opsgenie,
    /// Grafana OnCall HTTP API v1 JSON.
    GrafanaOncall,
    /// GoAlert GraphQL JSON.
    GoAlert,
    /// Terraform files of the PagerDuty, Opsgenie, Grafana (OnCall) or GoAlert provider.
    Terraform,
}

impl System {
    /// Every system, in the order the command line and the app list them.
    pub const ALL: [System; 5] = [
        System::PagerDuty,
        System::Opsgenie,
        System::GrafanaOncall,
        System::GoAlert,
        System::Terraform,
    ];

    /// The command line's name (`pagerduty`, `grafana-oncall`, ...).
    pub fn slug(self) -> &'static str {
        match self {
            System::PagerDuty => "pagerduty",
            System::Opsgenie => "opsgenie",
            System::GrafanaOncall => "grafana-oncall",
            System::GoAlert => "goalert",
            System::Terraform => "terraform",
        }
    }

    /// The name a person reads.
    pub fn label(self) -> &'static str {
        match self {
            System::PagerDuty => "PagerDuty",
            System::Opsgenie => "Opsgenie",
            System::GrafanaOncall => "Grafana OnCall",
            System::GoAlert => "GoAlert",
            System::Terraform => "Terraform",
        }
    }

    /// The system with this slug.
    pub fn from_slug(s: &str) -> Option<System> {
        System::ALL.into_iter().find(|x| x.slug() == s)
    }
}

/// A Terraform provider a ladder is exported for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// `PagerDuty/pagerduty`.
    PagerDuty,
    /// `opsgenie/opsgenie`.
    Opsgenie,
    /// `grafana/grafana` (its OnCall resources).
    Grafana,
}

impl Provider {
    /// Every provider.
    pub const ALL: [Provider; 3] = [Provider::PagerDuty, Provider::Opsgenie, Provider::Grafana];

    /// The command line's name (`terraform-pagerduty`, ...).
    pub fn slug(self) -> &'static str {
        match self {
            Provider::PagerDuty => "terraform-pagerduty",
            Provider::Opsgenie => "terraform-opsgenie",
            Provider::Grafana => "terraform-grafana",
        }
    }

    /// The name a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Provider::PagerDuty => "Terraform for PagerDuty",
            Provider::Opsgenie => "Terraform for Opsgenie",
            Provider::Grafana => "Terraform for Grafana OnCall",
        }
    }

    /// The provider with this slug.
    pub fn from_slug(s: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|x| x.slug() == s)
    }
}

/// One document to import: its name (shown in notes and errors) and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    /// The file's name as the user gave it.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// Choices the user makes about an import.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOptions {
    /// The ladder's name (default: the policy's name when there is one, else
    /// "Imported from <system>").
    pub name: Option<String>,
    /// Policy names (or tier ids) in rank order, most severe first; policies not named
    /// keep the order they were read in, after these (a name that matches no tier is a
    /// warning). Empty: the order read, files in the order given.
    pub rank: Vec<String>,
}

/// An import's result: the ladder and what the user should know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The ladder, canonical (it may carry validation warnings, and errors when the
    /// source had none to give, such as a policy that pages nobody).
    pub ladder: Ladder,
    /// Everything dropped, approximated or defaulted, in source order.
    pub notes: Vec<Note>,
}

/// The largest total input accepted, in bytes (all files together).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// Imports `files` as `system`'s format.
///
/// # Errors
/// [`ImportError`] when a file cannot be read as that system's format (syntax errors
/// carry the file, line and column), when the files hold no policy, or when the input is
/// over [`MAX_INPUT_BYTES`].
pub fn import(
    system: System,
    files: &[SourceFile],
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    if total > MAX_INPUT_BYTES {
        return Err(ImportError::whole(format!(
            "the files hold {total} bytes; at most {MAX_INPUT_BYTES} are imported at once"
        )));
    }
    if files.is_empty() {
        return Err(ImportError::whole("no file to import"));
    }
    let mut b = build::Builder::new(system);
    match system {
        System::PagerDuty => pagerduty::import_json(&mut b, files)?,
        System::Opsgenie => opsgenie::import_json(&mut b, files)?,
        System::GrafanaOncall => grafana::import_json(&mut b, files)?,
        System::GoAlert => goalert::import_json(&mut b, files)?,
        System::Terraform => import_terraform(&mut b, files)?,
    }
    b.finish(options)
}

/// Terraform: every file parsed once, then each provider's resources to its importer;
/// the tiers then follow the files' order (and within a file, the source's), whichever
/// provider each policy is of.
fn import_terraform(b: &mut build::Builder, files: &[SourceFile]) -> Result<(), ImportError> {
    let mut config = hcl::Config::default();
    for f in files {
        config.read(f, &mut b.notes)?;
    }
    config.use_variable_defaults(&mut b.notes);
    let mut any = false;
    for (prefix, import) in [
        ("pagerduty_", pagerduty::import_terraform as hcl::Importer),
        ("opsgenie_", opsgenie::import_terraform),
        ("grafana_oncall_", grafana::import_terraform),
        ("goalert_", goalert::import_terraform),
    ] {
        if config.has_provider(prefix) {
            any = true;
            import(b, &config)?;
        }
    }
    config.note_unread(&mut b.notes);
    b.order_tiers_by_source(files);
    if !any {
        return Err(ImportError::whole(
            "no resource of the PagerDuty, Opsgenie, Grafana OnCall or GoAlert provider in these files",
        ));
    }
    Ok(())
}

/// Writes `ladder` as Terraform for `provider`, with the notes on what it could not say.
pub fn export(provider: Provider, ladder: &Ladder) -> Exported {
    match provider {
        Provider::PagerDuty => pagerduty::export(ladder),
        Provider::Opsgenie => opsgenie::export(ladder),
        Provider::Grafana => grafana::export(ladder),
    }
}

/// An export's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    /// The HCL text (one file).
    pub text: String,
    /// What the provider cannot express, each pointing into the ladder
    /// (`source.pointer` is a JSON Pointer into the ladder; `source.file` is empty).
    pub notes: Vec<Note>,
}
