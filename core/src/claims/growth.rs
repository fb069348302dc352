//! Growth claims: `与2019年度相比，增加399.96万元，增加37.4%` · `比上年减少1.52万元，下降3%`.
//!
//! The previous-year value is current − D for an increase and current + D for a decrease; the
//! current value is the figure the comparison is about: the one its subject names
//! (`财政拨款支出增加…`), else the nearest level before it (a sum's total rather than its
//! last part).

use super::sum::SumClaim;
use super::{label_key, label_matches, opening_year};
use crate::read::document::{is_clause_delimiter, Document};
use crate::read::quantity::Unit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    /// The direction of a signed amount, by its sign.
    pub fn of(v: rust_decimal::Decimal) -> Self {
        if v.is_sign_negative() {
            Direction::Down
        } else {
            Direction::Up
        }
    }

    /// How a finding names it: 增加 / 减少.
    pub fn verb(self) -> &'static str {
        match self {
            Direction::Up => "增加",
            Direction::Down => "减少",
        }
    }
}

#[derive(Debug, Clone)]
pub struct GrowthClaim {
    /// The change D.
    pub delta: usize,
    pub direction: Direction,
    /// The stated rate, if any: a percentage, or a multiple (`增长3.52倍`).
    pub rate: Option<usize>,
    /// The rate is a multiple (`倍`), not a percentage.
    pub rate_multiple: bool,
    /// The rate's own verb disagrees with D's (`增加…，下降…`).
    pub rate_direction: Option<Direction>,
    /// The direction the explanation after it names (`…，减少的主要原因是`), if any.
    pub reason_direction: Option<Direction>,
    /// The current-year value, when it could be bound.
    pub current: Option<usize>,
    /// Another reading of the current value the text leaves open: the one part of a total
    /// (`合计967.11万元，其中：基本支出688.26万元，比上年减少12.40万元，下降1.77%`) whose change
    /// may be the total's or the part's.
    pub other_current: Option<usize>,
    /// A stated previous-year value (`上年度为12016927.27元`).
    pub previous: Option<usize>,
    /// The year the comparison names (`较2018年`, `与2019年度相比`), and where it is written.
    pub compared_year: Option<(u16, std::ops::Range<usize>)>,
    /// With no current value bound: the level stated shortly before for the same subject
    /// (`公务接待费3.30万元` … `公务接待费较上年降低1.17万元`), found by its name.
    pub named: Option<usize>,
}

impl GrowthClaim {
    /// The stated change in yuan, negative for a decrease.
    pub fn signed_change(&self, doc: &Document) -> rust_decimal::Decimal {
        let v = doc.figures[self.delta].q.face();
        match self.direction {
            Direction::Up => v,
            Direction::Down => -v,
        }
    }

    /// The stated change's rounding interval in yuan, negated for a decrease.
    pub fn signed_interval(&self, doc: &Document) -> Option<crate::read::interval::Interval> {
        let i = doc.figures[self.delta].q.interval()?;
        Some(match self.direction {
            Direction::Up => i,
            Direction::Down => i.neg(),
        })
    }
}

const UP: &[&str] = &["增加", "增长", "上升", "提高", "增幅"];
const DOWN: &[&str] = &[
    "减少",
    "下降",
    "降低",
    "减幅",
    "降幅",
    "节约",
    "节省",
    "下降了",
];

/// Every change verb, either way.
fn change_verbs() -> impl Iterator<Item = &'static str> {
    UP.iter().chain(DOWN).copied()
}

/// Where the first change verb in `s` starts.
fn first_change_verb(s: &str) -> Option<usize> {
    change_verbs().filter_map(|w| s.find(w)).min()
}

/// Whether `s` ends with a change verb (`比上年增加`).
fn ends_with_change_verb(s: &str) -> bool {
    change_verbs().any(|w| s.ends_with(w))
}

/// The direction named by the last change verb in `s`; `None` for template text that names
/// both (`增加/减少`, `减少（增加）`) or none.
pub fn direction_of(s: &str) -> Option<Direction> {
    // `增加值` (value added) is a noun, not a change.
    let s = &s.replace("增加值", "");
    let up = UP.iter().filter_map(|w| s.rfind(w)).max();
    let down = DOWN.iter().filter_map(|w| s.rfind(w)).max();
    match (up, down) {
        (Some(_), None) => Some(Direction::Up),
        (None, Some(_)) => Some(Direction::Down),
        _ => None,
    }
}

/// `增加的主要原因是`, `下降原因为`: the direction an explanation names, within the first clauses
/// after a change.
fn reason_direction(after: &str) -> Option<Direction> {
    let i = after.find("原因")?;
    // The explanation's own clause must be just the verb (`，减少的主要原因是`): `其中A减少的原因`
    // explains another item's change.
    let head = &after[..i];
    let clause = head.rfind(['，', '；', '。', ',']).map_or(head, |j| {
        &head[j + head[j..].chars().next().map_or(1, char::len_utf8)..]
    });
    let verb = clause.trim_end_matches("主要").trim_end_matches('的');
    if UP.contains(&verb) {
        Some(Direction::Up)
    } else if DOWN.contains(&verb) {
        Some(Direction::Down)
    } else {
        None
    }
}

/// Where the comparison phrase ends in a clause-run of text: `与2019年度相比，` / `比上年`.
/// The last one written is the change's own (`本年收入合计与上年相比，减少…；本年支出合计较
/// 2023年度减少…`).
fn comparison_end(s: &str) -> Option<usize> {
    let compared = s.rfind("相比").map(|i| i + "相比".len());
    let fixed = ["同比", "较上年", "较去年"]
        .iter()
        .filter_map(|w| s.rfind(w).map(|i| i + w.len()))
        .max();
    // `较2019年减少`, `较年初预算增加`: like `比`, up to its verb, within a short phrase of
    // one clause.
    let jiao = s.rfind('较').and_then(|i| {
        let rest = &s[i + '较'.len_utf8()..];
        let verb = first_change_verb(rest)?;
        // (Room for the base stated inside: `较2023年预算18.60万元减少`.)
        (rest[..verb].chars().count() <= 24 && !rest[..verb].contains(is_clause_delimiter))
            .then_some(i + '较'.len_utf8() + verb)
    });
    // `比上年`, `比2019年`, `比上年决算数`, `比年初预算` (not `占比`, `对比`; `相比` and `同比`
    // are read above).
    let bi = s.rfind('比').and_then(|i| {
        let rest = &s[i + '比'.len_utf8()..];
        if s[..i].ends_with(['占', '对', '相', '同']) || rest.starts_with(['例', '重', '率', '较'])
        {
            return None;
        }
        let verb = first_change_verb(rest)?;
        // (Within one clause when an earlier comparison stands: `与上年相比，…比…增加`.)
        let near =
            rest[..verb].chars().count() <= 24 && !rest[..verb].contains(is_clause_delimiter);
        (near || compared.is_none()).then_some(i + '比'.len_utf8() + verb)
    });
    [compared, fixed, jiao, bi].into_iter().flatten().max()
}

/// `comparison_end` on text that a hard wrap may cut (`较\n上年增加`): the line breaks are
/// skipped while matching and the offset is mapped back.
fn comparison_end_across_lines(s: &str) -> Option<usize> {
    if !s.contains('\n') {
        return comparison_end(s);
    }
    let compact: String = s.chars().filter(|&c| c != '\n').collect();
    let end = comparison_end(&compact)?;
    // The offset in `s` of the `end`-th byte of `compact`.
    let mut seen = 0;
    for (i, c) in s.char_indices() {
        if seen == end {
            return Some(i);
        }
        if c != '\n' {
            seen += c.len_utf8();
        }
    }
    Some(s.len())
}

pub fn extract(doc: &Document, sums: &[SumClaim]) -> Vec<GrowthClaim> {
    let text = doc.text();
    let mut total_of_part = std::collections::HashMap::new();
    for s in sums {
        let last = s.parts.iter().copied().max().unwrap_or(s.total);
        let single = s.parts.len() == 1;
        for &p in &s.parts {
            total_of_part
                .entry(p)
                .or_insert((s.total, s.marker_at, last, single));
        }
    }
    let year = doc.info().year;
    let mut out = Vec::new();
    for (di, d) in doc.figures.iter().enumerate() {
        if !d.q.is_operand() || !matches!(d.q.unit, Unit::Money(_) | Unit::Count(_)) || d.in_table {
            continue;
        }
        let sentence = doc.sentences[d.sentence()].clone();
        let from = sentence.start.max(crate::read::document::floor_char(
            text,
            d.q.start.saturating_sub(super::TEXT_WINDOW),
        ));
        let before = &text[from..d.q.start];
        // D is the change amount when its own label ends with the verb (`比上年增加`).
        let verb_tail = d.label.trim_end_matches(['了', '为', '额', '共', '计']);
        let governed = if ends_with_change_verb(verb_tail) {
            None
        } else {
            match governed_direction(doc, di) {
                Some(dir) => Some(dir),
                None => continue,
            }
        };
        let Some(direction) = governed.or_else(|| direction_of(&d.label)) else {
            continue;
        };
        if d.label.contains('/') || d.label.contains('（') {
            continue;
        }
        let Some(cmp_end) = comparison_end_across_lines(before) else {
            if let Some(claim) = levels_then_change(doc, di, direction, year) {
                out.push(claim);
            }
            continue;
        };
        let mut subject = &before[cmp_end..];
        // A later change of the same comparison naming its own subject (`与2023年度相比，本年
        // 收入合计增加…，增长3.95%，本年支出合计增加…`) is of that subject, not the first's.
        // (Of amounts and rates: a year, `2024年执行数增加`, is part of the subject.)
        if let Some(last) = super::back(di)
            .take_while(|&i| doc.figures[i].q.start >= from + cmp_end)
            .find(|&i| {
                let q = &doc.figures[i].q;
                q.is_operand() && (q.unit.is_money() || q.unit == Unit::Percent)
            })
        {
            let own = &text[doc.figures[last].q.end.max(from + cmp_end)..d.q.start];
            let verb_at = first_change_verb(own).unwrap_or(own.len());
            if own[..verb_at]
                .chars()
                .any(|c| !c.is_ascii_punctuation() && !"，、；：".contains(c) && !c.is_whitespace())
            {
                subject = own;
            }
        }
        // The comparison must be this change's own: a level stated between them (`比上年增加
        // 117.49万元，…（一）一般公共服务支出494.26万元，增加51.59万元`) or a cause
        // (`原因是：一是…增加300万元`) means the change is an item of what follows another
        // comparison, not a claim of its own.
        let cmp_abs = from + cmp_end;
        let level_between = super::back(di)
            .take_while(|&i| doc.figures[i].q.start >= cmp_abs)
            .any(|i| {
                let g = &doc.figures[i];
                g.q.is_operand()
                    && matches!(g.q.unit, Unit::Money(_) | Unit::Count(_))
                    && !super::has_change_word(&g.label)
            });
        if level_between
            || ["原因", "主要是", "主要用于"]
                .iter()
                .any(|w| before[cmp_end..].contains(w))
        {
            continue;
        }
        // The rate: the next percentage in the sentence whose label carries a verb.
        let rate = doc.figures[di + 1..]
            .iter()
            .enumerate()
            .take(super::WINDOW)
            .take_while(|(_, g)| g.sentence() == d.sentence())
            .find(|(_, g)| g.q.unit.is_money() || g.q.unit == Unit::Percent || is_multiple(text, g))
            .filter(|(_, g)| {
                (g.q.unit == Unit::Percent || is_multiple(text, g))
                    && direction_of(&g.label).is_some()
            })
            .map(|(k, _)| di + 1 + k);
        // Or the rate just before it (`比上年增长20%，增加200元`), unless a change before
        // already took it.
        let rate = rate.or_else(|| {
            let r = di.checked_sub(1)?;
            let g = &doc.figures[r];
            let between = &text[g.q.end..d.label_start().max(g.q.end)];
            let adjacent = between.chars().filter(|c| !c.is_whitespace()).count() <= 1;
            (g.sentence() == d.sentence()
                && g.q.unit == Unit::Percent
                && adjacent
                && direction_of(&g.label).is_some()
                && out.last().is_none_or(|c: &GrowthClaim| c.rate != Some(r)))
            .then_some(r)
        });
        // Or the rate in brackets right after it (`减少24.5万元（43%）`): the change's own.
        let rate = rate.or_else(|| {
            let r = di + 1;
            let g = doc.figures.get(r)?;
            let between = &text[d.q.end..g.q.start];
            (g.sentence() == d.sentence()
                && g.q.unit == Unit::Percent
                && between.trim() == "（"
                && text[g.q.end..].trim_start().starts_with('）'))
            .then_some(r)
        });
        // `分别比上年增加48.16万元和减少22.55万元，分别增长7.52%和下降7.48%`: the changes of a
        // run and the rates of a run said 分别 pair in order, or not at all.
        let run = respective(doc, di);
        let rate = match run {
            Some((paired, _)) => paired,
            None => rate,
        };
        let rate_direction = rate.and_then(|r| signed_direction(doc, r));
        let rate_multiple = rate.is_some_and(|r| is_multiple(text, &doc.figures[r]));
        // The reason that follows names a direction too (`增加9.49万元，减少的主要原因是`).
        let after_end = crate::read::document::floor_char(text, sentence.end.min(d.q.end + 90));
        let reason_direction = reason_direction(&text[d.q.end..after_end.max(d.q.end)]);
        // An offset into `before`, which starts at `from` (not at the sentence's start when
        // the sentence is longer than the text window).
        let mut cmp_start = from
            + before[..cmp_end]
                .rfind(['比', '较', '与'])
                .unwrap_or(cmp_end);
        // `与2023年相比`, `同上年对比`: the comparison opens at its `与`, not at `比`.
        if text[..cmp_start].ends_with(['相', '对']) {
            // Over the base it names too (`与2023年度决算数69,580.50元相比`), back to its `与`
            // or to a `较` that opens it (`…支出120.00万元较上年相比`: no `与`, and the `和`
            // of `社会保障和就业支出` opens nothing).
            let wide = crate::read::document::floor_char(text, cmp_start.saturating_sub(90));
            let clause = text[wide..cmp_start]
                .rfind(is_clause_delimiter)
                .map_or(wide, |i| {
                    wide + i + text[wide + i..].chars().next().map_or(1, char::len_utf8)
                });
            let floor = crate::read::document::floor_char(text, cmp_start.saturating_sub(30));
            // (An opener is followed by what is compared with: a year, 上年, 同期, 年初; the
            // `与` of `文化旅游体育与传媒支出` is no opener.)
            let mut opener = text[clause..cmp_start]
                .match_indices(['与', '同', '和'])
                .filter(|(i, w)| {
                    let after = &text[clause + i + w.len()..];
                    after.starts_with(|c: char| c.is_ascii_digit())
                        || ["上年", "去年", "上一年", "同期", "年初"]
                            .iter()
                            .any(|x| after.starts_with(x))
                });
            match opener.next_back() {
                Some((i, _)) => cmp_start = clause + i,
                None if text[clause..cmp_start].contains(['较', '比']) => {}
                None => {
                    if let Some(i) = text[floor..cmp_start].rfind(['与', '同', '和']) {
                        if !text[floor + i..cmp_start].contains(is_clause_delimiter) {
                            cmp_start = floor + i;
                        }
                    }
                }
            }
        }
        let compared_year = year_named(&text[cmp_start..from + cmp_end], cmp_start);
        // The year a comparison names (`较2022年`) is its base's: a level labelled with a
        // later year (`2023年支出…，较2022年增加`) is that comparison's current value, one
        // labelled with another year (`2022年度为…` before `2024年较2023年增加`) neither.
        // (Only an earlier year: `比2024年年初预算增加` in a 2024 report compares with this
        // year's budget.)
        let base_year = compared_year
            .as_ref()
            .map(|(y, _)| *y)
            .filter(|&y0| year.is_some_and(|ry| y0 < ry));
        let is_base_year = |label: &str| match base_year {
            Some(y0) => label_year(label).is_some_and(|y| y <= y0),
            None => is_earlier_year(label, year),
        };
        // The comparison is with this year's budget (`比年初预算`, `与2024年年初预算相比`).
        let comparison = &text[cmp_start..(from + cmp_end).max(cmp_start)];
        let budget_compared = comparison.contains("预算")
            && !super::names_last_year(comparison)
            && compared_year
                .as_ref()
                .is_none_or(|(y, _)| year.is_some_and(|ry| *y == ry));
        let base_like = |i: usize| {
            let g = &doc.figures[i];
            g.q.unit.addable_with(d.q.unit) && g.q.is_operand() && !super::has_change_word(&g.label)
        };
        // The base stated inside the comparison (`比年初预算安排22216.00元增加`), or a
        // previous-year value stated just before (`上年度为12016927.27元`).
        let in_comparison = super::back(di)
            .take_while(|&i| doc.figures[i].q.start >= cmp_start)
            .find(|&i| base_like(i));
        // (In the paragraph: the sentence before may end another paragraph about another
        // quantity, `上年为1,100.00万元` before `项目支出…减少50万元`.)
        // (Not past a `；`: `公务用车购置费…（上年预算数为0万元）；公务用车运行费…减少` keeps
        // the 0 with the purchase.)
        let stated_before = super::back(di)
            .take_while(|&i| {
                // (Nor past a `其中`: `上年预算为26.33万元，…。其中：因公出国（境）费0.00万元，
                // 比上年减少2.49万元` is the total's base, not the item's.)
                let between = &text[doc.figures[i].q.end..d.q.start];
                doc.figures[i].sentence() + 1 >= d.sentence()
                    && doc.figures[i].paragraph() == d.paragraph()
                    && !between.contains('；')
                    && !between.contains("其中")
            })
            .find(|&i| {
                let g = &doc.figures[i];
                base_like(i)
                    // (A subject naming its stage, `2024年执行数增加`, takes no budget for its
                    // base, nor a budget an outturn.)
                    && !other_stage(subject, &g.label)
                    // (`年初预算1,000.00万元，与2024年年初预算相比增加`: the budget stated.)
                    // (A comparison with the budget takes no other year's level for it.)
                    && (budget_compared && bare_budget(&g.label, comparison)
                        || !budget_compared && match base_year {
                            Some(y0) => {
                                label_year(&g.label) == Some(y0)
                                    || year == Some(y0 + 1) && super::names_last_year(&g.label)
                            }
                            None => {
                                super::names_last_year(&g.label) || is_earlier_year(&g.label, year)
                            }
                        })
            });
        let previous = in_comparison.or(stated_before);
        let mut other_current = None;
        let bound = bind_current(
            doc,
            di,
            subject,
            previous,
            &total_of_part,
            cmp_start,
            &mut other_current,
        );
        // The changes of a run said 分别 are the levels' before them, in order, or unbound.
        let mut current = match run {
            Some((_, level)) => {
                other_current = None;
                level
            }
            None => bound,
        };
        // A base stated after the current value and naming another quantity (`“三公”经费预算
        // 25.40万元，其中公务接待费3.80万元。上年公务接待费预算5.00万元，本年比上年减少`) says
        // the change is not of that value.
        if let (Some(c), Some(p)) = (current, previous) {
            let (cf, pf) = (&doc.figures[c], &doc.figures[p]);
            let named = |f: &crate::read::document::Figure| {
                super::facts::key_of(&f.label, year.map(i32::from)).map(|k| k.name)
            };
            if cf.q.start < pf.q.start {
                // (The base's own words name it: `上年预算数` names nothing.)
                if let (Some(cn), Some(pn)) = (named(cf), named(pf)) {
                    if cn != pn && pf.label.contains(pn.as_str()) && !cf.label.contains(pn.as_str())
                    {
                        current = None;
                    }
                }
            }
        }
        // A figure labelled with an earlier year is the base itself, not the current value;
        // so is one in a sentence opening with the year compared with (`2023年度该项目全年
        // 预算数196.00万元，执行数187.20万元。与2023年相比，2024年执行数增加`).
        // (Only when the change names its own later year, `2024年执行数增加`, and the level
        // none: `2023年度…；2024年度支出合计…` is 2024's.)
        let subject_year = super::facts::years_in(subject).max();
        let in_base_year_sentence = |c: usize| {
            // (The sentence's, or the clause's after a `；`: `2023年度…；2024年度…执行数…`.)
            let start = doc.sentences[doc.figures[c].sentence()].start;
            let upto = doc.figures[c].q.start;
            let clause = text[start..upto]
                .rfind('；')
                .map_or(start, |i| start + i + '；'.len_utf8());
            // (`2023年度该项目…`: a year of accounts; not `2023年以来`, `2023年启动的`.)
            let head = text[clause..upto].trim_start();
            let opens = opening_year(head).filter(|_| head[4..].starts_with("年度"));
            base_year.is_some_and(|y0| {
                opens.is_some_and(|y| y <= i32::from(y0))
                    && subject_year.is_some_and(|y| y > i32::from(y0))
            }) && doc.figures[c].sentence() != d.sentence()
                && label_year(&doc.figures[c].label).is_none()
                && !["本年", "当年", "今年"]
                    .iter()
                    .any(|w| doc.figures[c].label.contains(w))
        };
        if current.is_some_and(|c| is_base_year(&doc.figures[c].label) || in_base_year_sentence(c))
        {
            if previous.is_none() {
                out.push(GrowthClaim {
                    delta: di,
                    direction,
                    rate,
                    rate_multiple,
                    rate_direction,
                    reason_direction,
                    current: None,
                    other_current: None,
                    previous: current,
                    compared_year: compared_year.clone(),
                    named: None,
                });
                continue;
            }
            current = None;
        }
        out.push(GrowthClaim {
            delta: di,
            direction,
            rate,
            rate_multiple,
            rate_direction,
            reason_direction,
            current,
            other_current: other_current.filter(|_| current.is_some()),
            previous,
            compared_year,
            named: current
                .is_none()
                .then(|| named_level(doc, di, cmp_start))
                .flatten(),
        });
    }
    out
}

/// The direction a rate's verb names, turned by its sign: `增长-5.00%` is a fall of 5%.
fn signed_direction(doc: &Document, r: usize) -> Option<Direction> {
    let negative = doc.written_negative(&doc.figures[r]);
    direction_of(&doc.figures[r].label).map(|d| match (negative, d) {
        (true, Direction::Up) => Direction::Down,
        (true, Direction::Down) => Direction::Up,
        (false, d) => d,
    })
}

/// `2026年预算数为436.20万元，上年预算数为421.77万元，增加14.43万元，增长3.42%`: no comparison
/// word, but both levels stated right before the change, this year's and then last year's,
/// one clause each; the rate, if any, in the clause right after it.
fn levels_then_change(
    doc: &Document,
    di: usize,
    direction: Direction,
    year: Option<u16>,
) -> Option<GrowthClaim> {
    let text = doc.text();
    let d = &doc.figures[di];
    let verb = d.label.trim_end_matches(['了', '为']);
    if !change_verbs().any(|w| w == verb) {
        return None;
    }
    // Only a comma between one figure and the next one's words (and the year they open
    // with: `，2024年预算数为…`).
    let next_clause = |a: usize, b: usize| {
        let (fa, fb) = (&doc.figures[a], &doc.figures[b]);
        let between = text[fa.q.end..fb.label_start().max(fa.q.end)].trim();
        let between = between
            .strip_suffix('度')
            .unwrap_or(between)
            .strip_suffix('年')
            .map_or(between, |b| {
                b.trim_end_matches(|c: char| c.is_ascii_digit())
            });
        fa.sentence() == fb.sentence() && matches!(between.trim(), "，" | ",")
    };
    // (A year written before a level is a figure of its own.)
    let before = |i: usize| (0..i).rev().find(|&k| doc.figures[k].q.unit != Unit::Date);
    let level = |i: usize| {
        let g = &doc.figures[i];
        g.q.is_operand()
            && g.q.unit.addable_with(d.q.unit)
            && !super::has_change_word(&g.label)
            && g.paren_depth == 0
    };
    let previous = before(di)?;
    let current = before(previous)?;
    let last_year = |i: usize| {
        let l = &doc.figures[i].label;
        super::names_last_year(l)
            || is_earlier_year(l, year)
            || clause_names_earlier_year(doc, i, year)
    };
    let levels = level(previous) && level(current) && last_year(previous) && !last_year(current);
    if !(levels && next_clause(current, previous) && next_clause(previous, di)) {
        return None;
    }
    let rate = Some(di + 1).filter(|&r| {
        doc.figures.get(r).is_some_and(|g| {
            g.q.unit == Unit::Percent && direction_of(&g.label).is_some() && next_clause(di, r)
        })
    });
    Some(GrowthClaim {
        delta: di,
        direction,
        rate,
        rate_multiple: false,
        rate_direction: rate.and_then(|r| signed_direction(doc, r)),
        reason_direction: None,
        current: Some(current),
        other_current: None,
        previous: Some(previous),
        compared_year: None,
        named: None,
    })
}

/// How far back a subject's level is looked for: a paragraph or two.
const NAMED_WINDOW: usize = 1500;

/// The level stated before `cmp_start` for the subject named right before it (the clause's
/// words up to `较上年`): the nearest earlier `<subject>` followed, within a few characters
/// and no punctuation, by an amount.
fn named_level(doc: &Document, di: usize, cmp_start: usize) -> Option<usize> {
    let text = doc.text();
    // The clause, within its sentence and a few words.
    let floor =
        doc.sentences[doc.figures[di].sentence()]
            .start
            .max(crate::read::document::floor_char(
                text,
                cmp_start.saturating_sub(90),
            ));
    let (subject_at, clause) = super::clause_before(text, floor, cmp_start);
    let subject = clause.trim();
    let subject = subject.strip_prefix("其中").unwrap_or(subject).trim();
    if subject.chars().count() < 3 || subject.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let window_from =
        crate::read::document::floor_char(text, subject_at.saturating_sub(NAMED_WINDOW));
    let window = &text[window_from..subject_at];
    let mut end = window.len();
    // A few occurrences at most: each is checked in constant time.
    for _ in 0..8 {
        let at = window[..end].rfind(subject)?;
        end = at;
        let after = window_from + at + subject.len();
        let fi = doc.figures.partition_point(|f| f.q.start < after);
        let Some(f) = doc.figures.get(fi) else {
            continue;
        };
        let gap = &text[after..f.q.start.max(after)];
        let close = gap.chars().count() <= 4
            && !gap.contains(['，', '。', '；', '：', '、'])
            && !gap.chars().any(|c| c.is_ascii_digit());
        if close
            && f.q.is_operand()
            && matches!(f.q.unit, Unit::Money(_))
            && !super::has_change_word(&f.label)
        {
            return Some(fi);
        }
    }
    None
}

/// `较2018年`, `与2019年度相比` → (2018, where `2018年` is written); `at` is where `s` starts.
fn year_named(s: &str, at: usize) -> Option<(u16, std::ops::Range<usize>)> {
    let i = s.find("年")?;
    let digits = &s[..i];
    let start = digits.rfind(|c: char| !c.is_ascii_digit()).map_or(0, |j| {
        j + digits[j..].chars().next().map_or(1, char::len_utf8)
    });
    let year: u16 = digits[start..].parse().ok()?;
    (i - start == 4 && (1990..2100).contains(&year))
        .then(|| (year, at + start..at + i + "年".len()))
}

/// `增长3.52倍`: a bare number written as a multiple.
pub fn is_multiple(text: &str, f: &crate::read::document::Figure) -> bool {
    f.q.unit == Unit::None && !f.q.approx && text[f.q.end..].starts_with('倍')
}

/// Does the label start with a year before the report's (`2020年“三公”经费…` in a 2021 report)?
/// Does the clause of figure `i`, up to it, open with a year before the report's
/// (`，2024年预算数为260.11万元`: the year is a figure of its own, outside the label)?
fn clause_names_earlier_year(doc: &Document, i: usize, report_year: Option<u16>) -> bool {
    let f = &doc.figures[i];
    let text = doc.text();
    let floor = crate::read::document::floor_char(text, f.q.start.saturating_sub(60));
    let before = &text[floor..f.q.start];
    let clause = before
        .rfind(is_clause_delimiter)
        .map_or(before, |k| &before[k..])
        .trim_start_matches(is_clause_delimiter);
    is_earlier_year(clause.trim_start(), report_year)
}

fn is_earlier_year(label: &str, report_year: Option<u16>) -> bool {
    report_year.is_some_and(|ry| label_year(label).is_some_and(|y| y < ry))
}

/// Is `label` only the budget a comparison with `comparison` (`比年初预算`) names: no item of
/// its own (`项目支出年初预算` is another item's), no outturn (`预算执行数`), the same kind of
/// budget (`调整预算` is not `年初预算`)?
fn bare_budget(label: &str, comparison: &str) -> bool {
    let key = super::label_key(label.trim_end_matches(['为', '是', '：', ':']));
    let key = key.trim_end_matches(['为', '是']);
    let kind = ["年初", "调整", "全年"]
        .iter()
        .find(|w| comparison.contains(**w));
    [
        "预算",
        "预算数",
        "年初预算",
        "年初预算数",
        "调整预算",
        "调整预算数",
        "全年预算",
        "全年预算数",
    ]
    .contains(&key)
        && kind.is_none_or(|w| key.contains(w))
}

/// Does a subject name the outturn (`执行数增加`) and a label a budget (`预算数`)?
fn other_stage(subject: &str, label: &str) -> bool {
    let stage = |s: &str| {
        let outturn = ["执行", "决算", "实际"].iter().any(|w| s.contains(w));
        let budget = s.contains("预算") && !s.contains("一般公共预算") && !s.contains("基金预算");
        match (outturn, budget) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    };
    // (One way only: a budget compared with last year's outturn is usual in a budget report.)
    matches!((stage(subject), stage(label)), (Some(true), Some(false)))
}

/// The year a label opens with (`2023年支出` → 2023).
fn label_year(label: &str) -> Option<u16> {
    super::opening_year(label).and_then(|y| u16::try_from(y).ok())
}

/// Is the figure ending at `end` the base of a ratio (`为全年预算25.00万元的73.6%`,
/// `占支出总额500万元的`)? Such a figure sits inside an attribute clause of another subject and
/// is never the subject of the comparison that follows.
fn is_ratio_base(text: &str, end: usize) -> bool {
    text[end..].trim_start().starts_with('的')
}

fn bind_current(
    doc: &Document,
    di: usize,
    subject: &str,
    previous: Option<usize>,
    total_of_part: &std::collections::HashMap<usize, (usize, usize, usize, bool)>,
    cmp_start: usize,
    other: &mut Option<usize>,
) -> Option<usize> {
    let d = &doc.figures[di];
    let para = d.paragraph();
    // A paragraph that opens with the comparison (`2024年度…总计均为X万元。` / `与2023年度相比，
    // …各增加`, a viewer's copy ending a paragraph at each full stop), or with its subject
    // and no level (`收支总预算比2023年预算增加…`), compares the level of the paragraph
    // before.
    let opens = doc.text()
        [doc.paragraphs[para].range.start..cmp_start.max(doc.paragraphs[para].range.start)]
        .trim()
        .is_empty();
    // (A subject of its own there names the level exactly: `基本支出` is not `所属事业单位
    // 基本支出`.)
    let subject_opens = !opens
        && super::back(di)
            .take_while(|&i| doc.figures[i].paragraph() == para)
            .all(|i| doc.figures[i].q.end > cmp_start);
    let before_too = (opens || subject_opens)
        && para.checked_sub(1).is_some_and(|q| {
            doc.paragraphs[q].heading.is_none() && !doc.paragraphs[q].is_table_cell
        });
    // (Only a level named as the subject is taken from there, never the nearest figure.)
    let wider = super::back(di)
        .take_while(|&i| {
            let q = doc.figures[i].paragraph();
            q == para || before_too && q + 1 == para
        })
        .filter(|&i| doc.figures[i].q.end <= cmp_start)
        .filter(|&i| {
            let g = &doc.figures[i];
            Some(i) != previous
                && g.q.is_operand()
                && g.q.unit.addable_with(d.q.unit)
                && !super::has_change_word(&g.label)
                // The base of another comparison (`比年初预算14.00万元减少`) is no level.
                && !g.label.starts_with(['比', '较'])
                && !g.label.contains('每')
                && !is_ratio_base(doc.text(), g.q.end)
                // Inside a bracket closed before the change (`114.93万元（其中…66.46万元），
                // 较上年减少`): a breakdown of the subject, not the subject.
                && g.paren_depth <= d.paren_depth
        });
    let candidates = wider
        .clone()
        .take_while(|&i| doc.figures[i].paragraph() == para);
    // The subject without its verb and filler: `，收、支总计各增加` → `收、支总计`.
    let verb_at = first_change_verb(subject);
    let subject = &subject[..verb_at.unwrap_or(subject.len())];
    // `财政拨款收入、支出总计各增加`: said of two quantities, `财政拨款收入总计` and
    // `财政拨款支出总计` (read as one name, `支出总计` alone would answer it).
    // (`收支总计`, `收支总预算` likewise; and a subject before the comparison, `收支总预算比
    // 2023年预算增加`.)
    let sentence_start = doc.sentences[d.sentence()].start;
    let (_, before_cmp) = super::clause_before(doc.text(), sentence_start, cmp_start);
    // (A subject before the comparison names its levels exactly: `财政拨款收支总计` is not
    // the department's `收入总计`.)
    let (both, strict): (Vec<String>, bool) = [(subject, false), (before_cmp.trim(), true)]
        .iter()
        .find_map(|&(s, strict)| {
            let w = ["收入、支出", "收、支", "收支"]
                .iter()
                .find(|w| s.contains(**w))?;
            Some((
                ["收入", "支出"]
                    .iter()
                    .map(|flow| label_key(&s.replace(w, flow).replace(['，', '、'], "")))
                    .map(|k| k.trim_end_matches(['各', '均']).to_string())
                    .collect(),
                strict,
            ))
        })
        .unwrap_or_default();
    let subject: String = subject
        .chars()
        .filter(|c| !matches!(c, '，' | ',' | '、' | '：'))
        .collect();
    let subject = subject
        .trim_end_matches("分别")
        .trim_end_matches(['各', '均', '共', '都'])
        .to_string();
    // The nearest candidate whose label names `key` (`、` ignored on both sides). A bare
    // `收入` or `支出` that a listed part's name ends with (`其他收入`, the list's last part:
    // `年初预算数23727.16万元，其中：一般公共预算拨款收入…，其他收入1205.10万元。收入比
    // 2025年减少…`) names the list's whole.
    // (`strict`: the label's key is `key` itself, not one ending with it or it ending with the
    // label's.)
    let ambiguous = std::cell::Cell::new(false);
    let named_by = |key: &str, strict: bool| {
        let key = key.replace('、', "");
        let bare = |k: &str| {
            k.trim_start_matches("本部门")
                .trim_start_matches("部门")
                .to_string()
        };
        let exact = |i: usize| {
            key.chars().count() >= 2
                && bare(&label_key(&doc.figures[i].label.replace('、', ""))) == bare(&key)
        };
        let exact_at = wider.clone().find(|&i| exact(i));
        let near_at = wider.clone().find(|&i| {
            let l = doc.figures[i].label.replace('、', "");
            !(strict || subject_opens && doc.figures[i].paragraph() != para)
                && label_matches(&l, &key)
        });
        // A level named exactly wins over a nearer one whose name only ends so (`公用经费`, not
        // `所属事业单位公用经费`); but a nearer one that names its funds (`一般公共预算财政拨款
        // 基本支出` after `本部门基本支出`), of another amount, may be meant as well.
        let i = match (exact_at, near_at) {
            (Some(e), Some(n))
                if n > e
                    && doc.figures[n].q.value != doc.figures[e].q.value
                    && ["财政拨款", "一般公共预算", "政府性基金"]
                        .iter()
                        .any(|w| doc.figures[n].label.contains(w)) =>
            {
                ambiguous.set(true);
                return None;
            }
            (Some(e), _) => e,
            (None, n) => n?,
        };
        Some(match total_of_part.get(&i) {
            Some(&(total, _, _, _))
                if doc.figures[total].paragraph() == para
                    && matches!(key.as_str(), "收入" | "支出")
                    && label_key(&doc.figures[i].label) != key =>
            {
                total
            }
            _ => i,
        })
    };
    let named = |key: &str| named_by(key, false);
    // (Two levels of different amounts each changed by it, `分别增长`: neither is surely its.)
    // (`收支总预算` names `收入预算总额` and `支出预算总额` as well.)
    let found: Vec<usize> = both
        .iter()
        .filter_map(|k| {
            named_by(k, strict).or_else(|| {
                k.contains("总预算")
                    .then(|| named_by(&k.replace("总预算", "预算总额"), strict))
                    .flatten()
            })
        })
        .collect();
    match found[..] {
        [a] => return Some(a),
        [a, b] => {
            let same = doc.figures[a].q.value == doc.figures[b].q.value;
            return same.then_some(a.max(b));
        }
        _ => {}
    }
    let key = label_key(&subject);
    if key.chars().count() >= 2
        && !key.starts_with("上年")
        && !key.contains("决算数")
        && !key.contains("预算")
    {
        // The subject may leave out the stage its level names (`财政拨款收、支总预算7,062.8
        // 万元。与上年相比，财政拨款收、支总计各减少…`, `财政拨款预算支出…财政拨款支出减少`).
        let by_name = named(&key);
        if ambiguous.get() {
            return None;
        }
        return by_name.or_else(|| {
            let key = without_stage(&key);
            (key.chars().count() >= 4)
                .then(|| {
                    candidates.clone().find(|&i| {
                        // The words since the figure before, across `、` (`收、支总预算`).
                        let g = &doc.figures[i];
                        let from = i
                            .checked_sub(1)
                            .map(|p| doc.figures[p].q.end)
                            .unwrap_or(0)
                            .max(doc.sentences[g.sentence()].start)
                            .min(g.q.start);
                        let words: String = doc.text()[from..g.q.start]
                            .chars()
                            .filter(|c| !c.is_whitespace() && *c != '、')
                            .collect();
                        without_stage(&label_key(&words)).ends_with(&key)
                    })
                })
                .flatten()
        });
    }
    // `基本支出比上年增加…`: the subject stands before the comparison, in its own clause
    // (without a figure: `收入合计860万元比上年减少…` keeps the nearest-figure rule).
    let alt = label_key(before_cmp.trim());
    // `预算为36.88万元，支出决算为26.48万元，决算数比预算数减少10.40万元`: the outturn
    // against its own budget, the nearest figure stated as an outturn.
    if matches!(alt.as_str(), "决算" | "决算数" | "支出决算" | "决算支出") {
        let base = doc.text()[cmp_start..].trim_start_matches(['比', '较']);
        if ["预算", "年初预算", "调整预算", "全年预算"]
            .iter()
            .any(|w| base.starts_with(w))
        {
            return candidates
                .clone()
                .find(|&i| doc.figures[i].label.contains("决算"));
        }
    }
    // `2026年预算比2025年预算增加…`: a subject that is only the year's budget or accounts is
    // the paragraph's whole, the largest amount stated before it (its parts are smaller).
    if [
        "预算",
        "决算",
        "预算数",
        "决算数",
        "部门预算",
        "预算支出",
        "支出预算",
        "收支预算",
    ]
    .contains(&alt.as_str())
    {
        return candidates.clone().max_by_key(|&i| doc.figures[i].q.face());
    }
    if alt.chars().count() >= 2 && !alt.chars().any(|c| c.is_ascii_digit()) && !alt.contains("预算")
    {
        if let Some(i) = named(&alt) {
            return Some(i);
        }
    }
    let mut cands = candidates;
    let nearest = cands.next()?;
    // A subject named in its own clause that the nearest figure's does not match, past a
    // `；` or in a sentence of its own (`其中：因公出国（境）费0万元，较上年降低25万元；公务
    // 接待费较上年降低1.17万元`; `…年末结转和结余59.29万元。财政拨款收、支总计与上年相比
    // 增加`): the figure is another item's.
    let between = &doc.text()[doc.figures[nearest].q.end..cmp_start];
    let same_name = || {
        // (`公务接待费支出3.26万元。公务接待费支出决算比2019年增加`: one quantity.)
        let (near, named) = (
            without_stage(&label_key(&doc.figures[nearest].label)),
            without_stage(&alt),
        );
        near.chars().count() >= 2 && (near.ends_with(&named) || named.ends_with(&near))
    };
    if alt.chars().count() >= 3
        && !alt.chars().any(|c| c.is_ascii_digit())
        && (between.contains('；') || between.contains('。') && !same_name())
    {
        return None;
    }
    // After the last part of a `，`-list the change is the total's (`其中A…，B…，比上年增加`);
    // in a `；`-list each part carries its own change, and so does a part the list goes on
    // after (`其中：基本支出600万元，占60%，比上年增加50万元，…；项目支出…`).
    match total_of_part.get(&nearest) {
        Some(&(total, marker_at, last, _))
            if doc.figures[total].paragraph() == para
                && nearest == last
                && !doc.text()[marker_at..d.q.start].contains('；') =>
        {
            // The change may be the last part's as well (`合计967.11万元，其中：基本支出688.26
            // 万元，比上年减少12.40万元`; `支出合计100万元，其中：基本支出60万元，项目支出40
            // 万元，比上年增加10万元，增长33.33%` is 项目支出's): the rate decides.
            // (Only in the part's own sentence: a change sentences after a list is the
            // total's.)
            if doc.figures[nearest].sentence() == d.sentence() {
                *other = Some(nearest);
            }
            Some(total)
        }
        // A `，`-list closed by a `；` right before a change naming no subject (`其中A…，B…，
        // 上年结转46.30万元；比2024年预算增加…`): the total's, or the last part's.
        Some(&(total, marker_at, last, _))
            if doc.figures[total].paragraph() == para
                && nearest == last
                && !doc.text()[marker_at..doc.figures[last].q.end].contains('；')
                && doc.text()[doc.figures[last].q.end..cmp_start].trim() == "；" =>
        {
            *other = Some(nearest);
            Some(total)
        }
        // A change in a sentence after the list's, naming no subject (`其中：A…；上年结转
        // 50.00万元，占3.98%。与上年相比增加68.30万元`), is the total's.
        Some(&(total, _, last, _))
            if doc.figures[total].paragraph() == para
                && nearest == last
                && between.contains('。') =>
        {
            Some(total)
        }
        _ => Some(nearest),
    }
}

/// Whether figures `a` and `b` (in text order) are neighbours of one run of changes or
/// rates: the same sentence, the same kind, only a separator and a verb between
/// (`增加48.16万元和减少22.55万元`, `增长7.52%、下降7.48%`).
fn in_one_run(doc: &Document, a: usize, b: usize) -> bool {
    let (f, g) = (&doc.figures[a], &doc.figures[b]);
    let between = &doc.text()[f.q.end..g.q.start];
    // (One verb may govern both, `增加3.6万人次和0.16万人次`: then only the separator stands
    // between two figures of one unit.)
    let bare = matches!(between, "和" | "、" | "及") && f.q.unit == g.q.unit;
    f.sentence() == g.sentence()
        && (f.q.unit == Unit::Percent) == (g.q.unit == Unit::Percent)
        && between.starts_with(['和', '、', '，', '及'])
        && between.chars().count() <= 6
        && (direction_of(between).is_some() || bare)
}

/// The direction of a change whose verb an earlier change of its run carries
/// (`增加3.6万人次和0.16万人次`: the 0.16's is 增加).
fn governed_direction(doc: &Document, di: usize) -> Option<Direction> {
    let mut i = di;
    while i > 0 && di - i < super::WINDOW && in_one_run(doc, i - 1, i) {
        i -= 1;
        let l = doc.figures[i]
            .label
            .trim_end_matches(['了', '为', '额', '共', '计']);
        if ends_with_change_verb(l) {
            return direction_of(&doc.figures[i].label);
        }
    }
    None
}

/// For change `di` in a run of two or more changes said `分别` (`A688.26万元、B278.85万元，
/// 分别比上年增加…和减少…`), the rate and the level it pairs with: the same place in the run of
/// rates said `分别` after the run, and in the run of levels right before it, when the runs
/// are as long (`None` inside when not). `None` for a change in no such run.
fn respective(doc: &Document, di: usize) -> Option<(Option<usize>, Option<usize>)> {
    let figures = &doc.figures;
    let mut first = di;
    while first > 0 && di - first < super::WINDOW && in_one_run(doc, first - 1, first) {
        first -= 1;
    }
    let mut last = di;
    while last + 1 < figures.len() && last - di < super::WINDOW && in_one_run(doc, last, last + 1) {
        last += 1;
    }
    if first == last || !figures[first].label.contains("分别") {
        return None;
    }
    let n = last - first + 1;
    let k = di - first;
    // The levels: the amounts right before the run, nearest first.
    let levels: Vec<usize> = (0..first)
        .rev()
        .take_while(|&i| {
            let g = &figures[i];
            g.sentence() == figures[first].sentence()
                && g.q.is_operand()
                && g.q.unit.addable_with(figures[di].q.unit)
                && !super::has_change_word(&g.label)
        })
        .take(n)
        .collect();
    let level = (levels.len() == n).then(|| levels[n - 1 - k]);
    // The rates' run: right after the changes' run, said 分别 too.
    let start = last + 1;
    let rates_said = figures.get(start).is_some_and(|g| {
        g.sentence() == figures[last].sentence()
            && g.q.unit == Unit::Percent
            && g.label.contains("分别")
    });
    if !rates_said {
        return Some((None, level));
    }
    let mut end = start;
    while end + 1 < figures.len() && end - start < super::WINDOW && in_one_run(doc, end, end + 1) {
        end += 1;
    }
    Some(((end - start + 1 == n).then_some(start + k), level))
}

/// A quantity's name without the stage of the budget cycle it is stated for and filler
/// (`财政拨款收支总预算` → `财政拨款收支总`, `收入总计支出总计均为` → `收入总支出总`).
fn without_stage(key: &str) -> String {
    let mut s = key.replace('、', "");
    for w in ["为", "是", "均", "各", "都"] {
        if let Some(t) = s.strip_suffix(w) {
            s = t.to_string();
        }
    }
    for w in ["预算数", "决算数", "执行数", "预算", "决算", "执行", "总计"] {
        s = s.replace(w, if w == "总计" { "总" } else { "" });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(t: &str) -> (Option<String>, String, Option<String>, Direction) {
        let d = Document::read(t);
        let sums = crate::claims::sum::extract(&d);
        let g = extract(&d, &sums);
        assert_eq!(g.len(), 1, "{g:?}");
        let g = &g[0];
        (
            g.current.map(|i| d.figures[i].q.display()),
            d.figures[g.delta].q.display(),
            g.rate.map(|i| d.figures[i].q.display()),
            g.direction,
        )
    }

    #[test]
    fn same_sentence() {
        let g = one("2020年度收、支总计1070.21万元，与2019年度相比，增加399.96万元，增加37.4 %，主要原因是。");
        assert_eq!(
            g,
            (
                Some("1070.21万元".into()),
                "399.96万元".into(),
                Some("37.4%".into()),
                Direction::Up
            )
        );
    }

    #[test]
    fn a_subject_named_in_a_sentence_of_its_own_is_not_the_figure_before() {
        // The sentence before ends on another quantity: no current value, nothing judged.
        let g = one("财政拨款收入总计2834.41万元；年末财政拨款结转和结余59.29万元。一般公共预算财政拨款支出与上年相比增加132.85万元，增长4.92%。");
        assert_eq!(g.0, None);
        // (`收、支总计` names the 收入总计 stated, however far back in the paragraph.)
        let g = one("财政拨款收入总计2834.41万元；年末财政拨款结转和结余59.29万元。财政拨款收、支总计与上年相比增加132.85万元，增长4.92%。");
        assert_eq!(g.0, Some("2834.41万元".into()));
        // The same quantity named again, with its stage: it is the figure before.
        let g = one("公务接待费支出3.26万元，完成预算59%。公务接待费支出决算比2019年增加2.38万元，增长270%。");
        assert_eq!(g.0, Some("3.26万元".into()));
        // `收入、支出总计各增加` names each total, not the shorter `支出总计` of another scope.
        let g = one("收入总计1898.57万元，支出总计1898.57万元。财政拨款收入总计1825.51万元；财政拨款支出总计1825.51万元，其中：年末财政拨款结转和结余29.47万元。与2015年度相比，财政拨款收入、支出总计各增加223.13万元，增长13.92%。");
        assert_eq!(g.0, Some("1825.51万元".into()));
        // Named alike, said of both at once (`均为`, `各增加`).
        let g = one("2023年度收、支总计均为4775.92万元。与2022年度相比，收、支总计各增加357.29万元，增长7.48%。");
        assert_eq!(g.0, Some("4775.92万元".into()));
    }

    #[test]
    fn subject_picks_the_named_level() {
        let g = one("2022年度财政拨款支出423.59万元，其中：基本支出169.49万元，项目支出254.10万元。与上年相比，财政拨款支出减少294.561万元，降低41.02%，主要原因。");
        assert_eq!(g.0.as_deref(), Some("423.59万元"));
        assert_eq!(g.3, Direction::Down);
    }

    #[test]
    fn total_rather_than_last_part() {
        let g = one("收入预算为 4302.33 万元，其中一般公共预算财政拨款收入1476.56万元，上级专项资金收入2825.77万元，比上年增加3061.4 万元，增长71%，主要原因。");
        assert_eq!(g.0.as_deref(), Some("4302.33万元"));
    }

    #[test]
    fn previous_sentence_same_paragraph() {
        let g = one(
            "2020年度收、支总计3190.21万元。与2019年相比，收、支总计各增加1693.77万元，增长113%。",
        );
        assert_eq!(g.0.as_deref(), Some("3190.21万元"));
    }

    #[test]
    fn template_alternatives_are_not_claims() {
        let d = Document::read("因公出国（境）支出决算比2019年增加/减少0万元，增长/下降0%。");
        assert!(extract(&d, &[]).is_empty());
    }

    #[test]
    fn a_previous_year_value_in_the_paragraph_before_is_not_the_base() {
        let d = Document::read(
            "本年收入1,234.56万元，上年为1,100.00万元，增长12.2%。\n本年项目支出合计300万元，与上年相比减少50万元，下降14.3%。",
        );
        let g = extract(&d, &crate::claims::sum::extract(&d));
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].previous, None);
        assert_eq!(
            g[0].current.map(|c| d.figures[c].q.display()).as_deref(),
            Some("300万元")
        );
    }

    #[test]
    fn the_base_of_a_ratio_is_not_the_subject() {
        let d = Document::read(
            "公务接待费18.40万元，为全年预算25.00万元的73.6%；比上年决算增加9.10万元，增长97.8%。",
        );
        assert_eq!(currents(&d), [Some("18.40万元".to_string())]);
    }

    #[test]
    fn an_item_compared_with_a_named_year() {
        let d = Document::read(
            "（十二）2080501行政单位离退休45.20万元，主要用于离休人员的生活补助。较2019年减少12.30万元，减少了21.39%。",
        );
        assert_eq!(currents(&d), [Some("45.20万元".to_string())]);
    }

    #[test]
    fn a_change_listed_after_another_comparison_is_no_claim_of_its_own() {
        let d = Document::read(
            "公共财政拨款支出1008.12万元，比上年决算数增加117.49万元，增长13.19%，具体如下：一般公共服务支出494.26万元，增加51.59万元，增长11.65%。",
        );
        assert_eq!(currents(&d), [Some("1008.12万元".to_string())]);
        let d = Document::read(
            "支出比上年增加500万元，增长10%，主要原因是：一是人员经费增加300万元；二是项目支出增加200万元。",
        );
        assert_eq!(currents(&d).len(), 1);
    }

    #[test]
    fn a_breakdown_in_brackets_is_not_the_subject() {
        let d = Document::read(
            "机关运行经费114.93万元（其中办公费66.46万元），较上年减少5.00万元，下降4.2%。",
        );
        assert_eq!(currents(&d), [Some("114.93万元".to_string())]);
    }

    #[test]
    fn a_years_budget_compared_is_the_whole() {
        let d = Document::read(
            "2026年预算支出1682.76万元，其中基本支出预算1208.20万元，占71.80%；项目支出预算474.56万元，占28.20%。2026年预算比2025年预算增加50.32万元，增长3.08%。",
        );
        assert_eq!(currents(&d), [Some("1682.76万元".to_string())]);
    }

    #[test]
    fn a_rate_in_brackets_and_the_reasons_direction() {
        let d = Document::read(
            "三公经费预算18.6万元，较上年减少24.5万元（43%），减少的主要原因是压缩。",
        );
        let g = extract(&d, &[]);
        assert_eq!(
            g[0].rate.map(|r| d.figures[r].q.display()).as_deref(),
            Some("43%")
        );
        assert_eq!(g[0].reason_direction, Some(Direction::Down));
        let d = Document::read("三公经费预算6.51万元，较上年增加9.49万元，减少的主要原因是压缩。");
        let g = extract(&d, &[]);
        assert_eq!(
            (g[0].direction, g[0].reason_direction),
            (Direction::Up, Some(Direction::Down))
        );
        // The reason of another item's change says nothing of this one.
        let d =
            Document::read("支出合计50万元，较上年增加9.49万元，其中会议费减少的主要原因是压缩。");
        let g = extract(&d, &[]);
        assert_eq!(g[0].reason_direction, None);
    }

    /// The current value each growth claim of `d` was bound to, in order.
    fn currents(d: &Document) -> Vec<Option<String>> {
        extract(d, &crate::claims::sum::extract(d))
            .iter()
            .map(|c| c.current.map(|i| d.figures[i].q.display()))
            .collect()
    }

    #[test]
    fn a_change_after_a_part_the_list_goes_on_from_is_the_parts() {
        let d = Document::read(
            "本年支出合计1,000.00万元，比上年增加100.00万元，增长11.1%，其中：基本支出600.00万元，占60%，比上年增加50.00万元，增长9.1%；项目支出400.00万元，占40%，比上年增加50.00万元，增长14.3%。",
        );
        assert_eq!(
            currents(&d),
            [
                Some("1000.00万元".to_string()),
                Some("600.00万元".to_string()),
                Some("400.00万元".to_string())
            ]
        );
    }

    #[test]
    fn the_rate_may_come_before_the_change() {
        let d = Document::read("户均增收1,200元，比上年增长20%，增加200元。");
        let g = extract(&d, &[]);
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(
            g[0].rate.map(|r| d.figures[r].q.display()).as_deref(),
            Some("20%")
        );
        // A rate that follows its own change is not taken again by the next change.
        let d = Document::read("支出比上年增加100万元，增长10%，增加200万元。");
        let g = extract(&d, &[]);
        assert_eq!(g.iter().filter(|c| c.rate.is_some()).count(), 1, "{g:?}");
    }

    #[test]
    fn the_subject_before_the_comparison_names_the_current_value() {
        let d = Document::read(
            "2023年度支出合计850.00万元，其中基本支出600.00万元，占70.59%，项目支出250.00万元，占29.41%。基本支出比上年增加20.00万元，增长3.45%；项目支出比上年减少60.00万元，下降19.35%。",
        );
        assert_eq!(
            currents(&d),
            [
                Some("600.00万元".to_string()),
                Some("250.00万元".to_string())
            ]
        );
    }
}
