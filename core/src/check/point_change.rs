//! `point-change`: a change stated in percentage points agrees with the two rates it is
//! between: `由52.3%提高到78.6%，提高26.3个百分点` · `占87.59%，较上年的87.42%提高0.17个百分点`.
//!
//! Only the two shapes that name both rates right before the change are read (from–to, and
//! now-against-then); a change whose earlier rate is not written (`比上年提高2个百分点`) is
//! left to the ledger as unchecked. One pass over the figures.

use super::{Context, Draft, Rule, RuleInfo};
use crate::claims::growth::{direction_of, Direction};
use crate::read::document::Figure;
use crate::read::interval::Interval;
use crate::read::quantity::Unit;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct PointChange;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "point-change",
    name_zh: "百分点变动",
    name_en: "Change in percentage points",
    severity: Severity::Error,
    summary_zh: "“由A%提高到B%，提高C个百分点”“B%，较上年的A%提高C个百分点”中，C应等于B与A之差，升降方向应相符。",
    summary_en: "In `由A%提高到B%，提高C个百分点` and `B%，较上年的A%提高C个百分点`, C is the difference of B and A, in the stated direction.",
    explanation_zh: "两个比率之间的变动以百分点计，等于两个比率相减（不是相除）。只核查同一句中紧挨着写明两个比率的说法：\
“由（从）A%提高（下降）到B%，提高（下降）C个百分点”和“B%，较（比）上年（的）A%提高（下降）C个百分点”；\
只写了变动、没有写出上年比率的，列为未核查。按各数的书写精度留出舍入余地。\n\
例：“覆盖农村人口比例由52.3%提高到78.6%，提高了26.9个百分点”：78.6% − 52.3% = 26.3个百分点。",
    explanation_en: "A change between two rates in percentage points is their difference (not their ratio). Only \
statements that write both rates right before the change are read: `由A%提高到B%，提高C个百分点` and \
`B%，较上年的A%提高C个百分点`; a change without the earlier rate is left unchecked. Rounding of every figure is \
allowed for. Example: 由52.3%提高到78.6%，提高了26.9个百分点: 78.6% − 52.3% = 26.3 points.",
};

/// What may stand between the later rate and the change: a verb, maybe after a comma and
/// before a 了 (`，提高了`, `下降`). `None` for anything else (`分别提高`, a second subject).
fn change_verb(between: &str) -> Option<Direction> {
    let v = between
        .trim()
        .trim_start_matches(['）', ')', '，', ','])
        .trim()
        .trim_end_matches('了');
    const VERBS: [&str; 10] = [
        "提高", "上升", "增加", "增长", "提升", "下降", "降低", "减少", "回落", "下滑",
    ];
    VERBS.contains(&v).then(|| direction_of(v)).flatten()
}

/// The periods a change may start in, after its `由`/`从` (`由上年的`).
const FROM_PERIODS: &[&str] = &["上年度", "上年", "去年", "年初"];

/// `提高到`, `上升至`, `降至`: the words between the rate a change starts from and the one
/// it ends at.
fn is_from_to(between: &str) -> bool {
    let t = between.trim();
    let t = t.strip_suffix('的').unwrap_or(t);
    let t = super::kit::strip_year(t);
    let b = t.trim_end_matches(['到', '至']);
    t.len() > b.len()
        && matches!(
            b.trim_end_matches('了'),
            "提高"
                | "上升"
                | "增加"
                | "增长"
                | "提升"
                | "下降"
                | "降低"
                | "减少"
                | "回落"
                | "升"
                | "降"
                | ""
        )
}

/// `，较上年的`, `，比2022年`, `，同比`, `，较上年（`: the words between a rate and the earlier
/// one it is compared with.
fn is_against_earlier(between: &str) -> bool {
    let b = between.trim().trim_start_matches(['，', ',']).trim();
    let b = b.trim_end_matches(['（', '(']).trim_end();
    let b = b.strip_suffix('的').unwrap_or(b);
    let Some(rest) = ["较", "比", "同比"].iter().find_map(|w| b.strip_prefix(w)) else {
        return false;
    };
    matches!(
        rest,
        "上年" | "上年度" | "去年" | "上年同期" | "去年同期" | ""
    ) || super::kit::strip_year(rest).is_empty()
        || super::kit::strip_year(rest.strip_suffix("同期").unwrap_or(rest)).is_empty()
}

/// A rate as the interval its written digits stand for, in percent.
fn points(f: &Figure) -> Option<Interval> {
    Interval::stated(f.q.value, f.q.decimals, Decimal::ONE)
}

impl Rule for PointChange {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, _, sink) = cx.parts();
        let text = doc.text();
        for (ci, c) in doc.figures.iter().enumerate() {
            if c.q.unit != Unit::PercentPoint || c.in_table || c.q.approx {
                continue;
            }
            let Some((a, b)) = super::kit::two_before(doc, ci) else {
                continue;
            };
            let rates = [a, b].iter().all(|f| {
                f.q.unit == Unit::Percent
                    && !f.in_table
                    && !f.q.approx
                    && f.sentence() == c.sentence()
                    && !doc.written_negative(f)
            });
            if !rates {
                continue;
            }
            let Some(says) = change_verb(&text[b.q.end..c.q.start]) else {
                continue;
            };
            let between = &text[a.q.end..b.q.start];
            let (old, new) = if is_from_to(between)
                && super::kit::starts_from(&text[a.label_start()..a.q.start], FROM_PERIODS)
            {
                (a, b)
            } else if is_against_earlier(between) {
                (b, a)
            } else {
                continue;
            };
            let (Some(o), Some(n), Some(stated)) = (points(old), points(new), points(c)) else {
                continue;
            };
            let Some(diff) = n.sub(o) else { continue };
            let signed = match says {
                Direction::Up => stated,
                Direction::Down => stated.neg(),
            };
            let (ow, nw, cw) = (doc.written(old), doc.written(new), doc.written(c));
            let exact = new.q.value - old.q.value;
            let dp = old.q.decimals.max(new.q.decimals);
            let verb = if exact.is_sign_negative() {
                "下降"
            } else {
                "提高"
            };
            let shown = format!("{verb}{}个百分点", super::kit::fixed(exact.abs(), dp));
            let formula = format!("{nw} − {ow} = {}个百分点", super::kit::fixed(exact, dp));
            if diff.overlaps(signed) {
                sink.verified(
                    INFO.id,
                    c.q.start..c.q.end,
                    format!("{formula}，与所写相符"),
                    format!("{formula}: agrees"),
                );
                continue;
            }
            let mut d = Draft::new(
                INFO.id,
                Severity::Error,
                c.q.start..c.q.end,
                format!("由{ow}到{nw}应是{shown}，文中为{}{cw}", says.change_word()),
                format!("From {ow} to {nw} is {shown}; the text says {cw}"),
            );
            d.stated = Some(cw);
            d.expected = Some(shown);
            d.formula = Some(formula);
            d.related.push((old.q.start..old.q.end, "原比率".into()));
            d.related.push((new.q.start..new.q.end, "现比率".into()));
            sink.report(d);
        }
    }
}

impl Direction {
    /// How a change in points is named: 提高 / 下降.
    fn change_word(self) -> &'static str {
        match self {
            Direction::Up => "提高",
            Direction::Down => "下降",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_around_the_two_rates() {
        assert!(is_from_to("提高到"));
        assert!(is_from_to("降至"));
        assert!(is_from_to("到"));
        assert!(is_from_to("提高到2023年的"));
        assert!(!is_from_to("，较上年"));
        assert!(is_against_earlier("，较上年的"));
        assert!(is_against_earlier("，比2022年"));
        assert!(is_against_earlier("，较上年（"));
        assert!(is_against_earlier("，同比"));
        assert!(!is_against_earlier("，其中"));
        assert!(crate::check::kit::starts_from("比例由", FROM_PERIODS));
        assert!(crate::check::kit::starts_from(
            "普及率由2020年的",
            FROM_PERIODS
        ));
        assert!(!crate::check::kit::starts_from("普及率为", FROM_PERIODS));
        assert_eq!(change_verb("，提高了"), Some(Direction::Up));
        assert_eq!(change_verb("）下降"), Some(Direction::Down));
        assert_eq!(change_verb("，分别提高"), None);
    }
}
