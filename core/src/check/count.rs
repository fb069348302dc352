//! `count`: `共N个` matches the items listed, and counts listed under a total add up to it.

use super::{Context, Draft, Rule, RuleInfo};
use crate::read::quantity::Unit;
use crate::report::Severity;

pub struct Count;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "count",
    name_zh: "个数",
    name_en: "Counts",
    severity: Severity::Error,
    summary_zh: "“下设A、B、C共3个机构”所列项数应等于所写个数；“共N个，其中…”各项个数之和应等于N。",
    summary_en: "A stated count equals the items listed, and counts listed under a total add up to it.",
    explanation_zh: "数出“、”分隔（或连续引号“…”“…”）的列举项，与紧随其后的“共N个/N家/N项”比较；“等N个”只要求所列不多于N。\
个数的合计与分项按“分项之和”规则核对。\n\
例：“下设独立编制机构0个，其中行政机构1个，参照公务员法管理的事业机构2个”：1 + 2 = 3 ≠ 0。",
    explanation_en: "Items separated by 、 (or adjacent quotes) are counted against the following `共N个`; with 等 the \
list may be shorter. Counts under a total are checked like sums. Example: 1 + 2 = 3 institutions, stated 0.",
};

impl Rule for Count {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        for c in claims
            .sums
            .iter()
            .filter(|c| matches!(doc.figures[c.total].q.unit, Unit::Count(_)))
        {
            super::kit::check_sum(INFO.id, doc, c, sink);
        }
        for c in &claims.counts {
            let f = &doc.figures[c.count];
            let at = f.q.start..f.q.end;
            let n = f.q.value;
            let items = rust_decimal::Decimal::from(c.items);
            let ok = if c.open_ended { items <= n } else { items == n };
            let formula = format!("列举{}项，文中为{}", c.items, doc.written(f));
            if ok {
                sink.verified(
                    INFO.id,
                    at,
                    formula,
                    format!("{} items listed, {} stated", c.items, n),
                );
                continue;
            }
            let mut d = Draft::new(
                INFO.id,
                Severity::Error,
                at,
                format!("列举了{}项，但文中写{}", c.items, doc.written(f)),
                format!(
                    "{} items are listed but the text says {}",
                    c.items,
                    doc.written(f)
                ),
            );
            d.stated = Some(doc.written(f));
            d.expected = Some(format!("{}{}", c.items, f.q.unit.suffix()));
            d.formula = Some(formula);
            d.related.push((c.list.clone(), "所列各项".into()));
            sink.report(d);
        }
    }
}
