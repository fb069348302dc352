//! `year`: dates that cannot be: a five-digit year (`20201 年度`), a thirteenth month, a day
//! past the end of its month (`2月30日`).

use super::{Context, Draft, Rule, RuleInfo};
use crate::report::Severity;

pub struct Year;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "year",
    name_zh: "日期有误",
    name_en: "Impossible dates",
    severity: Severity::Error,
    summary_zh: "不可能的年份、月份、日期：“20201年度”“13月”“2月30日”。",
    summary_en: "Impossible years, months and days: 20201年度, 13月, 2月30日.",
    explanation_zh:
        "五位数的“年份”（多为多打一位或两个年份粘连），大于12的月份，超过当月天数的日期，均为笔误。\
报告年度已知时，给出最可能的正确年份。\n\
例：2021年度绩效自评报告中“20201 年度财政拨款收入合计18547952.93元”——应为“2021年度”。",
    explanation_en:
        "A five-digit year, a month above 12, or a day past the end of its month is a typo; the \
report's year is suggested when known. Example: 20201年度 in a 2021 report should read 2021年度.",
};

fn days_in(month: u32, year: Option<u32>) -> u32 {
    match month {
        2 => match year {
            Some(y) if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
            Some(_) => 28,
            None => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Rule for Year {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, _claims, sink) = cx.parts();
        let text = doc.text();
        let report_year = doc.info().year;
        let b = text.as_bytes();
        let mut i = 0;
        // One pass over the digit runs: each run is looked at once.
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &text[start..i];
            // Part of a decimal or a longer figure (`1,234`, `3.5`): not a date.
            let joined = |c: Option<&u8>| c.is_some_and(|&c| c == b'.' || c == b',');
            if joined(b.get(i)) || (start > 0 && joined(b.get(start - 1))) {
                continue;
            }
            let after = &text[i..];
            // `2026A年`: a stray letter inside the year.
            if digits.len() == 4
                && digits.starts_with('2')
                && after.len() > 1
                && after.as_bytes()[0].is_ascii_alphabetic()
                && after[1..].starts_with('年')
            {
                let end = i + 1 + '年'.len_utf8();
                let mut d = Draft::new(
                    INFO.id,
                    Severity::Error,
                    start..end,
                    format!("年份“{}”中混入了字母", &text[start..end]),
                    format!("A letter inside the year {}", &text[start..end]),
                );
                d.stated = Some(text[start..end].to_string());
                d.expected = Some(format!("{digits}年"));
                sink.report(d);
                continue;
            }
            if after.starts_with('年') && digits.len() == 5 && digits.starts_with('2') {
                let suggestion = report_year
                    .map(|y| y.to_string())
                    .filter(|y| digits.starts_with(&y[..3]));
                let mut d = Draft::new(
                    INFO.id,
                    Severity::Error,
                    start..i + '年'.len_utf8(),
                    format!("年份“{digits}年”不可能：多了一位数字"),
                    format!("The year {digits} cannot be: one digit too many"),
                );
                d.stated = Some(format!("{digits}年"));
                d.expected = suggestion.map(|y| format!("{y}年"));
                sink.report(d);
                continue;
            }
            // A year decades after the report's (`2202年` in a 2022 report): a typo. Plans
            // name 2035 or 2060; nothing names a year 50 years on.
            if after.starts_with('年') && digits.len() == 4 {
                let y: u32 = digits.parse().unwrap_or(0);
                if let Some(r) = report_year.map(u32::from) {
                    if y > r + 50 {
                        let mut d = Draft::new(
                            INFO.id,
                            Severity::Warning,
                            start..i + '年'.len_utf8(),
                            format!("年份“{y}年”远在报告年度（{r}年）之后，疑为笔误"),
                            format!("The year {y} is decades after the report's ({r})"),
                        );
                        d.stated = Some(format!("{y}年"));
                        sink.report(d);
                        continue;
                    }
                }
            }
            if after.starts_with('月') && digits.len() <= 2 {
                let month: u32 = digits.parse().unwrap_or(0);
                let year = year_before(text, start);
                let at_end = i + '月'.len_utf8();
                if !(1..=12).contains(&month) && year.is_some() {
                    let mut d = Draft::new(
                        INFO.id,
                        Severity::Error,
                        start..at_end,
                        format!("月份“{month}月”不存在"),
                        format!("There is no month {month}"),
                    );
                    d.stated = Some(format!("{month}月"));
                    sink.report(d);
                    continue;
                }
                // `…月D日`: the day within the month.
                let rest = &text[at_end..];
                let dlen = rest.bytes().take_while(u8::is_ascii_digit).count();
                if (1..=2).contains(&dlen) && rest[dlen..].starts_with('日') {
                    let day: u32 = rest[..dlen].parse().unwrap_or(0);
                    if (1..=12).contains(&month) && (day == 0 || day > days_in(month, year)) {
                        let end = at_end + dlen + '日'.len_utf8();
                        let mut d = Draft::new(
                            INFO.id,
                            Severity::Error,
                            start..end,
                            format!(
                                "日期“{month}月{day}日”不存在：{month}月只有{}天",
                                days_in(month, year)
                            ),
                            format!("{month}/{day} does not exist"),
                        );
                        d.stated = Some(format!("{month}月{day}日"));
                        sink.report(d);
                    }
                }
            }
        }
    }
}

/// The year written right before a month (`2020年2月`), if any.
fn year_before(text: &str, month_start: usize) -> Option<u32> {
    let head = text[..month_start].strip_suffix('年')?;
    let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (digits == 4)
        .then(|| head[head.len() - 4..].parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use crate::{check, Options};

    fn found(t: &str) -> Vec<(String, Option<String>)> {
        check(t, &Options::default())
            .findings
            .into_iter()
            .filter(|f| f.rule == "year")
            .map(|f| (f.quote, f.expected))
            .collect()
    }

    #[test]
    fn impossible_dates() {
        assert_eq!(
            found(
                "2021年度部门整体支出绩效自评报告\n(1) 20201 年度财政拨款收入合计 18547952.93 元。"
            ),
            [("20201 年".to_string(), Some("2021年".to_string()))]
        );
        assert_eq!(found("于2023年2月30日完成。")[0].0, "2月30日");
        assert_eq!(found("2026A年，本局主要任务是").len(), 1);
        assert!(found("采购A4纸2026件，年度").is_empty());
        assert_eq!(found("2023年13月完成验收。")[0].0, "13月");
    }

    #[test]
    fn a_year_decades_away() {
        assert_eq!(
            found("2022年度部门决算\n2202年完成项目验收。")[0].0,
            "2202年"
        );
    }

    #[test]
    fn real_dates_and_figures_are_fine() {
        for t in [
            "于2024年2月29日完成，2023年12月31日前报送。",
            "共12个月，13个月后复查。",
            "支出20201.50元，年底前完成。",
            "第13月度考核。",
            "2022年度报告：展望2035年远景目标和2060年碳中和。",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }
}
