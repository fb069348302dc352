//! `--summary` in text format: one line of counts per input, then the total, like `wc`.
//!
//! ```text
//! errors  warnings  infos  claims  verified  unchecked  file
//!      3         0      8      66        49          6  dongning.txt (部门决算, 2020年)
//!      -         -      -       -         -          -  logo.png: 不是文本文件（看起来是图片）…
//!      3         0      8      66        49          6  total: 1 file checked; 1 input could not be checked
//! ```

use std::io::{self, Write};

use super::{describe, escape, Render, Sink, Totals};
use crate::run::{FileResult, Lang};

const COLUMNS: [&str; 6] = [
    "errors",
    "warnings",
    "infos",
    "claims",
    "verified",
    "unchecked",
];

/// The header before the first line, the total at the end.
#[derive(Default)]
pub struct SummarySink {
    started: bool,
}

impl SummarySink {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            writeln!(out, "{}  file", COLUMNS.join("  "))?;
        }
        Ok(())
    }
}

fn row(out: &mut dyn Write, cells: [String; 6], what: &str) -> io::Result<()> {
    for (cell, column) in cells.iter().zip(COLUMNS) {
        write!(out, "{cell:>width$}  ", width = column.len())?;
    }
    writeln!(out, "{what}")
}

fn counts(s: &gouji_core::Stats) -> [String; 6] {
    [
        s.errors,
        s.warnings,
        s.infos,
        s.claims,
        s.verified,
        s.unchecked,
    ]
    .map(|n| n.to_string())
}

/// One input's line.
pub struct SummaryRender {
    pub lang: Lang,
    /// Only inputs with errors or that could not be read.
    pub quiet: bool,
}

impl Render for SummaryRender {
    fn render(&self, r: &FileResult) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        match &r.outcome {
            Ok(c) if self.quiet && c.report.stats.errors == 0 => {}
            Ok(c) => {
                let name = escape::name(&r.name);
                let what = format!("{name} ({})", describe(&c.report, self.lang));
                row(&mut out, counts(&c.report.stats), &what)?;
            }
            Err(e) => {
                let name = escape::name(&r.name);
                let what = format!("{name}: {}", escape::text(e.message(self.lang)));
                row(&mut out, std::array::from_fn(|_| "-".to_string()), &what)?;
            }
        }
        Ok(out)
    }
}

impl Sink for SummarySink {
    fn file(&mut self, out: &mut dyn Write, _: FileResult, line: Vec<u8>) -> io::Result<()> {
        if line.is_empty() {
            return Ok(());
        }
        self.start(out)?;
        out.write_all(&line)
    }

    fn finish(&mut self, out: &mut dyn Write, t: &Totals) -> io::Result<()> {
        self.start(out)?;
        row(out, counts(&t.stats), &super::total_line(t))
    }
}
