//! Stage 2b: tables pasted into the text, rebuilt into rows and columns.
//!
//! Two pasted forms occur (see the samples):
//! - real TSV rows: one row per line, cells separated by tabs
//!   (`社会保障和就业支出\t1,405,342.80\t2,613,704.45`);
//! - one cell per line: each cell on its own tab-prefixed line, rows separated by a blank
//!   line (Word tables copied from some PDF viewers and web pages).
//!
//! A table's cells keep their normalised ranges and the figure read in each, so table
//! figures can be checked (totals, rates, scores) and joined to the fact registry.
//! Linear: each line is looked at once, each cell's figure found by binary search.
//!
//! API for other stages: [`tables`] → `Vec<Table>`; [`Table::facts`] yields
//! (row label, column header, unit, figure) for money cells.

use std::ops::Range;

use crate::read::document::Document;
use crate::read::quantity::{Money, Unit};

#[derive(Debug, Clone)]
pub struct Cell<'a> {
    /// Trimmed text of the cell: a slice of the normalised text (a `String` per cell was
    /// most of the memory of a wide table, issue 16).
    pub text: &'a str,
    /// Where the trimmed text starts in the normalised text (its range is [`Cell::range`]:
    /// a 16 MB text's offsets fit in 32 bits, and a cell of a long table was 48 bytes).
    start: u32,
    /// Index into `Document::figures` when the cell is one figure (`153.42`, `100.00%`,
    /// `2,613,704.45`): [`Cell::figure`]. In 32 bits (at most `MAX_NUMBERS` figures), so
    /// that a cell is 32 bytes, not 40: a wide table keeps one per figure.
    figure: Option<u32>,
}

impl Cell<'_> {
    /// Index into `Document::figures` when the cell is one figure.
    pub fn figure(&self) -> Option<usize> {
        self.figure.map(|f| f as usize)
    }

    /// The cell is a name (a classification code), not an amount.
    fn not_a_figure(&mut self) {
        self.figure = None;
    }

    /// Nothing written, or a dash or slash that stands for nothing (`-`, `—`, `/`).
    pub fn is_empty(&self) -> bool {
        self.text
            .chars()
            .all(|c| matches!(c, '-' | '—' | '－' | '–' | '/' | '／'))
    }

    /// Normalised byte range of the trimmed text.
    pub fn range(&self) -> Range<usize> {
        let start = self.start as usize;
        start..start + self.text.len()
    }
}

#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub cells: Vec<Cell<'a>>,
}

impl Row<'_> {
    /// A row of names only: a header (or a caption row).
    pub fn is_header(&self) -> bool {
        self.cells.iter().all(|c| c.figure().is_none()) && self.cells.iter().any(|c| !c.is_empty())
    }

    /// The first non-empty cell's text.
    pub fn label(&self) -> Option<&str> {
        self.cells.iter().find(|c| !c.is_empty()).map(|c| c.text)
    }

    /// A `合计`/`总计`/`总分` row.
    pub fn is_total(&self) -> bool {
        self.label().is_some_and(|l| {
            let l = l.trim_end_matches(['：', ':']);
            ["合计", "总计", "总分", "小计"]
                .iter()
                .any(|w| l.starts_with(w))
                && l.chars().count() <= 8
        })
    }
}

#[derive(Debug, Clone)]
pub struct Table<'a> {
    pub rows: Vec<Row<'a>>,
    /// Money unit stated for the whole table (`单位：万元`, a caption `…（万元）`).
    pub unit: Option<Money>,
    /// Normalised range from the first to the last cell.
    pub range: Range<usize>,
    /// The most decimals a figure of each column is written with: the column's precision.
    pub decimals: Vec<u32>,
}

/// A money figure of a table, named by its row and column.
#[derive(Debug, Clone)]
pub struct TableFact<'a> {
    pub row_label: &'a str,
    pub column: &'a str,
    /// The header names one amount column only (`项目 | 金额（元）`).
    pub single_amount_column: bool,
    pub unit: Money,
    pub figure: usize,
    pub cell: Range<usize>,
}

/// The money unit a header or caption names: `（万元）`, `单位：元`, `金额单位：万元`.
pub fn unit_named(s: &str) -> Option<Money> {
    for (pat, m) in [
        ("（万元）", Money::Wan),
        ("（元）", Money::Yuan),
        ("（亿元）", Money::Yi),
        ("（千元）", Money::Qian),
        ("单位：万元", Money::Wan),
        ("单位：元", Money::Yuan),
        ("单位：亿元", Money::Yi),
        ("单位：千元", Money::Qian),
    ] {
        if s.contains(pat) {
            return Some(m);
        }
    }
    None
}

impl<'a> Table<'a> {
    /// Index of the header row that applies to row `r`: the nearest header above it with
    /// the same number of cells, unless a wider header stands between (a row with fewer
    /// cells than the header over it dropped a cell — a trailing empty one, or a merged
    /// first one — and which is not known: it has no header, rather than an older one).
    pub fn header_of(&self, r: usize) -> Option<usize> {
        let n = self.rows[r].cells.len();
        (0..r)
            .rev()
            .filter(|&h| self.rows[h].is_header())
            .find(|&h| self.rows[h].cells.len() >= n)
            .filter(|&h| self.rows[h].cells.len() == n)
    }

    /// `header_of` for every row, in one pass. Callers that visit every row use this:
    /// `header_of` walks back from its row, which is quadratic over a long table under one
    /// header (100,000 rows took 45 s).
    pub fn headers(&self) -> Vec<Option<usize>> {
        // The latest header of each width still in reach, widest first: a header ends the
        // reach of narrower ones, so the widths only fall from bottom to top.
        let mut reach: Vec<(usize, usize)> = Vec::new();
        self.rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                let n = row.cells.len();
                let h = reach
                    .binary_search_by(|&(w, _)| n.cmp(&w))
                    .ok()
                    .map(|i| reach[i].1);
                if row.is_header() {
                    while reach.last().is_some_and(|&(w, _)| w <= n) {
                        reach.pop();
                    }
                    reach.push((n, r));
                }
                h
            })
            .collect()
    }

    /// The text of row `r`'s cell in column `c`, empty when the row has no such cell.
    /// Column `c`'s precision: the most decimals its figures are written with.
    pub fn precision(&self, c: usize) -> u32 {
        self.decimals.get(c).copied().unwrap_or(0)
    }

    pub fn cell_text(&self, r: usize, c: usize) -> &'a str {
        self.rows[r].cells.get(c).map_or("", |cell| cell.text)
    }

    /// The money unit of column `c` under header `h`: the header cell's, else the table's.
    pub fn unit_of(&self, h: Option<usize>, c: usize) -> Option<Money> {
        h.and_then(|h| self.rows[h].cells.get(c))
            .and_then(|cell| unit_named(cell.text))
            .or(self.unit)
    }

    /// Money cells named by their row and column, and `预算数：60`-style pairs.
    pub fn facts(&self, doc: &Document) -> Vec<TableFact<'a>> {
        let mut out = Vec::new();
        // A row label used twice in one table (`分散自行组织` under each procurement item)
        // names a category, not one quantity.
        let mut seen = std::collections::HashMap::<&str, usize>::new();
        for row in &self.rows {
            if let Some(l) = row.label() {
                *seen.entry(l).or_default() += 1;
            }
        }
        let headers = self.headers();
        for (ri, row) in self.rows.iter().enumerate() {
            if row.is_header() || row.is_total() {
                continue;
            }
            // Key-value pairs within a row: `预算数：` then `60`. (The row's unit and its
            // count of figures are found once per row: per cell, a row of 100,000 columns
            // would take quadratic time.)
            let mut row_unit = None;
            for pair in row.cells.windows(2) {
                let (k, v) = (&pair[0], &pair[1]);
                let key = k.text.trim_end_matches(['：', ':']);
                if key.len() < k.text.len() && k.figure().is_none() && !key.is_empty() {
                    let unit = *row_unit.get_or_insert_with(|| self.row_unit(ri));
                    if let (Some(f), Some(unit)) = (v.figure(), unit) {
                        if matches!(doc.figures[f].q.unit, Unit::None) {
                            out.push(TableFact {
                                row_label: key,
                                column: "",
                                single_amount_column: true,
                                unit,
                                figure: f,
                                cell: v.range(),
                            });
                        }
                    }
                }
            }
            // A row named by one text cell, its figures named by their columns.
            let names: Vec<&Cell> = row
                .cells
                .iter()
                .filter(|c| c.figure().is_none() && !c.is_empty())
                .collect();
            if names.len() != 1
                || names[0].text.ends_with(['：', ':'])
                || seen.get(names[0].text).is_some_and(|&n| n > 1)
            {
                continue;
            }
            let Some(h) = headers[ri] else { continue };
            let amount_columns = row.cells.iter().filter(|c| c.figure().is_some()).count();
            for (ci, cell) in row.cells.iter().enumerate() {
                let Some(f) = cell.figure() else { continue };
                if !matches!(doc.figures[f].q.unit, Unit::None | Unit::Money(_)) {
                    continue;
                }
                let column = self.rows[h].cells[ci].text;
                let unit = match doc.figures[f].q.unit {
                    Unit::Money(m) => Some(m),
                    _ => self.unit_of(Some(h), ci),
                };
                if let Some(unit) = unit {
                    out.push(TableFact {
                        row_label: names[0].text,
                        column,
                        single_amount_column: amount_columns == 1,
                        unit,
                        figure: f,
                        cell: cell.range(),
                    });
                }
            }
        }
        out
    }

    /// A unit named in this row (`预算执行情况（万元）`) or for the whole table.
    fn row_unit(&self, r: usize) -> Option<Money> {
        self.rows[r]
            .cells
            .iter()
            .find_map(|c| unit_named(c.text))
            .or(self.unit)
    }
}

/// Lines of the text with their normalised ranges.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    text.split('\n').map(move |l| {
        let r = pos..pos + l.len();
        pos = r.end + 1;
        r
    })
}

/// Splits a line on tabs into trimmed cells.
fn cells_of(text: &str, line: Range<usize>) -> Vec<(&str, Range<usize>)> {
    // Counted first: grown by doubling, a row of 50,000 cells held up to twice its room.
    let mut out = Vec::with_capacity(text[line.clone()].matches('\t').count() + 1);
    let mut start = line.start;
    for part in text[line.clone()].split('\t') {
        let lead = part.len() - part.trim_start().len();
        let t = part.trim();
        out.push((t, start + lead..start + lead + t.len()));
        start += part.len() + 1;
    }
    out
}

/// Every table of the document.
pub fn tables<'a>(doc: &'a Document) -> Vec<Table<'a>> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut rows: Vec<Vec<(&str, Range<usize>)>> = Vec::new();
    // Cells of the row being built in the one-cell-per-line form.
    let mut open_row: Vec<(&str, Range<usize>)> = Vec::new();
    let mut blank_run = 0;
    let mut caption_unit: Option<Money> = None;
    let mut last_plain: Option<Range<usize>> = None;
    let flush_row = |open_row: &mut Vec<(&'a str, Range<usize>)>, rows: &mut Vec<Vec<_>>| {
        if !open_row.is_empty() {
            rows.push(std::mem::take(open_row));
        }
    };
    for line in lines(text) {
        let l = &text[line.clone()];
        if l.trim().is_empty() && !l.contains('\t') {
            flush_row(&mut open_row, &mut rows);
            blank_run += 1;
            if blank_run > 2 {
                finish(doc, &mut rows, caption_unit, &mut out);
            }
            continue;
        }
        blank_run = 0;
        let inner = l.trim_matches(|c: char| c == '\t' || c == ' ');
        let is_tsv_row = inner.contains('\t');
        let is_cell_line = l.starts_with('\t') && !is_tsv_row;
        // The next table's title (`公开03表\t支出决算表`) or unit line (`单位：万元`) ends
        // the table before it, however few blank lines stand between them.
        let opens_table = l.chars().count() <= 60 && {
            let joined: String = l.split('\t').map(str::trim).collect();
            !joined.is_empty()
                && (crate::read::grid::is_table_title(&joined)
                    || joined.starts_with("单位") && unit_named(&joined).is_some())
        };
        if opens_table {
            flush_row(&mut open_row, &mut rows);
            finish(doc, &mut rows, caption_unit, &mut out);
            last_plain = Some(line);
            continue;
        }
        if is_tsv_row {
            flush_row(&mut open_row, &mut rows);
            if rows.is_empty() {
                caption_unit = last_plain
                    .as_ref()
                    .and_then(|p| unit_named(&text[p.clone()]));
            }
            rows.push(cells_of(text, line));
        } else if is_cell_line {
            if rows.is_empty() && open_row.is_empty() {
                caption_unit = last_plain
                    .as_ref()
                    .and_then(|p| unit_named(&text[p.clone()]));
            }
            let cells = cells_of(text, line);
            open_row.extend(cells.into_iter().skip(1));
        } else {
            // A plain line: a caption (`(2020年度)`) between rows stays in the table only
            // if it is short and the table has started; anything else ends the table.
            flush_row(&mut open_row, &mut rows);
            if !rows.is_empty() && l.chars().count() > 20 {
                finish(doc, &mut rows, caption_unit, &mut out);
            }
            last_plain = Some(line);
        }
    }
    flush_row(&mut open_row, &mut rows);
    finish(doc, &mut rows, caption_unit, &mut out);
    out
}

fn finish<'a>(
    doc: &Document,
    rows: &mut Vec<Vec<(&'a str, Range<usize>)>>,
    caption_unit: Option<Money>,
    out: &mut Vec<Table<'a>>,
) {
    let raw = std::mem::take(rows);
    if raw.len() < 2 {
        return;
    }
    let rows: Vec<Row> = raw
        .into_iter()
        .map(|cells| {
            let mut cells: Vec<Cell> = cells
                .into_iter()
                .map(|(text, range)| {
                    let figure = figure_of(doc, &range).map(|f| f as u32);
                    Cell {
                        text,
                        start: range.start as u32,
                        figure,
                    }
                })
                .collect();
            // (Collected in place of the line's cells: those of the one-cell-per-line form
            // were grown by doubling, and a table is kept as long as the claims.)
            cells.shrink_to_fit();
            Row { cells }
        })
        .collect();
    let rows = without_codes(doc, rows);
    let start = rows[0].cells.first().map_or(0, |c| c.range().start);
    let end = rows
        .last()
        .and_then(|r| r.cells.last())
        .map_or(start, |c| c.range().end);
    let unit = caption_unit;
    let mut decimals: Vec<u32> = Vec::new();
    for row in &rows {
        for (ci, c) in row.cells.iter().enumerate() {
            if let Some(f) = c.figure() {
                if decimals.len() <= ci {
                    decimals.resize(ci + 1, 0);
                }
                decimals[ci] = decimals[ci].max(doc.figures[f].q.decimals);
            }
        }
    }
    out.push(Table {
        rows,
        unit,
        range: start..end,
        decimals,
    });
}

/// Classification codes (`2040501 | 行政运行 | 14,857.61`, a `科目代码` column) are names,
/// not amounts: a column sum or a fact must never take them for figures.
fn without_codes<'a>(doc: &Document, mut rows: Vec<Row<'a>>) -> Vec<Row<'a>> {
    let is_code_header = |t: &str| {
        ["代码", "编码", "编号", "序号"]
            .iter()
            .any(|w| t.contains(w))
    };
    let mut code_cols: Vec<usize> = Vec::new();
    for row in &mut rows {
        if row.is_header() {
            code_cols = (0..row.cells.len())
                .filter(|&c| is_code_header(row.cells[c].text))
                .collect();
            continue;
        }
        for &c in &code_cols {
            if let Some(cell) = row.cells.get_mut(c) {
                cell.not_a_figure();
            }
        }
        // A leading whole number of 3–7 digits followed by a name is a code.
        let looks_code = |cell: &Cell| {
            cell.figure().is_some_and(|f| {
                let q = &doc.figures[f].q;
                q.decimals == 0
                    && matches!(q.unit, Unit::None)
                    && (3..=7).contains(&cell.text.len())
                    && cell.text.bytes().all(|b| b.is_ascii_digit())
            })
        };
        let named_next = row
            .cells
            .get(1)
            .is_some_and(|c| c.figure().is_none() && !c.is_empty());
        if named_next && row.cells.first().is_some_and(looks_code) {
            row.cells[0].not_a_figure();
        }
    }
    rows
}

/// The figure that is the whole cell (`2,613,704.45`, `100.00%`, `5.00`), if any.
fn figure_of(doc: &Document, cell: &Range<usize>) -> Option<usize> {
    if cell.is_empty() {
        return None;
    }
    let i = crate::read::document::first_figure_at(doc, cell.start);
    let f = doc.figures.get(i)?;
    (f.q.start == cell.start && f.q.end == cell.end && f.q.is_operand()).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<Vec<usize>> {
        let doc = Document::read(text);
        tables(&doc)
            .iter()
            .map(|t| t.rows.iter().map(|r| r.cells.len()).collect())
            .collect()
    }

    #[test]
    fn headers_in_one_pass_agree_with_header_of() {
        for text in [
            "项目\t金额\n甲\t1\n名称\t数\t率\n乙\t2\t3%\n丙\t4\n合计\t7\n",
            // Headers of 3, 2, 4, 2 and 3 cells: the 4-cell one ends the reach of the others.
            "项目\t数\t率\n甲\t1\t2%\n名称\t金额\n乙\t2\n一\t二\t三\t四\n丙\t3\t4%\n丁\t5\n子\t丑\n戊\t6\n寅\t卯\t辰\n己\t7\t8%\n庚\t9\n",
        ] {
            let doc = Document::read(text);
            let ts = tables(&doc);
            assert!(!ts.is_empty());
            for t in ts {
                for (r, h) in t.headers().into_iter().enumerate() {
                    assert_eq!(h, t.header_of(r), "{text}: row {r}");
                }
            }
        }
    }

    #[test]
    fn tsv_rows() {
        let t = "表1\n项目\t年初预算数（元）\t决算数（元）\n一般公共服务支出\t0.00\t738,259.25\n总计（元）\t6632979.40\t18622330.15\n\n后文。";
        assert_eq!(shape(t), [[3, 3, 3]]);
        let doc = Document::read(t);
        let tb = &tables(&doc)[0];
        assert!(tb.rows[0].is_header());
        assert!(tb.rows[2].is_total());
        assert_eq!(tb.unit_of(Some(0), 2), Some(Money::Yuan));
    }

    #[test]
    fn one_cell_per_line() {
        let t = "\t年度主要任务\n\t对应项目\n\t项目执行率\n\n\t\n\t人员经费\n\t100.00%\n\n\t\n\t公用经费\n\t99.94%\n\n正文继续，这是一个很长的句子，用来结束表格。";
        assert_eq!(shape(t), [[3, 3, 3]]);
    }

    #[test]
    fn key_value_facts_take_the_row_unit() {
        let t = "\t预算执行情况（万元）\n\t预算数：\n\t60\n\t执行数：\n\t31\n\n\t\n\t其中-财政拨款：\n\t60\n";
        let doc = Document::read(t);
        let tb = &tables(&doc)[0];
        let facts: Vec<(String, String)> = tb
            .facts(&doc)
            .iter()
            .map(|f| {
                (
                    f.row_label.to_string(),
                    doc.text()[f.cell.clone()].to_string(),
                )
            })
            .collect();
        assert_eq!(
            facts[..2],
            [
                ("预算数".into(), "60".into()),
                ("执行数".into(), "31".into())
            ]
        );
    }
}
