//! `share`: `占 p%` equals the part divided by the right whole.

use super::kit::face;
use super::kit::{compare_rate, pct_range, show_dp, wrong_rate, Place, RateVerdict};
use super::{Context, Rule, RuleInfo};
use crate::claims::share::Whole;
use crate::claims::sum::SumClaim;
use crate::claims::Claims;
use crate::read::document::{Document, Figure};
use crate::read::interval::Interval;
use crate::read::quantity::Unit;
use crate::report::Severity;

pub struct Share;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "share",
    name_zh: "占比",
    name_en: "Share of a whole",
    severity: Severity::Error,
    summary_zh: "“占 p%”应等于该项金额除以所属合计（或句中写明的总数）。",
    summary_en: "A stated share equals the part divided by its whole.",
    explanation_zh: "占比的分母默认是该项所属的合计（“其中：”前的总数），句中写明“占本年支出合计的”“占总收入的”时取所写的总数。\
分子、分母、百分比都按写出的小数位数取四舍五入区间，区间不相交才报错；只有按截尾或进位才说得通时报警告。\n\
例：“本年收入合计3190.21万元，其中：一般公共预算财政拨款收入1414.49万元，占45%”，1414.49 ÷ 3190.21 = 44.34%，\
四舍五入应写44%，只有向上进位才会写成45%：警告。",
    explanation_en: "The whole is the enclosing total, or the one the sentence names. Rounding intervals decide; \
a value explained only by truncation or rounding up is a warning. Example: 1414.49 / 3190.21 = 44.34%, stated 45%.",
};

impl Rule for Share {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let totals = totals_in_order(claims);
        let lists = list_wholes(doc, claims);
        for (ci, c) in claims.shares.iter().enumerate() {
            let r = &doc.figures[c.rate];
            let at = r.q.start..r.q.end;
            if c.after_list {
                sink.unchecked(
                    INFO.id,
                    at,
                    "占比在所列多项之后，可能是各项之和的，也可能是最后一项的",
                    "after a list: of the whole list or of its last item",
                );
                continue;
            }
            let (whole, part) = match (&c.whole, c.part) {
                (Whole::Enclosing(w) | Whole::Named(w), Some(p)) => (*w, p),
                (Whole::Unresolved(name), part) if !name.is_empty() => {
                    // The whole named by a name the text never states alike (`占基金收入的`
                    // for `政府性基金预算收入`) may be the part's own total: a share that holds on
                    // it is verified; one that does not stays unchecked (the binding is a guess).
                    if let Some(formula) = part.zip(c.enclosing).and_then(|(p, e)| {
                        let (pf, ef) = (&doc.figures[p], &doc.figures[e]);
                        let x = pf.q.interval()?.div(ef.q.interval()?)?;
                        (compare_rate(x, r) == RateVerdict::Consistent).then(|| {
                            format!(
                                "{} ÷ {} = {}（以所属合计“{}”为“{name}”）",
                                super::kit::plain(pf),
                                super::kit::plain(ef),
                                pct_range(x, show_dp(r)),
                                ef.label
                            )
                        })
                    }) {
                        sink.verified(INFO.id, at, formula.clone(), formula);
                        continue;
                    }
                    sink.unchecked(
                        INFO.id,
                        at,
                        &format!("文中未找到“{name}”的数额"),
                        "the named whole is not stated",
                    );
                    continue;
                }
                (_, Some(p)) if lists.contains_key(&ci) => {
                    of_the_list(doc, sink, &lists[&ci], p, r);
                    continue;
                }
                _ => {
                    sink.unchecked(
                        INFO.id,
                        at,
                        "无法确定占比的分子或分母",
                        "part or whole not identifiable",
                    );
                    continue;
                }
            };
            let (w, p) = (&doc.figures[whole], &doc.figures[part]);
            let (Some(wi), Some(pi)) = (w.q.interval(), p.q.interval()) else {
                continue;
            };
            // Units shown only when they differ, so the arithmetic reads right (`547.94元 ÷
            // 4995.52万元`).
            let formula_base = if p.q.unit == w.q.unit {
                format!("{} ÷ {}", super::kit::plain(p), super::kit::plain(w))
            } else {
                format!("{} ÷ {}", doc.written(p), doc.written(w))
            };
            let Some(computed) = pi.div(wi) else {
                sink.report(super::kit::undefined_rate(
                    INFO.id, doc, r, w, "总数", "占比",
                ));
                continue;
            };
            let dp = show_dp(r);
            let verdict = compare_rate(computed, r);
            let formula = format!("{formula_base} = {}", pct_range(computed, dp));
            if verdict == RateVerdict::Consistent {
                sink.verified(INFO.id, at, formula.clone(), formula);
                continue;
            }
            // The sentence names one whole but the figures were divided by the enclosing total.
            let on_enclosing = c.enclosing.filter(|&e| e != whole).and_then(|e| {
                let ei = doc.figures[e].q.interval()?;
                let x = pi.div(ei)?;
                (compare_rate(x, r) == RateVerdict::Consistent).then_some(e)
            });
            let (severity, cause) = match (verdict, on_enclosing) {
                (_, Some(e)) => (
                    Severity::Warning,
                    Some(format!(
                        "文中写“占{}”，但该比例是以所属合计“{}”{}为分母算得的，两者不是同一个数",
                        w.label.trim_end_matches('为'),
                        doc.figures[e].label,
                        doc.written(&doc.figures[e])
                    )),
                ),
                (v, None) => v.rounding_slip().unwrap_or_else(|| {
                    (
                        Severity::Error,
                        unit_slip(p, w, r)
                            .or_else(|| other_whole(doc, &totals, part, whole, c.rate)),
                    )
                }),
            };
            let mut d = wrong_rate(
                INFO.id,
                doc,
                (computed, r),
                formula,
                ("占比", "The share"),
                Place::Text,
                (severity, cause),
            );
            d.related
                .push((p.q.start..p.q.end, format!("分子：{}", p.label)));
            d.related
                .push((w.q.start..w.q.end, format!("分母：{}", w.label)));
            sink.report(d);
        }
    }
}

/// How far apart (bytes) two items of one list of shares may stand: `占23.8%；日常公用支出 `.
const LIST_GAP: usize = 120;

/// The sum of the parts of a list of shares that names no whole (`人员支出1487.48万元，占23.8%；
/// 日常公用支出116.93万元，占1.9%；项目支出4651.90万元，占74.4%`), for each of its claims, when
/// the shares add up to 100%: then the list is the whole. Items follow one another within a
/// sentence; every item states its part.
fn list_wholes(
    doc: &Document,
    claims: &Claims,
) -> std::collections::HashMap<usize, (Interval, String)> {
    let bare = |c: &crate::claims::share::ShareClaim| {
        c.part
            .is_some_and(|p| matches!(doc.figures[p].q.unit, Unit::Money(_)))
            && matches!(&c.whole, Whole::Unresolved(n) if n.is_empty())
    };
    let text = doc.text();
    let mut found = std::collections::HashMap::new();
    let mut i = 0;
    while i < claims.shares.len() {
        let mut end = i + 1;
        if bare(&claims.shares[i]) {
            while end < claims.shares.len() && bare(&claims.shares[end]) {
                let (before, next) = (&claims.shares[end - 1], &claims.shares[end]);
                let from = doc.figures[before.rate].q.end;
                let to = next.part.map_or(from, |p| doc.figures[p].q.start);
                if to < from || to - from > LIST_GAP || text[from..to].contains('。') {
                    break;
                }
                end += 1;
            }
        }
        let list = &claims.shares[i..end];
        let interval = |f: usize| doc.figures[f].q.interval();
        let sums = (list.len() >= 2).then(|| {
            list.iter().try_fold(
                (Interval::exact(0.into()), Interval::exact(0.into())),
                |(parts, rates), c| {
                    Some((
                        parts.add(interval(c.part?)?)?,
                        rates.add(interval(c.rate)?)?,
                    ))
                },
            )
        });
        if let Some(Some((parts, rates))) = sums {
            if rates.lo <= rust_decimal::Decimal::ONE && rust_decimal::Decimal::ONE <= rates.hi {
                let shown: Vec<String> = list
                    .iter()
                    .filter_map(|c| c.part)
                    .map(|p| super::kit::plain(&doc.figures[p]))
                    .collect();
                let shown = shown.join(" + ");
                for ci in i..end {
                    found.insert(ci, (parts, shown.clone()));
                }
            }
        }
        i = end;
    }
    found
}

/// A share of a list whose shares add up to 100%: of the list's sum. Only a share that agrees
/// is verified; one that does not leaves open which whole was meant, and is unchecked.
fn of_the_list(
    doc: &Document,
    sink: &mut super::Sink,
    (sum, shown): &(Interval, String),
    part: usize,
    r: &Figure,
) {
    let at = r.q.start..r.q.end;
    let p = &doc.figures[part];
    let Some(computed) = p.q.interval().and_then(|pi| pi.div(*sum)) else {
        return;
    };
    let formula = format!(
        "{} ÷ ({shown}) = {}",
        super::kit::plain(p),
        pct_range(computed, show_dp(r))
    );
    if compare_rate(computed, r) == RateVerdict::Consistent {
        sink.verified(
            INFO.id,
            at,
            format!("{formula}（未写分母；所列各项占比之和为100%，以各项之和为分母）"),
            format!("{formula} (no whole named; the listed shares add up to 100%, so the list's sum is the whole)"),
        );
    } else {
        sink.unchecked(
            INFO.id,
            at,
            &format!("未写分母：按所列各项之和算为{formula}，与所写不符，分母无法确定"),
            "no whole named; of the list's sum it differs, so which whole was meant is open",
        );
    }
}

/// A part written in the wrong money unit (`基本支出547.94元` of a 万元 total) that gives the
/// stated share once read in the total's unit.
fn unit_slip(p: &Figure, w: &Figure, r: &Figure) -> Option<String> {
    let (Unit::Money(pm), Unit::Money(wm)) = (p.q.unit, w.q.unit) else {
        return None;
    };
    if pm == wm || p.q.value.is_zero() {
        return None;
    }
    let as_whole_unit = Interval::stated(p.q.value, p.q.decimals, wm.scale())?;
    let share = as_whole_unit.div(w.q.interval()?)?;
    (compare_rate(share, r) == RateVerdict::Consistent).then(|| {
        format!(
            "“{}{}”的单位疑为{}：按{}{}计，占比为{}，与文中相符",
            p.label,
            p.q.display(),
            wm.name(),
            p.q.value,
            wm.name(),
            pct_range(share, show_dp(r))
        )
    })
}

/// The sums' totals in text order (`claims.sums` is not: trailing totals come last), for
/// `other_whole`'s window. Sorted once per check.
fn totals_in_order<'c>(claims: &'c Claims<'_>) -> Vec<&'c SumClaim> {
    let mut v: Vec<&SumClaim> = claims.sums.iter().collect();
    v.sort_by_key(|s| s.total);
    v
}

/// When the stated share is wrong, another total of the document that reproduces it is the
/// likely cause.
fn other_whole(
    doc: &Document,
    totals: &[&SumClaim],
    part: usize,
    whole: usize,
    rate: usize,
) -> Option<String> {
    let r = &doc.figures[rate];
    let p = doc.figures[part].q.interval()?;
    // Only the totals within a constant reach of figures around the rate (the reach named
    // wholes are looked for in), found by two binary searches: looking through every sum of
    // the document for every wrong share was quadratic (10 MB took twice as long per MB as
    // 1 MB).
    let reach = 16 * crate::claims::WINDOW;
    let lo = totals.partition_point(|s| s.total + reach < rate);
    let hi = totals.partition_point(|s| s.total <= rate + reach);
    for s in &totals[lo..hi.max(lo)] {
        if s.total == whole || s.total == part {
            continue;
        }
        let t = &doc.figures[s.total];
        if !t.q.unit.addable_with(doc.figures[part].q.unit) || face(t) < face(&doc.figures[part]) {
            continue;
        }
        if let Some(c) = p.div(t.q.interval()?) {
            if compare_rate(c, r) == RateVerdict::Consistent {
                return Some(format!(
                    "该比例与以“{}”{}为分母的结果一致，可能用错了分母",
                    t.label,
                    doc.written(t)
                ));
            }
        }
    }
    None
}
