//! `completion`: `完成年初预算的 r%` equals actual ÷ budget (or target).

use super::kit::{check_rate, compare_rate, pct_range, plain, show_dp, Place, RateVerdict};
use super::{Context, Rule, RuleInfo};
use crate::report::Severity;

pub struct Completion;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "completion",
    name_zh: "完成率",
    name_en: "Completion rate",
    severity: Severity::Error,
    summary_zh: "“完成年初预算的r%”“完成…目标（T）的r%”应等于实际数除以预算数或目标数。",
    summary_en: "A completion rate equals the actual figure divided by the budget or target.",
    explanation_zh: "从同一句（或同一段）中找出预算数（年初预算为、预算数）和决算数（支出决算为、执行数），或括号中的目标值，\
按四舍五入区间计算实际数÷预算数。预算为0时完成率没有意义，只作提示。\n\
例：“年初预算为183.39万元，支出决算为150.63万元，完成年初预算的82.1%”，150.63 ÷ 183.39 = 82.14%，一致；\
“完成韶关下达指标任务（21亿）的119.76%”，25.15 ÷ 21 = 119.76%，一致。",
    explanation_en: "Budget and actual are found in the same sentence or paragraph, or the target in parentheses. \
A zero budget makes the rate meaningless and is only noted. Example: 150.63 / 183.39 = 82.14% (stated 82.1%).",
};

impl Rule for Completion {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        for c in &claims.completions {
            let r = &doc.figures[c.rate];
            let at = r.q.start..r.q.end;
            let (Some(a), Some(t)) = (c.actual, c.target) else {
                sink.unchecked(
                    INFO.id,
                    at,
                    "文中未同时给出实际数和预算（目标）数",
                    "actual or budget not stated",
                );
                continue;
            };
            let (a, t) = (&doc.figures[a], &doc.figures[t]);
            let (Some(ai), Some(ti)) = (a.q.interval(), t.q.interval()) else {
                continue;
            };
            let Some(computed) = ai.div(ti) else {
                let mut d =
                    super::kit::undefined_rate(INFO.id, doc, r, t, "预算（目标）数", "完成率");
                d.related.push((a.q.start..a.q.end, "实际数".into()));
                sink.report(d);
                continue;
            };
            // The budget before its adjustment, when the rate does not say which: a rate on
            // it holds too.
            if let Some(o) = c.other_target.map(|o| &doc.figures[o]) {
                let on_other = o.q.interval().and_then(|oi| ai.div(oi));
                if let Some(x) = on_other.filter(|x| {
                    compare_rate(computed, r) != RateVerdict::Consistent
                        && compare_rate(*x, r) == RateVerdict::Consistent
                }) {
                    let formula =
                        format!("{} ÷ {} = {}", plain(a), plain(o), pct_range(x, show_dp(r)));
                    sink.verified(INFO.id, at, formula.clone(), formula);
                    continue;
                }
            }
            let formula_base = format!("{} ÷ {}", plain(a), plain(t));
            let Some(mut d) = check_rate(
                INFO.id,
                doc,
                sink,
                (computed, r),
                &formula_base,
                ("完成率", "The completion rate"),
                Place::Text,
            ) else {
                continue;
            };
            d.related.push((a.q.start..a.q.end, "实际数".into()));
            d.related
                .push((t.q.start..t.q.end, "预算（目标）数".into()));
            sink.report(d);
        }
    }
}
