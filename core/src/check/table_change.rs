//! `table-change`: a change the text states (`会议费预算37.55万元，较上年减少33.10万元`)
//! agrees with the table that sets last year, this year and their change side by side.
//!
//! The table's row is found by the current-year figure the text binds to the change: it must
//! equal exactly one column's current-year amount, or several whose changes are the same;
//! otherwise which column the text speaks of is open and nothing is said. The change must
//! stand in a section whose heading names the table's topic (`六、“三公”经费预算情况`): a
//! figure elsewhere may equal a column's by chance. A comparison with another year than the
//! previous one (`较2018年`) is not this table's.

use super::kit::{conflict, fixed, money};
use super::{Context, Rule, RuleInfo};
use crate::claims::growth::Direction;
use crate::claims::year_blocks::{Signed, YearRow};
use crate::read::document::Document;
use crate::read::quantity::Unit;
use crate::read::segment::HeadingStyle;
use crate::report::Severity;

pub struct TableChange;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "table-change",
    name_zh: "增减额与上年、本年对比表",
    name_en: "A stated change against the table of both years",
    severity: Severity::Error,
    summary_zh: "文中“较上年增加（减少）X”应与并列上年数、本年数、增减数的表格（如“三公”经费预算表）中同一列的增减一致。",
    summary_en: "A change stated in the text agrees with the table that sets last year's, this year's and the change's columns side by side.",
    explanation_zh: "不少部门预算的“三公”经费表并列上年、本年和增减变化三组同样的列。本规则按算术识别这种表（末组各列恰为中组减首组），\
用文中与增减额相连的本年数找到表中对应的列：本年数须恰等于某一列的本年数（或几列相等但增减相同），再核对文中的增减额和方向与该列的增减数一致。\
只核对标题提及该表引号中主题（如“三公”）的部分里的文字；本年数对应不到唯一的列、或同一数值在文中有两种名称时，不作判断。\n\
例：表中会议费上年70.45、本年37.55、增减−32.90，文中“会议费预算37.55万元，较上年预算减少33.10万元”：应为减少32.90万元。",
    explanation_en: "Many budgets' 三公 tables set last year's, this year's and the change's columns side by side. \
Such a table is known by its arithmetic (the last block is the middle minus the first). The current-year figure bound \
to the stated change picks the column: it must equal one column's current amount (or several with the same change). \
The stated change and its direction must then equal that column's change. Only text in a section whose heading \
names the table's quoted topic (三公) is read, and a value the text names two ways picks no column. Example: 会议费 70.45 → 37.55, change \
−32.90, while the text says 减少33.10万元.",
};

impl Rule for TableChange {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        if claims.year_rows.is_empty() {
            return;
        }
        let year = doc.info().year;
        let headings = section_headings(doc);
        let names = column_names(doc, &headings, &claims.year_rows);
        for g in &claims.growths {
            if let (Some((named, _)), Some(y)) = (&g.compared_year, year) {
                if i32::from(*named) != i32::from(y) - 1 {
                    continue;
                }
            }
            let Some(ci) = g.current.or(g.named) else {
                continue;
            };
            let (cur, d) = (&doc.figures[ci], &doc.figures[g.delta]);
            let (Unit::Money(_), Unit::Money(delta_unit)) = (cur.q.unit, d.q.unit) else {
                continue;
            };
            if cur.q.approx || d.q.approx || cur.q.value.is_zero() {
                continue;
            }
            let face = cur.q.face();
            let heading = headings[d.paragraph()];
            // Every column whose current amount is the text's: (previous, current, change).
            let mut matches: Vec<(Signed, Signed, Signed)> = Vec::new();
            let mut named_twice = false;
            for (r, named) in claims.year_rows.iter().zip(&names) {
                if !r.first || !heading.contains(&r.topic) {
                    continue;
                }
                for (c, naming) in named.iter().enumerate() {
                    if r.current[c].yuan == face {
                        named_twice |= *naming == Naming::Several;
                        matches.push((r.previous[c], r.current[c], r.change[c]));
                    }
                }
            }
            let Some(&(previous, current, change)) = matches.first() else {
                continue;
            };
            if named_twice || matches.iter().any(|m| m.2.yuan != change.yuan) {
                continue;
            }
            let Some(stated) = d.q.interval() else {
                continue;
            };
            let signed = match g.direction {
                Direction::Up => change.yuan,
                Direction::Down => -change.yuan,
            };
            let written = doc.written(d);
            if stated.lo <= signed && signed <= stated.hi {
                sink.verified(
                    INFO.id,
                    d.q.start..d.q.end,
                    format!("{written}与表中增减一致（上年与本年之差）"),
                    "agrees with the table's change (this year less last year)".into(),
                );
                continue;
            }
            let (unit, dp) = (d.q.unit, d.q.decimals.max(2));
            let table = format!(
                "{}{}",
                Direction::of(change.yuan).verb(),
                money(change.yuan.abs(), unit, dp)
            );
            let said = format!("{}{written}", g.direction.verb());
            // The table's change, and the figures it is computed from.
            let mut there: Vec<(std::ops::Range<usize>, String)> = [
                (previous, "表中上年数"),
                (current, "表中本年数"),
                (change, "表中增减数"),
            ]
            .into_iter()
            .filter_map(|(s, what)| {
                let q = &doc.figures[s.figure?].q;
                Some((q.start..q.end, what.into()))
            })
            .collect();
            there.push((cur.q.start..cur.q.end, "本年数".into()));
            let mut f = conflict(
                INFO.id,
                Severity::Error,
                (d.q.start..d.q.end, &said),
                (&table, there),
                format!(
                    "{} − {} = {}",
                    money(current.yuan, unit, dp),
                    money(previous.yuan, unit, dp),
                    money(change.yuan, unit, dp)
                ),
                (
                    format!("增减额与表中不一致：表中{table}，文中为{said}"),
                    format!(
                        "The table's change is {} while the text says {}",
                        money(change.yuan, unit, dp),
                        written
                    ),
                ),
            );
            f.cause = Some(format!(
                "本年数{}对应表中本年一列，其上年数为{}",
                doc.written(cur),
                fixed(previous.yuan / delta_unit.scale(), dp)
            ));
            sink.report(f);
        }
    }
}

/// How the text names the amount of one current-year column.
#[derive(Clone, PartialEq)]
enum Naming {
    Unnamed,
    Named(String),
    /// Two amounts equal to it under different names (`公务接待费4.40万元`, `会议费4.40万元`):
    /// which of them the column is, is open.
    Several,
}

/// For each year row and each of its current-year columns, the names the text gives amounts
/// equal to it in the sections about the row's topic. One pass over the figures, each looked
/// up by its value.
fn column_names(doc: &Document, headings: &[&str], rows: &[YearRow]) -> Vec<Vec<Naming>> {
    let mut out: Vec<Vec<Naming>> = rows
        .iter()
        .map(|r| vec![Naming::Unnamed; r.current.len()])
        .collect();
    let mut by_value: std::collections::HashMap<rust_decimal::Decimal, Vec<(usize, usize)>> =
        Default::default();
    for (ri, r) in rows.iter().enumerate() {
        for (c, s) in r.current.iter().enumerate() {
            by_value
                .entry(s.yuan.normalize())
                .or_default()
                .push((ri, c));
        }
    }
    for f in &doc.figures {
        if !matches!(f.q.unit, Unit::Money(_)) || f.q.value.is_zero() {
            continue;
        }
        let Some(cells) = by_value.get(&f.q.face().normalize()) else {
            continue;
        };
        let name: String = f
            .label
            .chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace() && *c != '年')
            .collect();
        let name = name.trim_start_matches("其中").to_string();
        if name.is_empty() {
            continue;
        }
        for &(ri, c) in cells {
            if !headings[f.paragraph()].contains(&rows[ri].topic) {
                continue;
            }
            let slot = &mut out[ri][c];
            *slot = match std::mem::replace(slot, Naming::Unnamed) {
                Naming::Unnamed => Naming::Named(name.clone()),
                Naming::Named(n) if n.contains(&name) || name.contains(&n) => Naming::Named(n),
                _ => Naming::Several,
            };
        }
    }
    out
}

/// For each paragraph, the heading of the top-level section (`一、`, `第一部分`) it lies in;
/// empty before the first. One pass.
fn section_headings<'t>(doc: &'t Document) -> Vec<&'t str> {
    let mut current = "";
    doc.paragraphs
        .iter()
        .map(|p| {
            if let Some(h) = p
                .outline_heading()
                .filter(|h| matches!(h.style, HeadingStyle::Chinese | HeadingStyle::Part))
            {
                current = &doc.text()[h.line.clone()];
            }
            current
        })
        .collect()
}
