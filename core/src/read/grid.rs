//! Stage 2c: tables laid out with spaces (`pdftotext -layout`), rebuilt into columns by
//! where their figures end.
//!
//! A laid-out table has no cell separators: a row is a line, and a column is the character
//! position where its figures end (amounts are right-aligned). Rows of one table on one page
//! share those positions, so a block of rows ends at a page break or a paragraph of prose,
//! and the positions of two pages are never mixed. An empty cell is simply absent; a cell
//! too wide for its column wraps, its digits spilling onto the lines above and below the
//! row (`350,034.4` / row / `2`): such fragments make that column of the neighbouring row
//! unknown rather than empty.
//!
//! Linear: every line is looked at once, every figure once; columns are found by sorting the
//! figures' end positions of one block.

use crate::read::document::Document;
use crate::read::quantity::Unit;
use std::ops::Range;

/// More columns than any standard table has: a block wider than this is not read.
pub const MAX_COLUMNS: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Empty,
    /// Index into `Document::figures`.
    Figure(usize),
    /// Something is there that is not one amount (a wrapped cell, a rate, a date).
    Unknown,
}

#[derive(Debug, Clone)]
pub struct GridRow {
    pub cells: Vec<Cell>,
    /// Normalised range of the row's line.
    pub line: Range<usize>,
    /// Characters of space before the row's name: the hierarchy of 类, 款 and 项 when the
    /// table has no codes.
    pub indent: usize,
    /// One or two amounts: part of the hierarchy, too narrow to show a column identity.
    pub short: bool,
    /// A line that is not a row (a name without amounts, a wrapped cell) came between this
    /// row and the one before: a row may be missing there.
    pub after_gap: bool,
    /// The row's classification code (`301`, `30101`), where the table writes one before
    /// the name: its digits, joined where the table writes 类, 款 and 项 in cells of their own.
    pub code: Option<String>,
}

impl GridRow {
    pub fn figure(&self, c: usize) -> Option<usize> {
        match self.cells.get(c) {
            Some(Cell::Figure(f)) => Some(*f),
            _ => None,
        }
    }
}

/// One block of laid-out rows: rows of one page of one table (or of tables side by side).
#[derive(Debug, Clone)]
pub struct Grid {
    pub rows: Vec<GridRow>,
    pub columns: usize,
    /// Laid out with spaces (columns found by position), not pasted with tabs or one cell
    /// per line (the `table` rule reads those by their rows' names).
    pub laid_out: bool,
}

/// Tables pasted with tabs or one cell per line, as grids: columns are their cells.
pub fn from_tables(doc: &Document, tables: &[crate::read::table::Table]) -> Vec<Grid> {
    let mut out = Vec::new();
    for t in tables {
        let columns = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        if columns > MAX_COLUMNS {
            continue;
        }
        let rows: Vec<GridRow> = t
            .rows
            .iter()
            .filter(|r| {
                let figures: Vec<usize> = r.cells.iter().filter_map(|c| c.figure()).collect();
                // (`栏次 | 1 | 2 | 3` under the header numbers the columns: no row.)
                figures.len() >= 3
                    && !(figures.windows(2).all(|w| w[1] == w[0] + 1)
                        && is_column_numbers(doc, figures[0]..figures[figures.len() - 1] + 1))
            })
            .map(|r| {
                let mut cells = vec![Cell::Empty; columns];
                for (c, cell) in r.cells.iter().enumerate() {
                    cells[c] = match cell.figure() {
                        Some(f) if matches!(doc.figures[f].q.unit, Unit::None) => Cell::Figure(f),
                        Some(_) => Cell::Unknown,
                        // A name in the middle of the amounts is not an empty cell.
                        None if !cell.is_empty()
                            && c > 0
                            && cells[..c].iter().any(|x| *x != Cell::Empty) =>
                        {
                            Cell::Unknown
                        }
                        None => Cell::Empty,
                    };
                }
                GridRow {
                    indent: 0,
                    short: false,
                    after_gap: false,
                    code: None,
                    cells,
                    line: r.cells.first().map_or(t.range.clone(), |c| {
                        c.range().start..r.cells.last().map_or(c.range().end, |l| l.range().end)
                    }),
                }
            })
            .collect();
        if rows.len() >= 4 {
            out.push(Grid {
                rows,
                columns,
                laid_out: false,
            });
        }
    }
    out
}

/// Where a cell ends on its line, counted two ways: in characters (as `pdftotext -layout`
/// lays a line out, one character a place) and in display width (a CJK character two places,
/// as a table typed to look aligned on screen is). Each block's columns are read by the one
/// that lines its cells up better.
#[derive(Clone, Copy)]
pub(crate) struct End {
    pub chars: usize,
    pub width: usize,
}

impl End {
    /// Where the text `s` (from its line's start) ends.
    pub(crate) fn after(s: &str) -> End {
        End {
            chars: s.chars().count(),
            width: display_width(s),
        }
    }

    fn by(self, width: bool) -> usize {
        if width {
            self.width
        } else {
            self.chars
        }
    }
}

enum LineKind {
    /// A row: its cells with their end positions, its indent, and its code.
    Data(Vec<(Cell, End)>, usize, LineCode),
    /// Digits only, one or two pieces: a wrapped cell's spill (end positions).
    Fragment(Vec<End>),
    /// Header text, a column-number row (`1 2 3 … 12`), a row with fewer cells.
    Other,
}

/// The classification code a laid-out row writes before its name (`205`, `2050203`).
#[derive(Default)]
struct LineCode {
    /// The code before the name: its digits, joined where 类, 款 and 项 stand in columns
    /// of their own (`208  05  01`).
    code: Option<String>,
    /// Another code after the row's amounts (`301 工资福利支出 … 302 商品和服务支出 …`),
    /// or words between two amounts (`30101 基本工资 50.00 办公费 20.00`): two tables side
    /// by side, so the row's code is not every cell's.
    second: bool,
}

struct Line {
    range: Range<usize>,
    kind: LineKind,
}

/// More rows than a page holds: a longer block is cut, so that reading identities from a
/// block's rows costs a bounded amount per row however the text is shaped.
pub const MAX_ROWS: usize = 120;

/// How far back a line's start is looked for: a table line is never longer.
const MAX_LINE_BYTES: usize = 4096;

pub fn grids(doc: &Document) -> Vec<Grid> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    let mut fi = 0;
    let mut prev_end = 0;
    for p in &doc.paragraphs {
        let (os, oe) = doc.norm.to_original(p.range.start, p.range.end);
        // pdftotext starts a page's first line with the form feed.
        if doc
            .original
            .get(prev_end..oe)
            .is_some_and(|gap| gap.contains('\x0c'))
        {
            finish(doc, &mut block, &mut out);
        }
        prev_end = oe.max(prev_end);
        while fi < doc.figures.len() && doc.figures[fi].q.start < p.range.start {
            fi += 1;
        }
        let first = fi;
        while fi < doc.figures.len() && doc.figures[fi].q.start < p.range.end {
            fi += 1;
        }
        let body = &text[p.range.clone()];
        if first == fi && is_table_title(body) {
            finish(doc, &mut block, &mut out);
            continue;
        }
        if !p.is_table_cell || body.contains('\t') {
            // Short lines (a page number, a unit line, a name wrapped onto a line of its own)
            // do not end a table; they stay in the block as lines that are not rows.
            if body.chars().count() > 40 || body.contains('\t') {
                finish(doc, &mut block, &mut out);
            } else if !block.is_empty() {
                block.push(Line {
                    range: p.range.clone(),
                    kind: LineKind::Other,
                });
            }
            continue;
        }
        let kind = line_kind(doc, os, oe, first..fi);
        if block.len() >= MAX_ROWS {
            finish(doc, &mut block, &mut out);
        }
        block.push(Line {
            range: p.range.clone(),
            kind,
        });
    }
    finish(doc, &mut block, &mut out);
    out
}

fn line_kind(doc: &Document, os: usize, oe: usize, figs: Range<usize>) -> LineKind {
    let original = doc.original;
    let floor = os.saturating_sub(MAX_LINE_BYTES);
    let floor = crate::read::document::floor_char(original, floor);
    let Some(line_start) = original[floor..os]
        .rfind('\n')
        .map(|i| floor + i + 1)
        .or((floor == 0).then_some(0))
    else {
        return LineKind::Other;
    };
    let line = &original[line_start..oe];
    if figs.is_empty() {
        return LineKind::Other;
    }
    let digits_only = line
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-') || c.is_whitespace());
    // End positions counted incrementally, so a wide row costs its length once.
    let mut cells = Vec::with_capacity(figs.len());
    let mut at = line_start;
    let mut col = 0;
    let mut width = 0;
    // Whole numbers before the row's name are its classification code (`201`, `2010301`,
    // `05`), not amounts.
    let mut before_name = true;
    let mut codes = LineCode::default();
    let mut code_tokens = 0;
    for f in figs.clone() {
        let span = doc.figure_span(&doc.figures[f]);
        if span.start < at || span.end > oe {
            return LineKind::Other;
        }
        let piece = &original[at..span.end];
        col += piece.chars().count();
        width += display_width(piece);
        at = span.end;
        let before = original[line_start..span.start].chars().next_back();
        let after = original[span.end..oe].chars().next();
        let standalone =
            before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace);
        let q = &doc.figures[f].q;
        before_name &= original[line_start..span.start]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace());
        let written = &original[span.start..span.end];
        // (A line of digits alone is a wrapped cell's spill, not a code.)
        let code = before_name && !digits_only && q.decimals == 0;
        if code && written.bytes().all(|b| b.is_ascii_digit()) {
            code_tokens += 1;
            codes.code = match (code_tokens, codes.code.take()) {
                (1, _) if (3..=7).contains(&written.len()) => Some(written.to_string()),
                // `208  05`, `208  05  01`: a 类 and its 款 and 项 in columns of their own.
                (2 | 3, Some(mut c)) if written.len() == 2 && c.len() == 2 * code_tokens - 1 => {
                    c.push_str(written);
                    Some(c)
                }
                _ => None,
            };
            continue;
        }
        // A code after the name: a whole number of three to seven digits right before a name.
        if !before_name
            && (3..=7).contains(&written.len())
            && written.bytes().all(|b| b.is_ascii_digit())
            && original[span.end..oe]
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| !c.is_ascii() && c.is_alphabetic())
        {
            codes.second = true;
        }
        if !cells.is_empty()
            && original[line_start..span.start]
                .rsplit(|c: char| c.is_ascii_digit())
                .next()
                .is_some_and(|between| between.chars().any(|c| !c.is_ascii() && c.is_alphabetic()))
        {
            codes.second = true;
        }
        let amount = standalone && matches!(q.unit, Unit::None | Unit::Money(_)) && !q.approx;
        cells.push((
            if amount {
                Cell::Figure(f)
            } else {
                Cell::Unknown
            },
            End { chars: col, width },
        ));
    }
    let digits_only = line
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-') || c.is_whitespace());
    if cells.is_empty() {
        return LineKind::Other;
    }
    if digits_only && cells.len() <= 2 {
        return LineKind::Fragment(cells.iter().map(|&(_, c)| c).collect());
    }
    if is_column_numbers(doc, figs) && cells.len() >= 3 {
        return LineKind::Other;
    }
    let indent = line.chars().take_while(|c| c.is_whitespace()).count();
    LineKind::Data(cells, indent, codes)
}

/// `表九`, `表5：2026年部门收支预算总表`, `2026年政府采购预算明细表`: a new table starts.
/// `支出总表（预算表 3）`: the table's number in brackets after its name.
pub(crate) fn is_table_title(body: &str) -> bool {
    let t = body.trim();
    let t = numbered_suffix(t).map_or(t, |n| t[..n].trim_end());
    t.ends_with('表')
        || t.strip_prefix('表').is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        })
}

/// Where a bracketed table number (`（预算表 3）`, `(表1)`, `（表一）`) ends a title.
pub(crate) fn numbered_suffix(t: &str) -> Option<usize> {
    let inner = t.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let number = inner[open..]
        .trim_start_matches(['（', '('])
        .trim_start_matches(|c: char| c != '表')
        .strip_prefix('表')?
        .trim();
    (!number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十-".contains(c)))
    .then_some(open)
}

/// `1 2 3 … 12` under a header: the columns' numbers, not a row.
fn is_column_numbers(doc: &Document, figs: Range<usize>) -> bool {
    let mut expect = None;
    for f in figs {
        let q = &doc.figures[f].q;
        if q.decimals != 0 {
            return false;
        }
        let v = q.value;
        if expect.is_some_and(|e| e != v) {
            return false;
        }
        expect = Some(v + rust_decimal::Decimal::ONE);
    }
    true
}

/// How far above a block its header is looked for.
const HEADER_LINES: usize = 6;

/// The places (by characters and by display width, as [`End`]s: start and end) of the rate
/// words (`完成率（%）`, `增减率`, `占比`) in the header lines above normalised offset `at`:
/// lines of two cells or more, not a title.
fn rate_words_above(doc: &Document, at: usize) -> Vec<(End, End)> {
    let mut out = Vec::new();
    for line in header_lines_above(doc, at, false) {
        if line.split("  ").filter(|c| !c.trim().is_empty()).count() < 2 {
            continue;
        }
        out.extend(rate_words(line));
    }
    out
}

/// A header line above normalised offset `at` with name cells and then one cell per column
/// (`项  目   2025年执行数   2026年预算数   增长%`): which columns it names as rates, by
/// order. (Headers are often set off from their columns by more than a few places; their
/// order is surer.) Empty when no such line.
fn rate_cells_in_order(doc: &Document, at: usize, columns: usize) -> Vec<bool> {
    // (From the line at `at` itself: a header naming years, `2025年执行数`, reads as a row
    // of figures.)
    for line in header_lines_above(doc, at, true) {
        let cells: Vec<&str> = line
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        // (Counted from the right: the name cell may be spaced out, `项        目`.)
        // (Only the last cell, over the last column: a header may end with a cell of no
        // column, `备注`, and shift every other.)
        if columns > 0
            && cells.len() > columns
            && cells[cells.len() - columns..]
                .iter()
                .all(|c| !c.starts_with(|ch: char| ch.is_ascii_digit() && !c.contains('年')))
        {
            let last = cells.last().is_some_and(|c| rate_words(c).next().is_some());
            let mut out = vec![false; columns];
            out[columns - 1] = last;
            return out;
        }
    }
    Vec::new()
}

/// The original lines above normalised offset `at`, nearest first, as far as a header
/// reaches (`HEADER_LINES`), and the line at `at` first when `own_line`.
fn header_lines_above<'a>(
    doc: &Document<'a>,
    at: usize,
    own_line: bool,
) -> impl Iterator<Item = &'a str> {
    let (os, _) = doc.norm.to_original(at, at);
    let original = doc.original;
    let floor = crate::read::document::floor_char(original, os.saturating_sub(HEADER_LINES * 200));
    let (end, lines) = if own_line {
        let line_end = original[os..].find('\n').map_or(original.len(), |i| os + i);
        (line_end, HEADER_LINES + 1)
    } else {
        let start = original[floor..os].rfind('\n').map_or(floor, |i| floor + i);
        (start, HEADER_LINES)
    };
    original[floor..end].rsplit('\n').take(lines)
}

/// Display width: a CJK (full-width) character takes two places.
pub(crate) fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}

/// Where a header line (from its start) names a rate (`完成率（%）`, `增减率`, `占比`): each
/// word's start and end.
pub(crate) fn rate_words(line: &str) -> impl Iterator<Item = (End, End)> + '_ {
    ["率", "%", "％", "占比", "比重", "进度"]
        .into_iter()
        .flat_map(move |word| {
            line.match_indices(word)
                .map(move |(i, _)| (End::after(&line[..i]), End::after(&line[..i + word.len()])))
        })
}

fn finish(doc: &Document, block: &mut Vec<Line>, out: &mut Vec<Grid>) {
    let lines = std::mem::take(block);
    let cells_at_least =
        |l: &Line, n: usize| matches!(&l.kind, LineKind::Data(cells, ..) if cells.len() >= n);
    // A table of two amount columns (合计 and 财政拨款) is one only where its rows have codes:
    // two figures on a line of prose are no row.
    let two_columns = !lines.iter().any(|l| cells_at_least(l, 3))
        && !lines
            .iter()
            .any(|l| matches!(&l.kind, LineKind::Data(_, _, c) if c.second))
        && lines
            .iter()
            .filter(|l| matches!(&l.kind, LineKind::Data(cells, _, c) if cells.len() == 2 && c.code.is_some()))
            .count()
            >= 4;
    let least = if two_columns { 2 } else { 3 };
    let wide = |l: &Line| cells_at_least(l, least);
    // (Fewer rows fill every column where most rows are classified lines with a cell or two
    // left empty: four rows with codes make it a table.)
    let coded = lines
        .iter()
        .filter(|l| matches!(&l.kind, LineKind::Data(_, _, c) if c.code.is_some()))
        .count();
    let wide_rows = lines.iter().filter(|l| wide(l)).count();
    if wide_rows < 4 && !(wide_rows >= 2 && coded >= 4) {
        return;
    }
    // Columns: runs of end positions at most one character apart, among the rows of three
    // cells or more (a row of one or two is placed among them afterwards); by characters,
    // unless display width makes fewer columns.
    let columns_by = |by_width: bool| {
        let mut ends: Vec<usize> = lines
            .iter()
            .filter(|l| wide(l))
            .filter_map(|l| match &l.kind {
                LineKind::Data(cells, ..) => Some(cells.iter().map(move |&(_, c)| c.by(by_width))),
                _ => None,
            })
            .flatten()
            .collect();
        ends.sort_unstable();
        ends.dedup();
        let mut columns: Vec<(usize, usize)> = Vec::new();
        for e in ends {
            match columns.last_mut() {
                Some(last) if e <= last.1 + 1 => last.1 = e,
                _ => columns.push((e, e)),
            }
            if columns.len() > MAX_COLUMNS {
                return None;
            }
        }
        Some(columns)
    };
    // (Display width only when it lines every row up exactly, as many columns as the widest
    // row has cells, and characters do not: a laid-out PDF's text is by characters.)
    let widest = lines
        .iter()
        .filter_map(|l| match &l.kind {
            LineKind::Data(cells, ..) => Some(cells.len()),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let (by_width, columns) = match (columns_by(false), columns_by(true)) {
        (Some(c), Some(w)) if w.len() == widest && c.len() > widest => (true, w),
        (Some(c), _) => (false, c),
        (None, _) => return,
    };
    // Columns under a rate in the header hold no amounts to add up.
    let first_row = lines.iter().find(|l| matches!(l.kind, LineKind::Data(..)));
    let rates = first_row.map_or(Vec::new(), |l| rate_words_above(doc, l.range.start));
    let in_order = first_row.map_or(Vec::new(), |l| {
        rate_cells_in_order(doc, l.range.start, columns.len())
    });
    let rate_column: Vec<bool> = columns
        .iter()
        .enumerate()
        .map(|(c, &(lo, hi))| {
            in_order.get(c).copied().unwrap_or(false)
                || rates.iter().any(|(a, b)| {
                    let (a, b) = (a.by(by_width), b.by(by_width));
                    a.saturating_sub(4) <= hi && lo <= b + 4
                })
        })
        .collect();
    let column_at = |e: usize, slack: usize| {
        let i = columns.partition_point(|&(_, hi)| hi + slack < e);
        columns
            .get(i)
            .filter(|&&(lo, _)| lo <= e + slack)
            .map(|_| i)
    };
    let mut rows = Vec::new();
    let mut after_gap = false;
    let mut two_sided = false;
    for (li, line) in lines.iter().enumerate() {
        let LineKind::Data(cells, indent, codes) = &line.kind else {
            after_gap = true;
            continue;
        };
        let short = cells.len() < 3;
        let mut row = vec![Cell::Empty; columns.len()];
        let mut clash = false;
        for &(cell, e) in cells {
            let Some(c) = column_at(e.by(by_width), usize::from(short)) else {
                clash = true;
                break;
            };
            clash |= row[c] != Cell::Empty;
            row[c] = if rate_column[c] { Cell::Unknown } else { cell };
        }
        if clash {
            // Not placed: for the hierarchy it is a gap.
            after_gap = true;
            continue;
        }
        let neighbours = [li.checked_sub(1), Some(li + 1)];
        for n in neighbours.into_iter().flatten() {
            if let Some(Line {
                kind: LineKind::Fragment(spill),
                ..
            }) = lines.get(n)
            {
                for &e in spill {
                    if let Some(c) = column_at(e.by(by_width), 2) {
                        row[c] = Cell::Unknown;
                    }
                }
            }
        }
        rows.push(GridRow {
            cells: row,
            line: line.range.clone(),
            indent: *indent,
            short,
            after_gap: std::mem::take(&mut after_gap),
            code: codes.code.clone(),
        });
        two_sided |= codes.second;
    }
    levels_from_codes(doc, &mut rows, two_sided);
    out.push(Grid {
        rows,
        columns: columns.len(),
        laid_out: true,
    });
}

/// A laid-out code table whose names are not indented (`205 教育支出` over `2050203 高中教育`,
/// both at the margin): its levels come from the codes, as in a table copied one cell per
/// line (类, 款 and 项: three, five and seven digits). Only when every row but a 合计 has a
/// code, and no row has a second code after its amounts (two tables side by side, the first
/// code not every cell's). Else the codes are dropped: indents give the levels.
fn levels_from_codes(doc: &Document, rows: &mut [GridRow], two_sided: bool) {
    let text = doc.text();
    let is_total = |r: &GridRow| {
        let name: String = text[r.line.clone()]
            .chars()
            .take_while(|c| !c.is_ascii_digit())
            .filter(|c| !c.is_whitespace())
            .collect();
        matches!(name.as_str(), "合计" | "总计")
    };
    let coded = rows.iter().filter(|r| r.code.is_some()).count();
    let lengths = |r: &GridRow| r.code.as_ref().map(|c| c.len());
    // (A 合计 row is often centred or indented.)
    let mut indents = rows.iter().filter(|r| r.code.is_some()).map(|r| r.indent);
    let first = indents.next();
    let flat = indents.all(|i| Some(i) == first);
    let ok = !two_sided
        && flat
        && coded >= 3
        && rows.iter().all(|r| r.code.is_some() || is_total(r))
        && rows.iter().filter_map(lengths).any(|l| l == 3)
        && rows.iter().filter_map(lengths).any(|l| l > 3);
    for r in rows.iter_mut() {
        if !ok {
            r.code = None;
        } else if let Some(c) = &r.code {
            r.indent = c.len().saturating_sub(3) / 2 + 1;
        } else {
            r.indent = 0;
        }
    }
}

/// The 类 of the economic classification of spending (部门预算支出经济分类科目).
const ECONOMIC_CLASSES: &[(&str, &str)] = &[
    ("301", "工资福利支出"),
    ("302", "商品和服务支出"),
    ("303", "对个人和家庭的补助"),
    ("307", "债务利息及费用支出"),
    ("309", "资本性支出（基本建设）"),
    ("310", "资本性支出"),
    ("311", "对企业补助（基本建设）"),
    ("312", "对企业补助"),
    ("313", "对社会保障基金补助"),
    ("399", "其他支出"),
];

/// One token of a table copied in reading order (`pdftotext` without `-layout`, a PDF
/// viewer's copy): each cell on a line of its own.
#[derive(Clone, Copy, PartialEq)]
enum Token {
    /// A line that is one figure.
    Figure(usize),
    /// A short line of text: a row's name.
    Name,
    /// Anything else: a header, prose, a page number next to text.
    Other,
}

/// Tables copied one cell per line, as in a PDF viewer's copy of a code table:
/// `301` / `工资福利支出` / `911.21` / `911.21` / … / `30101` / `基本工资` / `297.50` / ….
/// A row is an optional classification code, a name and its amounts; a run of at least four
/// rows with the same number of amounts is a table, its columns the amounts in order (a row
/// with an empty cell has fewer and ends the run, so no amount is ever put in the wrong
/// column). Codes give the rows their level (`301` above `30101`), as indents do in a
/// laid-out table. Lines with tabs belong to the pasted tables `table` reads.
/// Linear: each line is looked at once.
pub fn from_cell_lines(doc: &Document) -> Vec<Grid> {
    let text = doc.text();
    let mut tokens: Vec<(Token, Range<usize>)> = Vec::new();
    // Each header (by the token its name cell is) and its cells after that (`2025年预算数` /
    // `增减率（%）`): what the columns of the rows under it hold.
    let mut headers: Vec<(usize, Vec<Range<usize>>)> = Vec::new();
    let mut at = 0;
    let mut fi = 0;
    for line in text.split('\n') {
        let range = at..at + line.len();
        at = range.end + 1;
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let start = range.start + (line.len() - line.trim_start().len());
        let end = start + t.len();
        while fi < doc.figures.len() && doc.figures[fi].q.start < start {
            fi += 1;
        }
        // `栏次` / `1` / `2` / `3`: the columns' numbers under a header, not a row.
        // Header cells (`科目名称`, `科目编码`, `类` / `款` / `项`) begin a table's rows afresh.
        let header = t.contains("名称")
            || t.contains("编码")
            || matches!(t, "类" | "款" | "项")
            || t == "一般公共预算基本支出";
        let token =
            if line.contains('\t') || line.contains('\x0c') || t == "栏次" || t == "行次" || header
            {
                Token::Other
            } else if doc
                .figures
                .get(fi)
                .is_some_and(|f| f.q.start == start && f.q.end == end)
            {
                Token::Figure(fi)
            } else if t.chars().count() <= 30
                && !t.ends_with('。')
                && !t.chars().any(|c| c.is_ascii_digit())
            {
                Token::Name
            } else {
                Token::Other
            };
        // A header's cells run from its name cell to the first figure or code. A table's
        // title (`六、支出决算表（单位：万元）`) ends the header before: its rows are another
        // table's.
        if header {
            headers.push((tokens.len(), Vec::new()));
        } else if t.contains('表') && t.chars().count() > 4 && !t.contains('\t') {
            headers.push((
                tokens.len(),
                std::iter::once(usize::MAX..usize::MAX).collect(),
            ));
        } else if let Some((_, cells)) = headers.last_mut().filter(|(_, c)| c.len() < MAX_COLUMNS) {
            let open = cells.last().is_none_or(|r| r.start != usize::MAX);
            let code = t.bytes().all(|b| b.is_ascii_digit());
            if matches!(token, Token::Figure(_)) || code {
                // Closed by the first row: its code, or its first amount after its name (a
                // row without a code, `合计`, whose name is no header cell).
                if open && !code {
                    cells.pop();
                }
                cells.push(usize::MAX..usize::MAX);
            } else if open {
                cells.push(start..end);
            }
        }
        tokens.push((token, start..end));
    }
    for (_, cells) in headers.iter_mut() {
        if let Some(closed) = cells.iter().position(|r| r.start == usize::MAX) {
            cells.truncate(closed);
        }
    }
    // A cell of digits alone (`01`, a 款 written in a cell of its own, is no figure).
    let digits = |k: usize| match tokens.get(k) {
        Some((Token::Figure(_) | Token::Other, r))
            if text[r.clone()].bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(&text[r.clone()])
        }
        _ => None,
    };
    // A code right before a name: a whole number of three, five or seven digits, or one written
    // in its 类, 款 and 项 cells (`301` / `01`, `201` / `01` / `02`). Its digits and the
    // tokens it takes.
    let code_at = |i: usize| -> Option<(String, usize)> {
        let first = digits(i)?;
        let name_at = |k: usize| matches!(tokens.get(k), Some((Token::Name, _)));
        // (类, 款 and 项 have three, five and seven digits; a whole amount in 元 may have any.)
        if matches!(first.len(), 3 | 5 | 7) && name_at(i + 1) {
            return Some((first.to_string(), 1));
        }
        if first.len() != 3 {
            return None;
        }
        let mut code = first.to_string();
        let mut k = i + 1;
        while k < i + 3 {
            match digits(k) {
                Some(d) if d.len() == 2 => code.push_str(d),
                _ => break,
            }
            k += 1;
        }
        (k > i + 1 && name_at(k)).then_some((code, k - i))
    };
    // A 类's code copied away from its row, right before the code of its first 款
    // (`302` / `302` / `01` / `办公费`), or a 项's cell without its 类 and 款 (`01` /
    // `行政运行`): no amount, and no row of its own.
    let displaced = |i: usize| {
        digits(i).is_some_and(|d| {
            d.len() == 3 && code_at(i + 1).is_some_and(|(c, _)| c.len() > 3 && c.starts_with(d))
                || d.len() == 2
                    && d.starts_with('0')
                    && matches!(tokens.get(i + 1), Some((Token::Name, _)))
        })
    };
    let mut out = Vec::new();
    type RunRow = (Option<String>, Range<usize>, Vec<usize>);
    let mut run: Vec<RunRow> = Vec::new();
    // The first digit of the run's last code.
    let mut last_class: Option<u8> = None;
    let flush = |run: &mut Vec<RunRow>, out: &mut Vec<Grid>| {
        let rows = std::mem::take(run);
        if rows.len() < 4 || rows.len() > MAX_ROWS {
            return;
        }
        // Income and spending rows in one run: a two-sided summary table read across its
        // sides, a row of one side beside a row of the other.
        let name_of = |line: &Range<usize>| {
            text[line.clone()]
                .split('\n')
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.bytes().all(|b| b.is_ascii_digit()))
                .unwrap_or("")
        };
        let names = |w: &str| rows.iter().any(|(_, line, _)| name_of(line).contains(w));
        if names("收入") && names("支出") {
            return;
        }
        // A 类 of the economic classification whose code was copied away from its row
        // (`工资福利支出` / amounts, its `301` in the header above): named exactly, in a
        // table coded by that classification.
        let mut rows = rows;
        let economic = rows.iter().any(|r| {
            r.0.as_deref()
                .is_some_and(|c| c.len() > 3 && c.starts_with('3'))
        });
        for row in rows.iter_mut().filter(|r| economic && r.0.is_none()) {
            let name = name_of(&row.1);
            row.0 = ECONOMIC_CLASSES
                .iter()
                .find(|(_, class)| name == *class)
                .map(|(code, _)| code.to_string());
        }
        let columns = rows[0].2.len();
        // The last header's last cells, one per column (`增减额` / `增减率（%）`): a column
        // headed by a rate holds no amounts to add up. (The rows may be a table's later
        // run, after a row that broke it.)
        let first = tokens.partition_point(|(_, r)| r.start < rows[0].1.start);
        let header = headers[..headers.partition_point(|(h, _)| *h < first)].last();
        // (A trailing 备注 holds no figures; else the cells must be one per column.)
        let cells = header.map(|(_, cells)| {
            let named = |k: usize| text[cells[k - 1].clone()].trim().to_string();
            let mut n = cells.len();
            while n > columns && matches!(named(n).as_str(), "备注" | "说明") {
                n -= 1;
            }
            &cells[..n]
        });
        let rate_column: Vec<bool> = match cells {
            Some(cells) if cells.len() == columns => cells
                .iter()
                .map(|r| rate_words(&text[r.clone()]).next().is_some())
                .collect(),
            _ => vec![false; columns],
        };
        let coded = rows.iter().any(|r| r.0.is_some());
        let rows = rows
            .into_iter()
            .map(|(code, line, figures)| GridRow {
                cells: figures
                    .iter()
                    .enumerate()
                    .map(|(c, &f)| {
                        let q = &doc.figures[f].q;
                        if q.unit == Unit::None && !q.approx && rate_column.get(c) != Some(&true) {
                            Cell::Figure(f)
                        } else {
                            Cell::Unknown
                        }
                    })
                    .collect(),
                line,
                // 类 / 款 / 项: three, five and seven digits.
                indent: if coded {
                    code.as_ref().map_or(0, |c| c.len().saturating_sub(3) / 2)
                } else {
                    0
                },
                short: columns <= 2,
                after_gap: false,
                code,
            })
            .collect();
        out.push(Grid {
            rows,
            columns,
            laid_out: true,
        });
    };
    // Reading order breaks a table where a page or a column block begins: names listed
    // without their amounts (`20699` / `其他科学技术支出` / `2069901` / `科技奖励` …) or a
    // row left with one amount, after which amounts run on out of step with the names. Rows
    // after such a break are not read until a line of other text (a header, a title).
    let mut out_of_step = false;
    let mut i = 0;
    while i < tokens.len() {
        if displaced(i) {
            i += 1;
            continue;
        }
        let code = code_at(i);
        let name_at = i + code.as_ref().map_or(0, |c| c.1);
        let code = code.map(|c| c.0);
        if !matches!(tokens.get(name_at), Some((Token::Name, _))) {
            flush(&mut run, &mut out);
            if matches!(tokens[i].0, Token::Other) {
                out_of_step = false;
            }
            i += 1;
            continue;
        }
        let mut figures = Vec::new();
        let mut j = name_at + 1;
        // The run's last code: a whole amount in 元 before the next row's name looks like a
        // code, but a code goes on from the last one (`30299` then `303`, never `2686560`).
        // (Kept as rows are added: looking back through the run for each row would cost
        // its length squared.)
        if run.is_empty() {
            last_class = None;
        }
        let last_code = last_class;
        let next_code = |j: usize| {
            code_at(j).is_some_and(|(c, n)| n > 1 || last_code.is_none_or(|l| l == c.as_bytes()[0]))
        };
        while let Some((Token::Figure(f), _)) = tokens.get(j) {
            if next_code(j) || displaced(j) || figures.len() >= MAX_COLUMNS {
                break;
            }
            figures.push(*f);
            j += 1;
        }
        // A row whose amounts came out before its code and name (`9.74` … / `211.00` … /
        // `302` / `商品和服务支出` / `30201` …): the previous row has twice the run's amounts
        // and the next name none. Exactly twice, else the amounts are out of step.
        let columns = run.first().map_or(0, |r| r.2.len());
        if columns >= 2 && figures.len() == 2 * columns {
            let next_code = code_at(j);
            let next_name = j + next_code.as_ref().map_or(0, |c| c.1);
            let bare = matches!(tokens.get(next_name), Some((Token::Name, _)))
                && (code_at(next_name + 1).is_some()
                    || !matches!(tokens.get(next_name + 1), Some((Token::Figure(_), _))));
            if bare && !out_of_step {
                let late = figures.split_off(columns);
                let next_code = next_code.map(|c| c.0);
                last_class = next_code
                    .as_ref()
                    .or(code.as_ref())
                    .map(|c| c.as_bytes()[0])
                    .or(last_class);
                run.push((
                    code,
                    tokens[i].1.start..tokens[name_at + columns].1.end,
                    figures,
                ));
                run.push((next_code, tokens[j].1.start..tokens[next_name].1.end, late));
                i = next_name + 1;
                continue;
            }
        }
        // A name listed without its amounts (`20699` / `其他科学技术支出` / `2069901` …, or a
        // name wrapped over two cells) or left with one amount: the amounts after it run out
        // of step with the names.
        let listed = code_at(j).is_some()
            || matches!(tokens.get(j), Some((Token::Name, _))) && code_at(j + 1).is_some();
        if figures.len() == 1 || code.is_some() && figures.is_empty() && listed {
            out_of_step = true;
            run.clear();
        }
        if figures.len() < 2 || run.first().is_some_and(|r| r.2.len() != figures.len()) {
            flush(&mut run, &mut out);
        }
        if figures.len() >= 2 && !out_of_step {
            let line = tokens[i].1.start..tokens[j - 1].1.end;
            last_class = code.as_ref().map(|c| c.as_bytes()[0]).or(last_class);
            run.push((code, line, figures));
        }
        i = j.max(i + 1);
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid_of(text: &str) -> Vec<Grid> {
        let doc = Document::read(text);
        grids(&doc)
    }

    /// A line as `pdftotext -layout` lays it out: one position per character.
    fn row(name: &str, amounts: &[&str]) -> String {
        let mut line = format!("{name}{}", " ".repeat(20 - name.chars().count()));
        for a in amounts {
            line.push_str(&format!("{a:>12}"));
        }
        line + "\n"
    }

    fn table() -> String {
        [
            "表5 一般公共预算支出表\n".to_string(),
            row("", &["合计", "人员经费", "公用经费"]),
            row("合计", &["1,432.70", "982.40", "450.30"]),
            row("一般公共服务支出", &["600.00", "400.00", "200.00"]),
            row(" 行政运行", &["500.00", "350.00", "150.00"]),
            row(" 一般行政管理事务", &["100.00", "50.00", "50.00"]),
            row("教育支出", &["832.70", "582.40", "250.30"]),
        ]
        .concat()
    }

    #[test]
    fn rows_and_columns_of_a_laid_out_table() {
        let grids = grid_of(&table());
        assert_eq!(grids.len(), 1);
        let g = &grids[0];
        assert_eq!(g.columns, 3);
        assert_eq!(g.rows.len(), 5);
        assert!(g
            .rows
            .iter()
            .all(|r| r.cells.iter().all(|c| matches!(c, Cell::Figure(_)))));
    }

    #[test]
    fn a_page_break_prose_or_a_title_ends_a_block() {
        let t = table();
        let prose =
            "本部门2026年一般公共预算支出1,432.70万元，比上年增加12.00万元，主要原因是人员增加。\n";
        assert_eq!(grid_of(&format!("{t}\x0c{t}{prose}{t}")).len(), 3);
        // Without the title lines, two tables in a row are one block.
        let bare = t.replacen("表5 一般公共预算支出表\n", "", 1);
        assert_eq!(grid_of(&format!("{bare}{bare}")).len(), 1);
    }

    #[test]
    fn a_title_may_end_with_its_number_in_brackets() {
        for title in [
            "支出总表（预算表 3）",
            "收支总表(预算表1)",
            "三公经费表（表十）",
            "表5 一般公共预算支出表",
        ] {
            assert!(is_table_title(title), "{title}");
        }
        for text in ["详见附表（注1）", "支出情况（见表）", "单位：万元"] {
            assert!(!is_table_title(text), "{text}");
        }
    }

    #[test]
    fn a_wrapped_cell_makes_its_column_unknown() {
        let text = [
            row("合计", &["1,432.70", "982.40", "450.30"]),
            row("一般公共服务支出", &["600.00", "400.00", "200.00"]),
            row("", &["", "", "114,185.1"]),
            row("教育支出", &["832.70", "582.40", "250.30"]),
            row("", &["", "", "1"]),
            row(" 行政运行", &["500.00", "350.00", "150.00"]),
            row(" 一般行政管理事务", &["100.00", "50.00", "50.00"]),
        ]
        .concat();
        let g = &grid_of(&text)[0];
        let edu = &g.rows[2];
        assert_eq!(edu.cells[2], Cell::Unknown);
        assert!(matches!(edu.cells[1], Cell::Figure(_)));
        assert!(matches!(g.rows[0].cells[2], Cell::Figure(_)));
    }

    #[test]
    fn column_numbers_are_not_rows_and_short_rows_are_marked() {
        let text = [
            row("项目", &["1", "2", "3"]),
            row("合计", &["30.00", "10.00", "20.00"]),
            row("甲", &["3.00", "1.00", "2.00"]),
            row("乙", &["6.00", "2.00"]),
            row("丙", &["9.00", "3.00", "6.00"]),
            row("丁", &["12.00", "4.00", "8.00"]),
        ]
        .concat();
        let g = &grid_of(&text)[0];
        assert_eq!(g.rows.len(), 5);
        let short: Vec<bool> = g.rows.iter().map(|r| r.short).collect();
        assert_eq!(short, [false, false, true, false, false]);
    }
}
