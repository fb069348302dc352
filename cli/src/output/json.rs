//! `--format json` (one document) and `--format jsonl` (one line per input, written as soon
//! as the input and all before it are done). The shape is documented in `docs/json.md`.

use std::io::{self, Write};

use gouji_core::{Finding, LedgerEntry, Report, ReportInfo, Stats};
use serde::Serialize;

use super::{Render, Sink, Totals};
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

/// One checked input's entry of the document, pretty-printed at the depth of `files[]`.
pub struct JsonRender {
    pub summary: bool,
}

impl Render for JsonRender {
    fn render(&self, r: &FileResult) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        if let Ok(c) = &r.outcome {
            write_nested(&mut out, &FileEntry::new(&r.name, c, self.summary), "    ")?;
        }
        Ok(out)
    }
}

/// Writes the document as it goes: each checked input's entry as soon as it is done, so that
/// memory does not grow with the number of inputs. The bytes are what `to_writer_pretty`
/// would write for the whole document.
#[derive(Default)]
pub struct JsonSink {
    started: bool,
    files: usize,
    errors: Vec<(String, FileError)>,
}

impl JsonSink {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            out.write_all(b"{\n  \"files\": [")?;
        }
        Ok(())
    }
}

/// `value` pretty-printed, every line after the first indented by `indent` (JSON strings
/// hold no raw newlines, so lines are safe to indent).
fn write_nested(out: &mut dyn Write, value: &impl Serialize, indent: &str) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(indent.as_bytes())?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

impl Sink for JsonSink {
    fn file(&mut self, out: &mut dyn Write, r: FileResult, entry: Vec<u8>) -> io::Result<()> {
        self.start(out)?;
        match r.outcome {
            Ok(_) => {
                out.write_all(if self.files == 0 {
                    b"\n    "
                } else {
                    b",\n    "
                })?;
                self.files += 1;
                out.write_all(&entry)
            }
            Err(e) => {
                self.errors.push((r.name, e));
                Ok(())
            }
        }
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        self.start(out)?;
        if self.files > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"],\n  \"errors\": ")?;
        let errors: Vec<ErrorEntry> = self
            .errors
            .iter()
            .map(|(path, e)| ErrorEntry {
                path,
                error: ErrorBody::new(e),
            })
            .collect();
        write_nested(out, &errors, "  ")?;
        out.write_all(b",\n  \"total\": ")?;
        write_nested(out, totals, "  ")?;
        out.write_all(b"\n}\n")
    }
}

/// One line per input.
pub struct JsonLinesRender {
    pub summary: bool,
}

impl Render for JsonLinesRender {
    fn render(&self, r: &FileResult) -> io::Result<Vec<u8>> {
        #[derive(Serialize)]
        struct Failed<'a> {
            path: &'a str,
            error: ErrorBody<'a>,
        }
        let mut out = match &r.outcome {
            Ok(c) => serde_json::to_vec(&FileEntry::new(&r.name, c, self.summary)),
            Err(e) => serde_json::to_vec(&Failed {
                path: &r.name,
                error: ErrorBody::new(e),
            }),
        }
        .map_err(io::Error::from)?;
        out.push(b'\n');
        Ok(out)
    }
}

/// Each line written and flushed as soon as it is its turn.
pub struct JsonLinesSink;

impl Sink for JsonLinesSink {
    fn file(&mut self, out: &mut dyn Write, _: FileResult, line: Vec<u8>) -> io::Result<()> {
        out.write_all(&line)?;
        out.flush()
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }
}
