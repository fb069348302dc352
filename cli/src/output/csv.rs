//! `--format csv`: UTF-8 with a byte-order mark (so that Excel and WPS open the Chinese text
//! correctly), one row per finding; with `--summary`, one row per input and a total row. The
//! rows, their quoting and the formula guard are the core's (`gouji_core::csv`), which the
//! web app's export writes too.

use std::io::{self, Write};

use gouji_core::csv::{finding_cells, push_row, BOM, FINDING_HEADER};

use super::lines::LineIndex;
use super::{kind_label, Render, Sink, Totals};
use crate::run::{FileResult, Lang};

pub const SUMMARY_HEADER: &[&str] = &[
    "file",
    "kind",
    "year",
    "encoding",
    "claims",
    "verified",
    "unchecked",
    "errors",
    "warnings",
    "infos",
    "error",
];

/// The `file` cell of the summary's closing row.
pub const TOTAL_ROW: &str = "(total)";

pub struct CsvSink {
    lang: Lang,
    summary: bool,
    started: bool,
}

impl CsvSink {
    pub fn new(lang: Lang, summary: bool) -> Self {
        CsvSink {
            lang,
            summary,
            started: false,
        }
    }

    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            out.write_all(BOM.as_bytes())?;
            let header: &[&str] = if self.summary {
                SUMMARY_HEADER
            } else {
                &FINDING_HEADER
            };
            write_rows(out, [header])?;
        }
        Ok(())
    }
}

fn write_rows<S: AsRef<str>>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = impl AsRef<[S]>>,
) -> io::Result<()> {
    let mut text = String::new();
    for row in rows {
        push_row(&mut text, row.as_ref());
    }
    out.write_all(text.as_bytes())
}

/// One row per finding (or, with `--summary`, per input).
pub struct CsvRender {
    pub lang: Lang,
    pub summary: bool,
}

impl Render for CsvRender {
    fn render(&self, r: &FileResult) -> io::Result<Vec<u8>> {
        let rows: Vec<Vec<String>> = match (&r.outcome, self.summary) {
            (Ok(c), false) => {
                let index = LineIndex::new(&c.text);
                let en = self.lang == Lang::En;
                c.report
                    .findings
                    .iter()
                    .map(|f| finding_cells(&r.name, &index, f, en).into())
                    .collect()
            }
            // Unreadable inputs are on standard error (and in the summary's `error` column).
            (Err(_), false) => Vec::new(),
            (Ok(c), true) => {
                let s = &c.report.stats;
                vec![vec![
                    r.name.clone(),
                    kind_label(c.report.report.kind, self.lang).to_string(),
                    c.report
                        .report
                        .year
                        .map(|y| y.to_string())
                        .unwrap_or_default(),
                    c.encoding.to_string(),
                    s.claims.to_string(),
                    s.verified.to_string(),
                    s.unchecked.to_string(),
                    s.errors.to_string(),
                    s.warnings.to_string(),
                    s.infos.to_string(),
                    String::new(),
                ]]
            }
            (Err(e), true) => {
                let mut row = vec![r.name.clone()];
                row.extend(std::iter::repeat_n(String::new(), SUMMARY_HEADER.len() - 2));
                row.push(e.message(self.lang).to_string());
                vec![row]
            }
        };
        let mut out = Vec::new();
        write_rows(&mut out, rows)?;
        Ok(out)
    }
}

impl Sink for CsvSink {
    fn file(&mut self, out: &mut dyn Write, _: FileResult, rows: Vec<u8>) -> io::Result<()> {
        self.start(out)?;
        out.write_all(&rows)
    }

    fn finish(&mut self, out: &mut dyn Write, t: &Totals) -> io::Result<()> {
        self.start(out)?;
        if self.summary {
            let unreadable = if t.unreadable > 0 {
                match self.lang {
                    Lang::Zh => format!("{} 个输入无法核查", t.unreadable),
                    Lang::En => format!("{} inputs could not be checked", t.unreadable),
                }
            } else {
                String::new()
            };
            write_rows(
                out,
                [vec![
                    TOTAL_ROW.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    t.stats.claims.to_string(),
                    t.stats.verified.to_string(),
                    t.stats.unchecked.to_string(),
                    t.stats.errors.to_string(),
                    t.stats.warnings.to_string(),
                    t.stats.infos.to_string(),
                    unreadable,
                ]],
            )?;
        }
        Ok(())
    }
}
