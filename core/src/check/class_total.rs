//! `class-total`: in a standard table of spending by functional class (收支总表, 财政拨款收支
//! 总表, 支出总表, 一般公共预算支出表), the 类 rows add up to the table's spending total
//! (合计, 本年支出合计, 支出总计).
//!
//! A class that is not read (a name wrapped over two lines) makes the rows add up to less, and
//! a 支出总计 includes the carry-over to next year: so only a sum above the total is a slip;
//! a sum equal to it is verified, one below it is left alone. Rows must all be readable and
//! the table must state this year's amounts first.

use super::kit::money;
use super::{Context, Draft, Rule, RuleInfo};
use crate::claims::standard::{RowKey, TableKind};
use crate::read::interval::Interval;
use crate::read::quantity::Unit;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct ClassTotal;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "class-total",
    name_zh: "各类支出之和不超过支出合计",
    name_en: "Classes of spending add up to the table's total",
    severity: Severity::Error,
    summary_zh: "收支总表、财政拨款收支总表、支出总表、一般公共预算支出表中，各功能分类（类）的金额之和应等于支出合计，不能超过。",
    summary_en: "In the standard spending tables, the functional classes add up to the spending total and never exceed it.",
    explanation_zh: "标准表按功能分类列示支出，各类之和即本年支出合计。本规则按类名取出表中各类的金额（跨页续表一并读取），\
与“合计”“本年支出合计”或“支出总计”比较：相等即核对一致；大于合计是差错。小于合计时不作判断——可能有类名折行未读出，\
“支出总计”也含年末结转。\n\
例：财政拨款收支总表各类 1140.61 + 11871.20 + 23268.50 + 12600.00 + 738.45 + 15000.00 = 64618.76，支出总计却为 38191.21。",
    explanation_en: "The classes of a standard spending table add up to its total. Class rows are read by name (over \
page breaks) and compared with 合计, 本年支出合计 or 支出总计: equal is verified, above the total is a slip; below \
is not judged, since a wrapped class name may be unread and 支出总计 includes the carry-over.",
};

impl Rule for ClassTotal {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let st = &claims.standard;
        for (t, table) in st.tables.iter().enumerate() {
            let total_key = match table.kind {
                TableKind::Overview | TableKind::FiscalOverview => RowKey::SpendingTotal,
                TableKind::Spending | TableKind::GeneralSpending => RowKey::Total,
                _ => continue,
            };
            if table.other_years {
                continue;
            }
            let rows = st.rows_of(t);
            let Some(total) = rows
                .iter()
                .find(|r| r.key == total_key && !r.unreadable)
                .and_then(|r| r.amount)
            else {
                continue;
            };
            let classes: Vec<_> = rows
                .iter()
                .filter(|r| matches!(r.key, RowKey::Class(_)))
                .collect();
            if classes.len() < 2 || classes.iter().any(|r| r.unreadable) {
                continue;
            }
            let parts: Vec<usize> = classes.iter().filter_map(|r| r.amount).collect();
            // (A class amount with a unit is no table cell: nothing is summed.)
            let cells = parts.iter().map(|&f| {
                let q = &doc.figures[f].q;
                (q.unit == Unit::None).then(|| q.interval()).flatten()
            });
            let Some(sum) = Interval::sum(cells) else {
                continue;
            };
            let tq = &doc.figures[total].q;
            let Some(ti) = tq.interval().filter(|_| tq.unit == Unit::None) else {
                continue;
            };
            let at = tq.start..tq.end;
            let dp = parts
                .iter()
                .map(|&p| doc.figures[p].q.decimals)
                .chain([tq.decimals])
                .max()
                .unwrap_or(0);
            let face: Decimal = parts.iter().map(|&p| doc.figures[p].q.value).sum();
            let shown = money(face, Unit::None, dp);
            let terms: Vec<String> = parts
                .iter()
                .map(|&p| doc.written(&doc.figures[p]))
                .collect();
            let formula = format!("{} = {shown}", terms.join(" + "));
            if sum.overlaps(ti) {
                sink.verified(INFO.id, at, formula.clone(), formula);
                continue;
            }
            if !sum.is_above(ti) {
                continue;
            }
            let written = doc.written(&doc.figures[total]);
            let diff = money(face - tq.value, Unit::None, dp);
            let mut d = Draft::new(
                INFO.id,
                Severity::Error,
                at,
                format!(
                    "{}中各类支出之和{shown}大于支出合计{written}，相差{diff}",
                    table.kind.name_zh()
                ),
                format!(
                    "the classes of {} add up to {shown}, more than its total {written} (by {diff})",
                    table.kind.name_en()
                ),
            );
            d.stated = Some(written);
            d.expected = Some(shown);
            d.formula = Some(formula);
            for &p in &parts {
                let q = &doc.figures[p].q;
                d.related.push((q.start..q.end, "类".into()));
            }
            sink.report(d);
        }
    }
}
