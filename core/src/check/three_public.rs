//! `three-public`: the “三公”经费 table adds up: 合计 = 因公出国（境）费 + 公务用车购置及运行费 +
//! 公务接待费, and 公务用车购置及运行费 = 购置费 + 运行费, in each group of columns.

use super::kit::fixed;
use super::{Context, Draft, Rule, RuleInfo, Sink};
use crate::claims::three_public::{
    holds, total_with_car_parts, value as cell_value, Column, Group, Reading, ALL, CAR,
};
use crate::read::document::Document;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct ThreePublic;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "three-public",
    name_zh: "“三公”经费表的合计与小计",
    name_en: "The 三公 table's totals",
    severity: Severity::Error,
    summary_zh: "“三公”经费表中，合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；公务用车购置及运行费 = 购置费 + 运行费（预算数、决算数各一组）。",
    summary_en: "In the 三公 table, 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费, and 公务用车购置及运行费 = 购置费 + 运行费, for each group of columns.",
    explanation_zh: "决算模板的“三公”经费表各组六列依次为合计、因公出国（境）费、公务用车购置及运行费（小计、购置费、运行费）、公务接待费；\
不少预算表把公务接待费排在第三列。列的次序从数字本身读出（某组数按一种次序两式都成立、按另一种不成立），数字不能说明时看表头中“公务接待”与“公务用车”的左右位置；\
两者都不能确定、表中另有其他列（机关运行经费、会议费、培训费），或空单元格未写0（数字少于列数）时，不报差错。\n\
例：决算数一组“50.12 | 6.20 | 38.52 | 24.00 | 13.42 | 5.40”，购置费 24.00 + 运行费 13.42 = 37.42，而小计为 38.52。",
    explanation_en: "The 决算 template's 三公 table has, per group, 合计, 因公出国（境）费, 公务用车购置及运行费 (小计, 购置费, \
运行费) and 公务接待费; many budgets put 公务接待费 third. The order is read from the figures (a group whose identities hold \
in one order and not the other), else from where the header places 公务接待 and 公务用车. A table where neither tells, with \
other columns, or with blank cells dropped is not judged. Example: 24.00 + 13.42 = 37.42, the 小计 says 38.52.",
};

impl Rule for ThreePublic {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        for r in &claims.three_public {
            match r {
                Reading::Known {
                    groups,
                    blanks_restored,
                    ..
                } => {
                    for (name, g) in groups {
                        check_group(doc, name.as_deref(), g, *blanks_restored, sink);
                    }
                }
                Reading::Unknown { at, why_zh, why_en } => {
                    let f = &doc.figures[*at];
                    sink.unchecked(INFO.id, f.q.start..f.q.end, why_zh, why_en);
                }
            }
        }
    }
}

fn check_group(
    doc: &Document,
    name: Option<&str>,
    g: &Group,
    blanks_restored: bool,
    sink: &mut Sink,
) {
    let Some([car_holds, all_holds]) = holds(doc, g) else {
        return;
    };
    let value = |c: Column| cell_value(doc, g[c as usize]);
    let dp = g
        .iter()
        .flatten()
        .map(|&f| doc.figures[f].q.decimals)
        .max()
        .unwrap_or(0);
    let shown = |v: Decimal| fixed(v, dp);
    let group = name.map(|n| format!("（{n}）")).unwrap_or_default();
    let group_en = name.map(|n| format!(" ({n})")).unwrap_or_default();
    for (id, ok) in [(&CAR, car_holds), (&ALL, all_holds)] {
        let Some(total_fig) = g[id.total as usize] else {
            continue;
        };
        let total = &doc.figures[total_fig];
        let at = total.q.start..total.q.end;
        let sum: Decimal = id.parts.iter().map(|&c| value(c)).sum();
        // The parts' figures in the order the row writes them: which of 出国 and 接待 (or of
        // 购置 and 运行) stands first is not always known, so no figure is named by column.
        let mut parts: Vec<usize> = id.parts.iter().filter_map(|&c| g[c as usize]).collect();
        parts.sort_unstable();
        let terms = if parts.is_empty() {
            shown(Decimal::ZERO)
        } else {
            parts
                .iter()
                .map(|&f| {
                    let v = cell_value(doc, Some(f));
                    if v.is_sign_negative() {
                        format!("({})", shown(v))
                    } else {
                        shown(v)
                    }
                })
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let names = id
            .parts
            .iter()
            .map(|c| c.name_zh())
            .collect::<Vec<_>>()
            .join("、");
        let what = id.total.name_zh();
        if ok {
            let (restored, restored_en) = if blanks_restored {
                (
                    "（表中空单元格未写0，按各数之和核对）",
                    " (blank cells not written as 0)",
                )
            } else {
                ("", "")
            };
            sink.verified(
                INFO.id,
                at,
                format!(
                    "{what}{group}等于{names}之和：{terms} = {}，一致{restored}",
                    shown(sum)
                ),
                format!(
                    "{what}{group_en} = {terms} = {}, consistent{restored_en}",
                    shown(sum)
                ),
            );
            continue;
        }
        // Restored blanks only verify. And a wrong 小计 breaks both identities: when the 合计
        // holds with the 小计's own parts, only the 小计 is the slip.
        if blanks_restored
            || (id.total == Column::Total && !car_holds && total_with_car_parts(doc, g))
        {
            continue;
        }
        let stated = shown(value(id.total));
        let mut d = Draft::new(
            INFO.id,
            Severity::Error,
            at,
            format!(
                "“三公”经费表{group}{what}{stated}不等于{names}之和{}，相差{}",
                shown(sum),
                shown((sum - value(id.total)).abs())
            ),
            format!(
                "The 三公 table's {what}{group_en} is {stated}, its parts add up to {}",
                shown(sum)
            ),
        );
        d.stated = Some(stated.clone());
        d.expected = Some(shown(sum));
        d.formula = Some(format!("{terms} = {} ≠ {stated}", shown(sum)));
        d.repair = Some(format!("若{what}为{}则一致", shown(sum)));
        for f in parts {
            let p = &doc.figures[f];
            d.related.push((p.q.start..p.q.end, "分项".into()));
        }
        sink.report(d);
    }
}
