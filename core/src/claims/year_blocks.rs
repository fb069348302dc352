//! Tables that set a previous year, the current year and their change side by side, each
//! with the same columns (`2019年 | 2020年 | 增减变化情况`, the 三公 table of many 部门预算):
//! the row that states a narrative's current figure also states its previous year and its
//! change.
//!
//! The blocks are known by their arithmetic, not by the header (which a PDF's text scatters
//! over many lines): a row of 3k amounts whose last k are, column by column, exactly the middle
//! k minus the first k. A laid-out table's every such row is read, its first row (its 合计,
//! or the one unit's row) marked: that is the one a narrative speaks of; a table copied one
//! cell per line gives its first row only. The table's title names its topic in quotes
//! (`“三公”经费`): a narrative figure is looked up only in a section about the same topic, as
//! a figure elsewhere may equal one of the table's by chance (the 项 `培训支出 109.6` and the
//! table's 培训费 109.6 have different previous years).

use crate::read::document::Document;
use crate::read::grid::Grid;
use crate::read::quantity::{Money, Unit};
use rust_decimal::Decimal;

/// One amount of a table row, with the sign the text writes before it (`-89.44`).
#[derive(Debug, Clone, Copy)]
pub struct Signed {
    /// Index into `Document::figures`; None for a cell a laid-out row leaves empty (zero).
    pub figure: Option<usize>,
    /// The value in yuan.
    pub yuan: Decimal,
}

/// A row of previous-year, current-year and change columns.
#[derive(Debug, Clone)]
pub struct YearRow {
    /// What the table's title quotes (`三公` in `…“三公”经费预算表`).
    pub topic: String,
    /// The table's money unit (`单位：元`), in which its cells are written.
    pub unit: Money,
    /// The table's first row (its 合计, or the one unit's row): the one a narrative speaks
    /// of. The rows below it are read for the table's own arithmetic.
    pub first: bool,
    /// Which table of the text the row is in (rows of one table are consecutive).
    pub table: usize,
    pub previous: Vec<Signed>,
    pub current: Vec<Signed>,
    pub change: Vec<Signed>,
}

/// How far above a table's first row its `单位：万元` line may stand (a wrapped header of
/// many lines sits between).
const HEADER_BYTES: usize = 6000;

pub fn extract(doc: &Document, grids: &[Grid]) -> Vec<YearRow> {
    let mut rows: Vec<YearRow> = Vec::new();
    for (t, g) in grids.iter().enumerate() {
        rows.extend(
            year_rows(doc, g)
                .into_iter()
                .map(|r| YearRow { table: t, ..r }),
        );
    }
    let taken: std::collections::HashSet<usize> = rows
        .iter()
        .flat_map(|r| r.current.iter().filter_map(|c| c.figure))
        .collect();
    // (A run copied one cell per line is a table of its own.)
    let runs = cell_runs(doc).into_iter().filter(|table| {
        !table
            .iter()
            .flat_map(|r| &r.current)
            .any(|c| c.figure.is_some_and(|f| taken.contains(&f)))
    });
    for (i, table) in runs.enumerate() {
        rows.extend(table.into_iter().map(|r| YearRow {
            table: grids.len() + i,
            ..r
        }));
    }
    rows
}

/// How many amounts of a one-cell-per-line table are tried as its first row: up to 20
/// columns a year.
const MAX_COLUMNS: usize = 20;

/// The same tables copied one cell per line (a PDF viewer's copy): the header's words come
/// scattered over many lines (the rows' names among them), then the rows' amounts one or a
/// few to a line. After a title that quotes a topic and a `单位：` line, the first run of at
/// least six lines of amounts only holds the rows: its first row when exactly one width k
/// makes its first 3k amounts previous, current and change, and the rows after it, 3k
/// amounts each, as long as each is such blocks. One table's rows per title.
fn cell_runs(doc: &Document) -> Vec<Vec<YearRow>> {
    let text = doc.text();
    let mut found = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if !is_title(line) {
            continue;
        }
        let Some(topic) = quoted_topic(line) else {
            continue;
        };
        // (A PDF viewer's copy may run the title on into its unit: `…预算表单位：万元2019年`.)
        let unit = crate::read::table::unit_named(line);
        let table = run_after(doc, start + line.len(), topic, unit);
        if !table.is_empty() {
            found.push(table);
        }
    }
    found
}

/// A table's title (`…“三公”经费预算表`, `…预算表（表13）`, `…预算表单位：万元`: the title
/// may run on into its unit).
fn is_title(line: &str) -> bool {
    crate::read::grid::is_table_title(line) || line.contains("表（") || line.contains("表单位")
}

/// What a title quotes: `三公` of `…“三公”经费预算表`.
fn quoted_topic(title: &str) -> Option<String> {
    let quoted = title.split_once('“')?.1.split_once('”')?.0;
    (!quoted.is_empty()).then(|| quoted.to_string())
}

/// How many amounts a one-cell-per-line run is read to: more rows than a page of the table
/// holds, so that a run of numbers without end costs a bounded amount.
const MAX_RUN: usize = 3 * MAX_COLUMNS * 60;

/// The year rows in the first run of amount-only lines after a title ending at `from`.
fn run_after(doc: &Document, from: usize, topic: String, mut unit: Option<Money>) -> Vec<YearRow> {
    let text = doc.text();
    let end = crate::read::document::floor_char(text, (from + HEADER_BYTES).min(text.len()));
    let mut run: Vec<Signed> = Vec::new();
    let mut at = from;
    for line in text[from..].split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim();
        if start >= end && run.is_empty() {
            // (Each title's search for its run ends within its header's reach, and the run
            // itself at MAX_RUN, so the searches stay linear.)
            break;
        }
        // (A page's number, where the table runs over a page, is no cell.)
        if body.is_empty() || crate::read::segment::is_page_number(body) {
            continue;
        }
        match amounts_only(doc, start, line) {
            Some(cells) => {
                run.extend(cells);
                if run.len() >= MAX_RUN {
                    break;
                }
            }
            // Words end a run: a long one is the row, a short one a stray header number.
            None if run.len() >= 6 => break,
            None => {
                if body.ends_with('。') || is_title(body) {
                    return Vec::new();
                }
                run.clear();
                unit = unit.or_else(|| crate::read::table::unit_named(body));
            }
        }
    }
    let (Some(unit), true) = (unit, run.len() >= 6) else {
        return Vec::new();
    };
    let Some(k) = only_width(run.len(), |k| &run[..3 * k]) else {
        return Vec::new();
    };
    let mut rows: Vec<YearRow> = run
        .chunks_exact(3 * k)
        .map_while(|row| year_row_of(row, unit, topic.clone()))
        .collect();
    for r in rows.iter_mut().skip(1) {
        r.first = false;
    }
    rows
}

/// The figures of a line that holds amounts and nothing else (`-89.44`, `54,000.00 197,400.00`),
/// signed as written, in the text's own unit; None for any other line.
fn amounts_only(doc: &Document, start: usize, line: &str) -> Option<Vec<Signed>> {
    // A negative amount may stand against the one before it (`0.00-14900.00`, as the
    // normaliser closes the space of a PDF's `0.00 -14,900.00`): each sign starts an amount.
    let amounts = line
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '－' | '−'))
        .filter(|t| !t.is_empty());
    let tokens = amounts.clone().count();
    // (A sign stands right before its digits: `- 2 -` is a page number, not two amounts.)
    let signs_bound = line
        .char_indices()
        .filter(|(_, c)| matches!(c, '-' | '－' | '−'))
        .all(|(i, c)| line[i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()));
    let numeric = signs_bound
        && amounts.clone().all(|t| {
            t.starts_with(|c: char| c.is_ascii_digit())
                && t.chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        });
    if tokens == 0 || !numeric {
        return None;
    }
    let cells = signed_figures(doc, start..start + line.len())?;
    (cells.len() == tokens).then_some(cells)
}

/// The one width k whose 3k amounts (`cells(k)` of `n`) are [`blocks`]; None when none is,
/// or several are.
fn only_width<'c>(n: usize, cells: impl Fn(usize) -> &'c [Signed]) -> Option<usize> {
    let mut widths = (2..=MAX_COLUMNS).filter(|&k| 3 * k <= n && blocks(cells(k)));
    match (widths.next(), widths.next()) {
        (Some(k), None) => Some(k),
        _ => None,
    }
}

/// Whether 3k amounts are k previous, k current and k changes: each change exactly the
/// current less the previous, and at least two of them not zero.
fn blocks(cells: &[Signed]) -> bool {
    let k = cells.len() / 3;
    let (previous, rest) = cells.split_at(k);
    let (current, change) = rest.split_at(k);
    (0..k).all(|c| current[c].yuan - previous[c].yuan == change[c].yuan)
        && change.iter().filter(|c| !c.yuan.is_zero()).count() >= 2
}

/// Every row of a laid-out table whose amounts are a year row, the first one marked.
///
/// A row that leaves cells empty has fewer amounts than the blocks' 3k; it is read by where
/// its amounts end, against the table's fullest year row above it (its first, usually the
/// 合计 with every column filled): each amount must end within [`ALIGN_SLACK`] places of one
/// column of that row, in order, and the cells it leaves are zero. The row is taken only
/// when so placed its amounts are blocks again: each change its current less its previous.
fn year_rows(doc: &Document, g: &Grid) -> Vec<YearRow> {
    if g.columns < 6 {
        return Vec::new();
    }
    // The header is looked for once a row's amounts are blocks: most tables have none, and
    // the search reaches thousands of bytes up.
    let mut header: Option<Option<(Money, String)>> = None;
    // (A header's stray numbers, or a row's empty code cell, do not matter: only rows whose
    // amounts are blocks are taken.)
    let mut out: Vec<YearRow> = Vec::new();
    // The first row of six amounts or more is the table's first row, year row or not.
    let mut first = true;
    // Where the fullest year row's 3k amounts end, to place a row's amounts by.
    let mut template: Option<Vec<Ends>> = None;
    for row in &g.rows {
        // The amounts on the row's line; a code before the name (`242`) comes first, so the
        // blocks are the last 3k amounts, for the one width k that makes them blocks. (Not the
        // grid's own columns: a PDF's spacing may merge or split them.)
        let Some(amounts) = signed_figures(doc, row.line.clone()) else {
            continue;
        };
        if amounts.len() < 3 {
            continue;
        }
        let is_first = amounts.len() >= 6 && std::mem::replace(&mut first, false);
        // (A row of blank cells may still read as narrower blocks by itself, `6.00 2.00 2.00
        // 4.00 | 8.00 …`: under a wider year row, its place in that row's columns comes first.)
        let own = only_width(amounts.len(), |k| &amounts[amounts.len() - 3 * k..]);
        let under = template
            .as_deref()
            .filter(|t| own.is_none_or(|k| 3 * k < t.len()))
            .and_then(|t| placed(doc, row, &amounts, t));
        let cells: Vec<Signed> = match (under, own) {
            (Some(cells), _) => cells,
            (None, Some(k)) => {
                let cells = amounts[amounts.len() - 3 * k..].to_vec();
                if template.as_ref().is_none_or(|t| t.len() < cells.len()) {
                    template = Some(cells.iter().map(|c| ends(doc, row, c)).collect());
                }
                cells
            }
            (None, None) => continue,
        };
        let found = header
            .get_or_insert_with(|| g.rows.first().and_then(|r| header_above(doc, r.line.start)));
        let Some((unit, topic)) = found.clone() else {
            return Vec::new();
        };
        if let Some(mut r) = year_row_of(&cells, unit, topic) {
            r.first = is_first;
            out.push(r);
        }
    }
    out
}

/// How many places an amount may end from its column in the template row: pdftotext places
/// a row's amounts up to a few places apart from the row above's where the columns crowd.
const ALIGN_SLACK: usize = 4;

/// How far back the spaces before a row's first word are looked through.
const LINE_BYTES: usize = 1024;

/// Where an amount ends on its line: in characters and in display width (a CJK character
/// two places), as a text may be laid out by either.
#[derive(Debug, Clone, Copy)]
struct Ends {
    chars: usize,
    width: usize,
}

fn ends(doc: &Document, row: &crate::read::grid::GridRow, cell: &Signed) -> Ends {
    let Some(f) = cell.figure else {
        return Ends { chars: 0, width: 0 };
    };
    // (From the line's own start in the original: the row's range starts at its first word,
    // after the spaces that place it.)
    let line = doc.span(row.line.clone());
    let floor =
        crate::read::document::floor_char(doc.original, line.start.saturating_sub(LINE_BYTES));
    let start = doc.original[floor..line.start]
        .rfind('\n')
        .map_or(floor, |i| floor + i + 1);
    let end = doc.figure_span(&doc.figures[f]).end;
    let before = doc.original.get(start..end).unwrap_or_default();
    Ends {
        chars: before.chars().count(),
        width: crate::read::grid::display_width(before),
    }
}

/// A row's amounts placed in the template's columns by where they end (by characters, or
/// else by display width), the columns it leaves zero: in order, each within
/// [`ALIGN_SLACK`] of its column, the placing that puts them nearest; None when there is
/// none, or the three 合计s are not all written. (Amounts left of the table's first column
/// are a code.)
fn placed(
    doc: &Document,
    row: &crate::read::grid::GridRow,
    amounts: &[Signed],
    template: &[Ends],
) -> Option<Vec<Signed>> {
    let at: Vec<Ends> = amounts.iter().map(|a| ends(doc, row, a)).collect();
    let by = |pick: fn(Ends) -> usize| -> Option<Vec<Signed>> {
        let columns: Vec<usize> = template.iter().map(|&e| pick(e)).collect();
        let (cells, ends): (Vec<Signed>, Vec<usize>) = amounts
            .iter()
            .zip(&at)
            .map(|(a, &e)| (*a, pick(e)))
            .filter(|&(_, end)| end + ALIGN_SLACK >= columns[0])
            .unzip();
        let slots = nearest_placing(&ends, &columns)?;
        let mut row = vec![
            Signed {
                figure: None,
                yuan: Decimal::ZERO,
            };
            columns.len()
        ];
        for (cell, slot) in cells.into_iter().zip(slots) {
            row[slot] = cell;
        }
        let k = columns.len() / 3;
        [0, k, 2 * k]
            .iter()
            .all(|&c| row[c].figure.is_some())
            .then_some(row)
    };
    by(|e| e.chars)
        .filter(|c| blocks(c))
        .or_else(|| by(|e| e.width).filter(|c| blocks(c)))
}

/// The increasing placing of `ends` in `columns`, each within [`ALIGN_SLACK`], that is
/// nearest in all (the least sum of distances), by dynamic programming over (amount, column):
/// a few dozen of each.
fn nearest_placing(ends: &[usize], columns: &[usize]) -> Option<Vec<usize>> {
    let (n, m) = (ends.len(), columns.len());
    if n > m {
        return None;
    }
    const NONE: usize = usize::MAX;
    // best[i][j]: the least cost of placing the first i amounts in the first j columns.
    let mut best = vec![vec![NONE; m + 1]; n + 1];
    best[0].fill(0);
    for i in 1..=n {
        for j in i..=m {
            let skip = best[i][j - 1];
            let d = ends[i - 1].abs_diff(columns[j - 1]);
            let take = if d <= ALIGN_SLACK && best[i - 1][j - 1] != NONE {
                best[i - 1][j - 1] + d
            } else {
                NONE
            };
            best[i][j] = skip.min(take);
        }
    }
    if best[n][m] == NONE {
        return None;
    }
    // Back from the end: amount i sits in column j where taking it gave the cost.
    let mut slots = vec![0; n];
    let (mut i, mut j) = (n, m);
    while i > 0 {
        let d = ends[i - 1].abs_diff(columns[j - 1]);
        if d <= ALIGN_SLACK && best[i - 1][j - 1] != NONE && best[i - 1][j - 1] + d == best[i][j] {
            slots[i - 1] = j - 1;
            i -= 1;
        }
        j -= 1;
    }
    Some(slots)
}

/// The amounts of `range`, signed as written (`-89.44`), in the text's own numbers; None when
/// one has a unit or is approximate (no table cell).
fn signed_figures(doc: &Document, range: std::ops::Range<usize>) -> Option<Vec<Signed>> {
    let text = doc.text();
    let first = doc.figures.partition_point(|f| f.q.start < range.start);
    let mut cells = Vec::new();
    for (i, f) in doc.figures[first..].iter().enumerate() {
        if f.q.start >= range.end {
            break;
        }
        if f.q.unit != Unit::None || f.q.approx {
            return None;
        }
        let negative = text[..f.q.start].ends_with(['-', '－', '−']);
        cells.push(Signed {
            figure: Some(first + i),
            yuan: if negative { -f.q.value } else { f.q.value },
        });
    }
    Some(cells)
}

/// 3k amounts as last year, this year and their change, in yuan, when [`blocks`] holds.
fn year_row_of(cells: &[Signed], unit: Money, topic: String) -> Option<YearRow> {
    if !blocks(cells) {
        return None;
    }
    let k = cells.len() / 3;
    let yuan = cells
        .iter()
        .map(|c| {
            Some(Signed {
                figure: c.figure,
                yuan: c.yuan.checked_mul(unit.scale())?,
            })
        })
        .collect::<Option<Vec<Signed>>>()?;
    Some(YearRow {
        topic,
        unit,
        first: true,
        table: 0,
        previous: yuan[..k].to_vec(),
        current: yuan[k..2 * k].to_vec(),
        change: yuan[2 * k..].to_vec(),
    })
}

/// The money unit the header above `at` names and the topic its title quotes, when no prose
/// lies between.
fn header_above(doc: &Document, at: usize) -> Option<(Money, String)> {
    let text = doc.text();
    let from = crate::read::document::floor_char(text, at.saturating_sub(HEADER_BYTES));
    let mut unit = None;
    for line in text[from..at].rsplit('\n') {
        if line.trim_end().ends_with('。') {
            return None;
        }
        unit = unit.or_else(|| crate::read::table::unit_named(line));
        if is_title(line) {
            return Some((unit?, quoted_topic(line)?));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<YearRow> {
        let doc = Document::read(text);
        extract(&doc, &crate::read::grid::grids(&doc))
    }

    fn table(first: &str) -> String {
        let header = "表13 “三公”经费预算表\n单位：万元\n";
        let line = |name: &str, cells: &str| format!("{name:<12}{cells}\n");
        format!(
            "{header}{}{}{}{}{}",
            line("合计", first),
            line(
                "甲单位",
                "   10.00    4.00    6.00    8.00    3.00    5.00   -2.00   -1.00   -1.00"
            ),
            line(
                "乙单位",
                "    5.00    2.00    3.00    4.00    2.00    2.00   -1.00    0.00   -1.00"
            ),
            line(
                "丙单位",
                "    6.00    3.00    3.00    5.00    2.00    3.00   -1.00   -1.00    0.00"
            ),
            line(
                "丁单位",
                "    5.00    1.00    4.00    4.00    1.00    3.00   -1.00    0.00   -1.00"
            ),
        )
    }

    #[test]
    fn previous_current_and_change_blocks_by_their_arithmetic() {
        let found = rows(&table(
            "   26.00   10.00   16.00   21.00    8.00   13.00   -5.00   -2.00   -3.00",
        ));
        // Every unit's row is read, the 合计 first.
        assert_eq!(found.len(), 5);
        assert_eq!(found.iter().filter(|r| r.first).count(), 1);
        let r = &found[0];
        assert!(r.first);
        let wan = |v: &str| v.parse::<Decimal>().unwrap() * Decimal::from(10_000);
        assert_eq!(r.current[0].yuan, wan("21.00"));
        assert_eq!(r.previous[0].yuan, wan("26.00"));
        assert_eq!(r.change[2].yuan, wan("-3.00"));
    }

    #[test]
    fn a_row_whose_last_third_is_not_the_difference_is_no_year_row() {
        // Nine columns of one year (合计, 小计, …): no change block. The units' rows below
        // are read, none of them taken for the table's first row.
        let found = rows(&table(
            "   26.00   10.00   16.00   21.00    8.00   13.00    5.00    2.00    3.00",
        ));
        let wan = |v: &str| v.parse::<Decimal>().unwrap() * Decimal::from(10_000);
        assert_eq!(found.len(), 4);
        assert!(found
            .iter()
            .all(|r| r.previous[0].yuan != wan("26.00") && !r.first));
    }

    #[test]
    fn cells_one_per_line_with_a_sign_against_the_amount_before_and_a_page_number() {
        // A PDF viewer's copy: `0.00 -14.90` arrives as `0.00-14.90`, and the table runs over
        // a page whose number stands among its cells.
        let t = "表13 “三公”经费预算表\n单位：万元\n2023年\n2024年\n增减\n合计\n接待费\n车辆费\n\n\
26.00 10.00\n\n- 25 -\n\n16.00 21.00 8.00\n\n13.00\n\n-5.00-2.00-3.00\n\n一、说明\n";
        let found = rows(t);
        assert_eq!(found.len(), 1, "{t}");
        assert_eq!(found[0].change.len(), 3);
        assert_eq!(found[0].change[1].yuan, Decimal::from(-20_000));
    }
}
