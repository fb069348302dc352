//! `balance`: the final accounts' carry-over closes within the sentence that states it:
//! 年初结转和结余 + 本年收入 + 事业基金弥补收支差额 + 使用非财政拨款结余 − 本年支出 − 结余分配
//! = 年末结转和结余 (`年初结转和结余100.56万元，本年收入2203.62万元，本年支出2220.35万元，
//! 事业基金弥补收支差额0万元，结余分配0万元，年末结转和结余83.83万元`).
//!
//! One pass over the figures, a sentence at a time.

use super::kit::{money, plain};
use super::{Context, Draft, Rule, RuleInfo};
use crate::read::document::{Document, Figure};
use crate::read::interval::Interval;
use crate::read::quantity::Unit;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct Balance;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "balance",
    name_zh: "结转结余的收支平衡",
    name_en: "The carry-over balances",
    severity: Severity::Error,
    summary_zh: "决算总体情况中，年初结转和结余 + 本年收入 + 事业基金弥补收支差额 + 使用非财政拨款结余 − 本年支出 − 结余分配 = 年末结转和结余。",
    summary_en: "In a final account's overview, the opening balance plus this year's income (and draws on reserves) less spending (and distributions) is the closing balance.",
    explanation_zh: "部门决算的收支总表两侧相等：收入总计 = 本年收入 + 使用非财政拨款结余 + 年初结转和结余 + 事业基金弥补收支差额，\
支出总计 = 本年支出 + 结余分配 + 年末结转和结余。总体情况的一句话常把这些数并列写出，可直接核对。\
只核对同一句中写明年初、本年收入、本年支出、年末四项的情形；不等时，未写明的项目若能弥补差额（年末偏大可由事业基金弥补、使用非财政拨款结余补足，年末偏小可由结余分配解释），列为未核。\n\
例：“年初结转和结余20.00万元，本年收入300.00万元，本年支出290.00万元，结余分配0万元，年末结转和结余25.00万元”——\
20.00 + 300.00 − 290.00 − 0 = 30.00，不是25.00。",
    explanation_en: "The two sides of the final accounts' summary table are equal, so the overview sentence that lists \
the opening balance, income, spending and closing balance must close: opening + income (+ draws on reserves) − spending \
(− distributions) = closing. Judged only when one sentence states all four; a gap that an unstated line could close \
in its own direction (a draw on reserves for a closing balance too high, a distribution for one too low) is left \
unchecked. Example: 20.00 + 300.00 − 290.00 − 0 (结余分配) = 30.00, not 25.00.",
};

/// The lines of the identity, by how a label ends.
const LINES: &[(&[&str], Line)] = &[
    (&["年初结转和结余", "年初结转结余"], Line::Opening),
    (&["本年收入", "本年收入合计"], Line::Income),
    (&["本年支出", "本年支出合计"], Line::Spending),
    (&["年末结转和结余", "年末结转结余"], Line::Closing),
    (&["事业基金弥补收支差额"], Line::Reserves),
    (&["使用非财政拨款结余"], Line::Unused),
    (&["结余分配"], Line::Distribution),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Line {
    Opening,
    Income,
    Spending,
    Closing,
    Reserves,
    Unused,
    Distribution,
}

impl Line {
    fn index(self) -> usize {
        self as usize
    }
}

impl Rule for Balance {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, _, sink) = cx.parts();
        let mut i = 0;
        while i < doc.figures.len() {
            let sentence = doc.figures[i].sentence();
            let mut j = i;
            while j < doc.figures.len() && doc.figures[j].sentence() == sentence {
                j += 1;
            }
            if let Some(draft) = judge(doc, &doc.figures[i..j]) {
                match draft {
                    Judged::Holds(at, formula) => sink.verified(INFO.id, at, formula.clone(), formula),
                    Judged::Open(at) => sink.unchecked(
                        INFO.id,
                        at,
                        "年初、本年收支与年末之间不平，但事业基金弥补收支差额、结余分配等项未在同句写明",
                        "the balance does not close, but a line of it (draws on reserves, distributions) is not stated with it",
                    ),
                    Judged::Fails(d) => sink.report(*d),
                }
            }
            i = j;
        }
    }
}

enum Judged {
    Holds(std::ops::Range<usize>, String),
    Open(std::ops::Range<usize>),
    Fails(Box<Draft>),
}

/// The identity in one sentence's figures, if the sentence states its four main lines once each.
fn judge(doc: &Document, figures: &[Figure]) -> Option<Judged> {
    let mut found: [Option<&Figure>; 7] = [None; 7];
    for f in figures {
        if f.paren_depth > 0 || !matches!(f.q.unit, Unit::Money(_)) {
            continue;
        }
        let label = f.label.trim();
        let Some((_, line)) = LINES
            .iter()
            .find(|(names, _)| names.iter().any(|n| label.ends_with(n)))
        else {
            continue;
        };
        // A line stated twice in one sentence (`本年收入…其中本年收入…`) binds nothing.
        if found[line.index()].replace(f).is_some() {
            return None;
        }
    }
    let [Some(opening), Some(income), Some(spending), Some(closing), reserves, unused, distribution] =
        found
    else {
        return None;
    };
    let text = doc.text();
    let sentence = &text[doc.sentences[opening.sentence()].clone()];
    let iv = |f: &Figure| f.q.interval();
    let plus = [Some(opening), Some(income), reserves, unused];
    let minus = [Some(spending), distribution];
    let mut sum = Interval::exact(Decimal::ZERO);
    for f in plus.iter().flatten() {
        sum = sum.add(iv(f)?)?;
    }
    for f in minus.iter().flatten() {
        sum = sum.sub(iv(f)?)?;
    }
    let face: Decimal = plus.iter().flatten().map(|f| f.q.face()).sum::<Decimal>()
        - minus.iter().flatten().map(|f| f.q.face()).sum::<Decimal>();
    let unit = closing.q.unit;
    let dp = figures.iter().map(|f| f.q.decimals).max().unwrap_or(0);
    let terms: String = plus
        .iter()
        .flatten()
        .enumerate()
        .map(|(k, f)| format!("{}{}", if k == 0 { "" } else { " + " }, plain(f)))
        .chain(minus.iter().flatten().map(|f| format!(" − {}", plain(f))))
        .collect();
    let formula = format!("{terms} = {}", money(face, unit, dp));
    let at = closing.q.start..closing.q.end;
    if sum.overlaps(iv(closing)?) {
        return Some(Judged::Holds(at, formula));
    }
    // The lines not stated could close the gap only in their own direction: a closing
    // balance above the sum needs a draw (事业基金弥补收支差额), one below
    // it a distribution (结余分配). The gap is a slip when the sentence names the lines that
    // could explain it (with an amount, or a slash for none).
    let above = iv(closing)?.lo > sum.hi;
    // (使用非财政拨款结余 is left out of most overview sentences: as before, its absence
    // is taken for none.)
    let explained = if above {
        !sentence.contains("事业基金弥补收支差额")
    } else {
        !sentence.contains("结余分配")
    };
    if explained {
        return Some(Judged::Open(at));
    }
    let written = doc.written(closing);
    let expected = money(face, unit, dp);
    let mut d = Draft::new(
        INFO.id,
        Severity::Error,
        at,
        format!("年末结转和结余应为{expected}，文中为{written}"),
        format!("The closing balance should be {expected}, the text says {written}"),
    );
    d.stated = Some(written);
    d.expected = Some(expected);
    d.formula = Some(format!("{formula} ≠ {}", doc.written(closing)));
    for (f, what) in [
        (Some(opening), "年初结转和结余"),
        (Some(income), "本年收入"),
        (reserves, "事业基金弥补收支差额"),
        (unused, "使用非财政拨款结余"),
        (Some(spending), "本年支出"),
        (distribution, "结余分配"),
    ] {
        if let Some(f) = f {
            d.related.push((f.q.start..f.q.end, what.into()));
        }
    }
    Some(Judged::Fails(Box::new(d)))
}
