//! How the rows of a pasted table nest, and which of its columns add up: a row's level by
//! its indent (leading spaces the normalised text drops), by its number (`一、` › `（一）` ›
//! `1.` › `（1）`, or a `序号` column), by split `类 | 款 | 项` code columns; a group's row
//! (a name and figures only) over the rows right under it; a two-sided table's sides. The
//! `table` claims read a total's parts and a group's rows through these.

use crate::read::document::Document;
use crate::read::table::{Cell, Row, Table};

/// `本年收入合计`, `本年支出合计`: the year's subtotal a standard table adds its carry-overs
/// to (`年初结转和结余`) for its `总计`.
pub(super) fn is_year_total(row: &Row) -> bool {
    row.label().is_some_and(is_year_total_label)
}

/// Of rows with a figure in column `ci`, the first level: the rows whose label (the nearest
/// name left of the cell: its side's in a two-sided table, the name after a `序号`) is
/// numbered at the highest level (`一、` over `（一）` over `1.` over `（1）`), then indented
/// least (`基本支出` over `　人员经费`). `None` when the levels are not known: numbers of
/// two levels beside unnumbered labels.
pub(super) fn top_level(
    doc: &Document,
    t: &Table,
    numbering: &Numbering,
    (total_row, ci): (usize, usize),
    rows: &[usize],
    left_name: &dyn Fn(usize, usize) -> Option<usize>,
) -> Option<Vec<usize>> {
    // A two-sided table names the total again on the cell's side (`合计 12.00 合计 12.00`):
    // a row's label there is the nearest name left of the cell; a table numbered in its first
    // column (`1 基本支出 6.00`) names the row after the number; else the first cell names it.
    let sided = left_name(total_row, ci).is_some_and(|c| c > 0);
    let label = |r: usize| {
        let cells = &t.rows[r].cells;
        if sided {
            return left_name(r, ci).map(|c| &cells[c]);
        }
        match cells.first() {
            // (The first name of the row: the one left of its last column, if it is the
            // only one — looked up once per row, not scanned for per column.)
            Some(first) if first.figure().is_some() || is_code(first.text) => {
                let c = left_name(r, cells.len())?;
                (c < ci && left_name(r, c).is_none()).then(|| &cells[c])
            }
            first => first.filter(|c| !c.is_empty()),
        }
    };
    let with_figure: Vec<usize> = rows
        .iter()
        .copied()
        .filter(|&r| {
            t.rows[r]
                .cells
                .get(ci)
                .is_some_and(|c| c.figure().is_some())
        })
        .collect();
    let level = |r: usize| -> Option<u8> {
        let cells = &t.rows[r].cells;
        let filled = |c: usize| cells.get(c).is_some_and(|c| !c.is_empty());
        if let Some(cols) = &numbering.codes {
            return (0..3u8).rev().find(|&i| filled(cols[i as usize]));
        }
        label(r).and_then(|c| numbering_level(c.text)).or_else(|| {
            let text = cells.get(numbering.ordinal?)?.text;
            numbering_level(&format!("{text}、")).or_else(|| numbering_level(&format!("{text}.")))
        })
    };
    let levels: Vec<Option<u8>> = with_figure.iter().map(|&r| level(r)).collect();
    let top = levels.iter().flatten().min().copied();
    let numbered_levels_differ = levels.iter().flatten().any(|&l| Some(l) != top);
    if numbered_levels_differ && levels.iter().any(Option::is_none) {
        return None;
    }
    let kept: Vec<usize> = with_figure
        .into_iter()
        .zip(levels)
        .filter(|&(_, l)| l == top)
        .map(|(r, _)| r)
        .collect();
    let indents: Vec<Option<usize>> = kept
        .iter()
        .map(|&r| label(r).map(|c| indent(doc, c)))
        .collect();
    let least = indents.iter().flatten().min().copied();
    Some(
        kept.into_iter()
            .zip(indents)
            .filter(|&(_, d)| d.is_none() || d == least)
            .map(|(r, _)| r)
            .collect(),
    )
}

/// The columns that number a table's rows as a label's own number does: codes split into
/// `类 | 款 | 项` (a row's level is the last of them it fills) and a `序号` column (`一`, `1`).
pub(super) struct Numbering {
    pub(super) codes: Option<Vec<usize>>,
    pub(super) ordinal: Option<usize>,
}

impl Numbering {
    pub(super) fn of(t: &Table) -> Numbering {
        let column = |name: &str| {
            t.rows
                .iter()
                .filter(|r| r.is_header())
                .find_map(|h| h.cells.iter().position(|c| c.text == name))
        };
        Numbering {
            codes: ["类", "款", "项"].iter().map(|n| column(n)).collect(),
            ordinal: column("序号"),
        }
    }
}

/// The level a label's number gives it: `一、` 0, `（一）` 1, `1.` / `1、` 2, `（1）` 3.
fn numbering_level(label: &str) -> Option<u8> {
    let chinese = |c: char| "一二三四五六七八九十".contains(c);
    let (bracketed, rest) = match label.strip_prefix(['（', '(']) {
        Some(r) => (true, r),
        None => (false, label),
    };
    let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
    let numerals = rest.chars().take_while(|&c| chinese(c)).count();
    let after = if digits > 0 {
        &rest[digits..]
    } else {
        &rest[numerals * '一'.len_utf8()..]
    };
    match (bracketed, digits > 0, numerals > 0) {
        (false, false, true) if after.starts_with('、') => Some(0),
        (true, false, true) if after.starts_with(['）', ')']) => Some(1),
        (false, true, false) if after.starts_with(['.', '．', '、']) => Some(2),
        (true, true, false) if after.starts_with(['）', ')']) => Some(3),
        _ => None,
    }
}

/// Columns whose 合计 is no sum: row numbers (`行次`, `栏次`, `序号`), averages and unit
/// prices (`人均（万元）`: the 合计 row's is the average of all), rates and shares; and
/// columns with a negative amount (a decrease, `-6.31`): figures are read unsigned, so
/// such a column cannot be added up.
pub(super) fn unsummed_columns(t: &Table) -> Vec<bool> {
    let width = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut out = vec![false; width];
    for row in &t.rows {
        for (ci, c) in row.cells.iter().enumerate() {
            let mut chars = c.text.chars();
            let signed = matches!(chars.next(), Some('-' | '−' | '－' | '–'))
                && chars.next().is_some_and(|d| d.is_ascii_digit());
            if signed {
                out[ci] = true;
            }
        }
    }
    for row in t.rows.iter().filter(|r| r.is_header()) {
        for (ci, c) in row.cells.iter().enumerate() {
            let numbers = matches!(c.text, "行次" | "栏次" | "序号" | "编号" | "项次" | "行号");
            // (`支出进度(%)`, `决算数占调整预算%`: a header in percent is a rate's.)
            let ratio = [
                "均",
                "单价",
                "率",
                "比重",
                "占比",
                "比例",
                "增幅",
                "幅度",
                "降幅",
                "减幅",
                "倍数",
                "进度",
                "%",
                "％",
                "百分比",
            ]
            .iter()
            .any(|w| c.text.contains(w));
            if numbers || ratio {
                out[ci] = true;
            }
        }
    }
    out
}

/// A classification code (`301`, `2080501`).
pub(super) fn is_code(s: &str) -> bool {
    (3..=9).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A row whose first cell names something (not empty), and which is not a total.
pub(super) fn named(row: &Row) -> bool {
    row.cells.first().is_some_and(|c| !c.is_empty()) && !row.is_total() && !is_year_total(row)
}

/// How far a row's named first cell is indented in the user's text (a full-width space
/// counts two); `None` for a row whose first cell is empty.
fn depth(doc: &Document, row: &Row) -> Option<usize> {
    row.cells
        .first()
        .filter(|c| !c.is_empty())
        .map(|c| indent(doc, c))
}

/// How far a cell's text is indented in the user's text (a full-width space counts two).
fn indent(doc: &Document, c: &Cell) -> usize {
    let start = c.range().start;
    let (orig, _) = doc.norm.to_original(start, start + 1);
    let line = &doc.original[..orig];
    let lead = &line[line.rfind(['\n', '\t']).map_or(0, |i| i + 1)..];
    lead.chars()
        .map(|ch| if ch == '\u{3000}' { 2 } else { 1 })
        .sum()
}

/// A row naming its group in the first column with values but no other names
/// (`产出指标（50分）\t\t\t50\t48`), over rows nested under it: rows with an empty first
/// column (`\t数量指标\t改厕户数\t20\t20`) or a deeper indent (` 数量指标\t≥1200户\t…`).
pub(super) fn is_group_row(doc: &Document, t: &Table, r: usize) -> bool {
    let row = &t.rows[r];
    let cells = &row.cells;
    let Some(next) = t.rows.get(r + 1) else {
        return false;
    };
    // (A `其中：` row is a part, whatever is aligned under it.)
    cells
        .first()
        .is_some_and(|c| !c.is_empty() && c.figure().is_none() && !c.text.starts_with("其中"))
        && cells[1..]
            .iter()
            .all(|c| c.is_empty() || c.figure().is_some())
        && !row.is_total()
        && !next.is_total()
        && !is_year_total(next)
        && match (depth(doc, row), depth(doc, next)) {
            (_, None) => true,
            (Some(a), Some(b)) => b > a,
            (None, Some(_)) => false,
        }
}

/// How many rows a group may have (a longer one is not checked): a staircase of rows each
/// indented deeper than the one before makes every row a group over all the rest, quadratic
/// without a bound.
const MAX_GROUP_ROWS: usize = 200;

/// The rows right under group row `r`: the rows with an empty first column after it, or the
/// least indented of the rows indented deeper than it, up to the next row that is not.
pub(super) fn children(doc: &Document, t: &Table, r: usize) -> Vec<usize> {
    let deeper = |c: usize| {
        let row = &t.rows[c];
        !row.is_total() && !is_year_total(row)
    };
    if !named(&t.rows[r + 1]) {
        let under: Vec<usize> = (r + 1..t.rows.len())
            .take(MAX_GROUP_ROWS + 1)
            .take_while(|&c| deeper(c) && !named(&t.rows[c]))
            .collect();
        return if under.len() > MAX_GROUP_ROWS {
            Vec::new()
        } else {
            under
        };
    }
    let own = depth(doc, &t.rows[r]);
    let under: Vec<(usize, usize)> = (r + 1..t.rows.len())
        .take(MAX_GROUP_ROWS + 1)
        .map_while(|c| {
            let d = depth(doc, &t.rows[c])?;
            (deeper(c) && Some(d) > own).then_some((c, d))
        })
        .collect();
    // (A group longer than the bound is not known whole: none.)
    if under.len() > MAX_GROUP_ROWS {
        return Vec::new();
    }
    let level = under.iter().map(|&(_, d)| d).min();
    under
        .into_iter()
        .filter(|&(_, d)| Some(d) == level)
        .map(|(c, _)| c)
        .collect()
}

/// The unit a row's label names in its last bracket (`公务接待费（万元）`, `接待批次（批）`).
pub(super) fn label_unit<'a>(row: &'a Row<'a>) -> Option<&'a str> {
    let l = row.label()?.trim_end();
    let inner = l.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let u = &inner[open..].trim_start_matches(['（', '(']);
    (u.chars().count() <= 3).then_some(u)
}

/// For each column `ci` of a row (and one past its last), the column of the nearest name
/// left of it: the name of the side the cell is on.
pub(super) fn names_left(row: &Row) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(row.cells.len() + 1);
    let mut last = None;
    for (c, cell) in row.cells.iter().enumerate() {
        out.push(last);
        if !cell.is_empty() && cell.figure().is_none() {
            last = Some(c);
        }
    }
    out.push(last);
    out
}

/// `本年收入合计`, `本年支出合计` and their like.
pub(super) fn is_year_total_label(l: &str) -> bool {
    let l = l.trim_end_matches(['：', ':']);
    l.starts_with("本年") && l.ends_with("合计") && l.chars().count() <= 8
}

#[cfg(test)]
mod tests {
    use super::numbering_level;

    #[test]
    fn numbers_give_levels() {
        for (label, level) in [
            ("一、基本支出", Some(0)),
            ("十一、其他支出", Some(0)),
            ("（一）人员经费", Some(1)),
            ("(二)公用经费", Some(1)),
            ("1.办公费", Some(2)),
            ("2、印刷费", Some(2)),
            ("（1）购置费", Some(3)),
            // Names that begin with a numeral are no numbers.
            ("一般公共预算财政拨款收入", None),
            ("三公经费", None),
            ("2024年预算", None),
        ] {
            assert_eq!(numbering_level(label), level, "{label}");
        }
    }
}
