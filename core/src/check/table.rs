//! `table`: the arithmetic inside pasted tables — 合计/总计/小计 rows and grouped 合计
//! columns equal the sums of their rows, 执行率 = 执行数 ÷ 预算数, 得分 ≤ 分值 (the claims
//! `claims/table.rs` reads from the tables' rows and headers).

use super::kit::Place;
use super::{Context, Rule, RuleInfo, Sink};
use crate::claims::table::RowClaim;
use crate::read::document::Document;
use crate::report::Severity;

pub struct TableRule;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "table",
    name_zh: "表格勾稽",
    name_en: "Table arithmetic",
    severity: Severity::Error,
    summary_zh: "表格中的合计/总计/小计行、分组合计列应等于各行之和；执行率列应等于执行数 ÷ 预算数；得分不超过分值。",
    summary_en: "Table total rows and grouped total columns equal their rows; 执行率 = 执行数 ÷ 预算数; 得分 ≤ 分值.",
    explanation_zh: "粘贴的表格按两种形式还原为行列：每行一行、单元格以制表符分隔；或每个单元格单独一行、以空行分隔各行。\
表头为不含数字的行。合计/总计行逐列与其上各行之和核对（有“小计”行时，合计只与各小计核对；有“其中”行时不核对，以免重复计算）；\
分组行（首列写组名、其余只有数字，其下各行首列为空或缩进）与其下各行之和核对，不再计入合计；\
同一列的数按该列最多的小数位数读（得分列有9.67时，20即20.00）；\
“合计”列只在每组首行有数时，与该组“小计”列之和核对；执行率列按四舍五入区间与执行数 ÷ 预算数核对；得分大于分值为错误。\n\
例：绩效自评表“综合业务费 | 12.42 | 6.96 | 56.07%”：6.96 ÷ 12.42 = 56.04%，表中写56.07%。",
    explanation_en: "Tables pasted as tab-separated rows or one cell per line are rebuilt. Total rows are checked \
column by column against the rows above (against 小计 rows when present; not when 其中 rows make the structure \
ambiguous); a group's row (its name in the first column, figures only, the rows under it indented or with an \
empty first column) against the rows under it, and not as one more part of the total; a column's figures are read \
to the column's precision (a 20 among 9.67 is 20.00); a 合计 column filled only on each group's first row against the group's 小计 column; rate columns on \
rounding intervals; a score above its maximum is an error. Example: 6.96 ÷ 12.42 = 56.04%, the table says 56.07%.",
};

impl Rule for TableRule {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let sums = &claims.table_sums;
        for (bound, rows) in sums.per_table.iter().zip(&sums.row_claims) {
            for b in bound {
                let why = (
                    "表中合计行过多，未逐一与各级科目核对",
                    "too many total rows to check each against the codes",
                );
                super::kit::check_bound(INFO.id, doc, b, sink, why);
            }
            for &claim in rows {
                check_row_claim(doc, claim, sink);
            }
        }
        for claim in &sums.laid_out {
            super::kit::check_sum(INFO.id, doc, claim, sink);
        }
    }
}

/// A row's rate or score claim checked.
fn check_row_claim(doc: &Document, claim: RowClaim, sink: &mut Sink) {
    match claim {
        RowClaim::Rate {
            actual,
            budget,
            rate,
        } => check_rate(doc, actual, budget, rate, sink),
        RowClaim::Score { score, max } => {
            super::kit::check_score(INFO.id, doc, (score, max), ("分值", "the maximum"), sink)
        }
    }
}

fn plain(doc: &Document, f: usize) -> String {
    super::kit::plain(&doc.figures[f])
}

fn check_rate(doc: &Document, actual: usize, budget: usize, rate: usize, sink: &mut Sink) {
    let (a, b, r) = (
        &doc.figures[actual],
        &doc.figures[budget],
        &doc.figures[rate],
    );
    let (Some(ai), Some(bi)) = (a.q.interval(), b.q.interval()) else {
        return;
    };
    let formula_base = format!("{} ÷ {}", plain(doc, actual), plain(doc, budget));
    let Some(computed) = ai.div(bi) else {
        sink.report(super::kit::undefined_rate(
            INFO.id,
            doc,
            r,
            b,
            "预算数",
            "执行率",
        ));
        return;
    };
    let Some(mut d) = super::kit::check_rate(
        INFO.id,
        doc,
        sink,
        (computed, r),
        &formula_base,
        ("执行率", "The rate"),
        Place::Table,
    ) else {
        return;
    };
    d.related.push((a.q.start..a.q.end, "执行数".into()));
    d.related.push((b.q.start..b.q.end, "预算数".into()));
    sink.report(d);
}
