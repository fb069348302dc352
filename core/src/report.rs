//! The last pipeline stage's output: what was found, what was verified, and where.
//!
//! Every span is a pair of UTF-8 byte offsets into the text exactly as the caller passed it
//! (not the normalised text), and every `quote` is exactly the text at its span.

use serde::Serialize;

/// How serious a finding is. Errors are arithmetic that cannot hold under any rounding;
/// warnings hold only under a sloppy reading (truncation, partial lists); infos are notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A half-open range of UTF-8 byte offsets into the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// Another place in the text that a finding rests on (a part of a sum, the base of a rate).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    pub span: Span,
    pub quote: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable rule id, e.g. `sum`, `growth`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Plain-Chinese explanation.
    pub message: String,
    pub message_en: String,
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based page of `span.start`, for a text with pages (a PDF's, pages ending in form
    /// feeds); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<usize>,
    pub quote: String,
    /// The value as the text states it, with its unit.
    pub stated: Option<String>,
    /// What the other figures give, as an interval where rounding makes it one.
    pub expected: Option<String>,
    /// The arithmetic, e.g. `399.96 / (1070.21 − 399.96) = 59.67%`.
    pub formula: Option<String>,
    /// The one change that would restore consistency, where there is one.
    pub repair: Option<String>,
    /// The likely cause, where the engine can tell (wrong base, truncation, unit).
    pub cause: Option<String>,
    pub related: Vec<Related>,
}

/// Outcome of one recognised claim, for the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The arithmetic holds within rounding.
    Verified,
    /// The claim produced a finding.
    Failed,
    /// Recognised but not checkable (a missing whole, an ambiguous binding).
    Unchecked,
}

/// One claim the engine recognised, whatever came of it: "no findings" means something
/// only next to the list of what was looked at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LedgerEntry {
    pub rule: &'static str,
    pub outcome: Outcome,
    pub span: Span,
    pub line: usize,
    pub quote: String,
    /// For verified claims the arithmetic; for unchecked ones the reason.
    pub detail: String,
    pub detail_en: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Claims recognised (verified + failed + unchecked).
    pub claims: usize,
    pub verified: usize,
    pub unchecked: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    FinalAccounts,
    PerformanceSelfEvaluation,
    Budget,
    Unknown,
}

impl ReportKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            ReportKind::FinalAccounts => "部门决算",
            ReportKind::PerformanceSelfEvaluation => "绩效自评报告",
            ReportKind::Budget => "部门预算",
            ReportKind::Unknown => "未识别",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportInfo {
    pub kind: ReportKind,
    pub year: Option<u16>,
}

/// Everything `check` returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub report: ReportInfo,
    pub stats: Stats,
    /// Sorted by position, then severity.
    pub findings: Vec<Finding>,
    /// Every recognised claim with its outcome, sorted by position.
    pub ledger: Vec<LedgerEntry>,
    /// Set when the text was not checked, or not all of it, or not all findings are listed:
    /// options refused, an empty text, a text above [`crate::MAX_INPUT_BYTES`], one with no
    /// figure, one with more than [`crate::MAX_NUMBERS`] numbers (checked up to there), more
    /// than [`crate::MAX_FINDINGS`] findings (the first listed). In Chinese.
    pub notice: Option<String>,
    /// The same notice in English.
    pub notice_en: Option<String>,
}
