//! `sum`: the parts listed under a total add up to it, within rounding.

use super::kit::check_sum;
use super::{Context, Rule, RuleInfo};
use crate::report::Severity;

pub struct Sum;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "sum",
    name_zh: "分项之和",
    name_en: "Parts add up to the total",
    severity: Severity::Error,
    summary_zh: "“合计/总计…其中/包括/主要用于…”所列各项金额之和应等于合计数。",
    summary_en: "Amounts listed under a total (其中/包括/主要用于) add up to it.",
    explanation_zh: "报告常写“收入合计N万元，其中：A a万元；B b万元”。按四舍五入，写有k位小数的数代表区间\
[v−0.5×10^-k, v+0.5×10^-k]；各分项区间之和与合计区间不相交即为错误。\
“主要用于/主要包括”可能未列全，分项之和小于合计时只作提示；任何一项或分项之和大于合计都是错误。\n\
例：“总支出为31538486.48元：基本支出为5270317.31元；项目支出16220000.00元”，\
5270317.31 + 16220000.00 = 21490317.31 ≠ 31538486.48，相差10048169.17元。",
    explanation_en: "A stated value with k decimals stands for [v − 0.5·10^-k, v + 0.5·10^-k]; the parts' \
interval sum must overlap the total's. Lists introduced by 主要 may be partial: a shortfall there is only a note. \
Example: 5270317.31 + 16220000.00 = 21490317.31, but the total is stated as 31538486.48.",
};

impl Rule for Sum {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        // Money only. Sums of counts (人, 个, 辆) are the `count` rule's, by the same kit
        // function: `--rules sum` leaves them out and `--rules count` checks them, so that a
        // finding's rule says whether it is about amounts or counts.
        for c in claims
            .sums
            .iter()
            .filter(|c| doc.figures[c.total].q.unit.is_money())
        {
            check_sum(INFO.id, doc, c, sink);
        }
    }
}
