//! `wording`: the words that compare outturn with budget agree with the completion rate
//! stated beside them (`完成预算89.53%，决算数大于预算数` cannot both be true).

use super::{Context, Draft, Rule, RuleInfo, Sink};
use crate::claims::facts::{FactKey, Facts, Period, Stage};
use crate::read::document::{Document, Figure};
use crate::read::interval::Interval;
use crate::report::Severity;
use rust_decimal::Decimal;
use std::cmp::Ordering;

pub struct Wording;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "wording",
    name_zh: "文字与数字相符",
    name_en: "Words agree with figures",
    severity: Severity::Error,
    summary_zh: "“完成预算r%”之后的“决算数大于/小于/等于（年初）预算数”（超过、高于、低于、持平等同义说法）须与r相符。",
    summary_en: "`决算数大于/小于/等于预算数` after a completion rate agrees with the rate.",
    explanation_zh: "模板里“决算数大于（小于、等于）预算数的主要原因是…”常被原样沿用。文中同时写明决算数与预算数时按二者比较；句中只写决算数时，按表格或前文写明的同一项目（同一名称、年度）的预算数比较（各处预算数一致、且全文未提预算调整或追加时）；\
否则按完成率：其四舍五入区间整体低于100%时，决算数必小于预算数；整体高于100%时必大于；区间不含100%而写“等于”也不对（写“等于”\
而完成率为99.99%这类情形为警告）。区间含100%（如写作“100%”）时不作判断。\n\
例：“支出决算为67.64万元，完成预算89.53%，决算数大于预算数的主要原因是…”：89.53% < 100%，决算数应小于预算数。",
    explanation_en: "A completion rate whose rounding interval lies wholly below 100% means outturn < budget; \
wholly above, outturn > budget; a rate whose interval excludes 100% cannot go with 等于. \
Without a rate, the two amounts stated decide; with the outturn alone, the budget of the same item the tables or the \
text state elsewhere (when every statement of it agrees and the text speaks of no budget adjusted or added to). Example: 完成预算89.53%，\
决算数大于预算数 is contradictory.",
};

/// The comparison words and what they say of outturn vs budget.
/// The words that say how outturn compares with budget, first verb then what follows it:
/// `决算数大于预算数`, `决算数大于年初预算数`, `支出决算数超过年初预算`, `决算数与预算数持平`.
fn comparison_phrase(s: &str) -> Option<(usize, usize, std::cmp::Ordering)> {
    use Ordering::*;
    const OUTTURN: [&str; 3] = ["决算数", "决算", "执行数"];
    const VERBS: [(&str, std::cmp::Ordering); 9] = [
        ("大于", Greater),
        ("超过", Greater),
        ("高于", Greater),
        ("多于", Greater),
        ("小于", Less),
        ("低于", Less),
        ("少于", Less),
        ("等于", Equal),
        ("与", Equal),
    ];
    const BUDGET: [&str; 6] = [
        "年初预算数",
        "全年预算数",
        "年初预算",
        "调整预算数",
        "预算数",
        "预算",
    ];
    // Each `决` of the text in order, then each `执行数` (a handful after one rate).
    for (i, _) in s.match_indices('决').chain(s.match_indices("执行数")) {
        let Some(o) = OUTTURN.iter().find(|o| s[i..].starts_with(**o)) else {
            continue;
        };
        let rest = &s[i + o.len()..];
        for (verb, says) in VERBS {
            let Some(after) = rest.strip_prefix(verb) else {
                continue;
            };
            let Some(b) = BUDGET.iter().find(|b| after.starts_with(**b)) else {
                continue;
            };
            let end = i + o.len() + verb.len() + b.len();
            if verb != "与" {
                return Some((i, end, says));
            }
            // `决算数与预算数持平`/`一致`/`相同`/`相等`.
            if let Some(w) = ["持平", "一致", "相同", "相等"]
                .iter()
                .find(|w| s[end..].starts_with(**w))
            {
                return Some((i, end + w.len(), says));
            }
        }
    }
    None
}

const REACH: usize = 90;

impl Rule for Wording {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let text = doc.text();
        let hundred = Decimal::ONE;
        // Where the words after a completion rate were read: the second pass leaves them.
        let mut read_after_rate: Vec<usize> = Vec::new();
        for c in &claims.completions {
            let r = &doc.figures[c.rate];
            let para_end = doc.paragraphs[r.paragraph()].range.end;
            // A line break after the rate's full stop (a PDF viewer's copy breaks lines there)
            // starts a new paragraph: the words may open the next one, if it is not a heading.
            let next = doc.paragraphs.get(r.paragraph() + 1).filter(|n| {
                n.heading.is_none()
                    && text[r.q.end..para_end]
                        .trim_matches(['。', ' ', '\n'])
                        .is_empty()
                    && text[n.range.clone()].trim_start().starts_with('决')
            });
            let reach_end = next.map_or(para_end, |n| n.range.end);
            let end = crate::read::document::floor_char(text, (r.q.end + REACH).min(reach_end));
            let after = &text[r.q.end..end];
            // Stop at the next rate: its words are its own.
            let after = after.split('%').next().unwrap_or(after);
            let Some((at, phrase_end, says)) = comparison_phrase(after) else {
                continue;
            };
            let phrase = &after[at..phrase_end];
            if about_other_items(&after[phrase_end..]) {
                continue;
            }
            // Words about a sub-item (`其中：基本支出决算低于…`), or about another budget than
            // the rate's (`完成调整预算的98%，决算数超过年初预算数`), say nothing of this rate.
            if after[..at].contains("其中")
                || after[..at].contains('；')
                || names_other_budget(phrase, &budget_words(doc, c))
            {
                continue;
            }
            // The figures decide when the text states both (a rate on a zero budget is
            // itself wrong, and the `completion` rule says so); else the rate does.
            let stated = |i: Option<usize>| i.and_then(|i| doc.figures[i].q.interval());
            let written = doc.written(r);
            let figures = |sign: &str| {
                let (a, b) = (c.actual.unwrap_or(c.rate), c.target.unwrap_or(c.rate));
                amounts_basis(doc, &doc.figures[a], &doc.figures[b], sign)
            };
            let (truth, basis) = match (stated(c.actual), stated(c.target)) {
                (Some(a), Some(b)) if a.hi < b.lo => (Ordering::Less, figures("<")),
                (Some(a), Some(b)) if a.lo > b.hi => (Ordering::Greater, figures(">")),
                (Some(_), Some(_)) => continue,
                _ => {
                    let Some(rate) = r.q.interval() else { continue };
                    if rate.hi < hundred {
                        (Ordering::Less, format!("完成率{written} < 100%"))
                    } else if rate.lo > hundred {
                        (Ordering::Greater, format!("完成率{written} > 100%"))
                    } else {
                        continue; // 100% within rounding: nothing to say
                    }
                }
            };
            let words_at = r.q.end + at..r.q.end + at + phrase.len();
            read_after_rate.push(words_at.start);
            judge(
                sink,
                Judged {
                    words_at,
                    phrase,
                    says,
                    truth,
                    basis,
                    wrong_en: format!("The rate is {written}, so outturn and budget compare the other way than “{phrase}”"),
                    related: vec![(r.q.start..r.q.end, "完成率".into())],
                },
            );
        }
        read_after_rate.sort_unstable();
        without_rate(doc, &claims.facts, &read_after_rate, sink);
    }
}

/// The words with no completion rate before them, against the one budget and the one outturn
/// their sentence states (`年初预算0万元，支出决算56万元，决算数大于年初预算数`,
/// `当年下达预算4,100.00万元，实际支出3,688.41万元，决算数大于预算数`). Only a sentence of
/// exactly those two amounts is read; anything more (a 其中, a third amount) leaves it alone.
fn without_rate(doc: &Document, facts: &Facts, read: &[usize], sink: &mut Sink<'_>) {
    use crate::claims::completion::{is_actual_label, is_budget_label};
    let text = doc.text();
    let mut budgets = KnownBudgets::default();
    let mut fi = 0;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let first = fi;
        while fi < doc.figures.len() && doc.figures[fi].sentence() <= si {
            fi += 1;
        }
        let s = &text[sentence.clone()];
        let Some((at, end, says)) = comparison_phrase(s) else {
            continue;
        };
        let words_at = sentence.start + at..sentence.start + end;
        if read.binary_search(&words_at.start).is_ok() {
            continue;
        }
        let phrase = &s[at..end];
        // From the last `；` before the words: a sentence may list several years' amounts.
        let clause_at = s[..at].rfind('；').map_or(0, |k| k + '；'.len_utf8());
        if about_other_items(&s[end..]) || s[clause_at..at].contains("其中") {
            continue;
        }
        let from = sentence.start + clause_at;
        let amounts: Vec<usize> = (first..fi)
            .filter(|&i| {
                let f = &doc.figures[i];
                (from..words_at.start).contains(&f.q.start)
                    && f.q.unit != crate::read::quantity::Unit::Date
            })
            .collect();
        if let [x] = amounts[..] {
            if let Some(j) = budgets.judged(doc, facts, x, (words_at, phrase, says)) {
                judge(sink, j);
            }
            continue;
        }
        let [x, y] = amounts[..] else { continue };
        let (fx, fy) = (&doc.figures[x], &doc.figures[y]);
        if fx.in_table || fy.in_table || !fx.q.unit.is_money() || !fy.q.unit.is_money() {
            continue;
        }
        // (Funds handed down, `下达资金`, are the budget the words compare with.)
        let budget_like =
            |l: &str| (is_budget_label(l) || l.contains("下达")) && !is_actual_label(l);
        let (budget, actual) = match (
            budget_like(&fx.label),
            is_actual_label(&fy.label),
            is_actual_label(&fx.label),
            budget_like(&fy.label),
        ) {
            (true, true, _, _) => (fx, fy),
            (_, _, true, true) => (fy, fx),
            _ => continue,
        };
        // The words name another budget than the one stated (`调整预算` against `年初预算`).
        if names_other_budget(phrase, &budget.label) {
            continue;
        }
        let (Some(a), Some(b)) = (actual.q.interval(), budget.q.interval()) else {
            continue;
        };
        let Some((truth, sign)) = compared(a, b, says) else {
            continue;
        };
        let basis = amounts_basis(doc, actual, budget, sign);
        judge(
            sink,
            Judged {
                wrong_en: format!(
                    "Outturn and budget compare the other way than “{phrase}”: {basis}"
                ),
                words_at,
                phrase,
                says,
                truth,
                basis,
                related: vec![
                    (budget.q.start..budget.q.end, "预算数".into()),
                    (actual.q.start..actual.q.end, "决算数".into()),
                ],
            },
        );
    }
}

/// The budgets the registry knows, for words after one outturn alone (`公务接待费支出决算为5.36
/// 万元，决算数大于预算数…` with the 三公 table's 预算数 8.00, or `公务接待费年初预算8.00万元`
/// stated before): the budget of the outturn's own key, when every statement of it agrees.
#[derive(Default)]
struct KnownBudgets {
    /// Figure → its group, for this year's outturns; built at the first question.
    outturn_group: Option<std::collections::HashMap<usize, usize>>,
    /// The text speaks of a budget changed during the year; found at the first question.
    budget_changed: Option<bool>,
}

impl KnownBudgets {
    fn judged<'p>(
        &mut self,
        doc: &Document,
        facts: &Facts,
        actual: usize,
        (words_at, phrase, says): (std::ops::Range<usize>, &'p str, Ordering),
    ) -> Option<Judged<'p>> {
        let index = self.outturn_group.get_or_insert_with(|| {
            facts
                .groups
                .iter()
                .enumerate()
                .filter(|(_, (k, _))| k.stage == Stage::Outturn && k.period == Period::Current)
                .flat_map(|(g, (_, fs))| fs.iter().map(move |f| (f.figure(), g)))
                .collect()
        });
        let (key, _) = &facts.groups[*index.get(&actual)?];
        let budget_key = FactKey {
            stage: Stage::Budget,
            ..key.clone()
        };
        let budgets = facts.get(&budget_key)?;
        let first = budgets.first()?;
        let b = first.value(doc);
        // (Two budgets of one name that differ, `年初预算` and `调整预算`, leave it open.)
        if budgets.iter().any(|f| !f.value(doc).overlaps(b))
            || names_other_budget(phrase, &first.label)
        {
            return None;
        }
        let af = &doc.figures[actual];
        // (A budget changed during the year, `年初预算8.00万元，调整预算5.00万元`, `年中追加
        // 预算4.00万元`, is another budget the words may mean: a text that speaks of one
        // anywhere leaves such words to the rate or the amounts beside them.)
        let changed = *self.budget_changed.get_or_insert_with(|| {
            let text = doc.text();
            [
                "追加",
                "调整预算",
                "调整后",
                "预算调整",
                "调增",
                "调减",
                "调剂",
            ]
            .iter()
            .any(|w| text.contains(w))
        });
        if changed {
            return None;
        }
        let (truth, sign) = compared(af.q.interval()?, b, says)?;
        let shown = super::kit::money(first.face(doc), af.q.unit, af.q.decimals);
        let basis = format!(
            "决算数{} {sign} 预算数{shown}（{}）",
            doc.written(af),
            first.label
        );
        Some(Judged {
            wrong_en: format!("Outturn and budget compare the other way than “{phrase}”: {basis}"),
            words_at,
            phrase,
            says,
            truth,
            basis,
            related: vec![
                (first.at(doc), "预算数".into()),
                (af.q.start..af.q.end, "决算数".into()),
            ],
        })
    }
}

/// How an outturn `a` compares with a budget `b`, both rounding intervals, and the sign that
/// shows it: apart, or equal when the words say so and the intervals meet; `None` when the
/// rounding leaves it open.
fn compared(a: Interval, b: Interval, says: Ordering) -> Option<(Ordering, &'static str)> {
    if a.hi < b.lo {
        Some((Ordering::Less, "<"))
    } else if a.lo > b.hi {
        Some((Ordering::Greater, ">"))
    } else if says == Ordering::Equal {
        Some((Ordering::Equal, "="))
    } else {
        None
    }
}

/// `决算数小于预算数的项目主要有：…`: words about other items, not about the amounts before.
fn about_other_items(after_words: &str) -> bool {
    ["的项目", "的科目", "的有", "的主要有"]
        .iter()
        .any(|w| after_words.starts_with(w))
}

/// The words name another budget than the one a label states (`完成调整预算的98%，决算数超过
/// 年初预算数`; `调整预算` against `年初预算`).
/// The words that name a completion rate's budget: the rate's label, and the budget's when it
/// is stated inside the rate's words (`为年初预算726.30万元的99.48%`).
fn budget_words(doc: &Document, c: &crate::claims::completion::CompletionClaim) -> String {
    let r = &doc.figures[c.rate];
    match c.target {
        Some(t) if doc.figures[t].sentence() == r.sentence() && t < c.rate => {
            format!("{}{}", doc.figures[t].label, r.label)
        }
        _ => r.label.to_string(),
    }
}

fn names_other_budget(phrase: &str, label: &str) -> bool {
    ["年初", "调整", "全年"]
        .iter()
        .any(|w| phrase.contains(w) && !label.contains(w))
        || label.contains("调整") && !phrase.contains("调整")
}

/// `决算数3,688.41万元 < 预算数4,100.00万元`.
fn amounts_basis(doc: &Document, actual: &Figure, budget: &Figure, sign: &str) -> String {
    format!(
        "决算数{} {sign} 预算数{}",
        doc.written(actual),
        doc.written(budget)
    )
}

/// What the words say against what the figures give, and where to show it.
struct Judged<'p> {
    words_at: std::ops::Range<usize>,
    phrase: &'p str,
    says: Ordering,
    truth: Ordering,
    /// The comparison that decides (`完成率89.53% < 100%`, `决算数… < 预算数…`).
    basis: String,
    /// The English message when the words are wrong.
    wrong_en: String,
    related: Vec<(std::ops::Range<usize>, String)>,
}

/// Verified when the words say what the figures give; else a finding (a warning for words
/// that say `等于`), written once for both readings.
fn judge(sink: &mut Sink<'_>, j: Judged<'_>) {
    let Judged {
        words_at,
        phrase,
        says,
        truth,
        basis,
        wrong_en,
        related,
    } = j;
    if says == truth {
        sink.verified(
            INFO.id,
            words_at,
            format!("{basis}，“{phrase}”相符"),
            format!("{basis}: agrees with “{phrase}”"),
        );
        return;
    }
    let should = match truth {
        Ordering::Less => "决算数小于预算数",
        _ => "决算数大于预算数",
    };
    let severity = if says == Ordering::Equal {
        Severity::Warning
    } else {
        Severity::Error
    };
    let mut d = Draft::new(
        INFO.id,
        severity,
        words_at,
        format!("{basis}，应是“{should}”，文中写“{phrase}”"),
        wrong_en,
    );
    d.stated = Some(phrase.to_string());
    d.expected = Some(should.to_string());
    d.formula = Some(basis);
    d.cause = Some("模板文字未按实际情况修改".into());
    d.related = related;
    sink.report(d);
}
