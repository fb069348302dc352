//! `year-attribution`: a figure or a project given a year other than the report's where the
//! same thing carries the report's year elsewhere (`本部门2020年度财政拨款收入合计18547952.93元`
//! in a 2021 report that states the same 18547952.93元 as 2021's; `2021年区级应用技术…项目` in
//! a 2020 report whose table calls it `2020年区级应用技术…项目`).

use std::collections::HashMap;

use super::{Context, Draft, Rule, RuleInfo, Sink};
use crate::claims::facts::{Fact, FactKey, Period};
use crate::claims::Claims;
use crate::read::document::Document;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct YearAttribution;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "year-attribution",
    name_zh: "年度归属",
    name_en: "Year attribution",
    severity: Severity::Warning,
    summary_zh: "同一金额或同一项目，一处写作报告年度、另一处写作其他年度。",
    summary_en: "The same amount or project is given the report's year in one place and another year elsewhere.",
    explanation_zh: "模板沿用上年文本时，年份常未改全。若同一名称、同一金额（精确到分且不小于1000元）\
一处标为报告年度、另一处标为其他年度，或同名项目（名称至少8个字）在文中被冠以不同年份而其中之一是报告年度，\
即提示核对。上年数与本年数恰好相同、跨年度项目分年命名时可能并非错误，故为警告。\n\
例：2021年度报告中“(1) 2021年度财政拨款收入合计18547952.93元”，后文“本部门2020年度财政拨款收入合计\
18547952.93元”：同一金额被写成2020年度。",
    explanation_en: "A precise amount (to the fen, at least 1000 yuan) stated as the report year's in one place and \
another year's elsewhere, or a project named with different years, one of them the report's. A warning: equal \
amounts in two years and multi-year projects exist. Example: 2020年度财政拨款收入合计18547952.93元 in a 2021 report \
that states the same amount as 2021's.",
};

impl Rule for YearAttribution {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let Some(report_year) = doc.info().year.map(i32::from) else {
            return;
        };
        amounts(doc, claims, report_year, sink);
        projects(doc, report_year, sink);
    }
}

/// Amounts keyed to another year that equal the report year's statement of the same key.
fn amounts(doc: &Document, claims: &Claims, report_year: i32, sink: &mut Sink) {
    let min = Decimal::from(1000);
    for (key, group) in &claims.facts.groups {
        let Period::Year(y) = key.period else {
            continue;
        };
        let current = FactKey {
            period: Period::Current,
            ..key.clone()
        };
        let Some(current_group) = claims.facts.get(&current) else {
            continue;
        };
        // The first current-year fact with each value, and the first after it in another
        // sentence: the first match of (same value, other sentence) for any fact is one of
        // the two. Searching the whole current group for each fact was quadratic.
        let mut by_face: HashMap<Decimal, (&Fact, Option<&Fact>)> = Default::default();
        for c in current_group {
            by_face
                .entry(c.face(doc))
                .and_modify(|(first, second)| {
                    if second.is_none() && c.sentence(doc) != first.sentence(doc) {
                        *second = Some(c);
                    }
                })
                .or_insert((c, None));
        }
        for f in group {
            let written = &doc.text()[f.at(doc)];
            let precise = written.contains('.') && f.face(doc) >= min;
            // Only where the text names the year itself (a part takes its total's year: the
            // slip is the total's, said once).
            // (A table's column of another year is that year's by its header: equal amounts
            // in two years' columns are common.)
            if !precise || f.from_table || !f.label.contains(&y.to_string()) {
                continue;
            }
            let Some(same) = by_face.get(&f.face(doc)).and_then(|&(first, second)| {
                if first.sentence(doc) != f.sentence(doc) {
                    Some(first)
                } else {
                    second
                }
            }) else {
                continue;
            };
            // `2026年…预算数为18.50万元，与2025年预算数持平`: the two years are the same amount
            // by the text's own word.
            let says_unchanged = [same, f].iter().any(|x| {
                doc.figures[x.figure()].sentence() < doc.sentences.len() && {
                    let r = &doc.sentences[doc.figures[x.figure()].sentence()];
                    let t = &doc.text()[r.clone()];
                    ["持平", "保持不变", "相同", "一致", "无变化"]
                        .iter()
                        .any(|w| t.contains(w))
                }
            });
            // `2025年…31.88万元。2024年…31.88万元，2023年为30.42万元。`: years stated one by one
            // beside the report year's, a series in which two years may be equal.
            let series =
                doc.figures[f.figure()].paragraph() == doc.figures[same.figure()].paragraph() && {
                    let r = &doc.sentences[doc.figures[f.figure()].sentence()];
                    let t = &doc.text()[r.clone()];
                    years_named(t).any(|other| other != y && other != report_year)
                };
            if says_unchanged || series {
                continue;
            }
            let line = doc.line_of(doc.span(same.at(doc)).start);
            let mut d = Draft::new(
                INFO.id,
                Severity::Warning,
                f.at(doc),
                format!(
                    "此处称{y}年，而同一金额在第{line}行为本报告年度（{report_year}年）数：年份疑误"
                ),
                format!(
                    "Given as {y} here, but the same amount is the report year's ({report_year}) on line {line}"
                ),
            );
            d.stated = Some(format!("{y}年"));
            d.expected = Some(format!("{report_year}年"));
            d.formula = Some(format!(
                "“{}{}” = 第{line}行“{}”",
                f.label, written, same.label
            ));
            d.cause = Some("沿用上年模板时年份未改".into());
            d.related
                .push((same.at(doc), format!("{report_year}年：{}", same.label)));
            sink.report(d);
        }
    }
}

/// The years whose levels a text states (`2023年为…`; not `比2023年`).
fn years_named(t: &str) -> impl Iterator<Item = i32> + '_ {
    t.match_indices('年').filter_map(|(i, _)| {
        let digits = t[..i].get(i.checked_sub(4)?..)?;
        let before = t[..i - 4].chars().next_back();
        // (A year compared with, `比2023年增加`, states no level of that year.)
        let compared = before.is_some_and(|c| matches!(c, '比' | '较' | '与'));
        (digits.bytes().all(|b| b.is_ascii_digit())
            && !before.is_some_and(|c| c.is_ascii_digit())
            && !compared)
            .then(|| digits.parse().ok())
            .flatten()
    })
}

/// `2021年区级应用技术研究与开发经费、区级创新创业引导资金项目` named with two years.
fn projects(doc: &Document, report_year: i32, sink: &mut Sink) {
    let text = doc.text();
    // Project name → (year, normalised range of the year) per occurrence; one pass over the
    // years the document read.
    let mut seen: HashMap<String, Vec<(i32, std::ops::Range<usize>)>> = HashMap::new();
    for (at, year) in doc.years() {
        let mut start = at.end + '年'.len_utf8();
        if text[start..].starts_with('度') {
            start += '度'.len_utf8();
        }
        if let Some(name) = project_name(&text[start..]) {
            seen.entry(name).or_default().push((year as i32, at));
        }
    }
    for (name, uses) in seen {
        let Some(home) = uses.iter().find(|(y, _)| *y == report_year) else {
            continue;
        };
        for (y, at) in uses.iter().filter(|(y, _)| *y != report_year) {
            let line = doc.line_of(doc.span(home.1.clone()).start);
            let mut d = Draft::new(
                INFO.id,
                Severity::Warning,
                at.clone(),
                format!("项目“{name}”此处冠以{y}年，第{line}行为{report_year}年：年份前后不一"),
                format!("Project named with {y} here and {report_year} on line {line}"),
            );
            d.stated = Some(format!("{y}年"));
            d.expected = Some(format!("{report_year}年"));
            d.formula = Some(format!("{y}年{name} ≠ {report_year}年{name}"));
            d.related
                .push((home.1.clone(), format!("{report_year}年{name}")));
            sink.report(d);
        }
    }
}

/// The name before `项目`, if it is one name (no clause break, no figure) of 8+ characters.
fn project_name(after_year: &str) -> Option<String> {
    let mut name = String::new();
    for c in after_year.chars().take(60) {
        if matches!(c, '。' | '；' | '，' | '：' | '\n' | '\t') || c.is_ascii_digit() {
            return None;
        }
        if !matches!(c, '“' | '”' | '"' | ' ') {
            name.push(c);
        }
        if name.ends_with("项目") {
            let name = name.trim_end_matches("项目").to_string();
            return (name.chars().count() >= 8).then_some(name);
        }
    }
    None
}
