//! `level-growth`: a rate of change stated with both levels and no change amount agrees with
//! them: `机关运行经费支出85.32万元，较上年的91.60万元下降6.86%` · `由91.60万元下降到85.32万元，
//! 下降6.86%` · `公用经费85.32万元，2022年度为91.60万元，下降6.86%`.
//!
//! Only the three shapes that write both levels right before the rate are read (now against
//! then, from–to, now then then-stated); a rate after a change amount is `growth`'s, and a
//! multiple (`增长3倍`) is left to the ledger. One pass over the figures.

use super::kit::{compare_rate, pct, pct_range, plain, show_dp, wrong_rate, Place, RateVerdict};
use super::{Context, Draft, Rule, RuleInfo};
use crate::claims::growth::{direction_of, Direction};
use crate::read::document::Figure;
use crate::read::interval::Interval;
use crate::read::quantity::Unit;
use crate::report::Severity;

pub struct LevelGrowth;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "level-growth",
    name_zh: "两年数额与增减幅度",
    name_en: "Rate of change between two stated levels",
    severity: Severity::Error,
    summary_zh: "“本年X，较上年的Y下降r%”“由Y增加到X，增长r%”“X，上年为Y，增长r%”中，r应等于(X−Y)÷Y，升降方向应相符。",
    summary_en: "In `X，较上年的Y下降r%`, `由Y增加到X，增长r%` and `X，上年为Y，增长r%`, r is (X − Y) ÷ Y, in the stated direction.",
    explanation_zh: "只写了本年数和上年数、没有写增减额的增减幅度，按两数直接计算：增减幅度 = (本年数 − 上年数) ÷ 上年数。\
只核查同一句中紧挨着写明两个数额的三种说法：“X，较（比）上年（同期）的Y增长（下降）r%”“由（从）Y增加（下降）到X，\
增长（下降）r%”“X，上年（某年）为Y，增长（下降）r%”。按各数的书写精度留出舍入余地；升降方向与两数不符的，也是差错。\
以倍数表述的，列为未核查。\n\
例：“机关运行经费支出85.32万元，较上年同期的91.60万元下降7.36%”：(91.60 − 85.32) ÷ 91.60 = 6.86%；\
7.36%是以本年数为分母算得的。",
    explanation_en: "A rate of change stated with both levels and no change amount is computed from them: \
(this year − last year) ÷ last year. Only statements that write both levels right before the rate are read: \
`X，较上年的Y下降r%`, `由Y增加到X，增长r%` and `X，上年为Y，增长r%`. Rounding of every figure is allowed for; a \
direction the levels contradict is an error too. Multiples are left unchecked. Example: 85.32万元，较上年同期的\
91.60万元下降7.36%: (91.60 − 85.32) ÷ 91.60 = 6.86%; 7.36% divides by this year's level.",
};

/// What may stand between the later level and the rate: a change verb, maybe after a comma
/// and before a 了 (`，下降了`, `增长`). `None` for anything else (`分别增长`, a change amount).
fn change_verb(between: &str) -> Option<Direction> {
    let v = between
        .trim()
        .trim_start_matches(['）', ')', '，', ','])
        .trim()
        .trim_end_matches('了');
    let v = v.strip_prefix("同比").unwrap_or(v);
    const VERBS: [&str; 9] = [
        "增长",
        "增加",
        "上升",
        "提高",
        "下降",
        "减少",
        "降低",
        "增幅为",
        "降幅为",
    ];
    VERBS.contains(&v).then(|| direction_of(v)).flatten()
}

/// `上年`, `上年同期`, `去年`, `2022年度`: words naming the earlier period alone.
fn names_earlier_period(s: &str) -> bool {
    let s = s.strip_suffix("同期").unwrap_or(s);
    matches!(s, "上年" | "上年度" | "去年") || s.len() > 4 && super::kit::strip_year(s).is_empty()
}

/// `，较上年的`, `，比2022年同期`: a level compared with the earlier one written next.
fn is_against_earlier(between: &str) -> bool {
    let b = between.trim().trim_start_matches(['，', ',']).trim();
    let b = b.strip_suffix('的').unwrap_or(b);
    ["较", "比", "同比"]
        .iter()
        .find_map(|w| b.strip_prefix(w))
        .is_some_and(names_earlier_period)
}

/// `，上年为`, `，2022年度为`, `（上年同期为`: the earlier level stated after this year's.
fn is_earlier_stated(between: &str) -> bool {
    let b = between
        .trim()
        .trim_start_matches(['，', ',', '（', '('])
        .trim();
    ["为", "是"]
        .iter()
        .find_map(|w| b.strip_suffix(w))
        .is_some_and(names_earlier_period)
}

/// `增加到`, `下降至`, `到`: the words between the level a change starts from and the one it
/// ends at.
fn is_from_to(between: &str) -> bool {
    let t = between.trim();
    let b = t.trim_end_matches(['到', '至']);
    t.len() > b.len()
        && matches!(
            b.trim_end_matches('了'),
            "增加" | "增长" | "上升" | "提高" | "下降" | "减少" | "降低" | "降" | "增" | ""
        )
}

/// The periods a change may start in, after its `由`/`从` (`由上年的`).
const FROM_PERIODS: &[&str] = &["上年度", "上年", "去年"];

/// A level: an amount or a count as written in the prose, not negative, not approximate.
fn is_level(doc: &crate::read::document::Document, f: &Figure) -> bool {
    matches!(f.q.unit, Unit::Money(_) | Unit::Count(_))
        && f.q.is_operand()
        && !f.in_table
        && !f.q.approx
        && !doc.written_negative(f)
}

impl Rule for LevelGrowth {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, _, sink) = cx.parts();
        let text = doc.text();
        for (ri, r) in doc.figures.iter().enumerate() {
            if r.q.unit != Unit::Percent || r.in_table || r.q.approx {
                continue;
            }
            let Some((a, b)) = super::kit::two_before(doc, ri) else {
                continue;
            };
            if !(is_level(doc, a) && is_level(doc, b) && a.q.unit.addable_with(b.q.unit))
                || a.sentence() != r.sentence()
                || b.sentence() != r.sentence()
            {
                continue;
            }
            let Some(says) = change_verb(&text[b.q.end..r.q.start]) else {
                continue;
            };
            // (A range, `100万元至120万元…增长25%至50%`, pairs its ends with its rates.)
            let in_range = |s: &str| s.starts_with(['至', '～', '~', '—', '-']);
            if in_range(text[r.q.end..].trim_start())
                || text[..a.label_start()].ends_with(['至', '～', '~', '—', '-'])
            {
                continue;
            }
            let between = &text[a.q.end..b.q.start];
            let (old, new) = if is_from_to(between)
                && super::kit::starts_from(&text[a.label_start()..a.q.start], FROM_PERIODS)
            {
                (a, b)
            } else if is_against_earlier(between) || is_earlier_stated(between) {
                // The year named for the earlier level must be before the later level's
                // (`2022年…80.00万元，2023年为100.00万元` names the later one second).
                let later = year_in(&a.label).or(doc.info().year.map(i32::from));
                if year_in(between).is_some_and(|y| later.is_none_or(|l| y >= l)) {
                    continue;
                }
                (b, a)
            } else {
                continue;
            };
            let (Some(o), Some(n)) = (old.q.interval(), new.q.interval()) else {
                continue;
            };
            let at = r.q.start..r.q.end;
            let (ow, nw) = (doc.written(old), doc.written(new));
            // A zero base has no rate.
            if !o.lo.is_sign_positive() || o.lo.is_zero() {
                sink.unchecked(
                    INFO.id,
                    at,
                    "上年数为零，增减幅度无从计算",
                    "the earlier level is zero: no rate",
                );
                continue;
            }
            let Some(change) = n.sub(o) else { continue };
            let Some(computed) = change.div(o) else {
                continue;
            };
            let (up, down) = (change.lo.is_sign_positive(), change.hi.is_sign_negative());
            // (Levels in two units are shown with them: `1.20亿元` and `13000.00万元`.)
            let shown = |f: &Figure| {
                if old.q.unit == new.q.unit {
                    plain(f)
                } else {
                    f.q.display()
                }
            };
            let formula = format!(
                "({} − {}) ÷ {} = {}",
                shown(new),
                shown(old),
                shown(old),
                pct(computed.mid(), show_dp(r))
            );
            let related = |d: &mut Draft| {
                d.related.push((old.q.start..old.q.end, "上年数".into()));
                d.related.push((new.q.start..new.q.end, "本年数".into()));
            };
            // The direction the levels give, against the verb.
            if up && says == Direction::Down || down && says == Direction::Up {
                let (verb, real) = if up {
                    ("下降", "增长")
                } else {
                    ("增长", "下降")
                };
                let mut d = Draft::new(
                    INFO.id,
                    Severity::Error,
                    at,
                    format!("由{ow}到{nw}是{real}，文中写作{verb}"),
                    format!(
                        "From {ow} to {nw} is a {}, the text says the opposite",
                        if up { "rise" } else { "fall" }
                    ),
                );
                d.stated = Some(format!("{verb}{}", doc.written(r)));
                d.expected = Some(format!("{real}{}", pct_range(abs(computed), show_dp(r))));
                d.formula = Some(formula);
                related(&mut d);
                sink.report(d);
                continue;
            }
            let magnitude = abs(computed);
            let verdict = compare_rate(magnitude, r);
            if verdict == RateVerdict::Consistent {
                sink.verified(INFO.id, at, formula.clone(), formula);
                continue;
            }
            let (severity, cause) = verdict
                .rounding_slip()
                .unwrap_or((Severity::Error, divided_by_this_year(change, n, r)));
            let mut d = wrong_rate(
                INFO.id,
                doc,
                (magnitude, r),
                formula,
                ("增减幅度", "The rate of change"),
                Place::Text,
                (severity, cause),
            );
            related(&mut d);
            sink.report(d);
        }
    }
}

/// The first year a text names (`2022年度为` → 2022).
fn year_in(s: &str) -> Option<i32> {
    let i = s.find('年')?;
    let digits = &s[..i];
    let d = digits.bytes().rev().take_while(u8::is_ascii_digit).count();
    (d == 4)
        .then(|| digits[digits.len() - 4..].parse().ok())
        .flatten()
}

/// The magnitudes an interval's values have.
fn abs(i: Interval) -> Interval {
    if i.lo.is_sign_negative() && i.hi.is_sign_negative() {
        i.neg()
    } else if i.lo.is_sign_negative() {
        Interval {
            lo: rust_decimal::Decimal::ZERO,
            hi: i.hi.max(-i.lo),
        }
    } else {
        i
    }
}

/// The usual slip: the change divided by this year's level instead of last year's.
fn divided_by_this_year(change: Interval, new: Interval, r: &Figure) -> Option<String> {
    let wrong = abs(change).div(new)?;
    (compare_rate(wrong, r) == RateVerdict::Consistent)
        .then(|| "文中比率是以本年数为分母算得的，增减幅度应以上年数为分母".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_around_the_two_levels() {
        assert!(is_against_earlier("，较上年同期的"));
        assert!(is_against_earlier("，比2022年"));
        assert!(is_against_earlier("，比上年"));
        assert!(!is_against_earlier("，比年初预算"));
        assert!(!is_against_earlier("，其中"));
        assert!(is_earlier_stated("，上年为"));
        assert!(is_earlier_stated("，2022年度为"));
        assert!(is_earlier_stated("（上年同期为"));
        assert!(!is_earlier_stated("，年初预算为"));
        assert!(!is_earlier_stated("，其中基本支出为"));
        assert!(is_from_to("增加到"));
        assert!(is_from_to("下降至"));
        assert!(!is_from_to("，较上年"));
        assert!(crate::check::kit::starts_from("支出由", FROM_PERIODS));
        assert!(crate::check::kit::starts_from(
            "支出由2022年的",
            FROM_PERIODS
        ));
        assert!(!crate::check::kit::starts_from("支出为", FROM_PERIODS));
        assert_eq!(change_verb("，下降了"), Some(Direction::Down));
        assert_eq!(change_verb("同比增长"), Some(Direction::Up));
        assert_eq!(change_verb("，分别增长"), None);
        assert_eq!(change_verb("，减少1.2万元，下降"), None);
    }
}
