//! `table-hierarchy`: in a laid-out table without classification codes, the rows indented
//! under a row (款 under 类, 项 under 款) add up to it, column by column; in a table copied
//! one cell per line with codes, or laid out with every name at the margin, the rows whose
//! codes extend a row's code (`30101` under `301`) do.
//!
//! Codes make a group certain when the row after it has a code that does not extend the
//! parent's; then a failure needs no other group of the table to hold.
//!
//! Indentation is the only mark of the hierarchy, so it is trusted only as far as the table
//! itself bears it out: the rule holds for at least three (row, column) pairs with two or more
//! non-zero children, and fails in at most half as many, before any failure is reported; and
//! a failing pair must have the same two indents as a pair that holds. A row whose children
//! may not all be there is never judged: its group runs to the end of the block (the table
//! goes on over the page), a line that is not a row (a name without amounts, a wrapped cell)
//! lies inside it, or a child's cell in that column is unknown; nor one with a child that has
//! an amount where it has none (the columns were misread). If the row equals the sum of
//! every row under it, at all depths, the indents are not levels after all, and it is skipped.

use super::kit::{cell_interval, cell_sum, column_sum, row_label, CellSum};
use super::{Context, Draft, Rule, RuleInfo, Sink};
use crate::read::document::Document;
use crate::read::grid::{Cell, Grid};
use crate::report::Severity;

pub struct TableHierarchy;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "table-hierarchy",
    name_zh: "表内上下级行",
    name_en: "Rows indented under a row add up to it",
    severity: Severity::Error,
    summary_zh: "排版表格（如 PDF 转出的文本）没有科目编码时，缩进在某行之下的各行（款、项）之和应等于该行（类、款）；本表多数上级行都满足时，不满足的是差错。",
    summary_en: "In a laid-out table without codes, the rows indented under a row (款 under 类) add up to it; when most rows of the table do, one that does not is a slip.",
    explanation_zh: "PDF 转出的支出表常常只有科目名称、没有编码，类、款、项的层级只靠缩进表示。本规则把缩进在某行之下、\
缩进最浅的各行视为它的下级，逐列核对上级 = 下级之和。缩进只有在本表自身印证时才可信：至少三处（每处至少两个非零下级）成立、\
不成立的不超过成立的一半，且不成立的一处与某处成立的缩进相同，才报告差错。逐格复制（每格一行）且带科目编码的表，\
以及各行名称都顶格、只靠编码区分层级的排版表格，层级按编码确定：编码以上级编码开头、且中间没有更近上级的各行是其下级\
（表中未列款时，项直接归类），其后一行的编码不再以它开头（或为合计行）时下级已全；两张表左右并排（行中另有第二个编码）时不按编码读。下级可能不全时不核对：该行的下级一直延续到本页末\
（表格跨页）、其间有不是数据行的行（只有名称的行、折行的单元格），或下级在该列的单元格无法确定。\n\
例：“教育支出 2,214.75”之下“职业教育 1,900.00”“其他教育支出 304.75”：1,900.00 + 304.75 = 2,204.75。",
    explanation_en: "Expenditure tables converted from PDF often show names without codes, the hierarchy only by \
indentation. The rows under a row with the shallowest indent are its children, checked column by column. Indentation \
is trusted only when the table bears it out: three or more pairs with two non-zero children hold, failures are at most \
half as many and share the indents of a pair that holds. In a table copied one cell per line with codes, and in a \
laid-out table whose names all start at the margin, the rows whose codes extend a row's code with no nearer parent \
between are its children (a 项 belongs to its 类 when no 款 is listed), complete when the next row's code does not \
extend it (or is the 合计); two tables side by side (a second code in the row) are not read by codes. A row whose children may be incomplete (its group runs to \
the end of the page, a line that is not a row lies inside it, a child's cell is unknown) is not judged.",
};

impl Rule for TableHierarchy {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        // Totals the `table` rule already adds up from the same code rows (a laid-out table
        // it also reads by its codes): one finding per slip.
        let sums = &claims.table_sums;
        let summed: std::collections::HashSet<usize> = sums
            .per_table
            .iter()
            .flatten()
            .filter_map(|s| match s {
                crate::claims::BoundSum::Check(s) => Some(s.total),
                crate::claims::BoundSum::TooMany(_) => None,
            })
            .chain(sums.laid_out.iter().map(|s| s.total))
            .collect();
        for g in &claims.grids {
            check_grid(doc, g, &summed, sink);
        }
    }
}

/// One parent row's cell against its children's in the same column.
struct Pair {
    parent: usize,
    column: usize,
    children: Vec<usize>,
    holds: bool,
    /// Two or more non-zero children: a sum that could have failed.
    telling: bool,
    indents: (usize, usize),
    /// Codes make the group certain: every row under the parent extends its code and the
    /// row after them does not (`301` over `30101` … `30199`, then `302`).
    by_code: bool,
}

fn check_grid(
    doc: &Document,
    g: &Grid,
    summed: &std::collections::HashSet<usize>,
    sink: &mut Sink,
) {
    let n = g.rows.len();
    let mut pairs = Vec::new();
    for p in 0..n {
        let indent = g.rows[p].indent;
        // The group under p ends at the next row indented no deeper; none: it runs off the
        // block, maybe onto the next page.
        let Some(end) = (p + 1..n).find(|&r| g.rows[r].indent <= indent) else {
            continue;
        };
        if end == p + 1 || (p + 1..=end).any(|r| g.rows[r].after_gap) {
            continue;
        }
        let level = (p + 1..end).map(|r| g.rows[r].indent).min().unwrap_or(0);
        let all: Vec<usize> = (p + 1..end).collect();
        let code = |r: usize| g.rows[r].code.as_deref();
        // (The 合计 after the last group closes it too.)
        let closes = |r: usize| {
            let label = row_label(doc, g, r);
            label.contains("合计") || label.contains("总计")
        };
        let by_code = code(p).is_some_and(|pc| {
            all.iter()
                .all(|&r| code(r).is_some_and(|c| c.len() > pc.len() && c.starts_with(pc)))
                && code(end).map_or_else(|| closes(end), |c| !c.starts_with(pc))
        });
        // By codes, a child is a row with no nearer parent in the group: `2010201` is the
        // 类's own where its 款 `20102` is not listed.
        let children: Vec<usize> = if by_code {
            all.iter()
                .copied()
                .filter(|&r| {
                    let c = code(r).unwrap_or_default();
                    !(p + 1..r)
                        .any(|q| code(q).is_some_and(|qc| qc.len() < c.len() && c.starts_with(qc)))
                })
                .collect()
        } else {
            all.iter()
                .copied()
                .filter(|&r| g.rows[r].indent == level)
                .collect()
        };
        // A child with an amount where its parent has none: the columns are not read right
        // (centred figures end at different places), so none of them is judged.
        let misread = children.iter().any(|&r| {
            (0..g.columns).any(|c| {
                matches!(g.rows[r].cells[c], Cell::Figure(f) if !doc.figures[f].q.value.is_zero())
                    && g.rows[p].cells[c] == Cell::Empty
            })
        });
        if misread {
            continue;
        }
        for c in 0..g.columns {
            let Cell::Figure(total) = g.rows[p].cells[c] else {
                continue;
            };
            if by_code && g.laid_out && summed.contains(&total) {
                continue;
            }
            let Some(Some(ti)) = cell_interval(doc, Cell::Figure(total)) else {
                continue;
            };
            let Some((sum, figures, nonzero)) = column_sum(doc, g, &children, c) else {
                continue;
            };
            if figures == 0 {
                continue;
            }
            let holds = sum.overlaps(ti);
            if !holds && children.len() < all.len() {
                // Every row under it adds up instead: the indents are not levels.
                if column_sum(doc, g, &all, c).is_some_and(|(s, _, _)| s.overlaps(ti)) {
                    continue;
                }
            }
            pairs.push(Pair {
                parent: p,
                column: c,
                children: children.clone(),
                holds,
                telling: nonzero >= 2,
                indents: (indent, level),
                by_code,
            });
        }
    }
    let holds: Vec<&Pair> = pairs.iter().filter(|x| x.holds && x.telling).collect();
    let fails: Vec<&Pair> = pairs.iter().filter(|x| !x.holds).collect();
    // Indents are trusted when most groups bear them out; codes need only show that the
    // columns were read right (one group that holds).
    let by_indent = holds.len() >= 3 && fails.len() * 2 <= holds.len();
    if holds.is_empty() && !fails.iter().any(|f| f.by_code) {
        return;
    }
    // In a table with codes, levels come from the codes alone.
    let coded = g.rows.iter().any(|r| r.code.is_some());
    for f in fails {
        if f.by_code || !coded && by_indent && holds.iter().any(|h| h.indents == f.indents) {
            report(doc, g, f, holds.len(), sink);
        }
    }
    if !by_indent && !pairs.iter().all(|x| x.by_code) {
        return;
    }
    for h in holds {
        if let Cell::Figure(t) = g.rows[h.parent].cells[h.column] {
            let q = &doc.figures[t].q;
            sink.verified(
                INFO.id,
                q.start..q.end,
                format!("{}等于其下级各行之和", doc.written(&doc.figures[t])),
                "equals the sum of the rows under it".into(),
            );
        }
    }
}

fn report(doc: &Document, g: &Grid, pair: &Pair, holding: usize, sink: &mut Sink) {
    let Cell::Figure(total) = g.rows[pair.parent].cells[pair.column] else {
        return;
    };
    let parts: Vec<usize> = pair
        .children
        .iter()
        .filter_map(|&r| match g.rows[r].cells[pair.column] {
            Cell::Figure(f) if !doc.figures[f].q.value.is_zero() => Some(f),
            _ => None,
        })
        .collect();
    let t = &doc.figures[total];
    let CellSum { sum, diff, formula } = cell_sum(doc, total, &parts);
    let written = doc.written(t);
    let name = row_label(doc, g, pair.parent);
    let names: Vec<String> = pair
        .children
        .iter()
        .map(|&r| row_label(doc, g, r))
        .filter(|n| !n.is_empty())
        .collect();
    let which = if names.len() == pair.children.len() {
        format!("（{}）", names.join("、"))
    } else {
        format!("（{}行）", pair.children.len())
    };
    let mut d = Draft::new(
        INFO.id,
        Severity::Error,
        t.q.start..t.q.end,
        format!(
            "{}{written}不等于其下级各行{which}之和{sum}，相差{diff}",
            if name.is_empty() {
                "本行".to_string()
            } else {
                format!("“{name}”")
            },
        ),
        format!("“{name}” {written} is not the sum of the rows under it, {sum} (off by {diff})"),
    );
    d.stated = Some(written);
    d.expected = Some(sum);
    d.formula = Some(formula);
    let levels = if pair.by_code {
        "科目编码"
    } else {
        "缩进"
    };
    d.cause = Some(format!(
        "层级按{levels}读出；本表另有{holding}处上级行等于其下级之和"
    ));
    for &p in &parts {
        let q = &doc.figures[p].q;
        d.related.push((q.start..q.end, "下级行".into()));
    }
    sink.report(d);
}
