//! `comparison-year`: a year-on-year change compares with the year before the report's
//! (`较2018年增加` in a 2021 report is usually a sentence carried over from an older report).
//!
//! Only a change whose own comparison names a year earlier than the previous one is flagged,
//! as a warning: a report may compare with an older year on purpose. The report's own year
//! (`与2021年年初预算相比` in a 2021 final account) is the budget of the same year, not a
//! slip.

use super::{Context, Draft, Rule, RuleInfo, Sink};
use crate::read::document::Document;
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
        // Where a year was reported, so the comparisons read without a change do not report
        // it again.
        let mut reported = Vec::new();
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
            reported.push(at.start);
            sink.report(d);
        }
        odd_comparison_years(doc, Some(year), &reported, sink);
    }
}

/// Comparisons with a named year (`比2019年`, `较2018年度`, `与2020年相比`): (offset of the
/// year's digits, end of `年`, the year).
fn compared_years(doc: &Document) -> Vec<(usize, usize, u32)> {
    let text = doc.text();
    let mut out = Vec::new();
    for (at, y) in doc.years() {
        let before = &text[..at.start];
        // (`同比2020年` is a `比`.)
        let Some(lead) = ["比", "较", "与"].into_iter().find(|l| before.ends_with(l)) else {
            continue;
        };
        let end = at.end + '年'.len_utf8();
        // `与2020年相比` / `与2020年度相比`; `比`/`较` need a change or `同期` soon after.
        let window: String = text[end..].chars().take(14).collect();
        let compares = if lead == "与" {
            window.contains("相比") || window.contains("比较")
        } else {
            [
                "增", "减", "下降", "上升", "持平", "降低", "提高", "同期", "相比", "决算", "预算",
                "同期",
            ]
            .iter()
            .any(|w| window.contains(w))
        };
        if compares {
            out.push((at.start, end, y));
        }
    }
    out
}

/// A comparison with a year other than the one every other comparison of the report names
/// (`较2018年` among `较2020年` in a 2021 report): a year carried over from an old report.
/// Only when most comparisons name the report's previous year, so a report whose own year is
/// read wrong, or that compares with several years on purpose, says nothing.
fn odd_comparison_years(
    doc: &Document,
    report_year: Option<u16>,
    reported: &[usize],
    sink: &mut Sink,
) {
    let Some(r) = report_year.map(u32::from) else {
        return;
    };
    let years = compared_years(doc);
    let previous = years.iter().filter(|y| y.2 + 1 == r).count();
    if previous < 3 || previous * 4 < years.len() * 3 {
        return;
    }
    for &(start, end, y) in &years {
        if y + 1 == r
            || y == r
            || reported.contains(&start)
            || super::kit::reviews_years(doc, start, y, r)
        {
            continue;
        }
        let mut d = Draft::new(
            INFO.id,
            Severity::Warning,
            start..end,
            format!(
                "对比年份为{y}年，而本报告为{r}年度，其余对比均为{}年：疑为沿用旧稿",
                r - 1
            ),
            format!("Compared with {y}, while the report is for {r} and every other comparison names {}", r - 1),
        );
        d.stated = Some(format!("{y}年"));
        d.expected = Some(format!("{}年", r - 1));
        sink.report(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::{check, Options};

    /// The comparisons found, and whether each was found odd among the report's others.
    fn found(t: &str) -> Vec<(String, Option<String>, bool)> {
        check(t, &Options::default())
            .findings
            .into_iter()
            .filter(|f| f.rule == "comparison-year")
            .map(|f| (f.quote, f.expected, f.message.contains("其余对比")))
            .collect()
    }

    #[test]
    fn a_comparison_with_an_old_year_among_previous_year_ones() {
        // Once, though it is both a change against an old year and odd among the others.
        let t = "2021年度部门决算\n2021年收入比2020年增加10万元。2021年支出比2020年增加8万元。2021年基本支出较2020年减少1万元。2021年项目支出较2018年增加9万元。";
        assert_eq!(
            found(t),
            [("2018年".to_string(), Some("2020年".to_string()), false)]
        );
        // Odd among the others without a change read: `较2018年同期`.
        let t = "2021年度部门决算\n2021年收入比2020年增加10万元。2021年支出比2020年增加8万元。2021年基本支出较2020年减少1万元。项目进度较2018年同期加快。";
        assert_eq!(
            found(t),
            [("2018年".to_string(), Some("2020年".to_string()), true)]
        );
        // Every comparison names an older year: the report's year may be read wrong; nothing
        // is odd.
        let t = "2021年度部门决算\n2021年收入比2019年增加10万元。2021年支出比2019年增加8万元。";
        assert!(found(t).iter().all(|f| !f.2));
    }
}
