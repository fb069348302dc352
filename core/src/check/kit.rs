//! What rules share, written once: a figure's face and its plain and formatted forms, a sum
//! checked against its total (`check_sum`), a stated rate against the figures
//! (`compare_rate`, `check_rate`, and the findings `wrong_rate` and `undefined_rate`), a
//! figure that disagrees with the same figure stated elsewhere (`conflict`), and the cells of
//! laid-out tables. A rule uses the kit and never another rule.

mod sum;

pub use sum::{check_bound, check_sum};

use super::{Draft, Sink};
use crate::read::document::{Document, Figure};
use crate::read::grid::{Cell, Grid};
use crate::read::interval::{half_ulp, ulp, Interval};
use crate::read::quantity::{Money, Unit};
use crate::report::Severity;
use rust_decimal::{Decimal, RoundingStrategy};
use std::ops::Range;

/// A rate outside brackets stated above 100% even at the bottom of its rounding (`100.0%` is
/// all of it): what `bounded-rate` and `impossible-decline` look at.
pub fn rate_above_all(f: &Figure) -> bool {
    f.q.unit == Unit::Percent
        && f.paren_depth == 0
        && f.q.value - half_ulp(f.q.decimals) > Decimal::ONE_HUNDRED
}

/// The error that rate `f` cannot exceed 100%, with messages made from how it is written.
pub fn above_all(
    rule: &'static str,
    doc: &Document,
    f: &Figure,
    message: impl Fn(&str) -> (String, String),
) -> Draft {
    let written = doc.written(f);
    let (zh, en) = message(&written);
    let mut d = Draft::new(rule, Severity::Error, f.q.start..f.q.end, zh, en);
    d.stated = Some(written);
    d.expected = Some("≤ 100%".into());
    d
}

/// The value in base units at face value (yuan for money). Saturates at Decimal::MAX
/// instead of panicking when the value in yuan does not fit (`99…9亿元`: found by fuzzing).
pub fn face(f: &Figure) -> Decimal {
    f.q.face()
}

/// A stated rate whose denominator is zero: undefined, so a note, never a division.
/// `what` names the denominator (`总数`, `预算数`); `rate_name` the rate (`占比`, `执行率`).
pub fn undefined_rate(
    rule: &'static str,
    doc: &Document,
    rate: &Figure,
    zero: &Figure,
    what: &str,
    rate_name: &str,
) -> Draft {
    let z = doc.written(zero);
    let mut d = Draft::new(
        rule,
        Severity::Info,
        rate.q.start..rate.q.end,
        format!("{what}为{z}，{rate_name}无从计算"),
        format!("The denominator {z} is zero: the rate is undefined"),
    );
    d.stated = Some(doc.written(rate));
    d.related.push((zero.q.start..zero.q.end, what.to_string()));
    d
}

/// How a stated percentage compares with the interval the figures give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateVerdict {
    Consistent,
    /// Holds only if the writer cut digits off (3.58% → 3%).
    Truncated,
    /// Holds only if the writer rounded up (44.34% → 45%).
    RoundedUp,
    Wrong,
}

/// `computed` is a fraction (0.4434); `stated` a percentage figure.
pub fn compare_rate(computed: Interval, stated: &Figure) -> RateVerdict {
    let pct = Decimal::ONE_HUNDRED;
    let Some(c) = computed.scale(pct) else {
        return RateVerdict::Wrong;
    };
    let v = stated.q.value;
    let k = stated.q.decimals;
    let round = Interval {
        lo: v - half_ulp(k),
        hi: v + half_ulp(k),
    };
    if c.overlaps(round) {
        return RateVerdict::Consistent;
    }
    if c.overlaps(Interval {
        lo: v,
        hi: v + ulp(k),
    }) {
        return RateVerdict::Truncated;
    }
    if c.overlaps(Interval {
        lo: v - ulp(k),
        hi: v,
    }) {
        return RateVerdict::RoundedUp;
    }
    // `5.0%` for 5.11%: truncated to fewer decimals, then padded with zeros — sloppy rounding
    // too, never an agreement.
    let significant = v.normalize().scale().min(k);
    if significant < k
        && c.overlaps(Interval {
            lo: v,
            hi: v + ulp(significant),
        })
    {
        return RateVerdict::Truncated;
    }
    RateVerdict::Wrong
}

impl RateVerdict {
    /// The sloppy rounding that alone explains the stated value: a warning, with its cause.
    pub fn rounding_slip(self) -> Option<(Severity, Option<String>)> {
        let cause = match self {
            RateVerdict::Truncated => "按截尾（舍去尾数）计算才得此值，应四舍五入",
            RateVerdict::RoundedUp => "按向上进位计算才得此值，应四舍五入",
            _ => return None,
        };
        Some((Severity::Warning, Some(cause.to_string())))
    }
}

/// A fraction as a percentage with `dp` decimals: 0.59674 → `59.67%`.
pub fn pct(x: Decimal, dp: u32) -> String {
    // A ratio of absurd figures can exceed Decimal::MAX / 100: show the largest value.
    let v = x
        .checked_mul(Decimal::ONE_HUNDRED)
        .unwrap_or(if x.is_sign_negative() {
            Decimal::MIN
        } else {
            Decimal::MAX
        });
    format!("{}%", fixed(v, dp))
}

/// `v` rounded half away from zero, written with `dp` decimals. Not `format!("{v:.dp$}")`:
/// rust_decimal formats that into a 32-byte buffer and panics when the integer part is long
/// (found by fuzzing, see core/tests/regressions.rs). `to_string` always fits.
pub fn fixed(v: Decimal, dp: u32) -> String {
    let mut v = v.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    // Pads to `dp` decimals where the 96-bit mantissa has room (always, for real amounts).
    v.rescale(dp);
    v.to_string()
}

/// An interval of fractions as percentages: `59.64%–59.70%`, or one figure when narrow.
pub fn pct_range(i: Interval, dp: u32) -> String {
    let (a, b) = (pct(i.lo, dp), pct(i.hi, dp));
    if a == b {
        a
    } else {
        format!("{a}–{b}")
    }
}

/// Decimals to show a computed percentage with: one more than stated, at least 1, at most 2.
pub fn show_dp(stated: &Figure) -> u32 {
    (stated.q.decimals + 1).clamp(1, 2)
}

/// A yuan amount shown in `unit` (the unit the text used for the figure compared).
pub fn money(yuan: Decimal, unit: Unit, dp: u32) -> String {
    let scale = match unit {
        Unit::Money(m) => m.scale(),
        Unit::Count(u) => u.scale(),
        _ => Decimal::ONE,
    };
    format!("{}{}", fixed(yuan / scale, dp), unit.suffix())
}

/// Does a money figure of the text state the amount of a table cell in `cell_unit`? Apart by
/// a whole unit of the last digit either writes (0.01 of 3,210.50) is two values, not one
/// rounded twice. (Checked products: faces near `Decimal::MAX` are no amount of any cell.)
pub fn states_cell(f: &Figure, cell: &Figure, cell_unit: Money) -> bool {
    let Unit::Money(written) = f.q.unit else {
        return false;
    };
    let Some(cell_face) = cell.q.value.checked_mul(cell_unit.scale()) else {
        return false;
    };
    let tolerance = (half_ulp(cell.q.decimals) * cell_unit.scale())
        .max(half_ulp(f.q.decimals) * written.scale());
    f.q.face()
        .checked_sub(cell_face)
        .is_some_and(|d| d.abs() <= tolerance)
}

/// A table cell against the cells that should add up to it, as the table rules show it:
/// the sum, the difference and the arithmetic, at the most decimals any of them is written with.
pub struct CellSum {
    pub sum: String,
    pub diff: String,
    /// `67,627.51 + 14,902.37 = 82529.88` (`0 = 0.00` without parts).
    pub formula: String,
}

pub fn cell_sum(doc: &Document, total: usize, parts: &[usize]) -> CellSum {
    let t = &doc.figures[total];
    let dp = parts
        .iter()
        .map(|&p| doc.figures[p].q.decimals)
        .chain([t.q.decimals])
        .max()
        .unwrap_or(0);
    // As the table writes its amounts: `1,783,700` beside `1,793,700`.
    let grouped = doc.written(t).contains(',');
    let shown = |v: Decimal| {
        let s = money(v, Unit::None, dp);
        if grouped {
            group_thousands(&s)
        } else {
            s
        }
    };
    let sum: Decimal = parts.iter().map(|&p| doc.figures[p].q.face()).sum();
    let terms: Vec<String> = parts
        .iter()
        .map(|&p| doc.written(&doc.figures[p]))
        .collect();
    let terms = if terms.is_empty() {
        "0".to_string()
    } else {
        terms.join(" + ")
    };
    CellSum {
        sum: shown(sum),
        diff: shown((sum - t.q.face()).abs()),
        formula: format!("{terms} = {}", shown(sum)),
    }
}

/// `-1783700.5` → `-1,783,700.5`.
fn group_thousands(s: &str) -> String {
    let (sign, s) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (whole, frac) = s.split_once('.').map_or((s, None), |(w, f)| (w, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Where a rate was stated, as a finding says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `文中`, `the text`.
    Text,
    /// `表中`, `the table`.
    Table,
}

impl Place {
    fn zh(self) -> &'static str {
        match self {
            Place::Text => "文中",
            Place::Table => "表中",
        }
    }

    fn en(self) -> &'static str {
        match self {
            Place::Text => "the text",
            Place::Table => "the table",
        }
    }
}

/// A stated rate checked against `computed` (a fraction): recorded as verified, or the
/// finding for a wrong rate ([`wrong_rate`]; a rounding slip is a warning). The caller adds
/// the related figures. `formula_base` is the division (`67.5 ÷ 80`); `what` names the rate
/// (`执行率`, `“档案数字化”自评表执行率`; `The rate`, …).
pub fn check_rate(
    rule: &'static str,
    doc: &Document,
    sink: &mut Sink,
    (computed, rate): (Interval, &Figure),
    formula_base: &str,
    what: (&str, &str),
    place: Place,
) -> Option<Draft> {
    let formula = format!("{formula_base} = {}", pct_range(computed, show_dp(rate)));
    let verdict = compare_rate(computed, rate);
    if verdict == RateVerdict::Consistent {
        sink.verified(rule, rate.q.start..rate.q.end, formula.clone(), formula);
        return None;
    }
    let judged = verdict.rounding_slip().unwrap_or((Severity::Error, None));
    Some(wrong_rate(
        rule,
        doc,
        (computed, rate),
        formula,
        what,
        place,
        judged,
    ))
}

/// The finding for a stated rate the figures do not give, written once for every rate
/// (growth, share, completion, the tables'): `{what}应为{expected}，文中为{stated}`, with the
/// stated and expected values, the formula, and as the repair the value at the stated
/// precision. `what` names the rate (`增长率`, `占比`; `The share`, …); `(severity, cause)`
/// is the caller's judgement. The caller adds the related figures.
pub fn wrong_rate(
    rule: &'static str,
    doc: &Document,
    (computed, rate): (Interval, &Figure),
    formula: String,
    (what_zh, what_en): (&str, &str),
    place: Place,
    (severity, cause): (Severity, Option<String>),
) -> Draft {
    let expected = pct_range(computed, show_dp(rate));
    let stated = doc.written(rate);
    let mut d = Draft::new(
        rule,
        severity,
        rate.q.start..rate.q.end,
        format!("{what_zh}应为{expected}，{}为{stated}", place.zh()),
        format!("{what_en} is {expected}, {} says {stated}", place.en()),
    );
    d.repair = Some(format!(
        "若{what_zh}为{}则一致",
        repair_rate(computed, rate)
    ));
    d.stated = Some(stated);
    d.expected = Some(expected);
    d.formula = Some(formula);
    d.cause = cause;
    d
}

/// The finding for a figure that disagrees with the same figure stated at another place,
/// written once for the rules that compare two statements (identity, restated, parallel, the
/// standard tables against each other, the text against a table): at `here`, with `stated`
/// as written there, whose `expected` value is what the other place gives; `there` links the
/// other place (or, for a value the other place computes, the figures it comes from), each
/// with its note, in order. `texts` (Chinese, English) name the two places as the rule words
/// them; `formula` shows the two apart ([`unequal`]), where the rule shows one.
pub fn conflict(
    rule: &'static str,
    severity: Severity,
    (here, stated): (Range<usize>, &str),
    (expected, there): (&str, impl IntoIterator<Item = (Range<usize>, String)>),
    formula: impl Into<Option<String>>,
    (zh, en): (String, String),
) -> Draft {
    let mut d = Draft::new(rule, severity, here, zh, en);
    d.stated = Some(stated.to_string());
    d.expected = Some(expected.to_string());
    d.formula = formula.into();
    d.related.extend(there);
    d
}

/// Two figures as written that should be one, and how far apart they are:
/// `2,617,435.49元 ≠ 261.74万元，相差0.01万元`.
pub fn unequal(here: &str, there: &str, diff: &str) -> String {
    format!("{here} ≠ {there}，相差{diff}")
}

/// A laid-out table's cell as an interval: `Some(None)` when empty, `None` when unknown.
pub fn cell_interval(doc: &Document, c: Cell) -> Option<Option<Interval>> {
    match c {
        Cell::Figure(f) => {
            let q = &doc.figures[f].q;
            (q.unit == Unit::None)
                .then(|| q.interval())
                .flatten()
                .map(Some)
        }
        Cell::Empty => Some(None),
        Cell::Unknown => None,
    }
}

/// The sum of column `c` over `rows`, with how many cells had a figure and how many a
/// non-zero one; `None` when one of the cells is unknown.
pub fn column_sum(
    doc: &Document,
    g: &Grid,
    rows: &[usize],
    c: usize,
) -> Option<(Interval, usize, usize)> {
    let mut sum = Interval::exact(Decimal::ZERO);
    let (mut figures, mut nonzero) = (0, 0);
    for &r in rows {
        if let Some(iv) = cell_interval(doc, g.rows[r].cells[c])? {
            sum = sum.add(iv)?;
            figures += 1;
            if let Cell::Figure(f) = g.rows[r].cells[c] {
                nonzero += usize::from(!doc.figures[f].q.value.is_zero());
            }
        }
    }
    Some((sum, figures, nonzero))
}

/// A laid-out row's name as its line writes it (its code left out); empty when the name
/// wrapped onto lines of its own.
pub fn row_label(doc: &Document, g: &Grid, r: usize) -> String {
    doc.text()[g.rows[r].line.clone()]
        .split(|c: char| c.is_ascii_digit() || c.is_whitespace() || c.is_ascii_punctuation())
        .find(|s| !s.is_empty())
        .unwrap_or("")
        .to_string()
}

/// Plain value of a figure without unit: `1070.21`.
pub fn plain(f: &Figure) -> String {
    f.q.value.to_string()
}

/// The value at the stated precision that the figures give: the repair.
pub fn repair_rate(computed: Interval, stated: &Figure) -> String {
    let dp = stated.q.decimals.max(1);
    pct(computed.mid(), dp)
}

/// A score against its maximum: verified when no more, an error when above. Scores are
/// given, not measured: `16` against `15` is above it, whatever the rounding of other
/// figures. `max_name` names the maximum as the text does (`分值`, `满分`) and in English
/// (`the maximum`, `its maximum`).
pub fn check_score(
    rule: &'static str,
    doc: &Document,
    (score, max): (usize, usize),
    max_name: (&str, &str),
    sink: &mut Sink,
) {
    let (s, m) = (&doc.figures[score], &doc.figures[max]);
    let at = s.q.start..s.q.end;
    let (sw, mw) = (doc.written(s), doc.written(m));
    let (zh, en) = max_name;
    if s.q.value <= m.q.value {
        sink.verified(
            rule,
            at,
            format!("得分{sw} ≤ {zh}{mw}"),
            format!("score {sw} ≤ maximum {mw}"),
        );
        return;
    }
    let mut d = Draft::new(
        rule,
        Severity::Error,
        at,
        format!("得分{sw}超过{zh}{mw}"),
        format!("The score {sw} exceeds {en} {mw}"),
    );
    d.stated = Some(sw);
    d.expected = Some(format!("≤ {mw}"));
    d.formula = Some(format!("{} > {}", plain(s), plain(m)));
    d.related.push((m.q.start..m.q.end, zh.into()));
    sink.report(d);
}

/// `2022年`, `2022年度`, `2022年末` or `2022年底` at the end of `s`, taken off: the words
/// before a level or a rate of another year (`由2020年末的31.5%`).
pub fn strip_year(s: &str) -> &str {
    let t = s.strip_suffix(['末', '底']).unwrap_or(s);
    let t = t.strip_suffix('度').unwrap_or(t);
    let Some(t) = t.strip_suffix('年') else {
        return s;
    };
    let digits = t.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 4 {
        &t[..t.len() - 4]
    } else {
        s
    }
}

/// `由`/`从` right before a rate or a level, maybe with the period it starts in (`由上年的`,
/// `从2022年的`, and `periods` such as `年初`): where a change starts.
pub fn starts_from(before: &str, periods: &[&str]) -> bool {
    let b = before.trim_end();
    let b = b.strip_suffix('的').unwrap_or(b);
    let b = periods
        .iter()
        .find_map(|w| b.strip_suffix(w))
        .unwrap_or_else(|| strip_year(b));
    b.ends_with('由') || b.ends_with('从')
}

/// The two figures right before figure `i`, years aside (`由2020年的86.4%提高到2023年的
/// 95.1%`): the earlier and the later, looked for among the four before it.
pub fn two_before<'d>(doc: &'d Document, i: usize) -> Option<(&'d Figure, &'d Figure)> {
    let mut before = doc.figures[..i]
        .iter()
        .rev()
        .take(4)
        .filter(|f| f.q.unit != Unit::Date);
    let later = before.next()?;
    Some((before.next()?, later))
}

/// Does the comparison with `named` opening at normalised offset `at` look back over several
/// years on purpose? Its clause is about another year than the report's, the one after
/// `named` (`从三年变化看，2023年收入较2022年减少…`), or its paragraph reviews years
/// (`近三年`, `“十四五”以来`, `累计增加`).
pub fn reviews_years(doc: &Document, at: usize, named: u32, report_year: u32) -> bool {
    let text = doc.text();
    let p = doc.paragraphs.partition_point(|p| p.range.end <= at);
    if doc.paragraphs.get(p).is_none_or(|q| !q.range.contains(&at)) {
        return false;
    }
    // (The paragraph and the one before: `2021年至2024年…分别为…` / `其中，2024年比2021年…`.)
    let from = doc.paragraphs[p.saturating_sub(1)].range.start;
    let para = &text[from..doc.paragraphs[p].range.end];
    if [
        "近三年",
        "近两年",
        "近五年",
        "三年来",
        "十四五",
        "累计增加",
        "累计减少",
        "三年变化",
    ]
    .iter()
    .any(|w| para.contains(w))
        || para.contains(&format!("{named}年至"))
    {
        return true;
    }
    let start = doc.paragraphs[p].range.start;
    let clause_at = text[start..at]
        .rfind(['，', '。', '；', '：'])
        .map_or(start, |i| start + i);
    let clause = &text[clause_at..at];
    named + 1 != report_year && clause.contains(&format!("{}年", named + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_are_grouped_in_thousands_as_their_total_is() {
        for (plain, grouped) in [
            ("1783700", "1,783,700"),
            ("-24573400.5", "-24,573,400.5"),
            ("700", "700"),
            ("0.25", "0.25"),
        ] {
            assert_eq!(group_thousands(plain), grouped);
        }
    }

    #[test]
    fn a_rate_truncated_and_padded_with_zeros_is_sloppy_not_wrong() {
        let doc = Document::read("增长5.0%，增长5.00%，增长4.0%。");
        let computed = Interval {
            lo: Decimal::new(5110, 5),
            hi: Decimal::new(5112, 5),
        };
        let v: Vec<RateVerdict> = doc
            .figures
            .iter()
            .map(|f| compare_rate(computed, f))
            .collect();
        assert_eq!(v[0], RateVerdict::Truncated);
        assert_eq!(v[1], RateVerdict::Truncated);
        // Not even the truncated whole number: wrong.
        assert_eq!(v[2], RateVerdict::Wrong);
    }

    #[test]
    fn a_wrong_rate_reads_the_same_for_every_rate_but_its_name_and_place() {
        let doc = Document::read("执行率为50%。");
        let sixty = Interval::exact(Decimal::new(6, 1));
        let d = wrong_rate(
            "table",
            &doc,
            (sixty, &doc.figures[0]),
            "3 ÷ 5 = 60.0%".into(),
            ("执行率", "The rate"),
            Place::Table,
            (Severity::Error, None),
        );
        assert_eq!(d.message, "执行率应为60.0%，表中为50%");
        assert_eq!(d.message_en, "The rate is 60.0%, the table says 50%");
        assert_eq!(d.repair.as_deref(), Some("若执行率为60.0%则一致"));
        assert_eq!(d.expected.as_deref(), Some("60.0%"));
        assert_eq!(d.stated.as_deref(), Some("50%"));
    }
}
