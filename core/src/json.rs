//! The result shape every shell writes (`docs/json.md`): the CLI's `--format json` and
//! `--format jsonl`, the web app's JSON export and the JavaScript package's `check` result.
//! Declared here once, as serde types; each shell picks the serialiser it needs (`serde_json`
//! in the CLI and the web app, `serde-wasm-bindgen` in the JavaScript package), so the core
//! itself still depends on `serde` alone.

use serde::Serialize;

use crate::{Finding, LedgerEntry, Report, ReportInfo, Stats};

/// One checked text: an entry of `files[]`, a line of `--format jsonl`, and (without `path`,
/// `encoding` and `replaced`) the JavaScript package's result.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FileEntry<'a> {
    /// The path as given (`<stdin>` for `-`); absent where there is none (the JS package).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<&'a str>,
    /// How the file was read: `UTF-8`, `GB18030`, `UTF-16LE`, `UTF-16BE`, `docx` or `pdf`;
    /// absent for a text handed over as a string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'a str>,
    /// Characters that could not be decoded and became U+FFFD; absent with `encoding`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<usize>,
    pub report: &'a ReportInfo,
    pub stats: &'a Stats,
    /// Absent in a summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub findings: Option<&'a [Finding]>,
    /// Absent in a summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger: Option<&'a [LedgerEntry]>,
    pub notice: &'a Option<String>,
    pub notice_en: &'a Option<String>,
}

impl<'a> FileEntry<'a> {
    /// `report` with its findings and ledger, and no path or encoding.
    pub fn new(report: &'a Report) -> Self {
        let Report {
            report,
            stats,
            findings,
            ledger,
            notice,
            notice_en,
        } = report;
        FileEntry {
            path: None,
            encoding: None,
            replaced: None,
            report,
            stats,
            findings: Some(findings),
            ledger: Some(ledger),
            notice,
            notice_en,
        }
    }

    /// With the path it was read from.
    pub fn path(self, path: &'a str) -> Self {
        FileEntry {
            path: Some(path),
            ..self
        }
    }

    /// With how the file was decoded.
    pub fn source(self, encoding: &'a str, replaced: usize) -> Self {
        FileEntry {
            encoding: Some(encoding),
            replaced: Some(replaced),
            ..self
        }
    }

    /// Without findings and ledger (`--summary`).
    pub fn summary(self) -> Self {
        FileEntry {
            findings: None,
            ledger: None,
            ..self
        }
    }
}

/// Why an input could not be checked: the `error` of a `--format jsonl` line.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ErrorBody<'a> {
    /// `not-found`, `binary`, `undecodable`, … (the table in docs/json.md).
    pub kind: &'a str,
    pub message: &'a str,
    pub message_en: &'a str,
}

/// An entry of `errors[]`.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ErrorEntry<'a> {
    pub path: &'a str,
    #[serde(flatten)]
    pub error: ErrorBody<'a>,
}

/// `total`: sums over `files[]`, and the count of `errors[]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Inputs checked.
    pub files: usize,
    /// Inputs that could not be checked (listed in `errors`).
    pub unreadable: usize,
    /// Checked inputs with at least one error-level finding.
    pub files_with_errors: usize,
    /// The checked inputs' `stats`, summed (written as fields of `total`).
    #[serde(flatten)]
    pub stats: Stats,
}

impl Totals {
    /// Counts one checked input.
    pub fn add(&mut self, s: &Stats) {
        self.files += 1;
        self.files_with_errors += usize::from(s.errors > 0);
        let t = &mut self.stats;
        for (sum, n) in [
            (&mut t.claims, s.claims),
            (&mut t.verified, s.verified),
            (&mut t.unchecked, s.unchecked),
            (&mut t.errors, s.errors),
            (&mut t.warnings, s.warnings),
            (&mut t.infos, s.infos),
        ] {
            *sum += n;
        }
    }
}

/// The whole `--format json` document. The CLI writes it piece by piece as inputs are done
/// (the same bytes as `serde_json::to_string_pretty` of this, plus a newline); the web app
/// writes it at once.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Document<'a, F: Serialize> {
    pub files: &'a [F],
    pub errors: &'a [ErrorEntry<'a>],
    pub total: &'a Totals,
}
