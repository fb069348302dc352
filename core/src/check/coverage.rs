//! `coverage`: every rate (%, 个百分点, 倍) and every stated change (增加/减少 X) in the prose
//! appears in the ledger. Those no rule could bind to the figures they derive from are listed
//! as unchecked with the reason, so a reviewer sees what was not checked rather than nothing.
//! Runs last: it reads what the other rules recorded.

use super::{Context, Rule, RuleInfo};
use crate::claims::has_change_word;
use crate::read::quantity::Unit;
use crate::report::{Outcome, Severity, Span};

pub struct Coverage;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "coverage",
    name_zh: "未核查的比率与增减额",
    name_en: "Rates and changes left unchecked",
    severity: Severity::Info,
    summary_zh: "正文中每个百分比、百分点、倍数和增减额都列入核查清单；无法找到其依据数字的，列为“未核查”并说明原因。",
    summary_en: "Every rate and stated change in the prose is listed; those no rule could bind are listed as unchecked, with why.",
    explanation_zh: "核查清单应当完整：一个比率或增减额若没有被任何规则核查，也要让审阅者看到它，而不是悄悄略过。\
本规则不报告问题，只在清单中补记这些数字为“未核查”，原因是文中没有找到可据以计算它的数字（如满意度、目标值、\
未写明分子分母的比例）。\n例：“群众满意度达到98%”——文中没有可重算的依据，列为未核查。",
    explanation_en: "The ledger is complete: a rate or change that no rule checked is listed as unchecked (no figures \
to recompute it from, e.g. a satisfaction rate or a target), never silently skipped. Reports no finding.",
};

impl Rule for Coverage {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        // The boundaries of every original span some rule looked at: a rate's or a change's
        // figure is covered when a span starts or ends with it. Marked in bit sets over the
        // original text's offsets, an eighth of its bytes each: a hash set of them (no sort:
        // sorting spans would add a sort's code to every wasm build) was 2 × the text at its
        // peak for a ledger entry every 26 bytes (issue 16).
        let len = doc.original.len() + 1;
        let mut seen = Bits::new(len);
        let mut mark = |s: Span| {
            seen.insert(s.start);
            seen.insert(s.end);
        };
        let mut judged = Bits::new(len);
        for (span, outcome) in sink.ledger() {
            mark(span);
            if outcome != Outcome::Unchecked {
                judged.insert(span.start);
            }
        }
        // A change checked together with its rate (`减少217.38万元，下降2.4%` against the
        // current 8,989.73) was checked too: the two agree, or the rate is reported.
        for g in &claims.growths {
            if let Some(r) = g.rate {
                if judged.contains(doc.figure_span(&doc.figures[r]).start) {
                    mark(doc.figure_span(&doc.figures[g.delta]));
                }
            }
        }
        drop(judged);
        sink.finding_spans().for_each(&mut mark);
        let covered = |s: Span| seen.contains(s.start) || seen.contains(s.end);
        for f in doc.figures.iter().filter(|f| !f.in_table && !f.q.approx) {
            let multiple = f.q.unit == Unit::None && doc.text()[f.q.end..].starts_with('倍');
            let rate = matches!(f.q.unit, Unit::Percent | Unit::PercentPoint) || multiple;
            let change =
                f.q.unit.is_money() && has_change_word(&f.label) && ends_with_verb(&f.label);
            if !(rate || change) || covered(doc.figure_span(f)) {
                continue;
            }
            let (zh, en) = if rate && is_target(doc.text(), f.q.start, f.q.end) {
                (
                    "目标值或评分标准（≥90%、不低于95%、低于80%不得分），不是由文中数字算出的比率",
                    "a target or scoring threshold (≥90%, 不低于95%), not a rate computed from figures",
                )
            } else if rate {
                (
                    "文中未找到可据以计算该比率的数字",
                    "no figures to recompute the rate from",
                )
            } else {
                (
                    "文中未找到与之比较的两个数",
                    "no two levels to compare the change with",
                )
            };
            sink.unchecked(INFO.id, f.q.start..f.q.end, zh, en);
        }
    }
}

/// A set of offsets below a bound, a bit each.
struct Bits(Vec<u64>);

impl Bits {
    fn new(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)])
    }

    fn insert(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

/// Words right before a percentage that make it a target or threshold (`≥90%`,
/// `不低于95%`, `满意度达到90%以上`), and right after it (`90%以上`, `80%得2分`).
const TARGET_BEFORE: &[&str] = &[
    "≥",
    "≤",
    "≧",
    "≦",
    ">",
    "<",
    "＞",
    "＜",
    "=",
    "＝",
    "不低于",
    "不高于",
    "不少于",
    "不超过",
    "不得低于",
    "不得高于",
    "不得超过",
    "低于",
    "高于",
    "超过",
    "大于",
    "小于",
    "控制在",
    "力争",
    "确保",
    "以上",
    "以内",
];
const TARGET_AFTER: &[&str] = &[
    "以上",
    "以内",
    "以下",
    "及以上",
    "得",
    "扣",
    "的得",
    "不得分",
];

fn is_target(text: &str, start: usize, end: usize) -> bool {
    let from = crate::read::document::floor_char(text, start.saturating_sub(12));
    let before = text[from..start].trim_end();
    let to = crate::read::document::floor_char(text, (end + 9).min(text.len()));
    let after = text[end..to].trim_start();
    TARGET_BEFORE.iter().any(|w| before.ends_with(w))
        || TARGET_AFTER.iter().any(|w| after.starts_with(w))
}

/// The label ends with the change verb (`比上年增加`), so the figure is the change itself.
fn ends_with_verb(label: &str) -> bool {
    let t = label.trim_end_matches(['了', '为', '额', '共', '计']);
    crate::claims::CHANGE_WORDS.iter().any(|w| t.ends_with(w))
}
