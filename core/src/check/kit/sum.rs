//! A sum checked against its total: shared by `sum` (money), `count` (counts of people,
//! bodies, vehicles), `classified` and `table`.

use super::{face, money, plain};
use crate::check::{Draft, Sink, MAX_RELATED};
use crate::claims::sum::{Marker, SumClaim};
use crate::claims::BoundSum;
use crate::read::document::{Document, Figure};
use crate::read::interval::Interval;
use crate::read::quantity::{Money, Unit};
use crate::report::Severity;
use rust_decimal::Decimal;

/// A bound sum checked (`check_sum`), or its total noted as unchecked for being one of too
/// many: `why` says so in Chinese and English.
pub fn check_bound(
    rule: &'static str,
    doc: &Document,
    b: &BoundSum,
    sink: &mut Sink,
    why: (&str, &str),
) {
    match b {
        BoundSum::Check(claim) => check_sum(rule, doc, claim, sink),
        BoundSum::TooMany(total) => {
            let f = &doc.figures[*total];
            sink.unchecked(rule, f.q.start..f.q.end, why.0, why.1);
        }
    }
}

/// The parts against the total: verified, or the finding (an error, or a note when a list
/// introduced by 主要 may be partial), with the unit that would make it hold.
pub fn check_sum(rule: &'static str, doc: &Document, c: &SumClaim, sink: &mut Sink) {
    let total = &doc.figures[c.total];
    let parts: Vec<&Figure> = c.parts.iter().map(|&p| &doc.figures[p]).collect();
    let at = total.q.start..total.q.end;
    let dp = parts
        .iter()
        .map(|p| p.q.decimals)
        .chain([total.q.decimals])
        .max()
        .unwrap_or(0);
    // A table column is written to one precision: its whole numbers are as exact as its
    // decimals (scores `20` and `15` over `9.67`).
    let interval = |p: &Figure| match c.marker {
        Marker::Column { decimals } => p.q.interval_to(decimals),
        _ => p.q.interval(),
    };
    let Some(ti) = interval(total) else { return };
    // In a list written to the cent, `0万元` is nothing, not an amount rounded to zero:
    // three of them are no leeway of 1.5万元.
    let nil = |p: &Figure| dp > 0 && p.q.decimals == 0 && p.q.value.is_zero();
    let sum_iv = Interval::sum(parts.iter().map(|p| {
        if nil(p) {
            Some(Interval::exact(Decimal::ZERO))
        } else {
            interval(p)
        }
    }));
    let Some(si) = sum_iv else {
        sink.unchecked(rule, at, "数值过大，无法计算", "value too large to compute");
        return;
    };
    let unit = total.q.unit;
    let face_sum: Decimal = parts.iter().map(|p| face(p)).sum();
    let shown = |yuan: Decimal| money(yuan, unit, dp);
    let terms = joined(
        parts.iter().map(|p| {
            if p.q.unit == unit {
                plain(p)
            } else {
                format!("{}（{}）", shown(face(p)), doc.written(p))
            }
        }),
        " + ",
    );
    // Parts all in another unit (元 items under a 万元 total) read best in their own unit,
    // then converted once.
    let parts_unit = parts[0].q.unit;
    let formula_sum = if parts_unit != unit && parts.iter().all(|p| p.q.unit == parts_unit) {
        let pdp = parts.iter().map(|p| p.q.decimals).max().unwrap_or(0);
        format!(
            "{} = {} = {}",
            joined(parts.iter().map(|p| plain(p)), " + "),
            money(face_sum, parts_unit, pdp),
            money(face_sum, unit, dp.max(pdp) + 2)
        )
    } else {
        format!("{terms} = {}", shown(face_sum))
    };
    let written_total = doc.written(total);

    if parts.len() == 1 {
        let p = parts[0];
        let pi = interval(p);
        if pi.is_some_and(|pi| pi.is_above(ti)) {
            let mut d = Draft::new(
                rule,
                Severity::Error,
                at,
                format!(
                    "分项“{}”{}大于其总数{}",
                    p.label,
                    doc.written(p),
                    written_total
                ),
                format!(
                    "The part {} is larger than its total {}",
                    doc.written(p),
                    written_total
                ),
            );
            d.stated = Some(written_total);
            d.expected = Some(format!("≥ {}", shown(face(p))));
            d.formula = Some(format!("{} > {}", shown(face(p)), shown(face(total))));
            d.related
                .push((p.q.start..p.q.end, format!("分项：{}", p.label)));
            sink.report(d);
        } else {
            sink.verified(
                rule,
                at,
                format!("分项 {} ≤ 总数 {}", doc.written(p), written_total),
                "the part does not exceed its total".into(),
            );
        }
        return;
    }

    if si.overlaps(ti) {
        sink.verified(
            rule,
            at,
            format!("{formula_sum}，与 {written_total} 一致"),
            format!("{formula_sum}, consistent with {written_total}"),
        );
        return;
    }
    // `支出总计6,842.70万元（含年末结转和结余312.40万元），其中：基本支出…，项目支出…`: the
    // amount the bracket says the total includes is one more part, listed there.
    if let Some(x) = included_in_bracket(doc, c) {
        if let Some(with_x) = interval(x).and_then(|xi| si.add(xi)) {
            if with_x.overlaps(ti) {
                let formula = format!("{terms} + {} = {}", plain(x), shown(face_sum + face(x)));
                sink.verified(
                    rule,
                    at,
                    format!(
                        "{formula}（含括号中的{}），与 {written_total} 一致",
                        doc.written(x)
                    ),
                    format!(
                        "{formula} (with the bracketed {}), consistent with {written_total}",
                        doc.written(x)
                    ),
                );
                return;
            }
        }
    }
    // `授予中小企业合同金额1,058.6万元，其中授予小微企业826.4万元；货物301.2万元，工程590.3万元，
    // 服务167.1万元`, `其中：脱贫人口3.2万人；按区域分，山区7.4万人、平原4.2万人`: after a `；`
    // the parts start over, another breakdown of the whole, and the first were a subset.
    if !matches!(c.marker, Marker::Column { .. }) && !total.in_table && parts.len() > 2 {
        let text = doc.text();
        // The sums of every tail of the list, in one pass from its end.
        let mut tails: Vec<Option<Interval>> = vec![None; parts.len() + 1];
        tails[parts.len()] = Some(Interval::exact(Decimal::ZERO));
        for k in (0..parts.len()).rev() {
            tails[k] = tails[k + 1].and_then(|t| t.add(interval(parts[k])?));
        }
        let last_semicolon = (1..parts.len())
            .rev()
            .find(|&j| text[parts[j - 1].q.end..parts[j].q.start].contains(['；', ';']))
            .unwrap_or(0);
        for k in 1..parts.len() - 1 {
            let gap = &text[parts[k - 1].q.end..parts[k].q.start];
            if !gap.contains(['；', ';']) {
                continue;
            }
            let rest = &parts[k..];
            // (Only one `；`, before a list of another separator: in a list of `；`-separated
            // items, `A 0万元；B…；C…`, the items after the first are no breakdown of their own.)
            if last_semicolon > k {
                continue;
            }
            let Some(ri) = tails[k] else {
                continue;
            };
            if ri.overlaps(ti) {
                // (Once: the list is done with here.)
                let rest_sum: Decimal = rest.iter().map(|p| face(p)).sum();
                let formula = format!(
                    "{} = {}",
                    joined(rest.iter().map(|p| plain(p)), " + "),
                    shown(rest_sum)
                );
                sink.verified(
                    rule,
                    at,
                    format!("{formula}，与 {written_total} 一致（“；”前的{k}项是其中的一部分）"),
                    format!("{formula}, consistent with {written_total} (the {k} parts before the “；” are a subset)"),
                );
                return;
            }
            // `；按区域分，…`: a new classification, whose parts need not be this list's.
            if gap.contains('按') && gap.contains('分') {
                sink.unchecked(
                    rule,
                    at,
                    "“；按…分”另起一种分类，所列各项不是同一组分项",
                    "“；按…分” starts another classification: the parts are not one list",
                );
                return;
            }
        }
    }
    // `农民工2.1万人次、脱贫劳动力1.5万人次（两类人员有重叠）`: parts said to overlap.
    let tail_end = crate::read::document::floor_char(
        doc.text(),
        (parts[parts.len() - 1].q.end + 60).min(doc.text().len()),
    );
    let tail = &doc.text()[parts[parts.len() - 1].q.end..tail_end];
    let tail = tail.split(['。', '；']).next().unwrap_or(tail);
    if ["重叠", "重复统计", "交叉"]
        .iter()
        .any(|w| tail.contains(w))
    {
        sink.unchecked(
            rule,
            at,
            "文中说明各分项有重叠，其和不必等于总数",
            "the text says the parts overlap: their sum need not be the total",
        );
        return;
    }
    let above = si.is_above(ti);
    // Rows adding up to twice the total hold categories and their items side by side
    // (`货物类 200`, `教学电脑 120`, `实验器材 80`, `服务类 100`, …) with nothing to tell
    // which is which.
    if above
        && matches!(c.marker, Marker::Column { .. })
        && ti.scale(Decimal::TWO).is_some_and(|t2| si.overlaps(t2))
    {
        sink.unchecked(
            rule,
            at,
            "各行之和恰为合计的两倍：表中分类行与其明细行并列，无法分辨",
            "the rows add up to exactly twice the total: category rows and their items stand side by side",
        );
        return;
    }
    // `车辆8辆，其中：执法执勤用车5辆、一般公务用车3辆，新能源汽车4辆`: the first parts
    // already make up the total, so what follows them classifies it another way.
    if above && !matches!(c.marker, Marker::Column { .. }) && !total.in_table {
        // (Only where the list changes its separator there: `、` within the first
        // classification, `，` before the next.)
        let text = doc.text();
        let gap = |k: usize| &text[parts[k].q.end..parts[k + 1].q.start];
        let clause_break = |k: usize| gap(k).contains(['，', '；', ',', ';']);
        let mut acc = Some(Interval::exact(Decimal::ZERO));
        for (k, p) in parts[..parts.len() - 1].iter().enumerate() {
            acc = acc.and_then(|a| a.add(interval(p)?));
            if k > 0
                && clause_break(k)
                && (0..k).all(|j| !clause_break(j))
                && acc.is_some_and(|a| a.overlaps(ti))
            {
                sink.unchecked(
                    rule,
                    at,
                    &format!("前{}项之和已等于总数，其后各项可能是另一种分类", k + 1),
                    &format!("the first {} parts already make up the total; those after may classify it another way", k + 1),
                );
                return;
            }
        }
    }
    let exhaustive = c.exhaustive(doc);
    let severity = if above || exhaustive {
        Severity::Error
    } else {
        Severity::Info
    };
    let diff = (face_sum - face(total)).abs();
    let (message, message_en) = if above {
        (
            format!(
                "所列各项之和{}大于总数{}，相差{}",
                shown(face_sum),
                written_total,
                shown(diff)
            ),
            format!(
                "The listed parts add up to {}, more than the total {}",
                shown(face_sum),
                written_total
            ),
        )
    } else if exhaustive {
        (
            format!(
                "各分项之和{}与总数{}不符，相差{}",
                shown(face_sum),
                written_total,
                shown(diff)
            ),
            format!(
                "The parts add up to {}, not the stated total {}",
                shown(face_sum),
                written_total
            ),
        )
    } else {
        (
            format!(
                "所列各项之和{}小于总数{}，相差{}（所列可能不全）",
                shown(face_sum),
                written_total,
                shown(diff)
            ),
            format!(
                "The listed parts add up to {}, less than the total {} (the list may be partial)",
                shown(face_sum),
                written_total
            ),
        )
    };
    let mut d = Draft::new(rule, severity, at, message, message_en);
    d.stated = Some(written_total);
    d.expected = Some(shown(face_sum));
    d.formula = Some(format!("{formula_sum} ≠ {}", shown(face(total))));
    // (With a unit the likelier slip, a total to match the units as written misleads.)
    let (cause, repair) = if let Some(c) = total_unit_slip(total, &parts) {
        (Some(c), "核对总数的金额单位".to_string())
    } else if let Some(c) = unit_slip(&parts, ti, unit) {
        (Some(c), "核对所列分项的金额单位".to_string())
    } else {
        (None, format!("若总数为{}则一致", shown(face_sum)))
    };
    d.cause = cause;
    d.repair = Some(repair);
    // Only the parts a finding lists get a note; the rest are counted.
    for p in parts.iter().take(MAX_RELATED) {
        d.related
            .push((p.q.start..p.q.end, format!("分项：{}", p.label)));
    }
    d.related_more = parts.len().saturating_sub(MAX_RELATED);
    sink.report(d);
}

/// The items written one after another with `sep` between them, into one string: a
/// `Vec<String>` joined kept every term of a total of thousands of rows twice.
fn joined(items: impl Iterator<Item = String>, sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(&item);
    }
    out
}

/// If every part is in one money unit and the total, written in another, holds when read in
/// the parts' unit, the total's unit was the slip (`本年支出合计1,250.00元，其中：基本支出
/// 1,000.00万元，项目支出250.00万元`).
fn total_unit_slip(total: &Figure, parts: &[&Figure]) -> Option<String> {
    let Unit::Money(tm) = total.q.unit else {
        return None;
    };
    let Unit::Money(pm) = parts.first()?.q.unit else {
        return None;
    };
    if pm == tm || parts.iter().any(|p| p.q.unit != Unit::Money(pm)) || total.q.value.is_zero() {
        return None;
    }
    let sum = parts
        .iter()
        .try_fold(Interval::exact(Decimal::ZERO), |a, p| {
            a.add(p.q.interval()?)
        })?;
    let read = Interval::stated(total.q.value, total.q.decimals, pm.scale())?;
    read.overlaps(sum).then(|| {
        format!(
            "总数“{}{}”的单位疑为{}而非{}：按{}计，与各分项之和相等",
            total.label,
            total.q.display(),
            pm.name(),
            tm.name(),
            pm.name()
        )
    })
}

/// If writing one part in another money unit makes the sum hold, that unit was the slip.
/// A part whose other-unit reading brings the sum ten times closer to the total is named
/// too (`基本支出547.94元` beside 万元 figures), with what is still missing.
fn unit_slip(parts: &[&Figure], total: Interval, unit: Unit) -> Option<String> {
    let Unit::Money(tm) = unit else { return None };
    // Linear in the parts: the sum with part i read in unit m is the sum as written, minus
    // part i as written, plus part i in m. (Adding all parts up again for each part and unit
    // was quadratic: a wrong total over a 999-item numbered list checked at 0.3 MB/s.)
    let ivs: Vec<Interval> = parts
        .iter()
        .map(|p| p.q.interval())
        .collect::<Option<_>>()?;
    let as_written = ivs
        .iter()
        .try_fold(Interval::exact(Decimal::ZERO), |a, iv| a.add(*iv))?;
    let sum_with = |i: usize, m: Money| {
        let q = &parts[i].q;
        Interval {
            lo: as_written.lo.checked_sub(ivs[i].lo)?,
            hi: as_written.hi.checked_sub(ivs[i].hi)?,
        }
        .add(Interval::stated(q.value, q.decimals, m.scale())?)
    };
    // Checked: parts near Decimal::MAX overflow the midpoint or ten times the gap (found by
    // a regression test beside the fuzzing); such a hint is simply not given.
    let mid = |s: Interval| Some(s.lo.checked_add(s.hi)? / Decimal::TWO);
    let gap = |s: Interval| Some(mid(s)?.checked_sub(mid(total)?)?.abs());
    let mut closer: Option<(Decimal, String)> = None;
    for (i, p) in parts.iter().enumerate() {
        let Unit::Money(pm) = p.q.unit else { continue };
        if p.q.value.is_zero() {
            continue;
        }
        for m in [Money::Yuan, Money::Wan, Money::Yi, tm] {
            if m == pm {
                continue;
            }
            let Some(acc) = sum_with(i, m) else { continue };
            if acc.overlaps(total) {
                return Some(format!(
                    "“{}{}”的单位可能应为{}而非{}",
                    p.label,
                    p.q.display(),
                    m.name(),
                    pm.name()
                ));
            }
            let Some(g) = gap(acc) else { continue };
            let much_closer = g
                .checked_mul(Decimal::TEN)
                .zip(gap(as_written))
                .is_some_and(|(g10, was)| g10 < was);
            if much_closer && closer.as_ref().is_none_or(|(b, _)| g < *b) {
                closer = Some((
                    g,
                    format!(
                        "“{}{}”的单位疑为{}（如此则仍差{}）",
                        p.label,
                        p.q.display(),
                        m.name(),
                        money(g, unit, p.q.decimals.max(2))
                    ),
                ));
            }
        }
    }
    // Several parts in one other unit (`上级补助收入84.76亿元`, `其他收入266.71亿元` in a list of
    // 万元): all of them read in the total's unit.
    let is_odd =
        |p: &Figure| matches!(p.q.unit, Unit::Money(pm) if pm != tm) && !p.q.value.is_zero();
    let odd: Vec<&Figure> = parts.iter().copied().filter(|p| is_odd(p)).collect();
    // (Only beside parts in the total's own unit: when every part shares one unit, the
    // total's is the likelier slip.)
    let in_total_unit = parts
        .iter()
        .any(|p| p.q.unit == unit && !p.q.value.is_zero());
    if odd.len() > 1 && in_total_unit {
        let all =
            parts
                .iter()
                .enumerate()
                .try_fold(Interval::exact(Decimal::ZERO), |acc, (i, p)| {
                    let iv = if is_odd(p) {
                        Interval::stated(p.q.value, p.q.decimals, tm.scale())?
                    } else {
                        ivs[i]
                    };
                    acc.add(iv)
                });
        if let Some(all) = all {
            let names: Vec<String> = odd
                .iter()
                .map(|p| format!("“{}{}”", p.label, p.q.display()))
                .collect();
            let rest = if all.overlaps(total) {
                String::new()
            } else {
                match gap(all) {
                    Some(g) => format!("（如此则仍差{}）", money(g, unit, 2)),
                    None => String::new(),
                }
            };
            let much_closer = gap(all)
                .and_then(|g| g.checked_mul(Decimal::TEN))
                .zip(gap(as_written))
                .is_some_and(|(g10, was)| g10 < was);
            if all.overlaps(total) || much_closer && closer.is_none() {
                return Some(format!("{}的单位疑为{}{rest}", names.join("、"), tm.name()));
            }
        }
    }
    closer.map(|(_, c)| c)
}

/// The one amount of a `（含…X万元）` bracket right after a sum's total, before its marker.
fn included_in_bracket<'d>(doc: &'d Document, c: &SumClaim) -> Option<&'d Figure> {
    let text = doc.text();
    let total = &doc.figures[c.total];
    let after = &text[total.q.end..c.marker_at.max(total.q.end)];
    if !(after.starts_with("（含") || after.starts_with("(含")) {
        return None;
    }
    let close = after.find(['）', ')'])?;
    let inside = total.q.end..total.q.end + close;
    let mut amounts = doc.figures[c.total + 1..]
        .iter()
        .take_while(|f| f.q.start < inside.end)
        .filter(|f| f.q.unit != crate::read::quantity::Unit::Date);
    let x = amounts.next()?;
    (amounts.next().is_none() && x.q.unit.is_money() && x.q.is_operand()).then_some(x)
}
