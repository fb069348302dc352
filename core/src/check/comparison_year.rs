//! `comparison-year`: a year-on-year change compares with the year before the report's
//! (`较2018年增加` in a 2021 report is usually a sentence carried over from an older report).
//!
//! Only a change whose own comparison names a year earlier than the previous one is flagged,
//! as a warning: a report may compare with an older year on purpose. The report's own year
//! (`与2021年年初预算相比` in a 2021 final account) is the budget of the same year, not a
//! slip.

use super::{Context, Draft, Rule, RuleInfo};
use crate::report::Severity;

pub struct ComparisonYear;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "comparison-year",
    name_zh: "比较年份不是上年",
    name_en: "Comparison with a year other than the previous",
    severity: Severity::Warning,
    summary_zh: "增减比较所比的年份早于报告年度的上一年（如2021年度报告中“较2018年增加”），多为沿用旧报告的文字。",
    summary_en: "A year-on-year change that compares with a year before the previous one (较2018年 in a 2021 report), usually text carried over from an older report.",
    explanation_zh: "部门预算、决算和绩效报告的增减分析都与上一年度比较。比较对象写成更早的年份，\
多是照搬往年报告时未改年份，所列增减额和增减率也可能仍是旧数。报告有时也会有意与更早的年份比较，故为警告。\n\
例：2021年度决算中“培训费10.00万元，较2018年增加2.00万元”——应为“较2020年”。",
    explanation_en: "Changes in budget, final-account and performance reports compare with the previous year. A \
comparison with an earlier year is usually text copied from an older report without updating the year (the amounts \
may be old too). Some reports compare with older years on purpose, so this is a warning. Example: 较2018年 in a 2021 \
final account should read 较2020年.",
};

impl Rule for ComparisonYear {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let Some(year) = doc.info().year else { return };
        for g in &claims.growths {
            let Some((named, at)) = &g.compared_year else {
                continue;
            };
            if *named + 1 >= year {
                continue;
            }
            let previous = year - 1;
            // A budget for year Y is drawn up before Y−1 closes: its latest final accounts are
            // Y−2's, and `比2022年决算数` in a 2024 budget says so.
            let base_words = &doc.text()[at.end..doc.figures[g.delta].q.start];
            if doc.info().kind == crate::report::ReportKind::Budget
                && *named + 2 == year
                && base_words.contains("决算")
            {
                continue;
            }
            // A sentence that also compares with the year before (`比上年减少2.80万元…；与2021
            // 年相比减少9.80万元`) compares with the older year on purpose: a trend, not a
            // year left over from an old report.
            let sentence = &doc.sentences[doc.figures[g.delta].sentence()];
            let text = &doc.text()[sentence.start..sentence.end];
            // `2023年支出…，较2022年增加…`, `2023年较2022年增加`: a sentence about the year
            // after the one compared compares two earlier years on purpose (a report that
            // reviews several years). A year named elsewhere in it (`含2024年结转资金`) is no
            // such subject.
            // `累计建成…112座，比2021年底增加87座`: a stock against a programme's baseline
            // year-end, on purpose.
            let stock = text.match_indices("累计").any(|(i, w)| {
                !["折旧", "摊销"]
                    .iter()
                    .any(|x| text[i + w.len()..].starts_with(x))
            });
            if stock && base_words.trim_start().starts_with(['底', '末']) {
                continue;
            }
            let subject_year = format!("{}年", named + 1);
            let before = doc.text()[sentence.start..at.start.max(sentence.start)].trim_start();
            let cmp_word = before
                .trim_end()
                .trim_end_matches(['较', '比', '与', '同'])
                .trim_end_matches('度');
            // (At a clause's start: `从近年情况看，2024年…较2023年`.)
            let opens_clause = before.match_indices(&subject_year).any(|(i, _)| {
                before[..i]
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_none_or(|c| matches!(c, '，' | '。' | '；' | '：' | ','))
            });
            if opens_clause
                || cmp_word.ends_with(&subject_year)
                || super::kit::reviews_years(doc, at.start, u32::from(*named), u32::from(year))
            {
                continue;
            }
            if ["比上年", "较上年", "与上年", "同比"]
                .iter()
                .any(|w| text.contains(w))
                || text.contains(&format!("较{previous}年"))
                || text.contains(&format!("比{previous}年"))
            {
                continue;
            }
            let mut d = Draft::new(
                INFO.id,
                Severity::Warning,
                at.clone(),
                format!("{year}年度的报告与{named}年比较，而不是与上年（{previous}年）比较"),
                format!("a {year} report compares with {named}, not with the previous year ({previous})"),
            );
            d.stated = Some(format!("{named}年"));
            d.expected = Some(format!("{previous}年"));
            let delta = &doc.figures[g.delta];
            d.related
                .push((delta.q.start..delta.q.end, "增减额".into()));
            sink.report(d);
        }
    }
}
