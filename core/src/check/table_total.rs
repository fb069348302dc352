//! `table-total`: a laid-out table's 合计 (总计) row is the sum of the rows of the first level
//! under it, column by column: the units of a 收入总表, the 类 of a 支出总表.
//!
//! The first level is the rows with the shortest classification code, or, in a table without
//! codes, the rows indented least. As with the other laid-out table rules, the sum is trusted
//! only as far as the table bears it out: it holds in at least three columns with two or more
//! non-zero parts, and fails in at most half as many, before a failing column is reported. A
//! table that runs on over the page fails in every column and is never judged; so is one whose
//! rows may be incomplete (a line that is not a row between them), one with 小计 rows, and a
//! column that adds up once every row is counted (the levels were misread).

use super::kit::{cell_interval, cell_sum, column_sum, CellSum};
use super::{Context, Draft, Rule, RuleInfo, Sink};
use crate::read::document::Document;
use crate::read::grid::{Cell, Grid};
use crate::report::Severity;

pub struct TableTotal;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "table-total",
    name_zh: "合计行等于各行之和",
    name_en: "A table's total row is the sum of its rows",
    severity: Severity::Error,
    summary_zh: "排版表格（如 PDF 转出的文本）的“合计”行逐列等于其下第一级各行（编码最短或缩进最浅的行）之和；本表多数列都满足时，不满足的列是差错。",
    summary_en: "In a laid-out table, the 合计 row equals, column by column, the sum of the first-level rows (shortest code or least indent); when most columns do, one that does not is a slip.",
    explanation_zh: "收入总表、支出总表等标准表的“合计”行是各单位或各类的合计。本规则取编码最短（没有编码时缩进最浅）的各行为第一级，\
逐列核对合计 = 各行之和。只有本表自身印证时才报告：至少三列（每列至少两个非零分项）相等，不相等的列不超过相等列的一半。\
表格跨页（本页各行不全）时各列都不相等，不作判断；各行之间夹有非数据行（行可能不全）、表中有“小计”行、或把所有行都算上反而相等（层级读错）时，也不报告。\n\
例：合计行第一列 182157.13，各单位该列之和 182066.56，相差 90.57，而其余四列的合计都等于各单位之和。",
    explanation_en: "The 合计 row of a standard table totals its units or classes. The rows with the shortest code \
(least indent without codes) are the first level, checked column by column. A failing column is reported only when \
three or more columns with two non-zero parts hold and failures are at most half as many. A table running over the \
page fails everywhere and is not judged; nor is one with a non-row line between its rows, with 小计 rows, or a column \
that adds up when every row is counted. Example: 182157.13 in the total row against 182066.56 for its units.",
};

impl Rule for TableTotal {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        for g in claims.grids.iter().filter(|g| g.laid_out) {
            check_grid(doc, g, sink);
        }
    }
}

/// A row's code and name as its line writes them: `242001   西安市就业服务中心 …` →
/// (Some(6), "西安市就业服务中心"); `合  计 …` → (None, "合计").
fn code_and_name(doc: &Document, g: &Grid, r: usize) -> (Option<usize>, String) {
    let line = doc.text()[g.rows[r].line.clone()].trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    let code =
        (digits >= 3 && rest.starts_with(|c: char| !c.is_ascii_punctuation())).then_some(digits);
    let rest = if code.is_some() { rest } else { line };
    let name: String = rest
        .chars()
        .take_while(|c| !c.is_ascii_digit())
        .filter(|c| !c.is_whitespace())
        .collect();
    (code, name.trim_end_matches(['-', '.']).to_string())
}

struct Column {
    c: usize,
    total: usize,
    holds: bool,
    telling: bool,
}

fn check_grid(doc: &Document, g: &Grid, sink: &mut Sink) {
    let n = g.rows.len();
    let rows: Vec<(Option<usize>, String)> = (0..n).map(|r| code_and_name(doc, g, r)).collect();
    let is_total = |name: &str| matches!(name, "合计" | "总计");
    let totals: Vec<usize> = (0..n).filter(|&r| is_total(&rows[r].1)).collect();
    let &[t] = totals.as_slice() else { return };
    if (t != 0 && t != n - 1) || rows.iter().any(|(_, name)| name.contains("小计")) {
        return;
    }
    let others: Vec<usize> = (0..n)
        .filter(|&r| r != t && !rows[r].1.starts_with("其中"))
        .collect();
    let coded = others.iter().filter(|&&r| rows[r].0.is_some()).count();
    let parts: Vec<usize> = if coded == 0 {
        let level = others.iter().map(|&r| g.rows[r].indent).min();
        others
            .iter()
            .copied()
            .filter(|&r| Some(g.rows[r].indent) == level)
            .collect()
    } else if coded == others.len() {
        let level = others.iter().filter_map(|&r| rows[r].0).min();
        others
            .iter()
            .copied()
            .filter(|&r| rows[r].0 == level)
            .collect()
    } else {
        return;
    };
    if parts.len() < 2 || others.iter().any(|&r| g.rows[r].after_gap) {
        return;
    }
    // A part with an amount where the total has none: the columns are not read right.
    let misread = parts.iter().any(|&r| {
        (0..g.columns).any(|c| {
            matches!(g.rows[r].cells[c], Cell::Figure(f) if !doc.figures[f].q.value.is_zero())
                && g.rows[t].cells[c] == Cell::Empty
        })
    });
    if misread {
        return;
    }
    let mut columns = Vec::new();
    for c in 0..g.columns {
        let Cell::Figure(total) = g.rows[t].cells[c] else {
            continue;
        };
        let Some(Some(ti)) = cell_interval(doc, Cell::Figure(total)) else {
            continue;
        };
        let Some((sum, figures, nonzero)) = column_sum(doc, g, &parts, c) else {
            continue;
        };
        if figures == 0 {
            continue;
        }
        let holds = sum.overlaps(ti);
        if !holds
            && parts.len() < others.len()
            && column_sum(doc, g, &others, c).is_some_and(|(s, _, _)| s.overlaps(ti))
        {
            continue;
        }
        columns.push(Column {
            c,
            total,
            holds,
            telling: nonzero >= 2,
        });
    }
    let holding = columns.iter().filter(|x| x.holds && x.telling).count();
    let failing: Vec<&Column> = columns.iter().filter(|x| !x.holds).collect();
    if holding < 3 || failing.len() * 2 > holding {
        return;
    }
    for x in &columns {
        if x.holds && x.telling {
            let f = &doc.figures[x.total];
            sink.verified(
                INFO.id,
                f.q.start..f.q.end,
                format!("合计行{}等于其下各行之和", doc.written(f)),
                "the total row equals the sum of the rows under it".into(),
            );
        }
    }
    for x in failing.into_iter().filter(|x| x.telling) {
        report(doc, g, &parts, x, holding, sink);
    }
}

fn report(doc: &Document, g: &Grid, rows: &[usize], x: &Column, holding: usize, sink: &mut Sink) {
    let parts: Vec<usize> = rows
        .iter()
        .filter_map(|&r| match g.rows[r].cells[x.c] {
            Cell::Figure(f) if !doc.figures[f].q.value.is_zero() => Some(f),
            _ => None,
        })
        .collect();
    let t = &doc.figures[x.total];
    let CellSum { sum, diff, formula } = cell_sum(doc, x.total, &parts);
    let written = doc.written(t);
    let mut d = Draft::new(
        INFO.id,
        Severity::Error,
        t.q.start..t.q.end,
        format!(
            "合计行{written}不等于其下{}行之和{sum}，相差{diff}",
            rows.len()
        ),
        format!(
            "the total row's {written} is not the sum of the {} rows under it, {sum} (off by {diff})",
            rows.len()
        ),
    );
    d.stated = Some(written);
    d.expected = Some(sum);
    d.formula = Some(formula);
    d.cause = Some(format!("本表另有{holding}列的合计等于其下各行之和"));
    for &p in &parts {
        let q = &doc.figures[p].q;
        d.related.push((q.start..q.end, "分项行".into()));
    }
    sink.report(d);
}
