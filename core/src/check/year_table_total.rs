//! `year-table-total`: in a table that sets last year, this year and their change side by side
//! (`claims::year_blocks`), each year's first column (合计) is the sum of the same columns.
//!
//! Which columns make up the 合计 is read from the table, not from its header (a PDF's text
//! scatters the header's words): the sets of columns that add up to the 合计 in one year's
//! block. The other year must be made up by one of the same sets. A block where no set adds up
//! while the other year's do is an error; when both years hold, the row is verified; when
//! neither does, nothing is said. When each year adds up by a set of its own, the table's
//! other rows tell: a set two of them or more add up by, which the other year's set is found
//! in none of, is the table's, and the year it fails in is the slip. In `“三公”经费及会议费、培训费`
//! tables the 合计 is 三公小计 + 会议费 + 培训费, and a year whose 合计 leaves one out is found.
//! When nothing tells which year's way is the table's, the two ways are a warning: both
//! cannot be right.

use super::kit::fixed;
use super::{Context, Draft, Rule, RuleInfo};
use crate::claims::year_blocks::{Signed, YearRow};
use crate::read::document::Document;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct YearTableTotal;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "year-table-total",
    name_zh: "上年、本年对比表的合计列",
    name_en: "The total column of a table of both years",
    severity: Severity::Error,
    summary_zh: "并列上年数、本年数、增减数的表格（如“三公”经费预算表）中，两个年度的合计列应由同样的几列相加而得。",
    summary_en: "In a table setting last year's and this year's columns side by side, both years' total column is the sum of the same columns.",
    explanation_zh: "这类表每个年度的列相同，第一列为合计。表头在PDF中常被打散，故从表中数字读出某一年度哪几列之和等于合计，\
另一年度须由其中某一组列相加而得；一个年度对得上而另一年度任何一组都对不上即为错误，两个年度都对不上时不作判断；两个年度各自另成一组时，以本表其他至少两行同样相加的一组为准（另一组须不见于其他行），不合此组的年度为错误；其他行不能说明时，提示两个年度合计的构成不同（必有一处有误）。\n\
例：2020年 827,400.00 = 160,000.00 + 462,000.00 + 205,400.00；2021年合计写作1,171,100.00，同样几列之和为1,481,100.00。",
    explanation_en: "Each year's block has the same columns, the first being the total. The columns adding up to one year's \
total are read from the figures (a PDF scatters the header); the other year's total must be the sum of one of the same sets. \
When each year adds up its own way, the set two or more other rows of the table add up by (and the other set none) is the table's; \
when the other rows do not tell, the two ways are a warning (one of them is wrong). \
Example: 2020: 827,400.00 = 160,000.00 + 462,000.00 + 205,400.00; 2021 states 1,171,100.00, the same columns give 1,481,100.00.",
};

/// Up to how many columns a year's block may have for its column sets to be tried (2^(k−1)
/// sets each).
const MAX_COLUMNS: usize = 12;

impl Rule for YearTableTotal {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let rows = &claims.year_rows;
        // Each row's sets of columns adding up to its 合计, last year's and this year's.
        let sets: Vec<Option<(Vec<u32>, Vec<u32>)>> = rows
            .iter()
            .map(|r| {
                (3..=MAX_COLUMNS)
                    .contains(&r.current.len())
                    .then(|| (adding_sets(&r.previous), adding_sets(&r.current)))
            })
            .collect();
        // How many rows of each table have each set add up in either year, a row counted
        // once: (table, set) pairs, sorted, counted by search.
        let mut held: Vec<(usize, u32)> = Vec::new();
        for (r, s) in rows.iter().zip(&sets) {
            let Some((before, now)) = s else { continue };
            let mut own: Vec<u32> = before.iter().chain(now).copied().collect();
            own.sort_unstable();
            own.dedup();
            held.extend(own.into_iter().map(|m| (r.table, m)));
        }
        held.sort_unstable();
        let rows_holding = |table: usize, m: u32| {
            held.partition_point(|&p| p <= (table, m)) - held.partition_point(|&p| p < (table, m))
        };
        for (r, s) in rows.iter().zip(&sets) {
            let Some((before, now)) = s else { continue };
            // A set read from one year (with two amounts or more that are not zero) that adds
            // up in the other year too, zeros or not.
            let holds = |block: &[Signed], m: u32| sum_over(block, m) == block[0].yuan;
            let shared = before.iter().any(|&m| holds(&r.current, m))
                || now.iter().any(|&m| holds(&r.previous, m));
            // (Every year row states its 合计s: `year_blocks` reads no row without.)
            let Some(total) = r.current[0].figure.map(|f| &doc.figures[f]) else {
                continue;
            };
            if shared {
                sink.verified(
                    INFO.id,
                    total.q.start..total.q.end,
                    "两个年度的合计均由同样几列相加而得".into(),
                    "both years' totals are the sum of the same columns".into(),
                );
                continue;
            }
            // One year holds and the other does not: the one that does not is the slip.
            match (before.first(), now.first()) {
                (Some(&m), None) => report(doc, r, (m, None), Year::Current, sink),
                (None, Some(&m)) => report(doc, r, (m, None), Year::Previous, sink),
                (Some(_), Some(_)) => {
                    // Each year adds up by a set of its own: the one the table's other rows
                    // add up by (in two rows or more) is the table's, and the year it fails
                    // in is the slip, when the other year's set holds in no other row (`5,100
                    // + 100,000 = 105,100` by chance, where the rows above add 三公小计 + 会议费
                    // + 培训费).
                    let best = |sets: &[u32]| {
                        sets.iter()
                            .map(|&m| (rows_holding(r.table, m) - 1, m))
                            .max_by_key(|&(n, m)| (n, std::cmp::Reverse(m.count_ones())))
                    };
                    match (best(before), best(now)) {
                        (Some((n, m)), Some((0, _))) if n >= 2 => {
                            report(doc, r, (m, Some(n)), Year::Current, sink)
                        }
                        (Some((0, _)), Some((n, m))) if n >= 2 => {
                            report(doc, r, (m, Some(n)), Year::Previous, sink)
                        }
                        _ => differ(doc, r, (before[0], now[0]), sink),
                    }
                }
                (None, None) => {}
            }
        }
    }
}

/// Each year's 合计 is the sum of columns of its own, and the table's other rows do not tell
/// which way is the table's: the two years cannot both be right (their columns are the same),
/// so a warning that names both. It stands on the year whose 合计 leaves out its block's
/// last column while that column holds an amount (a 合计 runs to the block's right edge:
/// `三公小计 | … | 会议费 | 培训费`), else on last year's.
fn differ(doc: &Document, r: &YearRow, (before, now): (u32, u32), sink: &mut super::Sink) {
    let (Some(p), Some(c)) = (r.previous[0].figure, r.current[0].figure) else {
        return;
    };
    let last = r.current.len() - 1;
    let leaves_last = |block: &[Signed], m: u32| {
        !block[last].yuan.is_zero() && !columns(m, block.len()).any(|j| j == last)
    };
    let on_current = leaves_last(&r.current, now) && !leaves_last(&r.previous, before);
    let (f, other) = if on_current { (c, p) } else { (p, c) };
    let scale = r.unit.scale();
    let dp = doc.figures[p].q.decimals;
    let made = |block: &[Signed], m: u32| {
        let cols: Vec<usize> = columns(m, block.len()).collect();
        (
            cols.iter()
                .map(|j| format!("第{}列", j + 1))
                .collect::<Vec<_>>()
                .join("、"),
            cols.iter()
                .map(|j| (j + 1).to_string())
                .collect::<Vec<_>>()
                .join(", "),
            cols.iter()
                .map(|&j| fixed(block[j].yuan / scale, dp))
                .collect::<Vec<_>>()
                .join(" + "),
        )
    };
    let (before_zh, before_en, before_terms) = made(&r.previous, before);
    let (now_zh, now_en, now_terms) = made(&r.current, now);
    let (pw, cw) = (doc.written(&doc.figures[p]), doc.written(&doc.figures[c]));
    let q = &doc.figures[f].q;
    let mut d = Draft::new(
        INFO.id,
        Severity::Warning,
        q.start..q.end,
        format!(
            "两个年度的合计由不同的列相加而得：上年合计{pw}为{before_zh}之和，本年合计{cw}为{now_zh}之和"
        ),
        format!(
            "The two years' totals add up different columns: last year's {pw} is columns {before_en}, this year's {cw} is columns {now_en}"
        ),
    );
    d.stated = Some(doc.written(&doc.figures[f]));
    d.formula = Some(format!(
        "上年：{before_terms} = {}；本年：{now_terms} = {}",
        fixed(r.previous[0].yuan / scale, dp),
        fixed(r.current[0].yuan / scale, dp)
    ));
    d.cause = Some(
        "同一表两个年度的列相同，合计的构成应一致，其中一个年度的合计应有误；本表其他行不能说明哪一种对"
            .into(),
    );
    let o = &doc.figures[other].q;
    d.related.push((
        o.start..o.end,
        if on_current {
            "上年合计"
        } else {
            "本年合计"
        }
        .into(),
    ));
    if let Some(fc) = r.change[0].figure {
        let q = &doc.figures[fc].q;
        d.related.push((
            q.start..q.end,
            "增减合计（本年与上年之差，随之有误）".into(),
        ));
    }
    sink.report(d);
}

/// The year of a table's row whose 合计 is wrong.
#[derive(Clone, Copy)]
enum Year {
    Previous,
    Current,
}

impl Year {
    fn zh(self) -> &'static str {
        match self {
            Year::Previous => "上年",
            Year::Current => "本年",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Year::Previous => "previous-year",
            Year::Current => "current-year",
        }
    }
    fn other(self) -> Year {
        match self {
            Year::Previous => Year::Current,
            Year::Current => Year::Previous,
        }
    }
    fn block(self, r: &YearRow) -> &[Signed] {
        match self {
            Year::Previous => &r.previous,
            Year::Current => &r.current,
        }
    }
}

/// The columns of a block a set names (bit j for column j + 1: the 合计 is column 0).
fn columns(m: u32, width: usize) -> impl Iterator<Item = usize> {
    (1..width).filter(move |j| m & (1 << (j - 1)) != 0)
}

fn sum_over(block: &[Signed], m: u32) -> Decimal {
    columns(m, block.len()).map(|j| block[j].yuan).sum()
}

/// The sets of columns after the first (as bit masks over columns 1..k) whose amounts add up
/// to the first column's, with at least two amounts that are not zero (a lone column equal to
/// the total, or zeros, say nothing about how it is made up), fewest columns first.
fn adding_sets(block: &[Signed]) -> Vec<u32> {
    if block[0].yuan.is_zero() {
        return Vec::new();
    }
    let adds_up = |m: u32| {
        columns(m, block.len())
            .filter(|&j| !block[j].yuan.is_zero())
            .count()
            >= 2
            && sum_over(block, m) == block[0].yuan
    };
    // Fewest columns first, by counting them rather than sorting (a sort's code in every wasm
    // build for a list this short is not worth it).
    let rest = block.len() - 1;
    (2..=rest as u32)
        .flat_map(|n| (1u32..1 << rest).filter(move |m| m.count_ones() == n))
        .filter(|&m| adds_up(m))
        .collect()
}

/// The finding: `wrong`'s 合计 is not the sum of `set`, which the other year's is. `others`:
/// how many other rows of the table add up by `set`, when `wrong`'s 合计 is the sum of other
/// columns.
fn report(
    doc: &Document,
    r: &YearRow,
    (set, others): (u32, Option<usize>),
    wrong: Year,
    sink: &mut super::Sink,
) {
    let right = wrong.other();
    let (good, bad) = (right.block(r), wrong.block(r));
    let members: Vec<usize> = columns(set, good.len()).collect();
    let (Some(bad_total), Some(good_total)) = (bad[0].figure, good[0].figure) else {
        return;
    };
    let f = &doc.figures[bad_total];
    let scale = r.unit.scale();
    let dp = f.q.decimals;
    let shown = |s: &Signed| fixed(s.yuan / scale, dp);
    let terms = |block: &[Signed]| {
        members
            .iter()
            .map(|&j| shown(&block[j]))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let columns = members
        .iter()
        .map(|j| format!("第{}列", j + 1))
        .collect::<Vec<_>>()
        .join("、");
    let expected = fixed(sum_over(bad, set) / scale, dp);
    let written = doc.written(f);
    let mut d = Draft::new(
        INFO.id,
        Severity::Error,
        f.q.start..f.q.end,
        format!(
            "{}合计{}不等于{}之和{}（{}合计恰为这几列之和）",
            wrong.zh(),
            written,
            columns,
            expected,
            right.zh()
        ),
        format!(
            "The {} total {} is not the sum of columns {} ({}), while the {} total is",
            wrong.en(),
            written,
            members
                .iter()
                .map(|j| (j + 1).to_string())
                .collect::<Vec<_>>()
                .join(", "),
            expected,
            right.en(),
        ),
    );
    d.stated = Some(written);
    d.expected = Some(expected.clone());
    d.formula = Some(format!(
        "{}：{} = {} ≠ {}；{}：{} = {}",
        wrong.zh(),
        terms(bad),
        expected,
        shown(&bad[0]),
        right.zh(),
        terms(good),
        shown(&good[0])
    ));
    d.cause = Some(match others {
        None => format!(
            "两个年度的列相同：{}合计恰为这几列之和，{}合计却不是任何几列之和",
            right.zh(),
            wrong.zh()
        ),
        Some(n) => format!(
            "两个年度的列相同：{}合计与本表其他{n}行的合计都是这几列之和，{}合计只等于另几列之和",
            right.zh(),
            wrong.zh()
        ),
    });
    // (A column a laid-out row leaves empty has no place to show.)
    for &j in &members {
        let Some(fj) = bad[j].figure else { continue };
        let q = &doc.figures[fj].q;
        d.related
            .push((q.start..q.end, format!("{}第{}列", wrong.zh(), j + 1)));
    }
    let g = &doc.figures[good_total].q;
    d.related
        .push((g.start..g.end, format!("{}合计", right.zh())));
    // The change's 合计 is this year's less last year's: wrong with it.
    if let Some(fc) = r.change[0]
        .figure
        .filter(|_| sum_over(&r.change, set) != r.change[0].yuan)
    {
        let q = &doc.figures[fc].q;
        d.related
            .push((q.start..q.end, "增减合计（随之不等于这几列之和）".into()));
    }
    sink.report(d);
}
