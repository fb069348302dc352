//! `required`: the parts a final-accounts disclosure must contain (DOMAIN.md §6), and the
//! figures a present “三公” or 政府采购 section must give. The checklist is a named profile
//! (`national`, the default, or `meetings-training`), chosen with `Options::profile`.
//!
//! Only a whole report is checked (`sections::looks_whole`): a pasted passage lacks most parts
//! by design.

use super::{Draft, Rule, RuleInfo, Sink};
use crate::claims::Claims;
use crate::document::Document;
use crate::report::{ReportKind, Severity};
use crate::sections::{looks_whole, sections};

pub struct Required;

static INFO: RuleInfo = RuleInfo {
    id: "required",
    name_zh: "必备内容",
    name_en: "Required content",
    severity: Severity::Warning,
    summary_zh: "部门决算公开应有的各部分（部门概况、收支、财政拨款、“三公”经费、机关运行经费、政府采购、国有资产、预算绩效、名词解释等）是否齐全；“三公”、政府采购部分是否给出应有的数字。",
    summary_en: "A final-accounts disclosure contains every required part, and its “三公” and 政府采购 sections give the figures they must.",
    explanation_zh: "按清单（默认“national”，另有“meetings-training”加查会议费、培训费）逐项查找各部分的标志词，找不到的列为提示（info）：\
标志词之外的写法、另附的表格都可能使“缺少”不实，故只作提示。已有的“三公”经费部分应写明因公出国团组数和人次、\
公务用车购置数和保有量、公务接待批次和人次；政府采购部分应分货物、工程、服务并写明授予中小企业的金额——缺少的列为警告。\
部分写明“未发生”“没有”的不查其中的数字。只检查看来是全文的文本（至少两个“第X部分”或六个顶层“一、”标题），不检查粘贴的片段。\n\
例：一份决算公开全文没有“机关运行经费”字样：提示缺少“机关运行经费”说明；“三公”经费部分只写了金额、没有“批次”：警告缺少公务接待批次。",
    explanation_en: "Per the profile (national by default; meetings-training also requires 会议费 and 培训费), each \
required part is looked for by its key words; a missing one is an info (it may be worded otherwise or attached). A present \
“三公” section must give 团组/人次, 车辆购置数/保有量, 接待批次/人次; a 政府采购 section 货物/工程/服务 and the \
中小企业 share: a gap there is a warning. Only whole reports are checked.",
};

/// A part of the disclosure and the words that show it is there (any one suffices).
pub struct Part {
    pub name: &'static str,
    pub any_of: &'static [&'static str],
}

/// A section that must give certain figures: found by a word in its title.
pub struct SectionNeeds {
    pub title: &'static str,
    pub name: &'static str,
    /// Each group: what is needed, and the words that give it (any one suffices).
    pub needs: &'static [(&'static str, &'static [&'static str])],
}

pub struct Profile {
    pub name: &'static str,
    pub parts: &'static [Part],
    pub sections: &'static [SectionNeeds],
}

const NATIONAL_PARTS: &[Part] = &[
    Part {
        name: "部门概况",
        any_of: &["部门概况", "部门职责", "主要职责", "主要职能", "基本职能"],
    },
    Part {
        name: "机构设置",
        any_of: &[
            "机构设置",
            "决算单位构成",
            "机构组成",
            "内设机构",
            "下设",
            "单位构成",
        ],
    },
    Part {
        name: "收入支出决算总体情况",
        any_of: &["收入支出决算总体", "收、支总计", "收支总计", "收入总计"],
    },
    Part {
        name: "收入决算情况",
        any_of: &["收入决算情况", "本年收入合计", "收入合计", "收入总计"],
    },
    Part {
        name: "支出决算情况",
        any_of: &["支出决算情况", "本年支出合计", "支出合计", "支出总计"],
    },
    Part {
        name: "财政拨款收入支出决算总体情况",
        any_of: &[
            "财政拨款收入支出",
            "财政拨款收、支总计",
            "财政拨款收支总计",
            "财政拨款支出决算情况",
        ],
    },
    Part {
        name: "一般公共预算财政拨款支出决算情况",
        any_of: &["一般公共预算财政拨款支出"],
    },
    Part {
        name: "一般公共预算财政拨款基本支出决算情况",
        any_of: &["基本支出"],
    },
    Part {
        name: "“三公”经费支出决算情况",
        any_of: &["三公"],
    },
    Part {
        name: "政府性基金预算财政拨款收支情况",
        any_of: &["政府性基金"],
    },
    Part {
        name: "国有资本经营预算财政拨款支出情况",
        any_of: &["国有资本经营"],
    },
    Part {
        name: "机关运行经费支出情况",
        any_of: &["机关运行经费"],
    },
    Part {
        name: "政府采购支出情况",
        any_of: &["政府采购"],
    },
    Part {
        name: "国有资产占用情况",
        any_of: &["国有资产", "资产占用", "资产占有"],
    },
    Part {
        name: "预算绩效情况",
        any_of: &["绩效"],
    },
    Part {
        name: "名词解释",
        any_of: &["名词解释", "名词说明"],
    },
];

const MEETINGS_TRAINING_PARTS: &[Part] = &[
    Part {
        name: "会议费支出情况",
        any_of: &["会议费"],
    },
    Part {
        name: "培训费支出情况",
        any_of: &["培训费"],
    },
];

const SECTIONS: &[SectionNeeds] = &[
    SectionNeeds {
        title: "三公",
        name: "“三公”经费",
        needs: &[
            ("因公出国（境）团组数", &["团组", "个团", "批团"]),
            ("因公出国（境）人次", &["人次"]),
            (
                "公务用车购置数",
                &["购置公务用车", "购置车辆", "购置", "新购"],
            ),
            ("公务用车保有量", &["保有量", "保有", "车辆总数", "实有"]),
            ("公务接待批次", &["批次"]),
        ],
    },
    SectionNeeds {
        title: "政府采购",
        name: "政府采购",
        needs: &[
            ("货物采购金额", &["货物"]),
            ("工程采购金额", &["工程"]),
            ("服务采购金额", &["服务"]),
            ("授予中小企业合同金额", &["中小企业"]),
        ],
    },
];

pub static PROFILES: &[Profile] = &[
    Profile {
        name: "national",
        parts: NATIONAL_PARTS,
        sections: SECTIONS,
    },
    Profile {
        name: "meetings-training",
        parts: MEETINGS_TRAINING_PARTS,
        sections: SECTIONS,
    },
];

/// Words that say a section is legitimately empty: its figures are not needed.
const EMPTY: &[&str] = &["未发生", "没有", "无此项", "不涉及", "未安排", "无政府采购"];

/// The parts a profile requires: `meetings-training` is `national` plus its own.
fn parts_of(profile: &Profile) -> Vec<&'static Part> {
    let mut v: Vec<&'static Part> = NATIONAL_PARTS.iter().collect();
    if profile.name != "national" {
        v.extend(profile.parts.iter());
    }
    v
}

/// The named profile, or `national` for none or an unknown name.
pub fn profile(name: Option<&str>) -> &'static Profile {
    name.and_then(|n| PROFILES.iter().find(|p| p.name == n))
        .unwrap_or(&PROFILES[0])
}

impl Rule for Required {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, doc: &Document, _claims: &Claims, sink: &mut Sink) {
        if doc.info().kind != ReportKind::FinalAccounts {
            return;
        }
        let secs = sections(doc);
        if !looks_whole(&secs) {
            return;
        }
        let profile = profile(sink.profile.as_deref());
        let text = doc.text();
        // Missing parts are reported at the start of the text (there is no place for an absence).
        let head = 0..text.char_indices().nth(1).map_or(text.len(), |(i, _)| i);
        for part in parts_of(profile) {
            if let Some(w) = part.any_of.iter().find(|w| text.contains(**w)) {
                let at = text.find(w).unwrap();
                sink.verified(
                    INFO.id,
                    at..at + w.len(),
                    format!("有“{}”（“{w}”）", part.name),
                    format!("{} is present", part.name),
                );
                continue;
            }
            let mut d = Draft::new(
                INFO.id,
                Severity::Info,
                head.clone(),
                format!(
                    "全文未见“{}”（清单{}）：缺少这一部分，或写法不同、另附",
                    part.name, profile.name
                ),
                format!("No {} found (profile {})", part.name, profile.name),
            );
            d.expected = Some(part.any_of.join("/"));
            d.cause = Some("公开内容不完整".into());
            sink.report(d);
        }
        for need in profile.sections {
            // The section with this word in its title and the most text under it (not a table
            // of contents entry or a glossary line).
            let region = |i: usize| {
                let s = &secs[i];
                let end = secs[i + 1..]
                    .iter()
                    .find(|t| t.style <= s.style)
                    .map_or(text.len(), |t| t.line.start);
                s.line.start..end
            };
            let Some(r) = (0..secs.len())
                .filter(|&i| secs[i].title.contains(need.title))
                .map(region)
                .max_by_key(|r| r.len())
            else {
                continue;
            };
            let body = &text[r.clone()];
            if EMPTY.iter().any(|w| body.contains(w)) {
                continue;
            }
            let title_end = secs
                .iter()
                .find(|s| s.line.start == r.start)
                .map_or(r.start, |s| s.line.end);
            let missing: Vec<&str> = need
                .needs
                .iter()
                .filter(|(_, words)| !words.iter().any(|w| body.contains(w)))
                .map(|(what, _)| *what)
                .collect();
            if missing.is_empty() {
                sink.verified(
                    INFO.id,
                    r.start..title_end,
                    format!("{}部分给出了应有的数字", need.name),
                    format!("The {} section gives the figures it must", need.name),
                );
                continue;
            }
            let mut d = Draft::new(
                INFO.id,
                Severity::Warning,
                r.start..title_end,
                format!("{}部分未写明：{}", need.name, missing.join("、")),
                format!("The {} section lacks: {}", need.name, missing.join(", ")),
            );
            d.expected = Some(missing.join("、"));
            d.cause = Some("公开内容不完整".into());
            sink.report(d);
        }
    }
}
