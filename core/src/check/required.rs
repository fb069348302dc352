//! `required`: the parts a final-accounts disclosure must contain (DOMAIN.md §6), by a named
//! profile, and the details a present part must give (“三公” with 团组/人次, 车辆, 接待批次;
//! 政府采购 with 货物/工程/服务 and the 中小企业 share).
//!
//! Only whole reports are checked: a pasted paragraph lacks everything and says nothing.

use super::{Context, Draft, Rule, RuleInfo};
use crate::options::Profile;
use crate::read::document::Document;
use crate::report::{ReportKind, Severity};

pub struct Required;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "required",
    name_zh: "公开内容完整性",
    name_en: "Required content",
    severity: Severity::Warning,
    summary_zh: "部门决算公开应包含部门概况、九张（或按地方要求更多）决算表及各项情况说明、名词解释；“三公”、政府采购等部分须给出规定的数字。",
    summary_en: "A final-accounts disclosure contains the required parts and tables; the “三公” and procurement parts give the required figures.",
    explanation_zh: "按所选清单（默认“national”：全国通行的九张表及说明；“thirteen-tables”：十三张表；\
“meetings-training”：另要求会议费、培训费）逐项查找；缺少的部分各报一条警告。确无数据的部分也应列出并说明为空\
（如“本部门没有使用国有资本经营预算安排的支出”）。“三公”经费部分应有因公出国团组数与人次、公务用车购置数与保有量、\
公务接待批次与人次；政府采购部分应有货物、工程、服务金额及授予中小企业合同金额。只对整份部门决算（有多个一级标题）检查。\n\
例：全文没有“国有资产占用”情况的说明，报“缺少：国有资产占用情况”。",
    explanation_en: "Checked against a named profile (default `national`: the nine tables and their explanations; \
`thirteen-tables`; `meetings-training`). Each missing part is a warning; the “三公” part must give delegations and \
persons, vehicles bought and held, receptions and guests; procurement must give goods, works, services and the \
SME share. Whole final-accounts reports only. Example: no explanation of 国有资产占用 anywhere.",
};

/// A required part: its name and the phrases any one of which shows it is there.
pub struct Part {
    pub name: &'static str,
    pub any_of: &'static [&'static str],
}

macro_rules! part {
    ($name:expr, [$($p:expr),+ $(,)?]) => {
        Part { name: $name, any_of: &[$($p),+] }
    };
}

/// The nine tables and the explanations every final-accounts disclosure gives.
static NATIONAL: &[Part] = &[
    part!(
        "部门概况",
        [
            "部门概况",
            "单位概况",
            "部门（单位）概况",
            "基本情况",
            "主要职能",
            "主要职责",
            "基本职能"
        ]
    ),
    part!(
        "机构设置",
        [
            "机构设置",
            "内设机构",
            "机构组成",
            "决算单位构成",
            "下设",
            "所属单位",
            "机构情况"
        ]
    ),
    part!("收入支出决算总表", ["收入支出决算表", "收支决算表"]),
    part!("收入决算表", ["收入决算表"]),
    part!("支出决算表", ["支出决算表"]),
    part!(
        "财政拨款收入支出决算总表",
        ["财政拨款收入支出决算表", "财政拨款收支决算表"]
    ),
    part!(
        "一般公共预算财政拨款支出决算表",
        [
            "一般公共预算财政拨款支出决算表",
            "一般公共预算财政拨款支出决算明细表"
        ]
    ),
    part!(
        "一般公共预算财政拨款基本支出决算表",
        ["一般公共预算财政拨款基本支出决算表", "基本支出决算明细表"]
    ),
    part!(
        "“三公”经费支出决算表",
        [
            "三公经费支出决算表",
            "三公经费财政拨款支出决算表",
            "三公经费及会议费培训费支出决算表",
            "三公经费及会议费、培训费支出决算表"
        ]
    ),
    part!(
        "政府性基金预算财政拨款收入支出决算表",
        [
            "政府性基金预算财政拨款收入支出决算表",
            "政府性基金预算财政拨款支出决算表"
        ]
    ),
    part!(
        "国有资本经营预算财政拨款支出决算表",
        [
            "国有资本经营预算财政拨款支出决算表",
            "国有资本经营预算财政拨款收入支出决算表"
        ]
    ),
    part!(
        "收入支出决算总体情况说明",
        [
            "收入支出决算总体情况",
            "收支决算总体情况",
            "收入支出总体情况"
        ]
    ),
    part!(
        "收入决算情况说明",
        ["收入决算情况", "本年收入合计", "收入合计", "收入总计"]
    ),
    part!(
        "支出决算情况说明",
        ["支出决算情况", "本年支出合计", "支出合计", "支出总计"]
    ),
    part!(
        "财政拨款收入支出决算总体情况说明",
        ["财政拨款收入支出", "财政拨款收支", "财政拨款支出"]
    ),
    part!(
        "一般公共预算财政拨款支出决算情况说明",
        ["一般公共预算财政拨款支出", "一般公共预算支出决算"]
    ),
    part!("一般公共预算财政拨款基本支出决算情况说明", ["基本支出"]),
    part!("“三公”经费支出决算情况说明", ["三公经费"]),
    part!("政府性基金预算支出决算情况说明", ["政府性基金"]),
    part!("国有资本经营预算支出决算情况说明", ["国有资本经营"]),
    part!("机关运行经费情况", ["机关运行经费"]),
    part!("政府采购情况", ["政府采购"]),
    part!("国有资产占用情况", ["国有资产"]),
    part!("预算绩效情况", ["绩效"]),
    part!("名词解释", ["名词解释"]),
];

/// Tables some provinces add to the nine.
static THIRTEEN_EXTRA: &[Part] = &[
    part!("财政拨款支出决算明细表", ["财政拨款支出决算明细表"]),
    part!(
        "一般公共预算财政拨款支出决算明细表",
        ["一般公共预算财政拨款支出决算明细表"]
    ),
    part!(
        "一般公共预算财政拨款项目支出决算表",
        ["一般公共预算财政拨款项目支出决算表", "项目支出决算表"]
    ),
    part!(
        "国有资本经营预算财政拨款收入支出决算表",
        ["国有资本经营预算财政拨款收入支出决算表"]
    ),
];

/// 会议费 and 培训费 reported with the “三公” table.
static MEETINGS_EXTRA: &[Part] = &[
    part!("会议费支出情况", ["会议费"]),
    part!("培训费支出情况", ["培训费"]),
];

/// The parts a profile requires.
fn checklist(profile: Profile) -> &'static [&'static [Part]] {
    static ONLY_NATIONAL: &[&[Part]] = &[NATIONAL];
    static THIRTEEN: &[&[Part]] = &[NATIONAL, THIRTEEN_EXTRA];
    static MEETINGS: &[&[Part]] = &[NATIONAL, MEETINGS_EXTRA];
    match profile {
        Profile::National => ONLY_NATIONAL,
        Profile::ThirteenTables => THIRTEEN,
        Profile::MeetingsTraining => MEETINGS,
    }
}

/// Details a present part must give: (part, phrase locating it, [(detail, any of)]).
type Details = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static [&'static str])],
);

static DETAILS: &[Details] = &[
    (
        "“三公”经费",
        "三公经费",
        &[
            (
                "因公出国（境）团组数及人次",
                // (`全年未安排因公出国（境）`: no trips, no groups to count.)
                &[
                    "团组",
                    "出国（境）0人",
                    "出国（境）人次",
                    "未安排因公出国",
                    "未发生因公出国",
                    "无因公出国",
                    "没有因公出国",
                    "未组织因公出国",
                ],
            ),
            (
                "公务用车购置数",
                // (`未购置公务用车`, `本年度未新购置公务用车`: none bought is a number too.)
                &[
                    "购置*辆",
                    "购置*台",
                    "购置数",
                    "购置量",
                    "未购置",
                    "未新购置",
                    "无购置",
                    "没有购置",
                    "未发生公务用车购置",
                ],
            ),
            // `截至12月底，单位共有公务用车0辆` states the 保有量 without the word.
            (
                "公务用车保有量",
                &[
                    "保有量",
                    "保有",
                    "共有公务用车",
                    "实有公务用车",
                    "现有公务用车",
                    "共有车辆",
                    "实有车辆",
                    // (`本单位无公务用车`: none held is a number too.)
                    "无公务用车",
                    "没有公务用车",
                    "未配备公务用车",
                    "未配置公务用车",
                ],
            ),
            // (`共接待国内来访团组3个，来宾15人次`.)
            ("国内公务接待批次及人次", &["批次", "来访团组"]),
        ],
    ),
    (
        "政府采购",
        "政府采购",
        &[
            ("货物、工程、服务采购金额", &["货物"]),
            ("授予中小企业合同金额", &["中小企业"]),
        ],
    ),
];

impl Rule for Required {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let profile = cx.options.profile;
        let (doc, _claims, sink) = cx.parts();
        if doc.info().kind != ReportKind::FinalAccounts || !whole_report(doc) {
            return;
        }
        // Quotes, spaces and the words 部门/单位/总 vary (`部门收入决算总表`, `“三公”经费`):
        // compare without them.
        let flat = plain(doc.text());
        // The report's title line: where findings about the whole report are shown.
        let title = doc.paragraphs.first().map_or(0..0, |p| {
            p.range.start..doc.text()[p.range.clone()].len().min(90) + p.range.start
        });
        let title = title.start..crate::read::document::floor_char(doc.text(), title.end);
        let missing: Vec<&str> = checklist(profile)
            .iter()
            .flat_map(|p| p.iter())
            .filter(|part| !part.any_of.iter().any(|w| flat.contains(&plain(w))))
            .map(|part| part.name)
            .collect();
        if !missing.is_empty() {
            // One note for all: tables are often published as attachments beside the text,
            // and regional templates name their parts differently.
            let mut d = Draft::new(
                INFO.id,
                Severity::Info,
                title.clone(),
                format!(
                    "文中未见{}项应公开的内容（清单“{}”）：{}",
                    missing.len(),
                    profile.name(),
                    missing.join("、")
                ),
                format!(
                    "{} required parts not found in the text (checklist “{}”)",
                    missing.len(),
                    profile.name()
                ),
            );
            d.expected = Some(missing.join("、"));
            d.cause = Some(
                "若这些表或说明另行公开（如附件），可忽略；确无数据时也应列出并说明为空".into(),
            );
            sink.report(d);
        }
        for (part, locator, details) in DETAILS {
            // The part's own heading, if it has one; its text is the part.
            let Some(section) = section_text(doc, locator) else {
                continue;
            };
            let (at, body) = section;
            // A part that says it is empty (`未发生政府采购支出`) owes no details.
            if ["未发生", "没有", "未开展", "未使用"]
                .iter()
                .any(|w| body.contains(w))
            {
                continue;
            }
            for (detail, any_of) in details.iter() {
                if any_of.iter().any(|w| mentions(&body, w)) {
                    continue;
                }
                let mut d = Draft::new(
                    INFO.id,
                    Severity::Warning,
                    at.clone(),
                    format!("{part}部分未给出{detail}"),
                    format!("The {part} part does not give {detail}"),
                );
                d.expected = Some(detail.to_string());
                sink.report(d);
            }
        }
    }
}

/// `w` in `body`; `甲*乙` is 甲 followed by 乙 within a few characters (`购置*辆` matches
/// `购置公务用车0辆`, `公务用车购置0辆` and `购置特种专业技术用车1辆`, not
/// `公务用车购置及运行维护费`).
fn mentions(body: &str, w: &str) -> bool {
    let Some((a, b)) = w.split_once('*') else {
        return body.contains(w);
    };
    body.match_indices(a).any(|(i, _)| {
        let rest = &body[i + a.len()..];
        // (Room for the kind of car: `购置特种专业技术用车1辆`.)
        rest.chars().take(12).collect::<String>().contains(b)
    })
}

/// Text without spaces, quotes, and the words that vary between templates.
///
/// The words are dropped as a chain of `str::replace` would drop them (`部门`, then `单位`,
/// `情况` and `总` from what is left), but in one pass: each word is a stage that holds back
/// its first character until the next one shows whether the word is complete, and passes
/// what it keeps on to the next stage. A chain of `replace` kept five copies of the whole
/// text alive at once (issue 16); dropping each word in place walked and re-validated the
/// text once per word.
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut stages = WORDS.map(|w| (w, None));
    for c in s.chars() {
        if c.is_whitespace() || matches!(c, '“' | '”' | '"' | '‘' | '’') {
            continue;
        }
        // Most characters start no word and meet stages holding nothing back: every stage
        // would pass them on, so they go straight out (the whole text goes through here).
        if stages.iter().all(|s| s.1.is_none()) && !WORDS.iter().any(|w| w.0 == c) {
            out.push(c);
        } else {
            feed(&mut stages, 0, c, &mut out);
        }
    }
    // At the end each stage lets go of the character it held back, in order.
    for k in 0..stages.len() {
        if let Some(c) = stages[k].1.take() {
            feed(&mut stages, k + 1, c, &mut out);
        }
    }
    out
}

/// The words `plain` drops, in the order `replace` would drop them: each one or two distinct
/// characters (a word whose second character equals its first would need more look-back).
const WORDS: [(char, Option<char>); 4] = [
    ('部', Some('门')),
    ('单', Some('位')),
    ('情', Some('况')),
    ('总', None),
];

/// A stage of `plain`: its word and the first character it holds back.
type Stage = ((char, Option<char>), Option<char>);

/// Passes `c` to stage `k` and on (to `out` after the last), as `replace` would keep it.
fn feed(stages: &mut [Stage; 4], k: usize, c: char, out: &mut String) {
    let Some(((first, second), held)) = stages.get(k).copied() else {
        out.push(c);
        return;
    };
    match (held, second) {
        // The held first character and this one make the word: both are dropped.
        (Some(_), Some(s)) if c == s => stages[k].1 = None,
        _ => {
            if let Some(h) = held {
                stages[k].1 = None;
                feed(stages, k + 1, h, out);
            }
            if c == first {
                if second.is_some() {
                    stages[k].1 = Some(c);
                }
                // A one-character word is dropped at once.
            } else {
                feed(stages, k + 1, c, out);
            }
        }
    }
}

/// Several top-level headings and a few thousand characters: a report, not an excerpt.
fn whole_report(doc: &Document) -> bool {
    // Counting stops at the 3000th character: a long text is not walked to its end.
    doc.outline.len() >= 8 && doc.text().chars().nth(2999).is_some()
}

/// The heading whose line names `locator`, and the text of its section (to the next heading
/// of the same or an outer level of the outline), quotes and spaces removed.
fn section_text(doc: &Document, locator: &str) -> Option<(std::ops::Range<usize>, String)> {
    let text = doc.text();
    let kept = |c: char| !c.is_whitespace() && !matches!(c, '“' | '”' | '"');
    let flat = |s: &str| -> String { s.chars().filter(|&c| kept(c)).collect() };
    // The heading naming it with the longest section: a table of contents names it too.
    let mut best: Option<(usize, String)> = None;
    for s in &doc.outline {
        let (start, end) = (s.paragraph, s.end);
        let Some(h) = doc.paragraphs[start].outline_heading() else {
            continue;
        };
        // Named by the heading, not inside a bracket that qualifies something else
        // (`8.…业务经费（政府采购部分）项目绩效自评`).
        let heading = flat(&text[h.line.clone()]);
        let named = heading.match_indices(locator).any(|(at, _)| {
            let before = &heading[..at];
            before.matches(['（', '(']).count() <= before.matches(['）', ')']).count()
        });
        if !named {
            continue;
        }
        // (Measured before it is built: only a longer section than the best so far is kept.)
        let paragraphs = &doc.paragraphs[start..end];
        let len: usize = paragraphs
            .iter()
            .flat_map(|q| text[q.range.clone()].chars())
            .filter(|&c| kept(c))
            .map(char::len_utf8)
            .sum();
        if best.as_ref().is_none_or(|(_, b)| len > b.len()) {
            let body: String = paragraphs
                .iter()
                .map(|q| flat(&text[q.range.clone()]))
                .collect();
            best = Some((start, body));
        }
    }
    let (start, body) = best?;
    let h = doc.paragraphs[start].outline_heading()?;
    Some((h.line.clone(), body))
}

#[cfg(test)]
mod tests {
    use super::plain;

    /// What `plain` does, written as the chain of `replace` it stands for.
    fn chained(t: &str) -> String {
        t.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '‘' | '’'))
            .collect::<String>()
            .replace("部门", "")
            .replace("单位", "")
            .replace("情况", "")
            .replace('总', "")
    }

    #[test]
    fn words_are_dropped_as_replace_drops_them() {
        for t in [
            "",
            "部门部门",
            "单部门位情单位况总部门",
            "部单位门收入决算总表“三公”经费 情况",
            "总总部门总",
            "a部门b单位c",
            "部部门门",
            "单单位位部",
            "情部门况单总位",
            "部",
            "门部",
        ] {
            assert_eq!(plain(t), chained(t), "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_is_the_chain_of_replace(t in "[部门单位情况总 a“]{0,24}") {
            proptest::prop_assert_eq!(plain(&t), chained(&t));
        }
    }
}
