//! `classified`: spending lines by functional classification (类/款/项) add up to the 类
//! totals and to the total that introduces them; their budgets add up to the stated budget.

use super::{Context, Rule, RuleInfo};
use crate::report::Severity;

pub struct Classified;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "classified",
    name_zh: "类款项明细",
    name_en: "Functional classification lines",
    severity: Severity::Error,
    summary_zh: "“X（类）Y（款）Z（项）…支出决算为N万元”各行之和应等于该类合计，全部各行之和应等于引出它们的总数，各行年初预算之和应等于年初预算总数。",
    summary_en: "The 类/款/项 lines add up to each 类 total stated elsewhere, to the total that introduces them, and their budgets to the stated budget.",
    explanation_zh: "决算说明逐项列出“类（款）（项）”的年初预算与支出决算，类的合计常在前文“主要用于以下方面”中给出。\
按类名（去掉“支出”“等”字样）归并各项，按四舍五入区间与类合计核对；各项之和大于合计为错误，小于合计只作提示\
（可能未逐项列出）。引出各行的段落以“其中：”结尾时，其决算数与年初预算数分别与各行之和核对。\n\
例：前文“科学技术（类）支出218.05万元”，下文“科学技术（类）科学技术管理事务（款）行政运行（项）…支出决算为150.63万元”\
与“…一般行政管理事务（项）…支出决算为67.42万元”：150.63 + 67.42 = 218.05，一致。",
    explanation_en: "Item lines are grouped by their 类 (name without 支出/等) and checked on rounding intervals \
against the 类 totals stated elsewhere (more than the total is an error, less only a note), and against the totals \
of the paragraph ending in 其中 that introduces them. Example: 150.63 + 67.42 = 218.05 for 科学技术（类）.",
};

impl Rule for Classified {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        for b in &claims.classified.sums {
            let why = (
                "同一类的合计出现次数过多，未逐一核对",
                "too many totals of one class to check each",
            );
            super::kit::check_bound(INFO.id, doc, b, sink, why);
        }
    }
}
