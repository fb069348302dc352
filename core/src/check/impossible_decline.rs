//! `impossible-decline`: a decrease of more than 100% (`比上年下降308.51%`). An amount that
//! cannot go below zero (spending, income, a count) falls at most by all of itself, so the
//! rate is wrong whatever the figures behind it; often the change was divided by this year's
//! amount instead of last year's.
//!
//! One pass over the figures; the words before a rate are looked at within a few characters.

use super::{Context, Rule, RuleInfo};
use crate::report::Severity;

pub struct ImpossibleDecline;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "impossible-decline",
    name_zh: "降幅超过100%",
    name_en: "A decrease of more than 100%",
    severity: Severity::Error,
    summary_zh: "“下降（减少）X%”中X大于100：不会为负的金额或数量至多减少其全部，降幅不可能超过100%。",
    summary_en: "A decrease stated as more than 100%: an amount that cannot go below zero falls by at most all of itself.",
    explanation_zh: "支出、收入、人数、次数等不会为负，与上年相比最多减少到零，即下降100%。写成下降超过100%，\
多是以本年数而非上年数作分母算出的，或把增长写成了下降。利润、差额、结余等可以为负的量不在此列。\n\
例：“会议费支出20.00万元，比上年下降150%”——降幅不可能超过100%；若上年为50.00万元，应为下降60%。",
    explanation_en: "Spending, income and counts cannot go below zero, so they fall by at most 100%. A larger decrease \
usually divides the change by this year's amount instead of last year's, or calls an increase a decrease. Quantities \
that can be negative (profit, a difference, a balance) are left alone. Example: 会议费20.00万元，比上年下降150%.",
};

/// The words that state a decrease right before its rate (`下降`, `减少了`, `降幅为`).
const DECLINE_WORDS: &[&str] = &[
    "下降",
    "减少",
    "降低",
    "下降了",
    "减少了",
    "降低了",
    "降幅为",
    "降幅达",
    "降幅",
    "减幅为",
    "减幅",
];

/// How far back the subject of a decrease is looked for, in bytes.
const SUBJECT_LOOKBACK: usize = 300;

/// Quantities that can be negative: their decrease may exceed 100%.
const SIGNED_WORDS: &[&str] = &[
    "利润",
    "盈利",
    "盈余",
    "亏损",
    "差额",
    "收支差",
    "结余",
    "收益",
    "净",
    "赤字",
    "余额",
    // A rate of change or a ratio falls below zero too (`增幅比上年下降120%`).
    "率",
    "增幅",
    "增速",
    "幅度",
];

impl Rule for ImpossibleDecline {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        // A rate the growth rule recomputes from its figures is that rule's to judge.
        let mut judged = vec![false; doc.figures.len()];
        for g in &claims.growths {
            if let (Some(r), true) = (g.rate, g.current.is_some() || g.previous.is_some()) {
                judged[r] = true;
            }
        }
        let text = doc.text();
        for (i, f) in doc.figures.iter().enumerate() {
            if judged[i] || !super::kit::rate_above_all(f) {
                continue;
            }
            let before = text[f.label_start()..f.q.start].trim_end();
            if !DECLINE_WORDS.iter().any(|w| before.ends_with(w)) {
                continue;
            }
            // The sentence up to the rate names what fell (a bounded look back).
            let from = doc
                .sentences
                .get(f.sentence())
                .map_or(f.label_start(), |s| s.start)
                .max(f.q.start.saturating_sub(SUBJECT_LOOKBACK));
            let subject = &text[crate::read::document::floor_char(text, from)..f.q.start];
            // (A negative amount stated before it says the quantity can go below zero.)
            if SIGNED_WORDS.iter().any(|w| subject.contains(w))
                || subject.contains(['-', '−', '负'])
            {
                continue;
            }
            let d = super::kit::above_all(INFO.id, doc, f, |written| {
                (
                    format!("降幅不可能超过100%：不会为负的金额至多减少其全部，文中为下降{written}"),
                    format!("A decrease cannot exceed 100% for an amount that cannot go below zero; the text says {written}"),
                )
            });
            sink.report(d);
        }
    }
}
