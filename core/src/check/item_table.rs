//! `item-table`: a 项 line of the explanations states the figure of its table row: the line
//! `农林水支出（类）农业农村（款）农业生产发展（项）……支出决算为714.91万元` and the row
//! `2130122 农业生产发展 741.91` of 一般公共预算财政拨款支出决算表.
//!
//! The line is bound to its row by code (by the names of its 类, 款 and 项 through the
//! tables' own rows; see `claims::item_rows`). Its figure agrees when it is the 合计 (first
//! amount) of any row of that code. It is a slip only when no amount of any row of that code
//! is that figure, the line's section is about appropriations, and the general budget table
//! holds the row with a stated unit, this year's columns and a 合计 its columns add up to:
//! then the 合计 there is what the line should say. Otherwise the line is listed unchecked.

use super::kit::{money, states_cell};
use super::{Context, Draft, Rule, RuleInfo};
use crate::claims::item_rows::{ItemRow, RowRef};
use crate::claims::standard::{StandardTables, TableKind};
use crate::read::document::Document;
use crate::read::interval::Interval;
use crate::read::quantity::{Money, Unit};
use crate::report::Severity;

pub struct ItemTable;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "item-table",
    name_zh: "项级科目说明与表一致",
    name_en: "Item lines agree with their table rows",
    severity: Severity::Error,
    summary_zh: "说明中按“类、款、项”逐项列出的支出数，应与表中同一科目（同一编码）的合计数相等。",
    summary_en: "A spending figure the explanations state for a classification item (类/款/项) equals the total of that item's row in the tables.",
    explanation_zh: "决算说明和预算说明逐项复述一般公共预算支出表中项级科目的数字。本规则按表中各行的编码和名称，\
由说明所写的类、款、项名称找到对应编码的行：说明中的数等于该编码任一行的合计即为一致；与该编码各行的各栏都不相同，\
且说明所在一节讲的是财政拨款、一般公共预算支出表中该行写明单位、只有本年数且合计等于其后各栏之和时，判为不一致，\
以该行合计为应有之数；其余情形列为未核查。\n\
例：说明“农林水支出（类）农业农村（款）农业生产发展（项）……支出决算为714.91万元”，一般公共预算财政拨款支出决算表中\
2130122 农业生产发展 合计为 741.91。",
    explanation_en: "The explanations restate the item rows of the general budget spending table. The rule finds \
the row by code, through the tables' own rows for the 类, 款 and 项 names the line gives. The line agrees when its figure \
is the total (first amount) of a row of that code. It is reported when no amount of any row of that code equals it, the \
section is about appropriations, and the general budget table holds the row with a stated unit, this year's columns \
only and a total its columns add up to; otherwise it is listed unchecked.",
};

impl Rule for ItemTable {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        for b in &claims.item_rows {
            let f = &doc.figures[b.figure];
            let Unit::Money(written) = f.q.unit else {
                continue;
            };
            let at = f.q.start..f.q.end;
            let st = &claims.standard;
            let code = b.code;
            let name = &b.name;
            // A row's 合计 that is this figure.
            let total_matches = b.rows.iter().find_map(|r| {
                let first = r.amounts.start;
                units(st, r, written)
                    .into_iter()
                    .any(|u| states_cell(f, &doc.figures[first], u))
                    .then_some(first)
            });
            if let Some(cell) = total_matches {
                let cell = &doc.figures[cell];
                sink.verified(
                    INFO.id,
                    at,
                    format!("与表中{name}（{code}）的合计{}一致", doc.written(cell)),
                    format!(
                        "agrees with the total {} of item {code} in the tables",
                        doc.written(cell)
                    ),
                );
                continue;
            }
            let any_matches = b.rows.iter().any(|r| {
                units(st, r, written).into_iter().any(|u| {
                    r.amounts
                        .clone()
                        .any(|c| states_cell(f, &doc.figures[c], u))
                })
            });
            if any_matches {
                sink.unchecked(
                    INFO.id,
                    at,
                    &format!("与表中{name}（{code}）的合计不同，但与该行另一栏相同，无法确定对照哪一栏"),
                    &format!("differs from the total of item {code} but equals another column of its row"),
                );
                continue;
            }
            match designated(doc, st, b) {
                Some((cell, unit)) if b.certain && b.fiscal => {
                    let cell = &doc.figures[cell];
                    let shown = money(cell.q.value * unit.scale(), f.q.unit, f.q.decimals);
                    let mut d = Draft::new(
                        INFO.id,
                        Severity::Error,
                        at,
                        format!(
                            "说明中{name}（{code}）为{}，一般公共预算支出表中该科目合计为{}（{}）",
                            doc.written(f),
                            doc.written(cell),
                            unit.name()
                        ),
                        format!(
                            "the explanation says {} for item {code}; the general budget spending table's total for it is {} ({})",
                            doc.written(f),
                            doc.written(cell),
                            unit.name()
                        ),
                    );
                    d.stated = Some(doc.written(f));
                    d.expected = Some(shown);
                    d.related
                        .push((cell.q.start..cell.q.end, format!("表中{name}（{code}）的合计")));
                    sink.report(d);
                }
                _ => sink.unchecked(
                    INFO.id,
                    at,
                    &format!("与表中{name}（{code}）各栏均不相同，但无法确定应对照哪张表的哪一栏"),
                    &format!("equals no amount of item {code} in the tables, but which table and column it restates is not certain"),
                ),
            }
        }
    }
}

/// The units a row's amounts may be in: its table's stated unit; without one, the line's
/// own or 元.
fn units(st: &StandardTables, r: &RowRef, written: Money) -> Vec<Money> {
    match r.table.and_then(|t| st.tables[t].unit) {
        Some(Unit::Money(u)) => vec![u],
        Some(_) => Vec::new(),
        None => vec![written, Money::Yuan],
    }
}

/// The 合计 the line should state: the row of its code in the general budget spending table,
/// when that table states its unit and only this year's columns, and the row's 合计 is the
/// sum of its other amounts (so its columns were read right). Every such row must agree.
fn designated(doc: &Document, st: &StandardTables, b: &ItemRow) -> Option<(usize, Money)> {
    let mut found: Option<(usize, Money)> = None;
    for r in &b.rows {
        let Some(t) = r.table.map(|t| &st.tables[t]) else {
            continue;
        };
        let Some(Unit::Money(unit)) = t.unit else {
            continue;
        };
        if t.kind != TableKind::GeneralSpending || t.other_years || !adds_up(doc, r) {
            continue;
        }
        let cell = r.amounts.start;
        match found {
            Some((c, _)) if doc.figures[c].q.value != doc.figures[cell].q.value => return None,
            Some(_) => {}
            None => found = Some((cell, unit)),
        }
    }
    found
}

/// A row whose first amount is the sum of the others (or that has one or two amounts alike).
fn adds_up(doc: &Document, r: &RowRef) -> bool {
    let first = &doc.figures[r.amounts.start];
    let rest = r.amounts.start + 1..r.amounts.end;
    if rest.is_empty() {
        return true;
    }
    let Some(sum) = Interval::sum(rest.map(|c| doc.figures[c].q.interval())) else {
        return false;
    };
    first.q.interval().is_some_and(|t| t.overlaps(sum))
}
