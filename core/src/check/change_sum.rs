//! `change-sum`: the changes the parts of a total state add up to the change the total states
//! (the binding: `claims::change_sum`).

use super::kit::money;
use super::{Context, Draft, Rule, RuleInfo};
use crate::claims::growth::{Direction, GrowthClaim};
use crate::read::interval::Interval;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct ChangeSum;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "change-sum",
    name_zh: "分项增减额之和",
    name_en: "Parts' changes add up to the total's",
    severity: Severity::Error,
    summary_zh: "合计及其各分项都写明“较上年增加（减少）X”且各分项金额之和等于合计时，各分项增减额（增为正、减为负）之和应等于合计的增减额。",
    summary_en: "When a total and each of its parts state their change on last year, and the parts add up to the total, the parts' changes add up to the total's.",
    explanation_zh: "各分项本年数之和等于合计时，所列分项之外的项目本年为零，其增减额为负的上年数，故合计的增减额不会大于各分项增减额（增为正、减为负）之和：\
大于即为错误；小于则可能是上年有而本年无的项目，列为未核。只在文字自身闭合时判断：分项金额之和与合计一致，每个分项恰写一个增减额且与合计比较同一基数，合计的增减额与之同句或在前几段对同一金额写出且各处一致。\n\
例：支出1000.00万元，较上年增加120.00万元；其下各项金额之和为1000.00万元，增减额之和却只有100.00万元。",
    explanation_en: "If this year's parts add up to the total, any item not listed is zero this year and its change is minus \
last year's amount, so the total's change never exceeds the parts' signed changes: exceeding them is an error, falling short \
may be an item that ended and is left unchecked. Judged only when the text closes the list: the amounts add up, each part states one change on the same base, and the \
total's change is stated with it or, one way only, for the same amount a few paragraphs before. Example: 1000.00万元 up \
120.00万元, whose parts' changes add up to only 100.00万元.",
};

impl Rule for ChangeSum {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        // A level broken down twice the same way (by 部门预算 and by 政府预算 economic class)
        // is judged once: (the total's change, the parts' sum) already said.
        // (A list, not a set: a total has a list or two, and a set of this key would add its
        // own hashing code to every wasm build.)
        let mut judged: Vec<(usize, Decimal)> = Vec::new();
        for c in &claims.change_sums {
            let total = &claims.growths[c.total_change];
            let parts: Vec<&GrowthClaim> =
                c.part_changes.iter().map(|&g| &claims.growths[g]).collect();
            let Some(stated) = total.signed_interval(doc) else {
                continue;
            };
            let Some(sum) = Interval::sum(parts.iter().map(|g| g.signed_interval(doc))) else {
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
            let face_sum: Decimal = parts.iter().map(|g| g.signed_change(doc)).sum();
            if judged.contains(&(c.total_change, face_sum)) {
                continue;
            }
            judged.push((c.total_change, face_sum));
            let terms = parts
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    let f = &doc.figures[g.delta];
                    // (A part in another unit shows it: `2.45元` beside 万元 changes.)
                    let v = if f.q.unit == d.q.unit {
                        crate::check::kit::plain(f)
                    } else {
                        f.q.display()
                    };
                    match (i, g.direction) {
                        (0, Direction::Up) => v,
                        (0, Direction::Down) => format!("−{v}"),
                        (_, Direction::Up) => format!(" + {v}"),
                        (_, Direction::Down) => format!(" − {v}"),
                    }
                })
                .collect::<String>();
            let formula = format!("{terms} = {}", shown(face_sum));
            let said = format!("{}{}", total.direction.verb(), doc.written(d));
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
            // An item of last year that has none this year is in no list of this year's parts,
            // and its whole amount went: the total's change may fall short of the parts' by
            // that much, never exceed it.
            if sum.is_above(stated) {
                sink.unchecked(
                    INFO.id,
                    d.q.start..d.q.end,
                    "合计的增减额小于各分项增减额之和：上年有而本年为零的项目不在所列分项中，可能解释差额",
                    "the total's change falls short of its parts': an item of last year with nothing this year is not listed and may explain it",
                );
                continue;
            }
            let expected = format!(
                "{}{}",
                Direction::of(face_sum).verb(),
                shown(face_sum.abs())
            );
            let diff = (face_sum - total.signed_change(doc)).abs();
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
            f.formula = Some(format!("{formula} ≠ {}", shown(total.signed_change(doc))));
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
                    .map_or(String::new(), |c| doc.figures[c].label.to_string());
                f.related
                    .push((p.q.start..p.q.end, format!("分项增减：{part}")));
            }
            sink.report(f);
        }
    }
}
