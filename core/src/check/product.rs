//! `product`: `11户，每户50万元，共计550万元` — count × amount each = total.

use super::kit::money;
use super::{Context, Draft, Rule, RuleInfo};
use crate::report::Severity;

pub struct Product;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "product",
    name_zh: "数量×单价",
    name_en: "Count times amount each",
    severity: Severity::Error,
    summary_zh: "“n户，每户m万元，共计T万元”中 n × m 应等于 T。",
    summary_en: "In `n units, m each, T in all`, n × m equals T.",
    explanation_zh: "按四舍五入区间计算户数（个数）与每户金额之积，与“共计”数比较。\n\
例：“规上企业11户，每户50万元，共计550万元”：11 × 50 = 550，一致。",
    explanation_en:
        "The count times the amount each, on rounding intervals, must overlap the stated total. \
Example: 11 × 50 = 550.",
};

impl Rule for Product {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        for p in &claims.products {
            let (n, e, t) = (
                &doc.figures[p.count],
                &doc.figures[p.each],
                &doc.figures[p.total],
            );
            let at = t.q.start..t.q.end;
            let (Some(ni), Some(ei), Some(ti)) = (n.q.interval(), e.q.interval(), t.q.interval())
            else {
                continue;
            };
            let periods = rust_decimal::Decimal::from(p.periods);
            let Some(prod) = ni.mul(ei).and_then(|x| x.scale(periods)) else {
                continue;
            };
            let Some(face) =
                n.q.face()
                    .checked_mul(super::kit::face(e))
                    .and_then(|x| x.checked_mul(periods))
            else {
                continue;
            };
            let times = if p.periods > 1 {
                format!(" × {}", p.periods)
            } else {
                String::new()
            };
            let formula = format!(
                "{} × {}{times} = {}",
                super::kit::plain(n),
                super::kit::plain(e),
                money(face, t.q.unit, t.q.decimals.max(e.q.decimals))
            );
            // The product at face value, in base units like the intervals.
            let face_fits = ti.lo <= face && face <= ti.hi;
            // An average (`平均每人救助1,482元`) is the total divided and rounded: within its
            // rounding it agrees.
            if prod.overlaps(ti) && (face_fits || p.average) {
                sink.verified(INFO.id, at, formula.clone(), formula);
                continue;
            }
            let expected = money(face, t.q.unit, t.q.decimals.max(e.q.decimals));
            let (tw, ew) = (doc.written(t), doc.written(e));
            // `12户，每户3万元，共计38万元`: 12 × 3 = 36. Only if `3万元` were a rounded 3.17
            // would 38 follow; an amount each is usually a set standard, so say so, as a
            // warning rather than an error.
            let rounded_each = prod.overlaps(ti);
            let mut d = if rounded_each {
                Draft::new(
                    INFO.id,
                    Severity::Warning,
                    at,
                    format!("合计按票面应为{expected}，文中为{tw}；仅当单价“{ew}”是约数时才可能一致"),
                    format!("count × amount each is {expected} at face value, the text says {tw}; they agree only if the amount each was rounded"),
                )
            } else {
                Draft::new(
                    INFO.id,
                    Severity::Error,
                    at,
                    format!("合计应为{expected}，文中为{tw}"),
                    format!("count × amount each is {expected}, the text says {tw}"),
                )
            };
            if rounded_each {
                let each_lo = ti.lo / (ni.hi * periods).max(rust_decimal::Decimal::ONE);
                d.cause = Some(format!(
                    "单价需约为{}以上（四舍五入后写作{ew}）才能得出{tw}",
                    money(each_lo, e.q.unit, 2)
                ));
            }
            d.stated = Some(tw);
            d.expected = Some(expected);
            d.formula = Some(formula);
            d.related.push((n.q.start..n.q.end, "数量".into()));
            d.related.push((e.q.start..e.q.end, "单价".into()));
            sink.report(d);
        }
    }
}
