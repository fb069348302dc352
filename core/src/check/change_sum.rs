//! `change-sum`: the changes the parts of a total state add up to the change the total states
//! (the binding: `claims::change_sum`).

use super::kit::money;
use super::{Context, Draft, Rule, RuleInfo};
use crate::claims::growth::{Direction, GrowthClaim};
use crate::read::document::Document;
use crate::read::interval::Interval;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct ChangeSum;

static INFO: RuleInfo = RuleInfo {
    id: "change-sum",
    name_zh: "分项增减额之和",
    name_en: "Parts' changes add up to the total's",
    severity: Severity::Error,
    summary_zh: "合计及其各分项都写明“较上年增加（减少）X”且各分项金额之和等于合计时，各分项增减额（增为正、减为负）之和应等于合计的增减额。",
    summary_en: "When a total and each of its parts state their change on last year, and the parts add up to the total, the parts' changes add up to the total's.",
    explanation_zh: "各分项本年数之和等于合计本年数时，上年各分项之和也等于上年合计，因此各分项的增减额（增加为正、减少为负）之和必等于合计的增减额。\
只在文字自身闭合时判断：各分项金额之和与合计一致（按四舍五入区间）；每个分项恰写有一个增减额，且与合计的增减额比较的是同一基数（同为上年，或同为预算）；\
合计的增减额与合计同句写出，或在前面几段对同一金额写出且各处一致。\n\
例：“一般公共预算支出25859.6万元，较上年增加19359.12万元”，其下11个功能科目的金额之和为25859.6万元，\
各自的增减额之和却为 254.45 − 28.98 + 109.6 − 22.2 + 20000 + … = 20359.14万元，与19359.12万元相差1000.02万元。",
    explanation_en: "If this year's parts add up to this year's total, last year's parts added up to last year's total, so the parts' \
changes (increases positive, decreases negative) add up to the total's change. Judged only when the text closes the list itself: the parts' \
amounts add up to the total within rounding, every part states exactly one change against the same base as the total, and the total's change \
is stated with it or, the same way everywhere, for the same amount a few paragraphs before. Example: a total of 25859.6万元 up 19359.12万元 \
whose eleven parts add up to 25859.6万元 but whose changes add up to 20359.14万元.",
};

impl Rule for ChangeSum {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        // A level broken down twice the same way (by 部门预算 and by 政府预算 economic class)
        // is judged once: (the total's change, the parts' sum) already said.
        let mut said: std::collections::HashSet<(usize, Decimal)> = Default::default();
        for c in &claims.change_sums {
            let total = &claims.growths[c.total_change];
            let parts: Vec<&GrowthClaim> =
                c.part_changes.iter().map(|&g| &claims.growths[g]).collect();
            let Some(stated) = signed_interval(doc, total) else {
                continue;
            };
            let Some(sum) = parts
                .iter()
                .try_fold(Interval::exact(Decimal::ZERO), |acc, g| {
                    acc.add(signed_interval(doc, g)?)
                })
            else {
                continue;
            };
            let d = &doc.figures[total.delta];
            let (unit, dp) = (
                d.q.unit,
                parts
                    .iter()
                    .map(|g| doc.figures[g.delta].q.decimals)
                    .chain([d.q.decimals])
                    .max()
                    .unwrap_or(0),
            );
            // A decrease shows a minus sign, not a hyphen.
            let shown = |yuan: Decimal| {
                let m = money(yuan.abs(), unit, dp);
                if yuan.is_sign_negative() && !yuan.is_zero() {
                    format!("−{m}")
                } else {
                    m
                }
            };
            let face_sum: Decimal = parts.iter().map(|g| signed_face(doc, g)).sum();
            if !said.insert((c.total_change, face_sum)) {
                continue;
            }
            let terms = parts
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    let f = &doc.figures[g.delta];
                    let v = crate::check::kit::plain(f);
                    match (i, g.direction) {
                        (0, Direction::Up) => v,
                        (0, Direction::Down) => format!("−{v}"),
                        (_, Direction::Up) => format!(" + {v}"),
                        (_, Direction::Down) => format!(" − {v}"),
                    }
                })
                .collect::<String>();
            let formula = format!("{terms} = {}", shown(face_sum));
            let said = format!("{}{}", verb(total.direction), doc.written(d));
            if sum.overlaps(stated) {
                sink.verified(
                    INFO.id,
                    d.q.start..d.q.end,
                    format!("各分项增减额之和 {formula}，与合计{said}一致"),
                    format!(
                        "the parts' changes add up to {}, as the total's",
                        shown(face_sum)
                    ),
                );
                for g in &parts {
                    let p = &doc.figures[g.delta];
                    sink.verified(
                        INFO.id,
                        p.q.start..p.q.end,
                        format!("与其余分项的增减额之和等于合计的增减额{said}"),
                        "adds up with the other parts' changes to the total's change".into(),
                    );
                }
                continue;
            }
            let expected = format!(
                "{}{}",
                verb(if face_sum.is_sign_negative() {
                    Direction::Down
                } else {
                    Direction::Up
                }),
                shown(face_sum.abs())
            );
            let diff = (face_sum - signed_face(doc, total)).abs();
            let mut f = Draft::new(
                INFO.id,
                Severity::Error,
                d.q.start..d.q.end,
                format!(
                    "各分项的增减额之和为{expected}，与合计的增减额{said}不符，相差{}",
                    shown(diff)
                ),
                format!(
                    "The parts' changes add up to {}, not the total's stated change {}",
                    shown(face_sum),
                    doc.written(d)
                ),
            );
            f.stated = Some(said);
            f.expected = Some(expected);
            f.formula = Some(format!("{formula} ≠ {}", shown(signed_face(doc, total))));
            let t = &doc.figures[c.total];
            f.cause = Some(format!(
                "各分项金额之和等于合计{}，其增减额之和也应等于合计的增减额",
                doc.written(t)
            ));
            f.related.push((t.q.start..t.q.end, "合计".into()));
            for g in &parts {
                let p = &doc.figures[g.delta];
                let part = g
                    .current
                    .map_or(String::new(), |c| doc.figures[c].label.clone());
                f.related
                    .push((p.q.start..p.q.end, format!("分项增减：{part}")));
            }
            sink.report(f);
        }
    }
}

fn verb(d: Direction) -> &'static str {
    match d {
        Direction::Up => "增加",
        Direction::Down => "减少",
    }
}

/// The change in yuan, negative for a decrease.
fn signed_face(doc: &Document, g: &GrowthClaim) -> Decimal {
    let v = doc.figures[g.delta].q.face();
    match g.direction {
        Direction::Up => v,
        Direction::Down => -v,
    }
}

/// The change's rounding interval in yuan, negated for a decrease.
fn signed_interval(doc: &Document, g: &GrowthClaim) -> Option<Interval> {
    let i = doc.figures[g.delta].q.interval()?;
    Some(match g.direction {
        Direction::Up => i,
        Direction::Down => Interval {
            lo: -i.hi,
            hi: -i.lo,
        },
    })
}
