//! `--format json` (one document) and `--format jsonl` (one line per input, written as soon
//! as the input and all before it are done). The shape is documented in `docs/json.md`.

use std::io::{self, Write};

use gouji_core::{Finding, LedgerEntry, Report, ReportInfo, Stats};
use serde::Serialize;

use super::{Sink, Totals};
use crate::run::{Checked, FileError, FileResult};

/// A checked input.
#[derive(Serialize)]
struct FileEntry<'a> {
    path: &'a str,
    /// `UTF-8`, `GB18030`, `UTF-16LE`, `UTF-16BE` or `docx`.
    encoding: &'a str,
    /// Characters that could not be decoded and were replaced by U+FFFD.
    replaced: usize,
    report: &'a ReportInfo,
    stats: &'a Stats,
    #[serde(skip_serializing_if = "Option::is_none")]
    findings: Option<&'a [Finding]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ledger: Option<&'a [LedgerEntry]>,
    notice: &'a Option<String>,
}

impl<'a> FileEntry<'a> {
    fn new(path: &'a str, c: &'a Checked, summary: bool) -> Self {
        let Report {
            report,
            stats,
            findings,
            ledger,
            notice,
        } = &c.report;
        FileEntry {
            path,
            encoding: c.encoding,
            replaced: c.replaced,
            report,
            stats,
            findings: (!summary).then_some(findings.as_slice()),
            ledger: (!summary).then_some(ledger.as_slice()),
            notice,
        }
    }
}

/// Why an input could not be checked.
#[derive(Serialize)]
struct ErrorBody<'a> {
    kind: &'a str,
    message: &'a str,
    message_en: &'a str,
}

impl<'a> ErrorBody<'a> {
    fn new(e: &'a FileError) -> Self {
        ErrorBody {
            kind: e.kind,
            message: &e.message_zh,
            message_en: &e.message_en,
        }
    }
}

/// An entry of the `errors` array.
#[derive(Serialize)]
struct ErrorEntry<'a> {
    path: &'a str,
    #[serde(flatten)]
    error: ErrorBody<'a>,
}

pub struct JsonSink {
    summary: bool,
    /// Checked inputs, their text dropped.
    files: Vec<(String, Checked)>,
    errors: Vec<(String, FileError)>,
}

impl JsonSink {
    pub fn new(summary: bool) -> Self {
        JsonSink {
            summary,
            files: Vec::new(),
            errors: Vec::new(),
        }
    }
}

impl Sink for JsonSink {
    fn file(&mut self, _out: &mut dyn Write, r: FileResult) -> io::Result<()> {
        match r.outcome {
            Ok(mut c) => {
                c.text = String::new();
                if self.summary {
                    c.report.findings = Vec::new();
                    c.report.ledger = Vec::new();
                }
                self.files.push((r.name, c));
            }
            Err(e) => self.errors.push((r.name, e)),
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        #[derive(Serialize)]
        struct Document<'a> {
            files: Vec<FileEntry<'a>>,
            errors: Vec<ErrorEntry<'a>>,
            total: &'a Totals,
        }
        let doc = Document {
            files: self
                .files
                .iter()
                .map(|(path, c)| FileEntry::new(path, c, self.summary))
                .collect(),
            errors: self
                .errors
                .iter()
                .map(|(path, e)| ErrorEntry {
                    path,
                    error: ErrorBody::new(e),
                })
                .collect(),
            total: totals,
        };
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::from)?;
        writeln!(out)
    }
}

pub struct JsonLinesSink {
    summary: bool,
}

impl JsonLinesSink {
    pub fn new(summary: bool) -> Self {
        JsonLinesSink { summary }
    }
}

impl Sink for JsonLinesSink {
    fn file(&mut self, out: &mut dyn Write, r: FileResult) -> io::Result<()> {
        #[derive(Serialize)]
        struct Failed<'a> {
            path: &'a str,
            error: ErrorBody<'a>,
        }
        match &r.outcome {
            Ok(c) => serde_json::to_writer(&mut *out, &FileEntry::new(&r.name, c, self.summary)),
            Err(e) => serde_json::to_writer(
                &mut *out,
                &Failed {
                    path: &r.name,
                    error: ErrorBody::new(e),
                },
            ),
        }
        .map_err(io::Error::from)?;
        writeln!(out)?;
        out.flush()
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }
}
