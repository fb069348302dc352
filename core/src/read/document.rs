//! The read document: the output of normalise → segment → scan, shared by every rule.

use crate::read::normalize::{normalize, Normalized};
use crate::read::quantity::{scan_iter, Quantity, Unit};
use crate::read::segment::{
    indents_mark_paragraphs, is_table_line, outline, paragraphs_with, remap, scopes, sentences,
    soft_breaks, LineSource, Paragraph, Section,
};
use crate::report::{ReportInfo, ReportKind, Span};
use std::ops::Range;

/// Characters that end the phrase naming a figure.
pub fn is_label_delimiter(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '；'
            | '。'
            | '：'
            | '、'
            | '（'
            | '）'
            | '\t'
            | '！'
            | '？'
            | '【'
            | '】'
            | '|'
            // A dash introduces a sub-item on web pages (`—行政运行1293.14万元`).
            | '—'
            | '―'
    )
}

/// Clause delimiters: what separates `收入合计680.60万元` from `其中：…`.
pub fn is_clause_delimiter(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | '。' | '：' | '！' | '？')
}

/// One figure in context.
#[derive(Debug, Clone)]
pub struct Figure {
    pub q: Quantity,
    /// The phrase right before the figure that names it (`2020年度收入合计`), trimmed.
    /// (A boxed string, 8 bytes less than a `String`: a text of figures keeps one per
    /// figure.)
    pub label: Box<str>,
    /// How far before the figure its label starts: at most `LABEL_LOOKBACK` bytes, so one
    /// byte instead of an offset's eight ([`Figure::label_start`]).
    label_back: u8,
    /// Indices of its paragraph and sentence ([`Figure::paragraph`], [`Figure::sentence`]), in
    /// 32 bits: a 16 MB text has fewer, and a figure is 80 bytes instead of 88.
    para: u32,
    sent: u32,
    /// Number of `（` open before the figure in its paragraph.
    pub paren_depth: u32,
    /// The figure stands in a table row or cell, not in prose: the sentence-level claims
    /// (sum, share, growth, completion, count, product) never start from it.
    pub in_table: bool,
}

impl Figure {
    /// Normalised offset where the figure's label starts.
    pub fn label_start(&self) -> usize {
        self.q.start - usize::from(self.label_back)
    }

    /// Index into `Document::paragraphs`.
    pub fn paragraph(&self) -> usize {
        self.para as usize
    }

    /// Index into `Document::sentences`.
    pub fn sentence(&self) -> usize {
        self.sent as usize
    }
}

pub struct Document<'a> {
    pub original: &'a str,
    pub norm: Normalized,
    pub paragraphs: Vec<Paragraph>,
    /// The numbered headings of the report's form as a tree, in text order: worked out
    /// once here for every rule that reads sections.
    pub outline: Vec<Section>,
    /// The section tree of every heading that scopes what follows, those found inside a web
    /// page's line included (`segment::scopes`): what facts and 类/款/项 lines are about.
    pub scopes: Vec<Section>,
    /// All sentences of all paragraphs, in order; `sentence_para[i]` is sentence i's paragraph.
    pub sentences: Vec<Range<usize>>,
    pub sentence_para: Vec<usize>,
    /// Every figure, in text order.
    pub figures: Vec<Figure>,
    /// Where the original text's lines and pages start.
    places: Places,
    /// Normalised byte offsets of every sentence end (`。；！？`), in order: whether a stretch
    /// of text ends a sentence is a binary search, not a scan of the stretch. (Offsets of
    /// these private lists are in 32 bits, as a text has at most `MAX_INPUT_BYTES`: a text
    /// of short lines has one or more per line.)
    stops: Vec<u32>,
    /// The same for `。` alone and for `；` alone.
    periods: Vec<u32>,
    semicolons: Vec<u32>,
    info: ReportInfo,
}

/// Where each line and page of the original text starts: all that the report still needs
/// of a document once the rules are done ([`Document::into_places`]).
pub struct Places {
    /// Original byte offsets where each line starts, for line numbers.
    line_starts: Vec<u32>,
    /// Original byte offsets of the form feeds that end pages (a PDF's text).
    page_ends: Vec<u32>,
}

impl Places {
    /// 1-based line of an original byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s as usize <= offset)
    }

    /// 1-based page of an original byte offset, when the text has pages (form feeds).
    pub fn page_of(&self, offset: usize) -> Option<usize> {
        (!self.page_ends.is_empty())
            .then(|| self.page_ends.partition_point(|&e| (e as usize) < offset) + 1)
    }
}

impl<'a> Document<'a> {
    pub fn read(original: &'a str) -> Self {
        let mut norm = normalize(original);
        let lines = LineSource {
            table: |r: Range<usize>| {
                let (a, b) = norm.to_original(r.start, r.end);
                original.get(a..b).is_some_and(is_table_line)
            },
            indented: |r: Range<usize>| {
                let (a, _) = norm.to_original(r.start, r.end);
                let before = original.get(..a).unwrap_or("");
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                before[line_start..].contains([' ', '\u{3000}', '\t'])
            },
            indents_mark_paragraphs: indents_mark_paragraphs(original),
        };
        let mut paragraphs = paragraphs_with(&norm.text, lines);
        // Prose is read without the breaks the layout put inside it.
        let cuts = soft_breaks(&norm.text, &paragraphs);
        norm.remove(&cuts);
        remap(&mut paragraphs, &cuts);
        let text = norm.text.as_str();
        let mut sentence_ranges = Vec::new();
        let mut sentence_para = Vec::new();
        for (pi, p) in paragraphs.iter().enumerate() {
            for s in sentences(text, p.range.clone()) {
                sentence_ranges.push(s);
                sentence_para.push(pi);
            }
        }
        // One figure at most per number of the text: reserved at once, a text of figures
        // (issue 16) does not peak at twice their size while its vector doubles.
        let mut figures = Vec::with_capacity(count_numbers(text));
        let mut si = 0;
        let mut pi = 0;
        let mut depth_at = DepthTracker::default();
        for q in scan_iter(text) {
            while si + 1 < sentence_ranges.len() && sentence_ranges[si].end <= q.start {
                si += 1;
            }
            while pi + 1 < paragraphs.len() && paragraphs[pi].range.end <= q.start {
                pi += 1;
            }
            let in_para = paragraphs
                .get(pi)
                .is_some_and(|p| p.range.contains(&q.start));
            if !in_para {
                continue;
            }
            // The `1.` of a numbered paragraph is not a figure.
            if paragraphs[pi]
                .heading
                .as_ref()
                .is_some_and(|h| h.marker.contains(&q.start))
            {
                continue;
            }
            let para_start = paragraphs[pi].range.start;
            let (label_start, label) = label_before(text, para_start, q.start);
            let paren_depth = depth_at.depth(text, para_start, q.start);
            figures.push(Figure {
                label_back: (q.start - label_start) as u8,
                q,
                label,
                para: pi as u32,
                sent: si as u32,
                paren_depth,
                in_table: paragraphs[pi].is_table_cell,
            });
        }
        // Vectors grown by doubling hold up to twice what they use: a text of figures
        // (issue 16) gives most of its memory to them, so they are cut to size once read.
        figures.shrink_to_fit();
        paragraphs.shrink_to_fit();
        sentence_ranges.shrink_to_fit();
        sentence_para.shrink_to_fit();
        let info = read_info(text, original, &figures);
        // A line ends at `\n`, `\r\n` or a lone `\r` (old Mac files), as in the CLI.
        let bytes = original.as_bytes();
        let mut line_starts = vec![0];
        let page_ends = original
            .match_indices('\x0c')
            .map(|(i, _)| i as u32)
            .collect();
        line_starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
                .map(|(i, _)| i as u32 + 1),
        );
        let (mut stops, mut periods, mut semicolons) = (Vec::new(), Vec::new(), Vec::new());
        for (i, m) in text.match_indices(['。', '；', '！', '？']) {
            stops.push(i as u32);
            match m {
                "。" => periods.push(i as u32),
                "；" => semicolons.push(i as u32),
                _ => {}
            }
        }
        for v in [&mut line_starts, &mut stops, &mut periods, &mut semicolons] {
            v.shrink_to_fit();
        }
        Document {
            stops,
            periods,
            semicolons,
            original,
            norm,
            outline: outline(&paragraphs),
            scopes: scopes(&paragraphs),
            paragraphs,
            sentences: sentence_ranges,
            sentence_para,
            figures,
            places: Places {
                line_starts,
                page_ends,
            },
            info,
        }
    }

    pub fn text(&self) -> &str {
        &self.norm.text
    }

    /// The report's title: its first paragraph, up to 150 bytes.
    pub fn title(&self) -> &str {
        let text = self.text();
        self.paragraphs.first().map_or("", |p| {
            let end = floor_char(text, p.range.end.min(p.range.start + 150));
            &text[p.range.start..end]
        })
    }

    /// Original span of a normalised range.
    pub fn span(&self, r: Range<usize>) -> Span {
        let (a, b) = self.norm.to_original(r.start, r.end);
        Span::new(a, b)
    }

    pub fn figure_span(&self, f: &Figure) -> Span {
        self.span(f.q.start..f.q.end)
    }

    pub fn quote(&self, s: Span) -> String {
        self.original
            .get(s.start..s.end)
            .unwrap_or_default()
            .to_string()
    }

    /// 1-based page of an original byte offset, when the text has pages (form feeds).
    pub fn page_of(&self, offset: usize) -> Option<usize> {
        self.places.page_of(offset)
    }

    /// Does a `。`, `；`, `！` or `？` start in the normalised range `from..to`?
    pub fn has_stop_in(&self, from: usize, to: usize) -> bool {
        let i = self.stops.partition_point(|&s| (s as usize) < from);
        self.stops.get(i).is_some_and(|&s| (s as usize) < to)
    }

    /// Does a `；` come after normalised offset `at` before the next `。`?
    pub fn semicolon_before_period(&self, at: usize) -> bool {
        let next = |v: &[u32]| v.get(v.partition_point(|&s| (s as usize) < at)).copied();
        match (next(&self.semicolons), next(&self.periods)) {
            (Some(semicolon), Some(period)) => semicolon < period,
            (semicolon, _) => semicolon.is_some(),
        }
    }

    /// 1-based line of an original byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        self.places.line_of(offset)
    }

    /// The document given up for where its lines and pages start, so that the rest of it
    /// is freed before the report is put together.
    pub fn into_places(self) -> Places {
        self.places
    }

    /// The figure's value as the text writes it (`37.4 %`), for messages.
    /// A figure written below zero: `-5.00万元`, `负5.00万元`, `增长-5%` (the quantity reader
    /// keeps the sign apart from the value).
    pub fn written_negative(&self, f: &Figure) -> bool {
        f.q.value.is_sign_negative() || self.text()[..f.q.start].ends_with(['-', '−', '－', '负'])
    }

    pub fn written(&self, f: &Figure) -> String {
        let s = self.figure_span(f);
        let w = self.quote(s);
        // A figure and its unit on two pages (`24.37万` / `17` / header / `元`): as read.
        if w.lines().filter(|l| !l.trim().is_empty()).count() > 2 {
            return self.text()[f.q.start..f.q.end].to_string();
        }
        let w: String = w.chars().filter(|c| !c.is_whitespace()).collect();
        if w.is_empty() {
            f.q.display()
        } else {
            w
        }
    }

    /// Every year written `dddd年` (`2021年`, `2021年度`) that is read as a figure: the
    /// normalised range of its four digits and the year, in text order. (A year glued to a
    /// list number, `1.2021年…项目`, is no figure.)
    pub fn years(&self) -> impl Iterator<Item = (Range<usize>, u32)> + '_ {
        let text = self.text();
        self.figures.iter().filter_map(move |f| {
            let digits = text[f.q.start..f.q.end].strip_suffix('年')?;
            if f.q.unit != Unit::Date
                || digits.len() != 4
                || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            Some((f.q.start..f.q.start + 4, digits.parse().ok()?))
        })
    }

    /// Report kind and year (worked out once, when the document is read).
    pub fn info(&self) -> ReportInfo {
        self.info.clone()
    }
}

/// Runs of ASCII digits, with the `.` and `,` between them (`1,234.50` is one): at least as
/// many as the figures the scanner reads in a normalised text, each of which starts at one.
fn count_numbers(text: &str) -> usize {
    let mut n = 0;
    let mut in_number = false;
    for &b in text.as_bytes() {
        let digit = b.is_ascii_digit();
        if digit && !in_number {
            n += 1;
        }
        in_number = digit || (in_number && matches!(b, b'.' | b','));
    }
    n
}

/// Tracks paren depth incrementally: figures arrive in order, so each byte is scanned once.
#[derive(Default)]
struct DepthTracker {
    para_start: usize,
    pos: usize,
    depth: u32,
}

impl DepthTracker {
    fn depth(&mut self, text: &str, para_start: usize, at: usize) -> u32 {
        if para_start != self.para_start || at < self.pos {
            self.para_start = para_start;
            self.pos = para_start;
            self.depth = 0;
        }
        for c in text[self.pos..at].chars() {
            match c {
                '（' | '【' => self.depth += 1,
                '）' | '】' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
        self.pos = at;
        self.depth
    }
}

/// Index of the first figure at or after normalised offset `at`.
pub fn first_figure_at(doc: &Document, at: usize) -> usize {
    doc.figures.partition_point(|f| f.q.start < at)
}

/// Largest char boundary ≤ `i`.
pub fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Labels are short phrases: look back at most this many bytes (keeps the scan linear).
const LABEL_LOOKBACK: usize = 120;

fn label_before(text: &str, para_start: usize, at: usize) -> (usize, Box<str>) {
    let from = floor_char(text, at.saturating_sub(LABEL_LOOKBACK).max(para_start));
    let window = &text[from..at];
    let mut start = from;
    // A digit run that flows into 年/月/日 is a date inside the label (`2020年度收入合计`);
    // any other figure ends the label (`增加399.96万元增长`).
    let mut in_date = false;
    // Inside a short insertion such as `（境）`, `（类）`, `（含参公）`: part of the name.
    let mut inside_insertion = false;
    for (i, c) in window.char_indices().rev() {
        if inside_insertion {
            if c == '（' {
                inside_insertion = false;
            }
            continue;
        }
        if c == '）' && is_name_insertion(&window[..i]) {
            inside_insertion = true;
            continue;
        }
        if is_label_delimiter(c) {
            start = from + i + c.len_utf8();
            break;
        }
        if c.is_ascii_digit() || c == '.' {
            if !in_date {
                let next = window[i + 1..].chars().next();
                in_date = matches!(next, Some('年' | '月' | '日' | '-'));
                if !in_date {
                    start = from + i + 1;
                    break;
                }
            }
        } else {
            in_date = false;
        }
    }
    // (Collected by doubling: boxing cuts it to size, as a text of figures keeps one per
    // figure.)
    let label: String = text[start..at]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (start, label.into_boxed_str())
}

/// Does the text before a `）` end in a short insertion that belongs to a name
/// (`因公出国（境`, `科学技术（类`, `事业单位（含参公`) rather than a list number or a figure?
fn is_name_insertion(before: &str) -> bool {
    let Some(open) = before.rfind('（') else {
        return false;
    };
    let inner = &before[open + '（'.len_utf8()..];
    let n = inner.chars().count();
    // Something must precede it in the name: `（一）` at a clause start is a list number.
    let named = before[..open]
        .chars()
        .next_back()
        .is_some_and(|c| !is_label_delimiter(c) && !c.is_whitespace());
    (1..=4).contains(&n)
        && named
        && inner.chars().all(|c| {
            !c.is_ascii_digit() && !is_label_delimiter(c) && !"一二三四五六七八九十".contains(c)
        })
}

/// A title names the kind (`绩效自评报告`, `部门决算`); a final-accounts report also
/// mentions 绩效自评 in its performance section, so 部门决算 wins over 绩效自评 there.
fn kind_of(s: &str) -> Option<ReportKind> {
    if s.contains("自评报告") || s.contains("绩效评价报告") && !s.contains("部门决算")
    {
        Some(ReportKind::PerformanceSelfEvaluation)
    } else if s.contains("部门决算") || s.contains("决算") && !s.contains("绩效自评") {
        Some(ReportKind::FinalAccounts)
    } else if s.contains("绩效自评") {
        Some(ReportKind::PerformanceSelfEvaluation)
    } else if s.contains("决算") {
        Some(ReportKind::FinalAccounts)
    } else if s.contains("预算") {
        Some(ReportKind::Budget)
    } else {
        None
    }
}

/// The kind the title names: the first of the first three non-empty lines that names one (`某县农业农村局2025年部门预算`),
/// before an overview that may mention last year's 决算.
/// What a title calls the report (not a heading such as `预算绩效情况说明`).
const TITLE_FINAL: &[&str] = &[
    "部门决算",
    "单位决算",
    "决算公开",
    "决算说明",
    "年度决算",
    "年决算",
    "决算报告",
];
const TITLE_BUDGET: &[&str] = &[
    "部门预算",
    "单位预算",
    "预算公开",
    "预算说明",
    "年度预算",
    "年预算",
    "预算报告",
];

/// The kind a title line among the text's first three names, with the year it names
/// (`2024年部门预算`: the budget of 2024, however often the text compares with 2023).
fn title_kind(text: &str) -> Option<(ReportKind, Option<u16>)> {
    text[..floor_char(text, 600)]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .filter(|l| l.chars().count() <= 60)
        .find_map(|l| {
            let kind = if l.contains("自评报告") || l.contains("绩效评价报告") {
                ReportKind::PerformanceSelfEvaluation
            } else if TITLE_FINAL.iter().any(|w| l.contains(w)) {
                ReportKind::FinalAccounts
            } else if TITLE_BUDGET.iter().any(|w| l.contains(w)) {
                ReportKind::Budget
            } else {
                return None;
            };
            Some((kind, title_year(l)))
        })
}

/// The one year a title writes (`2024年`, `2023 年度`); none when it writes two
/// (`2021-2023年`) or none.
fn title_year(line: &str) -> Option<u16> {
    let b = line.as_bytes();
    // Four digits alone, 20xx (bytes: an ASCII digit is never inside a wider character).
    let mut years = (0..b.len().saturating_sub(3)).filter(|&i| {
        let digits = &b[i..i + 4];
        (i == 0 || !b[i - 1].is_ascii_digit())
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
            && digits.starts_with(b"20")
            && digits.iter().all(u8::is_ascii_digit)
    });
    let i = years.next()?;
    // (i + 4 follows an ASCII digit: a character boundary.)
    let then_year = line[i + 4..].trim_start().starts_with('年');
    (then_year && years.next().is_none())
        .then(|| line[i..i + 4].parse().ok())
        .flatten()
}

/// The most frequent plausible `20xx年` in `s`.
/// Report kind and year, from the title region first, then the whole text.
fn read_info(text: &str, original: &str, figures: &[Figure]) -> ReportInfo {
    let head_end = floor_char(text, 1500);
    let title = title_kind(original);
    let kind = title
        .map(|(k, _)| k)
        .or_else(|| kind_of(&text[..head_end]))
        .or_else(|| kind_of(text))
        .unwrap_or(ReportKind::Unknown);
    let in_head = figures.partition_point(|f| f.q.end <= head_end);
    let year = title
        .and_then(|(_, y)| y)
        .or_else(|| year_of(text, &figures[..in_head]))
        .or_else(|| year_of(text, figures));
    ReportInfo { kind, year }
}

/// The most frequent plausible `20xx年` among the figures already read.
fn year_of(text: &str, figures: &[Figure]) -> Option<u16> {
    let mut counts = [0u32; 100];
    for q in figures.iter().map(|f| &f.q) {
        if q.unit == Unit::Date && q.decimals == 0 && text[q.start..q.end].ends_with('年') {
            if let Ok(y) = u16::try_from(q.value.trunc().mantissa()) {
                if (2000..2100).contains(&y) {
                    counts[(y - 2000) as usize] += 1;
                }
            }
        }
    }
    let (i, &n) = counts.iter().enumerate().max_by_key(|&(i, n)| (*n, i))?;
    (n > 0).then_some(2000 + i as u16)
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_title_names_the_kind_before_the_overview_does() {
        let budget =
            "某县农业农村局2025年部门预算\n一、部门概况\n本部门2024年度决算支出714.91万元。";
        assert_eq!(Document::read(budget).info().kind, ReportKind::Budget);
        let accounts = "某县农业农村局2024年度部门决算\n一、部门概况\n年初预算为600万元。";
        assert_eq!(
            Document::read(accounts).info().kind,
            ReportKind::FinalAccounts
        );
        // The title's year before the years the text compares with.
        let compared = "北京市某区园林绿化局2024年部门预算情况说明\n一、部门基本情况\n2024年收入预算21178.82万元，比2023年增加328.89万元。比2023年减少。比2023年增长。";
        assert_eq!(Document::read(compared).info().year, Some(2024));
        assert_eq!(title_year("上海市 2026 年市级单位预算"), Some(2026));
        assert_eq!(title_year("2021-2023年专项资金绩效自评报告"), None);
        assert_eq!(title_year("某局部门预算"), None);
        // No kind in the title: the head decides.
        let untitled = "一、部门概况\n十三、预算绩效情况说明\n本部门2024年度决算支出714.91万元。";
        assert_eq!(
            Document::read(untitled).info().kind,
            ReportKind::FinalAccounts
        );
    }

    use super::*;

    #[test]
    fn labels_name_their_figures() {
        let d = Document::read(
            "2020 年度收入合计680.60万元 ，其中：财政拨款收入 \n677.88万元，占 99.6%；",
        );
        let labels: Vec<&str> = d
            .figures
            .iter()
            .filter(|f| f.q.unit != Unit::Date)
            .map(|f| f.label.as_ref())
            .collect();
        assert_eq!(labels, ["2020年度收入合计", "财政拨款收入", "占"]);
        assert_eq!(d.figures[1].paragraph(), 0);
    }

    #[test]
    fn paren_depth() {
        let d =
            Document::read("总收入为100元（其中，一般公共预算60元，其他收入40元），上年度为90元。");
        let depths: Vec<u32> = d.figures.iter().map(|f| f.paren_depth).collect();
        assert_eq!(depths, [0, 1, 1, 0]);
    }

    #[test]
    fn years_are_read_once_as_figures() {
        let d = Document::read("比2019年增加5万元，与2020年度相比，3月12日。\n1.2021年某某项目");
        let years: Vec<(&str, u32)> = d.years().map(|(r, y)| (&d.text()[r], y)).collect();
        assert_eq!(years, [("2019", 2019), ("2020", 2020)]);
    }

    #[test]
    fn kind_and_year() {
        let d = Document::read("东宁市2020年度部门决算\n第一章 2020年");
        assert_eq!(d.info().kind, ReportKind::FinalAccounts);
        assert_eq!(d.info().year, Some(2020));
        let d = Document::read(
            "第一部分 部门概况\n十三、预算绩效情况说明\n组织开展绩效自评。\n2020年部门决算中反映",
        );
        assert_eq!(d.info().kind, ReportKind::FinalAccounts);
        let d = Document::read("部门整体支出绩效自评报告\n本年决算支出为");
        assert_eq!(d.info().kind, ReportKind::PerformanceSelfEvaluation);
    }
}
