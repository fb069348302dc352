//! Human-readable output: one compiler-style diagnostic per finding.
//!
//! ```text
//! error[sum]: 本年支出合计与各项之和不符
//!   --> report.txt:12:5
//!    |
//! 12 | 本年支出合计500.00万元，其中：基本支出300.00万元，项目支出150.00万元。
//!    |     ^^^^^^^^^^^^^^^^^^^^^^
//!    = stated: 500.00万元  expected: 450.00万元
//!    = formula: 300.00 + 150.00 = 450.00
//!    = note: report.txt:12:29: 基本支出 「基本支出300.00万元」
//! ```
//!
//! Columns are counted in characters; carets are laid out in display columns (CJK
//! characters are two wide). Spans come from the core and are trusted only as far as they
//! are in bounds: anything else is clamped, never a panic.

use std::io::{self, Write};

use gouji_core::{Finding, Report, ReportKind, RuleInfo, Stats};
use unicode_width::UnicodeWidthChar;

/// Lines wider than this (in display columns) are shown as a window around the span.
const MAX_LINE_WIDTH: usize = 100;
/// Context kept on each side of the span when a line is windowed.
const CONTEXT_WIDTH: usize = 30;
/// Longest quote shown on a `note:` line, in characters.
const MAX_QUOTE_CHARS: usize = 40;

/// Byte offsets of line starts, for offset → line:col lookups.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

/// A resolved position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters (a leading byte-order mark is not counted).
    pub col: usize,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// Clamps `offset` into the text and back onto a character boundary.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// 0-based index of the line holding `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte range of a line's content: no `\n`, no trailing `\r`, no leading BOM.
    fn content(&self, line: usize) -> (usize, usize) {
        let mut start = self.starts[line];
        let mut end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if self.text[start..end].ends_with('\r') {
            end -= 1;
        }
        if start == 0 && self.text.starts_with('\u{feff}') {
            start = 3.min(end);
        }
        (start, end)
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let offset = self.clamp(offset);
        let line = self.line_of(offset);
        let (start, end) = self.content(line);
        let upto = offset.clamp(start, end.max(start));
        Pos {
            line: line + 1,
            col: self.text[start..upto].chars().count() + 1 + usize::from(offset > end),
        }
    }

    /// The source line holding `start` and a marker line underneath the part of
    /// `start..end` on that line (at least one marker wide).
    pub fn snippet(&self, start: usize, end: usize, marker: char) -> (usize, String, String) {
        let start = self.clamp(start);
        let end = self.clamp(end.max(start));
        let line = self.line_of(start);
        let (ls, le) = self.content(line);
        let s = start.clamp(ls, le);
        let e = end.clamp(s, le);
        let mut pre = Piece::new(&self.text[ls..s]);
        let mid = Piece::new(&self.text[s..e]);
        let mut post = Piece::new(&self.text[e..le]);
        if pre.width + mid.width + post.width > MAX_LINE_WIDTH {
            pre.keep_tail(CONTEXT_WIDTH);
            post.keep_head(CONTEXT_WIDTH);
        }
        let source = format!("{}{}{}", pre.text, mid.text, post.text);
        let markers = format!(
            "{}{}",
            " ".repeat(pre.width),
            marker.to_string().repeat(mid.width.max(1))
        );
        (line + 1, source.trim_end().to_string(), markers)
    }
}

/// A piece of a source line made printable (tabs expanded, control characters dropped)
/// with its display width.
struct Piece {
    text: String,
    width: usize,
}

impl Piece {
    fn new(s: &str) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut width = 0;
        for c in s.chars() {
            match c {
                '\t' => {
                    text.push_str("    ");
                    width += 4;
                }
                c if c.is_control() => {}
                c => {
                    text.push(c);
                    width += c.width().unwrap_or(0);
                }
            }
        }
        Piece { text, width }
    }

    /// Keeps about the last `max` columns, marking the cut with `…`.
    fn keep_tail(&mut self, max: usize) {
        if self.width <= max + 4 {
            return;
        }
        let mut kept = Vec::new();
        let mut width = 0;
        for c in self.text.chars().rev() {
            let w = c.width().unwrap_or(0);
            if width + w > max {
                break;
            }
            kept.push(c);
            width += w;
        }
        self.text = std::iter::once('…').chain(kept.into_iter().rev()).collect();
        self.width = width + '…'.width().unwrap_or(1);
    }

    /// Keeps about the first `max` columns, marking the cut with `…`.
    fn keep_head(&mut self, max: usize) {
        if self.width <= max + 4 {
            return;
        }
        let mut text = String::new();
        let mut width = 0;
        for c in self.text.chars() {
            let w = c.width().unwrap_or(0);
            if width + w > max {
                break;
            }
            text.push(c);
            width += w;
        }
        text.push('…');
        self.text = text;
        self.width = width + '…'.width().unwrap_or(1);
    }
}

/// One line, whitespace collapsed, cut to `MAX_QUOTE_CHARS`.
fn short_quote(q: &str) -> String {
    let flat = q.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX_QUOTE_CHARS {
        flat
    } else {
        let mut s: String = flat.chars().take(MAX_QUOTE_CHARS).collect();
        s.push('…');
        s
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `部门决算, 2020年` or `未识别, 年度未识别`.
fn describe(report: &Report) -> String {
    let kind = match report.report.kind {
        ReportKind::Unknown => "报告类型未识别",
        k => k.label_zh(),
    };
    match report.report.year {
        Some(y) => format!("{kind}, {y}年"),
        None => format!("{kind}, 年度未识别"),
    }
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

/// Writes one file's header, findings and summary.
pub fn write_report(
    out: &mut impl Write,
    path: &str,
    text: &str,
    report: &Report,
) -> io::Result<()> {
    writeln!(out, "=== {path} ({}) ===", describe(report))?;
    if let Some(notice) = &report.notice {
        writeln!(out, "notice: {notice}")?;
    }
    let index = LineIndex::new(text);
    for finding in &report.findings {
        write_finding(out, path, &index, finding)?;
    }
    writeln!(out, "{path}: {}", stats_line(&report.stats))?;
    Ok(())
}

fn write_finding(
    out: &mut impl Write,
    path: &str,
    index: &LineIndex,
    f: &Finding,
) -> io::Result<()> {
    let pos = index.pos(f.span.start);
    let (line, source, markers) = index.snippet(f.span.start, f.span.end, '^');
    let gutter = " ".repeat(line.to_string().len());
    writeln!(out)?;
    writeln!(out, "{}[{}]: {}", f.severity.as_str(), f.rule, f.message)?;
    writeln!(out, "{gutter}--> {path}:{}:{}", pos.line, pos.col)?;
    writeln!(out, "{gutter} |")?;
    writeln!(out, "{line} | {source}")?;
    writeln!(out, "{gutter} | {markers}")?;
    match (&f.stated, &f.expected) {
        (Some(s), Some(e)) => writeln!(out, "{gutter} = stated: {s}  expected: {e}")?,
        (Some(s), None) => writeln!(out, "{gutter} = stated: {s}")?,
        (None, Some(e)) => writeln!(out, "{gutter} = expected: {e}")?,
        (None, None) => {}
    }
    for (label, value) in [
        ("formula", &f.formula),
        ("repair", &f.repair),
        ("cause", &f.cause),
    ] {
        if let Some(v) = value {
            writeln!(out, "{gutter} = {label}: {v}")?;
        }
    }
    for r in &f.related {
        let p = index.pos(r.span.start);
        writeln!(
            out,
            "{gutter} = note: {path}:{}:{}: {} 「{}」",
            p.line,
            p.col,
            r.note,
            short_quote(&r.quote)
        )?;
    }
    Ok(())
}

/// `gouji rules`: one line per rule.
pub fn write_rule_list(out: &mut impl Write, rules: &[&RuleInfo]) -> io::Result<()> {
    use unicode_width::UnicodeWidthStr;
    let id_width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let name_width = rules.iter().map(|r| r.name_zh.width()).max().unwrap_or(0);
    for r in rules {
        let pad = " ".repeat(name_width - r.name_zh.width());
        writeln!(
            out,
            "{:id_width$}  {:7}  {}{pad}  {}",
            r.id,
            r.severity.as_str(),
            r.name_zh,
            r.summary_zh
        )?;
    }
    Ok(())
}

/// `gouji rules ID`: one rule's full documentation.
pub fn write_rule(out: &mut impl Write, r: &RuleInfo) -> io::Result<()> {
    writeln!(out, "{} — {} / {}", r.id, r.name_zh, r.name_en)?;
    writeln!(out, "severity: up to {}", r.severity.as_str())?;
    writeln!(out)?;
    writeln!(out, "{}", r.summary_zh)?;
    writeln!(out, "{}", r.explanation_zh)?;
    writeln!(out)?;
    writeln!(out, "{}", r.summary_en)?;
    writeln!(out, "{}", r.explanation_en)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn positions_count_characters() {
        let text = "第一行\n本年支出合计500.00万元";
        let idx = LineIndex::new(text);
        assert_eq!(idx.pos(0), Pos { line: 1, col: 1 });
        let at = text.find("合计").unwrap();
        assert_eq!(idx.pos(at), Pos { line: 2, col: 5 });
        let at = text.find('5').unwrap();
        assert_eq!(idx.pos(at), Pos { line: 2, col: 7 });
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}合计100";
        let idx = LineIndex::new(text);
        assert_eq!(idx.pos(3), Pos { line: 1, col: 1 });
        assert_eq!(idx.pos(text.find('1').unwrap()), Pos { line: 1, col: 3 });
        let (_, source, markers) = idx.snippet(3, 9, '^');
        assert_eq!(source, "合计100");
        assert_eq!(markers, "^^^^");
    }

    #[test]
    fn carets_are_in_display_columns() {
        let text = "支出合计500万元，其中：基本支出300万元";
        let idx = LineIndex::new(text);
        let s = text.find("基本").unwrap();
        let e = s + "基本支出300".len();
        let (line, source, markers) = idx.snippet(s, e, '^');
        assert_eq!(line, 1);
        assert_eq!(source, text);
        let pad = markers.len() - markers.trim_start().len();
        assert_eq!(pad, UnicodeWidthStr::width("支出合计500万元，其中："));
        assert_eq!(markers.trim_start(), "^".repeat(4 * 2 + 3));
    }

    #[test]
    fn crlf_and_tabs() {
        let text = "a\tb合计\r\nnext";
        let idx = LineIndex::new(text);
        let s = text.find("合计").unwrap();
        let (_, source, markers) = idx.snippet(s, s + 6, '^');
        assert_eq!(source, "a    b合计");
        assert_eq!(markers, "      ^^^^");
        assert_eq!(idx.pos(text.find("next").unwrap()), Pos { line: 2, col: 1 });
    }

    #[test]
    fn multi_line_span_marks_first_line_only() {
        let text = "合计\n100";
        let idx = LineIndex::new(text);
        let (line, source, markers) = idx.snippet(0, text.len(), '^');
        assert_eq!(
            (line, source.as_str(), markers.as_str()),
            (1, "合计", "^^^^")
        );
    }

    #[test]
    fn bad_spans_do_not_panic() {
        let text = "合计";
        let idx = LineIndex::new(text);
        // Inside a character, past the end, reversed, empty text.
        let _ = idx.snippet(1, 2, '^');
        let _ = idx.snippet(100, 200, '^');
        let _ = idx.snippet(5, 1, '^');
        let _ = idx.pos(1000);
        let empty = LineIndex::new("");
        assert_eq!(empty.pos(3), Pos { line: 1, col: 1 });
        let (_, source, markers) = empty.snippet(0, 0, '^');
        assert_eq!((source.as_str(), markers.as_str()), ("", "^"));
    }

    #[test]
    fn long_lines_are_windowed() {
        let before = "甲".repeat(200);
        let after = "乙".repeat(200);
        let text = format!("{before}合计100{after}");
        let idx = LineIndex::new(&text);
        let s = before.len();
        let (_, source, markers) = idx.snippet(s, s + "合计100".len(), '^');
        assert!(source.width() < MAX_LINE_WIDTH);
        assert!(source.starts_with('…') && source.ends_with('…'));
        let pad = markers.len() - markers.trim_start().len();
        assert_eq!(&source[source.find("合计").unwrap()..][..9], "合计100");
        let prefix = &source[..source.find("合计").unwrap()];
        assert_eq!(pad, prefix.width());
        assert_eq!(markers.trim_start(), "^^^^^^^");
    }

    #[test]
    fn quotes_are_shortened() {
        assert_eq!(short_quote("基本支出\n 300"), "基本支出 300");
        let long = "字".repeat(100);
        assert_eq!(short_quote(&long).chars().count(), MAX_QUOTE_CHARS + 1);
    }
}
