//! `evaluation-table`: a 项目绩效自评表 is consistent with itself and with the explanation of
//! its project; an execution rate of the text whose spending is the table's is that spending
//! over the table's budget. Its 年度资金总额 row's 执行率 is 全年执行数 ÷ 全年预算数; and the explanation
//! (`3.信息化运行维护项目绩效自评综述：…项目自评得分为 88.5 分。全年预算数为 1639.34 万元，执行数为
//! 1032.99 万元…`) states the table's 总分 score, 全年预算数 and 全年执行数.
//!
//! A table is bound to its explanation by the project's name: written the same in the table's
//! title and the explanation's heading, or, without the issuer and year a set of tables repeats
//! (`西安市级2022年…`), ending the heading's name (which may open with the unit that carries the
//! project out); and only when one table can be meant.

use super::{Context, Draft, Rule, RuleInfo, Sink};
use crate::claims::funds_split::PartRate;
use crate::claims::standard::{project_cores, project_name, Evaluation, TableKind};
use crate::claims::sum::{Marker, SumClaim};
use crate::read::document::Document;
use crate::read::interval::half_ulp;
use crate::read::quantity::{Money, Unit};
use crate::report::Severity;
use std::collections::HashMap;

pub struct EvaluationTable;

pub(super) static INFO: RuleInfo = RuleInfo {
    id: "evaluation-table",
    name_zh: "绩效自评表与自评综述",
    name_en: "Self-evaluation tables and their summaries",
    severity: Severity::Error,
    summary_zh: "项目绩效自评表中执行率 = 全年执行数 ÷ 全年预算数，总分得分不超过分值；自评综述中的自评得分、全年预算数、执行数应与同名项目自评表的总分和年度资金总额一致。",
    summary_en: "In a project self-evaluation table the execution rate is spending over the full-year budget; the project's summary states the table's total score, budget and spending.",
    explanation_zh: "项目支出绩效自评表的“年度资金总额”一行依次为年初预算数、全年预算数、全年执行数、分值、执行率、得分，\
执行率应等于全年执行数除以全年预算数。报告正文的“××项目绩效自评综述”复述该表：自评得分即表中“总分”的得分，\
全年预算数、执行数即“年度资金总额”一行的数。项目按名称对应：综述标题中的项目名称与自评表标题（或“项目名称”栏）相同，或以其去掉“××市级”“2022年”等各表共有前缀后的名称结尾（综述常冠以实施单位名），且只有一张表可能对应。\n\
例：综述“项目自评得分为 88.5 分”，同名自评表“总分 100 90.5”。",
    explanation_en: "The 年度资金总额 row of a project self-evaluation table reads 年初预算数, 全年预算数, 全年执行数, \
分值, 执行率, 得分; the rate is spending over the full-year budget. The project's summary in the text restates the \
table: its score is the table's 总分, its budget and spending the 年度资金总额 row. Projects are matched by the name in \
the summary's heading and the table's title or 项目名称 cell (or its ending, without the issuer and year every table \
repeats), when only one table can be meant. Example: 88.5 in the summary, 90.5 in the \
table.",
};

impl Rule for EvaluationTable {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }
    fn check(&self, cx: &mut Context) {
        let (doc, claims, sink) = cx.parts();
        let tables: Vec<&Evaluation> = claims
            .standard
            .tables
            .iter()
            .filter(|t| t.kind == TableKind::Evaluation)
            .filter_map(|t| t.evaluation.as_ref())
            .collect();
        for e in &tables {
            check_rate(doc, e, sink);
            check_marks(doc, e, sink);
            check_split(doc, e, sink);
            check_scores(doc, e, sink);
        }
        check_narrative_rates(doc, claims, &tables, sink);
        check_adjacent_scores(doc, claims, sink);
        let names = TableNames::new(&tables);
        let text = doc.text();
        // Every `绩效自评综述` of the text, found in one search rather than one per paragraph
        // (the word cannot overlap itself, so none is hidden by another).
        let summaries: Vec<usize> = text.match_indices(SUMMARY).map(|(i, _)| i).collect();
        let mut summaries_named = Vec::new();
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            // The paragraph's first one, if it lies wholly inside it.
            let Some(end) = summaries
                .get(summaries.partition_point(|&i| i < p.range.start))
                .filter(|&&i| i + SUMMARY.len() <= p.range.end)
                .map(|&i| i - p.range.start)
            else {
                continue;
            };
            let Some(head) = text.get(title_start(p)..p.range.start + end) else {
                continue;
            };
            // `7.某某项目` / `绩效自评综述：…`: the project named by the heading just before.
            let head = match head.trim() {
                "" => pi
                    .checked_sub(1)
                    .map(|h| &doc.paragraphs[h])
                    .filter(|h| h.heading.is_some())
                    .map_or("", |h| text[title_start(h)..h.range.end].trim()),
                head => head,
            };
            let name = project_name(&format!("{head}绩效自评表"));
            // No name binds nothing (a table titled only 绩效自评表 is no match for it).
            if name.chars().count() >= 2 {
                summaries_named.push((p, name));
            }
        }
        // Two summaries of one name are two projects no name tells apart; two summaries
        // bound to one table (`市疾控中心疫情防控经费`, `市急救中心疫情防控经费` to a table
        // of `疫情防控经费`) cannot both be its. (Counted, not searched for each summary:
        // that was quadratic in a text of many summaries.)
        let mut said: HashMap<&str, usize> = HashMap::new();
        for (_, name) in &summaries_named {
            *said.entry(name.as_str()).or_default() += 1;
        }
        let bound: Vec<Option<usize>> = summaries_named
            .iter()
            .map(|(_, name)| {
                (said[name.as_str()] == 1)
                    .then(|| names.table(name))
                    .flatten()
            })
            .collect();
        let mut binds = vec![0usize; tables.len()];
        for &t in bound.iter().flatten() {
            binds[t] += 1;
        }
        for ((p, _), t) in summaries_named.iter().zip(&bound) {
            let Some(t) = *t else { continue };
            if binds[t] > 1 {
                continue;
            }
            let e = tables[t];
            // The paragraph's figures: a run of the figures, which are in text order.
            let first = crate::read::document::first_figure_at(doc, p.range.start);
            let figures = doc.figures[first..]
                .iter()
                .enumerate()
                .map(|(k, f)| (first + k, f))
                .take_while(|(_, f)| f.q.start < p.range.end);
            for (i, f) in figures {
                let label = f.label.trim_end_matches(['为', '是', '：', ':']);
                let (cell, what) = if label.ends_with("得分") && e.score.is_some() {
                    (e.score, "总分得分")
                } else if label.ends_with("全年预算数") {
                    (e.funds.map(|x| x.budget), "全年预算数")
                } else if label.ends_with("执行数") && !label.contains("预算") {
                    (e.funds.map(|x| x.spent), "全年执行数")
                } else {
                    continue;
                };
                let Some(cell) = cell else { continue };
                // Amounts in the table's unit (万元 unless its 项目资金 or 单位 line says
                // otherwise); a score is a score.
                let unit = if what == "总分得分" {
                    None
                } else {
                    e.unit.filter(|&u| u != Money::Wan)
                };
                compare(doc, sink, (i, cell, unit), what, e.label(), SUMMARY_SAYS);
            }
        }
    }
}

const SUMMARY: &str = "绩效自评综述";

/// A score stated right next to a table, with no 综述 heading to name its project: in the
/// paragraph after it (`自评结论：…项目自评得分98.70分`) or the one before its title (`经自评，
/// …项目自评得分99.77分…。自评表如下：`). Only a total score (`自评得分`, `综合得分`), never an
/// indicator's (`产出指标得分`).
fn check_adjacent_scores(doc: &Document, claims: &crate::claims::Claims, sink: &mut Sink) {
    let tables: Vec<(&crate::claims::standard::StandardTable, &Evaluation)> = claims
        .standard
        .tables
        .iter()
        .filter_map(|t| Some((t, t.evaluation.as_ref()?)))
        .filter(|(_, e)| e.score.is_some())
        .collect();
    if tables.is_empty() {
        return;
    }
    // Paragraphs in original offsets, in text order.
    let spans: Vec<std::ops::Range<usize>> = doc
        .paragraphs
        .iter()
        .map(|p| {
            let s = doc.span(p.range.clone());
            s.start..s.end
        })
        .collect();
    for (t, e) in tables {
        let Some(score) = e.score else { continue };
        // The last paragraph ending before the title, the first starting after the table.
        let before = spans
            .partition_point(|r| r.end <= t.title.start)
            .checked_sub(1);
        let after = spans.partition_point(|r| r.start < t.end);
        for pi in before.into_iter().chain([after]) {
            let Some(p) = doc.paragraphs.get(pi) else {
                continue;
            };
            if p.heading.is_some() || p.is_table_cell {
                continue;
            }
            let text = &doc.text()[p.range.clone()];
            // (A 综述 names its project: bound by name, above.)
            if text.contains(SUMMARY) || text.contains("绩效自评表") && pi == after {
                continue;
            }
            let first = crate::read::document::first_figure_at(doc, p.range.start);
            let scores: Vec<usize> = (first..doc.figures.len())
                .take_while(|&i| doc.figures[i].q.start < p.range.end)
                .filter(|&i| names_total_score(&doc.figures[i].label))
                .collect();
            // (Two total scores in one paragraph: of two things, neither surely the table's.)
            if let [i] = scores[..] {
                compare(
                    doc,
                    sink,
                    (i, score, None),
                    "总分得分",
                    e.label(),
                    BESIDE_SAYS,
                );
            }
        }
    }
}

/// `项目自评得分`, `综合得分为`, `自评总分`: a project's total score, not an indicator's.
fn names_total_score(label: &str) -> bool {
    let l = label.trim_end_matches(['为', '是', '：', ':']);
    (l.ends_with("得分") || l.ends_with("总分"))
        && ["自评", "评价", "综合", "总", "项目"]
            .iter()
            .any(|w| l.contains(w))
        && !["指标", "执行率", "分值", "满分", "扣", "率"]
            .iter()
            .any(|w| l.contains(w))
}

/// The tables by the names a summary may give them: the title's project name, and the
/// names without the issuer and year every table of a set repeats ([`project_cores`]).
struct TableNames<'a> {
    by_project: HashMap<&'a str, Vec<usize>>,
    by_core: HashMap<String, Vec<usize>>,
    /// The longest core, in characters: a summary's name is looked up by its endings up to it.
    longest: usize,
}

impl<'a> TableNames<'a> {
    fn new(tables: &[&'a Evaluation]) -> Self {
        let mut by_project: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_core: HashMap<String, Vec<usize>> = HashMap::new();
        let mut longest = 0;
        for (t, e) in tables.iter().enumerate() {
            by_project.entry(e.project.as_str()).or_default().push(t);
            for core in project_cores(e) {
                longest = longest.max(core.chars().count());
                by_core.entry(core).or_default().push(t);
            }
        }
        TableNames {
            by_project,
            by_core,
            longest,
        }
    }

    /// The one table a summary's project `name` names: the table of that name, or else the
    /// one table whose name, without the issuer and year every table repeats, ends the
    /// summary's (`西安市疾病预防控制中心疾控新址实验设备采购` → `疾控新址实验设备采购`). Two
    /// tables that could be meant (`疫情防控经费`, `西安急救中心疫情防控经费`) bind neither.
    fn table(&self, name: &str) -> Option<usize> {
        if let Some(exact) = self.by_project.get(name) {
            return (exact.len() == 1).then(|| exact[0]);
        }
        // (table, the ending of `name` it is known by), for each ending a table has.
        let mut found: Vec<(usize, &str)> = Vec::new();
        for (n, (i, _)) in name.char_indices().rev().enumerate() {
            if n >= self.longest {
                break;
            }
            let ending = &name[i..];
            for &t in self.by_core.get(ending).into_iter().flatten() {
                found.push((t, ending));
            }
        }
        let t = found.first()?.0;
        if found.iter().any(|&(u, _)| u != t) {
            return None;
        }
        // A name too short to tell projects apart (`项目建设`) binds nothing, though it stops
        // a longer one binding (the summary might mean it).
        found
            .iter()
            .any(|(_, c)| c.chars().count() >= 4 && !c.starts_with("项目"))
            .then_some(t)
    }
}

/// `总分 90 93`: a score above the full marks.
fn check_marks(doc: &Document, e: &Evaluation, sink: &mut Sink) {
    let Some((full, score)) = e.marks else { return };
    let (f, s) = (&doc.figures[full], &doc.figures[score]);
    if s.q.value <= f.q.value {
        return;
    }
    let mut d = Draft::new(
        INFO.id,
        Severity::Error,
        s.q.start..s.q.end,
        format!(
            "“{}”自评表总分得分{}超过分值{}",
            e.label(),
            doc.written(s),
            doc.written(f)
        ),
        format!(
            "The table's total score {} exceeds its full marks {}",
            doc.written(s),
            doc.written(f)
        ),
    );
    d.stated = Some(doc.written(s));
    d.expected = Some(format!("≤ {}", doc.written(f)));
    d.related.push((f.q.start..f.q.end, "分值".into()));
    sink.report(d);
}

/// 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, in each amount column the rows under it
/// fill.
fn check_split(doc: &Document, e: &Evaluation, sink: &mut Sink) {
    let Some(split) = e.split.as_ref().filter(|s| !s.unread) else {
        return;
    };
    for ((total, _), parts) in split.totals.iter().zip(&split.parts) {
        let Some(total) = *total else { continue };
        if parts.is_empty() {
            continue;
        }
        // (A table's column: the rows under the total make it up whole, each written to the
        // column's precision.)
        let decimals = parts
            .iter()
            .chain([&total])
            .map(|&f| doc.figures[f].q.decimals)
            .max()
            .unwrap_or(0);
        let claim = SumClaim {
            total,
            parts: parts.clone(),
            marker: Marker::Column { decimals },
            marker_at: doc.figures[total].q.start,
        };
        super::kit::check_sum(INFO.id, doc, &claim, sink);
    }
    for part in &split.rates {
        check_part_rate(doc, e, *part, sink);
    }
}

/// `总分 100 92.6`: the 分值 and 得分 of the 年度资金总额 row and of every indicator row add up
/// to it. Trusted only as far as the table bears it out: a column that does not add up is
/// reported when the other one does (both failing, the rows were likely misread).
fn check_scores(doc: &Document, e: &Evaluation, sink: &mut Sink) {
    let (Some((full_total, score_total)), Some((funds_full, funds_score))) =
        (e.marks, e.funds_marks)
    else {
        return;
    };
    if e.scores.unread || e.scores.full.is_empty() {
        return;
    }
    let full: Vec<usize> = [funds_full]
        .into_iter()
        .chain(e.scores.full.iter().copied())
        .collect();
    let scored: Vec<usize> = [funds_score]
        .into_iter()
        .chain(e.scores.scored.iter().copied())
        .collect();
    // 分值 are exact; a 得分 total may round parts written to more decimals than it.
    let adds_up = |total: usize, parts: &[usize]| {
        let t = &doc.figures[total];
        let sum: rust_decimal::Decimal = parts.iter().map(|&p| doc.figures[p].q.value).sum();
        let finer = parts
            .iter()
            .any(|&p| doc.figures[p].q.decimals > t.q.decimals);
        let leeway = if finer {
            half_ulp(t.q.decimals)
        } else {
            rust_decimal::Decimal::ZERO
        };
        (sum - t.q.value).abs() <= leeway
    };
    let columns = [
        (full_total, &full, "分值", "full marks"),
        (score_total, &scored, "得分", "score"),
    ];
    let holds: Vec<bool> = columns.iter().map(|(t, p, _, _)| adds_up(*t, p)).collect();
    for (i, &(total, parts, what, what_en)) in columns.iter().enumerate() {
        let t = &doc.figures[total];
        let at = t.q.start..t.q.end;
        let sum = super::kit::cell_sum(doc, total, parts);
        if holds[i] {
            sink.verified(
                INFO.id,
                at,
                format!("{}，与总分{what}{}一致", sum.formula, doc.written(t)),
                format!("{}, the total {what_en} {}", sum.formula, doc.written(t)),
            );
        } else if holds[1 - i] {
            let mut d = Draft::new(
                INFO.id,
                Severity::Error,
                at,
                format!(
                    "“{}”自评表各行{what}之和{}与总分{what}{}不符，相差{}",
                    e.label(),
                    sum.sum,
                    doc.written(t),
                    sum.diff
                ),
                format!(
                    "The rows' {what_en} add up to {}, not the table's total {}",
                    sum.sum,
                    doc.written(t)
                ),
            );
            d.stated = Some(doc.written(t));
            d.expected = Some(sum.sum.clone());
            d.formula = Some(format!("{} ≠ {}", sum.formula, doc.written(t)));
            for &p in parts.iter() {
                let q = &doc.figures[p].q;
                d.related.push((q.start..q.end, what.into()));
            }
            sink.report(d);
        } else {
            sink.unchecked(
                INFO.id,
                at,
                "分值与得分之和都与总分不符：表中各行可能未读全",
                "neither column adds up: the rows may not all have been read",
            );
        }
    }
}

/// A source's own 执行率 (`其中：财政拨款 140.61 140.61 140.61 -- 0.0% --`): its 全年执行数 ÷
/// 全年预算数. A `0.0%` beside spending is the template's default left in: a warning.
fn check_part_rate(doc: &Document, e: &Evaluation, part: PartRate, sink: &mut Sink) {
    let what = (
        format!("“{}”自评表中资金来源的执行率", e.label()),
        format!("the execution rate of a source of “{}”", e.label()),
    );
    let Some(mut d) = table_rate(doc, (part.budget, part.spent, part.rate), what, sink) else {
        return;
    };
    if doc.figures[part.rate].q.value.is_zero() && !doc.figures[part.spent].q.value.is_zero() {
        d.severity = Severity::Warning;
        d.cause = Some("执行率为0而全年执行数不为0：似为表格模板的默认值未改".into());
    }
    sink.report(d);
}

/// Where a paragraph's own words start: after its heading's number.
fn title_start(p: &crate::read::segment::Paragraph) -> usize {
    p.heading
        .as_ref()
        .map_or(p.range.start, |h| h.marker.end)
        .max(p.range.start)
}

/// 执行率 = 全年执行数 ÷ 全年预算数 in the 年度资金总额 row.
fn check_rate(doc: &Document, e: &Evaluation, sink: &mut Sink) {
    let Some(funds) = e.funds else { return };
    let Some(rate) = funds.rate else { return };
    let what = (
        format!("“{}”自评表执行率", e.label()),
        format!("the execution rate of “{}”", e.label()),
    );
    if let Some(d) = table_rate(doc, (funds.budget, funds.spent, rate), what, sink) {
        sink.report(d);
    }
}

/// A table's rate against its row's 全年执行数 ÷ 全年预算数: recorded as verified, or the
/// finding for the caller to report, with both amounts related.
fn table_rate(
    doc: &Document,
    (budget, spent, rate): (usize, usize, usize),
    (what_zh, what_en): (String, String),
    sink: &mut Sink,
) -> Option<Draft> {
    let (b, s) = (&doc.figures[budget], &doc.figures[spent]);
    let computed = funds_rate(doc, budget, spent)?;
    let mut d = super::kit::check_rate(
        INFO.id,
        doc,
        sink,
        (computed, &doc.figures[rate]),
        &format!("{} ÷ {}", doc.written(s), doc.written(b)),
        (&what_zh, &what_en),
        super::kit::Place::Table,
    )?;
    d.related.push((b.q.start..b.q.end, "全年预算数".into()));
    d.related.push((s.q.start..s.q.end, "全年执行数".into()));
    Some(d)
}

/// A funds row's 全年执行数 ÷ 全年预算数, in its cells' unit (`None` on a zero budget or
/// a cell that is no amount).
fn funds_rate(
    doc: &Document,
    budget: usize,
    spent: usize,
) -> Option<crate::read::interval::Interval> {
    let (b, s) = (&doc.figures[budget], &doc.figures[spent]);
    s.q.interval()?.div(b.q.interval()?)
}

/// An execution rate of the text whose spending is one table's 全年执行数, and that names no
/// budget of its own: the table's 全年执行数 ÷ 全年预算数 (`项目实际支出698.37万元，预算执行率为
/// 94.60%` beside a table's `年度资金总额 600.00 742.50 698.37 10 94.06% 9.41`). Only a rate
/// called 执行率 (not `完成年初预算的`: another column), its spending in 万元 written as the
/// cell is, and only when no other table spent the same.
fn check_narrative_rates(
    doc: &Document,
    claims: &crate::claims::Claims,
    tables: &[&Evaluation],
    sink: &mut Sink,
) {
    if tables.iter().all(|e| e.funds.is_none()) {
        return;
    }
    // How many table cells state each amount, counted once: a 全年执行数 another row states
    // too (`其中：财政拨款 600.00 700.00 698.37`) binds the text's rate to neither row.
    let mut cells_of: HashMap<(rust_decimal::Decimal, u32), usize> = HashMap::new();
    for f in doc.figures.iter().filter(|f| f.in_table) {
        *cells_of.entry((f.q.value, f.q.decimals)).or_default() += 1;
    }
    for c in &claims.completions {
        let (Some(a), None) = (c.actual, c.target) else {
            continue;
        };
        let (r, spent) = (&doc.figures[c.rate], &doc.figures[a]);
        if !r.label.contains("执行率") || r.label.contains("年初") {
            continue;
        }
        if spent.q.unit != Unit::Money(Money::Wan) {
            continue;
        }
        let same = |cell: usize| {
            let q = &doc.figures[cell].q;
            q.value == spent.q.value && q.decimals == spent.q.decimals
        };
        let mut bound = tables
            .iter()
            .filter_map(|e| e.funds.filter(|f| same(f.spent)).map(|f| (e, f)));
        let (Some((e, funds)), None) = (bound.next(), bound.next()) else {
            continue;
        };
        if cells_of.get(&(spent.q.value, spent.q.decimals)) != Some(&1) {
            continue;
        }
        // (The table's cells, in the unit its header states: the text's figure is in 元.)
        let (b, cell) = (&doc.figures[funds.budget], &doc.figures[funds.spent]);
        let Some(computed) = funds_rate(doc, funds.budget, funds.spent) else {
            continue;
        };
        let formula_base = format!("{} ÷ {}", doc.written(spent), doc.written(b));
        let Some(mut d) = super::kit::check_rate(
            INFO.id,
            doc,
            sink,
            (computed, r),
            &formula_base,
            (
                &format!("执行率（按“{}”自评表的全年预算数）", e.label()),
                &format!(
                    "The execution rate (on the budget of the table of “{}”)",
                    e.label()
                ),
            ),
            super::kit::Place::Text,
        ) else {
            continue;
        };
        d.related
            .push((b.q.start..b.q.end, "自评表全年预算数".into()));
        d.related
            .push((spent.q.start..spent.q.end, "全年执行数".into()));
        d.related
            .push((cell.q.start..cell.q.end, "自评表全年执行数".into()));
        sink.report(d);
    }
}

/// The explanation's figure `i` against the table's `cell` (amounts in 万元, as the table's
/// `项目资金（万元）` says, or in the unit it names instead; scores in points).
/// Where the text states what the table does, in a finding's message (Chinese, English).
type SaidIn = (&'static str, &'static str);
const SUMMARY_SAYS: SaidIn = ("自评综述中", "the summary of");
const BESIDE_SAYS: SaidIn = ("自评表旁的文字中", "the text beside the table of");

fn compare(
    doc: &Document,
    sink: &mut Sink,
    (i, cell, cell_unit): (usize, usize, Option<Money>),
    what: &str,
    project: &str,
    (said_zh, said_en): SaidIn,
) {
    let (f, c) = (&doc.figures[i], &doc.figures[cell]);
    let agrees = match cell_unit {
        // A table in 元 (or 亿元): only an amount with its unit can be compared.
        Some(u) => match f.q.unit {
            Unit::Money(_) => super::kit::states_cell(f, c, u),
            _ => return,
        },
        None => {
            if !matches!(
                f.q.unit,
                Unit::None | Unit::Count(_) | Unit::Money(Money::Wan)
            ) {
                return;
            }
            let tolerance = half_ulp(f.q.decimals).max(half_ulp(c.q.decimals));
            (f.q.value - c.q.value).abs() <= tolerance
        }
    };
    let at = f.q.start..f.q.end;
    if agrees {
        sink.verified(
            INFO.id,
            at,
            format!("与“{project}”自评表的{what}{}一致", doc.written(c)),
            format!("agrees with the self-evaluation table of “{project}”"),
        );
        return;
    }
    let mut d = Draft::new(
        INFO.id,
        Severity::Error,
        at,
        format!(
            "{said_zh}“{project}”的{what}为{}，自评表中为{}",
            doc.written(f),
            doc.written(c)
        ),
        format!(
            "{said_en} “{project}” says {}, its self-evaluation table {}",
            doc.written(f),
            doc.written(c)
        ),
    );
    d.stated = Some(doc.written(f));
    d.expected = Some(doc.written(c));
    d.related
        .push((c.q.start..c.q.end, format!("“{project}”自评表的{what}")));
    sink.report(d);
}
