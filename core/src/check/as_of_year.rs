//! `as-of-year`: the date a report states its assets, vehicles or staff at (`截至2021年12月31日，
//! 本部门共有车辆9辆`) is the end of the year the report is about: in a final account of year
//! Y, Y's year end; in a budget of year Y, the year end before it (Y−1). Another year is
//! usually a sentence carried over from an older report.
//!
//! Only year-end dates (`12月31日`, `12月底`, `12月末`) are read, only before a statement of
//! holdings (车辆, 资产, 房屋, 编制…), and only in final accounts and budgets: a performance
//! report's project may run over several years. A warning: the report's year is read from its
//! title or its most frequent year, and a reviewer should confirm which is wrong.

use super::{Context, Draft, Rule, RuleInfo};
use crate::read::document::floor_char;
use crate::report::{ReportKind, Severity};

pub struct AsOfYear;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "as-of-year",
    name_zh: "截至日期年份不符",
    name_en: "Holdings dated in another year",
    severity: Severity::Warning,
    summary_zh: "决算中资产、车辆、编制等“截至某年12月31日”的年份应为决算年度，预算中应为预算年度的上一年。",
    summary_en: "The year-end date holdings are stated at (截至…年12月31日) is the report's year in a final account and the year before in a budget.",
    explanation_zh: "部门决算反映决算年度末的资产、车辆和人员情况，部门预算反映编制预算时上一年度末的情况。\
“截至”日期写成其他年份，多是照搬往年报告时未改年份，所列数量也可能仍是旧数。报告年度取自标题（或全文最常见的年份），故为警告。\n\
例：2022年度部门决算中“截至2021年12月31日，学校共有车辆1辆”——应为“截至2022年12月31日”。",
    explanation_en: "A final account states holdings at the end of its year, a budget at the end of the year before. \
A year-end date in another year is usually text copied from an older report (the figures may be old too). The report's \
year is read from its title, so this is a warning. Example: 截至2021年12月31日，学校共有车辆1辆 in a 2022 final account \
should read 截至2022年12月31日.",
};

/// Words of a statement of holdings after the date.
const HOLDINGS: [&str; 7] = [
    "车辆",
    "公务用车",
    "资产",
    "房屋",
    "编制",
    "保有量",
    "实有人数",
];

/// How far after the date the holdings must be named (bytes).
const REACH: usize = 90;

/// How far around the date its paragraph is read for the right year (bytes).
const NEAR: usize = 300;

impl Rule for AsOfYear {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, _claims, sink) = cx.parts();
        let info = doc.info();
        let (Some(year), kind) = (info.year, info.kind) else {
            return;
        };
        let (expected, what) = match kind {
            ReportKind::FinalAccounts => (year, "决算"),
            ReportKind::Budget => (year - 1, "预算"),
            _ => return,
        };
        let text = doc.text();
        // A report on a year's execution (`2025年预算执行情况和2026年预算草案的报告`) states
        // its holdings at that year's end, whatever year its budget is for.
        if kind == ReportKind::Budget && doc.title().contains("执行情况") {
            return;
        }
        // Every year-end date before holdings: (start, end, year, lead word).
        let mut dates: Vec<(usize, usize, u16, &str)> = Vec::new();
        for (at, lead) in text.match_indices("截至").chain(text.match_indices("截止")) {
            let Some((y, end)) = year_end(&text[at + lead.len()..]) else {
                continue;
            };
            let end = at + lead.len() + end;
            let after = &text[end..floor_char(text, end + REACH)];
            let after = after.split('。').next().unwrap_or(after);
            // The date's own clause names the holdings, or is only the date (`截至…，本部门共有
            // 车辆`): `截至2023年12月31日已撤销，相关资产…` dates an event.
            let own_clause = after.split(['，', ',', '；']).next().unwrap_or(after);
            let dates_holdings =
                own_clause.trim().is_empty() || HOLDINGS.iter().any(|w| own_clause.contains(w));
            if !dates_holdings || !HOLDINGS.iter().any(|w| after.contains(w)) {
                continue;
            }
            // `预计截至2025年12月31日资产总额达到…`: a plan, not holdings; `2023年度决算中，截至
            // 2023年…`: the year the sentence is about.
            let from = floor_char(text, at.saturating_sub(120));
            let sentence = &text[from..at];
            let sentence = sentence.rsplit(['。', '\n']).next().unwrap_or(sentence);
            let planned = ["预计", "计划", "力争", "预期", "将"]
                .iter()
                .any(|w| sentence.trim_end().ends_with(w));
            if planned || sentence.contains(&format!("{y}年")) {
                continue;
            }
            dates.push((at, end, y, lead));
        }
        dates.sort_unstable_by_key(|d| d.0);
        // A paragraph that also states holdings at the right year end compares them with
        // another year's (paragraphs in text order: searched, not scanned) (`截至2024年12月31日…1,500.00万元。截至2023年12月31日…1,420.00万元`).
        let paragraph = |at: usize| doc.paragraphs.partition_point(|p| p.range.start <= at);
        let compared: Vec<usize> = dates
            .iter()
            .filter(|d| d.2 == expected)
            .map(|d| paragraph(d.0))
            .collect();
        for (at, end, y, lead) in dates {
            if y != expected && compared.binary_search(&paragraph(at)).is_ok() {
                continue;
            }
            // A paragraph that states the right year's holdings otherwise (`2024年度本部门资产
            // 总额…。截至2023年12月31日，资产总额为…`) compares too.
            // (Read near the date only: a web page's one-line paragraph can be the whole text.)
            let near = paragraph(at).checked_sub(1).map(|k| {
                let p = &doc.paragraphs[k].range;
                let from = floor_char(text, at.saturating_sub(NEAR).max(p.start));
                &text[from..floor_char(text, (end + NEAR).min(p.end)).max(from)]
            });
            if y != expected && near.is_some_and(|t| t.contains(&format!("{expected}年"))) {
                continue;
            }
            let stated = &text[at..end];
            if y == expected {
                sink.verified(
                    INFO.id,
                    at..end,
                    format!("{year}年度部门{what}的资产等情况截至{expected}年年末：“{stated}”相符"),
                    format!("holdings at the end of {expected}, as a {year} report states them"),
                );
                continue;
            }
            let mut d = Draft::new(
                INFO.id,
                Severity::Warning,
                at..end,
                format!(
                    "本报告为{year}年度部门{what}，资产等情况应截至{expected}年年末，文中为“{stated}”：疑为沿用旧稿"
                ),
                format!(
                    "A {year} {} states its holdings at the end of {y}, not of {expected}",
                    if what == "决算" { "final account" } else { "budget" }
                ),
            );
            d.stated = Some(stated.to_string());
            d.expected = Some(format!("{lead}{expected}年12月31日"));
            d.cause = Some("照搬往年报告时未改年份".into());
            sink.report(d);
        }
    }
}

/// `2021年12月31日`, `2021 年 12 月底`, `2021年12月末` at the start of `s`: the year and the
/// date's end (bytes).
fn year_end(s: &str) -> Option<(u16, usize)> {
    let mut rest = s.trim_start();
    let digits = |r: &str| r.bytes().take_while(u8::is_ascii_digit).count();
    let n = digits(rest);
    if n != 4 {
        return None;
    }
    let year: u16 = rest[..4].parse().ok()?;
    rest = rest[4..].trim_start().strip_prefix('年')?.trim_start();
    rest = rest
        .strip_prefix("12")?
        .trim_start()
        .strip_prefix('月')?
        .trim_start();
    rest = if let Some(r) = rest.strip_prefix(['底', '末']) {
        r
    } else {
        rest.strip_prefix("31")?.trim_start().strip_prefix('日')?
    };
    Some((year, s.len() - rest.len()))
}

#[cfg(test)]
mod tests {
    use crate::{check, Options};

    fn found(t: &str) -> Vec<(String, Option<String>)> {
        check(t, &Options::default())
            .findings
            .into_iter()
            .filter(|f| f.rule == "as-of-year")
            .map(|f| (f.quote, f.expected))
            .collect()
    }

    const FINAL: &str = "某学校2022年度部门决算\n一、部门概况\n本年支出合计100.00万元。\n";
    const BUDGET: &str = "某局2024年部门预算情况说明\n一、部门概况\n2024年收入预算100.00万元，比2023年增加1.00万元。\n";

    #[test]
    fn holdings_dated_in_another_year() {
        let t = format!("{FINAL}（三）国有资产占用情况\n截至2021年12月31日，学校资产总额12864.35万元，共有车辆1辆。\n");
        assert_eq!(
            found(&t),
            [(
                "截至2021年12月31日".to_string(),
                Some("截至2022年12月31日".to_string())
            )]
        );
        let t = format!(
            "{BUDGET}十四、部门国有资产占用情况\n截至 2022 年 12 月底，本部门共有车辆11辆。\n"
        );
        assert_eq!(found(&t).len(), 1);
        // A right date is verified.
        let t = format!("{FINAL}截至2022年12月31日，本部门共有车辆2辆。");
        let r = check(&t, &Options::default());
        assert!(r.ledger.iter().any(|e| e.rule == "as-of-year"));
    }

    #[test]
    fn the_years_they_should_be_and_other_dates_say_nothing() {
        for t in [
            format!("{FINAL}截至2022年12月31日，本部门共有车辆2辆。"),
            format!("{FINAL}截至2022年12月底，单位共有公务用车0辆。"),
            format!("{BUDGET}截至2023年12月31日，本部门共有车辆23辆。"),
            // A budget may state its holdings early in its own year.
            format!("{BUDGET}截至2024年1月31日，本部门固定资产金额2,995.16万元。"),
            // Not holdings: a project's progress; an event dated.
            format!("{FINAL}所属中心截至2021年12月31日已撤销，相关资产（车辆2辆）已划转本单位。"),
            format!("{FINAL}该项目于2020年启动，截至2021年12月31日已完成主体工程。"),
            // A performance report's project may span years.
            "某项目2023年度绩效自评报告\n截至2022年12月31日，项目资产总额10.00万元。".to_string(),
        ] {
            assert!(found(&t).is_empty(), "{t}: {:?}", found(&t));
        }
    }
}
