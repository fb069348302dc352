//! The sums a table states: 合计/总计/小计 rows, a grouped 合计 column, a classification
//! code and its children (in rebuilt tables and in tables laid out with spaces); and what a
//! rebuilt table's row states across its columns: 执行率 = 执行数 ÷ 预算数, 得分 ≤ 分值. The
//! `table` rule checks them.

use super::sum::{Marker, SumClaim};
use super::table_levels::{
    children, is_code, is_group_row, is_year_total, is_year_total_label, label_unit, named,
    names_left, top_level, unsummed_columns, Numbering,
};
use super::BoundSum;
use crate::read::document::Document;
use crate::read::quantity::Unit;
use crate::read::table::Table;
use rust_decimal::Decimal;

/// The sums of the tables: per table of `Claims::tables`, in the order the rule checks them;
/// then those of tables laid out with spaces. With them, per table, the claims of its rows'
/// rate and score columns.
#[derive(Default)]
pub struct TableSums {
    pub per_table: Vec<Vec<BoundSum>>,
    pub laid_out: Vec<SumClaim>,
    /// Per table of `Claims::tables`, in row order (a row's rates left to right, then its
    /// score).
    pub row_claims: Vec<Vec<RowClaim>>,
}

/// What a rebuilt table's row states across its columns, by figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowClaim {
    /// A 执行率 or 完成率 column's percentage is the row's actual amount over its budget.
    Rate {
        actual: usize,
        budget: usize,
        rate: usize,
    },
    /// A 得分 column's score is at most the 分值 (权重, 标准分) column's.
    Score { score: usize, max: usize },
}

pub fn extract(doc: &Document, tables: &[Table]) -> TableSums {
    let per_table = tables
        .iter()
        .map(|t| {
            let mut out = Vec::new();
            // (Which columns add up is read once per table, for both.)
            let unsummed = unsummed_columns(t);
            total_rows(doc, t, &unsummed, &mut out);
            group_subtotals(doc, t, &unsummed, &mut out);
            grouped_total_column(doc, t, &unsummed, &mut out);
            code_hierarchy(doc, t, &mut out);
            code_columns(doc, t, &unsummed, &mut out);
            out
        })
        .collect();
    let mut laid_out = Vec::new();
    laid_out_code_rows(doc, &mut laid_out);
    TableSums {
        per_table,
        laid_out,
        row_claims: tables.iter().map(|t| rates_and_scores(doc, t)).collect(),
    }
}

/// How many columns before a rate column its budget and actual columns may stand.
const RATE_REACH: usize = 16;

const BUDGET_WORDS: &[&str] = &["预算", "下达", "计划", "批复", "安排", "年初", "全年"];
const ACTUAL_WORDS: &[&str] = &["执行", "完成", "实际", "决算", "支出"];

/// The rate and score claims of a table's rows, bound by their headers: a rate column
/// (`执行率`, `完成率`) to the nearest budget and actual columns before it; a `得分` column
/// to the `分值` (`权重`, `标准分`) column.
fn rates_and_scores(doc: &Document, t: &Table) -> Vec<RowClaim> {
    let mut out = Vec::new();
    let headers = t.headers();
    for (ri, row) in t.rows.iter().enumerate() {
        if row.is_header() {
            continue;
        }
        let Some(h) = headers[ri] else { continue };
        let head = |c: usize| t.cell_text(h, c);
        let n = row.cells.len();
        for r in 0..n {
            let hr = head(r);
            if !(hr.contains("执行率") || hr.contains("完成率")) {
                continue;
            }
            let Some(rate) = row.cells[r]
                .figure()
                .filter(|&f| doc.figures[f].q.unit == Unit::Percent)
            else {
                continue;
            };
            let is_amount_col = |c: usize, words: &[&str]| {
                let x = head(c);
                !x.contains('率') && words.iter().any(|w| x.contains(w))
            };
            // `全年执行数` is no budget though it says 全年. (Both searches look back at most
            // `RATE_REACH` columns, so that a row of many rate columns stays linear.)
            let reach = r.saturating_sub(RATE_REACH)..r;
            let Some(b) = reach.clone().rev().find(|&c| {
                is_amount_col(c, BUDGET_WORDS) && !is_amount_col(c, &["执行", "实际", "决算"])
            }) else {
                continue;
            };
            let Some(a) = reach.rev().find(|&c| {
                c != b
                    && is_amount_col(c, ACTUAL_WORDS)
                    && !is_amount_col(c, &["预算", "下达", "计划"])
            }) else {
                continue;
            };
            let (Some(actual), Some(budget)) = (row.cells[a].figure(), row.cells[b].figure())
            else {
                continue;
            };
            out.push(RowClaim::Rate {
                actual,
                budget,
                rate,
            });
        }
        // 得分 ≤ 分值 (or 权重).
        let score = (0..n).find(|&c| head(c).trim() == "得分" || head(c).contains("指标得分"));
        let max = (0..n).find(|&c| {
            let x = head(c);
            x.contains("分值") || x.contains("权重") || x.contains("标准分")
        });
        if let (Some(s), Some(m)) = (score, max) {
            if let (Some(score), Some(max)) = (row.cells[s].figure(), row.cells[m].figure()) {
                out.push(RowClaim::Score { score, max });
            }
        }
    }
    out
}

/// One row of a table laid out with spaces that starts with a classification code: the code
/// and the amounts after its name, in column order.
struct CodeRow<'t> {
    code: &'t str,
    /// (figure, column of its last character in its line as laid out).
    amounts: Vec<(usize, usize)>,
    /// A table line without a code came right after this row (a wrapped name, amounts on a
    /// line of their own): its children may not all be read.
    broken_after: bool,
}

/// The character column, in its line of the original text, where a figure ends: laid-out
/// columns align by it.
fn column_of(doc: &Document, f: usize) -> usize {
    let span = doc.figure_span(&doc.figures[f]);
    let line_start = doc.original[..span.start].rfind('\n').map_or(0, |i| i + 1);
    doc.original[line_start..span.end].chars().count()
}

/// Tables laid out with spaces (`pdftotext -layout`) whose rows start with a classification
/// code (`301 工资福利支出 911.21 911.21 …`, `30101 基本工资 297.50 …`): each code's amounts
/// are, column by column, the sums of its children's (two more digits). Columns are matched
/// by position among the amounts, so a parent is checked only against children with as many
/// amounts as it has (an empty cell would shift the columns). A block of rows ends at a
/// paragraph of prose or where a code comes again (the next table).
fn laid_out_code_rows(doc: &Document, out: &mut Vec<SumClaim>) {
    let text = doc.text();
    let mut block: Vec<CodeRow> = Vec::new();
    let mut codes: std::collections::HashSet<&str> = Default::default();
    // Where the header above names a rate (`完成率（%）`, `增减率`): those columns add up to
    // nothing, as character columns of the original line.
    let mut rate_columns: Vec<RateColumn> = Vec::new();
    let mut fi = 0;
    for p in &doc.paragraphs {
        let body = &text[p.range.clone()];
        if !p.is_table_cell {
            // Short lines (a page number, a header, a title) do not end a table.
            if body.chars().count() > 40 {
                check_code_block(doc, &block, &rate_columns, out);
                block.clear();
                codes.clear();
                rate_columns.clear();
            } else {
                // (A short line between header and rows: `（%）` under `完成率`.)
                rate_columns.extend(rate_words_at(doc, p.range.clone()));
            }
            continue;
        }
        while fi < doc.figures.len() && doc.figures[fi].q.start < p.range.start {
            fi += 1;
        }
        let first = fi;
        while fi < doc.figures.len() && doc.figures[fi].q.start < p.range.end {
            fi += 1;
        }
        let figs = first..fi;
        // The code: a 3-, 5- or 7-digit whole number starting the row, a name right after.
        let Some(c) = figs.clone().next() else {
            if let Some(last) = block.last_mut() {
                last.broken_after = true;
            }
            // (A header row laid out as the table is.)
            rate_columns.extend(rate_words_at(doc, p.range.clone()));
            continue;
        };
        let code_fig = &doc.figures[c];
        let code = &text[code_fig.q.start..code_fig.q.end];
        let is_code = code_fig.q.start == p.range.start
            && matches!(code.len(), 3 | 5 | 7)
            && code.bytes().all(|b| b.is_ascii_digit())
            && text[code_fig.q.end..]
                .starts_with(|ch: char| !ch.is_ascii_digit() && !ch.is_whitespace());
        if !is_code {
            if let Some(last) = block.last_mut() {
                last.broken_after = true;
            }
            rate_columns.extend(rate_words_at(doc, p.range.clone()));
            continue;
        }
        // A second code on the line (`301工资福利支出 335.50 302商品和服务支出 71.25`: a table
        // of two halves) starts the other half: its rows nest by their own codes, so only
        // this half's amounts are the row's.
        let amounts: Vec<(usize, usize)> = figs
            .skip(1)
            .take_while(|&i| {
                let f = &doc.figures[i];
                let t = &text[f.q.start..f.q.end];
                !(matches!(t.len(), 3 | 5 | 7)
                    && t.bytes().all(|b| b.is_ascii_digit())
                    && text[f.q.end..].starts_with(|ch: char| !ch.is_ascii() && ch.is_alphabetic()))
            })
            .filter(|&i| matches!(doc.figures[i].q.unit, Unit::None | Unit::Money(_)))
            .map(|i| (i, column_of(doc, i)))
            .collect();
        if amounts.is_empty() {
            if let Some(last) = block.last_mut() {
                last.broken_after = true;
            }
            continue;
        }
        if !codes.insert(code) {
            check_code_block(doc, &block, &rate_columns, out);
            block.clear();
            codes.clear();
            codes.insert(code);
        }
        block.push(CodeRow {
            code,
            amounts,
            broken_after: false,
        });
    }
    check_code_block(doc, &block, &rate_columns, out);
}

/// The character columns of a header line's rate words (`完成率（%）`, `增减率`, `占比`), in
/// the original line (as [`column_of`] counts them), widened a little: a right-aligned rate
/// ends under its header's end or a few characters after it.
/// (Twice: by characters, as `pdftotext -layout` lays a line out, and by display width, a
/// CJK character two, as a table typed to look aligned is.)
fn rate_words_at(doc: &Document, range: std::ops::Range<usize>) -> Vec<RateColumn> {
    // A header line is short: a longer paragraph, or one whose line starts far before it, is
    // prose (and walking back to its line's start from each would be quadratic).
    const HEADER_BYTES: usize = 600;
    let names_a_rate = |c: char| matches!(c, '率' | '%' | '％' | '占' | '比' | '进');
    if range.len() > HEADER_BYTES || !doc.text()[range.clone()].contains(names_a_rate) {
        return Vec::new();
    }
    let span = doc.span(range);
    let floor =
        crate::read::document::floor_char(doc.original, span.start.saturating_sub(HEADER_BYTES));
    let Some(line_start) = doc.original[floor..span.start]
        .rfind('\n')
        .map(|i| floor + i + 1)
        .or((floor == 0).then_some(0))
    else {
        return Vec::new();
    };
    let line = &doc.original[line_start..span.end];
    crate::read::grid::rate_words(line)
        .map(|(start, end)| RateColumn {
            chars: start.chars.saturating_sub(4)..end.chars + 4,
            width: start.width.saturating_sub(4)..end.width + 4,
        })
        .collect()
}

/// A header's rate word's place, by characters and by display width.
struct RateColumn {
    chars: std::ops::Range<usize>,
    width: std::ops::Range<usize>,
}

/// Whether figure `f` stands under one of the rate words.
fn under_rate_word(doc: &Document, f: usize, rate_columns: &[RateColumn]) -> bool {
    if rate_columns.is_empty() {
        return false;
    }
    let span = doc.figure_span(&doc.figures[f]);
    let floor = crate::read::document::floor_char(doc.original, span.start.saturating_sub(2000));
    let line_start = doc.original[floor..span.start]
        .rfind('\n')
        .map_or(floor, |i| floor + i + 1);
    let at = crate::read::grid::End::after(&doc.original[line_start..span.end]);
    rate_columns
        .iter()
        .any(|r| r.chars.contains(&at.chars) || r.width.contains(&at.width))
}

fn check_code_block(
    doc: &Document,
    block: &[CodeRow],
    rate_columns: &[RateColumn],
    out: &mut Vec<SumClaim>,
) {
    for (i, parent) in block.iter().enumerate() {
        // The rows under the parent: up to the next row of its level or above.
        let under: Vec<&CodeRow> = block[i + 1..]
            .iter()
            .take_while(|r| r.code.len() > parent.code.len() && r.code.starts_with(parent.code))
            .collect();
        // Every line under it must have been read as a code row, or a child may be missing.
        if parent.broken_after || under.iter().any(|r| r.broken_after) {
            continue;
        }
        let children: Vec<&CodeRow> = under
            .into_iter()
            .filter(|r| r.code.len() == parent.code.len() + 2)
            .collect();
        if children.len() < 2 {
            continue;
        }
        // Columns must pair one to one: every amount of every child under an amount of the
        // parent (a second code column, `50201 办公经费`, or a shifted row breaks the pairing).
        let aligned = |c: &CodeRow| {
            c.amounts.len() <= parent.amounts.len()
                && c.amounts
                    .iter()
                    .all(|(_, col)| parent.amounts.iter().any(|(_, pc)| pc.abs_diff(*col) <= 2))
        };
        if !children.iter().all(|c| aligned(c)) {
            continue;
        }
        for &(total, column) in &parent.amounts {
            if under_rate_word(doc, total, rate_columns) {
                continue;
            }
            // Each child's amount in the same column (right edges within two characters);
            // a child with nothing there leaves the column unchecked.
            let parts: Option<Vec<usize>> = children
                .iter()
                .map(|c| {
                    c.amounts
                        .iter()
                        .find(|(_, col)| col.abs_diff(column) <= 2)
                        .map(|&(f, _)| f)
                })
                .collect();
            // A child larger than its parent means the columns were not read right.
            if let Some(parts) = parts.filter(|ps| {
                ps.iter()
                    .all(|&p| doc.figures[p].q.face() <= doc.figures[total].q.face())
            }) {
                out.extend(sum_of(doc, total, parts, Marker::Complete));
            }
        }
    }
}

/// The claim that `parts` add up to `total`, when there are at least two parts. (Rows laid
/// out by `pdftotext` are `Complete`, not `Column`: a page break may have cut them.)
fn sum_of(doc: &Document, total: usize, parts: Vec<usize>, marker: Marker) -> Option<SumClaim> {
    (parts.len() >= 2).then(|| SumClaim {
        total,
        parts,
        marker,
        marker_at: doc.figures[total].q.start,
    })
}

/// The rows of column `ci` of a pasted table.
fn column(t: &Table, ci: usize) -> Marker {
    Marker::Column {
        decimals: t.precision(ci),
    }
}

/// Is the figure a number that can be summed in a column (not a rate, not a date)?
fn summable(doc: &Document, f: usize) -> bool {
    matches!(doc.figures[f].q.unit, Unit::None | Unit::Money(_))
}

fn total_rows(doc: &Document, t: &Table, unsummed: &[bool], out: &mut Vec<BoundSum>) {
    let mut segment_start = 0;
    // The last 其中 row so far, and the segment's subtotal rows, kept as the rows go by:
    // scanning the whole segment again for every total row was quadratic when 小计 rows,
    // which do not close a segment, follow each other for long.
    let mut last_qizhong: Option<usize> = None;
    let mut subtotals: Vec<usize> = Vec::new();
    // The last row that closed a list (a total or a subtotal), so far.
    let mut last_closing: Option<usize> = None;
    // Each row's kind once (`label` looks through the row's cells).
    let year_total: Vec<bool> = t.rows.iter().map(is_year_total).collect();
    let numbering = Numbering::of(t);
    let closing: Vec<bool> = t
        .rows
        .iter()
        .zip(&year_total)
        .map(|(r, &y)| y || r.is_total())
        .collect();
    for (ri, row) in t.rows.iter().enumerate() {
        // (A 其中 row right before a header row, `其中：当年财政拨款` above a self-evaluation
        // table's indicator header, is a breakdown that ended there: it alone is left out.)
        if row.label().is_some_and(|l| l.starts_with("其中"))
            && !t.rows.get(ri + 1).is_some_and(|n| n.is_header())
        {
            last_qizhong = Some(ri);
        }
        if !closing[ri] {
            continue;
        }
        let label = row.label().unwrap_or("");
        let is_subtotal = label.starts_with("小计") || year_total[ri];
        let segment = segment_start..ri;
        let closed_before = last_closing.replace(ri);
        let segment_subtotals = if is_subtotal {
            subtotals.push(ri);
            Vec::new()
        } else {
            segment_start = ri + 1;
            std::mem::take(&mut subtotals)
        };
        // 其中 rows are parts of the row above them: a plain column sum would count twice.
        if last_qizhong.is_some_and(|q| segment.contains(&q)) {
            continue;
        }
        // Rows since the previous subtotal (for a 小计) or the segment start; for a total
        // over subtotals, the rows after the last of them (`本年收入合计`, then
        // `年初结转和结余`, then `总计`).
        let from = closed_before
            .filter(|&r| r >= segment.start)
            .map_or(segment.start, |r| r + 1);
        let over_subtotals = !is_subtotal && !segment_subtotals.is_empty();
        let mut part_rows: Vec<usize> = if over_subtotals {
            segment_subtotals
        } else {
            Vec::new()
        };
        part_rows.extend((from..ri).filter(|&r| !t.rows[r].is_header() && !closing[r]));
        // A group's row over rows with an empty first column is their subtotal (checked on
        // its own by `group_subtotals`), not one more part; of rows indented under others,
        // only the least indented are parts (`基本支出` over `　人员经费`, `　公用经费`).
        part_rows.retain(|&r| !(r + 1 < ri && is_group_row(doc, t, r) && !named(&t.rows[r + 1])));
        // (`栏次 1 2 3` numbers the columns; a 其中 row is a part of the row above it.)
        part_rows.retain(|&r| {
            !t.rows[r].label().is_some_and(|l| {
                l.starts_with("栏次") || l.starts_with("行次") || l.starts_with("其中")
            })
        });
        // Rows of classification codes under their total: only the codes no other part's
        // code begins (`301` over `30101`).
        let code = |r: usize| {
            t.rows[r]
                .cells
                .first()
                .map(|c| c.text)
                .filter(|c| is_code(c))
        };
        let codes: std::collections::HashSet<&str> =
            part_rows.iter().filter_map(|&r| code(r)).collect();
        part_rows
            .retain(|&r| code(r).is_none_or(|c| !(3..c.len()).any(|k| codes.contains(&c[..k]))));
        // Nothing is sure of a total over rows that are themselves totals of a kind
        // (`人员经费合计`), or over rows of another width (a merged first cell, a dropped
        // last one: which column a figure is in is open).
        if part_rows.iter().any(|&r| {
            !closing[r]
                && t.rows[r]
                    .label()
                    .is_some_and(|l| ["合计", "小计", "总计"].iter().any(|w| l.ends_with(w)))
                || t.rows[r].cells.len() != row.cells.len()
        }) {
            continue;
        }
        let over_year_totals = part_rows.iter().any(|&r| year_total[r]);
        // Each row's nearest name left of each column, once per row: looked for per column, a
        // wide table (3 rows × 100,000 columns) was quadratic.
        // (Indexed from the first part row: the rows from it to the total.)
        let base = part_rows.iter().copied().min().unwrap_or(ri).min(ri);
        let mut names: Vec<Vec<Option<usize>>> = vec![Vec::new(); ri - base + 1];
        for &r in part_rows.iter().chain([&ri]) {
            names[r - base] = names_left(&t.rows[r]);
        }
        let left_name = |r: usize, ci: usize| {
            names
                .get(r.wrapping_sub(base))
                .and_then(|v| v.get(ci).copied().flatten())
        };
        for (ci, cell) in row.cells.iter().enumerate() {
            let Some(total) = cell.figure().filter(|&f| summable(doc, f)) else {
                continue;
            };
            if unsummed[ci] {
                continue;
            }
            // A two-sided table: a year's subtotal closes only its own side's columns (the
            // other side's cell on its row may be a class's amount), and a 总计 over it adds
            // only balance lines (`年初结转和结余`, not the funds listed under it).
            let side = |r: usize| left_name(r, ci).map(|c| t.rows[r].cells[c].text);
            if year_total[ri] && !side(ri).is_some_and(is_year_total_label) {
                continue;
            }
            if over_year_totals
                && part_rows.iter().any(|&r| {
                    !year_total[r]
                        && t.rows[r]
                            .cells
                            .get(ci)
                            .is_some_and(|c| c.figure().is_some())
                        && !side(r).is_some_and(|l| {
                            // The lines of the accounts' balance, not what is listed under
                            // them (`基本支出结转`, `经营结余`).
                            [
                                "年初",
                                "年末",
                                "结余分配",
                                "使用非财政拨款结余",
                                "上年结转",
                                "结转下年",
                            ]
                            .iter()
                            .any(|w| l.contains(w))
                        })
                })
            {
                continue;
            }
            // Income is never part of an expenditure total, nor the reverse: a total written
            // above its rows (`本年收入合计`, then its sources) leaves them to the next total.
            if part_rows.iter().any(|&r| {
                t.rows[r]
                    .cells
                    .get(ci)
                    .is_some_and(|c| c.figure().is_some())
                    && opposite_sides(side(ri), side(r))
            }) {
                continue;
            }
            let Some(rows) = top_level(doc, t, &numbering, (ri, ci), &part_rows, &left_name) else {
                continue;
            };
            let mut parts: Vec<usize> = rows
                .iter()
                .filter_map(|&r| t.rows[r].cells.get(ci).and_then(|c| c.figure()))
                .filter(|&f| summable(doc, f))
                .collect();
            // Rows that stand on their own between groups (`小计 200`, `校舍维修工程 300`,
            // `物业服务 60`, `保安服务 40`, `小计 100`): a 小计 is of the rows right above it
            // that make it, and a 合计 over 小计 rows may be of every row instead.
            if !adds_up(doc, total, &parts) {
                if is_subtotal {
                    if let Some(k) = suffix_making(doc, total, &parts) {
                        parts.drain(..k);
                    }
                } else if over_subtotals {
                    let every_row: Vec<usize> = (segment.start..ri)
                        .filter(|&r| {
                            !closing[r]
                                && !t.rows[r].is_header()
                                && t.rows[r].cells.len() == row.cells.len()
                        })
                        .filter_map(|r| t.rows[r].cells.get(ci).and_then(|c| c.figure()))
                        .filter(|&f| summable(doc, f))
                        .collect();
                    if adds_up(doc, total, &every_row) {
                        parts = every_row;
                    }
                }
            }
            out.extend(sum_of(doc, total, parts, column(t, ci)).map(BoundSum::Check));
        }
    }
}

/// Do `parts` add up to `total`, within their rounding?
fn adds_up(doc: &Document, total: usize, parts: &[usize]) -> bool {
    let sum =
        crate::read::interval::Interval::sum(parts.iter().map(|&p| doc.figures[p].q.interval()));
    match (sum, doc.figures[total].q.interval()) {
        (Some(s), Some(t)) => s.overlaps(t),
        _ => false,
    }
}

/// Where the shortest tail of two or more `parts` that adds up to `total` starts, if a
/// proper one does.
fn suffix_making(doc: &Document, total: usize, parts: &[usize]) -> Option<usize> {
    let t = doc.figures[total].q.interval()?;
    let mut sum = crate::read::interval::Interval::exact(rust_decimal::Decimal::ZERO);
    for k in (1..parts.len()).rev() {
        sum = sum.add(doc.figures[parts[k]].q.interval()?)?;
        if parts.len() - k >= 2 && sum.overlaps(t) {
            return Some(k);
        }
    }
    None
}

/// A group's row against the rows right under it, column by column (`产出指标 50 48` over
/// `数量指标 20 20`, `质量指标 15 15`, `时效指标 15 13`): only where every such row has a
/// figure in the column, of the group row's width, and none is a heading, a `其中` (a part
/// list) or of another unit than the group's (`接待批次（批）` under `公务接待费（万元）`).
fn group_subtotals(doc: &Document, t: &Table, unsummed: &[bool], out: &mut Vec<BoundSum>) {
    for r in 0..t.rows.len() {
        if !is_group_row(doc, t, r) {
            continue;
        }
        let kids = children(doc, t, r);
        let unit = label_unit(&t.rows[r]);
        if kids.iter().any(|&c| {
            let row = &t.rows[c];
            row.is_header()
                || row.label().is_some_and(|l| l.starts_with("其中"))
                || row.cells.len() != t.rows[r].cells.len()
                || label_unit(row).is_some_and(|u| Some(u) != unit)
        }) {
            continue;
        }
        for (ci, cell) in t.rows[r].cells.iter().enumerate() {
            let Some(total) = cell.figure().filter(|&f| summable(doc, f)) else {
                continue;
            };
            if unsummed[ci] {
                continue;
            }
            let parts: Option<Vec<usize>> = kids
                .iter()
                .map(|&c| {
                    t.rows[c]
                        .cells
                        .get(ci)?
                        .figure()
                        .filter(|&f| summable(doc, f))
                })
                .collect();
            if let Some(parts) = parts {
                out.extend(sum_of(doc, total, parts, column(t, ci)).map(BoundSum::Check));
            }
        }
    }
}

/// One label names income and the other expenditure (`本年支出合计` and `财政拨款收入`).
fn opposite_sides(a: Option<&str>, b: Option<&str>) -> bool {
    let side = |l: Option<&str>| {
        let l = l.unwrap_or("");
        match (l.contains("收入"), l.contains("支出")) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    };
    matches!((side(a), side(b)), (Some(x), Some(y)) if x != y)
}

/// A `合计` column filled only on each group's first row (the other rows of the group carry
/// their amounts in the `小计` column to its left).
fn grouped_total_column(doc: &Document, t: &Table, unsummed: &[bool], out: &mut Vec<BoundSum>) {
    // Each row's kind once (`is_header` reads the whole row), and the columns to look at
    // from the header cells that name 合计: per column of the widest row, scanning every row
    // again was quadratic in a wide table (3 rows × 100,000 columns: 24 s).
    let header: Vec<bool> = t.rows.iter().map(|r| r.is_header()).collect();
    let total: Vec<bool> = t.rows.iter().map(|r| r.is_total()).collect();
    let mut first_header = std::collections::HashMap::<usize, usize>::new();
    for (r, row) in t.rows.iter().enumerate().filter(|&(r, _)| header[r]) {
        for (c, cell) in row.cells.iter().enumerate().skip(1) {
            if cell.text.contains("合计") {
                first_header.entry(c).or_insert(r);
            }
        }
    }
    let mut columns: Vec<(usize, usize)> = first_header.into_iter().collect();
    columns.sort_unstable();
    // The data rows under a header, found once per header.
    let mut data_under = std::collections::HashMap::<usize, Vec<usize>>::new();
    for (c, h) in columns {
        let p = c - 1;
        // (A negative amount reads as an empty cell: a column of decreases has no groups.)
        let signed = |col: usize| unsummed.get(col).copied().unwrap_or(false);
        if t.cell_text(h, p).contains("合计") || signed(c) || signed(p) {
            continue;
        }
        let data = data_under.entry(h).or_insert_with(|| {
            (h + 1..t.rows.len())
                .filter(|&r| !header[r] && !total[r])
                .filter(|&r| t.rows[r].cells.len() == t.rows[h].cells.len())
                .collect()
        });
        let has = |r: usize, col: usize| t.rows[r].cells.get(col).and_then(|x| x.figure());
        let group_rows = data.iter().filter(|&&r| has(r, c).is_some()).count();
        if group_rows == 0 || group_rows == data.len() {
            continue; // not sparse: an ordinary column
        }
        let mut i = 0;
        while i < data.len() {
            let Some(total) = has(data[i], c) else {
                i += 1;
                continue;
            };
            let mut parts = Vec::new();
            let mut j = i;
            while j < data.len() && (j == i || has(data[j], c).is_none()) {
                parts.extend(has(data[j], p));
                j += 1;
            }
            if parts.len() >= 2 && summable(doc, total) {
                out.extend(
                    sum_of(
                        doc,
                        total,
                        parts,
                        Marker::Column {
                            decimals: t.precision(c).max(t.precision(p)),
                        },
                    )
                    .map(BoundSum::Check),
                );
            }
            i = j;
        }
    }
}

/// Classification-code tables (`204 公共安全支出` · `20405 法院` · `2040501 行政运行`): each
/// code's amount is the sum of its children's (two more digits), and the 合计 row the sum of
/// the top-level codes. Only tables with one amount per row, so the columns cannot be mixed.
fn code_hierarchy(doc: &Document, t: &Table, out: &mut Vec<BoundSum>) {
    let coded: Vec<(usize, &str, usize)> = t
        .rows
        .iter()
        .enumerate()
        .filter_map(|(ri, row)| {
            let code = row.cells.first()?.text;
            let is_code = (3..=7).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
            // The amount is another cell's: a row of the code alone (a table pasted one cell
            // per line, each after a tab) has none.
            let figures: Vec<usize> = row.cells[1..].iter().filter_map(|c| c.figure()).collect();
            (is_code && figures.len() == 1 && summable(doc, figures[0]))
                .then(|| (ri, code, figures[0]))
        })
        .collect();
    if coded.len() < 3 {
        return;
    }
    let mut children: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for &(_, code, f) in &coded {
        if code.len() >= 5 {
            children.entry(&code[..code.len() - 2]).or_default().push(f);
        }
    }
    for &(_, code, f) in &coded {
        if let Some(parts) = children.get(code) {
            if parts.len() >= 2 {
                out.extend(sum_of(doc, f, parts.clone(), Marker::Complete).map(BoundSum::Check));
            }
        }
    }
    // A 合计 row with one amount: the top-level codes add up to it.
    let top = coded.iter().map(|(_, c, _)| c.len()).min().unwrap_or(0);
    let tops: Vec<usize> = coded
        .iter()
        .filter(|(_, c, _)| c.len() == top)
        .map(|&(_, _, f)| f)
        .collect();
    // A table has one or two such rows. Each check lists every top-level code, so only the
    // first few are checked: checking every 小计/合计 row of a long table against all its codes
    // was quadratic in time and in the findings' memory (a 10,000-row table: 18 s).
    let mut checked = 0;
    for row in t.rows.iter().filter(|r| r.is_total()) {
        let figures: Vec<usize> = row.cells.iter().filter_map(|c| c.figure()).collect();
        if let [total] = figures[..] {
            if summable(doc, total) {
                if checked == MAX_CODE_TOTALS {
                    out.push(BoundSum::TooMany(total));
                    continue;
                }
                checked += 1;
                out.extend(sum_of(doc, total, tops.clone(), Marker::Complete).map(BoundSum::Check));
            }
        }
    }
}

/// A code table of several amount columns (`科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出`,
/// pasted with tabs): column by column, a code's amount is its children's (the codes two
/// digits longer), and the 合计 row's the top-level codes'. Rows are taken only when every
/// cell after the name is empty or an amount; a parent is compared only with children of as
/// many cells (a merged or dropped cell leaves which column a figure is in open). An empty
/// cell is zero.
fn code_columns(doc: &Document, t: &Table, unsummed: &[bool], out: &mut Vec<BoundSum>) {
    // (code, cells after the first two: the figure of each, None for an empty cell).
    let amounts = |row: &crate::read::table::Row| -> Option<Vec<Option<usize>>> {
        row.cells
            .get(2..)?
            .iter()
            .map(|c| match c.figure() {
                Some(f) if summable(doc, f) => Some(Some(f)),
                None if c.is_empty() => Some(None),
                _ => None,
            })
            .collect()
    };
    let coded: Vec<(&str, Vec<Option<usize>>)> = t
        .rows
        .iter()
        .filter_map(|row| {
            let code = row.cells.first()?.text;
            let is_code = (3..=7).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
            let cells = amounts(row)?;
            (is_code && cells.iter().flatten().count() >= 1).then_some((code, cells))
        })
        .collect();
    if coded.len() < 3 {
        return;
    }
    let mut children: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, (code, _)) in coded.iter().enumerate() {
        if code.len() >= 5 {
            children.entry(&code[..code.len() - 2]).or_default().push(i);
        }
    }
    let claimed: std::collections::HashSet<usize> = out
        .iter()
        .filter_map(|b| match b {
            BoundSum::Check(c) => Some(c.total),
            BoundSum::TooMany(_) => None,
        })
        .collect();
    let by_columns = |cells: &[Option<usize>], rows: &[usize], out: &mut Vec<BoundSum>| {
        if rows.len() < 2 || rows.iter().any(|&r| coded[r].1.len() != cells.len()) {
            return;
        }
        // (A column of rates, `支出进度(%)`, adds up to nothing: no parts.)
        let summed = |c: usize| !unsummed.get(c + 2).copied().unwrap_or(false);
        let parts: Vec<Vec<usize>> = (0..cells.len())
            .map(|c| match summed(c) {
                true => rows.iter().filter_map(|&r| coded[r].1[c]).collect(),
                false => Vec::new(),
            })
            .collect();
        // Columns whose rows add up to their total exactly, one of them over two rows or
        // more, and at least as many as columns that do not, show that no row is missing (a
        // row cut off by a page has amounts in most columns): then every column must add up.
        let verdicts: Vec<(bool, usize)> = cells
            .iter()
            .zip(&parts)
            .filter(|(_, ps)| !ps.is_empty())
            .filter_map(|(total, ps)| {
                let sum: Decimal = ps.iter().map(|&p| doc.figures[p].q.value).sum();
                Some((sum == doc.figures[(*total)?].q.value, ps.len()))
            })
            .collect();
        let holding = verdicts.iter().filter(|v| v.0).count();
        let complete = verdicts.iter().any(|&(holds, n)| holds && n >= 2)
            && holding >= verdicts.len() - holding;
        for (c, (total, parts)) in cells.iter().zip(parts).enumerate() {
            // (A total the table's rows were already summed to is not checked twice.)
            let Some(total) = total.filter(|t| !claimed.contains(t)) else {
                continue;
            };
            let marker = if complete {
                column(t, c + 2)
            } else {
                Marker::Complete
            };
            if !parts.is_empty() {
                out.extend(sum_of(doc, total, parts, marker).map(BoundSum::Check));
            }
        }
    };
    for (code, cells) in &coded {
        if let Some(rows) = children.get(code) {
            by_columns(cells, rows, out);
        }
    }
    // The 合计 row: the top-level codes, column by column (the first such row only).
    let top = coded.iter().map(|(c, _)| c.len()).min().unwrap_or(0);
    let tops: Vec<usize> = (0..coded.len())
        .filter(|&i| coded[i].0.len() == top)
        .collect();
    if let Some(cells) = t
        .rows
        .iter()
        .filter(|r| r.is_total())
        .find_map(|r| amounts(r).filter(|c| c.iter().flatten().count() >= 2))
    {
        by_columns(&cells, &tops, out);
    }
}

/// How many one-amount total rows of a code table are checked against its top-level codes.
const MAX_CODE_TOTALS: usize = 4;
