//! `restated`: the same quantity stated in two places (text and text, text and table, 元 and
//! 万元) must agree within rounding.

use super::kit::{conflict, money, unequal};
use super::{Context, Rule, RuleInfo, Sink};
use crate::claims::facts::{Fact, Scope, PROJECT};
use crate::read::document::Document;
use crate::read::interval::Interval;
use crate::read::quantity::{Money, Unit};
use crate::report::Severity;
use rust_decimal::Decimal;

pub struct Restated;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "restated",
    name_zh: "前后数据一致",
    name_en: "Restated figures agree",
    severity: Severity::Error,
    summary_zh: "同一数额在正文、表格、附件中多次出现时，各处数值（换算单位后）应一致。",
    summary_en: "A quantity stated in several places (text, tables, 元 and 万元) has one value.",
    explanation_zh: "把每个金额按其名称归一（去掉年份、“本年”“决算”“为”等字样，区分收入与支出、\
预算与决算、本年与上年），同名金额逐一与首次出现处比较；按四舍五入区间（换算为元）不相交即不一致。\
名称措辞完全相同时为错误，仅归一后相同时为警告；相差恰为万倍、千倍时指出单位误写。\
同一句中的同名金额（如逐笔列举）不作比较。\n\
例：正文“项目全年预算数60万元，执行数为41万元”，绩效表中“执行数：31”（万元），两处不一致；\
“公务接待费支出决算3.26万元”与“公务接待32552.00元”换算后一致（32552元 = 3.2552万元，四舍五入为3.26万元）。",
    explanation_en: "Money figures are keyed by their normalised name (no year, no 本年/决算/为; income vs \
spending, budget vs outturn, this year vs last kept apart). Each statement is compared with the first one on \
rounding intervals in yuan. Identical wording makes a conflict an error, a normalised match a warning; a factor \
of exactly 10,000 or 1,000 is reported as a unit slip. Example: 执行数为41万元 in the text vs 31 in the table.",
};

impl Rule for Restated {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        for (key, group) in &claims.facts.groups {
            let Some((anchor, rest)) = group.split_first() else {
                continue;
            };
            // A section may report on several projects in prose; only its table's
            // `预算数`/`执行数` are surely the ones the prose beside it restates. So too for
            // anything of a 项目支出 section (`结转项目` of two programmes) or named as a
            // project (`项目经费`).
            let project = key.section.is_some()
                || key.scope == Some(Scope::Project)
                || key.code.is_none() && key.scope.is_none() && key.name.starts_with(PROJECT);
            for f in rest {
                if f.sentence(doc).is_some() && f.sentence(doc) == anchor.sentence(doc) {
                    continue;
                }
                if project && f.from_table == anchor.from_table {
                    continue;
                }
                // Two tables often break different things down under the same row names;
                // only text against text, or text against a table, is a restatement.
                if f.from_table && anchor.from_table {
                    continue;
                }
                // Parts of two different stated totals (`公务接待费` of 机关运行经费 and of
                // the 三公经费) are two quantities under one name.
                if matches!((f.parent(doc), anchor.parent(doc)), (Some(a), Some(b)) if !a.overlaps(b))
                {
                    continue;
                }
                // A part of a total that names its funds (`一般公共预算当年拨款…，其中：1.基本
                // 支出…`) and a statement under no such total (`部门预算…基本支出…`) may be of
                // two funds: in the text, where the key names neither, they are not compared.
                if let (false, false, Ok(a), Ok(b)) = (
                    f.from_table,
                    anchor.from_table,
                    parent_funds(doc, f),
                    parent_funds(doc, anchor),
                ) {
                    if a != b {
                        continue;
                    }
                }
                // The initial budget and the budget after changes (`年初预算120.00万元，…追加
                // 10.00万元` / `全年预算130.00万元`) are two budgets of one thing.
                let initial = |x: &Fact| x.label.contains("年初");
                let adjusted = |x: &Fact| ["全年", "调整"].iter().any(|w| x.label.contains(w));
                if key.stage == crate::claims::facts::Stage::Budget
                    && (initial(f) && adjusted(anchor) || initial(anchor) && adjusted(f))
                {
                    continue;
                }
                compare(doc, anchor, f, project, sink);
            }
        }
    }
}

/// The funds a fact is of by its own words or its total's (`Err` when that says nothing).
fn parent_funds(doc: &Document, f: &Fact) -> Result<Option<crate::claims::facts::Scope>, ()> {
    let total = f.parent_figure().map(|t| doc.figures[t].label.as_ref());
    crate::claims::facts::funds_of(&f.label, total)
}

/// The fact as written, with its unit even where a table gives it once in a header.
fn written(doc: &Document, f: &Fact) -> String {
    // From the original text, as `Document::written` does: the normalised text has lost the
    // thousands separators (`2,617,435.49元`) and full-width digits the user wrote.
    let w: String = doc
        .quote(doc.span(f.at(doc)))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let suffix = f.unit.suffix();
    if w.ends_with(suffix) || (suffix == "万元" && w.ends_with('万')) {
        w
    } else {
        format!("{w}{suffix}")
    }
}

fn quoted(f: &Fact) -> String {
    if f.from_table {
        f.label.to_string()
    } else {
        format!("“{}”", f.label)
    }
}

/// `“执行数为41万元”` for a sentence; `表中“执行数”31万元` for a table cell.
fn named(f: &Fact, written: &str) -> String {
    if f.from_table {
        format!("{}{written}", f.label)
    } else {
        format!("“{}{written}”", f.label)
    }
}

fn line(doc: &Document, f: &Fact) -> usize {
    doc.line_of(doc.span(f.at(doc)).start)
}

fn compare(doc: &Document, anchor: &Fact, f: &Fact, project: bool, sink: &mut Sink) {
    let (aw, fw) = (written(doc, anchor), written(doc, f));
    let where_anchor = format!("第{}行{}", line(doc, anchor), named(anchor, &aw));
    if f.value(doc).overlaps(anchor.value(doc)) {
        let detail = if f.unit == anchor.unit {
            format!("与{where_anchor}一致")
        } else {
            let scale = match anchor.unit {
                Unit::Money(m) => m.scale(),
                _ => Decimal::ONE,
            };
            format!(
                "与{where_anchor}一致：{} = {}{}",
                fw,
                (f.face(doc) / scale).normalize(),
                anchor.unit.suffix()
            )
        };
        let detail_en = format!("agrees with line {} ({aw})", line(doc, anchor));
        sink.verified(INFO.id, f.at(doc), detail, detail_en);
        return;
    }
    if let Some(unit) = unit_that_agrees(doc, f, anchor) {
        let mut d = conflict(
            INFO.id,
            Severity::Warning,
            (f.at(doc), &fw),
            (
                &aw,
                [(anchor.at(doc), format!("首次出现：{}", anchor.label))],
            ),
            format!(
                "{} ≠ {}；{}{} = {}",
                fw,
                aw,
                trim_unit(&fw, f.unit),
                unit.name(),
                money(
                    f.value(doc).mid() / unit_scale(f.unit) * unit.scale(),
                    anchor.unit,
                    2
                )
            ),
            (
                format!(
                    "单位疑误：此处“{fw}”，{where_anchor}；若写作{}则两处一致",
                    unit.name()
                ),
                format!(
                    "Unit slip? {fw} here, {aw} on line {}; in {} the two agree",
                    line(doc, anchor),
                    unit.name()
                ),
            ),
        );
        d.cause = Some(format!("金额单位误写（应为{}）", unit.name()));
        sink.report(d);
        return;
    }
    // Values an order of magnitude apart are different things that happen to share a
    // name (`完成市下达目标1892.28万元` and `…目标28亿元`), not one figure misstated.
    let (mid, anchor_mid) = (f.value(doc).mid(), anchor.value(doc).mid());
    let (lo, hi) = if mid < anchor_mid {
        (mid, anchor_mid)
    } else {
        (anchor_mid, mid)
    };
    // Checked: `lo × 10` overflowed (and panicked) for figures above Decimal::MAX / 10 (found
    // by fuzzing docx_xml); hi cannot exceed an overflowing product, so no return then.
    if lo.is_zero() || lo.checked_mul(Decimal::TEN).is_some_and(|lo10| hi > lo10) {
        return;
    }
    // Identical wording names one quantity; a short word (`执行数`) does so only within the
    // section's project, text against its table.
    let same_words = f.wording == anchor.wording && (f.wording.chars().count() >= 4 || project);
    let severity = if same_words {
        Severity::Error
    } else {
        Severity::Warning
    };
    let diff = money(hi - lo, f.unit, decimals(&fw).max(2));
    let mut d = conflict(
        INFO.id,
        severity,
        (f.at(doc), &fw),
        (&aw, [(anchor.at(doc), format!("另一处：{}", anchor.label))]),
        unequal(&fw, &aw, &diff),
        (
            format!("前后不一致：此处{}，{where_anchor}", named(f, &fw)),
            format!(
                "Stated twice with different values: {fw} here, {aw} on line {}",
                line(doc, anchor)
            ),
        ),
    );
    // The other place's value in this one's unit.
    d.expected = Some(money(anchor_mid, f.unit, decimals(&fw)));
    if !same_words {
        d.cause = Some(format!(
            "两处名称相近（{}与{}），请确认是否同一数额",
            quoted(f),
            quoted(anchor)
        ));
    }
    sink.report(d);
}

/// Decimals written in a figure.
fn decimals(w: &str) -> u32 {
    w.split_once('.')
        .map(|(_, d)| d.chars().take_while(char::is_ascii_digit).count() as u32)
        .unwrap_or(0)
}

fn unit_scale(u: Unit) -> Decimal {
    match u {
        Unit::Money(m) => m.scale(),
        _ => Decimal::ONE,
    }
}

fn trim_unit(w: &str, u: Unit) -> String {
    w.trim_end_matches(u.suffix()).to_string()
}

/// Another money unit in which `f`'s digits agree with `anchor`.
fn unit_that_agrees(doc: &Document, f: &Fact, anchor: &Fact) -> Option<Money> {
    let Unit::Money(own) = f.unit else {
        return None;
    };
    // Only a figure precise to within 1% can be said to agree in another unit
    // (`0万元` agrees with anything once scaled).
    let (value, anchor_value) = (f.value(doc), anchor.value(doc));
    let mid = value.mid();
    if mid <= Decimal::ZERO || (value.hi - value.lo) * Decimal::ONE_HUNDRED > mid {
        return None;
    }
    [Money::Yuan, Money::Qian, Money::Wan, Money::Yi]
        .into_iter()
        .filter(|&m| m != own)
        .find(|&m| {
            let factor = m.scale() / own.scale();
            let lo = value.lo.checked_mul(factor);
            let hi = value.hi.checked_mul(factor);
            matches!((lo, hi), (Some(lo), Some(hi)) if Interval { lo, hi }.overlaps(anchor_value))
        })
}
