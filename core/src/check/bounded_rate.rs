//! `bounded-rate`: a rate that is a share of its own whole by definition (满意度, 合格率,
//! 覆盖率, 知晓率…) stated above 100% (`人民群众满意度 200%`). Whatever the figures behind it,
//! no more than all of those asked can be satisfied and no more than all of those checked can
//! pass; often a target typed with an extra digit or a ratio column pasted into the value's.
//!
//! One pass over the figures; only the words right before a rate are looked at.

use super::{Context, Rule, RuleInfo};
use crate::report::Severity;

pub struct BoundedRate;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "bounded-rate",
    name_zh: "满意度、合格率超过100%",
    name_en: "A satisfaction or pass rate above 100%",
    severity: Severity::Error,
    summary_zh: "满意度、合格率、覆盖率、知晓率、达标率、准确率、及时率等是部分占全体的比率，不可能超过100%。",
    summary_en: "Satisfaction, pass, coverage, awareness, compliance, accuracy and timeliness rates are parts of a whole: never above 100%.",
    explanation_zh: "这类比率的分子是分母的一部分（满意的人数占受访人数，合格的批次占抽检批次），最高为100%。\
写成超过100%，多是目标值或实际值多打了一位，或把完成比率（实际值÷目标值）填进了这一栏。\
只判断紧跟在比率名称之后的数字（中间只有“为、达到、≥、不低于”之类）；完成率、执行率、使用率、\
入学率等可以超过100%的比率不在此列，“满意度提高120%”这类变动也不在此列。\n\
例：绩效目标表中“人民群众满意度 200%”——满意度不可能超过100%。",
    explanation_en: "The numerator of such a rate is part of its denominator, so it is at most 100%. A larger \
figure is usually a target or result typed with an extra digit, or a ratio (result ÷ target) put in the \
value's column. Only a rate right after the rate's name is judged (with at most 为, 达到, ≥, 不低于 between); \
completion, execution, utilisation and enrolment rates can exceed 100% and are left alone, as are changes \
(满意度提高120%). Example: 人民群众满意度 200% in a target table.",
};

/// Rates whose numerator is part of their denominator.
const BOUNDED: &[&str] = &[
    "满意度",
    "满意率",
    "合格率",
    "覆盖率",
    "知晓率",
    "达标率",
    "准确率",
    "正确率",
    "及时率",
    "办结率",
    "合规率",
    "完好率",
    "优良率",
    "好评率",
];

/// What may stand between a rate's name and its value: `为`, `达到`, `保持在`, `≥`,
/// `不低于`, `大于等于`, `：`.
fn is_connector(c: char) -> bool {
    "：:为达到在保持不低少于得≥≧>＞=＝大高至".contains(c) || c.is_whitespace()
}

impl Rule for BoundedRate {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, _, sink) = cx.parts();
        let text = doc.text();
        for f in doc.figures.iter().filter(|f| super::kit::rate_above_all(f)) {
            let before = text[f.label_start()..f.q.start].trim_end_matches(is_connector);
            let Some(name) = BOUNDED.iter().find(|w| before.ends_with(*w)) else {
                continue;
            };
            let d = super::kit::above_all(INFO.id, doc, f, |written| {
                (
                    format!("{name}是部分占全体的比率，不可能超过100%，文中为{written}"),
                    format!("A rate that is a part of its whole ({name}) cannot exceed 100%; the text says {written}"),
                )
            });
            sink.report(d);
        }
    }
}
