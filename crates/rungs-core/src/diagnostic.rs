//! Diagnostics: what validation found, where, and what to do about it.

use std::fmt;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The ladder is not valid; nothing can run it.
    Error,
    /// Legal, but risky; worth a look.
    Warning,
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $sev:ident;)*) => {
        /// Every kind of finding, with a stable kebab-case code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// The stable code, e.g. `unknown-reference`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// Whether findings of this kind are errors or warnings.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// Every code.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];
        }
    };
}

codes! {
    /// The text is not JSON.
    JsonSyntax = "json-syntax", Error;
    /// The JSON does not have the format's shape (unknown field, wrong type, bad value).
    InvalidDocument = "invalid-document", Error;
    /// The `format` is missing or names another version.
    UnsupportedFormat = "unsupported-format", Error;
    /// The document is larger than Rungs reads.
    DocumentTooLarge = "document-too-large", Error;
    /// A reference names an id that does not exist in its collection.
    UnknownReference = "unknown-reference", Error;
    /// Two entries of one collection share an id.
    DuplicateId = "duplicate-id", Error;
    /// Two tiers share a rank.
    DuplicateRank = "duplicate-rank", Error;
    /// A tier's rank is 0 (ranks start at 1).
    InvalidRank = "invalid-rank", Error;
    /// The ladder has no tiers.
    NoTiers = "no-tiers", Error;
    /// Inside a tier, `acknowledge` > `contain` or `contain` > `resolve`.
    TimelineOrder = "timeline-order", Error;
    /// Services depend on each other in a cycle.
    DependencyCycle = "dependency-cycle", Error;
    /// People back each other up in a cycle with no way out.
    BackupCycle = "backup-cycle", Error;
    /// A person's `email` is not one line of at most 254 characters with one `@`.
    InvalidEmail = "invalid-email", Error;
    /// A tier has no escalation steps.
    EmptyEscalation = "empty-escalation", Error;
    /// An escalation step notifies nobody.
    EmptyStep = "empty-step", Error;
    /// A rotation has no members.
    EmptyRotation = "empty-rotation", Error;
    /// A rotation's shift is zero.
    InvalidShift = "invalid-shift", Error;
    /// A rotation window lists no days, or a day twice.
    MalformedWindow = "malformed-window", Error;
    /// A rotation's override ends before it begins, or overlaps another of its overrides.
    InvalidOverride = "invalid-override", Error;
    /// A schedule has no layers.
    EmptySchedule = "empty-schedule", Error;
    /// A schedule has the same rotation in two layers.
    DuplicateLayer = "duplicate-layer", Error;
    /// A template uses a placeholder that is not one of the known ones.
    UnknownPlaceholder = "unknown-placeholder", Error;
    /// A delay model's 90th percentile is below its median.
    InvalidDelayModel = "invalid-delay-model", Error;
    /// A scenario signal's points are not in increasing time order.
    UnorderedPoints = "unordered-points", Error;
    /// A step or an owner pages nobody at some hours of the week.
    CoverageGap = "coverage-gap", Warning;
    /// No step can reach a person before the tier's acknowledge deadline.
    UnreachableBeforeDeadline = "unreachable-before-deadline", Warning;
    /// One person on consecutive steps of a tier.
    SamePersonConsecutiveSteps = "same-person-consecutive-steps", Warning;
    /// An owner is a single person with no backup and no rotation behind them.
    OwnerWithoutBackup = "owner-without-backup", Warning;
    /// A role nobody holds.
    EmptyRole = "empty-role", Warning;
    /// A person who is in no rotation, role, step or owner.
    UnusedPerson = "unused-person", Warning;
    /// A rotation that no schedule layer, step or owner names.
    UnusedRotation = "unused-rotation", Warning;
    /// A schedule layer that is never the highest with someone on call over the coverage
    /// horizon, so it never pages anyone.
    ShadowedLayer = "shadowed-layer", Warning;
    /// A tier that no trigger and no breach escalation leads to.
    UnreachableTier = "unreachable-tier", Warning;
    /// A more severe tier allows more time than a less severe one.
    TimelineInversion = "timeline-inversion", Warning;
    /// A trigger with `clear_for` 0 can flap.
    FlappingTrigger = "flapping-trigger", Warning;
    /// Two triggers on the same metric contradict each other.
    ContradictoryTriggers = "contradictory-triggers", Warning;
    /// A tier with a `first_update` deadline but no communication owner.
    NoCommunicationOwner = "no-communication-owner", Warning;
    /// A step escalates before the people it pages usually respond.
    EscalatesBeforeResponse = "escalates-before-response", Warning;
    /// A repeating policy whose steps all wait 0: a page storm.
    PageStorm = "page-storm", Warning;
    /// A tier's escalation can page more than [`EXCESSIVE_PAGES`](crate::validate::EXCESSIVE_PAGES)
    /// times within a scenario's horizon.
    ExcessivePaging = "excessive-paging", Warning;
    /// A scenario event falls after its horizon and never happens.
    AfterHorizon = "after-horizon", Warning;
    /// A scenario signal that no trigger watches.
    UnwatchedSignal = "unwatched-signal", Warning;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Diagnostic {
    /// What kind of finding.
    pub code: Code,
    /// Error or warning.
    #[serde(skip)]
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the value it is about.
    pub pointer: String,
    /// A sentence a person understands without the source.
    pub message: String,
    /// What to do about it, where useful.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// 1-based line and column, for findings made while reading the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// See `line`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Diagnostic {
    /// A finding of `code` at `pointer`.
    pub fn new(code: Code, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            pointer: pointer.into(),
            message: message.into(),
            hint: None,
            line: None,
            column: None,
        }
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The finding for a document that could not be read.
    pub fn from_parse_error(e: &crate::ParseError) -> Self {
        use crate::ParseErrorKind as K;
        let code = match e.kind {
            K::Syntax => Code::JsonSyntax,
            K::Shape => Code::InvalidDocument,
            K::Format => Code::UnsupportedFormat,
            K::TooLarge => Code::DocumentTooLarge,
        };
        let mut d = Diagnostic::new(code, e.pointer.clone(), e.message.clone());
        if e.line > 0 {
            d.line = Some(e.line);
            d.column = Some(e.column);
        }
        d
    }
}

/// Everything validation found, errors first, then in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// The findings.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
    }

    /// Whether there is no error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }

    /// Findings of one code.
    pub fn with_code(&self, code: Code) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }
}
