//! `table-text`: a figure the explanations state for a row of a standard table equals that
//! row's cell: the appropriation income by fund (`一般公共预算拨款收入37018.75万元` against
//! 收支总表's 一般公共预算 row) and, in the explanation of the 财政拨款 budget, each functional
//! class (`社会保障和就业支出11871.20万元` against 财政拨款收支总表's row).
//!
//! The binding goes through the fact registry's keys, which already keep apart years
//! (`上年`), changes (`比上年增加`), totals with carry-overs (`总计`) and sections: only this
//! year's figures whose key names the row exactly are compared, in a final account only
//! outturns, and only against the one table of that kind, in a unit its header states.

use super::kit::{conflict, money, states_cell};
use super::{Context, Rule, RuleInfo, Sink};
use crate::claims::facts::{FactKey, Flow, Period, Scope, Stage};
use crate::claims::standard::{class_of, Fund, RowKey, TableKind};
use crate::claims::three_public::{Column, Reading};
use crate::claims::Claims;
use crate::read::document::{Document, Figure};
use crate::read::quantity::{Money, Unit};
use crate::report::{ReportKind, Severity};

pub struct TableText;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "table-text",
    name_zh: "说明与标准表一致",
    name_en: "Explanations agree with the standard tables",
    severity: Severity::Error,
    summary_zh: "情况说明中的财政拨款（一般公共预算、政府性基金）收入、财政拨款各功能分类支出，应与收支总表、财政拨款收支总表的对应行相等。",
    summary_en: "The appropriation income by fund and the fiscal spending by class stated in the explanations equal the corresponding rows of the summary tables.",
    explanation_zh: "情况说明逐项复述标准表的数字。本规则按金额的含义（名称、年度、收入或支出、所在章节）找到表中的对应行：\
“一般公共预算拨款收入”“政府性基金预算拨款收入”“财政拨款收入”对应收支总表的同名收入行；财政拨款收支情况一节中各功能分类（类）的支出\
对应财政拨款收支总表的同名行。只比较本年数（决算只比较决算数），同类表只有一张、且表头写明单位时才比较，按四舍五入区间换算为元后不相交即不一致。\n\
例：说明“一般公共预算拨款收入37018.75万元”，收支总表中一般公共预算为 25591.21。",
    explanation_en: "The explanations restate the standard tables. Figures are matched to table rows by meaning \
(name, year, income or spending, section): appropriation income by fund against the summary table's income rows; in \
the fiscal-appropriation section, each functional class against the fiscal summary table's row. Only this year's \
figures (outturns in final accounts) are compared, against the one table of that kind with a stated unit, on rounding \
intervals in yuan.",
};

impl Rule for TableText {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        three_public_cells(doc, claims, sink);
        let st = &claims.standard;
        if st.rows.is_empty() {
            return;
        }
        let final_accounts = doc.info().kind == ReportKind::FinalAccounts;
        for (key, facts) in &claims.facts.groups {
            if key.period != Period::Current || final_accounts && key.stage != Stage::Outturn {
                continue;
            }
            let Some((kind, row_key)) = row_named(key) else {
                continue;
            };
            let Some((table, row)) = st.row(kind, row_key) else {
                continue;
            };
            let Some(Unit::Money(unit)) = table.unit else {
                continue;
            };
            let cell = &doc.figures[row.amount.expect("a readable row has an amount")];
            let (table_name, name) = (kind.name_zh(), row_key.name_zh());
            let place = CellPlace {
                zh: format!("{table_name}“{name}”"),
                note: format!("{table_name}中的“{name}”"),
                en: kind.name_en(),
            };
            for fact in facts.iter().filter(|f| !f.from_table) {
                let f = &doc.figures[fact.figure()];
                if f.q.unit.is_money() {
                    let label = (fact.label.as_ref(), fact.label.as_ref());
                    against_cell(doc, sink, (f, label), (cell, unit), &place);
                }
            }
        }
    }
}

/// The table row a fact key names: `一般公共预算拨款` (income) → 收支总表's 一般公共预算 row;
/// `社会保障和就业` (spending) in the 财政拨款 scope → 财政拨款收支总表's 类 row.
fn row_named(key: &FactKey) -> Option<(TableKind, RowKey)> {
    if key.code.is_some() || key.section.is_some() {
        return None;
    }
    let name = key.name.as_str();
    match key.flow {
        Flow::Income => {
            // The registry scopes a fund's own items under it (`政府性基金` + `预算拨款`).
            let stem = match key.scope {
                None | Some(Scope::Fiscal) => name.to_string(),
                Some(scope) => format!("{}{name}", scope.name_zh()),
            };
            let stem = stem.trim_end_matches("财政拨款").trim_end_matches("拨款");
            let fund = match stem {
                "一般公共预算" => Fund::General,
                "政府性基金预算" | "政府性基金" => Fund::GovernmentFund,
                "国有资本经营预算" => Fund::StateCapital,
                "财政" | "" if key.scope.is_none() && name.starts_with("财政拨款") => {
                    Fund::Fiscal
                }
                _ => return None,
            };
            Some((TableKind::Overview, RowKey::Income(fund)))
        }
        Flow::Spending => {
            if let Some(total) = general_budget_total(key) {
                return Some(total);
            }
            // In the 一般公共预算 section, a class is a row of its own table (表5).
            match key.scope? {
                Scope::GeneralFiscal => {
                    Some((TableKind::GeneralSpending, RowKey::Class(class_of(name)?)))
                }
                Scope::Fiscal => Some((TableKind::FiscalOverview, RowKey::Class(class_of(name)?))),
                _ => None,
            }
        }
        // `2026年一般公共预算当年拨款432,564.30万元`: named without 支出.
        Flow::Unnamed => general_budget_total(key),
    }
}

/// `（本部门）2026年一般公共预算财政拨款支出预算`, `一般公共预算当年拨款`: the general budget
/// table's 合计.
fn general_budget_total(key: &FactKey) -> Option<(TableKind, RowKey)> {
    let plain = key.scope.is_none()
        && ["一般公共预算财政拨款", "一般公共预算拨款", "一般公共预算"]
            .iter()
            .any(|w| key.name.ends_with(w));
    (plain || key.scope == Some(Scope::GeneralFiscal) && key.name == "当年拨款")
        .then_some((TableKind::GeneralSpending, RowKey::Total))
}

/// The 三公 column a fact key names: `三公` (the 合计), `因公出国（境）`, `公务用车购置及运行`, …
fn three_public_column(key: &FactKey) -> Option<Column> {
    if key.code.is_some()
        || key.section.is_some()
        || !matches!(
            key.scope,
            None | Some(Scope::Fiscal) | Some(Scope::GeneralFiscal)
        )
        || key.flow == Flow::Income
    {
        return None;
    }
    Some(match key.name.as_str() {
        "三公" | "三公经费" => Column::Total,
        "因公出国（境）" | "因公出国" | "出国（境）" => Column::Abroad,
        "公务用车购置及运行" | "公务用车购置及运行维护" => Column::CarSubtotal,
        "公务用车购置" => Column::CarPurchase,
        "公务用车运行" | "公务用车运行维护" => Column::CarRunning,
        "公务接待" => Column::Reception,
        _ => return None,
    })
}

/// The explanations' 三公 figures against the one 三公 table whose columns are known: this
/// year's, the budget against a 预算数 group and the outturn against a 决算数 group (or a
/// budget's only group, or its group of the report's year). Which of 因公出国 and 公务接待
/// (of 购置 and 运行) is which column is known only from a header in columns: without it, a
/// figure equal to the other column's cell is left unchecked.
fn three_public_cells(doc: &Document, claims: &Claims, sink: &mut Sink) {
    let mut known = claims.three_public.iter().filter_map(|r| match r {
        Reading::Known {
            groups,
            blanks_restored: false,
            unit: Some(unit),
            abroad_first,
        } => Some((groups, *unit, *abroad_first)),
        _ => None,
    });
    let (Some((groups, unit, abroad_first)), None) = (known.next(), known.next()) else {
        return;
    };
    let info = doc.info();
    let year = info.year.map(|y| format!("{y}年"));
    for (key, facts) in &claims.facts.groups {
        if key.period != Period::Current {
            continue;
        }
        let Some(column) = three_public_column(key) else {
            continue;
        };
        let group = groups
            .iter()
            .position(|(name, _)| match (name.as_deref(), key.stage) {
                (Some("预算数"), Stage::Budget) | (Some("决算数"), Stage::Outturn) => true,
                (Some(n), Stage::Budget) => {
                    info.kind == ReportKind::Budget && year.as_deref() == Some(n)
                }
                (None, Stage::Budget) => groups.len() == 1 && info.kind == ReportKind::Budget,
                _ => false,
            });
        let Some((name, cells)) = group.map(|k| &groups[k]) else {
            continue;
        };
        let Some(cell) = cells[column as usize].map(|c| &doc.figures[c]) else {
            continue;
        };
        let partner = match column {
            Column::Abroad => Some(Column::Reception),
            Column::Reception => Some(Column::Abroad),
            Column::CarPurchase => Some(Column::CarRunning),
            Column::CarRunning => Some(Column::CarPurchase),
            _ => None,
        };
        let confirmed = match column {
            Column::Abroad | Column::Reception => abroad_first == Some(true),
            _ => false,
        };
        let group_name = name
            .as_deref()
            .map(|n| format!("（{n}）"))
            .unwrap_or_default();
        let what = format!("“三公”经费表{group_name}“{}”", column.name_zh());
        let place = CellPlace {
            zh: what.clone(),
            note: what,
            en: "the 三公 table",
        };
        let other = partner
            .and_then(|p| cells[p as usize])
            .map(|c| &doc.figures[c]);
        for fact in facts.iter().filter(|f| !f.from_table) {
            let f = &doc.figures[fact.figure()];
            if !f.q.unit.is_money() || f.in_table {
                continue;
            }
            if !states_cell(f, cell, unit)
                && !confirmed
                && other.is_some_and(|o| states_cell(f, o, unit))
            {
                sink.unchecked(
                    INFO.id,
                    f.q.start..f.q.end,
                    "与“三公”经费表中另一列的数相等：表头未分列，两列孰先孰后无法确定",
                    "equals the 三公 table's other column: which of the two is which is unknown",
                );
                continue;
            }
            let label = (
                fact.label.trim_end_matches(['为', '是', '：']),
                fact.label.as_ref(),
            );
            against_cell(doc, sink, (f, label), (cell, unit), &place);
        }
    }
}

/// Where a table's cell stands, as the findings name it: `收支总表“一般公共预算”` (`zh`), the
/// note on the cell (`收支总表中的“一般公共预算”`), and the table in English.
struct CellPlace {
    zh: String,
    note: String,
    en: &'static str,
}

/// An explanation's figure, with the label it is said under (in the Chinese and the English
/// message), against the table cell it states in the unit the table's header gives:
/// verified, or the conflict.
fn against_cell(
    doc: &Document,
    sink: &mut Sink,
    (f, (label_zh, label_en)): (&Figure, (&str, &str)),
    (cell, unit): (&Figure, Money),
    place: &CellPlace,
) {
    let at = f.q.start..f.q.end;
    let CellPlace { zh, note, en } = place;
    if states_cell(f, cell, unit) {
        sink.verified(
            INFO.id,
            at,
            format!("与{zh}{}一致", doc.written(cell)),
            format!("agrees with {} in {en}", doc.written(cell)),
        );
        return;
    }
    let shown = money(cell.q.value * unit.scale(), f.q.unit, f.q.decimals);
    let (said, cell_said) = (doc.written(f), doc.written(cell));
    let d = conflict(
        INFO.id,
        Severity::Error,
        (at, &said),
        (&shown, [(cell.q.start..cell.q.end, note.clone())]),
        None,
        (
            format!(
                "说明中{label_zh}为{said}，{zh}为{cell_said}（{}）",
                unit.name()
            ),
            format!(
                "the explanation says {said} for {label_en}, {en} says {cell_said} ({})",
                unit.name()
            ),
        ),
    );
    sink.report(d);
}
