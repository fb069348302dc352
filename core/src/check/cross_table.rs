//! `cross-table`: the standard tables state some quantities twice, and the two must agree:
//! the income rows of 收支总表 and 财政拨款收支总表 (财政拨款, 一般公共预算, 政府性基金预算,
//! 国有资本经营预算: both are this year's appropriations), and the spending of each
//! functional class in 收支总表 and in 支出总表 (both all funds).
//!
//! Only one table of each kind may be in the report (a 汇总 report with a table per unit
//! leaves the pairing open), both must be in the same unit, and a row whose cells wrap is
//! not read. When most classes disagree, the two tables do not cover the same thing (a
//! unit's table beside the department's): the differences are listed as unchecked, not as
//! slips.

use super::kit::{conflict, money};
use super::{Context, Rule, RuleInfo, Sink};
use crate::claims::standard::{Fund, KeyedRow, RowKey, StandardTables, TableKind};
use crate::read::document::Document;
use crate::read::interval::half_ulp;
use crate::read::quantity::Unit;
use crate::report::Severity;

pub struct CrossTable;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "cross-table",
    name_zh: "标准表之间的勾稽",
    name_en: "Standard tables agree with each other",
    severity: Severity::Error,
    summary_zh: "收支总表与财政拨款收支总表的各项财政拨款收入、收支总表与支出总表的各功能分类支出应相等。",
    summary_en: "The appropriation income rows of the summary and fiscal summary tables, and each functional class in the summary and spending tables, must be equal.",
    explanation_zh: "部门预算、决算的标准表中，同一数额出现在两张表里：收支总表的“财政拨款（一般公共预算、政府性基金预算、国有资本经营预算）收入”\
与财政拨款收支总表的同名本年收入行；收支总表支出方各功能分类（类）的金额与支出总表同一类的合计。本规则按表题识别这几张表，\
按行名的含义（而非位置）取出这些行，逐一比较。报告中同类表不止一张（如汇总报告附各单位表）、两表单位不同、单元格折行时不作比较；\
多数类都不相等时视为两表口径不同，列为未核对。\n\
例：收支总表“一般公共服务支出 6,651.38”，支出总表同一类合计 6,701.98，相差 50.60。",
    explanation_en: "The same amounts appear in two standard tables: the appropriation income rows of the summary \
table (收支总表) and of the fiscal appropriations summary (财政拨款收支总表); each functional class's spending in \
the summary table and in the spending table (支出总表). Tables are recognised by title and rows by meaning, not \
position. Nothing is compared when a kind of table occurs more than once, the units differ or a cell wraps; when \
most classes differ the tables are taken to cover different things and left unchecked. Example: 6,651.38 in the \
summary table against 6,701.98 in the spending table.",
};

/// Which rows two kinds of table share.
struct Pairing {
    a: TableKind,
    b: TableKind,
    /// Income rows, or the 类 rows.
    income: bool,
    /// Only when all appropriations are general-budget money: 财政拨款收支总表 then shows
    /// the same spending as 一般公共预算支出表.
    general_only: bool,
}

const PAIRINGS: &[Pairing] = &[
    Pairing {
        a: TableKind::Overview,
        b: TableKind::FiscalOverview,
        income: true,
        general_only: false,
    },
    Pairing {
        a: TableKind::Overview,
        b: TableKind::Spending,
        income: false,
        general_only: false,
    },
    Pairing {
        a: TableKind::FiscalOverview,
        b: TableKind::GeneralSpending,
        income: false,
        general_only: true,
    },
];

/// The report's appropriations are all general-budget money: its fiscal summary (or
/// summary) table has a 政府性基金 row, empty or zero, and no 国有资本经营 amount.
fn general_only(doc: &Document, st: &StandardTables) -> bool {
    let empty = |kind: TableKind, fund: Fund, required: bool| {
        let &[t] = st.of_kind(kind) else {
            return false;
        };
        match st.rows_of(t).iter().find(|r| r.key == RowKey::Income(fund)) {
            Some(r) => !r.unreadable && r.amount.is_none_or(|f| doc.figures[f].q.value.is_zero()),
            None => !required,
        }
    };
    [TableKind::FiscalOverview, TableKind::Overview]
        .iter()
        .any(|&k| empty(k, Fund::GovernmentFund, true) && empty(k, Fund::StateCapital, false))
}

impl Rule for CrossTable {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let st = &claims.standard;
        for p in PAIRINGS {
            let (a, b) = (st.of_kind(p.a), st.of_kind(p.b));
            let (&[a], &[b]) = (a, b) else {
                continue;
            };
            if st.tables[a].other_years || st.tables[b].other_years {
                continue;
            }
            if matches!((st.tables[a].unit, st.tables[b].unit), (Some(x), Some(y)) if x != y) {
                continue;
            }
            if p.general_only && !general_only(doc, st) {
                continue;
            }
            let wanted = |r: &&KeyedRow| match r.key {
                RowKey::Income(_) => p.income,
                RowKey::Class(_) => !p.income,
                RowKey::Total | RowKey::SpendingTotal => false,
            };
            // Each meaning occurs once in a table: a row is paired by a search among its
            // table's few dozen rows (a map would cost more code in the wasm than it saves).
            let rb: Vec<&KeyedRow> = st.rows_of(b).iter().filter(wanted).collect();
            let pairs: Vec<(&KeyedRow, &KeyedRow, usize, usize)> = st
                .rows_of(a)
                .iter()
                .filter(wanted)
                .filter_map(|x| {
                    let y = *rb.iter().find(|y| y.key == x.key)?;
                    if x.unreadable || y.unreadable {
                        return None;
                    }
                    Some((x, y, x.amount?, y.amount?))
                })
                .collect();
            let differ = |fa: usize, fb: usize| {
                let (qa, qb) = (&doc.figures[fa].q, &doc.figures[fb].q);
                let tolerance = half_ulp(qa.decimals).max(half_ulp(qb.decimals));
                (qa.value - qb.value).abs() >= tolerance
            };
            // A fiscal summary's class row of mixed funds (`交通运输支出 250.00 200.00 50.00`:
            // 合计, then 一般公共预算, then 政府性基金) is no general-budget amount: its 合计 is
            // not compared with the general-budget table.
            let mixed = |f: usize| {
                doc.figures.get(f + 1).is_some_and(|g| {
                    let q = &doc.figures[f].q;
                    !doc.text()[q.end..g.q.start].contains('\n')
                        && g.q.unit == Unit::None
                        && g.q.value != q.value
                })
            };
            let pairs: Vec<_> = pairs
                .into_iter()
                .filter(|&(_, _, fa, _)| !(p.general_only && mixed(fa)))
                .collect();
            let failing = pairs.iter().filter(|&&(_, _, x, y)| differ(x, y)).count();
            let unlike = !p.income && failing > 1 && failing * 2 > pairs.len();
            for &(x, y, fa, fb) in &pairs {
                report_pair(doc, st, sink, (x, fa), (y, fb), differ(fa, fb), unlike);
            }
        }
    }
}

fn report_pair(
    doc: &Document,
    st: &StandardTables,
    sink: &mut Sink,
    (x, fa): (&KeyedRow, usize),
    (y, fb): (&KeyedRow, usize),
    differs: bool,
    unlike: bool,
) {
    let (ta, tb) = (st.tables[x.table].kind, st.tables[y.table].kind);
    let (fx, fy) = (&doc.figures[fa], &doc.figures[fb]);
    let name = x.key.name_zh();
    let at = fy.q.start..fy.q.end;
    if !differs {
        sink.verified(
            INFO.id,
            at,
            format!(
                "{}“{name}”{}与{}一致",
                tb.name_zh(),
                doc.written(fy),
                ta.name_zh()
            ),
            format!(
                "{name} {} in {} agrees with {}",
                doc.written(fy),
                tb.name_en(),
                ta.name_en()
            ),
        );
        return;
    }
    if unlike {
        sink.unchecked(
            INFO.id,
            at,
            "两表多数项目都不相等，口径可能不同（如一张是单位表），未比较",
            "most rows of the two tables differ: they may cover different things (a unit's table), not compared",
        );
        return;
    }
    let dp = fx.q.decimals.max(fy.q.decimals);
    let diff = money((fx.q.value - fy.q.value).abs(), Unit::None, dp);
    let (wx, wy) = (doc.written(fx), doc.written(fy));
    let d = conflict(
        INFO.id,
        Severity::Error,
        (at, &wy),
        (
            &wx,
            [(
                fx.q.start..fx.q.end,
                format!("{}中的“{name}”", ta.name_zh()),
            )],
        ),
        format!("{wx} − {wy} = {diff}"),
        (
            format!(
                "{}中“{name}”为 {wy}，{}中为 {wx}，相差 {diff}",
                tb.name_zh(),
                ta.name_zh(),
            ),
            format!(
                "{name} is {wy} in {} but {wx} in {}, a difference of {diff}",
                tb.name_en(),
                ta.name_en(),
            ),
        ),
    );
    sink.report(d);
}
