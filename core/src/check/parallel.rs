//! `parallel`: a breakdown listed twice in a row must list the same amounts.
//!
//! Reports often state a fund and its parts (`收到资金195.10万元，其中贷款贴息补助资金31.45万
//! 元；其他抗疫相关支出163.65万元`) and, in the next sentence, say where each part went
//! (`补助…贷款贴息补助资金34万元，补助…设备资金163.65万元`). When every amount of the second
//! list but one equals its counterpart, the odd one out is almost surely the same money stated
//! with a different value. Conservative by construction: the lists must have the same length,
//! the second must be one sentence with exactly that many amounts, all the others must agree,
//! and the two differing amounts must share the words that name them.

use super::kit::conflict;
use super::{Context, Rule, RuleInfo, Sink};
use crate::claims::{label_key, WINDOW};
use crate::read::document::{Document, Figure};
use crate::read::interval::Interval;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct Parallel;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "parallel",
    name_zh: "前后列举一致",
    name_en: "Parallel lists agree",
    severity: Severity::Warning,
    summary_zh: "先列出一笔资金的各分项、紧接着又逐项说明去向时，两次列举的对应金额应相同。",
    summary_en: "A breakdown followed at once by a second list of the same parts has the same amounts.",
    explanation_zh: "一句列出合计及其分项（“其中……；……”），下一句又用同样多的金额逐项说明时，\
按顺序对照两次列举：其余各项都相同、只有一项不同，且这两项的名称结尾相同（如都以“贷款贴息补助资金”结尾），\
则这一项很可能前后写得不一致。两次列举完全相同时记为已核对。\n\
例：“收到资金195.10万元，其中重点企业贷款贴息补助资金31.45万元；其他抗疫相关支出163.65万元。\
补助宏达高蛋白企业疫情贷款贴息补助资金34万元，补助吉美口罩厂购置口罩设备资金163.65万元”：\
163.65与163.65相同，贴息资金却一处31.45万元、一处34万元（合计也将成为197.65万元，而非195.10万元）。",
    explanation_en: "When a sentence gives a total and its parts and the next sentence lists as many \
amounts again, the two lists are compared in order. If all pairs but one agree and the odd pair's names end \
in the same words, that amount is probably misstated in one place. Example: 贴息补助资金31.45万元 in the \
breakdown, 34万元 in the list of payments beside an identical 163.65万元.",
};

/// Shortest shared ending (in characters) of the two names of the differing pair.
const MIN_SHARED_NAME: usize = 4;

impl Rule for Parallel {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let mut seen_second = std::collections::HashSet::new();
        for sum in &claims.sums {
            let n = sum.parts.len();
            let Some(&last) = sum.parts.iter().max() else {
                continue;
            };
            let first_list: Vec<&Figure> = sum.parts.iter().map(|&i| &doc.figures[i]).collect();
            if n < 2 || first_list.iter().any(|f| !f.q.unit.is_money()) {
                continue;
            }
            let Some(second) = next_list(doc, last, n) else {
                continue;
            };
            // One second list answers one breakdown (the nearest before it).
            if !seen_second.insert(second[0]) {
                continue;
            }
            compare(doc, &first_list, &second, sink);
        }
    }
}

/// The money figures of the first sentence after figure `last` (same paragraph) that has any,
/// when it has exactly `n` of them.
fn next_list(doc: &Document, last: usize, n: usize) -> Option<Vec<usize>> {
    let at = &doc.figures[last];
    let mut sentence = None;
    let mut list = Vec::new();
    for j in last + 1..doc.figures.len().min(last + 1 + WINDOW) {
        let f = &doc.figures[j];
        if f.paragraph() != at.paragraph() || doc.paragraphs[f.paragraph()].is_table_cell {
            break;
        }
        if f.sentence() == at.sentence() {
            continue; // still the breakdown's own sentence
        }
        match sentence {
            Some(s) if s != f.sentence() => break,
            _ => (),
        }
        if !f.q.unit.is_money() {
            continue;
        }
        sentence = Some(f.sentence());
        list.push(j);
    }
    (list.len() == n).then_some(list)
}

/// The difference of the differing pair stated right after the second list (`…结余7.12万元`,
/// `…未拨付7.12万元`): the two amounts differ on purpose, and the text says by how much.
fn difference_stated(doc: &Document, a: &Figure, b: &Figure, after: usize) -> bool {
    let (Some(diff), Some(para)) = (
        a.q.face().checked_sub(b.q.face()).map(|d| d.abs()),
        doc.figures.get(after).map(Figure::paragraph),
    ) else {
        return false;
    };
    doc.figures[after + 1..]
        .iter()
        .take(WINDOW)
        .take_while(|f| f.paragraph() == para)
        .any(|f| f.q.unit == a.q.unit && f.q.face() == diff)
}

/// An amount precise enough that two equal ones are no coincidence: written with decimals,
/// or of three significant digits or more (`163.65`, `550`; not `5`, not `20`).
fn distinctive(f: &Figure) -> bool {
    let digits =
        f.q.value
            .normalize()
            .mantissa()
            .unsigned_abs()
            .to_string()
            .len();
    !f.q.value.is_zero() && (f.q.decimals > 0 && f.q.value.fract() != Decimal::ZERO || digits >= 3)
}

fn shared_ending(a: &str, b: &str) -> String {
    let mut shared: Vec<char> = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x)
        .collect();
    shared.reverse();
    shared.into_iter().collect()
}

fn compare(doc: &Document, first: &[&Figure], second: &[usize], sink: &mut Sink) {
    let value = |f: &Figure| -> Option<Interval> { f.q.interval() };
    let mut differing = Vec::new();
    let mut agreeing_distinct = 0;
    for (k, (a, &bi)) in first.iter().zip(second).enumerate() {
        let b = &doc.figures[bi];
        let (Some(va), Some(vb)) = (value(a), value(b)) else {
            return;
        };
        if a.q.approx || b.q.approx {
            return;
        }
        if va.overlaps(vb) {
            agreeing_distinct += usize::from(distinctive(a) && distinctive(b));
        } else {
            differing.push(k);
        }
    }
    let second_figs: Vec<&Figure> = second.iter().map(|&i| &doc.figures[i]).collect();
    let list = |figs: &[&Figure]| -> String {
        figs.iter()
            .map(|f| doc.written(f))
            .collect::<Vec<_>>()
            .join("、")
    };
    match differing.as_slice() {
        [] if agreeing_distinct > 0 => {
            let b = second_figs[0];
            sink.verified(
                INFO.id,
                b.q.start..second_figs[second_figs.len() - 1].q.end,
                format!(
                    "逐项说明（{}）与第{}行的分项（{}）一致",
                    list(&second_figs),
                    doc.line_of(doc.span(first[0].q.start..first[0].q.end).start),
                    list(first)
                ),
                "the second list agrees with the breakdown before it".into(),
            );
        }
        [k] if agreeing_distinct > 0 => {
            let (a, b) = (first[*k], second_figs[*k]);
            let (ka, kb) = (label_key(&a.label), label_key(&b.label));
            let shared = shared_ending(&ka, &kb);
            // The two must name the same kind of money, and be within an order of magnitude
            // (a factor of ten and more is another thing, or a unit slip `restated` reports).
            let (Some(va), Some(vb)) = (value(a), value(b)) else {
                return;
            };
            let (lo, hi) = if va.mid() < vb.mid() {
                (va.mid(), vb.mid())
            } else {
                (vb.mid(), va.mid())
            };
            if shared.chars().count() < MIN_SHARED_NAME
                || lo.is_zero()
                || lo.checked_mul(Decimal::TEN).is_none_or(|lo10| hi > lo10)
            {
                return;
            }
            if difference_stated(doc, a, b, second[second.len() - 1]) {
                return;
            }
            let (wa, wb) = (doc.written(a), doc.written(b));
            let line_a = doc.line_of(doc.span(a.q.start..a.q.end).start);
            let others: Vec<String> = (0..first.len())
                .filter(|i| i != k)
                .map(|i| doc.written(second_figs[i]))
                .collect();
            let mut d = conflict(
                INFO.id,
                Severity::Warning,
                (b.q.start..b.q.end, &wb),
                (&wa, [(a.q.start..a.q.end, format!("分项：{}", a.label))]),
                format!(
                    "{}：{} ≠ {}；其余 {} 与 {} 相同",
                    shared,
                    wb,
                    wa,
                    list(&others_of(&second_figs, *k)),
                    list(&others_of(first, *k))
                ),
                (
                    format!(
                        "前后列举不一致：此处“{}{wb}”，第{line_a}行分项为“{}{wa}”；其余分项（{}）两处相同",
                        b.label,
                        a.label,
                        others.join("、")
                    ),
                    format!(
                        "The list gives {wb} where the breakdown on line {line_a} gives {wa}; its other amounts ({}) agree",
                        others.join(", ")
                    ),
                ),
            );
            d.repair = Some(format!("若此处为{wa}则两次列举一致"));
            d.cause = Some(format!("同一笔“{shared}”前后写成了两个数"));
            for i in (0..first.len()).filter(|i| i != k) {
                d.related.push((
                    first[i].q.start..first[i].q.end,
                    format!("相同的分项：{}", first[i].label),
                ));
            }
            sink.report(d);
        }
        _ => (),
    }
}

fn others_of<'a>(figs: &[&'a Figure], k: usize) -> Vec<&'a Figure> {
    figs.iter()
        .enumerate()
        .filter(|(i, _)| *i != k)
        .map(|(_, f)| *f)
        .collect()
}
