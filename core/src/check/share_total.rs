//! `share-total`: shares of one whole listed together (`本年支出中，基本支出占60.5%，项目支出
//! 占45.2%`) cannot add up to more than 100%.
//!
//! This reads the shares the `share` rule cannot check one by one because no amount or no
//! whole is stated. Only shares in one sentence that name the same whole (or none) are added,
//! and only when nothing between them opens another breakdown (`其中`, `收入中，…支出中，`):
//! nested shares (`基本支出占80%，其中人员经费占60%`) are of another whole. A list that adds
//! to less than 100% may simply be incomplete and is not judged.

use super::{Context, Draft, Rule, RuleInfo};
use crate::claims::share::Whole;
use crate::read::interval::half_ulp;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct ShareTotal;

/// Words in a share's label that say the shares may overlap.
/// (`少数民族`, `脱贫人口` are attributes of a person as a degree is; `普惠性` kindergartens
/// include the `公办` ones.)
const OVERLAPPING: &[&str] = &[
    "以上",
    "以下",
    "学历",
    "职称",
    "党员",
    "年龄",
    "岁",
    "本科",
    "硕士",
    "博士",
    "男",
    "女",
    "少数民族",
    "脱贫",
    "低保",
    "残疾",
    "普惠",
];

/// Words of a sentence that say its groups overlap (`部分人员同时属于以上两类`).
const SAID_TO_OVERLAP: &[&str] = &["同时属于", "同时为", "同时是", "有重叠", "交叉"];

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "share-total",
    name_zh: "同一总数的占比之和",
    name_en: "Shares of one whole add up to at most 100%",
    severity: Severity::Error,
    summary_zh: "同一句中列出的同一总数的各项占比（未给出金额或总数、无法逐项核对的），相加不能超过100%。",
    summary_en: "Shares of one whole listed in one sentence (that cannot be checked one by one) cannot add up to more than 100%.",
    explanation_zh: "报告常只写占比、不写金额（“基本支出占60.5%，项目支出占39.5%”），无法逐项用金额核对。\
本规则把同一句中、所指总数相同（或都未写明）的各项占比相加：按各自的四舍五入区间取下限，和仍大于100%即为差错。\
两个占比之间出现“其中”或“……中，”（另起一个分解，如嵌套的占比或另一个总数）时不相加；和小于100%时可能只是未列全，不作判断。\n\
例：“本年支出中，基本支出占60.5%，项目支出占45.2%”：60.5% + 45.2% = 105.7% > 100%。",
    explanation_en: "Reports often give shares without amounts. Shares in one sentence that name the same whole (or \
none) are added at the low end of their rounding intervals; a sum above 100% is a slip. Shares separated by 其中 or \
by another breakdown (…中，) are not added; a sum below 100% may be an incomplete list and is not judged. Example: \
60.5% + 45.2% = 105.7%.",
};

/// What a share may be a share of: counted things or money. Two of them in one list are two
/// wholes.
const MEASURES: &[&str] = &[
    "数量", "个数", "人数", "户数", "项数", "资金", "金额", "投资", "面积",
];

impl Rule for ShareTotal {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let text = doc.text();
        // (sentence, named whole, rate), grouped by the first two; rates stay in text order.
        let mut unresolved: Vec<(usize, &str, usize)> = claims
            .shares
            .iter()
            .filter_map(|s| match &s.whole {
                Whole::Unresolved(name) if !s.respective && !s.after_list => {
                    Some((doc.figures[s.rate].sentence(), name.as_str(), s.rate))
                }
                _ => None,
            })
            .collect();
        unresolved.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
        for group in unresolved.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
            let rates: Vec<usize> = group.iter().map(|g| g.2).collect();
            let (Some(&first), Some(&last)) = (rates.first(), rates.last()) else {
                continue;
            };
            if rates.len() < 2 {
                continue;
            }
            let between = &text[doc.figures[first].q.end..doc.figures[last].q.start];
            if between.contains("其中")
                || ["中，", "中,", "中：", "支出中", "收入中", "经费中"]
                    .iter()
                    .any(|w| between.contains(w))
            {
                continue;
            }
            let sentence = &text[doc.sentences[doc.figures[first].sentence()].clone()];
            if SAID_TO_OVERLAP.iter().any(|w| sentence.contains(w)) {
                continue;
            }
            // Thresholds (`本科及以上`, `50万元以上`) are cumulative, and a person's degree,
            // title and party are three attributes, not three parts: such shares overlap.
            if rates.iter().any(|&r| {
                let label = &doc.figures[r].label;
                OVERLAPPING.iter().any(|w| label.contains(w))
            }) {
                continue;
            }
            // `小微企业` are among the `中小企业`; a group by 户籍 beside a group by anything
            // else (`农村户籍学生…，义务教育阶段学生…`) is another attribute of the same people.
            let labels = || rates.iter().map(|&r| doc.figures[r].label.as_ref());
            let named = |w: &str| labels().any(|l: &str| l.contains(w));
            if named("小微") && named("中小")
                || named("户籍") && labels().any(|l: &str| !l.contains("户籍"))
            {
                continue;
            }
            // People with an attribute (`认为服务态度好的占95.2%，认为办事效率高的占92.1%`)
            // may have several; shares of two measures (`项目数量占60.47%，资金占62.00%`) are
            // of two wholes.
            let labels = || rates.iter().map(|&r| doc.figures[r].label.as_ref());
            let measures = MEASURES
                .iter()
                .filter(|w| labels().any(|l: &str| l.contains(*w)))
                .count();
            let attribute = |l: &str| {
                let l = l.trim_end_matches(['为', '是']);
                l.ends_with("的占") || l.ends_with("的占比")
            };
            if labels().any(attribute) || measures > 1 {
                continue;
            }
            // Shares that already make up all of the whole close a breakdown: the others
            // classify it another way (`基本支出占64.41%，项目支出占35.59%；人员经费占85.40%…`,
            // `财政拨款支出占97.18%，基本支出占57.19%，项目支出占42.81%`). Any run of two or
            // more that makes 100% is looked for (in a sentence of a few shares; a longer list
            // only from its start, so that the check stays linear).
            let slack = |n: usize, r: usize| {
                half_ulp(doc.figures[r].q.decimals) * Decimal::from(n.max(rates.len()))
            };
            let starts = if rates.len() <= 16 {
                rates.len() - 1
            } else {
                1
            };
            let closed = (0..starts).any(|a| {
                let mut so_far = Decimal::ZERO;
                rates[a..].iter().enumerate().any(|(k, &r)| {
                    so_far += doc.figures[r].q.value;
                    let whole_list = a == 0 && k + 1 == rates.len();
                    k > 0 && !whole_list && (so_far - Decimal::ONE_HUNDRED).abs() <= slack(k + 1, r)
                })
            });
            if closed {
                continue;
            }
            let low: Decimal = rates
                .iter()
                .map(|&r| doc.figures[r].q.value - half_ulp(doc.figures[r].q.decimals))
                .sum();
            if low <= Decimal::ONE_HUNDRED {
                continue;
            }
            let stated: Decimal = rates.iter().map(|&r| doc.figures[r].q.value).sum();
            let terms: Vec<String> = rates
                .iter()
                .map(|&r| format!("{}%", doc.figures[r].q.value))
                .collect();
            let sum = format!("{}%", stated.normalize());
            let f = &doc.figures[last];
            let mut d = Draft::new(
                INFO.id,
                Severity::Error,
                f.q.start..f.q.end,
                format!("同一总数的各项占比之和为{sum}，超过100%"),
                format!("the shares of one whole add up to {sum}, more than 100%"),
            );
            d.stated = Some(sum.clone());
            d.expected = Some("≤ 100%".into());
            d.formula = Some(format!("{} = {sum} > 100%", terms.join(" + ")));
            for &r in &rates[..rates.len() - 1] {
                let g = &doc.figures[r];
                d.related
                    .push((g.q.start..g.q.end, format!("占比：{}", g.label)));
            }
            sink.report(d);
        }
    }
}
