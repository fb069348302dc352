//! `year`: dates that cannot be: a five-digit 'year' (`20201年度`), a year far beyond the
//! report's own (`2202年` in a 2022 report), a month above 12, a day beyond its month
//! (`6月31日`).

use super::{Draft, Rule, RuleInfo, Sink};
use crate::claims::Claims;
use crate::document::Document;
use crate::report::Severity;

pub struct Year;

static INFO: RuleInfo = RuleInfo {
    id: "year",
    name_zh: "不可能的日期",
    name_en: "Impossible dates",
    severity: Severity::Error,
    summary_zh: "年份为五位数（“20201年度”）、远超报告年度（2022年报告中的“2202年”）、月份大于12、日期超出当月天数。",
    summary_en: "A five-digit year (20201年度), a year far beyond the report's, a month above 12, a day beyond its month.",
    explanation_zh: "年份多是手工录入，常多打或打错一位。以19或20开头、紧接“年”的五位数不可能是年份，列为错误；\
四位数年份比报告年度晚50年以上（或没有报告年度时晚于2100年）列为警告——“2035年远景目标”“2060年前实现碳中和”不受影响；\
早于1900年的年份多是历史（“1000年历史”），不报。“N月”中N大于12、“M月D日”中D超出M月的天数（2月按闰年计29日，年份已知时按实际）为错误。\n\
例：“20201年度部门决算”：20201不是年份，应为2020或2021；“2022年6月31日”：6月只有30日。",
    explanation_en: "A five-digit year beginning 19 or 20 (20201年度) is a typo (error); a year more than 50 years after \
the report's (or after 2100) is a warning; a month above 12 or a day beyond its month (6月31日) is an error. \
Example: 20201年度部门决算 should read 2020 or 2021.",
};

fn days_in(month: u32, year: Option<u32>) -> u32 {
    match month {
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Rule for Year {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, doc: &Document, _claims: &Claims, sink: &mut Sink) {
        let text = doc.text();
        let bytes = text.as_bytes();
        let report_year = doc.info().year.map(u32::from);
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            // The decimals or a thousands group of a larger number.
            if start > 0 && matches!(bytes[start - 1], b'.' | b',') {
                continue;
            }
            let digits = &text[start..i];
            let rest = &text[i..];
            // Part of a larger number (3.5, 1,000) or a code: leave it.
            if rest.starts_with(['.', ',']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            if rest.starts_with('年') {
                let year: Option<u32> = digits.parse().ok();
                if digits.len() == 5 && (digits.starts_with("20") || digits.starts_with("19")) {
                    let mut d = Draft::new(
                        INFO.id,
                        Severity::Error,
                        start..i + '年'.len_utf8(),
                        format!("“{digits}年”：五位数不是年份，多打了一位"),
                        format!("“{digits}年”: a five-digit year"),
                    );
                    d.stated = Some(format!("{digits}年"));
                    d.expected = Some(match report_year {
                        Some(y) => format!("{y}年？"),
                        None => format!("{}年或{}年？", &digits[..4], {
                            let mut s = digits[..3].to_string();
                            s.push_str(&digits[4..]);
                            s
                        }),
                    });
                    d.cause = Some("年份录入多打一位".into());
                    sink.report(d);
                    continue;
                }
                if digits.len() == 4 {
                    if let Some(y) = year {
                        let limit = report_year.map_or(2100, |r| r + 50);
                        if y > limit {
                            let mut d = Draft::new(
                                INFO.id,
                                Severity::Warning,
                                start..i + '年'.len_utf8(),
                                match report_year {
                                    Some(r) => format!(
                                        "“{y}年”比报告年度{r}年晚{}年，疑为年份录入错误",
                                        y - r
                                    ),
                                    None => format!("“{y}年”晚于2100年，疑为年份录入错误"),
                                },
                                format!("“{y}年” is far beyond the report's year"),
                            );
                            d.stated = Some(format!("{y}年"));
                            d.expected = report_year.map(|r| format!("{r}年前后"));
                            d.cause = Some("年份录入错误".into());
                            sink.report(d);
                        }
                    }
                }
                continue;
            }
            if let Some(after) = rest.strip_prefix('月') {
                // `3个月` never reaches here; `N月` after a year or alone is a month.
                let Ok(month) = digits.parse::<u32>() else {
                    continue;
                };
                if digits.len() > 2 {
                    continue;
                }
                let at = start..i + '月'.len_utf8();
                let year = text[..start].strip_suffix('年').and_then(|t| {
                    let n = t.bytes().rev().take_while(u8::is_ascii_digit).count();
                    (n == 4).then(|| t[t.len() - 4..].parse::<u32>().ok())?
                });
                if month == 0 || month > 12 {
                    let mut d = Draft::new(
                        INFO.id,
                        Severity::Error,
                        at,
                        format!("“{month}月”：月份应在1到12之间"),
                        format!("“{month}月”: no such month"),
                    );
                    d.stated = Some(format!("{month}月"));
                    d.expected = Some("1–12月".into());
                    d.cause = Some("日期录入错误".into());
                    sink.report(d);
                    continue;
                }
                let n = after.bytes().take_while(u8::is_ascii_digit).count();
                if (1..=2).contains(&n) && after[n..].starts_with(['日', '号']) {
                    let day: u32 = after[..n].parse().unwrap_or(0);
                    let max = days_in(month, year);
                    let end = i + '月'.len_utf8() + n + '日'.len_utf8();
                    let written = &text[start..end];
                    if day == 0 || day > max {
                        let mut d = Draft::new(
                            INFO.id,
                            Severity::Error,
                            start..end,
                            format!("“{written}”：{month}月只有{max}日"),
                            format!("“{written}”: month {month} has {max} days"),
                        );
                        d.stated = Some(written.to_string());
                        d.expected = Some(format!("1–{max}日"));
                        d.formula = Some(format!("{month}月共{max}日"));
                        d.cause = Some("日期录入错误".into());
                        sink.report(d);
                    } else {
                        sink.verified(
                            INFO.id,
                            start..end,
                            format!("“{written}”是有效日期"),
                            format!("“{written}” is a valid date"),
                        );
                    }
                }
            }
        }
    }
}
