//! The output formats. Each is a [`Render`], which turns one input's result into its part of
//! the output on the worker thread that checked it, and a [`Sink`], fed the results and their
//! rendered bytes one at a time, in input order, on the main thread, then closed with the
//! totals. Keeping the per-input work in `render` keeps the main thread from limiting the
//! speed-up on many cores.

pub mod csv;
pub mod escape;
pub mod json;
pub mod lines;
pub mod sarif;
pub mod summary;
pub mod text;

use std::io::{self, Write};

use gouji_core::{Report, ReportKind, Stats};

use crate::run::{FileResult, Lang};

pub trait Render: Sync {
    /// One input's part of the output. Must not depend on the other inputs.
    fn render(&self, result: &FileResult) -> io::Result<Vec<u8>>;
}

pub trait Sink {
    /// One input's result and what `render` made of it; sinks that keep something (JSON
    /// errors, SARIF) take it from the result.
    fn file(
        &mut self,
        out: &mut dyn Write,
        result: FileResult,
        rendered: Vec<u8>,
    ) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()>;
}

/// For formats that do everything in their sink.
pub struct NoRender;

impl Render for NoRender {
    fn render(&self, _result: &FileResult) -> io::Result<Vec<u8>> {
        Ok(Vec::new())
    }
}

/// Counts over all inputs: the JSON document's `total` (see [`gouji_core::json::Totals`],
/// which `Deref` reads through) and the operands that named nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub counts: gouji_core::json::Totals,
    /// Operands that named nothing (exit status 2).
    pub missing_operands: usize,
}

impl std::ops::Deref for Totals {
    type Target = gouji_core::json::Totals;
    fn deref(&self) -> &Self::Target {
        &self.counts
    }
}

impl Totals {
    pub fn add(&mut self, result: &FileResult) {
        match &result.outcome {
            Ok(c) => self.counts.add(&c.report.stats),
            Err(e) => {
                self.counts.unreadable += 1;
                self.missing_operands += usize::from(e.is_usage());
            }
        }
    }

    /// 2 when an operand named nothing, 1 when an error-level finding or an unreadable
    /// file, else 0.
    pub fn exit_code(&self) -> u8 {
        if self.missing_operands > 0 {
            2
        } else if self.stats.errors > 0 || self.unreadable > 0 {
            1
        } else {
            0
        }
    }
}

pub fn kind_label(kind: ReportKind, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => match kind {
            ReportKind::Unknown => "报告类型未识别",
            k => k.label_zh(),
        },
        Lang::En => match kind {
            ReportKind::FinalAccounts => "final accounts",
            ReportKind::PerformanceSelfEvaluation => "performance self-evaluation",
            ReportKind::Budget => "budget",
            ReportKind::Unknown => "kind not recognised",
        },
    }
}

/// `部门决算, 2020年` or `final accounts, 2020`.
pub fn describe(report: &Report, lang: Lang) -> String {
    let kind = kind_label(report.report.kind, lang);
    match (report.report.year, lang) {
        (Some(y), Lang::Zh) => format!("{kind}, {y}年"),
        (Some(y), Lang::En) => format!("{kind}, {y}"),
        (None, Lang::Zh) => format!("{kind}, 年度未识别"),
        (None, Lang::En) => format!("{kind}, year not recognised"),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn stats_line(s: &Stats) -> String {
    format!(
        "{} ({} verified, {} unchecked); {}, {}, {}",
        plural(s.claims, "claim", "claims"),
        s.verified,
        s.unchecked,
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
        plural(s.infos, "info", "infos"),
    )
}

/// The closing line of text output.
pub fn total_line(t: &Totals) -> String {
    let mut line = format!(
        "total: {} checked; {}, {}, {}",
        plural(t.files, "file", "files"),
        plural(t.stats.errors, "error", "errors"),
        plural(t.stats.warnings, "warning", "warnings"),
        plural(t.stats.infos, "info", "infos"),
    );
    if t.unreadable > 0 {
        line += &format!(
            "; {} could not be checked",
            plural(t.unreadable, "input", "inputs")
        );
    }
    line
}
