//! `year-table-total`: in a table that sets last year, this year and their change side by side
//! (`claims::year_blocks`), each year's first column (合计) is the sum of the same columns.
//!
//! Which columns make up the 合计 is read from the table, not from its header (a PDF's text
//! scatters the header's words): the sets of columns that add up to the 合计 in one year's
//! block. The other year must be made up by one of the same sets. A block where no set adds up
//! while the other year's do is an error; when both years hold, the row is verified; when
//! neither does, or each by sets of its own, nothing is said. In `“三公”经费及会议费、培训费`
//! tables the 合计 is 三公小计 + 会议费 + 培训费, and a year whose 合计 leaves one out is found.

use super::kit::fixed;
use super::{Context, Draft, Rule, RuleInfo};
use crate::claims::year_blocks::{Signed, YearRow};
use crate::read::document::Document;
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct YearTableTotal;

static INFO: RuleInfo = RuleInfo {
    id: "year-table-total",
    name_zh: "上年、本年对比表的合计列",
    name_en: "The total column of a table of both years",
    severity: Severity::Error,
    summary_zh: "并列上年数、本年数、增减数的表格（如“三公”经费预算表）中，两个年度的合计列应由同样的几列相加而得。",
    summary_en: "In a table setting last year's and this year's columns side by side, both years' total column is the sum of the same columns.",
    explanation_zh: "这类表每个年度的列相同，第一列为合计。表头在PDF中常被打散，故从表中数字读出某一年度哪几列之和等于合计，\
另一年度须由其中某一组列相加而得；一个年度对得上而另一年度任何一组都对不上即为错误，两个年度都对不上或各自另成一组时不作判断。\n\
例：2020年 827,400.00 = 160,000.00 + 462,000.00 + 205,400.00；2021年合计写作1,171,100.00，同样几列之和为1,481,100.00。",
    explanation_en: "Each year's block has the same columns, the first being the total. The columns adding up to one year's \
total are read from the figures (a PDF scatters the header); the other year's total must be the sum of one of the same sets. \
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
        for r in &claims.year_rows {
            let k = r.current.len();
            if !(3..=MAX_COLUMNS).contains(&k) {
                continue;
            }
            let before = adding_sets(&r.previous);
            let now = adding_sets(&r.current);
            // A set read from one year (with two amounts or more that are not zero) that adds
            // up in the other year too, zeros or not.
            let holds = |block: &[Signed], m: u32| sum_over(block, m) == block[0].yuan;
            let shared = before.iter().any(|&m| holds(&r.current, m))
                || now.iter().any(|&m| holds(&r.previous, m));
            let total = &doc.figures[r.current[0].figure];
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
                (Some(&m), None) => report(doc, r, m, Year::Current, sink),
                (None, Some(&m)) => report(doc, r, m, Year::Previous, sink),
                _ => {}
            }
        }
    }
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

fn report(doc: &Document, r: &YearRow, set: u32, wrong: Year, sink: &mut super::Sink) {
    let right = wrong.other();
    let (good, bad) = (right.block(r), wrong.block(r));
    let members: Vec<usize> = columns(set, good.len()).collect();
    let f = &doc.figures[bad[0].figure];
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
    d.cause = Some(format!(
        "两个年度的列相同：{}合计恰为这几列之和，{}合计却不是任何几列之和",
        right.zh(),
        wrong.zh()
    ));
    for &j in &members {
        let q = &doc.figures[bad[j].figure].q;
        d.related
            .push((q.start..q.end, format!("{}第{}列", wrong.zh(), j + 1)));
    }
    let g = &doc.figures[good[0].figure].q;
    d.related
        .push((g.start..g.end, format!("{}合计", right.zh())));
    sink.report(d);
}
